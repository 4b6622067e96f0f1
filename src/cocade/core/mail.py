"""Email goes through the task queue: the request only enqueues, the worker delivers."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def serialize_message(message: EmailMessage) -> dict[str, Any]:
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {key: str(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def deserialize_message(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


_suppressed: ContextVar[bool] = ContextVar("cocade_mail_suppressed", default=False)


@contextmanager
def emails_suppressed() -> Iterator[None]:
    """Send nothing inside the block (demo data goes through the services but mails no one)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def emails_are_suppressed() -> bool:
    """True inside `emails_suppressed()`: code that enqueues its own email tasks checks it."""
    return _suppressed.get()


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueue each message as a `deliver_email` task once the transaction commits."""

    def send_messages(self, email_messages: Any) -> int:
        from cocade.core.tasks import deliver_email

        if _suppressed.get():
            return 0
        count = 0
        for message in email_messages:
            payload = serialize_message(message)
            transaction.on_commit(lambda payload=payload: deliver_email.enqueue(payload))
            count += 1
        return count


def absolute_url(name: str, **kwargs: Any) -> str:
    """The full address of a page, for a link in an email."""
    from django.conf import settings
    from django.urls import reverse

    return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs)}"


def send_to_each(recipients: Iterable[Any], build: Any) -> int:
    """One message per active recipient with an address, each written in their preferred
    language: `build(user)` returns (subject, body) and runs with that language active."""
    from django.conf import settings
    from django.utils import translation

    if _suppressed.get():
        return 0
    sent = 0
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen or not user.email or not user.is_active:
            continue
        seen.add(user.pk)
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            subject, body = build(user)
            message = EmailMessage(
                subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
                body=body,
                to=[user.email],
            )
        sent += message.send()
    return sent
