"""Prepares a load-test run against the national synthetic workspace: logs in one session per
virtual user and hands each its work, as JSON for generate.py (which imports no Django).

    python benchmarks/load/prepare.py --users 100 --out plan.json

Every tenth virtual user: 6 agency officers (open their assignments, submit reports with a small
PDF), 2 Sở Nội vụ reviewers (open a waiting report, accept it), 1 leader (dashboards), 1 member of
the public (a province's public profile). Sessions are made by Django's test client (a real
session row each); the log-in form's Argon2 cost is not part of the deadline-day mix.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path
from typing import Any

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chiso.site.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db.models import Exists, OuterRef  # noqa: E402
from django.test import Client  # noqa: E402

from chiso.accounts.models import Province, Role, User  # noqa: E402
from chiso.demo.plan2023 import MINIMAL_PDF  # noqa: E402
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState  # noqa: E402

MIX = ("officer",) * 6 + ("reviewer",) * 2 + ("leader", "public")
PER_OFFICER = 150
PER_REVIEWER = 400


def session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def open_assignments(agency_id: int) -> list[int]:
    waiting = ProgressReport.objects.filter(assignment=OuterRef("pk"), state=ReportState.SUBMITTED)
    returned = ProgressReport.objects.filter(
        assignment=OuterRef("pk"), state=ReportState.RETURNED, revisions__isnull=True
    )  # the agency must revise that one first
    rows = Assignment.objects.filter(agency_id=agency_id, completed_on__isnull=True).exclude(
        Exists(waiting) | Exists(returned)
    )
    return list(rows.order_by("pk").values_list("pk", flat=True)[:PER_OFFICER])


def officers(count: int) -> list[dict[str, Any]]:
    """Officers whose agencies have the most open assignments, one agency each."""
    chosen, seen = [], set()
    users = User.objects.filter(role=Role.AGENCY_OFFICER, username__startswith="so-")
    for user in users.order_by("province__code", "username"):
        if user.agency_id in seen:
            continue
        work = open_assignments(user.agency_id)
        if len(work) < 20:
            continue
        seen.add(user.agency_id)
        chosen.append({"role": "officer", "user": user.username, "assignments": work})
        if len(chosen) == count:
            return chosen
    raise SystemExit(f"only {len(chosen)} officers with open work; need {count}")


def reviewers(count: int) -> list[dict[str, Any]]:
    provinces = list(Province.objects.order_by("code"))
    if count > len(provinces):
        raise SystemExit(f"at most {len(provinces)} reviewers (one per province)")
    rows = []
    for province in provinces[:count]:
        reviewer = User.objects.get(username=f"snv-{province.code}")
        reports = (
            ProgressReport.objects.filter(province=province, state=ReportState.SUBMITTED)
            .exclude(author=reviewer)  # nobody reviews their own agency's reports
            .exclude(assignment__agency_id=reviewer.agency_id)
            .order_by("pk")
            .values_list("pk", "version", "assignment_id")[:PER_REVIEWER]
        )
        rows.append(
            {"role": "reviewer", "user": reviewer.username, "reports": list(map(list, reports))}
        )
    return rows


def leaders(count: int) -> list[dict[str, Any]]:
    provinces = list(Province.objects.order_by("code"))
    rows = []
    for i in range(count):
        province = provinces[i % len(provinces)]
        plan = Plan.objects.filter(province=province).order_by("pk").first()
        rows.append(
            {"role": "leader", "user": f"lanhdao-{province.code}", "plan": plan.pk if plan else 0}
        )
    return rows


def public(count: int) -> list[dict[str, Any]]:
    client = Client(HTTP_HOST="127.0.0.1")
    # Public profiles are of the published results' provinces (the synthetic ones are made up).
    slugs = ["khanh-hoa", "ha-noi", "da-nang", "can-tho", "hai-phong", "nghe-an", "lam-dong"]
    found = []
    for slug in slugs:  # the latest year's profile (the latest-profile URL redirects to it)
        response = client.get(f"/cong-khai/tinh/{slug}/", follow=True)
        if response.status_code == 200 and response.redirect_chain:
            found.append(response.redirect_chain[-1][0])
    if not found:
        raise SystemExit("no public profile answers (import the results: chiso import-results)")
    return [{"role": "public", "path": found[i % len(found)]} for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    roles = [MIX[i % len(MIX)] for i in range(args.users)]
    makers = {"officer": officers, "reviewer": reviewers, "leader": leaders, "public": public}
    pools = {role: make(roles.count(role)) for role, make in makers.items()}
    # Interleaved as MIX, so the first 10 or 50 virtual users are the same mix as all 100.
    users = [pools[role].pop(0) for role in roles]
    names = [x["user"] for x in users if "user" in x]
    accounts = {u.username: u for u in User.objects.filter(username__in=names)}
    for virtual in users:
        if "user" in virtual:
            virtual["session"] = session_cookie(accounts[virtual["user"]])
    plan = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "pdf": base64.b64encode(MINIMAL_PDF).decode(),
        "users": users,
    }
    args.out.write_text(json.dumps(plan, indent=1), "utf-8")
    print(f"{len(users)} virtual users → {args.out}")


if __name__ == "__main__":
    main()
