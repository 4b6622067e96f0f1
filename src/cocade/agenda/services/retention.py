"""The retention period of registrants' personal data.

`settings.COCADE_REGISTRATION_RETENTION_MONTHS` calendar months after an event ends, its
registrations are anonymised: name, email, answers and the link to an account are erased and
the secret is replaced, so that every link and QR code sent to the registrant stops working.
What the network reports on stays: each registration's status, its consent date and its
attendance rows, so the counts of confirmed registrants, attendees and no-shows per half-day
do not change. Each event is done in one transaction under its row lock and marked with
`Event.anonymised_at`, so the job can run again, or twice at once, and change nothing more.
"""

from __future__ import annotations

import calendar
import logging
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cocade.agenda.models import Event, EventQuerySet, Registration, new_secret

logger = logging.getLogger(__name__)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier; a day the earlier month lacks
    becomes its last day (31 March minus one month is 28 or 29 February)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Events that ended before this moment are past the retention period."""
    now = timezone.localtime(now or timezone.now())
    return months_before(now, settings.COCADE_REGISTRATION_RETENTION_MONTHS)


def events_past_retention(now: datetime | None = None) -> EventQuerySet:
    """Events past the retention period whose registrations are not anonymised yet."""
    return Event.objects.filter(ends_at__lt=retention_cutoff(now), anonymised_at__isnull=True)


def registrations_past_retention(now: datetime | None = None) -> int:
    """How many registrations the next run would anonymise (for a dry run)."""
    return Registration.objects.filter(
        event__in=events_past_retention(now), anonymised_at__isnull=True
    ).count()


def anonymise_event_registrations(*, event_id: int, now: datetime) -> int:
    """Anonymise one past event's registrations and mark the event; returns how many.
    An event already done (by another run) is left alone and counts 0."""
    with transaction.atomic():
        event = (
            Event.objects.select_for_update()
            .filter(pk=event_id, anonymised_at__isnull=True)
            .first()
        )
        if event is None:
            return 0
        registrations = list(
            Registration.objects.filter(event_id=event.pk, anonymised_at__isnull=True).only("pk")
        )
        for registration in registrations:
            registration.name = ""
            registration.email = ""
            registration.answers = {}
            registration.user = None
            registration.secret = new_secret()
            registration.anonymised_at = now
        Registration.objects.bulk_update(
            registrations,
            ["name", "email", "answers", "user", "secret", "anonymised_at"],
            batch_size=500,
        )
        Event.objects.filter(pk=event.pk).update(anonymised_at=now)
    return len(registrations)


def anonymise_past_registrations(*, now: datetime | None = None) -> int:
    """Anonymise the registrations of every event past the retention period; returns how
    many registrations were anonymised (0 when there is nothing left to do)."""
    now = now or timezone.now()
    total = 0
    events = 0
    for event_id in events_past_retention(now).order_by("pk").values_list("pk", flat=True):
        total += anonymise_event_registrations(event_id=event_id, now=now)
        events += 1
    if events:
        logger.info("Anonymised %d registration(s) of %d past event(s)", total, events)
    return total
