"""How views show a service's refusal: on the form field it names (or above the form), the
user's input kept. After a stale save the form carries the version just read, so saving again,
after a look at the other person's copy, replaces it on purpose."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from django import forms
from django.http import QueryDict

from chiso.workflow.errors import ServiceError, StaleVersion

T = TypeVar("T")


def show_error(form: forms.Form, error: ServiceError, shown: Collection[str] | None = None) -> None:
    """Attach every problem of `error` to `form`: on its field when the form shows that field
    (`shown`, by default the form's fields), otherwise above the form."""
    fields = form.fields if shown is None else shown
    for field, message in error.problems:
        form.add_error(field if field in fields else None, message)
    if isinstance(error, StaleVersion) and "version" in form.fields:
        # A posted form's data is a QueryDict (immutable): copy it to change one value.
        data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
        data[form.add_prefix("version")] = str(error.current)
        form.data = data


def run(form: forms.Form, service: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call a service; on a refusal show it in `form` and return None."""
    try:
        return service(*args, **kwargs)
    except ServiceError as error:
        show_error(form, error)
        return None
