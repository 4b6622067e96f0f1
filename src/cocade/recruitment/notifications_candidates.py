"""Emails to the candidates of a speed recruitment, and the calendar file of their interviews.

The worker builds each email (tasks in `tasks_candidates`) in the candidate's language, from
the database as it is when it runs: a candidate who withdrew, was erased or anonymised
meanwhile gets nothing. Every email links to the candidate's own page (the agenda
registration's signed link). Invitations and timetables are claimed one candidate at a time
by a conditional UPDATE (`invited_at IS NULL`, `timetable_sent_at IS NULL`) in the same
transaction as the message, which is queued when that commits: two runs at once (a double
click, two workers) email each candidate once. Nothing is sent, nor claimed, inside
`core.mail.emails_suppressed()`. Logs name candidates by id only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, vText
from icalendar import Event as VEvent

from cocade.agenda import calendar, qr
from cocade.agenda.enums import ACTIVE_STATUSES, RegistrationStatus
from cocade.agenda.notifications import CALENDAR_MIMETYPE, QR_FILENAME, when_text
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.core.mail import absolute_url, emails_are_suppressed, send_to_each
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus
from cocade.recruitment.models import Application, Candidate, Interview, RecruitmentDay
from cocade.recruitment.services.candidates import TimetableRow, applications_of, timetable_of

logger = logging.getLogger(__name__)

PRODID = "-//COCADE//Speed recruitment//EN"
PDF_FILENAME = "timetable.pdf"
ICS_FILENAME = "interviews.ics"


@dataclass(frozen=True)
class Recipient:
    """A candidate as `core.mail.send_to_each` takes a recipient."""

    pk: int
    email: str
    preferred_language: str
    is_active: bool = True


def _recipient(candidate: Candidate) -> Recipient:
    registration = candidate.registration
    return Recipient(registration.pk, registration.email, registration.language)


def reachable_candidates() -> QuerySet[Candidate]:
    """Candidates who may still be emailed: registration active, not anonymised."""
    return (
        Candidate.objects.select_related("registration", "day__event__centre", "day__event__site")
        .filter(registration__status__in=ACTIVE_STATUSES, registration__anonymised_at__isnull=True)
        .exclude(registration__email="")
    )


def page_url(candidate: Candidate) -> str:
    """The candidate's own page, in the active language."""
    return absolute_url("recruitment:candidate", token=manage_token(candidate.registration))


def _context(candidate: Candidate, **extra: Any) -> dict[str, Any]:
    event = candidate.day.event
    centre = event.centre
    return {
        "name": candidate.registration.name,
        "title": str(event.title_i18n),
        "when": when_text(event),
        "place": calendar.location_of(event),
        "page_url": page_url(candidate),
        "contact_email": event.contact_email or (centre.email if centre is not None else ""),
        **extra,
    }


def _one_line(text: str) -> str:
    """A subject on one line, whatever a title holds (a line break would inject a header)."""
    return " ".join(text.split())


def _send_one(candidate: Candidate, build: Callable[[], tuple[str, str]]) -> int:
    return send_to_each([_recipient(candidate)], lambda _person: build())


# --- application received -------------------------------------------------------------------


def send_application_received(candidate_id: int) -> str:
    """The "application received" email with the link to the candidate's page: "sent", or
    "gone" when the candidate withdrew or was erased before the worker ran."""
    candidate = reachable_candidates().filter(pk=candidate_id).first()
    if candidate is None:
        logger.info("Candidate %s is gone: no application email", candidate_id)
        return "gone"

    def build() -> tuple[str, str]:
        context = _context(candidate, applications=applications_of(candidate))
        subject = _("Application received: %(event)s") % {"event": context["title"]}
        return _one_line(subject), render_to_string(
            "recruitment/email/candidate_received.txt", context
        )

    sent = _send_one(candidate, build)
    return "sent" if sent else "suppressed"


# --- invitations ----------------------------------------------------------------------------


def _shortlisted() -> Prefetch:
    return Prefetch(
        "applications",
        queryset=Application.objects.filter(status=ApplicationStatus.SHORTLISTED)
        .select_related("company", "offer")
        .order_by("rank", "pk"),
        to_attr="shortlisted",
    )


def candidates_to_invite(day: RecruitmentDay) -> QuerySet[Candidate]:
    shortlisted = Application.objects.filter(
        candidate=OuterRef("pk"), status=ApplicationStatus.SHORTLISTED
    )
    return (
        reachable_candidates()
        .filter(day=day, invited_at__isnull=True)
        .filter(Exists(shortlisted))
        .prefetch_related(_shortlisted())
        .order_by("pk")
    )


def send_invitations(day: RecruitmentDay) -> int:
    """Tell each candidate with at least one pre-selected application, not told yet, that
    they are pre-selected and that the timetable follows; returns how many were emailed."""
    if emails_are_suppressed():
        return 0
    now = timezone.now()
    sent = 0
    for candidate in list(candidates_to_invite(day)):

        def build(candidate: Candidate = candidate) -> tuple[str, str]:
            context = _context(candidate, applications=getattr(candidate, "shortlisted", []))
            subject = _("You are pre-selected: %(event)s") % {"event": context["title"]}
            return _one_line(subject), render_to_string(
                "recruitment/email/candidate_invitation.txt", context
            )

        with transaction.atomic():
            claimed = Candidate.objects.filter(pk=candidate.pk, invited_at__isnull=True).update(
                invited_at=now
            )
            if claimed:
                sent += _send_one(candidate, build)
    if sent:
        logger.info("Sent %d invitation(s) of speed recruitment %s", sent, day.pk)
    return sent


# --- timetables -----------------------------------------------------------------------------


def timetable_text(rows: list[TimetableRow]) -> list[str]:
    """One line per interview, in the active language's time format."""
    lines = []
    for row in rows:
        values = {
            "start": formats.time_format(row.starts_at, "TIME_FORMAT"),
            "end": formats.time_format(row.ends_at, "TIME_FORMAT"),
            "company": row.company,
            "table": row.table,
        }
        if row.offer:
            values["offer"] = row.offer
            line = _("%(start)s–%(end)s · %(company)s, table %(table)s · %(offer)s") % values
        else:
            line = _("%(start)s–%(end)s · %(company)s, table %(table)s") % values
        lines.append(line)
    return lines


def candidates_with_interviews(day: RecruitmentDay) -> QuerySet[Candidate]:
    interviews = Interview.objects.filter(candidate=OuterRef("pk")).exclude(
        status=InterviewStatus.CANCELLED
    )
    return (
        reachable_candidates()
        .filter(day=day, timetable_sent_at__isnull=True)
        .filter(Exists(interviews))
        .order_by("pk")
    )


def _timetable_message(candidate: Candidate) -> EmailMessage:
    """The timetable email, built in the candidate's language, with the PDF, the interviews'
    calendar file and (for a confirmed registration) the QR code of arrival attached."""
    from cocade.recruitment.outputs import candidate_timetable_pdf

    registration = candidate.registration
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        rows = timetable_of(candidate)
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        context = _context(
            candidate,
            lines=timetable_text(rows),
            pdf_filename=PDF_FILENAME,
            ics_filename=ICS_FILENAME,
            qr_filename=QR_FILENAME if confirmed else "",
        )
        subject = _one_line(_("Your interview timetable: %(event)s") % {"event": context["title"]})
        message = EmailMessage(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body=render_to_string("recruitment/email/candidate_timetable.txt", context),
            to=[registration.email],
            reply_to=[context["contact_email"]] if context["contact_email"] else None,
        )
        message.attach(PDF_FILENAME, candidate_timetable_pdf(candidate), "application/pdf")
        message.attach(ICS_FILENAME, interviews_ics(candidate, language), CALENDAR_MIMETYPE)
        if confirmed:
            message.attach(QR_FILENAME, qr.qr_png(check_in_token(registration)), "image/png")
    return message


def send_timetables(day: RecruitmentDay) -> int:
    """Email each candidate with interviews, not sent theirs yet, their timetable once the
    schedule is published; returns how many were emailed."""
    if emails_are_suppressed() or day.schedule_published_at is None:
        return 0
    now = timezone.now()
    sent = 0
    for candidate in list(candidates_with_interviews(day)):
        # Built before the claim: the PDF takes a moment, and no row is locked meanwhile.
        message = _timetable_message(candidate)
        with transaction.atomic():
            claimed = Candidate.objects.filter(
                pk=candidate.pk, timetable_sent_at__isnull=True
            ).update(timetable_sent_at=now)
            if claimed:
                sent += message.send()
    if sent:
        logger.info("Sent %d timetable(s) of speed recruitment %s", sent, day.pk)
    return sent


def send_timetable_change(candidate: Candidate) -> int:
    """Tell a candidate their timetable changed (after a re-optimisation), with the new one
    in the body; returns 1 when emailed, 0 when the candidate can no longer be reached."""
    current = reachable_candidates().filter(pk=candidate.pk).first()
    if current is None or emails_are_suppressed():
        return 0

    def build() -> tuple[str, str]:
        context = _context(current, lines=timetable_text(timetable_of(current)))
        subject = _("Your timetable has changed: %(event)s") % {"event": context["title"]}
        return _one_line(subject), render_to_string(
            "recruitment/email/candidate_timetable_change.txt", context
        )

    with transaction.atomic():
        Candidate.objects.filter(pk=current.pk).update(timetable_sent_at=timezone.now())
        return _send_one(current, build)


# --- calendar -------------------------------------------------------------------------------


def _interview_event(row: TimetableRow, candidate: Candidate, stamp: datetime) -> VEvent:
    event = candidate.day.event
    item = VEvent()
    item.add("uid", f"interview-{row.interview.pk}.{calendar.uid_of(event)}")
    item.add("dtstamp", stamp)
    item.add("dtstart", row.interview.starts_at)
    item.add("dtend", row.interview.ends_at)
    item.add("summary", _("Interview: %(company)s") % {"company": row.company})
    details = [_("Table %(table)s") % {"table": row.table}, str(event.title_i18n)]
    if row.offer:
        details.insert(1, row.offer)
    item.add("description", "\n".join([*details, page_url(candidate)]))
    location = calendar.location_of(event)
    if location:
        item.add("location", location)
    item.add("status", "CONFIRMED")
    return item


def interviews_ics(candidate: Candidate, language: str) -> bytes:
    """The candidate's interviews as an iCalendar file (times in UTC, one entry each)."""
    with translation.override(language):
        ics = Calendar()
        ics.add("prodid", PRODID)
        ics.add("version", "2.0")
        ics.add("calscale", "GREGORIAN")
        ics.add("method", "PUBLISH")
        ics.add("x-wr-calname", vText(_("My interviews: %(event)s") % {"event": candidate.day}))
        stamp = timezone.now()
        for row in timetable_of(candidate):
            ics.add_component(_interview_event(row, candidate, stamp))
    return ics.to_ical()
