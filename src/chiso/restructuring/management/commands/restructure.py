"""`chiso restructure abolish|merge …`: the 2025 restructuring from the command line, previewed
by default, saved only with `--apply` (all or nothing, as on the pages).

    chiso restructure abolish --province 56 --all-districts --to "UBND tỉnh Khánh Hòa" [--apply]
    chiso restructure abolish --province 56 --map "UBND huyện Cam Lâm=UBND xã Cam Lâm" … [--apply]
    chiso restructure merge --from 58 --into 56 [--apply]
    chiso restructure follow-up --province 56 [--apply]   # villages, accounts left behind;
                                                          # heads moved before being lowered

Agencies are named by name (diacritics and case ignored) or code; provinces by GSO code.
`--date` is the day it takes effect (default 01/7/2025). Docs: docs/restructuring.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.accounts.names import agency_key
from chiso.restructuring import abolition, followup, merger
from chiso.restructuring.forms import EFFECTIVE_2025
from chiso.workflow.errors import ServiceError


class Command(BaseCommand):
    help = (
        "Sắp xếp đơn vị hành chính 2025: giải thể cấp huyện (abolish) hoặc hợp nhất tỉnh (merge)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        abolish = sub.add_parser("abolish", help="giải thể cơ quan, chuyển việc đang làm")
        abolish.add_argument("--province", required=True, help="mã tỉnh (GSO)")
        abolish.add_argument("--map", action="append", default=[], metavar="CŨ=KẾ_NHIỆM")
        abolish.add_argument("--all-districts", action="store_true", help="mọi UBND cấp huyện")
        abolish.add_argument("--to", help="cơ quan kế nhiệm của --all-districts")
        merge = sub.add_parser("merge", help="hợp nhất tỉnh --from vào tỉnh --into")
        merge.add_argument("--from", dest="absorbed", required=True, help="mã tỉnh nhập vào")
        merge.add_argument("--into", required=True, help="mã tỉnh sau hợp nhất")
        later = sub.add_parser(
            "follow-up",
            help="thôn, tài khoản còn ở cơ quan đã giải thể; lãnh đạo cơ quan chuyển đến",
        )
        later.add_argument("--province", required=True, help="mã tỉnh (GSO)")
        later.add_argument("--apply", action="store_true", help="lưu (mặc định chỉ xem trước)")
        for p in (abolish, merge):
            p.add_argument("--date", type=dt.date.fromisoformat, default=EFFECTIVE_2025)
            p.add_argument("--apply", action="store_true", help="lưu (mặc định chỉ xem trước)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "abolish":
                self._abolish(options)
            elif options["action"] == "follow-up":
                self._follow_up(options)
            else:
                self._merge(options)
        except ServiceError as error:
            raise CommandError("\n".join(text for _, text in error.problems)) from error

    def _abolish(self, options: dict[str, Any]) -> None:
        province = _province(options["province"])
        mapping = _mapping(province, options)
        found = abolition.preview(province, mapping, options["date"])
        for h in found.handovers:
            self.stdout.write(
                f"{h.agency.name} → {h.successor.name}: {len(h.moved)} phân công chuyển, "
                f"{h.kept} giữ lại, {len(h.children)} cơ quan trực thuộc chuyển lên"
            )
            for m in h.moved:
                self.stdout.write(
                    f"  - {m.task} ({m.plan}): {m.progress}%, "
                    f"{m.sub_assignments} phân công cấp dưới, {m.reports} báo cáo"
                    + (" — gộp vào phần việc sẵn có" if m.folds else "")
                )
            for head in h.heads:
                self.stdout.write(f"  ! {head}: lãnh đạo cơ quan → cán bộ tại {h.successor.name}")
        self.stdout.write(
            f"Tổng: {found.moved} phân công chuyển (kèm {found.sub_assignments} cấp dưới; "
            f"{found.folded} phần việc trống gộp vào phần việc sẵn có), {found.kept} giữ lại."
            + (f" {found.heads} tài khoản lãnh đạo cơ quan hạ thành cán bộ." if found.heads else "")
        )
        for problem in found.problems:
            self.stderr.write(f"! {problem}")
        if options["apply"]:
            abolition.abolish(None, province, mapping, options["date"])
            self.stdout.write("Đã lưu.")
        elif not found.problems:
            self.stdout.write("Xem trước; chạy lại với --apply để lưu.")

    def _follow_up(self, options: dict[str, Any]) -> None:
        province = _province(options["province"])
        found = followup.preview(province)
        for left in found:
            renamed = [f"{v.name} → {v.new_name}" for v in left.villages if v.renamed]
            self.stdout.write(
                f"{left.agency.name} → {left.successor.name}: {len(left.villages)} thôn, "
                f"tổ dân phố, {left.users} tài khoản"
                + (f" (đổi tên: {'; '.join(renamed)})" if renamed else "")
            )
        all_heads = followup.heads_after_moves(province)
        heads = [h for h in all_heads if h.regranted_at is None]
        for head in all_heads:
            where = (
                f"{head.label}: lãnh đạo cơ quan tại {head.user.agency}, chuyển đến từ "
                f"{head.came_from} ngày {head.moved_at:%d/%m/%Y}"
            )
            if head.regranted_at is None:
                self.stdout.write(f"{where} → hạ thành cán bộ")
            else:
                self.stdout.write(
                    f"{where}; quản trị đặt vai trò ngày {head.regranted_at:%d/%m/%Y} → giữ nguyên"
                )
        if not found and not heads:
            self.stdout.write("Không còn gì ở lại với cơ quan đã giải thể.")
        elif options["apply"]:
            followup.apply(None, province)
            self.stdout.write("Đã lưu.")
        else:
            self.stdout.write("Xem trước; chạy lại với --apply để lưu.")

    def _merge(self, options: dict[str, Any]) -> None:
        absorbed, into = _province(options["absorbed"]), _province(options["into"])
        found = merger.preview(absorbed, into, options["date"])
        for m in found.moved:
            self.stdout.write(f"{m.label}: {m.count}")
        for r in found.renames:
            self.stdout.write(f"đổi tên: {r.old} → {r.new}")
        self.stdout.write(
            f"Tổng: {found.total} bản ghi của {absorbed.name} chuyển sang {into.name}."
        )
        for problem in found.problems:
            self.stderr.write(f"! {problem}")
        if options["apply"]:
            merger.merge(None, absorbed, into, options["date"])
            self.stdout.write("Đã lưu.")
        elif not found.problems:
            self.stdout.write("Xem trước; chạy lại với --apply để lưu.")


def _province(code: str) -> Province:
    try:
        return Province.objects.get(code=code.zfill(2))
    except Province.DoesNotExist:
        raise CommandError(f"Không có tỉnh mã {code} trên máy chủ này.") from None


def _agency(province: Province, name: str) -> Agency:
    found = list(
        Agency.objects.filter(province=province).filter(
            Q(name_key=agency_key(name)) | Q(code=name.strip())
        )
    )
    if len(found) != 1:
        raise CommandError(f"Không tìm thấy cơ quan “{name}” của {province.name}.")
    return found[0]


def _mapping(province: Province, options: dict[str, Any]) -> dict[int, int]:
    mapping: dict[int, int] = {}
    if options["all_districts"]:
        if not options["to"]:
            raise CommandError("--all-districts cần --to (cơ quan kế nhiệm).")
        successor = _agency(province, options["to"])
        districts = Agency.objects.filter(
            province=province, kind=AgencyKind.DISTRICT_COMMITTEE, active=True
        )
        mapping.update({d.pk: successor.pk for d in districts})
    for pair in options["map"]:
        old, sep, new = pair.partition("=")
        if not sep:
            raise CommandError(f"--map cần dạng CŨ=KẾ_NHIỆM: {pair}")
        mapping[_agency(province, old).pk] = _agency(province, new).pk
    return mapping
