"""What a process keeps in its own memory per generation (generation.kept_in_process):
never read in a generation other than the one it was made in, even when the shared cache
was emptied and its generation started again."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.caching.generation import invalidate, kept_in_process

pytestmark = pytest.mark.django_db


def test_a_new_generation_makes_it_again_and_an_emptied_cache_does_not_bring_back_the_old():
    made: list[int] = []

    def make() -> int:
        made.append(len(made) + 1)
        return made[-1]

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
