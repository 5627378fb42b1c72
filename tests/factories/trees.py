"""Small page trees built with the factories, for tests that need a theme with its frame.

Not the seed: only what the tests that use them look at, under the test's own site.
"""

from __future__ import annotations

from dataclasses import dataclass

from guidance.models import (
    DocumentResourcePage,
    Hotline,
    SectionPage,
    StandardPage,
    SupportServicePage,
    ThemeIndexPage,
    ThemePage,
    WebCoursePage,
)
from tests.factories import (
    DocumentResourcePageFactory,
    HotlineFactory,
    SectionPageFactory,
    StandardPageFactory,
    SupportServicePageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    ThemeResourceFactory,
    WebCoursePageFactory,
    stream,
)

THEME_SV = "/sv/vald/teman/barn/"
THEME_EN = "/en/violence/themes/children/"
CONTACT_SV = "/sv/kontakt/"


@dataclass
class Theme:
    section: SectionPage
    index: ThemeIndexPage
    page: ThemePage
    hotline: Hotline
    guidance: DocumentResourcePage
    support: SupportServicePage
    course: WebCoursePage
    contact: StandardPage


def violence_theme() -> Theme:
    """Start > Våld (quick exit below) > Teman > Barn, whose body shows a hotline, with three
    resources in order: a guidance document, a support service, a web course; and Kontakt."""
    section = SectionPageFactory(
        title_sv="Våld",
        title_en="Violence",
        slug_sv="vald",
        slug_en="violence",
        quick_exit_below=True,
    )
    index = ThemeIndexPageFactory(parent=section, slug_sv="teman", slug_en="themes")
    hotline = HotlineFactory(number="+4620390000")
    body = stream(("paragraph", "<p>Så känner du igen det.</p>"), ("hotline", hotline.pk))
    theme = ThemePageFactory(
        parent=index,
        title_sv="Barn",
        title_en="Children",
        slug_sv="barn",
        slug_en="children",
        body_sv=body,
        body_en=body,
    )
    guidance = DocumentResourcePageFactory(parent=theme, document_kind="guidance")
    support = SupportServicePageFactory(parent=theme, hotline=hotline)
    course = WebCoursePageFactory(parent=theme)
    for order, resource in enumerate((guidance, support, course)):
        ThemeResourceFactory(theme=theme, page=resource, sort_order=order)
    contact = StandardPageFactory(
        title_sv="Kontakt", title_en="Contact", slug_sv="kontakt", slug_en="contact"
    )
    return Theme(section, index, theme, hotline, guidance, support, course, contact)
