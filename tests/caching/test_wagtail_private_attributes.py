"""Wagtail's private request attributes that portal.caching.routing sets (its one place).

Handing Wagtail a route already found has no public API. If an upgrade of Wagtail stops
reading `request._wagtail_site` or `request._wagtail_route_for_request`, these fail,
loudly, before the remembered routes silently stop saving their queries (or worse,
serve the wrong page).
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from portal.caching.routing import hand_to_wagtail
from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_wagtail_takes_the_site_and_the_route_it_is_handed(django_assert_num_queries):
    SectionPageFactory(slug_sv="vald")
    contact = StandardPageFactory(slug_sv="kontakt")
    site = Site.objects.get(is_default_site=True)
    # An address that names another page: Wagtail must take the route it was handed.
    request = RequestFactory().get("/sv/vald/")
    hand_to_wagtail(request, site, contact)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
        route = Page.route_for_request(request, "/vald/")
    assert route[0] == contact


def test_without_a_route_handed_wagtail_routes_by_itself():
    SectionPageFactory(slug_sv="vald")
    request = RequestFactory().get("/sv/vald/")
    route = Page.route_for_request(request, "/vald/")
    assert route[0].slug_sv == "vald"
