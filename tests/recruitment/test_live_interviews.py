"""Interviews on the day: started, held, missed, their outcomes; the bell between rounds; the
round under way as the live board shows it. Every refusal leaves the rows as they were."""

from __future__ import annotations

import threading

import pytest
from django.core import serializers
from django.db import connection
from django.utils import translation

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import InterviewStatus, Outcome, Phase, Presence
from cocade.recruitment.errors import WrongPhase
from cocade.recruitment.models import Candidate, Interview, RecruitmentDay
from cocade.recruitment.services import live
from tests.factories.recruitment import CompanyFactory
from tests.factories.recruitment_live import at, live_day


def rows() -> str:
    models = (Candidate, Interview, AuditLogEntry, RecruitmentDay)
    return "\n".join(serializers.serialize("json", m.objects.order_by("pk")) for m in models)


def statuses(day) -> dict[tuple[str, str], str]:
    return {
        (i.candidate.name.split()[0], i.company.name.split()[0]): i.status
        for i in Interview.objects.filter(day=day.day).select_related(
            "candidate__registration", "company"
        )
    }


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English, the language of the source strings."""
    with translation.override("en"):
        yield


@pytest.fixture
def day(db, centre_a):
    return live_day(centre_a)


# --- One interview --------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_interview_is_started_then_held(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)

    live.start_interview(interview, user=manager_a, now=at(day.day, "09:00"))
    assert Interview.objects.get(pk=interview.pk).status == InterviewStatus.UNDER_WAY
    live.finish_interview(interview, user=manager_a, now=at(day.day, "09:05"))

    assert Interview.objects.get(pk=interview.pk).status == InterviewStatus.DONE
    assert list(
        AuditLogEntry.objects.filter(object_id=str(interview.pk))
        .order_by("pk")
        .values_list("action", "changes")
    ) == [
        (
            "recruitment.interview.started",
            {"status": {"before": "scheduled", "after": "under_way"}},
        ),
        ("recruitment.interview.finished", {"status": {"before": "under_way", "after": "done"}}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (InterviewStatus.UNDER_WAY, live.start_interview, "it is “Under way”"),
        (InterviewStatus.DONE, live.start_interview, "it is “Held”"),
        (InterviewStatus.CANCELLED, live.start_interview, "it is “Cancelled”"),
        (InterviewStatus.SCHEDULED, live.finish_interview, "it is “Scheduled”"),
        (InterviewStatus.NO_SHOW, live.finish_interview, "it is “No-show”"),
        (InterviewStatus.DONE, live.mark_interview_no_show, "it is “Held”"),
    ],
)
def test_an_interview_in_another_state_is_refused(day, manager_a, status, action, message):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=status)
    interview.refresh_from_db()
    before = rows()

    with pytest.raises(live.InterviewState) as refused:
        action(interview, user=manager_a, now=at(day.day, "09:00"))

    assert message in str(refused.value.message)
    assert rows() == before


@pytest.mark.django_db
def test_a_double_click_on_start_starts_once(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    stale = Interview.objects.get(pk=interview.pk)
    live.start_interview(interview, user=manager_a, now=at(day.day, "09:00"))
    before = rows()

    with pytest.raises(live.InterviewState):
        live.start_interview(stale, user=manager_a, now=at(day.day, "09:00"))

    assert rows() == before
    assert AuditLogEntry.objects.filter(action="recruitment.interview.started").count() == 1


@pytest.mark.django_db
def test_starting_the_interview_of_a_no_show_is_refused(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    Candidate.objects.filter(pk=day.ana.pk).update(presence=Presence.ABSENT)
    before = rows()

    with pytest.raises(live.CandidateAbsent):
        live.start_interview(interview, user=manager_a, now=at(day.day, "09:00"))

    assert rows() == before


@pytest.mark.django_db
def test_an_interview_the_candidate_missed(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    live.start_interview(interview, user=manager_a, now=at(day.day, "09:00"))

    live.mark_interview_no_show(interview, user=manager_a, now=at(day.day, "09:01"))

    assert Interview.objects.get(pk=interview.pk).status == InterviewStatus.NO_SHOW


@pytest.mark.django_db
def test_interviews_before_the_day_are_refused(centre_a, manager_a):
    day = live_day(centre_a, phase=Phase.PRESELECTION)
    before = rows()

    with pytest.raises(WrongPhase):
        live.start_interview(day.interview(day.ana, day.ribeira), user=manager_a)

    assert rows() == before


# --- Outcomes -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_outcome_of_a_held_interview(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=InterviewStatus.DONE)

    live.set_outcome(interview, Outcome.HIRED, user=manager_a)

    assert Interview.objects.get(pk=interview.pk).outcome == Outcome.HIRED
    entry = AuditLogEntry.objects.get(action="recruitment.interview.outcome_set")
    assert entry.changes == {"outcome": {"before": "", "after": "hired"}}


@pytest.mark.django_db
def test_the_outcome_may_still_be_recorded_once_the_day_is_closed(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=InterviewStatus.DONE)
    RecruitmentDay.objects.filter(pk=day.day.pk).update(phase=Phase.CLOSED)
    interview = Interview.objects.select_related("day__event").get(pk=interview.pk)

    live.set_outcome(interview, Outcome.SECOND_INTERVIEW, user=manager_a)

    assert Interview.objects.get(pk=interview.pk).outcome == Outcome.SECOND_INTERVIEW


@pytest.mark.django_db
def test_the_same_outcome_again_writes_nothing(day, manager_a):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=InterviewStatus.DONE)
    live.set_outcome(interview, Outcome.HIRED, user=manager_a)
    before = rows()

    live.set_outcome(interview, Outcome.HIRED, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [InterviewStatus.SCHEDULED, InterviewStatus.UNDER_WAY, InterviewStatus.NO_SHOW],
)
def test_an_outcome_for_an_interview_not_held_is_refused(day, manager_a, status):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=status)
    before = rows()

    with pytest.raises(live.NotHeld):
        live.set_outcome(interview, Outcome.HIRED, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("outcome", ["promoted", None, 3, "HIRED"])
def test_an_unknown_outcome_is_refused(day, manager_a, outcome):
    interview = day.interview(day.ana, day.ribeira)
    Interview.objects.filter(pk=interview.pk).update(status=InterviewStatus.DONE)
    before = rows()

    with pytest.raises(live.BadOutcome):
        live.set_outcome(interview, outcome, user=manager_a)

    assert rows() == before


# --- The bell -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_bell_starts_a_round_and_closes_the_one_before(day, manager_a):
    live.mark_absent(day.carla, user=manager_a, now=at(day.day, "08:55"))
    first = live.start_round(
        day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00")
    )
    assert (len(first.started), first.finished) == (2, [])

    second = live.start_round(
        day.day, at(day.day, "09:05"), user=manager_a, now=at(day.day, "09:05")
    )

    assert statuses(day) == {
        ("Ana", "Ribeira"): "done",
        ("Bruno", "Douro"): "done",
        ("Bruno", "Ribeira"): "under_way",
        ("Carla", "Douro"): "cancelled",  # a no-show: not started
        ("Carla", "Ribeira"): "cancelled",
        ("Ana", "Douro"): "scheduled",
    }
    assert second.started == [day.interview(day.bruno, day.ribeira).pk]
    assert sorted(second.finished) == sorted(first.started)
    entry = AuditLogEntry.objects.filter(action="recruitment.round.started").order_by("pk").last()
    assert entry.changes["started"] == second.started


@pytest.mark.django_db
def test_ringing_twice_for_the_same_round_is_refused(day, manager_a):
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))
    before = rows()

    with pytest.raises(live.NothingToStart):
        live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))

    assert rows() == before


@pytest.mark.django_db
def test_the_bell_after_the_last_round_closes_it(day, manager_a):
    for clock in ("09:00", "09:05", "09:10"):
        live.start_round(day.day, at(day.day, clock), user=manager_a, now=at(day.day, clock))
    bell = live.next_bell(day.day)
    assert (bell.at, bell.closes_only) == (at(day.day, "09:15"), True)

    live.start_round(day.day, bell.at, user=manager_a, now=at(day.day, "09:15"))

    assert set(statuses(day).values()) == {"done"}
    assert live.next_bell(day.day) is None


@pytest.mark.django_db
def test_the_next_bell_follows_the_round_under_way(day, manager_a):
    assert live.next_bell(day.day) == live.Bell(at=at(day.day, "09:00"))
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))
    # An interview of 09:10 started early by hand does not skip the round of 09:05.
    live.start_interview(
        day.interview(day.ana, day.douro), user=manager_a, now=at(day.day, "09:01")
    )

    assert live.next_bell(day.day) == live.Bell(at=at(day.day, "09:05"))


@pytest.mark.django_db(transaction=True)
def test_two_organisers_ringing_at_once_start_the_round_once(centre_a, manager_a, coordinator):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail("This test needs a SQLite test database in a file: see tests/settings.py.")
    day = live_day(centre_a)
    barrier = threading.Barrier(2)
    outcomes: list = [None, None]

    def ring(index: int, user) -> None:
        try:
            connection.ensure_connection()
            barrier.wait(timeout=60)
            outcomes[index] = live.start_round(
                day.day, at(day.day, "09:00"), user=user, now=at(day.day, "09:00")
            )
        except Exception as error:  # reported in the outcomes
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=ring, args=(0, manager_a)),
        threading.Thread(target=ring, args=(1, coordinator)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    kinds = sorted(type(outcome).__name__ for outcome in outcomes)
    assert kinds == ["NothingToStart", "RoundStart"]
    assert AuditLogEntry.objects.filter(action="recruitment.round.started").count() == 1
    assert sorted(Interview.objects.values_list("status", flat=True)) == [
        "scheduled",
        "scheduled",
        "scheduled",
        "scheduled",
        "under_way",
        "under_way",
    ]


@pytest.mark.django_db(transaction=True)
def test_two_organisers_marking_the_same_arrival_at_once_mark_it_once(
    centre_a, manager_a, coordinator
):
    day = live_day(centre_a)
    barrier = threading.Barrier(2)
    outcomes: list = [None, None]

    def mark(index: int, user) -> None:
        try:
            connection.ensure_connection()
            barrier.wait(timeout=60)
            outcomes[index] = live.mark_arrived(
                Candidate.objects.select_related("day__event", "registration").get(pk=day.ana.pk),
                user=user,
                now=at(day.day, "08:50"),
            )
        except Exception as error:  # reported in the outcomes
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=mark, args=(0, manager_a)),
        threading.Thread(target=mark, args=(1, coordinator)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "AlreadyMarked",
        "PresenceChange",
    ]
    assert AuditLogEntry.objects.filter(action="recruitment.candidate.arrived").count() == 1


# --- The round under way --------------------------------------------------------------------


def seats(round_) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            row.company.name.split()[0],
            row.now and row.now.name.split()[0],
            row.next and row.next.name.split()[0],
        )
        for row in round_.tables
    ]


@pytest.mark.django_db
def test_current_round_before_the_bell_shows_who_starts(day):
    round_ = live.current_round(day.day, at(day.day, "08:58"))

    assert (round_.started, round_.start, round_.seconds_left) == (
        False,
        at(day.day, "09:00"),
        None,
    )
    assert seats(round_) == [("Douro", None, "Bruno"), ("Ribeira", None, "Ana")]


@pytest.mark.django_db
def test_current_round_under_way_with_the_time_left(day, manager_a):
    live.mark_arrived(day.carla, user=manager_a, now=at(day.day, "08:50"))
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))

    round_ = live.current_round(day.day, at(day.day, "09:01:30"))

    assert (round_.started, round_.start, round_.end) == (
        True,
        at(day.day, "09:00"),
        at(day.day, "09:05"),
    )
    assert (round_.seconds_left, round_.time_left) == (210, "3:30")
    assert seats(round_) == [("Douro", "Bruno", "Carla"), ("Ribeira", "Ana", "Bruno")]
    douro = round_.tables[0]
    assert (douro.next.presence, douro.next.short_name) == (Presence.ARRIVED, "Carla M.")
    assert str(round_.start.tzinfo) == "Europe/Lisbon"


@pytest.mark.django_db
def test_current_round_once_its_time_is_over(day, manager_a):
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))

    round_ = live.current_round(day.day, at(day.day, "09:07"))

    assert (round_.started, round_.seconds_left, round_.time_left) == (True, 0, "0:00")


@pytest.mark.django_db
def test_current_round_rung_early_has_one_slot_left(day, manager_a):
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "08:58"))

    round_ = live.current_round(day.day, at(day.day, "08:58"))

    assert (round_.seconds_left, round_.time_left) == (300, "5:00")


@pytest.mark.django_db
def test_current_round_shows_free_tables(day, manager_a):
    CompanyFactory(day=day.day, name="Aveiro Têxteis", tables=2)
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))

    round_ = live.current_round(day.day, at(day.day, "09:02"))

    assert seats(round_) == [
        ("Aveiro", None, None),
        ("Aveiro", None, None),
        ("Douro", "Bruno", "Carla"),
        ("Ribeira", "Ana", "Bruno"),
    ]
    assert [row.table for row in round_.tables] == [1, 2, 1, 1]


@pytest.mark.django_db
def test_current_round_after_the_last_one(day, manager_a):
    for clock in ("09:00", "09:05", "09:10", "09:15"):
        live.start_round(day.day, at(day.day, clock), user=manager_a, now=at(day.day, clock))

    round_ = live.current_round(day.day, at(day.day, "09:16"))

    assert (round_.over, round_.started, round_.bell) == (True, False, None)


@pytest.mark.parametrize(
    ("name", "short"),
    [("Ana Sofia Pereira", "Ana P."), ("Zé", "Zé"), ("  Maria   da Luz ", "Maria L.")],
)
def test_short_name(name, short):
    assert live.short_name(name) == short
