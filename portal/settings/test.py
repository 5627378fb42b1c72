"""Tests: fast hashing, local-memory cache, plain static storage.

DATABASE_URL is honoured (CI runs the suite on PostgreSQL and on SQLite).
"""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = None  # nothing is collected in tests; whitenoise serves from the finders
WHITENOISE_USE_FINDERS = True
PAGE_CACHE_ENABLED = False  # tests of the page cache switch it on themselves
AXES_ENABLED = False  # the lock-out test switches it on; test logins carry no request
