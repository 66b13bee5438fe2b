"""`chiso review-plan --plan PLAN [--year YYYY] [--data PATH] [--format table|json] [--lang vi|en]`

Did the plan work? PLAN is a plan in the database, by id or by number. `--year` is the results
year it is measured by (default: the plan's year); the baseline is the plan's baseline year.
Results come from `--data` (a folder or file, as for `chiso profile`) or the database.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.index import DataError, Results
from chiso.index.cli import load_from_path
from chiso.index.review import ReviewError, review_plan
from chiso.index.review_text import review_json, review_table
from chiso.plans.models import Plan
from chiso.results.errors import NoResults
from chiso.results.store import load_results
from chiso.reviews.service import plan_work


class Command(BaseCommand):
    help = "Đánh giá kế hoạch: nhiệm vụ, phân công đúng hạn và thay đổi của từng chỉ số."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", required=True, help="id hoặc số, ký hiệu kế hoạch")
        parser.add_argument("--year", type=int, help="năm kết quả (mặc định: năm kế hoạch)")
        parser.add_argument("--data", help="thư mục/tệp kết quả thay cho CSDL")
        parser.add_argument("--format", choices=("table", "json"), default="table")
        parser.add_argument("--lang", choices=("vi", "en"), default="vi")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = _find_plan(options["plan"])
        results = _results(options["data"])
        try:
            review = review_plan(results, plan_work(plan), options["year"])
        except ReviewError as exc:
            raise CommandError(str(exc)) from exc
        lang = options["lang"]
        if options["format"] == "json":
            self.stdout.write(json.dumps(review_json(review, lang), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(review_table(review, lang))


def _results(data: str | None) -> Results:
    try:
        return load_from_path(data) if data else load_results()
    except NoResults as exc:
        raise CommandError("Chưa nhập kết quả PAPI (no results; use --data)") from exc
    except DataError as exc:
        raise CommandError(exc.message("vi")) from exc


def _find_plan(key: str) -> Plan:
    plans = Plan.objects.select_related("province")
    found = plans.filter(pk=int(key)).first() if key.isdigit() else None
    if found is None:
        matches = list(plans.filter(number=key)[:2])
        if len(matches) > 1:
            raise CommandError(f"--plan {key!r}: nhiều kế hoạch cùng số, dùng id (ambiguous)")
        found = matches[0] if matches else None
    if found is None:
        raise CommandError(f"--plan {key!r}: không có kế hoạch này (no such plan)")
    return found
