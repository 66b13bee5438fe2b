from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "chiso.workflow"
    verbose_name = _("Quy trình thay đổi dữ liệu")
