"""Production: everything that differs between deployments comes from the environment.

The process refuses to start when SECRET_KEY, ALLOWED_HOSTS or DATABASE_URL is
missing, and says which.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
DATABASES = {"default": database_config(os.environ["DATABASE_URL"])}  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

# HTTPS everywhere, behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Mail (the accessibility statement's feedback, Wagtail's notifications, password reset)
# through an SMTP relay. Without EMAIL_HOST nothing is sent; the feedback is still stored.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() != "false"
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"noreply@{ALLOWED_HOSTS[0]}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Two-step sign-in for the admin (portal/two_factor.py). TWO_FACTOR=off only where the
# proxy in front already demands a second factor (the authority's single sign-on).
PORTAL_TWO_FACTOR = os.environ.get("TWO_FACTOR", "on").lower() != "off"

# Purges of the shared cache in front through Wagtail's frontend cache (portal/caching/
# edge.py connects the purges; Wagtail's own app, whose handlers know one address per
# page, is not installed): FRONTEND_CACHE_PURGE_URL names the purge server of each proxy
# cache (nginx on each app server, deploy/nginx/portal.conf), separated by commas.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        f"proxy{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location.strip(),
        }
        for number, location in enumerate(os.environ["FRONTEND_CACHE_PURGE_URL"].split(","))
        if location.strip()
    }
elif os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }
