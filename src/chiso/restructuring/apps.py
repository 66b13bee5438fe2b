from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RestructuringConfig(AppConfig):
    name = "chiso.restructuring"
    verbose_name = _("Sắp xếp đơn vị hành chính")
