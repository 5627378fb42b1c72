"""Two-step sign-in to the admin (portal/two_factor.py), through the real sign-in form."""

from __future__ import annotations

import io
import re
from base64 import b32decode
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from portal.editorial import workflow
from tests.factories import site_home
from tests.helpers import elements

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]


@pytest.fixture
def two_factor_on(settings):
    settings.PORTAL_TWO_FACTOR = True


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "redaktor", "redaktor@example.org", "ett långt lösenord", is_staff=True
    )
    editors, _ = workflow.ensure_groups()  # the editors' group as the seed command makes it
    user.groups.add(editors)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    return user


def sign_in(client, next_url="/admin/pages/"):
    response = client.post(
        "/admin/login/",
        {"username": "redaktor", "password": "ett långt lösenord", "next": next_url},
    )
    assert response.status_code == 302, response.status_code
    return response


def key_on_page(html: str) -> bytes:
    """The key as the set-up page shows it to type into an app."""
    shown = re.search(r'<code class="two-factor-key">([A-Z2-7 ]+)</code>', html).group(1)
    key = shown.replace(" ", "")
    return b32decode(key + "=" * (-len(key) % 8))


def code(key: bytes) -> str:
    return f"{totp(key):06d}"


def script_sources(response) -> list[str]:
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        if name == "script-src":
            return sources
    return []


def errors(html: str) -> list[str]:
    return [unescape(e.strip()) for e in re.findall(r'<li class="error">(.*?)</li>', html, re.S)]


def test_first_sign_in_sets_up_an_authenticator_before_any_admin_page(client, editor):
    response = sign_in(client)
    # The password alone leads to the set-up page, whatever admin page is asked for.
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=/admin/pages/")
    assert client.get("/admin/").status_code == 302

    setup = client.get(response["Location"])
    html = setup.content.decode()
    assert setup.status_code == 200
    assert elements(html, "html")[0]["lang"] == "sv"  # the editor's language
    assert "Ställ in tvåstegsinloggning" in html
    assert "<svg" in html and "<title>" in html  # the QR code, with a text alternative
    key = key_on_page(html)
    device = TOTPDevice.objects.get(user=editor)
    assert key == device.bin_key and not device.confirmed
    assert 'autocomplete="one-time-code"' in html

    wrong = client.post(setup.request["PATH_INFO"], {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert errors(wrong.content.decode())  # said in Swedish, on the same page
    assert "koden" in errors(wrong.content.decode())[0].lower()

    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the throttle
        done = client.post(setup.request["PATH_INFO"], {"code": code(key), "next": "/admin/pages/"})
        assert done.status_code == 302 and done["Location"] == "/admin/pages/"
        assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_later_sign_ins_ask_for_the_current_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/verify/?next=/admin/pages/"
    page = client.get(response["Location"])
    assert "Tvåstegsinloggning" in page.content.decode()
    assert "<svg" not in page.content.decode()  # the key is never shown again

    # Letters and too few digits are refused with a message.
    for typed in ("abcdef", "12345"):
        refused = client.post("/admin/2fa/verify/", {"code": typed, "next": "/admin/pages/"})
        assert refused.status_code == 200 and errors(refused.content.decode())
    right = code(device.bin_key)
    accepted = client.post("/admin/2fa/verify/", {"code": right, "next": "/admin/pages/"})
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200

    # The same code cannot be used twice (another session, within its 30 seconds).
    client.logout()
    sign_in(client)
    replay = client.post("/admin/2fa/verify/", {"code": right, "next": "/admin/pages/"})
    assert replay.status_code == 200 and errors(replay.content.decode())


def test_after_a_wrong_code_the_page_says_how_long_to_wait(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    sign_in(client)
    for _attempt in range(3):
        client.post("/admin/2fa/verify/", {"code": "000000"})
    refused = client.post("/admin/2fa/verify/", {"code": code(device.bin_key)})
    message = errors(refused.content.decode())[0]
    assert re.search(r"Vänta \d+ sekund", message), message
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_next_never_leads_to_another_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    sign_in(client)
    response = client.post(
        "/admin/2fa/verify/", {"code": code(device.bin_key), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_sign_in_and_password_reset_stay_open_and_strict(client, editor):
    sign_in(client)
    for path in ("/admin/login/", "/admin/password_reset/", "/admin/2fa/setup/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert "'unsafe-inline'" not in script_sources(response), path
    # What every admin page loads stays reachable: the icons and the scripts' texts.
    for path in ("/admin/sprite/", "/admin/jsi18n/"):
        assert client.get(path).status_code == 200, path
    anonymous = client.__class__()
    assert anonymous.get("/admin/2fa/verify/")["Location"].startswith("/admin/login/")


def test_the_public_site_never_asks_for_a_code(client, editor):
    home = site_home()
    sign_in(client)
    response = client.get("/sv/")
    assert response.status_code == 200
    assert home.intro_sv in response.content.decode()


def test_reset_removes_the_authenticator_and_set_up_comes_again(client, editor):
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    call_command("reset_two_factor", "redaktor", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_in(client)
    assert client.get("/admin/pages/")["Location"].startswith("/admin/2fa/setup/")


def test_switched_off_the_password_is_enough(client, editor, settings):
    settings.PORTAL_TWO_FACTOR = False
    sign_in(client)
    assert client.get("/admin/").status_code == 200


# Resetting another user's authenticator in the admin -------------------------------------


@pytest.fixture
def administrator(django_user_model):
    """A superuser with a confirmed authenticator, signed in with password and code."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "admin-lösen")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


def sign_in_with_code(client, user, password, device):
    response = client.post("/admin/login/", {"username": user.username, "password": password})
    assert response.status_code == 302
    verified = client.post("/admin/2fa/verify/", {"code": code(device.bin_key)})
    assert verified.status_code == 302


def test_an_administrator_resets_an_editors_authenticator_in_the_admin(
    client, editor, administrator, django_user_model
):
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    admin, device = administrator
    sign_in_with_code(client, admin, "admin-lösen", device)

    without = django_user_model.objects.create_user("utan", "utan@example.org", "x", is_staff=True)
    with CaptureQueriesContext(connection) as listing_queries:
        listing = client.get("/admin/users/").content.decode()
    reset_url = f"/admin/two-step-reset/{editor.pk}/"
    assert reset_url in listing  # offered for the editor, who has one
    assert f"/admin/two-step-reset/{admin.pk}/" in listing
    assert f"/admin/two-step-reset/{without.pk}/" not in listing  # nothing to reset
    # Which users have a device is read once for the whole list, not once per row.
    device_reads = [q for q in listing_queries if "otp_totp_totpdevice" in q["sql"]]
    assert len(device_reads) <= 2, len(device_reads)
    confirm = client.get(reset_url)
    assert confirm.status_code == 200 and "redaktor" in confirm.content.decode()
    done = client.post(reset_url)
    assert done["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "Two-step sign-in of redaktor was reset" in client.get("/admin/users/").content.decode()
    # The administrator's own device is untouched; the editor sets up anew.
    assert TOTPDevice.objects.filter(user=admin).exists()
    editor_client = client.__class__()
    sign_in(editor_client)
    assert editor_client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_the_reset_needs_the_administrators_own_code_and_the_right_to_change_users(
    client, editor, administrator
):
    admin, _device = administrator
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    reset_url = f"/admin/two-step-reset/{admin.pk}/"
    # Password only: the reset page, like every admin page, first asks for the code.
    client.post("/admin/login/", {"username": "admin", "password": "admin-lösen"})
    assert client.post(reset_url)["Location"].startswith("/admin/2fa/verify/")
    assert TOTPDevice.objects.filter(user=admin).exists()
    # An editor with their code cannot reset anyone's (no right to change users).
    editor_device = TOTPDevice.objects.get(user=editor)
    other = client.__class__()
    sign_in_with_code(other, editor, "ett långt lösenord", editor_device)
    assert other.post(reset_url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_each_set_up_session_gets_its_own_key_and_a_key_seen_elsewhere_is_useless(
    client, editor, django_user_model
):
    from django.test import Client

    other = Client()
    sign_in(client)
    first_key = key_on_page(client.get("/admin/2fa/setup/").content.decode())
    # Reloading the page in the same session shows the same key.
    assert key_on_page(client.get("/admin/2fa/setup/").content.decode()) == first_key

    sign_in(other)
    second_key = key_on_page(other.get("/admin/2fa/setup/").content.decode())
    assert second_key != first_key

    # The first session's key confirms nothing in the second session.
    refused = other.post("/admin/2fa/setup/", {"code": code(first_key), "next": "/admin/"})
    assert refused.status_code == 200 and errors(refused.content.decode())
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the throttle
        done = other.post("/admin/2fa/setup/", {"code": code(second_key), "next": "/admin/"})
        assert done.status_code == 302
        # Confirmed: the other session's unconfirmed device is gone, and that session is
        # asked for the confirmed authenticator's code.
        assert list(TOTPDevice.objects.filter(user=editor).values_list("confirmed", flat=True)) == [
            True
        ]
        late = client.post("/admin/2fa/setup/", {"code": code(first_key), "next": "/admin/"})
        assert late.status_code == 302 and late["Location"].startswith("/admin/2fa/verify/")


def test_an_unconfirmed_set_up_expires(client, editor):
    sign_in(client)
    first_key = key_on_page(client.get("/admin/2fa/setup/").content.decode())
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        later = key_on_page(client.get("/admin/2fa/setup/").content.decode())
        assert later != first_key
        assert TOTPDevice.objects.filter(user=editor).count() == 1  # the stale one removed
