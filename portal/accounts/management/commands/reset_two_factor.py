"""Remove a user's authenticator, so that they set up a new one at their next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.accounts.devices import remove_devices


class Command(BaseCommand):
    help = (
        "Remove a user's two-step sign-in devices (a lost or replaced phone); they set up "
        "a new authenticator at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        removed = remove_devices(user)
        self.stdout.write(f"Removed {removed} device(s) of {username}.")
