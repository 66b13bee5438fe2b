"""Difficulties, directions and the Front's recommendations in the consolidated report's Parts IV
and VI (chiso.supervision on the demo, all illustrative): the nine-month report of 2023 as of
15/08/2023 names what is still open; as of 09/08/2023 the land difficulty still waits for the
People's Committee, so Part VI asks for a direction; an item's state is read as of the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from chiso.accounts.models import User
from chiso.documents.consolidated_service import Sources, create_draft
from chiso.plans.models import Plan
from chiso.supervision.models import Difficulty, State

AUGUST = dt.date(2023, 8, 15)
MINH_HOA = " (minh họa)"


@pytest.fixture
def demo(settings: Any) -> Iterator[Plan]:
    from chiso.demo import activities2023, loop2023, organisations, plan2023, supervision2023

    settings.CHISO_TODAY = AUGUST.isoformat()
    for step in (organisations, plan2023, activities2023, loop2023, supervision2023):
        step.load(lambda line: None)
    yield Plan.objects.get(number=plan2023.NUMBER)


def _draft(plan: Plan, day: dt.date) -> Any:
    # No published results: the weak units' facts stay out, the supervision facts are the point.
    return create_draft(User.objects.get(username="sonoivu"), plan, "nine", Sources(None, day))


def _lines(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(w in line for w in words)]


@pytest.mark.django_db
def test_the_nine_month_report_names_what_is_still_open(demo: Plan) -> None:
    draft = _draft(demo, AUGUST)
    assert (
        "Trong kỳ, các cơ quan, đơn vị, địa phương nêu 4 khó khăn, vướng mắc, đã giải quyết 2; "
        "đến ngày 15/08/2023 còn 2 khó khăn, vướng mắc chưa được giải quyết, trong đó 1 quá hạn "
        "xử lý." in draft.limitations.splitlines()
    )
    assert _lines(draft.limitations, "Khó khăn, vướng mắc của") == [
        "Khó khăn, vướng mắc của UBND thành phố Cam Ranh (20/07/2023): Thiếu cán bộ cập nhật "
        "thông tin công khai trên trang điện tử cấp xã" + MINH_HOA + "; chưa được xử lý, đã "
        "quá hạn (hạn 04/08/2023).",
        "Khó khăn, vướng mắc của UBND thành phố Cam Ranh (25/07/2023): Chưa có hướng dẫn công "
        "khai khung giá đền bù tại xã, phường" + MINH_HOA + "; UBND tỉnh đã chỉ đạo tại Văn bản "
        "số 7012/UBND-KSTT ngày 10/08/2023, đang thực hiện (hạn 15/09/2023).",
    ]
    assert _lines(draft.limitations, "Kiến nghị giám sát của") == [
        "Kiến nghị giám sát của Ủy ban MTTQ Việt Nam tỉnh tới UBND thành phố Cam Ranh "
        "(28/07/2023): Niêm yết Bộ khung nhiệm vụ cả tại nhà văn hóa tổ dân phố" + MINH_HOA + "; "
        "UBND thành phố Cam Ranh đã trả lời ngày 08/08/2023, chưa giải quyết xong.",
        "Kiến nghị giám sát của Ủy ban MTTQ Việt Nam tỉnh tới UBND thành phố Nha Trang "
        "(10/08/2023): Nâng cao chất lượng hoạt động Ban Thanh tra nhân dân phường"
        + MINH_HOA
        + "; đang chờ UBND thành phố Nha Trang xử lý (hạn 15/09/2023).",
    ]
    # Resolved items are counted, not listed.
    assert "Thiếu kinh phí in" not in draft.limitations
    assert "Chưa rõ mẫu báo cáo" not in draft.limitations
    # Sở Nội vụ's own overdue answer is a direction for itself, never a request to the committee.
    assert "Sở Nội vụ khẩn trương xử lý, trả lời các khó khăn, vướng mắc đã quá hạn." in (
        draft.directions.splitlines()
    )
    assert _lines(draft.proposals, "Đề nghị UBND tỉnh chỉ đạo xử lý khó khăn") == []
    assert "Thiếu cán bộ cập nhật" not in draft.proposals
    # The built-in facts keep their places: the late agencies' line never names Sở Nội vụ.
    assert "Sở Nội vụ" not in draft.limitations.split("quá hạn chưa hoàn thành tại")[1]


@pytest.mark.django_db
def test_as_of_the_ninth_of_august_the_committee_is_asked_to_direct(demo: Plan) -> None:
    draft = _draft(demo, dt.date(2023, 8, 9))
    assert _lines(draft.proposals, "Đề nghị UBND tỉnh chỉ đạo xử lý khó khăn") == [
        "Đề nghị UBND tỉnh chỉ đạo xử lý khó khăn, vướng mắc của UBND thành phố Cam Ranh: Chưa "
        "có hướng dẫn công khai khung giá đền bù tại xã, phường" + MINH_HOA + " (đã tham mưu "
        "ngày 08/08/2023: Đề nghị UBND tỉnh giao Sở TN&MT hướng dẫn thống nhất).",
    ]
    assert _lines(draft.limitations, "khung giá đền bù", "chờ chỉ đạo")
    # The Nha Trang recommendation (10/08) and the later steps are not known yet.
    assert "Ban Thanh tra nhân dân" not in draft.limitations
    assert "7012/UBND-KSTT" not in draft.limitations


@pytest.mark.django_db
def test_an_items_state_on_a_day(demo: Plan) -> None:
    funds = Difficulty.objects.select_related("direction").get(title__startswith="Thiếu kinh phí")
    assert [funds.state_on(dt.date(2023, 6, day)) for day in (19, 20, 26)] == [
        State.OPEN,  # not yet raised: the caller filters by raised_on
        State.OPEN,
        State.ESCALATED,
    ]
    assert funds.state_on(dt.date(2023, 7, 3)) == State.DIRECTED
    assert funds.state_on(dt.date(2023, 8, 6)) == State.DIRECTED
    assert funds.state_on(AUGUST) == State.RESOLVED == funds.state
    form = Difficulty.objects.select_related("direction").get(title__startswith="Chưa rõ mẫu")
    assert [form.state_on(dt.date(2023, 7, d)) for d in (6, 7, 10)] == [
        State.OPEN,
        State.ANSWERED,
        State.RESOLVED,
    ]
    # Handed over after the answer: it reads "open" again, never past its current state.
    Difficulty.objects.filter(pk=form.pk).update(state=State.OPEN)
    form.refresh_from_db()
    assert form.state_on(AUGUST) == State.OPEN
