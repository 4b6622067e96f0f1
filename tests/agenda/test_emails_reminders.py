"""Reminders before an event: each confirmed registrant of a published event starting within
`COCADE_EVENT_REMINDER_HOURS` is reminded once."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cocade.agenda.enums import EventStatus, RegistrationStatus
from cocade.agenda.models import Registration
from cocade.agenda.notifications import send_due_reminders
from cocade.agenda.tasks import send_event_reminders
from tests.factories.agenda import EventFactory, RegistrationFactory


@pytest.fixture(autouse=True)
def _reminder_hours(settings):
    settings.COCADE_EVENT_REMINDER_HOURS = 48


def _starting_in(hours, **extra):
    starts = timezone.now() + datetime.timedelta(hours=hours)
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **extra)


def _reminded():
    return sorted(
        Registration.objects.filter(reminded_at__isnull=False).values_list("email", flat=True)
    )


@pytest.mark.django_db
def test_reminder_is_sent_to_confirmed_registrants_of_an_event_starting_soon(
    django_capture_on_commit_callbacks,
):
    event = _starting_in(24, title={"fr": "Atelier CV", "en": "CV workshop"})
    registration = RegistrationFactory(event=event, email="ana@example.org", language="en")
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders(now=now)

    registration.refresh_from_db()
    assert (count, registration.reminded_at) == (1, now)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ana@example.org"], "[COCADE] Reminder: CV workshop")
    ]
    assert [name for name, _content, _type in mail.outbox[0].attachments] == [
        f"{event.slug}.ics",
        "qr-code.png",
    ]


@pytest.mark.django_db
def test_reminder_is_not_sent_before_the_reminder_period(django_capture_on_commit_callbacks):
    RegistrationFactory(event=_starting_in(72), email="later@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    assert (count, _reminded(), mail.outbox) == (0, [], [])


@pytest.mark.django_db
def test_reminder_is_not_sent_once_the_event_has_started(django_capture_on_commit_callbacks):
    RegistrationFactory(event=_starting_in(-1), email="late@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    assert (count, _reminded(), mail.outbox) == (0, [], [])


@pytest.mark.django_db
def test_reminder_period_follows_the_setting(settings, django_capture_on_commit_callbacks):
    settings.COCADE_EVENT_REMINDER_HOURS = 2
    event_in_3_hours = _starting_in(3)
    event_in_1_hour = _starting_in(1)
    RegistrationFactory(event=event_in_3_hours, email="three@example.org")
    RegistrationFactory(event=event_in_1_hour, email="one@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    assert (count, _reminded(), [m.to for m in mail.outbox]) == (
        1,
        ["one@example.org"],
        [["one@example.org"]],
    )


@pytest.mark.django_db
def test_reminder_is_not_sent_twice_to_someone_already_reminded(
    django_capture_on_commit_callbacks,
):
    earlier = timezone.now() - datetime.timedelta(hours=3)
    registration = RegistrationFactory(event=_starting_in(24), reminded_at=earlier)

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    registration.refresh_from_db()
    assert (count, registration.reminded_at, mail.outbox) == (0, earlier, [])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [
        RegistrationStatus.CANCELLED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.PENDING,
        RegistrationStatus.DECLINED,
    ],
)
def test_reminder_is_sent_only_to_confirmed_registrants(status, django_capture_on_commit_callbacks):
    RegistrationFactory(event=_starting_in(24), status=status)

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    assert (count, _reminded(), mail.outbox) == (0, [], [])


@pytest.mark.django_db
@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.DRAFT])
def test_reminder_is_not_sent_for_an_event_that_is_not_published(
    status, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=_starting_in(24, status=status))

    with django_capture_on_commit_callbacks(execute=True):
        count = send_due_reminders()

    assert (count, _reminded(), mail.outbox) == (0, [], [])


@pytest.mark.django_db
def test_reminders_run_twice_remind_each_person_once(django_capture_on_commit_callbacks):
    event = _starting_in(24)
    RegistrationFactory(event=event, email="ana@example.org")
    RegistrationFactory(event=event, email="joao@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        first = send_due_reminders()
        second = send_due_reminders()

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "joao@example.org"]


@pytest.mark.django_db
def test_reminder_claimed_by_another_run_is_not_queued_again(django_capture_on_commit_callbacks):
    # Another worker marks the registration between this run's listing and its update: the
    # conditional UPDATE (reminded_at IS NULL) then claims nothing, and nothing is queued.
    registration = RegistrationFactory(event=_starting_in(24))
    other_run = timezone.now() - datetime.timedelta(seconds=1)
    interleaved = []

    def claimed_meanwhile(execute_sql, sql, params, many, context):
        if not interleaved and sql.lstrip().upper().startswith("UPDATE"):
            interleaved.append(sql)
            Registration.objects.filter(pk=registration.pk).update(reminded_at=other_run)
        return execute_sql(sql, params, many, context)

    with (
        django_capture_on_commit_callbacks(execute=True),
        connection.execute_wrapper(claimed_meanwhile),
    ):
        count = send_due_reminders()

    registration.refresh_from_db()
    assert (count, registration.reminded_at, mail.outbox) == (0, other_run, [])
    assert len(interleaved) == 1


@pytest.mark.django_db
def test_reminders_command_prints_the_count(django_capture_on_commit_callbacks):
    RegistrationFactory(event=_starting_in(24))
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("agenda_reminders", stdout=out)

    assert (out.getvalue(), len(mail.outbox)) == ("Reminders queued: 1\n", 1)


@pytest.mark.django_db
def test_scheduled_reminders_task_queues_the_due_reminders(django_capture_on_commit_callbacks):
    RegistrationFactory(event=_starting_in(24), email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        result = send_event_reminders.enqueue()

    assert (result.return_value, [m.to for m in mail.outbox]) == (1, [["ana@example.org"]])
