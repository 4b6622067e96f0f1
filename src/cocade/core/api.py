"""Shared pieces of the JSON API: token authentication and error mapping to {code, message}."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from cocade.core.errors import DomainError


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cct_…`: a personal access token from the staff space."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from cocade.accounts.services import authenticate_api_token

        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
        return user


def _error(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str,
           detail: Any = None) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "detail": detail or {}}, status=status
    )


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return _error(api, request, exc.status, exc.code, str(exc.message), exc.detail)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        detail: dict[str, list[str]] = {}
        for error in exc.errors:
            location = ".".join(str(part) for part in error.get("loc", ())[1:]) or "body"
            detail.setdefault(location, []).append(str(error.get("msg", "")))
        return _error(api, request, 422, "invalid",
                      _("The request body or parameters are not valid."), detail)

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(api, request, 401, "unauthenticated",
                      _("A valid API token is required (Authorization: Bearer …)."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, 404, "not_found", _("Not found."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return _error(api, request, exc.status_code, "error", str(exc))
