from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.accounts import urls as accounts_urls
from portal.alerts import urls as alerts_urls
from portal.caching import routing
from portal.core import health
from portal.core import views as core_views
from portal.editorial import copy_content
from portal.feedback import urls as feedback_urls
from portal.search import views as search_views

urlpatterns = [
    path("healthz/live/", health.live, name="health_live"),
    path("healthz/ready/", health.ready, name="health_ready"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/2fa/", include(accounts_urls)),
    # Before the admin's own: the same address, with malformed requests answered 4xx.
    path(
        "admin/pages/<int:page_id>/edit/copy_translation_content/",
        copy_content.copy_translation_content,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Wagtail's own addresses, with its page view routed through the cache (portal.caching.routing).
page_patterns = [
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve")
    if getattr(pattern, "name", None) == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

# Every public address carries its language: /sv/... and /en/...; "/" is sent by
# LocaleMiddleware to the visitor's language (Accept-Language, Swedish otherwise).
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path(_("feedback/"), include(feedback_urls)),
    path(_("email-alerts/"), include(alerts_urls)),
    path("", include(page_patterns)),
    prefix_default_language=True,
)

handler404 = "portal.core.views.page_not_found"
handler500 = "portal.core.views.server_error"
