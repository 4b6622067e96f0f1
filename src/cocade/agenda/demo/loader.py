"""Load one demo event through the services, as its organisers and registrants would.

The event is created by `services.events.create_event` in the name of its centre's demo
manager (or the network coordinator), then given its demo address; its timetable, questions,
invitations and organisers go through `services.event_parts`. While its registration
window is open, people register through `services.registrations.register_for_event`, and the
organiser approves or declines, or the registrant cancels, through the same services. An event
whose window has closed (a past event) cannot be registered for any more: its registrations
are written as the services leave them, each confirmed one taking its seat with
`take_seat`, so that the event's seat count stays true. Attendance is ticked by the organiser
through `services.attendance.set_attendance`. Finally the times are moved back to plausible
moments (registrations some days before the event, check-ins at the start of each half-day);
the audit trail keeps the real time of the load.

An event whose address already exists is left as it is, so loading again changes nothing and
the events placed around the day of the first load keep their dates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership, User
from cocade.agenda.demo.spec import ALL, DemoEvent, DemoRegistrant
from cocade.agenda.enums import EventStatus, RegistrationStatus
from cocade.agenda.models import (
    AFTERNOON_STARTS,
    Attendance,
    Event,
    Question,
    Registration,
)
from cocade.agenda.services import attendance, event_parts, events, registrations
from cocade.core.errors import DomainError
from cocade.directory.models import Centre, Site

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
#: Registrants' addresses: a domain reserved for examples, which never receives mail.
REGISTRANT_DOMAIN = "example.org"


@dataclass
class Context:
    now: datetime.datetime
    centres: dict[str, Centre]
    sites: dict[tuple[str, str], Site]
    #: Demo accounts by the local part of their email.
    users: dict[str, User]
    coordinator: User
    #: Centre id → its first demo manager.
    managers: dict[int, User] = field(default_factory=dict)
    network_email: str = ""

    def actor_for(self, centre: Centre | None) -> User:
        """Who creates and runs the event: the centre's demo manager, else the coordinator."""
        if centre is not None and centre.pk in self.managers:
            return self.managers[centre.pk]
        return self.coordinator


def demo_managers(domain: str) -> dict[int, User]:
    memberships = (
        Membership.objects.active()
        .filter(role=Role.CENTRE_MANAGER, user__email__endswith="@" + domain)
        .exclude(centre=None)
        .select_related("user")
        .order_by("pk")
    )
    managers: dict[int, User] = {}
    for membership in memberships:
        if membership.centre_id is not None:
            managers.setdefault(membership.centre_id, membership.user)
    return managers


def load_event(spec: DemoEvent, context: Context) -> Event | None:
    """Create the event with everything it holds; None when it exists already or its centre
    is not in the directory."""
    if Event.objects.filter(slug=spec.slug).exists():
        return None
    centre = context.centres.get(spec.centre) if spec.centre else None
    if spec.centre and centre is None:
        return None
    with transaction.atomic():
        actor = context.actor_for(centre)
        event = _create(spec, centre, actor, context)
        _timetable(spec, event, actor, context)
        questions = _questions(spec, event, actor)
        for local_part in spec.invited:
            if local_part in context.users:
                event_parts.invite_member(
                    actor=actor, event=event, email=context.users[local_part].email
                )
        for local_part in spec.organisers:
            if local_part in context.users:
                event_parts.add_organiser(
                    actor=actor, event=event, email=context.users[local_part].email
                )
        rows = _register(spec, event, questions, actor, context)
        _check_statuses(spec, rows)
        _backdate(event, rows, context)
        _attendance(event, rows, actor, context)
        if spec.status == EventStatus.CANCELLED:
            events.set_event_status(actor=actor, event=event, status=EventStatus.CANCELLED)
        event.refresh_from_db()
    return event


# --- The event ------------------------------------------------------------------------------


def _local_today(context: Context, zone: ZoneInfo) -> datetime.date:
    return context.now.astimezone(zone).date()


def _times(spec: DemoEvent, context: Context) -> tuple[datetime.datetime, datetime.datetime]:
    zone = ZoneInfo(spec.timezone)
    today = _local_today(context, zone)
    starts, ends = spec.start.local(today, zone), spec.end.local(today, zone)
    if spec.runs_on_load_day:
        # Still running for a while after the load, but not past midnight.
        midnight = datetime.datetime.combine(today + DAY, datetime.time(0), tzinfo=zone)
        later = (context.now + 2 * HOUR).astimezone(zone)
        later = later.replace(minute=0, second=0, microsecond=0) + HOUR
        ends = min(max(ends, later), midnight)
    return starts, ends


def _create(spec: DemoEvent, centre: Centre | None, actor: User, context: Context) -> Event:
    starts, ends = _times(spec, context)
    site = context.sites.get(spec.site) if spec.site else None
    closes = (
        starts - datetime.timedelta(days=spec.closes_days_before)
        if spec.closes_days_before is not None
        else None
    )
    data: dict[str, Any] = {
        "kind": spec.kind,
        "audience": spec.audience,
        "centre": centre,
        "original_language": spec.original_language,
        "title": dict(spec.title),
        "summary": dict(spec.summary),
        "description": dict(spec.description),
        "site": site,
        "venue_name": spec.venue_name,
        "address": spec.address,
        "online_url": spec.online_url,
        "timezone": spec.timezone,
        "starts_at": starts,
        "ends_at": ends,
        "languages": list(spec.languages),
        "capacity": spec.capacity,
        "waitlist": spec.waitlist,
        "moderation": spec.moderation,
        "registration_closes_at": closes,
        "contact_email": centre.email if centre is not None else context.network_email,
        "status": EventStatus.DRAFT if spec.status == EventStatus.DRAFT else "published",
    }
    event = events.create_event(actor=actor, data=data)
    if event.slug != spec.slug:
        # The service makes an address from the title; the demo's are fixed, so that a
        # second load finds its events.
        Event.objects.filter(pk=event.pk).update(slug=spec.slug)
        event.slug = spec.slug
    return event


def _timetable(spec: DemoEvent, event: Event, actor: User, context: Context) -> None:
    zone = ZoneInfo(spec.timezone)
    today = _local_today(context, zone)
    for item in spec.sessions:
        event_parts.add_session(
            actor=actor,
            event=event,
            data={
                "title": dict(item.title),
                "place": item.place,
                "starts_at": item.start.local(today, zone),
                "ends_at": item.end.local(today, zone),
            },
        )


def _questions(spec: DemoEvent, event: Event, actor: User) -> list[Question]:
    questions = []
    for item in spec.questions:
        question = event_parts.add_question(
            actor=actor,
            event=event,
            data={
                "kind": item.kind,
                "label": dict(item.label),
                "help_text": dict(item.help_text),
                "choices": [choice[spec.original_language] for choice in item.choices],
                "required": item.required,
            },
        )
        if item.choices:
            # The service takes the choices in the event's language; the demo also has
            # their translations, added to the same choices (the stored answers, in the
            # original language, stay valid).
            Question.objects.filter(pk=question.pk).update(
                choices=[dict(choice) for choice in item.choices]
            )
            question.refresh_from_db()
        questions.append(question)
    return questions


# --- Registrations --------------------------------------------------------------------------


@dataclass
class Row:
    spec: DemoRegistrant
    registration: Registration
    #: The status the registration had when it was made.
    first_status: str


def _identity(
    person: DemoRegistrant, event: Event, context: Context
) -> tuple[User | None, str, str, str] | None:
    language = person.language or event.original_language
    if person.account:
        user = context.users.get(person.account)
        if user is None:
            return None
        return (
            user,
            user.full_name,
            user.email,
            person.language or user.preferred_language or language,
        )
    return None, person.name, f"{person.email_local_part}@{REGISTRANT_DOMAIN}", language


def _answers(questions: list[Question], values: tuple[Any, ...]) -> dict[str, Any]:
    return {
        str(question.pk): value
        for question, value in zip(questions, values, strict=False)
        if value not in ("", None)
    }


def _window_open(event: Event, context: Context) -> bool:
    try:
        registrations.check_window(event, context.now)
    except DomainError:
        return False
    return True


def _register(
    spec: DemoEvent, event: Event, questions: list[Question], actor: User, context: Context
) -> list[Row]:
    if event.status == EventStatus.DRAFT:
        return []
    live = _window_open(event, context)
    rows = []
    for person in spec.registrants:
        identity = _identity(person, event, context)
        if identity is None:
            continue
        user, name, email, language = identity
        answers = _answers(questions, person.answers)
        if live:
            registration = registrations.register_for_event(
                event=event,
                name=name,
                email=email,
                consent=True,
                answers=answers,
                user=user,
                language=language,
            )
        else:
            registration = _write_closed(event, user, name, email, language, person, answers)
        rows.append(Row(person, registration, str(registration.status)))
    if live:
        for row in rows:
            _settle(row, actor)
    return rows


def _write_closed(
    event: Event,
    user: User | None,
    name: str,
    email: str,
    language: str,
    person: DemoRegistrant,
    answers: dict[str, Any],
) -> Registration:
    """A registration of an event whose window has closed, as the services would have left
    it; a confirmed one takes its seat in the same transaction."""
    cleaned = registrations.clean_answers(event, answers)
    with transaction.atomic():
        if person.status == RegistrationStatus.CONFIRMED and not registrations.take_seat(event.pk):
            raise ValueError(f"The demo event {event.slug} has more registrants than seats.")
        return Registration.objects.create(
            event=event,
            user=user,
            name=registrations.clean_name(name),
            email=registrations.clean_email(email),
            language=language,
            status=person.status,
            answers=cleaned,
        )


def _settle(row: Row, actor: User) -> None:
    """Bring a registration made through the form to the demo's status."""
    registration = row.registration
    registration.refresh_from_db()
    wanted = row.spec.status
    if wanted == RegistrationStatus.CANCELLED:
        registrations.cancel_registration(registration=registration)
    elif wanted == RegistrationStatus.DECLINED:
        registrations.decline_registration(actor=actor, registration=registration)
    elif wanted == RegistrationStatus.CONFIRMED and registration.status == "pending":
        registrations.approve_registration(actor=actor, registration=registration)
    registration.refresh_from_db()


def _check_statuses(spec: DemoEvent, rows: list[Row]) -> None:
    for row in rows:
        row.registration.refresh_from_db()
        if row.registration.status != row.spec.status:
            raise ValueError(
                f"Demo event {spec.slug}: {row.registration.name} ended up "
                f"{row.registration.status}, not {row.spec.status}."
            )


def _backdate(event: Event, rows: list[Row], context: Context) -> None:
    """Registrations arrived over the days before the event (or before the load, for an
    event to come), in the order of the demo."""
    if not rows:
        return
    last = min(context.now, event.starts_at) - DAY
    gap = min(6 * HOUR, (20 * DAY) / len(rows))
    for index, row in enumerate(rows):
        when = last - (len(rows) - 1 - index) * gap
        changes: dict[str, Any] = {"created_at": when, "consent_at": when}
        if row.registration.status == row.first_status:
            changes["status_changed_at"] = when
        Registration.objects.filter(pk=row.registration.pk).update(**changes)


# --- Attendance -----------------------------------------------------------------------------


def _arrival(event: Event, day: datetime.date, half: str) -> datetime.datetime:
    """When people arrive for a half-day: a little before it starts."""
    start = datetime.time(9, 0) if half == "am" else AFTERNOON_STARTS
    begins = max(event.starts_at, datetime.datetime.combine(day, start, tzinfo=event.zone))
    return begins - datetime.timedelta(minutes=15)


def _attendance(event: Event, rows: list[Row], actor: User, context: Context) -> None:
    """Past events: the half-days each person came. An event running on the day of the load:
    the people who are already checked in."""
    if event.status == EventStatus.DRAFT:
        return
    ended = event.ends_at <= context.now
    running = (
        event.starts_at.astimezone(event.zone).date() <= _local_today(context, event.zone)
        and not ended
    )
    if not (ended or running):
        return
    half_days = event.half_days()
    for index, row in enumerate(rows):
        if row.spec.attended == () or row.registration.status != RegistrationStatus.CONFIRMED:
            continue
        if running:
            moment = max(context.now, event.starts_at)
            chosen = [attendance.half_day_at(event, moment)]
        elif isinstance(row.spec.attended, tuple):
            chosen = [half_days[number] for number in row.spec.attended]
        elif row.spec.attended == ALL:
            chosen = half_days
        else:
            raise ValueError(f"Demo event {event.slug}: unknown attendance {row.spec.attended}.")
        for day, half in chosen:
            attendance.set_attendance(
                actor=actor, registration=row.registration, day=day, half=half, present=True
            )
            if ended:
                when = _arrival(event, day, half) + (index % 25) * datetime.timedelta(minutes=1)
                Attendance.objects.filter(registration=row.registration, day=day, half=half).update(
                    checked_in_at=when
                )
