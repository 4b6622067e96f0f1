"""The organisers' registrant pages: the list with its filters and row actions (approve,
decline, cancel, attendance by half-day), the CSV and XLSX exports, and mailings to the
registrants with their progress.

Only the event's organisers reach these pages (`selectors.get_event_to_manage`): anyone else
gets 404, so that the existence of an event's registrants is not revealed. Each write is one
call of a service; a refused one (wrong state, double click) answers with the reason and
writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import exports, selectors
from cocade.agenda.enums import MailingStatus, RegistrationStatus
from cocade.agenda.forms.registrants import (
    DEFAULT_ORDER,
    FILTER_KEYS,
    ORDERINGS,
    AttendanceForm,
    MailingForm,
    RegistrantActionForm,
    RegistrantFilterForm,
)
from cocade.agenda.models import Attendance, Event, EventMailing, Registration
from cocade.agenda.services import attendance as attendance_services
from cocade.agenda.services import mailings as mailing_services
from cocade.agenda.services import registrations as registration_services
from cocade.core.errors import Conflict, DomainError, Forbidden, NotFound, interpolate
from cocade.core.viewflow import forbidden, form_methods, form_view, posted

PAGE_SIZE = 100
TEMPLATES = "agenda/staff/registrants"
NOT_STARTED = _("Attendance is recorded once the event has started.")
BAD_FORMAT = _("Choose the CSV or XLSX format (format=csv or format=xlsx).")


def organiser_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (else to the sign-in page) and an organiser of event `pk` (else 404); the
    view gets the event instead of its pk."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        try:
            event = selectors.get_event_to_manage(request.user, pk)
        except NotFound as error:
            raise Http404 from error
        return view(request, event, **kwargs)

    return login_required(wrapper)


# --- the list -------------------------------------------------------------------------------


def filtered_registrations(event: Event, filters: dict[str, str]) -> QuerySet[Registration]:
    """The event's registrations that pass the filters, with `attended` and their
    attendances, in the chosen order."""
    attended = Exists(Attendance.objects.filter(registration=OuterRef("pk")))
    rows = selectors.registrations_of(event).annotate(attended=attended)
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("attended") == "yes":
        rows = rows.filter(attended=True)
    elif filters.get("attended") == "no":
        rows = rows.filter(attended=False)
    if filters.get("q"):
        text = filters["q"]
        rows = rows.filter(Q(name__icontains=text) | Q(email__icontains=text))
    fields, _label = ORDERINGS[filters.get("order") or DEFAULT_ORDER]
    return rows.order_by(*fields)


def _status_counts(event: Event) -> list[dict[str, Any]]:
    counted = {
        row["status"]: row["n"]
        for row in Registration.objects.filter(event=event)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return [
        {"value": value, "label": label, "count": counted.get(value, 0)}
        for value, label in RegistrationStatus.choices
    ]


def _parse_filters(request: HttpRequest) -> tuple[RegistrantFilterForm, dict[str, str], bool]:
    """The filter form, the valid filters and whether every filter was valid."""
    given = any(key in request.GET for key in ("q", "status", "attended", "order"))
    form = RegistrantFilterForm(request.GET if given else None)
    valid = form.is_valid() if given else True
    return form, form.filters() if given else {}, valid


def _query(filters: dict[str, str], page: int | None = None) -> str:
    values = dict(filters)
    if page and page > 1:
        values["page"] = str(page)
    return urlencode(values)


def _rows(event: Event, registrations: list[Registration], questions: list, grid: bool) -> list:
    half_days = event.half_days() if grid else []
    rows = []
    for registration in registrations:
        present = {(a.day, a.half) for a in registration.attendances.all()}
        rows.append(
            {
                "registration": registration,
                "answers": [
                    exports.answer_text(question, registration.answers or {})
                    for question in questions
                ],
                "is_active": registration.status
                in (
                    RegistrationStatus.PENDING,
                    RegistrationStatus.CONFIRMED,
                    RegistrationStatus.WAITLISTED,
                ),
                "cells": [
                    {
                        "day": day,
                        "half": half,
                        "label": exports.half_day_label(day, half),
                        "present": (day, half) in present,
                    }
                    for day, half in half_days
                ],
            }
        )
    return rows


@organiser_required
@require_safe
def registrants(request: HttpRequest, event: Event) -> HttpResponse:
    form, filters, valid = _parse_filters(request)
    questions = list(event.questions.all())
    page = Paginator(filtered_registrations(event, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    grid = event.starts_at <= timezone.now()
    query = _query(filters, page.number)
    context = {
        "event": event,
        "form": form,
        "filters": filters,
        "filter_query": _query(filters),
        "back": query,
        "page": page,
        "previous_query": _query(filters, page.number - 1) if page.has_previous() else None,
        "next_query": _query(filters, page.number + 1) if page.has_next() else None,
        "questions": [str(question.label_i18n) for question in questions],
        "rows": _rows(event, list(page.object_list), questions, grid),
        "grid": grid,
        "half_days": [exports.half_day_label(d, h) for d, h in event.half_days()] if grid else [],
        "counts": _status_counts(event),
        "total": page.paginator.count,
    }
    return render(request, f"{TEMPLATES}/list.html", context, status=200 if valid else 400)


# --- row actions ----------------------------------------------------------------------------


def _back_url(event: Event, raw: Any) -> str:
    """The list with the filters it was showing: only the known keys, rebuilt here."""
    given = QueryDict(raw if isinstance(raw, str) else "")
    kept = {key: given[key] for key in FILTER_KEYS if given.get(key)}
    url = reverse("staff_agenda:registrants", kwargs={"pk": event.pk})
    return f"{url}?{urlencode(kept)}" if kept else url


def _refused(request: HttpRequest, message: Any, back_url: str, status: int) -> HttpResponse:
    return render(
        request,
        "core/refused.html",
        {"message": message, "back_url": back_url},
        status=status,
    )


def _act(request: HttpRequest, action: Callable[[], Any], back_url: str) -> HttpResponse:
    """Call the service; its message flashes and the list shows again. A refusal (a wrong
    state, a double click) answers its status with the reason, and nothing changed."""
    try:
        message = action()
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        status = error.status if 400 <= error.status < 500 else 400
        return _refused(request, error.message, back_url, status)
    messages.success(request, message)
    return redirect(back_url)


def _registration(event: Event, registration_pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event"), event=event, pk=registration_pk
    )


def _approve(request: HttpRequest, registration: Registration) -> Any:
    done = registration_services.approve_registration(actor=request.user, registration=registration)
    return interpolate(
        _("%(name)s: %(status)s."),
        {"name": done.name, "status": done.get_status_display()},
    )


def _decline(request: HttpRequest, registration: Registration) -> Any:
    done = registration_services.decline_registration(actor=request.user, registration=registration)
    return interpolate(_("%(name)s: registration declined."), {"name": done.name})


def _cancel(request: HttpRequest, registration: Registration) -> Any:
    done, promoted = registration_services.cancel_registration(
        registration=registration, actor=request.user
    )
    if promoted:
        return interpolate(
            _("%(name)s: registration cancelled. The freed seat went to %(promoted)s."),
            {"name": done.name, "promoted": ", ".join(p.name for p in promoted)},
        )
    return interpolate(_("%(name)s: registration cancelled."), {"name": done.name})


ACTIONS = {"approve": _approve, "decline": _decline, "cancel": _cancel}


@organiser_required
@require_POST
def registrant_action(request: HttpRequest, event: Event, registration_pk: int) -> HttpResponse:
    registration = _registration(event, registration_pk)
    form = RegistrantActionForm(request.POST)
    back_url = _back_url(event, request.POST.get("back"))
    if not form.is_valid():
        return _refused(request, _("This action is not known."), back_url, 400)
    act = ACTIONS[form.cleaned_data["action"]]
    return _act(request, lambda: act(request, registration), back_url)


@organiser_required
@require_POST
def registrant_attendance(request: HttpRequest, event: Event, registration_pk: int) -> HttpResponse:
    registration = _registration(event, registration_pk)
    form = AttendanceForm(request.POST)
    back_url = _back_url(event, request.POST.get("back"))
    if not form.is_valid():
        return _refused(request, _("Choose a half-day of the event."), back_url, 400)
    if not mailing_services.has_started(event):
        return _refused(request, NOT_STARTED, back_url, Conflict.status)
    data = form.cleaned_data

    def tick() -> Any:
        present = attendance_services.set_attendance(
            actor=request.user,
            registration=registration,
            day=data["day"],
            half=data["half"],
            present=data["present"],
        )
        values = {
            "name": registration.name,
            "half_day": exports.half_day_label(data["day"], data["half"]),
        }
        if present:
            return interpolate(_("%(name)s present on %(half_day)s."), values)
        return interpolate(_("%(name)s absent on %(half_day)s."), values)

    return _act(request, tick, back_url)


# --- exports --------------------------------------------------------------------------------


@organiser_required
@require_safe
def registrants_export(request: HttpRequest, event: Event) -> HttpResponse:
    back_url = reverse("staff_agenda:registrants", kwargs={"pk": event.pk})
    file_format = request.GET.get("format", "csv")
    if file_format not in exports.FORMATS:
        return _refused(request, BAD_FORMAT, back_url, 400)
    form, filters, valid = _parse_filters(request)
    if not valid:
        return _refused(request, _("Some filters are not valid."), back_url, 400)
    questions = list(event.questions.all())
    table = exports.registrant_table(event, filtered_registrations(event, filters), questions)
    if file_format == "xlsx":
        content = exports.to_xlsx(table, title=str(_("Registrants")))
    else:
        content = exports.to_csv(table)
    exports.record_export(
        actor=request.user,
        event=event,
        file_format=file_format,
        rows=len(table.rows),
        filters={
            "status": filters.get("status", ""),
            "attended": filters.get("attended", ""),
            "order": filters.get("order", DEFAULT_ORDER),
            "search": bool(filters.get("q")),
        },
    )
    response = HttpResponse(content, content_type=exports.FORMATS[file_format])
    response["Content-Disposition"] = content_disposition_header(
        True, exports.filename(event, file_format)
    )
    return response


# --- mailings -------------------------------------------------------------------------------


@organiser_required
@form_methods
def mailing_create(request: HttpRequest, event: Event) -> HttpResponse:
    sizes = mailing_services.audience_sizes(event)
    started = mailing_services.has_started(event)
    form = MailingForm(*posted(request), sizes=sizes, started=started)
    return form_view(
        request,
        form=form,
        save=lambda: mailing_services.create_mailing(
            actor=request.user,
            event=event,
            audience=form.cleaned_data["audience"],
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        ),
        success_message=_("The mailing is queued: its progress shows below."),
        success_url=lambda mailing: reverse(
            "staff_agenda:mailing", kwargs={"pk": event.pk, "mailing_pk": mailing.pk}
        ),
        context={
            "event": event,
            "started": started,
            "mailings": EventMailing.objects.filter(event=event),
        },
        template=f"{TEMPLATES}/mailing_create.html",
    )


IN_PROGRESS = (MailingStatus.QUEUED, MailingStatus.SENDING)


@organiser_required
@require_safe
def mailing(request: HttpRequest, event: Event, mailing_pk: int) -> HttpResponse:
    """A mailing's progress: the page, or (for htmx polling) its progress fragment."""
    item = get_object_or_404(EventMailing, event=event, pk=mailing_pk)
    context = {"event": event, "mailing": item, "in_progress": item.status in IN_PROGRESS}
    template = f"{TEMPLATES}/mailing.html"
    if getattr(request, "htmx", False):
        template += "#progress"
    return render(request, template, context)
