"""`make run` shows the portal as visitors get it: its own error pages, its own icons."""

import json
import os
import subprocess
import sys

import pytest

from tests.factories import site_home

pytestmark = pytest.mark.django_db

PROBE = """
import django, json
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("migrate", interactive=False, verbosity=0)
client = Client(HTTP_HOST="127.0.0.1")
missing = client.get("/en/no-such-page/")
icon = client.get("/favicon.ico")
print(json.dumps({"debug": settings.DEBUG, "status": missing.status_code,
    "debug_page": b"technical_404" in missing.content or b"Django tried these URL" in missing.content,
    "icon": icon.status_code, "icon_type": icon.get("Content-Type", "")}))
"""


def probe(tmp_path, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "PORT", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", **env)
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'probe.sqlite3'}"
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_development_settings_answer_with_the_portals_404_and_serve_a_favicon(tmp_path):
    found = probe(tmp_path)
    assert found["debug"] is False
    assert found["status"] == 404 and not found["debug_page"]
    assert found["icon"] == 200 and "icon" in found["icon_type"]


def test_debug_pages_only_when_asked(tmp_path):
    found = probe(tmp_path, DEBUG="1")
    assert found["debug"] is True and found["debug_page"]


def test_every_page_names_its_icons(client):
    home = site_home()  # a start page of the test's own
    response = client.get("/sv/")
    assert response.status_code == 200
    html = response.content.decode()
    assert home.intro_sv in html
    assert 'rel="icon" href="/static/images/mark.svg" type="image/svg+xml"' in html
    assert 'rel="apple-touch-icon" href="/static/images/apple-touch-icon.png"' in html
    assert client.get("/static/images/mark.svg").status_code == 200


def admin_base_url(**env) -> str:
    environment = {
        k: v for k, v in os.environ.items() if k not in {"PORT", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", **env)
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.WAGTAILADMIN_BASE_URL)"
    run = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True)
    return run.stdout.decode().strip()


def test_notification_links_lead_to_the_port_served_or_the_address_given():
    assert admin_base_url() == "http://127.0.0.1:8000"
    assert admin_base_url(PORT="8123") == "http://127.0.0.1:8123"  # make run PORT=8123
    given = admin_base_url(PORT="8123", WAGTAILADMIN_BASE_URL="https://stod.example.se")
    assert given == "https://stod.example.se"
