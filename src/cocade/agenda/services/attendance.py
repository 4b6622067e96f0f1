"""Check-in and attendance by half-day.

Scanning a registrant's QR code (or picking their name) records them present for the current
half-day of the event, in the event's time zone. The unique constraint (registration, day,
half) makes a second scan harmless: it records nothing and says when they were checked in.
Organisers may also tick or untick any half-day afterwards, for the attendance sheet.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda import rules
from cocade.agenda.enums import EventStatus, HalfDay, RegistrationStatus
from cocade.agenda.errors import NotAnEventDay, NotConfirmed
from cocade.agenda.models import AFTERNOON_STARTS, Attendance, Registration
from cocade.core.audit import record_action
from cocade.core.errors import Forbidden, InvalidInput


def half_day_at(event: Any, moment: datetime) -> tuple[date, str]:
    local = moment.astimezone(event.zone)
    half = HalfDay.MORNING if local.time() < AFTERNOON_STARTS else HalfDay.AFTERNOON
    return local.date(), str(half)


def check_in(
    *, actor: Any, registration: Registration, at: datetime | None = None
) -> tuple[Attendance, bool]:
    """Record the registrant present now. Returns (attendance, created): created is False on
    a repeated scan, which changes nothing."""
    event = registration.event
    if not rules.can_manage_event(actor, event):
        raise Forbidden()
    if event.status != EventStatus.PUBLISHED:
        raise NotAnEventDay(_("This event is not taking place: it is cancelled or not published."))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise NotConfirmed()
    day, half = half_day_at(event, at or timezone.now())
    if (day, half) not in event.half_days():
        raise NotAnEventDay()
    return _record(actor, registration, day, half)


def _record(
    actor: Any, registration: Registration, day: date, half: str
) -> tuple[Attendance, bool]:
    existing = Attendance.objects.filter(registration=registration, day=day, half=half).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                registration=registration, day=day, half=half, checked_in_by=actor
            )
            record_action(
                actor=actor,
                action="agenda.registration.checked_in",
                target=registration.event,
                centre_id=registration.event.centre_id,
                changes={"registration": registration.pk, "day": day.isoformat(), "half": half},
            )
    except IntegrityError:
        # Scanned at the same moment on two phones: the other scan recorded it.
        return Attendance.objects.get(registration=registration, day=day, half=half), False
    return attendance, True


def set_attendance(
    *, actor: Any, registration: Registration, day: date, half: str, present: bool
) -> bool:
    """Tick or untick one half-day; returns whether the person is now marked present."""
    event = registration.event
    if not rules.can_manage_event(actor, event):
        raise Forbidden()
    if (day, half) not in event.half_days():
        raise InvalidInput(_("This half-day is not part of the event."))
    if timezone.now() < event.starts_at:
        raise NotAnEventDay(_("Attendance can be recorded once the event has started."))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise NotConfirmed()
    if present:
        _record(actor, registration, day, half)
        return True
    with transaction.atomic():
        deleted, _rows = Attendance.objects.filter(
            registration=registration, day=day, half=half
        ).delete()
        if deleted:
            record_action(
                actor=actor,
                action="agenda.registration.attendance_removed",
                target=event,
                centre_id=event.centre_id,
                changes={"registration": registration.pk, "day": day.isoformat(), "half": half},
            )
    return False
