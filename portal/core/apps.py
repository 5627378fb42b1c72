from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base page, language helpers, layout tags and the footer setting.

    Its label stays "portal", the label its models and migrations had before the
    portal was split into apps, so that existing databases keep their history.
    """

    name = "portal.core"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.core import old_addresses
        from portal.core.pages import install_direct_routing

        install_direct_routing()
        old_addresses.connect()
