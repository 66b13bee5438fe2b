from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "chiso.supervision"
    verbose_name = _("Khó khăn, chỉ đạo, giám sát và góp ý")

    def ready(self) -> None:
        from chiso.supervision import receivers

        # Its menu entry and panels are registered by menu.py and panels.py (chiso.web).
        receivers.connect()
