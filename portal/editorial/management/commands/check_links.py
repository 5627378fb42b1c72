"""Check every external link in pages and publications; report the broken ones.

Exit status 1 when any link is broken, for a scheduled job. HEAD (or GET) with a
short timeout and a few requests at a time, so other sites are not hammered.
"""

from django.core.management.base import BaseCommand, CommandError

from portal.editorial.linkcheck import check_links, collect_links, host_of


class Command(BaseCommand):
    help = "Check the external links in pages and publications and list the broken ones."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=5.0, help="Seconds per request.")
        parser.add_argument("--concurrency", type=int, default=4, help="Requests at a time.")
        parser.add_argument(
            "--host",
            action="append",
            default=[],
            help="Check only links to this host (may be repeated).",
        )

    def handle(self, *args, timeout, concurrency, host, **options):
        if timeout <= 0 or concurrency < 1:
            raise CommandError("--timeout must be positive and --concurrency at least 1.")
        links = collect_links()
        if host:
            links = {url: where for url, where in links.items() if host_of(url) in host}
        results = check_links(links, timeout=timeout, concurrency=concurrency)
        broken = [r for r in results if r.broken]
        for result in broken:
            status = result.status if result.status is not None else "unreachable"
            detail = f" ({result.error})" if result.error else ""
            self.stdout.write(f"BROKEN {status}{detail} {result.url}")
            for place in result.found_on:
                self.stdout.write(f"    on {place}")
        self.stdout.write(f"Checked {len(results)} links: {len(broken)} broken.")
        if broken:
            raise SystemExit(1)
