from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import page_cache, translation_status
        from portal.pages import install_direct_routing
        from portal.search import signals

        install_direct_routing()
        translation_status.connect()
        signals.connect()
        page_cache.connect()
