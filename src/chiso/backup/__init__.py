"""Backup and restore: the database (SQLite's online backup, or pg_dump) and every stored file
(evidence, attachments, generated documents), in one archive with a manifest and checksums.
`chiso backup`, `chiso restore`; see README, "Backup and restore"."""
