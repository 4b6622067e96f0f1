"""The staff space's home page and the personal API tokens."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cocade.accounts import selectors, services
from cocade.accounts.enums import Role
from cocade.accounts.forms import ApiTokenForm
from cocade.accounts.models import User
from cocade.competencies import rules as competency_rules
from cocade.core.errors import DomainError, Forbidden, NotFound, apply_to_form
from cocade.directory import selectors as directory_selectors


def _user(request: HttpRequest) -> User:
    """The signed-in user (the views are behind `login_required`)."""
    return cast(User, request.user)


def _forbidden(request: HttpRequest, message: Any) -> HttpResponse:
    return render(request, "accounts/forbidden.html", {"message": message}, status=403)


_NO_ROLE = _("API tokens are for the staff of the network; your account has no staff role.")


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    memberships = selectors.active_memberships(request.user)
    context: dict[str, Any] = {"memberships": memberships}
    if memberships:
        context.update(
            centres=list(directory_selectors.centres_staffed_by(request.user)),
            is_coordinator=selectors.is_network_coordinator(request.user),
            can_edit_partners=request.user.has_perm("directory.change_partner"),
            can_self_assess=competency_rules.can_self_assess(request.user),
            is_framework_author=competency_rules.is_framework_author(request.user),
            managed_centre_ids=selectors.centre_ids_with_role(request.user, Role.CENTRE_MANAGER),
        )
    return render(request, "accounts/staff_home.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    if not selectors.has_any_role(request.user):
        return _forbidden(request, _NO_ROLE)
    status = 200
    created = None
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.create_api_token(
                user=_user(request), name=form.cleaned_data["name"], expires_at=form.expiry()
            )
        except Forbidden as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            apply_to_form(form, error)
        else:
            # The raw token is shown on this response only: never stored, never redirected.
            created = {"token": token, "raw": raw}
            form = ApiTokenForm()
    if form.is_bound and form.errors:
        status = 400
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "tokens": selectors.api_tokens_of(request.user),
            "created": created,
            "now": timezone.now(),
        },
        status=status,
    )


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.has_any_role(request.user):
        return _forbidden(request, _NO_ROLE)
    try:
        token = services.revoke_api_token(user=_user(request), token_id=pk)
    except NotFound as error:
        raise Http404 from error
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("staff:api_tokens")
