"""Trigram indexes for search on PostgreSQL (LIKE '%term%' and typo lookups); nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("portal_searchentry_title_trgm", "portal_searchentry", "title_terms"),
    ("portal_searchentry_body_trgm", "portal_searchentry", "body_terms"),
    ("portal_searchword_word_trgm", "portal_searchword", "word"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_search_index")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
