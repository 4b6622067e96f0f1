"""Events for the check-in tests: one happening now (so that the current half-day is one of
its half-days, whatever the time the tests run), and confirmed registrants."""

import datetime

from django.utils import timezone

from tests.factories.agenda import EventFactory, RegistrationFactory


def event_now(**values):
    """An event that started an hour ago and ends in an hour."""
    now = timezone.now()
    values.setdefault("starts_at", now - datetime.timedelta(hours=1))
    values.setdefault("ends_at", now + datetime.timedelta(hours=1))
    return EventFactory(**values)


def registrant(event, name, **values):
    email = values.pop("email", f"{name.split()[0].lower()}@example.org")
    return RegistrationFactory(event=event, name=name, email=email, **values)
