"""The answer, the comment after No, and the thanks: plain forms and redirects (no JavaScript).

The question sits in pages the page cache keeps for every visitor (portal.caching), so its
form carries nothing of a visitor: no CSRF token (whose cookie would keep the page out of
the cache), only the page's number. These views are therefore exempt from Django's CSRF
check; an answer posted from another site (its Origin header) is refused instead, and
each client may post FEEDBACK_LIMIT times per FEEDBACK_WINDOW seconds. The comment form
carries a signed token naming the answer, valid for an hour. Every response says
`no-store`: none of it is for a cache.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.core.rate_limit import allow
from portal.feedback.forms import AnswerForm, CommentForm, answer_for, token_for

SCOPE = "page-feedback"


def _render(request, template: str, context: dict, status: int = 200):
    response = render(request, template, {"noindex": True, **context}, status=status)
    add_never_cache_headers(response)
    return response


def _problem(request, status: int, title: str, messages: list[str]):
    context = {"problem_title": title, "problems": messages}
    return _render(request, "feedback/problem.html", context, status=status)


def _refused(request):
    """A reason to refuse the post before reading it: another site's form, or too many."""
    origin = request.headers.get("Origin")
    if origin and urlsplit(origin).netloc != request.get_host():
        return _problem(
            request, 403, _("The answer was not sent"), [_("The form was sent from another site.")]
        )
    if not allow(request, SCOPE, settings.FEEDBACK_LIMIT, settings.FEEDBACK_WINDOW):
        return _problem(
            request,
            429,
            _("Too many answers"),
            [
                _(
                    "Many answers have been sent from your connection in a short time. Please wait "
                    "ten minutes and try again."
                )
            ],
        )
    return None


def _with_token(name: str, token: str, fragment: str) -> str:
    return f"{reverse(name)}?token={token}#{fragment}"


@csrf_exempt
@require_POST
def answer(request):
    if refused := _refused(request):
        return refused
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _problem(
            request,
            400,
            _("The answer could not be saved"),
            [_("The answer was not understood. Please use the Yes and No buttons on the page.")]
            if not form.non_field_errors()
            else list(form.non_field_errors()),
        )
    saved = form.answer_object(translation.get_language())
    saved.save()
    if saved.helpful:
        return redirect(_with_token("feedback:thanks", token_for(saved), "feedback-thanks"))
    return redirect(_with_token("feedback:comment", token_for(saved), "feedback-comment"))


def _invalid_link(request):
    return _problem(
        request,
        400,
        _("The link does not work"),
        [
            _(
                "The link is not valid or is more than an hour old. Your answer, if you gave "
                "one, has been saved."
            )
        ],
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def comment(request):
    days = settings.FEEDBACK_COMMENT_DAYS
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    saved = answer_for(token)
    if saved is None or saved.helpful:
        return _invalid_link(request)
    if saved.comment:
        return _problem(
            request,
            400,
            _("The comment was not saved"),
            [_("This answer already has a comment.")],
        )
    if request.method != "POST":
        form = CommentForm(initial={"token": token}, days=days)
        return _render(request, "feedback/comment.html", {"form": form, "answer": saved})
    if refused := _refused(request):
        return refused
    form = CommentForm(request.POST, days=days)
    if not form.is_valid():
        context = {"form": form, "answer": saved}
        return _render(request, "feedback/comment.html", context, status=400)
    if form.cleaned_data["comment"]:
        saved.comment = form.cleaned_data["comment"]
        saved.save(update_fields=["comment"])
    return redirect(_with_token("feedback:thanks", token, "feedback-thanks"))


@require_GET
def thanks(request):
    saved = answer_for(request.GET.get("token", ""))
    if saved is None:
        return _invalid_link(request)
    return _render(
        request, "feedback/thanks.html", {"answer": saved, "back_url": back_url(saved, request)}
    )


def back_url(saved, request) -> str | None:
    """The page or publication answered about, in the active language, if still live."""
    page = saved.page
    if page is None or not page.live:
        return None
    if saved.publication_id is None:
        return page.get_url(request)
    publication = saved.publication
    if publication is None or not publication.live:
        return None
    return publication.url_in(page.specific, request)
