"""The Vademecum's workflow in the staff space: the staff home, a sheet's workflow page with its
buttons, assigning reviewers and the review checklist.

Each view finds the sheet or the review through the user (404 outside their scope), checks who
may act (403 with the reason), parses a form, calls one service of services/sheets.py and maps
its errors: a wrong status or a double click answers 409 with the reason, and nothing is
written. The services send the emails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.core.errors import Conflict, DomainError, Forbidden, NotFound, apply_to_form
from cocade.core.markdown import render_markdown
from cocade.core.models import AuditLogEntry
from cocade.core.viewflow import forbidden, form_methods, form_view, posted, run_action
from cocade.practices import rules, selectors
from cocade.practices.enums import (
    PracticePole,
    PracticeStatus,
    ReviewCriterion,
    ReviewRecommendation,
    ReviewScore,
    TargetPublic,
)
from cocade.practices.forms.workflow import AssignReviewerForm, ReviewForm
from cocade.practices.models import Practice, PracticeReview, PracticeTranslation
from cocade.practices.services import sheets as services

STAFF_ONLY = _("The staff pages of the Vademecum are for the staff of the network's centres.")
EDITORS_ONLY = _("Only an editor of the Vademecum assigns reviewers.")
REVIEWER_ONLY = _("Only the assigned reviewer fills in this review.")
ALREADY_SENT = _("This review was already sent: it cannot change any more.")
REVIEW_CLOSED = _("This sheet is no longer waiting for this review.")
NOT_ASSIGNABLE = _("Reviewers are assigned to a submitted sheet or one in review.")

#: What the audit trail says for each action recorded on a sheet.
ACTION_LABELS = {
    "practices.practice.created": _("Sheet created"),
    "practices.practice.updated": _("Sheet changed"),
    "practices.practice.submitted": _("Submitted to the editors"),
    "practices.practice.withdrawn": _("Taken back to draft"),
    "practices.practice.reviewer_assigned": _("Reviewer assigned"),
    "practices.review.submitted": _("Review sent"),
    "practices.practice.changes_requested": _("Changes requested"),
    "practices.practice.resubmitted": _("Sent back for review"),
    "practices.practice.published": _("Published"),
    "practices.practice.archived": _("Archived"),
    "practices.translation.created": _("Translation started"),
    "practices.translation.updated": _("Translation changed"),
    "practices.translation.status_changed": _("Translation status changed"),
    "practices.attachment.added": _("Attachment added"),
    "practices.attachment.removed": _("Attachment removed"),
}

#: The steps of the workflow as a line (changes requested is a loop back to the author).
STEPS = (
    PracticeStatus.DRAFT,
    PracticeStatus.SUBMITTED,
    PracticeStatus.IN_REVIEW,
    PracticeStatus.CHANGES_REQUESTED,
    PracticeStatus.PUBLISHED,
    PracticeStatus.ARCHIVED,
)
STEP_STATES = {
    "done": _("done"),
    "current": _("current step"),
    "next": _("to come"),
    "skipped": _("only when asked"),
}


# --- Helpers ------------------------------------------------------------------------------


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"staff_practices:{name}", kwargs=kwargs)


def _practice(request: HttpRequest, pk: int) -> Practice:
    try:
        return selectors.get_practice_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _refused(request: HttpRequest, message: Any, *, back_url: str, status: int = 409) -> Any:
    """The page that says why something cannot be done (nothing was changed)."""
    return render(
        request, "core/refused.html", {"message": message, "back_url": back_url}, status=status
    )


@dataclass
class Step:
    status: str
    label: Any
    state: str

    @property
    def state_label(self) -> Any:
        return STEP_STATES[self.state]


def workflow_steps(practice: Practice) -> list[Step]:
    """Where the sheet stands on the line draft → … → archived, each step with a word for its
    state (done, current step, to come, only when asked): never colour alone."""
    current = STEPS.index(PracticeStatus(practice.status))
    changes_happened = (
        practice.status == PracticeStatus.CHANGES_REQUESTED or practice.review_round > 1
    )
    steps = []
    for index, status in enumerate(STEPS):
        if index == current:
            state = "current"
        elif status == PracticeStatus.CHANGES_REQUESTED and not changes_happened:
            state = "skipped"
        elif index < current:
            state = "done"
        else:
            state = "next"
        steps.append(Step(status=status, label=PracticeStatus(status).label, state=state))
    return steps


@dataclass
class Section:
    """One part of the sheet's text, rendered from Markdown (or the method's ordered steps)."""

    name: str
    label: Any
    html: SafeString | None = None
    steps: list[SafeString] = field(default_factory=list)
    parts: list[Section] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        if self.parts:
            return all(part.is_empty for part in self.parts)
        return not self.html and not self.steps


def _label(name: str) -> Any:
    return getattr(PracticeTranslation._meta.get_field(name), "verbose_name", name)


def _text(translation: PracticeTranslation, name: str) -> Section:
    return Section(name=name, label=_label(name), html=render_markdown(getattr(translation, name)))


def sheet_sections(translation: PracticeTranslation | None) -> list[Section]:
    """The texts of one language of a sheet, in the order of the printed sheet, each rendered
    with `render_markdown` (the only way user text becomes HTML); the method is a list of steps.
    Empty parts are kept (and marked empty) so that a reviewer sees what is missing."""
    if translation is None:
        return []
    return [
        _text(translation, "summary"),
        _text(translation, "context"),
        _text(translation, "objectives"),
        Section(
            name="method_steps",
            label=_label("method_steps"),
            steps=[render_markdown(step) for step in translation.method_steps or []],
        ),
        _text(translation, "partners"),
        Section(
            name="resources",
            label=_("Resources"),
            parts=[
                _text(translation, name)
                for name in (
                    "resources_staff",
                    "resources_time",
                    "resources_budget",
                    "resources_tools",
                )
            ],
        ),
        _text(translation, "duration"),
        Section(
            name="results",
            label=_("Results"),
            parts=[_text(translation, "results_figures"), _text(translation, "results_text")],
        ),
        _text(translation, "evaluation"),
        _text(translation, "success_factors"),
        _text(translation, "limits"),
        _text(translation, "transfer_conditions"),
        _text(translation, "sustainability"),
    ]


@dataclass
class Action:
    name: str
    label: Any
    url: str
    confirm: Any = None
    secondary: bool = False
    danger: bool = False


def _actions(user: Any, practice: Practice, *, has_sent_review: bool) -> list[Action]:
    """The buttons this user may press on this sheet now."""
    is_editor = rules.is_editor_of(user, practice)
    is_author_or_editor = practice.author_id == user.pk or is_editor
    status = practice.status
    pk = practice.pk
    actions = []
    if status == PracticeStatus.DRAFT and is_author_or_editor:
        actions.append(
            Action(
                "submit",
                _("Submit to the editors"),
                _url("submit", pk=pk),
                confirm=_("Submit this sheet? You cannot change it while it is reviewed."),
            )
        )
    if status == PracticeStatus.SUBMITTED and is_author_or_editor:
        actions.append(
            Action(
                "withdraw",
                _("Take back to draft"),
                _url("withdraw", pk=pk),
                confirm=_("Take this sheet back to draft? The editors will not review it."),
                secondary=True,
            )
        )
    if status == PracticeStatus.CHANGES_REQUESTED and is_author_or_editor:
        actions.append(
            Action(
                "resubmit",
                _("Send back for review"),
                _url("resubmit", pk=pk),
                confirm=_("Send the changed sheet back to its reviewers?"),
            )
        )
    if status == PracticeStatus.IN_REVIEW and is_editor:
        if has_sent_review:
            actions.append(
                Action(
                    "publish",
                    _("Publish"),
                    _url("publish", pk=pk),
                    confirm=_("Publish this sheet? Everyone will be able to read it."),
                )
            )
        actions.append(
            Action(
                "request_changes",
                _("Ask the author for changes"),
                _url("request_changes", pk=pk),
                confirm=_("Send this sheet back to its author with the reviews of this round?"),
                secondary=True,
            )
        )
    if status == PracticeStatus.PUBLISHED and is_editor:
        actions.append(
            Action(
                "archive",
                _("Archive"),
                _url("archive", pk=pk),
                confirm=_("Archive this sheet? It will no longer be public or found by search."),
                danger=True,
            )
        )
    if status == PracticeStatus.ARCHIVED and is_editor:
        actions.append(
            Action(
                "restore",
                _("Publish again"),
                _url("restore", pk=pk),
                confirm=_("Publish this archived sheet again? Its followers will be told."),
            )
        )
    return actions


@dataclass
class ScoreRow:
    criterion: str
    label: Any
    score: int | None
    score_label: Any
    comment: str


@dataclass
class ReviewView:
    review: PracticeReview
    rows: list[ScoreRow]
    hidden: bool  # sent, but kept from a reviewer who has not sent their own yet
    can_open: bool
    recommendation_label: Any


def review_rows(review: PracticeReview) -> list[ScoreRow]:
    rows = []
    for criterion in ReviewCriterion:
        score = review.scores.get(criterion.value)
        rows.append(
            ScoreRow(
                criterion=criterion.value,
                label=criterion.label,
                score=score,
                score_label=ReviewScore(score).label if score in ReviewScore.values else "",
                comment=review.comments.get(criterion.value, ""),
            )
        )
    return rows


@dataclass
class Round:
    number: int
    is_current: bool
    reviews: list[ReviewView]


def _rounds(user: Any, practice: Practice, reviews: list[PracticeReview]) -> list[Round]:
    """The reviews by round, newest first. A reviewer who has not yet sent their review of the
    current round does not see the others' scores of that round (independent reviews)."""
    is_editor = rules.is_editor_of(user, practice)
    is_author = practice.author_id == user.pk
    waiting_for_me = any(
        r.reviewer_id == user.pk and r.round == practice.review_round and not r.is_submitted
        for r in reviews
    )
    rounds: dict[int, Round] = {}
    for review in reviews:
        item = rounds.setdefault(
            review.round,
            Round(
                number=review.round, is_current=review.round == practice.review_round, reviews=[]
            ),
        )
        mine = review.reviewer_id == user.pk
        hidden = (
            waiting_for_me
            and not mine
            and review.round == practice.review_round
            and not (is_editor or is_author)
        )
        item.reviews.append(
            ReviewView(
                review=review,
                rows=review_rows(review),
                hidden=hidden,
                can_open=mine or is_editor or is_author,
                recommendation_label=(
                    ReviewRecommendation(review.recommendation).label
                    if review.recommendation
                    else ""
                ),
            )
        )
    return sorted(rounds.values(), key=lambda r: -r.number)


@dataclass
class TrailEntry:
    entry: AuditLogEntry
    label: Any
    status_before: Any = None
    status_after: Any = None
    reviewer: Any = None


def _status_label(value: Any) -> Any:
    return PracticeStatus(value).label if value in PracticeStatus.values else value


def audit_trail(practice: Practice) -> list[TrailEntry]:
    """What happened to the sheet, oldest first: each transition with who and when."""
    entries = list(
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Practice, for_concrete_model=False),
            object_id=str(practice.pk),
        )
        .select_related("actor")
        .order_by("created_at", "id")
    )
    reviewer_ids = {
        e.changes["reviewer"][1]
        for e in entries
        if isinstance(e.changes.get("reviewer"), list) and len(e.changes["reviewer"]) == 2
    }
    reviewers = {u.pk: u for u in get_user_model().objects.filter(pk__in=reviewer_ids)}
    trail = []
    for entry in entries:
        item = TrailEntry(entry=entry, label=ACTION_LABELS.get(entry.action, entry.action))
        status = entry.changes.get("status")
        if isinstance(status, list) and len(status) == 2 and status[0] != status[1]:
            item.status_before = _status_label(status[0])
            item.status_after = _status_label(status[1])
        reviewer = entry.changes.get("reviewer")
        if isinstance(reviewer, list) and len(reviewer) == 2:
            item.reviewer = reviewers.get(reviewer[1])
        trail.append(item)
    return trail


# --- The staff home -----------------------------------------------------------------------


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not rules.is_staff_member(user):
        return forbidden(request, STAFF_ONLY)
    lists = selectors.staff_practices(user)
    waiting = {review.practice_id: review for review in selectors.reviews_waiting_for(user)}
    return render(
        request,
        "practices/workflow/home.html",
        {
            "mine": lists["mine"],
            "reviewing": [(practice, waiting.get(practice.pk)) for practice in lists["reviewing"]],
            "queue": lists["queue"],
            "translating": lists["translating"],
            "is_editor": rules.is_editor(user),
        },
    )


# --- A sheet's workflow page --------------------------------------------------------------


@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice(request, pk)
    user = request.user
    reviews = list(selectors.reviews_of(practice))
    current = [r for r in reviews if r.round == practice.review_round]
    has_sent_review = any(r.is_submitted for r in current)
    rounds = _rounds(user, practice, reviews)
    to_change = None
    if practice.status == PracticeStatus.CHANGES_REQUESTED:
        latest = next((r for r in rounds if r.number == practice.review_round), None)
        to_change = Round(
            number=practice.review_round,
            is_current=True,
            reviews=[r for r in (latest.reviews if latest else []) if r.review.is_submitted],
        )
    is_editor = rules.is_editor_of(user, practice)
    my_review = next((r for r in current if r.reviewer_id == user.pk), None)
    original = practice.original
    translations = sorted(practice.translations.all(), key=lambda t: t.language)
    present = {t.language for t in translations}
    return render(
        request,
        "practices/workflow/detail.html",
        {
            "practice": practice,
            "original": original,
            "sections": sheet_sections(original),
            "poles": [PracticePole(p).label for p in practice.poles if p in PracticePole.values],
            "publics": [
                TargetPublic(p).label for p in practice.target_publics if p in TargetPublic.values
            ],
            "translations": translations,
            "missing_languages": [
                (code, name) for code, name in settings.LANGUAGES if code not in present
            ]
            if practice.status != PracticeStatus.ARCHIVED
            else [],
            "steps": workflow_steps(practice),
            "actions": _actions(user, practice, has_sent_review=has_sent_review),
            "is_editor": is_editor,
            "is_author": practice.author_id == user.pk,
            "can_edit": rules.can_edit_practice(user, practice),
            "can_assign": is_editor
            and practice.status in (PracticeStatus.SUBMITTED, PracticeStatus.IN_REVIEW),
            "needs_review_to_publish": is_editor
            and practice.status == PracticeStatus.IN_REVIEW
            and not has_sent_review,
            "my_review": my_review,
            "rounds": rounds,
            "to_change": to_change,
            "trail": audit_trail(practice),
            "competences": list(practice.competences.all()),
        },
    )


# --- The buttons --------------------------------------------------------------------------


def _button(
    request: HttpRequest, pk: int, service: Callable[..., Any], message: Any
) -> HttpResponse:
    practice = _practice(request, pk)
    return run_action(
        request,
        action=lambda: service(actor=request.user, practice=practice),
        success_message=message,
        next_url=_url("detail", pk=practice.pk),
    )


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request,
        pk,
        services.submit_practice,
        _("The sheet was submitted; the editors are told and will assign reviewers."),
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request, pk, services.withdraw_practice, _("The sheet is a draft again: change it freely.")
    )


@login_required
@require_POST
def request_changes(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request,
        pk,
        services.request_changes,
        _("The sheet went back to its author, who is told what to change."),
    )


@login_required
@require_POST
def resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request,
        pk,
        services.resubmit_practice,
        _("The sheet went back for a new round of review, to the same reviewers."),
    )


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request, pk, services.publish_practice, _("The sheet is published in the Vademecum.")
    )


@login_required
@require_POST
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(
        request,
        pk,
        services.archive_practice,
        _("The sheet is archived: it is no longer public nor found by search."),
    )


@login_required
@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _button(request, pk, services.restore_practice, _("The sheet is published again."))


# --- Reviewers and reviews ----------------------------------------------------------------


@login_required
@form_methods
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice(request, pk)
    user = request.user
    detail_url = _url("detail", pk=practice.pk)
    if not rules.is_editor_of(user, practice):
        return forbidden(request, EDITORS_ONLY)
    if practice.status not in (PracticeStatus.SUBMITTED, PracticeStatus.IN_REVIEW):
        return _refused(request, NOT_ASSIGNABLE, back_url=detail_url)
    form = AssignReviewerForm(*posted(request), practice=practice)
    current = [r for r in selectors.reviews_of(practice) if r.round == practice.review_round]
    return form_view(
        request,
        form=form,
        save=lambda: services.assign_reviewer(
            actor=user, practice=practice, reviewer=form.cleaned_data["reviewer"]
        ),
        success_message=_("The reviewer was assigned and is told by email."),
        success_url=lambda review: detail_url,
        context={"practice": practice, "original": practice.original, "current": current},
        template="practices/workflow/assign.html",
    )


@login_required
@form_methods
def review(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = selectors.get_review_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error
    user = request.user
    practice = _practice(request, item.practice_id)
    detail_url = _url("detail", pk=practice.pk)
    is_reviewer = item.reviewer_id == user.pk
    is_open = (
        not item.is_submitted
        and practice.status == PracticeStatus.IN_REVIEW
        and item.round == practice.review_round
    )
    if request.method == "POST":
        if not is_reviewer:
            return forbidden(request, REVIEWER_ONLY)
        if item.is_submitted:
            return _refused(request, ALREADY_SENT, back_url=_url("review", pk=item.pk))
        if not is_open:
            return _refused(request, REVIEW_CLOSED, back_url=detail_url)
    form = ReviewForm(*posted(request)) if is_reviewer and is_open else None
    status = 200
    if form is not None and request.method == "POST":
        if form.is_valid():
            try:
                services.submit_review(actor=user, review=item, **form.values())
            except Forbidden as error:
                return forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except Conflict as error:
                message = ALREADY_SENT if error.code == "already_submitted" else error.message
                return _refused(request, message, back_url=detail_url)
            except DomainError as error:
                apply_to_form(form, error)
            else:
                messages.success(
                    request, _("Your review was sent. The editors and the author can read it.")
                )
                return redirect(_url("review", pk=item.pk))
        status = 400
    original = practice.original
    return render(
        request,
        "practices/workflow/review.html",
        {
            "review": item,
            "practice": practice,
            "original": original,
            "sections": sheet_sections(original),
            "form": form,
            "criteria": form.criteria() if form is not None else [],
            "rows": review_rows(item),
            "recommendation_label": (
                ReviewRecommendation(item.recommendation).label if item.recommendation else ""
            ),
            "is_reviewer": is_reviewer,
            "is_open": is_open,
        },
        status=status,
    )
