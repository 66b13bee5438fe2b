"""Every URL × every role, declared as a table: what each kind of user gets.

How it works
- `ROLES` (tests/api/world.py): anonymous, admin, coordinator, agency_head (agency A), officer_a,
  officer_b, leadership, supervisor (Fatherland Front), national_viewer, other_province.
- One `Row` per URL (and per interesting object or method): the URL name, how to build its
  arguments from the `World`, the method and form data, and the expected outcome for every role.
  Each role's request runs in a savepoint that is rolled back, so a permitted change by one role
  does not affect the next.
- `test_every_url_has_a_row` discovers every named URL from the urlconf and FAILS when one has no
  row (exempt: the Django admin, i18n). Add rows for your pages either here or in a module
  `tests/<app>/permission_rows.py` with `ROWS: list[Row]` and optionally
  `extend_world(world) -> None` (put your objects in `world.extra`); those modules are picked up
  automatically.

Outcomes: OK 200, CREATED 201, FOUND 302 elsewhere than the log-in page (a form that saved),
LOGIN 302 to the log-in page, INVALID 400, UNAUTH 401, DENIED 403, MISSING 404, NOT_ALLOWED 405,
CONFLICT 409.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.api.world import PDF_BYTES, ROLES, World, build_world

OK, CREATED, FOUND, LOGIN = "200", "201", "302", "302→login"
INVALID, UNAUTH, DENIED, MISSING, NOT_ALLOWED = "400", "401", "403", "404", "405"
CONFLICT = "409"

# Named URLs that are not chiso's pages: Django's admin (its own permission system) and i18n.
EXEMPT_NAMESPACES = frozenset({"admin"})
EXEMPT_NAMES = frozenset({"set_language"})

Args = Callable[[World], dict[str, Any]]
Data = Callable[[World], dict[str, Any]]


def no_args(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    url_name: str
    expect: Mapping[str, str]
    args: Args = no_args
    method: str = "GET"
    data: Data | None = None
    label: str = ""
    query: str = ""
    needs_results: bool = False  # import the PAPI results first (public result pages)

    @property
    def id(self) -> str:
        return f"{self.method} {self.url_name}{' ' + self.label if self.label else ''}"


def expect(default: str, **by_role: str) -> dict[str, str]:
    """Every role gets `default` unless named; an unknown role name is a mistake in the table."""
    unknown = set(by_role) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: by_role.get(role, default) for role in ROLES}


# --- common shapes -------------------------------------------------------------------------

PROVINCE_WIDE = ("admin", "coordinator", "leadership", "supervisor", "national_viewer")
EVERYONE = expect(OK)
SIGNED_IN = expect(OK, anonymous=LOGIN)
API_SIGNED_IN = expect(OK, anonymous=UNAUTH)
# An object of the home province that every user of the province reads (plan, task).
HOME_PAGE = expect(OK, anonymous=LOGIN, other_province=MISSING)
HOME_API = expect(OK, anonymous=UNAUTH, other_province=MISSING)
# Agency A's own things (assignment, report, evidence): A and province-wide readers only.
A_ONLY_API = expect(OK, anonymous=UNAUTH, officer_b=MISSING, other_province=MISSING)
B_ONLY_API = expect(
    OK, anonymous=UNAUTH, officer_a=MISSING, agency_head=MISSING, other_province=MISSING
)
A_ONLY_PAGE = {**A_ONLY_API, "anonymous": LOGIN}
B_ONLY_PAGE = {**B_ONLY_API, "anonymous": LOGIN}
AWAY_ONLY_PAGE = expect(MISSING, anonymous=LOGIN, national_viewer=OK, other_province=OK)
# Changes to the plan: the coordinator (and admin) only; readers of the province are refused.
# Coordinator-only pages of the home province: readers are refused, outsiders see nothing.
COORDINATOR_PAGE = expect(DENIED, admin=OK, coordinator=OK, anonymous=LOGIN, other_province=MISSING)


def plan_id(world: World) -> dict[str, Any]:
    return {"plan_id": world.home.plan.pk}


def pk(get: Callable[[World], Any]) -> Args:
    return lambda world: {"pk": get(world).pk}


def report_form(world: World) -> dict[str, Any]:
    return {
        "narrative": "Đã niêm yết công khai tại 27/27 xã, phường.",
        "progress": "50",
        "evidence": SimpleUploadedFile("niem-yet.pdf", PDF_BYTES, "application/pdf"),
    }


def _add_document_job(world: World) -> None:
    from django.core.files.base import ContentFile

    from chiso.documents.models import DocumentFormat, DocumentJob, DocumentKind, JobState

    job = DocumentJob(
        province=world.home.province,
        requested_by=world.users["coordinator"],
        kind=DocumentKind.PLAN,
        fmt=DocumentFormat.DOCX,
        plan=world.home.plan,
        state=JobState.DONE,
        progress=100,
        filename="ke-hoach.docx",
    )
    job.file.save("ke-hoach.docx", ContentFile(b"PK\x03\x04 synthetic"), save=False)
    job.save()
    world.extra["document_job"] = job


def extend_world(world: World) -> None:
    """Objects the rows below need beyond the shared world (made before any role's request)."""
    from chiso.spreadsheets.models import TaskImport
    from chiso.spreadsheets.template_file import framework_template

    world.home.plan.is_public = True
    world.home.plan.save(update_fields=["is_public"])
    _add_document_job(world)
    world.extra["task_import"] = TaskImport.objects.create(
        province=world.home.province,
        plan=world.home.plan,
        file_name="bo-khung.xlsx",
        data=framework_template(2023),
        uploaded_by=world.users["coordinator"],
    )


def _document_job(world: World) -> Any:
    return world.extra["document_job"]


def version_of(get: Callable[[World], Any]) -> Data:
    return lambda world: {"version": str(get(world).version)}


def review_form(world: World) -> dict[str, Any]:
    report = world.home.report_a
    assert report is not None
    return {"version": str(report.version), "decision": "accept", "comment": "Đạt yêu cầu."}


def _task_import(world: World) -> Any:
    return world.extra["task_import"]


ROWS: list[Row] = [
    # --- web ----------------------------------------------------------------------------------
    Row("home", EVERYONE),
    Row("healthz", EVERYONE),
    Row("favicon", expect(FOUND)),
    Row("login", expect(FOUND, anonymous=OK)),
    Row("logout", expect(NOT_ALLOWED)),
    Row("logout", expect(FOUND), method="POST"),
    # --- public pages (no log-in; published data only) ------------------------------------------
    Row("public:index", EVERYONE, needs_results=True),
    Row("public:choose", expect(FOUND), query="tinh=khanh-hoa&nam=2022", needs_results=True),
    Row(
        "public:profile-latest", expect(FOUND), lambda w: {"slug": "khanh-hoa"}, needs_results=True
    ),
    Row(
        "public:profile",
        EVERYONE,
        lambda w: {"slug": "khanh-hoa", "year": 2022},
        needs_results=True,
    ),
    Row("public:ranking-latest", expect(FOUND), needs_results=True),
    Row("public:ranking", EVERYONE, lambda w: {"year": 2022}, needs_results=True),
    Row("public:plans", EVERYONE),
    Row("public:plan", EVERYONE, plan_id, label="published"),
    Row("public:plan", expect(MISSING), lambda w: {"plan_id": w.away.plan.pk}, label="unpublished"),
    Row("public:plan-print", EVERYONE, plan_id),
    Row("public:results", SIGNED_IN, needs_results=True),
    # --- dashboards -----------------------------------------------------------------------------
    Row("dashboards:home", expect(FOUND, anonymous=LOGIN)),  # to the latest plan's dashboard
    Row("dashboards:plan", HOME_PAGE, plan_id),
    Row("dashboards:deadlines", SIGNED_IN),
    # --- spreadsheets: exports read what the user may read; import is the coordinator's -------
    Row("spreadsheets:framework_template", SIGNED_IN),
    Row("spreadsheets:plan_xlsx", HOME_PAGE, plan_id),
    Row("spreadsheets:tasks_xlsx", SIGNED_IN),
    Row("spreadsheets:assignments_xlsx", SIGNED_IN),
    Row("spreadsheets:reports_xlsx", SIGNED_IN),
    Row("spreadsheets:import_upload", COORDINATOR_PAGE, plan_id),
    Row(
        "spreadsheets:import_upload",
        COORDINATOR_PAGE,
        plan_id,
        method="POST",
        data=lambda w: {},
        label="empty form",
    ),
    Row(
        "spreadsheets:import_preview", COORDINATOR_PAGE, lambda w: {"import_id": _task_import(w).pk}
    ),
    Row(
        "spreadsheets:import_confirm",
        {**COORDINATOR_PAGE, "admin": FOUND, "coordinator": FOUND},
        lambda w: {"import_id": _task_import(w).pk},
        method="POST",
        data=lambda w: {},
    ),
    # --- plans workspace -------------------------------------------------------------------------
    Row("plans:plan-list", SIGNED_IN),
    Row("plans:plan-detail", HOME_PAGE, pk(lambda w: w.home.plan)),
    Row("plans:plan-detail", AWAY_ONLY_PAGE, pk(lambda w: w.away.plan), label="other province"),
    Row("plans:plan-history", HOME_PAGE, pk(lambda w: w.home.plan)),
    Row("plans:task-list", HOME_PAGE, lambda w: {"plan_pk": w.home.plan.pk}),
    Row("plans:task-detail", HOME_PAGE, pk(lambda w: w.home.task)),
    Row("plans:task-history", HOME_PAGE, pk(lambda w: w.home.task)),
    Row("plans:task-create", COORDINATOR_PAGE, lambda w: {"plan_pk": w.home.plan.pk}),
    Row(
        "plans:task-create",
        COORDINATOR_PAGE,
        lambda w: {"plan_pk": w.home.plan.pk},
        method="POST",
        data=lambda w: {},
        label="empty form",
    ),
    Row("plans:task-edit", COORDINATOR_PAGE, pk(lambda w: w.home.task)),
    Row(
        "plans:task-edit",
        COORDINATOR_PAGE,
        pk(lambda w: w.home.task),
        method="POST",
        data=lambda w: {},
        label="empty form",
    ),
    Row("plans:task-delete", COORDINATOR_PAGE, pk(lambda w: w.home.task)),
    # The task has reports, so the service refuses and the coordinator gets the page back.
    Row(
        "plans:task-delete",
        COORDINATOR_PAGE,
        pk(lambda w: w.home.task),
        method="POST",
        data=version_of(lambda w: w.home.task),
    ),
    Row(
        "plans:task-apply-drift",
        {**COORDINATOR_PAGE, "admin": FOUND, "coordinator": FOUND},
        pk(lambda w: w.home.task),
        method="POST",
        data=version_of(lambda w: w.home.task),
    ),
    Row("plans:assignment-detail", A_ONLY_PAGE, pk(lambda w: w.home.assignment_a)),
    Row(
        "plans:assignment-detail", B_ONLY_PAGE, pk(lambda w: w.home.assignment_b), label="agency B"
    ),
    Row("plans:assignment-history", A_ONLY_PAGE, pk(lambda w: w.home.assignment_a)),
    Row(
        "plans:report-submit",
        expect(NOT_ALLOWED, anonymous=LOGIN),  # POST only, checked before anything is read
        pk(lambda w: w.home.assignment_a),
        label="GET",
    ),
    # A's own staff get the form back (A already has a report waiting for review).
    Row(
        "plans:report-submit",
        {
            **expect(DENIED, anonymous=LOGIN, officer_b=MISSING, other_province=MISSING),
            "officer_a": OK,
            "agency_head": OK,
        },
        pk(lambda w: w.home.assignment_a),
        method="POST",
        data=report_form,
        label="on A",
    ),
    Row(
        "plans:report-submit",
        {
            **expect(
                DENIED,
                anonymous=LOGIN,
                officer_a=MISSING,
                agency_head=MISSING,
                officer_b=MISSING,
                other_province=MISSING,
            ),
            "supervisor": FOUND,
        },
        pk(lambda w: w.home.assignment_front),
        method="POST",
        data=report_form,
        label="on the Front's requested task",
    ),
    Row(
        "plans:report-review",
        {
            **expect(DENIED, anonymous=LOGIN, officer_b=MISSING, other_province=MISSING),
            "admin": FOUND,
            "coordinator": FOUND,
        },
        pk(lambda w: w.home.report_a),
        method="POST",
        data=review_form,
    ),
    Row("plans:evidence-download", A_ONLY_PAGE, pk(lambda w: w.home.evidence_a)),
    Row("plans:evidence-download", B_ONLY_PAGE, pk(lambda w: w.home.evidence_b), label="agency B"),
    Row(
        "plans:evidence-download",
        AWAY_ONLY_PAGE,
        pk(lambda w: w.away.evidence_a),
        label="other province",
    ),
    Row("plans:my-assignments", SIGNED_IN),
    Row("plans:agency-detail", A_ONLY_PAGE, pk(lambda w: w.agency_a)),
    Row("plans:help", SIGNED_IN),
    Row("plans:help-page", SIGNED_IN, lambda w: {"slug": "co-quan"}),
    # --- documents: coordinator, admin and leadership of a province ---------------------------
    Row(
        "documents:page",
        expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK, other_province=OK),
    ),
    Row(
        "documents:status",
        expect(MISSING, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK),
        lambda w: {"job_id": _document_job(w).pk},
    ),
    Row(
        "documents:download",
        expect(MISSING, anonymous=LOGIN, admin=OK, coordinator=OK, leadership=OK),
        lambda w: {"job_id": _document_job(w).pk},
    ),
    # --- what it takes (targets) ------------------------------------------------------------------
    Row("targets:page", SIGNED_IN, needs_results=True),
    # A national viewer must pick a province first: the form comes back with a 400.
    Row("targets:xlsx", {**SIGNED_IN, "national_viewer": INVALID}, needs_results=True),
    # --- API ------------------------------------------------------------------------------------
    Row("api-openapi", EVERYONE),
    Row("api-plans", API_SIGNED_IN),
    Row("api-plan", HOME_API, pk(lambda w: w.home.plan)),
    Row(
        "api-plan",
        expect(MISSING, anonymous=UNAUTH, national_viewer=OK, other_province=OK),
        pk(lambda w: w.away.plan),
        label="other province",
    ),
    Row("api-plan-objectives", HOME_API, pk(lambda w: w.home.plan)),
    Row("api-tasks", API_SIGNED_IN),
    Row("api-task", HOME_API, pk(lambda w: w.home.task)),
    Row("api-assignments", API_SIGNED_IN),
    Row("api-assignment", A_ONLY_API, pk(lambda w: w.home.assignment_a)),
    Row("api-assignment", B_ONLY_API, pk(lambda w: w.home.assignment_b), label="agency B"),
    Row("api-assignment-reports", A_ONLY_API, pk(lambda w: w.home.assignment_a)),
    Row("api-assignment-reports", B_ONLY_API, pk(lambda w: w.home.assignment_b), label="agency B"),
    # Submitting: only the assignment's own agency; the province's readers are refused, others
    # do not even see it. A's assignment already has a report waiting, so A's staff get a 409.
    Row(
        "api-assignment-reports",
        {
            **expect(DENIED, anonymous=UNAUTH, officer_b=MISSING, other_province=MISSING),
            "officer_a": CONFLICT,
            "agency_head": CONFLICT,
        },
        pk(lambda w: w.home.assignment_a),
        method="POST",
        data=report_form,
        label="submit on A",
    ),
    Row(
        "api-assignment-reports",
        {
            **expect(
                DENIED,
                anonymous=UNAUTH,
                officer_a=MISSING,
                agency_head=MISSING,
                officer_b=MISSING,
                other_province=MISSING,
            ),
            "supervisor": CREATED,
        },
        pk(lambda w: w.home.assignment_front),
        method="POST",
        data=report_form,
        label="submit on the Front's requested task",
    ),
    Row(
        "api-assignment-reports",
        expect(NOT_ALLOWED, anonymous=NOT_ALLOWED),
        pk(lambda w: w.home.assignment_a),
        method="DELETE",
        label="delete",
    ),
    Row("api-report", A_ONLY_API, pk(lambda w: w.home.report_a)),
    Row("api-report", B_ONLY_API, pk(lambda w: w.home.report_b), label="agency B"),
    Row("api-evidence", A_ONLY_API, pk(lambda w: w.home.evidence_a)),
    Row("api-evidence", B_ONLY_API, pk(lambda w: w.home.evidence_b), label="agency B"),
    Row(
        "api-evidence",
        expect(MISSING, anonymous=UNAUTH, national_viewer=OK, other_province=OK),
        pk(lambda w: w.away.evidence_a),
        label="other province",
    ),
    Row("api-results-ranking", EVERYONE, lambda w: {"year": 2022}, needs_results=True),
    Row(
        "api-results-profile",
        EVERYONE,
        lambda w: {"year": 2022, "province": "khanh-hoa"},
        needs_results=True,
    ),
]


# --- rows and world extensions from other apps ------------------------------------------------


def _row_modules() -> Iterator[Any]:
    tests_dir = Path(__file__).resolve().parent
    for info in pkgutil.iter_modules([str(tests_dir)]):
        if info.ispkg and (tests_dir / info.name / "permission_rows.py").exists():
            yield importlib.import_module(f"tests.{info.name}.permission_rows")


ROW_MODULES = list(_row_modules())
ALL_ROWS: list[Row] = ROWS + [row for module in ROW_MODULES for row in module.ROWS]


# --- the checks ------------------------------------------------------------------------------


def _named_urls() -> Iterator[str]:
    def walk(patterns: list[Any], namespace: str | None) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or None
                full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                if (inner or "") in EXEMPT_NAMESPACES:
                    continue
                yield from walk(pattern.url_patterns, full)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if name not in EXEMPT_NAMES:
                    yield name

    return walk(get_resolver().url_patterns, None)


def test_every_url_has_a_row() -> None:
    covered = {row.url_name for row in ALL_ROWS}
    missing = sorted(set(_named_urls()) - covered)
    assert not missing, (
        "URLs without a row in the permission matrix (add them to ROWS in "
        f"tests/test_permission_matrix.py or tests/<app>/permission_rows.py): {missing}"
    )
    stale = sorted(covered - set(_named_urls()))
    assert not stale, f"rows for URLs that no longer exist: {stale}"


def test_every_row_names_every_role() -> None:
    for row in ALL_ROWS:
        assert set(row.expect) == set(ROLES), row.id


def _outcome(response: Any) -> str:
    if response.status_code == 302:
        location = response["Location"]
        return LOGIN if location.startswith(reverse("login")) else FOUND
    return str(response.status_code)


def _request(row: Row, world: World, role: str) -> str:
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(row.url_name, kwargs=row.args(world)) + (f"?{row.query}" if row.query else "")
    data = row.data(world) if row.data else None
    method = getattr(client, row.method.lower())
    response = method(url, data) if data is not None else method(url)
    outcome = _outcome(response)
    if response.status_code >= 500:
        outcome += f" ({response.status_code}: {getattr(response, 'exc_info', None)})"
    return outcome


@dataclass
class MatrixFailure:
    lines: list[str] = field(default_factory=list)


@pytest.fixture
def matrix_world(province: Any, other_province: Any, settings: Any, tmp_path: Any) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CHISO_TODAY = "2023-08-15"
    world = build_world(province, other_province)
    extend_world(world)
    for module in ROW_MODULES:
        if hasattr(module, "extend_world"):
            module.extend_world(world)
    return world


@pytest.mark.django_db
@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda row: row.id)
def test_permission(row: Row, matrix_world: World, request: Any) -> None:
    if row.needs_results:
        request.getfixturevalue("papi_results")
    failures = MatrixFailure()
    for role in ROLES:
        with transaction.atomic():
            got = _request(row, matrix_world, role)
            transaction.set_rollback(True)
        if got != row.expect[role]:
            failures.lines.append(f"  {role}: expected {row.expect[role]}, got {got}")
    assert not failures.lines, f"{row.id}\n" + "\n".join(failures.lines)


_RECENT_YEARS: list[Any] = []  # the 2021–2022 slice of the real data, read once per session


@pytest.fixture
def papi_results(papi_data_dir: Path) -> None:
    """Two years of the real PAPI results in the database: enough for every public page, and
    far quicker to store for each row than all fourteen years."""
    from chiso.index import Dataset, read_wide
    from chiso.results.store import import_dataset, invalidate

    if not _RECENT_YEARS:
        full = read_wide(papi_data_dir)
        recent = [r for r in full.records if r.year in (2021, 2022)]
        _RECENT_YEARS.append(Dataset.build(full.framework, recent, source="matrix"))
    invalidate()
    import_dataset(_RECENT_YEARS[0])
