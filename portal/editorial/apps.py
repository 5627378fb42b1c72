from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    label = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from portal.editorial import comparison, translation_status

        translation_status.connect()
        comparison.register()
