"""The seed command loads the apps' data files and never undoes what an editor did."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page, Site

from guidance.models import (
    AccessibilityStatementPage,
    Hotline,
    SupportServicePage,
    ThemePage,
)
from portal.core.models import FooterLinks
from portal.core.seeding import Loader

pytestmark = pytest.mark.django_db


def test_seeding_again_keeps_editors_changes_to_pages_snippets_and_footer(client):
    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    with translation.override("sv"):
        theme.title_sv = "Människohandel med barn och unga"
        theme.resources.all().delete()
        theme.save_revision().publish()
    nmt = SupportServicePage.objects.get(slug_sv="nmt")
    nmt.partner_agencies.filter(name_sv="Polisen").delete()
    nmt.save_revision().publish()
    statement = AccessibilityStatementPage.objects.get()
    statement.form_fields.filter(clean_name="name").delete()
    Hotline.objects.update(name_sv="Stödlinjen")
    footer = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    footer.contact_page = statement
    footer.save()
    pages, hotlines = Page.objects.count(), Hotline.objects.count()

    call_command("seed", verbosity=0)

    assert (Page.objects.count(), Hotline.objects.count()) == (pages, hotlines)
    theme = ThemePage.objects.get(pk=theme.pk)
    assert theme.title_sv == "Människohandel med barn och unga"
    assert not theme.resources.exists()
    assert [a.name_sv for a in nmt.partner_agencies.all()] == [
        "Migrationsverket",
        "Åklagarmyndigheten",
    ]
    assert not statement.form_fields.filter(clean_name="name").exists()
    assert Hotline.objects.get().name_sv == "Stödlinjen"
    footer = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    assert footer.contact_page_id == statement.pk
    html = client.get("/sv/vald/teman/manniskohandel-med-barn/").content.decode()
    assert ">Människohandel med barn och unga</h1>" in html


def test_a_data_file_naming_a_field_the_model_lacks_is_refused():
    group = {
        "model": "guidance.Hotline",
        "key": ["number"],
        "objects": [{"number": "+46701234567", "nmae_sv": "Stödlinjen"}],
    }
    with pytest.raises(CommandError, match="Hotline has no field 'nmae_sv'"):
        Loader().ensure_objects([group])
    assert not Hotline.objects.filter(number="+46701234567").exists()


def test_a_data_file_pointing_at_missing_content_is_refused():
    group = {
        "model": "publications.Publication",
        "key": ["slug"],
        "objects": [
            {"slug": "ny", "title_sv": "Ny", "year": 2020, "publication_type": {"slug": "nej"}}
        ],
    }
    with pytest.raises(CommandError, match="No PublicationType matches"):
        Loader().ensure_objects([group])
