"""Seed content of the catalogue: the page Publikationer and the nine publications.

The Swedish text is as the authority wrote it (its slips included); the English is a
faithful translation. Nothing is invented: no documents, no links the source lacks.
Idempotent: what exists (by slug) is left as it is, so editors' changes stay.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Site

from portal.core.seeding import ensure_page
from publications.models import (
    LanguageStatus,
    Organisation,
    Publication,
    PublicationAuthor,
    PublicationEdition,
    PublicationIndexPage,
    PublicationLanguage,
    PublicationType,
    Topic,
)

INTRO_SV = (
    "Sök enkelt efter publikationer genom att klicka i ett ämnesområden. Publikationerna kan "
    "även sorteras efter typ eller så kan du skriva ord eller löpande text i sökfältet."
)
INTRO_EN = (
    "Search for publications easily by clicking on a topic. The publications can also be "
    "sorted by type, or you can type words or running text in the search field."
)

TOPICS = {
    "manniskohandel": ("Människohandel", "Human trafficking"),
    "prostitution": ("Prostitution", "Prostitution"),
    "barn": ("Barn", "Children"),
    "atervandande": ("Återvändande", "Return"),
}

TYPES = {
    "manual": ("Manual", "Manual"),
    "broschyr": ("Broschyr", "Brochure"),
    "lagesrapport": ("Lägesrapport", "Status report"),
    "vagledning": ("Vägledning", "Guidance"),
    "informationsmaterial": ("Informationsmaterial", "Information material"),
    "studie": ("Studie", "Study"),
    "kartlaggning": ("Kartläggning", "Mapping"),
}

ORGANISATIONS = {
    "jamstalldhetsmyndigheten": ("Jämställdhetsmyndigheten", "Swedish Gender Equality Agency"),
    "iom": ("IOM", "IOM"),
    "polismyndigheten": ("Polismyndigheten", "Swedish Police Authority"),
    "socialstyrelsen": ("Socialstyrelsen", "National Board of Health and Welfare"),
    "lansstyrelsen-stockholm": (
        "Länsstyrelsen Stockholm",
        "County Administrative Board of Stockholm",
    ),
    "lansstyrelsen-norrbotten": (
        "Länsstyrelsen i Norrbotten",
        "County Administrative Board of Norrbotten",
    ),
    "lansstyrelsen-vasterbotten": (
        "Länsstyrelsen i Västerbotten",
        "County Administrative Board of Västerbotten",
    ),
    "lansstyrelsen-jamtland": (
        "Länsstyrelsen i Jämtland",
        "County Administrative Board of Jämtland",
    ),
    "lansstyrelsen-vasternorrland": (
        "Länsstyrelsen i Västernorrland",
        "County Administrative Board of Västernorrland",
    ),
}

FIRST_EDITION_BY = (
    "Länsstyrelsen Stockholm och IOM",
    "the County Administrative Board of Stockholm and IOM",
)
RETURN_LANGUAGES = ["sv", "en", "es", "ro", "ru", "sr", "bg", "ar"]

PUBLICATIONS = [
    {
        "slug": "manual-vid-misstanke-om-manniskohandel",
        "title": (
            "Manual vid misstanke om människohandel",
            "Manual for suspected human trafficking",
        ),
        "subtitle": (
            "En stöd och skyddsprocess för offer för människohandel i Sverige",
            "A support and protection process for victims of human trafficking in Sweden",
        ),
        "authors": ["jamstalldhetsmyndigheten"],
        "year": 2019,
        "type": "manual",
        "topics": ["manniskohandel"],
        "languages": [("sv", LanguageStatus.AVAILABLE), ("en", LanguageStatus.PLANNED)],
        "description_sv": [
            "Manual vid misstanke om människohandel är en omarbetad version av den manual som "
            "ursprungligen togs fram 2016 av Länsstyrelsen i Stockholm som tidigare hade det "
            "nationella samordningsansvaret av arbetet mot prostitution och människohandel i "
            "Sverige.",
            "Manualen ger stöd och praktisk väg ledning till yrkesverksamma som kan komma i "
            "kontakt med personer som utsatts för människohandel. Den ger en helhetsbild av det "
            "stöd och skydd som erbjuds offer för människohandel i Sverige. Manualen tydliggör "
            "vilket ansvar olika myndigheter har, vilket metodstöd de har tillgång till via "
            "Jämställdhetsmyndigheten samt hur de kan agera och samverka vid "
            "människohandelsärenden.",
            "Inom kort kommer manualen även finnas tillgänglig på engelska.",
        ],
        "description_en": [
            "Manual for suspected human trafficking is a revised version of the manual that was "
            "originally produced in 2016 by the County Administrative Board of Stockholm, which "
            "previously held the national coordinating responsibility for the work against "
            "prostitution and human trafficking in Sweden.",
            "The manual gives support and practical guidance to professionals who may come into "
            "contact with people who have been subjected to human trafficking. It gives a "
            "complete picture of the support and protection offered to victims of human "
            "trafficking in Sweden. The manual makes clear the responsibilities of different "
            "authorities, what methodological support they have access to through the Swedish "
            "Gender Equality Agency, and how they can act and cooperate in human trafficking "
            "cases.",
            "The manual will soon also be available in English.",
        ],
    },
    {
        "slug": "atervandandeprogrammet-manual",
        "title": ("Återvändandeprogrammet", "The Return Programme"),
        "subtitle": (
            "Manual för frivilligt återvändande och återintegration för personer utsatta för "
            "människohandel och prostitution i Sverige",
            "Manual for voluntary return and reintegration for people subjected to human "
            "trafficking and prostitution in Sweden",
        ),
        "authors": ["jamstalldhetsmyndigheten", "iom"],
        "year": 2019,
        "type": "manual",
        "topics": ["manniskohandel", "prostitution", "atervandande"],
        "edition": 3,
        "first_edition_year": 2014,
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "Manualen är en snabb vägledning till principer och goda exempel när det gäller "
            "återvändande till hemlandet för utländska medborgare som utsatts för människohandel "
            "och prostitution. Här får du bland annat information om vart du ska vända dig när en "
            "person som har utsatts för människohandel behöver hjälp att återvända hem.",
            "Detta är den tredje utgåvan, den första utgåvan togs fram 2014 av Länsstyrelsen "
            "Stockholm och IOM – Internationella migrationsorganisationen.",
        ],
        "description_en": [
            "The manual is a quick guide to principles and good practice in the return to their "
            "home country of foreign nationals who have been subjected to human trafficking and "
            "prostitution. Among other things, it tells you where to turn when a person who has "
            "been subjected to human trafficking needs help to return home.",
            "This is the third edition; the first edition was produced in 2014 by the County "
            "Administrative Board of Stockholm and IOM – the International Organization for "
            "Migration.",
        ],
    },
    {
        "slug": "atervandandeprogrammet-information",
        "title": ("Återvändandeprogrammet", "The Return Programme"),
        "subtitle": (
            "Information för myndigheter och frivilligorganisationer",
            "Information for authorities and voluntary organisations",
        ),
        "authors": ["jamstalldhetsmyndigheten", "iom"],
        "year": 2018,
        "type": "broschyr",
        "topics": ["manniskohandel", "prostitution", "atervandande"],
        "edition": 5,
        "first_edition_year": 2015,
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "En broschyr från Jämställdhetsmyndigheten och IOM om vilket stöd som finns vid "
            "frivilligt återvändande och återintegration för personer utsatta för människohandel "
            "eller prostitution i Sverige.",
            "Detta är den femte utgåvan, den första utgåvan togs fram 2015 av Länsstyrelsen "
            "Stockholm och IOM – Internationella migrationsorganisationen.",
        ],
        "description_en": [
            "A brochure from the Swedish Gender Equality Agency and IOM about the support "
            "available for voluntary return and reintegration for people subjected to human "
            "trafficking or prostitution in Sweden.",
            "This is the fifth edition; the first edition was produced in 2015 by the County "
            "Administrative Board of Stockholm and IOM – the International Organization for "
            "Migration.",
        ],
    },
    {
        "slug": "atervandandeprogrammet-att-atervanda-hem",
        "title": ("Återvändandeprogrammet", "The Return Programme"),
        "subtitle": ("Att återvända hem", "Returning home"),
        "authors": ["jamstalldhetsmyndigheten", "iom"],
        "year": 2018,
        "type": "broschyr",
        "topics": ["manniskohandel", "prostitution", "atervandande"],
        "edition": 4,
        "first_edition_year": 2015,
        "languages": [(code, LanguageStatus.AVAILABLE) for code in RETURN_LANGUAGES],
        "description_sv": [
            "Broschyr om vilket stöd som finns för den som utsatts för människohandel eller "
            "prostitution i Sverige och som överväger att återvända hem. Informationen finns på "
            "åtta språk: svenska, engelska, spanska, rumänska, ryska, serbiska, bulgariska och "
            "arabiska.",
            "Detta är den fjärde utgåvan, den första utgåvan togs fram 2015 av Länsstyrelsen "
            "Stockholm och IOM – Internationella migrationsorganisationen.",
        ],
        "description_en": [
            "A brochure about the support available for anyone who has been subjected to human "
            "trafficking or prostitution in Sweden and is considering returning home. The "
            "information is available in eight languages: Swedish, English, Spanish, Romanian, "
            "Russian, Serbian, Bulgarian and Arabic.",
            "This is the fourth edition; the first edition was produced in 2015 by the County "
            "Administrative Board of Stockholm and IOM – the International Organization for "
            "Migration.",
        ],
    },
    {
        "slug": "manniskohandel-lagesrapport-19",
        "title": (
            "Människohandel för sexuella och andra ändamål",
            "Human trafficking for sexual and other purposes",
        ),
        "subtitle": (
            "Polismyndigheten lägesrapport 19",
            "Swedish Police Authority status report 19",
        ),
        "authors": ["polismyndigheten"],
        "year": 2018,
        "type": "lagesrapport",
        "topics": ["manniskohandel"],
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "Sveriges nationella rapportör i frågor som rör människohandel har lämnat över en "
            "lägesrapport till regeringen gällande människohandel för 2017. Rapporten visar bland "
            "annat att det för första gången är fler män än kvinnor som är offer för "
            "människohandel.",
            "Kvinnor och flickor är lika mycket offer för människohandel för sexuella ändamål som "
            "tidigare. Men under 2017 var totalt sett fler män än kvinnor offer för "
            "människohandel. Anledningen är att polisen utredde fler fall av människohandel för "
            "tiggeri än tidigare, och i de ärendena var majoriteten av offren män, säger "
            "kriminalkommissarie Kajsa Wahlberg som är ansvarig för Polismyndighetens uppdrag som "
            "Sveriges nationella rapportör i frågor som rör människohandel.",
            "I människohandel utnyttjas människor för olika ändamål, det kan till exempel vara för "
            "sexuella ändamål, tiggeri eller tvångsarbete. Koppleri är ett brott som har stora "
            "likheter med människohandel och under 2017 var det anmälningar om koppleri som ökade "
            "mest, från 102 anmälningar 2016 till 132 anmälningar 2017.",
            "Här kan du ta del av rapporten:",
        ],
        "description_en": [
            "Sweden's National Rapporteur on matters relating to human trafficking has submitted "
            "a status report on human trafficking in 2017 to the Government. Among other things, "
            "the report shows that for the first time more men than women are victims of human "
            "trafficking.",
            "Women and girls are victims of human trafficking for sexual purposes as much as "
            "before. But in 2017, overall, more men than women were victims of human trafficking. "
            "The reason is that the police investigated more cases of human trafficking for "
            "begging than before, and in those cases the majority of the victims were men, says "
            "Detective Chief Inspector Kajsa Wahlberg, who is responsible for the Swedish Police "
            "Authority's assignment as Sweden's National Rapporteur on matters relating to human "
            "trafficking.",
            "In human trafficking, people are exploited for various purposes, for example for "
            "sexual purposes, begging or forced labour. Procuring is a crime that has great "
            "similarities with human trafficking, and in 2017 reports of procuring increased the "
            "most, from 102 reports in 2016 to 132 reports in 2017.",
            "You can read the report here:",
        ],
    },
    {
        "slug": "barn-i-internationell-manniskohandel-och-exploatering",
        "title": (
            "Barn i internationell människohandel och exploatering",
            "Children in international human trafficking and exploitation",
        ),
        "subtitle": ("Vägledning för socialtjänsten", "Guidance for the social services"),
        "authors": ["socialstyrelsen"],
        "year": 2018,
        "type": "vagledning",
        "topics": ["manniskohandel", "barn"],
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "Socialtjänsten har en central roll när det gäller att stödja och skydda barn som är "
            "offer eller potentiella offer för människohandel eller exploatering. Vägledningen är "
            "framtagen för att ge stöd i det arbetet och vänder sig primärt till socialsekreterare, "
            "arbetsledare och beslutsfattare inom den sociala barn- och ungdomsvården.",
            "Den fria rörligheten inom EU och migrationen i världen bidrar till att socialtjänsten "
            "i ökad utsträckning kan komma i kontakt med barn från andra länder som vistas i "
            "Sverige och är i behov av myndigheternas skydd och stöd. En del av dessa barn kan "
            "vara offer för människohandel eller exploatering. De kan till exempel utnyttjas "
            "sexuellt, i tiggeri, kriminalitet eller hushållsarbete. Barnen kan också vara "
            "medföljande till sina föräldrar som kan vara offer eller förövare. Situationen för "
            "barnen kan se väldigt olika ut. Medvetenhet, kunskap och samverkan mellan berörda "
            "aktörer är en förutsättning för att barn i människohandel och exploatering ska kunna "
            "identifieras och få det stöd och den hjälp som de behöver och har rätt till enligt "
            "svensk och internationell lagstiftning.",
            "Nationella metodstödsteamet mot prostitution och människohandel kan ge berörda "
            "aktörer, däribland socialtjänsten, stöd i arbetet med enskilda ärenden. "
            "Socialtjänsten har en central roll när det gäller att stödja och skydda barn som är "
            "offer eller potentiella offer för människohandel eller exploatering.",
            "Här kan du ta del av rapporten:",
        ],
        "description_en": [
            "The social services have a central role in supporting and protecting children who "
            "are victims or potential victims of human trafficking or exploitation. The guidance "
            "has been produced to support that work and is aimed primarily at social workers, "
            "supervisors and decision-makers in social child and youth care.",
            "Free movement within the EU and migration in the world mean that the social services "
            "may increasingly come into contact with children from other countries who are "
            "staying in Sweden and need the protection and support of the authorities. Some of "
            "these children may be victims of human trafficking or exploitation. They may, for "
            "example, be exploited sexually, in begging, in crime or in domestic work. The "
            "children may also be accompanying their parents, who may be victims or perpetrators. "
            "The children's situations can vary greatly. Awareness, knowledge and cooperation "
            "between the actors concerned are a prerequisite for children in human trafficking "
            "and exploitation to be identified and to receive the support and help that they need "
            "and are entitled to under Swedish and international law.",
            "The National Method Support Team against prostitution and human trafficking can "
            "give the actors concerned, among them the social services, support in their work "
            "with individual cases. The social services have a central role in supporting and "
            "protecting children who are victims or potential victims of human trafficking or "
            "exploitation.",
            "You can read the report here:",
        ],
    },
    {
        "slug": "regionkoordinatorer-mot-prostitution-och-manniskohandel",
        "title": (
            "Regionkoordinatorer mot prostitution och människohandel",
            "Regional coordinators against prostitution and human trafficking",
        ),
        "subtitle": (
            "Stödprocess vid misstänkt människohandel",
            "Support process in suspected human trafficking",
        ),
        "authors": ["jamstalldhetsmyndigheten"],
        "year": 2018,
        "type": "informationsmaterial",
        "topics": ["manniskohandel", "prostitution"],
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "Människohandel förekommer i Sverige och människor utsätts och utnyttjas för "
            "människohandel bland annat för sexuella ändamål, inom tiggeri, för tvångsarbete och "
            "för att begå kriminella handlingar.",
            "Personer som är utsatta för människohandel i Sverige har rätt till stöd och hjälp. "
            "Det följer av Europarådskonventionen (art.12) såväl som av socialtjänstlagens regler "
            "kring stöd till brottsutsatta.",
            "Jämställdhetsmyndigheten ansvarar för nationell samordning mot människohandel och för "
            "en formaliserad stödprocess till utsatta personer. I denna stödprocess är "
            "regionkoordinatorerna ett viktigt led. Enligt regeringens handlingsplan mot "
            "prostitution och människohandel fungerar regionkoordinatorerna som stöd till "
            "Jämställdhetsmyndighetens nationella uppdrag.",
            "Regionkoordinatorerna ska bistå myndigheter med stöd vid människohandelsärenden och "
            "fungera som en regional aktör med spetskompetens gällande människohandel.",
            "Om du misstänker att en person har blivit utsatt för människohandel kan du kontakta "
            "den nationella stödtelefonen 020-39 00 00 eller vända dig direkt till "
            "regionkoordinatorerna för råd och hjälp.",
            "Här hittar du kontaktuppgifter och information om regionkoordinatorernas uppdrag.",
        ],
        "description_en": [
            "Human trafficking occurs in Sweden, and people are subjected to and exploited in "
            "human trafficking for, among other things, sexual purposes, begging, forced labour "
            "and committing criminal acts.",
            "People subjected to human trafficking in Sweden are entitled to support and help. "
            "This follows from the Council of Europe Convention (art. 12) as well as from the "
            "rules of the Social Services Act on support for victims of crime.",
            "The Swedish Gender Equality Agency is responsible for national coordination against "
            "human trafficking and for a formalised support process for the people affected. The "
            "regional coordinators are an important link in this support process. Under the "
            "Government's action plan against prostitution and human trafficking, the regional "
            "coordinators act as support for the Swedish Gender Equality Agency's national "
            "assignment.",
            "The regional coordinators are to assist authorities with support in human "
            "trafficking cases and act as a regional actor with specialist expertise in human "
            "trafficking.",
            "If you suspect that a person has been subjected to human trafficking, you can call "
            "the national support line 020-39 00 00 or turn directly to the regional coordinators "
            "for advice and help.",
            "Here you will find contact details and information about the regional coordinators' "
            "assignment.",
        ],
    },
    {
        "slug": "de-kan-alltid-hitta-mig",
        "title": ("”De kan alltid hitta mig”", "“They can always find me”"),
        "subtitle": (
            "Studie om människohandel och utsatta barngruppers livsvillkor",
            "A study of human trafficking and the living conditions of vulnerable groups of "
            "children",
        ),
        "authors": ["lansstyrelsen-stockholm"],
        "year": 2018,
        "type": "studie",
        "topics": ["manniskohandel", "barn"],
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "Länsstyrelsen Stockholm har genomfört en fördjupad studie kring särskilt utsatta "
            "barngrupper i Sverige. Studien visar att det finns barn som lever under misärliknade "
            "former där de utnyttjas eller riskerar att exploateras. Barnen lever mitt ibland oss "
            "men ofta i det så kallade skuggsamhället där de kan utnyttjas med liten risk för "
            "upptäckt.",
        ],
        "description_en": [
            "The County Administrative Board of Stockholm has carried out an in-depth study of "
            "particularly vulnerable groups of children in Sweden. The study shows that there are "
            "children living in conditions close to destitution, where they are exploited or at "
            "risk of being exploited. The children live among us, but often in the so-called "
            "shadow society, where they can be exploited with little risk of being discovered.",
        ],
    },
    {
        "slug": "prostitution-i-norra-sverige",
        "title": ("Prostitution i norra Sverige", "Prostitution in northern Sweden"),
        "subtitle": (
            "En kartläggning av omfattningen i Norrbotten, Västerbotten, Jämtland och "
            "Västernorrland",
            "A mapping of its extent in Norrbotten, Västerbotten, Jämtland and Västernorrland",
        ),
        "authors": [
            "lansstyrelsen-norrbotten",
            "lansstyrelsen-vasterbotten",
            "lansstyrelsen-jamtland",
            "lansstyrelsen-vasternorrland",
        ],
        "year": 2017,
        "type": "kartlaggning",
        "topics": ["prostitution", "manniskohandel"],
        "languages": [("sv", LanguageStatus.AVAILABLE)],
        "description_sv": [
            "En kartläggning av omfattningen av prostitution på nätet med fokus på de fyra länen, "
            "Norrbotten, Västerbotten, Jämtland och Västernorrland. Kartläggningen ska fungera som "
            "ett kunskapsunderlag och lägesrapport för det fortsatta arbetet mot prostitution och "
            "människohandel. Den bild som framkommer i kartläggningen visar att prostitution och "
            "människohandel för sexuella ändamål finns representerat på nätet i hela regionen och "
            "att av de som är utsatta för prostitution är det få som kommer i kontakt med någon "
            "som kan ge dem information eller erbjuda stöd.",
        ],
        "description_en": [
            "A mapping of the extent of online prostitution, focusing on the four counties of "
            "Norrbotten, Västerbotten, Jämtland and Västernorrland. The mapping is meant to serve "
            "as a knowledge base and status report for the continued work against prostitution "
            "and human trafficking. The picture that emerges from the mapping shows that "
            "prostitution and human trafficking for sexual purposes are present online throughout "
            "the region, and that few of those subjected to prostitution come into contact with "
            "anyone who can give them information or offer support.",
        ],
    },
]


def paragraphs(texts: list[str]) -> str:
    """Plain paragraphs as rich text."""
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def ensure_named(model, rows: dict[str, tuple[str, str]], log) -> dict[str, object]:
    objects = {}
    for slug, (name_sv, name_en) in rows.items():
        obj, created = model.objects.get_or_create(
            slug=slug, defaults={"name_sv": name_sv, "name_en": name_en}
        )
        if created and log:
            log(f"  created {model.__name__} {slug}")
        objects[slug] = obj
    return objects


def ensure_publication(data: dict, topics, types, organisations, log) -> bool:
    if Publication.objects.filter(slug=data["slug"]).exists():
        return False
    publication = Publication(
        slug=data["slug"],
        title_sv=data["title"][0],
        title_en=data["title"][1],
        subtitle_sv=data["subtitle"][0],
        subtitle_en=data["subtitle"][1],
        description_sv=paragraphs(data["description_sv"]),
        description_en=paragraphs(data["description_en"]),
        year=data["year"],
        publication_type=types[data["type"]],
        edition=data.get("edition"),
    )
    publication.author_links = [
        PublicationAuthor(organisation=organisations[slug]) for slug in data["authors"]
    ]
    publication.language_versions = [
        PublicationLanguage(language=code, status=status) for code, status in data["languages"]
    ]
    if data.get("first_edition_year"):
        publication.editions = [
            PublicationEdition(
                number=1,
                year=data["first_edition_year"],
                publisher_sv=FIRST_EDITION_BY[0],
                publisher_en=FIRST_EDITION_BY[1],
            )
        ]
    publication.topics = [topics[slug] for slug in data["topics"]]
    publication.save()
    publication.save_revision(log_action=False).publish(log_action=False)
    if log:
        log(f"  created Publication {data['slug']}")
    return True


@transaction.atomic
def run(command) -> None:
    log = command.log
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page
    ensure_page(
        home,
        PublicationIndexPage,
        slug_sv="publikationer",
        slug_en="publications",
        title_sv="Publikationer",
        title_en="Publications",
        intro_sv=INTRO_SV,
        intro_en=INTRO_EN,
        show_in_menus=True,
        log=log,
    )
    topics = ensure_named(Topic, TOPICS, log)
    types = ensure_named(PublicationType, TYPES, log)
    organisations = ensure_named(Organisation, ORGANISATIONS, log)
    for data in PUBLICATIONS:
        ensure_publication(data, topics, types, organisations, log)
