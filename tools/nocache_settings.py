"""The production settings with no cache at all (Django's dummy cache): the baseline of
tools/hung_cache.py. Not used by the portal."""

from portal.settings.production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
