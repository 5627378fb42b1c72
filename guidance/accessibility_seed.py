"""Seed content of the accessibility statement: /sv/tillganglighet/ and /en/accessibility/.

An honest statement of the portal's state when the browser tests were first run
(docs/accessibility.md): partly compliant until the known gaps below are fixed.
Idempotent: an existing statement is left as editors have it.
"""

from __future__ import annotations

import datetime
import json

from wagtail.models import Site

from guidance.models import AccessibilityFeedbackField, AccessibilityStatementPage, HomePage
from guidance.models.accessibility import AssessmentMethod, ComplianceStatus
from portal.core.models import FooterLinks
from portal.core.seeding import ensure_page

ASSESSED_ON = datetime.date(2026, 11, 23)


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


INTRO_SV = (
    "Vi vill att så många som möjligt ska kunna använda webbplatsen Stöd för socialtjänsten. "
    "Här beskriver vi hur den uppfyller lagen om tillgänglighet till digital offentlig service, "
    "vilka brister vi känner till och hur du kan meddela oss problem så att vi kan åtgärda dem."
)
INTRO_EN = (
    "We want as many people as possible to be able to use the website Support for social "
    "services. This statement describes how it meets the Swedish law on accessibility of digital "
    "public services, the shortcomings we know of, and how you can tell us about problems so "
    "that we can fix them."
)

SHORTCOMINGS_SV = _stream(
    ("heading", "Bristande förenlighet med lagkraven"),
    (
        "paragraph",
        "<ul>"
        "<li><b>Dokument från andra myndigheter.</b> Publikationskatalogen och temasidorna länkar "
        "till rapporter, manualer och broschyrer som andra myndigheter har gett ut, oftast som "
        "PDF. Vi har inte granskat om de filerna är tillgängliga (till exempel rubrikstruktur, "
        "läsordning och alternativtexter till bilder, WCAG 1.1.1 och 1.3.1). Behöver du ett "
        "dokument i ett annat format, fråga oss i formuläret nedan.</li>"
        "<li><b>Poddavsnittet saknar textversion.</b> Avsnittet av podden På djupet som temat "
        "Människohandel med barn länkar till har ingen utskrift på den här webbplatsen (WCAG "
        "1.2.1). Ljudet finns hos Socialstyrelsen.</li>"
        "</ul>",
    ),
    ("heading", "Innehåll som inte omfattas av lagkraven"),
    (
        "paragraph",
        "<p>Webbutbildningar, poddar och stödtjänster som vi länkar till ligger på andra "
        "organisationers webbplatser. De ansvarar själva för tillgängligheten där.</p>",
    ),
    ("heading", "Så åtgärdar vi bristerna"),
    (
        "paragraph",
        "<p>Vi granskar dokumenten i katalogen i den takt de läggs in och ber utgivarna om "
        "tillgängliga versioner där de saknas. Redogörelsen uppdateras när en brist är "
        "åtgärdad.</p>",
    ),
)
SHORTCOMINGS_EN = _stream(
    ("heading", "Lack of compliance with the requirements"),
    (
        "paragraph",
        "<ul>"
        "<li><b>Documents from other authorities.</b> The publications catalogue and the theme "
        "pages link to reports, manuals and brochures published by other authorities, mostly as "
        "PDF files. We have not checked whether those files are accessible (for example heading "
        "structure, reading order and text alternatives for images, WCAG 1.1.1 and 1.3.1). If you "
        "need a document in another format, ask us in the form below.</li>"
        "<li><b>The podcast episode has no text version.</b> The episode of the podcast På djupet "
        "that the theme Child trafficking links to has no transcript on this website (WCAG 1.2.1). "
        "The audio is on the website of the National Board of Health and Welfare.</li>"
        "</ul>",
    ),
    ("heading", "Content outside the scope of the law"),
    (
        "paragraph",
        "<p>The web courses, podcasts and support services we link to are on other "
        "organisations' websites. They are responsible for accessibility there.</p>",
    ),
    ("heading", "How we fix the shortcomings"),
    (
        "paragraph",
        "<p>We review the documents in the catalogue as they are added and ask the publishers for "
        "accessible versions where they are missing. This statement is updated when a "
        "shortcoming has been fixed.</p>",
    ),
)

ASSESSMENT_SV = (
    "<p>Vi har testat webbplatsen själva. Automatiska tester med axe-core 4.14.1 i webbläsaren "
    "Chromium kontrollerar WCAG 2.0 och 2.1 nivå A och AA, färgkontrast inräknad, på alla "
    "sidtyper på svenska och engelska: startsidan, sektionssidor, temaöversikten, temasidor, "
    "stödtjänster, manualer och vägledningar, poddavsnitt, webbutbildningar, kontaktsidan, "
    "publikationskatalogen med och utan filter, en publikation, sökresultat med och utan "
    "träffar, felsidan och den här redogörelsen. Testerna kontrollerar också att allt går att "
    "nå med tangentbordet med synligt fokus, att katalogen och sökningen fungerar utan "
    "JavaScript och att inga sidor behöver rullas i sidled i 320 pixlars bredd.</p>"
    "<p>Automatiska tester hittar bara en del av bristerna. Vi har ännu inte testat med "
    "skärmläsare eller tillsammans med användare med funktionsnedsättning.</p>"
)
ASSESSMENT_EN = (
    "<p>We have tested the website ourselves. Automated tests with axe-core 4.14.1 in the "
    "Chromium browser check WCAG 2.0 and 2.1 levels A and AA, colour contrast included, on every "
    "page type in Swedish and English: the start page, section pages, the theme index, theme "
    "pages, support services, manuals and guidance documents, podcast episodes, web courses, the "
    "contact page, the publications catalogue with and without filters, a publication, search "
    "results with and without hits, the error page and this statement. The tests also check "
    "that everything can be reached with the keyboard with a visible focus, that the catalogue "
    "and search work without JavaScript, and that no page needs sideways scrolling at a width "
    "of 320 pixels.</p>"
    "<p>Automated tests find only some of the shortcomings. We have not yet tested with screen "
    "readers or together with users with disabilities.</p>"
)

FEEDBACK_SV = (
    "<p>Upptäcker du problem som inte står på den här sidan, eller behöver du innehåll i ett "
    "annat format, till exempel en publikation som text eller som tillgänglig PDF? Skriv till "
    "oss i formuläret. Du behöver inte ange ditt namn, men lämna din e-postadress om du vill "
    "ha svar.</p>"
)
FEEDBACK_EN = (
    "<p>Have you found a problem that is not described on this page, or do you need content in "
    "another format, for example a publication as text or as an accessible PDF? Write to us in "
    "the form. You do not have to give your name, but leave your e-mail address if you would "
    "like an answer.</p>"
)

THANK_YOU_SV = (
    "<p>Vi har tagit emot ditt meddelande. Om du har lämnat din e-postadress svarar vi dig där.</p>"
)
THANK_YOU_EN = (
    "<p>We have received your message. If you left your e-mail address, we will answer you "
    "there.</p>"
)


def feedback_fields() -> list[AccessibilityFeedbackField]:
    return [
        AccessibilityFeedbackField(
            clean_name="name",
            label_sv="Namn",
            label_en="Name",
            field_type="singleline",
            required=False,
        ),
        AccessibilityFeedbackField(
            clean_name="email",
            label_sv="E-postadress",
            label_en="E-mail address",
            help_text_sv="Om du vill ha svar.",
            help_text_en="If you would like an answer.",
            field_type="email",
            required=False,
        ),
        AccessibilityFeedbackField(
            clean_name="content",
            label_sv="Vilken sida eller vilket innehåll gäller det?",
            label_en="Which page or content is it about?",
            help_text_sv="Till exempel sidans adress eller publikationens titel.",
            help_text_en="For example the page's address or the title of the publication.",
            field_type="singleline",
            required=False,
        ),
        AccessibilityFeedbackField(
            clean_name="message",
            label_sv="Ditt meddelande",
            label_en="Your message",
            help_text_sv=(
                "Beskriv problemet, eller vilket innehåll du behöver och i vilket format."
            ),
            help_text_en="Describe the problem, or which content you need and in which format.",
            field_type="multiline",
            required=True,
        ),
    ]


def run(home: HomePage, log=None) -> AccessibilityStatementPage:
    statement, created = ensure_page(
        home,
        AccessibilityStatementPage,
        slug_sv="tillganglighet",
        slug_en="accessibility",
        title_sv="Tillgänglighetsredogörelse",
        title_en="Accessibility statement",
        compliance_status=ComplianceStatus.PARTLY,
        intro_sv=INTRO_SV,
        intro_en=INTRO_EN,
        non_accessible_content_sv=SHORTCOMINGS_SV,
        non_accessible_content_en=SHORTCOMINGS_EN,
        assessment_method=AssessmentMethod.SELF,
        assessment_text_sv=ASSESSMENT_SV,
        assessment_text_en=ASSESSMENT_EN,
        assessed_on=ASSESSED_ON,
        updated_on=ASSESSED_ON,
        feedback_text_sv=FEEDBACK_SV,
        feedback_text_en=FEEDBACK_EN,
        thank_you_text_sv=THANK_YOU_SV,
        thank_you_text_en=THANK_YOU_EN,
        # A placeholder mailbox: the editors set the real one in the admin.
        to_address="tillganglighet@example.org",
        subject_sv="Synpunkt på tillgängligheten",
        subject_en="Feedback on accessibility",
        form_fields=feedback_fields(),
        log=log,
    )
    site = Site.objects.filter(root_page=home).first()
    if site is not None:
        footer = FooterLinks.for_site(site)
        if footer.accessibility_page_id is None:
            footer.accessibility_page = statement
            footer.save()
    return statement
