"""The agenda demo, loaded by `cocade demo` after the directory demo."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from cocade.agenda.demo import EVENTS, load, write_summary
from cocade.agenda.enums import Audience, EventStatus, RegistrationStatus
from cocade.agenda.models import (
    Attendance,
    Event,
    EventSession,
    Invitation,
    Question,
    Registration,
)
from cocade.core.models import AuditLogEntry
from cocade.directory.demo import load_demo

DEMO = "@demo.cocade.example"


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The directory demo then the agenda demo, loaded once for this module in a transaction
    that is rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield load()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    return demo_data


def snapshot():
    models = (Event, EventSession, Question, Invitation, Registration, Attendance, AuditLogEntry)
    counts = {model.__name__: model.objects.count() for model in models}
    counts["seats"] = sorted(Event.objects.values_list("slug", "confirmed_count"))
    counts["dates"] = sorted(Event.objects.values_list("slug", "starts_at", "ends_at"))
    return counts


def local(event):
    return event.local_start.replace(tzinfo=None), event.local_end.replace(tzinfo=None)


def test_demo_load_twice_changes_nothing(demo):
    first = snapshot()

    again = load()

    assert snapshot() == first
    assert (demo.created, again.created) == (len(EVENTS), 0)
    assert (again.events, again.registrations, again.attendances) == (
        demo.events,
        demo.registrations,
        demo.attendances,
    )


def test_demo_event_addresses_are_those_of_the_demo(demo):
    slugs = set(Event.objects.values_list("slug", flat=True))

    assert slugs == {spec.slug for spec in EVENTS}


def test_demo_has_the_newsletter_events_on_their_dates(demo):
    expected = {
        "comite-de-labellisation-novembre-2018": (datetime.date(2018, 11, 7), "invited"),
        "comex-novembre-2018": (datetime.date(2018, 11, 7), "invited"),
        "reunion-cdm21-novembre-2018": (datetime.date(2018, 11, 8), "members"),
        "assemblee-des-managers-novembre-2018": (datetime.date(2018, 11, 9), "members"),
        "comex-decembre-2018-porto": (datetime.date(2018, 12, 6), "invited"),
        "assemblee-des-managers-janvier-2019": (datetime.date(2019, 1, 24), "members"),
        "cocade-reunion-finale": (datetime.date(2019, 1, 24), "public"),
        "dimesca-veille-numerique": (datetime.date(2019, 1, 28), "public"),
        "spring-school-2019": (datetime.date(2019, 6, 19), "public"),
    }

    found = {
        event.slug: (event.local_start.date(), event.audience)
        for event in Event.objects.filter(slug__in=expected)
    }

    assert found == expected


def test_demo_brussels_day_has_the_managers_morning_then_the_cocade_afternoon(demo):
    morning = Event.objects.get(slug="assemblee-des-managers-janvier-2019")
    afternoon = Event.objects.get(slug="cocade-reunion-finale")

    assert (morning.half_days(), afternoon.half_days()) == (
        [(datetime.date(2019, 1, 24), "am")],
        [(datetime.date(2019, 1, 24), "pm")],
    )
    assert (morning.timezone, afternoon.timezone, afternoon.site.centre.slug) == (
        "Europe/Brussels",
        "Europe/Brussels",
        "bruxelles",
    )


def test_demo_multi_day_events_have_a_timetable(demo):
    dimesca = Event.objects.get(slug="dimesca-veille-numerique")
    school = Event.objects.get(slug="spring-school-2019")

    assert dimesca.days() == [datetime.date(2019, 1, d) for d in (28, 29, 30)]
    assert school.days() == [datetime.date(2019, 6, d) for d in (19, 20, 21)]
    assert (dimesca.sessions.count(), school.sessions.count()) == (6, 8)
    assert (school.capacity, school.waitlist, dimesca.moderation) == (80, True, True)
    for event in (dimesca, school):
        for session in event.sessions.all():
            assert event.starts_at <= session.starts_at < session.ends_at <= event.ends_at


def test_demo_newsletter_titles_are_french_with_translations(demo):
    event = Event.objects.get(slug="cocade-reunion-finale")

    assert event.original_language == "fr"
    assert event.title == {
        "fr": "Réunion finale du projet Erasmus+ COCADE",
        "en": "Final meeting of the Erasmus+ COCADE project",
        "pt": "Reunião final do projeto Erasmus+ COCADE",
    }


def test_demo_confirmed_count_equals_confirmed_registrations_for_every_event(demo):
    events = Event.objects.annotate(
        rows=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    )

    mismatched = [
        (e.slug, e.confirmed_count, e.rows) for e in events if e.confirmed_count != e.rows
    ]

    assert mismatched == []


def test_demo_no_event_is_over_capacity(demo):
    over = Event.objects.filter(capacity__isnull=False).filter(confirmed_count__gt=F("capacity"))

    assert list(over) == []


def test_demo_has_an_event_today_at_the_demo_managers_centre_with_check_ins(demo):
    event = Event.objects.get(slug="numeriday-demarches-en-ligne")
    now = timezone.now()
    today = now.astimezone(ZoneInfo("Europe/Paris")).date()

    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    checked_in = Attendance.objects.filter(registration__event=event, day=today)

    assert event.centre.slug == "paris-la-villette"
    assert event.centre.memberships.filter(user__email="manager" + DEMO).exists()
    assert (event.status, event.local_start.date(), event.ends_at > now) == (
        EventStatus.PUBLISHED,
        today,
        True,
    )
    assert (confirmed.count(), checked_in.count()) == (14, 6)
    assert {a.checked_in_by.email for a in checked_in} == {"manager" + DEMO}
    assert [item.title for item in demo.today] == [str(event)]


def test_demo_full_workshop_has_a_waiting_list_after_a_cancellation(demo):
    event = Event.objects.get(slug="atelier-cv-une-page")

    counts = dict(
        event.registrations.values_list("status").annotate(Count("pk")).order_by("status")
    )

    assert counts == {"confirmed": 12, "waitlisted": 3, "cancelled": 1}
    assert (event.capacity, event.confirmed_count, event.is_full) == (12, 12, True)
    assert list(event.registrations.waiting_in_order().values_list("name", flat=True)) == [
        "Léna Gauthier",
        "Justine Colin",
        "Kevin Nguyen",
    ]


def test_demo_moderated_session_has_pending_and_declined_registrations(demo):
    event = Event.objects.get(slug="reunion-information-vae")

    counts = dict(
        event.registrations.values_list("status").annotate(Count("pk")).order_by("status")
    )

    assert event.moderation is True
    assert counts == {"confirmed": 3, "pending": 4, "declined": 1}
    today = timezone.now().astimezone(ZoneInfo("Europe/Paris")).date()
    assert (event.local_start.date() - today).days == 7


def test_demo_past_events_have_attendance_and_no_shows(demo):
    fishbowl = Event.objects.get(slug="fish-bowl-se-reconvertir-apres-45-ans")

    confirmed = fishbowl.registrations.filter(status=RegistrationStatus.CONFIRMED)
    present = confirmed.filter(attendances__isnull=False).distinct()

    assert fishbowl.ends_at < timezone.now()
    assert (confirmed.count(), present.count()) == (19, 16)


def test_demo_registrations_precede_their_event(demo):
    late = Registration.objects.filter(created_at__gte=F("event__starts_at"))

    assert list(late.values_list("event__slug", "name")) == []


def test_demo_check_ins_of_past_events_are_on_event_days(demo):
    for event in Event.objects.filter(ends_at__lt=timezone.now()):
        half_days = set(event.half_days())
        for item in Attendance.objects.filter(registration__event=event):
            assert (item.day, item.half) in half_days
            assert item.registration.status == RegistrationStatus.CONFIRMED


def test_demo_members_and_invited_meetings_have_the_right_audience(demo):
    meeting = Event.objects.get(slug="comex-prochaine-reunion")
    group = Event.objects.get(slug="groupe-formateurs-conseillers")

    assert (meeting.audience, group.audience) == (Audience.INVITED, Audience.MEMBERS)
    assert set(meeting.invitations.values_list("user__email", flat=True)) == {
        "manager" + DEMO,
        "manager.mayotte" + DEMO,
    }
    assert set(group.registrations.values_list("user__email", flat=True)) == {
        "trainer" + DEMO,
        "counsellor" + DEMO,
        "editor" + DEMO,
        "manager.mayotte" + DEMO,
    }


def test_demo_online_webinar_and_cancelled_and_draft_events(demo):
    webinar = Event.objects.get(slug="webinaire-travailler-en-suisse")
    cancelled = Event.objects.get(slug="atelier-linkedin-bruxelles")
    draft = Event.objects.get(slug="portes-ouvertes-metiers-verts")

    assert (webinar.online_url != "", webinar.site_id, webinar.timezone) == (
        True,
        None,
        "Europe/Zurich",
    )
    assert (cancelled.status, cancelled.registrations.count()) == (EventStatus.CANCELLED, 5)
    assert (draft.status, draft.registrations.count()) == (EventStatus.DRAFT, 0)


def test_demo_registrants_are_fictional_or_demo_accounts(demo):
    emails = set(Registration.objects.values_list("email", flat=True))

    assert {email.rsplit("@", 1)[1] for email in emails} == {
        "example.org",
        "demo.cocade.example",
    }


def test_demo_emails_nobody(demo, django_capture_on_commit_callbacks):
    Event.objects.all().delete()  # rolled back with the test

    with django_capture_on_commit_callbacks(execute=True):
        result = load()

    assert result.created == len(EVENTS)
    assert mail.outbox == []


def test_demo_summary_counts_what_is_there(demo):
    out = StringIO()

    write_summary(demo, out)

    text = out.getvalue()
    assert text.startswith(f"Agenda: {Event.objects.count()} events (")
    assert f"{Registration.objects.count()} registrations" in text
    assert f"{Attendance.objects.count()} half-days of attendance" in text
    assert "Happening today: Numeri'Day" in text
