"""The row actions of the registrant list: approve, decline and cancel a registration, tick
and untick attendance by half-day. Each answers with the reason when refused (a double click,
a wrong state, a bad value) and then nothing has changed."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Attendance, Registration
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import AttendanceFactory, EventFactory, RegistrationFactory
from tests.factories.agenda_registrants import ongoing_event, past_event


def action_url(registration):
    with translation.override("en"):
        return reverse(
            "staff_agenda:registrant_action",
            kwargs={"pk": registration.event_id, "registration_pk": registration.pk},
        )


def attendance_url(registration):
    with translation.override("en"):
        return reverse(
            "staff_agenda:registrant_attendance",
            kwargs={"pk": registration.event_id, "registration_pk": registration.pk},
        )


def list_url(event):
    with translation.override("en"):
        return reverse("staff_agenda:registrants", kwargs={"pk": event.pk})


def state(event):
    """Seats taken, every registration's status, attendance and audit entries."""
    event.refresh_from_db()
    return (
        event.confirmed_count,
        sorted(Registration.objects.filter(event=event).values_list("name", "status")),
        sorted(Attendance.objects.values_list("registration__name", "day", "half")),
        AuditLogEntry.objects.count(),
    )


@pytest.fixture
def event(centre_a):
    return EventFactory(centre=centre_a, capacity=2, waitlist=True, moderation=True)


@pytest.fixture
def pending(event):
    return RegistrationFactory(event=event, name="Ana Sousa", status=RegistrationStatus.PENDING)


# --- approve and decline --------------------------------------------------------------------


def test_approve_confirms_a_pending_registration_and_emails_the_registrant(
    client, manager_a, event, pending, django_capture_on_commit_callbacks
):
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(pending), {"action": "approve", "back": "status=pending"})

    pending.refresh_from_db()
    event.refresh_from_db()
    assert (response.status_code, response["Location"]) == (
        302,
        f"{list_url(event)}?status=pending",
    )
    assert (pending.status, event.confirmed_count) == (RegistrationStatus.CONFIRMED, 1)
    assert [message.to for message in mail.outbox] == [[pending.email]]
    assert AuditLogEntry.objects.get().action == "agenda.registration.approved"


def test_approve_twice_says_why_and_changes_nothing(client, manager_a, event, pending):
    client.force_login(manager_a)
    client.post(action_url(pending), {"action": "approve"})
    before = state(event)

    with translation.override("en"):
        response = client.post(action_url(pending), {"action": "approve"})

    assert response.status_code == 409
    assert "Only registrations awaiting approval can be approved." in response.content.decode()
    assert state(event) == before


def test_approve_when_full_puts_the_registrant_on_the_waiting_list(
    client, manager_a, event, pending
):
    RegistrationFactory.create_batch(2, event=event)
    client.force_login(manager_a)

    client.post(action_url(pending), {"action": "approve"})

    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.WAITLISTED


def test_decline_a_pending_registration(client, manager_a, event, pending):
    client.force_login(manager_a)

    response = client.post(action_url(pending), {"action": "decline"})

    pending.refresh_from_db()
    assert (response.status_code, pending.status) == (302, RegistrationStatus.DECLINED)


def test_decline_a_confirmed_registration_is_refused(client, manager_a, event):
    confirmed = RegistrationFactory(event=event)
    client.force_login(manager_a)
    before = state(event)

    with translation.override("en"):
        response = client.post(action_url(confirmed), {"action": "decline"})

    assert response.status_code == 409
    assert "Only registrations awaiting approval can be declined." in response.content.decode()
    assert state(event) == before


# --- cancel ---------------------------------------------------------------------------------


def test_cancel_frees_the_seat_for_the_first_person_waiting(client, manager_a, event):
    leaving = RegistrationFactory(event=event, name="Ana Sousa")
    RegistrationFactory(event=event, name="Bruno Costa")
    RegistrationFactory(event=event, name="Carla Dias", status=RegistrationStatus.WAITLISTED)
    client.force_login(manager_a)

    response = client.post(action_url(leaving), {"action": "cancel"}, follow=True)

    assert state(event)[:2] == (
        2,
        [
            ("Ana Sousa", RegistrationStatus.CANCELLED),
            ("Bruno Costa", RegistrationStatus.CONFIRMED),
            ("Carla Dias", RegistrationStatus.CONFIRMED),
        ],
    )
    assert (
        "Ana Sousa: registration cancelled. The freed seat went to Carla Dias."
        in response.content.decode()
    )
    assert AuditLogEntry.objects.get().action == "agenda.registration.cancelled"


def test_cancel_twice_says_why_and_changes_nothing(client, manager_a, event):
    leaving = RegistrationFactory(event=event)
    client.force_login(manager_a)
    client.post(action_url(leaving), {"action": "cancel"})
    before = state(event)

    with translation.override("en"):
        response = client.post(action_url(leaving), {"action": "cancel"})

    assert response.status_code == 409
    assert "This registration was already cancelled." in response.content.decode()
    assert state(event) == before


# --- bad requests ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [{}, {"action": "delete"}, {"action": ""}])
def test_an_unknown_action_answers_400_and_changes_nothing(client, manager_a, event, pending, data):
    client.force_login(manager_a)
    before = state(event)

    with translation.override("en"):
        response = client.post(action_url(pending), data)

    assert response.status_code == 400
    assert "This action is not known." in response.content.decode()
    assert state(event) == before


def test_an_action_on_a_registration_of_another_event_answers_404(client, manager_a, event):
    other = RegistrationFactory(
        event=EventFactory(centre=event.centre), status=RegistrationStatus.PENDING
    )
    with translation.override("en"):
        address = reverse(
            "staff_agenda:registrant_action",
            kwargs={"pk": event.pk, "registration_pk": other.pk},
        )
    client.force_login(manager_a)

    response = client.post(address, {"action": "approve"})

    other.refresh_from_db()
    assert (response.status_code, other.status) == (404, RegistrationStatus.PENDING)


def test_an_action_by_the_manager_of_another_centre_answers_404(client, manager_b, event, pending):
    client.force_login(manager_b)
    before = state(event)

    response = client.post(action_url(pending), {"action": "approve"})

    assert (response.status_code, state(event)) == (404, before)


def test_an_action_without_csrf_token_is_refused(manager_a, event, pending):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(manager_a)
    before = state(event)

    response = browser.post(action_url(pending), {"action": "approve"})

    assert (response.status_code, state(event)) == (403, before)


def test_back_keeps_only_the_list_filters(client, manager_a, event, pending):
    client.force_login(manager_a)

    response = client.post(
        action_url(pending),
        {"action": "decline", "back": "q=ana&next=https://evil.example&status=pending"},
    )

    assert response["Location"] == f"{list_url(event)}?status=pending&q=ana"


# --- attendance -----------------------------------------------------------------------------


def test_tick_then_untick_a_half_day_of_a_past_event(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    day, half = event.half_days()[1]
    values = {"day": day.isoformat(), "half": half}
    client.force_login(manager_a)

    ticked = client.post(attendance_url(ana), {**values, "present": "1"})
    after_tick = sorted(Attendance.objects.values_list("registration__name", "day", "half"))
    unticked = client.post(attendance_url(ana), {**values, "present": "0"})

    assert (ticked.status_code, unticked.status_code) == (302, 302)
    assert after_tick == [("Ana Sousa", day, half)]
    assert Attendance.objects.count() == 0


def test_tick_twice_records_one_attendance(client, manager_a, centre_a):
    event = ongoing_event(centre=centre_a)
    ana = RegistrationFactory(event=event)
    day, half = event.half_days()[0]
    client.force_login(manager_a)

    for _attempt in range(2):
        response = client.post(
            attendance_url(ana), {"day": day.isoformat(), "half": half, "present": "1"}
        )

    assert (response.status_code, Attendance.objects.count()) == (302, 1)


def test_attendance_before_the_event_starts_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    ana = RegistrationFactory(event=event)
    day, half = event.half_days()[0]
    client.force_login(manager_a)

    with translation.override("en"):
        response = client.post(
            attendance_url(ana), {"day": day.isoformat(), "half": half, "present": "1"}
        )

    assert response.status_code == 409
    assert "Attendance is recorded once the event has started." in response.content.decode()
    assert Attendance.objects.count() == 0


def test_attendance_on_a_day_outside_the_event_is_refused(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event)
    client.force_login(manager_a)
    before = state(event)

    with translation.override("en"):
        response = client.post(
            attendance_url(ana), {"day": "2001-01-01", "half": "am", "present": "1"}
        )

    assert response.status_code == 422
    assert "This half-day is not part of the event." in response.content.decode()
    assert state(event) == before


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"day": "yesterday", "half": "am", "present": "1"},
        {"day": "2025-01-06", "half": "evening", "present": "1"},
        {"day": "2025-01-06", "half": "am", "present": "maybe"},
    ],
)
def test_attendance_with_bad_values_answers_400(client, manager_a, centre_a, data):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event)
    client.force_login(manager_a)
    before = state(event)

    response = client.post(attendance_url(ana), data)

    assert (response.status_code, state(event)) == (400, before)


def test_attendance_of_a_cancelled_registration_is_refused(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    gone = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    day, half = event.half_days()[0]
    client.force_login(manager_a)

    with translation.override("en"):
        response = client.post(
            attendance_url(gone), {"day": day.isoformat(), "half": half, "present": "1"}
        )

    assert response.status_code == 409
    assert "Only confirmed registrations can be checked in." in response.content.decode()
    assert Attendance.objects.count() == 0


def test_untick_of_an_attendance_records_its_removal(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event)
    day, half = event.half_days()[0]
    AttendanceFactory(registration=ana, day=day, half=half)
    client.force_login(manager_a)

    client.post(attendance_url(ana), {"day": day.isoformat(), "half": half, "present": "0"})

    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == [
        "agenda.registration.attendance_removed"
    ]
