"""Today's date for everything that depends on it (deadlines, statuses, reminders).

A deployment may pin it with CHISO_TODAY=YYYY-MM-DD: the demo replays the 2023 plan "as of"
a day in 2023, and tests pin it the same way (override_settings(CHISO_TODAY=...)).
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    pinned = getattr(settings, "CHISO_TODAY", None)
    if pinned:
        return pinned if isinstance(pinned, dt.date) else dt.date.fromisoformat(str(pinned))
    return timezone.localdate()
