"""What a backup archive holds, written as manifest.json at its root.

archive (.tar.gz):
    manifest.json
    database/chiso.sqlite3   or   database/chiso.pgdump   (pg_dump custom format)
    media/<stored name>      one per file referenced by a FileField
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

FORMAT = "chiso-backup/1"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


@dataclass(frozen=True)
class StoredFile:
    name: str  # the storage name, as in the database
    size: int
    sha256: str


@dataclass
class Manifest:
    created_at: str
    vendor: str  # "sqlite" or "postgresql"
    database_file: str  # member path in the archive
    database_sha256: str
    tables: dict[str, int]  # row count per table at the moment of the dump
    migrations: dict[str, str]  # latest applied migration per app
    files: list[StoredFile] = field(default_factory=list)
    format: str = FORMAT

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        if data.get("format") != FORMAT:
            raise BackupError(f"Not a chiso backup (format {data.get('format')!r}, need {FORMAT}).")
        files = [StoredFile(**f) for f in data.get("files", [])]
        return cls(**{**data, "files": files})


class Readable(Protocol):
    """An open file, a storage's File included."""

    def read(self, size: int = ..., /) -> bytes: ...


def sha256_of(stream: Readable) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def sha256_file(path: Path) -> str:
    with path.open("rb") as fh:
        return sha256_of(fh)[0]
