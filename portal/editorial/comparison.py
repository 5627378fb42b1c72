"""What the admin's revision comparison counts as a change: only what a reader could see.

Wagtail compares a field's stored values. Two differences are no change to anyone: an
empty text stored as NULL in one revision and as "" in the other (content made outside the
admin, such as the seed, against the admin's forms), and the block keys Draftail adds to
rich text (`data-block-key`) on its first save. Without this, the first edit of seeded
content lists every rich-text and empty field as changed.

Registered through `wagtail.admin.compare.register_comparison_class`, the hook Wagtail's
own field types use; tests/editorial/test_history.py fails if it stops taking effect.
"""

from __future__ import annotations

import re

from django.db import models
from wagtail.admin.compare import (
    RichTextFieldComparison,
    TextFieldComparison,
    register_comparison_class,
)
from wagtail.fields import RichTextField

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


class TextComparison(TextFieldComparison):
    def has_changed(self):
        return (self.val_a or "") != (self.val_b or "")


class RichTextComparison(RichTextFieldComparison):
    def has_changed(self):
        return _BLOCK_KEY.sub("", self.val_a or "") != _BLOCK_KEY.sub("", self.val_b or "")


def register() -> None:
    register_comparison_class(models.CharField, comparison_class=TextComparison)
    register_comparison_class(models.TextField, comparison_class=TextComparison)
    register_comparison_class(RichTextField, comparison_class=RichTextComparison)
