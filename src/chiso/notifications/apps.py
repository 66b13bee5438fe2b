from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "chiso.notifications"
    verbose_name = _("Thông báo")

    def ready(self) -> None:
        from chiso.notifications import receivers

        receivers.connect()
