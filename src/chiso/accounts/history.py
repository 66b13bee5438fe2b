"""The audit actions of accounts, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "user.password_set": pgettext_lazy("history", "Đặt mật khẩu mới"),
        "user.sessions_ended": pgettext_lazy("history", "Kết thúc các phiên đăng nhập"),
    }
)
