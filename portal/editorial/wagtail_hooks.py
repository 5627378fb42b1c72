"""The editorial admin additions: the translation status and review date reports, the
translation panel and warnings."""

from __future__ import annotations

import json
from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import RevisionMixin
from wagtail.snippets.models import get_snippet_models

from portal.editorial import translation_status
from portal.editorial.models import TranslationTimestamps
from portal.editorial.reports import ReviewDatesReportView, TranslationStatusReportView


@hooks.register("insert_editor_js", order=100)
def editor_languages_js():
    """Each translated field labelled with its language's name, both languages side by
    side; after wagtail-modeltranslation's language toggle (hence the order)."""
    names = {code: str(name) for code, name in settings.LANGUAGES}
    return format_html(
        '<script src="{}" data-language-names="{}"></script>',
        static("editorial/editor-languages.js"),
        json.dumps(names, ensure_ascii=False),
    )


@hooks.register("insert_editor_js", order=101)
def editor_copy_language_js():
    """The StreamFields' "Copy content from" buttons (editor-copy-language.js)."""
    names = {code: str(name) for code, name in settings.LANGUAGES}
    return format_html(
        '<script src="{}" data-language-names="{}" data-copy-label="{}"></script>',
        static("editorial/editor-copy-language.js"),
        json.dumps(names, ensure_ascii=False),
        _("Copy content from"),
    )


@hooks.register("insert_editor_js")
def editor_autosave_errors_js():
    """After a failed save or publish, an autosave that keeps the editor's input as a draft
    says so in place of "could not be created/saved" (editor-autosave-errors.js)."""
    return format_html(
        '<script src="{}" data-saved-text="{}" data-failed-texts="{}"></script>',
        static("editorial/editor-autosave-errors.js"),
        _(
            "What you typed is saved as a draft, but not published: "
            "first correct what is marked below."
        ),
        json.dumps(_validation_failures()),
    )


# Wagtail's messages for a page or a snippet whose form failed validation (its own msgids,
# in its catalogue: the script replaces exactly these, no other error such as a lock).
PAGE_FAILURES = (
    "The page could not be created due to validation errors.",
    "The page could not be saved due to validation errors.",
)
SNIPPET_FAILURES = (
    "The %(model_name)s could not be created due to errors.",
    "The %(model_name)s could not be saved due to errors.",
)


def _validation_failures() -> list[str]:
    """The validation messages the editor may see, in the admin's language; snippets only
    where Wagtail autosaves them (revisions)."""
    texts = [_(text) for text in PAGE_FAILURES]
    for model in get_snippet_models():
        if issubclass(model, RevisionMixin):
            name = capfirst(model._meta.verbose_name)
            texts += [_(text) % {"model_name": name} for text in SNIPPET_FAILURES]
    return texts


@hooks.register("insert_global_admin_css")
def editor_languages_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("editorial/editor-languages.css")
    )


def _report_paths(prefix: str, view_class, name: str) -> list:
    return [
        path(prefix, view_class.as_view(), name=name),
        path(f"{prefix}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def register_urls():
    # The same addresses as before the reports moved to Wagtail's report view.
    return [
        *_report_paths(
            "reports/translation-status/", TranslationStatusReportView, "translation_status"
        ),
        *_report_paths("reports/review-due/", ReviewDatesReportView, "review_due"),
    ]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_review_menu_item():
    return MenuItem(
        gettext_lazy("Pages due for content review"),
        reverse("review_due"),
        name="review-due",
        icon_name="date",
        order=101,
    )


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "editorial/admin/translation_status_panel.html"
    order = 110

    def get_context_data(self, parent_context):
        rows = translation_status.report_rows()
        counts = Counter(row.status for row in rows)
        return {
            "counts": [
                (label, counts[key])
                for key, label in translation_status.STATUS_LABELS.items()
                if counts[key]
            ],
            "request": parent_context["request"],
        }


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    panels.append(TranslationStatusPanel())


def _warn_if_english_lags(request, obj):
    """After a save: name the fields whose English is missing; say that the English may
    need updating only when this very save changed the Swedish text."""
    if obj is None or type(obj) not in translation_status.tracked_models():
        return
    if not request.accepts("text/html"):
        return  # an autosave (it asks for JSON): its messages would pile up unseen
    stamps = TranslationTimestamps.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).first()
    state, fields = translation_status.status_of(obj, stamps)
    started = getattr(request, "editorial_save_started", None)
    if state == "outdated" and started and stamps.sv_changed_at >= started:
        messages.warning(
            request,
            _("The Swedish text changed. The English text may need updating as well."),
        )
    elif state in ("missing", "partial"):
        messages.warning(
            request,
            _("English text is missing in: %(fields)s.")
            % {"fields": ", ".join(translation_status.field_label(obj, n) for n in fields)},
        )


@hooks.register("before_edit_page")
@hooks.register("before_create_page")
@hooks.register("before_edit_snippet")
@hooks.register("before_create_snippet")
def note_when_the_save_started(request, *args):
    request.editorial_save_started = timezone.now()


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def warn_after_page(request, page):
    _warn_if_english_lags(request, page.specific)


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def warn_after_snippet(request, instance):
    _warn_if_english_lags(request, instance)
