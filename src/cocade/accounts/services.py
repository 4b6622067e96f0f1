from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.accounts.enums import Role
from cocade.accounts.models import ApiToken, Membership, User, hash_token
from cocade.accounts.selectors import has_any_role
from cocade.core.audit import record_action
from cocade.core.errors import Forbidden, InvalidInput, NotFound

TOKEN_PREFIX = "cct_"


def create_api_token(
    *, user: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns it with the raw key, which is shown only once."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Give the token a name."), field="name")
    if len(name) > 100:
        raise InvalidInput(_("The name is too long (100 characters at most)."), field="name")
    if not has_any_role(user):
        raise Forbidden(_("Only staff members can create API tokens."))
    if expires_at is not None and expires_at <= timezone.now():
        raise InvalidInput(_("The expiry date must be in the future."), field="expires_at")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, prefix=raw[:12], key_hash=hash_token(raw), expires_at=expires_at
        )
        record_action(
            actor=user,
            action="accounts.api_token.created",
            target=token,
            changes={"name": {"before": None, "after": name}},
        )
    return token, raw


def revoke_api_token(*, user: User, token_id: int) -> ApiToken:
    with transaction.atomic():
        token = (
            ApiToken.objects.select_for_update()
            .filter(pk=token_id, user=user, revoked_at__isnull=True)
            .first()
        )
        if token is None:
            raise NotFound()
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_action(actor=user, action="accounts.api_token.revoked", target=token)
    return token


def authenticate_api_token(raw: str) -> User | None:
    """The active user behind a raw token, or None. Updates `last_used_at` at most hourly."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.usable().select_related("user").filter(key_hash=hash_token(raw)).first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 3600:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def grant_role(*, actor: Any, user: User, role: str, centre: Any = None) -> Membership:
    """Give `user` a role at `centre` (or network-wide). Idempotent."""
    if role not in Role.values:
        raise InvalidInput(_("Unknown role."), field="role")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, role=role, centre=centre, revoked_at=None
        )
        if created:
            record_action(
                actor=actor,
                action="accounts.membership.created",
                target=membership,
                centre_id=getattr(centre, "pk", None),
                changes={"role": {"before": None, "after": role}},
            )
    return membership
