"""Speed meetings at known local times, and meetings whose plan is stored as the service
leaves it."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.rotation import plan_rotation
from tests.factories.recruitment import SpeedMeetingEventFactory, SpeedMeetingFactory


def local_moment(days: int, at: datetime.time, zone: str) -> datetime.datetime:
    """`at` local time, `days` from today in `zone`, as an aware datetime."""
    day = timezone.now().astimezone(ZoneInfo(zone)).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def meeting_event(
    *,
    centre,
    starts=datetime.time(9, 0),
    ends=datetime.time(12, 0),
    days=10,
    zone="Europe/Paris",
    **values,
):
    """A speed meeting event from `starts` to `ends` local time, `days` from now."""
    return SpeedMeetingEventFactory(
        centre=centre,
        timezone=zone,
        starts_at=local_moment(days, starts, zone),
        ends_at=local_moment(days, ends, zone),
        **values,
    )


def planned(meeting: SpeedMeeting) -> SpeedMeeting:
    """Store the rotation of the meeting's groups, tables and rounds, as update_meeting does."""
    rotation = plan_rotation(len(meeting.groups), len(meeting.tables), meeting.rounds)
    meeting.plan = [list(row) for row in rotation.plan]
    meeting.distinct_encounters = rotation.distinct_encounters
    meeting.method = rotation.method
    meeting.save()
    return meeting


def planned_meeting(**values) -> SpeedMeeting:
    return planned(SpeedMeetingFactory(**values))
