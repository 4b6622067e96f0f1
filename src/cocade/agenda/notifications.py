"""Emails to registrants and the reminders before an event.

The worker builds each email (task `agenda.tasks.send_registration_email`) in the registrant's
language, from the registration as it is when the task runs: a registration that was deleted
or anonymised meanwhile gets nothing ("gone"), and an email whose news is no longer true (a
confirmation for a registration cancelled a moment later, a reminder for a cancelled event)
is not sent ("outdated"). Confirmations and reminders carry the event as an `.ics` file and
the check-in QR code as a PNG; every email links to the registrant's page, where they can see,
cancel or delete their registration. Logs name registrations by id only, never a person.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cocade.agenda import calendar, qr, tokens
from cocade.agenda.enums import ACTIVE_STATUSES, EventStatus, RegistrationStatus
from cocade.agenda.models import Event, Registration
from cocade.core.mail import absolute_url, send_to_each

logger = logging.getLogger(__name__)

#: Django adds `charset="utf-8"` to a text attachment itself (naming it here would repeat it).
CALENDAR_MIMETYPE = "text/calendar; method=PUBLISH"
QR_FILENAME = "qr-code.png"

#: The registration's status each kind of email speaks of ("event_cancelled": any).
KINDS: dict[str, str | None] = {
    "confirmed": RegistrationStatus.CONFIRMED,
    "promoted": RegistrationStatus.CONFIRMED,
    "reminder": RegistrationStatus.CONFIRMED,
    "waitlisted": RegistrationStatus.WAITLISTED,
    "pending": RegistrationStatus.PENDING,
    "declined": RegistrationStatus.DECLINED,
    "cancelled": RegistrationStatus.CANCELLED,
    "event_cancelled": None,
}
#: Kinds whose email is the registrant's ticket: calendar file and QR code attached.
TICKET_KINDS = frozenset({"confirmed", "promoted", "reminder"})


def _is_current(kind: str, registration: Registration, event: Event) -> bool:
    """Whether the news of a `kind` email is still true of the registration and its event:
    the registration has the status the email speaks of, and an email about a place held or
    awaited goes out only while the event is still on."""
    if kind == "event_cancelled":
        return event.status == EventStatus.CANCELLED
    expected = KINDS[kind]
    if registration.status != expected:
        return False
    return expected not in ACTIVE_STATUSES or event.status == EventStatus.PUBLISHED


def _subject(kind: str, title: str) -> str:
    subjects = {
        "confirmed": _("Registration confirmed: %(event)s"),
        "promoted": _("A place is free: your registration is confirmed: %(event)s"),
        "waitlisted": _("You are on the waiting list: %(event)s"),
        "pending": _("Registration received, awaiting approval: %(event)s"),
        "declined": _("Registration not accepted: %(event)s"),
        "cancelled": _("Registration cancelled: %(event)s"),
        "event_cancelled": _("Event cancelled: %(event)s"),
        "reminder": _("Reminder: %(event)s"),
    }
    return subjects[kind] % {"event": title}


def _lead(kind: str, title: str) -> str:
    leads = {
        "confirmed": _(
            "Your registration for “%(event)s” is confirmed. We look forward to seeing you."
        ),
        "promoted": _(
            "Good news: a place has become free and your registration for “%(event)s” is now "
            "confirmed. We look forward to seeing you."
        ),
        "waitlisted": _(
            "“%(event)s” is full at the moment, so you are on the waiting list. If a place "
            "becomes free, it goes to you automatically and we will email you."
        ),
        "pending": _(
            "We have received your registration for “%(event)s”. The organiser will review it "
            "and we will email you their answer."
        ),
        "declined": _(
            "We are sorry: the organiser could not accept your registration for “%(event)s”."
        ),
        "cancelled": _(
            "Your registration for “%(event)s” is cancelled. Thank you for letting us know."
        ),
        "event_cancelled": _(
            "We are sorry: “%(event)s” is cancelled and will not take place. You do not need "
            "to do anything."
        ),
        "reminder": _("A reminder: “%(event)s” starts soon. We look forward to seeing you."),
    }
    return leads[kind] % {"event": title}


def when_text(event: Event) -> str:
    """The event's dates and times in its own time zone, with the zone's name."""
    start, end = event.local_start, event.local_end
    values = {
        "start_date": formats.date_format(start, "DATE_FORMAT"),
        "start_time": formats.time_format(start, "TIME_FORMAT"),
        "end_date": formats.date_format(end, "DATE_FORMAT"),
        "end_time": formats.time_format(end, "TIME_FORMAT"),
        "zone": event.timezone,
    }
    if start.date() == end.date():
        return _("%(start_date)s, %(start_time)s – %(end_time)s (%(zone)s time)") % values
    return _("%(start_date)s, %(start_time)s – %(end_date)s, %(end_time)s (%(zone)s time)") % values


def _place(event: Any) -> str:
    parts = [event.venue_name]
    if event.site_id:
        site = event.site
        parts += [str(site.name_i18n), site.address, f"{site.postcode} {site.commune}".strip()]
    parts.append(event.address)
    return ", ".join(part for part in parts if part)


def _contact(event: Any) -> tuple[str, str]:
    """(organiser's name, contact email) of the event; either may be empty."""
    centre = event.centre
    organiser = str(centre.name_i18n) if centre is not None else ""
    email = event.contact_email or (centre.email if centre is not None else "")
    return organiser, email


def _message(registration: Registration, event: Any, kind: str) -> EmailMultiAlternatives:
    """The email, built with the registrant's language active."""
    language = translation.get_language()
    title = str(event.title_i18n)
    organiser, contact_email = _contact(event)
    ticket = kind in TICKET_KINDS
    context: dict[str, Any] = {
        "kind": kind,
        "language": language,
        "name": registration.name,
        "lead": _lead(kind, title),
        "title": title,
        "when": when_text(event),
        "place": _place(event),
        "online_url": event.online_url,
        "event_url": calendar.event_url(event, language),
        "manage_url": absolute_url("agenda:registration", token=tokens.manage_token(registration)),
        "is_active": registration.status in ACTIVE_STATUSES and kind != "event_cancelled",
        "ticket": ticket,
        "ics_filename": f"{event.slug}.ics",
        "qr_filename": QR_FILENAME,
        "organiser": organiser,
        "contact_email": contact_email,
    }
    # One line, whatever the title holds (a line break would be a header injection).
    subject = " ".join(_subject(kind, title).split())
    context["subject"] = subject
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=render_to_string("agenda/email/registration.txt", context),
        to=[registration.email],
        reply_to=[contact_email] if contact_email else None,
    )
    message.attach_alternative(
        render_to_string("agenda/email/registration.html", context), "text/html"
    )
    if ticket:
        message.attach(f"{event.slug}.ics", calendar.event_ics(event, language), CALENDAR_MIMETYPE)
        message.attach(QR_FILENAME, qr.qr_png(tokens.check_in_token(registration)), "image/png")
    return message


def send_registration_email(registration_id: int, kind: str) -> str:
    """Email a registrant about their registration: `kind` is one of confirmed, waitlisted,
    pending, promoted, declined, cancelled, event_cancelled, reminder. Returns the kind when
    sent, "gone" when the registration no longer exists or was anonymised, "outdated" when
    the news is no longer true."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of registration email: {kind!r}")
    registration = (
        Registration.objects.select_related("event", "event__centre", "event__site")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.anonymised_at is not None or not registration.email:
        logger.info("Registration %s is gone: no %s email", registration_id, kind)
        return "gone"
    event = registration.event
    if not _is_current(kind, registration, event):
        logger.info("Registration %s changed: its %s email is not sent", registration_id, kind)
        return "outdated"
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        _message(registration, event, kind).send()
    logger.info("Sent the %s email of registration %s", kind, registration_id)
    return kind


# --- reminders ------------------------------------------------------------------------------


def due_reminders(now: datetime) -> Any:
    """Confirmed registrations of published events that start within the reminder period
    and that have not been reminded."""
    horizon = now + timedelta(hours=settings.COCADE_EVENT_REMINDER_HOURS)
    return Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        anonymised_at__isnull=True,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=horizon,
    )


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Queue a reminder for each due registration; returns how many were queued.

    Each registration is claimed by a conditional UPDATE (`reminded_at IS NULL`) in its own
    transaction and its email is queued when that commits, so two runs at once (two workers,
    two schedulers) remind each person once."""
    from cocade.agenda.tasks import send_registration_email as email_task

    now = now or timezone.now()
    queued = 0
    for registration_id in due_reminders(now).order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration_id,
                status=RegistrationStatus.CONFIRMED,
                reminded_at__isnull=True,
            ).update(reminded_at=now)
            if claimed:
                transaction.on_commit(partial(email_task.enqueue, registration_id, "reminder"))
        queued += claimed
    if queued:
        logger.info("Queued %d event reminder(s)", queued)
    return queued


def send_invitations(event: Any, users: Any) -> int:
    """Tell members they are invited to an internal meeting, each in their language, with the
    link to the meeting's page where they register. Sent once the transaction commits."""

    def build(user: Any) -> tuple[str, str]:
        subject = _("Invitation: %(event)s") % {"event": event}
        body = "\n\n".join(
            [
                _("You are invited to %(event)s.") % {"event": event},
                _when_and_where(event),
                _("See the programme and register: %(url)s")
                % {"url": absolute_url("agenda:event", slug=event.slug)},
            ]
        )
        return subject, body

    return send_to_each(users, build)


def _when_and_where(event: Any) -> str:
    start = formats.date_format(event.local_start, "DATETIME_FORMAT")
    end = formats.date_format(event.local_end, "DATETIME_FORMAT")
    place = event.venue_name or event.address or event.online_url
    when = _("From %(start)s to %(end)s (%(zone)s time)") % {
        "start": start,
        "end": end,
        "zone": event.timezone,
    }
    return f"{when}\n{place}" if place else when
