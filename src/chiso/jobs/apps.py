from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "chiso.jobs"
    verbose_name = "Background jobs"
