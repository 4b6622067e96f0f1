"""Speed meeting rotations: which group sits at which table in each round.

Groups (classes of apprentices, visitors) rotate across tables (speakers, trades) for a number
of rounds. In a round a group sits at one table at most and a table hosts one group at most; a
group never comes back to a table it has already met. The plan has as many distinct
(group, table) encounters as possible, then shares the seats between the groups as evenly as
possible (the group seated least often is seated as often as possible).

Without unavailable pairs the plan is a cyclic rotation: groups and tables are spread evenly
around one circle of max(groups, tables) places and every group moves one place per round. With
as many groups as tables this is the Latin square "group g sits at table (g + r) mod k in round
r": six groups and six tables meet all 36 pairs in six rounds. The rotation reaches the
counting bound (`upper_bound`), and the groups' seats differ by one at most.

With unavailable pairs (a speaker who cannot see a group) a Latin square may not exist. The
best plan is then still found exactly, in two steps:

1. choose the encounters: the largest set of available pairs in which no group and no table has
   more encounters than there are rounds, a maximum flow, grown one level at a time so that the
   group with the fewest encounters gets as many as possible;
2. put them in rounds: a bipartite graph whose degrees are at most R can be edge-coloured with R
   colours (König's theorem); each colour is a round, filled from the first one.

Every valid plan obeys the limits of step 1, so no plan has more distinct encounters. The
counting bound may still be out of reach (two groups that may only meet the same table in a
single round), in which case `bound_reached` is false and the plan is nevertheless the best.

Pure Python: dataclasses in, dataclasses out, no Django.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

LATIN_SQUARE = "latin_square"
EDGE_COLOURING = "edge_colouring"
METHODS = (LATIN_SQUARE, EDGE_COLOURING)

Pair = tuple[int, int]


@dataclass(frozen=True)
class RotationPlan:
    """`plan[r][t]` is the group at table t in round r (None: the table is free that round);
    `waiting[r]` are the groups seated nowhere in round r, in increasing order."""

    groups: int
    tables: int
    plan: tuple[tuple[int | None, ...], ...]
    waiting: tuple[tuple[int, ...], ...]
    distinct_encounters: int
    upper_bound: int
    method: str

    @property
    def rounds(self) -> int:
        return len(self.plan)

    @property
    def bound_reached(self) -> bool:
        return self.distinct_encounters == self.upper_bound

    @property
    def rounds_used(self) -> int:
        """The rounds up to the last one where someone sits: later ones add no encounter."""
        used = [r for r, row in enumerate(self.plan) if any(g is not None for g in row)]
        return used[-1] + 1 if used else 0

    def route(self, group: int) -> tuple[int | None, ...]:
        """The table of `group` in each round (None: it waits)."""
        return tuple(next((t for t, g in enumerate(row) if g == group), None) for row in self.plan)

    def seated(self) -> tuple[int, ...]:
        """How many rounds each group is seated (its distinct encounters)."""
        counts = [0] * self.groups
        for row in self.plan:
            for group in row:
                if group is not None:
                    counts[group] += 1
        return tuple(counts)


def upper_bound(
    groups: int, tables: int, rounds: int, unavailable: Iterable[Pair] = frozenset()
) -> int:
    """The counting bound on distinct encounters: each group meets at most min(rounds, its
    available tables) tables, each table at most min(rounds, its available groups) groups. It
    implies the bounds "available pairs" and "rounds × min(groups, tables)"."""
    pairs = set(unavailable)
    per_group = [tables - sum(1 for g, _t in pairs if g == group) for group in range(groups)]
    per_table = [groups - sum(1 for _g, t in pairs if t == table) for table in range(tables)]
    return min(
        sum(min(rounds, count) for count in per_group),
        sum(min(rounds, count) for count in per_table),
    )


def plan_rotation(
    groups: int,
    tables: int,
    rounds: int,
    *,
    unavailable: frozenset[Pair] = frozenset(),
    seed: int = 0,
) -> RotationPlan:
    """The best rotation of `groups` across `tables` over `rounds`, never pairing the
    (group, table) pairs of `unavailable`. `seed` breaks ties between equally good plans when
    there are unavailable pairs: the same arguments always give the same plan."""
    _check(groups, tables, rounds, unavailable)
    if unavailable:
        grid = _best_plan(groups, tables, rounds, unavailable, seed)
        method = EDGE_COLOURING
    else:
        grid = _cyclic_plan(groups, tables, rounds)
        method = LATIN_SQUARE
    plan = tuple(tuple(row) for row in grid)
    waiting = tuple(tuple(g for g in range(groups) if g not in row) for row in plan)
    return RotationPlan(
        groups=groups,
        tables=tables,
        plan=plan,
        waiting=waiting,
        distinct_encounters=sum(1 for row in plan for group in row if group is not None),
        upper_bound=upper_bound(groups, tables, rounds, unavailable),
        method=method,
    )


def _check(groups: int, tables: int, rounds: int, unavailable: frozenset[Pair]) -> None:
    if min(groups, tables, rounds) < 1:
        raise ValueError("groups, tables and rounds must be at least 1")
    for group, table in unavailable:
        if not (0 <= group < groups and 0 <= table < tables):
            raise ValueError(f"unavailable pair out of range: ({group}, {table})")


# --- Without unavailable pairs: the cyclic rotation ------------------------------------------


def _cyclic_plan(groups: int, tables: int, rounds: int) -> list[list[int | None]]:
    """Groups and tables spread evenly around a circle of max(groups, tables) places; in round
    r the group of place p sits at the table of place p + r, if there is one. After a full turn
    every pair has met: later rounds stay empty."""
    places = max(groups, tables)
    start = [group * places // groups for group in range(groups)]
    table_at = {table * places // tables: table for table in range(tables)}
    plan: list[list[int | None]] = []
    for r in range(rounds):
        row: list[int | None] = [None] * tables
        if r < places:
            for group, place in enumerate(start):
                table = table_at.get((place + r) % places)
                if table is not None:
                    row[table] = group
        plan.append(row)
    return plan


# --- With unavailable pairs: a maximum flow, then an edge colouring ------------------------------


def _best_plan(
    groups: int, tables: int, rounds: int, unavailable: frozenset[Pair], seed: int
) -> list[list[int | None]]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible tie-break, not a secret
    order = list(range(groups))
    rng.shuffle(order)
    options = []
    for group in range(groups):
        choice = [table for table in range(tables) if (group, table) not in unavailable]
        rng.shuffle(choice)
        options.append(choice)
    met = _encounters(options, tables, rounds, order)
    return _rounds_of(met, options, tables, rounds, order)


def _encounters(
    options: list[list[int]], tables: int, rounds: int, order: list[int]
) -> list[set[int]]:
    """The tables each group meets: a largest set of available pairs with at most `rounds`
    per group and per table. Levels rise one at a time, each group reaching the level before
    any goes beyond it, so that the group with the fewest encounters has the most it can."""
    met: list[set[int]] = [set() for _ in options]
    hosted: list[set[int]] = [set() for _ in range(tables)]
    stuck: set[int] = set()
    for level in range(1, rounds + 1):
        for group in order:
            if group in stuck or len(met[group]) >= level:
                continue
            if not _augment(group, options, met, hosted, rounds):
                # No augmenting path now means none later either: give up on this group.
                stuck.add(group)
    return met


def _augment(
    start: int,
    options: list[list[int]],
    met: list[set[int]],
    hosted: list[set[int]],
    rounds: int,
) -> bool:
    """One more encounter for `start`, moving other groups to other tables if needed (an
    augmenting path, found breadth first). False when there is none."""
    came_from_group: dict[int, int] = {}  # table -> the group that reaches it
    came_from_table: dict[int, int | None] = {start: None}  # group -> the table it leaves
    queue = deque([start])
    while queue:
        group = queue.popleft()
        for table in options[group]:
            if table in met[group] or table in came_from_group:
                continue
            came_from_group[table] = group
            if len(hosted[table]) < rounds:
                _apply_path(table, came_from_group, came_from_table, met, hosted)
                return True
            for other in sorted(hosted[table]):
                if other not in came_from_table:
                    came_from_table[other] = table
                    queue.append(other)
    return False


def _apply_path(
    table: int,
    came_from_group: dict[int, int],
    came_from_table: dict[int, int | None],
    met: list[set[int]],
    hosted: list[set[int]],
) -> None:
    current: int | None = table
    while current is not None:
        group = came_from_group[current]
        met[group].add(current)
        hosted[current].add(group)
        left = came_from_table[group]
        if left is not None:
            met[group].discard(left)
            hosted[left].discard(group)
        current = left


def _rounds_of(
    met: list[set[int]], options: list[list[int]], tables: int, rounds: int, order: list[int]
) -> list[list[int | None]]:
    """Put each chosen encounter in a round (a proper edge colouring with `rounds` colours),
    using the earliest round free for both when there is one."""
    at_group: list[list[int | None]] = [[None] * rounds for _ in met]
    at_table: list[list[int | None]] = [[None] * rounds for _ in range(tables)]
    for group in order:
        for table in (t for t in options[group] if t in met[group]):
            _colour(group, table, at_group, at_table, rounds)
    return [[at_table[table][r] for table in range(tables)] for r in range(rounds)]


def _colour(
    group: int,
    table: int,
    at_group: list[list[int | None]],
    at_table: list[list[int | None]],
    rounds: int,
) -> None:
    free_for_group = [r for r in range(rounds) if at_group[group][r] is None]
    both = next((r for r in free_for_group if at_table[table][r] is None), None)
    if both is None:
        # a is free for the group, b for the table: swap a and b along the path that leaves
        # the table by its a-round; it never reaches the group, which has no a-round.
        a = free_for_group[0]
        b = next(r for r in range(rounds) if at_table[table][r] is None)
        _swap_path(table, a, b, at_group, at_table)
        both = a
    at_group[group][both] = table
    at_table[table][both] = group


def _swap_path(
    table: int,
    a: int,
    b: int,
    at_group: list[list[int | None]],
    at_table: list[list[int | None]],
) -> None:
    path: list[tuple[int, int, int]] = []  # (group, table, round)
    node, on_table, colour = table, True, a
    while True:
        other = at_table[node][colour] if on_table else at_group[node][colour]
        if other is None:
            break
        path.append((other, node, colour) if on_table else (node, other, colour))
        node, on_table, colour = other, not on_table, (b if colour == a else a)
    for group, seat, colour in path:
        at_group[group][colour] = None
        at_table[seat][colour] = None
    for group, seat, colour in path:
        swapped = b if colour == a else a
        at_group[group][swapped] = seat
        at_table[seat][swapped] = group
