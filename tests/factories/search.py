"""Site search on the test's own content: an index of what the test built, and a small
theme with resources whose texts a search can be written against.

The test's site (SiteFactory) takes the seeded pages and publications offline without
signals, so their entries stay in the search index until it is rebuilt: `own_index()`
rebuilds it from what is live, the test's own content. What is built after it is indexed
as it is published, as in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass

from guidance.models import (
    PodcastEpisodePage,
    SectionPage,
    StandardPage,
    SupportServicePage,
    ThemeIndexPage,
    ThemePage,
    WebCoursePage,
)
from portal.search import index
from tests.factories import (
    PodcastEpisodePageFactory,
    SectionPageFactory,
    StandardPageFactory,
    SupportServicePageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    ThemeResourceFactory,
    WebCoursePageFactory,
    site_home,
    stream,
)


def own_index() -> int:
    """The test's own site (built if missing), and the search index rebuilt from what is
    live: the test's own content only. Returns the number of objects indexed."""
    site_home()
    return index.rebuild()


@dataclass
class TraffickingTheme:
    section: SectionPage
    index: ThemeIndexPage
    theme: ThemePage
    podcast: PodcastEpisodePage
    support: SupportServicePage
    course: WebCoursePage
    contact: StandardPage

    @property
    def pages(self) -> list:
        """The pages site search finds (sections and indexes it does not)."""
        return [self.theme, self.podcast, self.support, self.course, self.contact]


def trafficking_theme() -> TraffickingTheme:
    """Start > Våld > Teman > Människohandel med barn (a theme whose lead speaks of
    människohandel and whose body only mentions a podd), with three resources: a podcast
    and a web course with "barn" in their titles, and a support service without it; and
    Kontakt beside the section. Then the index of this content alone (`own_index`)."""
    site_home()
    section = SectionPageFactory(
        title_sv="Våld", title_en="Violence", slug_sv="vald", slug_en="violence"
    )
    themes = ThemeIndexPageFactory(parent=section, slug_sv="teman", slug_en="themes")
    theme = ThemePageFactory(
        parent=themes,
        title_sv="Människohandel med barn",
        title_en="Child trafficking",
        slug_sv="manniskohandel-med-barn",
        slug_en="child-trafficking",
        lead_sv="Barn utnyttjas i människohandel för sex, tiggeri och brott.",
        lead_en="Children are exploited in human trafficking for sex, begging and crime.",
        body_sv=stream(("paragraph", "<p>Lyssna också på vår podd om att fråga.</p>")),
        body_en=stream(("paragraph", "<p>Listen to our podcast on asking, too.</p>")),
    )
    podcast = PodcastEpisodePageFactory(
        parent=theme,
        title_sv="Podd – om barn i människohandel och exploatering",
        title_en="Podcast – on children in trafficking and exploitation",
    )
    support = SupportServicePageFactory(
        parent=theme,
        title_sv="Nationellt metodstöd mot prostitution och människohandel",
        title_en="National Method Support against Prostitution and Human Trafficking",
    )
    course = WebCoursePageFactory(
        parent=theme,
        title_sv="Webbutbildningen Människohandel med barn och unga",
        title_en="The web course on trafficking in children and young people",
    )
    for order, resource in enumerate((podcast, support, course)):
        ThemeResourceFactory(theme=theme, page=resource, sort_order=order)
    contact = StandardPageFactory(
        title_sv="Kontakt", title_en="Contact", slug_sv="kontakt", slug_en="contact"
    )
    own_index()
    return TraffickingTheme(section, themes, theme, podcast, support, course, contact)


def refreshed(built: TraffickingTheme) -> TraffickingTheme:
    """The same pages read afresh (for a tree built once and shared by several tests)."""
    return TraffickingTheme(*(type(page).objects.get(pk=page.pk) for page in vars(built).values()))
