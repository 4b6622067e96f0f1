"""Errors that services raise and that views and the API turn into messages.

A `DomainError` carries a stable machine `code`, a translatable human `message`, an HTTP
`status` for the API, and optionally the form `field` it belongs to.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


def _interpolate(message: Any, params: dict[str, Any]) -> str:
    return str(message) % params


#: `interpolate(_("At most %(max)d."), {"max": 3})`: a message that stays lazy, so it is read
#: in the language active when it is shown, not when it was raised.
interpolate = lazy(_interpolate, str)


class DomainError(Exception):
    code = "invalid"
    status = 400
    default_message: Any = _("The request could not be carried out.")

    def __init__(
        self,
        message: Any = None,
        *,
        code: str | None = None,
        field: str | None = None,
        detail: dict[str, list[str]] | None = None,
    ) -> None:
        self.message = message if message is not None else self.default_message
        if code:
            self.code = code
        self.field = field
        self.detail = detail or {}
        super().__init__(str(self.message))

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> DomainError:
        """Wrap a model ValidationError so that every field keeps its own messages."""
        if hasattr(error, "error_dict"):
            detail = {
                field: [str(message) for message in ValidationError(errors).messages]
                for field, errors in error.error_dict.items()
            }
        else:
            detail = {NON_FIELD_ERRORS: [str(message) for message in error.messages]}
        first_field, messages = next(iter(detail.items()))
        field = None if first_field == NON_FIELD_ERRORS else first_field
        return InvalidInput(messages[0], field=field, detail=detail)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": str(self.message), "detail": self.detail}


class InvalidInput(DomainError):
    code = "invalid"
    status = 422
    default_message = _("Some values are not valid.")


class NotFound(DomainError):
    code = "not_found"
    status = 404
    default_message = _("Not found.")


class Forbidden(DomainError):
    code = "forbidden"
    status = 403
    default_message = _("You are not allowed to do this.")


class Conflict(DomainError):
    code = "conflict"
    status = 409
    default_message = _("This conflicts with existing data.")


def apply_to_form(form: Any, error: DomainError) -> None:
    """Show a DomainError on a Django form: at its field(s) when it names one, else on top."""
    if error.detail:
        for field, messages in error.detail.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
        return
    form.add_error(error.field if error.field in form.fields else None, str(error.message))
