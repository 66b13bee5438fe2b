from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "chiso.activities"
    verbose_name = _("Kiểm tra, tuyên truyền, khảo sát")

    def ready(self) -> None:
        from chiso.activities.panels import activities_panel, supervision_panel
        from chiso.web.home import PANEL_PROVIDERS

        for provider in (supervision_panel, activities_panel):
            if provider not in PANEL_PROVIDERS:
                PANEL_PROVIDERS.append(provider)
