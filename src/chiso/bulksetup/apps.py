from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulkSetupConfig(AppConfig):
    name = "chiso.bulksetup"
    verbose_name = _("Thiết lập hàng loạt")
