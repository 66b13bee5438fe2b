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
from chiso.supervision.services.directions import complete_if_done, record_direction
from chiso.supervision.services.feedback import answer_feedback, moderate, post_feedback

__all__ = [
    "SupervisionError",
    "add_recommendation",
    "answer",
    "answer_feedback",
    "complete_if_done",
    "escalate",
    "hand_over",
    "moderate",
    "post_feedback",
    "raise_difficulty",
    "record_direction",
    "resolve",
]
