"""The accessibility statement (tillgänglighetsredogörelse) and its feedback form.

What the law on accessibility of digital public services (2018:1937) and Digg's
regulations ask a statement to say: how far the site complies, what is not
accessible and why, when it was assessed and last updated, how, where to give
feedback or ask for content in an accessible format, and how to complain to Digg.
The feedback route is a form (Wagtail's form builder): submissions are stored and
sent by e-mail. A visitor is always thanked once the submission is stored, even when the
mail cannot be sent (operators get one log line); one address may post FEEDBACK_LIMIT
times per FEEDBACK_WINDOW seconds (then 429 with a message in the page's language); a
field people never see (HONEYPOT) turns away simple bots without storing anything.
"""

from __future__ import annotations

import logging
import smtplib

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from guidance.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.core.pages import BasePage
from portal.core.rate_limit import allow

logger = logging.getLogger(__name__)

DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


class ComplianceStatus(models.TextChoices):
    FULLY = "fully", _("Fully compliant")
    PARTLY = "partly", _("Partly compliant")
    NOT = "not", _("Not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("Self-assessment")
    THIRD_PARTY = "third_party", _("Assessment by a third party")


# Form fields that say what they ask for, for autofill (WCAG 1.3.5).
AUTOCOMPLETE = {"name": "name", "email": "email"}
# The name of a field visually hidden and out of the tab order: filled in, it is a bot.
HONEYPOT = "homepage"
FEEDBACK_LIMIT = 5
FEEDBACK_WINDOW = 600


class AccessibilityStatementPage(EmailFormMixin, FormMixin, BasePage):
    """The site's accessibility statement, with a form for feedback and requests."""

    compliance_status = models.CharField(
        _("compliance status"),
        max_length=12,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTLY,
        help_text=_("How far the website meets the requirements of the law (WCAG 2.1 AA)."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who is responsible for the website and what the statement covers."),
    )
    non_accessible_content = StreamField(
        BodyBlock(),
        verbose_name=_("content that is not accessible"),
        blank=True,
        help_text=_(
            "The known shortcomings and why: lack of compliance, disproportionate burden, "
            "content outside the scope of the law. Say when each will be fixed."
        ),
    )
    assessment_method = models.CharField(
        _("assessment method"),
        max_length=12,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_text = RichTextField(
        _("how the website was tested"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The method, the tools and the pages checked."),
    )
    assessed_on = models.DateField(_("date of the assessment"))
    updated_on = models.DateField(_("date of the last update"))
    feedback_text = RichTextField(
        _("feedback and requests"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "How to report a problem or ask for content in an accessible format, "
            "and how soon you answer."
        ),
    )
    complaint_url = models.URLField(
        _("complaint function of the supervisory authority"),
        default=DIGG_COMPLAINT_URL,
        help_text=_("Digg's form for reporting a lack of accessibility."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the feedback form has been sent."),
    )

    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("compliance_status"),
        FieldPanel("intro"),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_text"),
                FieldRowPanel([FieldPanel("assessed_on"), FieldPanel("updated_on")]),
            ],
            heading=_("Assessment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_text"),
                InlinePanel("form_fields", label=_("Form fields")),
                FieldPanel("thank_you_text"),
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Feedback form"),
        ),
        FieldPanel("complaint_url"),
    ]

    parent_page_types = ["guidance.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    page_description = _(
        "The accessibility statement the law requires, with a feedback form. There is only one."
    )

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    # The statement's feedback is its own form, not "Did this information help you?".
    asks_for_feedback = False

    # Editors preview each language (BasePage), not the form builder's form/landing modes.
    preview_modes = BasePage.preview_modes
    default_preview_mode = BasePage.default_preview_mode
    serve_preview = BasePage.serve_preview

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if not allow(request, "feedback", FEEDBACK_LIMIT, FEEDBACK_WINDOW):
                context = self.get_context(request)
                context["form"] = self.get_form(page=self, user=request.user)
                context["rate_limited"] = True
                return TemplateResponse(request, self.get_template(request), context, status=429)
            if request.POST.get(HONEYPOT):
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        """Stored first; the mail after, and its failure never reaches the visitor."""
        submission = FormMixin.process_form_submission(self, form)
        if self.to_address:
            try:
                self.send_mail(form)
            except (smtplib.SMTPException, OSError) as error:
                logger.error(
                    "Feedback %s stored but not mailed to %s: %s: %s",
                    submission.pk,
                    self.to_address,
                    type(error).__name__,
                    error,
                )
        return submission

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for name, token in AUTOCOMPLETE.items():
            if name in form.fields:
                form.fields[name].widget.attrs["autocomplete"] = token
        return form


class AccessibilityFeedbackField(AbstractFormField):
    """A field of the statement's feedback form (label and help text per language)."""

    page = ParentalKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="form_fields"
    )

    class Meta(AbstractFormField.Meta):
        verbose_name = _("feedback form field")
        verbose_name_plural = _("feedback form fields")
