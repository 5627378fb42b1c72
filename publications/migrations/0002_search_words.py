"""Search by the start of words: the stored words in their new format (see
publications/text.py and publications/search.py)."""

import html
import re
import unicodedata

from django.db import migrations

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def _search_text(*parts):
    """The distinct casefolded words, " word word ... ", as publications/text.py wrote
    them when this migration was made (frozen here: that helper is gone)."""
    found = {}
    for part in parts:
        if not part:
            continue
        plain = unicodedata.normalize("NFC", html.unescape(_TAG.sub(" ", part))).casefold()
        for word in _WORD.findall(plain):
            found.setdefault(word[:100], None)
    return f" {' '.join(found)} " if found else ""


def refresh_search_columns(apps, schema_editor):
    Publication = apps.get_model("publications", "Publication")
    PublicationAuthor = apps.get_model("publications", "PublicationAuthor")
    names = {}
    for link in PublicationAuthor.objects.select_related("organisation"):
        names.setdefault(link.publication_id, []).extend(
            [link.organisation.name_sv, link.organisation.name_en]
        )
    for publication in Publication.objects.all():
        title = _search_text(
            publication.title_sv,
            publication.title_en,
            publication.subtitle_sv,
            publication.subtitle_en,
        )
        everything = _search_text(
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
