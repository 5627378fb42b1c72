"""The theme "Människohandel med barn" and its resources, as the authority wrote it.

Swedish as written (typos included); English is a faithful translation.
"""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from guidance.models import (
    DocumentResourcePage,
    Hotline,
    PodcastEpisodePage,
    ResourceKind,
    SupportServiceAgency,
    SupportServicePage,
    ThemePage,
    ThemeResource,
    WebCoursePage,
)
from portal.core.seeding import ensure_page

NMT_WEBSITE = "https://nmtsverige.se/"
JAMSTALLDHETSMYNDIGHETEN = "https://www.jamstalldhetsmyndigheten.se/"
SOCIALSTYRELSEN = "https://www.socialstyrelsen.se/"
LANSSTYRELSEN_STOCKHOLM = "https://www.lansstyrelsen.se/stockholm/"

MANUAL_TITLE = "Manual vid misstanke om människohandel"
MANUAL_COVER_ALT_SV = "Omslagsbild Manual vid misstanke om människohandel"
MANUAL_COVER_ALT_EN = "Cover image of the Manual for suspected human trafficking"


def ensure_hotline() -> Hotline:
    hotline = Hotline.objects.filter(number="+4620390000").first()
    if hotline is None:
        hotline = Hotline.objects.create(
            name_sv="Nationella stödtelefonen",
            name_en="The national support line",
            number="+4620390000",
        )
    return hotline


def cover_image(title: str, subtitle: str):
    """A stand-in cover: the title on a plain background, made once."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 600, 840
    canvas = PILImage.new("RGB", (width, height), (11, 59, 96))
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=44)
    small = ImageFont.load_default(size=26)
    y = 120
    for line in _wrap(draw, title, font, width - 100):
        draw.text((50, y), line, fill=(255, 255, 255), font=font)
        y += 56
    y += 30
    for line in _wrap(draw, subtitle, small, width - 100):
        draw.text((50, y), line, fill=(230, 236, 242), font=small)
        y += 36
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name="manual-vid-misstanke-om-manniskohandel.png")
    image.save()
    return image


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def run(theme_index, log) -> ThemePage:
    hotline = ensure_hotline()
    theme, created = ensure_page(
        theme_index,
        ThemePage,
        slug_sv="manniskohandel-med-barn",
        slug_en="child-trafficking",
        title_sv="Människohandel med barn",
        title_en="Child trafficking",
        lead_sv=(
            "Socialtjänsten har en central roll när det gäller att stödja och skydda barn som är "
            "offer eller potentiella offer för människohandel eller exploatering. Uppdraget skiljer "
            "sig inte principiellt från andra ärenden där barn far illa, men det finns vissa "
            "faktorer att vara särskilt uppmärksam på för att kunna tillgodose barnets behov av och "
            "rätt till skydd och stöd. I det här temat hittar du som arbetar inom socialtjänsten "
            "stöd i att upptäcka människohandel och hur du kan agera då."
        ),
        lead_en=(
            "Social services have a central role in supporting and protecting children who are "
            "victims or potential victims of human trafficking or exploitation. The task does not "
            "differ in principle from other cases where children are at risk, but there are "
            "certain factors to be especially attentive to in order to meet the child's need for, "
            "and right to, protection and support. In this theme, those of you who work in social "
            "services will find support in detecting human trafficking and in how you can act "
            "when you do."
        ),
        body_sv=f'[{{"type": "hotline", "value": {hotline.pk}}}]',
        body_en=f'[{{"type": "hotline", "value": {hotline.pk}}}]',
        log=log,
    )
    resources = list(_resources(theme, hotline, log))
    if created:
        for order, page in enumerate(resources):
            ThemeResource.objects.create(theme=theme, page=page, sort_order=order)
        theme.save_revision().publish(log_action=False)
    return theme


def _resources(theme, hotline, log):
    guidance, _ = ensure_page(
        theme,
        DocumentResourcePage,
        slug_sv="vagledning-barn-i-manniskohandel",
        slug_en="guidance-children-in-trafficking",
        document_kind=ResourceKind.GUIDANCE,
        title_sv="Barn i internationell människohandel och exploatering – vägledning för socialtjänsten",
        title_en="Children in international human trafficking and exploitation – guidance for social services",
        summary_sv=(
            "Socialtjänsten har en central roll när det gäller att stödja och skydda barn som är "
            "offer eller potentiella offer för människohandel eller exploatering. Socialstyrelsen "
            "har tagit fram vägledningen för att ge stöd i det arbetet och vänder sig primärt till "
            "socialsekreterare, arbetsledare och beslutsfattare inom den sociala barn- och "
            "ungdomsvården."
        ),
        summary_en=(
            "Social services have a central role in supporting and protecting children who are "
            "victims or potential victims of human trafficking or exploitation. The National Board "
            "of Health and Welfare (Socialstyrelsen) has produced the guidance to support that "
            "work; it is addressed primarily to social workers, supervisors and decision-makers in "
            "social child and youth care."
        ),
        publisher_sv="Socialstyrelsen",
        publisher_en="The National Board of Health and Welfare (Socialstyrelsen)",
        year=2018,
        publisher_url_sv=SOCIALSTYRELSEN,
        publisher_link_text_sv="Socialstyrelsens webbplats",
        publisher_link_text_en="The website of the National Board of Health and Welfare",
        log=log,
    )
    yield guidance

    manual, _ = ensure_page(
        theme,
        DocumentResourcePage,
        slug_sv="manual-vid-misstanke-om-manniskohandel",
        slug_en="manual-suspected-human-trafficking",
        document_kind=ResourceKind.MANUAL,
        title_sv=MANUAL_TITLE,
        title_en="Manual for suspected human trafficking",
        subtitle_sv="En stöd- och skyddsprocess för offer för människohandel i Sverige",
        subtitle_en="A support and protection process for victims of human trafficking in Sweden",
        summary_sv=(
            "Manual vid misstanke om människohandel ger stöd och praktisk väg ledning till "
            "yrkesverksamma som kan komma i kontakt med personer som utsatts för människohandel. "
            "Manualen ger en helhetsbild av det stöd och skydd som erbjuds offer för människohandel "
            "i Sverige."
        ),
        summary_en=(
            "The Manual for suspected human trafficking gives support and practical guidance to "
            "professionals who may come into contact with people who have been subjected to human "
            "trafficking. The manual gives an overall picture of the support and protection offered "
            "to victims of human trafficking in Sweden."
        ),
        cover_image=cover_image(
            MANUAL_TITLE, "En stöd- och skyddsprocess för offer för människohandel i Sverige"
        ),
        cover_alt_text_sv=MANUAL_COVER_ALT_SV,
        cover_alt_text_en=MANUAL_COVER_ALT_EN,
        publisher_sv="Jämställdhetsmyndigheten",
        publisher_en="The Swedish Gender Equality Agency (Jämställdhetsmyndigheten)",
        year=2019,
        publisher_url_sv=JAMSTALLDHETSMYNDIGHETEN,
        publisher_link_text_sv="Manual vid misstanke om människohandel på Jämställdhetsmyndighetens webbplats",
        publisher_link_text_en="The Manual for suspected human trafficking on the Swedish Gender Equality Agency's website",
        log=log,
    )
    yield manual

    nmt, created = ensure_page(
        theme,
        SupportServicePage,
        slug_sv="nmt",
        slug_en="nmt",
        title_sv="Nationellt metodstöd mot prostitution och människohandel",
        title_en="National Method Support against Prostitution and Human Trafficking",
        abbreviation="NMT",
        summary_sv=(
            "NMTs webbplats hittar både du som är yrkesverksam och du som arbetar ideellt råd och "
            "vägledning."
        ),
        summary_en=(
            "On NMT's website, both professionals and volunteers will find advice and guidance."
        ),
        lead_agency_sv="Jämställdhetsmyndigheten",
        lead_agency_en="the Swedish Gender Equality Agency",
        hotline=hotline,
        hotline_prompt_sv="Misstänker du människohandel?",
        hotline_prompt_en="Do you suspect human trafficking?",
        website_sv=NMT_WEBSITE,
        website_label_sv="NMT Sverige",
        website_label_en="NMT Sweden",
        audience_sv="Dig som är yrkesverksam och dig som arbetar ideellt.",
        audience_en="Professionals and volunteers.",
        offers_sv=(
            "<p>Råd och vägledning i arbetet mot prostitution och människohandel, och stöd i "
            "arbetet med enskilda ärenden.</p>"
        ),
        offers_en=(
            "<p>Advice and guidance in work against prostitution and human trafficking, and "
            "support in work on individual cases.</p>"
        ),
        log=log,
    )
    if created:
        for order, (sv, en) in enumerate(
            [
                ("Polisen", "the Swedish Police Authority"),
                ("Migrationsverket", "the Swedish Migration Agency"),
                ("Åklagarmyndigheten", "the Swedish Prosecution Authority"),
            ]
        ):
            SupportServiceAgency.objects.create(page=nmt, name_sv=sv, name_en=en, sort_order=order)
        nmt.save_revision().publish(log_action=False)
    yield nmt

    booklet, _ = ensure_page(
        theme,
        DocumentResourcePage,
        slug_sv="kan-det-vara-manniskohandel",
        slug_en="could-it-be-human-trafficking",
        document_kind=ResourceKind.PUBLICATION,
        title_sv="Kan det vara människohandel?",
        title_en="Could it be human trafficking?",
        summary_sv=(
            "Målsättningen med den här skriften är bidra till att fler personer i sin "
            "yrkesutövning uppmärksammar barn som kan vara utsatta för människohandel så att de får "
            "det stöd och skydd de har rätt till. Skriften är framtagen av Länsstyrelsen i "
            "Stockholm och Unicef, och kan laddas ner på länsstyrelsens webbplats."
        ),
        summary_en=(
            "The aim of this publication is to help more people, in their professional work, to "
            "notice children who may be subjected to human trafficking, so that the children get "
            "the support and protection they are entitled to. The publication was produced by the "
            "County Administrative Board of Stockholm and Unicef, and can be downloaded from the "
            "county administrative board's website."
        ),
        publisher_sv="Länsstyrelsen i Stockholm och Unicef",
        publisher_en="The County Administrative Board of Stockholm and Unicef",
        publisher_url_sv=LANSSTYRELSEN_STOCKHOLM,
        publisher_link_text_sv="Länsstyrelsen i Stockholm",
        publisher_link_text_en="The County Administrative Board of Stockholm",
        log=log,
    )
    yield booklet

    podcast, _ = ensure_page(
        theme,
        PodcastEpisodePage,
        slug_sv="podd-pa-djupet-54",
        slug_en="podcast-pa-djupet-54",
        title_sv="Podd – om barn i människohandel och exploatering",
        title_en="Podcast – on children in human trafficking and exploitation",
        series="På djupet",
        episode_number=54,
        summary_sv=(
            "Hur upptäcker Socialtjänsten barn som är utsatta för människohandel och exploatering? "
            "Och på vilket sätt kan barnen skyddas? Lyssna på avsnitt 54 av Socialstyrelsens podd "
            "På djupet."
        ),
        summary_en=(
            "How do social services detect children who are subjected to human trafficking and "
            "exploitation? And how can the children be protected? Listen to episode 54 of the "
            "National Board of Health and Welfare's podcast På djupet (In depth)."
        ),
        publisher_sv="Socialstyrelsen",
        publisher_en="The National Board of Health and Welfare (Socialstyrelsen)",
        listen_url_sv=SOCIALSTYRELSEN,
        listen_link_text_sv="På djupet - en podd från Socialstyrelsen",
        listen_link_text_en="På djupet (In depth) – a podcast from the National Board of Health and Welfare",
        log=log,
    )
    yield podcast

    course, _ = ensure_page(
        theme,
        WebCoursePage,
        slug_sv="webbutbildning-manniskohandel-med-barn-och-unga",
        slug_en="web-course-trafficking-in-children-and-young-people",
        title_sv="Webbutbildningen Människohandel med barn och unga",
        title_en="The web course Trafficking in children and young people",
        summary_sv=(
            "Webbutbildningen ger dig kunskap om identifiering och skydd av barn som utsätts för "
            "människohandel. Utbildningen är framtagen av det Nationella metodstödsteamet, NMT, vid "
            "länsstyrelsen i Stockholm i samarbete med landets övriga länsstyrelser."
        ),
        summary_en=(
            "The web course gives you knowledge about identifying and protecting children who are "
            "subjected to human trafficking. The course was developed by the National Method "
            "Support Team, NMT, at the County Administrative Board of Stockholm in cooperation with "
            "the country's other county administrative boards."
        ),
        provider_sv=(
            "Nationella metodstödsteamet (NMT) vid länsstyrelsen i Stockholm i samarbete med "
            "landets övriga länsstyrelser"
        ),
        provider_en=(
            "The National Method Support Team (NMT) at the County Administrative Board of "
            "Stockholm, with the country's other county administrative boards"
        ),
        audience_sv="Dig som i ditt arbete kan möta barn som utsätts för människohandel.",
        audience_en="Those who may meet children subjected to human trafficking in their work.",
        course_url_sv=NMT_WEBSITE,
        course_link_text_sv="Webbutbildningen på NMT:s webbplats",
        course_link_text_en="The web course on NMT's website",
        log=log,
    )
    yield course


# Which resource pages are the same document as a catalogue entry (by slug).
CATALOGUE_ENTRIES = {
    "vagledning-barn-i-manniskohandel": "barn-i-internationell-manniskohandel-och-exploatering",
    "manual-vid-misstanke-om-manniskohandel": "manual-vid-misstanke-om-manniskohandel",
}


def link_catalogue_entries(log) -> None:
    publication_model = DocumentResourcePage._meta.get_field("catalogue_entry").related_model
    for page_slug, entry_slug in CATALOGUE_ENTRIES.items():
        page = DocumentResourcePage.objects.filter(slug_sv=page_slug).first()
        entry = publication_model.objects.filter(slug=entry_slug).first()
        if page is None or entry is None or page.catalogue_entry_id:
            continue
        page.catalogue_entry = entry
        page.save_revision().publish(log_action=False)
        log(f"  linked /{page_slug}/ to its catalogue entry")
