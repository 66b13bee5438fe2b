"""Stored files (evidence, attachments, generated documents): found through every FileField,
read and written only through Django's storage API, so an object store works like a folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage
from django.db import connection, models


@dataclass(frozen=True)
class FileColumn:
    table: str
    column: str
    storage: Storage


def file_columns() -> list[FileColumn]:
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                column = field.column or field.attname
                found.append(FileColumn(model._meta.db_table, column, field.storage))
    return found


def stored_names(cursor: Any) -> Iterator[tuple[str, Storage]]:
    """Every file name the database refers to, once, with the storage that holds it."""
    quote = connection.ops.quote_name
    seen: set[str] = set()
    for col in file_columns():
        cursor.execute(
            f"SELECT {quote(col.column)} FROM {quote(col.table)} "  # noqa: S608 — model names
            f"WHERE {quote(col.column)} <> '' ORDER BY 1"
        )
        for (name,) in cursor.fetchall():
            if name not in seen:
                seen.add(name)
                yield name, col.storage
