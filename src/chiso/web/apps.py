from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "chiso.web"
    verbose_name = _("Giao diện")

    def ready(self) -> None:
        from chiso.web import text  # noqa: F401  (NFC on save, the SQLite search function)
