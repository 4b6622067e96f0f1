"""Reads of self-assessments, reviews and development plans, always through the user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role
from cocade.competencies.enums import AssessmentStatus
from cocade.competencies.models import (
    AssessmentRating,
    Competence,
    DevelopmentPlan,
    ExpectedLevel,
    Framework,
    FrameworkVersion,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.core.errors import NotFound

DONE = (AssessmentStatus.SUBMITTED, AssessmentStatus.REVIEWED)


def assessments_visible_to(user: Any) -> QuerySet[SelfAssessment]:
    """Own assessments, those of the centres the user manages, and those they were named to
    review (while they are staff of that centre)."""
    if not getattr(user, "is_authenticated", False):
        return SelfAssessment.objects.none()
    managed = centre_ids_with_role(user, Role.CENTRE_MANAGER)
    staff_of = centre_ids_with_role(user)
    return SelfAssessment.objects.filter(
        Q(user=user) | Q(centre_id__in=managed) | Q(reviewer=user, centre_id__in=staff_of)
    ).select_related("user", "centre", "version__framework", "reviewer", "reviewed_by")


def get_assessment_for_user(user: Any, pk: int) -> SelfAssessment:
    try:
        return assessments_visible_to(user).get(pk=pk)
    except SelfAssessment.DoesNotExist as error:
        raise NotFound() from error


def own_assessments(user: Any, framework: Framework | None = None) -> QuerySet[SelfAssessment]:
    assessments = assessments_visible_to(user).filter(user=user)
    if framework is not None:
        assessments = assessments.filter(version__framework=framework)
    return assessments


def review_queue(user: Any) -> QuerySet[SelfAssessment]:
    """Submitted assessments the user may review now (never their own)."""
    managed = centre_ids_with_role(user, Role.CENTRE_MANAGER)
    staff_of = centre_ids_with_role(user)
    return (
        assessments_visible_to(user)
        .filter(status=AssessmentStatus.SUBMITTED)
        .filter(Q(centre_id__in=managed) | Q(reviewer=user, centre_id__in=staff_of))
        .exclude(user=user)
        .order_by("submitted_at", "pk")
    )


def latest_done_assessment(user: Any, version: FrameworkVersion) -> SelfAssessment | None:
    return (
        SelfAssessment.objects.filter(user=user, version=version, status__in=DONE)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def ratings_of(assessment: SelfAssessment) -> dict[int, AssessmentRating]:
    """competence id → rating, with both levels loaded."""
    return {
        rating.competence_id: rating
        for rating in assessment.ratings.select_related("level", "review_level")
    }


@dataclass(frozen=True)
class Gap:
    competence: Competence
    level: ProficiencyLevel | None  # agreed level: the reviewer's, else the counsellor's
    expected: ProficiencyLevel | None

    @property
    def size(self) -> int:
        """How many levels short of the expected one (0 when reached or nothing expected)."""
        if self.expected is None:
            return 0
        reached = self.level.rank if self.level is not None else 0
        return max(0, self.expected.rank - reached)


def gaps_of(assessment: SelfAssessment) -> list[Gap]:
    """Per competence of the version, in framework order: agreed level vs expected level for the
    assessment's profile. Three queries."""
    competences = list(
        Competence.objects.filter(version_id=assessment.version_id)
        .select_related("block")
        .order_by("block__position", "block__code", "position", "code")
    )
    expected = {
        e.competence_id: e.level
        for e in ExpectedLevel.objects.filter(
            competence__version_id=assessment.version_id, profile=assessment.profile
        ).select_related("level")
    }
    ratings = ratings_of(assessment)
    return [
        Gap(
            competence=competence,
            level=ratings[competence.pk].agreed_level if competence.pk in ratings else None,
            expected=expected.get(competence.pk),
        )
        for competence in competences
    ]


def plans_visible_to(user: Any) -> QuerySet[DevelopmentPlan]:
    if not getattr(user, "is_authenticated", False):
        return DevelopmentPlan.objects.none()
    managed = centre_ids_with_role(user, Role.CENTRE_MANAGER)
    return DevelopmentPlan.objects.filter(Q(user=user) | Q(centre_id__in=managed)).select_related(
        "user", "centre", "version__framework", "assessment"
    )


def get_plan_for_user(user: Any, pk: int) -> DevelopmentPlan:
    try:
        return plans_visible_to(user).get(pk=pk)
    except DevelopmentPlan.DoesNotExist as error:
        raise NotFound() from error
