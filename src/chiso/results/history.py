"""The audit actions of index results, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "results.import": pgettext_lazy("history", "Nhập kết quả chỉ số"),
        "results.replace": pgettext_lazy("history", "Thay kết quả chỉ số"),
        "results.restore": pgettext_lazy("history", "Khôi phục kết quả chỉ số trước"),
    }
)
