"""The plan workspace's audit actions and change keys, worded for people (chiso.audit.history)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions, register_fields

register_actions(
    {
        "plan.create": pgettext_lazy("history", "Tạo kế hoạch"),
        "plan.update": pgettext_lazy("history", "Sửa kế hoạch"),
        "objective.create": pgettext_lazy("history", "Thêm mục tiêu"),
        "objective.update": pgettext_lazy("history", "Sửa mục tiêu"),
        "objective.delete": pgettext_lazy("history", "Xóa mục tiêu"),
        "section.create": pgettext_lazy("history", "Thêm mục"),
        "section.update": pgettext_lazy("history", "Sửa mục"),
        "section.delete": pgettext_lazy("history", "Xóa mục"),
        "plan.copy": pgettext_lazy("history", "Lập từ kế hoạch năm trước"),
        "task.create": pgettext_lazy("history", "Tạo nhiệm vụ"),
        "task.update": pgettext_lazy("history", "Sửa nhiệm vụ"),
        "task.delete": pgettext_lazy("history", "Xóa nhiệm vụ"),
        "task.group_sync": pgettext_lazy("history", "Cập nhật theo thành viên nhóm"),
        "assignment.create": pgettext_lazy("history", "Giao nhiệm vụ"),
        "assignment.update": pgettext_lazy("history", "Đổi quan hệ phân công"),
        "assignment.delete": pgettext_lazy("history", "Bỏ phân công"),
        "assignment.detach": pgettext_lazy("history", "Giữ phân công trực tiếp"),
        "assignment.progress": pgettext_lazy("history", "Cập nhật tiến độ"),
        "assignment.split": pgettext_lazy("history", "Giao việc cho đơn vị cấp dưới"),
        "assignment.withdraw": pgettext_lazy("history", "Thu hồi phần việc đã giao cấp dưới"),
        "assignment.rollup": pgettext_lazy("history", "Tổng hợp tiến độ từ đơn vị cấp dưới"),
        "work.link": pgettext_lazy("history", "Tính công việc đã thực hiện cho nhiệm vụ"),
        "work.unlink": pgettext_lazy("history", "Bỏ công việc đã tính cho nhiệm vụ"),
        "work.report": pgettext_lazy("history", "Gửi công việc đã thực hiện làm báo cáo"),
        "report.submit": pgettext_lazy("history", "Gửi báo cáo"),
        "report.resubmit": pgettext_lazy("history", "Gửi lại báo cáo đã sửa"),
        "report.accept": pgettext_lazy("history", "Chấp nhận báo cáo"),
        "report.return": pgettext_lazy("history", "Trả lại báo cáo"),
        "report.head_approve": pgettext_lazy("history", "Lãnh đạo cơ quan duyệt, gửi Sở Nội vụ"),
        "report.head_return": pgettext_lazy("history", "Lãnh đạo cơ quan trả lại báo cáo"),
        "task.schedule": pgettext_lazy("history", "Đặt lịch báo cáo theo kỳ"),
        "assignment.schedule": pgettext_lazy("history", "Đặt lịch báo cáo riêng cho cơ quan"),
        "reporting_settings.update": pgettext_lazy("history", "Sửa cài đặt duyệt báo cáo"),
    }
)

register_fields(
    {
        "unit_codes": _("chỉ số liên quan"),
        "lead_agencies": _("cơ quan chủ trì"),
        "coordinating": _("cơ quan phối hợp"),
        "files": _("tệp minh chứng"),
        "joined": _("thêm vào nhóm"),
        "left": _("rời nhóm"),
        "agency": _("cơ quan"),
        "via_group": _("qua nhóm"),
        "leads": _("chủ trì"),
        "objective": _("mục tiêu"),
        "section": _("mục"),
        "copied_from": _("chép từ kế hoạch"),
        "period": _("kỳ báo cáo"),
        "parent": _("giao từ"),
        "own_progress": _("tiến độ phần việc của cơ quan"),
        "work": _("công việc đã thực hiện"),
    }
)
