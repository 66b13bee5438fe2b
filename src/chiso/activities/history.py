"""The audit actions of inspections, activities, postings and survey support, worded for people
(chiso.audit.history)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions, register_fields

register_actions(
    {
        "inspection_plan.create": pgettext_lazy("history", "Lập kế hoạch kiểm tra"),
        "visit.create": pgettext_lazy("history", "Ghi cuộc kiểm tra"),
        "visit.conclude": pgettext_lazy("history", "Kết luận kiểm tra"),
        "finding.create": pgettext_lazy("history", "Ghi kết quả kiểm tra"),
        "finding.respond": pgettext_lazy("history", "Đơn vị phản hồi"),
        "recommendation.create": pgettext_lazy("history", "Ghi kiến nghị"),
        "recommendation.assign": pgettext_lazy("history", "Giao nhiệm vụ khắc phục"),
        "recommendation.close": pgettext_lazy("history", "Đóng kiến nghị"),
        "activity.create": pgettext_lazy("history", "Ghi hoạt động"),
        "activity.update": pgettext_lazy("history", "Sửa hoạt động"),
        "posting.create": pgettext_lazy("history", "Ghi niêm yết"),
        "posting.update": pgettext_lazy("history", "Sửa niêm yết"),
        "posting.check": pgettext_lazy("history", "Kiểm tra lại niêm yết"),
        "survey.create": pgettext_lazy("history", "Ghi hỗ trợ khảo sát"),
        "logistics.create": pgettext_lazy("history", "Thêm việc hậu cần khảo sát"),
        "logistics.update": pgettext_lazy("history", "Cập nhật việc hậu cần khảo sát"),
        "survey.location.add": pgettext_lazy("history", "Thêm địa bàn khảo sát"),
        "survey.contact.add": pgettext_lazy("history", "Thêm đầu mối liên hệ khảo sát"),
        "attachment.add": pgettext_lazy("history", "Thêm tệp minh chứng"),
        "plan.posting_task": pgettext_lazy("history", "Chọn nhiệm vụ tính theo số liệu niêm yết"),
    }
)

register_fields({"posting_task": _("nhiệm vụ niêm yết")})
