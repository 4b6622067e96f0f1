"""The scheduler's data: the instance, the schedule, and the prepared problem the solvers share.

Times are minutes since midnight. A *slot* is a usable slot start (see `slots`); inside the
solvers a slot is known by its index in that list, and by its *position*, the index stretched
across breaks so that a break counts towards the minimum gap between two interviews of one
candidate (see `Problem`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """A span of the day, [start, end) in minutes since midnight."""

    start: int
    end: int


@dataclass(frozen=True)
class Company:
    """A recruiting company: `tables` interviews at once, within its windows (none: all day)."""

    id: str
    tables: int = 1
    windows: tuple[Window, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A candidate: present within their windows (none: all day), at most `max_interviews`."""

    id: str
    windows: tuple[Window, ...] = ()
    max_interviews: int | None = None


@dataclass(frozen=True)
class Application:
    """A candidate's application to a company; only shortlisted ones become interviews."""

    candidate: str
    company: str
    rank: int = 1
    shortlisted: bool = True


@dataclass(frozen=True)
class FixedInterview:
    """An interview already done or under way: kept where it is, never moved."""

    candidate: str
    company: str
    table: int
    start: int


@dataclass(frozen=True)
class Interview:
    """A scheduled interview: table is 1-based, start and end in minutes."""

    candidate: str
    company: str
    table: int
    start: int
    end: int


@dataclass(frozen=True)
class Instance:
    """Everything the scheduler needs to know about a recruitment day."""

    slot_minutes: int
    day: Window
    breaks: tuple[Window, ...] = ()
    companies: tuple[Company, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    applications: tuple[Application, ...] = ()
    min_gap_slots: int = 0
    seed: int = 0
    fixed: tuple[FixedInterview, ...] = ()
    not_before: int | None = None
    absent: frozenset[str] = frozenset()
    hint: tuple[Interview, ...] = ()


@dataclass(frozen=True)
class Unscheduled:
    """A shortlisted application left out of the schedule, with a reason code (`REASONS`)."""

    candidate: str
    company: str
    reason: str


@dataclass(frozen=True)
class Schedule:
    """The scheduler's answer: the interviews, the ones left out, and how good it is."""

    status: str
    interviews: tuple[Interview, ...]
    unscheduled: tuple[Unscheduled, ...]
    objective: int
    bound: int
    gap: float
    solve_seconds: float
    constructive: str
    scheduled_count: int
    preference: int
    idle_slots: int
    kept: int = 0


def slots(instance: Instance) -> list[int]:
    """The usable slot starts of the day, in order: the day cut by the breaks, each stretch
    filled from its start with whole slots (after a break the slots start again at its end)."""
    length = instance.slot_minutes
    starts: list[int] = []
    cursor = instance.day.start
    stretches: list[tuple[int, int]] = []
    for pause in sorted(instance.breaks, key=lambda window: (window.start, window.end)):
        stretches.append((cursor, min(pause.start, instance.day.end)))
        cursor = max(cursor, pause.end)
    stretches.append((cursor, instance.day.end))
    for begin, end in stretches:
        start = begin
        while start + length <= end:
            starts.append(start)
            start += length
    return starts


def slot_positions(instance: Instance) -> tuple[list[int], list[int]]:
    """The usable slot starts and their positions (see `Problem`)."""
    starts = slots(instance)
    length, gap = instance.slot_minutes, instance.min_gap_slots
    positions: list[int] = []
    for k, start in enumerate(starts):
        if k == 0:
            positions.append(0)
        else:
            extra = min(gap, (start - starts[k - 1] - length) // length) if gap else 0
            positions.append(positions[-1] + 1 + extra)
    return starts, positions


# --- the prepared problem ----------------------------------------------------------------------


@dataclass
class Task:
    """One shortlisted application, as the solvers see it."""

    index: int
    application: int
    candidate: int
    company: int
    rank: int
    weight: int
    fixed_slot: int | None = None
    fixed_table: int | None = None
    domain: tuple[int, ...] = ()
    reason: str | None = None
    hint_slot: int | None = None
    hint_table: int | None = None


@dataclass(frozen=True)
class Levels:
    """The objective's levels, most important first, and their combination."""

    scheduled: int
    preference: int
    idle: int
    kept: int
    objective: int


class Problem:
    """An instance prepared for the solvers: slots, positions, each task's allowed slots.

    Positions: slot k has position `positions[k]`; consecutive slots are one position apart,
    and a break adds as many positions as whole slots fit in the time between the two slots
    around it, at most `min_gap_slots`. Two interviews of a candidate at positions p < q
    respect the gap when q - p >= 1 + min_gap_slots.
    """

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.length = instance.slot_minutes
        self.gap = instance.min_gap_slots
        self.starts, self.positions = slot_positions(instance)
        self.slot_of_start = {start: k for k, start in enumerate(self.starts)}
        # (slot k, extra positions between slot k-1 and slot k) where a break adds some.
        self.boundaries = [
            (k, self.positions[k] - self.positions[k - 1] - 1)
            for k in range(1, len(self.starts))
            if self.positions[k] - self.positions[k - 1] > 1
        ]
        self.slot_of_position = {position: k for k, position in enumerate(self.positions)}

        self.company_ids = [company.id for company in instance.companies]
        self.candidate_ids = [candidate.id for candidate in instance.candidates]
        company_index = {identifier: i for i, identifier in enumerate(self.company_ids)}
        candidate_index = {identifier: i for i, identifier in enumerate(self.candidate_ids)}
        self.tables = [company.tables for company in instance.companies]
        everything = (1 << len(self.starts)) - 1
        company_masks = [self._mask(company.windows) for company in instance.companies]
        candidate_masks = [self._mask(candidate.windows) for candidate in instance.candidates]
        time_mask = everything
        if instance.not_before is not None:
            time_mask = sum(
                1 << k for k, start in enumerate(self.starts) if start >= instance.not_before
            )

        shortlisted = [
            (number, application)
            for number, application in enumerate(instance.applications)
            if application.shortlisted
        ]
        self.max_rank = max((application.rank for _, application in shortlisted), default=1)
        fixed_of = {(fixed.candidate, fixed.company): fixed for fixed in instance.fixed}
        hint_of = {(hint.candidate, hint.company): hint for hint in instance.hint}
        decoded: dict[int, tuple[int, ...]] = {}

        from .explain import ABSENT, NO_COMMON_SLOT, TIME_PASSED

        self.tasks: list[Task] = []
        for number, application in shortlisted:
            candidate = candidate_index[application.candidate]
            company = company_index[application.company]
            task = Task(
                index=len(self.tasks),
                application=number,
                candidate=candidate,
                company=company,
                rank=application.rank,
                weight=self.max_rank + 1 - application.rank,
            )
            self.tasks.append(task)
            fixed = fixed_of.get((application.candidate, application.company))
            if fixed is not None:
                task.fixed_slot = self.slot_of_start[fixed.start]
                task.fixed_table = fixed.table
                continue
            if application.candidate in instance.absent:
                task.reason = ABSENT
                continue
            common = company_masks[company] & candidate_masks[candidate]
            mask = common & time_mask
            if mask not in decoded:
                decoded[mask] = tuple(k for k in range(len(self.starts)) if mask >> k & 1)
            task.domain = decoded[mask]
            if not task.domain:
                task.reason = TIME_PASSED if common else NO_COMMON_SLOT
                continue
            hint = hint_of.get((application.candidate, application.company))
            if hint is not None:
                task.hint_table = hint.table
                slot = self.slot_of_start.get(hint.start)
                if slot is not None and mask >> slot & 1:
                    task.hint_slot = slot

        self.fixed_tasks = [task for task in self.tasks if task.fixed_slot is not None]
        count = len(instance.candidates)
        self.fixed_by_candidate: list[list[Task]] = [[] for _ in range(count)]
        for task in self.fixed_tasks:
            self.fixed_by_candidate[task.candidate].append(task)
        self.quota: list[int | None] = []
        from .explain import MAX_INTERVIEWS

        for person, fixed_tasks in zip(instance.candidates, self.fixed_by_candidate, strict=True):
            maximum = person.max_interviews
            self.quota.append(None if maximum is None else max(0, maximum - len(fixed_tasks)))
        self.placeable: list[Task] = []
        self.by_candidate: list[list[Task]] = [[] for _ in range(count)]
        for task in self.tasks:
            if task.fixed_slot is not None or task.reason is not None:
                continue
            if self.quota[task.candidate] == 0:
                task.reason = MAX_INTERVIEWS
                continue
            self.placeable.append(task)
            self.by_candidate[task.candidate].append(task)

        # Tables left in each slot once the fixed interviews are in.
        self.capacity = [[tables] * len(self.starts) for tables in self.tables]
        for task in self.fixed_tasks:
            assert task.fixed_slot is not None
            self.capacity[task.company][task.fixed_slot] -= 1

        self._weigh()

    def _mask(self, windows: tuple[Window, ...]) -> int:
        if not windows:
            return (1 << len(self.starts)) - 1
        mask = 0
        for k, start in enumerate(self.starts):
            end = start + self.length
            if any(window.start <= start and end <= window.end for window in windows):
                mask |= 1 << k
        return mask

    def _weigh(self) -> None:
        """Weights that make the combined objective strictly lexicographic."""
        self.idle_limit: list[int] = []
        for candidate in range(len(self.candidate_ids)):
            fixed, tasks = self.fixed_by_candidate[candidate], self.by_candidate[candidate]
            quota = self.quota[candidate]
            most = len(fixed) + (len(tasks) if quota is None else min(quota, len(tasks)))
            used = [task.fixed_slot for task in fixed if task.fixed_slot is not None]
            for task in tasks:
                used += [task.domain[0], task.domain[-1]]
            # At least two interviews: idle <= (last - first + 1) - 2.
            self.idle_limit.append(max(0, max(used) - min(used) - 1) if most > 1 else 0)
        kept_max = sum(1 for task in self.placeable if task.hint_slot is not None)
        idle_max = sum(self.idle_limit)
        preference_max = sum(task.weight for task in self.fixed_tasks + self.placeable)
        self.weight_kept = 1
        self.weight_idle = kept_max + 1
        self.weight_preference = self.weight_idle * idle_max + kept_max + 1
        self.weight_scheduled = self.weight_preference * (preference_max + 1)

    def upper_bound(self) -> int:
        """A simple bound: every candidate's best-ranked interviews up to their maximum, no
        idle time, every hinted interview kept."""
        scheduled = len(self.fixed_tasks)
        preference = sum(task.weight for task in self.fixed_tasks)
        for candidate, tasks in enumerate(self.by_candidate):
            quota = self.quota[candidate]
            best = sorted((task.weight for task in tasks), reverse=True)[:quota]
            scheduled += len(best)
            preference += sum(best)
        kept = sum(1 for task in self.placeable if task.hint_slot is not None)
        return (
            self.weight_scheduled * scheduled
            + self.weight_preference * preference
            + self.weight_kept * kept
        )

    def levels(self, assignment: dict[int, int]) -> Levels:
        """The objective of an assignment (placeable task index -> slot), fixed ones added."""
        scheduled = len(self.fixed_tasks) + len(assignment)
        preference = sum(task.weight for task in self.fixed_tasks)
        preference += sum(self.tasks[index].weight for index in assignment)
        kept = sum(1 for index, slot in assignment.items() if self.tasks[index].hint_slot == slot)
        used: dict[int, list[int]] = {}
        for task in self.fixed_tasks:
            assert task.fixed_slot is not None
            used.setdefault(task.candidate, []).append(task.fixed_slot)
        for index, slot in assignment.items():
            used.setdefault(self.tasks[index].candidate, []).append(slot)
        idle = sum(max(taken) - min(taken) + 1 - len(taken) for taken in used.values())
        objective = (
            self.weight_scheduled * scheduled
            + self.weight_preference * preference
            - self.weight_idle * idle
            + self.weight_kept * kept
        )
        return Levels(scheduled, preference, idle, kept, objective)


class Board:
    """A partial schedule under construction: company loads and candidates' positions."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.load = [[0] * len(problem.starts) for _ in problem.company_ids]
        self.taken: list[list[int]] = [
            [problem.positions[task.fixed_slot] for task in fixed if task.fixed_slot is not None]
            for fixed in problem.fixed_by_candidate
        ]
        self.count = [0] * len(problem.candidate_ids)
        self.assignment: dict[int, int] = {}

    def company_free(self, task: Task, slot: int) -> bool:
        return self.load[task.company][slot] < self.problem.capacity[task.company][slot]

    def candidate_free(self, task: Task, slot: int) -> bool:
        position = self.problem.positions[slot]
        reach = self.problem.gap
        return all(abs(position - other) > reach for other in self.taken[task.candidate])

    def quota_left(self, task: Task) -> bool:
        quota = self.problem.quota[task.candidate]
        return quota is None or self.count[task.candidate] < quota

    def fits(self, task: Task, slot: int) -> bool:
        return (
            self.quota_left(task)
            and self.company_free(task, slot)
            and self.candidate_free(task, slot)
        )

    def place(self, task: Task, slot: int) -> None:
        self.load[task.company][slot] += 1
        self.taken[task.candidate].append(self.problem.positions[slot])
        self.count[task.candidate] += 1
        self.assignment[task.index] = slot


def assign_tables(problem: Problem, assignment: dict[int, int]) -> list[Interview]:
    """Interviews with table numbers, chosen deterministically: fixed interviews keep theirs;
    the others, by candidate id, take the table the hint gave them when it is free, then the
    lowest free table."""
    groups: dict[tuple[int, int], list[Task]] = {}
    for index, slot in assignment.items():
        task = problem.tasks[index]
        groups.setdefault((task.company, slot), []).append(task)
    used: dict[tuple[int, int], set[int]] = {}
    interviews: list[tuple[int, int, int, Task]] = []
    for task in problem.fixed_tasks:
        assert task.fixed_slot is not None
        assert task.fixed_table is not None
        used.setdefault((task.company, task.fixed_slot), set()).add(task.fixed_table)
        interviews.append((task.fixed_slot, task.company, task.fixed_table, task))
    for (company, slot), tasks in groups.items():
        taken = used.setdefault((company, slot), set())
        tasks.sort(key=lambda task: problem.candidate_ids[task.candidate])
        waiting: list[Task] = []
        for task in tasks:
            table = task.hint_table
            if table is not None and 1 <= table <= problem.tables[company] and table not in taken:
                taken.add(table)
                interviews.append((slot, company, table, task))
            else:
                waiting.append(task)
        free = (table for table in range(1, problem.tables[company] + 1) if table not in taken)
        for task in waiting:
            table = next(free)
            taken.add(table)
            interviews.append((slot, company, table, task))
    interviews.sort(key=lambda item: (item[0], item[1], item[2]))
    return [
        Interview(
            candidate=problem.candidate_ids[task.candidate],
            company=problem.company_ids[company],
            table=table,
            start=problem.starts[slot],
            end=problem.starts[slot] + problem.length,
        )
        for slot, company, table, task in interviews
    ]
