"""The retention job: registrations of events that ended more than
`COCADE_REGISTRATION_RETENTION_MONTHS` calendar months ago are anonymised, keeping the counts."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cocade.agenda import tokens
from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.errors import BadToken
from cocade.agenda.models import Attendance, Event, Registration
from cocade.agenda.services.retention import anonymise_past_registrations, months_before
from cocade.agenda.tasks import anonymise_past_registrations as anonymise_past_registrations_task
from tests.factories.accounts import UserFactory
from tests.factories.agenda import AttendanceFactory, EventFactory, RegistrationFactory

UTC = datetime.UTC
NOW = datetime.datetime(2031, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.COCADE_REGISTRATION_RETENTION_MONTHS = 12


def _event_ended(ends_at, **extra):
    return EventFactory(
        starts_at=ends_at - datetime.timedelta(days=1, hours=3), ends_at=ends_at, **extra
    )


def _past_event_with_registrants(ends_at=datetime.datetime(2030, 5, 10, 16, 0, tzinfo=UTC)):
    """An event of two days that ended (by default) 13 months before NOW: two confirmed
    registrants (one came on both days, one never came), one cancelled with an account."""
    event = _event_ended(ends_at, capacity=10)
    came = RegistrationFactory(event=event, answers={"1": "Lyon"}, email="came@example.org")
    RegistrationFactory(event=event, email="no-show@example.org")
    RegistrationFactory(
        event=event,
        email="cancelled@example.org",
        status=RegistrationStatus.CANCELLED,
        user=UserFactory(),
    )
    first, second = event.days()
    AttendanceFactory(registration=came, day=first, half="pm")
    AttendanceFactory(registration=came, day=second, half="am")
    return event


def _counts(event):
    event.refresh_from_db()
    registrations = Registration.objects.filter(event=event)
    return {
        "confirmed_count": event.confirmed_count,
        "statuses": sorted(registrations.values_list("status", flat=True)),
        "attendance": sorted(
            Attendance.objects.filter(registration__event=event).values_list("day", "half")
        ),
        "attendees": registrations.filter(attendances__isnull=False).distinct().count(),
        "no_shows": registrations.confirmed().filter(attendances__isnull=True).count(),
        "consents": sorted(registrations.values_list("consent_at", flat=True)),
    }


def _personal_data(event):
    return sorted(
        Registration.objects.filter(event=event).values_list(
            "name", "email", "answers", "user_id", "anonymised_at"
        ),
        key=repr,
    )


@pytest.mark.django_db
def test_registrations_of_an_event_past_retention_are_anonymised():
    event = _past_event_with_registrants()

    count = anonymise_past_registrations(now=NOW)

    event.refresh_from_db()
    assert (count, event.anonymised_at) == (3, NOW)
    assert _personal_data(event) == [("", "", {}, None, NOW)] * 3


@pytest.mark.django_db
def test_anonymising_keeps_statuses_consents_and_attendance_counts():
    event = _past_event_with_registrants()
    before = _counts(event)

    anonymise_past_registrations(now=NOW)

    assert _counts(event) == before
    assert (before["confirmed_count"], before["attendees"], before["no_shows"]) == (2, 1, 1)


@pytest.mark.django_db
def test_anonymising_makes_the_registrants_links_useless():
    event = _past_event_with_registrants()
    registration = Registration.objects.filter(event=event).first()
    manage, check_in = tokens.manage_token(registration), tokens.check_in_token(registration)

    anonymise_past_registrations(now=NOW)

    with pytest.raises(BadToken):
        tokens.read_token(manage, tokens.MANAGE)
    with pytest.raises(BadToken):
        tokens.read_token(check_in, tokens.CHECK_IN)


@pytest.mark.django_db
def test_anonymising_gives_each_registration_a_new_secret_of_its_own():
    event = _past_event_with_registrants()
    old = set(Registration.objects.filter(event=event).values_list("secret", flat=True))

    anonymise_past_registrations(now=NOW)

    new = set(Registration.objects.filter(event=event).values_list("secret", flat=True))
    assert (len(new), new & old) == (3, set())


@pytest.mark.django_db
def test_event_within_retention_is_left_as_it_is():
    # Ended 11 months before NOW.
    event = _event_ended(datetime.datetime(2030, 7, 15, 12, 0, tzinfo=UTC))
    RegistrationFactory(event=event, name="Ana Sousa", email="ana@example.org")
    before = _personal_data(event)

    count = anonymise_past_registrations(now=NOW)

    event.refresh_from_db()
    assert (count, event.anonymised_at, _personal_data(event)) == (0, None, before)


@pytest.mark.django_db
def test_retention_counts_calendar_months():
    # NOW is 15 June 2031 12:00 UTC (14:00 in Paris): twelve calendar months back is
    # 15 June 2030 at the same time, whatever the number of days in between.
    just_past = _event_ended(datetime.datetime(2030, 6, 15, 11, 0, tzinfo=UTC))
    just_within = _event_ended(datetime.datetime(2030, 6, 15, 13, 0, tzinfo=UTC))
    RegistrationFactory(event=just_past, email="past@example.org")
    RegistrationFactory(event=just_within, email="within@example.org")

    count = anonymise_past_registrations(now=NOW)

    assert (count, sorted(Registration.objects.values_list("email", flat=True))) == (
        1,
        ["", "within@example.org"],
    )


@pytest.mark.django_db
def test_retention_period_follows_the_setting(settings):
    settings.COCADE_REGISTRATION_RETENTION_MONTHS = 24
    event = _past_event_with_registrants()

    count = anonymise_past_registrations(now=NOW)

    event.refresh_from_db()
    assert (count, event.anonymised_at) == (0, None)


@pytest.mark.django_db
def test_anonymising_twice_changes_nothing_more():
    event = _past_event_with_registrants()
    anonymise_past_registrations(now=NOW)
    after_first = sorted(
        Registration.objects.filter(event=event).values_list(
            "pk", "secret", "anonymised_at", "status"
        )
    )

    count = anonymise_past_registrations(now=NOW + datetime.timedelta(days=1))

    event.refresh_from_db()
    assert (count, event.anonymised_at) == (0, NOW)
    assert (
        sorted(
            Registration.objects.filter(event=event).values_list(
                "pk", "secret", "anonymised_at", "status"
            )
        )
        == after_first
    )


@pytest.mark.django_db
def test_past_event_without_registrations_is_marked_done():
    event = _event_ended(datetime.datetime(2029, 1, 1, 12, 0, tzinfo=UTC))

    count = anonymise_past_registrations(now=NOW)

    event.refresh_from_db()
    assert (count, event.anonymised_at) == (0, NOW)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2031, 6, 15, 12, 0), 12, datetime.datetime(2030, 6, 15, 12, 0)),
        (datetime.datetime(2031, 3, 31, 8, 30), 1, datetime.datetime(2031, 2, 28, 8, 30)),
        (datetime.datetime(2032, 3, 31, 8, 30), 1, datetime.datetime(2032, 2, 29, 8, 30)),
        (datetime.datetime(2031, 1, 15, 0, 0), 13, datetime.datetime(2029, 12, 15, 0, 0)),
        (datetime.datetime(2031, 12, 31, 23, 59), 12, datetime.datetime(2030, 12, 31, 23, 59)),
        (datetime.datetime(2031, 5, 31, 10, 0), 3, datetime.datetime(2031, 2, 28, 10, 0)),
    ],
)
def test_months_before_clamps_to_the_end_of_a_shorter_month(moment, months, expected):
    assert months_before(moment, months) == expected


@pytest.mark.django_db
def test_anonymise_command_dry_run_counts_and_changes_nothing():
    event = _past_event_with_registrants(ends_at=timezone.now() - datetime.timedelta(days=400))
    before = _personal_data(event)
    out = StringIO()

    call_command("agenda_anonymise", "--dry-run", stdout=out)

    event.refresh_from_db()
    assert out.getvalue() == (
        "Would anonymise 3 registration(s) of 1 event(s) that ended more than 12 month(s) ago.\n"
    )
    assert (_personal_data(event), event.anonymised_at) == (before, None)


@pytest.mark.django_db
def test_anonymise_command_anonymises_and_prints_the_count():
    event = _past_event_with_registrants(ends_at=timezone.now() - datetime.timedelta(days=400))
    out = StringIO()

    call_command("agenda_anonymise", stdout=out)

    assert out.getvalue() == (
        "Anonymised 3 registration(s) of events that ended more than 12 month(s) ago.\n"
    )
    assert Registration.objects.filter(event=event, anonymised_at__isnull=True).count() == 0
    assert Event.objects.filter(pk=event.pk, anonymised_at__isnull=False).count() == 1


@pytest.mark.django_db
def test_scheduled_retention_task_anonymises_past_registrations():
    event = _past_event_with_registrants(ends_at=timezone.now() - datetime.timedelta(days=400))

    result = anonymise_past_registrations_task.enqueue()

    assert (result.return_value, _personal_data(event)[0][:4]) == (3, ("", "", {}, None))
