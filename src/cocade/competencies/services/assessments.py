"""Writes of self-assessments and reviews: one function per action, for views, API and demo.

Access: an object the actor may not see raises `NotFound` (another centre's assessment is a
404); one they see but may not change raises `Forbidden`; a wrong state raises `Conflict`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.accounts.selectors import centre_ids_with_role
from cocade.competencies import notifications
from cocade.competencies.enums import AssessmentStatus, ExpectedProfile, VersionStatus
from cocade.competencies.models import (
    AssessmentRating,
    Competence,
    FrameworkVersion,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.competencies.rules import (
    assessment_centre_ids,
    can_review_assessment,
    can_view_assessment,
    manages_centre,
)
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound

COMMENT_MAX = 2000


@dataclass(frozen=True)
class RatingInput:
    """What the counsellor gives for one competence (`level` is a level code or None)."""

    level: str | None = None
    comment: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class ReviewInput:
    """What the reviewer sets for one competence: a level code (None: agree with the counsellor's
    level) and a comment."""

    level: str | None = None
    comment: str = ""


def _ensure_current(version: FrameworkVersion) -> None:
    status = FrameworkVersion.objects.filter(pk=version.pk).values_list("status", flat=True).first()
    if status != VersionStatus.PUBLISHED:
        raise Conflict(
            _(
                "This version of the framework is no longer the current one; "
                "start a new self-assessment on the published version."
            ),
            code="version_not_current",
        )


def _lock_assessment(assessment: SelfAssessment) -> SelfAssessment:
    return SelfAssessment.objects.select_for_update().get(pk=assessment.pk)


def _level_map(version: FrameworkVersion) -> dict[str, ProficiencyLevel]:
    return {level.code: level for level in ProficiencyLevel.objects.filter(version=version)}


def _competence_map(version: FrameworkVersion) -> dict[str, Competence]:
    return {c.code: c for c in Competence.objects.filter(version=version)}


def start_assessment(
    *,
    actor: Any,
    version: FrameworkVersion,
    centre_id: int | None = None,
    profile: str = ExpectedProfile.COUNSELLOR,
) -> SelfAssessment:
    """Open a draft on the published version (or return the draft already open: a second click
    creates nothing). Levels start from the actor's last submitted assessment of the framework."""
    centres = assessment_centre_ids(actor)
    if not centres:
        raise Forbidden(_("Only staff of a centre position themselves on the framework."))
    if centre_id is None:
        centre_id = centres[0]
    elif centre_id not in centres:
        raise InvalidInput(_("You are not on the staff of that centre."), field="centre")
    if profile not in ExpectedProfile.values:
        raise InvalidInput(_("Choose a profile from the list."), field="profile")
    _ensure_current(version)
    existing = SelfAssessment.objects.filter(
        user=actor, version=version, status=AssessmentStatus.DRAFT
    ).first()
    if existing is not None:
        return existing
    previous = (
        SelfAssessment.objects.filter(
            user=actor,
            version__framework_id=version.framework_id,
            status__in=(AssessmentStatus.SUBMITTED, AssessmentStatus.REVIEWED),
        )
        .order_by("-submitted_at", "-pk")
        .first()
    )
    try:
        with transaction.atomic():
            assessment = SelfAssessment.objects.create(
                user=actor, centre_id=centre_id, version=version, profile=profile
            )
            if previous is not None:
                _copy_previous(previous, assessment)
            record_action(
                actor=actor,
                action="competencies.assessment.started",
                target=assessment,
                centre_id=centre_id,
                changes={"version": {"before": None, "after": version.number}},
            )
    except IntegrityError:
        # Two clicks at once: the other request opened the draft.
        return SelfAssessment.objects.get(
            user=actor, version=version, status=AssessmentStatus.DRAFT
        )
    return assessment


def _copy_previous(previous: SelfAssessment, assessment: SelfAssessment) -> None:
    """Carry the last agreed levels over to the new draft, matching competences by code."""
    levels = _level_map(assessment.version)
    competences = _competence_map(assessment.version)
    rows = []
    for rating in previous.ratings.select_related("competence", "level", "review_level"):
        agreed = rating.agreed_level
        competence = competences.get(rating.competence.code)
        if competence is None:
            continue
        rows.append(
            AssessmentRating(
                assessment=assessment,
                competence=competence,
                level=levels.get(agreed.code) if agreed is not None else None,
                evidence=rating.evidence,
            )
        )
    AssessmentRating.objects.bulk_create(rows)


def save_ratings(
    *,
    actor: Any,
    assessment: SelfAssessment,
    ratings: Mapping[str, RatingInput],
    submit: bool = False,
) -> SelfAssessment:
    """Save the counsellor's levels (keyed by competence code) on their draft; with `submit`,
    every competence must have a level and the assessment goes to review."""
    if not can_view_assessment(actor, assessment):
        raise NotFound()
    if assessment.user_id != actor.pk:
        raise Forbidden(_("Only the person assessed may change their self-assessment."))
    levels = _level_map(assessment.version)
    competences = _competence_map(assessment.version)
    detail: dict[str, list[str]] = {}
    for code, rating in ratings.items():
        if code not in competences:
            detail.setdefault(code, []).append(
                str(_("There is no competence “%(code)s” in this version.") % {"code": code})
            )
        if rating.level is not None and rating.level not in levels:
            detail.setdefault(code, []).append(
                str(_("The level “%(level)s” is not on the scale.") % {"level": rating.level})
            )
        for text in (rating.comment, rating.evidence):
            if len(text) > COMMENT_MAX:
                detail.setdefault(code, []).append(
                    str(_("Keep comments under %(max)d characters.") % {"max": COMMENT_MAX})
                )
    if detail:
        first = next(iter(detail.values()))[0]
        raise InvalidInput(first, detail=detail)
    with transaction.atomic():
        assessment = _lock_assessment(assessment)
        if assessment.status != AssessmentStatus.DRAFT:
            raise Conflict(
                _("This self-assessment was submitted and can no longer change."),
                code="assessment_not_draft",
            )
        _ensure_current(assessment.version)
        existing = {r.competence_id: r for r in assessment.ratings.all()}
        codes_by_level_id = {level.pk: code for code, level in levels.items()}
        before = {
            competence.code: codes_by_level_id.get(existing[competence.pk].level_id)
            if competence.pk in existing
            else None
            for competence in competences.values()
        }
        to_create, to_update = [], []
        for code, given in ratings.items():
            competence = competences[code]
            level = levels[given.level] if given.level else None
            row = existing.get(competence.pk)
            if row is None:
                row = AssessmentRating(assessment=assessment, competence=competence)
                to_create.append(row)
            else:
                to_update.append(row)
            row.level = level
            row.comment = given.comment.strip()
            row.evidence = given.evidence.strip()
            existing[competence.pk] = row
        AssessmentRating.objects.bulk_create(to_create)
        AssessmentRating.objects.bulk_update(to_update, ["level", "comment", "evidence"])
        action = "competencies.assessment.saved"
        if submit:
            missing = [
                c.code
                for c in competences.values()
                if c.pk not in existing or existing[c.pk].level is None
            ]
            if missing:
                raise InvalidInput(
                    _("Give a level for every competence before submitting: %(codes)s.")
                    % {"codes": ", ".join(sorted(missing))},
                    code="assessment_incomplete",
                    detail={code: [str(_("Choose a level."))] for code in sorted(missing)},
                )
            assessment.status = AssessmentStatus.SUBMITTED
            assessment.submitted_at = timezone.now()
            action = "competencies.assessment.submitted"
        assessment.save()
        record_action(
            actor=actor,
            action=action,
            target=assessment,
            centre_id=assessment.centre_id,
            changes={
                code: {"before": before[code], "after": given.level}
                for code, given in ratings.items()
            },
        )
    if submit:
        notifications.notify_submitted(assessment)
    return assessment


def delete_draft_assessment(*, actor: Any, assessment: SelfAssessment) -> None:
    if not can_view_assessment(actor, assessment):
        raise NotFound()
    if assessment.user_id != actor.pk:
        raise Forbidden(_("Only the person assessed may delete their draft."))
    with transaction.atomic():
        assessment = _lock_assessment(assessment)
        if assessment.status != AssessmentStatus.DRAFT:
            raise Conflict(
                _("A submitted self-assessment is kept; only drafts can be deleted."),
                code="assessment_not_draft",
            )
        record_action(
            actor=actor,
            action="competencies.assessment.deleted",
            target=assessment,
            centre_id=assessment.centre_id,
            changes={},
        )
        assessment.delete()


def name_reviewer(
    *, actor: Any, assessment: SelfAssessment, reviewer: Any | None
) -> SelfAssessment:
    """A centre manager names who reviews (None: the managers themselves)."""
    if not can_view_assessment(actor, assessment):
        raise NotFound()
    if not manages_centre(actor, assessment.centre_id):
        raise Forbidden(_("Only this centre's managers name a reviewer."))
    if reviewer is not None:
        if reviewer.pk == assessment.user_id:
            raise InvalidInput(_("Nobody reviews their own self-assessment."), field="reviewer")
        if assessment.centre_id not in centre_ids_with_role(reviewer):
            raise InvalidInput(
                _("The reviewer must be on the staff of this centre."), field="reviewer"
            )
    with transaction.atomic():
        assessment = _lock_assessment(assessment)
        if assessment.status == AssessmentStatus.REVIEWED:
            raise Conflict(_("This self-assessment is already reviewed."), code="already_reviewed")
        before = assessment.reviewer_id
        assessment.reviewer = reviewer
        assessment.save(update_fields=["reviewer", "updated_at"])
        record_action(
            actor=actor,
            action="competencies.assessment.reviewer_named",
            target=assessment,
            centre_id=assessment.centre_id,
            changes={"reviewer": {"before": before, "after": reviewer.pk if reviewer else None}},
        )
    if (
        reviewer is not None
        and before != reviewer.pk
        and (assessment.status == AssessmentStatus.SUBMITTED)
    ):
        notifications.notify_reviewer_named(assessment)
    return assessment


def review_assessment(
    *,
    actor: Any,
    assessment: SelfAssessment,
    reviews: Mapping[str, ReviewInput],
    comment: str = "",
) -> SelfAssessment:
    """The reviewer agrees with each level or sets another, with comments; the counsellor then
    sees both levels. Competences left out are agreed as they are."""
    if not can_view_assessment(actor, assessment):
        raise NotFound()
    if not can_review_assessment(actor, assessment):
        raise Forbidden(
            _("Only this centre's managers, or the reviewer they named, review this assessment.")
        )
    levels = _level_map(assessment.version)
    competences = _competence_map(assessment.version)
    detail: dict[str, list[str]] = {}
    for code, review in reviews.items():
        if code not in competences:
            detail.setdefault(code, []).append(
                str(_("There is no competence “%(code)s” in this version.") % {"code": code})
            )
        if review.level is not None and review.level not in levels:
            detail.setdefault(code, []).append(
                str(_("The level “%(level)s” is not on the scale.") % {"level": review.level})
            )
        if len(review.comment) > COMMENT_MAX:
            detail.setdefault(code, []).append(
                str(_("Keep comments under %(max)d characters.") % {"max": COMMENT_MAX})
            )
    if len(comment) > 4000:
        detail.setdefault("comment", []).append(
            str(_("Keep comments under %(max)d characters.") % {"max": 4000})
        )
    if detail:
        first = next(iter(detail.values()))[0]
        raise InvalidInput(first, detail=detail)
    with transaction.atomic():
        assessment = _lock_assessment(assessment)
        if assessment.status != AssessmentStatus.SUBMITTED:
            raise Conflict(
                _("Only a submitted self-assessment can be reviewed; this one is %(status)s.")
                % {"status": assessment.get_status_display().lower()},
                code="assessment_not_submitted",
            )
        changes = {}
        rows = list(assessment.ratings.select_related("competence", "level"))
        for row in rows:
            review = reviews.get(row.competence.code, ReviewInput())
            row.review_level = levels[review.level] if review.level else row.level
            row.review_comment = review.comment.strip()
            if row.review_level_id != row.level_id:
                changes[row.competence.code] = {
                    "before": row.level.code if row.level else None,
                    "after": row.review_level.code if row.review_level else None,
                }
        AssessmentRating.objects.bulk_update(rows, ["review_level", "review_comment"])
        assessment.status = AssessmentStatus.REVIEWED
        assessment.reviewed_at = timezone.now()
        assessment.reviewed_by = actor
        assessment.review_comment = comment.strip()
        assessment.save()
        record_action(
            actor=actor,
            action="competencies.assessment.reviewed",
            target=assessment,
            centre_id=assessment.centre_id,
            changes=changes,
        )
    notifications.notify_reviewed(assessment)
    return assessment
