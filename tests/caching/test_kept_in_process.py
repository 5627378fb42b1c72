"""What a process keeps in its own memory per generation (generation.kept_in_process):
never read in a generation other than the one it was made in, even when the shared cache
was emptied and its generation started again."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache

from portal.caching.generation import CACHE_SECONDS, generation, invalidate, kept_in_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def made() -> list[int]:
    """What `make` made, in order: each call makes the next number."""
    return []


@pytest.fixture
def make(made):
    def make() -> int:
        made.append(len(made) + 1)
        return made[-1]

    return make


def test_a_new_generation_makes_it_again_and_an_emptied_cache_does_not_bring_back_the_old(
    made, make
):
    cache.clear()
    assert kept_in_process("test-kept", make) == 1
    assert kept_in_process("test-kept", make) == 1  # the same generation: kept
    invalidate()
    assert kept_in_process("test-kept", make) == 2
    # Redis restarted or emptied: the generation starts again. What was made under the
    # number it had must not pass for the new generation's.
    cache.clear()
    assert kept_in_process("test-kept", make) == 3
    cache.clear()
    assert kept_in_process("test-kept", make) == 4
    assert made == [1, 2, 3, 4]


def test_it_lasts_no_longer_than_what_the_shared_cache_keeps(monkeypatch, made, make):
    """A change whose new generation was lost (Redis away while it was made) reaches every
    process within CACHE_SECONDS, as for `kept`."""
    cache.clear()
    assert kept_in_process("test-timed", make) == 1
    assert kept_in_process("test-timed", make) == 1
    later = time.time() + CACHE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert kept_in_process("test-timed", make) == 2
    assert made == [1, 2]


def test_a_process_that_starts_the_generation_second_takes_the_first_ones_number(monkeypatch):
    cache.clear()

    def another_process_first(key, value, timeout=None):
        cache.set(key, 777, timeout=None)
        return False

    monkeypatch.setattr(cache, "add", another_process_first)
    assert generation() == 777
