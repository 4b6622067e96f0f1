"""The company's own pages, opened by the signed link of its emails, without an account.

The page shows the event, the company's tables and times, and its offers, which the company
may add, change and delete while candidates are applying. From the pre-selection on it lists
the candidates who applied to it (name, what they look for, the rank they gave the company,
the offer they chose, their CV); during the pre-selection it shortlists them or not. Once the
schedule is published, it prints its sheet of interviews.

A bad, tampered or outdated link (the organisers made a new one) answers 400 with the reason;
an application or offer of another company answers 404; an action at the wrong stage or
twice (a double click) answers 409 with the page and the reason, and writes nothing. These
pages hold personal data: they are never cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cocade.agenda.enums import EventStatus
from cocade.agenda.errors import BadToken
from cocade.agenda.notifications import when_text
from cocade.agenda.pdf import place_lines
from cocade.core.errors import Conflict, DomainError, NotFound, apply_to_form
from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.forms_setup import DecisionForm, OfferForm
from cocade.recruitment.models import Application, Company, Offer
from cocade.recruitment.services import companies as services
from cocade.recruitment.services.setup import is_before, windows_text
from cocade.recruitment.tokens import read_company_token

TEMPLATES = "recruitment/company"

form_methods = require_http_methods(["GET", "HEAD", "POST"])

#: Stages in which the company sees the candidates who applied to it.
APPLICANT_PHASES = (Phase.PRESELECTION, Phase.SCHEDULED, Phase.LIVE)

DECISION_MESSAGES: dict[str, Any] = {
    ApplicationStatus.SHORTLISTED: _("The candidate is shortlisted."),
    ApplicationStatus.REJECTED: _("The candidate is marked as not retained."),
}


def see_other(url: str) -> HttpResponseRedirect:
    """The redirect after a successful POST (303: the browser follows it with a GET)."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def company_link(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """The company of the signed link `token` (else the 400 page); the view gets it too."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponseBase:
        try:
            company = read_company_token(token)
        except BadToken as error:
            return render(
                request, f"{TEMPLATES}/bad_token.html", {"message": error.message}, status=400
            )
        return view(request, company, token, **kwargs)

    return never_cache(wrapper)


def _page_url(token: str, anchor: str = "") -> str:
    url = reverse("recruitment:company", kwargs={"token": token})
    return f"{url}#{anchor}" if anchor else url


def _may_edit_offers(company: Company) -> bool:
    return is_before(company.day.phase, Phase.PRESELECTION)


def _applications(company: Company) -> list[Application]:
    return list(
        company.applications.exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("candidate__registration", "offer")
        .order_by("rank", "candidate__registration__name", "pk")
    )


def _context(company: Company, token: str) -> dict[str, Any]:
    day = company.day
    event = day.event
    shows_applicants = day.phase in APPLICANT_PHASES
    return {
        "company": company,
        "token": token,
        "day": day,
        "event": event,
        "title": event.title_i18n,
        "when": when_text(event),
        "place": place_lines(event),
        "is_cancelled": event.status == EventStatus.CANCELLED,
        "windows": windows_text(company.windows).splitlines(),
        "hours": f"{day.day_start:%H:%M}-{day.day_end:%H:%M}",
        "breaks": windows_text(day.breaks).splitlines(),
        "offers": list(company.offers.order_by("title", "pk")),
        "may_edit_offers": _may_edit_offers(company),
        "shows_applicants": shows_applicants,
        "may_decide": day.phase == Phase.PRESELECTION,
        "applications": _applications(company) if shows_applicants else [],
        "sheet_available": day.schedule_published_at is not None,
    }


def _page(
    request: HttpRequest, company: Company, token: str, *, notice: Any = "", status: int = 200
) -> HttpResponse:
    context = {**_context(company, token), "notice": notice}
    return render(request, f"{TEMPLATES}/page.html", context, status=status)


def _refused(
    request: HttpRequest, company: Company, token: str, error: DomainError
) -> HttpResponse:
    """The page again, with the reason on top (409 for a conflict)."""
    if isinstance(error, NotFound):
        raise Http404 from error
    company.day.refresh_from_db()
    status = 409 if isinstance(error, Conflict) else 400
    return _page(request, company, token, notice=error.message, status=status)


@require_safe
@company_link
def company_page(request: HttpRequest, company: Company, token: str) -> HttpResponse:
    return _page(request, company, token)


# --- offers ---------------------------------------------------------------------------------


def _offer(company: Company, offer_pk: int) -> Offer:
    offer = Offer.objects.filter(company=company, pk=offer_pk).select_related("company").first()
    if offer is None:
        raise Http404
    return offer


def _offer_form(
    request: HttpRequest,
    company: Company,
    token: str,
    *,
    form: OfferForm,
    save: Callable[[], Any],
    title: Any,
) -> HttpResponse:
    """The offer form; a valid POST saves and goes back to the page (303). Bad input answers
    400 at its fields, a change after the applications 409 with the reason."""
    status = 200
    notice: Any = ""
    if not _may_edit_offers(company):
        form = OfferForm()
        status = 409
        notice = _("Offers can no longer change: the candidates have made their choices.")
    if request.method == "POST" and status == 200:
        status = 400
        if form.is_valid():
            try:
                save()
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                apply_to_form(form, error)
                status = 409 if isinstance(error, Conflict) else 400
            else:
                messages.success(request, _("The offer was saved."))
                return see_other(_page_url(token, "offers"))
    context = {
        **_context(company, token),
        "form": form,
        "form_title": title,
        "notice": notice,
    }
    return render(request, f"{TEMPLATES}/offer_form.html", context, status=status)


@form_methods
@company_link
def offer_add(request: HttpRequest, company: Company, token: str) -> HttpResponse:
    form = OfferForm(request.POST if request.method == "POST" else None)
    return _offer_form(
        request,
        company,
        token,
        form=form,
        save=lambda: services.create_offer(
            company=company, data=form.data_for_service(), by_company=True
        ),
        title=_("New offer"),
    )


@form_methods
@company_link
def offer_edit(request: HttpRequest, company: Company, token: str, offer_pk: int) -> HttpResponse:
    offer = _offer(company, offer_pk)
    form = OfferForm(request.POST if request.method == "POST" else None, offer=offer)
    return _offer_form(
        request,
        company,
        token,
        form=form,
        save=lambda: services.update_offer(
            offer=offer, data=form.data_for_service(), by_company=True
        ),
        title=_("Change the offer"),
    )


@require_POST
@company_link
def offer_delete(request: HttpRequest, company: Company, token: str, offer_pk: int) -> HttpResponse:
    offer = _offer(company, offer_pk)
    try:
        services.delete_offer(offer=offer, by_company=True)
    except DomainError as error:
        return _refused(request, company, token, error)
    messages.success(request, _("The offer was deleted."))
    return see_other(_page_url(token, "offers"))


# --- candidates -----------------------------------------------------------------------------


def _application(company: Company, application_pk: int) -> Application:
    application = (
        Application.objects.filter(company=company, pk=application_pk)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("candidate")
        .first()
    )
    if application is None:
        raise Http404
    return application


@require_POST
@company_link
def decide(request: HttpRequest, company: Company, token: str, application_pk: int) -> HttpResponse:
    application = _application(company, application_pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _page(
            request,
            company,
            token,
            notice=_("Choose to shortlist the candidate or not."),
            status=400,
        )
    decision = form.cleaned_data["decision"]
    try:
        services.decide_application(company=company, application=application, decision=decision)
    except DomainError as error:
        return _refused(request, company, token, error)
    messages.success(request, DECISION_MESSAGES[decision])
    return see_other(_page_url(token, f"application-{application.pk}"))


@require_safe
@company_link
def cv(request: HttpRequest, company: Company, token: str, application_pk: int) -> FileResponse:
    """The candidate's CV (a PDF from private storage), as a download; only for a candidate
    who applied to this company, while the company sees its candidates."""
    application = _application(company, application_pk)
    candidate = application.candidate
    if company.day.phase not in APPLICANT_PHASES or not candidate.cv:
        raise Http404
    try:
        handle = candidate.cv.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = slugify(candidate.name) or "candidate"
    response = FileResponse(
        handle, as_attachment=True, filename=f"cv-{name}.pdf", content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@company_link
def sheet(request: HttpRequest, company: Company, token: str) -> HttpResponse:
    """The company's sheet of interviews, once the schedule is published."""
    if company.day.schedule_published_at is None:
        raise Http404
    # Imported here: the sheet is typeset by the schedule's part of the app.
    from cocade.recruitment.outputs import company_sheet_pdf

    response = HttpResponse(company_sheet_pdf(company), content_type="application/pdf")
    name = slugify(company.name) or "company"
    response["Content-Disposition"] = (
        content_disposition_header(False, f"interviews-{name}.pdf") or "inline"
    )
    response["Cache-Control"] = "private, no-store"
    return response
