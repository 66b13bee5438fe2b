"""The audit actions of the supervision loop, worded for people (chiso.audit.history)."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "difficulty.raise": pgettext_lazy("history", "Nêu khó khăn, vướng mắc"),
        "recommendation.raise": pgettext_lazy("history", "Ghi kiến nghị giám sát"),
        "difficulty.hand_over": pgettext_lazy("history", "Chuyển cơ quan xử lý"),
        "difficulty.answer": pgettext_lazy("history", "Hướng dẫn, trả lời"),
        "difficulty.escalate": pgettext_lazy("history", "Tham mưu UBND tỉnh chỉ đạo"),
        "difficulty.resolve": pgettext_lazy("history", "Ghi nhận đã giải quyết"),
        "difficulty.direct": pgettext_lazy("history", "UBND tỉnh chỉ đạo xử lý"),
        "direction.create": pgettext_lazy("history", "Ghi nhận chỉ đạo của UBND tỉnh"),
        "direction.complete": pgettext_lazy("history", "Hoàn thành chỉ đạo"),
        "feedback.moderate": pgettext_lazy("history", "Kiểm duyệt góp ý"),
        "feedback.answer": pgettext_lazy("history", "Trả lời góp ý"),
    }
)
