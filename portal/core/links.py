"""How a link to another site is named for visitors: by its host, as they read it."""

from __future__ import annotations

from urllib.parse import urlsplit


def hostname(url: str) -> str:
    """The site an address leads to, as a visitor reads it in a link ("polisen.se")."""
    return (urlsplit(url).hostname or "").removeprefix("www.")
