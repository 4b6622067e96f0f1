"""The staff pages where organisers create and run events: their list of events, the event
form, the organiser's overview (status, counts, links, audit trail), and the timetable,
questions, invitations and organisers of an event.

An event is found among those the user organises (`selectors.get_event_to_manage`): anything
else answers 404, whether it exists or not. The list is for the network's staff (403 for a
signed-in user without a role); creating an event needs `rules.can_create_events` (403). Each
write goes through one service; bad input comes back at its field (400), a conflict (someone
saved in between, a question already answered…) answers 409 with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import rules, selectors
from cocade.agenda.enums import Audience, EventStatus, RegistrationStatus
from cocade.agenda.forms.events import (
    DuplicateForm,
    EventFilterForm,
    EventForm,
    MoveForm,
    PersonForm,
    QuestionForm,
    SessionForm,
    StatusForm,
)
from cocade.agenda.models import Event, EventSession, Invitation, Question, Registration
from cocade.agenda.services import event_parts
from cocade.agenda.services import events as event_services
from cocade.agenda.services.registrations import choice_values
from cocade.core.errors import Conflict, DomainError, Forbidden, NotFound, apply_to_form
from cocade.core.models import AuditLogEntry
from cocade.core.viewflow import forbidden, form_methods, posted

TEMPLATES = "agenda/staff/events/"
AUDIT_TRAIL_LENGTH = 100

_STAFF_ONLY = _("This page is for the staff of the network; your account has no staff role.")
_CANNOT_CREATE = _("Only network coordinators and centre managers create events.")

#: What the audit trail says for each action recorded on an event.
ACTION_LABELS: dict[str, Any] = {
    "agenda.event.created": _("Event created"),
    "agenda.event.changed": _("Event changed"),
    "agenda.event.draft": _("Back to draft"),
    "agenda.event.published": _("Published"),
    "agenda.event.cancelled": _("Cancelled"),
    "agenda.session.created": _("Session added"),
    "agenda.session.changed": _("Session changed"),
    "agenda.session.deleted": _("Session deleted"),
    "agenda.question.created": _("Question added"),
    "agenda.question.changed": _("Question changed"),
    "agenda.question.deleted": _("Question deleted"),
    "agenda.question.moved": _("Question moved"),
    "agenda.invitation.created": _("Person invited"),
    "agenda.invitation.deleted": _("Invitation withdrawn"),
    "agenda.organiser.added": _("Organiser added"),
    "agenda.organiser.removed": _("Organiser removed"),
}
_FIELD_LABELS: dict[str, Any] = {
    "invitee": _("Invited person"),
    "organiser": _("Organiser"),
}
_MODEL_OF_ACTION = {"session": EventSession, "question": Question}

#: The status buttons of the overview: (from, to, label, confirmation, danger).
STATUS_ACTIONS: tuple[tuple[str, str, Any, Any, bool], ...] = (
    (
        EventStatus.DRAFT,
        EventStatus.PUBLISHED,
        _("Publish the event"),
        _("Publish the event? It will be shown to its audience and open for registration."),
        False,
    ),
    (
        EventStatus.PUBLISHED,
        EventStatus.DRAFT,
        _("Back to draft"),
        _("Take the event back to draft? Only its organisers will see it."),
        False,
    ),
    (
        EventStatus.DRAFT,
        EventStatus.CANCELLED,
        _("Cancel the event"),
        _("Cancel the event? This cannot be undone."),
        True,
    ),
    (
        EventStatus.PUBLISHED,
        EventStatus.CANCELLED,
        _("Cancel the event"),
        _("Cancel the event? Every registrant will be told by email. This cannot be undone."),
        True,
    ),
)
_STATUS_MESSAGES = {
    EventStatus.DRAFT: _("The event is a draft again."),
    EventStatus.PUBLISHED: _("The event is published."),
    EventStatus.CANCELLED: _("The event is cancelled; its registrants are being told by email."),
}


# --- helpers --------------------------------------------------------------------------------


def _event(request: HttpRequest, pk: int) -> Event:
    """An event the user organises; anything else is 404."""
    try:
        return selectors.get_event_to_manage(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _event_url(event: Event) -> str:
    return reverse("staff_agenda:event", kwargs={"pk": event.pk})


def _part_url(name: str, event: Event) -> str:
    return reverse(f"staff_agenda:{name}", kwargs={"pk": event.pk})


def _save_form(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Show `form`; on a valid POST call the service and go on. Bad input answers 400 with the
    errors at their fields, a conflict 409 with its reason (at its field, or on top with the
    typed values kept); a refusal answers 403 (404 out of scope). Nothing is written then."""
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                result = save()
            except Forbidden as error:
                return forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except Conflict as error:
                apply_to_form(form, error)
                status = 409
                context = {**context, "conflict": error.code}
            except DomainError as error:
                apply_to_form(form, error)
            else:
                messages.success(request, success_message)
                return redirect(success_url(result))
    return render(request, template, {"form": form, **context}, status=status)


def _act(
    request: HttpRequest,
    *,
    action: Callable[[], Any],
    success_message: Any,
    next_url: Callable[[Any], str],
    back_url: str,
) -> HttpResponse:
    """A POST button: call the service, flash its outcome, go on. A refusal says why: 403,
    404, or the page with the reason at the error's status (409 for a conflict)."""
    try:
        result = action()
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        return _refused(request, error.message, back_url, error.status)
    messages.success(request, success_message)
    return redirect(next_url(result))


def _refused(request: HttpRequest, message: Any, back_url: str, status: int = 400) -> HttpResponse:
    return render(
        request,
        "core/refused.html",
        {"message": message, "back_url": back_url},
        status=status if 400 <= status < 500 else 400,
    )


def _registration_count(status: str) -> Coalesce:
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def events_with_counts(user: Any) -> QuerySet[Event]:
    """The events the user organises, each with its waiting and pending registrations counted
    in the same query (the confirmed ones are counted on the event itself)."""
    return (
        selectors.events_organised_by(user)
        .annotate(
            waiting=_registration_count(RegistrationStatus.WAITLISTED),
            pending=_registration_count(RegistrationStatus.PENDING),
        )
        .order_by("starts_at", "pk")
    )


def _field_label(model: Any, name: str) -> str:
    if name in _FIELD_LABELS:
        return str(_FIELD_LABELS[name])
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(capfirst(field.verbose_name))


def _plain_text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if value is True:
        return str(_("yes"))
    if value is False:
        return str(_("no"))
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_plain_text(item) for item in value)
    return str(value)


def audit_trail(event: Event) -> list[dict[str, Any]]:
    """What happened to the event and its parts, latest first, with the changed values."""
    entries = (
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Event, for_concrete_model=False),
            object_id=str(event.pk),
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:AUDIT_TRAIL_LENGTH]
    )
    trail = []
    for entry in entries:
        part = entry.action.split(".")[1] if entry.action.count(".") == 2 else "event"
        model = _MODEL_OF_ACTION.get(part, Event)
        changes = []
        if isinstance(entry.changes, dict):
            for name, change in entry.changes.items():
                if isinstance(change, dict) and ("before" in change or "after" in change):
                    before, after = change.get("before"), change.get("after")
                else:
                    before, after = None, change
                changes.append(
                    {
                        "field": _field_label(model, str(name)),
                        "before": _plain_text(before),
                        "after": _plain_text(after),
                    }
                )
        trail.append(
            {
                "entry": entry,
                "label": ACTION_LABELS.get(entry.action, entry.action),
                "changes": changes,
            }
        )
    return trail


def _status_actions(event: Event) -> list[dict[str, Any]]:
    return [
        {"status": target, "label": label, "confirm": confirm, "danger": danger}
        for current, target, label, confirm, danger in STATUS_ACTIONS
        if current == event.status
    ]


def _counts(event: Event) -> dict[str, int]:
    rows = (
        Registration.objects.filter(event=event)
        .order_by()
        .values("status")
        .annotate(total=Count("pk"))
    )
    counts = dict.fromkeys(RegistrationStatus.values, 0)
    counts.update({row["status"]: row["total"] for row in rows})
    return counts


# --- the list of events ---------------------------------------------------------------------


@login_required
@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not rules.is_member(user):
        return forbidden(request, _STAFF_ONLY)
    form = EventFilterForm(request.GET or None)
    events = events_with_counts(user)
    status = 200
    if form.is_bound:
        if form.is_valid():
            if form.cleaned_data["status"]:
                events = events.filter(status=form.cleaned_data["status"])
            if form.cleaned_data["kind"]:
                events = events.filter(kind=form.cleaned_data["kind"])
        else:
            status = 400
    now = timezone.now()
    rows = list(events)
    upcoming = [event for event in rows if event.ends_at >= now]
    past = [event for event in reversed(rows) if event.ends_at < now]
    return render(
        request,
        f"{TEMPLATES}list.html",
        {
            "form": form,
            "upcoming": upcoming,
            "past": past,
            "can_create": rules.can_create_events(user),
            "filtered": form.is_bound,
        },
        status=status,
    )


# --- the event form -------------------------------------------------------------------------


@login_required
@form_methods
def event_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not rules.is_member(user):
        return forbidden(request, _STAFF_ONLY)
    if not rules.can_create_events(user):
        return forbidden(request, _CANNOT_CREATE)
    form = EventForm(*posted(request), allowed_centres=rules.centres_for_new_events(user))
    return _save_form(
        request,
        form=form,
        save=lambda: event_services.create_event(actor=user, data=form.data_for_service()),
        success_message=_("The event was saved as a draft. Publish it when it is ready."),
        success_url=_event_url,
        template=f"{TEMPLATES}form.html",
        context={
            "title": _("New event"),
            "submit_label": _("Save the draft"),
            "back_url": reverse("staff_agenda:events"),
        },
    )


@login_required
@form_methods
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    user = request.user
    form = EventForm(
        *posted(request), allowed_centres=rules.centres_for_new_events(user), event=event
    )
    return _save_form(
        request,
        form=form,
        save=lambda: event_services.update_event(
            actor=user,
            event=event,
            changes=form.data_for_service(),
            lock_version=form.started_from(),
        ),
        success_message=_("The event was saved."),
        success_url=_event_url,
        template=f"{TEMPLATES}form.html",
        context={
            "title": _("Edit the event"),
            "event": event,
            "submit_label": _("Save"),
            "back_url": _event_url(event),
        },
    )


# --- the organiser's overview ---------------------------------------------------------------


@login_required
@require_safe
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    counts = _counts(event)
    return render(
        request,
        f"{TEMPLATES}detail.html",
        {
            "event": event,
            "counts": counts,
            "has_registrations": any(counts.values()),
            "status_actions": _status_actions(event),
            "can_duplicate": rules.can_create_events(request.user),
            "duplicate_form": DuplicateForm(),
            "sessions": list(event.sessions.all()),
            "questions": list(event.questions.all()),
            "invitation_count": event.invitations.count(),
            "organisers": list(event.organisers.order_by("email")),
            "trail": audit_trail(event),
            "trail_length": AUDIT_TRAIL_LENGTH,
        },
    )


@login_required
@require_POST
def event_status(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    back_url = _event_url(event)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Choose the new status of the event."), back_url)
    status = form.cleaned_data["status"]
    return _act(
        request,
        action=lambda: event_services.set_event_status(
            actor=request.user, event=event, status=status
        ),
        success_message=_STATUS_MESSAGES[EventStatus(status)],
        next_url=lambda result: back_url,
        back_url=back_url,
    )


@login_required
@require_POST
def event_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    back_url = _event_url(event)
    if not rules.can_create_events(request.user):
        return forbidden(request, _CANNOT_CREATE)
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Enter the new start date as a date."), back_url)
    try:
        starts_at = form.starts_at(event)
    except ValidationError as error:
        return _refused(request, error.messages[0], back_url)
    return _act(
        request,
        action=lambda: event_services.duplicate_event(
            actor=request.user, event=event, starts_at=starts_at
        ),
        success_message=_("The copy was saved as a draft: check it, then publish it."),
        next_url=lambda copy: reverse("staff_agenda:event_edit", kwargs={"pk": copy.pk}),
        back_url=back_url,
    )


# --- the timetable --------------------------------------------------------------------------


def _session(event: Event, session_pk: int) -> EventSession:
    session = event.sessions.filter(pk=session_pk).first()
    if session is None:
        raise Http404
    return session


@login_required
@form_methods
def session_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = SessionForm(*posted(request), event=event)
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.add_session(
            actor=request.user, event=event, data=form.data_for_service()
        ),
        success_message=_("The session was added to the timetable."),
        success_url=lambda session: _part_url("event_sessions", event),
        template=f"{TEMPLATES}sessions.html",
        context={"event": event, "sessions": list(event.sessions.all())},
    )


@login_required
@form_methods
def session_edit(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    event = _event(request, pk)
    session = _session(event, session_pk)
    form = SessionForm(*posted(request), event=event, session=session)
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.update_session(
            actor=request.user, session=session, data=form.data_for_service()
        ),
        success_message=_("The session was saved."),
        success_url=lambda result: _part_url("event_sessions", event),
        template=f"{TEMPLATES}part_form.html",
        context={
            "event": event,
            "title": _("Edit the session"),
            "submit_label": _("Save"),
            "back_url": _part_url("event_sessions", event),
        },
    )


@login_required
@require_POST
def session_delete(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    event = _event(request, pk)
    session = _session(event, session_pk)
    back_url = _part_url("event_sessions", event)
    return _act(
        request,
        action=lambda: event_parts.delete_session(actor=request.user, session=session),
        success_message=_("The session was deleted."),
        next_url=lambda result: back_url,
        back_url=back_url,
    )


# --- the questions --------------------------------------------------------------------------


def _question(event: Event, question_pk: int) -> Question:
    question = event.questions.filter(pk=question_pk).first()
    if question is None:
        raise Http404
    return question


@login_required
@form_methods
def question_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = QuestionForm(*posted(request), event=event)
    questions = list(event.questions.all())
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.add_question(
            actor=request.user, event=event, data=form.data_for_service()
        ),
        success_message=_("The question was added to the registration form."),
        success_url=lambda question: _part_url("event_questions", event),
        template=f"{TEMPLATES}questions.html",
        context={
            "event": event,
            "rows": [
                {
                    "question": question,
                    "choices": choice_values(question),
                    "answered": event_parts.is_answered(question),
                }
                for question in questions
            ],
        },
    )


@login_required
@form_methods
def question_edit(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = _event(request, pk)
    question = _question(event, question_pk)
    form = QuestionForm(*posted(request), event=event, question=question)
    answered = event_parts.is_answered(question)
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.update_question(
            actor=request.user, question=question, data=form.data_for_service()
        ),
        success_message=_("The question was saved."),
        success_url=lambda result: _part_url("event_questions", event),
        template=f"{TEMPLATES}part_form.html",
        context={
            "event": event,
            "title": _("Edit the question"),
            "intro": (
                _(
                    "People have already answered this question: its type can no longer "
                    "change, and it cannot be deleted."
                )
                if answered
                else None
            ),
            "submit_label": _("Save"),
            "back_url": _part_url("event_questions", event),
        },
    )


@login_required
@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = _event(request, pk)
    question = _question(event, question_pk)
    back_url = _part_url("event_questions", event)
    return _act(
        request,
        action=lambda: event_parts.delete_question(actor=request.user, question=question),
        success_message=_("The question was deleted."),
        next_url=lambda result: back_url,
        back_url=back_url,
    )


@login_required
@require_POST
def question_move(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = _event(request, pk)
    question = _question(event, question_pk)
    back_url = _part_url("event_questions", event)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Move the question up or down."), back_url)
    direction = form.cleaned_data["direction"]
    return _act(
        request,
        action=lambda: event_parts.move_question(
            actor=request.user, question=question, direction=direction
        ),
        success_message=_("The question was moved."),
        next_url=lambda result: back_url,
        back_url=back_url,
    )


# --- invitations ----------------------------------------------------------------------------


@login_required
@form_methods
def invitation_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = PersonForm(*posted(request))
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.invite_member(
            actor=request.user, event=event, email=form.cleaned_data["email"]
        ),
        success_message=_("The person is invited."),
        success_url=lambda invitation: _part_url("event_invitations", event),
        template=f"{TEMPLATES}invitations.html",
        context={
            "event": event,
            "is_invited_audience": event.audience == Audience.INVITED,
            "invitations": list(
                event.invitations.select_related("user", "invited_by").order_by("user__email")
            ),
        },
    )


@login_required
@require_POST
def invitation_delete(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    event = _event(request, pk)
    invitation: Invitation | None = event.invitations.filter(pk=invitation_pk).first()
    if invitation is None:
        raise Http404
    back_url = _part_url("event_invitations", event)
    return _act(
        request,
        action=lambda: event_parts.remove_invitation(actor=request.user, invitation=invitation),
        success_message=_("The invitation was withdrawn."),
        next_url=lambda result: back_url,
        back_url=back_url,
    )


# --- organisers -----------------------------------------------------------------------------


@login_required
@form_methods
def organiser_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = PersonForm(*posted(request))
    return _save_form(
        request,
        form=form,
        save=lambda: event_parts.add_organiser(
            actor=request.user, event=event, email=form.cleaned_data["email"]
        ),
        success_message=_("The person is now an organiser of the event."),
        success_url=lambda user: _part_url("event_organisers", event),
        template=f"{TEMPLATES}organisers.html",
        context={"event": event, "organisers": list(event.organisers.order_by("email"))},
    )


@login_required
@require_POST
def organiser_remove(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    event = _event(request, pk)
    person = event.organisers.filter(pk=user_pk).first()
    if person is None:
        raise Http404
    back_url = _part_url("event_organisers", event)
    user = request.user

    def next_url(result: Any) -> str:
        # Someone who removed themselves may no longer organise the event.
        return back_url if rules.can_manage_event(user, event) else reverse("staff_agenda:events")

    return _act(
        request,
        action=lambda: event_parts.remove_organiser(actor=user, event=event, user=person),
        success_message=_("The person is no longer named as an organiser."),
        next_url=next_url,
        back_url=back_url,
    )
