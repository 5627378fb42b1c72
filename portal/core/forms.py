"""The admin's form for every page type of the portal (`BasePage.base_form_class`)."""

from __future__ import annotations

from django.conf import settings
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    """An empty slug of a page not yet live is made from its title in the same language.

    Wagtail's title field fills the slug in the browser 100 ms after the last key, so a
    publish pressed at once (or sent without JavaScript) arrives without it: the Swedish slug
    is then refused as missing, and the English one left empty, the English address taking
    the Swedish slug for good once the page is live. A live page's address changes only when
    the editor changes it, as in Wagtail's own script.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound or (self.instance.pk and self.instance.live):
            return
        made = {}
        for code, _name in settings.LANGUAGES:
            slug, title = f"slug_{code}", f"title_{code}"
            if slug in self.fields and not (self.data.get(slug) or "").strip():
                from_title = slugify(
                    self.data.get(title) or "",
                    allow_unicode=settings.WAGTAIL_ALLOW_UNICODE_SLUGS,
                )
                if from_title:
                    made[slug] = from_title
        if made:
            self.data = self.data.copy()  # a QueryDict as posted is immutable
            for slug, value in made.items():
                self.data[slug] = value
