"""The audit actions of the task catalogue, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "catalogue.import": pgettext_lazy("history", "Nhập danh mục nhiệm vụ"),
        "catalogue.entry.update": pgettext_lazy("history", "Sửa nhiệm vụ trong danh mục"),
        "catalogue.from_plan": pgettext_lazy("history", "Thêm nhiệm vụ của kế hoạch vào danh mục"),
    }
)
