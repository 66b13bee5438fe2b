"""Dumping and restoring the database: SQLite through its online backup API, PostgreSQL with
pg_dump/pg_restore (custom format), both from one consistent snapshot."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from chiso.backup.manifest import BackupError


def vendor() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def dump_file_name() -> str:
    return "database/chiso.sqlite3" if vendor() == "sqlite" else "database/chiso.pgdump"


def _pg_env() -> dict[str, str]:
    s = connection.settings_dict
    env = {**os.environ, "PGDATABASE": s["NAME"], "PGUSER": s.get("USER") or "postgres"}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if s.get(key):
            env[var] = str(s[key])
    return env


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed (apt-get install postgresql-client)."
        ) from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-500:]}")


@contextlib.contextmanager
def snapshot(target: Path) -> Iterator[Any]:
    """Write the database to `target`; yield a cursor that reads the very same state (to count
    rows and list stored files), so the manifest describes exactly what was dumped."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # consistent even while others write
            yield copy.cursor()
        finally:
            copy.close()
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        _run([*command, f"--snapshot={snapshot_id}", f"--file={target}"])
        yield cursor


def table_names() -> list[str]:
    return sorted(connection.introspection.table_names())


def count_rows(cursor: Any, tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 — introspected names
        counts[table] = int(cursor.fetchone()[0])
    return counts


def applied_migrations(cursor: Any) -> dict[str, str]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return {app: name for app, name in cursor.fetchall()}


def is_empty() -> bool:
    """No tables at all: a new SQLite file or a database fresh from `createdb`."""
    return not connection.introspection.table_names()


def require_empty() -> None:
    if not is_empty():
        name = connection.settings_dict["NAME"]
        raise BackupError(
            f"The database {name} is not empty: restore only into an empty database "
            "(a new SQLite file, or `createdb` for PostgreSQL), so nothing is overwritten."
        )


def restore(dump: Path) -> None:
    require_empty()
    if vendor() == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    connection.close()
    name = connection.settings_dict["NAME"]
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", name, str(dump)])
