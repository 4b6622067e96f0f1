"""Self-assessment pages: "my competences", the assessment form, the detail page with both
levels, the review queue, the review form and naming a reviewer.

Each view finds the assessment through the user (404 outside their scope), checks who may act
(403 with the reason), parses a form, calls one service and maps its errors. Emails that tell
someone they are awaited go out after the service succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.accounts.selectors import active_memberships, centre_ids_with_role
from cocade.competencies.enums import AssessmentStatus, VersionStatus
from cocade.competencies.forms.assessments import (
    ReviewerForm,
    ReviewForm,
    SelfAssessmentForm,
    StartAssessmentForm,
)
from cocade.competencies.models import (
    AssessmentRating,
    Competence,
    SelfAssessment,
)
from cocade.competencies.rules import (
    assessment_centre_ids,
    can_review_assessment,
    manages_centre,
)
from cocade.competencies.selectors.assessments import (
    DONE,
    gaps_of,
    get_assessment_for_user,
    own_assessments,
    plans_visible_to,
    ratings_of,
    review_queue,
)
from cocade.competencies.selectors.frameworks import (
    get_version_for_user,
    levels_of,
    published_versions,
)
from cocade.competencies.services import assessments as services
from cocade.competencies.services import plans as plan_services
from cocade.competencies.views.common import forbidden, form_methods, form_view, posted, run_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound

STAFF_ONLY = _("Only staff of a centre position themselves on the framework.")
REVIEWERS_STAFF_ONLY = _("Only staff of a centre review self-assessments.")
OWNER_ONLY = _("Only the person assessed may change their self-assessment.")
REVIEWERS_ONLY = _(
    "Only this centre's managers, or the reviewer they named, review this assessment."
)
MANAGERS_NAME = _("Only this centre's managers name a reviewer.")
NOT_DRAFT = _("This self-assessment was submitted and can no longer change.")
NOT_CURRENT = _(
    "This version of the framework is no longer the current one; "
    "start a new self-assessment on the published version."
)
ALREADY_REVIEWED = _("This self-assessment is already reviewed.")


# --- Helpers ------------------------------------------------------------------------------------


def _assessment(request: HttpRequest, pk: int) -> SelfAssessment:
    try:
        return get_assessment_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def _refused(
    request: HttpRequest,
    message: Any,
    *,
    back_url: str,
    status: int = 409,
    assessment: SelfAssessment | None = None,
) -> HttpResponse:
    """The page that says why something cannot be done (nothing was changed)."""
    can_delete = (
        assessment is not None
        and assessment.user_id == request.user.pk
        and assessment.status == AssessmentStatus.DRAFT
    )
    return render(
        request,
        "competencies/assessments/refused.html",
        {
            "message": message,
            "back_url": back_url,
            "assessment": assessment,
            "can_delete": can_delete,
        },
        status=status,
    )


def _centres_of(user: Any) -> list[Any]:
    """The centres the user may assess from, in the order `assessment_centre_ids` gives."""
    by_id = {m.centre_id: m.centre for m in active_memberships(user) if m.centre_id}
    return [by_id[pk] for pk in assessment_centre_ids(user)]


def _form_competences(assessment: SelfAssessment) -> list[Competence]:
    """The version's competences with what the form shows of them: a fixed number of queries."""
    return list(
        Competence.objects.filter(version_id=assessment.version_id)
        .select_related("block")
        .prefetch_related("indicators", "descriptors")
        .order_by("block__position", "block__code", "position", "code")
    )


@dataclass
class HistoryRow:
    competence: Competence
    cells: list[Any] = field(default_factory=list)


@dataclass
class HistoryTable:
    """One framework: a row per competence, a column per dated assessment (agreed level)."""

    framework: Any
    title: Any
    columns: list[SelfAssessment]
    rows: list[HistoryRow]


@dataclass
class HistoryCell:
    level: Any
    risen: bool


def _history(done: list[SelfAssessment]) -> list[HistoryTable]:
    """Progress over time from the user's done assessments (one query for all their ratings).
    Competences are matched across versions by code, in the order of the newest version."""
    if not done:
        return []
    ratings: dict[int, dict[str, AssessmentRating]] = {}
    for rating in AssessmentRating.objects.filter(
        assessment_id__in=[a.pk for a in done]
    ).select_related("competence__block", "level", "review_level"):
        ratings.setdefault(rating.assessment_id, {})[rating.competence.code] = rating
    by_framework: dict[int, list[SelfAssessment]] = {}
    for assessment in done:
        by_framework.setdefault(assessment.version.framework_id, []).append(assessment)
    tables = []
    for assessments in by_framework.values():
        columns = sorted(assessments, key=lambda a: (a.submitted_at, a.pk))
        newest = columns[-1]
        competences: dict[str, tuple[tuple[Any, ...], Competence]] = {}
        for age, assessment in enumerate(reversed(columns)):
            for code, rating in ratings.get(assessment.pk, {}).items():
                if code not in competences:
                    c = rating.competence
                    key = (age, c.block.position, c.block.code, c.position, c.code)
                    competences[code] = (key, c)
        rows = []
        for code, (_key, competence) in sorted(competences.items(), key=lambda item: item[1][0]):
            row = HistoryRow(competence=competence)
            previous = None
            for assessment in columns:
                found = ratings.get(assessment.pk, {}).get(code)
                level = found.agreed_level if found else None
                risen = bool(level and previous and level.rank > previous.rank)
                row.cells.append(HistoryCell(level=level, risen=risen))
                previous = level or previous
            rows.append(row)
        tables.append(
            HistoryTable(
                framework=newest.version.framework,
                title=newest.version.title_i18n,
                columns=columns,
                rows=rows,
            )
        )
    return sorted(tables, key=lambda table: table.framework.slug)


# --- My competences -----------------------------------------------------------------------------


@login_required
@require_safe
def my_competences(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    centres = _centres_of(user)
    if not centres:
        return forbidden(request, STAFF_ONLY)
    versions = list(published_versions())
    assessments = list(own_assessments(user))
    drafts = {a.version_id: a for a in assessments if a.status == AssessmentStatus.DRAFT}
    frameworks = [
        {
            "version": version,
            "draft": drafts.get(version.pk),
            "form": StartAssessmentForm(
                versions=versions,
                centres=centres,
                hide_framework=True,
                initial={"framework": version.framework.slug},
                auto_id=f"id_start_{version.pk}_%s",
            ),
        }
        for version in versions
    ]
    done = [a for a in assessments if a.status in DONE]
    plans = list(
        plans_visible_to(user)
        .filter(user=user, closed_at__isnull=True)
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "competencies/assessments/my.html",
        {
            "frameworks": frameworks,
            "assessments": assessments,
            "history": _history(done),
            "plans": plans,
            "current_version_ids": {v.pk for v in versions},
        },
    )


@login_required
@require_POST
def assessment_start(request: HttpRequest) -> HttpResponse:
    user = request.user
    centres = _centres_of(user)
    if not centres:
        return forbidden(request, STAFF_ONLY)
    versions = list(published_versions())
    form = StartAssessmentForm(request.POST, versions=versions, centres=centres)

    def save() -> SelfAssessment:
        version = get_version_for_user(user, form.cleaned_data["framework"])
        return services.start_assessment(
            actor=user,
            version=version,
            centre_id=form.cleaned_data.get("centre"),
            profile=form.cleaned_data["profile"],
        )

    return form_view(
        request,
        form=form,
        save=save,
        success_message=_("Your self-assessment is open: give a level for each competence."),
        success_url=lambda assessment: _url("assessment_edit", pk=assessment.pk),
        context={
            "title": _("Start a self-assessment"),
            "submit_label": _("Start"),
            "back_url": _url("my"),
        },
    )


# --- The self-assessment form -------------------------------------------------------------------


@login_required
@form_methods
def assessment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    if assessment.user_id != request.user.pk:
        return forbidden(request, OWNER_ONLY)
    detail_url = _url("assessment", pk=assessment.pk)
    if assessment.status != AssessmentStatus.DRAFT:
        return _refused(request, NOT_DRAFT, back_url=detail_url, assessment=assessment)
    if assessment.version.status != VersionStatus.PUBLISHED:
        return _refused(request, NOT_CURRENT, back_url=_url("my"), assessment=assessment)
    competences = _form_competences(assessment)
    form = SelfAssessmentForm(
        *posted(request),
        competences=competences,
        levels=levels_of(assessment.version),
        ratings=ratings_of(assessment) if request.method != "POST" else {},
    )
    status = 200
    if request.method == "POST":
        submit = request.GET.get("submit") == "1" or "submit" in request.POST
        if form.is_valid():
            try:
                assessment = services.save_ratings(
                    actor=request.user,
                    assessment=assessment,
                    ratings=form.ratings(),
                    submit=submit,
                )
            except Forbidden as error:
                return forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except Conflict as error:
                return _refused(request, error.message, back_url=detail_url, assessment=assessment)
            except InvalidInput as error:
                form.add_error(None, str(error.message))
                for code, found in error.detail.items():
                    for message in found:
                        form.add_competence_error(code, message, top=str(error.message))
            else:
                if submit:
                    messages.success(
                        request,
                        _("Your self-assessment was submitted; your centre's managers are told."),
                    )
                    return redirect(detail_url)
                messages.success(request, _("Draft saved. You can come back to it at any time."))
                return redirect(_url("assessment_edit", pk=assessment.pk))
        status = 400
    return render(
        request,
        "competencies/assessments/edit.html",
        {"assessment": assessment, "form": form, "groups": form.groups()},
        status=status,
    )


@login_required
@require_POST
def assessment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    return run_action(
        request,
        action=lambda: services.delete_draft_assessment(actor=request.user, assessment=assessment),
        success_message=_("The draft was deleted."),
        next_url=_url("my"),
    )


# --- The assessment page ------------------------------------------------------------------------


@login_required
@require_safe
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    user = request.user
    ratings = ratings_of(assessment)
    rows: list[dict[str, Any]] = [
        {"gap": gap, "rating": ratings.get(gap.competence.pk)} for gap in gaps_of(assessment)
    ]
    groups: list[dict[str, Any]] = []
    for row in rows:
        block = row["gap"].competence.block
        if not groups or groups[-1]["block"].pk != block.pk:
            groups.append({"block": block, "rows": []})
        groups[-1]["rows"].append(row)
    is_owner = assessment.user_id == user.pk
    is_manager = manages_centre(user, assessment.centre_id)
    done = assessment.status in DONE
    open_plan = (
        plans_visible_to(user)
        .filter(user_id=assessment.user_id, version_id=assessment.version_id, closed_at=None)
        .first()
        if done
        else None
    )
    return render(
        request,
        "competencies/assessments/detail.html",
        {
            "assessment": assessment,
            "groups": groups,
            "is_owner": is_owner,
            "can_edit": is_owner and assessment.status == AssessmentStatus.DRAFT,
            "can_review": assessment.status == AssessmentStatus.SUBMITTED
            and can_review_assessment(user, assessment),
            "can_name_reviewer": is_manager and assessment.status != AssessmentStatus.REVIEWED,
            "can_plan": done and (is_owner or is_manager) and open_plan is None,
            "open_plan": open_plan,
        },
    )


# --- Reviews ------------------------------------------------------------------------------------


@login_required
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    if not centre_ids_with_role(request.user):
        return forbidden(request, REVIEWERS_STAFF_ONLY)
    return render(
        request,
        "competencies/assessments/reviews.html",
        {"assessments": list(review_queue(request.user))},
    )


@login_required
@form_methods
def assessment_review(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    user = request.user
    if not can_review_assessment(user, assessment):
        return forbidden(request, REVIEWERS_ONLY)
    detail_url = _url("assessment", pk=assessment.pk)
    if assessment.status != AssessmentStatus.SUBMITTED:
        message = (
            ALREADY_REVIEWED
            if assessment.status == AssessmentStatus.REVIEWED
            else _("This self-assessment is still a draft: it can be reviewed once submitted.")
        )
        return _refused(request, message, back_url=detail_url)
    ratings = ratings_of(assessment)
    gaps = gaps_of(assessment)
    form = ReviewForm(
        *posted(request),
        rows=[(gap.competence, ratings.get(gap.competence.pk)) for gap in gaps],
        levels=levels_of(assessment.version),
        expected={gap.competence.pk: gap.expected for gap in gaps},
    )

    def save() -> SelfAssessment:
        reviewed = services.review_assessment(
            actor=user,
            assessment=assessment,
            reviews=form.reviews(),
            comment=form.cleaned_data["comment"],
        )
        return reviewed

    return form_view(
        request,
        form=form,
        save=save,
        success_message=_("Review recorded; the counsellor now sees both levels."),
        success_url=lambda reviewed: _url("assessment", pk=reviewed.pk),
        context={"assessment": assessment, "groups": form.groups()},
        template="competencies/assessments/review.html",
    )


@login_required
@form_methods
def assessment_reviewer(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    user = request.user
    if not manages_centre(user, assessment.centre_id):
        return forbidden(request, MANAGERS_NAME)
    detail_url = _url("assessment", pk=assessment.pk)
    if assessment.status == AssessmentStatus.REVIEWED:
        return _refused(request, ALREADY_REVIEWED, back_url=detail_url)
    form = ReviewerForm(*posted(request), assessment=assessment)

    def save() -> SelfAssessment:
        named = services.name_reviewer(
            actor=user, assessment=assessment, reviewer=form.cleaned_data["reviewer"]
        )
        return named

    return form_view(
        request,
        form=form,
        save=save,
        success_message=_("The reviewer was saved."),
        success_url=lambda named: detail_url,
        context={
            "title": _("Name a reviewer"),
            "intro": _(
                "By default the centre's managers review. You may name someone else on the staff "
                "of the centre; they then see this self-assessment and review it."
            ),
            "submit_label": _("Save"),
            "back_url": detail_url,
        },
    )


# --- Starting a plan ----------------------------------------------------------------------------


@login_required
@require_POST
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    detail_url = _url("assessment", pk=assessment.pk)
    try:
        plan = plan_services.create_plan(actor=request.user, assessment=assessment)
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except Conflict as error:
        if error.code == "plan_exists":
            existing = (
                plans_visible_to(request.user)
                .filter(
                    user_id=assessment.user_id,
                    version_id=assessment.version_id,
                    closed_at__isnull=True,
                )
                .first()
            )
            if existing is not None:
                messages.info(request, _("A development plan is already open: here it is."))
                return redirect(_url("plan", pk=existing.pk))
        return _refused(request, error.message, back_url=detail_url)
    count = plan.goals.count()
    messages.success(
        request,
        _("The development plan is open with one goal per gap (%(count)d). Agree it together.")
        % {"count": count},
    )
    return redirect(_url("plan", pk=plan.pk))
