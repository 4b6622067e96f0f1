"""The speed meeting service: the stored plan and its figures, the audit entry, and every
refusal (with the rows exactly as they were)."""

import datetime

import pytest
from django.core import serializers
from django.utils import translation

from cocade.core.errors import InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.recruitment.errors import Stale
from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.services.meetings import (
    NoPlan,
    meeting_sheet,
    meeting_version,
    update_meeting,
)
from tests.factories.recruitment import SpeedMeetingFactory
from tests.factories.recruitment_meeting import meeting_event

APPRENTICES = [
    "CAP Boulangerie",
    "CAP Coiffure",
    "Bac pro Soudure",
    "BTS Compta",
    "CAP Cuisine",
    "Bac pro Vente",
]
TRADES = ["Boulanger", "Coiffeuse", "Soudeur", "Comptable", "Cuisinier", "Vendeuse"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def meeting(centre_a):
    """Empty so far; its event runs from 09:00 to 12:00 in Paris."""
    return SpeedMeetingFactory(
        event=meeting_event(centre=centre_a, slug="rencontres-metiers"), groups=[], tables=[]
    )


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (SpeedMeeting, AuditLogEntry)
    ]


def save(meeting, user, **changes):
    values = {
        "groups": APPRENTICES,
        "tables": TRADES,
        "round_minutes": 15,
        "rounds": 6,
        "starts_at": datetime.time(9, 0),
        "user": user,
    }
    values.update(changes)
    return update_meeting(meeting, **values)


def test_six_groups_six_tables_fifteen_minutes_take_ninety_minutes(meeting, manager_a):
    saved = save(meeting, manager_a)

    saved.refresh_from_db()
    assert (saved.distinct_encounters, saved.method) == (36, "latin_square")
    assert saved.plan == [[(t - r) % 6 for t in range(6)] for r in range(6)]
    with translation.override("fr"):
        sheet = meeting_sheet(saved)
    assert (sheet.total_minutes, sheet.starts, sheet.ends) == (90, "09:00", "10:30")
    assert (sheet.distinct_encounters, sheet.upper_bound, sheet.bound_reached) == (36, 36, True)
    assert [stop.table for stop in sheet.routes[1].stops] == TRADES[1:] + TRADES[:1]
    assert sheet.rounds[1].cells == APPRENTICES[5:] + APPRENTICES[:5]


def test_names_are_trimmed_and_stored_in_order(meeting, manager_a):
    saved = save(meeting, manager_a, groups=[" Groupe A ", "Groupe B"], tables=["T1", "T2 "])

    saved.refresh_from_db()
    assert (saved.groups, saved.tables) == (["Groupe A", "Groupe B"], ["T1", "T2"])


def test_more_groups_than_tables_wait_in_turn(meeting, manager_a):
    saved = save(meeting, manager_a, groups=["A", "B", "C"], tables=["T1", "T2"], rounds=3)

    sheet = meeting_sheet(saved)
    assert [row.waiting for row in sheet.rounds] == [["C"], ["B"], ["A"]]
    assert [route.seated for route in sheet.routes] == [2, 2, 2]
    assert saved.distinct_encounters == 6


def test_save_is_audited(meeting, manager_a):
    save(meeting, manager_a, groups=["A", "B"], tables=["T1", "T2"], rounds=2)

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.centre_id) == (
        "recruitment.speed_meeting.updated",
        manager_a,
        str(meeting.pk),
        meeting.event.centre_id,
    )
    assert entry.changes == {
        "groups": {"before": [], "after": ["A", "B"]},
        "tables": {"before": [], "after": ["T1", "T2"]},
        "rounds": {"before": 6, "after": 2},
        "distinct_encounters": {"before": 0, "after": 4},
        "method": {"before": "", "after": "latin_square"},
    }


def test_last_round_may_end_with_the_event(meeting, manager_a):
    saved = save(meeting, manager_a, rounds=12, starts_at=datetime.time(9, 0))

    assert saved.rounds == 12


def test_sheet_without_plan_is_refused(meeting):
    with pytest.raises(NoPlan):
        meeting_sheet(meeting)


def test_pairs_that_must_not_meet_never_meet(meeting, manager_a):
    saved = save(
        meeting,
        manager_a,
        unavailable=["CAP Cuisine / Soudeur", "cap coiffure / comptable", "CAP Cuisine / Soudeur"],
    )

    saved.refresh_from_db()
    assert saved.unavailable == [["CAP Cuisine", "Soudeur"], ["CAP Coiffure", "Comptable"]]
    assert saved.method == "edge_colouring"
    banned = {(APPRENTICES.index(g), TRADES.index(t)) for g, t in saved.unavailable}
    seated = {(group, table) for row in saved.plan for table, group in enumerate(row)}
    assert not seated & banned
    sheet = meeting_sheet(saved)
    # Two of the 36 pairs are ruled out: 34 encounters, and the bound says no plan does better.
    assert (sheet.distinct_encounters, sheet.upper_bound) == (34, 34)


def test_a_name_holding_the_separator_is_still_read(meeting, manager_a):
    saved = save(
        meeting,
        manager_a,
        groups=["CAP / BEP Vente", "CAP Cuisine"],
        tables=["Vendeuse / Caissière", "Cuisinier"],
        rounds=2,
        unavailable=["CAP / BEP Vente / Vendeuse / Caissière"],
    )

    assert saved.unavailable == [["CAP / BEP Vente", "Vendeuse / Caissière"]]
    assert [0, 0] not in [[group, table] for row in saved.plan for table, group in enumerate(row)]


def test_an_unknown_pair_is_refused_naming_its_line(meeting, manager_a):
    save(meeting, manager_a)
    before = snapshot()

    with pytest.raises(InvalidInput) as refusal:
        save(meeting, manager_a, unavailable=["CAP Cuisine / Soudeur", "CAP Cuisine - Vendeuse"])

    assert refusal.value.field == "unavailable"
    assert str(refusal.value.message) == (
        "Line 2, “CAP Cuisine - Vendeuse”: write a group, then “ / ”, then a table, each as "
        "named above."
    )
    assert snapshot() == before


REFUSALS = [
    ({"groups": ["Seul"]}, "groups", "Enter at least 2 groups, one per line."),
    ({"tables": [f"T{n}" for n in range(61)]}, "tables", "Enter at most 60 tables."),
    (
        {"groups": ["Groupe A", "groupe a", "B"]},
        "groups",
        "Each group needs its own name: “groupe a” appears more than once.",
    ),
    ({"tables": ["T1", "  ", "T2"]}, "tables", "A table needs a name: remove the empty line."),
    (
        {"groups": ["A", "x" * 101]},
        "groups",
        f"A group name has at most 100 characters: “{'x' * 101}” is longer.",
    ),
    ({"rounds": 0}, "rounds", "Choose from 1 to 60 rounds."),
    ({"rounds": 61}, "rounds", "Choose from 1 to 60 rounds."),
    ({"round_minutes": 0}, "round_minutes", "A round lasts from 1 to 240 minutes."),
    ({"round_minutes": 241}, "round_minutes", "A round lasts from 1 to 240 minutes."),
]


@pytest.mark.parametrize(("changes", "field", "message"), REFUSALS)
def test_bad_values_are_refused_at_their_field(meeting, manager_a, changes, field, message):
    before = snapshot()

    with pytest.raises(InvalidInput) as refusal:
        save(meeting, manager_a, **changes)

    assert (refusal.value.field, str(refusal.value.message)) == (field, message)
    assert snapshot() == before


def test_every_bad_value_is_named_at_once(meeting, manager_a):
    with pytest.raises(InvalidInput) as refusal:
        save(meeting, manager_a, groups=["A"], tables=["T"], rounds=0, round_minutes=0)

    assert sorted(refusal.value.detail) == ["groups", "round_minutes", "rounds", "tables"]


def test_end_after_the_event_is_refused_naming_the_limit(meeting, manager_a):
    before = snapshot()

    with pytest.raises(InvalidInput) as refusal:
        save(meeting, manager_a, rounds=6, round_minutes=20, starts_at=datetime.time(10, 5))

    assert refusal.value.field is None
    assert str(refusal.value.message) == (
        "The last round would end at 12:05 p.m., after the end of the event at noon. "
        "Use fewer or shorter rounds, or start earlier."
    )
    assert snapshot() == before


def test_end_is_compared_with_the_local_end_of_the_event(centre_a, manager_a):
    """In Lisbon (one hour behind Paris) 11:00 plus 90 minutes ends after a 12:00 event."""
    meeting = SpeedMeetingFactory(event=meeting_event(centre=centre_a, zone="Europe/Lisbon"))
    before = snapshot()

    with pytest.raises(InvalidInput) as refusal:
        save(meeting, manager_a, starts_at=datetime.time(11, 0))

    assert str(refusal.value.message) == (
        "The last round would end at 12:30 p.m., after the end of the event at noon. "
        "Use fewer or shorter rounds, or start earlier."
    )
    assert snapshot() == before


def test_stale_version_is_refused(meeting, manager_a):
    old = meeting_version(meeting)
    save(meeting, manager_a, lock_version=old)
    before = snapshot()

    with pytest.raises(Stale):
        save(meeting, manager_a, rounds=3, lock_version=old)

    assert snapshot() == before


def test_current_version_is_accepted(meeting, manager_a):
    saved = save(meeting, manager_a, lock_version=meeting_version(meeting))

    assert saved.distinct_encounters == 36


def test_someone_who_does_not_organise_the_event_gets_not_found(meeting, manager_b):
    before = snapshot()

    with pytest.raises(NotFound):
        save(meeting, manager_b)

    assert snapshot() == before
