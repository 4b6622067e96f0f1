"""The command line of the scheduler: read an instance, solve it, write the schedule.

`cocade schedule-interviews INPUT.json [--time-limit SECONDS] [--output OUT.json]
[--workers N]` calls `run`; so does `python -m cocade.recruitment.solver.cli`. Exit codes: 0
the schedule is written; 2 the input cannot be read, is not JSON or is refused (one line on
stderr names the item); 1 the output cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from .cpsat import solve
from .parse import InvalidInstance, parse_instance, schedule_to_json

EXIT_OK = 0
EXIT_OUTPUT = 1
EXIT_INPUT = 2


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments (shared with the Django management command)."""
    parser.add_argument("input", metavar="INPUT.json", help='the instance ("-": standard input)')
    parser.add_argument(
        "--time-limit",
        type=_positive_float,
        default=10.0,
        metavar="SECONDS",
        help="stop searching after this many seconds, everything included (default 10)",
    )
    parser.add_argument(
        "--output", metavar="OUT.json", help="write the schedule there (default: standard output)"
    )
    parser.add_argument(
        "--workers", type=_positive_int, default=2, metavar="N", help="search threads (default 2)"
    )


def _read(path: str, stdin: TextIO) -> object:
    if path == "-":
        return json.load(stdin)
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def run(
    path: str,
    time_limit: float = 10.0,
    output: str | None = None,
    workers: int = 2,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Solve the instance in `path` and write the schedule; returns the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    name = "standard input" if path == "-" else path
    try:
        data = _read(path, stdin or sys.stdin)
    except json.JSONDecodeError as error:
        stderr.write(
            f"error: {name}: invalid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg}\n"
        )
        return EXIT_INPUT
    except RecursionError:
        stderr.write(f"error: {name}: JSON nested too deeply\n")
        return EXIT_INPUT
    except UnicodeDecodeError as error:
        stderr.write(f"error: {name}: not UTF-8 text (byte {error.start})\n")
        return EXIT_INPUT
    except OSError as error:
        stderr.write(f"error: cannot read {name}: {error.strerror or error}\n")
        return EXIT_INPUT
    try:
        instance = parse_instance(data)
    except InvalidInstance as error:
        stderr.write(f"error: {error.item}: {error.message}\n")
        return EXIT_INPUT
    schedule = solve(instance, time_limit=time_limit, workers=workers)
    text = json.dumps(schedule_to_json(schedule), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        stdout.write(text)
        stdout.flush()
    else:
        try:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            stderr.write(f"error: cannot write {output}: {error.strerror or error}\n")
            return EXIT_OUTPUT
    shortlisted = schedule.scheduled_count + len(schedule.unscheduled)
    stderr.write(
        f"{schedule.status}: {schedule.scheduled_count} of {shortlisted} interviews scheduled, "
        f"{len(schedule.unscheduled)} unscheduled; preference {schedule.preference}, "
        f"idle {schedule.idle_slots} slots; gap {schedule.gap:.4%} to the bound; "
        f"{schedule.solve_seconds:.1f} s\n"
    )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`python -m cocade.recruitment.solver.cli INPUT.json ...`"""
    parser = argparse.ArgumentParser(
        prog="schedule-interviews", description="Schedule the interviews of a recruitment day."
    )
    add_arguments(parser)
    arguments = parser.parse_args(argv)
    return run(arguments.input, arguments.time_limit, arguments.output, arguments.workers)


if __name__ == "__main__":
    sys.exit(main())
