"""The audit actions of the bulk set-up from a workbook, worded for people (chiso.audit.history)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions, register_fields

register_actions(
    {
        "setup.apply": pgettext_lazy("history", "Thiết lập hàng loạt từ tệp"),
        "agency.create": pgettext_lazy("history", "Tạo cơ quan"),
        "agency.update": pgettext_lazy("history", "Sửa cơ quan"),
        "group.set": pgettext_lazy("history", "Đặt thành viên nhóm cơ quan"),
        "village.set": pgettext_lazy("history", "Đặt thôn, tổ dân phố theo tệp"),
        "user.create": pgettext_lazy("history", "Tạo tài khoản"),
        "user.update": pgettext_lazy("history", "Sửa tài khoản"),
    }
)

register_fields(
    {
        "file": _("tệp"),
        "rows": _("số dòng"),
        "members": _("thành viên"),
        "row": _("dòng trong tệp"),
    }
)
