"""The timetable of an event: sessions in local time, always within the event."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.agenda.models import EventSession
from cocade.agenda.services.event_parts import add_session, delete_session
from cocade.core.errors import InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import EventFactory, EventSessionFactory

UTC = datetime.UTC


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def two_days(centre):
    """9 and 10 June 2031, 09:00 to 17:00 in Paris (07:00 to 15:00 UTC)."""
    return EventFactory(
        centre=centre,
        timezone="Europe/Paris",
        starts_at=datetime.datetime(2031, 6, 9, 7, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2031, 6, 10, 15, 0, tzinfo=UTC),
    )


def session_data(**overrides):
    data = {
        "title_fr": "Accueil",
        "title_en": "Welcome",
        "place": "Hall",
        "starts_at": "2031-06-09T09:00",
        "ends_at": "2031-06-09T09:30",
    }
    data.update(overrides)
    return data


def rows(event):
    return sorted(
        EventSession.objects.filter(event=event).values_list("title", "starts_at", "ends_at"),
        key=lambda row: row[1],
    )


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


@pytest.mark.django_db
def test_add_session_in_local_time(client, manager_a, centre_a):
    event = two_days(centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_sessions", pk=event.pk), session_data())

    session = EventSession.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("event_sessions", pk=event.pk))
    assert (session.title, session.place, session.original_language) == (
        {"fr": "Accueil", "en": "Welcome"},
        "Hall",
        "fr",
    )
    assert (session.starts_at, session.ends_at) == (
        datetime.datetime(2031, 6, 9, 7, 0, tzinfo=UTC),
        datetime.datetime(2031, 6, 9, 7, 30, tzinfo=UTC),
    )
    assert AuditLogEntry.objects.get().action == "agenda.session.created"


@pytest.mark.django_db
def test_sessions_page_lists_the_timetable_in_order(client, manager_a, centre_a):
    event = two_days(centre_a)
    EventSessionFactory(
        event=event,
        title={"fr": "Deuxième jour"},
        starts_at=datetime.datetime(2031, 6, 10, 7, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2031, 6, 10, 8, 0, tzinfo=UTC),
    )
    EventSessionFactory(event=event, title={"fr": "Premier jour"})
    client.force_login(manager_a)

    response = client.get(url("event_sessions", pk=event.pk))

    assert [str(session.title_i18n) for session in response.context["sessions"]] == [
        "Premier jour",
        "Deuxième jour",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts_at", "ends_at", "field", "message"),
    [
        (
            "2031-06-09T08:30",
            "2031-06-09T09:30",
            "starts_at",
            "The session must start within the event, which starts 2031-06-09 09:00 "
            "(Europe/Paris).",
        ),
        (
            "2031-06-10T16:00",
            "2031-06-10T17:30",
            "ends_at",
            "The session must end within the event, which ends 2031-06-10 17:00 (Europe/Paris).",
        ),
        (
            "2031-06-09T11:00",
            "2031-06-09T10:00",
            "ends_at",
            "The session must end after it starts.",
        ),
    ],
)
def test_add_session_outside_the_event_is_refused(
    client, manager_a, centre_a, starts_at, ends_at, field, message
):
    event = two_days(centre_a)
    client.force_login(manager_a)

    response = client.post(
        url("event_sessions", pk=event.pk), session_data(starts_at=starts_at, ends_at=ends_at)
    )

    assert response.status_code == 400
    assert errors_of(response, field) == [message]
    assert (EventSession.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_add_session_without_a_title_in_the_original_language_is_refused(
    client, manager_a, centre_a
):
    event = two_days(centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_sessions", pk=event.pk), session_data(title_fr=""))

    assert response.status_code == 400
    assert errors_of(response, "title") == [
        "Give at least the text in the original language (Français)."
    ]
    assert EventSession.objects.count() == 0


@pytest.mark.django_db
def test_edit_session_moves_it_and_records_the_change(client, manager_a, centre_a):
    event = two_days(centre_a)
    session = EventSessionFactory(event=event, title={"fr": "Atelier"})
    client.force_login(manager_a)

    response = client.post(
        url("event_session_edit", pk=event.pk, session_pk=session.pk),
        session_data(
            title_fr="Atelier",
            title_en="",
            starts_at="2031-06-10T14:00",
            ends_at="2031-06-10T15:00",
        ),
    )

    session.refresh_from_db()
    entry = AuditLogEntry.objects.get()
    assert response.status_code == 302
    assert session.starts_at == datetime.datetime(2031, 6, 10, 12, 0, tzinfo=UTC)
    assert (entry.action, sorted(entry.changes)) == (
        "agenda.session.changed",
        ["ends_at", "place", "starts_at"],
    )


@pytest.mark.django_db
def test_edit_session_out_of_the_event_changes_nothing(client, manager_a, centre_a):
    event = two_days(centre_a)
    session = EventSessionFactory(event=event)
    before = rows(event)
    client.force_login(manager_a)

    response = client.post(
        url("event_session_edit", pk=event.pk, session_pk=session.pk),
        session_data(starts_at="2031-06-11T09:00", ends_at="2031-06-11T10:00"),
    )

    assert response.status_code == 400
    assert (rows(event), AuditLogEntry.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_edit_session_of_another_event_is_not_found(client, manager_a, centre_a):
    event = two_days(centre_a)
    other = EventSessionFactory(event=two_days(centre_a))
    client.force_login(manager_a)

    response = client.get(url("event_session_edit", pk=event.pk, session_pk=other.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_delete_session(client, manager_a, centre_a):
    event = two_days(centre_a)
    session = EventSessionFactory(event=event)
    client.force_login(manager_a)

    response = client.post(url("event_session_delete", pk=event.pk, session_pk=session.pk))

    entry = AuditLogEntry.objects.get()
    assert (response.status_code, EventSession.objects.count()) == (302, 0)
    assert (entry.action, entry.object_id) == ("agenda.session.deleted", str(event.pk))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b"])
def test_sessions_are_hidden_from_those_who_do_not_organise(client, request, role, centre_a):
    event = two_days(centre_a)
    session = EventSessionFactory(event=event)
    before = rows(event)
    client.force_login(request.getfixturevalue(role))

    statuses = [
        client.get(url("event_sessions", pk=event.pk)).status_code,
        client.post(url("event_sessions", pk=event.pk), session_data()).status_code,
        client.post(url("event_session_delete", pk=event.pk, session_pk=session.pk)).status_code,
    ]

    assert statuses == [404, 404, 404]
    assert rows(event) == before


@pytest.mark.django_db
def test_add_session_service_refuses_someone_who_does_not_organise(counsellor_a, centre_a):
    event = two_days(centre_a)

    with pytest.raises(NotFound):
        add_session(
            actor=counsellor_a,
            event=event,
            data={"title": {"fr": "X"}, "starts_at": event.starts_at, "ends_at": event.ends_at},
        )

    assert EventSession.objects.count() == 0


@pytest.mark.django_db
def test_add_session_service_refuses_a_time_without_zone(manager_a, centre_a):
    event = two_days(centre_a)

    with pytest.raises(InvalidInput) as refused:
        add_session(
            actor=manager_a,
            event=event,
            data={
                "title": {"fr": "X"},
                "starts_at": datetime.datetime(2031, 6, 9, 10, 0),  # noqa: DTZ001
                "ends_at": event.ends_at,
            },
        )

    assert (refused.value.field, EventSession.objects.count()) == ("starts_at", 0)


@pytest.mark.django_db
def test_delete_session_service_refuses_someone_who_does_not_organise(manager_b, centre_a):
    session = EventSessionFactory(event=two_days(centre_a))

    with pytest.raises(NotFound):
        delete_session(actor=manager_b, session=session)

    assert EventSession.objects.count() == 1
