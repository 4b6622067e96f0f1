"""The candidates' pages of a speed recruitment; no account is needed.

The offers page lists the companies of a published speed recruitment that the reader may see
(the agenda's `can_view_event`; anything else answers 404), with their offers and filters by
sector and contract, and invites to apply while applications are open. The application form
calls `services.candidates.register_candidate`; its refusals are shown at their field (400
for bad input, 409 for a conflict such as applications closed or an email already
registered), and nothing is written.

The candidate's page is opened by the signed link of the agenda registration
(`agenda.tokens.manage_token`) that every email carries: their applications and what became of
them, changing their choices while applications are open, withdrawing, erasing their data,
and once the schedule is published their timetable with the QR code of arrival, as a PDF and
as a calendar file. A tampered or outdated link answers 400; a registration that is not a
candidate's, 404. These pages hold personal data: they are never cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format, time_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cocade.agenda import calendar, qr
from cocade.agenda.enums import ACTIVE_STATUSES, EventKind, EventStatus, RegistrationStatus
from cocade.agenda.errors import AlreadyCancelled, AlreadyRegistered, BadToken
from cocade.agenda.notifications import when_text
from cocade.agenda.rules import can_view_event
from cocade.agenda.tokens import MANAGE, check_in_token, manage_token, read_token
from cocade.core.errors import Conflict, DomainError, NotFound
from cocade.core.viewflow import posted
from cocade.recruitment.enums import ApplicationStatus
from cocade.recruitment.forms_candidates import (
    ApplicationForm,
    ChangeChoicesForm,
    OfferFilterForm,
)
from cocade.recruitment.models import Candidate, Company, Offer, RecruitmentDay
from cocade.recruitment.notifications_candidates import ICS_FILENAME, interviews_ics
from cocade.recruitment.services import candidates as services
from cocade.recruitment.services.retention import cv_retention_days

form_methods = require_http_methods(["GET", "HEAD", "POST"])

STATE_MESSAGES: dict[str, Any] = {
    "open": _("Applications are open."),
    "not_open": _("Applications are not open yet: the organisers are still inviting companies."),
    "closed": _("Applications are closed."),
}
STATUS_WORDS: dict[str, Any] = {
    ApplicationStatus.APPLIED: _("Sent: the company has not decided yet."),
    ApplicationStatus.SHORTLISTED: _("Pre-selected: the company wants to meet you."),
    ApplicationStatus.REJECTED: _("Not retained this time."),
    ApplicationStatus.WITHDRAWN: _("Withdrawn."),
}
ALREADY_APPLIED = _(
    "This email address has already applied to this speed recruitment. Open the link in the "
    "email we sent you to see or change your choices."
)


def see_other(url: str) -> HttpResponseRedirect:
    """The redirect after a successful POST (303: the browser follows it with a GET)."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _error_status(error: DomainError) -> int:
    if isinstance(error, Conflict):
        return 409
    return 403 if error.status == 403 else 400


# --- the event ------------------------------------------------------------------------------


def _public_day(request: HttpRequest, slug: str) -> RecruitmentDay:
    day = (
        RecruitmentDay.objects.select_related("event", "event__centre", "event__site")
        .filter(
            event__slug=slug,
            event__kind=EventKind.SPEED_RECRUITMENT,
            event__status=EventStatus.PUBLISHED,
        )
        .first()
    )
    if day is None or not can_view_event(request.user, day.event):
        raise Http404
    return day


def _closing(day: RecruitmentDay) -> Any:
    if day.applications_close_at is None:
        return ""
    local = day.applications_close_at.astimezone(day.event.zone)
    return _("Applications close on %(date)s at %(time)s (%(zone)s time).") % {
        "date": date_format(local, "DATE_FORMAT"),
        "time": time_format(local, "TIME_FORMAT"),
        "zone": day.event.timezone,
    }


def day_context(day: RecruitmentDay) -> dict[str, Any]:
    """What every candidate page says of the event and of where applications stand."""
    state = services.application_state(day)
    return {
        "day": day,
        "event": day.event,
        "title": day.event.title_i18n,
        "when": when_text(day.event),
        "place": calendar.location_of(day.event),
        "state": state,
        "state_message": STATE_MESSAGES[state],
        "closing": _closing(day) if state == "open" else "",
    }


def companies_of(day: RecruitmentDay, *, sector: str = "", contract: str = "") -> list[Company]:
    """The day's companies with their offers; with a contract, only the companies offering
    one and only those offers."""
    companies = Company.objects.filter(day=day)
    offers = Offer.objects.order_by("title", "pk")
    if sector:
        companies = companies.filter(sector=sector)
    if contract:
        companies = companies.filter(offers__contract=contract).distinct()
        offers = offers.filter(contract=contract)
    return list(companies.prefetch_related(Prefetch("offers", queryset=offers)))


def sectors_of(day: RecruitmentDay) -> list[str]:
    sectors = Company.objects.filter(day=day).exclude(sector="").values_list("sector", flat=True)
    return sorted(set(sectors), key=str.casefold)


@require_safe
def offers(request: HttpRequest, slug: str) -> HttpResponse:
    day = _public_day(request, slug)
    form = OfferFilterForm(request.GET or None, sectors=sectors_of(day))
    values = form.valid_values()
    companies = companies_of(
        day, sector=values.get("sector", ""), contract=values.get("contract", "")
    )
    context = {
        **day_context(day),
        "form": form,
        "companies": companies,
        "offer_count": sum(len(company.offers.all()) for company in companies),
        "has_filters": bool(values),
    }
    status = 400 if form.errors else 200
    return render(request, "recruitment/public/offers.html", context, status=status)


@never_cache
@form_methods
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    day = _public_day(request, slug)
    context = day_context(day)
    if context["state"] != "open":
        status = 409 if request.method == "POST" else 200
        return render(request, "recruitment/public/apply.html", context, status=status)
    companies = companies_of(day)
    form = ApplicationForm(*posted(request, files=True), day=day, companies=companies)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                candidate = _register(request, day, form)
            except DomainError as error:
                form.show_error(error)
                status = _error_status(error)
            else:
                messages.success(
                    request,
                    _(
                        "Your application is received. We have emailed you the link to this "
                        "page: keep it to follow your applications."
                    ),
                )
                token = manage_token(candidate.registration)
                return see_other(reverse("recruitment:candidate", kwargs={"token": token}))
    context.update(form=form, companies=companies)
    return render(request, "recruitment/public/apply.html", context, status=status)


def _register(request: HttpRequest, day: RecruitmentDay, form: ApplicationForm) -> Candidate:
    data = form.cleaned_data
    try:
        return services.register_candidate(
            day,
            name=data["name"],
            email=data["email"],
            consent=data["consent"],
            phone=data["phone"],
            profile=data["profile"],
            windows=form.windows(),
            cv=data["cv"],
            choices=form.choices(),
            language=get_language(),
            user=request.user,
        )
    except AlreadyRegistered:
        raise AlreadyRegistered(ALREADY_APPLIED, field="email") from None


# --- the candidate's pages ------------------------------------------------------------------


def bad_token(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(
        request, "recruitment/public/bad_token.html", {"message": error.message}, status=400
    )


def candidate_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open the candidate of the signed link: 400 for a bad link, 404 when the registration
    is not a candidate's."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        try:
            registration = read_token(token, MANAGE)
        except BadToken as error:
            return bad_token(request, error)
        candidate = (
            Candidate.objects.select_related(
                "registration", "day__event__centre", "day__event__site"
            )
            .filter(registration=registration)
            .first()
        )
        if candidate is None:
            raise Http404
        return view(request, candidate, token)

    return wrapper


def _chosen_values(applications: list[Any]) -> list[str]:
    return [
        f"o{application.offer_id}" if application.offer_id else f"c{application.company_id}"
        for application in applications
        if application.status != ApplicationStatus.WITHDRAWN
    ]


def _availability_text(candidate: Candidate) -> Any:
    choice = services.availability_of(candidate.day, candidate.windows)
    if choice is not None:
        return services.Availability(choice).label
    return ", ".join(f"{w.get('start', '')}–{w.get('end', '')}" for w in candidate.windows)


def candidate_page(
    request: HttpRequest,
    candidate: Candidate,
    token: str,
    *,
    form: ChangeChoicesForm | None = None,
    notice: Any = "",
    status: int = 200,
) -> HttpResponse:
    day = candidate.day
    registration = candidate.registration
    context = day_context(day)
    applications = services.applications_of(candidate)
    is_active = registration.status in ACTIVE_STATUSES
    may_change = is_active and context["state"] == "open"
    if form is None and may_change:
        form = ChangeChoicesForm(
            day=day,
            companies=companies_of(day),
            chosen=_chosen_values(applications),
            windows=candidate.windows,
        )
    published = day.schedule_published_at is not None
    show_qr = published and registration.status == RegistrationStatus.CONFIRMED
    context.update(
        candidate=candidate,
        registration=registration,
        token=token,
        notice=notice,
        is_active=is_active,
        applications=[(a, STATUS_WORDS[a.status]) for a in applications],
        availability=_availability_text(candidate),
        form=form if may_change else None,
        published=published,
        timetable=services.timetable_of(candidate) if published else [],
        qr_code=mark_safe(qr.qr_svg(check_in_token(registration))) if show_qr else "",  # noqa: S308 - our SVG
        retention_months=settings.COCADE_REGISTRATION_RETENTION_MONTHS,
        cv_days=cv_retention_days(),
    )
    return render(request, "recruitment/public/candidate.html", context, status=status)


@never_cache
@require_safe
@candidate_view
def candidate(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    return candidate_page(request, candidate, token)


@never_cache
@require_POST
@candidate_view
def candidate_choices(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    """Change the choices and availability; 409 once withdrawn or applications closed."""
    day = candidate.day
    if candidate.registration.status not in ACTIVE_STATUSES:
        return candidate_page(
            request, candidate, token, notice=services.Withdrawn.default_message, status=409
        )
    if services.application_state(day) != "open":
        return candidate_page(
            request, candidate, token, notice=STATE_MESSAGES["closed"], status=409
        )
    form = ChangeChoicesForm(
        request.POST, day=day, companies=companies_of(day), windows=candidate.windows
    )
    status = 400
    if form.is_valid():
        try:
            services.change_choices(candidate, choices=form.choices(), windows=form.windows())
        except DomainError as error:
            form.show_error(error)
            status = _error_status(error)
        else:
            messages.success(request, _("Your choices are saved."))
            return see_other(reverse("recruitment:candidate", kwargs={"token": token}))
    return candidate_page(request, candidate, token, form=form, status=status)


@never_cache
@require_POST
@candidate_view
def candidate_withdraw(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    """Withdraw every application and cancel the registration; a second time says so (409)."""
    try:
        services.withdraw_candidate(candidate)
    except AlreadyCancelled as error:
        candidate.registration.refresh_from_db()
        return candidate_page(request, candidate, token, notice=error.message, status=409)
    except NotFound:
        return bad_token(request, BadToken())
    messages.success(request, _("You have withdrawn: the companies will not meet you."))
    return see_other(reverse("recruitment:candidate", kwargs={"token": token}))


@never_cache
@require_POST
@candidate_view
def candidate_erase(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    """Erase the candidate, their registration and CV, and say it is done."""
    context = day_context(candidate.day)
    try:
        services.erase_candidate(candidate)
    except NotFound:
        return bad_token(request, BadToken())
    return render(request, "recruitment/public/erased.html", context)


def _published(candidate: Candidate) -> None:
    if candidate.day.schedule_published_at is None:
        raise Http404


def _private_file(content: bytes, content_type: str, disposition: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@candidate_view
def candidate_timetable_pdf(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    """The candidate's timetable as a PDF, once the schedule is published (else 404)."""
    from cocade.recruitment.outputs import candidate_timetable_pdf as timetable_pdf

    _published(candidate)
    return _private_file(
        timetable_pdf(candidate), "application/pdf", 'inline; filename="timetable.pdf"'
    )


@require_safe
@candidate_view
def candidate_ics(request: HttpRequest, candidate: Candidate, token: str) -> HttpResponse:
    """The candidate's interviews as a calendar file, once the schedule is published."""
    _published(candidate)
    return _private_file(
        interviews_ics(candidate, get_language()),
        "text/calendar; charset=utf-8",
        f'attachment; filename="{ICS_FILENAME}"',
    )
