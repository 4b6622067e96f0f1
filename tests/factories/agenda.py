"""Factories of the agenda. Events start in ten days by default, with registration open now."""

import datetime

import factory
from django.utils import timezone

from cocade.agenda.enums import (
    Audience,
    EventKind,
    EventStatus,
    QuestionKind,
    RegistrationStatus,
)
from cocade.agenda.models import (
    Attendance,
    CalendarFeed,
    Event,
    EventMailing,
    EventSession,
    Invitation,
    Question,
    Registration,
)
from tests.factories.accounts import UserFactory
from tests.factories.directory import CentreFactory


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    """`days` from now, at `hour`:00 UTC."""
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.WORKSHOP
    audience = Audience.PUBLIC
    status = EventStatus.PUBLISHED
    centre = factory.SubFactory(CentreFactory)
    original_language = "fr"
    title = factory.Sequence(lambda n: {"fr": f"Atelier {n}", "en": f"Workshop {n}"})
    summary = factory.LazyFunction(lambda: {"fr": "Un atelier pour tous."})
    timezone = "Europe/Paris"
    starts_at = factory.LazyFunction(lambda: in_days(10, 9))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    languages = factory.LazyFunction(lambda: ["fr"])
    capacity = 20
    waitlist = False
    moderation = False


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    original_language = "fr"
    title = factory.Sequence(lambda n: {"fr": f"Séance {n}"})
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.event.starts_at + datetime.timedelta(hours=1))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    original_language = "fr"
    kind = QuestionKind.TEXT
    label = factory.Sequence(lambda n: {"fr": f"Question {n}", "en": f"Question {n}"})
    position = factory.Sequence(int)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A row as the services would leave it; `confirmed` rows also take their seat, so that
    the event's count stays true."""

    class Meta:
        model = Registration
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    language = "fr"
    status = RegistrationStatus.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def seat(obj, create, extracted, **kwargs):  # noqa: N805
        if create and obj.status == RegistrationStatus.CONFIRMED:
            from cocade.agenda.services.registrations import take_seat

            assert take_seat(obj.event_id), "the event is full"
            obj.event.refresh_from_db()


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory, audience=Audience.INVITED)
    user = factory.SubFactory(UserFactory)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    registration = factory.SubFactory(RegistrationFactory)
    day = factory.LazyAttribute(lambda o: o.registration.event.days()[0])
    half = "am"


class EventMailingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventMailing

    event = factory.SubFactory(EventFactory)
    audience = "all"
    subject = "Practical details"
    body = "See you on Monday."


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
