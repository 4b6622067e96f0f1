"""Helpers of the agenda's JSON API tests: tokens, JSON requests and the rows a write may
change."""

import json

from cocade.accounts.models import ApiToken, hash_token
from cocade.agenda.models import (
    Attendance,
    Event,
    EventSession,
    Question,
    Registration,
)
from cocade.core.models import AuditLogEntry

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def bearer(user) -> dict[str, str]:
    """Request headers with a personal token of `user` (any user: the token page refuses one
    to people without a role, but the API takes any valid token)."""
    raw = f"cct_agenda_{user.pk}"
    if not ApiToken.objects.filter(key_hash=hash_token(raw)).exists():
        ApiToken.objects.create(user=user, name="tests", prefix=raw[:12], key_hash=hash_token(raw))
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def send(client, method: str, path: str, body, **headers):
    """A JSON request; a str body is sent as it is (to send broken JSON)."""
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(path, data, content_type="application/json", **headers)


def agenda_rows() -> dict[str, list]:
    """Every row an agenda write could change, with the audit entries of the agenda."""
    return {
        "events": list(Event.objects.order_by("pk").values()),
        "organisers": list(Event.organisers.through.objects.order_by("pk").values()),
        "sessions": list(EventSession.objects.order_by("pk").values()),
        "questions": list(Question.objects.order_by("pk").values()),
        "registrations": list(Registration.objects.order_by("pk").values()),
        "attendances": list(Attendance.objects.order_by("pk").values()),
        "audit": list(
            AuditLogEntry.objects.filter(action__startswith="agenda.")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }
