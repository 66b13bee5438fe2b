"""The admin is chiso's own (named, Vietnamese, greets by full name), linked from the app for
administrators only, and shows workflow records (reports, assignments, notifications, audit
entries) without letting anyone add, change or delete them there."""

import pytest
from django.test import Client

from chiso.accounts.models import Role


@pytest.fixture
def admin_client(province, make_user, client: Client) -> Client:
    user = make_user("admin", Role.ADMIN, province)
    user.is_staff = user.is_superuser = True
    user.last_name, user.first_name = "Quản trị hệ", "Thống"
    user.save()
    client.force_login(user)
    return client


def test_the_admin_is_branded_vietnamese_and_greets_by_full_name(admin_client: Client) -> None:
    body = admin_client.get("/quan-tri/").content.decode()
    assert "chiso — Quản trị hệ thống" in body
    assert "Django" not in body.split("<body")[1].split("</header>")[0]
    assert "Quản trị hệ Thống" in body
    assert "Chống dò mật khẩu" in body and "Access attempts" not in body


@pytest.mark.parametrize(
    "model",
    ["plans/progressreport", "plans/assignment", "notifications/notification", "audit/auditentry"],
)
def test_workflow_records_are_read_only(admin_client: Client, model: str) -> None:
    assert admin_client.get(f"/quan-tri/{model}/").status_code == 200
    assert admin_client.get(f"/quan-tri/{model}/add/").status_code == 403


def test_only_administrators_see_the_admin_link(admin_client: Client, province, make_user) -> None:
    assert 'data-testid="admin-link"' in admin_client.get("/").content.decode()
    officer = Client()
    officer.force_login(make_user("nhatrang", Role.AGENCY_OFFICER, province))
    assert 'data-testid="admin-link"' not in officer.get("/").content.decode()
