"""Find the external links in pages and publications, and check that they still answer."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

HREF = re.compile(r"""href=(?:\\?["'])(https?://[^"'\\\s<>]+)""")
USER_AGENT = "portal-linkcheck/1.0 (+link check of the guidance portal)"


@dataclass
class LinkResult:
    url: str
    status: int | None
    error: str = ""
    found_on: list[str] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return self.status is None or self.status >= 400


def _urls_in_value(model_field, value) -> list[str]:
    if not value:
        return []
    if isinstance(model_field, models.URLField):
        return [value] if str(value).startswith(("http://", "https://")) else []
    if isinstance(model_field, StreamField):
        raw = json.dumps(model_field.get_prep_value(value))
        return HREF.findall(raw)
    if isinstance(model_field, RichTextField | models.TextField):
        return HREF.findall(str(value))
    return []


def collect_links() -> dict[str, list[str]]:
    """Every external address in the project's content → where it stands (for the report)."""
    found: dict[str, list[str]] = defaultdict(list)
    for model in apps.get_models():
        if model._meta.app_label not in settings.CONTENT_APPS:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.URLField | models.TextField | StreamField)
            and f.model is model  # each table once (page subclasses share Page's fields)
        ]
        if not fields:
            continue
        queryset = model._base_manager.all()
        if issubclass(model, Page):
            queryset = queryset.filter(live=True)
        for obj in queryset:
            label = f"{model._meta.verbose_name}: {obj}"
            for model_field in fields:
                for url in _urls_in_value(model_field, getattr(obj, model_field.attname)):
                    if label not in found[url]:
                        found[url].append(label)
    return dict(found)


def check_url(url: str, timeout: float) -> tuple[int | None, str]:
    """HEAD first; some servers refuse HEAD, so a GET follows a 403/405/501."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, error.reason if isinstance(error.reason, str) else ""
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return None, str(reason)
    return None, "no answer"


def check_links(
    links: dict[str, list[str]], timeout: float = 5.0, concurrency: int = 4
) -> list[LinkResult]:
    urls = sorted(links)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        answers = list(pool.map(lambda url: check_url(url, timeout), urls))
    return [
        LinkResult(url=url, status=status, error=error, found_on=links[url])
        for url, (status, error) in zip(urls, answers, strict=True)
    ]


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
