"""Limits on citizens' feedback from one address, needing no third-party service.

The address is never stored: only a keyed hash of it (HMAC-SHA256 with SECRET_KEY), enough to
count an address's recent posts across processes and machines (the count is a database query,
not a per-process cache). The address is the one `chiso.accounts.throttling` (django-axes) uses
for failed log-ins, so a proxy in front (CHISO_PROXY_IPS) is handled the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from chiso.supervision.models import Feedback

# Posts one address may make: a few an hour (a person with several remarks), a day's ceiling.
PER_HOUR = 5
PER_DAY = 20


def address_key(request: HttpRequest) -> str:
    address = get_client_ip_address(request) or "unknown"
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"feedback:{address}".encode(), hashlib.sha256).hexdigest()


def allowed(key: str) -> bool:
    """Whether this address may post now (its posts of the last hour and day, any province), by
    the machine's clock: a replayed day (CHISO_TODAY) must not make old posts look recent."""
    now = timezone.now()
    recent = Feedback.objects.filter(address_key=key, sent_at__gte=now - dt.timedelta(days=1))
    if recent.count() >= PER_DAY:
        return False
    return recent.filter(sent_at__gte=now - dt.timedelta(hours=1)).count() < PER_HOUR
