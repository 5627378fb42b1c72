"""The code form, and checking a code against a device (with django-otp's throttling)."""

from __future__ import annotations

import math

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

WRONG_CODE = _("That code is not right, or it has expired. Enter the code your app shows now.")


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form (the first step), with its password field labelled in the
    editor's language: Wagtail leaves the label to Django's untranslated field name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits; a new code appears every 30 seconds."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the six digits your authenticator app shows."))
        return code


def check_code(form: CodeForm, device: TOTPDevice) -> bool:
    """Whether the form's code is the device's; if not, the form says why.

    django-otp throttles a device after a wrong code (1 s, then 2, 4, 8 ... s): within
    that time even the right code is refused, and the message says how long to wait.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = details.get("locked_until")
        seconds = max(1, math.ceil((wait - timezone.now()).total_seconds())) if wait else 1
        form.add_error(
            "code",
            ngettext(
                "Too many wrong codes. Wait %(seconds)s second, then enter the code your app"
                " shows.",
                "Too many wrong codes. Wait %(seconds)s seconds, then enter the code your app"
                " shows.",
                seconds,
            )
            % {"seconds": seconds},
        )
        return False
    if device.verify_token(form.cleaned_data["code"]):
        return True
    form.add_error("code", WRONG_CODE)
    return False
