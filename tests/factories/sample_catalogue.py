"""A small catalogue to test the public catalogue on: `build()`, or the `sample` fixture of
tests/publications/conftest.py.

The catalogue page (/sv/publikationer/, /en/publications/, in the main menu) under the
test's own site, and eight live publications (slug: year, type, topics, authors, languages):

    fraga-om-vald           2023 handbook  violence                   NCK                  sv en+doc  2nd ed.
    jag-ville-bara          2021 report    honour, children           Ombudsman            sv
    oppna-jamforelser       2022 report    violence                   SALAR                sv
    aldre-och-vald          2019 report    violence, older people     SALAR, NCK           sv en
    hedersrelaterat-skolan  2018 leaflet   honour                     Östergötland         sv en ar fa so  4th ed.
    hedersrelaterat-foraldrar 2018 leaflet honour                     Östergötland, Ombudsman  sv ar(+doc) en(planned)
    barn-som-upplever-vald  2016 handbook  children, violence         NCK                  sv en(planned)
    valdsutsatta-kvinnor    2015 report    violence                   Östergötland         sv

Two share a title and differ in their subtitles; one title is in quotation marks; two
begin with Ä and Ö. Topics, types and authors have slugs of their own, not the seed's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from publications.models import Organisation, Publication, PublicationIndexPage, Topic
from tests.factories import (
    OrganisationFactory,
    PublicationFactory,
    PublicationIndexPageFactory,
    PublicationTypeFactory,
    TopicFactory,
)

# In the order of their titles on each page (the same title by subtitle).
TITLE_ORDER_SV = [
    "fraga-om-vald",  # Att fråga om våld
    "barn-som-upplever-vald",
    "hedersrelaterat-skolan",  # Hedersrelaterat våld – Information till dig som …
    "hedersrelaterat-foraldrar",  # Hedersrelaterat våld – Information till föräldrar
    "jag-ville-bara",  # ”Jag ville bara …”: the quotation mark is not a letter
    "valdsutsatta-kvinnor",
    "aldre-och-vald",  # Ä and Ö come after Z in Swedish
    "oppna-jamforelser",
]
TITLE_ORDER_EN = [
    "fraga-om-vald",  # Asking about violence
    "barn-som-upplever-vald",  # Children who experience violence
    "hedersrelaterat-foraldrar",  # Honour-based violence – Information for parents
    "hedersrelaterat-skolan",  # Honour-based violence – Information for school staff
    "jag-ville-bara",  # “I just wanted someone to ask”
    "aldre-och-vald",  # Older people and violence
    "oppna-jamforelser",  # Open comparisons …
    "valdsutsatta-kvinnor",  # Women subjected to violence …
]

INTRO_SV = "Sök bland rapporter, handböcker och foldrar om våld genom att välja ett ämne."
INTRO_EN = "Search reports, handbooks and leaflets on violence by choosing a topic."


@dataclass
class SampleCatalogue:
    page: PublicationIndexPage
    topics: dict[str, Topic]
    organisations: dict[str, Organisation]
    publications: dict[str, Publication] = field(default_factory=dict)

    def __getitem__(self, slug: str) -> Publication:
        return self.publications[slug]

    def with_topic(self, slug: str) -> set[str]:
        return {p.slug for p in self.publications.values() if p.topics.filter(slug=slug).exists()}


def _document(title: str, filename: str, size: int) -> Document:
    """A PDF document as the admin's upload leaves it: with its size and hash recorded
    (else the first view that names its size would save it, and renew the page cache)."""
    content = b"%PDF-1.4 " + b"x" * size
    document = Document(title=title, file_size=len(content))
    document.file_hash = hashlib.sha1(content).hexdigest()
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def build() -> SampleCatalogue:
    """Build the catalogue (documents are written to MEDIA_ROOT: point it at tmp_path)."""
    page = PublicationIndexPageFactory(
        title_sv="Publikationer",
        title_en="Publications",
        slug_sv="publikationer",
        slug_en="publications",
        intro_sv=INTRO_SV,
        intro_en=INTRO_EN,
        show_in_menus=True,
    )
    topics = {
        "vald": TopicFactory(
            slug="vald-i-nara-relationer",
            name_sv="Våld i nära relationer",
            name_en="Domestic violence",
        ),
        "heder": TopicFactory(
            slug="hedersrelaterat-vald",
            name_sv="Hedersrelaterat våld och förtryck",
            name_en="Honour-based violence and oppression",
        ),
        "barn": TopicFactory(
            slug="barn-och-unga", name_sv="Barn och unga", name_en="Children and young people"
        ),
        "aldre": TopicFactory(slug="aldre", name_sv="Äldre", name_en="Older people"),
    }
    handbook = PublicationTypeFactory(slug="handbok", name_sv="Handbok", name_en="Handbook")
    report = PublicationTypeFactory(slug="rapport", name_sv="Rapport", name_en="Report")
    leaflet = PublicationTypeFactory(slug="folder", name_sv="Folder", name_en="Leaflet")
    orgs = {
        "nck": OrganisationFactory(
            slug="nck",
            name_sv="Nationellt centrum för kvinnofrid",
            name_en="National Centre for Knowledge on Men's Violence Against Women",
        ),
        "skr": OrganisationFactory(
            slug="skr",
            name_sv="Sveriges Kommuner och Regioner",
            name_en="Swedish Association of Local Authorities and Regions",
        ),
        "bo": OrganisationFactory(
            slug="barnombudsmannen",
            name_sv="Barnombudsmannen",
            name_en="Ombudsman for Children in Sweden",
        ),
        "ost": OrganisationFactory(
            slug="lansstyrelsen-ostergotland",
            name_sv="Länsstyrelsen Östergötland",
            name_en="County Administrative Board of Östergötland",
        ),
    }
    sample = SampleCatalogue(page=page, topics=topics, organisations=orgs)
    t = topics
    english_guide = _document("Asking about violence", "asking-about-violence.pdf", 4096)
    arabic_leaflet = _document("Hedersrelaterat våld (arabiska)", "heder-foraldrar-ar.pdf", 2048)
    for fields in [
        {
            "slug": "fraga-om-vald",
            "title_sv": "Att fråga om våld",
            "title_en": "Asking about violence",
            "subtitle_sv": "En handbok för socialtjänsten",
            "subtitle_en": "A handbook for social services",
            "description_sv": "<p>Så ställer du frågor om våld i alla ärenden, också om "
            "hedersrelaterat våld. Rutinmässiga frågor gör att fler berättar.</p>",
            "description_en": "<p>How to ask about violence in every case, honour-based "
            "violence included. Routine enquiry makes more people tell.</p>",
            "year": 2023,
            "publication_type": handbook,
            "edition": 2,
            "editions": [
                {
                    "number": 1,
                    "year": 2019,
                    "publisher_sv": "Nationellt centrum för kvinnofrid",
                    "publisher_en": "the National Centre for Knowledge on Men's Violence "
                    "Against Women",
                }
            ],
            "topics": [t["vald"]],
            "authors": [orgs["nck"]],
            "languages": ["sv", {"language": "en", "document": english_guide}],
        },
        {
            "slug": "jag-ville-bara",
            "title_sv": "”Jag ville bara att någon skulle fråga”",
            "title_en": "“I just wanted someone to ask”",
            "subtitle_sv": "Unga berättar om hedersrelaterat våld",
            "subtitle_en": "Young people on honour-based violence",
            "description_sv": "<p>Intervjuer med tjugo unga i åldern 13–19 år.</p>",
            "description_en": "<p>Interviews with twenty young people aged 13–19.</p>",
            "year": 2021,
            "publication_type": report,
            "topics": [t["heder"], t["barn"]],
            "authors": [orgs["bo"]],
            "languages": ["sv"],
        },
        {
            "slug": "oppna-jamforelser",
            "title_sv": "Öppna jämförelser av våldsarbetet",
            "title_en": "Open comparisons of the work against violence",
            "subtitle_sv": "Kommunernas arbete mot våld i nära relationer",
            "subtitle_en": "The municipalities' work against domestic violence",
            "description_sv": "<p>Hur kommunerna följer upp stödet till våldsutsatta, "
            "sammanställt av utredaren Wahlberg.</p>",
            "description_en": "<p>How municipalities follow up support for victims of "
            "violence, compiled by the investigator Wahlberg.</p>",
            "year": 2022,
            "publication_type": report,
            "topics": [t["vald"]],
            "authors": [orgs["skr"]],
            "languages": ["sv"],
        },
        {
            "slug": "aldre-och-vald",
            "title_sv": "Äldre och våld",
            "title_en": "Older people and violence",
            "subtitle_sv": "Ett kunskapsstöd om våld mot äldre",
            "subtitle_en": "Knowledge support on violence against older people",
            "description_sv": "<p>Om ekonomiskt våld och försummelse. Rutinmässiga frågor "
            "behövs även i äldreomsorgen.</p>",
            "description_en": "<p>On financial abuse and neglect. Routine enquiry is needed in "
            "elderly care too.</p>",
            "year": 2019,
            "publication_type": report,
            "topics": [t["vald"], t["aldre"]],
            "authors": [orgs["skr"], orgs["nck"]],
            "languages": ["sv", "en"],
        },
        {
            "slug": "hedersrelaterat-skolan",
            "title_sv": "Hedersrelaterat våld",
            "title_en": "Honour-based violence",
            "subtitle_sv": "Information till dig som arbetar i skolan",
            "subtitle_en": "Information for school staff",
            "description_sv": "<p>Informationen finns på fem språk.</p>",
            "description_en": "<p>The information is available in five languages.</p>",
            "year": 2018,
            "publication_type": leaflet,
            "edition": 4,
            "editions": [
                {
                    "number": 1,
                    "year": 2012,
                    "publisher_sv": "Länsstyrelsen Östergötland",
                    "publisher_en": "the County Administrative Board of Östergötland",
                }
            ],
            "topics": [t["heder"]],
            "authors": [orgs["ost"]],
            "languages": ["sv", "en", "ar", "fa", "so"],
        },
        {
            "slug": "hedersrelaterat-foraldrar",
            "title_sv": "Hedersrelaterat våld",
            "title_en": "Honour-based violence",
            "subtitle_sv": "Information till föräldrar",
            "subtitle_en": "Information for parents",
            "description_sv": "<p>Vart du kan vända dig för att få stöd.</p>",
            "description_en": "<p>Where to turn for support.</p>",
            "year": 2018,
            "publication_type": leaflet,
            "topics": [t["heder"]],
            "authors": [orgs["ost"], orgs["bo"]],
            "languages": [
                "sv",
                {"language": "ar", "document": arabic_leaflet},
                {"language": "en", "status": "planned"},
            ],
        },
        {
            "slug": "barn-som-upplever-vald",
            "title_sv": "Barn som upplever våld",
            "title_en": "Children who experience violence",
            "subtitle_sv": "Vägledning för socialtjänstens utredningar",
            "subtitle_en": "Guidance for social services' investigations",
            "description_sv": "<p>Barnets egen berättelse, också vid hedersrelaterat våld.</p>",
            "description_en": "<p>The child's own account, also in honour-based violence.</p>",
            "year": 2016,
            "publication_type": handbook,
            "topics": [t["barn"], t["vald"]],
            "authors": [orgs["nck"]],
            "languages": ["sv", {"language": "en", "status": "planned"}],
        },
        {
            "slug": "valdsutsatta-kvinnor",
            "title_sv": "Våldsutsatta kvinnor i länet",
            "title_en": "Women subjected to violence in the county",
            "subtitle_sv": "En kartläggning av skyddade boenden",
            "subtitle_en": "A mapping of sheltered housing",
            "description_sv": "<p>Platser, väntetider och vem som får plats.</p>",
            "description_en": "<p>Places, waiting times and who is given a place.</p>",
            "year": 2015,
            "publication_type": report,
            "topics": [t["vald"]],
            "authors": [orgs["ost"]],
            "languages": ["sv"],
        },
    ]:
        sample.publications[fields["slug"]] = PublicationFactory(**fields)
    return sample
