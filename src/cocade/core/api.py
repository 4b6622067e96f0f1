"""Shared pieces of the JSON API: token authentication and error mapping to {code, message}."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from pydantic import ConfigDict, model_validator

from cocade.core.errors import DomainError


class ErrorOut(Schema):
    """The body of every error response."""

    code: str = Field(..., description="A stable machine code.", examples=["invalid"])
    message: str = Field(..., description="A sentence for people, in the request's language.")
    detail: dict[str, list[str]] = Field(
        ..., description="Messages by field (`__all__`: the whole object); may be empty."
    )


def reject_nul(value: Any) -> None:
    """NUL characters cannot be stored (PostgreSQL refuses them): refuse them up front."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(_("Texts cannot contain NUL characters."))
    elif isinstance(value, dict):
        for key, item in value.items():
            reject_nul(key)
            reject_nul(item)
    elif isinstance(value, list):
        for item in value:
            reject_nul(item)


class BodyIn(Schema):
    """A request body: unknown fields are refused (422), nothing is guessed."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _no_nul_characters(cls, data: Any) -> Any:
        if isinstance(data, dict):
            reject_nul(data)
        return data

    def changes(self) -> dict[str, Any]:
        """Only the fields the client sent."""
        return self.model_dump(exclude_unset=True)


def omittable(**kwargs: Any) -> Any:
    """A body field that may be left out, but not sent as null (`X | None` fields may)."""
    return Field(None, **kwargs)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cct_…`: a personal access token from the staff space."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from cocade.accounts.services import authenticate_api_token

        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
        return user


def _error(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str, detail: Any = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "detail": detail or {}}, status=status
    )


def _error_location(loc: tuple[Any, ...] | list[Any]) -> str:
    """`["body", "payload", "latitude"]` -> "latitude"; `["query", "lat"]` -> "lat"."""
    parts = [str(part) for part in loc]
    # A body error's location starts with "body" and the name of the body parameter.
    parts = parts[2:] if parts[:1] == ["body"] else parts[1:]
    return ".".join(parts) or "body"


def _http_error_codes() -> dict[int, tuple[str, str]]:
    return {
        400: ("bad_request", _("The request could not be read; send a JSON object.")),
        401: ("unauthenticated", _("A valid API token is required (Authorization: Bearer …).")),
        403: ("forbidden", _("You are not allowed to do this.")),
        404: ("not_found", _("Not found.")),
        405: ("method_not_allowed", _("This method is not allowed here.")),
        429: ("throttled", _("Too many requests; try again later.")),
    }


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        detail = exc.detail or ({exc.field: [str(exc.message)]} if exc.field else {})
        return _error(api, request, exc.status, exc.code, str(exc.message), detail)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        detail: dict[str, list[str]] = {}
        for error in exc.errors:
            location = _error_location(error.get("loc", ()))
            detail.setdefault(location, []).append(str(error.get("msg", "")))
        return _error(
            api, request, 422, "invalid", _("The request body or parameters are not valid."), detail
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(
            api,
            request,
            401,
            "unauthenticated",
            _("A valid API token is required (Authorization: Bearer …)."),
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, 404, "not_found", _("Not found."))

    @api.exception_handler(RequestDataTooBig)
    def too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return _error(api, request, 413, "too_large", _("The request body is too large."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code, message = _http_error_codes().get(exc.status_code, ("error", str(exc)))
        return _error(api, request, exc.status_code, code, message)
