"""After a load-test run: every report submission that was answered with a redirect is stored
exactly once, every refused one not at all, and every accepted review left its report accepted.

    python benchmarks/load/verify.py results.json
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chiso.site.settings")
django.setup()

from chiso.plans.models import ProgressReport, ReportState  # noqa: E402


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    levels = [results["warmup"], *results["levels"]]
    submissions = [s for level in levels for s in level["submissions"]]
    accepted = [r for level in levels for r in level["accepted"]]
    prefix = f"Báo cáo tải thử {results['run']} "
    stored = Counter(
        ProgressReport.objects.filter(narrative__startswith=prefix).values_list(
            "narrative", flat=True
        )
    )
    problems = []
    for s in submissions:
        want = 1 if s["ok"] else 0
        if stored.get(s["marker"], 0) != want:
            problems.append(f"{s['marker']}: stored {stored.get(s['marker'], 0)}×, expected {want}")
    unknown = set(stored) - {s["marker"] for s in submissions}
    problems += [f"{m}: stored but never sent" for m in sorted(unknown)]
    with_files = ProgressReport.objects.filter(narrative__startswith=prefix, evidence__isnull=False)
    if with_files.distinct().count() != sum(stored.values()):
        problems.append("some stored reports lack their evidence file")
    states = ProgressReport.objects.filter(pk__in=accepted).values_list("state", flat=True)
    not_accepted = sum(state != ReportState.ACCEPTED for state in states)
    if not_accepted or len(states) != len(accepted):
        problems.append(f"{not_accepted} accepted reviews not stored as accepted")
    ok = sum(s["ok"] for s in submissions)
    print(
        f"submissions sent {len(submissions)}, answered OK {ok}, stored {sum(stored.values())} "
        f"(each exactly once: {not problems}); reviews accepted {len(accepted)}"
    )
    for problem in problems[:20]:
        print("  PROBLEM", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
