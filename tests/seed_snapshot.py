"""The seeded database's rows kept aside on the database server, for tests with a live server.

A test whose server answers from other threads (the browser tests, the shared-cache tests)
needs committed rows, so it runs outside a transaction and Django flushes the database after
it. Django's way back to the seed, serialized rollback, writes every row as JSON once and
reads all of them back through the ORM before each test: 3.4 s a test with the seed. Here
the rows are copied once into tables of their own (CREATE TABLE … AS SELECT), and copied
back before each test in one transaction (INSERT … SELECT), on the database server.

The tests keep pytest-django's `serialized_rollback=True` marker, with an empty serialized
database: Django's flush after each test then skips `post_migrate` (nothing re-creates
content types and permissions that the copy brings back), and its own reload loads nothing.
`connection._test_serialized_contents` is the attribute Django's test runner fills for
this (django.test.utils.setup_databases); tests/core/test_seed_snapshot.py checks that
Django still reads it.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connections, transaction

PREFIX = "snapshot_"  # the longest Django table name here is 44 characters; PostgreSQL allows 63


class SeedSnapshot:
    def __init__(self, alias: str = "default"):
        self.connection = connections[alias]
        introspection = self.connection.introspection
        tables = set(introspection.django_table_names(only_existing=True))
        self.tables = sorted(tables - self._kept_by_triggers())

    def _kept_by_triggers(self) -> set[str]:
        """SQLite's full-text tables (Wagtail's search index there): triggers fill them from
        their own table as its rows are deleted and copied back, with the row ids they
        must have; a copy of their own would add every row twice."""
        if self.connection.vendor != "sqlite":
            return set()
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
            return {name for (name,) in cursor.fetchall()}

    def _pairs(self):
        quote = self.connection.ops.quote_name
        return [(quote(table), quote(PREFIX + table)) for table in self.tables]

    def take(self) -> None:
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            for table, kept in self._pairs():
                cursor.execute(f"DROP TABLE IF EXISTS {kept}")
                cursor.execute(f"CREATE TABLE {kept} AS SELECT * FROM {table}")

    def restore(self) -> None:
        """Every table as it was when taken. Django's foreign keys are checked at commit
        (DEFERRABLE INITIALLY DEFERRED on both databases), so the order does not matter."""
        pairs = self._pairs()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute("TRUNCATE " + ", ".join(table for table, _ in pairs))
            else:
                for table, _ in pairs:
                    cursor.execute(f"DELETE FROM {table}")
            for table, kept in pairs:
                cursor.execute(f"INSERT INTO {table} SELECT * FROM {kept}")

    def drop(self) -> None:
        with self.connection.cursor() as cursor:
            for _, kept in self._pairs():
                cursor.execute(f"DROP TABLE IF EXISTS {kept}")


@contextmanager
def kept_seed(django_db_blocker, alias: str = "default"):
    """For a package or module of tests marked `django_db(transaction=True,
    serialized_rollback=True)`: yields the snapshot, whose `restore()` each test calls
    first; afterwards the seed is back for the tests that follow.

    The live server answers in threads that keep a browser's keep-alive connection; with
    persistent database connections each would hold a session open past the tests (and
    PostgreSQL then refuses to drop the test database): CONN_MAX_AGE is 0 meanwhile.
    """
    connection = connections[alias]
    max_age = connection.settings_dict.get("CONN_MAX_AGE", 0)
    connection.settings_dict["CONN_MAX_AGE"] = 0
    serialized = getattr(connection, "_test_serialized_contents", None)
    with django_db_blocker.unblock():
        snapshot = SeedSnapshot(alias)
        snapshot.take()
    connection._test_serialized_contents = "[]"
    try:
        yield snapshot
    finally:
        with django_db_blocker.unblock():
            snapshot.restore()
            snapshot.drop()
        if serialized is None:
            del connection._test_serialized_contents
        else:
            connection._test_serialized_contents = serialized
        connection.settings_dict["CONN_MAX_AGE"] = max_age
