"""Creating, changing, publishing, cancelling and duplicating events.

Every write checks the caller's right, validates the whole event (an event that ends before
it starts, an unknown time zone, a registration window out of order are refused, naming the
field), writes the audit entry and saves in one transaction. The capacity goes through
`registrations.set_capacity`, so that it can never drop below the confirmed registrations.
A save based on an older `lock_version` is refused as stale.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cocade.agenda import rules
from cocade.agenda.enums import Audience, EventStatus
from cocade.agenda.models import Event, EventSession, Question
from cocade.agenda.services.registrations import set_capacity
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    interpolate,
)
from cocade.core.i18n import language_codes

#: Fields a caller may set on an event (the capacity is handled apart).
EVENT_FIELDS = (
    "kind",
    "audience",
    "centre",
    "original_language",
    "title",
    "summary",
    "description",
    "site",
    "venue_name",
    "address",
    "online_url",
    "timezone",
    "starts_at",
    "ends_at",
    "languages",
    "waitlist",
    "moderation",
    "registration_opens_at",
    "registration_closes_at",
    "contact_email",
)
AUDITED = (*EVENT_FIELDS, "capacity", "status")


def _check_values(event: Event) -> None:
    """Checks beyond the model's own, each naming its field."""
    if event.timezone not in available_timezones():
        raise InvalidInput(_("Unknown time zone."), field="timezone")
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        raise InvalidInput(_("The event must end after it starts."), field="ends_at")
    if (
        event.registration_opens_at
        and event.registration_closes_at
        and event.registration_closes_at <= event.registration_opens_at
    ):
        raise InvalidInput(
            _("Registration must close after it opens."), field="registration_closes_at"
        )
    if not isinstance(event.languages, list) or any(
        code not in language_codes() for code in event.languages
    ):
        raise InvalidInput(_("Choose the languages among those offered."), field="languages")
    if event.site_id and event.centre_id and event.site.centre_id != event.centre_id:
        raise InvalidInput(_("The venue must be a site of the organising centre."), field="site")


def _check_centre(actor: Any, centre: Any) -> None:
    allowed = rules.centres_for_new_events(actor)
    if allowed is None:
        return
    if centre is None:
        raise Forbidden(_("Only network coordinators organise network events."))
    if centre.pk not in allowed:
        raise Forbidden(_("You may organise events only for the centres you manage."))


#: First path segments under /agenda/ that are pages of their own, not events.
RESERVED_SLUGS = frozenset({"mine", "registered", "registration", "feeds", "certificate"})


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title, allow_unicode=True)[:100] or "event"
    if base in RESERVED_SLUGS:
        base = f"event-{base}"
    slug = base
    while Event.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def _full_clean(event: Event) -> None:
    """Our checks first, so that their field messages win over the constraints' own."""
    _check_values(event)
    try:
        event.full_clean(exclude=["slug", "capacity"])
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error


def create_event(*, actor: Any, data: Mapping[str, Any]) -> Event:
    """A new event (a draft unless `status` says published)."""
    if not rules.can_create_events(actor):
        raise Forbidden()
    unknown = sorted(set(data) - set(EVENT_FIELDS) - {"capacity", "status"})
    if unknown:
        raise InvalidInput(
            interpolate(
                _("These fields cannot be set: %(fields)s."), {"fields": ", ".join(unknown)}
            ),
            field=unknown[0],
        )
    _check_centre(actor, data.get("centre"))
    event = Event(created_by=actor)
    for name, value in data.items():
        if name != "capacity":
            setattr(event, name, value)
    capacity = data.get("capacity")
    if capacity is not None and (not isinstance(capacity, int) or capacity < 0):
        raise InvalidInput(
            _("The capacity must be a whole number of at least 0."), field="capacity"
        )
    event.capacity = capacity
    if event.status not in EventStatus.values:
        raise InvalidInput(_("Unknown status."), field="status")
    title = event.title if isinstance(event.title, dict) else {}
    event.slug = unique_slug(title.get(event.original_language) or str(event.title_i18n) or "event")
    _full_clean(event)
    with transaction.atomic():
        event.save()
        record_action(
            actor=actor,
            action="agenda.event.created",
            target=event,
            centre_id=event.centre_id,
            changes={
                name: {"before": None, "after": value}
                for name, value in snapshot(event, AUDITED).items()
            },
        )
    return event


def _locked(event: Event, lock_version: int | None) -> Event:
    current = Event.objects.select_for_update().filter(pk=event.pk).first()
    if current is None:
        raise NotFound()
    if lock_version is not None and lock_version != current.lock_version:
        raise Conflict(
            _("This event was changed since you opened it; reload it and make your change again."),
            code="stale",
        )
    return current


def update_event(
    *, actor: Any, event: Event, changes: Mapping[str, Any], lock_version: int | None = None
) -> Event:
    """Change an event's fields (and its capacity). A refused change writes nothing."""
    if not rules.can_manage_event(actor, event):
        raise NotFound()
    unknown = sorted(set(changes) - set(EVENT_FIELDS) - {"capacity"})
    if unknown:
        raise InvalidInput(
            interpolate(
                _("These fields cannot be changed here: %(fields)s."),
                {"fields": ", ".join(unknown)},
            ),
            field=unknown[0],
        )
    with transaction.atomic():
        current = _locked(event, lock_version)
        if "centre" in changes and changes["centre"] != current.centre:
            _check_centre(actor, changes["centre"])
        before = snapshot(current, AUDITED)
        for name, value in changes.items():
            if name != "capacity":
                setattr(current, name, value)
        _full_clean(current)
        current.lock_version = F("lock_version") + 1
        current.save()
        if current.sessions.exclude(
            starts_at__gte=current.starts_at, ends_at__lte=current.ends_at
        ).exists():
            raise InvalidInput(
                _("Some sessions of the timetable fall outside these dates: move them first."),
                field="starts_at",
            )
        if "capacity" in changes:
            set_capacity(event=current, capacity=changes["capacity"])
        current.refresh_from_db()
        changed = diff(before, snapshot(current, AUDITED))
        if changed:
            record_action(
                actor=actor,
                action="agenda.event.changed",
                target=current,
                centre_id=current.centre_id,
                changes=changed,
            )
    return current


def set_event_status(*, actor: Any, event: Event, status: str) -> Event:
    """Publish, unpublish (back to draft, only without registrations) or cancel an event."""
    if not rules.can_manage_event(actor, event):
        raise NotFound()
    if status not in EventStatus.values:
        raise InvalidInput(_("Unknown status."), field="status")
    with transaction.atomic():
        current = _locked(event, None)
        if current.status == status:
            return current
        if current.status == EventStatus.CANCELLED:
            raise Conflict(_("A cancelled event cannot be reopened; duplicate it instead."))
        if status == EventStatus.DRAFT and current.registrations.exists():
            raise Conflict(_("An event with registrations cannot go back to draft."))
        Event.objects.filter(pk=current.pk).update(
            status=status, lock_version=F("lock_version") + 1, updated_at=timezone.now()
        )
        record_action(
            actor=actor,
            action=f"agenda.event.{status}",
            target=current,
            centre_id=current.centre_id,
            changes={"status": {"before": current.status, "after": status}},
        )
        if status == EventStatus.PUBLISHED and current.audience == Audience.INVITED:
            from cocade.agenda.notifications import send_invitations

            current.status = status
            invitees = [
                invitation.user for invitation in current.invitations.select_related("user")
            ]
            send_invitations(current, invitees)
        if status == EventStatus.CANCELLED:
            from cocade.agenda.services.registrations import notify

            for registration in current.registrations.active():
                notify(registration, "event_cancelled")
    current.refresh_from_db()
    return current


def duplicate_event(*, actor: Any, event: Event, starts_at: Any = None) -> Event:
    """A draft copy of an event (texts, venue, capacity, questions, timetable) without its
    registrations, moved to `starts_at` (default: one week later)."""
    if not rules.can_manage_event(actor, event):
        raise NotFound()
    _check_centre(actor, event.centre)
    shift = (starts_at - event.starts_at) if starts_at else timedelta(days=7)
    data = {name: getattr(event, name) for name in EVENT_FIELDS}
    data["starts_at"] = event.starts_at + shift
    data["ends_at"] = event.ends_at + shift
    for name in ("registration_opens_at", "registration_closes_at"):
        data[name] = getattr(event, name) + shift if getattr(event, name) else None
    data["capacity"] = event.capacity
    with transaction.atomic():
        copy = create_event(actor=actor, data=data)
        copy.duplicated_from = event
        copy.save(update_fields=["duplicated_from"])
        copy.organisers.set(event.organisers.all())
        for session in event.sessions.all():
            EventSession.objects.create(
                event=copy,
                original_language=session.original_language,
                title=session.title,
                place=session.place,
                starts_at=session.starts_at + shift,
                ends_at=session.ends_at + shift,
            )
        for question in event.questions.all():
            Question.objects.create(
                event=copy,
                original_language=question.original_language,
                position=question.position,
                kind=question.kind,
                label=question.label,
                help_text=question.help_text,
                choices=question.choices,
                required=question.required,
            )
    return copy
