"""Who holds which role where. Results are cached on the user object for one request."""

from __future__ import annotations

from typing import Any

from cocade.accounts.enums import TWO_FACTOR_ROLES, Role
from cocade.accounts.models import ApiToken, Membership


def active_memberships(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_cocade_memberships", None)
    if cached is None:
        cached = list(Membership.objects.active().filter(user=user).select_related("centre"))
        user._cocade_memberships = cached
    return cached


def is_network_coordinator(user: Any) -> bool:
    return any(m.role == Role.NETWORK_COORDINATOR for m in active_memberships(user))


def centre_ids_with_role(user: Any, *roles: str) -> set[int]:
    return {
        m.centre_id
        for m in active_memberships(user)
        if m.centre_id is not None and (not roles or m.role in roles)
    }


def has_any_role(user: Any) -> bool:
    return bool(active_memberships(user))


def needs_two_factor(user: Any) -> bool:
    return any(m.role in TWO_FACTOR_ROLES for m in active_memberships(user))


def api_tokens_of(user: Any) -> Any:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)
