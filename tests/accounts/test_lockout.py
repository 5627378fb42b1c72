"""The admin's lock-out counts a user name together with the visitor's address, taken from
the proxies' header exactly as configured; it cannot be turned against an editor."""

import datetime

import pytest
import time_machine

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-123"
BALANCER = "10.0.0.1"  # every request through the balancer has its address


@pytest.fixture
def editor(django_user_model, settings):
    settings.AXES_ENABLED = True
    return django_user_model.objects.create_user("redaktor", "r@example.org", PASSWORD)


def attempt(client, password, **meta):
    client.logout()
    return client.post("/admin/login/", {"username": "redaktor", "password": password}, **meta)


def test_behind_a_proxy_one_visitor_cannot_lock_an_editor_out_for_everyone(
    client, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "81.2.69.142"}
    assert [attempt(client, "fel", **attacker).status_code for _ in range(5)][-1] == 429
    assert attempt(client, PASSWORD, **attacker).status_code == 429

    # The editor, through the same balancer from their own address, signs in.
    own = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "194.68.1.10"}
    assert attempt(client, PASSWORD, **own).status_code == 302


def test_a_client_cannot_escape_the_lock_out_by_writing_its_own_forwarded_header(
    client, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client prepends made-up addresses; the balancer appends the real one.
        spoofed = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": f"5.5.5.{n}, 81.2.69.142"}
        last = attempt(client, "fel", **spoofed)
    assert last.status_code == 429
    again = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "9.9.9.9, 81.2.69.142"}
    assert attempt(client, PASSWORD, **again).status_code == 429


def test_without_a_proxy_the_forwarded_header_is_not_believed(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        last = attempt(client, "fel", REMOTE_ADDR="81.2.69.142", HTTP_X_FORWARDED_FOR=f"5.5.5.{n}")
    assert last.status_code == 429
    assert (
        attempt(
            client, PASSWORD, REMOTE_ADDR="81.2.69.142", HTTP_X_FORWARDED_FOR="7.7.7.7"
        ).status_code
        == 429
    )
    # Another address is another lock-out count.
    assert attempt(client, PASSWORD, REMOTE_ADDR="194.68.1.10").status_code == 302


def test_attempts_during_a_lock_out_do_not_extend_it(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    start = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
    meta = {"REMOTE_ADDR": "81.2.69.142"}
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(5):
            attempt(client, "fel", **meta)
        clock.shift(datetime.timedelta(minutes=25))
        assert attempt(client, "fel", **meta).status_code == 429  # still locked, not renewed
        clock.shift(datetime.timedelta(minutes=6))  # 31 minutes after the fifth failure
        assert attempt(client, PASSWORD, **meta).status_code == 302


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("81.2.69.142", "81.2.69.142"),
        ("5.5.5.5, 81.2.69.142", "81.2.69.142"),
        ("", BALANCER),  # the proxy sent none: its own address, not a client's choice
        ("not-an-address", BALANCER),
    ],
)
def test_the_address_is_the_entry_the_trusted_proxy_wrote(rf, settings, forwarded, expected):
    from portal.core.client_address import client_address

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
