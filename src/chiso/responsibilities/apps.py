from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsibilitiesConfig(AppConfig):
    name = "chiso.responsibilities"
    verbose_name = _("Phân công theo chỉ số")
