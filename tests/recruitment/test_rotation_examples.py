"""Worked examples of the speed meeting rotation (no database)."""

from __future__ import annotations

import pytest

from cocade.recruitment.rotation import EDGE_COLOURING, LATIN_SQUARE, plan_rotation, upper_bound


def test_six_groups_six_tables_meet_every_pair_in_six_rounds():
    plan = plan_rotation(6, 6, 6)

    assert (plan.distinct_encounters, plan.upper_bound, plan.method) == (36, 36, LATIN_SQUARE)
    assert plan.route(0) == (0, 1, 2, 3, 4, 5)
    assert plan.route(4) == (4, 5, 0, 1, 2, 3)
    assert plan.plan[1] == (5, 0, 1, 2, 3, 4)


def test_more_groups_than_tables_wait_in_turn():
    plan = plan_rotation(3, 2, 3)

    assert plan.plan == ((0, 1), (2, 0), (1, 2))
    assert plan.waiting == ((2,), (1,), (0,))
    assert (plan.distinct_encounters, plan.upper_bound, plan.seated()) == (6, 6, (2, 2, 2))


def test_fewer_groups_spread_over_the_tables():
    plan = plan_rotation(2, 4, 2)

    assert plan.plan == ((0, None, 1, None), (None, 0, None, 1))
    assert plan.route(1) == (2, 3)


def test_rounds_after_a_full_turn_stay_empty():
    plan = plan_rotation(2, 2, 4)

    assert plan.plan == ((0, 1), (1, 0), (None, None), (None, None))
    assert plan.waiting == ((), (), (0, 1), (0, 1))
    assert (plan.rounds_used, plan.distinct_encounters, plan.bound_reached) == (2, 4, True)


def test_unavailable_pair_is_planned_around():
    plan = plan_rotation(3, 3, 3, unavailable=frozenset({(0, 0)}), seed=7)

    assert plan.method == EDGE_COLOURING
    assert plan.route(0).count(0) == 0
    assert (plan.distinct_encounters, plan.upper_bound, plan.bound_reached) == (8, 8, True)


def test_bound_out_of_reach_is_reported():
    """Groups 0 and 1 may only meet table 0, and there is one round: one of them waits."""
    unavailable = frozenset({(0, 1), (0, 2), (1, 1), (1, 2)})

    plan = plan_rotation(3, 3, 1, unavailable=unavailable)

    assert (plan.distinct_encounters, plan.upper_bound, plan.bound_reached) == (2, 3, False)
    assert plan.plan[0][0] in (0, 1)


def test_upper_bound_counts_available_tables_and_rounds():
    assert upper_bound(6, 6, 6) == 36
    assert upper_bound(8, 6, 4) == 24
    assert upper_bound(4, 6, 10) == 24
    assert upper_bound(2, 2, 5, {(0, 0), (0, 1)}) == 2


@pytest.mark.parametrize(
    ("groups", "tables", "rounds", "unavailable"),
    [(0, 3, 3, frozenset()), (3, 0, 3, frozenset()), (3, 3, 0, frozenset()), (2, 2, 2, {(2, 0)})],
)
def test_impossible_sizes_are_refused(groups, tables, rounds, unavailable):
    with pytest.raises(ValueError, match="must be at least 1|out of range"):
        plan_rotation(groups, tables, rounds, unavailable=frozenset(unavailable))
