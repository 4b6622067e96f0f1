"""The demo of the network agenda, loaded by `cocade demo` after the directory, competency
and Vademecum demos.

It holds the agenda of the network's newsletter of December 2018 (the labelling committee
and the ComEx in Paris, the CDM21 meeting, the permanent assembly of managers, the ComEx in
Porto, the managers' morning and the final meeting of the Erasmus+ COCADE project in
Brussels, the DIMESCA training on digital watch and the Spring School 2019 in Paris), with
their timetables, registrants and attendance; and events around the day of the first load,
so that the agenda looks alive: a Numeri'Day running today at Paris-La Villette (the demo
manager's centre) with people already checked in, a full workshop with a waiting list,
registrations awaiting approval, a webinar, members' and invited meetings, recent events with
their attendance, a cancelled workshop and a draft.

Running it again creates nothing: an event whose address exists is left as it is. The demo
emails nobody: the registrants' addresses are at a domain reserved for examples, and the
notifications are not sent while it loads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from cocade.accounts.models import User
from cocade.agenda.demo import current, newsletter
from cocade.agenda.demo.loader import Context, demo_managers, load_event
from cocade.agenda.demo.spec import DemoEvent
from cocade.agenda.enums import EventStatus, RegistrationStatus
from cocade.agenda.models import Attendance, Event, Registration
from cocade.core.mail import emails_suppressed
from cocade.directory.demo import DEMO_PASSWORD
from cocade.directory.models import Centre, Network, Site

__all__ = ["EVENTS", "AgendaDemoResult", "load", "write_summary"]

#: Every demo event, in the order they are loaded.
EVENTS: tuple[DemoEvent, ...] = newsletter.EVENTS + current.EVENTS


@dataclass
class TodayEvent:
    title: str
    centre: str
    confirmed: int
    checked_in: int


@dataclass
class AgendaDemoResult:
    created: int = 0
    #: Event status → number of events in the database (demo or not).
    events: dict[str, int] = field(default_factory=dict)
    #: Registration status → number of registrations in the database.
    registrations: dict[str, int] = field(default_factory=dict)
    attendances: int = 0
    today: list[TodayEvent] = field(default_factory=list)


def _demo_email(local_part: str) -> str:
    return f"{local_part}@{settings.COCADE_DEMO_EMAIL_DOMAIN}"


def _accounts() -> dict[str, User]:
    names = {"coordinator"}
    for spec in EVENTS:
        names.update(spec.invited)
        names.update(spec.organisers)
        names.update(person.account for person in spec.registrants if person.account)
    emails = {_demo_email(name): name for name in names}
    return {emails[user.email]: user for user in User.objects.filter(email__in=list(emails))}


def _context() -> Context:
    users = _accounts()
    if "coordinator" not in users:
        raise LookupError("Load the directory demo first: the agenda demo needs its accounts.")
    network = Network.objects.order_by("pk").first()
    return Context(
        now=timezone.now(),
        centres={centre.slug: centre for centre in Centre.objects.all()},
        sites={
            (site.centre.slug, site.slug): site for site in Site.objects.select_related("centre")
        },
        users=users,
        coordinator=users["coordinator"],
        managers=demo_managers(settings.COCADE_DEMO_EMAIL_DOMAIN),
        network_email=network.email if network is not None else "",
    )


def _today() -> list[TodayEvent]:
    """Published events running on the current day, in their own time zone."""
    now = timezone.now()
    soon = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        starts_at__lte=now + datetime.timedelta(days=1),
        ends_at__gte=now - datetime.timedelta(days=1),
    ).select_related("centre")
    found = []
    for event in soon:
        today = now.astimezone(event.zone).date()
        if today in event.days():
            checked_in = (
                Attendance.objects.filter(registration__event=event, day=today)
                .values("registration")
                .distinct()
                .count()
            )
            found.append(
                TodayEvent(
                    title=str(event),
                    centre=str(event.centre) if event.centre else "",
                    confirmed=event.confirmed_count,
                    checked_in=checked_in,
                )
            )
    return found


def load(*, password: str = DEMO_PASSWORD, stdout: Any = None) -> AgendaDemoResult:
    """Load the agenda demo (the directory demo first, for the centres and the accounts);
    with `stdout`, print what is there. `password` is accepted like the other demos'
    loaders, but this one makes no account."""
    result = AgendaDemoResult()
    with emails_suppressed(), transaction.atomic():
        context = _context()
        for spec in EVENTS:
            if load_event(spec, context) is not None:
                result.created += 1
    result.events = dict(Event.objects.values_list("status").annotate(Count("pk")))
    result.registrations = dict(Registration.objects.values_list("status").annotate(Count("pk")))
    result.attendances = Attendance.objects.count()
    result.today = _today()
    if stdout is not None:
        write_summary(result, stdout)
    return result


def write_summary(result: AgendaDemoResult, stdout: Any) -> None:
    events = sum(result.events.values())
    event_parts = ", ".join(
        f"{result.events.get(status, 0)} {label}"
        for status, label in (
            (EventStatus.PUBLISHED, "published"),
            (EventStatus.CANCELLED, "cancelled"),
            (EventStatus.DRAFT, "draft"),
        )
    )
    registration_parts = ", ".join(
        f"{result.registrations.get(status, 0)} {label}"
        for status, label in (
            (RegistrationStatus.CONFIRMED, "confirmed"),
            (RegistrationStatus.WAITLISTED, "on a waiting list"),
            (RegistrationStatus.PENDING, "awaiting approval"),
            (RegistrationStatus.DECLINED, "declined"),
            (RegistrationStatus.CANCELLED, "cancelled"),
        )
    )
    stdout.write(
        f"Agenda: {events} events ({event_parts}), {len(newsletter.EVENTS)} of them from the "
        f"newsletter of December 2018; {sum(result.registrations.values())} registrations "
        f"({registration_parts}); {result.attendances} half-days of attendance.\n"
    )
    for item in result.today:
        where = f" ({item.centre})" if item.centre else ""
        stdout.write(
            f"Happening today: {item.title}{where}, {item.confirmed} confirmed, "
            f"{item.checked_in} checked in.\n"
        )
    stdout.write(
        f"Check-in and registrants: {_demo_email('manager')} (Paris-La Villette) or "
        f"{_demo_email('counsellor')}, organiser of its Numeri'Day; the network's events: "
        f"{_demo_email('coordinator')}.\n"
    )
