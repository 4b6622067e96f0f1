"""Benchmark: the interview scheduler of speed-recruitment days, at the Porto scale and at ten
times that scale, against its greedy baseline.

Run with `make bench` (or `.venv/bin/python bench/recruitment_schedule.py [--seed N ...]
[--only porto|ten] [--workers N] [--porto-limit S] [--ten-limit S]`). No Django, no database:
the instances come from `cocade.recruitment.solver.generate` with a fixed seed:

  - Porto: 556 registrations, 2,564 applications, 70 pre-selected candidates whose
    applications (8 to 10 companies each) are shortlisted, 10 companies; 5-minute slots from
    09:00 to 18:00 with lunch 12:30-13:30 (96 slots);
  - ten times: 5,000 registrations, 25,000 applications, 700 pre-selected candidates,
    100 companies, the same day;

with companies of 1 to 3 tables, some present half a day, and candidates some present part
of the day or capped (see the generator's docstring).

For each, it times the greedy baseline (`greedy`), then the solver (`solve`, 10 s and 60 s,
2 workers; the time includes validation, the constructive schedule and the model), and prints
a Markdown table: interviews scheduled, preference, idle slots, objective ÷ bound (the bound is
the solver's), time and status; then whether the goals are met (a missed goal is reported,
not an error: the script exits 0).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter
from importlib.metadata import version

from cocade.recruitment.solver import Instance, greedy, slots, solve
from cocade.recruitment.solver.construct import select
from cocade.recruitment.solver.generate import porto, porto_times_ten
from cocade.recruitment.solver.model import Board, Problem


def _describe(name: str, instance: Instance) -> str:
    shortlisted = sum(1 for application in instance.applications if application.shortlisted)
    tables = Counter(company.tables for company in instance.companies)
    partial = sum(1 for company in instance.companies if company.windows)
    return (
        f"{name}: {len(instance.candidates)} registrations, {len(instance.applications)} "
        f"applications, {shortlisted} shortlisted interviews of "
        f"{len({a.candidate for a in instance.applications if a.shortlisted})} candidates, "
        f"{len(instance.companies)} companies (tables: "
        + ", ".join(f"{count} × {size}" for size, count in sorted(tables.items()))
        + f"; {partial} present part of the day), {len(slots(instance))} slots of "
        f"{instance.slot_minutes} min"
    )


def _row(
    name: str,
    method: str,
    limit: str,
    levels: tuple[int, int, int],
    objective: int,
    bound: int,
    seconds: float,
    status: str,
) -> str:
    scheduled, preference, idle = levels
    return (
        f"| {name} | {method} | {limit} | {scheduled} | {preference} | {idle} | "
        f"{objective / bound:.9f} | {seconds:.2f} s | {status} |"
    )


def run(
    name: str, instance: Instance, limit: float, workers: int, ten: bool
) -> tuple[list[str], list[str]]:
    problem = Problem(instance)
    started = time.perf_counter()
    baseline = greedy(instance)
    greedy_seconds = time.perf_counter() - started
    assignment: dict[int, int] = {}
    index = {
        (problem.candidate_ids[t.candidate], problem.company_ids[t.company]): t
        for t in problem.placeable
    }
    for interview in baseline:
        task = index.get((interview.candidate, interview.company))
        if task is not None:
            assignment[task.index] = problem.slot_of_start[interview.start]
    greedy_levels = problem.levels(assignment)
    _progress(f"{name}: greedy in {greedy_seconds:.2f} s, solving for up to {limit:g} s")

    schedule = solve(instance, time_limit=limit, workers=workers)
    shortlisted = schedule.scheduled_count + len(schedule.unscheduled)
    rows = [
        _row(
            name,
            "greedy",
            "–",
            (greedy_levels.scheduled, greedy_levels.preference, greedy_levels.idle),
            greedy_levels.objective,
            schedule.bound,
            greedy_seconds,
            "–",
        ),
        _row(
            name,
            f"solver ({schedule.constructive} seed)",
            f"{limit:g} s",
            (schedule.scheduled_count, schedule.preference, schedule.idle_slots),
            schedule.objective,
            schedule.bound,
            schedule.solve_seconds,
            schedule.status,
        ),
    ]
    reasons = Counter(item.reason for item in schedule.unscheduled)
    chosen = select(problem, Board(problem))
    notes = [
        f"{name}: {shortlisted} shortlisted; the flow bound (which ignores the clock): "
        f"{len(chosen)} interviews, preference {sum(problem.tasks[i].weight for i in chosen)}; "
        f"gap {schedule.gap:.4%}; unscheduled by reason: "
        + (", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items())) or "none"),
    ]
    better = (schedule.scheduled_count, schedule.preference, -schedule.idle_slots) >= (
        greedy_levels.scheduled,
        greedy_levels.preference,
        -greedy_levels.idle,
    )
    if not ten:
        met = schedule.status == "optimal" and schedule.solve_seconds <= limit
        notes.append(
            f"goal: {name} proved optimal within {limit:g} s: " + ("met" if met else "MISSED")
        )
    else:
        met = schedule.gap <= 0.01 and schedule.solve_seconds <= limit
        notes.append(
            f"goal: {name} within 1 % of the bound within {limit:g} s: "
            + ("met" if met else "MISSED")
        )
    notes.append(f"goal: {name} never worse than greedy: " + ("met" if better else "MISSED"))
    return rows, notes


def _progress(message: str) -> None:
    sys.stderr.write(f"  · {message}\n")
    sys.stderr.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seed", type=int, nargs="+", default=[2024], help="instance seeds (default 2024)"
    )
    parser.add_argument("--only", choices=("porto", "ten"), help="one instance only")
    parser.add_argument("--workers", type=int, default=2, help="search threads (default 2)")
    parser.add_argument("--porto-limit", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--ten-limit", type=float, default=60.0, help="seconds (default 60)")
    args = parser.parse_args()

    sys.stdout.write(
        f"COCADE bench: interview scheduling of speed-recruitment days (seed "
        f"{', '.join(map(str, args.seed))}; {args.workers} workers)\n"
        f"machine: nproc={os.cpu_count()}, Python {platform.python_version()}, OR-Tools "
        f"{version('ortools')}, {platform.platform()}\n"
    )
    cases = []
    for seed in args.seed:
        suffix = f", seed {seed}" if len(args.seed) > 1 else ""
        if args.only in (None, "porto"):
            cases.append((f"Porto{suffix}", porto(seed), args.porto_limit, False))
        if args.only in (None, "ten"):
            cases.append((f"Porto × 10{suffix}", porto_times_ten(seed), args.ten_limit, True))
    for name, instance, _, _ in cases:
        sys.stdout.write(_describe(name, instance) + "\n")
    sys.stdout.flush()
    rows = [
        "| instance | method | time limit | scheduled | preference | idle slots | "
        "objective ÷ bound | time | status |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    notes: list[str] = []
    for name, instance, limit, ten in cases:
        more_rows, more_notes = run(name, instance, limit, args.workers, ten)
        rows += more_rows
        notes += more_notes
    sys.stdout.write("\n" + "\n".join(rows) + "\n\n" + "\n".join(notes) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
