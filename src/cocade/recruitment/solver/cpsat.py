"""The CP-SAT model of the interview schedule, and `solve`, which puts everything together.

One optional start variable per interview over the positions of the slots it may take (the
company's and the candidate's windows, minus breaks, from `not_before` on), with a presence
literal; per candidate a no-overlap of intervals 1 + min_gap_slots long; per company a
cumulative of capacity `tables` (a no-overlap for one table); per candidate at most
`max_interviews` present; per candidate first and last positions bounding the idle time. The
objective combines the levels (scheduled, preference, idle, kept) with weights that make it
strictly lexicographic (see `Problem._weigh`).

The same model, built for some candidates only with everyone else's interviews held where they
are, is the neighbourhood of a large neighbourhood search that improves big instances, on
which one model of the whole day makes little progress in the time allowed.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from .construct import (
    GREEDY,
    KONIG,
    candidate_order,
    fill,
    greedy_assignment,
    konig_applies,
    konig_assignment,
    select,
)
from .explain import explain
from .model import Board, Instance, Problem, Schedule, Task, assign_tables
from .parse import validate

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

OPTIMAL = "optimal"
FEASIBLE = "feasible"
FALLBACK = "fallback"

# Up to this many interviews to place, one model of the whole day searches first (for two
# thirds of the time left): it is the one that can prove a schedule optimal.
WHOLE_MODEL_LIMIT = 2000
# Interviews freed in each neighbourhood of the large neighbourhood search.
NEIGHBOURHOOD_SIZE = 60
# Deterministic time (CP-SAT's work units, about seconds) given to each neighbourhood.
NEIGHBOURHOOD_EFFORT = 0.2
# Greedy schedules tried with other orders of the candidates on a small day.
RESTARTS = 8
# The search stops after this many neighbourhoods in a row bring nothing.
STALL_ROUNDS = 200


def solve(
    instance: Instance, time_limit: float = 10.0, workers: int = 2, *, search: str = "auto"
) -> Schedule:
    """The best schedule found within `time_limit` seconds (everything included), seeded with
    the constructive schedule and never worse than it. `search`: "auto" (a model of the whole
    day first when there are at most WHOLE_MODEL_LIMIT interviews to place, then the
    neighbourhoods), "whole" or "neighbourhoods" (one of the two only)."""
    if search not in {"auto", "whole", "neighbourhoods"}:
        raise ValueError(f"unknown search {search!r}")
    started = time.perf_counter()
    # Keep back what the final steps (filling, reasons, tables) take on big instances.
    deadline = started + time_limit - min(1.0, 0.03 * time_limit)
    workers = max(1, workers)
    validate(instance)
    problem = Problem(instance)
    options: list[tuple[str, dict[int, int]]] = []
    if konig_applies(problem):
        options.append((KONIG, konig_assignment(problem)))
    options.append((GREEDY, greedy_assignment(problem)))
    method, constructed = max(options, key=lambda option: problem.levels(option[1]).objective)
    constructed_objective = problem.levels(constructed).objective

    bound = min(problem.upper_bound(), flow_bound(problem))
    if len(problem.placeable) <= WHOLE_MODEL_LIMIT:
        # The greedy again with the candidates in other (seeded) orders: on a small day one
        # of them often reaches the bound, which proves it optimal at once.
        rng = random.Random(instance.seed)  # noqa: S311 - reproducible, not a secret
        order = candidate_order(problem)
        for _ in range(RESTARTS):
            if constructed_objective >= bound or time.perf_counter() > started + time_limit / 4:
                break
            rng.shuffle(order)
            trial = greedy_assignment(problem, order)
            trial_objective = problem.levels(trial).objective
            if trial_objective > constructed_objective:
                method, constructed, constructed_objective = GREEDY, trial, trial_objective

    assignment = constructed
    proved = not problem.placeable or constructed_objective >= bound
    whole = search == "whole" or (search == "auto" and len(problem.placeable) <= WHOLE_MODEL_LIMIT)
    if not proved and whole and time.perf_counter() < deadline:
        share = (deadline - time.perf_counter()) * (1 if search == "whole" else 2 / 3)
        result = _solve_model(
            problem, None, assignment, share, None, workers, instance.seed, deadline
        )
        if result is not None:
            found, proved, found_bound = result
            bound = min(bound, found_bound)
            if proved or problem.levels(found).objective > constructed_objective:
                assignment = found
    if not proved and search != "whole":
        assignment, proved = _improve(problem, assignment, bound, deadline, workers)

    board = Board(problem)
    for index, slot in assignment.items():
        board.place(problem.tasks[index], slot)
    left = [task for task in problem.placeable if task.index not in board.assignment]
    left.sort(key=lambda task: (task.rank, task.candidate, task.company))
    fill(board, left)
    levels = problem.levels(board.assignment)
    if proved:
        bound = levels.objective
    bound = max(bound, levels.objective)
    if levels.objective >= bound:
        status = OPTIMAL
    elif levels.objective > constructed_objective:
        status = FEASIBLE
    else:
        status = FALLBACK
    return Schedule(
        status=status,
        interviews=tuple(assign_tables(problem, board.assignment)),
        unscheduled=tuple(explain(problem, board)),
        objective=levels.objective,
        bound=bound,
        gap=round(abs(bound - levels.objective) / max(1, abs(bound)), 9),
        solve_seconds=round(time.perf_counter() - started, 3),
        constructive=method,
        scheduled_count=levels.scheduled,
        preference=levels.preference,
        idle_slots=levels.idle,
        kept=levels.kept,
    )


def flow_bound(problem: Problem) -> int:
    """A bound from the min-cost flow of `select`, which ignores the clock: the most interviews
    and, among those, the best preference; no idle time; every hinted interview kept."""
    chosen = select(problem, Board(problem))
    scheduled = len(problem.fixed_tasks) + len(chosen)
    preference = sum(task.weight for task in problem.fixed_tasks)
    preference += sum(problem.tasks[index].weight for index in chosen)
    kept = sum(1 for task in problem.placeable if task.hint_slot is not None)
    return (
        problem.weight_scheduled * scheduled
        + problem.weight_preference * preference
        + problem.weight_kept * kept
    )


# --- large neighbourhood search -----------------------------------------------------------------


def _improve(
    problem: Problem, assignment: dict[int, int], bound: int, deadline: float, workers: int
) -> tuple[dict[int, int], bool]:
    """Re-solve neighbourhoods (a few companies' candidates, all their interviews free, the
    rest held) while time remains, keeping each strictly better schedule; stop at the bound,
    when a neighbourhood holding everyone is solved to optimality (then the schedule is
    proved optimal), or after STALL_ROUNDS rounds without progress. The neighbourhoods come
    from a generator seeded with the instance's seed, and each search is deterministic."""
    rng = random.Random(problem.instance.seed)  # noqa: S311 - reproducible, not a secret
    current = dict(assignment)
    objective = problem.levels(current).objective
    candidates_of: list[list[int]] = [[] for _ in problem.company_ids]
    companies_of: list[list[int]] = [[] for _ in problem.candidate_ids]
    for candidate, tasks in enumerate(problem.by_candidate):
        for task in tasks:
            candidates_of[task.company].append(candidate)
            companies_of[candidate].append(task.company)
    everyone = {candidate for candidate, tasks in enumerate(problem.by_candidate) if tasks}
    round_number = stalled = 0
    while objective < bound and stalled < STALL_ROUNDS and time.perf_counter() < deadline:
        round_number += 1
        stalled += 1
        chosen = _neighbourhood(problem, current, rng, candidates_of, companies_of)
        if not chosen:
            break
        result = _solve_model(
            problem,
            chosen,
            current,
            deadline - time.perf_counter(),
            NEIGHBOURHOOD_EFFORT,
            workers,
            problem.instance.seed + round_number,
            deadline,
        )
        if result is None:
            continue
        found = result[0]
        trial = {
            index: slot
            for index, slot in current.items()
            if problem.tasks[index].candidate not in chosen
        }
        trial.update(found)
        trial_objective = problem.levels(trial).objective
        if trial_objective > objective:
            current, objective, stalled = trial, trial_objective, 0
        if result[1] and chosen >= everyone:
            return current, True
    return current, objective >= bound


def _neighbourhood(
    problem: Problem,
    current: dict[int, int],
    rng: random.Random,
    candidates_of: list[list[int]],
    companies_of: list[list[int]],
) -> set[int]:
    """A candidate with idle time or an interview left out, then the other candidates of
    their companies, company after company, until about NEIGHBOURHOOD_SIZE interviews."""
    slots_of: dict[int, list[int]] = {}
    for index, slot in current.items():
        slots_of.setdefault(problem.tasks[index].candidate, []).append(slot)
    wanting = [
        candidate
        for candidate, tasks in enumerate(problem.by_candidate)
        if tasks
        and (
            len(slots_of.get(candidate, [])) < len(tasks)
            or max(slots_of[candidate]) - min(slots_of[candidate]) >= len(slots_of[candidate])
        )
    ]
    if not wanting:
        return set()
    start = rng.choice(wanting)
    chosen = {start}
    size = len(problem.by_candidate[start])
    companies = list(dict.fromkeys(companies_of[start]))
    rng.shuffle(companies)
    while companies and size < NEIGHBOURHOOD_SIZE:
        company = companies.pop()
        others = [c for c in dict.fromkeys(candidates_of[company]) if c not in chosen]
        rng.shuffle(others)
        for other in others:
            if size >= NEIGHBOURHOOD_SIZE:
                break
            chosen.add(other)
            size += len(problem.by_candidate[other])
            companies.append(rng.choice(companies_of[other]))
    return chosen


# --- the model ----------------------------------------------------------------------------------


def _solve_model(
    problem: Problem,
    chosen: set[int] | None,
    hint: dict[int, int],
    time_limit: float,
    effort: float | None,
    workers: int,
    seed: int,
    deadline: float,
) -> tuple[dict[int, int], bool, int] | None:
    """Build the model of the chosen candidates' interviews (None: everyone's), the others
    held as in `hint`, and run CP-SAT from the hint: the chosen interviews' slots, whether
    they are proved optimal, and the bound; None when nothing was found in time."""
    from ortools.sat.python import cp_model  # imported here: it takes a second (pandas)

    started = time.perf_counter()
    model = cp_model.CpModel()
    positions = problem.positions
    gap = problem.gap
    people = range(len(problem.candidate_ids)) if chosen is None else sorted(chosen)
    free = [task for candidate in people for task in problem.by_candidate[candidate]]
    # Tables left in each slot once the fixed interviews and the held ones are in.
    room = problem.capacity
    if chosen is not None:
        room = [list(row) for row in problem.capacity]
        for index, slot in hint.items():
            task = problem.tasks[index]
            if task.candidate not in chosen:
                room[task.company][slot] -= 1

    start_of: dict[int, cp_model.IntVar] = {}
    present: dict[int, cp_model.IntVar] = {}
    reach: dict[int, tuple[int, int]] = {}
    company_intervals: dict[int, list[cp_model.IntervalVar]] = {}
    candidate_intervals: dict[int, list[cp_model.IntervalVar]] = {}
    used_slots: dict[int, set[int]] = {}
    for task in free:
        slots = [slot for slot in task.domain if room[task.company][slot] > 0]
        if not slots:
            continue
        values = [positions[slot] for slot in slots]
        start = model.new_int_var_from_domain(cp_model.Domain.from_values(values), "")
        presence = model.new_bool_var("")
        interval = model.new_optional_fixed_size_interval_var(start, 1, presence, "")
        company_intervals.setdefault(task.company, []).append(interval)
        used_slots.setdefault(task.company, set()).update(slots)
        if gap:
            interval = model.new_optional_fixed_size_interval_var(start, 1 + gap, presence, "")
        candidate_intervals.setdefault(task.candidate, []).append(interval)
        start_of[task.index] = start
        present[task.index] = presence
        reach[task.index] = (values[0], values[-1])
    if not present:
        return None
    for candidate in people:
        for task in problem.fixed_by_candidate[candidate]:
            assert task.fixed_slot is not None
            candidate_intervals.setdefault(candidate, []).append(
                model.new_fixed_size_interval_var(positions[task.fixed_slot], 1 + gap, "")
            )
    for company, intervals in company_intervals.items():
        open_slots = sorted(used_slots[company])
        most = max(room[company][slot] for slot in open_slots)
        if len(intervals) <= min(room[company][slot] for slot in open_slots):
            continue
        demands = [1] * len(intervals)
        for slot in open_slots:
            if room[company][slot] < most:
                blocked = model.new_fixed_size_interval_var(positions[slot], 1, "")
                intervals.append(blocked)
                demands.append(most - room[company][slot])
        if most == 1:
            model.add_no_overlap(intervals)
        else:
            model.add_cumulative(intervals, demands, most)
    for intervals in candidate_intervals.values():
        if len(intervals) > 1:
            model.add_no_overlap(intervals)

    hinted_slots: dict[int, list[int]] = {}
    for index, slot in hint.items():
        hinted_slots.setdefault(problem.tasks[index].candidate, []).append(slot)
    objective: list[cp_model.LinearExprT] = []
    for candidate in people:
        tasks = [task for task in problem.by_candidate[candidate] if task.index in present]
        if not tasks:
            continue
        quota = problem.quota[candidate]
        if quota is not None and quota < len(tasks):
            model.add(sum(present[task.index] for task in tasks) <= quota)
        if problem.idle_limit[candidate] > 0:
            idle, hints = _idle(
                problem, model, candidate, tasks, (start_of, present, reach), hinted_slots
            )
            objective.append(-problem.weight_idle * idle)
            for variable, value in hints:
                model.add_hint(variable, value)
    for task in free:
        if task.index not in present:
            continue
        presence, start = present[task.index], start_of[task.index]
        objective.append(
            (problem.weight_scheduled + problem.weight_preference * task.weight) * presence
        )
        hinted = hint.get(task.index)
        model.add_hint(presence, hinted is not None)
        model.add_hint(start, reach[task.index][0] if hinted is None else positions[hinted])
        if task.hint_slot is not None:
            kept = model.new_bool_var("")
            model.add(start == positions[task.hint_slot]).only_enforce_if(kept)
            model.add_implication(kept, presence)
            objective.append(problem.weight_kept * kept)
            model.add_hint(kept, hinted == task.hint_slot)
    model.maximize(sum(objective))

    solver = cp_model.CpSolver()
    parameters = solver.parameters
    parameters.max_time_in_seconds = max(
        0.001, min(time_limit, deadline - time.perf_counter()) - (time.perf_counter() - started)
    )
    if effort is not None:
        parameters.max_deterministic_time = effort
    parameters.num_workers = workers
    parameters.random_seed = seed % 2**31
    parameters.interleave_search = True
    parameters.interleave_batch_size = workers
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    found = {
        index: problem.slot_of_position[solver.value(start_of[index])]
        for index, presence in present.items()
        if solver.boolean_value(presence)
    }
    bound = problem.upper_bound()
    if chosen is None:
        # The model leaves out the constants: the fixed interviews, and the idle time of the
        # candidates whose only interviews are fixed.
        constant = sum(
            problem.weight_scheduled + problem.weight_preference * task.weight
            for task in problem.fixed_tasks
        )
        for candidate in people:
            if any(task.index in present for task in problem.by_candidate[candidate]):
                continue
            pinned = [
                task.fixed_slot
                for task in problem.fixed_by_candidate[candidate]
                if task.fixed_slot is not None
            ]
            if len(pinned) > 1:
                constant -= problem.weight_idle * (max(pinned) - min(pinned) + 1 - len(pinned))
        bound = int(round(solver.best_objective_bound)) + constant
    return found, status == cp_model.OPTIMAL, bound


def _idle(
    problem: Problem,
    model: cp_model.CpModel,
    candidate: int,
    tasks: list[Task],
    variables: tuple[
        dict[int, cp_model.IntVar], dict[int, cp_model.IntVar], dict[int, tuple[int, int]]
    ],
    hinted_slots: dict[int, list[int]],
) -> tuple[cp_model.IntVar, list[tuple[cp_model.IntVar, int]]]:
    """The candidate's idle slots: last - first + 1 - interviews, in positions, less the
    positions a break adds between first and last (a break is not idle time)."""
    start_of, present, reach = variables
    positions = problem.positions
    fixed = [
        positions[task.fixed_slot]
        for task in problem.fixed_by_candidate[candidate]
        if task.fixed_slot is not None
    ]
    reachable = [*fixed]
    for task in tasks:
        reachable += reach[task.index]
    low, high = min(reachable), max(reachable)
    first = model.new_int_var(low, min(fixed, default=high), "")
    last = model.new_int_var(max(fixed, default=low), high, "")
    for task in tasks:
        model.add(first <= start_of[task.index]).only_enforce_if(present[task.index])
        model.add(last >= start_of[task.index]).only_enforce_if(present[task.index])
    used = sorted(positions[slot] for slot in hinted_slots.get(candidate, [])) + fixed
    hint_first = min(used) if used else high
    hint_last = max(used) if used else low
    hints: list[tuple[cp_model.IntVar, int]] = [(first, hint_first), (last, hint_last)]
    correction: list[cp_model.LinearExprT] = []
    for slot, extra in problem.boundaries:
        before, after = positions[slot - 1], positions[slot]
        if before < low or after > high:
            continue
        spans = model.new_bool_var("")
        model.add(first <= before).only_enforce_if(spans)
        model.add(last >= after).only_enforce_if(spans)
        correction.append(extra * spans)
        hints.append((spans, int(hint_first <= before and hint_last >= after)))
    from ortools.sat.python import cp_model

    count = cp_model.LinearExpr.sum([present[task.index] for task in tasks])
    idle = model.new_int_var(0, problem.idle_limit[candidate], "")
    model.add(idle >= last - first + 1 - len(fixed) - count - cp_model.LinearExpr.sum(correction))
    hint_idle = 0
    if len(used) > 1:
        hint_idle = hint_last - hint_first + 1 - len(used)
        hint_idle -= sum(
            extra
            for slot, extra in problem.boundaries
            if hint_first <= positions[slot - 1] and hint_last >= positions[slot]
        )
    hints.append((idle, max(0, hint_idle)))
    return idle, hints
