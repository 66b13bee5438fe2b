"""Text as people type it, stored one way and searched without caring about case or diacritics.

- Every chiso model's text fields are stored in Unicode NFC (`to_nfc`, a pre_save receiver):
  a name pasted from a PDF or typed on a Mac arrives decomposed (NFD) and would otherwise
  neither match nor sort with the same name typed elsewhere.
- `PlainText(field)` is the field's search key in SQL: lower case, no diacritics, đ → d — the
  same key as `search_key()` in Python (the core's `strip_diacritics`), on SQLite (a function
  registered on each connection) and on PostgreSQL (`translate`, no extension needed). So
  "ĐÀ" finds "Đà", and "hoa" finds "Hòa" and "Hoà".
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models.signals import pre_save
from django.dispatch import receiver

from chiso.index.names import strip_diacritics

SQLITE_FUNCTION = "chiso_plain_text"


def search_key(text: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", text)).lower()


def _postgres_table() -> tuple[str, str]:
    """translate()'s two strings: every Vietnamese letter with a mark (both cases) → its plain
    lower-case letter; combining marks (text stored before NFC) are dropped."""
    vowels = "aăâeêioôơuưy"
    letters = sorted(
        {
            unicodedata.normalize("NFC", base + marks)
            for base in vowels + vowels.upper()
            for marks in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        }
        | set("đĐ")
    )
    marked = [ch for ch in letters if len(ch) == 1 and search_key(ch) != ch]
    source = "".join(marked)
    target = "".join(search_key(ch) for ch in marked)
    return source + "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323", target


_PG_FROM, _PG_TO = _postgres_table()


class PlainText(models.Func):
    """The search key of a text column (see the module's docstring)."""

    output_field = models.TextField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = f"lower(translate(%(expressions)s, '{_PG_FROM}', '{_PG_TO}'))"
        return self.as_sql(compiler, connection, template=template, **extra)


def search(
    qs: models.QuerySet[Any], field: str, query: str, *more_fields: str
) -> models.QuerySet[Any]:
    """Rows of `qs` whose `field` (or one of `more_fields`) contains `query`, ignoring case and
    diacritics."""
    key = search_key(query)
    fields = (field, *more_fields)
    aliases = {f"{name}_plain": PlainText(name) for name in fields}
    matches = models.Q()
    for alias in aliases:
        matches |= models.Q(**{f"{alias}__contains": key})
    return qs.alias(**aliases).filter(matches)


@receiver(connection_created, dispatch_uid="chiso.site.text.sqlite_function")
def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FUNCTION,
            1,
            lambda text: None if text is None else search_key(text),
            deterministic=True,
        )


@receiver(pre_save, dispatch_uid="chiso.site.text.nfc")
def to_nfc(sender: Any, instance: models.Model, **kwargs: Any) -> None:
    """Store chiso's text fields in NFC, whichever path saves them (forms, admin, API, imports)."""
    if not sender.__module__.startswith("chiso."):
        return
    deferred = instance.get_deferred_fields()  # reading those would cost a query each
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and field.attname not in deferred:
            value = getattr(instance, field.attname)
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                setattr(instance, field.attname, unicodedata.normalize("NFC", value))
