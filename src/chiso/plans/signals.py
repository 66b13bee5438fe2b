"""What happened in the plan workspace, for other apps to react to (the notifications app).

Sent by the services inside their transaction, after the change is saved: a receiver's writes
commit or roll back with it. Plans knows nothing of who listens.
"""

from __future__ import annotations

from django.dispatch import Signal

# report=ProgressReport, difficulty=str: an agency sent a report (new or revised) for review,
# with the difficulties (khó khăn, vướng mắc) it raises in it, if any ("" otherwise).
report_submitted = Signal()
# report=ProgressReport, accepted=bool: a reviewer accepted it or sent it back.
report_reviewed = Signal()
# assignment=Assignment: an agency was given a part in a task.
assignment_created = Signal()
# parent=Assignment: a sub-assignment of `parent` was taken back (withdrawn; already deleted).
assignment_withdrawn = Signal()
# task=Task, old=date|None, new=date|None: the task's deadline moved (with its assignments').
deadline_changed = Signal()
