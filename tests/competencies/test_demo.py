"""The competency demo: the framework "Conseiller·ère en lieu intégré", the demo counsellors and
their self-assessments, loaded by `cocade demo`."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership, User
from cocade.competencies.demo import FRAMEWORK_SLUG, framework_data, load
from cocade.competencies.demo.assessments import COUNSELLORS
from cocade.competencies.enums import AssessmentStatus, ExpectedProfile, VersionStatus
from cocade.competencies.interchange.data import check_framework
from cocade.competencies.models import (
    AssessmentRating,
    Competence,
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
    ExternalMapping,
    Framework,
    FrameworkVersion,
    SelfAssessment,
)
from cocade.competencies.selectors.assessments import gaps_of
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.core.models import AuditLogEntry
from cocade.directory.demo import DEMO_PASSWORD, load_demo
from tests.factories.competencies import published_version

#: The Cedefop 2009 items of the demo référentiel in the domain brief.
CEDEFOP = {
    "A1": "1.5",
    "A2": "2.2",
    "A3": "2.5",
    "B1": "2.1",
    "B2": "2.3",
    "B3": "2.6",
    "C1": "2.4",
    "C2": "1.6",
    "D1": "3.2",
    "E1": "1.1",
    "E2": "1.2",
    "E3": "1.4",
}
CODES = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "D1", "D2", "D3", "E1", "E2", "E3"]
MAIN = "counsellor@demo.cocade.example"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


@pytest.fixture
def demo(db):
    """The directory demo, then the competency demo."""
    load_demo()
    return load()


def version():
    return FrameworkVersion.objects.get(framework__slug=FRAMEWORK_SLUG)


def snapshot():
    models = (
        Framework,
        FrameworkVersion,
        Competence,
        ExternalMapping,
        User,
        Membership,
        EmailAddress,
        SelfAssessment,
        AssessmentRating,
        DevelopmentPlan,
        DevelopmentGoal,
        DevelopmentAction,
        AuditLogEntry,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_demo_framework_data_has_no_problems():
    problems = check_framework(framework_data())

    assert problems == []


def test_demo_framework_data_is_a_new_object_each_time():
    first = framework_data()

    first.title["fr"] = "changed"

    assert framework_data().title["fr"] == "Conseiller·ère en lieu intégré"


def test_demo_load_publishes_the_framework(db):
    result = load()

    loaded = version()
    assert result.framework_created is True
    assert loaded.number == 1
    assert loaded.status == VersionStatus.PUBLISHED
    assert loaded.original_language == "fr"
    assert check_framework(version_as_data(loaded)) == []


def test_demo_framework_is_complete_in_french_english_portuguese_italian(db):
    load()

    languages = version_as_data(version()).languages()

    assert languages == ["fr", "en", "pt", "it"]


def test_demo_framework_has_five_blocks_fourteen_competences_four_levels(db):
    load()

    data = version_as_data(version())

    assert [block.code for block in data.blocks] == ["A", "B", "C", "D", "E"]
    assert [competence.code for competence in data.competences()] == CODES
    assert [level.code for level in data.levels] == [
        "notions",
        "application",
        "maitrise",
        "expertise",
    ]
    assert all(level.description.get("en") for level in data.levels) is True


def test_demo_every_competence_has_indicators_description_and_expected_levels(db):
    load()

    data = version_as_data(version())

    assert [c.code for c in data.competences() if len(c.indicators) < 2] == []
    assert [
        c.code for c in data.competences() if set(c.description) != {"fr", "en", "pt", "it"}
    ] == []
    assert [
        c.code for c in data.competences() if sorted(c.expected) != sorted(ExpectedProfile.values)
    ] == []


def test_demo_expected_levels_rise_from_newcomer_to_senior(db):
    load()

    data = version_as_data(version())
    rank = {level.code: level.rank for level in data.levels}

    assert [
        c.code
        for c in data.competences()
        if not rank[c.expected["newcomer"]]
        <= rank[c.expected["counsellor"]]
        <= rank[c.expected["senior"]]
    ] == []


def test_demo_some_competences_describe_every_level(db):
    load()

    data = version_as_data(version())
    described = [c.code for c in data.competences() if len(c.descriptors) == 4]

    assert described == ["A1", "B1", "C1", "E1"]


def test_demo_competences_map_to_the_cedefop_items_of_the_brief(db):
    load()

    mappings = dict(
        ExternalMapping.objects.filter(
            competence__version=version(), scheme="cedefop_2009"
        ).values_list("competence__code", "reference")
    )
    labels = dict(
        ExternalMapping.objects.filter(
            competence__version=version(), scheme="cedefop_2009"
        ).values_list("reference", "label")
    )

    assert mappings == CEDEFOP
    assert labels["1.5"] == "Communication and facilitation skills"
    assert labels["3.2"] == "Operate within networks and build partnerships"


def test_demo_has_no_esco_mapping(db):
    load()

    assert ExternalMapping.objects.filter(scheme="esco").count() == 0


def test_demo_counsellors_per_centre(demo):
    counsellors = dict(
        Membership.objects.active()
        .filter(role=Role.COUNSELLOR, user__email__endswith="@demo.cocade.example")
        .values_list("centre__slug")
        .annotate(count=Count("pk"))
    )

    assert counsellors == {"paris-la-villette": 8, "porto": 6, "mayotte": 5, "milano": 4}


def test_demo_counsellors_have_submitted_or_reviewed_assessments(demo):
    statuses = {
        person.email: list(
            SelfAssessment.objects.filter(user__email=person.email).values_list("status", flat=True)
        )
        for person in COUNSELLORS
    }

    assert statuses == {
        person.email: [
            AssessmentStatus.REVIEWED
            if person.reviewed and person.centre_slug in ("paris-la-villette", "mayotte")
            else AssessmentStatus.SUBMITTED
        ]
        for person in COUNSELLORS
    }
    assert SelfAssessment.objects.filter(status=AssessmentStatus.DRAFT).count() == 0


def test_demo_assessments_rate_every_competence_and_are_dated_in_the_past(demo):
    assessments = SelfAssessment.objects.filter(version__framework__slug=FRAMEWORK_SLUG)
    incomplete = [
        a.user.email for a in assessments if a.ratings.filter(level__isnull=False).count() != 14
    ]

    assert assessments.count() == 24
    assert incomplete == []
    assert assessments.filter(submitted_at__gte=demo.version.published_at).count() == 0


def test_demo_reviews_are_by_the_centre_manager(demo):
    reviewers = set(
        SelfAssessment.objects.filter(status=AssessmentStatus.REVIEWED).values_list(
            "centre__slug", "reviewed_by__email"
        )
    )

    assert reviewers == {
        ("paris-la-villette", "manager@demo.cocade.example"),
        ("mayotte", "manager.mayotte@demo.cocade.example"),
    }


def test_demo_counsellors_have_comments_and_evidence(demo):
    commented = AssessmentRating.objects.exclude(comment="").count()
    with_evidence = AssessmentRating.objects.exclude(evidence="").count()

    assert commented >= 40
    assert with_evidence >= 20


def test_demo_portuguese_and_italian_counsellors_write_in_their_language(demo):
    porto = User.objects.get(email="tiago.moreira@demo.cocade.example")
    milano = User.objects.get(email="giulia.bianchi@demo.cocade.example")

    assert porto.preferred_language == "pt"
    assert milano.preferred_language == "it"
    assert porto.check_password(DEMO_PASSWORD) is True


def test_demo_main_counsellor_has_an_older_reviewed_and_a_newer_submitted_assessment(demo):
    older, newer = SelfAssessment.objects.filter(user__email=MAIN).order_by("submitted_at")

    assert older.status == AssessmentStatus.REVIEWED
    assert newer.status == AssessmentStatus.SUBMITTED
    assert (newer.submitted_at - older.submitted_at).days == 404
    assert older.reviewed_at > older.submitted_at
    assert older.created_at < older.submitted_at


def test_demo_main_counsellor_progressed_since_the_older_assessment(demo):
    older, newer = SelfAssessment.objects.filter(user__email=MAIN).order_by("submitted_at")

    before = {g.competence.code: g.level.rank for g in gaps_of(older)}
    after = {g.competence.code: g.level.rank for g in gaps_of(newer)}

    assert [code for code in CODES if after[code] > before[code]] == [
        "A3",
        "B1",
        "C1",
        "D1",
        "D3",
        "E2",
        "E3",
    ]
    assert before["A1"] == 3  # raised by the manager's review


def test_demo_main_counsellor_plan_has_three_goals_with_actions(demo):
    plan = DevelopmentPlan.objects.get(user__email=MAIN)
    goals = list(plan.goals.select_related("competence", "target_level"))

    assert plan.assessment.status == AssessmentStatus.SUBMITTED
    assert [(g.competence.code, g.target_level.code) for g in goals] == [
        ("B2", "application"),
        ("C2", "application"),
        ("D2", "application"),
    ]
    assert [g.actions.count() for g in goals] == [2, 2, 2]
    assert [g.due_on is not None for g in goals] == [True, True, True]
    assert DevelopmentAction.objects.filter(goal__plan=plan, done_at__isnull=False).count() == 1
    assert plan.counsellor_agreed_at is not None
    assert plan.manager_agreed_at is None
    assert plan.closed_at is None


def test_demo_load_twice_creates_nothing(demo):
    first = snapshot()

    result = load()

    assert snapshot() == first
    assert result.framework_created is False
    assert result.people_created == 0
    assert result.assessments_created == 0


def test_demo_first_load_counts_what_it_created(demo):
    assert demo.framework_created is True
    assert demo.people_created == 22
    assert demo.assessments_created == 24


def test_demo_without_the_directory_demo_loads_only_the_framework(db):
    result = load()

    assert result.framework_created is True
    assert result.people_created == 0
    assert SelfAssessment.objects.count() == 0
    assert result.centres == []


def test_demo_keeps_a_framework_of_the_same_slug_that_already_exists(db):
    existing = published_version(FRAMEWORK_SLUG)

    result = load()

    assert result.framework_created is False
    assert result.version == existing
    assert FrameworkVersion.objects.count() == 1
    assert Competence.objects.count() == 4


def test_demo_country_groups_reach_the_minimum_except_italy(demo):
    people = {}
    for country, user_id in (
        SelfAssessment.objects.filter(version__framework__slug=FRAMEWORK_SLUG)
        .values_list("centre__country", "user_id")
        .distinct()
    ):
        people.setdefault(str(country), set()).add(user_id)

    assert {country: len(users) for country, users in people.items()} == {
        "FR": 13,
        "PT": 6,
        "IT": 4,
    }


def test_demo_summary_lists_each_centre(demo):
    out = StringIO()

    with translation.override("en"):
        load(stdout=out)
    lines = out.getvalue().splitlines()

    assert lines[0] == (
        "Competency framework: Conseiller·ère en lieu intégré (conseiller-lieu-integre), "
        "version 1, published: 5 blocks, 14 competences, 4 levels."
    )
    assert [line.split("  ")[0] for line in lines[5:9]] == [
        "Paris-La Villette Cité des métiers",
        "Porto Cité des métiers",
        "Mayotte Cité des métiers",
        "Milan Cité des métiers",
    ]


def test_demo_command_loads_the_competency_demo_and_prints_it(db, debug):
    out = StringIO()

    call_command("demo", stdout=out)
    output = out.getvalue()

    assert (
        FrameworkVersion.objects.filter(
            framework__slug=FRAMEWORK_SLUG, status=VersionStatus.PUBLISHED
        ).count()
        == 1
    )
    assert SelfAssessment.objects.count() == 24
    assert "Demo counsellors (same password) and their self-assessments:" in output
    assert "julien.perrin@demo.cocade.example" in output


def test_demo_command_twice_changes_nothing(db, debug):
    call_command("demo", stdout=StringIO())
    first = snapshot()

    call_command("demo", stdout=StringIO())

    assert snapshot() == first
