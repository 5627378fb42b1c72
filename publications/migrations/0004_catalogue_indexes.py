"""PostgreSQL indexes for the catalogue's usual questions over the live publications.

- the facets by year and type (index-only scans of the live rows, also when the text
  has narrowed them to a list of ids);
- the default order, newest first then by title, in each language (the first page
  without reading and sorting the whole catalogue);
- the ids of the live publications (the facets over topics, authors and languages).

The order uses the "C" collation, as the query does (publications/catalogue.py): the
stored sort keys are built so that byte order is alphabetical order. SQLite, the
embedded default for trying the portal, gets none of these.
"""

from django.db import migrations

INDEXES = {
    "publications_live_year_type": "(year, publication_type_id, id)",
    "publications_live_newest_sv": '(year DESC, (sort_key_sv COLLATE "C"), id)',
    "publications_live_newest_en": '(year DESC, (sort_key_en COLLATE "C"), id)',
    "publications_live_id": "(id)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON publications_publication {columns} WHERE live"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("publications", "0003_search_words_vector")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
