"""The page-cache generation as the database knows it, for processes whose cache is away."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """One row: a number that every change editors make to what visitors see increments once
    the change has committed (portal.caching.generation.invalidate).

    The shared cache's generation is what pages are kept under while it answers; this one
    is read only while it is away, by a process that then keeps pages and their parts in
    its own memory (portal.caching.generation): a change made meanwhile, in any process,
    renews them at the moment it commits.
    """

    number = models.PositiveBigIntegerField(_("number"), default=1)

    class Meta:
        verbose_name = _("page-cache generation")

    def __str__(self) -> str:
        return str(self.number)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def advance(cls) -> None:
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 2})
