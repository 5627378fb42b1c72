"""`make serve`'s supervisor (tools/serve.py): nginx in front of gunicorn, stopped together.

Runs the real thing with the test settings (the page asked, /healthz/live/, needs no
database): slow clients hold nginx, not the app's one sync worker. Skipped only where
nginx is not installed (CI installs it).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tools import nginx_conf

pytestmark = pytest.mark.skipif(nginx_conf.nginx() is None, reason="nginx is not installed")
BASE_DIR = Path(__file__).resolve().parents[2]


def _free_port_block() -> int:
    """A port p with p, p+1 and p+2 free."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port < 65000 and all(_free(port + i) for i in (1, 2)):
            return port
    raise RuntimeError("no free ports")


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _answers(port: int, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/live/", timeout=timeout):
            return True
    except OSError:
        return False


def _slow_clients(port: int) -> list[socket.socket]:
    sockets = []
    for _ in range(20):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /sv/ HTTP/1.1\r\nHost: localhost\r\n")
        sockets.append(sock)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")
    return [*sockets, sock]


def test_slow_clients_wait_in_nginx_and_a_signal_stops_both(tmp_path):
    port = _free_port_block()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    env.pop("DATABASE_URL", None)
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.serve", "--port", str(port), "--workers", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    slow = []
    try:
        deadline = time.monotonic() + 40
        while "Ctrl-C stops both" not in (tmp_path / "serve.log").read_text():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        # Twenty clients that never finish their headers, and a TLS greeting on the plain
        # port: at nginx, they hold nothing; at gunicorn's single worker, they hold it.
        slow += _slow_clients(port)
        started = time.monotonic()
        assert all(_answers(port) for _ in range(5))
        assert time.monotonic() - started < 2
        slow += _slow_clients(port + 1)
        assert not _answers(port + 1, timeout=1)
    finally:
        for sock in slow:
            sock.close()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0
    assert _free(port) and _free(port + 1)  # nginx and gunicorn are gone
