"""State changes of the supervision loop, one function each.

Import them from here: `from chiso.supervision.services import escalate`.
"""

from chiso.supervision.errors import SupervisionError
from chiso.supervision.services.difficulties import (
    add_recommendation,
    answer,
    escalate,
    hand_over,
    raise_difficulty,
    resolve,
)

__all__ = [
    "SupervisionError",
    "add_recommendation",
    "answer",
    "escalate",
    "hand_over",
    "raise_difficulty",
    "resolve",
]
