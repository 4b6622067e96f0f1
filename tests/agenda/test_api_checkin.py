"""Check-in through the JSON API: from the QR code's token or a registration id, by the event's
organisers, once per half-day. Refusals record nothing."""

import datetime

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Attendance, Registration
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import EventFactory, RegistrationFactory
from tests.factories.agenda_api import EN, agenda_rows, bearer, send


def _stamp(value):
    return DjangoJSONEncoder().default(value.astimezone(datetime.UTC))


@pytest.fixture
def today(centre_a):
    """An event of centre A going on now."""
    now = timezone.now()
    return EventFactory(
        centre=centre_a,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )


@pytest.fixture
def ana(today):
    return RegistrationFactory(event=today, name="Ana Sousa", email="ana@example.org")


def _check_in(client, event, body, user, **headers):
    return send(
        client, "post", f"/api/v1/events/{event.pk}/check-in", body, **bearer(user), **headers
    )


def test_check_in_with_the_qr_token_records_the_half_day(client, today, ana, manager_a):
    response = _check_in(client, today, {"token": check_in_token(ana)}, manager_a)

    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.checked_in_by) == (ana, manager_a)
    assert (response.status_code, response.json()) == (
        200,
        {
            "registration": ana.pk,
            "name": "Ana Sousa",
            "status": "checked_in",
            "day": attendance.day.isoformat(),
            "half": attendance.half,
            "checked_in_at": _stamp(attendance.checked_in_at),
        },
    )
    assert (attendance.day, attendance.half) in today.half_days()
    assert AuditLogEntry.objects.filter(action="agenda.registration.checked_in").count() == 1


def test_check_in_a_second_time_says_already_and_records_nothing(client, today, ana, coordinator):
    first = _check_in(client, today, {"token": check_in_token(ana)}, coordinator)
    before = agenda_rows()

    again = _check_in(client, today, {"registration": ana.pk}, coordinator)

    assert (again.status_code, again.json()["status"]) == (200, "already")
    assert again.json()["checked_in_at"] == first.json()["checked_in_at"]
    assert agenda_rows() == before


def test_check_in_by_registration_id(client, today, ana, manager_a):
    response = _check_in(client, today, {"registration": ana.pk}, manager_a)

    assert (response.status_code, response.json()["status"]) == (200, "checked_in")
    assert Attendance.objects.filter(registration=ana).count() == 1


def test_named_organiser_checks_people_in(client, today, ana, public_user):
    today.organisers.add(public_user)

    response = _check_in(client, today, {"token": check_in_token(ana)}, public_user)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("kind", "status", "code", "message"),
    [
        (
            "tampered",
            400,
            "invalid_token",
            "This link is not valid. Please use the link from your latest email.",
        ),
        (
            "manage",
            400,
            "invalid_token",
            "This link is not valid. Please use the link from your latest email.",
        ),
        (
            "erased",
            400,
            "invalid_token",
            "This link is not valid. Please use the link from your latest email.",
        ),
        ("other_event", 400, "wrong_event", "This code is for another event."),
        ("waitlisted", 409, "not_confirmed", "Only confirmed registrations can be checked in."),
        ("cancelled", 409, "not_confirmed", "Only confirmed registrations can be checked in."),
    ],
)
def test_check_in_refusals_say_why_and_record_nothing(
    client, today, ana, manager_a, centre_a, kind, status, code, message
):
    token = check_in_token(ana)
    if kind == "tampered":
        token = token[:-3] + "abc"
    elif kind == "manage":
        token = manage_token(ana)
    elif kind == "erased":
        Registration.objects.filter(pk=ana.pk).update(secret="rotated")
    elif kind == "other_event":
        other = EventFactory(centre=centre_a, starts_at=today.starts_at, ends_at=today.ends_at)
        token = check_in_token(RegistrationFactory(event=other))
    elif kind in ("waitlisted", "cancelled"):
        person = RegistrationFactory(event=today, status=RegistrationStatus(kind))
        token = check_in_token(person)
    before = agenda_rows()

    response = _check_in(client, today, {"token": token}, manager_a, **EN)

    expected_detail = {"token": [message]} if code == "wrong_event" else {}
    assert (response.status_code, response.json()) == (
        status,
        {"code": code, "message": message, "detail": expected_detail},
    )
    assert agenda_rows() == before


def test_check_in_on_another_day_is_409(client, centre_a, manager_a):
    later = EventFactory(centre=centre_a)
    person = RegistrationFactory(event=later)
    before = agenda_rows()

    response = _check_in(client, later, {"token": check_in_token(person)}, manager_a, **EN)

    assert (response.status_code, response.json()["code"], response.json()["message"]) == (
        409,
        "not_event_day",
        "This event is not taking place at this time.",
    )
    assert agenda_rows() == before


def test_check_in_a_registration_of_another_event_by_id_is_404(client, today, manager_a, centre_a):
    other = RegistrationFactory(event=EventFactory(centre=centre_a))
    before = agenda_rows()

    response = _check_in(client, today, {"registration": other.pk}, manager_a)

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert agenda_rows() == before


@pytest.mark.parametrize(
    "body", [{}, {"token": None, "registration": None}, {"token": "x", "registration": 1}]
)
def test_check_in_needs_either_a_token_or_a_registration(client, today, ana, manager_a, body):
    before = agenda_rows()

    response = _check_in(client, today, body, manager_a, **EN)

    message = "Send either the token of the QR code or a registration id."
    assert (response.status_code, response.json()) == (
        422,
        {"code": "invalid", "message": message, "detail": {"token": [message]}},
    )
    assert agenda_rows() == before


@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_check_in_is_404_for_those_who_do_not_organise(client, today, ana, request, role):
    before = agenda_rows()

    response = _check_in(
        client, today, {"token": check_in_token(ana)}, request.getfixturevalue(role)
    )

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert agenda_rows() == before


def test_check_in_needs_a_token(client, today, ana):
    before = agenda_rows()

    response = send(
        client, "post", f"/api/v1/events/{today.pk}/check-in", {"token": check_in_token(ana)}
    )

    assert response.status_code == 401
    assert agenda_rows() == before
