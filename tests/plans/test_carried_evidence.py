"""A report sent back and resubmitted keeps the earlier evidence files unless the agency removes
them: the form offers each file ticked and says so; the service copies only the returned
report's own files, and never deletes the stored file (the returned report keeps it)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chiso.audit.models import AuditEntry
from chiso.plans import services
from chiso.plans.models import Evidence, ProgressReport
from tests.plans.conftest import pdf_bytes, png_bytes, upload


@pytest.fixture
def returned(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(
        world.nhatrang,
        assignment,
        narrative="Đã niêm yết tại 10 xã",
        progress=50,
        files=[upload("bien-ban.pdf", pdf_bytes()), upload("anh.png", png_bytes())],
    )
    services.review_report(
        world.coordinator, report, accept=False, comment="Thiếu ảnh xã Vĩnh Lương", version=1
    )
    report.refresh_from_db()
    return report


def test_the_resubmission_carries_the_files_kept(world, returned):
    photo, minutes = returned.evidence.order_by("original_name")  # anh.png, bien-ban.pdf
    revision = services.resubmit_report(
        world.nhatrang,
        returned,
        narrative="Bổ sung ảnh",
        progress=60,
        files=[upload("anh-vinh-luong.png", png_bytes())],
        keep_evidence=[photo],
    )
    names = sorted(revision.evidence.values_list("original_name", flat=True))
    assert names == ["anh-vinh-luong.png", "anh.png"]
    carried = revision.evidence.get(original_name="anh.png")
    assert carried.file.name == photo.file.name and carried.sha256 == photo.sha256
    assert carried.file.storage.exists(carried.file.name)
    # The returned report keeps both of its files.
    assert returned.evidence.count() == 2 and minutes.file.storage.exists(minutes.file.name)
    entry = AuditEntry.objects.filter(action="report.resubmit").latest("id")
    assert entry.changes["carried"] == [None, ["anh.png"]]


def test_only_the_returned_reports_files_can_be_carried(world, returned, district_task):
    other = district_task.assignments.get(agency=world.cam_ranh)
    foreign = services.submit_report(
        world.camranh, other, narrative="x", progress=5, files=[upload("x.pdf", pdf_bytes())]
    )
    with pytest.raises(services.PlanError, match="Chỉ giữ lại được minh chứng") as error:
        services.resubmit_report(
            world.nhatrang,
            returned,
            narrative="Bổ sung",
            progress=60,
            keep_evidence=list(foreign.evidence.all()),
        )
    assert error.value.field == "keep_evidence"
    assert ProgressReport.objects.filter(revises=returned).count() == 0


def test_a_new_report_carries_nothing(world, district_task, returned):
    assignment = district_task.assignments.get(agency=world.cam_ranh)
    with pytest.raises(services.PlanError, match="Chỉ báo cáo gửi lại"):
        services.submit_report(
            world.camranh,
            assignment,
            narrative="x",
            progress=5,
            keep_evidence=list(returned.evidence.all()),
        )


def test_the_form_offers_each_file_ticked_and_says_so(client, world, returned):
    client.force_login(world.nhatrang)
    url = reverse("plans:assignment-detail", args=[returned.assignment_id])
    body = client.get(url).content.decode()
    start = body.index('data-testid="carried-evidence"')
    box = body[start : body.index("</fieldset>", start)]
    assert "Giữ lại minh chứng đã gửi" in box
    assert "bỏ chọn tệp không còn dùng" in box
    assert box.count("checked") == 2 and "anh.png" in box and "bien-ban.pdf" in box


def test_unticking_a_file_through_the_form_leaves_it_behind(client, world, returned):
    photo = returned.evidence.get(original_name="anh.png")
    client.force_login(world.nhatrang)
    response = client.post(
        reverse("plans:report-submit", args=[returned.assignment_id]),
        {
            "narrative": "Bổ sung",
            "progress": "70",
            "revises": str(returned.pk),
            "keep_evidence": [str(photo.pk)],
        },
    )
    assert response.status_code == 302
    revision = ProgressReport.objects.get(revises=returned)
    assert list(revision.evidence.values_list("original_name", flat=True)) == ["anh.png"]
    assert Evidence.objects.filter(file=photo.file.name).count() == 2
