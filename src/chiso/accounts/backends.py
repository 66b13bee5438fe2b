"""The log-in backend: Django's, fetching the user's province and agency with the user.

Nearly every page shows the province in its header and scopes its queries by the user's
agency; one joined query per request instead of three.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class UserWithAgencyBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        from chiso.accounts.models import User

        user = User._default_manager.select_related("province", "agency").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
