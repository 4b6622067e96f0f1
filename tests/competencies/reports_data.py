"""Builders for the results tests: dated, done self-assessments written straight to the database
(the assessment services are tested on their own), and staff members of a centre."""

import datetime

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus
from cocade.competencies.models import AssessmentRating, SelfAssessment
from tests.factories.accounts import MembershipFactory

#: Level codes of `framework_data()` by rank.
RANK = {1: "notions", 2: "application", 3: "maitrise", 4: "expertise"}


def when(day: int) -> datetime.datetime:
    """A fixed moment in January 2025 (day 1–31), at noon UTC."""
    return datetime.datetime(2025, 1, day, 12, tzinfo=datetime.UTC)


def staff(centre, name, role=Role.COUNSELLOR, **user):
    return MembershipFactory(
        role=role, centre=centre, user__full_name=name, user__email=f"{name}@example.org", **user
    ).user


def assess(
    user,
    centre,
    version,
    ranks,
    *,
    reviews=None,
    day=10,
    status=None,
    comment="",
    profile="counsellor",
    reviewer=None,
):
    """A self-assessment of `user` at `centre` on `version`: `ranks` maps competence codes to the
    person's rank (None: no level), `reviews` (optional) to the reviewer's rank. Submitted on
    `day` of January 2025 (reviewed a day later when `reviews` is given)."""
    levels = {level.rank: level for level in version.levels.all()}
    competences = {competence.code: competence for competence in version.competences.all()}
    if status is None:
        status = AssessmentStatus.REVIEWED if reviews is not None else AssessmentStatus.SUBMITTED
    done = status != AssessmentStatus.DRAFT
    assessment = SelfAssessment.objects.create(
        user=user,
        centre=centre,
        version=version,
        profile=profile,
        status=status,
        submitted_at=when(day) if done else None,
        reviewed_at=when(day + 1) if status == AssessmentStatus.REVIEWED else None,
        reviewed_by=reviewer if status == AssessmentStatus.REVIEWED else None,
        review_comment=comment,
    )
    SelfAssessment.objects.filter(pk=assessment.pk).update(created_at=when(day))
    reviews = reviews or {}
    AssessmentRating.objects.bulk_create(
        AssessmentRating(
            assessment=assessment,
            competence=competences[code],
            level=levels[rank] if rank else None,
            review_level=levels[reviews[code]] if reviews.get(code) else None,
        )
        for code, rank in ranks.items()
    )
    assessment.refresh_from_db()
    return assessment


def ranks(a1, a2, b1, b2):
    """The four competences of the default test framework, in order."""
    return {"A1": a1, "A2": a2, "B1": b1, "B2": b2}


def bulk_team(centre, version, people, *, prefix="member"):
    """`people` counsellors of `centre`, each with a submitted assessment on `version` whose ranks
    cycle through the scale: built with bulk_create, for size tests and benchmarks."""
    from cocade.accounts.models import Membership, User

    levels = list(version.levels.order_by("rank"))
    competences = list(version.competences.order_by("pk"))
    users = User.objects.bulk_create(
        User(email=f"{prefix}{index}@example.org", full_name=f"{prefix} {index:04d}")
        for index in range(people)
    )
    Membership.objects.bulk_create(
        Membership(user=user, role=Role.COUNSELLOR, centre=centre) for user in users
    )
    assessments = SelfAssessment.objects.bulk_create(
        SelfAssessment(
            user=user,
            centre=centre,
            version=version,
            status=AssessmentStatus.SUBMITTED,
            submitted_at=when(1 + index % 28),
        )
        for index, user in enumerate(users)
    )
    AssessmentRating.objects.bulk_create(
        AssessmentRating(
            assessment=assessment,
            competence=competence,
            level=levels[(row + column) % len(levels)],
        )
        for row, assessment in enumerate(assessments)
        for column, competence in enumerate(competences)
    )
    return users
