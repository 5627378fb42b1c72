from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    name = "portal.changes"
    label = "changes"
    verbose_name = _("Change notes")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, published

        from portal.caching.generation import invalidate
        from portal.changes.recording import record

        page_published.connect(record, dispatch_uid="change_notes_page_published")
        published.connect(record, dispatch_uid="change_notes_published")
        # A note corrected or removed (in the shell, say) renews the pages that show it.
        note = self.get_model("ChangeNote")
        post_save.connect(invalidate, sender=note, dispatch_uid="change_notes_saved")
        post_delete.connect(invalidate, sender=note, dispatch_uid="change_notes_deleted")
