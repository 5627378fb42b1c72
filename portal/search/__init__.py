"""Site search in Swedish and English that understands Swedish word forms.

- analysis: words → casefolded words and their lemmas (simplemma), per language.
- index: one SearchEntry per object and language, kept current by signals.
- query: matching, ranking, excerpts and suggestions, the same on every database;
  PostgreSQL adds trigram-indexed typo correction.
"""
