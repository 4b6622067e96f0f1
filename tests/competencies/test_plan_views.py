"""Development plan pages: drawing a plan up from the gaps, goals, actions, agreement, closing."""

import datetime

import pytest
from django.core import serializers
from django.urls import reverse
from django.utils import timezone, translation

from cocade.competencies.enums import GoalStatus
from cocade.competencies.models import (
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
)
from cocade.competencies.services import assessments, plans
from cocade.competencies.services.assessments import RatingInput
from cocade.core.models import AuditLogEntry
from tests.factories.competencies import published_version


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (DevelopmentPlan, DevelopmentGoal, DevelopmentAction, AuditLogEntry)
    ]


@pytest.fixture
def version(db):
    return published_version()


@pytest.fixture
def submitted(counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    levels = {"A1": "expertise", "A2": "notions", "B1": "application", "B2": "maitrise"}
    return assessments.save_ratings(
        actor=counsellor_a,
        assessment=draft,
        ratings={code: RatingInput(level) for code, level in levels.items()},
        submit=True,
    )


@pytest.fixture
def plan(counsellor_a, submitted):
    return plans.create_plan(actor=counsellor_a, assessment=submitted)


@pytest.fixture
def goal(plan):
    return plan.goals.get(competence__code="A2")


@pytest.fixture
def action(counsellor_a, goal):
    return plans.add_action(
        actor=counsellor_a,
        goal=goal,
        kind="training",
        description="Follow the interview module",
        link="https://example.org/module",
    )


@pytest.fixture
def as_counsellor(client, counsellor_a):
    client.force_login(counsellor_a)
    return client


@pytest.fixture
def as_manager(client, manager_a):
    client.force_login(manager_a)
    return client


# --- Drawing up --------------------------------------------------------------------------------


def test_plan_create_opens_the_plan_with_a_goal_per_gap(as_counsellor, counsellor_a, submitted):
    response = as_counsellor.post(url("plan_create", pk=submitted.pk))

    plan = DevelopmentPlan.objects.get()
    goals = [
        (g.competence.code, g.target_level.code)
        for g in plan.goals.select_related("competence", "target_level")
    ]
    assert (response.status_code, response["Location"], plan.user, plan.assessment, goals) == (
        302,
        url("plan", pk=plan.pk),
        counsellor_a,
        submitted,
        [("A2", "maitrise"), ("B1", "maitrise")],
    )


def test_plan_create_a_second_time_shows_the_open_plan(as_manager, plan, submitted):
    before = snapshot()

    response = as_manager.post(url("plan_create", pk=submitted.pk))

    assert (response.status_code, response["Location"]) == (302, url("plan", pk=plan.pk))
    assert snapshot() == before


def test_plan_create_from_a_draft_answers_409(as_counsellor, counsellor_a):
    draft = assessments.start_assessment(
        actor=counsellor_a, version=published_version("other-framework")
    )

    response = as_counsellor.post(url("plan_create", pk=draft.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "Submit the self-assessment before drawing up a plan from it.",
    )
    assert DevelopmentPlan.objects.count() == 0


def test_plan_create_by_a_manager_of_another_centre_is_not_found(client, manager_b, submitted):
    client.force_login(manager_b)

    response = client.post(url("plan_create", pk=submitted.pk))

    assert response.status_code == 404
    assert DevelopmentPlan.objects.count() == 0


# --- The plan page -----------------------------------------------------------------------------


def test_plan_page_shows_current_and_target_levels_and_marks_overdue_goals(
    as_counsellor, counsellor_a, plan, goal, action
):
    plans.update_goal(
        actor=counsellor_a,
        goal=goal,
        values={"due_on": timezone.localdate() - datetime.timedelta(days=1)},
    )
    other = plan.goals.get(competence__code="B1")
    plans.update_goal(
        actor=counsellor_a,
        goal=other,
        values={
            "due_on": timezone.localdate() - datetime.timedelta(days=1),
            "status": GoalStatus.ACHIEVED,
        },
    )

    response = as_counsellor.get(url("plan", pk=plan.pk), HTTP_ACCEPT_LANGUAGE="en")

    rows = response.context["rows"]
    content = response.content.decode()
    assert (
        [(r["goal"].competence.code, r["current"].code, r["overdue"]) for r in rows],
        response.context["overdue_count"],
        response.context["can_agree"],
    ) == ([("A2", "notions", True), ("B1", "application", False)], 1, True)
    assert "1 goal is past its due date." in content
    assert content.count('<span class="badge badge-overdue">Overdue</span>') == 1
    assert "1. Notions [en] → 3. Maitrise [en]" in content
    assert 'href="https://example.org/module"' in content


def test_plan_page_runs_a_fixed_number_of_queries(
    as_counsellor, counsellor_a, plan, goal, django_assert_num_queries
):
    for number in range(3):
        plans.add_action(
            actor=counsellor_a, goal=goal, kind="practice", description=f"Try {number}"
        )

    # session, user, memberships, plan, goals, their actions, ratings
    with django_assert_num_queries(7):
        response = as_counsellor.get(url("plan", pk=plan.pk))

    assert len(response.context["rows"][0]["actions"]) == 3


def test_plan_page_of_another_centre_is_not_found(client, manager_b, plan):
    client.force_login(manager_b)

    assert client.get(url("plan", pk=plan.pk)).status_code == 404


# --- Agreement ---------------------------------------------------------------------------------


def test_both_sides_agree_then_a_changed_goal_asks_again(
    client, counsellor_a, manager_a, plan, goal
):
    client.force_login(counsellor_a)
    client.post(url("plan_agree", pk=plan.pk))
    client.force_login(manager_a)
    agreed = client.post(url("plan_agree", pk=plan.pk))
    plan.refresh_from_db()
    assert (agreed.status_code, plan.is_agreed, plan.manager_agreed_by) == (302, True, manager_a)

    changed = client.post(
        url("goal_edit", pk=plan.pk, goal_pk=goal.pk),
        {"title": "Lead interviews alone", "competence": goal.competence_id, "status": "planned"},
    )

    plan.refresh_from_db()
    assert (changed.status_code, plan.counsellor_agreed_at, plan.manager_agreed_at) == (
        302,
        None,
        None,
    )


def test_a_status_change_keeps_the_agreement(client, counsellor_a, manager_a, plan, goal):
    plans.agree_plan(actor=counsellor_a, plan=plan)
    plans.agree_plan(actor=manager_a, plan=plan)
    client.force_login(counsellor_a)

    response = client.post(
        url("goal_edit", pk=plan.pk, goal_pk=goal.pk),
        {
            "title": goal.title,
            "competence": goal.competence_id,
            "target_level": goal.target_level_id,
            "status": GoalStatus.IN_PROGRESS,
        },
    )

    plan.refresh_from_db()
    goal.refresh_from_db()
    assert (response.status_code, goal.status, plan.is_agreed) == (
        302,
        GoalStatus.IN_PROGRESS,
        True,
    )


def test_agree_on_an_empty_plan_answers_409(as_counsellor, counsellor_a, plan):
    for goal in plan.goals.all():
        plans.delete_goal(actor=counsellor_a, goal=goal)
    before = snapshot()

    response = as_counsellor.post(url("plan_agree", pk=plan.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "Add at least one goal before agreeing the plan.",
    )
    assert snapshot() == before


# --- Goals -------------------------------------------------------------------------------------


def test_goal_create_adds_a_goal(as_manager, plan, version):
    response = as_manager.post(
        url("goal_create", pk=plan.pk),
        {
            "title": "Shadow a senior colleague",
            "competence": version.competences.get(code="B2").pk,
            "target_level": version.levels.get(code="expertise").pk,
            "due_on": "2031-06-30",
            "status": "planned",
        },
    )

    goal = plan.goals.order_by("-pk").first()
    assert (
        response.status_code,
        response["Location"],
        goal.title,
        goal.competence.code,
        goal.target_level.code,
        goal.due_on,
        goal.position,
    ) == (
        302,
        url("plan", pk=plan.pk) + f"#goal-{goal.pk}",
        "Shadow a senior colleague",
        "B2",
        "expertise",
        datetime.date(2031, 6, 30),
        2,
    )


def test_goal_create_without_title_is_a_form_error(as_counsellor, plan):
    before = snapshot()

    response = as_counsellor.post(
        url("goal_create", pk=plan.pk), {"status": "planned"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert (response.status_code, response.context["form"].errors["title"]) == (
        400,
        ["This field is required."],
    )
    assert snapshot() == before


def test_goal_create_offers_only_the_versions_competences(as_counsellor, plan, version):
    published_version("other-framework")

    response = as_counsellor.get(url("goal_create", pk=plan.pk))

    form = response.context["form"]
    assert [c.code for c in form.fields["competence"].queryset] == ["A1", "A2", "B1", "B2"]
    assert [level.code for level in form.fields["target_level"].queryset] == [
        "notions",
        "application",
        "maitrise",
        "expertise",
    ]


def test_goal_of_another_plan_in_the_url_is_not_found(
    as_counsellor, counsellor_a, plan, goal, centre_a
):
    other_plan = plans.create_plan(
        actor=counsellor_a,
        assessment=assessments.save_ratings(
            actor=counsellor_a,
            assessment=assessments.start_assessment(
                actor=counsellor_a, version=published_version("other-framework")
            ),
            ratings={code: RatingInput("notions") for code in ("A1", "A2", "B1", "B2")},
            submit=True,
        ),
    )
    before = snapshot()

    responses = [
        as_counsellor.get(url("goal_edit", pk=other_plan.pk, goal_pk=goal.pk)).status_code,
        as_counsellor.post(url("goal_delete", pk=other_plan.pk, goal_pk=goal.pk)).status_code,
        as_counsellor.get(url("action_create", pk=other_plan.pk, goal_pk=goal.pk)).status_code,
    ]

    assert responses == [404, 404, 404]
    assert snapshot() == before


def test_goal_delete_removes_it_with_its_actions(as_counsellor, plan, goal, action):
    response = as_counsellor.post(url("goal_delete", pk=plan.pk, goal_pk=goal.pk))

    assert response.status_code == 302
    assert (
        DevelopmentGoal.objects.filter(pk=goal.pk).exists(),
        DevelopmentAction.objects.filter(pk=action.pk).exists(),
    ) == (False, False)


# --- Actions -----------------------------------------------------------------------------------


def test_action_create_adds_an_action(as_counsellor, plan, goal):
    response = as_counsellor.post(
        url("action_create", pk=plan.pk, goal_pk=goal.pk),
        {"kind": "shadowing", "description": "Shadow Ana at reception", "link": ""},
    )

    action = goal.actions.get()
    assert (response.status_code, action.kind, action.description, action.done_at) == (
        302,
        "shadowing",
        "Shadow Ana at reception",
        None,
    )


def test_action_create_with_a_bad_link_is_a_form_error(as_counsellor, plan, goal):
    before = snapshot()

    response = as_counsellor.post(
        url("action_create", pk=plan.pk, goal_pk=goal.pk),
        {"kind": "training", "description": "Course", "link": "not a link"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, response.context["form"].errors["link"]) == (
        400,
        ["Enter a valid URL."],
    )
    assert snapshot() == before


def test_action_done_marks_it_and_a_double_click_changes_nothing(as_counsellor, plan, goal, action):
    done_url = url("action_done", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk)

    first = as_counsellor.post(done_url, {"done": "1"})
    action.refresh_from_db()
    done_at = action.done_at
    second = as_counsellor.post(done_url, {"done": "1"})

    action.refresh_from_db()
    assert (first.status_code, second.status_code, action.done_at) == (302, 302, done_at)
    assert done_at is not None
    assert AuditLogEntry.objects.filter(action="competencies.action.done").count() == 1


def test_action_done_with_htmx_answers_the_action_row(as_counsellor, plan, goal, action):
    done_url = url("action_done", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk)

    response = as_counsellor.post(
        done_url, {"done": "1"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    content = response.content.decode().strip()
    assert response.status_code == 200
    assert content.startswith(f'<li id="action-{action.pk}" class="plan-action done">')
    assert "Mark as not done" in content
    assert '<input type="hidden" name="done" value="0">' in content
    assert "<html" not in content


def test_action_done_back_to_not_done(as_counsellor, counsellor_a, plan, goal, action):
    plans.set_action_done(actor=counsellor_a, action=action, done=True)

    response = as_counsellor.post(
        url("action_done", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk), {"done": "0"}
    )

    action.refresh_from_db()
    assert (response.status_code, action.done_at) == (302, None)


def test_action_done_without_a_value_answers_400(as_counsellor, plan, goal, action):
    before = snapshot()

    response = as_counsellor.post(
        url("action_done", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk),
        {"done": "yes"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, str(response.context["message"])) == (
        400,
        "Say whether the action is done (1) or not (0).",
    )
    assert snapshot() == before


def test_action_of_another_goal_in_the_url_is_not_found(as_counsellor, plan, goal, action):
    other_goal = plan.goals.exclude(pk=goal.pk).first()
    before = snapshot()

    responses = [
        as_counsellor.post(
            url("action_done", pk=plan.pk, goal_pk=other_goal.pk, action_pk=action.pk),
            {"done": "1"},
        ).status_code,
        as_counsellor.post(
            url("action_delete", pk=plan.pk, goal_pk=other_goal.pk, action_pk=action.pk)
        ).status_code,
    ]

    assert responses == [404, 404]
    assert snapshot() == before


def test_action_delete_removes_it(as_manager, plan, goal, action):
    response = as_manager.post(
        url("action_delete", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk)
    )

    assert response.status_code == 302
    assert DevelopmentAction.objects.filter(pk=action.pk).exists() is False


# --- Closing -----------------------------------------------------------------------------------


def test_closed_plan_refuses_changes_with_the_reason(as_counsellor, plan, goal, action):
    as_counsellor.post(url("plan_close", pk=plan.pk))
    plan.refresh_from_db()
    before = snapshot()

    responses = [
        as_counsellor.get(url("goal_create", pk=plan.pk), HTTP_ACCEPT_LANGUAGE="en"),
        as_counsellor.get(url("goal_edit", pk=plan.pk, goal_pk=goal.pk), HTTP_ACCEPT_LANGUAGE="en"),
        as_counsellor.post(
            url("action_done", pk=plan.pk, goal_pk=goal.pk, action_pk=action.pk),
            {"done": "1"},
            HTTP_ACCEPT_LANGUAGE="en",
        ),
        as_counsellor.post(url("plan_agree", pk=plan.pk), HTTP_ACCEPT_LANGUAGE="en"),
    ]

    assert plan.closed_at is not None
    assert [(r.status_code, str(r.context["message"])) for r in responses] == [
        (409, "This development plan is closed.")
    ] * 4
    assert snapshot() == before
    page = as_counsellor.get(url("plan", pk=plan.pk))
    assert url("goal_create", pk=plan.pk) not in page.content.decode()
