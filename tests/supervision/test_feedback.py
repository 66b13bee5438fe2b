"""Citizens' feedback: the public form (honeypot, size, rate limit, escaping, provinces), the
moderation queue, answers published next to the task, counts per commune and PAPI unit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chiso.accounts.models import AgencyKind
from chiso.plans.models import Plan, Task
from chiso.supervision import services, throttle
from chiso.supervision.feedback_counts import feedback_counts
from chiso.supervision.models import Feedback, FeedbackState
from chiso.supervision.services import SupervisionError

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(world: Any) -> Any:
    world.plan.is_public = True
    world.plan.save()
    return world


def form_url(world: Any, task: Any = None) -> str:
    url = reverse("feedback:form", args=[world.plan.pk])
    return url + (f"?nhiem-vu={task.pk}" if task is not None else "")


def post(client: Client, url: str, **data: Any) -> Any:
    return client.post(url, {"text": "Bảng niêm yết bị che khuất.", **data})


def test_a_post_waits_for_moderation_and_keeps_no_address(public: Any) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    response = post(client, form_url(public, public.task), contact="0905 000 000")
    assert response.status_code == 302
    item = Feedback.objects.get()
    assert (item.state, item.task, item.unit_codes) == (FeedbackState.PENDING, public.task, ["2.4"])
    assert "203.0.113.7" not in item.address_key and len(item.address_key) == 64
    page = client.get(response.url).content.decode()
    assert 'data-testid="feedback-sent"' in page
    assert "0905" not in page and "Bảng niêm yết bị che khuất" not in page  # not yet published


def test_honeypot_is_told_sent_and_nothing_is_stored(public: Any) -> None:
    response = post(Client(), form_url(public, public.task), website="http://spam.example")
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_size_limits(public: Any) -> None:
    client = Client()
    assert post(client, form_url(public, public.task), text="x" * 1001).status_code == 400
    huge = client.post(form_url(public, public.task), {"text": "x" * 20_000})
    assert huge.status_code == 413
    assert post(client, form_url(public, public.task), contact="x" * 121).status_code == 400
    assert not Feedback.objects.exists()


def test_rate_limit_per_address(public: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")
    codes = [
        post(client, form_url(public, public.task)).status_code
        for _ in range(throttle.PER_HOUR + 2)
    ]
    assert codes == [302] * throttle.PER_HOUR + [429, 429]
    assert Feedback.objects.count() == throttle.PER_HOUR
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert post(other, form_url(public, public.task)).status_code == 302


def test_a_post_is_received_on_the_sites_day_and_throttled_by_the_real_clock(
    public: Any, settings: Any
) -> None:
    """During a replay (CHISO_TODAY) a post is received on the replayed day, as every record of
    plan work is (chiso.site.clock); the throttle counts by the machine's clock, so posts sent
    on earlier real days — all "received" on that one day — no longer hold the address back."""
    settings.CHISO_TODAY = "2023-08-15"
    client = Client(REMOTE_ADDR="198.51.100.9")
    before = timezone.now()
    codes = [
        post(client, form_url(public, public.task)).status_code
        for _ in range(throttle.PER_HOUR + 1)
    ]
    assert codes == [302] * throttle.PER_HOUR + [429]
    after = timezone.now()
    for item in Feedback.objects.all():
        assert timezone.localtime(item.received_at).date() == dt.date(2023, 8, 15)
        assert before <= item.sent_at <= after
    # The staff list shows the replayed day.
    staff = Client()
    staff.force_login(public.coordinator)
    page = staff.get(reverse("supervision:feedback-list")).content.decode()
    assert page.count('data-label="Ngày gửi">15/08/2023 ') == throttle.PER_HOUR
    # Those posts were sent two real days ago: the address may post again.
    Feedback.objects.update(sent_at=F("sent_at") - dt.timedelta(days=2))
    assert post(client, form_url(public, public.task)).status_code == 302


def test_only_public_plans_and_their_own_tasks_and_communes(
    public: Any, other_province: Any, make_agency: Any
) -> None:
    client = Client()
    away_plan = Plan.objects.create(
        province=other_province, number="1", title="x", year=2023, baseline_year=2022
    )
    assert client.get(reverse("feedback:form", args=[away_plan.pk])).status_code == 404
    away_task = Task.objects.create(province=other_province, plan=away_plan, title="y")
    # A task of another plan is ignored (the post must then name a commune).
    assert post(client, form_url(public, away_task)).status_code == 400
    away_commune = make_agency(other_province, "UBND phường X", AgencyKind.COMMUNE_COMMITTEE)
    assert post(client, form_url(public), commune=away_commune.pk).status_code == 400
    assert post(client, form_url(public), commune=public.vinh_hai.pk).status_code == 302
    assert Feedback.objects.get().province == public.province
    public.plan.is_public = False
    public.plan.save()
    assert client.get(form_url(public)).status_code == 404


def test_html_is_escaped_when_published(public: Any) -> None:
    post(Client(), form_url(public, public.task), text="<script>alert(1)</script> <b>đậm</b>")
    item = services.moderate(public.coordinator, Feedback.objects.get(), accept=True, version=None)
    services.answer_feedback(
        public.officer_nt,
        item,
        answer="<img src=x onerror=alert(1)>Đã xử lý",
        publish=True,
        version=None,
    )
    page = Client().get(form_url(public, public.task)).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;Đã xử lý" in page


def test_moderation_answer_and_publication(public: Any, outsider: Any) -> None:
    item = services.post_feedback(
        public.plan, text="Chưa thấy niêm yết", task=public.task, contact="a@b.vn", address_key="k"
    )
    with pytest.raises(PermissionDenied):
        services.moderate(public.officer_nt, item, accept=True, version=None)
    with pytest.raises(PermissionDenied):
        services.answer_feedback(public.coordinator, item, answer="x", publish=True, version=None)
    item = services.moderate(public.coordinator, item, accept=True, version=None)
    for user in (public.officer_cr, public.leadership, outsider):
        with pytest.raises(PermissionDenied):
            services.answer_feedback(user, item, answer="x", publish=True, version=None)
    with pytest.raises(SupervisionError):
        services.answer_feedback(public.officer_nt, item, answer=" ", publish=True, version=None)
    item = services.answer_feedback(
        public.officer_nt, item, answer="Đã niêm yết bổ sung.", publish=True, version=None
    )
    assert (item.state, item.answering_agency) == (FeedbackState.ANSWERED, public.nhatrang)
    page = Client().get(form_url(public, public.task)).content.decode()
    assert "Đã niêm yết bổ sung." in page and "Chưa thấy niêm yết" in page
    assert "a@b.vn" not in page


def test_staff_pages_and_counts(public: Any) -> None:
    services.post_feedback(
        public.plan, text="A", task=public.task, commune=public.vinh_hai, address_key="k"
    )
    spam = services.post_feedback(
        public.plan, text="spam", commune=public.cam_nghia, address_key="k"
    )
    services.moderate(public.coordinator, spam, accept=False, version=None)
    counts = feedback_counts(Feedback.objects.all(), 2023)
    assert (counts.total, counts.waiting, counts.by_commune) == (
        1,
        1,
        [("UBND phường Vĩnh Hải", 1)],
    )
    assert counts.by_unit[0][1] == 1 and counts.by_unit[0][0].startswith("2.4")
    coordinator = Client()
    coordinator.force_login(public.coordinator)
    body = coordinator.get(reverse("supervision:feedback-list")).content.decode()
    assert 'data-testid="feedback-counts"' in body and "UBND phường Vĩnh Hải" in body
    officer = Client()
    officer.force_login(public.officer_cr)  # Cam Ranh: only its own commune's posts
    body = officer.get(
        reverse("supervision:feedback-list") + "?trang-thai=rejected"
    ).content.decode()
    assert "spam" in body
    assert officer.get(reverse("supervision:feedback-detail", args=[spam.pk])).status_code == 200
    first = Feedback.objects.exclude(pk=spam.pk).get()
    assert officer.get(reverse("supervision:feedback-detail", args=[first.pk])).status_code == 404


def test_the_limit_is_per_address_whatever_the_province(
    public: Any, other_province: Any, make_agency: Any
) -> None:
    away_plan = Plan.objects.create(
        province=other_province,
        number="1",
        title="x",
        year=2023,
        baseline_year=2022,
        is_public=True,
    )
    away_task = Task.objects.create(province=other_province, plan=away_plan, title="y")
    client = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(throttle.PER_HOUR):
        assert post(client, form_url(public, public.task)).status_code == 302
    away_url = reverse("feedback:form", args=[away_plan.pk]) + f"?nhiem-vu={away_task.pk}"
    assert post(client, away_url).status_code == 429
    assert not Feedback.objects.filter(province=other_province).exists()
    # A published answer shows on its own province's page only.
    item = services.moderate(
        public.coordinator, Feedback.objects.first(), accept=True, version=None
    )
    services.answer_feedback(
        public.coordinator, item, answer="Đã niêm yết bổ sung.", publish=True, version=None
    )
    assert "Đã niêm yết bổ sung." in Client().get(form_url(public)).content.decode()
    assert "Đã niêm yết bổ sung." not in Client().get(away_url).content.decode()
