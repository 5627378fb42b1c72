"""Local development (make run): the portal as visitors get it — its own 404 and 500 pages —
unless DEBUG=1 asks for Django's debug pages; a throwaway key, SQLite unless DATABASE_URL
is set, uploaded media served by Django."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "").lower() in {"1", "true", "on", "yes"}
SERVE_MEDIA = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PAGE_CACHE_ENABLED = False  # editors working locally see their changes at once
