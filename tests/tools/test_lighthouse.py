"""`make lighthouse`'s verdict (tools/lighthouse.py) on reports shaped as Lighthouse's JSON:
a noindex page passes when only is-crawlable fails, and fails when it lost its noindex."""

from __future__ import annotations

from tools.lighthouse import CATEGORIES, expected_failures, judge, table, verdict

SEO = {"is-crawlable": 3, "meta-description": 1, "canonical": 1, "structured-data": 0}


def report(failing: set[str] = frozenset()) -> dict:
    audits = {
        audit_id: {
            "title": audit_id.replace("-", " "),
            "score": None if audit_id == "structured-data" else (0 if audit_id in failing else 1),
            "scoreDisplayMode": "manual" if audit_id == "structured-data" else "binary",
        }
        for audit_id in SEO
    }
    refs = [{"id": audit_id, "weight": weight} for audit_id, weight in SEO.items()]
    counted = sum(w for a, w in SEO.items() if w and a not in failing)
    categories = {c: {"score": 1, "auditRefs": []} for c in CATEGORIES}
    categories["seo"] = {"score": counted / sum(SEO.values()), "auditRefs": refs}
    return {"audits": audits, "categories": categories}


def test_search_and_near_duplicate_catalogue_views_are_noindex_by_design():
    assert expected_failures("search-hits-sv") == {"is-crawlable"}
    assert expected_failures("catalogue-filtered-sv") == {"is-crawlable"}
    assert expected_failures("catalogue-topic-sv") == set()
    assert expected_failures("theme-en") == set()


def test_a_noindex_page_counts_100_without_is_crawlable(capsys):
    row = judge("search-hits-en", report({"is-crawlable"}))
    assert row["scores"]["seo"] == 40
    assert row["seo_counted"] == 100
    assert verdict([row], 100) == []
    assert "is-crawlable — is crawlable (by design)" in capsys.readouterr().out
    assert "is-crawlable fails by design" in table([row])


def test_a_search_page_that_lost_its_noindex_fails():
    row = judge("search-hits-en", report())
    assert row["missing"] == ["is-crawlable"]
    assert verdict([row], 100) == ["search-hits-en"]
    assert "expected to fail but passed: is-crawlable" in table([row])


def test_a_page_without_a_description_fails_and_says_which_audit(capsys):
    row = judge("theme-sv", report({"meta-description"}))
    assert row["seo_counted"] == 80
    assert verdict([row], 100) == ["theme-sv"]
    assert "theme-sv: seo meta-description — meta description" in capsys.readouterr().out
    assert verdict([row], 80) == []


def test_a_page_without_a_result_fails():
    row = {"name": "start-sv", "error": True}
    assert verdict([row], 100) == ["start-sv"]
    assert "| start-sv | – | – | – | – | – | – | no result |" in table([row])


def test_the_404_pages_fail_http_status_code_by_design():
    assert expected_failures("404-sv") == {"http-status-code"}
