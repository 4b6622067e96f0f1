"""The shape of the agenda demo's data: events, their timetable, questions, invitations and
registrants, written as plain values that the loader turns into rows through the services.

Times are local to the event's time zone. An event of the newsletter has fixed dates
(`on(2019, 1, 24, 14)`); the others are placed relative to the day the demo is first loaded
(`days_from_load(3, 14)`), so that the agenda looks alive whatever the day, and keep those
dates when the demo is loaded again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify

from cocade.agenda.enums import Audience, EventStatus, QuestionKind, RegistrationStatus

CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED
PENDING = RegistrationStatus.PENDING
DECLINED = RegistrationStatus.DECLINED
CANCELLED = RegistrationStatus.CANCELLED

#: Half-days attended: every one of the event's.
ALL = "all"


@dataclass(frozen=True)
class At:
    """A local date and time: a fixed `day`, or `days` after the day of the first load."""

    hour: int
    minute: int = 0
    day: datetime.date | None = None
    days: int = 0

    def local(self, today: datetime.date, zone: datetime.tzinfo) -> datetime.datetime:
        date = self.day or today + datetime.timedelta(days=self.days)
        return datetime.datetime.combine(date, datetime.time(self.hour, self.minute), tzinfo=zone)


def on(year: int, month: int, day: int, hour: int, minute: int = 0) -> At:
    return At(hour, minute, day=datetime.date(year, month, day))


def days_from_load(days: int, hour: int, minute: int = 0) -> At:
    return At(hour, minute, days=days)


@dataclass(frozen=True)
class DemoSession:
    start: At
    end: At
    title: dict[str, str]
    place: str = ""


@dataclass(frozen=True)
class DemoQuestion:
    kind: str
    label: dict[str, str]
    required: bool = False
    choices: tuple[dict[str, str], ...] = ()
    help_text: dict[str, str] = field(default_factory=dict)


def text_question(label: dict[str, str], required: bool = False) -> DemoQuestion:
    return DemoQuestion(QuestionKind.TEXT, label, required)


def choice_question(
    label: dict[str, str], choices: tuple[dict[str, str], ...], required: bool = True
) -> DemoQuestion:
    return DemoQuestion(QuestionKind.CHOICE, label, required, choices)


def consent_question(label: dict[str, str]) -> DemoQuestion:
    return DemoQuestion(QuestionKind.CONSENT, label, False)


@dataclass(frozen=True)
class DemoRegistrant:
    """One person's registration and, for a past event, which half-days they came.

    `status` is where the registration ends: a confirmed registrant of a moderated event is
    approved by the organiser, a declined one declined, a cancelled one cancels after
    registering (which may give their seat to the first person waiting). `account` names a
    demo account (local part of its email) that registered while signed in. `answers` are
    given to the questions in order. `attended` is `ALL`, or the numbers of the half-days
    (0 = the first) the person was checked in for; on an event running on the day of the
    load, anything but `()` checks the person in now.
    """

    name: str
    language: str = ""
    status: str = CONFIRMED
    account: str = ""
    answers: tuple[Any, ...] = ()
    attended: str | tuple[int, ...] = ()

    @property
    def email_local_part(self) -> str:
        return slugify(self.name).replace("-", ".")


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    kind: str
    original_language: str
    title: dict[str, str]
    start: At
    end: At
    centre: str | None = None
    #: (centre slug, site slug) of the venue, which may be another centre's for a network event.
    site: tuple[str, str] | None = None
    summary: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    audience: str = Audience.PUBLIC
    status: str = EventStatus.PUBLISHED
    timezone: str = "Europe/Paris"
    languages: tuple[str, ...] = ("fr",)
    capacity: int | None = None
    waitlist: bool = False
    moderation: bool = False
    venue_name: str = ""
    address: str = ""
    online_url: str = ""
    #: Days before the start when registration closes (None: open until the event ends).
    closes_days_before: int | None = None
    sessions: tuple[DemoSession, ...] = ()
    questions: tuple[DemoQuestion, ...] = ()
    registrants: tuple[DemoRegistrant, ...] = ()
    #: Demo accounts (local parts) invited to an internal meeting.
    invited: tuple[str, ...] = ()
    #: Demo accounts (local parts) who run the event besides the centre's managers.
    organisers: tuple[str, ...] = ()
    #: Happening on the day of the load: it ends at least two hours after the load.
    runs_on_load_day: bool = False


def crowd(
    names: tuple[str, ...],
    language: str,
    *,
    absent: tuple[int, ...] = (),
    partly: dict[int, tuple[int, ...]] | None = None,
    attended: str | tuple[int, ...] = ALL,
    status: str = CONFIRMED,
) -> tuple[DemoRegistrant, ...]:
    """Confirmed registrants who came to every half-day, but those numbered in `absent`
    (no-shows) and in `partly` (only the half-days given)."""
    partly = partly or {}
    people = []
    for index, name in enumerate(names):
        came: str | tuple[int, ...] = attended
        if index in absent:
            came = ()
        elif index in partly:
            came = partly[index]
        people.append(DemoRegistrant(name, language, status, attended=came))
    return tuple(people)
