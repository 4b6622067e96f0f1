"""Check-in at the door, for an event's organisers (anyone else: 404).

The page works on a phone: the camera reads the registrant's QR code (agenda-checkin.js with
jsQR) and posts the code to `check_in_scan`, which answers JSON to a script and a page to a
plain form; the code can also be typed or pasted. A name search (htmx, plain GET without
script) lists the confirmed registrants with a "Check in" button each. Every check-in goes
through `services.attendance.check_in`: a second one records nothing and says when the person
was checked in; a refusal (altered code, another event's code, a registration that is not
confirmed, a time outside the event) writes nothing and answers 400 or 409 with the reason.
The attendance sheet PDF is here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import pdf, selectors, tokens
from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.errors import BadToken, NotConfirmed, WrongEvent
from cocade.agenda.models import Event, Registration
from cocade.agenda.services import attendance as services
from cocade.core.errors import DomainError, Forbidden, NotFound, interpolate

#: Shortest name search, and most results shown.
MIN_QUERY = 2
MAX_RESULTS = 25

CHECKED_IN = "checked_in"
ALREADY = "already"
REFUSED = "refused"

BAD_CODE = _("This code is not valid: it was altered, or its registration no longer exists.")


# --- Helpers ------------------------------------------------------------------------------


def _event(request: HttpRequest, pk: int) -> Event:
    try:
        return selectors.get_event_to_manage(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _current_half_day(event: Event, now: datetime | None = None) -> tuple[date, str] | None:
    """The half-day of the event happening now, or None outside the event."""
    key = services.half_day_at(event, now or timezone.now())
    return key if key in event.half_days() else None


def _local_time(event: Event, moment: datetime) -> str:
    return date_format(moment.astimezone(event.zone), "TIME_FORMAT")


@dataclass
class Counts:
    present: int | None  # None outside the event's half-days
    confirmed: int


def _counts(event: Event, half_day: tuple[date, str] | None) -> Counts:
    confirmed = selectors.registrations_of(event).confirmed()
    present = None
    if half_day is not None:
        day, half = half_day
        present = confirmed.filter(attendances__day=day, attendances__half=half).count()
    return Counts(present=present, confirmed=confirmed.count())


def _half_day_label(half_day: tuple[date, str] | None) -> str:
    if half_day is None:
        return ""
    day, half = half_day
    return str(
        interpolate(
            _("%(date)s, %(half)s"),
            {"date": date_format(day, "DATE_FORMAT"), "half": pdf.half_day_label(half)},
        )
    )


@dataclass
class Row:
    """A confirmed registrant in the name search, with their state for the current half-day."""

    registration: Registration
    present_at: str  # local time of their check-in for the current half-day, or ""
    half_days: int  # half-days attended so far


def _row(registration: Registration, half_day: tuple[date, str] | None) -> Row:
    event = registration.event
    attendances = list(registration.attendances.all())
    present_at = ""
    for attendance in attendances:
        if half_day is not None and (attendance.day, attendance.half) == half_day:
            present_at = _local_time(event, attendance.checked_in_at)
    return Row(registration=registration, present_at=present_at, half_days=len(attendances))


def _search(event: Event, query: str, half_day: tuple[date, str] | None) -> list[Row]:
    matches = (
        selectors.registrations_of(event)
        .confirmed()
        .filter(Q(name__icontains=query) | Q(email__icontains=query))
        .select_related("event")
        .order_by("name", "pk")[:MAX_RESULTS]
    )
    return [_row(registration, half_day) for registration in matches]


def _query(request: HttpRequest) -> str:
    value = request.GET.get("q", "") if request.method == "GET" else request.POST.get("q", "")
    return value.strip()[:100]


def _results_context(event: Event, query: str, half_day: tuple[date, str] | None) -> dict:
    searched = len(query) >= MIN_QUERY
    return {
        "q": query,
        "searched": searched,
        "too_short": bool(query) and not searched,
        "min_query": MIN_QUERY,
        "rows": _search(event, query, half_day) if searched else [],
    }


def _page_context(request: HttpRequest, event: Event, query: str = "") -> dict[str, Any]:
    half_day = _current_half_day(event)
    return {
        "event": event,
        "half_day": half_day,
        "half_day_label": _half_day_label(half_day),
        "counts": _counts(event, half_day),
        **_results_context(event, query, half_day),
    }


def _wants_json(request: HttpRequest) -> bool:
    """A script asked (Accept: application/json, or a fetch() call, which browsers mark
    `Sec-Fetch-Dest: empty`), not a form sent by the browser."""
    if getattr(request, "htmx", False):
        return False
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.headers.get("Sec-Fetch-Dest") == "empty"


# --- Outcome of a check-in ----------------------------------------------------------------


@dataclass
class Outcome:
    status: str  # CHECKED_IN, ALREADY or REFUSED
    message: Any
    http_status: int = 200
    registration: Registration | None = None
    checked_in_at: datetime | None = None

    @property
    def name(self) -> str:
        return self.registration.name if self.registration is not None else ""

    def as_json(self, event: Event, counts: Counts) -> dict[str, Any]:
        moment = self.checked_in_at.astimezone(event.zone) if self.checked_in_at else None
        return {
            "status": self.status,
            "message": str(self.message),
            "name": self.name,
            "checked_in_at": moment.isoformat() if moment else None,
            "present": counts.present,
            "confirmed": counts.confirmed,
        }


def _refused(message: Any, status: int, registration: Registration | None = None) -> Outcome:
    return Outcome(status=REFUSED, message=message, http_status=status, registration=registration)


def _check_in(request: HttpRequest, registration: Registration) -> Outcome:
    event = registration.event
    try:
        attendance, created = services.check_in(actor=request.user, registration=registration)
    except NotConfirmed:
        status = RegistrationStatus(registration.status).label
        message = interpolate(
            _(
                "Not checked in: the registration of %(name)s is “%(status)s”. Only confirmed "
                "registrations can be checked in."
            ),
            {"name": registration.name, "status": status},
        )
        return _refused(message, NotConfirmed.status, registration)
    except Forbidden as error:
        return _refused(error.message, error.status)
    except DomainError as error:
        status = error.status if 400 <= error.status < 500 else 400
        return _refused(error.message, status, registration)
    at = _local_time(event, attendance.checked_in_at)
    if created:
        message = interpolate(_("Checked in: %(name)s"), {"name": registration.name})
        status = CHECKED_IN
    else:
        message = interpolate(
            _("%(name)s: already checked in at %(time)s"),
            {"name": registration.name, "time": at},
        )
        status = ALREADY
    return Outcome(
        status=status,
        message=message,
        registration=registration,
        checked_in_at=attendance.checked_in_at,
    )


def _scan(request: HttpRequest, event: Event, raw: Any) -> Outcome:
    try:
        registration = tokens.read_check_in_token(raw, event)
    except BadToken:
        return _refused(BAD_CODE, BadToken.status)
    except WrongEvent as error:
        return _refused(error.message, 409)
    if registration.anonymised_at is not None:
        return _refused(BAD_CODE, BadToken.status)
    return _check_in(request, registration)


def _flash(request: HttpRequest, outcome: Outcome) -> None:
    if outcome.status == CHECKED_IN:
        messages.success(request, str(outcome.message))
    elif outcome.status == ALREADY:
        messages.warning(request, str(outcome.message))
    else:
        messages.error(request, str(outcome.message))


def _page_url(event: Event, query: str = "") -> str:
    url = reverse("staff_agenda:check_in", kwargs={"pk": event.pk})
    return f"{url}?{urlencode({'q': query})}" if query else url


# --- Views --------------------------------------------------------------------------------


@login_required
@require_safe
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in page; `?q=` shows the name search's results without script."""
    event = _event(request, pk)
    return render(
        request, "agenda/checkin/page.html", _page_context(request, event, _query(request))
    )


@login_required
@require_POST
def check_in_scan(request: HttpRequest, pk: int) -> HttpResponse:
    """POST `token` (the content of the QR code): JSON for a script, else back to the page."""
    event = _event(request, pk)
    outcome = _scan(request, event, request.POST.get("token", ""))
    if _wants_json(request):
        counts = _counts(event, _current_half_day(event))
        return JsonResponse(outcome.as_json(event, counts), status=outcome.http_status)
    if outcome.status == REFUSED:
        context = {**_page_context(request, event), "outcome": outcome}
        return render(request, "agenda/checkin/page.html", context, status=outcome.http_status)
    _flash(request, outcome)
    return redirect(_page_url(event))


@login_required
@require_safe
def check_in_search(request: HttpRequest, pk: int) -> HttpResponse:
    """The name search's results (an htmx fragment; the whole page without htmx)."""
    event = _event(request, pk)
    query = _query(request)
    if not getattr(request, "htmx", False):
        return redirect(_page_url(event, query))
    half_day = _current_half_day(event)
    context = {"event": event, "half_day": half_day, **_results_context(event, query, half_day)}
    return render(request, "agenda/checkin/_results.html", context)


@login_required
@require_safe
def check_in_counts(request: HttpRequest, pk: int) -> HttpResponse:
    """Present this half-day / confirmed, polled by the page so that several phones agree."""
    event = _event(request, pk)
    half_day = _current_half_day(event)
    context = {
        "event": event,
        "half_day": half_day,
        "half_day_label": _half_day_label(half_day),
        "counts": _counts(event, half_day),
    }
    return render(request, "agenda/checkin/_counts.html", context)


@login_required
@require_POST
def check_in_person(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """The "Check in" button of a name in the search results."""
    event = _event(request, pk)
    registration = (
        selectors.registrations_of(event).select_related("event").filter(pk=registration_pk).first()
    )
    if registration is None or registration.anonymised_at is not None:
        raise Http404
    outcome = _check_in(request, registration)
    half_day = _current_half_day(event)
    counts = _counts(event, half_day)
    if getattr(request, "htmx", False):
        registration = (
            selectors.registrations_of(event).select_related("event").get(pk=registration.pk)
        )
        context = {
            "event": event,
            "outcome": outcome,
            "row": _row(registration, half_day),
            "half_day": half_day,
            "half_day_label": _half_day_label(half_day),
            "counts": counts,
            "q": _query(request),
        }
        return render(
            request, "agenda/checkin/_person_answer.html", context, status=outcome.http_status
        )
    if _wants_json(request):
        return JsonResponse(outcome.as_json(event, counts), status=outcome.http_status)
    query = _query(request)
    if outcome.status == REFUSED:
        return render(
            request,
            "core/refused.html",
            {"message": outcome.message, "back_url": _page_url(event, query)},
            status=outcome.http_status,
        )
    _flash(request, outcome)
    return redirect(_page_url(event, query))


@login_required
@require_safe
def attendance_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """The attendance sheet PDF: confirmed registrants by name, a column per half-day."""
    event = _event(request, pk)
    response = HttpResponse(pdf.attendance_sheet_pdf(event), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{event.slug}-attendance.pdf"
    )
    return response
