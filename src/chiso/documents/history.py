"""The audit actions of documents (texts, recipient lists, the register), worded for people
(chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "issue": pgettext_lazy("history", "Vào sổ văn bản"),
        "correct": pgettext_lazy("history", "Đính chính văn bản"),
        "freeze": pgettext_lazy("history", "Lưu bản văn bản đã ban hành"),
    }
)
