from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadsheetsConfig(AppConfig):
    name = "chiso.spreadsheets"
    verbose_name = _("Nhập, xuất bảng tính")
