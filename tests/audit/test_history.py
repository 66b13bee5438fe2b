"""The audit log worded for people (chiso.audit.history): every action code any app records has
a registered Vietnamese label, and the rows read as people say them."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import override

from chiso.accounts.models import Role
from chiso.audit.history import (
    action_label,
    history_of,
    register_actions,
    registered_actions,
)
from chiso.audit.services import record
from chiso.plans.models import Objective, ObjectiveKind, Plan

SRC = Path(__file__).resolve().parents[2] / "src" / "chiso"


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _function_of(tree: ast.Module, call: ast.Call) -> ast.FunctionDef | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and call in ast.walk(node):
            return node
    return None


def _values_of_name(tree: ast.Module, call: ast.Call, name: str) -> list[str]:
    """What a variable passed as the action holds: assigned in the same function, or the
    argument the module's callers pass for that parameter."""
    function = _function_of(tree, call)
    if function is None:
        return []
    found = [
        text
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        for text in _strings(node.value)
    ]
    parameters = [a.arg for a in function.args.args]
    if name in parameters:
        position = parameters.index(name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == function.name:
                if position < len(node.args):
                    found += _strings(node.args[position])
                found += [s for k in node.keywords if k.arg == name for s in _strings(k.value)]
    return found


def recorded_actions() -> dict[str, str]:
    """Every action code passed to `record(actor, obj, action, …)` in src/, with where."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != "record":
                continue
            action = node.args[2] if len(node.args) > 2 else None
            assert action is not None, f"{path}:{node.lineno}: record() without an action"
            codes = _strings(action)
            if isinstance(action, ast.Name):
                codes = _values_of_name(tree, node, action.id)
            assert codes, f"{path}:{node.lineno}: cannot tell which action is recorded"
            for code in codes:
                found.setdefault(code, f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_every_recorded_action_has_a_registered_label() -> None:
    recorded = recorded_actions()
    assert {"survey.contact.add", "objective.update", "report.head_return"} <= set(recorded)
    missing = {code: where for code, where in recorded.items() if code not in registered_actions()}
    assert missing == {}


def test_a_label_is_registered_once() -> None:
    with pytest.raises(ImproperlyConfigured, match="survey.contact.add"):
        register_actions({"survey.contact.add": "Khác"})


def test_rows_read_as_people_say_them(province: Any, make_user: Any) -> None:
    coordinator = make_user("coord", Role.COORDINATOR, province)
    plan = Plan.objects.create(
        province=province, number="1/KH", title="Kế hoạch", year=2023, baseline_year=2022
    )
    objective = Objective.objects.create(
        plan=plan, code="1", text="Đạt 45,00 điểm", kind=ObjectiveKind.AGGREGATE_SCORE_MIN
    )
    change = [ObjectiveKind.AGGREGATE_SCORE_MIN, ObjectiveKind.AGGREGATE_TIER_MIN]
    record(coordinator, objective, "objective.update", {"kind": change})
    (row,) = history_of(objective)
    assert row.label == "Sửa mục tiêu"
    assert row.changes == [
        ("loại", ObjectiveKind.AGGREGATE_SCORE_MIN.label, ObjectiveKind.AGGREGATE_TIER_MIN.label)
    ]
    with override("en"):
        assert action_label("survey.contact.add") == "Add a survey contact"
