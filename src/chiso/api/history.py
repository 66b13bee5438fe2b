"""The audit actions of API tokens, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "api_token.create": pgettext_lazy("history", "Cấp mã truy cập API"),
        "api_token.revoke": pgettext_lazy("history", "Thu hồi mã truy cập API"),
    }
)
