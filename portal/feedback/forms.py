"""The two forms: the answer (Yes/No about a page or a publication) and the comment after No."""

from __future__ import annotations

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.feedback.models import PageFeedback, subject_of

COMMENT_MAX_LENGTH = 2000
# How long after the answer its comment may be added (the link in the comment form).
COMMENT_SECONDS = 3600
_SALT = "portal.feedback.answer"


def token_for(answer: PageFeedback) -> str:
    return signing.dumps(answer.pk, salt=_SALT, compress=True)


def answer_for(token: str) -> PageFeedback | None:
    """The answer a token names, None for a token forged, expired or of a deleted answer."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=COMMENT_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    return PageFeedback.objects.filter(pk=pk).first()


class AnswerForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    publication = forms.IntegerField(min_value=1, required=False)
    answer = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])

    error_messages = {
        "unknown": _("The page you answered about is not on the website any more."),
    }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        page = Page.objects.live().filter(pk=data["page"]).first()
        publication = None
        page_class = page.specific_class if page is not None else None
        if page_class is not None and data.get("publication"):
            # A page that shows entries under its address names the live ones (BasePage).
            entry = getattr(page_class, "feedback_entry", None)
            publication = entry(data["publication"]) if entry else None
            if publication is None:
                page = None
        elif not getattr(page_class, "asks_for_feedback", False):
            page = None
        if page is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        data["page_object"], data["publication_object"] = page, publication
        return data

    def answer_object(self, language: str) -> PageFeedback:
        page = self.cleaned_data["page_object"]
        publication = self.cleaned_data["publication_object"]
        return PageFeedback(
            subject=subject_of(page, publication),
            title=(str(publication) if publication else page.title)[:255],
            page=page,
            publication=publication,
            language=language,
            helpful=self.cleaned_data["answer"] == "yes",
        )


class CommentForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("What was missing or wrong? (optional)"),
        help_text=_(
            "Do not write your name, contact details or anything about a person or a case: "
            "we cannot answer here. Comments are kept for %(days)s days."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": COMMENT_MAX_LENGTH}),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "The comment can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, days: int, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.help_text = field.help_text % {"days": days}
