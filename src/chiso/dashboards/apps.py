from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "chiso.dashboards"
    verbose_name = _("Bảng điều khiển, thời hạn, nhắc việc")

    def ready(self) -> None:
        from chiso.dashboards.panels import plan_progress_panel
        from chiso.dashboards.work_panels import PROVIDERS
        from chiso.web.home import PANEL_PROVIDERS

        for provider in [*PROVIDERS, plan_progress_panel]:
            if provider not in PANEL_PROVIDERS:
                PANEL_PROVIDERS.append(provider)
