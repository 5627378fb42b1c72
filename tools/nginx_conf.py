"""Render deploy/nginx/portal.conf for one machine: paths, ports and the modules found.

    .venv/bin/python -m tools.nginx_conf --prefix DIR --listen 127.0.0.1:8000 \
        --app 127.0.0.1:8001 [--purge 127.0.0.1:8002] > DIR/nginx.conf

nginx then runs as the current user with everything under DIR (its pid, temporary files
and the page cache): `nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'` (tools/serve.py).
Brotli is switched on when Debian's libnginx-mod-http-brotli-filter is installed; the
purge server when libnginx-mod-http-cache-purge is.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = BASE_DIR / "deploy" / "nginx" / "portal.conf"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULE = MODULES / "ngx_http_brotli_filter_module.so"
PURGE_MODULE = MODULES / "ngx_http_cache_purge_module.so"
COMPRESSED_TYPES = (
    "application/atom+xml application/json text/css application/javascript image/svg+xml text/plain"
)
BROTLI = f"""
    brotli on;
    brotli_comp_level 5;
    brotli_min_length 256;
    brotli_types {COMPRESSED_TYPES};
"""
PURGE_SERVER = """
    # Wagtail's frontend cache (HTTPBackend, FRONTEND_CACHE_PURGE_URL) sends PURGE here,
    # on the loopback only; the key is the one the cache keeps pages under. A page that
    # was not kept answers 204, as one that was (200).
    server {
        listen @PURGE_LISTEN@;
        location / {
            proxy_cache_purge portal_pages $host$request_uri;
            error_page 404 = @not_kept;
        }
        location @not_kept {
            return 204;
        }
    }
"""
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )


def render(
    prefix: Path,
    listen: str,
    app: str,
    static_root: Path,
    media_root: Path,
    purge: str | None = None,
    forwarded_proto: str = "$scheme",
    access_log: str = "off",
) -> str:
    modules = []
    if BROTLI_MODULE.exists():
        modules.append(f"load_module {BROTLI_MODULE};")
    purge_server = ""
    if purge and PURGE_MODULE.exists():
        modules.append(f"load_module {PURGE_MODULE};")
        purge_server = PURGE_SERVER.replace("@PURGE_LISTEN@", purge)
    # As root, nginx would hand its workers to "nobody", who may not read the checkout.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    values = {
        "@USER@": user,
        "@PREFIX@": str(prefix),
        "@MODULES@": "\n".join(modules),
        "@ACCESS_LOG@": access_log,
        "@BROTLI@": BROTLI if BROTLI_MODULE.exists() else "",
        "@APP_ADDRESS@": app,
        "@LISTEN@": listen,
        "@STATIC_ROOT@": str(static_root).rstrip("/"),
        "@MEDIA_ROOT@": str(media_root).rstrip("/"),
        "@FORWARDED_PROTO@": forwarded_proto,
        "@PURGE_SERVER@": purge_server,
    }
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def prepare(prefix: Path, **options) -> Path:
    """Write prefix/nginx.conf (and the directories it names); check it with `nginx -t`."""
    for name in TEMP_DIRS:
        (prefix / "temp" / name).mkdir(parents=True, exist_ok=True)
    (prefix / "cache").mkdir(exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(render(prefix, **options))
    subprocess.run(
        [nginx() or "nginx", "-q", "-t", "-p", str(prefix), "-c", str(conf)],
        check=True,
        capture_output=True,
    )
    return conf


def command(prefix: Path, conf: Path) -> list[str]:
    return [nginx() or "nginx", "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, required=True)
    parser.add_argument("--listen", default="127.0.0.1:8000")
    parser.add_argument("--app", default="127.0.0.1:8001")
    parser.add_argument("--purge", default=None, help="address of the purge server")
    parser.add_argument("--static-root", type=Path, default=BASE_DIR / "staticfiles")
    parser.add_argument("--media-root", type=Path, default=BASE_DIR / "media")
    parser.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="pass on the X-Forwarded-Proto of a load balancer that ends TLS",
    )
    args = parser.parse_args(argv)
    print(
        render(
            args.prefix.resolve(),
            listen=args.listen,
            app=args.app,
            static_root=args.static_root.resolve(),
            media_root=args.media_root.resolve(),
            purge=args.purge,
            forwarded_proto="$http_x_forwarded_proto" if args.behind_tls_proxy else "$scheme",
        )
    )


if __name__ == "__main__":
    main()
