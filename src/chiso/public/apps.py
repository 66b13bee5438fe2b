from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "chiso.public"
    verbose_name = _("Công khai kết quả và kế hoạch")

    def ready(self) -> None:
        from chiso.public.panels import latest_results_panel
        from chiso.web.home import PANEL_PROVIDERS

        if latest_results_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(latest_results_panel)
