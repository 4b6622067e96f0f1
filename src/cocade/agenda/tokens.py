"""Signed tokens of a registration: the link to manage (see, cancel, delete) it, and the QR
code that checks the registrant in. Each holds the registration's id and its `secret`; the
signature proves it was issued here, the secret that it was issued for this registration
(an erased registration, or a rotated secret, makes every older token useless)."""

from __future__ import annotations

from typing import Any

from django.core import signing

from cocade.agenda.errors import BadToken, WrongEvent
from cocade.agenda.models import Registration

MANAGE = "cocade.agenda.manage"
CHECK_IN = "cocade.agenda.check-in"


def make_token(registration: Registration, purpose: str) -> str:
    return signing.dumps([registration.pk, registration.secret], salt=purpose, compress=False)


def manage_token(registration: Registration) -> str:
    return make_token(registration, MANAGE)


def check_in_token(registration: Registration) -> str:
    return make_token(registration, CHECK_IN)


def read_token(raw: Any, purpose: str, queryset: Any = None) -> Registration:
    """The registration a token was made for, or BadToken (tampered, other purpose, erased)."""
    if not isinstance(raw, str) or not raw or len(raw) > 300:
        raise BadToken()
    try:
        pk, secret = signing.loads(raw.strip(), salt=purpose)
    except (signing.BadSignature, ValueError, TypeError):
        raise BadToken() from None
    queryset = queryset if queryset is not None else Registration.objects.all()
    registration = queryset.select_related("event").filter(pk=pk, secret=secret).first()
    if registration is None:
        raise BadToken()
    return registration


def read_check_in_token(raw: Any, event: Any) -> Registration:
    """The registration of a QR code scanned at `event`'s door: BadToken when the code is not
    valid, WrongEvent when it belongs to another event."""
    registration = read_token(raw, CHECK_IN)
    if registration.event_id != event.pk:
        raise WrongEvent(field="token")
    return registration
