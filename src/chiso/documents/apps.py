from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "chiso.documents"
    verbose_name = _("Văn bản, báo cáo")
