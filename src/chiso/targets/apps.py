from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "chiso.targets"
    verbose_name = _("Lộ trình mục tiêu")
