from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "chiso.activities"
    verbose_name = _("Kiểm tra, tuyên truyền, khảo sát")
