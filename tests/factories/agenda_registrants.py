"""Events in the past or under way, and registrations with a fixed registration time, for the
organisers' registrant pages and mailings."""

import datetime

from cocade.agenda.models import Registration
from tests.factories.agenda import EventFactory, in_days


def past_event(**values):
    """Two days that ended yesterday: both mornings and both afternoons (Europe/Paris)."""
    values.setdefault("starts_at", in_days(-3, 8))
    values.setdefault("ends_at", in_days(-2, 15))
    return EventFactory(**values)


def ongoing_event(**values):
    """Started yesterday morning, ends tomorrow afternoon."""
    values.setdefault("starts_at", in_days(-1, 8))
    values.setdefault("ends_at", in_days(1, 15))
    return EventFactory(**values)


def registered_at(registration, moment):
    """Set when the registration was made (`created_at` is set by the database)."""
    Registration.objects.filter(pk=registration.pk).update(created_at=moment)
    registration.refresh_from_db()
    return registration


FIXED_MOMENT = datetime.datetime(2025, 1, 6, 9, 30, tzinfo=datetime.UTC)
