"""Tokens: only a hash is stored, bearer auth works until revoked, the command, the audit log."""

from __future__ import annotations

import hashlib
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from chiso.api.models import ApiToken
from chiso.api.tokens import create_token, revoke_token
from chiso.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_create_stores_only_hash_and_prefix(world: Any) -> None:
    issued = create_token(world.users["officer_a"], "một cửa")
    token = ApiToken.objects.get(pk=issued.token.pk)
    assert issued.secret.startswith("chiso_") and len(issued.secret) > 40
    assert token.token_hash == hashlib.sha256(issued.secret.encode()).hexdigest()
    assert token.prefix == issued.secret[:12]
    stored = [str(v) for v in ApiToken.objects.values_list(flat=False).get(pk=token.pk)]
    assert issued.secret not in stored
    entry = AuditEntry.objects.get(action="api_token.create")
    assert entry.changes["user"] == [None, "nhatrang"]
    assert entry.province == world.home.province


def test_bearer_token_authenticates_until_revoked(world: Any) -> None:
    issued = create_token(world.users["officer_a"])
    headers = {"Authorization": f"Bearer {issued.secret}"}
    response = Client().get("/api/v1/assignments/", headers=headers)
    assert response.status_code == 200
    assert [a["agency"]["name"] for a in response.json()["results"]] == ["UBND thành phố Nha Trang"]
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None

    revoke_token(issued.token, actor=world.users["admin"])
    response = Client().get("/api/v1/assignments/", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert AuditEntry.objects.filter(action="api_token.revoke", actor=world.users["admin"]).exists()


def test_revoking_twice_is_refused(world: Any) -> None:
    issued = create_token(world.users["officer_a"])
    revoke_token(issued.token)
    with pytest.raises(Exception, match="đã bị thu hồi"):
        revoke_token(issued.token)


@pytest.mark.parametrize(
    "header", ["Bearer chiso_not-a-real-token", "Bearer ", "Basic dXNlcjpwdw==", "Token abc"]
)
def test_bad_authorization_header_is_401_even_with_a_session(world: Any, header: str) -> None:
    client = Client()
    client.force_login(world.users["coordinator"])
    response = client.get("/api/v1/plans/", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_token_of_deactivated_user_is_refused(world: Any) -> None:
    user = world.users["officer_a"]
    issued = create_token(user)
    user.is_active = False
    user.save()
    response = Client().get("/api/v1/plans/", headers={"Authorization": f"Bearer {issued.secret}"})
    assert response.status_code == 401


def test_command_create_list_revoke(world: Any) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "token", "create", "nhatrang", "--name", "phần mềm một cửa", stdout=out, stderr=err
    )
    secret = out.getvalue().strip()
    assert secret.startswith("chiso_")
    assert "chỉ hiện một lần" in err.getvalue()
    token = ApiToken.objects.get()
    assert token.name == "phần mềm một cửa"

    out = StringIO()
    call_command("token", "list", stdout=out)
    listing = out.getvalue()
    assert token.prefix in listing and "nhatrang" in listing and "đang dùng" in listing
    assert secret not in listing

    out = StringIO()
    call_command("token", "revoke", token.prefix, stdout=out)
    assert "Đã thu hồi" in out.getvalue()
    token.refresh_from_db()
    assert token.revoked and token.revoked_at is not None


def test_command_errors_are_clear(world: Any) -> None:
    with pytest.raises(CommandError, match="Không có người dùng “ai-do”"):
        call_command("token", "create", "ai-do")
    with pytest.raises(CommandError, match="Không tìm thấy đúng một mã"):
        call_command("token", "revoke", "999")
