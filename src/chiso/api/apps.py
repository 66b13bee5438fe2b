from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "chiso.api"
    verbose_name = _("Giao diện lập trình (API)")

    def ready(self) -> None:
        from chiso.api import signals  # noqa: F401  (connects the receivers)
