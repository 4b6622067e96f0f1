"""Registering, cancelling, approving and promoting: the seat-keeping writes of the agenda.

A confirmed registration holds one of the event's seats. Seats are taken and given back only
here, by one conditional UPDATE of `Event.confirmed_count` (`... WHERE confirmed_count <
capacity`), inside the same transaction as the registration row: on PostgreSQL the second of
two concurrent updates waits for the first's row lock and re-checks the condition; on SQLite
the write transaction is taken at BEGIN (IMMEDIATE), so registrations are serialised. The check
constraint `agenda_event_no_overbooking` is the last guard. One active registration per email
and event is a conditional unique constraint. Emails are sent by the worker once the
transaction commits, so a refused registration sends nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda import rules
from cocade.agenda.enums import ACTIVE_STATUSES, EventStatus, QuestionKind, RegistrationStatus
from cocade.agenda.errors import (
    AlreadyCancelled,
    AlreadyRegistered,
    CapacityBelowConfirmed,
    ConsentRequired,
    EventFull,
    NotInvited,
    RegistrationClosed,
    RegistrationNotOpen,
)
from cocade.agenda.models import Event, Registration
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound, interpolate
from cocade.core.i18n import language_codes
from cocade.core.mail import emails_are_suppressed

MAX_ANSWER_LENGTH = 2000


# --- seats ----------------------------------------------------------------------------------


def take_seat(event_id: int) -> bool:
    """Take one seat if one is left; True when taken. Must run inside a transaction."""
    has_room = Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity"))
    updated = (
        Event.objects.filter(pk=event_id)
        .filter(has_room)
        .update(confirmed_count=F("confirmed_count") + 1)
    )
    return updated == 1


def release_seat(event_id: int) -> None:
    Event.objects.filter(pk=event_id, confirmed_count__gt=0).update(
        confirmed_count=F("confirmed_count") - 1
    )


# --- checks ---------------------------------------------------------------------------------


def check_window(event: Event, now: Any = None) -> None:
    now = now or timezone.now()
    if event.status != EventStatus.PUBLISHED:
        raise RegistrationClosed()
    if event.registration_opens_at and now < event.registration_opens_at:
        raise RegistrationNotOpen()
    closes = event.registration_closes_at or event.ends_at
    if now >= closes:
        raise RegistrationClosed()


def clean_email(email: Any) -> str:
    email = email.strip() if isinstance(email, str) else ""
    if len(email) > 254:
        raise InvalidInput(_("Enter a valid email address."), field="email")
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(_("Enter a valid email address."), field="email") from None
    local, _at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def clean_name(name: Any) -> str:
    name = " ".join(name.split()) if isinstance(name, str) else ""
    if not name:
        raise InvalidInput(_("Please give your name."), field="name")
    if len(name) > 150 or "\x00" in name:
        raise InvalidInput(_("The name is longer than 150 characters."), field="name")
    return name


def clean_answers(event: Event, answers: Any) -> dict[str, Any]:
    """Answers keyed by question id (as text). Unknown questions, wrong types, a choice that
    is not offered, or a missing required answer are refused, naming the question."""
    if answers is None:
        answers = {}
    if not isinstance(answers, Mapping):
        raise InvalidInput(_("The answers must be an object from question to answer."))
    questions = {str(q.pk): q for q in event.questions.all()}
    unknown = sorted(set(map(str, answers)) - set(questions))
    if unknown:
        raise InvalidInput(
            interpolate(_("Unknown question: %(id)s."), {"id": unknown[0]}), field="answers"
        )
    cleaned: dict[str, Any] = {}
    given = {str(key): value for key, value in answers.items()}
    for key, question in questions.items():
        value = given.get(key)
        label = str(question.label_i18n)
        if question.kind == QuestionKind.CONSENT:
            if value not in (None, True, False, "", "on", "true", "1"):
                raise InvalidInput(
                    interpolate(_("“%(question)s” takes yes or no."), {"question": label}),
                    field=f"q_{key}",
                )
            agreed = value in (True, "on", "true", "1")
            if question.required and not agreed:
                raise ConsentRequired(
                    interpolate(_("Please agree to “%(question)s”."), {"question": label}),
                    field=f"q_{key}",
                )
            cleaned[key] = agreed
            continue
        if value is not None and not isinstance(value, str):
            raise InvalidInput(
                interpolate(_("The answer to “%(question)s” must be a text."), {"question": label}),
                field=f"q_{key}",
            )
        value = (value or "").strip()
        if "\x00" in value or len(value) > MAX_ANSWER_LENGTH:
            raise InvalidInput(
                interpolate(
                    _("The answer to “%(question)s” is longer than %(max)d characters."),
                    {"question": label, "max": MAX_ANSWER_LENGTH},
                ),
                field=f"q_{key}",
            )
        if question.kind == QuestionKind.CHOICE and value:
            offered = choice_values(question)
            if value not in offered:
                raise InvalidInput(
                    interpolate(
                        _("“%(answer)s” is not one of the choices of “%(question)s”."),
                        {"answer": value[:80], "question": label},
                    ),
                    field=f"q_{key}",
                )
        if question.required and not value:
            raise InvalidInput(
                interpolate(_("Please answer “%(question)s”."), {"question": label}),
                field=f"q_{key}",
            )
        if value:
            cleaned[key] = value
    return cleaned


def choice_values(question: Any) -> list[str]:
    """The stored value of each choice: its text in the question's original language."""
    values = []
    for choice in question.choices or []:
        if isinstance(choice, Mapping):
            text = choice.get(question.original_language) or next(
                (t for t in choice.values() if t), ""
            )
        else:
            text = str(choice)
        values.append(text)
    return values


# --- registering ----------------------------------------------------------------------------


def register_for_event(
    *,
    event: Event,
    name: Any,
    email: Any,
    consent: Any,
    answers: Any = None,
    user: Any = None,
    language: str | None = None,
) -> Registration:
    """Register someone: confirmed if a seat is left (or pending when the organiser moderates),
    else waitlisted when the event has a waiting list, else `event_full`. Bad input, a closed
    window, a repeated email or a full event raise and write nothing."""
    if not rules.can_register(user, event):
        if event.status == EventStatus.PUBLISHED and event.audience != "public":
            raise NotInvited()
        raise RegistrationClosed()
    check_window(event)
    name = clean_name(name)
    email = clean_email(email)
    if consent is not True:
        raise ConsentRequired(field="consent")
    cleaned = clean_answers(event, answers)
    language = language if language in language_codes() else event.original_language
    if Registration.objects.active().filter(event=event, email=email).exists():
        raise AlreadyRegistered(field="email")
    now = timezone.now()
    try:
        with transaction.atomic():
            if event.moderation:
                status = RegistrationStatus.PENDING
            elif take_seat(event.pk):
                status = RegistrationStatus.CONFIRMED
            elif event.waitlist:
                status = RegistrationStatus.WAITLISTED
            else:
                raise EventFull()
            registration = Registration.objects.create(
                event=event,
                user=user if getattr(user, "is_authenticated", False) else None,
                name=name,
                email=email,
                language=language,
                status=status,
                answers=cleaned,
                consent_at=now,
                status_changed_at=now,
            )
            notify(registration, str(status))
    except IntegrityError:
        # The unique constraint saw the same email registered a moment ago; the seat taken
        # above was rolled back with the rest.
        raise AlreadyRegistered(field="email") from None
    return registration


def notify(registration: Registration, kind: str) -> None:
    """Have the worker email the registrant (in their language) once this commits."""
    from cocade.agenda.tasks import send_registration_email

    if emails_are_suppressed():
        return
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


# --- cancelling and the waiting list --------------------------------------------------------


def cancel_registration(
    *, registration: Registration, actor: Any = None
) -> tuple[Registration, list[Registration]]:
    """Cancel; a freed seat goes to the first people waiting, who are emailed. A second
    cancellation raises `already_cancelled` and changes nothing."""
    with transaction.atomic():
        now = timezone.now()
        was = (
            Registration.objects.select_for_update()
            .filter(pk=registration.pk)
            .values_list("status", flat=True)
            .first()
        )
        if was is None:
            raise NotFound()
        updated = Registration.objects.filter(
            pk=registration.pk, status__in=ACTIVE_STATUSES
        ).update(status=RegistrationStatus.CANCELLED, status_changed_at=now)
        if not updated:
            raise AlreadyCancelled()
        promoted: list[Registration] = []
        if was == RegistrationStatus.CONFIRMED:
            release_seat(registration.event_id)
            promoted = promote_waiting(registration.event_id)
        if actor is not None and getattr(actor, "is_authenticated", False):
            event = registration.event
            record_action(
                actor=actor,
                action="agenda.registration.cancelled",
                target=event,
                centre_id=event.centre_id,
                changes={"registration": registration.pk},
            )
        notify(registration, "cancelled")
    registration.refresh_from_db()
    return registration, promoted


def promote_waiting(event_id: int) -> list[Registration]:
    """Confirm waiting people, first come first served, while seats are left."""
    promoted = []
    for waiting in Registration.objects.filter(event_id=event_id).waiting_in_order():
        if not take_seat(event_id):
            break
        moved = Registration.objects.filter(
            pk=waiting.pk, status=RegistrationStatus.WAITLISTED
        ).update(status=RegistrationStatus.CONFIRMED, status_changed_at=timezone.now())
        if not moved:
            release_seat(event_id)
            continue
        waiting.status = RegistrationStatus.CONFIRMED
        notify(waiting, "promoted")
        promoted.append(waiting)
    return promoted


# --- moderation -----------------------------------------------------------------------------


def _organiser_only(actor: Any, event: Event) -> None:
    if not rules.can_manage_event(actor, event):
        raise Forbidden()


def approve_registration(*, actor: Any, registration: Registration) -> Registration:
    """A pending registration becomes confirmed, or waitlisted when full (with a waiting
    list); when full without one, `event_full` and nothing changes."""
    event = registration.event
    _organiser_only(actor, event)
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != RegistrationStatus.PENDING:
            raise Conflict(_("Only registrations awaiting approval can be approved."))
        if take_seat(event.pk):
            status = RegistrationStatus.CONFIRMED
        elif event.waitlist:
            status = RegistrationStatus.WAITLISTED
        else:
            raise EventFull()
        Registration.objects.filter(pk=current.pk).update(
            status=status, status_changed_at=timezone.now()
        )
        record_action(
            actor=actor,
            action="agenda.registration.approved",
            target=event,
            centre_id=event.centre_id,
            changes={"registration": current.pk, "status": str(status)},
        )
        notify(current, str(status))
    registration.refresh_from_db()
    return registration


def decline_registration(*, actor: Any, registration: Registration) -> Registration:
    event = registration.event
    _organiser_only(actor, event)
    with transaction.atomic():
        updated = Registration.objects.filter(
            pk=registration.pk, status=RegistrationStatus.PENDING
        ).update(status=RegistrationStatus.DECLINED, status_changed_at=timezone.now())
        if not updated:
            raise Conflict(_("Only registrations awaiting approval can be declined."))
        record_action(
            actor=actor,
            action="agenda.registration.declined",
            target=event,
            centre_id=event.centre_id,
            changes={"registration": registration.pk},
        )
        notify(registration, "declined")
    registration.refresh_from_db()
    return registration


# --- capacity -------------------------------------------------------------------------------


def set_capacity(*, event: Event, capacity: int | None) -> list[Registration]:
    """Change the capacity inside the caller's transaction. Lower than the confirmed count is
    refused (conditional UPDATE, so a registration arriving meanwhile cannot slip under it);
    more seats go to the waiting list at once."""
    if capacity is not None and (not isinstance(capacity, int) or capacity < 0):
        raise InvalidInput(
            _("The capacity must be a whole number of at least 0."), field="capacity"
        )
    rows = Event.objects.filter(pk=event.pk)
    if capacity is not None:
        rows = rows.filter(confirmed_count__lte=capacity)
    if not rows.update(capacity=capacity):
        raise CapacityBelowConfirmed(field="capacity")
    event.capacity = capacity
    return promote_waiting(event.pk)


# --- erasure --------------------------------------------------------------------------------


def delete_registration(*, registration: Registration) -> None:
    """The registrant erases their registration: its seat is freed (and offered to the waiting
    list) and the row and its attendance are deleted."""
    with transaction.atomic():
        current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if current is None:
            raise NotFound()
        if current.status == RegistrationStatus.CONFIRMED:
            Registration.objects.filter(pk=current.pk).update(status=RegistrationStatus.CANCELLED)
            release_seat(current.event_id)
            promote_waiting(current.event_id)
        current.delete()
