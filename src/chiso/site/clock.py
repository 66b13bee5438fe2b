"""Today's date and the moment of a change, for everything that depends on them (deadlines,
statuses, reminders, the dates plan work is recorded with).

A deployment may pin the day with CHISO_TODAY=YYYY-MM-DD: the demo replays the 2023 plan "as of"
a day in 2023, and tests pin it the same way (override_settings(CHISO_TODAY=...)). One clock: a
report submitted, reviewed or audited during the replay carries the replayed day (at the real
time of day), never the real date beside "Số liệu tính đến 15/08/2023" (issue 14, item 6).
Operational records (jobs, tokens, backups, imports) keep the real time: they are about the
machine, not the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


def _pinned() -> dt.date | None:
    pinned = getattr(settings, "CHISO_TODAY", None)
    if not pinned:
        return None
    return pinned if isinstance(pinned, dt.date) else dt.date.fromisoformat(str(pinned))


def today() -> dt.date:
    return _pinned() or timezone.localdate()


def now() -> dt.datetime:
    """The moment to record plan work with: the real time, on the pinned day if one is set."""
    real = timezone.now()
    pinned = _pinned()
    if pinned is None:
        return real
    local = timezone.localtime(real)
    return local.replace(year=pinned.year, month=pinned.month, day=pinned.day)


class SiteClockDateTimeField(models.DateTimeField):
    """A DateTimeField whose auto_now / auto_now_add read `now()` above instead of the real
    clock. The column is a plain DateTimeField's, so migrations describe it as one (no schema
    change, nothing to migrate when a field switches clocks)."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        if self.auto_now or (self.auto_now_add and add):
            value = now()
            setattr(model_instance, self.attname, value)
            return value
        return super().pre_save(model_instance, add)

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateTimeField", args, kwargs
