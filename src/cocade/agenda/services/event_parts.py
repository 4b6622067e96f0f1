"""The parts of an event its organisers edit beside the event itself: the timetable of
sessions, the custom questions of the registration form, the invitations of an internal
meeting and the people named as organisers.

Every function checks that the actor organises the event (anything else is 404, as for the
event), validates, writes and records the audit entry in one transaction, so that a refused
change writes nothing. The entries target the event, so that its audit trail tells the whole
story, deleted parts included; `changes` holds the part's fields before and after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda import rules
from cocade.agenda.enums import Audience, EventStatus, QuestionKind
from cocade.agenda.models import Event, EventSession, Invitation, Question, Registration
from cocade.agenda.notifications import send_invitations
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, DomainError, InvalidInput, NotFound, interpolate
from cocade.core.ordering import move_one_place

SESSION_FIELDS = ("title", "place", "starts_at", "ends_at")
QUESTION_FIELDS = ("kind", "label", "help_text", "choices", "required")
AUDITED_SESSION = ("original_language", *SESSION_FIELDS)
AUDITED_QUESTION = ("original_language", *QUESTION_FIELDS, "position")

MAX_CHOICES = 50
MAX_CHOICE_LENGTH = 200


# --- shared checks --------------------------------------------------------------------------


def _check_organiser(actor: Any, event: Event) -> None:
    if not rules.can_manage_event(actor, event):
        raise NotFound()


def _locked_event(event: Event) -> Event:
    """The event's row, locked for the rest of the transaction (its times and parts)."""
    current = Event.objects.select_for_update().filter(pk=event.pk).first()
    if current is None:
        raise NotFound()
    return current


def _unknown_fields(data: Mapping[str, Any], allowed: Sequence[str]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput(
            interpolate(
                _("These fields cannot be set: %(fields)s."), {"fields": ", ".join(unknown)}
            ),
            field=unknown[0],
        )


def _full_clean(instance: Any) -> None:
    try:
        instance.full_clean(exclude=["event"])
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error


def _record(actor: Any, action: str, event: Event, changes: dict[str, Any]) -> None:
    record_action(
        actor=actor, action=action, target=event, centre_id=event.centre_id, changes=changes
    )


def _created(values: dict[str, Any]) -> dict[str, Any]:
    return {name: {"before": None, "after": value} for name, value in values.items()}


def _deleted(values: dict[str, Any]) -> dict[str, Any]:
    return {name: {"before": value, "after": None} for name, value in values.items()}


def _local(moment: datetime, event: Event) -> str:
    return f"{moment.astimezone(event.zone):%Y-%m-%d %H:%M} ({event.timezone})"


# --- sessions -------------------------------------------------------------------------------


def _check_session(session: EventSession, event: Event) -> None:
    """Ends after it starts and lies within the event, then the model's own checks."""
    try:
        session.clean_fields(exclude=["event"])  # parses the times, names a missing one
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error
    for name in ("starts_at", "ends_at"):
        if timezone.is_naive(getattr(session, name)):
            raise InvalidInput(_("Give the time with its time zone."), field=name)
    if session.ends_at <= session.starts_at:
        raise InvalidInput(_("The session must end after it starts."), field="ends_at")
    if session.starts_at < event.starts_at:
        raise InvalidInput(
            interpolate(
                _("The session must start within the event, which starts %(start)s."),
                {"start": _local(event.starts_at, event)},
            ),
            field="starts_at",
        )
    if session.ends_at > event.ends_at:
        raise InvalidInput(
            interpolate(
                _("The session must end within the event, which ends %(end)s."),
                {"end": _local(event.ends_at, event)},
            ),
            field="ends_at",
        )
    _full_clean(session)


def add_session(*, actor: Any, event: Event, data: Mapping[str, Any]) -> EventSession:
    """A new slot of the timetable (`title`, `place`, `starts_at`, `ends_at` in UTC), written
    in the event's original language."""
    _check_organiser(actor, event)
    _unknown_fields(data, SESSION_FIELDS)
    with transaction.atomic():
        current = _locked_event(event)
        session = EventSession(event=current, original_language=current.original_language)
        for name, value in data.items():
            setattr(session, name, value)
        _check_session(session, current)
        session.save()
        _record(
            actor, "agenda.session.created", current, _created(snapshot(session, AUDITED_SESSION))
        )
    return session


def update_session(*, actor: Any, session: EventSession, data: Mapping[str, Any]) -> EventSession:
    _check_organiser(actor, session.event)
    _unknown_fields(data, SESSION_FIELDS)
    with transaction.atomic():
        current_event = _locked_event(session.event)
        current = EventSession.objects.filter(pk=session.pk, event=current_event).first()
        if current is None:
            raise NotFound()
        before = snapshot(current, AUDITED_SESSION)
        for name, value in data.items():
            setattr(current, name, value)
        _check_session(current, current_event)
        current.save()
        changed = diff(before, snapshot(current, AUDITED_SESSION))
        if changed:
            _record(actor, "agenda.session.changed", current_event, changed)
    return current


def delete_session(*, actor: Any, session: EventSession) -> None:
    _check_organiser(actor, session.event)
    with transaction.atomic():
        current_event = _locked_event(session.event)
        current = EventSession.objects.filter(pk=session.pk, event=current_event).first()
        if current is None:
            raise NotFound()
        values = snapshot(current, AUDITED_SESSION)
        current.delete()
        _record(actor, "agenda.session.deleted", current_event, _deleted(values))


# --- questions ------------------------------------------------------------------------------


def is_answered(question: Question) -> bool:
    """Whether a registration of the event holds an answer to the question."""
    return Registration.objects.filter(
        event_id=question.event_id, answers__has_key=str(question.pk)
    ).exists()


def _choices(lines: Any, language: str, existing: Sequence[Any] = ()) -> list[dict[str, str]]:
    """The choices typed one per line in the original language, as {language: text}; a choice
    whose text did not change keeps its translations."""
    if lines is None:
        lines = []
    if isinstance(lines, str):
        lines = lines.splitlines()
    if not isinstance(lines, (list, tuple)) or not all(isinstance(line, str) for line in lines):
        raise InvalidInput(_("Give the choices as lines of text."), field="choices")
    kept = {
        choice.get(language): dict(choice)
        for choice in existing
        if isinstance(choice, Mapping) and choice.get(language)
    }
    result: list[dict[str, str]] = []
    seen: set[str] = set()
    for line in lines:
        text = line.strip()
        if not text or text.casefold() in seen:
            continue
        if len(text) > MAX_CHOICE_LENGTH:
            raise InvalidInput(
                interpolate(
                    _("A choice is longer than %(max)d characters."), {"max": MAX_CHOICE_LENGTH}
                ),
                field="choices",
            )
        seen.add(text.casefold())
        result.append(kept.get(text, {language: text}))
    if len(result) > MAX_CHOICES:
        raise InvalidInput(
            interpolate(_("Offer at most %(max)d choices."), {"max": MAX_CHOICES}), field="choices"
        )
    return result


def _apply_question(question: Question, data: Mapping[str, Any]) -> None:
    for name in ("kind", "label", "help_text", "required"):
        if name in data:
            setattr(question, name, data[name])
    if question.kind not in QuestionKind.values:
        raise InvalidInput(_("Choose the type of question."), field="kind")
    if question.kind == QuestionKind.CHOICE:
        lines = (
            data["choices"]
            if "choices" in data
            else [
                choice.get(question.original_language, "")
                for choice in question.choices
                if isinstance(choice, Mapping)
            ]
        )
        question.choices = _choices(lines, question.original_language, question.choices or [])
        if not question.choices:
            raise InvalidInput(
                _("A choice question needs its choices, one per line."), field="choices"
            )
    else:
        question.choices = []
    _full_clean(question)


def add_question(*, actor: Any, event: Event, data: Mapping[str, Any]) -> Question:
    """A new question at the end of the registration form (`kind`, `label`, `help_text`,
    `choices` one per line in the event's original language, `required`)."""
    _check_organiser(actor, event)
    _unknown_fields(data, QUESTION_FIELDS)
    with transaction.atomic():
        current = _locked_event(event)
        last = current.questions.aggregate(last=Max("position"))["last"]
        question = Question(
            event=current,
            original_language=current.original_language,
            position=0 if last is None else last + 1,
        )
        _apply_question(question, data)
        question.save()
        _record(
            actor,
            "agenda.question.created",
            current,
            _created(snapshot(question, AUDITED_QUESTION)),
        )
    return question


def update_question(*, actor: Any, question: Question, data: Mapping[str, Any]) -> Question:
    """Change a question. Once someone answered it, its type stays: the answers were given to
    that type of question."""
    _check_organiser(actor, question.event)
    _unknown_fields(data, QUESTION_FIELDS)
    with transaction.atomic():
        current_event = _locked_event(question.event)
        current = Question.objects.filter(pk=question.pk, event=current_event).first()
        if current is None:
            raise NotFound()
        if "kind" in data and data["kind"] != current.kind and is_answered(current):
            raise Conflict(
                _(
                    "People have already answered this question, so its type cannot change: "
                    "their answers were given to the question as it is. Add a new question "
                    "instead."
                ),
                code="question_answered",
                field="kind",
            )
        before = snapshot(current, AUDITED_QUESTION)
        _apply_question(current, data)
        current.save()
        changed = diff(before, snapshot(current, AUDITED_QUESTION))
        if changed:
            _record(actor, "agenda.question.changed", current_event, changed)
    return current


def delete_question(*, actor: Any, question: Question) -> None:
    """Delete a question nobody has answered yet."""
    _check_organiser(actor, question.event)
    with transaction.atomic():
        current_event = _locked_event(question.event)
        current = Question.objects.filter(pk=question.pk, event=current_event).first()
        if current is None:
            raise NotFound()
        if is_answered(current):
            raise Conflict(
                _(
                    "People have already answered this question: deleting it would lose their "
                    "answers. You may make it optional instead."
                ),
                code="question_answered",
            )
        values = snapshot(current, AUDITED_QUESTION)
        current.delete()
        _record(actor, "agenda.question.deleted", current_event, _deleted(values))


def move_question(*, actor: Any, question: Question, direction: str) -> Question:
    """Move a question one place `up` or `down` in the form (the positions are renumbered
    0, 1, 2… on the way)."""
    _check_organiser(actor, question.event)
    if direction not in ("up", "down"):
        raise InvalidInput(_("Move a question up or down."), field="direction")
    with transaction.atomic():
        current_event = _locked_event(question.event)
        ordered = list(current_event.questions.order_by("position", "pk"))
        moved, before = move_one_place(ordered, question.pk, direction)
        _record(
            actor,
            "agenda.question.moved",
            current_event,
            {
                "label": {"before": moved.label, "after": moved.label},
                "position": {"before": before, "after": moved.position},
            },
        )
    return moved


# --- invitations ----------------------------------------------------------------------------


def _member_by_email(email: Any, *, message: Any) -> Any:
    """The active user with this email address who holds a role in the network."""
    text = email.strip() if isinstance(email, str) else ""
    try:
        validate_email(text)
    except ValidationError as error:
        raise InvalidInput(_("Enter a valid email address."), field="email") from error
    user = get_user_model().objects.filter(email__iexact=text, is_active=True).first()
    if user is None or not rules.is_member(user):
        raise InvalidInput(message, field="email")
    return user


def invite_member(*, actor: Any, event: Event, email: Any) -> Invitation:
    """Invite a member of the network (someone holding a role) to a meeting for invited
    people only, by their email address."""
    _check_organiser(actor, event)
    user = _member_by_email(
        email,
        message=_(
            "No member of the network has this email address: only people who hold a role "
            "in the network can be invited."
        ),
    )
    with transaction.atomic():
        current = _locked_event(event)
        if current.audience != Audience.INVITED:
            raise Conflict(
                _(
                    "Invitations are for meetings open to invited people only: change the "
                    "event's audience first."
                ),
                code="not_invited_audience",
            )
        if current.invitations.filter(user=user).exists():
            raise Conflict(
                _("This person is already invited."), code="already_invited", field="email"
            )
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(event=current, user=user, invited_by=actor)
        except IntegrityError as error:
            raise Conflict(
                _("This person is already invited."), code="already_invited", field="email"
            ) from error
        _record(
            actor,
            "agenda.invitation.created",
            current,
            {"invitee": {"before": None, "after": user.email}},
        )
        if current.status == EventStatus.PUBLISHED:
            send_invitations(current, [user])
    return invitation


def remove_invitation(*, actor: Any, invitation: Invitation) -> None:
    """Withdraw an invitation (a registration already made stays; cancel it from the list of
    registrants if needed)."""
    _check_organiser(actor, invitation.event)
    with transaction.atomic():
        current_event = _locked_event(invitation.event)
        current = (
            Invitation.objects.select_related("user")
            .filter(pk=invitation.pk, event=current_event)
            .first()
        )
        if current is None:
            raise NotFound()
        email = current.user.email
        current.delete()
        _record(
            actor,
            "agenda.invitation.deleted",
            current_event,
            {"invitee": {"before": email, "after": None}},
        )


# --- organisers -----------------------------------------------------------------------------


def add_organiser(*, actor: Any, event: Event, email: Any) -> Any:
    """Name a staff member (someone holding a role) as an organiser of the event: they run it
    and its check-in and see its registrants."""
    _check_organiser(actor, event)
    user = _member_by_email(
        email,
        message=_(
            "No member of the network has this email address: only people who hold a role "
            "in the network can organise events."
        ),
    )
    with transaction.atomic():
        current = _locked_event(event)
        if current.organisers.filter(pk=user.pk).exists():
            raise Conflict(
                _("This person is already an organiser of the event."),
                code="already_organiser",
                field="email",
            )
        current.organisers.add(user)
        _record(
            actor,
            "agenda.organiser.added",
            current,
            {"organiser": {"before": None, "after": user.email}},
        )
    return user


def remove_organiser(*, actor: Any, event: Event, user: Any) -> None:
    """No longer name `user` as an organiser (the centre's managers and the coordinators stay
    organisers through their role)."""
    _check_organiser(actor, event)
    with transaction.atomic():
        current = _locked_event(event)
        if not current.organisers.filter(pk=user.pk).exists():
            raise NotFound()
        current.organisers.remove(user)
        _record(
            actor,
            "agenda.organiser.removed",
            current,
            {"organiser": {"before": user.email, "after": None}},
        )
