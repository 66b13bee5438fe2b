"""`chiso load_demo --after-2025`: the 2025 restructuring replayed on the demo through the
restructuring services. Known answers on the demo: Ninh Thuận merged into Khánh Hòa (no longer
served), every district part handed over or folded (none left open, no report lost), the
demo's communes merged into the 2025 wards, the wards' reports in the new wards' parts."""

from io import StringIO

import pytest
from django.core.management import call_command

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.activities.models import Posting
from chiso.audit.models import AuditEntry
from chiso.demo import after2025
from chiso.places.models import Village
from chiso.plans.access import can_report_on
from chiso.plans.models import Assignment, ProgressReport
from chiso.restructuring import followup
from chiso.restructuring.models import Kind, Restructuring

# The demo's commune officers → the 2025 ward their commune merged into; the district officers →
# the province's committee, Ninh Thuận's coordinator → Sở Nội vụ.
WARD_OFFICERS = {
    "vinhhai": "UBND phường Bắc Nha Trang",
    "vinhluong": "UBND phường Bắc Nha Trang",
    "phuocdong": "UBND phường Nam Nha Trang",
    "loctho": "UBND phường Nha Trang",
    "nhatrang": "UBND tỉnh Khánh Hòa",
    "snvninhthuan": "Sở Nội vụ",
}
USERS_MOVED = sorted(
    [*WARD_OFFICERS, "camranh", "ldnhatrang", "ldcamranh"]  # the cities' officers and heads
)


@pytest.mark.django_db
def test_load_demo_after_2025(papi_data_dir, settings) -> None:
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    out = StringIO()
    call_command("load_demo", "--after-2025", stdout=out)
    assert "2025: Ninh Thuận → Khánh Hòa" in out.getvalue()
    kh, nt = Province.objects.get(code="56"), Province.objects.get(code="58")
    assert nt.merged_into == kh and list(Province.objects.served()) == [kh]
    assert [r.kind for r in Restructuring.objects.order_by("id")] == [
        Kind.MERGE,
        Kind.ABOLISH,
        Kind.ABOLISH,
    ]
    # 12 district-level and provincial bodies, then 42 communes and wards dissolved.
    assert Agency.objects.filter(dissolved_on__isnull=False).count() == 12 + 42
    assert not Assignment.objects.filter(
        agency__kind=AgencyKind.DISTRICT_COMMITTEE, completed_on__isnull=True
    ).exists()
    assert (Assignment.objects.count(), ProgressReport.objects.count()) == (823, 18)
    assert AuditEntry.objects.filter(action="report.fold").count() == 2
    north = Agency.objects.get(name="UBND phường Bắc Nha Trang")
    assert sorted(north.assignments.values_list("task__code", flat=True)) == ["b.1", "c.4"]
    assert ProgressReport.objects.filter(assignment__agency=north).exists()
    # The merged communes' 20 villages and their 20 village-hall postings moved with them.
    assert not Village.objects.filter(commune__dissolved_on__isnull=False).exists()
    assert sorted(str(v) for v in north.villages.all()) == [
        "Thôn Tây Bắc",
        "Thôn Văn Đăng",
        "Thôn Đông Bắc",
    ]
    assert Posting.objects.filter(village__isnull=False, commune=north).count() == 3
    assert AuditEntry.objects.filter(action="village.move").count() == 20
    assert AuditEntry.objects.filter(action="posting.move").count() == 20
    # Every account of a dissolved agency works on in its successor (audited user.handover):
    # the ward officer of Vĩnh Hải reports on Bắc Nha Trang's parts, which hold her reports.
    assert not User.objects.filter(agency__dissolved_on__isnull=False).exists()
    agency_of = dict(User.objects.values_list("username", "agency__name"))
    assert {name: agency_of[name] for name in WARD_OFFICERS} == WARD_OFFICERS
    moved = AuditEntry.objects.filter(action="user.handover")
    assert sorted(e.object_repr for e in moved) == USERS_MOVED
    vinhhai = User.objects.get(username="vinhhai")
    for part in north.assignments.all():
        assert can_report_on(vinhhai, part)
    assert ProgressReport.objects.filter(assignment__agency=north, author=vinhhai).exists()
    # The two city heads arrive at UBND tỉnh as officers, not heads of the province's committee:
    # a head's rights do not follow them into an agency they never led. Nobody else changes role.
    roles = dict(User.objects.filter(username__in=USERS_MOVED).values_list("username", "role"))
    assert (roles.pop("ldnhatrang"), roles.pop("ldcamranh")) == (Role.AGENCY_OFFICER,) * 2
    assert set(roles.values()) == {Role.AGENCY_OFFICER, Role.COORDINATOR}
    assert not User.objects.filter(
        agency__name="UBND tỉnh Khánh Hòa", role=Role.AGENCY_HEAD
    ).exists()
    lowered = moved.filter(changes__has_key="role")
    assert sorted(e.object_repr for e in lowered) == ["ldcamranh", "ldnhatrang"]
    assert all("vai trò lãnh đạo cơ quan hạ thành cán bộ" in e.note for e in lowered)
    assert followup.moved_heads(kh) == []
    counts = (Assignment.objects.count(), AuditEntry.objects.count())
    after2025.load(lambda line: None)  # idempotent: the merger is recorded
    assert (Assignment.objects.count(), AuditEntry.objects.count()) == counts
