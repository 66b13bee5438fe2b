"""Permission-matrix rows for the documents pages that edit words and registers (picked up by
tests/test_permission_matrix.py): coordinators and administrators of the province only."""

from __future__ import annotations

from typing import Any

from tests.test_permission_matrix import (
    COORDINATOR_PAGE,
    DENIED,
    FOUND,
    INVALID,
    LOGIN,
    MISSING,
    OK,
    Row,
    expect,
)

SAVED = expect(DENIED, admin=FOUND, coordinator=FOUND, anonymous=LOGIN, other_province=MISSING)


def extend_world(world: Any) -> None:
    from chiso.documents.models import RecipientList

    world.extra["recipient_list"] = RecipientList.objects.create(
        province=world.home.plan.province, name="Nơi nhận kế hoạch", lines="Sở Nội vụ\nLưu: VT"
    )
    _register_entry(world)
    _consolidated_draft(world)


def _list(world: Any) -> dict[str, Any]:
    return {"list_id": world.extra["recipient_list"].pk}


def _plan(world: Any) -> dict[str, Any]:
    return {"plan_id": world.home.plan.pk}


ROWS: list[Row] = [
    Row("documents:plan-words", COORDINATOR_PAGE, _plan),
    Row(
        "documents:plan-words",
        SAVED,
        _plan,
        method="POST",
        data=lambda w: {"purpose": "Nâng cao hiệu quả quản trị", "closing": "Trên đây./."},
    ),
    Row(
        "documents:recipients",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, other_province=OK),
    ),
    Row("documents:recipient-list", COORDINATOR_PAGE, _list),
    Row(
        "documents:recipient-list",
        SAVED,
        _list,
        method="POST",
        data=lambda w: {"action": "delete"},
        label="delete",
    ),
]


def _register_entry(world: Any) -> None:
    import datetime as dt

    from django.core.files.base import ContentFile

    from chiso.documents.models import RegisterEntry

    plan = world.home.plan
    world.extra["register_entry"] = RegisterEntry.objects.create(
        province=plan.province,
        year=2023,
        symbol="KH-UBND",
        seq=1,
        number="1/KH-UBND",
        kind="plan",
        fmt="docx",
        plan=plan,
        summary="Kế hoạch",
        issued_on=dt.date(2023, 5, 26),
        signer="A",
        signer_title="CHỦ TỊCH",
        issued_by=world.users["coordinator"],
        filename="1-KH-UBND-ke-hoach-2023.docx",
    )
    world.extra["register_entry"].file.save("k.docx", ContentFile(b"PK frozen"), save=True)


ROWS += [
    Row(
        "documents:register",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK, other_province=OK),
    ),
    Row(
        "documents:register-download",
        expect(MISSING, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK),
        lambda w: {"entry_id": w.extra["register_entry"].pk},
    ),
]


def _consolidated_draft(world: Any) -> None:
    import datetime as dt

    from chiso.documents.models import ConsolidatedDraft

    plan = world.home.plan
    world.extra["consolidated_draft"] = ConsolidatedDraft.objects.create(
        province=plan.province,
        plan=plan,
        period_kind="nine",
        starts_on=dt.date(plan.year, 1, 1),
        ends_on=dt.date(plan.year, 9, 30),
        created_by=world.users["coordinator"],
    )


def _draft(world: Any) -> dict[str, Any]:
    return {"draft_id": world.extra["consolidated_draft"].pk}


# The consolidated report: the province's coordinators and administrators write it, leadership
# reads it; other provinces' users see their own (empty) list and none of this province's drafts.
PROVINCE_READERS = expect(
    DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK, other_province=MISSING
)
PROVINCE_WRITERS = expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, other_province=MISSING)
ROWS += [
    Row(
        "documents:consolidated-list",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK, other_province=OK),
    ),
    Row(
        "documents:consolidated-list",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, other_province=OK),
        method="POST",
        data=lambda w: {"plan": "", "period_kind": "nine"},  # invalid: the form again
    ),
    Row("documents:consolidated", PROVINCE_READERS, _draft),
    Row(
        "documents:consolidated",
        PROVINCE_WRITERS,
        _draft,
        method="POST",
        data=lambda w: {"limitations": "Hạn chế"},  # no version: the form again
    ),
    Row("documents:consolidated-preview", PROVINCE_READERS, _draft),
    Row(
        "documents:consolidated-generate",
        {**PROVINCE_READERS, "admin": FOUND, "coordinator": FOUND, "leadership": FOUND},
        _draft,
        method="POST",
        data=lambda w: {"fmt": "bmp"},  # refused with a message, back to the draft
    ),
    Row(
        "documents:consolidated-issue",
        {**PROVINCE_WRITERS, "admin": INVALID, "coordinator": INVALID},
        _draft,
        method="POST",
        data=lambda w: {"fmt": "docx"},  # no signer: the form again
    ),
]
