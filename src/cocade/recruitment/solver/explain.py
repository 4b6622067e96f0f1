"""Why a shortlisted application has no interview: a stable code and an English message."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Board, Problem, Task, Unscheduled

ABSENT = "absent"
TIME_PASSED = "time_passed"
NO_COMMON_SLOT = "no_common_slot"
MAX_INTERVIEWS = "max_interviews"
COMPANY_FULL = "company_full"
CANDIDATE_BUSY = "candidate_busy"
NOT_SELECTED = "not_selected"

REASONS: dict[str, str] = {
    ABSENT: "The candidate is marked absent.",
    TIME_PASSED: "No usable slot is left after the current time.",
    NO_COMMON_SLOT: "The candidate's and the company's availability share no usable slot.",
    MAX_INTERVIEWS: "The candidate has reached their maximum number of interviews.",
    COMPANY_FULL: "All the company's tables are taken in every slot both can make.",
    CANDIDATE_BUSY: (
        "Every slot both can make is taken by the candidate's other interviews or the minimum "
        "gap between them."
    ),
    NOT_SELECTED: "It could be placed only by removing or moving a better-placed interview.",
}


def explain(problem: Problem, board: Board) -> list[Unscheduled]:
    """The unscheduled shortlisted applications of a final schedule, in input order, each with
    the first reason that applies, in the order of `REASONS`."""
    from .model import Unscheduled

    unscheduled: list[Unscheduled] = []
    for task in problem.tasks:
        if task.fixed_slot is not None or task.index in board.assignment:
            continue
        reason = task.reason
        if reason is None:
            reason = _reason(board, task)
        unscheduled.append(
            Unscheduled(
                candidate=problem.candidate_ids[task.candidate],
                company=problem.company_ids[task.company],
                reason=reason,
            )
        )
    return unscheduled


def _reason(board: Board, task: Task) -> str:
    if not board.quota_left(task):
        return MAX_INTERVIEWS
    if all(not board.company_free(task, slot) for slot in task.domain):
        return COMPANY_FULL
    if all(not board.candidate_free(task, slot) for slot in task.domain):
        return CANDIDATE_BUSY
    return NOT_SELECTED
