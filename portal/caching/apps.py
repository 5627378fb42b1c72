from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "portal.caching"
    label = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from portal.caching import edge, invalidation

        invalidation.connect()
        edge.connect()
        # A migration may change what pages are made of: what was kept in the older
        # shape (pages, routes, drawn parts) is not read again.
        post_migrate.connect(invalidation.after_migrate, sender=self)
