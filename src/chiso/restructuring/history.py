"""The audit actions of the restructuring, worded for people (chiso.audit.history)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions, register_fields

register_actions(
    {
        "restructuring.abolish": pgettext_lazy("history", "Giải thể cơ quan (sắp xếp)"),
        "restructuring.merge": pgettext_lazy("history", "Hợp nhất tỉnh"),
        "assignment.handover": pgettext_lazy("history", "Chuyển phân công cho cơ quan kế nhiệm"),
        "assignment.fold": pgettext_lazy(
            "history", "Gộp phần việc vào phần việc của cơ quan kế nhiệm"
        ),
        "assignment.merge": pgettext_lazy(
            "history", "Nhận phần việc, báo cáo của cơ quan giải thể"
        ),
        "report.fold": pgettext_lazy(
            "history", "Chuyển báo cáo sang phần việc của cơ quan kế nhiệm"
        ),
        "assignment.reparent": pgettext_lazy("history", "Đổi phần việc cấp trên"),
        "agency.dissolve": pgettext_lazy("history", "Giải thể cơ quan"),
        "agency.reparent": pgettext_lazy("history", "Đổi cơ quan cấp trên"),
        "restructuring.rename": pgettext_lazy("history", "Đổi tên khi hợp nhất tỉnh"),
        "province.merged": pgettext_lazy("history", "Tỉnh hợp nhất vào tỉnh khác"),
        "user.handover": pgettext_lazy("history", "Chuyển tài khoản sang cơ quan kế nhiệm"),
        "user.head_lowered": pgettext_lazy(
            "history", "Hạ vai trò lãnh đạo cơ quan của tài khoản đã chuyển theo sắp xếp"
        ),
        "village.move": pgettext_lazy("history", "Chuyển thôn, tổ dân phố sang xã kế nhiệm"),
        "posting.move": pgettext_lazy("history", "Niêm yết theo thôn sang xã kế nhiệm"),
    }
)

register_fields(
    {
        "dissolved_on": _("ngày giải thể"),
        "moved": _("số phân công chuyển giao"),
        "agencies": _("cơ quan giải thể"),
        "moved_rows": _("số bản ghi chuyển sang tỉnh mới"),
        "reports": _("số báo cáo"),
        "merged_into": _("đã hợp nhất vào"),
        "merged_on": _("ngày hợp nhất"),
    }
)
