"""The organisers' pre-selection pages of a speed recruitment, and the schedule's printouts.

- the applications, filtered (company, status, preference, candidate, who decided) and paged,
  with the figures of each company, a decision per row and for the ticked rows, and the
  button that sends the invitations to the pre-selected candidates;
- the candidates (applications, shortlisted, presence, CV), with the CV itself;
- CSV and XLSX exports of both lists and of the master grid, and the PDFs of the grid, of a
  company's sheets and of a candidate's timetable (`recruitment.outputs`).

Only the event's organisers reach these pages (`staff_setup.organiser_required`); anyone
else gets 404. Each write is one service call; a refusal (wrong stage, double click, an
application of another event) answers with the reason and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import exports
from cocade.core.audit import record_action
from cocade.core.errors import DomainError, NotFound, interpolate
from cocade.core.viewflow import refused
from cocade.recruitment import outputs
from cocade.recruitment.enums import ApplicationStatus, Presence
from cocade.recruitment.models import Application, Candidate, Company, RecruitmentDay
from cocade.recruitment.services import shortlist
from cocade.recruitment.views.staff_setup import organiser_required, page_url

PAGE_SIZE = 50
TEMPLATES = "recruitment/shortlist"
BAD_FORMAT = _("Choose the CSV or XLSX format (format=csv or format=xlsx).")
BAD_FILTERS = _("Some filters are not valid.")
ANY = ""
SHORTLIST, REJECT = "shortlist", "reject"


# --- forms ----------------------------------------------------------------------------------


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Candidate's name or email contains"), required=False, max_length=100
    )
    company = forms.ChoiceField(label=_("Company"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=((ANY, _("Any status")), *ApplicationStatus.choices),
    )
    rank = forms.IntegerField(label=_("Preference"), required=False, min_value=1, max_value=99)
    decided = forms.ChoiceField(
        label=_("Decided by"),
        required=False,
        choices=(
            (ANY, _("Anyone")),
            ("company", _("The company")),
            ("organisers", _("The organisers")),
            ("nobody", _("Not decided yet")),
        ),
    )

    def __init__(self, data: Any = None, *, companies: list[Company]) -> None:
        super().__init__(data)
        field = self.fields["company"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(ANY, _("All companies"))] + [(str(c.pk), c.name) for c in companies]


class CandidateFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email contains"), required=False, max_length=100)
    presence = forms.ChoiceField(
        label=_("Presence"), required=False, choices=((ANY, _("Any")), *Presence.choices)
    )
    shortlisted = forms.ChoiceField(
        label=_("Pre-selected"),
        required=False,
        choices=((ANY, _("Any")), ("yes", _("At least once")), ("no", _("Not yet"))),
    )


def filter_values(form: forms.Form) -> dict[str, str]:
    """The valid, non-empty filters of a bound form, as texts for the page's address."""
    data = form.cleaned_data
    return {key: str(data[key]) for key in form.fields if data.get(key) not in (None, "")}


class IdsField(forms.Field):
    """The ticked rows: a list of positive ids (at most `shortlist.MAX_BATCH`)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Tick at least one application."),
        "invalid": _("The ticked rows are not valid. Reload the page and choose again."),
    }

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        try:
            ids = sorted({int(item) for item in value})
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if ids[0] <= 0 or len(ids) > shortlist.MAX_BATCH:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return ids


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=((SHORTLIST, SHORTLIST), (REJECT, REJECT)),
        error_messages={
            "required": _("Choose a decision."),
            "invalid_choice": _("Choose a decision."),
        },
    )
    back = forms.CharField(required=False, max_length=500)


class BulkDecisionForm(DecisionForm):
    applications = IdsField()


# --- shared ---------------------------------------------------------------------------------


def _parse(request: HttpRequest, form_class: type[forms.Form], **kwargs: Any) -> tuple[Any, ...]:
    """The filter form, its valid filters and whether every filter was valid."""
    keys = set(form_class.base_fields)
    given = any(key in request.GET for key in keys)
    form = form_class(request.GET if given else None, **kwargs)
    if not given:
        return form, {}, True
    valid = form.is_valid()
    return form, filter_values(form) if valid else {}, valid


def _query(filters: dict[str, str], page: int | None = None) -> str:
    values = dict(filters)
    if page and page > 1:
        values["page"] = str(page)
    return urlencode(values)


def _paged(request: HttpRequest, rows: QuerySet, filters: dict[str, str]) -> dict[str, Any]:
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "page": page,
        "rows": list(page.object_list),
        "total": page.paginator.count,
        "filters": filters,
        "filter_query": _query(filters),
        "back": _query(filters, page.number),
        "previous_query": _query(filters, page.number - 1) if page.has_previous() else None,
        "next_query": _query(filters, page.number + 1) if page.has_next() else None,
    }


def _act(request: HttpRequest, action: Callable[[], Any], back_url: str) -> HttpResponse:
    """Call the service; its message flashes and the list shows again. A refusal answers its
    status with the reason, and nothing changed."""
    try:
        message = action()
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        status = error.status if 400 <= error.status < 500 else 400
        return refused(request, error.message, back_url, status)
    messages.success(request, message)
    return redirect(back_url)


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _download(
    request: HttpRequest, day: RecruitmentDay, table: exports.Table, *, what: str, title: Any
) -> HttpResponse:
    """`table` as CSV or XLSX (`?format=`), audited without any name or searched text."""
    file_format = request.GET.get("format", "csv")
    if file_format == "xlsx":
        content = exports.to_xlsx(table, title=str(title))
    else:
        content = exports.to_csv(table)
    with transaction.atomic():
        record_action(
            actor=request.user,
            action=f"recruitment.{what}.exported",
            target=day,
            centre_id=day.event.centre_id,
            changes={"format": file_format, "rows": len(table.rows)},
        )
    return _file(content, exports.FORMATS[file_format], f"{day.event.slug}-{what}.{file_format}")


def _local(day: RecruitmentDay, moment: Any) -> Any:
    return moment.astimezone(day.event.zone).replace(tzinfo=None) if moment else ""


def _yes_no(value: bool) -> str:
    return gettext("yes") if value else gettext("no")


# --- applications ---------------------------------------------------------------------------


def filtered_applications(day: RecruitmentDay, filters: dict[str, str]) -> QuerySet[Application]:
    rows = Application.objects.filter(company__day=day).select_related(
        "candidate__registration", "company", "offer"
    )
    if filters.get("q"):
        text = filters["q"]
        rows = rows.filter(
            Q(candidate__registration__name__icontains=text)
            | Q(candidate__registration__email__icontains=text)
        )
    if filters.get("company"):
        rows = rows.filter(company_id=int(filters["company"]))
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("rank"):
        rows = rows.filter(rank=int(filters["rank"]))
    decided = filters.get("decided")
    if decided == "company":
        rows = rows.filter(decided_by_company=True)
    elif decided == "organisers":
        rows = rows.filter(decided_by_company=False, decided_at__isnull=False)
    elif decided == "nobody":
        rows = rows.filter(decided_at__isnull=True)
    return rows.order_by("candidate__registration__name", "candidate_id", "rank", "pk")


@organiser_required
@require_safe
def applications(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    counts = shortlist.company_counts(day)
    companies = [item.company for item in counts]
    form, filters, valid = _parse(request, ApplicationFilterForm, companies=companies)
    context = {
        "day": day,
        "event": day.event,
        "form": form,
        "counts": counts,
        "can_decide": day.phase in shortlist.DECISION_PHASES,
        "can_invite": day.phase in shortlist.INVITATION_PHASES,
        "to_invite": shortlist.candidates_to_invite(day).count(),
        **_paged(request, filtered_applications(day, filters), filters),
    }
    return render(request, f"{TEMPLATES}/applications.html", context, status=200 if valid else 400)


def _back_url(day: RecruitmentDay, raw: Any) -> str:
    """The list with the filters it was showing: only the known keys, rebuilt here."""
    given = QueryDict(raw if isinstance(raw, str) else "")
    keys = [*ApplicationFilterForm.base_fields, "page"]
    kept = {key: given[key] for key in keys if given.get(key)}
    url = page_url("applications", day)
    return f"{url}?{urlencode(kept)}" if kept else url


DONE = {
    SHORTLIST: ngettext_lazy(
        "%(count)d application shortlisted.", "%(count)d applications shortlisted.", "count"
    ),
    REJECT: ngettext_lazy(
        "%(count)d application marked as not retained.",
        "%(count)d applications marked as not retained.",
        "count",
    ),
}


@organiser_required
@require_POST
def applications_decide(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    form = BulkDecisionForm(request.POST)
    back_url = _back_url(day, request.POST.get("back"))
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        return refused(request, first, back_url, 400)
    decision = form.cleaned_data["decision"]

    def act() -> Any:
        count = shortlist.decide_many(
            day,
            form.cleaned_data["applications"],
            shortlisted=decision == SHORTLIST,
            user=request.user,
        )
        return DONE[decision] % {"count": count}

    return _act(request, act, back_url)


@organiser_required
@require_POST
def application_decide(
    request: HttpRequest, day: RecruitmentDay, application_pk: int
) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("candidate__registration", "company"),
        company__day=day,
        pk=application_pk,
    )
    form = DecisionForm(request.POST)
    back_url = _back_url(day, request.POST.get("back"))
    if not form.is_valid():
        return refused(request, _("Choose a decision."), back_url, 400)
    shortlisted = form.cleaned_data["decision"] == SHORTLIST

    def act() -> Any:
        done = shortlist.decide(application, shortlisted=shortlisted, user=request.user)
        return interpolate(
            _("%(name)s, %(company)s: %(status)s."),
            {
                "name": application.candidate.name,
                "company": application.company.name,
                "status": done.get_status_display(),
            },
        )

    return _act(request, act, f"{back_url}#application-{application.pk}")


def application_table(day: RecruitmentDay, rows: QuerySet[Application]) -> exports.Table:
    zone = day.event.timezone
    header = [
        gettext("Candidate"),
        gettext("Email"),
        gettext("Company"),
        gettext("Job"),
        gettext("Preference"),
        gettext("Status"),
        gettext("Decided by"),
        gettext("Decided at (%(zone)s)") % {"zone": zone},
        gettext("Applied at (%(zone)s)") % {"zone": zone},
    ]
    by_company, by_organisers = gettext("the company"), gettext("the organisers")
    table = []
    for application in rows:
        decided_by = ""
        if application.decided_at:
            decided_by = by_company if application.decided_by_company else by_organisers
        table.append(
            [
                application.candidate.name,
                application.candidate.email,
                application.company.name,
                application.offer.title if application.offer else "",
                application.rank,
                str(application.get_status_display()),
                decided_by,
                _local(day, application.decided_at),
                _local(day, application.created_at),
            ]
        )
    return exports.Table(header=header, rows=table)


@organiser_required
@require_safe
def applications_export(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    if request.GET.get("format", "csv") not in exports.FORMATS:
        return refused(request, BAD_FORMAT, page_url("applications", day), 400)
    companies = list(Company.objects.filter(day=day))
    _form, filters, valid = _parse(request, ApplicationFilterForm, companies=companies)
    if not valid:
        return refused(request, BAD_FILTERS, page_url("applications", day), 400)
    table = application_table(day, filtered_applications(day, filters))
    return _download(request, day, table, what="applications", title=_("Applications"))


@organiser_required
@require_POST
def send_invitations(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """Ask the worker to email the pre-selected candidates not yet invited (once the
    transaction is committed)."""
    from cocade.recruitment import tasks_candidates

    day_pk = day.pk

    def act() -> Any:
        with transaction.atomic():
            count = shortlist.request_invitations(day, user=request.user)
            transaction.on_commit(lambda: tasks_candidates.send_invitations_task.enqueue(day_pk))
        return interpolate(
            ngettext_lazy(
                "The invitation of %(count)d candidate is on its way.",
                "The invitations of %(count)d candidates are on their way.",
                count,
            ),
            {"count": count},
        )

    return _act(request, act, page_url("applications", day))


# --- candidates -----------------------------------------------------------------------------


def filtered_candidates(day: RecruitmentDay, filters: dict[str, str]) -> QuerySet[Candidate]:
    rows = (
        Candidate.objects.filter(day=day)
        .select_related("registration")
        .annotate(
            application_count=Count(
                "applications", filter=~Q(applications__status=ApplicationStatus.WITHDRAWN)
            ),
            shortlisted_count=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.SHORTLISTED)
            ),
        )
    )
    if filters.get("q"):
        text = filters["q"]
        rows = rows.filter(
            Q(registration__name__icontains=text) | Q(registration__email__icontains=text)
        )
    if filters.get("presence"):
        rows = rows.filter(presence=filters["presence"])
    if filters.get("shortlisted") == "yes":
        rows = rows.filter(shortlisted_count__gt=0)
    elif filters.get("shortlisted") == "no":
        rows = rows.filter(shortlisted_count=0)
    return rows.order_by("registration__name", "pk")


@organiser_required
@require_safe
def candidates(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    form, filters, valid = _parse(request, CandidateFilterForm)
    context = {
        "day": day,
        "event": day.event,
        "form": form,
        **_paged(request, filtered_candidates(day, filters), filters),
    }
    return render(request, f"{TEMPLATES}/candidates.html", context, status=200 if valid else 400)


def candidate_table(day: RecruitmentDay, rows: QuerySet[Any]) -> exports.Table:
    """`rows` come from `filtered_candidates`, with their counts."""
    header = [
        gettext("Name"),
        gettext("Email"),
        gettext("Applications"),
        gettext("Shortlisted"),
        gettext("Presence"),
        gettext("CV"),
        gettext("Invited at (%(zone)s)") % {"zone": day.event.timezone},
    ]
    table = [
        [
            candidate.name,
            candidate.email,
            candidate.application_count,
            candidate.shortlisted_count,
            str(candidate.get_presence_display()),
            _yes_no(bool(candidate.cv)),
            _local(day, candidate.invited_at),
        ]
        for candidate in rows
    ]
    return exports.Table(header=header, rows=table)


@organiser_required
@require_safe
def candidates_export(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    back_url = page_url("candidates", day)
    if request.GET.get("format", "csv") not in exports.FORMATS:
        return refused(request, BAD_FORMAT, back_url, 400)
    _form, filters, valid = _parse(request, CandidateFilterForm)
    if not valid:
        return refused(request, BAD_FILTERS, back_url, 400)
    table = candidate_table(day, filtered_candidates(day, filters))
    return _download(request, day, table, what="candidates", title=_("Candidates"))


def _candidate(day: RecruitmentDay, candidate_pk: int) -> Candidate:
    return get_object_or_404(
        Candidate.objects.select_related("registration", "day__event"), day=day, pk=candidate_pk
    )


@organiser_required
@require_safe
def candidate_cv(request: HttpRequest, day: RecruitmentDay, candidate_pk: int) -> HttpResponse:
    """The candidate's CV, downloaded (never shown inline), and the reading audited."""
    candidate = _candidate(day, candidate_pk)
    if not candidate.cv:
        raise Http404
    try:
        with candidate.cv.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError as error:
        raise Http404 from error
    with transaction.atomic():
        record_action(
            actor=request.user,
            action="recruitment.candidate.cv_downloaded",
            target=candidate,
            centre_id=day.event.centre_id,
        )
    name = slugify(candidate.name) or str(candidate.pk)
    response = _file(content, "application/pdf", f"cv-{name}.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- printouts ------------------------------------------------------------------------------


@organiser_required
@require_safe
def grid_pdf(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    return _file(outputs.master_grid_pdf(day), "application/pdf", f"{day.event.slug}-grid.pdf")


@organiser_required
@require_safe
def grid_export(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    if request.GET.get("format", "csv") not in exports.FORMATS:
        return refused(request, BAD_FORMAT, page_url("applications", day), 400)
    table = outputs.master_grid_table(day)
    return _download(request, day, table, what="grid", title=_("Interview grid"))


@organiser_required
@require_safe
def company_sheet_pdf(request: HttpRequest, day: RecruitmentDay, company_pk: int) -> HttpResponse:
    company = get_object_or_404(
        Company.objects.select_related("day__event"), day=day, pk=company_pk
    )
    name = slugify(company.name) or str(company.pk)
    return _file(
        outputs.company_sheet_pdf(company), "application/pdf", f"{day.event.slug}-{name}.pdf"
    )


@organiser_required
@require_safe
def candidate_timetable_pdf(
    request: HttpRequest, day: RecruitmentDay, candidate_pk: int
) -> HttpResponse:
    candidate = _candidate(day, candidate_pk)
    return _file(
        outputs.candidate_timetable_pdf(candidate),
        "application/pdf",
        f"{day.event.slug}-timetable-{candidate.pk}.pdf",
    )
