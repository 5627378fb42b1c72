"""The users' authenticators (django-otp TOTP devices) and who may reset them."""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


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
