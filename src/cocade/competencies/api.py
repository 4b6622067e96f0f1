"""The competency framework in the JSON API.

Public reads need no token: the published frameworks, and every public version (published or
superseded) with its whole tree, in one language (`?lang=fr`: each text says which language it
is in and whether it is a fallback) or in all of them (`?lang=all`: the raw `{language: text}`
objects). Drafts are never shown here.

Self-assessments and development plans need a personal token (`Authorization: Bearer cct_…`)
and go through the same selectors and services as the staff pages: an assessment or plan the
token's user may not see answers 404 (another centre's; an individual's, for a network
coordinator), an action they may not take on one they see answers 403, a wrong state answers
409 with the service's code (`assessment_not_draft`, `version_not_current`, `plan_exists`, …).
"""

import datetime
from typing import Annotated, Any, Literal, TypedDict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, P, PathEx, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import StrictBool

from cocade.competencies.enums import (
    ActionKind,
    AssessmentStatus,
    ExpectedProfile,
    GoalStatus,
    MappingScheme,
    VersionStatus,
)
from cocade.competencies.models import (
    AssessmentRating,
    Competence,
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
    FrameworkVersion,
    SelfAssessment,
)
from cocade.competencies.selectors.assessments import (
    assessments_visible_to,
    get_assessment_for_user,
    get_plan_for_user,
    plans_visible_to,
)
from cocade.competencies.selectors.authoring import complete_languages
from cocade.competencies.selectors.frameworks import (
    get_version_for_user,
    published_versions,
    version_as_data,
    versions_visible_to,
)
from cocade.competencies.services import assessments as assessment_services
from cocade.competencies.services import plans as plan_services
from cocade.core.api import BodyIn, ErrorOut, TokenAuth, omittable
from cocade.core.errors import InvalidInput, NotFound
from cocade.core.i18n import language_codes, localize
from cocade.directory.models import Centre

router = Router(tags=["competencies"])

#: A framework's slug in a path.
Slug = PathEx[str, P(pattern=r"^[-\w]+$", max_length=80, description="The framework's slug.")]
#: A version number in a path (a larger one would not reach the database).
VersionNumber = PathEx[int, P(ge=1, le=2**31 - 1, description="The version number.")]
#: An object id in a path: a positive 64-bit integer.
AssessmentId = PathEx[int, P(ge=1, le=2**63 - 1, description="The self-assessment's id.")]
PlanId = PathEx[int, P(ge=1, le=2**63 - 1, description="The development plan's id.")]
GoalId = PathEx[int, P(ge=1, le=2**63 - 1, description="The goal's id (in this plan).")]
ActionId = PathEx[int, P(ge=1, le=2**63 - 1, description="The action's id (in this goal).")]

WRITE_AUTH = TokenAuth()
PUBLIC_ERRORS = {404: ErrorOut, 422: ErrorOut}
READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class _Names(TypedDict):
    operation_id: str
    url_name: str


def _named(name: str) -> _Names:
    """The operation id of the OpenAPI document, also the URL name (`api:competencies_…`)."""
    full = f"competencies_{name}"
    return {"operation_id": full, "url_name": full}


# --- Languages --------------------------------------------------------------------------------

ALL_LANGUAGES = "all"


class LanguageQuery(Schema):
    """In which language the texts come."""

    lang: str | None = Field(
        None,
        description=(
            "Language of the texts: a language code (each text then says its language and "
            "whether it is a fallback), or `all` for every translation as "
            "`{language: text}`. Default: the request's language (Accept-Language)."
        ),
        examples=["en"],
    )


def _text_language(lang: str | None) -> str | None:
    """The language to render texts in; None means every translation (`?lang=all`). An unknown
    code is a 422 `unknown_language`."""
    if lang is None:
        return (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if lang == ALL_LANGUAGES:
        return None
    if lang not in language_codes():
        raise InvalidInput(
            _("Unknown language; use one of: %(known)s, or all.")
            % {"known": ", ".join(language_codes())},
            code="unknown_language",
            field="lang",
        )
    return lang


def _text(values: dict[str, str] | None, original_language: str, language: str | None) -> Any:
    if language is None:
        return dict(values or {})
    found = localize(values, original_language, language)
    return {"text": found.text, "language": found.language, "is_fallback": found.is_fallback}


def _texts(obj: Any, language: str | None, *fields: str) -> dict[str, Any]:
    return {name: _text(getattr(obj, name), obj.original_language, language) for name in fields}


# --- Framework output -------------------------------------------------------------------------


class LocalizedTextOut(Schema):
    """A text in the language asked for, or in a fallback language when it is missing."""

    text: str
    language: str = Field(..., description="The language the text is in.", examples=["fr"])
    is_fallback: bool = Field(..., description="True when the asked language was missing.")


#: One translated text: a `LocalizedTextOut`, or with `?lang=all` every translation.
Text = Annotated[
    LocalizedTextOut | dict[str, str],
    Field(
        description=(
            "The text in the asked language (with its language and fallback flag), or with "
            "`?lang=all` every translation as `{language: text}`."
        )
    ),
]


class VersionSummaryOut(Schema):
    """A public version of a framework: published (the current one) or superseded."""

    number: int
    status: VersionStatus = Field(..., description="`published` (current) or `superseded`.")
    published_at: datetime.datetime | None
    superseded_at: datetime.datetime | None


class FrameworkSummaryOut(Schema):
    """A framework with a published version, and its public versions."""

    slug: str
    version: int = Field(..., description="The number of the published (current) version.")
    title: Text
    languages: list[str] = Field(
        ..., description="Languages in which every required text of the current version is given."
    )
    versions: list[VersionSummaryOut] = Field(..., description="Public versions, newest first.")


class LevelOut(Schema):
    """One step of the version's proficiency scale."""

    rank: int = Field(..., description="1 is the lowest level.")
    code: str
    label: Text
    description: Text


class DescriptorOut(Schema):
    """What one level means for one competence."""

    level: str = Field(..., description="The level's code.")
    text: Text


class MappingOut(Schema):
    """An item of an external reference (Cedefop 2009, NICE 2016, ESCO) the competence maps to."""

    scheme: MappingScheme
    reference: str
    label: str


class CompetenceOut(Schema):
    """A competence with its indicators, level descriptors, expected levels and mappings."""

    code: str
    title: Text
    description: Text
    indicators: list[Text] = Field(..., description="Observable behaviours, in order.")
    descriptors: list[DescriptorOut] = Field(..., description="What a level means here.")
    expected_levels: dict[str, str] = Field(
        ..., description="Level code expected by profile (newcomer, counsellor, senior)."
    )
    mappings: list[MappingOut] = Field(..., description="Items of external references.")


class BlockOut(Schema):
    """A block of competences, in framework order."""

    code: str
    title: Text
    description: Text
    competences: list[CompetenceOut]


class FrameworkVersionOut(Schema):
    """One public version of a framework with its whole tree."""

    framework: str = Field(..., description="The framework's slug.")
    number: int
    status: VersionStatus = Field(..., description="`published` (current) or `superseded`.")
    published_at: datetime.datetime | None
    superseded_at: datetime.datetime | None
    original_language: str
    languages: list[str] = Field(
        ..., description="Languages in which every required text of this version is given."
    )
    title: Text
    description: Text
    change_note: Text = Field(..., description="What this version changes.")
    levels: list[LevelOut] = Field(..., description="The proficiency scale, lowest first.")
    blocks: list[BlockOut]


def _version_out(version: FrameworkVersion, language: str | None) -> dict[str, Any]:
    """The whole version as the API shows it (a fixed number of queries)."""
    data = version_as_data(version)  # loads the tree on `version` and knows its languages
    level_codes = {level.pk: level.code for level in version.tree_levels}  # type: ignore[attr-defined]
    ranks = {level.pk: level.rank for level in version.tree_levels}  # type: ignore[attr-defined]

    def competence_out(competence: Competence) -> dict[str, Any]:
        descriptors = sorted(competence.descriptors.all(), key=lambda d: ranks[d.level_id])
        return {
            "code": competence.code,
            **_texts(competence, language, "title", "description"),
            "indicators": [
                _text(i.text, i.original_language, language) for i in competence.indicators.all()
            ],
            "descriptors": [
                {
                    "level": level_codes[d.level_id],
                    "text": _text(d.text, d.original_language, language),
                }
                for d in descriptors
            ],
            "expected_levels": {
                e.profile: level_codes[e.level_id] for e in competence.expected_levels.all()
            },
            "mappings": [
                {"scheme": m.scheme, "reference": m.reference, "label": m.label}
                for m in competence.mappings.all()
            ],
        }

    return {
        "framework": version.framework.slug,
        "number": version.number,
        "status": version.status,
        "published_at": version.published_at,
        "superseded_at": version.superseded_at,
        "original_language": version.original_language,
        "languages": data.languages(),
        **_texts(version, language, "title", "description", "change_note"),
        "levels": [
            {
                "rank": level.rank,
                "code": level.code,
                **_texts(level, language, "label", "description"),
            }
            for level in version.tree_levels  # type: ignore[attr-defined]
        ],
        "blocks": [
            {
                "code": block.code,
                **_texts(block, language, "title", "description"),
                "competences": [competence_out(c) for c in block.competences.all()],
            }
            for block in version.tree_blocks  # type: ignore[attr-defined]
        ],
    }


def _public_versions() -> QuerySet[FrameworkVersion]:
    """Published and superseded versions, as anyone sees them (drafts never, even for authors)."""
    return versions_visible_to(None)


# --- Public reads -----------------------------------------------------------------------------


@router.get(
    "/frameworks",
    response={200: list[FrameworkSummaryOut], 422: ErrorOut},
    summary="List competency frameworks",
    **_named("list_frameworks"),
)
def list_frameworks(request: HttpRequest, filters: Query[LanguageQuery]) -> Any:
    """The frameworks that have a published version, by slug, with their public versions.
    No token needed."""
    language = _text_language(filters.lang)
    current = list(published_versions())
    versions: dict[int, list[FrameworkVersion]] = {version.framework_id: [] for version in current}
    for version in _public_versions().filter(framework_id__in=versions).order_by("-number"):
        versions[version.framework_id].append(version)
    languages = complete_languages([v.pk for v in current], titles={v.pk: v.title for v in current})
    return [
        {
            "slug": version.framework.slug,
            "version": version.number,
            "title": _text(version.title, version.original_language, language),
            "languages": languages[version.pk],
            "versions": versions[version.framework_id],
        }
        for version in current
    ]


@router.get(
    "/frameworks/{slug}",
    response={200: FrameworkVersionOut, **PUBLIC_ERRORS},
    summary="The current version of a framework",
    **_named("get_framework"),
)
def get_framework(request: HttpRequest, slug: Slug, filters: Query[LanguageQuery]) -> Any:
    """The published version of the framework with its whole tree: the scale, blocks and
    competences with indicators, level descriptors, expected levels and external mappings."""
    language = _text_language(filters.lang)
    return _version_out(get_version_for_user(None, slug), language)


@router.get(
    "/frameworks/{slug}/versions",
    response={200: list[VersionSummaryOut], **PUBLIC_ERRORS},
    summary="The public versions of a framework",
    **_named("list_framework_versions"),
)
def list_framework_versions(request: HttpRequest, slug: Slug) -> Any:
    """Published and superseded versions, newest first. Drafts are not listed."""
    versions = list(_public_versions().filter(framework__slug=slug).order_by("-number"))
    if not versions:
        raise NotFound()
    return versions


@router.get(
    "/frameworks/{slug}/versions/{number}",
    response={200: FrameworkVersionOut, **PUBLIC_ERRORS},
    summary="One version of a framework",
    **_named("get_framework_version"),
)
def get_framework_version(
    request: HttpRequest, slug: Slug, number: VersionNumber, filters: Query[LanguageQuery]
) -> Any:
    """A published or superseded version with its whole tree (a draft is 404). Assessments
    made on an older version are read against it."""
    language = _text_language(filters.lang)
    return _version_out(get_version_for_user(None, slug, number), language)


# --- Input ------------------------------------------------------------------------------------


class AssessmentIn(BodyIn):
    """Start a self-assessment (or get back the draft already open)."""

    framework: str = Field(
        ...,
        max_length=80,
        description="The framework's slug: the self-assessment is made on its published version.",
        examples=["cdm-counsellor"],
    )
    profile: ExpectedProfile = Field(
        ExpectedProfile.COUNSELLOR,
        description="Whose expected levels the gaps are measured against.",
    )
    centre: str | None = Field(
        None,
        max_length=80,
        description="Slug of the centre you assess from (default: your first centre).",
    )


class RatingIn(BodyIn):
    """What you give yourself on one competence."""

    level: str | None = Field(
        None,
        description="A level code of the version's scale; null: not rated yet.",
        examples=["application"],
    )
    comment: str = Field("", description="At most 2000 characters.")
    evidence: str = Field("", description="What shows it; at most 2000 characters.")


class RatingsIn(BodyIn):
    """Levels to save on your draft, and whether to send it to review."""

    ratings: dict[str, RatingIn] = Field(
        default_factory=dict,
        description="By competence code; competences left out keep their rating.",
    )
    submit: StrictBool = Field(
        False, description="Send to review: every competence must then have a level."
    )


class ReviewIn(BodyIn):
    """What the reviewer sets on one competence."""

    level: str | None = Field(
        None, description="The level you set; null: you agree with the counsellor's level."
    )
    comment: str = Field("", description="At most 2000 characters.")


class ReviewsIn(BodyIn):
    """The review of a submitted self-assessment."""

    reviews: dict[str, ReviewIn] = Field(
        default_factory=dict,
        description="By competence code; competences left out are agreed as they are.",
    )
    comment: str = Field("", description="On the whole self-assessment; at most 4000 characters.")


class ReviewerIn(BodyIn):
    """Who reviews the self-assessment."""

    reviewer: str | None = Field(
        ...,
        max_length=254,
        description="Email address of a colleague of the centre; null: the managers review.",
    )


class GoalFields(BodyIn):
    competence: str | None = omittable(description="A competence code of the plan's version.")
    target_level: str | None = omittable(description="A level code of the plan's version.")
    due_on: datetime.date | None = omittable(description="YYYY-MM-DD.")
    status: GoalStatus = omittable()


class GoalIn(GoalFields):
    """A new goal of a development plan."""

    title: str = Field(..., description="The goal, 1 to 300 characters.")


class GoalPatch(GoalFields):
    """The fields of a goal to change; those left out stay as they are."""

    title: str = omittable(description="The goal, 1 to 300 characters.")


class ActionIn(BodyIn):
    """A new action towards a goal."""

    kind: ActionKind
    description: str = Field(..., description="1 to 500 characters.")
    link: str = Field("", description="A web address (http or https), optional.")


class ActionPatch(BodyIn):
    """Progress on an action."""

    done: StrictBool = Field(..., description="True: done now; false: not done yet.")


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=200)
        offset: int = Field(0, ge=0, le=1_000_000)


class AssessmentFilters(Schema):
    """Which self-assessments to list."""

    user: Literal["me"] | None = Field(None, description="`me`: only your own.")
    status: AssessmentStatus | None = None
    framework: str | None = Field(None, max_length=80, description="A framework's slug.")


class PlanFilters(Schema):
    """Which development plans to list."""

    user: Literal["me"] | None = Field(None, description="`me`: only your own.")
    framework: str | None = Field(None, max_length=80, description="A framework's slug.")


# --- Assessment and plan output ---------------------------------------------------------------


def _email(user: Any) -> str | None:
    return user.email if user is not None else None


class PersonOut(Schema):
    """A member of staff."""

    email: str
    full_name: str


class AssessmentSummaryOut(Schema):
    """A self-assessment: who, on which framework version, where it stands."""

    id: int
    framework: str = Field(..., description="The framework's slug.")
    version: int = Field(..., description="The version number it was made on.")
    profile: ExpectedProfile
    status: AssessmentStatus
    user: PersonOut = Field(..., description="The person assessed.")
    centre: str = Field(..., description="The slug of the centre assessed from.")
    reviewer: str | None = Field(..., description="The named reviewer's email, if any.")
    reviewed_by: str | None = Field(..., description="Who reviewed it (email).")
    created_at: datetime.datetime
    submitted_at: datetime.datetime | None
    reviewed_at: datetime.datetime | None

    @staticmethod
    def resolve_framework(obj: SelfAssessment) -> str:
        return obj.version.framework.slug

    @staticmethod
    def resolve_version(obj: SelfAssessment) -> int:
        return obj.version.number

    @staticmethod
    def resolve_centre(obj: SelfAssessment) -> str:
        return obj.centre.slug

    @staticmethod
    def resolve_reviewer(obj: SelfAssessment) -> str | None:
        return _email(obj.reviewer)

    @staticmethod
    def resolve_reviewed_by(obj: SelfAssessment) -> str | None:
        return _email(obj.reviewed_by)


class RatingOut(Schema):
    """The counsellor's and the reviewer's levels on one competence."""

    level: str | None = Field(..., description="The counsellor's level code.")
    comment: str
    evidence: str
    review_level: str | None = Field(..., description="The reviewer's level code.")
    review_comment: str

    @staticmethod
    def resolve_level(obj: AssessmentRating) -> str | None:
        return obj.level.code if obj.level is not None else None

    @staticmethod
    def resolve_review_level(obj: AssessmentRating) -> str | None:
        return obj.review_level.code if obj.review_level is not None else None


class AssessmentOut(AssessmentSummaryOut):
    """A self-assessment with its ratings and review."""

    review_comment: str
    ratings: dict[str, RatingOut] = Field(
        ..., description="By competence code, in framework order; unrated ones are left out."
    )

    @staticmethod
    def resolve_ratings(obj: SelfAssessment) -> dict[str, AssessmentRating]:
        return obj.api_ratings  # type: ignore[attr-defined]


class ActionOut(Schema):
    """An action towards a goal: a training, a practice, a colleague to shadow…"""

    id: int
    kind: ActionKind
    description: str
    link: str
    done: bool
    done_at: datetime.datetime | None

    @staticmethod
    def resolve_done(obj: DevelopmentAction) -> bool:
        return obj.done_at is not None


class GoalOut(Schema):
    """A goal of a development plan, with its actions."""

    id: int
    competence: str | None = Field(..., description="The competence's code.")
    target_level: str | None = Field(..., description="The target level's code.")
    title: str
    due_on: datetime.date | None
    status: GoalStatus
    position: int
    actions: list[ActionOut]

    @staticmethod
    def resolve_competence(obj: DevelopmentGoal) -> str | None:
        return obj.competence.code if obj.competence is not None else None

    @staticmethod
    def resolve_target_level(obj: DevelopmentGoal) -> str | None:
        return obj.target_level.code if obj.target_level is not None else None

    @staticmethod
    def resolve_actions(obj: DevelopmentGoal) -> list[DevelopmentAction]:
        return list(obj.actions.all())


class PlanSummaryOut(Schema):
    """A development plan: whose, on which version, agreed or not, open or closed."""

    id: int
    framework: str = Field(..., description="The framework's slug.")
    version: int = Field(..., description="The version number of its goals.")
    user: PersonOut = Field(..., description="The counsellor.")
    centre: str = Field(..., description="The centre's slug.")
    assessment: int | None = Field(..., description="The self-assessment it was drawn from.")
    created_at: datetime.datetime
    counsellor_agreed_at: datetime.datetime | None
    manager_agreed_at: datetime.datetime | None
    manager_agreed_by: str | None = Field(..., description="The manager who agreed (email).")
    is_agreed: bool = Field(..., description="Both the counsellor and a manager agreed.")
    closed_at: datetime.datetime | None

    @staticmethod
    def resolve_framework(obj: DevelopmentPlan) -> str:
        return obj.version.framework.slug

    @staticmethod
    def resolve_version(obj: DevelopmentPlan) -> int:
        return obj.version.number

    @staticmethod
    def resolve_centre(obj: DevelopmentPlan) -> str:
        return obj.centre.slug

    @staticmethod
    def resolve_assessment(obj: DevelopmentPlan) -> int | None:
        return obj.assessment_id

    @staticmethod
    def resolve_manager_agreed_by(obj: DevelopmentPlan) -> str | None:
        return _email(obj.manager_agreed_by)


class PlanOut(PlanSummaryOut):
    """A development plan with its goals and their actions."""

    goals: list[GoalOut]

    @staticmethod
    def resolve_goals(obj: DevelopmentPlan) -> list[DevelopmentGoal]:
        return obj.api_goals  # type: ignore[attr-defined]


# --- Shared steps -----------------------------------------------------------------------------


def _assessment_detail(user: Any, assessment_id: int) -> SelfAssessment:
    """The assessment as `user` sees it, with its ratings in framework order (404 if hidden)."""
    assessment = get_assessment_for_user(user, assessment_id)
    ratings = assessment.ratings.select_related("competence", "level", "review_level").order_by(
        "competence__block__position",
        "competence__block__code",
        "competence__position",
        "competence__code",
    )
    assessment.api_ratings = {rating.competence.code: rating for rating in ratings}  # type: ignore[attr-defined]
    return assessment


def _goals() -> QuerySet[DevelopmentGoal]:
    return DevelopmentGoal.objects.select_related("competence", "target_level").prefetch_related(
        Prefetch("actions", queryset=DevelopmentAction.objects.order_by("pk"))
    )


def _plans(user: Any) -> QuerySet[DevelopmentPlan]:
    return plans_visible_to(user).select_related("manager_agreed_by")


def _plan_detail(user: Any, plan_id: int) -> DevelopmentPlan:
    """The plan as `user` sees it, with its goals and their actions (404 if hidden)."""
    plan = _plans(user).filter(pk=plan_id).first()
    if plan is None:
        raise NotFound()
    plan.api_goals = list(_goals().filter(plan=plan).order_by("position", "pk"))  # type: ignore[attr-defined]
    return plan


def _goal_of(user: Any, plan_id: int, goal_id: int) -> DevelopmentGoal:
    """A goal of a plan `user` sees (404 otherwise)."""
    plan = get_plan_for_user(user, plan_id)
    goal = plan.goals.filter(pk=goal_id).first()
    if goal is None:
        raise NotFound()
    goal.plan = plan
    return goal


def _action_of(user: Any, plan_id: int, goal_id: int, action_id: int) -> DevelopmentAction:
    goal = _goal_of(user, plan_id, goal_id)
    action = goal.actions.filter(pk=action_id).first()
    if action is None:
        raise NotFound()
    action.goal = goal
    return action


def _goal_detail(goal_id: int) -> DevelopmentGoal:
    return _goals().get(pk=goal_id)


def _published_version_of(slug: str) -> FrameworkVersion:
    """The version a new self-assessment is made on; a 422 at `framework` if there is none."""
    version = published_versions().filter(framework__slug=slug).first()
    if version is None:
        raise InvalidInput(
            _("There is no published framework with this identifier."), field="framework"
        )
    return version


def _centre_id(slug: str | None) -> int | None:
    if slug is None:
        return None
    centre_id = Centre.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if centre_id is None:
        raise InvalidInput(_("You are not on the staff of that centre."), field="centre")
    return centre_id


def _user_by_email(email: str | None) -> Any:
    """The colleague named as reviewer; an unknown address reads like one outside the centre
    (the API does not tell which addresses have an account)."""
    if email is None:
        return None
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise InvalidInput(_("The reviewer must be on the staff of this centre."), field="reviewer")
    return user


# --- Self-assessments -------------------------------------------------------------------------


@router.get(
    "/assessments",
    response={200: list[AssessmentSummaryOut], **READ_ERRORS},
    auth=WRITE_AUTH,
    summary="List self-assessments",
    **_named("list_assessments"),
)
@paginate(Pagination)
def list_assessments(request: HttpRequest, filters: Query[AssessmentFilters]) -> Any:
    """Your own self-assessments, those of the centres you manage and those you were named to
    review, newest first."""
    user: Any = request.user
    assessments = assessments_visible_to(user)
    if filters.user == "me":
        assessments = assessments.filter(user=user)
    if filters.status:
        assessments = assessments.filter(status=filters.status)
    if filters.framework:
        assessments = assessments.filter(version__framework__slug=filters.framework)
    return assessments


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **READ_ERRORS},
    auth=WRITE_AUTH,
    summary="One self-assessment",
    **_named("get_assessment"),
)
def get_assessment(request: HttpRequest, assessment_id: AssessmentId) -> Any:
    """The self-assessment with, per competence code, the counsellor's level, comment and
    evidence and the reviewer's level and comment."""
    return _assessment_detail(request.user, assessment_id)


@router.post(
    "/assessments",
    response={200: AssessmentOut, 201: AssessmentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Start a self-assessment",
    **_named("start_assessment"),
)
def start_assessment(request: HttpRequest, payload: AssessmentIn) -> Any:
    """Open a draft on the framework's published version (201), or answer the draft already
    open (200, same id). Levels start from your last submitted assessment of the framework.
    Staff of a centre only."""
    user: Any = request.user
    version = _published_version_of(payload.framework)
    centre_id = _centre_id(payload.centre)
    open_draft = (
        assessments_visible_to(user)
        .filter(user=user, version=version, status=AssessmentStatus.DRAFT)
        .values_list("pk", flat=True)
        .first()
    )
    assessment = assessment_services.start_assessment(
        actor=request.user, version=version, centre_id=centre_id, profile=payload.profile
    )
    status = 200 if assessment.pk == open_draft else 201
    return Status(status, _assessment_detail(request.user, assessment.pk))


@router.put(
    "/assessments/{assessment_id}/ratings",
    response={200: AssessmentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Save (and submit) your levels",
    **_named("save_ratings"),
)
def save_ratings(request: HttpRequest, assessment_id: AssessmentId, payload: RatingsIn) -> Any:
    """Save levels, comments and evidence by competence code on your draft; with `submit`,
    every competence must have a level (else 422 `assessment_incomplete`) and the assessment
    goes to review. A submitted one is 409 `assessment_not_draft`; one made on a version no
    longer current is 409 `version_not_current`."""
    assessment = get_assessment_for_user(request.user, assessment_id)
    ratings = {
        code: assessment_services.RatingInput(
            level=given.level, comment=given.comment, evidence=given.evidence
        )
        for code, given in payload.ratings.items()
    }
    assessment_services.save_ratings(
        actor=request.user, assessment=assessment, ratings=ratings, submit=payload.submit
    )
    return _assessment_detail(request.user, assessment_id)


@router.delete(
    "/assessments/{assessment_id}",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Delete your draft",
    **_named("delete_assessment"),
)
def delete_assessment(request: HttpRequest, assessment_id: AssessmentId) -> Any:
    """Delete your own draft; a submitted self-assessment is kept (409 `assessment_not_draft`)."""
    assessment = get_assessment_for_user(request.user, assessment_id)
    assessment_services.delete_draft_assessment(actor=request.user, assessment=assessment)
    return Status(204, None)


@router.put(
    "/assessments/{assessment_id}/reviewer",
    response={200: AssessmentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Name the reviewer",
    **_named("name_reviewer"),
)
def name_reviewer(request: HttpRequest, assessment_id: AssessmentId, payload: ReviewerIn) -> Any:
    """Name a colleague of the centre to review (null: the centre's managers review).
    The centre's managers only."""
    assessment = get_assessment_for_user(request.user, assessment_id)
    reviewer = _user_by_email(payload.reviewer)
    assessment_services.name_reviewer(actor=request.user, assessment=assessment, reviewer=reviewer)
    return _assessment_detail(request.user, assessment_id)


@router.post(
    "/assessments/{assessment_id}/review",
    response={200: AssessmentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Review a submitted self-assessment",
    **_named("review_assessment"),
)
def review_assessment(request: HttpRequest, assessment_id: AssessmentId, payload: ReviewsIn) -> Any:
    """Agree with each level or set another, with comments; the counsellor then sees both.
    The centre's managers or the named reviewer, never the person themself. Only a submitted
    one (else 409 `assessment_not_submitted`)."""
    assessment = get_assessment_for_user(request.user, assessment_id)
    reviews = {
        code: assessment_services.ReviewInput(level=given.level, comment=given.comment)
        for code, given in payload.reviews.items()
    }
    assessment_services.review_assessment(
        actor=request.user, assessment=assessment, reviews=reviews, comment=payload.comment
    )
    return _assessment_detail(request.user, assessment_id)


# --- Development plans ------------------------------------------------------------------------


@router.get(
    "/plans",
    response={200: list[PlanSummaryOut], **READ_ERRORS},
    auth=WRITE_AUTH,
    summary="List development plans",
    **_named("list_plans"),
)
@paginate(Pagination)
def list_plans(request: HttpRequest, filters: Query[PlanFilters]) -> Any:
    """Your own development plans and those of the centres you manage, newest first."""
    user: Any = request.user
    plans = _plans(user)
    if filters.user == "me":
        plans = plans.filter(user=user)
    if filters.framework:
        plans = plans.filter(version__framework__slug=filters.framework)
    return plans


@router.get(
    "/plans/{plan_id}",
    response={200: PlanOut, **READ_ERRORS},
    auth=WRITE_AUTH,
    summary="One development plan",
    **_named("get_plan"),
)
def get_plan(request: HttpRequest, plan_id: PlanId) -> Any:
    """The plan with its goals and their actions."""
    return _plan_detail(request.user, plan_id)


@router.post(
    "/assessments/{assessment_id}/plan",
    response={201: PlanOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Draw up a plan from a self-assessment",
    **_named("create_plan"),
)
def create_plan(request: HttpRequest, assessment_id: AssessmentId) -> Any:
    """Start the plan of a submitted or reviewed self-assessment with one goal per gap. The
    counsellor or their centre's managers. One open plan per version (409 `plan_exists`)."""
    assessment = get_assessment_for_user(request.user, assessment_id)
    plan = plan_services.create_plan(actor=request.user, assessment=assessment)
    return Status(201, _plan_detail(request.user, plan.pk))


@router.post(
    "/plans/{plan_id}/goals",
    response={201: GoalOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Add a goal",
    **_named("add_goal"),
)
def add_goal(request: HttpRequest, plan_id: PlanId, payload: GoalIn) -> Any:
    """Add a goal at the end of the plan; both agreements must then be given again."""
    plan = get_plan_for_user(request.user, plan_id)
    goal = plan_services.add_goal(actor=request.user, plan=plan, values=payload.changes())
    return Status(201, _goal_detail(goal.pk))


@router.patch(
    "/plans/{plan_id}/goals/{goal_id}",
    response={200: GoalOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Change a goal",
    **_named("update_goal"),
)
def update_goal(request: HttpRequest, plan_id: PlanId, goal_id: GoalId, payload: GoalPatch) -> Any:
    """Change the fields sent. Changing what the goal asks (competence, target, wording, due
    date) clears both agreements; its status does not."""
    goal = _goal_of(request.user, plan_id, goal_id)
    plan_services.update_goal(actor=request.user, goal=goal, values=payload.changes())
    return _goal_detail(goal.pk)


@router.delete(
    "/plans/{plan_id}/goals/{goal_id}",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Remove a goal",
    **_named("delete_goal"),
)
def delete_goal(request: HttpRequest, plan_id: PlanId, goal_id: GoalId) -> Any:
    """Remove the goal and its actions; both agreements must then be given again."""
    goal = _goal_of(request.user, plan_id, goal_id)
    plan_services.delete_goal(actor=request.user, goal=goal)
    return Status(204, None)


@router.post(
    "/plans/{plan_id}/goals/{goal_id}/actions",
    response={201: ActionOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Add an action to a goal",
    **_named("add_action"),
)
def add_action(request: HttpRequest, plan_id: PlanId, goal_id: GoalId, payload: ActionIn) -> Any:
    """A training to follow, a practice to try, a colleague to shadow…"""
    goal = _goal_of(request.user, plan_id, goal_id)
    action = plan_services.add_action(
        actor=request.user,
        goal=goal,
        kind=payload.kind,
        description=payload.description,
        link=payload.link,
    )
    return Status(201, action)


@router.patch(
    "/plans/{plan_id}/goals/{goal_id}/actions/{action_id}",
    response={200: ActionOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Mark an action done or not done",
    **_named("update_action"),
)
def update_action(
    request: HttpRequest,
    plan_id: PlanId,
    goal_id: GoalId,
    action_id: ActionId,
    payload: ActionPatch,
) -> Any:
    """Record progress (does not clear the agreements). Sending the same value twice changes
    nothing."""
    action = _action_of(request.user, plan_id, goal_id, action_id)
    return plan_services.set_action_done(actor=request.user, action=action, done=payload.done)


@router.delete(
    "/plans/{plan_id}/goals/{goal_id}/actions/{action_id}",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Remove an action",
    **_named("delete_action"),
)
def delete_action(
    request: HttpRequest, plan_id: PlanId, goal_id: GoalId, action_id: ActionId
) -> Any:
    action = _action_of(request.user, plan_id, goal_id, action_id)
    plan_services.delete_action(actor=request.user, action=action)
    return Status(204, None)


@router.post(
    "/plans/{plan_id}/agree",
    response={200: PlanOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Agree the plan",
    **_named("agree_plan"),
)
def agree_plan(request: HttpRequest, plan_id: PlanId) -> Any:
    """Record your agreement as the counsellor or as a manager of the centre (again: no
    change). A plan without goals is 409 `plan_empty`."""
    plan = get_plan_for_user(request.user, plan_id)
    plan_services.agree_plan(actor=request.user, plan=plan)
    return _plan_detail(request.user, plan_id)


@router.post(
    "/plans/{plan_id}/close",
    response={200: PlanOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Close the plan",
    **_named("close_plan"),
)
def close_plan(request: HttpRequest, plan_id: PlanId) -> Any:
    """Close the plan: it no longer changes, and a new one may be drawn up."""
    plan = get_plan_for_user(request.user, plan_id)
    plan_services.close_plan(actor=request.user, plan=plan)
    return _plan_detail(request.user, plan_id)
