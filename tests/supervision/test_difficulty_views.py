"""The difficulty pages: raising from the report form and on its own, the list's filters, the
item page's actions for each role, and 404 for outsiders."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chiso.supervision import services
from chiso.supervision.models import Difficulty, State

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def item_of(world: Any) -> Difficulty:
    return services.raise_difficulty(
        world.officer_nt, world.plan, title="Thiếu kinh phí", text="Chưa có kinh phí."
    )


def test_report_form_has_the_difficulty_field_and_raises_one(world: Any) -> None:
    client = client_for(world.officer_nt)
    url = reverse("plans:report-submit", args=[world.assignment.pk])
    page = client.get(reverse("plans:assignment-detail", args=[world.assignment.pk]))
    assert 'name="difficulty"' in page.content.decode()
    response = client.post(
        url, {"narrative": "Đã làm 3/5.", "progress": "60", "difficulty": "Thiếu bảng niêm yết"}
    )
    assert response.status_code == 302
    item = Difficulty.objects.get()
    assert (item.title, item.report.assignment) == ("Thiếu bảng niêm yết", world.assignment)


def test_raise_on_its_own(world: Any) -> None:
    client = client_for(world.officer_nt)
    url = reverse("supervision:difficulty-create") + f"?ke-hoach={world.plan.pk}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "assignment": world.assignment.pk,
            "title": "Chưa rõ mẫu bảng",
            "text": "Đề nghị hướng dẫn mẫu.",
            "unit_codes": ["2.4"],
        },
    )
    item = Difficulty.objects.get()
    assert response.url == reverse("supervision:difficulty-detail", args=[item.pk])
    bad = client.post(url, {"title": "", "text": "x", "due_on": "31/02/2023"})
    assert bad.status_code == 200
    assert "ngày/tháng/năm" in bad.content.decode()


def test_list_filters_and_scoping(world: Any, outsider: Any) -> None:
    item = item_of(world)
    services.escalate(world.coordinator, item, proposal="Đề nghị.", version=None)
    url = reverse("supervision:difficulty-list")
    for user in (world.coordinator, world.leadership, world.supervisor, world.officer_nt):
        body = client_for(user).get(url + "?loc=escalated").content.decode()
        assert "Thiếu kinh phí" in body, user
    assert (
        "Thiếu kinh phí"
        not in client_for(world.officer_nt).get(url + "?loc=resolved").content.decode()
    )
    assert (
        "Thiếu kinh phí" not in client_for(world.officer_cr).get(url + "?loc=all").content.decode()
    )
    assert client_for(outsider).get(url).status_code == 404  # no plan in their province
    detail = reverse("supervision:difficulty-detail", args=[item.pk])
    assert client_for(outsider).get(detail).status_code == 404
    assert client_for(world.officer_cr).get(detail).status_code == 404


def test_item_page_offers_each_role_its_actions(world: Any) -> None:
    item = item_of(world)
    detail = reverse("supervision:difficulty-detail", args=[item.pk])
    coordinator = client_for(world.coordinator).get(detail).content.decode()
    for testid in ("answer-form", "escalate-form", "hand-over-form", "resolve-form"):
        assert f'data-testid="{testid}"' in coordinator
    officer = client_for(world.officer_nt).get(detail).content.decode()
    assert 'data-testid="resolve-form"' in officer
    assert 'data-testid="escalate-form"' not in officer
    leader = client_for(world.leadership).get(detail).content.decode()
    assert '<form method="post" action="/giam-sat' not in leader


def test_escalate_and_stale_version(world: Any) -> None:
    item = item_of(world)
    client = client_for(world.coordinator)
    url = reverse("supervision:difficulty-escalate", args=[item.pk])
    stale = client.post(url, {"version": item.version + 5, "proposal": "Đề nghị."})
    assert stale.status_code == 400
    assert "Người khác đã lưu" in stale.content.decode()
    empty = client.post(url, {"version": item.version, "proposal": ""})
    assert empty.status_code == 400
    done = client.post(url, {"version": item.version, "proposal": "Đề nghị chỉ đạo."})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.state == State.ESCALATED
    assert client_for(world.officer_nt).post(url, {"version": item.version}).status_code == 403


def test_home_panel_counts(world: Any) -> None:
    item_of(world)
    body = client_for(world.coordinator).get(reverse("home")).content.decode()
    assert 'data-testid="sv-open">1<' in body


def test_dashboard_lists_open_overdue_escalated(world: Any) -> None:
    item = item_of(world)
    services.escalate(world.coordinator, item, proposal="Đề nghị.", version=None)
    body = (
        client_for(world.leadership)
        .get(reverse("dashboards:plan", args=[world.plan.pk]))
        .content.decode()
    )
    assert 'data-testid="dashboard-supervision"' in body
    assert 'data-testid="sv-escalated">1<' in body
