"""Failed log-ins are limited twice (django-axes): per user name and address (AXES_FAILURE_LIMIT,
the lock a person who mistypes meets) and per address across all user names
(CHISO_LOGIN_ADDRESS_LIMIT, which stops one machine trying a password on many accounts)."""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class UserAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """Failures of this user name from this address, raised to the lock-out level when the
        address as a whole has failed CHISO_LOGIN_ADDRESS_LIMIT times within the cool-off."""
        own: int = super().get_failures(request, credentials)
        from_address = AccessAttempt.objects.filter(
            ip_address=getattr(request, "axes_ip_address", None),
            attempt_time__gte=get_cool_off_threshold(request),
        ).aggregate(n=Sum("failures_since_start"))["n"]
        if (from_address or 0) >= settings.CHISO_LOGIN_ADDRESS_LIMIT:
            return max(own, int(get_failure_limit(request, credentials)))
        return own
