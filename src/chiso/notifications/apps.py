from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "chiso.notifications"
    verbose_name = _("Thông báo")

    def ready(self) -> None:
        from chiso.notifications import receivers
        from chiso.notifications.panels import unread_panel
        from chiso.web.home import PANEL_PROVIDERS

        receivers.connect()
        if unread_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(unread_panel)
