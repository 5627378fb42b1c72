from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    name = "portal.changes"
    label = "changes"
    verbose_name = _("Change notes")

    def ready(self):
        from wagtail.signals import page_published, published

        from portal.changes.recording import record

        page_published.connect(record, dispatch_uid="change_notes_page_published")
        published.connect(record, dispatch_uid="change_notes_published")
