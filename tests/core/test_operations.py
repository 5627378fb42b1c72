"""Health endpoints and behaviour when the database is away."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import OperationalError

from guidance.models import SectionPage
from tests.factories import SectionPageFactory, ThemePageFactory
from tests.helpers import url_in

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parent.parent.parent


def test_liveness_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_asks_the_database(client, monkeypatch):
    assert client.get("/healthz/ready/").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz/ready/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/en/violence/", "en", "The service is temporarily unavailable"),
        ("/sv/vald/", "sv", "Tjänsten är tillfälligt otillgänglig"),
    ],
)
def test_lost_database_gives_a_503_in_the_pages_language(client, monkeypatch, path, lang, text):
    SectionPageFactory(slug_sv="vald", slug_en="violence")

    def lost(self, request, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SectionPage, "get_context", lost)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert "server closed" not in html and "Traceback" not in html


def test_lost_database_on_a_remembered_address_gives_a_503(client, monkeypatch):
    """A route kept in the cache still reads the page's row: a lost database is answered
    with the 503 page, not a 500."""
    theme = url_in(ThemePageFactory(), "en")
    assert client.get(theme).status_code == 200  # the route is now remembered

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    client.raise_request_exception = False
    response = client.get(theme)
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "The service is temporarily unavailable" in html


def test_admin_login_locks_out_after_five_failures(client, django_user_model, settings):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user("redaktor", "r@example.org", "rätt-lösenord-123")
    statuses = [
        client.post(
            "/admin/login/", {"username": "redaktor", "password": "fel"}, REMOTE_ADDR="10.0.0.7"
        ).status_code
        for _ in range(5)
    ]
    # Four times the form again with its error; the fifth failure locks the account out.
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post(
        "/admin/login/",
        {"username": "redaktor", "password": "rätt-lösenord-123"},
        REMOTE_ADDR="10.0.0.7",
    )
    assert locked.status_code == 429
    assert "För många misslyckade inloggningar" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account is not affected.
    django_user_model.objects.create_user("granskare", "g@example.org", "annat-lösenord-456")
    other = client.post(
        "/admin/login/",
        {"username": "granskare", "password": "annat-lösenord-456"},
        REMOTE_ADDR="10.0.0.7",
    )
    assert other.status_code == 302


PRODUCTION_PROBE = """
import django, json
django.setup()
from django.core.management import call_command
from django.test import Client
response = Client().get("/healthz/live/", secure=True)
print(json.dumps({k: response[k] for k in (
    "Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
    "Referrer-Policy", "X-Frame-Options")}))
"""


def _production_env(tmp_path):
    import secrets

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,portal.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}",
    )
    return env


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_the_security_headers(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=BASE_DIR,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    csp = headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
