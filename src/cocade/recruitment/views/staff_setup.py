"""The organisers' pages that set up a speed recruitment: the hub (stage, counts, links to the
other pages), the settings, the companies with their offers and links, and the export of
companies and offers.

A speed recruitment is found among the events the user organises
(`selectors.get_day_to_manage`): anything else answers 404, whether it exists or not, and a
company or offer of another event too. Each write is one service call; bad input comes back
at its field (400), a refusal (wrong stage, a company with interviews, a double click)
answers with its reason (409) and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import exports
from cocade.core.errors import NotFound, interpolate
from cocade.core.viewflow import form_methods, form_view, posted, refused, run_action
from cocade.recruitment import selectors
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.forms_setup import (
    CompanyForm,
    ExportForm,
    OfferForm,
    PhaseForm,
    SendLinkForm,
    SettingsForm,
)
from cocade.recruitment.models import Application, Company, Offer, RecruitmentDay
from cocade.recruitment.services import companies as company_services
from cocade.recruitment.services import setup as setup_services
from cocade.recruitment.services.setup import windows_text

TEMPLATES = "recruitment/setup"

#: The pages of the other parts of a speed recruitment, linked from the hub when they exist.
OTHER_PAGES: tuple[tuple[str, Any, Any], ...] = (
    (
        "staff_recruitment:applications",
        _("Candidates and applications"),
        _("Who applied to which company; shortlist with the companies."),
    ),
    (
        "staff_recruitment:schedule",
        _("Schedule"),
        _("Compute the interviews, check them, and publish the schedule."),
    ),
    (
        "staff_recruitment:live",
        _("On the day"),
        _("Arrivals, interviews under way, changes to the rest of the day."),
    ),
    (
        "staff_recruitment:report",
        _("Report"),
        _("What the speed recruitment achieved."),
    ),
)

PHASE_MESSAGES: dict[str, Any] = {
    Phase.COMPANIES: _("The speed recruitment is back to the call for companies."),
    Phase.APPLICATIONS: _("Applications are open."),
    Phase.PRESELECTION: _("Pre-selection has started: companies can shortlist their candidates."),
    Phase.LIVE: _("The speed recruitment is under way."),
    Phase.CLOSED: _("The speed recruitment is closed."),
}


# --- helpers --------------------------------------------------------------------------------


def organiser_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (else to the sign-in page) and an organiser of event `pk` (else 404); the
    view gets the speed recruitment instead of the pk."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        try:
            day = selectors.get_day_to_manage(request.user, pk)
        except NotFound as error:
            raise Http404 from error
        return view(request, day, **kwargs)

    return login_required(wrapper)


def page_url(name: str, day: RecruitmentDay, **kwargs: Any) -> str:
    return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


def existing_links(event_pk: int) -> list[dict[str, Any]]:
    """The other parts' pages that exist (a name that does not reverse is left out)."""
    links = []
    for name, label, help_text in OTHER_PAGES:
        try:
            url = reverse(name, kwargs={"pk": event_pk})
        except NoReverseMatch:
            continue
        links.append({"name": name, "url": url, "label": label, "help": help_text})
    return links


def _company(day: RecruitmentDay, company_pk: int) -> Company:
    company = Company.objects.filter(day=day, pk=company_pk).select_related("day__event").first()
    if company is None:
        raise Http404
    return company


def _offer(company: Company, offer_pk: int) -> Offer:
    offer = Offer.objects.filter(company=company, pk=offer_pk).select_related("company").first()
    if offer is None:
        raise Http404
    return offer


def _context(day: RecruitmentDay, section: str, **extra: Any) -> dict[str, Any]:
    return {"day": day, "event": day.event, "section": section, **extra}


# --- the hub --------------------------------------------------------------------------------


def _counts(day: RecruitmentDay) -> dict[str, int]:
    applications = Application.objects.filter(company__day=day).aggregate(
        applications=Count("pk", filter=~Q(status=ApplicationStatus.WITHDRAWN)),
        shortlisted=Count("pk", filter=Q(status=ApplicationStatus.SHORTLISTED)),
    )
    companies = Company.objects.filter(day=day).aggregate(
        companies=Count("pk"), not_sent=Count("pk", filter=Q(link_sent_at__isnull=True))
    )
    return {
        **companies,
        "offers": Offer.objects.filter(company__day=day).count(),
        "candidates": day.candidates.count(),
        **applications,
        "interviews": day.interviews.exclude(status=InterviewStatus.CANCELLED).count(),
    }


def _phase_steps(day: RecruitmentDay) -> list[dict[str, Any]]:
    current = setup_services.phase_index(day.phase)
    return [
        {
            "value": value,
            "label": Phase(value).label,
            "current": index == current,
            "done": index < current,
        }
        for index, value in enumerate(setup_services.PHASE_ORDER)
    ]


def _phase_moves(day: RecruitmentDay) -> dict[str, Any]:
    """The buttons of the stage: back, forward, or the link to publish the schedule."""
    after = setup_services.next_phase(day.phase)
    before = setup_services.previous_phase(day.phase)
    publish_url = None
    if after == Phase.SCHEDULED:
        publish_url = next(
            (
                link["url"]
                for link in existing_links(day.event_id)
                if link["name"] == "staff_recruitment:schedule"
            ),
            None,
        )
        after = None
    return {
        "next": {"value": after, "label": Phase(after).label} if after else None,
        "previous": {"value": before, "label": Phase(before).label} if before else None,
        "publish_url": publish_url,
        "publish_pending": day.phase == Phase.PRESELECTION,
    }


@require_safe
@organiser_required
def overview(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    context = _context(
        day,
        "overview",
        counts=_counts(day),
        steps=_phase_steps(day),
        moves=_phase_moves(day),
        links=existing_links(day.event_id),
        breaks=windows_text(day.breaks).replace("\n", ", "),
    )
    return render(request, f"{TEMPLATES}/overview.html", context)


@require_POST
@organiser_required
def phase(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    back_url = page_url("overview", day)
    form = PhaseForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Choose the stage to move to."), back_url)
    target = form.cleaned_data["phase"]
    return run_action(
        request,
        action=lambda: setup_services.set_phase(actor=request.user, day=day, phase=target),
        success_message=PHASE_MESSAGES.get(target, _("The stage was changed.")),
        next_url=back_url,
    )


# --- settings -------------------------------------------------------------------------------


@form_methods
@organiser_required
def settings_page(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    form = SettingsForm(*posted(request), day=day)
    return form_view(
        request,
        form=form,
        save=lambda: setup_services.update_settings(
            actor=request.user,
            day=day,
            data=form.data_for_service(),
            lock_version=form.started_from(),
        ),
        success_message=_("The settings were saved."),
        success_url=lambda result: page_url("overview", day),
        template=f"{TEMPLATES}/settings.html",
        context=_context(
            day, "settings", published=not setup_services.is_before(day.phase, Phase.SCHEDULED)
        ),
    )


# --- companies ------------------------------------------------------------------------------


def company_rows(day: RecruitmentDay) -> list[dict[str, Any]]:
    companies = (
        Company.objects.filter(day=day)
        .annotate(
            offer_count=Count("offers", distinct=True),
            application_count=Count(
                "applications",
                filter=~Q(applications__status=ApplicationStatus.WITHDRAWN),
                distinct=True,
            ),
            interview_count=Count("interviews", distinct=True),
        )
        .order_by("name", "pk")
    )
    return [
        {
            "company": company,
            "windows": windows_text(company.windows).replace("\n", ", "),
            "last_sent": company.link_sent_at.isoformat() if company.link_sent_at else "",
        }
        for company in companies
    ]


@form_methods
@organiser_required
def companies(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    form = CompanyForm(*posted(request), language=day.event.original_language)
    rows = company_rows(day)
    return form_view(
        request,
        form=form,
        save=lambda: company_services.create_company(
            actor=request.user, day=day, data=form.data_for_service()
        ),
        success_message=_("The company was added. Add its offers, then send it its link."),
        success_url=lambda company: page_url("company_edit", day, company_pk=company.pk),
        template=f"{TEMPLATES}/companies.html",
        context=_context(
            day,
            "companies",
            rows=rows,
            not_sent=sum(1 for row in rows if not row["last_sent"]),
        ),
    )


@form_methods
@organiser_required
def company_edit(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = _company(day, company_pk)
    form = CompanyForm(*posted(request), company=company)
    return form_view(
        request,
        form=form,
        save=lambda: company_services.update_company(
            actor=request.user, company=company, data=form.data_for_service()
        ),
        success_message=_("The company was saved."),
        success_url=lambda result: page_url("companies", day),
        template=f"{TEMPLATES}/company.html",
        context=_context(
            day,
            "companies",
            company=company,
            offers=list(company.offers.order_by("title", "pk")),
            interview_count=company.interviews.count(),
            last_sent=company.link_sent_at.isoformat() if company.link_sent_at else "",
        ),
    )


@require_POST
@organiser_required
def company_delete(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = _company(day, company_pk)
    return run_action(
        request,
        action=lambda: company_services.delete_company(actor=request.user, company=company),
        success_message=interpolate(_("%(name)s was deleted."), {"name": company.name}),
        next_url=page_url("companies", day),
    )


@require_POST
@organiser_required
def company_send_link(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = _company(day, company_pk)
    back_url = page_url("companies", day)
    form = SendLinkForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Reload the page and try again."), back_url)
    last_sent_at = form.cleaned_data["last_sent"]
    return run_action(
        request,
        action=lambda: company_services.send_company_link(
            actor=request.user, company=company, last_sent_at=last_sent_at
        ),
        success_message=interpolate(
            _("The link is being sent to %(email)s."), {"email": company.contact_email}
        ),
        next_url=back_url,
    )


@require_POST
@organiser_required
def company_send_links(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    return run_action(
        request,
        action=lambda: company_services.send_links_to_all(actor=request.user, day=day),
        success_message=_("The links are being sent to the companies that had none."),
        next_url=page_url("companies", day),
    )


@require_POST
@organiser_required
def company_new_link(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = _company(day, company_pk)
    return run_action(
        request,
        action=lambda: company_services.reset_company_link(actor=request.user, company=company),
        success_message=_(
            "The company has a new link: the old one no longer works. Send it the new one."
        ),
        next_url=page_url("company_edit", day, company_pk=company.pk),
    )


# --- offers ---------------------------------------------------------------------------------


def _offer_form_context(day: RecruitmentDay, company: Company, title: Any) -> dict[str, Any]:
    return _context(
        day,
        "companies",
        company=company,
        title=title,
        submit_label=_("Save the offer"),
        back_url=page_url("company_edit", day, company_pk=company.pk),
    )


@form_methods
@organiser_required
def offer_add(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = _company(day, company_pk)
    form = OfferForm(*posted(request))
    return form_view(
        request,
        form=form,
        save=lambda: company_services.create_offer(
            actor=request.user, company=company, data=form.data_for_service()
        ),
        success_message=_("The offer was added."),
        success_url=lambda offer: page_url("company_edit", day, company_pk=company.pk),
        template=f"{TEMPLATES}/form.html",
        context=_offer_form_context(
            day, company, interpolate(_("New offer of %(name)s"), {"name": company.name})
        ),
    )


@form_methods
@organiser_required
def offer_edit(
    request: HttpRequest, day: RecruitmentDay, company_pk: int, offer_pk: int
) -> HttpResponse:
    company = _company(day, company_pk)
    offer = _offer(company, offer_pk)
    form = OfferForm(*posted(request), offer=offer)
    return form_view(
        request,
        form=form,
        save=lambda: company_services.update_offer(
            actor=request.user, offer=offer, data=form.data_for_service()
        ),
        success_message=_("The offer was saved."),
        success_url=lambda result: page_url("company_edit", day, company_pk=company.pk),
        template=f"{TEMPLATES}/form.html",
        context=_offer_form_context(
            day, company, interpolate(_("Offer of %(name)s"), {"name": company.name})
        ),
    )


@require_POST
@organiser_required
def offer_delete(
    request: HttpRequest, day: RecruitmentDay, company_pk: int, offer_pk: int
) -> HttpResponse:
    company = _company(day, company_pk)
    offer = _offer(company, offer_pk)
    return run_action(
        request,
        action=lambda: company_services.delete_offer(actor=request.user, offer=offer),
        success_message=_("The offer was deleted."),
        next_url=page_url("company_edit", day, company_pk=company.pk),
    )


# --- export ---------------------------------------------------------------------------------


@require_safe
@organiser_required
def companies_export(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    form = ExportForm(request.GET)
    if not form.is_valid():
        return refused(
            request,
            _("Choose the companies or the offers, as CSV or XLSX."),
            page_url("companies", day),
        )
    table_name, file_format = form.choice()
    if table_name == "offers":
        table, title = company_services.offers_table(day), _("Offers")
    else:
        table, title = company_services.companies_table(day), _("Companies")
    if file_format == "xlsx":
        content = exports.to_xlsx(table, title=str(title))
    else:
        content = exports.to_csv(table)
    company_services.record_export(
        actor=request.user, day=day, table=table_name, file_format=file_format, rows=len(table.rows)
    )
    response = HttpResponse(content, content_type=exports.FORMATS[file_format])
    response["Content-Disposition"] = content_disposition_header(
        True, f"{day.event.slug}-{table_name}.{file_format}"
    )
    return response
