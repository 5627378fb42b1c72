"""Factories for pages and snippets: a test builds the few objects it needs.

Every translated field gets a Swedish and an English value. Pages are built as an editor
makes them: added under their parent in Swedish and, unless `live=False`, published (a first
revision, published). Without a `parent`, a page goes under the start page of the test's own
site (`site_home()`), built on first use and reached by the test client (host "testserver");
the seeded site is then out of the way for that test. `sample_catalogue.py` builds a small
catalogue; `catalogue.py` is the bulk generator of the benchmarks.
"""

from __future__ import annotations

import datetime
import json

import factory
import wagtail_factories
from django.utils import translation
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from guidance.models import (
    DocumentResourcePage,
    HomePage,
    Hotline,
    PodcastEpisodePage,
    SectionPage,
    StandardPage,
    SupportServicePage,
    ThemeIndexPage,
    ThemePage,
    ThemeResource,
    WebCoursePage,
)
from portal.core.models import FooterLinks
from publications.models import (
    Organisation,
    Publication,
    PublicationAuthor,
    PublicationEdition,
    PublicationIndexPage,
    PublicationLanguage,
    PublicationType,
    Topic,
)

TEST_HOST = "testserver"  # the host name of Django's test client


def site_home() -> HomePage:
    """The start page of the site the test client reaches, built with the site if missing."""
    site = Site.objects.filter(hostname=TEST_HOST, port=80).select_related("root_page").first()
    if site is None:
        site = SiteFactory()
    return site.root_page.specific


def stream(*blocks: tuple[str, object]) -> str:
    """A StreamField's raw value: stream(("paragraph", "<p>Text</p>"), ("hotline", 3))."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


class BasePageFactory(wagtail_factories.PageFactory):
    """Title and slug in both languages; made in Swedish; published unless live=False."""

    title_sv = factory.Sequence(lambda n: f"Sida {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    slug_sv = factory.LazyAttribute(lambda page: slugify(page.title_sv))
    slug_en = factory.LazyAttribute(lambda page: slugify(page.title_en))
    title = factory.SelfAttribute("title_sv")
    slug = factory.SelfAttribute("slug_sv")
    live = True
    parent = factory.LazyFunction(site_home)

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with translation.override("sv"):
            page = super()._create(model_class, *args, **kwargs)
            revision = page.save_revision(log_action=False)
            if page.live:
                revision.publish(log_action=False)
            page.refresh_from_db()  # what publishing wrote: the live revision, dates
        return page


class HomePageFactory(BasePageFactory):
    title_sv = "Start"
    title_en = "Home"
    slug_sv = factory.Sequence(lambda n: f"start-{n}")
    slug_en = factory.Sequence(lambda n: f"home-{n}")
    intro_sv = "Kunskapsstöd och vägledning för socialtjänsten."
    intro_en = "Knowledge support and guidance for social services."
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class SiteFactory(wagtail_factories.SiteFactory):
    """The site the test client reaches, its root a new start page; the only site.

    Inside the test's transaction, the seeded content steps aside: other sites are removed
    and the pages and publications already there are taken offline (no signals). The
    test sees a portal with one site, as in production (its pages' `url` are local
    addresses), and lookups of "the live catalogue" find the test's own.
    """

    hostname = TEST_HOST
    port = 80
    site_name = "Stöd för socialtjänsten"
    root_page = factory.SubFactory(HomePageFactory)
    is_default_site = True

    class Meta:
        model = Site
        skip_postgeneration_save = True

    @factory.post_generation
    def footer_links(self, create, extracted, **kwargs):
        """The site's footer-links setting, made with the site as the seed makes it (else the
        first view would make it, and renew the page cache): footer_links__contact_page=page."""
        if create:
            FooterLinks.objects.create(site=self, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        Site.objects.all().delete()
        home = kwargs["root_page"]  # built already, before the site
        Page.objects.filter(depth__gt=1).exclude(pk=home.pk).update(live=False)
        Publication.objects.update(live=False)
        return super()._create(model_class, *args, **kwargs)


class SectionPageFactory(BasePageFactory):
    title_sv = factory.Sequence(lambda n: f"Område {n}")
    title_en = factory.Sequence(lambda n: f"Area {n}")
    intro_sv = "Kunskapsstöd inom området."
    intro_en = "Knowledge support in the area."
    show_in_menus = True

    class Meta:
        model = SectionPage


class StandardPageFactory(BasePageFactory):
    title_sv = factory.Sequence(lambda n: f"Kontakt {n}")
    title_en = factory.Sequence(lambda n: f"Contact {n}")
    intro_sv = "Så når du oss."
    intro_en = "How to reach us."
    body_sv = stream(("paragraph", "<p>Skriv till oss.</p>"))
    body_en = stream(("paragraph", "<p>Write to us.</p>"))

    class Meta:
        model = StandardPage


class ThemeIndexPageFactory(BasePageFactory):
    title_sv = "Teman"
    title_en = "Themes"
    slug_sv = factory.Sequence(lambda n: f"teman-{n}")
    slug_en = factory.Sequence(lambda n: f"themes-{n}")
    intro_sv = "Teman inom området."
    intro_en = "Themes of the area."
    parent = factory.LazyFunction(lambda: SectionPageFactory())

    class Meta:
        model = ThemeIndexPage


class ThemePageFactory(BasePageFactory):
    title_sv = factory.Sequence(lambda n: f"Tema {n}")
    title_en = factory.Sequence(lambda n: f"Theme {n}")
    lead_sv = "Vad du behöver veta och vad du kan göra."
    lead_en = "What you need to know and what you can do."
    body_sv = stream(("paragraph", "<p>Så känner du igen det.</p>"))
    body_en = stream(("paragraph", "<p>How to recognise it.</p>"))
    parent = factory.LazyFunction(lambda: ThemeIndexPageFactory())

    class Meta:
        model = ThemePage


class ResourcePageFactory(BasePageFactory):
    summary_sv = "En resurs för socialtjänsten."
    summary_en = "A resource for social services."
    parent = factory.LazyFunction(lambda: ThemePageFactory())

    class Meta:
        abstract = True


class SupportServicePageFactory(ResourcePageFactory):
    title_sv = factory.Sequence(lambda n: f"Stödfunktion {n}")
    title_en = factory.Sequence(lambda n: f"Support service {n}")
    abbreviation = "NMT"
    lead_agency_sv = "Jämställdhetsmyndigheten"
    lead_agency_en = "The Swedish Gender Equality Agency"
    website_sv = "https://www.nmtsverige.se/"
    website_en = "https://www.nmtsverige.se/en/"
    website_label_sv = "Till nmtsverige.se"
    website_label_en = "To nmtsverige.se"
    audience_sv = "Yrkesverksamma i hela landet."
    audience_en = "Professionals across the country."
    offers_sv = "<p>Råd och stöd i enskilda ärenden.</p>"
    offers_en = "<p>Advice and support in individual cases.</p>"

    class Meta:
        model = SupportServicePage


class DocumentResourcePageFactory(ResourcePageFactory):
    title_sv = factory.Sequence(lambda n: f"Manual {n}")
    title_en = factory.Sequence(lambda n: f"Manual {n} (English)")
    document_kind = "manual"
    publisher_sv = "Länsstyrelsen Stockholm"
    publisher_en = "The County Administrative Board of Stockholm"
    year = 2024
    publisher_url_sv = "https://www.lansstyrelsen.se/"
    publisher_url_en = "https://www.lansstyrelsen.se/english"
    publisher_link_text_sv = "Hos Länsstyrelsen"
    publisher_link_text_en = "At the County Administrative Board"

    class Meta:
        model = DocumentResourcePage


class PodcastEpisodePageFactory(ResourcePageFactory):
    title_sv = factory.Sequence(lambda n: f"Podd {n}")
    title_en = factory.Sequence(lambda n: f"Podcast {n}")
    series_sv = "På djupet"
    series_en = "In depth"
    episode_number = factory.Sequence(lambda n: n + 1)
    publisher_sv = "Socialstyrelsen"
    publisher_en = "The National Board of Health and Welfare"
    listen_url_sv = "https://www.example.org/podd/"
    listen_url_en = "https://www.example.org/podcast/"
    listen_link_text_sv = "Lyssna på avsnittet"
    listen_link_text_en = "Listen to the episode"

    class Meta:
        model = PodcastEpisodePage


class WebCoursePageFactory(ResourcePageFactory):
    title_sv = factory.Sequence(lambda n: f"Webbutbildning {n}")
    title_en = factory.Sequence(lambda n: f"Web course {n}")
    provider_sv = "Länsstyrelsen Stockholm"
    provider_en = "The County Administrative Board of Stockholm"
    audience_sv = "Socialsekreterare."
    audience_en = "Social workers."
    course_url_sv = "https://www.example.org/kurs/"
    course_url_en = "https://www.example.org/course/"
    course_link_text_sv = "Till utbildningen"
    course_link_text_en = "To the course"

    class Meta:
        model = WebCoursePage


class ThemeResourceFactory(DjangoModelFactory):
    """An entry of a theme's resource list; give `page` (a resource page) or `external_url`."""

    theme = factory.SubFactory(ThemePageFactory)
    sort_order = factory.Sequence(int)

    class Meta:
        model = ThemeResource


class PublicationIndexPageFactory(BasePageFactory):
    title_sv = "Publikationer"
    title_en = "Publications"
    slug_sv = factory.Sequence(lambda n: f"publikationer-{n}")
    slug_en = factory.Sequence(lambda n: f"publications-{n}")
    intro_sv = "Rapporter, vägledningar och stödmaterial."
    intro_en = "Reports, guidance and support material."

    class Meta:
        model = PublicationIndexPage


# Snippets -----------------------------------------------------------------------------


class HotlineFactory(DjangoModelFactory):
    name_sv = factory.Sequence(lambda n: f"Stödtelefonen {n}")
    name_en = factory.Sequence(lambda n: f"The support line {n}")
    number = factory.Sequence(lambda n: f"020-39 {n % 100:02d} 00")
    opening_hours_sv = "Vardagar 9–16"
    opening_hours_en = "Weekdays 9–16"

    class Meta:
        model = Hotline


class NamedSnippetFactory(DjangoModelFactory):
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name_en))

    class Meta:
        abstract = True


class TopicFactory(NamedSnippetFactory):
    name_sv = factory.Sequence(lambda n: f"Ämne {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = Topic


class PublicationTypeFactory(NamedSnippetFactory):
    name_sv = factory.Sequence(lambda n: f"Vägledning {n}")
    name_en = factory.Sequence(lambda n: f"Guidance {n}")

    class Meta:
        model = PublicationType


class OrganisationFactory(NamedSnippetFactory):
    name_sv = factory.Sequence(lambda n: f"Myndigheten {n}")
    name_en = factory.Sequence(lambda n: f"The Agency {n}")
    website = factory.LazyAttribute(lambda obj: f"https://{obj.slug}.example.org/")

    class Meta:
        model = Organisation


class PublicationAuthorFactory(DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = PublicationAuthor


class PublicationLanguageFactory(DjangoModelFactory):
    language = "sv"

    class Meta:
        model = PublicationLanguage


class PublicationFactory(DjangoModelFactory):
    """A publication as the admin requires it: one author and one language at least.
    `authors=[org, ...]` its author organisations in order (one new by default), `languages=
    ["sv", {"language": "en", "status": "planned"}]` its language versions (a code or the
    version's fields), `topics=[...]`, `editions=[{"number": 1, "year": 2014}]` (earlier ones).
    Published (a revision) unless `live=False`."""

    title_sv = factory.Sequence(lambda n: f"Vägledning om våld {n}")
    title_en = factory.Sequence(lambda n: f"Guidance on violence {n}")
    subtitle_sv = "Ett stöd för socialtjänsten"
    subtitle_en = "A support for social services"
    slug = factory.Sequence(lambda n: f"vagledning-om-vald-{n}")
    description_sv = "<p>Om att upptäcka och agera.</p>"
    description_en = "<p>On noticing and acting.</p>"
    year = factory.LazyFunction(lambda: datetime.date.today().year)
    publication_type = factory.SubFactory(PublicationTypeFactory)
    live = True

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        organisations = extracted if extracted is not None else [OrganisationFactory()]
        for order, organisation in enumerate(organisations):
            PublicationAuthor.objects.create(
                publication=self, organisation=organisation, sort_order=order
            )

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        for order, language in enumerate(extracted if extracted is not None else ["sv"]):
            fields = language if isinstance(language, dict) else {"language": language}
            PublicationLanguage.objects.create(publication=self, sort_order=order, **fields)

    @factory.post_generation
    def editions(self, create, extracted, **kwargs):
        for order, fields in enumerate(extracted or []):
            PublicationEdition.objects.create(publication=self, sort_order=order, **fields)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()  # a parental many-to-many is written when its owner is saved

    @factory.post_generation
    def published(self, create, extracted, **kwargs):
        if create:
            revision = self.save_revision(log_action=False)
            if self.live:
                revision.publish(log_action=False)
            self.refresh_from_db()
