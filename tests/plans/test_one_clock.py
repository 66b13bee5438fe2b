"""One clock (issue 14, item 6): plan work done during a replay carries the replayed day."""

from __future__ import annotations

import datetime as dt

from django.test import override_settings
from django.utils import timezone

from chiso.audit.models import AuditEntry
from chiso.notifications.models import Notification
from chiso.plans import services
from chiso.plans.models import ProgressReport
from chiso.site import clock


def test_now_is_the_real_time_of_day_on_the_pinned_day():
    with override_settings(CHISO_TODAY="2023-08-15"):
        stamped = clock.now()
    real = timezone.localtime()
    local = timezone.localtime(stamped)
    assert local.date() == dt.date(2023, 8, 15)
    assert abs(
        dt.datetime.combine(real.date(), local.time()) - real.replace(tzinfo=None)
    ) < dt.timedelta(minutes=1)
    with override_settings(CHISO_TODAY=""):
        assert timezone.localtime(clock.now()).date() == timezone.localdate()


def test_a_report_its_review_history_and_notices_carry_the_replayed_day(world, district_task):
    # tests/plans' fixtures pin today to 15/08/2023, as the demo does.
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="x", progress=40)
    services.review_report(world.coordinator, report, accept=True, version=report.version)
    report = ProgressReport.objects.get(pk=report.pk)
    replayed = dt.date(2023, 8, 15)
    assert timezone.localdate(report.submitted_at) == replayed
    assert timezone.localdate(report.reviewed_at) == replayed
    assert {timezone.localdate(at) for at in AuditEntry.objects.values_list("at", flat=True)} == {
        replayed
    }
    days = {timezone.localdate(n.created_at) for n in Notification.objects.all()}
    assert days == {replayed}


def test_a_site_clock_field_migrates_as_a_plain_datetime_field():
    field = ProgressReport._meta.get_field("submitted_at")
    assert isinstance(field, clock.SiteClockDateTimeField)
    assert field.deconstruct()[1] == "django.db.models.DateTimeField"
