from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "portal.caching"
    label = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from portal.caching import invalidation

        invalidation.connect()
