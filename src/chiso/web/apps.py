from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "chiso.web"
    verbose_name = _("Giao diện")

    def ready(self) -> None:
        from chiso.site import text  # noqa: F401  (NFC on save, the SQLite search function)

        # Every app's `menu.py` and `panels.py` register what it adds to the menu and to other
        # apps' pages (chiso.web.navigation, chiso.web.panels), as Django's admin finds admin.py.
        autodiscover_modules("menu", "panels")
