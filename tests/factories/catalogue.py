"""A catalogue of many publications, for the query-count tests and the benchmarks.

`generate(10_000)` creates live publications with realistic variety in bulk (no
revisions): titles, subtitles and descriptions in both languages drawn from
catalogue_words.json, authors, topics, languages and editions.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

_WORDS = json.loads(Path(__file__).with_name("catalogue_words.json").read_text(encoding="utf-8"))
TITLE_WORDS_SV = [tuple(x) if isinstance(x, list) else x for x in _WORDS["title_words_sv"]]
TITLE_FORMS = [tuple(x) if isinstance(x, list) else x for x in _WORDS["title_forms"]]
SUBTITLES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["subtitles"]]
SENTENCES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["sentences"]]
SUBJECT_SENTENCES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["subject_sentences"]]
AUTHORITIES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["authorities"]]
PLACES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["places"]]
EXTRA_LANGUAGES = [tuple(x) if isinstance(x, list) else x for x in _WORDS["extra_languages"]]


def _paragraphs(rng: random.Random, count: int, language: int, subjects) -> str:
    a, b = (subject[language] for subject in subjects)
    about = rng.choice(SUBJECT_SENTENCES)[language].format(a_lower=a.lower(), b_lower=b.lower())
    paragraphs = [
        [rng.choice(SENTENCES)[language] for _ in range(rng.randint(2, 5))] for _ in range(count)
    ]
    paragraphs[0].insert(0, about)
    return "".join("<p>" + " ".join(sentences) + "</p>" for sentences in paragraphs)


def _reference_data(rng: random.Random):
    from publications.models import Organisation, PublicationType, Topic

    organisations = list(Organisation.objects.all())
    existing = {o.slug for o in organisations}
    new = []
    for index, place in enumerate(PLACES):
        sv, en = AUTHORITIES[index % len(AUTHORITIES)]
        slug = f"bench-{index}"
        if slug not in existing:
            new.append(Organisation(slug=slug, name_sv=sv.format(place), name_en=en.format(place)))
    Organisation.objects.bulk_create(new)
    topics = list(Topic.objects.all())
    new_topics = []
    for index, (sv, en) in enumerate(TITLE_WORDS_SV):
        slug = f"bench-topic-{index}"
        if not Topic.objects.filter(slug=slug).exists():
            new_topics.append(Topic(slug=slug, name_sv=sv, name_en=en))
    Topic.objects.bulk_create(new_topics)
    return (
        list(Organisation.objects.all()),
        list(Topic.objects.all()) or topics,
        list(PublicationType.objects.all()),
    )


def generate(count: int, *, seed: int = 1, prefix: str = "gen") -> int:
    """Create `count` live publications with authors, topics, languages and editions.

    Bulk inserts (no revisions): fast enough for 10,000. Returns the number created.
    """
    from django.db import transaction

    from portal.caching.generation import invalidate
    from portal.search import index as search_index
    from publications.models import (
        LanguageStatus,
        Publication,
        PublicationAuthor,
        PublicationEdition,
        PublicationLanguage,
    )

    rng = random.Random(seed)
    organisations, topics, types = _reference_data(rng)
    start = Publication.objects.filter(slug__startswith=f"{prefix}-").count()
    with transaction.atomic():
        for batch_start in range(start, start + count, 1000):
            batch = range(batch_start, min(batch_start + 1000, start + count))
            publications, children = [], []
            for number in batch:
                a, b = rng.sample(TITLE_WORDS_SV, 2)
                form_sv, form_en = rng.choice(TITLE_FORMS)
                subtitle = rng.choice(SUBTITLES)
                english = rng.random() < 0.6
                publication = Publication(
                    slug=f"{prefix}-{number}",
                    title_sv=form_sv.format(a=a[0], b=b[0], a_lower=a[0].lower()),
                    title_en=form_en.format(a=a[1], b=b[1], a_lower=a[1].lower())
                    if english
                    else None,
                    subtitle_sv=subtitle[0],
                    subtitle_en=subtitle[1] if english else None,
                    description_sv=_paragraphs(rng, rng.randint(1, 4), 0, (a, b)),
                    description_en=_paragraphs(rng, rng.randint(1, 3), 1, (a, b))
                    if english
                    else None,
                    year=rng.randint(1995, 2025),
                    publication_type=rng.choice(types),
                    edition=rng.choice([None] * 8 + [2, 3, 4, 5]),
                    live=True,
                )
                authors = rng.sample(organisations, rng.choice([1, 1, 1, 2, 2, 3]))
                publication.author_links = [PublicationAuthor(organisation=o) for o in authors]
                publication.refresh_sort_keys()
                publications.append(publication)
                languages = ["sv"] + (["en"] if english else [])
                if rng.random() < 0.1:
                    languages += rng.sample(EXTRA_LANGUAGES, rng.randint(1, 7))
                children.append(
                    (
                        authors,
                        rng.sample(topics, rng.randint(1, 3)),
                        languages,
                        publication.edition,
                    )
                )
            created = Publication.objects.bulk_create(publications)
            authors_rows, topic_rows, language_rows, edition_rows = [], [], [], []
            through = Publication.topics.through
            for publication, (authors, chosen, languages, edition) in zip(
                created, children, strict=True
            ):
                authors_rows += [
                    PublicationAuthor(publication_id=publication.pk, organisation=o, sort_order=i)
                    for i, o in enumerate(authors)
                ]
                topic_rows += [
                    through(publication_id=publication.pk, topic_id=t.pk) for t in chosen
                ]
                language_rows += [
                    PublicationLanguage(
                        publication_id=publication.pk,
                        language=code,
                        sort_order=i,
                        status=LanguageStatus.PLANNED
                        if rng.random() < 0.05
                        else LanguageStatus.AVAILABLE,
                    )
                    for i, code in enumerate(languages)
                ]
                if edition:
                    edition_rows.append(
                        PublicationEdition(
                            publication_id=publication.pk,
                            number=1,
                            year=publication.year - rng.randint(2, 8),
                            publisher_sv=authors[0].name_sv,
                            publisher_en=authors[0].name_en,
                        )
                    )
            PublicationAuthor.objects.bulk_create(authors_rows)
            through.objects.bulk_create(topic_rows)
            PublicationLanguage.objects.bulk_create(language_rows)
            PublicationEdition.objects.bulk_create(edition_rows)
            # bulk_create sends no signals: put the new publications in the search index.
            search_index.index_queryset(
                Publication.search_queryset().filter(pk__in=[p.pk for p in created])
            )
    # Nor does it start a new generation: what is kept for visitors (the catalogue's
    # index among it) is made again, as after an editor's change.
    invalidate()
    return count
