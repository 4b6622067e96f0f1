"""The organiser's overview of an event: facts in the event's zone, counts, links to the other
organiser pages, the status buttons, duplicating, and the audit trail."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import EventStatus, RegistrationStatus
from cocade.agenda.models import Event, EventSession, Question
from cocade.agenda.services.events import update_event
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import (
    EventFactory,
    EventSessionFactory,
    QuestionFactory,
    RegistrationFactory,
)

UTC = datetime.UTC


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def snapshot(event):
    event.refresh_from_db()
    return (
        event.status,
        event.lock_version,
        Event.objects.count(),
        AuditLogEntry.objects.count(),
    )


# --- the page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_overview_shows_times_in_the_event_zone_and_the_counts(client, manager_a, centre_a):
    event = EventFactory(
        centre=centre_a,
        timezone="Indian/Reunion",
        starts_at=datetime.datetime(2031, 5, 6, 5, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2031, 5, 6, 9, 0, tzinfo=UTC),
        capacity=10,
        waitlist=True,
    )
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.PENDING)
    client.force_login(manager_a)

    response = client.get(url("event", pk=event.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert ("09:00" in page, "13:00" in page, "Indian/Reunion" in page) == (True, True, True)
    assert "2 of 10" in page
    counts = response.context["counts"]
    assert (counts["confirmed"], counts["waitlisted"], counts["pending"]) == (2, 1, 1)


@pytest.mark.django_db
def test_overview_links_to_every_organiser_page(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    page = client.get(url("event", pk=event.pk)).content.decode()

    for name in (
        "event_edit",
        "event_sessions",
        "event_questions",
        "event_invitations",
        "event_organisers",
        "registrants",
        "check_in",
        "attendance_sheet",
        "mailing_create",
    ):
        assert f'href="{url(name, pk=event.pk)}"' in page, name


@pytest.mark.django_db
def test_overview_offers_to_publish_a_draft(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    client.force_login(manager_a)

    response = client.get(url("event", pk=event.pk))

    assert [action["status"] for action in response.context["status_actions"]] == [
        EventStatus.PUBLISHED,
        EventStatus.CANCELLED,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b", "public_user"])
def test_overview_is_hidden_from_those_who_do_not_organise(client, request, role, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("event", pk=event.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_overview_of_a_network_meeting_is_hidden_from_centre_managers(client, manager_a):
    meeting = EventFactory(centre=None)
    client.force_login(manager_a)

    response = client.get(url("event", pk=meeting.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_overview_shows_the_audit_trail_latest_first(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, capacity=20)
    update_event(actor=manager_a, event=event, changes={"capacity": 25})
    client.force_login(manager_a)
    client.post(url("event_status", pk=event.pk), {"status": "cancelled"})

    response = client.get(url("event", pk=event.pk))

    trail = response.context["trail"]
    assert [str(item["label"]) for item in trail] == ["Cancelled", "Event changed"]
    assert trail[1]["changes"] == [{"field": "Capacity", "before": "20", "after": "25"}]
    assert trail[0]["entry"].actor == manager_a


# --- status ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_status_publishes_a_draft(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    client.force_login(manager_a)

    response = client.post(url("event_status", pk=event.pk), {"status": "published"})

    event.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, url("event", pk=event.pk))
    assert event.status == EventStatus.PUBLISHED
    assert AuditLogEntry.objects.get().action == "agenda.event.published"


@pytest.mark.django_db
def test_status_cancel_emails_every_active_registrant(
    client, manager_a, centre_a, django_capture_on_commit_callbacks
):
    event = EventFactory(centre=centre_a, capacity=1, waitlist=True)
    RegistrationFactory(event=event, email="ana@example.org")
    RegistrationFactory(event=event, email="joao@example.org", status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, email="gone@example.org", status=RegistrationStatus.CANCELLED)
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("event_status", pk=event.pk), {"status": "cancelled"})

    event.refresh_from_db()
    assert (response.status_code, event.status) == (302, EventStatus.CANCELLED)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "joao@example.org",
    ]


@pytest.mark.django_db
def test_status_back_to_draft_with_registrations_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    RegistrationFactory(event=event)
    before = snapshot(event)
    client.force_login(manager_a)

    response = client.post(url("event_status", pk=event.pk), {"status": "draft"})

    assert response.status_code == 409
    assert "An event with registrations cannot go back to draft." in response.content.decode()
    assert snapshot(event) == before


@pytest.mark.django_db
def test_status_reopening_a_cancelled_event_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, status=EventStatus.CANCELLED)
    before = snapshot(event)
    client.force_login(manager_a)

    response = client.post(url("event_status", pk=event.pk), {"status": "published"})

    assert response.status_code == 409
    assert snapshot(event) == before


@pytest.mark.django_db
def test_status_unknown_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    before = snapshot(event)
    client.force_login(manager_a)

    response = client.post(url("event_status", pk=event.pk), {"status": "archived"})

    assert response.status_code == 400
    assert snapshot(event) == before


@pytest.mark.django_db
def test_status_by_a_counsellor_is_hidden(client, counsellor_a, centre_a):
    event = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    before = snapshot(event)
    client.force_login(counsellor_a)

    response = client.post(url("event_status", pk=event.pk), {"status": "published"})

    assert response.status_code == 404
    assert snapshot(event) == before


# --- duplicate ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_duplicate_on_a_new_date_keeps_the_local_times_and_the_parts(client, manager_a, centre_a):
    event = EventFactory(
        centre=centre_a,
        timezone="Europe/Paris",
        starts_at=datetime.datetime(2031, 1, 15, 8, 0, tzinfo=UTC),  # 09:00 in Paris
        ends_at=datetime.datetime(2031, 1, 15, 16, 0, tzinfo=UTC),
    )
    EventSessionFactory(event=event)
    QuestionFactory(event=event)
    RegistrationFactory(event=event)
    client.force_login(manager_a)

    response = client.post(url("event_duplicate", pk=event.pk), {"starts_on": "2031-07-01"})

    copy = Event.objects.exclude(pk=event.pk).get()
    assert (response.status_code, response["Location"]) == (302, url("event_edit", pk=copy.pk))
    assert (copy.status, copy.duplicated_from, copy.registrations.count()) == (
        EventStatus.DRAFT,
        event,
        0,
    )
    # Summer time: 09:00 in Paris is 07:00 UTC.
    assert (copy.local_start.hour, copy.starts_at) == (
        9,
        datetime.datetime(2031, 7, 1, 7, 0, tzinfo=UTC),
    )
    assert (EventSession.objects.filter(event=copy).count(), copy.questions.count()) == (1, 1)


@pytest.mark.django_db
def test_duplicate_without_a_date_moves_one_week_later(client, coordinator, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(coordinator)

    client.post(url("event_duplicate", pk=event.pk))

    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.starts_at - event.starts_at == datetime.timedelta(days=7)


@pytest.mark.django_db
def test_duplicate_with_a_malformed_date_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    before = snapshot(event)
    client.force_login(manager_a)

    response = client.post(url("event_duplicate", pk=event.pk), {"starts_on": "someday"})

    assert response.status_code == 400
    assert (snapshot(event), Question.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_duplicate_by_a_named_organiser_who_may_not_create_is_refused(client, centre_a):
    from tests.factories.accounts import MembershipFactory

    event = EventFactory(centre=centre_a)
    organiser = MembershipFactory(centre=centre_a).user
    event.organisers.add(organiser)
    before = snapshot(event)
    client.force_login(organiser)

    response = client.post(url("event_duplicate", pk=event.pk))

    assert response.status_code == 403
    assert snapshot(event) == before
