"""Organisers' mailings to an event's registrants: queued by the page, sent by the worker.

An organiser writes a subject and a plain-text message to one audience: every confirmed
registrant, those who came (at least one half-day of attendance) or those who did not (only
once the event has started: before, everyone is a "no-show"). `create_mailing` checks the
text and the audience, refuses an empty audience and a repeat of the same mailing within a
minute (a double click), records it with the number of recipients and has the worker call
`deliver_mailing` once the transaction commits.

`deliver_mailing` claims the mailing with one conditional UPDATE (queued → sending), so a
mailing is sent once whatever the number of workers. Each recipient gets their own message:
the greeting and the footer (with the link to their registration page) in their language,
the organiser's subject and text as written. `sent` grows by a conditional UPDATE after each
message, which the progress page polls; the mailing ends "sent" or "failed" with its time.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import formats, timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.agenda import rules, tokens
from cocade.agenda.enums import MailingAudience, MailingStatus, RegistrationStatus
from cocade.agenda.models import Attendance, Event, EventMailing, Registration
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, interpolate
from cocade.core.mail import absolute_url

logger = logging.getLogger(__name__)

MAX_SUBJECT_LENGTH = 200
MAX_BODY_LENGTH = 20_000
#: The same mailing asked for again within this time is taken for a double click.
REPEAT_WINDOW = timedelta(minutes=1)


class EmptyAudience(InvalidInput):
    code = "empty_audience"
    default_message = _("Nobody is in this audience yet: there is no one to write to.")


class NoShowsNotKnown(InvalidInput):
    code = "no_shows_not_known"


class MailingRepeated(Conflict):
    code = "mailing_repeated"
    default_message = _(
        "The same mailing was queued less than a minute ago: it is not queued a second time."
    )


# --- audiences ------------------------------------------------------------------------------


def has_started(event: Event, now: Any = None) -> bool:
    return (now or timezone.now()) >= event.starts_at


def recipients(event: Event, audience: str) -> QuerySet[Registration]:
    """The confirmed registrations with an address that `audience` covers, in order."""
    attended = Exists(Attendance.objects.filter(registration=OuterRef("pk")))
    rows = (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .exclude(email="")
        .order_by("created_at", "pk")
    )
    if audience == MailingAudience.ATTENDEES:
        return rows.filter(attended)
    if audience == MailingAudience.NO_SHOWS:
        return rows.filter(~attended)
    return rows


def audience_sizes(event: Event) -> dict[str, int]:
    """How many people each audience reaches now."""
    rows = recipients(event, MailingAudience.ALL).annotate(
        came=Exists(Attendance.objects.filter(registration=OuterRef("pk")))
    )
    came = list(rows.values_list("came", flat=True))
    attendees = sum(1 for flag in came if flag)
    return {
        str(MailingAudience.ALL): len(came),
        str(MailingAudience.ATTENDEES): attendees,
        str(MailingAudience.NO_SHOWS): len(came) - attendees,
    }


# --- checks ---------------------------------------------------------------------------------


def _clean_subject(subject: Any) -> str:
    subject = " ".join(subject.split()) if isinstance(subject, str) else ""
    if not subject:
        raise InvalidInput(_("Please give the mailing a subject."), field="subject")
    if len(subject) > MAX_SUBJECT_LENGTH or "\x00" in subject:
        raise InvalidInput(
            interpolate(
                _("The subject is longer than %(max)d characters."), {"max": MAX_SUBJECT_LENGTH}
            ),
            field="subject",
        )
    return subject


def _clean_body(body: Any) -> str:
    body = body.replace("\r\n", "\n").strip() if isinstance(body, str) else ""
    if not body:
        raise InvalidInput(_("Please write the message."), field="body")
    if len(body) > MAX_BODY_LENGTH or "\x00" in body:
        raise InvalidInput(
            interpolate(
                _("The message is longer than %(max)d characters."), {"max": MAX_BODY_LENGTH}
            ),
            field="body",
        )
    return body


def _check_audience(event: Event, audience: Any) -> str:
    if audience not in MailingAudience.values:
        raise InvalidInput(_("Choose who receives the mailing."), field="audience")
    if audience == MailingAudience.NO_SHOWS and not has_started(event):
        raise NoShowsNotKnown(
            interpolate(
                _(
                    "No-shows are known only once the event has started (%(start)s): until "
                    "then, write to all confirmed registrants."
                ),
                {"start": _lazy_local_start(event)},
            ),
            field="audience",
        )
    return str(audience)


def _local_start(event: Event) -> str:
    """When the event starts, in its own time zone, written in the active language."""
    start = formats.date_format(event.local_start, "DATETIME_FORMAT")
    return f"{start} ({event.timezone})"


_lazy_local_start = lazy(_local_start, str)


# --- queueing -------------------------------------------------------------------------------


def create_mailing(
    *, actor: Any, event: Event, audience: Any, subject: Any, body: Any
) -> EventMailing:
    """Queue a mailing to one audience of the event's registrants (organisers only)."""
    if not rules.can_manage_event(actor, event):
        raise Forbidden(_("Only the event's organisers write to its registrants."))
    subject = _clean_subject(subject)
    body = _clean_body(body)
    audience = _check_audience(event, audience)
    from cocade.agenda.tasks import send_event_mailing

    with transaction.atomic():
        # One organiser's double click, or two organisers at once: the event's row lock makes
        # the second wait for the first, then see its mailing.
        Event.objects.select_for_update().filter(pk=event.pk).values_list("pk").first()
        total = recipients(event, audience).count()
        if not total:
            raise EmptyAudience(field="audience")
        repeated = EventMailing.objects.filter(
            event=event,
            audience=audience,
            subject=subject,
            body=body,
            created_at__gte=timezone.now() - REPEAT_WINDOW,
        ).exists()
        if repeated:
            raise MailingRepeated()
        mailing = EventMailing.objects.create(
            event=event,
            audience=audience,
            subject=subject,
            body=body,
            total=total,
            created_by=actor,
        )
        record_action(
            actor=actor,
            action="agenda.mailing.created",
            target=event,
            centre_id=event.centre_id,
            changes={"mailing": mailing.pk, "audience": audience, "total": total},
        )
        mailing_id = mailing.pk
        transaction.on_commit(lambda: send_event_mailing.enqueue(mailing_id))
    return mailing


# --- sending (the worker) -------------------------------------------------------------------


def compose(mailing: EventMailing, registration: Registration) -> EmailMessage:
    """One recipient's message: the wrapper in their language, the organiser's text as is."""
    event = mailing.event
    with translation.override(registration.language):
        greeting = gettext("Hello %(name)s,") % {"name": registration.name}
        footer = gettext(
            "You receive this message from the organisers of “%(event)s” (%(start)s) because "
            "you registered for it. To see, cancel or delete your registration:"
        ) % {"event": event.title_i18n, "start": _local_start(event)}
        link = absolute_url("agenda:registration", token=tokens.manage_token(registration))
    body = f"{greeting}\n\n{mailing.body}\n\n-- \n{footer}\n{link}\n"
    return EmailMessage(
        subject=mailing.subject,
        body=body,
        to=[registration.email],
        reply_to=[event.contact_email] if event.contact_email else None,
    )


def deliver_mailing(mailing_id: int) -> str:
    """Send a queued mailing (run by the worker); anything but a queued mailing is left."""
    claimed = EventMailing.objects.filter(pk=mailing_id, status=MailingStatus.QUEUED).update(
        status=MailingStatus.SENDING, sent=0
    )
    mailing = EventMailing.objects.select_related("event").filter(pk=mailing_id).first()
    if mailing is None:
        return "gone"
    if not claimed:
        return str(mailing.status)
    people = list(recipients(mailing.event, mailing.audience))
    EventMailing.objects.filter(pk=mailing.pk).update(total=len(people))
    try:
        for registration in people:
            compose(mailing, registration).send()
            EventMailing.objects.filter(pk=mailing.pk, status=MailingStatus.SENDING).update(
                sent=F("sent") + 1
            )
    except Exception as error:
        # No personal data in the log: the mailing's id and the kind of error only.
        logger.error("Mailing %s failed: %s", mailing.pk, type(error).__name__)
        EventMailing.objects.filter(pk=mailing.pk).update(
            status=MailingStatus.FAILED, finished_at=timezone.now()
        )
        return str(MailingStatus.FAILED)
    EventMailing.objects.filter(pk=mailing.pk).update(
        status=MailingStatus.SENT, finished_at=timezone.now()
    )
    return str(MailingStatus.SENT)
