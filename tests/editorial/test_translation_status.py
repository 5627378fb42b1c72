"""Editors' tooling: which content's English side needs work (the translation status), and
the warnings the admin gives the editor on saving. The admin report itself is tested in
test_reports.py."""

import re

import pytest
from django.utils import translation
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from guidance.models import SectionPage, SupportServicePage, ThemePage
from portal.editorial.translation_status import report_rows
from tests.editorial.support_form import support_form_data
from tests.factories import HotlineFactory
from tests.factories.trees import violence_theme

pytestmark = pytest.mark.django_db


def _titles(rows):
    return {row.title: row.status for row in rows}


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def tree():
    return violence_theme()


def test_fully_translated_seed_content_is_not_listed(seeded):
    """About the seed content: all of it is translated, so the report starts empty."""
    titles = _titles(report_rows())
    assert titles == {}


def test_fully_translated_content_is_not_listed(tree):
    titles = _titles(report_rows())
    built = (tree.section, tree.index, tree.page, tree.guidance, tree.support, tree.course)
    assert not {page.title_sv for page in built} & set(titles)
    assert not any(title.startswith(tree.hotline.name_sv) for title in titles)


def test_page_without_english_is_listed_as_missing_and_partial_as_partial(tree):
    with translation.override("sv"):
        page = SectionPage(
            title_sv="Våld i nära relationer", slug_sv="nara-relationer", intro_sv="Text."
        )
        tree.section.add_child(instance=page)
        _publish(page)
    theme = ThemePage.objects.get(pk=tree.page.pk)
    theme.lead_en = ""
    _publish(theme)
    titles = _titles(report_rows())
    assert titles[page.title_sv] == "missing"
    assert titles[theme.title_sv] == "partial"
    in_section = _titles(report_rows(kind="page", section=tree.section.title_sv))
    assert in_section[page.title_sv] == "missing"
    assert page.title_sv not in _titles(report_rows(kind="hotline"))


def test_swedish_change_after_english_marks_the_page_outdated(tree):
    support = SupportServicePage.objects.get(pk=tree.support.pk)
    support.summary_sv = support.summary_sv + " Uppdaterad."
    with translation.override("sv"):
        _publish(support)
    assert _titles(report_rows())[support.title_sv] == "outdated"
    support = SupportServicePage.objects.get(pk=support.pk)
    support.summary_en = support.summary_en + " Updated."
    _publish(support)
    assert support.title_sv not in _titles(report_rows())


def test_only_a_change_of_text_makes_the_english_older(tree):
    """Reordering blocks, changing a link's address or the chosen hotline, or markup,
    changes no text a translator must follow; a changed word does."""
    theme = ThemePage.objects.get(pk=tree.page.pk)
    other_line = HotlineFactory(name_sv="Jourlinjen", name_en="The duty line")
    theme.body_sv = [
        ("heading", "Stöd"),
        ("paragraph", RichText('<p>Ring <a href="https://a.example.se/">stödlinjen</a>.</p>')),
        ("hotline", other_line),
    ]
    theme.body_en = [
        ("heading", "Support"),
        ("paragraph", RichText('<p>Call <a href="https://a.example.se/">the line</a>.</p>')),
        ("hotline", other_line),
    ]
    _publish(theme)
    assert theme.title_sv not in _titles(report_rows())

    theme = ThemePage.objects.get(pk=theme.pk)
    heading, paragraph, _line = list(theme.body_sv)
    theme.body_sv = [
        ("hotline", tree.hotline),
        (
            "paragraph",
            RichText('<p>Ring <b><a href="https://b.example.se/">stödlinjen</a></b>.</p>'),
        ),
        ("heading", heading.value),
    ]
    _publish(theme)
    assert theme.title_sv not in _titles(report_rows())

    theme = ThemePage.objects.get(pk=theme.pk)
    theme.body_sv = [*((c.block_type, c.value) for c in theme.body_sv), ("heading", "Mer stöd")]
    _publish(theme)
    assert _titles(report_rows())[theme.title_sv] == "outdated"


def test_snippets_without_english_are_listed():
    line = HotlineFactory(name_sv="Jourtelefonen", name_en="", opening_hours_en="")
    rows = report_rows(kind="hotline")
    assert [(row.title.split(" (")[0], row.status) for row in rows] == [(line.name_sv, "missing")]


class TestTranslationWarningsInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.support = violence_theme().support
        self.login()

    def _publish_form(self, page, **changes):
        data = support_form_data(page, **changes)
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
        assert response.status_code == 200
        return response.content.decode()

    def test_publishing_a_swedish_change_tells_the_editor_about_english(self):
        html = self._publish_form(self.support, summary_sv="Ändrad sammanfattning.")
        assert "Den engelska texten kan också behöva uppdateras" in html

    def test_the_warning_comes_with_the_save_that_changed_swedish_only(self):
        assert "kan också behöva uppdateras" in self._publish_form(
            self.support, summary_sv="Ny text."
        )
        support = SupportServicePage.objects.get(pk=self.support.pk)
        # Saved again without a change of Swedish text: no second warning.
        again = self._publish_form(support, abbreviation="NMT2")
        assert "kan också behöva uppdateras" not in again

    def test_missing_english_is_named_field_by_field_until_filled(self):
        html = self._publish_form(self.support, summary_en="", audience_en="")
        message = re.search(r"Engelsk text saknas i: ([^<.]*)\.", html)
        assert message and set(message.group(1).split(", ")) == {
            str(SupportServicePage._meta.get_field(name).verbose_name)
            for name in ("summary", "audience")
        }
        support = SupportServicePage.objects.get(pk=self.support.pk)
        filled = self._publish_form(support, summary_en="A summary.", audience_en="Social workers.")
        assert "Engelsk text saknas" not in filled
