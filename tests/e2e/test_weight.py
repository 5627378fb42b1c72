"""Front-end weight: a theme page's first view within 100 KB, nothing from other hosts."""

from __future__ import annotations

from tests.e2e.measure_weight import BUDGET_BYTES, DEFAULT_PATH, measure, report


def test_theme_first_view_is_light_and_local(browser, site):
    result = measure(browser, site + DEFAULT_PATH)
    print(report(result))
    # Uncompressed here (the test server does not compress); production sends less.
    assert result["bytes"] <= BUDGET_BYTES, report(result)
    assert result["by_kind"]["html"] > 0 and result["by_kind"]["css"] > 0
    assert not result["other_hosts"], report(result)
    assert not result["render_blocking_scripts"], report(result)
