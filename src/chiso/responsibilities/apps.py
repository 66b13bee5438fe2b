from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsibilitiesConfig(AppConfig):
    name = "chiso.responsibilities"
    verbose_name = _("Phân công theo chỉ số")

    def ready(self) -> None:
        from chiso.responsibilities.panels import areas_panel
        from chiso.web.home import PANEL_PROVIDERS

        if areas_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(areas_panel)
