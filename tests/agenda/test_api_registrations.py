"""Registrations in the JSON API: registering (with or without a token), the organisers' list,
cancelling with the emailed token or as an organiser.

Every refusal leaves the rows as they were: each such test compares them before and after.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder

from cocade.agenda.enums import Audience, EventStatus, QuestionKind, RegistrationStatus
from cocade.agenda.models import Registration
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    InvitationFactory,
    QuestionFactory,
    RegistrationFactory,
    in_days,
)
from tests.factories.agenda_api import EN, agenda_rows, bearer, send

PERSON = {"name": "Ana Sousa", "email": "ana@example.org", "consent": True}


def _register(client, event, body=None, **headers):
    return send(
        client, "post", f"/api/v1/events/{event.pk}/registrations", body or PERSON, **headers
    )


@pytest.fixture
def events(centre_a, counsellor_a):
    workshop = EventFactory(centre=centre_a, slug="atelier-cv", capacity=2)
    level = QuestionFactory(
        event=workshop,
        kind=QuestionKind.CHOICE,
        label={"fr": "Niveau", "en": "Level"},
        choices=[{"fr": "Débutant", "en": "Beginner"}, {"fr": "Avancé", "en": "Advanced"}],
        required=True,
        position=1,
    )
    photos = QuestionFactory(
        event=workshop, kind=QuestionKind.CONSENT, label={"fr": "Photos"}, position=2
    )
    members = EventFactory(centre=centre_a, slug="equipe", audience=Audience.MEMBERS)
    meeting = EventFactory(centre=None, slug="comex", audience=Audience.INVITED)
    InvitationFactory(event=meeting, user=counsellor_a)
    return SimpleNamespace(
        workshop=workshop, level=level, photos=photos, members=members, meeting=meeting
    )


def _answers(events, level="Débutant"):
    return {str(events.level.pk): level}


# --- Registering ------------------------------------------------------------------------------


def test_register_without_token_confirms_and_emails_the_link(
    client, events, django_capture_on_commit_callbacks
):
    body = {**PERSON, "answers": {**_answers(events), str(events.photos.pk): True}}

    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, events.workshop, body, **EN)

    registration = Registration.objects.get()
    assert (response.status_code, response.json()) == (
        201,
        {"id": registration.pk, "status": "confirmed"},
    )
    assert (
        registration.name,
        registration.email,
        registration.user,
        registration.language,
        registration.answers,
    ) == (
        "Ana Sousa",
        "ana@example.org",
        None,
        "en",
        {str(events.level.pk): "Débutant", str(events.photos.pk): True},
    )
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    events.workshop.refresh_from_db()
    assert events.workshop.confirmed_count == 1


def test_register_takes_the_language_asked_for_the_emails(client, events):
    _register(client, events.workshop, {**PERSON, "answers": _answers(events), "language": "pt"})

    assert Registration.objects.get().language == "pt"


def test_register_with_a_token_links_the_registration_to_its_user(client, events, public_user):
    response = _register(
        client, events.workshop, {**PERSON, "answers": _answers(events)}, **bearer(public_user)
    )

    assert response.status_code == 201
    assert Registration.objects.get().user == public_user


def test_register_when_full_goes_to_the_waiting_list_if_there_is_one(client, events):
    events.workshop.waitlist = True
    events.workshop.save()
    RegistrationFactory.create_batch(2, event=events.workshop)

    response = _register(client, events.workshop, {**PERSON, "answers": _answers(events)})

    assert (response.status_code, response.json()["status"]) == (201, "waitlisted")


def test_register_for_a_moderated_event_is_pending(client, events):
    events.workshop.moderation = True
    events.workshop.save()

    response = _register(client, events.workshop, {**PERSON, "answers": _answers(events)})

    assert (response.status_code, response.json()["status"]) == (201, "pending")


def test_register_for_members_and_invited_events_with_a_token(
    client, events, counsellor_a, manager_b
):
    member = _register(client, events.members, **bearer(manager_b))
    invitee = _register(client, events.meeting, **bearer(counsellor_a))

    assert (member.status_code, invitee.status_code) == (201, 201)
    assert sorted(Registration.objects.values_list("event__slug", "user__email")) == [
        ("comex", "counsellor-a@example.org"),
        ("equipe", "manager-b@example.org"),
    ]


def test_register_does_not_give_back_any_token(client, events):
    response = _register(client, events.workshop, {**PERSON, "answers": _answers(events)})

    registration = Registration.objects.get()
    assert manage_token(registration) not in response.content.decode()
    assert registration.secret not in response.content.decode()
    assert sorted(response.json()) == ["id", "status"]


@pytest.mark.parametrize(
    ("prepare", "body", "status", "code", "field", "message"),
    [
        (
            "full",
            {},
            409,
            "event_full",
            None,
            "This event is full.",
        ),
        (
            "closed",
            {},
            409,
            "registration_closed",
            None,
            "Registration for this event is closed.",
        ),
        (
            "not_open",
            {},
            409,
            "registration_not_open",
            None,
            "Registration for this event has not opened yet.",
        ),
        (
            "cancelled_event",
            {},
            409,
            "registration_closed",
            None,
            "Registration for this event is closed.",
        ),
        (
            "registered",
            {"email": "ana@EXAMPLE.org"},
            409,
            "already_registered",
            "email",
            "This email address is already registered for this event.",
        ),
        (
            None,
            {"consent": False},
            422,
            "consent_required",
            "consent",
            "Please give your consent to register.",
        ),
        (
            None,
            {"email": "ana@"},
            422,
            "invalid",
            "email",
            "Enter a valid email address.",
        ),
        (
            None,
            {"name": "   "},
            422,
            "invalid",
            "name",
            "Please give your name.",
        ),
        (
            None,
            {"answers": {}},
            422,
            "invalid",
            "answers.LEVEL",
            "Please answer “Level”.",
        ),
        (
            None,
            {"answers": {"LEVEL": "Expert"}},
            422,
            "invalid",
            "answers.LEVEL",
            "“Expert” is not one of the choices of “Level”.",
        ),
        (
            None,
            {"answers": {"LEVEL": "Débutant", "999999": "x"}},
            422,
            "invalid",
            "answers",
            "Unknown question: 999999.",
        ),
        (
            None,
            {"answers": {"LEVEL": 3}},
            422,
            "invalid",
            "answers.LEVEL",
            "The answer to “Level” must be a text.",
        ),
    ],
)
def test_register_refusals_say_why_and_write_nothing(
    client, events, prepare, body, status, code, field, message
):
    event = events.workshop
    if prepare == "full":
        RegistrationFactory.create_batch(2, event=event)
    elif prepare == "closed":
        event.registration_closes_at = in_days(-1)
        event.save()
    elif prepare == "not_open":
        event.registration_opens_at = in_days(2)
        event.save()
    elif prepare == "cancelled_event":
        event.status = EventStatus.CANCELLED
        event.save()
    elif prepare == "registered":
        RegistrationFactory(event=event, email="ana@example.org")
    level = str(events.level.pk)
    answers = body.get("answers", _answers(events))
    answers = {level if key == "LEVEL" else key: value for key, value in answers.items()}
    before = agenda_rows()

    response = _register(client, event, {**PERSON, **body, "answers": answers}, **EN)

    expected_field = field.replace("LEVEL", level) if field else None
    assert response.json() == {
        "code": code,
        "message": message,
        "detail": {expected_field: [message]} if expected_field else {},
    }
    assert response.status_code == status
    assert agenda_rows() == before
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("event", "role", "status", "code"),
    [
        ("members", None, 404, "not_found"),
        ("members", "public_user", 404, "not_found"),
        ("meeting", None, 404, "not_found"),
        ("meeting", "manager_b", 404, "not_found"),
        ("meeting", "coordinator", 403, "not_invited"),
        ("meeting", "manager_a", 404, "not_found"),
    ],
)
def test_register_for_an_event_one_may_not_join_is_refused(
    client, events, request, event, role, status, code
):
    headers = bearer(request.getfixturevalue(role)) if role else {}
    before = agenda_rows()

    response = _register(client, getattr(events, event), **headers, **EN)

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert agenda_rows() == before


def test_register_for_a_draft_is_404_for_the_public(client, centre_a):
    draft = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    before = agenda_rows()

    response = _register(client, draft)

    assert response.status_code == 404
    assert agenda_rows() == before


def test_register_refusal_is_in_the_requests_language(client, events):
    before = agenda_rows()

    response = _register(
        client, events.workshop, {**PERSON, "consent": "yes"}, HTTP_ACCEPT_LANGUAGE="pt"
    )

    assert (response.status_code, response.json()["message"]) == (
        422,
        "O corpo ou os parâmetros do pedido não são válidos.",
    )
    assert agenda_rows() == before


# --- The organisers' list ---------------------------------------------------------------------


def test_list_registrations_gives_everyone_with_their_attendance(client, events, manager_a):
    first = RegistrationFactory(
        event=events.workshop, name="Ana", email="ana@example.org", answers={"1": "Débutant"}
    )
    second = RegistrationFactory(
        event=events.workshop,
        name="Rui",
        email="rui@example.org",
        language="pt",
        status=RegistrationStatus.WAITLISTED,
    )
    attendance = AttendanceFactory(registration=first)

    response = client.get(f"/api/v1/events/{events.workshop.pk}/registrations", **bearer(manager_a))

    def stamp(value):
        return DjangoJSONEncoder().default(value.astimezone(datetime.UTC))

    assert (response.status_code, response.json()) == (
        200,
        {
            "count": 2,
            "page": 1,
            "page_size": 20,
            "results": [
                {
                    "id": first.pk,
                    "status": "confirmed",
                    "name": "Ana",
                    "email": "ana@example.org",
                    "language": "fr",
                    "answers": {"1": "Débutant"},
                    "created_at": stamp(first.created_at),
                    "attended": [
                        {
                            "day": attendance.day.isoformat(),
                            "half": "am",
                            "checked_in_at": stamp(attendance.checked_in_at),
                        }
                    ],
                },
                {
                    "id": second.pk,
                    "status": "waitlisted",
                    "name": "Rui",
                    "email": "rui@example.org",
                    "language": "pt",
                    "answers": {},
                    "created_at": stamp(second.created_at),
                    "attended": [],
                },
            ],
        },
    )


def test_list_registrations_filters_by_status_and_pages(client, events, manager_a):
    events.workshop.capacity = 10
    events.workshop.save()
    RegistrationFactory.create_batch(3, event=events.workshop)
    RegistrationFactory(event=events.workshop, status=RegistrationStatus.CANCELLED)

    confirmed = client.get(
        f"/api/v1/events/{events.workshop.pk}/registrations?status=confirmed&page_size=2&page=2",
        **bearer(manager_a),
    )

    assert (confirmed.json()["count"], len(confirmed.json()["results"])) == (3, 1)


@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_list_registrations_is_404_for_those_who_do_not_organise(client, events, request, role):
    RegistrationFactory(event=events.workshop)

    response = client.get(
        f"/api/v1/events/{events.workshop.pk}/registrations",
        **bearer(request.getfixturevalue(role)),
    )

    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_list_registrations_needs_a_token(client, events):
    response = client.get(f"/api/v1/events/{events.workshop.pk}/registrations")

    assert response.status_code == 401


def test_named_organiser_lists_the_registrations(client, events, public_user):
    events.workshop.organisers.add(public_user)

    response = client.get(
        f"/api/v1/events/{events.workshop.pk}/registrations", **bearer(public_user)
    )

    assert response.status_code == 200


# --- Cancelling with the emailed token --------------------------------------------------------


def _cancel(client, token, **headers):
    return send(client, "post", "/api/v1/registrations/cancel", {"token": token}, **headers)


def test_cancel_with_token_frees_the_seat_for_the_first_waiting(
    client, events, django_capture_on_commit_callbacks
):
    events.workshop.capacity = 1
    events.workshop.waitlist = True
    events.workshop.save()
    registration = RegistrationFactory(event=events.workshop, email="ana@example.org")
    waiting = RegistrationFactory(
        event=events.workshop, email="rui@example.org", status=RegistrationStatus.WAITLISTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = _cancel(client, manage_token(registration))

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (response.status_code, response.json()) == (
        200,
        {"id": registration.pk, "status": "cancelled"},
    )
    assert (registration.status, waiting.status) == ("cancelled", "confirmed")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "rui@example.org",
    ]


def test_cancel_with_token_twice_is_409_already_cancelled(client, events):
    registration = RegistrationFactory(event=events.workshop)
    token = manage_token(registration)
    _cancel(client, token)
    before = agenda_rows()

    response = _cancel(client, token, **EN)

    assert (response.status_code, response.json()) == (
        409,
        {
            "code": "already_cancelled",
            "message": "This registration was already cancelled.",
            "detail": {},
        },
    )
    assert agenda_rows() == before


@pytest.mark.parametrize("kind", ["tampered", "check_in", "rotated", "garbage", "empty", "long"])
def test_cancel_with_a_bad_token_is_400_and_changes_nothing(client, events, kind):
    registration = RegistrationFactory(event=events.workshop)
    token = {
        "tampered": manage_token(registration)[:-2] + "xx",
        "check_in": check_in_token(registration),
        "rotated": manage_token(registration),
        "garbage": "not-a-token",
        "empty": "",
        "long": "x" * 5000,
    }[kind]
    if kind == "rotated":
        Registration.objects.filter(pk=registration.pk).update(secret="another-secret")
    before = agenda_rows()

    response = _cancel(client, token, **EN)

    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "invalid_token",
            "message": "This link is not valid. Please use the link from your latest email.",
            "detail": {},
        },
    )
    assert agenda_rows() == before


# --- Cancelling as an organiser ---------------------------------------------------------------


def _delete(client, event, registration, user):
    return client.delete(
        f"/api/v1/events/{event.pk}/registrations/{registration.pk}", **bearer(user)
    )


def test_organiser_cancels_a_registration_with_an_audit_entry(
    client, events, manager_a, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=events.workshop, email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = _delete(client, events.workshop, registration, manager_a)

    registration.refresh_from_db()
    events.workshop.refresh_from_db()
    assert (response.status_code, registration.status, events.workshop.confirmed_count) == (
        204,
        "cancelled",
        0,
    )
    assert list(
        AuditLogEntry.objects.filter(action="agenda.registration.cancelled").values_list(
            "actor", "changes"
        )
    ) == [(manager_a.pk, {"registration": registration.pk})]
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_organiser_cancels_twice_is_409(client, events, coordinator):
    registration = RegistrationFactory(event=events.workshop)
    _delete(client, events.workshop, registration, coordinator)
    before = agenda_rows()

    response = _delete(client, events.workshop, registration, coordinator)

    assert (response.status_code, response.json()["code"]) == (409, "already_cancelled")
    assert agenda_rows() == before


@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_cancel_as_organiser_is_404_for_others(client, events, request, role):
    registration = RegistrationFactory(event=events.workshop)
    before = agenda_rows()

    response = _delete(client, events.workshop, registration, request.getfixturevalue(role))

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert agenda_rows() == before


def test_cancel_a_registration_of_another_event_is_404(client, events, centre_a, manager_a):
    other = RegistrationFactory(event=EventFactory(centre=centre_a))
    before = agenda_rows()

    response = _delete(client, events.workshop, other, manager_a)

    assert response.status_code == 404
    assert agenda_rows() == before
