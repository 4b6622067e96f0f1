"""Finding what a user may see or run; anything else is NotFound (a 404, never a 403)."""

from __future__ import annotations

from typing import Any

from cocade.agenda.enums import EventKind
from cocade.agenda.models import Event
from cocade.core.errors import NotFound
from cocade.recruitment import rules
from cocade.recruitment.models import Quiz, RecruitmentDay, SpeedMeeting


def get_event_to_manage(user: Any, event_pk: Any, kind: str) -> Event:
    event = Event.objects.filter(pk=event_pk, kind=kind).select_related("centre").first()
    if event is None or not rules.can_manage_event(user, event):
        raise NotFound()
    return event


def get_day_to_manage(user: Any, event_pk: Any) -> RecruitmentDay:
    """The speed recruitment of event `event_pk`, created with its defaults on first use."""
    event = get_event_to_manage(user, event_pk, EventKind.SPEED_RECRUITMENT)
    day, _created = RecruitmentDay.objects.select_related("event").get_or_create(event=event)
    return day


def get_meeting_to_manage(user: Any, event_pk: Any) -> SpeedMeeting:
    event = get_event_to_manage(user, event_pk, EventKind.SPEED_MEETING)
    meeting, _created = SpeedMeeting.objects.select_related("event").get_or_create(event=event)
    return meeting


def get_quiz_to_run(user: Any, quiz_pk: Any) -> Quiz:
    quiz = Quiz.objects.filter(pk=quiz_pk).select_related("event", "centre").first()
    if quiz is None or not rules.can_run_quiz(user, quiz):
        raise NotFound()
    return quiz
