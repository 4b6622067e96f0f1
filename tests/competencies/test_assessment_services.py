"""The services of self-assessments, reviews and development plans: what they write, what they
refuse (with the exact reason) and that a refusal changes nothing."""

import datetime

import pytest
from django.core import serializers
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus, GoalStatus, VersionStatus
from cocade.competencies.models import (
    AssessmentRating,
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
    SelfAssessment,
)
from cocade.competencies.selectors.assessments import gaps_of, review_queue
from cocade.competencies.services import assessments, plans
from cocade.competencies.services.assessments import RatingInput, ReviewInput
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version

CODES = ("A1", "A2", "B1", "B2")


@pytest.fixture(autouse=True)
def _english():
    """Services write their messages in the active language; these tests read them in English."""
    with translation.override("en"):
        yield


def snapshot():
    """Every row a self-assessment, review or plan may touch, and the audit trail."""
    models = (
        SelfAssessment,
        AssessmentRating,
        DevelopmentPlan,
        DevelopmentGoal,
        DevelopmentAction,
        AuditLogEntry,
    )
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in models]


def submit(user, version, levels=None, **start):
    assessment = assessments.start_assessment(actor=user, version=version, **start)
    levels = levels or dict.fromkeys(CODES, "application")
    return assessments.save_ratings(
        actor=user,
        assessment=assessment,
        ratings={code: RatingInput(level) for code, level in levels.items()},
        submit=True,
    )


@pytest.fixture
def version(db):
    return published_version()


@pytest.fixture
def counsellor_a2(centre_a):
    return MembershipFactory(
        user__email="counsellor-a2@example.org", role=Role.COUNSELLOR, centre=centre_a
    ).user


@pytest.fixture
def counsellor_b(centre_b):
    return MembershipFactory(
        user__email="counsellor-b@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


# --- Starting ----------------------------------------------------------------------------------


def test_start_assessment_twice_returns_the_same_draft(counsellor_a, centre_a, version):
    first = assessments.start_assessment(actor=counsellor_a, version=version)

    second = assessments.start_assessment(actor=counsellor_a, version=version)

    assert (second.pk, SelfAssessment.objects.count(), first.centre_id, first.status) == (
        first.pk,
        1,
        centre_a.pk,
        AssessmentStatus.DRAFT,
    )


def test_start_assessment_without_centre_role_is_forbidden(public_user, version):
    before = snapshot()

    with pytest.raises(Forbidden) as caught, translation.override("en"):
        assessments.start_assessment(actor=public_user, version=version)

    with translation.override("en"):
        assert str(caught.value.message) == (
            "Only staff of a centre position themselves on the framework."
        )
    assert snapshot() == before


def test_start_assessment_at_another_centre_is_refused(counsellor_a, centre_b, version):
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        assessments.start_assessment(actor=counsellor_a, version=version, centre_id=centre_b.pk)

    with translation.override("en"):
        assert (caught.value.field, str(caught.value.message)) == (
            "centre",
            "You are not on the staff of that centre.",
        )
    assert snapshot() == before


def test_start_assessment_on_superseded_version_is_refused(counsellor_a, version):
    published_version()  # version 2 supersedes version 1
    version.refresh_from_db()
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        assessments.start_assessment(actor=counsellor_a, version=version)

    with translation.override("en"):
        assert (version.status, caught.value.code, str(caught.value.message)) == (
            VersionStatus.SUPERSEDED,
            "version_not_current",
            "This version of the framework is no longer the current one; start a new "
            "self-assessment on the published version.",
        )
    assert snapshot() == before


def test_start_assessment_carries_the_agreed_levels_over(counsellor_a, manager_a, version):
    done = submit(
        counsellor_a,
        version,
        {"A1": "notions", "A2": "application", "B1": "maitrise"} | {"B2": "expertise"},
    )
    assessments.review_assessment(
        actor=manager_a, assessment=done, reviews={"A1": ReviewInput("application")}
    )
    version_2 = published_version()

    draft = assessments.start_assessment(actor=counsellor_a, version=version_2)

    assert {
        r.competence.code: r.level.code for r in draft.ratings.select_related("competence", "level")
    } == {"A1": "application", "A2": "application", "B1": "maitrise", "B2": "expertise"}


# --- Saving and submitting ---------------------------------------------------------------------


def test_save_ratings_draft_keeps_levels_and_records_before_and_after(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    assessments.save_ratings(
        actor=counsellor_a, assessment=draft, ratings={"A1": RatingInput("notions")}
    )

    assessments.save_ratings(
        actor=counsellor_a,
        assessment=draft,
        ratings={"A1": RatingInput("maitrise", "  Often  ", "Case notes"), "A2": RatingInput()},
    )

    rows = {
        r.competence.code: (r.level.code if r.level else None, r.comment, r.evidence)
        for r in draft.ratings.select_related("competence", "level")
    }
    entry = (
        AuditLogEntry.objects.filter(action="competencies.assessment.saved").order_by("pk").last()
    )
    assert (rows, entry.changes) == (
        {"A1": ("maitrise", "Often", "Case notes"), "A2": (None, "", "")},
        {"A1": {"before": "notions", "after": "maitrise"}, "A2": {"before": None, "after": None}},
    )


def test_save_ratings_submit_incomplete_is_refused_and_changes_nothing(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    assessments.save_ratings(
        actor=counsellor_a, assessment=draft, ratings={"A1": RatingInput("notions")}
    )
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        assessments.save_ratings(
            actor=counsellor_a,
            assessment=draft,
            ratings={"A1": RatingInput("maitrise"), "B1": RatingInput("notions")},
            submit=True,
        )

    with translation.override("en"):
        assert (caught.value.code, str(caught.value.message), caught.value.detail) == (
            "assessment_incomplete",
            "Give a level for every competence before submitting: A2, B2.",
            {"A2": ["Choose a level."], "B2": ["Choose a level."]},
        )
    assert snapshot() == before


def test_save_ratings_after_the_version_was_superseded_is_refused(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    published_version()
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        assessments.save_ratings(
            actor=counsellor_a,
            assessment=draft,
            ratings=dict.fromkeys(CODES, RatingInput("notions")),
            submit=True,
        )

    assert caught.value.code == "version_not_current"
    assert snapshot() == before


def test_save_ratings_on_a_submitted_assessment_is_refused(counsellor_a, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        assessments.save_ratings(
            actor=counsellor_a, assessment=done, ratings={"A1": RatingInput("notions")}
        )

    with translation.override("en"):
        assert str(caught.value.message) == (
            "This self-assessment was submitted and can no longer change."
        )
    assert snapshot() == before


def test_save_ratings_by_the_manager_is_forbidden(counsellor_a, manager_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    before = snapshot()

    with pytest.raises(Forbidden):
        assessments.save_ratings(
            actor=manager_a, assessment=draft, ratings={"A1": RatingInput("notions")}
        )

    assert snapshot() == before


def test_save_ratings_with_unknown_level_or_competence_is_refused(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        assessments.save_ratings(
            actor=counsellor_a,
            assessment=draft,
            ratings={"A1": RatingInput("genius"), "Z9": RatingInput("notions")},
        )

    with translation.override("en"):
        assert caught.value.detail == {
            "A1": ["The level “genius” is not on the scale."],
            "Z9": ["There is no competence “Z9” in this version."],
        }
    assert snapshot() == before


def test_delete_draft_assessment_of_a_submitted_one_is_refused(counsellor_a, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(Conflict):
        assessments.delete_draft_assessment(actor=counsellor_a, assessment=done)

    assert snapshot() == before


# --- Reviewing ---------------------------------------------------------------------------------


def test_review_assessment_keeps_both_levels_and_audits(counsellor_a, manager_a, version):
    done = submit(counsellor_a, version)

    assessments.review_assessment(
        actor=manager_a,
        assessment=done,
        reviews={"A1": ReviewInput("maitrise", "Seen in June"), "A2": ReviewInput(None, "Yes")},
        comment=" Well done ",
    )

    done.refresh_from_db()
    rows = {
        r.competence.code: (r.level.code, r.review_level.code, r.review_comment)
        for r in done.ratings.select_related("competence", "level", "review_level")
    }
    entry = AuditLogEntry.objects.get(action="competencies.assessment.reviewed")
    assert (done.status, done.reviewed_by, done.review_comment, rows, entry.changes) == (
        AssessmentStatus.REVIEWED,
        manager_a,
        "Well done",
        {
            "A1": ("application", "maitrise", "Seen in June"),
            "A2": ("application", "application", "Yes"),
            "B1": ("application", "application", ""),
            "B2": ("application", "application", ""),
        },
        {"A1": {"before": "application", "after": "maitrise"}},
    )


def test_review_by_a_manager_of_another_centre_is_not_found(counsellor_a, manager_b, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(NotFound):
        assessments.review_assessment(actor=manager_b, assessment=done, reviews={})

    assert snapshot() == before


def test_review_of_ones_own_assessment_is_refused(manager_a, version):
    own = submit(manager_a, version)
    before = snapshot()

    with pytest.raises(Forbidden) as caught:
        assessments.review_assessment(actor=manager_a, assessment=own, reviews={})

    with translation.override("en"):
        assert str(caught.value.message) == (
            "Only this centre's managers, or the reviewer they named, review this assessment."
        )
    assert (snapshot(), list(review_queue(manager_a))) == (before, [])


def test_review_of_a_draft_is_refused(counsellor_a, manager_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        assessments.review_assessment(actor=manager_a, assessment=draft, reviews={})

    with translation.override("en"):
        assert str(caught.value.message) == (
            "Only a submitted self-assessment can be reviewed; this one is draft."
        )
    assert snapshot() == before


def test_named_reviewer_of_the_centre_reviews(counsellor_a, counsellor_a2, manager_a, version):
    done = submit(counsellor_a, version)
    done = assessments.name_reviewer(actor=manager_a, assessment=done, reviewer=counsellor_a2)

    assessments.review_assessment(actor=counsellor_a2, assessment=done, reviews={})

    done.refresh_from_db()
    assert (done.status, done.reviewer, done.reviewed_by) == (
        AssessmentStatus.REVIEWED,
        counsellor_a2,
        counsellor_a2,
    )


def test_name_reviewer_of_another_centre_is_refused(counsellor_a, counsellor_b, manager_a, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        assessments.name_reviewer(actor=manager_a, assessment=done, reviewer=counsellor_b)

    with translation.override("en"):
        assert (caught.value.field, str(caught.value.message)) == (
            "reviewer",
            "The reviewer must be on the staff of this centre.",
        )
    assert snapshot() == before


def test_name_reviewer_the_person_themself_is_refused(counsellor_a, manager_a, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        assessments.name_reviewer(actor=manager_a, assessment=done, reviewer=counsellor_a)

    with translation.override("en"):
        assert str(caught.value.message) == "Nobody reviews their own self-assessment."
    assert snapshot() == before


def test_name_reviewer_by_a_counsellor_is_forbidden(counsellor_a, counsellor_a2, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(Forbidden):
        assessments.name_reviewer(actor=counsellor_a, assessment=done, reviewer=counsellor_a2)

    assert snapshot() == before


# --- Plans -------------------------------------------------------------------------------------


def test_create_plan_has_one_goal_per_gap_exactly(counsellor_a, manager_a, version):
    done = submit(
        counsellor_a,
        version,
        {"A1": "expertise", "A2": "maitrise", "B1": "application", "B2": "notions"},
    )
    assessments.review_assessment(
        actor=manager_a, assessment=done, reviews={"A2": ReviewInput("notions")}
    )

    plan = plans.create_plan(actor=manager_a, assessment=done)

    goals = [
        (g.competence.code, g.target_level.code, g.status, g.position)
        for g in plan.goals.select_related("competence", "target_level")
    ]
    sizes = {gap.competence.code: gap.size for gap in gaps_of(done)}
    assert (goals, sizes, plan.user, plan.created_by) == (
        [
            ("A2", "maitrise", GoalStatus.PLANNED, 0),
            ("B1", "maitrise", GoalStatus.PLANNED, 1),
            ("B2", "maitrise", GoalStatus.PLANNED, 2),
        ],
        {"A1": 0, "A2": 2, "B1": 1, "B2": 2},
        counsellor_a,
        manager_a,
    )


def test_create_plan_from_a_draft_is_refused(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        plans.create_plan(actor=counsellor_a, assessment=draft)

    with translation.override("en"):
        assert str(caught.value.message) == (
            "Submit the self-assessment before drawing up a plan from it."
        )
    assert snapshot() == before


def test_create_plan_twice_is_refused(counsellor_a, version):
    done = submit(counsellor_a, version)
    plans.create_plan(actor=counsellor_a, assessment=done)
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        plans.create_plan(actor=counsellor_a, assessment=done)

    assert caught.value.code == "plan_exists"
    assert snapshot() == before


def test_create_plan_by_a_manager_of_another_centre_is_not_found(counsellor_a, manager_b, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    with pytest.raises(NotFound):
        plans.create_plan(actor=manager_b, assessment=done)

    assert snapshot() == before


@pytest.fixture
def agreed_plan(counsellor_a, manager_a, version):
    plan = plans.create_plan(actor=counsellor_a, assessment=submit(counsellor_a, version))
    plans.agree_plan(actor=counsellor_a, plan=plan)
    return plans.agree_plan(actor=manager_a, plan=plan)


def test_agree_plan_by_both_sides(agreed_plan, manager_a):
    assert (agreed_plan.is_agreed, agreed_plan.manager_agreed_by) == (True, manager_a)


def test_agree_plan_twice_records_once(agreed_plan, counsellor_a):
    plans.agree_plan(actor=counsellor_a, plan=agreed_plan)

    assert AuditLogEntry.objects.filter(action="competencies.plan.agreed").count() == 2


def test_agree_plan_by_a_manager_of_another_centre_is_not_found(agreed_plan, manager_b):
    before = snapshot()

    with pytest.raises(NotFound):
        plans.agree_plan(actor=manager_b, plan=agreed_plan)

    assert snapshot() == before


def test_agree_plan_without_goals_is_refused(counsellor_a, version):
    plan = plans.create_plan(
        actor=counsellor_a,
        assessment=submit(counsellor_a, version, dict.fromkeys(CODES, "maitrise")),
    )
    before = snapshot()

    with pytest.raises(Conflict) as caught:
        plans.agree_plan(actor=counsellor_a, plan=plan)

    with translation.override("en"):
        assert str(caught.value.message) == "Add at least one goal before agreeing the plan."
    assert snapshot() == before


@pytest.mark.parametrize(
    ("values", "still_agreed"),
    [
        ({"title": "Lead a workshop"}, False),
        ({"due_on": datetime.date(2030, 1, 31)}, False),
        ({"target_level": "expertise"}, False),
        ({"competence": None}, False),
        ({"status": GoalStatus.IN_PROGRESS}, True),
    ],
)
def test_update_goal_resets_agreement_only_when_its_terms_change(
    agreed_plan, counsellor_a, values, still_agreed
):
    goal = agreed_plan.goals.first()

    plans.update_goal(actor=counsellor_a, goal=goal, values=values)

    agreed_plan.refresh_from_db()
    assert agreed_plan.is_agreed is still_agreed


def test_add_goal_resets_agreement(agreed_plan, manager_a):
    plans.add_goal(actor=manager_a, plan=agreed_plan, values={"title": "Shadow a colleague"})

    agreed_plan.refresh_from_db()
    assert (agreed_plan.counsellor_agreed_at, agreed_plan.manager_agreed_at) == (None, None)


def test_add_goal_with_bad_values_is_refused(agreed_plan, counsellor_a):
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        plans.add_goal(
            actor=counsellor_a,
            plan=agreed_plan,
            values={"title": " ", "target_level": "genius", "due_on": "31/01/2030"},
        )

    with translation.override("en"):
        assert caught.value.detail == {
            "title": ["Describe the goal in 1 to 300 characters."],
            "target_level": ["This level is not on the scale."],
            "due_on": ["Give the date as YYYY-MM-DD."],
        }
    assert snapshot() == before


def test_set_action_done_twice_records_once(agreed_plan, counsellor_a):
    goal = agreed_plan.goals.first()
    action = plans.add_action(
        actor=counsellor_a, goal=goal, kind="shadowing", description="Shadow Ana"
    )

    first = plans.set_action_done(actor=counsellor_a, action=action, done=True)
    second = plans.set_action_done(actor=counsellor_a, action=action, done=True)

    agreed_plan.refresh_from_db()
    assert (
        second.done_at,
        AuditLogEntry.objects.filter(action="competencies.action.done").count(),
        agreed_plan.is_agreed,
    ) == (first.done_at, 1, True)


def test_add_action_with_a_bad_link_is_refused(agreed_plan, counsellor_a):
    before = snapshot()

    with pytest.raises(InvalidInput) as caught:
        plans.add_action(
            actor=counsellor_a,
            goal=agreed_plan.goals.first(),
            kind="course",
            description="",
            link="javascript:alert(1)",
        )

    with translation.override("en"):
        assert caught.value.detail == {
            "kind": ["Choose a kind of action from the list."],
            "description": ["Describe the action in 1 to 500 characters."],
            "link": ["Give a full web address starting with https://."],
        }
    assert snapshot() == before


def test_closed_plan_refuses_every_change(agreed_plan, counsellor_a, manager_a):
    plans.close_plan(actor=manager_a, plan=agreed_plan)
    goal = agreed_plan.goals.first()
    before = snapshot()

    refused = []
    for call in (
        lambda: plans.add_goal(actor=counsellor_a, plan=agreed_plan, values={"title": "New"}),
        lambda: plans.update_goal(actor=counsellor_a, goal=goal, values={"title": "Other"}),
        lambda: plans.delete_goal(actor=counsellor_a, goal=goal),
        lambda: plans.add_action(actor=counsellor_a, goal=goal, kind="other", description="x"),
        lambda: plans.agree_plan(actor=counsellor_a, plan=agreed_plan),
        lambda: plans.close_plan(actor=counsellor_a, plan=agreed_plan),
    ):
        with pytest.raises(Conflict) as caught:
            call()
        refused.append(caught.value.code)

    assert (refused, snapshot()) == (["plan_closed"] * 6, before)
