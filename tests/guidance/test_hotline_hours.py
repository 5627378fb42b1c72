"""The hotline as people need it: when it is open, what to do outside the hours and in an
emergency, with the number wherever the line appears, in both languages."""

import datetime

import pytest

from guidance.models import Hotline
from guidance.models.snippets import OpenDays
from tests.factories.trees import violence_theme
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

# The hours as the seed states them for its line (that line itself: the last test).
HOURS = {
    "days": OpenDays.WEEKDAYS,
    "opening_hours_sv": "kontorstid",
    "opening_hours_en": "office hours",
    "outside_hours_sv": (
        "Utanför öppettiderna: kontakta socialjouren i din kommun eller polisen på 114 14."
    ),
    "outside_hours_en": (
        "Outside these hours: contact the social services on call (socialjouren) in your "
        "municipality, or the police on 114 14."
    ),
}
SAID = {
    "sv": (
        "Öppet vardagar, kontorstid.",
        "Utanför öppettiderna: kontakta socialjouren i din kommun eller polisen på 114 14.",
        "Vid akut fara, ring 112.",
    ),
    "en": (
        "Open weekdays, office hours.",
        "Outside these hours: contact the social services on call (socialjouren) in your "
        "municipality, or the police on 114 14.",
        "In an emergency, call 112.",
    ),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("where", ["page", "support"])
def test_the_line_says_its_hours_what_to_do_outside_them_and_in_an_emergency(client, lang, where):
    """On a theme whose body shows the line, and on a support service that has it."""
    theme = violence_theme()
    Hotline.objects.filter(pk=theme.hotline.pk).update(**HOURS)
    html = client.get(url_in(getattr(theme, where), lang)).content.decode()
    assert theme.hotline.display_number in html
    for text in SAID[lang]:
        assert text in html


def test_times_when_an_editor_gives_them():
    line = Hotline(
        days=OpenDays.WEEKDAYS, opens_at=datetime.time(8), closes_at=datetime.time(16, 30)
    )
    from django.utils import translation

    with translation.override("sv"):
        assert line.hours_text == "Öppet vardagar 08.00–16.30"
    with translation.override("en"):
        assert line.hours_text == "Open weekdays 08.00–16.30"
    assert Hotline(days="").hours_text == ""


def test_the_seeded_hours_are_marked_for_editors_to_confirm(seeded, admin_client_sv):
    """About the seed's own line: its hours are left for an editor to confirm."""
    line = Hotline.objects.get()
    assert line.hours_confirmed is False
    html = admin_client_sv.get(f"/admin/snippets/guidance/hotline/edit/{line.pk}/").content.decode()
    assert "Öppettider" in html
    assert (
        'name="hours_confirmed"' in html
        and "checked" not in html.split('name="hours_confirmed"')[1][:80]
    )
