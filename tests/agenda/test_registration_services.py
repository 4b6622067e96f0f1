import pytest
from django.core import mail
from django.utils import translation

from cocade.agenda.enums import QuestionKind, RegistrationStatus
from cocade.agenda.errors import (
    AlreadyCancelled,
    AlreadyRegistered,
    CapacityBelowConfirmed,
    ConsentRequired,
    EventFull,
    RegistrationClosed,
    RegistrationNotOpen,
)
from cocade.agenda.models import Registration
from cocade.agenda.services import registrations
from cocade.agenda.services.events import update_event
from cocade.core.errors import InvalidInput
from tests.factories.agenda import EventFactory, QuestionFactory, RegistrationFactory, in_days


def _register(event, email="ana@example.org", **extra):
    values = {"name": "Ana Sousa", "email": email, "consent": True, "language": "pt"}
    values.update(extra)
    return registrations.register_for_event(event=event, **values)


def _state(event):
    event.refresh_from_db()
    rows = sorted(Registration.objects.filter(event=event).values_list("email", "status"))
    return event.confirmed_count, rows


@pytest.mark.django_db
def test_register_confirms_while_seats_are_left_and_emails_the_registrant(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=2)

    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event)

    event.refresh_from_db()
    assert (registration.status, event.confirmed_count) == (RegistrationStatus.CONFIRMED, 1)
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


@pytest.mark.django_db
def test_register_when_full_goes_to_the_waiting_list_if_there_is_one():
    event = EventFactory(capacity=1, waitlist=True)
    RegistrationFactory(event=event)

    registration = _register(event)

    assert registration.status == RegistrationStatus.WAITLISTED
    assert _state(event)[0] == 1


@pytest.mark.django_db
def test_register_when_full_without_waiting_list_is_refused_and_writes_nothing():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, email="first@example.org")
    before = _state(event)

    with pytest.raises(EventFull):
        _register(event)

    assert _state(event) == before


@pytest.mark.django_db
def test_register_twice_with_the_same_email_is_refused():
    event = EventFactory(capacity=5)
    _register(event, email="ana@example.org")
    before = _state(event)

    with pytest.raises(AlreadyRegistered):
        _register(event, email="ana@EXAMPLE.org")

    assert _state(event) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opens", "closes", "error"),
    [(2, None, RegistrationNotOpen), (-5, -1, RegistrationClosed)],
)
def test_register_outside_the_window_is_refused(opens, closes, error):
    event = EventFactory(
        registration_opens_at=in_days(opens),
        registration_closes_at=in_days(closes) if closes is not None else None,
    )

    with pytest.raises(error):
        _register(event)

    assert _state(event) == (0, [])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"email": "not-an-email"}, InvalidInput),
        ({"consent": False}, ConsentRequired),
        ({"name": "   "}, InvalidInput),
        ({"answers": {"999": "x"}}, InvalidInput),
        ({"answers": ["x"]}, InvalidInput),
    ],
)
def test_register_with_bad_input_says_why_and_writes_nothing(values, error):
    event = EventFactory()

    with pytest.raises(error):
        _register(event, **values)

    assert _state(event) == (0, [])


@pytest.mark.django_db
def test_register_checks_choice_and_required_consent_answers():
    event = EventFactory()
    choice = QuestionFactory(
        event=event,
        kind=QuestionKind.CHOICE,
        choices=[{"fr": "Matin", "en": "Morning"}, {"fr": "Après-midi"}],
    )
    consent = QuestionFactory(event=event, kind=QuestionKind.CONSENT, required=True)

    with pytest.raises(InvalidInput):
        _register(event, answers={str(choice.pk): "Soir", str(consent.pk): True})
    with pytest.raises(ConsentRequired):
        _register(event, answers={str(choice.pk): "Matin"})
    registration = _register(event, answers={str(choice.pk): "Matin", str(consent.pk): True})

    assert registration.answers == {str(choice.pk): "Matin", str(consent.pk): True}


@pytest.mark.django_db
def test_cancel_gives_the_seat_to_the_first_person_waiting_who_is_emailed(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1, waitlist=True)
    first = _register(event, email="first@example.org")
    second = _register(event, email="second@example.org", language="en")
    _register(event, email="third@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        cancelled, promoted = registrations.cancel_registration(registration=first)

    assert (cancelled.status, [p.pk for p in promoted]) == (
        RegistrationStatus.CANCELLED,
        [second.pk],
    )
    assert _state(event) == (
        1,
        [
            ("first@example.org", "cancelled"),
            ("second@example.org", "confirmed"),
            ("third@example.org", "waitlisted"),
        ],
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
    ]


@pytest.mark.django_db
def test_cancel_twice_is_refused_the_second_time_and_changes_nothing():
    event = EventFactory(capacity=3)
    registration = _register(event)
    registrations.cancel_registration(registration=registration)
    before = _state(event)

    with pytest.raises(AlreadyCancelled):
        registrations.cancel_registration(registration=registration)

    assert _state(event) == before


@pytest.mark.django_db
def test_capacity_cannot_drop_below_the_confirmed_count(coordinator):
    event = EventFactory(capacity=3)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)

    with pytest.raises(CapacityBelowConfirmed), translation.override("en"):
        update_event(actor=coordinator, event=event, changes={"capacity": 1})

    event.refresh_from_db()
    assert (event.capacity, event.confirmed_count, event.lock_version) == (3, 2, 1)


@pytest.mark.django_db
def test_raising_the_capacity_confirms_people_waiting(coordinator):
    event = EventFactory(capacity=1, waitlist=True)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    update_event(actor=coordinator, event=event, changes={"capacity": 2})

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert _state(event)[0] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("title", ["Mine", "Feeds", "Registration"])
def test_an_event_never_takes_the_address_of_an_agenda_page(coordinator, title):
    from cocade.agenda.services.events import create_event

    event = create_event(
        actor=coordinator,
        data={
            "kind": "workshop",
            "title": {"fr": title},
            "starts_at": in_days(3),
            "ends_at": in_days(3, 12),
            "capacity": 5,
        },
    )

    assert event.slug == f"event-{title.lower()}"


@pytest.mark.django_db
def test_invited_members_are_emailed_when_the_meeting_is_published(
    coordinator, counsellor_a, manager_b, django_capture_on_commit_callbacks
):
    from cocade.agenda.enums import Audience
    from cocade.agenda.services.event_parts import invite_member
    from cocade.agenda.services.events import set_event_status

    meeting = EventFactory(centre=None, audience=Audience.INVITED, status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        invite_member(actor=coordinator, event=meeting, email=counsellor_a.email)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        set_event_status(actor=coordinator, event=meeting, status="published")
        invite_member(actor=coordinator, event=meeting, email=manager_b.email)

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [counsellor_a.email, manager_b.email]
    )
    assert f"/agenda/{meeting.slug}/" in mail.outbox[0].body


@pytest.mark.django_db
def test_moving_an_event_away_from_its_timetable_is_refused(coordinator):
    from cocade.agenda.services.events import update_event
    from tests.factories.agenda import EventSessionFactory

    event = EventFactory()
    EventSessionFactory(event=event)
    start = event.starts_at

    with pytest.raises(InvalidInput):
        update_event(
            actor=coordinator,
            event=event,
            changes={"starts_at": in_days(20), "ends_at": in_days(20, 12)},
        )

    event.refresh_from_db()
    assert (event.starts_at, event.lock_version) == (start, 1)
