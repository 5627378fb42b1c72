"""The accessibility statement with its feedback form, built as the seed builds it."""

from __future__ import annotations

import datetime

import factory
from wagtail.models import Site

from guidance.models import AccessibilityFeedbackField, AccessibilityStatementPage
from portal.core.models import FooterLinks
from tests.factories import TEST_HOST, BasePageFactory, stream

# clean_name, label (sv, en), field type, required
FORM_FIELDS = [
    ("name", "Namn", "Name", "singleline", False),
    ("email", "E-postadress", "E-mail address", "email", False),
    ("content", "Vilket innehåll gäller det?", "Which content is it about?", "singleline", False),
    ("message", "Ditt meddelande", "Your message", "multiline", True),
]


def feedback_fields() -> list[AccessibilityFeedbackField]:
    return [
        AccessibilityFeedbackField(
            clean_name=name,
            label=label_sv,
            label_sv=label_sv,
            label_en=label_en,
            help_text_sv="Beskriv problemet." if name == "message" else "",
            help_text_en="Describe the problem." if name == "message" else "",
            field_type=kind,
            required=required,
            sort_order=order,
        )
        for order, (name, label_sv, label_en, kind, required) in enumerate(FORM_FIELDS)
    ]


class AccessibilityStatementPageFactory(BasePageFactory):
    """Under the test's start page; the site's footer links to it (its footer-links setting)."""

    title_sv = "Tillgänglighetsredogörelse"
    title_en = "Accessibility statement"
    slug_sv = "tillganglighet"
    slug_en = "accessibility"
    compliance_status = "partly"
    intro_sv = "Så uppfyller webbplatsen lagen."
    intro_en = "How the website meets the law."
    non_accessible_content_sv = stream(("paragraph", "<p>Dokument från andra myndigheter.</p>"))
    non_accessible_content_en = stream(("paragraph", "<p>Documents by other agencies.</p>"))
    assessment_method = "self"
    assessed_on = datetime.date(2026, 11, 23)
    updated_on = datetime.date(2026, 11, 23)
    thank_you_text_sv = "<p>Vi har tagit emot ditt meddelande.</p>"
    thank_you_text_en = "<p>We have received your message.</p>"
    to_address = "tillganglighet@example.org"
    subject_sv = "Synpunkt på tillgängligheten"
    subject_en = "Feedback on accessibility"
    form_fields = factory.LazyFunction(feedback_fields)

    class Meta:
        model = AccessibilityStatementPage
        skip_postgeneration_save = True

    @factory.post_generation
    def in_the_footer(self, create, extracted, **kwargs):
        if create:
            site = Site.objects.get(hostname=TEST_HOST, port=80)
            setting = FooterLinks.for_site(site)
            setting.accessibility_page = self
            setting.save()
