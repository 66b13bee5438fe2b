"""The plan world of tests/plans (Khánh Hòa, Sở Nội vụ, Nha Trang and Cam Ranh in a group, the
Front, a department, one plan) for the restructuring tests."""

from tests.plans.conftest import pinned_today, world  # noqa: F401
