from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from cocade.accounts.selectors import needs_two_factor

#: Paths under which a user without a second factor may still go (to set one up, or leave).
_ALLOWED_NAMES = (
    "mfa_activate_totp",
    "mfa_index",
    "account_logout",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
)


class RequireTwoFactorMiddleware:
    """Centre managers and network coordinators must turn on TOTP before using the staff space."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and "/staff/" in request.path
            and needs_two_factor(user)
            and not is_mfa_enabled(user)
        ):
            allowed = {reverse(name) for name in _ALLOWED_NAMES}
            if request.path not in allowed:
                return redirect("mfa_activate_totp")
        return self.get_response(request)
