"""Benchmark of the catalogue: server time at N=100 and N=10,000 publications.

Not a test. It creates a throwaway PostgreSQL database, migrates and seeds it, generates
publications with realistic variety (`generate`, also used by the query-count test),
and reports p50/p95 of the server time of the catalogue page unfiltered, filtered and
with text, through Django's full request handling (middleware, routing, templates), with
the number of results each shows.

The generated texts draw on 48 subjects and some 40 sentences, so that a word is in a
share of the catalogue like the share a real one shows: "människohandel barn" finds 6 %
of it. The "text, broad" row is a word in most of it ("socialtjänsten", 71 %), the worst
case for counting and facets.

    .venv/bin/python -m publications.bench              # N=100 and N=10,000
    .venv/bin/python -m publications.bench --sizes 100 1000 --requests 30
    .venv/bin/python -m publications.bench --database-url postgres://postgres@127.0.0.1:5432/x

One database per size is DROPPED and created again, named after --database-url's with
the size appended (portal_bench_100, portal_bench_10000). The sizes are measured in
alternation, in rounds, so that the machine's slower spells weigh on both alike.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

TITLE_WORDS_SV = [
    ("Barn", "Children"),
    ("Människohandel", "Human trafficking"),
    ("Prostitution", "Prostitution"),
    ("Våld i nära relationer", "Domestic violence"),
    ("Hedersrelaterat våld", "Honour-based violence"),
    ("Återvändande", "Return"),
    ("Ensamkommande barn", "Unaccompanied children"),
    ("Exploatering", "Exploitation"),
    ("Tiggeri", "Begging"),
    ("Tvångsarbete", "Forced labour"),
    ("Stöd till brottsutsatta", "Support for victims of crime"),
    ("Samverkan", "Cooperation"),
    ("Ungdomar", "Young people"),
    ("Äldre", "Older people"),
    ("Missbruk", "Substance abuse"),
    ("Öppenvård", "Outpatient care"),
    # The rest of what a social-services authority publishes about: a real catalogue of
    # thousands of publications spreads over many subjects, not the sixteen above.
    ("Äldreomsorg", "Care of older people"),
    ("Hemtjänst", "Home help"),
    ("Demenssjukdom", "Dementia"),
    ("Funktionsnedsättning", "Disability"),
    ("Personlig assistans", "Personal assistance"),
    ("Psykisk ohälsa", "Mental ill health"),
    ("Suicidprevention", "Suicide prevention"),
    ("Ekonomiskt bistånd", "Financial assistance"),
    ("Hemlöshet", "Homelessness"),
    ("Familjehem", "Foster homes"),
    ("Adoption", "Adoption"),
    ("Vårdnad och umgänge", "Custody and contact"),
    ("Barnavårdsutredningar", "Child welfare investigations"),
    ("Skolsociala insatser", "School social work"),
    ("Föräldraskapsstöd", "Parenting support"),
    ("Spelproblem", "Gambling problems"),
    ("Alkohol och narkotika", "Alcohol and drugs"),
    ("Läkemedel", "Medicines"),
    ("Tandvård", "Dental care"),
    ("Patientsäkerhet", "Patient safety"),
    ("Digitalisering", "Digitalisation"),
    ("Dokumentation", "Documentation"),
    ("Kompetensförsörjning", "Skills supply"),
    ("Statistik", "Statistics"),
    ("Nationella riktlinjer", "National guidelines"),
    ("Kvalitetsregister", "Quality registers"),
    ("Tolkning", "Interpreting"),
    ("Nyanlända", "Newly arrived migrants"),
    ("Ensamstående föräldrar", "Single parents"),
    ("Kriminalitet", "Crime"),
    ("Radikalisering", "Radicalisation"),
    ("Sexuell hälsa", "Sexual health"),
]
TITLE_FORMS = [
    ("{a} och {b}", "{a} and {b}"),
    ("{a} i Sverige", "{a} in Sweden"),
    ("Att arbeta med {a_lower}", "Working with {a_lower}"),
    ("{a} – en kartläggning", "{a} – a mapping"),
    ("Lägesrapport om {a_lower}", "Status report on {a_lower}"),
    ("Vägledning: {a}", "Guidance: {a}"),
]
SUBTITLES = [
    ("Vägledning för socialtjänsten", "Guidance for the social services"),
    ("Manual för yrkesverksamma", "Manual for professionals"),
    ("Information för myndigheter och frivilligorganisationer", "Information for authorities"),
    ("En studie av utsatta gruppers livsvillkor", "A study of vulnerable groups"),
    ("Stödprocess vid misstanke", "Support process when suspected"),
    ("", ""),
]
SENTENCES = [
    (
        "Socialtjänsten har en central roll när det gäller att stödja och skydda barn.",
        "The social services have a central role in supporting and protecting children.",
    ),
    (
        "Rapporten visar att fler män än kvinnor var offer för människohandel.",
        "The report shows that more men than women were victims of human trafficking.",
    ),
    (
        "Kartläggningen ska fungera som ett kunskapsunderlag för det fortsatta arbetet.",
        "The mapping is meant to serve as a knowledge base for continued work.",
    ),
    (
        "Medvetenhet, kunskap och samverkan mellan berörda aktörer är en förutsättning.",
        "Awareness, knowledge and cooperation between the actors concerned are a prerequisite.",
    ),
    (
        "Här får du information om vart du ska vända dig när någon behöver hjälp.",
        "Here you will find where to turn when someone needs help.",
    ),
    (
        "Personer som är utsatta har rätt till stöd och hjälp enligt socialtjänstlagen.",
        "People who are affected are entitled to support and help under the Social Services Act.",
    ),
    (
        "Regionkoordinatorerna bistår myndigheter med stöd i enskilda ärenden.",
        "The regional coordinators assist authorities with support in individual cases.",
    ),
    (
        "Åtgärderna följs upp årligen av länsstyrelserna i samråd med kommunerna.",
        "The measures are followed up every year by the county boards with the municipalities.",
    ),
    (
        "Publikationen riktar sig till chefer och handläggare inom kommunens socialtjänst.",
        "The publication is for managers and case workers in the municipal social services.",
    ),
    (
        "Underlaget bygger på enkäter till landets kommuner och regioner.",
        "The material is based on surveys of the country's municipalities and regions.",
    ),
    (
        "Resultaten jämförs med motsvarande uppgifter från tidigare år.",
        "The results are compared with the corresponding figures from earlier years.",
    ),
    (
        "I bilagorna finns tabeller, definitioner och en ordlista.",
        "The appendices hold tables, definitions and a glossary.",
    ),
    (
        "Skriften ger exempel på hur verksamheter kan följa upp sina insatser.",
        "The text gives examples of how services can follow up their interventions.",
    ),
    (
        "Föreskrifterna trädde i kraft den första januari.",
        "The regulations came into force on the first of January.",
    ),
    (
        "Intervjuer med brukare och anhöriga ger en bild av deras erfarenheter.",
        "Interviews with service users and relatives describe their experiences.",
    ),
    (
        "Rekommendationerna bygger på en systematisk genomgång av forskningen.",
        "The recommendations rest on a systematic review of the research.",
    ),
    (
        "Materialet kan användas vid introduktion av nyanställd personal.",
        "The material can be used when introducing newly employed staff.",
    ),
    (
        "Rapporten redovisar ett regeringsuppdrag.",
        "The report presents an assignment from the government.",
    ),
    (
        "Kostnaderna har ökat i de flesta län under perioden.",
        "Costs have risen in most counties over the period.",
    ),
    (
        "Det behövs bättre rutiner för informationsöverföring mellan huvudmännen.",
        "Better routines are needed for passing information between the responsible bodies.",
    ),
    (
        "Väntetiderna skiljer sig mycket åt mellan olika delar av landet.",
        "Waiting times differ widely between parts of the country.",
    ),
    (
        "Checklistan är tänkt som ett stöd i det dagliga arbetet.",
        "The checklist is meant as support in everyday work.",
    ),
    (
        "Uppföljningen visar att de flesta insatserna genomfördes som planerat.",
        "The follow-up shows that most interventions were carried out as planned.",
    ),
    (
        "Ett nationellt kunskapsstöd har tagits fram i samarbete med professionen.",
        "A national knowledge support has been developed together with the profession.",
    ),
    (
        "Lagändringarna påverkar både handläggning och dokumentation.",
        "The changes in the law affect both case handling and records.",
    ),
    (
        "Enheten har genomfört tillsyn på ett urval av verksamheter.",
        "The unit has inspected a selection of services.",
    ),
    (
        "Rapporten beskriver utvecklingen under de senaste tio åren.",
        "The report describes the developments of the last ten years.",
    ),
    (
        "Webbutbildningen tar ungefär en timme att genomföra.",
        "The web course takes about an hour to complete.",
    ),
    (
        "Vägledningen tar upp juridiska frågor som ofta uppstår i praktiken.",
        "The guidance covers legal questions that often arise in practice.",
    ),
    (
        "Personalens kompetens och kontinuitet är avgörande för kvaliteten.",
        "The staff's skills and continuity are decisive for quality.",
    ),
    (
        "Statistiken publiceras årligen och omfattar hela landet.",
        "The statistics are published every year and cover the whole country.",
    ),
    (
        "Brukarnas delaktighet lyfts fram som en viktig del av arbetet.",
        "The involvement of service users is emphasised as an important part of the work.",
    ),
    (
        "Flera kommuner har infört nya arbetssätt efter pilotprojektet.",
        "Several municipalities have adopted new ways of working after the pilot project.",
    ),
    (
        "Indikatorerna gör det möjligt att jämföra verksamheter över tid.",
        "The indicators make it possible to compare services over time.",
    ),
    (
        "Skriften sammanfattar aktuell kunskap på området.",
        "The text summarises current knowledge in the field.",
    ),
    (
        "Ansvaret delas mellan kommunen, regionen och staten.",
        "Responsibility is shared between the municipality, the region and the state.",
    ),
    (
        "Många verksamheter saknar rutiner för att upptäcka behoven i tid.",
        "Many services lack routines for detecting needs in time.",
    ),
    (
        "Analysen pekar på skillnader mellan kvinnor och män.",
        "The analysis points to differences between women and men.",
    ),
]
# Each description also says what the publication is about, in the words of its title.
SUBJECT_SENTENCES = [
    ("Publikationen handlar om {a_lower}.", "The publication is about {a_lower}."),
    (
        "Här beskrivs hur socialtjänsten kan arbeta med {a_lower} och {b_lower}.",
        "It describes how the social services can work with {a_lower} and {b_lower}.",
    ),
    (
        "Kunskapen om {a_lower} behöver spridas till fler yrkesgrupper.",
        "Knowledge of {a_lower} needs to reach more professions.",
    ),
]
AUTHORITIES = [
    ("Länsstyrelsen i {}", "County Administrative Board of {}"),
    ("Region {}", "Region {}"),
    ("{} kommun", "{} Municipality"),
]
PLACES = [
    "Stockholm", "Uppsala", "Södermanland", "Östergötland", "Jönköping", "Kronoberg", "Kalmar",
    "Gotland", "Blekinge", "Skåne", "Halland", "Västra Götaland", "Värmland", "Örebro",
    "Västmanland", "Dalarna", "Gävleborg", "Västernorrland", "Jämtland", "Västerbotten",
    "Norrbotten", "Malmö", "Göteborg", "Umeå", "Luleå", "Ängelholm", "Åre", "Östersund",
]  # fmt: skip
EXTRA_LANGUAGES = ["ar", "fa", "so", "ti", "es", "ro", "ru", "bg", "sr", "uk", "pl", "fi"]


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
                publication.refresh_search_columns()
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
    return count


SCENARIOS = {
    "unfiltered": "",
    "filtered": "topic=manniskohandel&type=manual&year_from=2005&year_to=2020&language=sv",
    "text": "q=m%C3%A4nniskohandel+barn",
    "text+filter+title": "q=%C3%A5terv%C3%A4ndande&language=sv&sort=title",
    # A word in a large share of the catalogue: the worst case for counting and facets.
    "text, broad": "q=socialtj%C3%A4nsten",
}
COUNT = re.compile(r'id="pub-count"[^>]*>([^<]*)<')


class QueryTimer:
    """Counts the SQL queries of a request and the time spent waiting for them."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def measure(client, path: str, requests: int, into: dict) -> None:
    """Time `requests` requests of `path` (after 3 for warming up), adding the request
    times, the database times, the query count and the result count to `into`."""
    from django.db import connection

    for _ in range(3):  # warm up caches and the connection
        client.get(path)
    for _ in range(requests):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = client.get(path)
            into.setdefault("totals", []).append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        into.setdefault("database", []).append(timer.seconds * 1000)
        into["queries"] = timer.count
    # The result count as the page shows it ("4 730 publikationer").
    shown = COUNT.search(response.content.decode())
    into["matches"] = int(re.sub(r"\D", "", shown.group(1))) if shown else -1


def summary(timings: dict) -> dict[str, float]:
    """p50/p95 of the whole request and of the time spent in the database."""
    return {
        "p50": statistics.median(timings["totals"]),
        "p95": percentile(timings["totals"], 0.95),
        "db50": statistics.median(timings["database"]),
        "db95": percentile(timings["database"], 0.95),
        "queries": timings["queries"],
        "matches": timings["matches"],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--requests", type=int, default=50, help="per scenario and size")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    if not args.database_url.startswith("postgres"):
        sys.exit("The benchmark runs on PostgreSQL: give a postgres:// --database-url.")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from portal.bench import sized_databases, use_database

    sizes = sorted(args.sizes)
    names = sized_databases(args.database_url, sizes)
    os.environ["DATABASE_URL"] = f"{args.database_url.rsplit('/', 1)[0]}/{names[sizes[0]]}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from publications.models import Publication

    counts = {}
    for size in sizes:
        use_database(names[size])
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed", verbosity=0)
        generate(size - Publication.objects.count(), seed=size)
        with connection.cursor() as cursor:
            # What autovacuum does to a table in use: statistics and the visibility map.
            cursor.execute("VACUUM ANALYZE")
        counts[size] = Publication.objects.count()
        print(f"database {names[size]}: {counts[size]} publications", flush=True)
    # Server time of the catalogue itself: the portal's cache of anonymous page views
    # (portal.page_cache) would answer repeated requests without running it.
    override_settings(PAGE_CACHE_ENABLED=False).enable()
    client = Client(HTTP_HOST="localhost")
    timings: dict[tuple[int, str], dict] = {}
    per_round = max(1, args.requests // args.rounds)
    for _round in range(args.rounds):
        for size in sizes:  # in alternation: see portal.bench.sized_databases
            use_database(names[size])
            for name, query in SCENARIOS.items():
                path = "/sv/publikationer/" + (f"?{query}" if query else "")
                measure(client, path, per_round, timings.setdefault((size, name), {}))
    rows = []
    for size in sizes:
        for name in SCENARIOS:
            result = summary(timings[(size, name)])
            result.update(n=counts[size], name=name)
            rows.append(result)
            print(
                "N={n:>6}  {name:<18} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
                "database p50 {db50:5.1f} ms p95 {db95:5.1f} ms  {queries} queries  "
                "{matches} results".format(**result)
            )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print(
        f"{per_round * args.rounds} requests per row, in {args.rounds} rounds alternating the"
        f" sizes; load average {load:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        "| N | scenario | results | p50 (ms) | p95 (ms) | database p50 (ms)"
        " | database p95 (ms) | queries |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            "| {n} | {name} | {matches} | {p50:.1f} | {p95:.1f} | {db50:.1f} | {db95:.1f}"
            " | {queries} |".format(**row)
        )
    for name in SCENARIOS:
        small, large = (summary(timings[(size, name)])["p95"] for size in (sizes[0], sizes[-1]))
        print(
            f"p95 ratio N={counts[sizes[-1]]} / N={counts[sizes[0]]}, {name}: {large / small:.2f}×"
        )


if __name__ == "__main__":
    main()
