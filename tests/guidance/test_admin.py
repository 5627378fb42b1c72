"""Editors create, edit, preview and publish guidance through the Wagtail admin's real forms."""

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from guidance.models import (
    DocumentResourcePage,
    Hotline,
    PodcastEpisodePage,
    SupportServiceAgency,
    SupportServicePage,
    ThemePage,
    WebCoursePage,
)
from tests.factories.trees import violence_theme
from tests.helpers import elements, url_in


def page_data(**fields):
    # The form shows last-reviewed prefilled with today; editors keep it.
    data = {
        "quick_exit": "inherit",
        "seo_title_sv": "",
        "seo_title_en": "",
        "last_reviewed": timezone.localdate().isoformat(),
        "review_by": "",
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.mark.django_db
class TestEditorsCreatePages(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.built = violence_theme()
        self.theme_index = self.built.index
        self.theme = self.built.page

    def test_create_and_publish_a_theme_in_both_languages(self):
        data = page_data(
            title_sv="Hedersrelaterat våld",
            title_en="Honour-based violence",
            slug_sv="hedersrelaterat-vald",
            slug_en="honour-based-violence",
            lead_sv="Stöd till dig som möter hedersrelaterat våld.",
            lead_en="Support for those who meet honour-based violence.",
            body_sv=streamfield([("paragraph", rich_text("<p>Text på svenska.</p>"))]),
            body_en=streamfield([("paragraph", rich_text("<p>Text in English.</p>"))]),
            resources=inline_formset([{"page": self.theme.get_children().first().pk}]),
        )
        self.assertCanCreate(self.theme_index, ThemePage, data, publish=True)
        page = ThemePage.objects.get(slug_sv="hedersrelaterat-vald")
        assert page.live
        assert self.client.get("/en/violence/themes/honour-based-violence/").status_code == 200
        html = self.client.get("/sv/vald/teman/hedersrelaterat-vald/").content.decode()
        assert "Text på svenska." in html
        assert "card--resource" in html

    def test_create_each_resource_type(self):
        common = {"slug_en": "", "title_en": "", "summary_sv": "Sammanfattning.", "summary_en": ""}
        cases = [
            (
                SupportServicePage,
                {
                    "title_sv": "Stödlinjen",
                    "slug_sv": "stodlinjen",
                    "lead_agency_sv": "Socialstyrelsen",
                    "hotline": self.built.hotline.pk,
                    "website_sv": "https://example.org/",
                    "website_label_sv": "Stödlinjen",
                    "audience_sv": "Yrkesverksamma.",
                    "offers_sv": rich_text("<p>Råd.</p>"),
                    "partner_agencies": inline_formset(
                        [{"name_sv": "Polisen", "name_en": "Police"}]
                    ),
                },
            ),
            (
                DocumentResourcePage,
                {
                    "title_sv": "En vägledning",
                    "slug_sv": "en-vagledning",
                    "document_kind": "guidance",
                    "publisher_sv": "Socialstyrelsen",
                    "year": "2020",
                    "publisher_url_sv": "https://www.socialstyrelsen.se/",
                    "publisher_link_text_sv": "Socialstyrelsen",
                },
            ),
            (
                PodcastEpisodePage,
                {
                    "title_sv": "Ett avsnitt",
                    "slug_sv": "ett-avsnitt",
                    "series_sv": "På djupet",
                    "episode_number": "55",
                    "publisher_sv": "Socialstyrelsen",
                    "listen_url_sv": "https://www.socialstyrelsen.se/",
                    "listen_link_text_sv": "Lyssna",
                },
            ),
            (
                WebCoursePage,
                {
                    "title_sv": "En kurs",
                    "slug_sv": "en-kurs",
                    "provider_sv": "NMT",
                    "audience_sv": "Socialsekreterare.",
                    "course_url_sv": "https://nmtsverige.se/",
                    "course_link_text_sv": "Till kursen",
                },
            ),
        ]
        for model, fields in cases:
            self.assertCanCreate(self.theme, model, page_data(**common, **fields), publish=True)
            page = model.objects.get(slug_sv=fields["slug_sv"])
            response = self.client.get(page.url)
            assert response.status_code == 200, model
            # No English yet: the English address shows the Swedish text with the notice.
            with self.settings(LANGUAGE_CODE="sv"):
                en = self.client.get(
                    page.url.replace(url_in(self.theme, "sv"), url_in(self.theme, "en"), 1)
                )
            assert en.status_code == 200
            assert "not been translated into English yet" in en.content.decode()

    def test_edit_saves_a_draft_and_publishing_makes_it_public(self):
        nmt = self.built.support
        SupportServiceAgency.objects.create(page=nmt, name_sv="Polisen", name_en="The Police")
        nmt.save_revision(log_action=False).publish(log_action=False)  # as an editor adds it
        edit_url = f"/admin/pages/{nmt.pk}/edit/"
        form = self.client.get(edit_url)
        assert form.status_code == 200
        data = page_data(
            title_sv=nmt.title_sv,
            title_en=nmt.title_en,
            slug_sv=nmt.slug_sv,
            slug_en=nmt.slug_en,
            abbreviation="NMT",
            summary_sv="Ny sammanfattning.",
            summary_en=nmt.summary_en,
            lead_agency_sv=nmt.lead_agency_sv,
            lead_agency_en=nmt.lead_agency_en,
            hotline=nmt.hotline_id,
            hotline_prompt_sv=nmt.hotline_prompt_sv or "",
            hotline_prompt_en=nmt.hotline_prompt_en or "",
            website_sv=nmt.website_sv,
            website_en="",
            website_label_sv=nmt.website_label_sv,
            website_label_en=nmt.website_label_en,
            audience_sv=nmt.audience_sv,
            audience_en=nmt.audience_en,
            offers_sv=rich_text(nmt.offers_sv),
            offers_en=rich_text(nmt.offers_en),
            partner_agencies=inline_formset(
                [
                    {"id": a.pk, "name_sv": a.name_sv, "name_en": a.name_en}
                    for a in nmt.partner_agencies.all()
                ]
            ),
        )
        response = self.client.post(edit_url, data)
        assert response.status_code == 302
        assert "Ny sammanfattning." not in self.client.get(nmt.url).content.decode()
        nmt.refresh_from_db()
        assert nmt.has_unpublished_changes
        data["action-publish"] = "action-publish"
        assert self.client.post(edit_url, data).status_code == 302
        assert "Ny sammanfattning." in self.client.get(nmt.url).content.decode()

    def test_empty_required_field_is_a_form_error_and_keeps_the_rest(self):
        data = page_data(
            title_sv="Ett tema utan ingress",
            slug_sv="utan-ingress",
            lead_sv="",
            body_sv=streamfield([]),
            body_en=streamfield([]),
            resources=inline_formset([]),
        )
        data["action-publish"] = "action-publish"  # drafts may be incomplete; publishing may not
        response = self.client.post(
            f"/admin/pages/add/guidance/themepage/{self.theme_index.pk}/", data
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert elements(html, "input", name="title_sv", value="Ett tema utan ingress")
        assert "error-message" in html
        assert not ThemePage.objects.filter(slug_sv="utan-ingress").exists()

    def theme_data(self, **fields):
        return page_data(
            title_sv="Hedersrelaterat våld",
            title_en="Honour-based violence",
            lead_sv="Stöd till dig som möter hedersrelaterat våld.",
            lead_en="Support for those who meet honour-based violence.",
            body_sv=streamfield([]),
            body_en=streamfield([]),
            resources=inline_formset([]),
            **fields,
        )

    def test_a_publish_sent_before_the_slugs_were_filled_makes_them_from_the_titles(self):
        # Wagtail's script fills a slug 100 ms after the title's last key; a publish pressed
        # at once, or sent without JavaScript, arrives without them.
        data = self.theme_data(slug_sv="", slug_en="")
        data["action-publish"] = "action-publish"
        response = self.client.post(
            f"/admin/pages/add/guidance/themepage/{self.theme_index.pk}/", data
        )
        assert response.status_code == 302
        page = ThemePage.objects.get(title_sv="Hedersrelaterat våld")
        assert page.live
        assert (page.slug_sv, page.slug_en) == ("hedersrelaterat-vald", "honour-based-violence")
        assert self.client.get("/en/violence/themes/honour-based-violence/").status_code == 200

    def test_a_draft_by_an_editor_working_in_english_gets_its_swedish_slug(self):
        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = "en"
        profile.save()
        data = self.theme_data(slug_sv="", slug_en="")
        response = self.client.post(
            f"/admin/pages/add/guidance/themepage/{self.theme_index.pk}/", data
        )
        assert response.status_code == 302
        page = ThemePage.objects.get(title_sv="Hedersrelaterat våld")
        assert (page.slug_sv, page.slug_en) == ("hedersrelaterat-vald", "honour-based-violence")

    def test_a_live_pages_slug_emptied_is_still_an_error_not_made_anew(self):
        data = page_data(
            title_sv=self.theme.title_sv,
            title_en=self.theme.title_en,
            slug_sv="",
            slug_en=self.theme.slug_en,
            lead_sv=self.theme.lead_sv,
            lead_en=self.theme.lead_en,
            body_sv=streamfield([]),
            body_en=streamfield([]),
            resources=inline_formset([]),
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/{self.theme.pk}/edit/", data)
        assert response.status_code == 200
        assert "error-message" in response.content.decode()
        self.theme.refresh_from_db()
        assert self.theme.slug_sv and self.theme.live

    def test_bad_url_is_a_form_error(self):
        data = page_data(
            title_sv="En kurs med fel länk",
            slug_sv="fel-lank",
            summary_sv="Sammanfattning.",
            provider_sv="NMT",
            audience_sv="Alla.",
            course_url_sv="inte en adress",
            course_link_text_sv="Kursen",
        )
        response = self.client.post(
            f"/admin/pages/add/guidance/webcoursepage/{self.theme.pk}/", data
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Fyll i en giltig URL" in html  # the editor's admin language is Swedish
        assert elements(html, "input", name="title_sv", value="En kurs med fel länk")


@pytest.mark.django_db
class TestHotlineSnippet(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_bad_number_is_rejected_with_a_clear_message_and_nothing_lost(self):
        response = self.client.post(
            "/admin/snippets/guidance/hotline/add/",
            {
                "name_sv": "Jourlinjen",
                "name_en": "The duty line",
                "number": "12345",
                "opening_hours_sv": "Dygnet runt",
                "opening_hours_en": "",
            },
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "giltigt telefonnummer" in html or "valid phone number" in html
        assert elements(html, "input", name="name_sv", value="Jourlinjen")
        assert elements(html, "input", name="opening_hours_sv", value="Dygnet runt")
        assert not Hotline.objects.filter(name_sv="Jourlinjen").exists()

    def test_any_way_of_writing_a_number_is_stored_once(self):
        for written in ("020-390 000", "020-39 00 00", "+46 20 39 00 00"):
            response = self.client.post(
                "/admin/snippets/guidance/hotline/add/",
                {
                    "name_sv": f"Linje {written}",
                    "name_en": "",
                    "number": written,
                    "opening_hours_sv": "",
                    "opening_hours_en": "",
                },
            )
            assert response.status_code == 302
        numbers = {h.number.as_e164 for h in Hotline.objects.filter(name_sv__startswith="Linje")}
        assert numbers == {"+4620390000"}
