"""The seed command loads the apps' data files and never undoes what an editor did.

The tests that read the seeded content request `seeded` (tests/conftest.py)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page

from guidance.models import (
    AccessibilityStatementPage,
    Hotline,
    SupportServicePage,
    ThemePage,
)
from portal.core.models import FooterLinks
from portal.core.seeding import Loader

pytestmark = pytest.mark.django_db


def test_seeding_again_keeps_editors_changes_to_pages_snippets_and_footer(client, seeded):
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
    footer = FooterLinks.for_site(seeded)
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
    footer = FooterLinks.for_site(seeded)
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


def test_the_seed_is_first_content_and_never_undoes_renames_deletions_or_edits(client, seeded):
    """What an editor did stands through any number of seeds (make run, make serve)."""
    import io

    from publications.models import Publication

    theme = ThemePage.objects.get(slug_sv="manniskohandel-med-barn")
    theme.slug_sv, theme.slug_en = "barn-och-manniskohandel", "children-and-trafficking"
    theme.lead_sv = "Ny inledning skriven av en redaktör."
    theme.save_revision().publish()
    deleted = Publication.objects.order_by("pk").first()
    deleted_slug = deleted.slug
    deleted.delete()
    hotline = Hotline.objects.get()
    hotline.number = "+46101234567"
    hotline.save()
    counts = (Page.objects.count(), Hotline.objects.count(), Publication.objects.count())

    for _ in range(2):
        out = io.StringIO()
        call_command("seed", stdout=out)  # raises on failure: the server would not start
        assert "leaves it as it is" in out.getvalue()

    assert (Page.objects.count(), Hotline.objects.count(), Publication.objects.count()) == counts
    assert not Publication.objects.filter(slug=deleted_slug).exists()
    assert Hotline.objects.get().number == "+46101234567"
    theme = ThemePage.objects.get(pk=theme.pk)
    assert (theme.slug_sv, theme.slug_en) == ("barn-och-manniskohandel", "children-and-trafficking")
    html = client.get("/sv/vald/teman/barn-och-manniskohandel/").content.decode()
    assert "Ny inledning skriven av en redaktör." in html
    assert client.get("/en/violence/themes/children-and-trafficking/").status_code == 200


def test_an_empty_site_gets_the_seed_content(seeded):

    from portal.core.management.commands.seed import site_has_content

    assert site_has_content()
    Page.objects.filter(depth__gt=1).delete()
    assert not site_has_content()
    call_command("seed", verbosity=0)
    assert ThemePage.objects.filter(slug_sv="manniskohandel-med-barn").exists()
