"""The languages a publication can exist in, each named in its own language."""

from __future__ import annotations

# (code, the language's own name). Not gettext: a reader looks for their language
# under the name they know it by, whatever the page's language.
LANGUAGES: list[tuple[str, str]] = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("bg", "Български"),
    ("bs", "Bosanski"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("ku", "Kurdî"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("se", "Davvisámegiella"),
    ("so", "Soomaali"),
    ("sq", "Shqip"),
    ("sr", "Srpski"),
    ("th", "ไทย"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("vi", "Tiếng Việt"),
    ("yi", "ייִדיש"),
    ("zh", "中文"),
]

NATIVE_NAMES = dict(LANGUAGES)
RTL = {"ar", "fa", "yi"}

# Swedish and English first, then by code.
ORDER = {code: position for position, (code, _name) in enumerate(LANGUAGES)}


def native_name(code: str) -> str:
    return NATIVE_NAMES.get(code, code)


def direction(code: str) -> str:
    return "rtl" if code in RTL else "ltr"
