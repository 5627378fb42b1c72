"""`make serve`: the production shape on one machine, nginx in front of gunicorn.

    .venv/bin/python -m tools.serve [--port 8000] [--workers 2] [--prepare]

nginx (Debian's package, run as the current user with its own prefix in a temporary
directory) listens on PORT, serves /static/ and /media/ itself, compresses, keeps
anonymous pages in its cache and passes the rest to gunicorn on PORT+1; Wagtail's
frontend cache purges that cache through the purge server on PORT+2 (loopback only).
The environment must hold the production settings' variables (the Makefile sets them);
--prepare first migrates, seeds and collects the static files.

Ctrl-C or SIGTERM stops both; if either stops by itself, the other is stopped too; and
when the process that started this one ends (`make serve` given SIGTERM ends without
passing it on), both are stopped within half a second.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools import nginx_conf

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def gunicorn_command(address: str, workers: int) -> list[str]:
    return [
        str(BIN / "gunicorn"),
        "portal.wsgi:application",
        "--bind",
        address,
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered at {url} within {seconds:.0f} s")


def stop(process: subprocess.Popen | None) -> None:
    """SIGTERM to the process's group, then SIGKILL if it has not stopped in 15 s."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


class Stack:
    """gunicorn (or any app command) and nginx in front of it, started and stopped together."""

    def __init__(self, port: int, app_port: int, purge_port: int, app_command: list[str], env):
        self.port, self.app_port, self.purge_port = port, app_port, purge_port
        self.app_command, self.env = app_command, env
        self.prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
        self.app = self.nginx = None

    def start(self) -> Stack:
        conf = nginx_conf.prepare(
            self.prefix,
            listen=f"127.0.0.1:{self.port}",
            app=f"127.0.0.1:{self.app_port}",
            purge=f"127.0.0.1:{self.purge_port}",
            static_root=BASE_DIR / "staticfiles",
            media_root=BASE_DIR / "media",
        )
        self.app = subprocess.Popen(
            self.app_command, cwd=BASE_DIR, env=self.env, start_new_session=True
        )
        wait_for(f"http://127.0.0.1:{self.app_port}/healthz/live/", self.app)
        self.nginx = subprocess.Popen(
            nginx_conf.command(self.prefix, conf), cwd=self.prefix, start_new_session=True
        )
        wait_for(f"http://127.0.0.1:{self.port}/healthz/live/", self.nginx)
        return self

    def stop(self) -> None:
        stop(self.nginx)
        stop(self.app)
        subprocess.run(["rm", "-rf", str(self.prefix)], check=False)

    def running(self) -> bool:
        return all(p is not None and p.poll() is None for p in (self.app, self.nginx))


def prepare(parent: int, stopping: list, env=None, quiet: bool = False) -> None:
    """migrate, seed, collectstatic: here, so that `make serve` stopped meanwhile stops
    them too (make passes no signal on; its child notices it has gone)."""
    output = subprocess.DEVNULL if quiet else None
    for args in (["migrate", "--noinput"], ["seed"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, stdout=output, check=True
        )
        if stopping or os.getppid() != parent:
            raise SystemExit("stopped")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "2")))
    parser.add_argument("--prepare", action="store_true", help="migrate, seed, collectstatic")
    args = parser.parse_args(argv)
    parent = os.getppid()
    if not nginx_conf.nginx():
        raise SystemExit("nginx is missing: apt-get install -y nginx (as root)")

    app_port, purge_port = args.port + 1, args.port + 2
    env = dict(os.environ)
    env.setdefault("PROXY_COUNT", "1")
    env.setdefault("FRONTEND_CACHE_PURGE_URL", f"http://127.0.0.1:{purge_port}")
    stack = Stack(
        args.port,
        app_port,
        purge_port,
        gunicorn_command(f"127.0.0.1:{app_port}", args.workers),
        env,
    )
    stopping = []

    def on_signal(signum, _frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        if args.prepare:
            prepare(parent, stopping)
        stack.start()
        print(
            f"\nThe portal through nginx: http://localhost:{args.port}/sv/ "
            f"(gunicorn behind it on {app_port}, purges on {purge_port}). Ctrl-C stops both.",
            flush=True,
        )
        while not stopping and stack.running():
            time.sleep(0.5)
            if os.getppid() != parent:
                stopping.append("parent")
    finally:
        stack.stop()
    if not stopping:
        raise SystemExit("nginx or gunicorn stopped by itself; both are stopped now")


if __name__ == "__main__":
    main()
