"""Making a backup archive and restoring one (the work behind `chiso backup` / `chiso restore`)."""

from __future__ import annotations

import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from chiso.backup import database
from chiso.backup.manifest import BackupError, Manifest, StoredFile, sha256_file, sha256_of
from chiso.backup.media import file_columns, stored_names

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    files_written: int


def create_backup(output_dir: Path) -> Path:
    """Dump the database and copy every stored file into one .tar.gz; returns its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = output_dir / f"chiso-backup-{stamp}.tar.gz"
    member = database.dump_file_name()
    with tempfile.TemporaryDirectory(prefix="chiso-backup-") as tmp:
        dump = Path(tmp) / Path(member).name
        with database.snapshot(dump) as cursor:
            tables = database.count_rows(cursor, database.table_names())
            migrations = database.applied_migrations(cursor)
            names = list(stored_names(cursor))
        manifest = Manifest(
            created_at=timezone.now().isoformat(),
            vendor=database.vendor(),
            database_file=member,
            database_sha256=sha256_file(dump),
            tables=tables,
            migrations=migrations,
        )
        partial = target.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=member)
            for name, storage in names:
                manifest.files.append(_add_file(tar, name, storage))
            _add_json(tar, manifest, Path(tmp))
        partial.rename(target)  # a finished archive only ever appears whole
    return target


def _add_file(tar: tarfile.TarFile, name: str, storage: object) -> StoredFile:
    if not storage.exists(name):  # type: ignore[attr-defined]
        raise BackupError(f"Stored file {name} is referenced by the database but missing.")
    with storage.open(name, "rb") as fh:  # type: ignore[attr-defined]
        digest, size = sha256_of(fh)
        fh.seek(0)
        info = tarfile.TarInfo(f"media/{name}")
        info.size = size
        info.mtime = int(timezone.now().timestamp())
        tar.addfile(info, fh)
    return StoredFile(name=name, size=size, sha256=digest)


def _add_json(tar: tarfile.TarFile, manifest: Manifest, tmp: Path) -> None:
    path = tmp / MANIFEST
    path.write_text(json.dumps(manifest.to_json(), indent=1, ensure_ascii=False), "utf-8")
    tar.add(path, arcname=MANIFEST)


def read_manifest(archive: Path) -> Manifest:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            return Manifest.from_json(json.load(member))
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as exc:
        raise BackupError(f"{archive}: not a readable chiso backup ({exc}).") from None


def restore_backup(archive: Path) -> Restored:
    """Verify every checksum, then restore the database (refused unless it is empty), then the
    files, then compare the restored row counts with the manifest."""
    manifest = read_manifest(archive)
    if manifest.vendor != database.vendor():
        raise BackupError(
            f"The backup is of a {manifest.vendor} database; the configured one is "
            f"{database.vendor()}. Restore into the same kind of database."
        )
    database.require_empty()
    _check_store(manifest)
    with tempfile.TemporaryDirectory(prefix="chiso-restore-") as tmp:
        folder = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")
        _verify(manifest, folder)
        database.restore(folder / manifest.database_file)
        written = _restore_files(manifest, folder)
    with connection.cursor() as cursor:
        counts = database.count_rows(cursor, sorted(manifest.tables))
    wrong = {t: (n, counts.get(t)) for t, n in manifest.tables.items() if counts.get(t) != n}
    if wrong:
        raise BackupError(f"Restored row counts differ from the backup: {wrong}")
    cache.clear()  # a shared cache (Redis) holds fragments keyed by revisions that went back
    return Restored(manifest, written)


def _verify(manifest: Manifest, folder: Path) -> None:
    if sha256_file(folder / manifest.database_file) != manifest.database_sha256:
        raise BackupError(f"{manifest.database_file}: checksum mismatch, the archive is damaged.")
    for f in manifest.files:
        path = folder / "media" / f.name
        if not path.is_file() or sha256_file(path) != f.sha256:
            raise BackupError(f"media/{f.name}: missing or checksum mismatch, archive damaged.")


def _check_store(manifest: Manifest) -> None:
    """Refuse before anything is written if the file store holds other files of the same names."""
    stores = {id(col.storage): col.storage for col in file_columns()}.values()
    for f in manifest.files:
        for storage in stores:
            if storage.exists(f.name):
                with storage.open(f.name, "rb") as fh:
                    if sha256_of(fh)[0] != f.sha256:
                        raise BackupError(
                            f"{f.name} already exists in the file store with other content."
                        )


def _restore_files(manifest: Manifest, folder: Path) -> int:
    by_name = {f.name: f for f in manifest.files}
    written = 0
    with connection.cursor() as cursor:
        targets = list(stored_names(cursor))
    for name, storage in targets:
        if name not in by_name:
            raise BackupError(
                f"{name} is referenced by the restored database but not in the backup."
            )
        if storage.exists(name):  # the same content (checked before the database was touched)
            continue
        with (folder / "media" / name).open("rb") as fh:
            saved = storage.save(name, fh)
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}; the file store is not empty.")
        written += 1
    return written
