"""Search by the start of words: the stored words in their new format (see
publications/text.py and publications/search.py)."""

from django.db import migrations

from publications import text

def refresh_search_columns(apps, schema_editor):
    Publication = apps.get_model("publications", "Publication")
    PublicationAuthor = apps.get_model("publications", "PublicationAuthor")
    names = {}
    for link in PublicationAuthor.objects.select_related("organisation"):
        names.setdefault(link.publication_id, []).extend(
            [link.organisation.name_sv, link.organisation.name_en]
        )
    for publication in Publication.objects.all():
        title = text.search_text(
            publication.title_sv,
            publication.title_en,
            publication.subtitle_sv,
            publication.subtitle_en,
        )
        everything = text.search_text(
            title,
            publication.description_sv,
            publication.description_en,
            *names.get(publication.pk, []),
        )
        Publication.objects.filter(pk=publication.pk).update(
            search_title=title, search_text=everything
        )


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]

    operations = [
        migrations.RunPython(refresh_search_columns, migrations.RunPython.noop),
    ]
