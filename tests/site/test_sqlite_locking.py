"""SQLite under concurrent writers: two connections to one file, as two server threads would
have. A writer waits for the other instead of failing with "database is locked"; a lock that
outlasts the timeout is the "try again" page, not a server error."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.db.utils import ConnectionHandler
from django.test import Client

ALIAS = "two_writers"


@pytest.fixture
def file_database(tmp_path: Path, django_db_blocker: Any) -> Iterator[str]:
    """A file database configured like chiso's own (settings.DATABASES OPTIONS), outside the
    test database and its per-test transaction."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    configured = ConnectionHandler().configure_settings(
        {
            "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
            ALIAS: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "chiso.sqlite3"),
                "OPTIONS": dict(options),
            },
        }
    )
    connections.settings[ALIAS] = configured[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE report (n INTEGER)")
        yield ALIAS
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def _count(cursor: Any) -> int:
    cursor.execute("SELECT count(*) FROM report")
    return int(cursor.fetchone()[0])


def test_a_second_writer_waits_for_the_first_instead_of_failing(file_database: str) -> None:
    with connections[file_database].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"

    second_has_read, first_committed = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def second_writer() -> None:
        # Reads, then writes, in one transaction: the shape of every service function.
        try:
            with transaction.atomic(using=file_database):
                cursor = connections[file_database].cursor()
                seen = _count(cursor)
                second_has_read.set()
                first_committed.wait(10)
                cursor.execute("INSERT INTO report VALUES (%s)", [seen + 1])
        except OperationalError as exc:  # "database is locked" before the fix
            errors.append(exc)
        finally:
            second_has_read.set()
            connections[file_database].close()

    with transaction.atomic(using=file_database):
        cursor = connections[file_database].cursor()
        cursor.execute("INSERT INTO report VALUES (%s)", [_count(cursor) + 1])
        thread = threading.Thread(target=second_writer)
        thread.start()
        # With deferred transactions the second reads now, from before our commit; with
        # IMMEDIATE ones it is still waiting for our write lock, so this wait runs out.
        second_has_read.wait(0.5)
    first_committed.set()
    thread.join(30)

    assert not errors
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT n FROM report ORDER BY n")
        assert [row[0] for row in cursor.fetchall()] == [1, 2]


@pytest.mark.django_db
def test_a_lock_that_outlasts_the_timeout_is_the_try_again_page(monkeypatch: Any) -> None:
    def locked(request: Any) -> list[Any]:
        raise OperationalError("database is locked")

    monkeypatch.setattr("chiso.web.views.home_panels", locked)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "chưa lưu được thay đổi của bạn" in response.content.decode()
