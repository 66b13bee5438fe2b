"""The form where a province enters its own published results for one year (all components).
A thin view over `chiso.results.entry`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.index import DataError
from chiso.index.framework import Framework, FrameworkError, load_framework, shipped_frameworks
from chiso.index.readers import parse_number
from chiso.results.entry import (
    EntryValues,
    can_enter_results,
    enter_province_results,
    entry_fields,
)
from chiso.results.errors import ResultsError
from chiso.site import clock


def _choice(request: HttpRequest) -> tuple[Framework, int]:
    data = request.POST if request.method == "POST" else request.GET
    try:
        fw = load_framework(str(data.get("index") or "PAPI"))
        year = int(str(data.get("year") or clock.today().year - 1))
    except (FrameworkError, ValueError):
        fw, year = load_framework("PAPI"), clock.today().year - 1
    return fw, max(fw.first_year, min(year, clock.today().year))


def _read(request: HttpRequest, fw: Framework, year: int) -> tuple[EntryValues, dict[str, str]]:
    """The posted figures, and a message per field that is not a number."""
    errors: dict[str, str] = {}
    scores: dict[str, float | None] = {}
    for field in entry_fields(fw, year):
        code = field.unit.code
        try:
            scores[code] = parse_number(request.POST.get(f"score-{code}"))
        except ValueError:
            errors[code] = _("Không phải là số.")
    rank: int | None = None
    try:
        number = parse_number(request.POST.get("rank"))
        if number is not None and number != int(number):
            raise ValueError
        rank = None if number is None else int(number)
    except ValueError:
        errors["rank"] = _("Thứ hạng là một số nguyên.")
    group = str(request.POST.get("group") or "") or None
    return EntryValues(scores, rank, group), errors


@login_required
def enter(request: HttpRequest) -> HttpResponse:
    if not can_enter_results(request.user):
        raise PermissionDenied
    fw, year = _choice(request)
    errors: dict[str, str] = {}
    problems: list[str] = []
    if request.method == "POST":
        values, errors = _read(request, fw, year)
        if not errors:
            try:
                enter_province_results(request.user, fw.code, year, values)
            except DataError as exc:
                english = (get_language() or "vi").startswith("en")
                for problem in exc.problems:
                    text = problem.en if english else problem.vi
                    errors.setdefault(problem.column or "", text)
            except ResultsError as exc:
                problems.append(exc.message)
            else:
                messages.success(
                    request,
                    _("Đã lưu kết quả %(index)s năm %(year)s của %(province)s.")
                    % {"index": fw.code, "year": year, "province": request.user.province.name},  # type: ignore[union-attr]
                )
                return redirect(f"{reverse('results:enter')}?index={fw.code}&year={year}")
    posted = request.POST if request.method == "POST" else {}
    fields = [
        {
            "code": f.unit.code,
            "name": f.unit.name(year, get_language() or "vi"),
            "required": f.required,
            "low": f.scale[0],
            "high": f.scale[1],
            "percent": f.unit.scale.percent,
            "value": posted.get(f"score-{f.unit.code}", ""),
            "error": errors.get(f.unit.code, ""),
        }
        for f in entry_fields(fw, year)
    ]
    lang = get_language() or "vi"
    context = {
        "frameworks": [(f.code, f.name.get(lang)) for f in shipped_frameworks()],
        "fw": fw,
        "fw_name": fw.name.get(lang),
        "tiers": [(t.code, t.label.get(lang)) for t in fw.tiers],
        "year": year,
        "fields": fields,
        "rank": posted.get("rank", ""),
        "rank_error": errors.get("rank", ""),
        "group": posted.get("group", ""),
        "other_errors": [
            text
            for key, text in errors.items()
            if key not in {f["code"] for f in fields} | {"rank"}
        ]
        + problems,
        "unconfirmed": fw.weights_unconfirmed(year),
    }
    return render(request, "results/enter.html", context)
