from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "chiso.audit"
    verbose_name = _("Nhật ký thay đổi")

    def ready(self) -> None:
        # Every app's `history.py` registers the labels of the actions it records
        # (chiso.audit.history), as Django's admin finds `admin.py`.
        autodiscover_modules("history")
