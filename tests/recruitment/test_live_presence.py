"""Presence on the day: arrivals (by name or by the timetable's QR code), no-shows and undo.

A no-show's interviews to come are cancelled (their tables freed), a scheduled one whose time
has come is a no-show, started ones stay; undoing gives them back. Every refusal leaves the
rows as they were."""

from __future__ import annotations

import datetime

import pytest
from django.core import serializers
from django.utils import translation

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.errors import BadToken, WrongEvent
from cocade.agenda.models import Attendance
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.core.errors import Forbidden
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import Phase, Presence
from cocade.recruitment.errors import WrongPhase
from cocade.recruitment.models import Candidate, Interview
from cocade.recruitment.services import live
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import RecruitmentDayFactory
from tests.factories.recruitment_live import at, candidate, live_day

pytestmark = pytest.mark.django_db


def rows() -> str:
    """Every row the live services may write: candidates, interviews, attendance, audit."""
    models = (Candidate, Interview, Attendance, AuditLogEntry)
    return "\n".join(serializers.serialize("json", m.objects.order_by("pk")) for m in models)


def statuses(day) -> dict[tuple[str, str], str]:
    return {
        (i.candidate.name, i.company.name): i.status
        for i in Interview.objects.filter(day=day.day).select_related(
            "candidate__registration", "company"
        )
    }


def actions() -> list[str]:
    return list(AuditLogEntry.objects.order_by("pk").values_list("action", flat=True))


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English, the language of the source strings."""
    with translation.override("en"):
        yield


@pytest.fixture
def day(centre_a):
    return live_day(centre_a)


def test_mark_arrived_records_presence_attendance_and_audit(day, manager_a):
    now = at(day.day, "08:50")

    change = live.mark_arrived(day.ana, user=manager_a, now=now)

    day.ana.refresh_from_db()
    assert (day.ana.presence, day.ana.presence_changed_at) == (Presence.ARRIVED, now)
    assert (change.before, change.after, change.attendance) == ("expected", "arrived", True)
    assert list(
        Attendance.objects.filter(registration=day.ana.registration).values_list("half", flat=True)
    ) == ["am"]
    assert actions() == ["agenda.registration.checked_in", "recruitment.candidate.arrived"]
    entry = AuditLogEntry.objects.get(action="recruitment.candidate.arrived")
    assert (entry.actor, entry.object_id, entry.centre_id) == (
        manager_a,
        str(day.ana.pk),
        day.day.event.centre_id,
    )
    assert entry.changes["presence"] == {"before": "expected", "after": "arrived"}


def test_mark_arrived_twice_is_refused_and_changes_nothing(day, manager_a):
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))
    before = rows()

    with pytest.raises(live.AlreadyMarked) as refused:
        live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:51"))

    assert str(refused.value.message) == "Ana Pereira: already marked arrived at 8:50 a.m."
    assert rows() == before


def test_mark_arrived_of_a_stale_object_is_refused(day, manager_a):
    """The page was loaded before another organiser marked the arrival: the object in hand
    still says "expected", the row does not."""
    stale = Candidate.objects.get(pk=day.ana.pk)
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))
    before = rows()

    with pytest.raises(live.AlreadyMarked):
        live.mark_arrived(stale, user=manager_a, now=at(day.day, "08:52"))

    assert rows() == before


def test_mark_arrived_outside_the_event_keeps_the_presence_without_attendance(day, manager_a):
    early = at(day.day, "09:00") - datetime.timedelta(days=1)

    change = live.mark_arrived(day.ana, user=manager_a, now=early)

    day.ana.refresh_from_db()
    assert (day.ana.presence, change.attendance) == (Presence.ARRIVED, False)
    assert Attendance.objects.count() == 0


def test_mark_absent_cancels_interviews_to_come_and_counts_missed_ones(day, manager_a):
    live.start_interview(
        day.interview(day.bruno, day.douro), user=manager_a, now=at(day.day, "09:00")
    )

    change = live.mark_absent(day.bruno, user=manager_a, now=at(day.day, "09:07"))

    assert statuses(day) == {
        ("Ana Pereira", "Ribeira Software"): "scheduled",
        ("Ana Pereira", "Douro Logística"): "scheduled",
        ("Bruno Sousa", "Douro Logística"): "under_way",  # started: unchanged
        ("Bruno Sousa", "Ribeira Software"): "no_show",  # 09:05, its time has come
        ("Carla Matos", "Douro Logística"): "scheduled",
        ("Carla Matos", "Ribeira Software"): "scheduled",
    }
    assert change.missed == [day.interview(day.bruno, day.ribeira).pk]
    assert change.cancelled == []
    entry = AuditLogEntry.objects.get(action="recruitment.candidate.absent")
    assert entry.changes["interviews_missed"] == change.missed


def test_mark_absent_before_the_day_cancels_every_interview(day, manager_a):
    change = live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:30"))

    ana = Interview.objects.filter(candidate=day.ana)
    assert sorted(ana.values_list("status", flat=True)) == ["cancelled", "cancelled"]
    assert sorted(change.cancelled) == sorted(ana.values_list("pk", flat=True))
    assert Interview.objects.exclude(candidate=day.ana).filter(status="scheduled").count() == 4


def test_mark_absent_twice_is_refused_and_changes_nothing(day, manager_a):
    live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:30"))
    before = rows()

    with pytest.raises(live.AlreadyMarked) as refused:
        live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:31"))

    assert str(refused.value.message) == "Ana Pereira: already marked as a no-show at 8:30 a.m."
    assert rows() == before


def test_undo_a_no_show_gives_the_interviews_back(day, manager_a):
    live.mark_absent(day.bruno, user=manager_a, now=at(day.day, "09:02"))
    assert statuses(day)[("Bruno Sousa", "Douro Logística")] == "no_show"

    change = live.undo_presence(day.bruno, user=manager_a, now=at(day.day, "09:03"))

    day.bruno.refresh_from_db()
    assert day.bruno.presence == Presence.EXPECTED
    assert set(statuses(day).values()) == {"scheduled"}
    assert len(change.restored) == 2
    assert not change.nothing_to_come


def test_undo_a_no_show_after_a_reoptimisation_says_nothing_is_left(day, manager_a):
    live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:30"))
    # The re-optimisation replaced Ana's cancelled interviews: nothing is left to give back.
    Interview.objects.filter(candidate=day.ana).delete()

    change = live.undo_presence(day.ana, user=manager_a, now=at(day.day, "08:40"))

    assert (change.restored, change.nothing_to_come) == ([], True)


def test_undo_a_no_show_leaves_a_table_given_to_someone_else(day, manager_a):
    live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:30"))
    douro_0910 = day.interview(day.ana, day.douro)
    # The re-optimisation gave Ana's 09:10 table at Douro to Bruno (moved from 09:00).
    bruno_douro = day.interview(day.bruno, day.douro)
    Interview.objects.filter(pk=bruno_douro.pk).update(
        starts_at=douro_0910.starts_at, ends_at=douro_0910.ends_at
    )

    change = live.undo_presence(day.ana, user=manager_a, now=at(day.day, "08:40"))

    assert change.restored == [day.interview(day.ana, day.ribeira).pk]
    assert statuses(day)[("Ana Pereira", "Douro Logística")] == "cancelled"


def test_late_arrival_of_a_no_show_gives_back_only_interviews_to_come(day, manager_a):
    live.mark_absent(day.ana, user=manager_a, now=at(day.day, "08:30"))

    change = live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "09:06"))

    assert statuses(day)[("Ana Pereira", "Ribeira Software")] == "cancelled"  # 09:00, gone
    assert statuses(day)[("Ana Pereira", "Douro Logística")] == "scheduled"  # 09:10
    assert change.restored == [day.interview(day.ana, day.douro).pk]


def test_undo_an_arrival(day, manager_a):
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))

    change = live.undo_presence(day.ana, user=manager_a, now=at(day.day, "08:51"))

    day.ana.refresh_from_db()
    assert (day.ana.presence, change.before) == (Presence.EXPECTED, Presence.ARRIVED)
    assert actions()[-1] == "recruitment.candidate.presence_reset"


def test_undo_an_arrival_after_an_interview_started_is_refused(day, manager_a):
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))
    live.start_interview(
        day.interview(day.ana, day.ribeira), user=manager_a, now=at(day.day, "09:00")
    )
    before = rows()

    with pytest.raises(live.InterviewsStarted):
        live.undo_presence(day.ana, user=manager_a, now=at(day.day, "09:01"))

    assert rows() == before


def test_undo_of_an_expected_candidate_is_refused(day, manager_a):
    before = rows()

    with pytest.raises(live.AlreadyMarked):
        live.undo_presence(day.ana, user=manager_a, now=at(day.day, "09:01"))

    assert rows() == before


@pytest.mark.parametrize("phase", [Phase.APPLICATIONS, Phase.PRESELECTION, Phase.CLOSED])
def test_presence_outside_the_day_is_refused(centre_a, manager_a, phase):
    day = live_day(centre_a, phase=phase)
    before = rows()

    with pytest.raises(WrongPhase):
        live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))

    assert rows() == before


def test_presence_by_someone_else_than_an_organiser_is_refused(day, manager_b, counsellor_a):
    before = rows()

    for user in (manager_b, counsellor_a):
        with pytest.raises(Forbidden):
            live.mark_absent(day.ana, user=user, now=at(day.day, "08:50"))

    assert rows() == before


# --- The timetable's QR code ----------------------------------------------------------------


def test_arrival_by_the_qr_code(day, coordinator):
    token = check_in_token(day.carla.registration)

    change = live.mark_arrived_by_token(day.day, token, user=coordinator, now=at(day.day, "08:55"))

    assert (change.candidate, change.after) == (day.carla, Presence.ARRIVED)
    day.carla.refresh_from_db()
    assert day.carla.presence == Presence.ARRIVED


@pytest.mark.parametrize(
    "raw",
    ["", "not-a-code", "x" * 400, None],
)
def test_arrival_by_a_bad_code_is_refused(day, manager_a, raw):
    before = rows()

    with pytest.raises(BadToken):
        live.mark_arrived_by_token(day.day, raw, user=manager_a, now=at(day.day, "08:55"))

    assert rows() == before


def test_arrival_by_a_manage_link_instead_of_the_qr_code_is_refused(day, manager_a):
    before = rows()

    with pytest.raises(BadToken):
        live.mark_arrived_by_token(
            day.day, manage_token(day.ana.registration), user=manager_a, now=at(day.day, "08:55")
        )

    assert rows() == before


def test_arrival_by_the_code_of_another_event_is_refused(day, centre_a, manager_a):
    other = live_day(centre_a)
    before = rows()

    with pytest.raises(WrongEvent):
        live.mark_arrived_by_token(
            day.day,
            check_in_token(other.ana.registration),
            user=manager_a,
            now=at(day.day, "08:55"),
        )

    assert rows() == before


def test_arrival_by_the_code_of_a_registrant_who_is_no_candidate_is_refused(day, manager_a):
    registration = RegistrationFactory(event=day.day.event, status=RegistrationStatus.CONFIRMED)
    before = rows()

    with pytest.raises(live.NotACandidate):
        live.mark_arrived_by_token(
            day.day, check_in_token(registration), user=manager_a, now=at(day.day, "08:55")
        )

    assert rows() == before


def test_presence_counts_candidates_with_interviews(day, manager_a):
    RecruitmentDayFactory()  # another day's candidates are not counted
    candidate(day.day, "Duarte Lima")  # registered, no interview
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))
    live.mark_absent(day.bruno, user=manager_a, now=at(day.day, "08:51"))

    assert live.presence_counts(day.day) == {"total": 3, "expected": 1, "arrived": 1, "absent": 1}
