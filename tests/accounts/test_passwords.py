"""Password change and reset, and what ends with the old password: every other session and
every API token of the person — whichever way the password was set, or the account locked."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client

from chiso.accounts.models import Role, User, UserSession
from chiso.api.models import ApiToken
from chiso.api.tokens import create_token
from chiso.audit.models import AuditEntry

NEW = "Mật-khẩu-mới-2026!"


@pytest.fixture
def officer(province: Any, make_user: Any) -> User:
    user = make_user("camranh", Role.AGENCY_OFFICER, province)
    user.email = "camranh@khanhhoa.gov.vn"
    user.save()
    return user


def logged_in(user: User) -> Client:
    client = Client()
    response = client.post("/dang-nhap/", {"username": user.username, "password": "chiso-test-pw"})
    assert response.status_code == 302
    return client


def signed_in(client: Client) -> bool:
    return bool(client.get("/").context["user"].is_authenticated)


def api_works(secret: str) -> bool:
    response = Client().get("/api/v1/assignments/", headers={"Authorization": f"Bearer {secret}"})
    return response.status_code == 200


def test_password_change_keeps_this_session_and_ends_the_others(officer: User) -> None:
    here, elsewhere = logged_in(officer), logged_in(officer)
    issued = create_token(officer, "máy chủ báo cáo")
    assert UserSession.objects.filter(user=officer).count() == 2

    response = here.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": "chiso-test-pw", "new_password1": NEW, "new_password2": NEW},
    )

    assert response.status_code == 302 and response["Location"] == "/tai-khoan/doi-mat-khau/xong/"
    assert signed_in(here)
    assert not signed_in(elsewhere)
    assert UserSession.objects.filter(user=officer).count() == 1
    assert not api_works(issued.secret)
    assert ApiToken.objects.get(pk=issued.token.pk).revoked
    assert AuditEntry.objects.filter(action="user.password_set").count() == 1
    assert AuditEntry.objects.get(action="api_token.revoke").note == "password"


def test_password_change_needs_the_old_password(officer: User) -> None:
    client = logged_in(officer)
    issued = create_token(officer)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    assert api_works(issued.secret)


def test_password_reset_by_mail_link(officer: User, settings: Any) -> None:
    settings.CHISO_SITE_URL = "https://chiso.khanhhoa.gov.vn"
    elsewhere = logged_in(officer)
    issued = create_token(officer)

    response = Client().post(
        "/tai-khoan/quen-mat-khau/",
        {"email": "CAMRANH@khanhhoa.gov.vn"},
        headers={"Host": "localhost"},
    )
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["camranh@khanhhoa.gov.vn"]
    assert message.subject == "Đặt lại mật khẩu chiso"
    site = re.escape("https://chiso.khanhhoa.gov.vn")
    link = re.search(site + r"(/tai-khoan/dat-lai-mat-khau/\S+)", message.body)
    assert link, message.body  # built from CHISO_SITE_URL, not the request's Host

    browser = Client()
    form_page = browser.get(link.group(1), follow=True)
    assert form_page.context["validlink"]
    done = browser.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"

    officer.refresh_from_db()
    assert officer.check_password(NEW)
    assert not signed_in(elsewhere)
    assert not api_works(issued.secret)
    # The link works once.
    assert not Client().get(link.group(1), follow=True).context["validlink"]


def test_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(officer: User) -> None:
    response = Client().post("/tai-khoan/quen-mat-khau/", {"email": "ai-do@example.vn"})
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert mail.outbox == []


def test_admin_setting_a_password_revokes_tokens_and_sessions(
    officer: User, make_user: Any
) -> None:
    admin = make_user("quantri", Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    elsewhere = logged_in(officer)
    issued = create_token(officer)
    client = Client()
    client.force_login(admin)

    response = client.post(
        f"/quan-tri/accounts/user/{officer.pk}/password/",
        {"password1": NEW, "password2": NEW, "usable_password": "true"},
    )

    assert response.status_code == 302
    assert not signed_in(elsewhere)
    assert not api_works(issued.secret)


def test_command_line_password_change_revokes_tokens(officer: User) -> None:
    issued = create_token(officer)
    officer.set_password(NEW)
    officer.save()
    assert not api_works(issued.secret)


def test_deactivating_an_account_ends_sessions_and_tokens_for_good(officer: User) -> None:
    elsewhere = logged_in(officer)
    issued = create_token(officer)

    officer.is_active = False
    officer.save()
    officer.is_active = True  # unlocked again later: the old session and token stay dead
    officer.save()

    assert not signed_in(elsewhere)
    assert not api_works(issued.secret)
    assert not UserSession.objects.filter(user=officer).exists()


def test_a_login_that_upgrades_the_password_hash_revokes_nothing(officer: User) -> None:
    User.objects.filter(pk=officer.pk).update(
        password=make_password("chiso-test-pw", hasher="pbkdf2_sha256")
    )
    issued = create_token(officer)
    first = logged_in(officer)
    logged_in(officer)  # the first log-in re-hashed the password with Argon2

    officer.refresh_from_db()
    assert officer.password.startswith("argon2")
    assert signed_in(first)
    assert api_works(issued.secret)


def test_password_pages_are_reached_from_login_page_and_user_menu(officer: User) -> None:
    login_page = Client().get("/dang-nhap/").content.decode()
    assert 'href="/tai-khoan/quen-mat-khau/"' in login_page
    home = logged_in(officer).get("/").content.decode()
    assert 'href="/tai-khoan/doi-mat-khau/"' in home


def test_password_pages_in_english(officer: User) -> None:
    client = logged_in(officer)
    client.post("/i18n/setlang/", {"language": "en"})
    page = client.get("/tai-khoan/doi-mat-khau/").content.decode()
    assert "Change password" in page


def test_the_login_page_shows_the_sites_name_not_the_host() -> None:
    page = Client().get("/dang-nhap/", headers={"Host": "localhost"}).content.decode()
    assert '<span class="brand__name">chiso — Chỉ số quản trị</span>' in page
