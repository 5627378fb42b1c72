"""The sign-up form: an address, and what to follow among the pages visitors may follow."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from portal.alerts.following import Followable


def followable_pages() -> list[Page]:
    """Every live, public page visitors may follow, in the order of the page tree."""
    models = [model for model in get_page_models() if issubclass(model, Followable)]
    return list(Page.objects.live().public().type(*models).order_by("path").specific())


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "We use it only to send you the alerts you choose. It is deleted after seven days "
            "if you do not confirm, and when you stop your last alert."
        ),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the right form, like name@example.se."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    follow = forms.TypedMultipleChoiceField(
        label=_("What do you want to follow?"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing to follow."),
            "invalid_choice": _(
                "What you chose can no longer be followed: it may have been removed. "
                "Choose again among those listed."
            ),
        },
    )

    def __init__(self, *args, pages: list[Page], subjects: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = {page.pk: page for page in pages}
        self.fields["follow"].choices = [(page.pk, subjects[page.pk]) for page in pages]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def chosen_pages(self) -> list[Page]:
        return [self.pages[pk] for pk in self.cleaned_data["follow"]]
