"""List guidance pages due or overdue for review, with their public addresses in both
languages and the admin's edit link; exit 1 when any is overdue (for a scheduled job)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from guidance.review import pages_for_review


class Command(BaseCommand):
    help = "List pages due or overdue for review. Exits with status 1 when any page is overdue."

    def handle(self, *args, **options):
        today = timezone.localdate()
        overdue = 0
        admin = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for page in pages_for_review(today):
            status = page.review_status(today)
            overdue += status == "overdue"
            self.stdout.write(f"{status.upper():8} {page.review_by.isoformat()}  {page.title_sv}")
            for language, url in page.language_urls(full=True).items():
                self.stdout.write(f"    {language}: {url or '-'}")
            self.stdout.write(
                f"    edit: {admin}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
            )
        if overdue:
            self.stderr.write(f"{overdue} page(s) overdue for review.")
            raise SystemExit(1)
        self.stdout.write("No page is overdue for review.")
