"""Properties of the interview scheduler on random small instances (no database).

The checks below recompute everything from the instance alone (slots, gaps, idle time,
preference, the reasons of the left-out applications) and do not trust the solver's figures.
The instances keep breaks and windows on the slot grid, where a gap of g slots means g × slot
minutes free between two interviews of a candidate, breaks included.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cocade.recruitment.solver import (
    REASONS,
    Application,
    Candidate,
    Company,
    FixedInterview,
    Instance,
    Interview,
    Schedule,
    Window,
    construct,
    greedy,
    solve,
)

DAY_START = 9 * 60
FAST = settings(
    max_examples=int(os.environ.get("SOLVER_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


# --- an independent checker -------------------------------------------------------------------


def grid(instance: Instance) -> list[int]:
    """Slot starts on the day's grid that overlap no break (the test instances are aligned)."""
    length = instance.slot_minutes
    return [
        start
        for start in range(instance.day.start, instance.day.end - length + 1, length)
        if all(start + length <= pause.start or start >= pause.end for pause in instance.breaks)
    ]


def inside(windows: tuple[Window, ...], start: int, end: int) -> bool:
    return not windows or any(w.start <= start and end <= w.end for w in windows)


def clash(instance: Instance, first: int, second: int) -> bool:
    """Two interview starts of one candidate too close for the minimum gap."""
    early, late = sorted((first, second))
    length = instance.slot_minutes
    return late - (early + length) < instance.min_gap_slots * length


def levels(instance: Instance, interviews: tuple[Interview, ...] | list[Interview]) -> tuple:
    """(scheduled, preference, -idle), compared lexicographically."""
    ranks = {(a.candidate, a.company): a.rank for a in instance.applications if a.shortlisted}
    top = max(ranks.values(), default=1)
    preference = sum(top + 1 - ranks[(i.candidate, i.company)] for i in interviews)
    index = {start: k for k, start in enumerate(grid(instance))}
    used: dict[str, list[int]] = {}
    for interview in interviews:
        used.setdefault(interview.candidate, []).append(index[interview.start])
    idle = sum(max(k) - min(k) + 1 - len(k) for k in used.values())
    return (len(interviews), preference, -idle)


def check_schedule(instance: Instance, schedule: Schedule) -> None:
    """Every rule of the model, the accounting of the applications, and the reasons."""
    length = instance.slot_minutes
    starts = set(grid(instance))
    companies = {company.id: company for company in instance.companies}
    candidates = {candidate.id: candidate for candidate in instance.candidates}
    shortlisted = {(a.candidate, a.company): a for a in instance.applications if a.shortlisted}
    fixed = {(f.candidate, f.company): f for f in instance.fixed}
    assert schedule.status in {"optimal", "feasible", "fallback"}

    seats = Counter((i.company, i.table, i.start) for i in schedule.interviews)
    assert max(seats.values(), default=1) == 1, "a table in two places at once"
    for interview in schedule.interviews:
        pair = (interview.candidate, interview.company)
        assert pair in shortlisted, "an interview that is not a shortlisted application"
        assert interview.start in starts
        assert interview.end == interview.start + length
        assert 1 <= interview.table <= companies[interview.company].tables
        for pause in instance.breaks:
            assert interview.end <= pause.start or interview.start >= pause.end
        if pair in fixed:
            assert (interview.table, interview.start) == (fixed[pair].table, fixed[pair].start)
            continue
        assert inside(companies[interview.company].windows, interview.start, interview.end)
        assert inside(candidates[interview.candidate].windows, interview.start, interview.end)
        if instance.not_before is not None:
            assert interview.start >= instance.not_before
        assert interview.candidate not in instance.absent
    assert all(pair in {(i.candidate, i.company) for i in schedule.interviews} for pair in fixed)

    mine: dict[str, list[int]] = {}
    for interview in schedule.interviews:
        mine.setdefault(interview.candidate, []).append(interview.start)
    for candidate, taken in mine.items():
        taken.sort()
        for before, after in zip(taken, taken[1:], strict=False):
            assert not clash(instance, before, after), f"{candidate}: gap or overlap"
        maximum = candidates[candidate].max_interviews
        pinned = sum(1 for pair in fixed if pair[0] == candidate)
        if maximum is not None:
            assert len(taken) <= max(maximum, pinned)

    placed = Counter((i.candidate, i.company) for i in schedule.interviews)
    left = Counter((u.candidate, u.company) for u in schedule.unscheduled)
    assert placed + left == Counter(set(shortlisted)), "each shortlisted application once"
    assert not set(placed) & set(left)

    load = Counter((i.company, i.start) for i in schedule.interviews)
    for item in schedule.unscheduled:
        assert item.reason in REASONS
        company, candidate = companies[item.company], candidates[item.candidate]
        common = [
            start
            for start in sorted(starts)
            if inside(company.windows, start, start + length)
            and inside(candidate.windows, start, start + length)
        ]
        later = [s for s in common if instance.not_before is None or s >= instance.not_before]
        full = {s for s in later if load[(company.id, s)] >= company.tables}
        busy = {s for s in later if any(clash(instance, s, t) for t in mine.get(candidate.id, []))}
        count = len(mine.get(candidate.id, []))
        capped = candidate.max_interviews is not None and count >= candidate.max_interviews
        if item.reason == "absent":
            assert candidate.id in instance.absent
        elif item.reason == "no_common_slot":
            assert not common
        elif item.reason == "time_passed":
            assert common
            assert not later
        elif item.reason == "max_interviews":
            assert capped
        elif item.reason == "company_full":
            assert later
            assert full == set(later)
        elif item.reason == "candidate_busy":
            assert later
            assert busy == set(later)
        else:
            assert item.reason == "not_selected"
        if item.reason != "absent" and candidate.id not in instance.absent and not capped:
            # Nothing left out could simply have been added.
            assert all(s in full or s in busy for s in later)

    scheduled, preference, idle = levels(instance, schedule.interviews)
    assert (schedule.scheduled_count, schedule.preference, schedule.idle_slots) == (
        scheduled,
        preference,
        -idle,
    )
    assert schedule.bound >= schedule.objective
    assert schedule.gap == round(
        abs(schedule.bound - schedule.objective) / max(1, abs(schedule.bound)), 9
    )


# --- random instances --------------------------------------------------------------------------


@st.composite
def instances(draw: st.DrawFn, plain: bool = False, scale: int = 1) -> Instance:
    """A small day on a grid of 5 to 15 minutes; `plain`: no side constraint (no window, no
    maximum, no gap), the case of König's colouring; `scale` multiplies the numbers of slots,
    companies and candidates."""
    length = draw(st.sampled_from((5, 10, 15)))
    count = draw(st.integers(6 if plain else 3, 14 * scale))
    day = Window(DAY_START, DAY_START + count * length)

    def window() -> Window:
        first = draw(st.integers(0, count - 1))
        last = draw(st.integers(first + 1, count))
        return Window(DAY_START + first * length, DAY_START + last * length)

    breaks: tuple[Window, ...] = ()
    if count >= 4 and draw(st.booleans()):
        at = draw(st.integers(1, count - 2))
        breaks = (
            Window(DAY_START + at * length, DAY_START + (at + draw(st.integers(1, 2))) * length),
        )
    companies = tuple(
        Company(
            id=f"co{number}",
            tables=draw(st.integers(1, 2)),
            windows=() if plain or draw(st.booleans()) else (window(),),
        )
        for number in range(draw(st.integers(1, 4 * scale)))
    )
    candidates = tuple(
        Candidate(
            id=f"ca{number}",
            windows=() if plain or draw(st.booleans()) else (window(),),
            max_interviews=None if plain or draw(st.booleans()) else draw(st.integers(0, 3)),
        )
        for number in range(draw(st.integers(1, 6 * scale)))
    )
    applications = tuple(
        Application(
            candidate=candidate.id,
            company=company.id,
            rank=draw(st.integers(1, 4)),
            shortlisted=plain or draw(st.sampled_from((True, True, True, False))),
        )
        for candidate in candidates
        for company in companies
        if draw(st.integers(0, 3)) > 0
    )
    return Instance(
        slot_minutes=length,
        day=day,
        breaks=breaks,
        companies=companies,
        candidates=candidates,
        applications=applications,
        min_gap_slots=0 if plain else draw(st.integers(0, 2)),
        seed=draw(st.integers(0, 2**31 - 1)),
    )


def konig_degree(instance: Instance) -> int:
    """Δ: the most interviews of a candidate, or of one table of a company (spread evenly)."""
    per_candidate = Counter(a.candidate for a in instance.applications if a.shortlisted)
    per_company = Counter(a.company for a in instance.applications if a.shortlisted)
    tables = {company.id: company.tables for company in instance.companies}
    spread = [-(-count // tables[company]) for company, count in per_company.items()]
    return max([*per_candidate.values(), *spread], default=0)


# --- properties --------------------------------------------------------------------------------


@FAST
@given(instances())
def test_schedule_respects_every_rule(instance):
    schedule = solve(instance, time_limit=2)

    check_schedule(instance, schedule)


@settings(FAST, max_examples=max(1, FAST.max_examples * 3 // 20))
@given(instances(scale=3))
def test_bigger_days_respect_every_rule(instance):
    baseline = greedy(instance)

    schedule = solve(instance, time_limit=1)

    check_schedule(instance, schedule)
    assert levels(instance, schedule.interviews) >= levels(instance, baseline)


@FAST
@given(instances(plain=True))
def test_konig_bound_reached_without_side_constraints(instance):
    degree = konig_degree(instance)
    usable = grid(instance)
    assume(degree <= len(usable))
    shortlisted = sum(1 for a in instance.applications if a.shortlisted)

    interviews, method = construct(instance)
    schedule = solve(instance, time_limit=2)

    assert method == "konig"
    assert len(interviews) == shortlisted
    assert {i.start for i in interviews} <= set(usable[:degree])
    assert schedule.scheduled_count == shortlisted
    assert schedule.unscheduled == ()
    check_schedule(instance, schedule)


@FAST
@given(instances())
def test_same_seed_gives_the_same_schedule(instance):
    first = solve(instance, time_limit=2)
    second = solve(instance, time_limit=2)

    assert (first.interviews, first.unscheduled, first.objective) == (
        second.interviews,
        second.unscheduled,
        second.objective,
    )


@FAST
@given(instances())
def test_solver_never_worse_than_greedy(instance):
    baseline = greedy(instance)

    schedule = solve(instance, time_limit=2)

    assert levels(instance, schedule.interviews) >= levels(instance, baseline)


@FAST
@given(instances(), st.data())
def test_reoptimisation_never_moves_the_past(instance, data):
    before = solve(instance, time_limit=2)
    usable = grid(instance)
    assume(usable)
    now = usable[data.draw(st.integers(0, len(usable) - 1))]
    ids = [candidate.id for candidate in instance.candidates]
    absent = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=2)))
    done = tuple(
        FixedInterview(i.candidate, i.company, i.table, i.start)
        for i in before.interviews
        if i.start < now
    )
    again = dataclasses.replace(
        instance, fixed=done, not_before=now, absent=absent, hint=before.interviews
    )

    after = solve(again, time_limit=2)

    check_schedule(again, after)
    for fixed in done:
        assert (
            Interview(
                fixed.candidate,
                fixed.company,
                fixed.table,
                fixed.start,
                fixed.start + instance.slot_minutes,
            )
            in after.interviews
        )
    new = [i for i in after.interviews if i.start >= now]
    assert len(new) + len(done) == len(after.interviews)
    assert not [i for i in new if i.candidate in absent]
    # The previous schedule from now on (absent candidates aside) is still possible, so the
    # new one schedules at least as many interviews.
    assert after.scheduled_count >= len(
        [i for i in before.interviews if i.start < now or i.candidate not in absent]
    )


@FAST
@given(instances())
def test_neighbourhood_search_respects_every_rule_and_beats_greedy(instance):
    baseline = greedy(instance)

    schedule = solve(instance, time_limit=2, search="neighbourhoods")
    again = solve(instance, time_limit=2, search="neighbourhoods")

    check_schedule(instance, schedule)
    assert levels(instance, schedule.interviews) >= levels(instance, baseline)
    assert again.interviews == schedule.interviews
