from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "chiso.backup"
    verbose_name = "Backup and restore"
