"""The site search's inverted index: entries, their vocabulary and postings."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable thing (a page or a publication) in one language.

    The text is analysed in Python (portal.search.analysis): words and their lemmas,
    casefolded, so that both databases match the same way. Which words an entry holds,
    in its title or its body, is kept in SearchPosting (an inverted index).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=32)
    kind_label = models.CharField(max_length=100)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # The object this entry stands for in search, "<content type id>:<object id>" (a
    # resource page for the catalogue entry it describes): that object has no entry of
    # its own in this language while this one exists. Empty for most entries.
    stands_for = models.CharField(max_length=80, blank=True, default="", db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="unique_search_entry"
            )
        ]
        indexes = [
            models.Index(fields=["language", "kind"], name="search_entry_language_kind"),
            # The entries of one kind of object in one language, with their object ids:
            # a filter over one model (the catalogue's text) joins its matches to this
            # index alone, not to the wide rows that hold the texts.
            models.Index(
                fields=["content_type", "language", "id", "object_id"], name="search_entry_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"


class SearchWord(models.Model):
    """The vocabulary of the index, per language: for typo correction and "Did you mean …?"."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="unique_search_word")
        ]

    def __str__(self) -> str:
        return self.word


class SearchPosting(models.Model):
    """One word of one entry, in its title or its body: the inverted index.

    A search reads the postings of the few vocabulary words that match its terms, so
    its cost follows the number of matches, not the length of the texts. The entry's
    title length is repeated here (entries are always rewritten whole), so that ranking
    reads nothing but this table's index: among equal scores, a shorter title ranks
    higher.
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="postings")
    word = models.ForeignKey(SearchWord, on_delete=models.CASCADE, db_index=False, related_name="+")
    in_title = models.BooleanField()
    title_length = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("search posting")
        verbose_name_plural = _("search postings")
        indexes = [
            # Everything a search reads, for index-only scans on PostgreSQL.
            models.Index(
                fields=["word", "entry", "in_title", "title_length"], name="search_posting_lookup"
            )
        ]

    def __str__(self) -> str:
        return f"{self.word_id} in {self.entry_id}"
