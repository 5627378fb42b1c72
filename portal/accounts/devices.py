"""The users' authenticators (django-otp TOTP devices) and who may reset them."""

from __future__ import annotations

from base64 import b32encode
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"
# How long a set-up may wait for its first code; an unconfirmed device older than this
# is removed, and that set-up starts again with a new key.
SETUP_TIMEOUT = timedelta(minutes=15)
SETUP_SESSION_KEY = "two_factor_setup_device"


def required() -> bool:
    return getattr(settings, "PORTAL_TWO_FACTOR", False)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def can_reset(request_user, user) -> bool:
    """Those who may change users; only superusers for a superuser."""
    if user.is_superuser and not request_user.is_superuser:
        return False
    return request_user.has_perm("auth.change_user")


def remove_devices(user) -> int:
    """Remove all of a user's two-step devices; how many there were."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def has_device(user, request_user) -> bool:
    """Whether `user` has a two-step device. For the admin's user list, which asks once
    per row: the ids of the users with one are read once, kept on the viewing user."""
    ids = getattr(request_user, "_two_factor_user_ids", None)
    if ids is None:
        ids = set(TOTPDevice.objects.values_list("user_id", flat=True))
        request_user._two_factor_user_ids = ids
    return user.pk in ids


def base32_key(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode().rstrip("=")


def grouped(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def setup_device(request) -> TOTPDevice:
    """The unconfirmed device of this set-up session: its key is shown only here.

    Each session that starts a set-up gets a device with a new key, and only that session
    can confirm it: a key seen in one session is useless in another. Unconfirmed devices
    of anyone, older than SETUP_TIMEOUT, are removed on the way; confirming one removes
    the user's others (confirm_setup).
    """
    TOTPDevice.objects.filter(
        confirmed=False, created_at__lt=timezone.now() - SETUP_TIMEOUT
    ).delete()
    device = TOTPDevice.objects.filter(
        pk=request.session.get(SETUP_SESSION_KEY), user=request.user, confirmed=False
    ).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
        request.session[SETUP_SESSION_KEY] = device.pk
    return device


def confirm_setup(request, device: TOTPDevice) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    request.session.pop(SETUP_SESSION_KEY, None)
