"""A link to another site is named by its host, as visitors read it (portal/core/links.py)."""

from __future__ import annotations

import pytest

from portal.core.links import hostname


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.polisen.se/om-polisen/", "polisen.se"),
        ("https://lansstyrelsen.se/stockholm", "lansstyrelsen.se"),
        ("http://WWW.Unicef.SE", "unicef.se"),
        ("https://wwwexample.org/", "wwwexample.org"),  # only a "www." label goes
        ("not an address", ""),
    ],
)
def test_the_host_is_what_a_visitor_reads(url, shown):
    assert hostname(url) == shown
