"""Reads behind the results views: an individual profile, a centre's team matrix and the
network's anonymised distributions.

Individuals never leave their centre: a profile goes through `get_assessment_for_user`, the team
matrix only to the centre's managers, and network coordinators get counts per level where every
group counted has at least `min_group` people (see `network_distribution`).

Each function runs a fixed number of queries whatever the number of people and competences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cocade.accounts.models import Membership
from cocade.accounts.selectors import is_network_coordinator
from cocade.competencies.enums import ExpectedProfile
from cocade.competencies.models import (
    AssessmentRating,
    Block,
    Competence,
    ExpectedLevel,
    FrameworkVersion,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.competencies.rules import ASSESSING_ROLES, can_manage_team
from cocade.competencies.selectors.assessments import (
    DONE,
    assessments_visible_to,
    get_assessment_for_user,
)
from cocade.competencies.selectors.frameworks import published_versions
from cocade.core.errors import Forbidden, NotFound
from cocade.directory.models import Centre

#: Below this many people a group is never shown to network coordinators.
MIN_GROUP = 5

#: The profile whose expected levels the team matrix marks gaps against.
TEAM_PROFILE = ExpectedProfile.COUNSELLOR


def _rank(level: ProficiencyLevel | None) -> int | None:
    return level.rank if level is not None else None


def _ordered_competences(version_id: int) -> list[Competence]:
    return list(
        Competence.objects.filter(version_id=version_id)
        .select_related("block")
        .order_by("block__position", "block__code", "position", "code")
    )


def _expected_levels(version_id: int, profile: str) -> dict[int, ProficiencyLevel]:
    """competence id → expected level for `profile` (levels loaded)."""
    return {
        expected.competence_id: expected.level
        for expected in ExpectedLevel.objects.filter(
            competence__version_id=version_id, profile=profile
        ).select_related("level")
    }


def _blocks_of(competences: list[Competence]) -> list[tuple[Block, list[Competence]]]:
    """The competences grouped by block, in framework order."""
    groups: list[tuple[Block, list[Competence]]] = []
    for competence in competences:
        if not groups or groups[-1][0].pk != competence.block_id:
            groups.append((competence.block, []))
        groups[-1][1].append(competence)
    return groups


def _chosen_version(framework_slug: str | None) -> tuple[FrameworkVersion | None, list[Any]]:
    """The published version of the framework asked for (the first one by slug when none is
    asked for) and every published version, for a selector. One query."""
    versions = list(published_versions())
    if framework_slug is None:
        return (versions[0] if versions else None), versions
    for version in versions:
        if version.framework.slug == framework_slug:
            return version, versions
    raise NotFound(_("No published framework has this short name."))


# --- Individual profile -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileRow:
    """One competence of the assessment: the person's level, the reviewer's, the expected one."""

    competence: Competence
    level: ProficiencyLevel | None
    review_level: ProficiencyLevel | None
    expected: ProficiencyLevel | None
    comment: str = ""
    review_comment: str = ""

    @property
    def agreed(self) -> ProficiencyLevel | None:
        return self.review_level or self.level

    @property
    def gap(self) -> int:
        """How many levels the agreed level is short of the expected one (0 when reached)."""
        if self.expected is None:
            return 0
        return max(0, self.expected.rank - (_rank(self.agreed) or 0))


@dataclass(frozen=True)
class ProgressRow:
    """One competence (matched across versions by its code) over the dated assessments."""

    code: str
    title: Any
    in_version: bool  # still in the version of the profile's assessment
    points: list[ProficiencyLevel | None]  # the agreed level at each history entry

    @property
    def ranks(self) -> list[int | None]:
        return [_rank(level) for level in self.points]


@dataclass(frozen=True)
class Profile:
    assessment: SelfAssessment
    levels: list[ProficiencyLevel]
    rows: list[ProfileRow]
    history: list[SelfAssessment]  # done assessments of the same framework, oldest first
    progress: list[ProgressRow]

    @property
    def max_rank(self) -> int:
        return max((level.rank for level in self.levels), default=0)

    @property
    def reached(self) -> int:
        return sum(1 for row in self.rows if row.expected is not None and row.gap == 0)

    @property
    def commented(self) -> list[ProfileRow]:
        return [row for row in self.rows if row.comment or row.review_comment]


def profile_for_user(user: Any, assessment_pk: int) -> Profile:
    """The assessment `assessment_pk` as the user may see it (404 otherwise), its levels beside
    the expected ones of its profile, and the person's progress over the dated assessments of the
    same framework that the user may see. Eight queries."""
    assessment = get_assessment_for_user(user, assessment_pk)
    version_id = assessment.version_id
    competences = _ordered_competences(version_id)
    expected = _expected_levels(version_id, assessment.profile)
    levels = list(ProficiencyLevel.objects.filter(version_id=version_id).order_by("rank"))
    ratings = {
        rating.competence_id: rating
        for rating in assessment.ratings.select_related("level", "review_level")
    }
    rows = []
    for competence in competences:
        rating = ratings.get(competence.pk)
        rows.append(
            ProfileRow(
                competence=competence,
                level=rating.level if rating else None,
                review_level=rating.review_level if rating else None,
                expected=expected.get(competence.pk),
                comment=rating.comment if rating else "",
                review_comment=rating.review_comment if rating else "",
            )
        )
    history = list(
        assessments_visible_to(user)
        .filter(
            user_id=assessment.user_id,
            version__framework_id=assessment.version.framework_id,
            status__in=DONE,
        )
        .order_by("submitted_at", "pk")
    )
    return Profile(
        assessment=assessment,
        levels=levels,
        rows=rows,
        history=history,
        progress=_progress(competences, history),
    )


def _progress(competences: list[Competence], history: list[SelfAssessment]) -> list[ProgressRow]:
    """The agreed level of each competence code at each dated assessment: the codes of the
    profile's version first, in framework order, then codes found only in older versions."""
    position = {entry.pk: index for index, entry in enumerate(history)}
    points: dict[str, list[ProficiencyLevel | None]] = {}
    titles: dict[str, Any] = {}
    for competence in competences:
        points[competence.code] = [None] * len(history)
        titles[competence.code] = competence.title_i18n
    ratings = AssessmentRating.objects.filter(assessment_id__in=position).select_related(
        "competence", "level", "review_level"
    )
    for rating in sorted(ratings, key=lambda r: (position[r.assessment_id], r.competence.code)):
        code = rating.competence.code
        if code not in points:
            points[code] = [None] * len(history)
            titles[code] = rating.competence.title_i18n
        points[code][position[rating.assessment_id]] = rating.agreed_level
    current = {competence.code for competence in competences}
    return [
        ProgressRow(code=code, title=titles[code], in_version=code in current, points=values)
        for code, values in points.items()
    ]


# --- Team matrix --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamCell:
    level: ProficiencyLevel | None  # the agreed level: the reviewer's, else the person's own
    reviewed: bool
    expected: ProficiencyLevel | None

    @property
    def is_gap(self) -> bool:
        return (
            self.level is not None
            and self.expected is not None
            and (self.level.rank < self.expected.rank)
        )


@dataclass(frozen=True)
class TeamRow:
    person: Any
    assessment: SelfAssessment | None  # the latest submitted or reviewed one, if any
    cells: list[TeamCell]


@dataclass(frozen=True)
class CompetenceSummary:
    competence: Competence
    expected: ProficiencyLevel | None
    assessed: int
    at_or_above: int


@dataclass(frozen=True)
class TeamMatrix:
    centre: Centre
    version: FrameworkVersion | None  # None when no framework is published yet
    versions: list[FrameworkVersion]
    levels: list[ProficiencyLevel]
    blocks: list[tuple[Block, list[Competence]]]
    competences: list[Competence]
    rows: list[TeamRow]
    summary: list[CompetenceSummary]


def managed_centre(user: Any, centre_slug: str) -> Centre:
    """The centre if the user manages it; 404 for anyone else, coordinators included."""
    centre = Centre.objects.filter(slug=centre_slug).first()
    if centre is None or not can_manage_team(user, centre):
        raise NotFound()
    return centre


def _latest_per_person(done: QuerySet[SelfAssessment]) -> QuerySet[SelfAssessment]:
    """Of `done`, each person's latest assessment (by submission, then id): a window function,
    one pass over the rows whatever their number."""
    return done.annotate(
        nth=Window(
            RowNumber(),
            partition_by=[F("user_id")],
            order_by=[F("submitted_at").desc(), F("pk").desc()],
        )
    ).filter(nth=1)


def team_querysets(centre: Centre, version: FrameworkVersion) -> dict[str, QuerySet[Any]]:
    """The bare queries that feed the team matrix: the people, their latest done assessment on
    `version` at `centre`, and the ratings of those assessments (as plain values)."""
    done_here = SelfAssessment.objects.filter(centre=centre, version=version, status__in=DONE)
    latest = _latest_per_person(done_here)
    staff = Membership.objects.active().filter(
        centre=centre, role__in=ASSESSING_ROLES, user__is_active=True
    )
    people = (
        get_user_model()
        .objects.filter(Q(pk__in=staff.values("user_id")) | Q(pk__in=done_here.values("user_id")))
        .only("pk", "full_name", "email")
    )
    ratings = AssessmentRating.objects.filter(assessment__in=latest.values("pk")).values_list(
        "assessment_id", "competence_id", "level_id", "review_level_id"
    )
    return {"people": people, "latest": latest, "ratings": ratings}


def team_matrix(user: Any, centre_slug: str, framework_slug: str | None = None) -> TeamMatrix:
    """Competences × people of a centre the user manages (404 otherwise, coordinators included):
    each person's agreed level on their latest submitted or reviewed assessment of the published
    version, beside the expected counsellor level. Nine queries whatever the size (with the
    user's memberships)."""
    centre = managed_centre(user, centre_slug)
    version, versions = _chosen_version(framework_slug)
    if version is None:
        return TeamMatrix(centre, None, versions, [], [], [], [], [])
    levels = list(ProficiencyLevel.objects.filter(version=version).order_by("rank"))
    competences = _ordered_competences(version.pk)
    expected = _expected_levels(version.pk, TEAM_PROFILE)
    queries = team_querysets(centre, version)
    people = sorted(queries["people"], key=lambda person: (str(person).casefold(), person.pk))
    latest = {assessment.user_id: assessment for assessment in queries["latest"]}
    level_of = {level.pk: level for level in levels}
    cells: dict[int, dict[int, TeamCell]] = defaultdict(dict)
    for assessment_id, competence_id, level_id, review_level_id in queries["ratings"]:
        agreed = review_level_id or level_id
        cells[assessment_id][competence_id] = TeamCell(
            level=level_of.get(agreed) if agreed else None,
            reviewed=review_level_id is not None,
            expected=expected.get(competence_id),
        )
    rows = []
    for person in people:
        assessment = latest.get(person.pk)
        of_assessment = cells.get(assessment.pk, {}) if assessment is not None else {}
        rows.append(
            TeamRow(
                person=person,
                assessment=assessment,
                cells=[
                    of_assessment.get(c.pk) or TeamCell(None, False, expected.get(c.pk))
                    for c in competences
                ],
            )
        )
    summary = []
    for index, competence in enumerate(competences):
        assessed = [row.cells[index] for row in rows if row.cells[index].level is not None]
        summary.append(
            CompetenceSummary(
                competence=competence,
                expected=expected.get(competence.pk),
                assessed=len(assessed),
                at_or_above=sum(1 for cell in assessed if not cell.is_gap),
            )
        )
    return TeamMatrix(
        centre=centre,
        version=version,
        versions=versions,
        levels=levels,
        blocks=_blocks_of(competences),
        competences=competences,
        rows=rows,
        summary=summary,
    )


# --- Network distribution -----------------------------------------------------------------------


@dataclass(frozen=True)
class Distribution:
    """How many people of a group stand at each level (in rank order). A suppressed group shows
    no figure at all."""

    counts: list[int] = field(default_factory=list)
    suppressed: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class CountryDistribution:
    code: str
    name: str
    distribution: Distribution


@dataclass(frozen=True)
class CompetenceDistribution:
    competence: Competence
    network: Distribution  # the sum of the country groups shown, never of suppressed ones
    countries: list[CountryDistribution]
    suppressed_countries: int


@dataclass(frozen=True)
class CountryGroup:
    code: str
    name: str
    people: int | None  # None: fewer than `min_group`, not shown


@dataclass(frozen=True)
class NetworkDistribution:
    version: FrameworkVersion | None
    versions: list[FrameworkVersion]
    levels: list[ProficiencyLevel]
    min_group: int
    competences: list[CompetenceDistribution]
    countries: list[CountryGroup]

    @property
    def people_shown(self) -> int:
        return sum(group.people or 0 for group in self.countries)

    @property
    def suppressed_countries(self) -> int:
        return sum(1 for group in self.countries if group.people is None)

    @property
    def by_country(self) -> list[tuple[CountryGroup, list[tuple[Competence, Distribution]]]]:
        """The countries shown, each with its distribution per competence."""
        return [
            (
                group,
                [
                    (item.competence, cell.distribution)
                    for item in self.competences
                    for cell in item.countries
                    if cell.code == group.code
                ],
            )
            for group in self.countries
            if group.people is not None
        ]


def network_querysets(version: FrameworkVersion) -> dict[str, QuerySet[Any]]:
    """The latest done assessment of each person on `version` (any centre), counted per country,
    and their agreed levels counted per country × competence × level."""
    latest = _latest_per_person(SelfAssessment.objects.filter(version=version, status__in=DONE))
    people = (
        SelfAssessment.objects.filter(pk__in=latest.values("pk"))
        .values("centre__country")
        .annotate(people=Count("pk"))
        .order_by("centre__country")
    )
    levels = (
        AssessmentRating.objects.filter(assessment__in=latest.values("pk"))
        .annotate(agreed=Coalesce("review_level_id", "level_id"))
        .filter(agreed__isnull=False)
        .values("assessment__centre__country", "competence_id", "agreed")
        .annotate(people=Count("pk"))
        .order_by()
    )
    return {"people": people, "levels": levels}


def network_distribution(
    user: Any, framework_slug: str | None = None, min_group: int = MIN_GROUP
) -> NetworkDistribution:
    """Anonymised distributions for network coordinators (Forbidden for anyone else).

    Per competence, how many people stand at each level (their latest submitted or reviewed
    assessment on the published version, at the agreed level), for the network and per country
    of their centre. The suppression rule: a group is a whole country, or a country for one
    competence; a group of fewer than `min_group` people is shown only as "fewer than
    `min_group`", and its people are left out of every total too. A network total is the sum of
    the groups shown, so no hidden figure can be found by subtracting shown ones from a total.
    Five queries."""
    if not is_network_coordinator(user):
        raise Forbidden(_("Only network coordinators see the network's distributions."))
    version, versions = _chosen_version(framework_slug)
    if version is None:
        return NetworkDistribution(None, versions, [], min_group, [], [])
    levels = list(ProficiencyLevel.objects.filter(version=version).order_by("rank"))
    competences = _ordered_competences(version.pk)
    queries = network_querysets(version)
    people_per_country = {row["centre__country"]: row["people"] for row in queries["people"]}
    column = {level.pk: index for index, level in enumerate(levels)}
    cells: dict[tuple[int, str], list[int]] = {}
    for row in queries["levels"]:
        key = (row["competence_id"], row["assessment__centre__country"])
        counts = cells.setdefault(key, [0] * len(levels))
        if row["agreed"] in column:
            counts[column[row["agreed"]]] += row["people"]
    country_codes = sorted(people_per_country, key=lambda code: str(countries.name(code)))
    shown_countries = {code for code, people in people_per_country.items() if people >= min_group}
    result = []
    for competence in competences:
        per_country = []
        network = [0] * len(levels)
        hidden = 0
        for code in country_codes:
            counts = cells.get((competence.pk, code), [0] * len(levels))
            if code not in shown_countries or sum(counts) < min_group:
                hidden += 1
                distribution = Distribution(suppressed=True)
            else:
                distribution = Distribution(counts=list(counts))
                network = [a + b for a, b in zip(network, counts, strict=True)]
            per_country.append(CountryDistribution(code, str(countries.name(code)), distribution))
        result.append(
            CompetenceDistribution(
                competence=competence,
                network=Distribution(counts=network, suppressed=not any(network) and hidden > 0),
                countries=per_country,
                suppressed_countries=hidden,
            )
        )
    return NetworkDistribution(
        version=version,
        versions=versions,
        levels=levels,
        min_group=min_group,
        competences=result,
        countries=[
            CountryGroup(
                code=code,
                name=str(countries.name(code)),
                people=people_per_country[code] if code in shown_countries else None,
            )
            for code in country_codes
        ],
    )
