"""The errors every service raises when a rule refuses a change. Messages are translated and
meant for the user; views show them through `chiso.workflow.forms`."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.functional import Promise
from django.utils.translation import gettext as _


class ServiceError(Exception):
    """A rule refused the change. `problems` are (form field or None, message) pairs, the first
    also as `message` and `field`; a service that checks everything at once names them all."""

    def __init__(
        self,
        message: str | Promise = "",
        field: str | None = None,
        *,
        problems: Sequence[tuple[str | None, str | Promise]] = (),
    ) -> None:
        found = [(name, str(text)) for name, text in problems] or [(field, str(message))]
        self.problems: list[tuple[str | None, str]] = found
        self.field, self.message = found[0]
        super().__init__(self.message)


class StaleVersion(ServiceError):
    """Someone else saved the same row since the form was opened (optimistic locking);
    `current` is the row's version now, so the form can offer to save over it on purpose."""

    def __init__(self, current: int) -> None:
        super().__init__(
            _(
                "Người khác đã lưu thay đổi cho mục này trong lúc anh/chị đang sửa. "
                "Nội dung anh/chị nhập vẫn được giữ bên dưới; hãy xem lại bản mới nhất rồi lưu lại."
            )
        )
        self.current = current
