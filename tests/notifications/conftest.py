"""The plans test world (agencies, users per role, a plan) for the notification tests."""

from tests.plans.conftest import district_task, pinned_today, world

__all__ = ["district_task", "pinned_today", "world"]
