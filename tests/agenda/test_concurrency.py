"""No overbooking, however many people register at once.

Each test starts one thread per person, each with a database connection of its own (opened
before the start, closed at the end), and releases them all together with a barrier. The guard
is the database's: the conditional UPDATE of `Event.confirmed_count` (PostgreSQL's row lock,
SQLite's write transaction taken at BEGIN IMMEDIATE) and the check constraint
`agenda_event_no_overbooking`; nothing in Python decides who gets the last seat.

On PostgreSQL the 240 connections held at once need `max_connections` of at least 300 (the
default is 100): `scripts/ensure-postgres.sh` raises it, `make test-postgres` runs it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django_tasks.signals import task_enqueued

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Event, Registration
from cocade.agenda.services import registrations
from cocade.core.errors import DomainError
from tests.factories.agenda import EventFactory, RegistrationFactory

PEOPLE = 240
CAPACITY = 50
BARRIER_TIMEOUT = 120  # seconds for every thread to connect


def _connection_id() -> Any:
    """Which server session this thread talks to (PostgreSQL's backend pid), or the SQLite
    connection object's identity; all of them are open at the same time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]
    return id(connection.connection)


def _require_connections(needed: int) -> None:
    """Fail (not skip) with what to do when the database cannot hold `needed` connections."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail(
            "The concurrency tests need a SQLite test database in a file (in memory, threads "
            "get 'database table is locked'): see DATABASES TEST NAME in tests/settings.py."
        )
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int, "
            "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"
        )
        limit, in_use = cursor.fetchone()
    if limit < needed + 1:
        pytest.fail(
            f"PostgreSQL allows max_connections = {limit}; this test holds {needed} connections "
            f"at once and needs at least {needed + 1}. Run scripts/ensure-postgres.sh "
            "postgres://postgres@127.0.0.1:5432/cocade (it sets max_connections = 300 and "
            "restarts a local cluster), or set it yourself and restart the server."
        )
    if limit - in_use < needed:
        pytest.fail(
            f"PostgreSQL allows max_connections = {limit} but {in_use} are in use by other "
            f"sessions; this test needs {needed} more. Run it when the server is quieter, or "
            "raise max_connections (scripts/ensure-postgres.sh sets 300)."
        )


def _all_at_once(count: int, action: Callable[[int], Any]) -> tuple[list[Any], set[Any]]:
    """Run `action(0)` … `action(count - 1)` in `count` threads, each on its own connection,
    released together. Returns each call's result or exception, and the connections seen."""
    _require_connections(count)
    barrier = threading.Barrier(count)
    outcomes: list[Any] = [None] * count
    sessions: list[Any] = [None] * count

    def work(index: int) -> None:
        try:
            try:
                connection.ensure_connection()
                sessions[index] = _connection_id()
            except Exception as error:  # reported in the outcomes
                outcomes[index] = error
            barrier.wait(timeout=BARRIER_TIMEOUT)
            if outcomes[index] is None:
                outcomes[index] = action(index)
        except Exception as error:  # reported in the outcomes
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, set(sessions)


def _kind(outcome: Any) -> str:
    """A registration's status, or the exception's class (and message, when unexpected)."""
    if isinstance(outcome, Registration):
        return str(outcome.status)
    if isinstance(outcome, tuple):  # (cancelled registration, promoted) from cancel_registration
        return str(outcome[0].status)
    if isinstance(outcome, DomainError):
        return type(outcome).__name__
    return f"{type(outcome).__name__}: {outcome}"


def _register(event: Event, email: str) -> Registration:
    return registrations.register_for_event(
        event=event, name="Personne pressée", email=email, consent=True
    )


def _statuses(event: Event) -> Counter[str]:
    return Counter(Registration.objects.filter(event=event).values_list("status", flat=True))


@pytest.fixture
def queued_emails(settings):
    """The registration emails queued by every thread, as (registration id, kind). The tasks
    only queue here (no worker), so that the race is between the registrations alone; the
    emails themselves are tested with the notifications."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued: list[tuple[int, str]] = []

    def record(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.task.module_path == "cocade.agenda.tasks.send_registration_email":
            queued.append(tuple(task_result.args))

    task_enqueued.connect(record, weak=False, dispatch_uid="test_concurrency")
    yield queued
    task_enqueued.disconnect(dispatch_uid="test_concurrency")


def _rows(event: Event) -> list[tuple[int, str]]:
    return sorted(Registration.objects.filter(event=event).values_list("pk", "status"))


@pytest.mark.django_db(transaction=True)
def test_register_240_at_once_for_50_seats_with_waiting_list_confirms_exactly_50(
    queued_emails,
):
    event = EventFactory(capacity=CAPACITY, waitlist=True)
    emails = [f"person{n}@example.org" for n in range(PEOPLE)]

    outcomes, sessions = _all_at_once(PEOPLE, lambda n: _register(event, emails[n]))

    event.refresh_from_db()
    assert len(sessions) == PEOPLE
    assert Counter(map(_kind, outcomes)) == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
    assert _statuses(event) == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
    assert (event.confirmed_count, event.seats_left) == (CAPACITY, 0)
    # One email queued per registration, telling what it became.
    assert sorted(queued_emails) == _rows(event)


@pytest.mark.django_db(transaction=True)
def test_register_240_at_once_for_50_seats_without_waiting_list_refuses_190(queued_emails):
    event = EventFactory(capacity=CAPACITY, waitlist=False)
    emails = [f"person{n}@example.org" for n in range(PEOPLE)]

    outcomes, sessions = _all_at_once(PEOPLE, lambda n: _register(event, emails[n]))

    event.refresh_from_db()
    assert len(sessions) == PEOPLE
    assert Counter(map(_kind, outcomes)) == {"confirmed": CAPACITY, "EventFull": PEOPLE - CAPACITY}
    assert _statuses(event) == {"confirmed": CAPACITY}
    assert event.confirmed_count == CAPACITY
    # Only the people who got a seat are emailed: a refused registration queues nothing.
    assert sorted(queued_emails) == _rows(event)


@pytest.mark.django_db(transaction=True)
def test_register_the_same_email_20_times_at_once_registers_once(queued_emails):
    event = EventFactory(capacity=CAPACITY, waitlist=True)

    outcomes, sessions = _all_at_once(20, lambda n: _register(event, "double@example.org"))

    event.refresh_from_db()
    assert len(sessions) == 20
    assert Counter(map(_kind, outcomes)) == {"confirmed": 1, "AlreadyRegistered": 19}
    assert _statuses(event) == {"confirmed": 1}
    assert event.confirmed_count == 1
    assert sorted(queued_emails) == _rows(event)


@pytest.mark.django_db(transaction=True)
def test_cancel_60_at_once_keeps_50_confirmed_and_promotes_in_waiting_order(queued_emails):
    event = EventFactory(capacity=CAPACITY, waitlist=True)
    confirmed = [RegistrationFactory(event=event) for _ in range(CAPACITY)]
    waiting = [
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED) for _ in range(100)
    ]
    # 40 of the confirmed people cancel, and so do 20 people near the head of the waiting list
    # (every other one of the first 40), while their seats are being handed out.
    leaving = confirmed[:40] + waiting[0:40:2]
    staying_waiting = [r for r in waiting if r not in leaving]

    outcomes, sessions = _all_at_once(
        len(leaving),
        lambda n: registrations.cancel_registration(registration=leaving[n]),
    )

    event.refresh_from_db()
    promoted = [p.pk for outcome in outcomes if isinstance(outcome, tuple) for p in outcome[1]]
    now_confirmed = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    first_40_waiting = [r.pk for r in staying_waiting[:40]]
    assert len(sessions) == len(leaving)
    assert Counter(map(_kind, outcomes)) == {"cancelled": 60}
    assert _statuses(event) == {"confirmed": CAPACITY, "waitlisted": 40, "cancelled": 60}
    assert event.confirmed_count == CAPACITY
    assert now_confirmed == [r.pk for r in confirmed[40:]] + first_40_waiting
    # Nobody was promoted twice; everyone promoted is either confirmed now or left meanwhile.
    assert len(promoted) == len(set(promoted))
    assert set(promoted) - set(first_40_waiting) <= {r.pk for r in waiting[0:40:2]}
    assert set(first_40_waiting) <= set(promoted)
    # First come, first served: the promotions happened in the order people joined the list.
    promoted_at = list(
        Registration.objects.filter(pk__in=first_40_waiting)
        .order_by("pk")
        .values_list("status_changed_at", flat=True)
    )
    assert promoted_at == sorted(promoted_at)
    # Each cancellation and each promotion queued its email, once.
    assert Counter(kind for _pk, kind in queued_emails) == {
        "cancelled": 60,
        "promoted": len(promoted),
    }
