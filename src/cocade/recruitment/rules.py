"""Who may run a speed recruitment, a speed meeting or a quiz.

The organisers of the event (the agenda's rule: network coordinators, the managers of the
event's centre and its named organisers) run its speed recruitment and speed meeting, see the
candidates' data and their CVs. A company sees only its own candidates, through its signed
link. A candidate sees only their own applications and timetable, through the signed link of
their registration. A quiz is run by its event's organisers, or, for a quiz without an event,
by its author, the managers of its centre and the coordinators.
"""

from __future__ import annotations

from typing import Any

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role, is_network_coordinator
from cocade.agenda.rules import can_create_events, is_organiser

__all__ = ["can_create_events", "can_manage_event", "can_run_quiz", "can_create_quizzes"]


def can_manage_event(user: Any, event: Any) -> bool:
    return is_organiser(user, event)


def can_create_quizzes(user: Any) -> bool:
    return can_create_events(user)


def can_run_quiz(user: Any, quiz: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if quiz.event_id is not None:
        return is_organiser(user, quiz.event)
    if is_network_coordinator(user):
        return True
    if quiz.centre_id and quiz.centre_id in centre_ids_with_role(user, Role.CENTRE_MANAGER):
        return True
    return quiz.created_by_id == user.pk
