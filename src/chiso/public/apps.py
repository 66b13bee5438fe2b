from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "chiso.public"
    verbose_name = _("Công khai kết quả và kế hoạch")
