"""Properties of the speed meeting rotation on random instances (no database).

Each check recomputes what it needs from the plan itself and does not trust the figures the
planner reports. On small instances the best number of encounters, and the best seat count of
the least seated group, come from trying every set of pairs.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocade.recruitment.rotation import (
    EDGE_COLOURING,
    LATIN_SQUARE,
    RotationPlan,
    plan_rotation,
    upper_bound,
)

FAST = settings(
    max_examples=int(os.environ.get("ROTATION_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def instances(draw, most=12, with_unavailable=True):
    groups = draw(st.integers(1, most))
    tables = draw(st.integers(1, most))
    rounds = draw(st.integers(1, most + 2))
    pairs = list(itertools.product(range(groups), range(tables)))
    unavailable = (
        frozenset(draw(st.lists(st.sampled_from(pairs), max_size=len(pairs))))
        if with_unavailable
        else frozenset()
    )
    seed = draw(st.integers(0, 2**16))
    return groups, tables, rounds, unavailable, seed


def encounters(plan: RotationPlan) -> list[tuple[int, int]]:
    return [
        (group, table) for row in plan.plan for table, group in enumerate(row) if group is not None
    ]


def assert_valid(plan: RotationPlan, groups, tables, rounds, unavailable):
    assert [len(row) for row in plan.plan] == [tables] * rounds
    met = encounters(plan)
    for row in plan.plan:
        seated = [group for group in row if group is not None]
        assert len(seated) == len(set(seated))  # no group twice in a round
        assert all(0 <= group < groups for group in seated)
    assert len(met) == len(set(met))  # no group back at a table it has met
    assert set(met) & unavailable == set()
    for row, waiting in zip(plan.plan, plan.waiting, strict=True):
        assert sorted(waiting) == sorted(set(range(groups)) - set(row))
    assert plan.distinct_encounters == len(met)
    assert plan.distinct_encounters <= plan.upper_bound
    assert plan.upper_bound == upper_bound(groups, tables, rounds, unavailable)


@FAST
@given(instances())
def test_plan_is_valid_with_unavailable_pairs(instance):
    groups, tables, rounds, unavailable, seed = instance

    plan = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)

    assert_valid(plan, groups, tables, rounds, unavailable)
    assert plan.method == (EDGE_COLOURING if unavailable else LATIN_SQUARE)


@FAST
@given(instances(most=60, with_unavailable=False))
def test_cyclic_rotation_reaches_the_bound_and_seats_fairly(instance):
    groups, tables, rounds, _unavailable, seed = instance

    plan = plan_rotation(groups, tables, rounds, seed=seed)

    assert_valid(plan, groups, tables, rounds, frozenset())
    assert plan.method == LATIN_SQUARE
    assert plan.distinct_encounters == plan.upper_bound
    assert plan.distinct_encounters == min(groups * tables, rounds * min(groups, tables))
    seats = plan.seated()
    assert max(seats) - min(seats) <= 1


@FAST
@given(st.integers(1, 40), st.integers(0, 100))
def test_latin_square_when_groups_tables_and_rounds_are_equal(size, seed):
    plan = plan_rotation(size, size, size, seed=seed)

    assert plan.bound_reached
    assert plan.distinct_encounters == size * size
    assert plan.plan == tuple(
        tuple((table - r) % size for table in range(size)) for r in range(size)
    )
    assert plan.waiting == ((),) * size


@FAST
@given(instances(most=8))
def test_same_seed_same_plan(instance):
    groups, tables, rounds, unavailable, seed = instance

    first = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)
    again = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)

    assert first == again


def best_by_trying_everything(groups, tables, rounds, unavailable):
    """(most encounters, most seats of the least seated group among those plans), from every
    set of available pairs whose groups and tables have at most `rounds` encounters."""
    pairs = [p for p in itertools.product(range(groups), range(tables)) if p not in unavailable]
    best = (0, 0)
    for size in range(len(pairs), -1, -1):
        for chosen in itertools.combinations(pairs, size):
            per_group = Counter(group for group, _table in chosen)
            per_table = Counter(table for _group, table in chosen)
            if max(per_group.values(), default=0) > rounds:
                continue
            if max(per_table.values(), default=0) > rounds:
                continue
            least = min(per_group.get(group, 0) for group in range(groups))
            best = max(best, (size, least))
        if best[0] == size and size:
            return best
    return best


@FAST
@given(instances(most=3))
def test_no_plan_has_more_encounters_or_a_fairer_share(instance):
    groups, tables, rounds, unavailable, seed = instance

    plan = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)

    assert (plan.distinct_encounters, min(plan.seated())) == best_by_trying_everything(
        groups, tables, rounds, unavailable
    )


@FAST
@given(instances(most=12))
def test_empty_rounds_come_last(instance):
    groups, tables, rounds, unavailable, seed = instance

    plan = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)

    used = [any(group is not None for group in row) for row in plan.plan]
    assert used == [True] * plan.rounds_used + [False] * (rounds - plan.rounds_used)


@FAST
@given(instances(most=10))
def test_route_lists_each_group_table_by_round(instance):
    groups, tables, rounds, unavailable, seed = instance

    plan = plan_rotation(groups, tables, rounds, unavailable=unavailable, seed=seed)

    for group in range(groups):
        route = plan.route(group)
        assert [plan.plan[r][t] for r, t in enumerate(route) if t is not None] == [group] * sum(
            1 for t in route if t is not None
        )
        assert [r for r, t in enumerate(route) if t is None] == [
            r for r, waiting in enumerate(plan.waiting) if group in waiting
        ]
