"""When each language's text of a page or snippet last changed, for the translation report."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationTimestamps(models.Model):
    """When each language's text of an object last changed (saved or published).

    Kept by portal.editorial.translation_status on save; lets the translation report tell an
    English side that is older than the Swedish one.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    sv_changed_at = models.DateTimeField(null=True, blank=True)
    en_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation timestamps")
        verbose_name_plural = _("translation timestamps")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_translation_timestamps"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
