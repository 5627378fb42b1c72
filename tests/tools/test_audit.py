"""The dependency audit CI runs (tools/audit.py): the real pip-audit over this environment's
installed packages, asking a local stand-in for the OSV advisory service."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent.parent / "tools" / "audit.py"
DJANGO = version("django")


class Advisories(BaseHTTPRequestHandler):
    """OSV's POST /v1/query: one advisory against the installed Django, when asked to."""

    vulnerable: set[str] = set()

    def do_POST(self):
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name = query["package"]["name"]
        body = {}
        if name in self.vulnerable:
            body = {
                "vulns": [
                    {
                        "id": "PYSEC-0000-TEST",
                        "aliases": ["CVE-0000-0001"],
                        "summary": "A made-up flaw for the audit's own test",
                        "affected": [
                            {
                                "package": {"name": name, "ecosystem": "PyPI"},
                                "ranges": [
                                    {
                                        "type": "ECOSYSTEM",
                                        "events": [{"introduced": "0"}, {"fixed": "99.0"}],
                                    }
                                ],
                            }
                        ],
                    }
                ]
            }
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def advisories():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Advisories)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    Advisories.vulnerable = set()


def audit(url: str, tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AUDIT_")},
        "AUDIT_REQUIRED": "1",  # an audit that did not run fails, unless a test says otherwise
        "AUDIT_SERVICE": "osv",
        "AUDIT_OSV_URL": url,
        "AUDIT_CACHE_DIR": str(tmp_path / "cache"),
        **env,
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, env=environment, timeout=300
    )


def url_of(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1/query"


def test_a_known_vulnerability_fails_the_audit_and_is_named(advisories, tmp_path):
    Advisories.vulnerable = {"django"}
    result = audit(url_of(advisories), tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"- django {DJANGO}: PYSEC-0000-TEST (CVE-0000-0001); fixed in 99.0" in result.stdout
    assert "A made-up flaw" in result.stdout


def test_no_known_vulnerability_passes_and_says_how_many_were_checked(advisories, tmp_path):
    result = audit(url_of(advisories), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No known vulnerabilities in the" in result.stdout
    checked = int(result.stdout.split("No known vulnerabilities in the ")[1].split()[0])
    assert checked > 50  # every installed package, not a handful


def test_an_ignored_advisory_does_not_fail_the_audit(advisories, tmp_path):
    Advisories.vulnerable = {"django"}
    result = audit(url_of(advisories), tmp_path, AUDIT_IGNORE="PYSEC-0000-TEST")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No known vulnerabilities in the" in result.stdout


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_service_is_reported_not_passed_off_as_clean(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/v1/query"
    result = audit(url, tmp_path, AUDIT_REQUIRED="0")
    assert result.returncode == 0
    assert "THE DEPENDENCY AUDIT DID NOT RUN" in result.stdout
    assert "No known vulnerabilities" not in result.stdout

    required = audit(url, tmp_path, AUDIT_REQUIRED="1")
    assert required.returncode == 1
    assert "THE DEPENDENCY AUDIT DID NOT RUN" in required.stdout


def test_a_failing_pip_audit_fails_the_audit_even_when_not_required(tmp_path):
    """Any failure but an unreachable service fails: here pip-audit refuses its arguments."""
    result = audit(
        "http://127.0.0.1:1/v1/query", tmp_path, AUDIT_REQUIRED="0", AUDIT_SERVICE="nope"
    )
    assert result.returncode == 1
    assert "pip-audit failed" in result.stdout
    assert "DID NOT RUN" not in result.stdout
