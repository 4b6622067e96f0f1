"""The day itself of a speed recruitment, for the event's organisers (anyone else: 404).

`live` is made for a phone or a tablet: the counts (expected, arrived, no-shows), a QR code
field (the code of the candidate's timetable, the agenda's check-in code, read by the camera
with the agenda's check-in script or typed), a name search (htmx; a plain GET without script)
with the buttons Arrived / No-show / Undo and each candidate's interviews, the round under
way with the bell ("start the next round"), the re-optimisation of the rest of the day, and a
company's interviews for recording outcomes.

`live_board` is the big screen of the room: the round under way and who is next at each
table, refreshed every 5 seconds by htmx (`live_board_fragment`), with the time left computed
here (recruitment-live.js counts it down between refreshes). It shows first names and the
initial of the family name only.

`report` is the event report (also `?format=csv|xlsx`, and `report_pdf`).

Every button posts; a refusal (double click, another organiser first, wrong state, bad code)
answers 400 or 409 with the reason and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda.errors import BadToken, WrongEvent
from cocade.core.errors import DomainError, InvalidInput, interpolate
from cocade.recruitment.enums import InterviewStatus, Outcome, Presence, RunKind
from cocade.recruitment.models import Candidate, Company, Interview, RecruitmentDay, ScheduleRun
from cocade.recruitment.services import live
from cocade.recruitment.services import report as reports
from cocade.recruitment.views.staff_setup import organiser_required

TEMPLATES = "recruitment/live"
#: Shortest name search, and most results shown.
MIN_QUERY = 2
MAX_RESULTS = 25

DONE = "checked_in"  # the names of the agenda's check-in script, which shows the answers
ALREADY = "already"
REFUSED = "refused"

BAD_CODE = _("This code is not valid: it was altered, or its registration no longer exists.")
BAD_ACTION = _("This action is not known: reload the page and use its buttons.")
BAD_ROUND = _("The round to start is missing or not valid: reload the page and ring again.")


# --- Answers ------------------------------------------------------------------------------


@dataclass
class Answer:
    """The answer to an action, shown large at the top of the page (and as JSON to the
    check-in script)."""

    status: str  # DONE, ALREADY or REFUSED
    message: Any
    http_status: int = 200


def _refused(error: DomainError) -> Answer:
    status = error.status
    if isinstance(error, InvalidInput) or not 400 <= status < 500:
        status = 400
    return Answer(status=REFUSED, message=error.message, http_status=status)


def _flash(request: HttpRequest, answer: Answer) -> None:
    if answer.status == DONE:
        messages.success(request, str(answer.message))
    elif answer.status == ALREADY:
        messages.warning(request, str(answer.message))
    else:
        messages.error(request, str(answer.message))


def _wants_json(request: HttpRequest) -> bool:
    """A script asked (Accept: application/json, or fetch(), which browsers mark
    `Sec-Fetch-Dest: empty`), not a form sent by the browser or htmx."""
    if getattr(request, "htmx", False):
        return False
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.headers.get("Sec-Fetch-Dest") == "empty"


# --- What the page shows ------------------------------------------------------------------


def _live_url(day: RecruitmentDay, *, q: str = "", company: str = "", anchor: str = "") -> str:
    url = reverse("staff_recruitment:live", kwargs={"pk": day.event_id})
    params = {key: value for key, value in (("q", q), ("company", company)) if value}
    if params:
        url = f"{url}?{urlencode(params)}"
    return f"{url}#{anchor}" if anchor else url


def _params(request: HttpRequest) -> tuple[str, str]:
    """The name searched for and the company shown, kept across the buttons."""
    data = request.GET if request.method == "GET" else request.POST
    query = data.get("q", "").strip()[:100]
    company = data.get("company", "").strip()
    return query, company if company.isdigit() else ""


def _interviews_prefetch() -> Prefetch:
    return Prefetch(
        "interviews",
        queryset=Interview.objects.select_related("company").order_by("starts_at", "pk"),
    )


def _search(day: RecruitmentDay, query: str) -> list[Candidate]:
    return list(
        Candidate.objects.filter(day=day)
        .filter(Q(registration__name__icontains=query) | Q(registration__email__icontains=query))
        .select_related("registration", "day__event")
        .prefetch_related(_interviews_prefetch())
        .order_by("registration__name", "pk")[:MAX_RESULTS]
    )


def _results_context(day: RecruitmentDay, query: str) -> dict[str, Any]:
    searched = len(query) >= MIN_QUERY
    return {
        "q": query,
        "searched": searched,
        "too_short": bool(query) and not searched,
        "min_query": MIN_QUERY,
        "results": _search(day, query) if searched else [],
    }


def _company_context(day: RecruitmentDay, company_pk: str) -> dict[str, Any]:
    companies = list(Company.objects.filter(day=day).order_by("name", "pk"))
    company = next((c for c in companies if str(c.pk) == company_pk), None)
    interviews = []
    if company is not None:
        interviews = list(
            company.interviews.exclude(status=InterviewStatus.CANCELLED)
            .select_related("candidate__registration", "company")
            .order_by("starts_at", "table", "pk")
        )
    return {"companies": companies, "company": company, "company_interviews": interviews}


def _latest_run(day: RecruitmentDay) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(day=day, kind=RunKind.REOPTIMISE).first()


def _base_context(day: RecruitmentDay) -> dict[str, Any]:
    return {
        "day": day,
        "event": day.event,
        "section": "live",
        "counts": live.presence_counts(day),
        "is_live": day.phase in live.LIVE_PHASES,
        "outcomes": Outcome.choices,
        "min_query": MIN_QUERY,
    }


def _page_context(
    request: HttpRequest, day: RecruitmentDay, answer: Answer | None = None
) -> dict[str, Any]:
    query, company = _params(request)
    return {
        **_base_context(day),
        "answer": answer,
        "company_pk": company,
        "round": live.current_round(day),
        "run": _latest_run(day),
        **_results_context(day, query),
        **_company_context(day, company),
    }


def _page(request: HttpRequest, day: RecruitmentDay, answer: Answer | None = None) -> HttpResponse:
    status = answer.http_status if answer is not None else 200
    return render(
        request, f"{TEMPLATES}/page.html", _page_context(request, day, answer), status=status
    )


def _after(request: HttpRequest, day: RecruitmentDay, answer: Answer, anchor: str) -> HttpResponse:
    """A plain form's answer: back to the page (with the search and company kept), or the
    page with the refusal at the top."""
    if answer.status == REFUSED:
        return _page(request, day, answer)
    _flash(request, answer)
    query, company = _params(request)
    return redirect(_live_url(day, q=query, company=company, anchor=anchor))


# --- The live page ------------------------------------------------------------------------


@require_safe
@organiser_required
def live_page(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The page; for htmx, `?part=counts` is the counts (polled) and a search from the name
    field (HX-Target `live-results`) is its results."""
    if getattr(request, "htmx", False):
        if request.GET.get("part") == "counts":
            return render(request, f"{TEMPLATES}/_counts.html", _base_context(day))
        if request.headers.get("HX-Target") == "live-results":
            query, company = _params(request)
            context = {**_base_context(day), "company_pk": company}
            return render(
                request, f"{TEMPLATES}/_results.html", {**context, **_results_context(day, query)}
            )
    return _page(request, day)


PRESENCE_ACTIONS = {
    "arrived": live.mark_arrived,
    "absent": live.mark_absent,
    "undo": live.undo_presence,
}


def _presence_message(change: live.PresenceChange) -> str:
    name = change.candidate.name
    if change.after == Presence.ARRIVED:
        message = _("%(name)s: arrived.") % {"name": name}
    elif change.after == Presence.ABSENT:
        message = _("%(name)s: no-show.") % {"name": name}
    else:
        message = _("%(name)s: expected again.") % {"name": name}
    if change.cancelled:
        count = len(change.cancelled)
        message += " " + ngettext(
            "%(count)d interview to come is cancelled: re-optimise the rest of the day to give "
            "its table to someone else.",
            "%(count)d interviews to come are cancelled: re-optimise the rest of the day to "
            "give their tables to others.",
            count,
        ) % {"count": count}
    if change.restored:
        count = len(change.restored)
        message += " " + ngettext(
            "%(count)d interview given back.", "%(count)d interviews given back.", count
        ) % {"count": count}
    if change.nothing_to_come:
        message += " " + str(
            _(
                "No interview is left for them today: re-optimise the rest of the day to place "
                "them again."
            )
        )
    return message


def _candidate(day: RecruitmentDay, candidate_pk: int) -> Candidate:
    candidate = (
        Candidate.objects.filter(day=day, pk=candidate_pk)
        .select_related("registration", "day__event")
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate


@require_POST
@organiser_required
def live_presence(request: HttpRequest, day: RecruitmentDay, candidate_pk: int) -> HttpResponse:
    """The buttons Arrived / No-show / Undo of a candidate (POST `action`)."""
    candidate = _candidate(day, candidate_pk)
    action = PRESENCE_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        answer = Answer(REFUSED, BAD_ACTION, 400)
    else:
        try:
            answer = Answer(DONE, _presence_message(action(candidate, user=request.user)))
        except DomainError as error:
            answer = _refused(error)
    if getattr(request, "htmx", False):
        query, company = _params(request)
        context = {
            **_base_context(day),
            "candidate": _search_one(day, candidate.pk),
            "answer": answer,
            "q": query,
            "company_pk": company,
        }
        return render(
            request, f"{TEMPLATES}/_presence_answer.html", context, status=answer.http_status
        )
    return _after(request, day, answer, f"live-candidate-{candidate.pk}")


def _search_one(day: RecruitmentDay, candidate_pk: int) -> Candidate:
    return (
        Candidate.objects.filter(day=day, pk=candidate_pk)
        .select_related("registration", "day__event")
        .prefetch_related(_interviews_prefetch())
        .get()
    )


def _scan(request: HttpRequest, day: RecruitmentDay) -> Answer:
    try:
        change = live.mark_arrived_by_token(day, request.POST.get("token", ""), user=request.user)
    except BadToken:
        return Answer(REFUSED, BAD_CODE, BadToken.status)
    except WrongEvent as error:
        return Answer(REFUSED, error.message, 409)
    except live.AlreadyMarked as error:
        return Answer(ALREADY, error.message)
    except DomainError as error:
        return _refused(error)
    return Answer(DONE, _presence_message(change))


@require_POST
@organiser_required
def live_scan(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """POST `token` (the QR code of a timetable): JSON for the check-in script, else back to
    the page. A second scan of someone already arrived changes nothing and says so."""
    answer = _scan(request, day)
    if _wants_json(request):
        counts = live.presence_counts(day)
        return JsonResponse(
            {
                "status": answer.status,
                "message": str(answer.message),
                "present": counts["arrived"],
                "confirmed": counts["total"],
            },
            status=answer.http_status,
        )
    return _after(request, day, answer, "live-scan")


INTERVIEW_ACTIONS = {
    "start": live.start_interview,
    "finish": live.finish_interview,
    "no_show": live.mark_interview_no_show,
}


def _interview_message(interview: Interview, action: str) -> str:
    values = {
        "name": interview.candidate.name,
        "company": interview.company.name,
        "time": date_format(
            interview.starts_at.astimezone(interview.day.event.zone), "TIME_FORMAT"
        ),
    }
    messages_by_action = {
        "start": _("%(time)s, %(company)s: the interview of %(name)s is under way."),
        "finish": _("%(time)s, %(company)s: the interview of %(name)s is held."),
        "no_show": _("%(time)s, %(company)s: %(name)s did not come to this interview."),
        "outcome": _("%(time)s, %(company)s: outcome of %(name)s recorded."),
    }
    return str(interpolate(messages_by_action[action], values))


def _interview_action(request: HttpRequest, interview: Interview) -> Answer:
    action = request.POST.get("action", "")
    try:
        if action == "outcome":
            live.set_outcome(interview, request.POST.get("outcome"), user=request.user)
        elif action in INTERVIEW_ACTIONS:
            INTERVIEW_ACTIONS[action](interview, user=request.user)
        else:
            return Answer(REFUSED, BAD_ACTION, 400)
    except DomainError as error:
        return _refused(error)
    return Answer(DONE, _interview_message(interview, action))


@require_POST
@organiser_required
def live_interview(request: HttpRequest, day: RecruitmentDay, interview_pk: int) -> HttpResponse:
    """The buttons of an interview: POST `action` start | finish | no_show | outcome (with
    `outcome`)."""
    interview = (
        Interview.objects.filter(day=day, pk=interview_pk)
        .select_related("candidate__registration", "company", "day__event")
        .first()
    )
    if interview is None:
        raise Http404
    anchor = request.POST.get("back", "")
    anchor = (
        anchor
        if anchor in {"live-round", "live-company"}
        else f"live-candidate-{interview.candidate_id}"
    )
    return _after(request, day, _interview_action(request, interview), anchor)


def _slot(raw: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def _round_message(day: RecruitmentDay, started: live.RoundStart) -> str:
    count, held = len(started.started), len(started.finished)
    values = {
        "time": date_format(started.slot_start.astimezone(day.event.zone), "TIME_FORMAT"),
        "started": count,
        "held": held,
    }
    if count:
        return (
            ngettext(
                "Round of %(time)s: %(started)d interview started, %(held)d closed.",
                "Round of %(time)s: %(started)d interviews started, %(held)d closed.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "The last round is over: %(held)d interview closed.",
            "The last round is over: %(held)d interviews closed.",
            held,
        )
        % values
    )


@require_POST
@organiser_required
def live_round(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The bell: POST `slot_start` (the round shown on the page, as ISO 8601)."""
    slot_start = _slot(request.POST.get("slot_start", ""))
    if slot_start is None:
        answer = Answer(REFUSED, BAD_ROUND, 400)
    else:
        try:
            started = live.start_round(day, slot_start, user=request.user)
        except DomainError as error:
            answer = _refused(error)
        else:
            answer = Answer(DONE, _round_message(day, started))
    return _after(request, day, answer, "live-round")


@require_POST
@organiser_required
def live_reoptimise(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """Re-optimise the rest of the day: a computation for the worker; the page follows it."""
    from cocade.recruitment.services.scheduling import start_run

    try:
        live.ensure_live(day)
        start_run(day, request.user, kind=RunKind.REOPTIMISE)
    except DomainError as error:
        answer = _refused(error)
    else:
        answer = Answer(
            DONE,
            _(
                "The rest of the day is being re-optimised; the interviews under way or held do "
                "not move."
            ),
        )
    return _after(request, day, answer, "live-reoptimise")


# --- The board ----------------------------------------------------------------------------


def _board_context(day: RecruitmentDay) -> dict[str, Any]:
    return {"day": day, "event": day.event, "round": live.current_round(day)}


@require_safe
@organiser_required
def live_board(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    return render(request, f"{TEMPLATES}/board.html", _board_context(day))


@require_safe
@organiser_required
def live_board_fragment(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    return render(request, f"{TEMPLATES}/_board.html", _board_context(day))


# --- The report ---------------------------------------------------------------------------

BAD_FORMAT = _("Choose the CSV or XLSX format (format=csv or format=xlsx).")


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_safe
@organiser_required
def report(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The event report; `?format=csv` or `?format=xlsx` downloads it."""
    file_format = request.GET.get("format", "")
    if file_format and file_format not in reports.FORMATS:
        return render(
            request,
            "core/refused.html",
            {
                "message": BAD_FORMAT,
                "back_url": reverse("staff_recruitment:report", args=[day.event_id]),
            },
            status=400,
        )
    event_report = reports.event_report(day)
    if file_format:
        return _download(
            reports.report_file(event_report, file_format),
            reports.FORMATS[file_format],
            reports.filename(day, file_format),
        )
    context = {
        "day": day,
        "event": day.event,
        "section": "report",
        "report": event_report,
        "chart": reports.company_chart(event_report),
    }
    return render(request, f"{TEMPLATES}/report.html", context)


@require_safe
@organiser_required
def report_pdf(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    content = reports.report_pdf(reports.event_report(day))
    return _download(content, "application/pdf", reports.filename(day, "pdf"))
