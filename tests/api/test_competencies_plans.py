"""Development plans in the JSON API: drawn up from an assessment's gaps, goals and actions,
agreement, closing; the counsellor and their centre's managers only, nothing changed on refusal."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from cocade.accounts.enums import Role
from cocade.accounts.models import ApiToken, hash_token
from cocade.competencies.models import DevelopmentAction, DevelopmentGoal, DevelopmentPlan
from cocade.competencies.services import assessments as assessment_services
from cocade.competencies.services import plans as services
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
NOT_FOUND = {"code": "not_found", "message": "Not found.", "detail": {}}


@pytest.fixture
def bearer(bearer):
    """bearer(user) -> headers of a new token of `user`; the public user (who may not create a
    token in the staff space) gets one written directly, as in the permission matrix."""

    def make(user):
        if user.email != "public@example.org":
            return bearer(user)
        raw = "cct_public_user_token"
        ApiToken.objects.create(user=user, name="tests", prefix=raw[:12], key_hash=hash_token(raw))
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return make


def _time(value):
    return DjangoJSONEncoder().default(value) if value is not None else None


def _send(client, method, url, body, headers):
    if method == "get":
        return client.get(url, **headers, **EN)
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, data, content_type="application/json", **headers, **EN)


def _state():
    """Everything a plan write could change, to compare before and after a refusal."""
    return {
        "plans": list(DevelopmentPlan.objects.order_by("pk").values()),
        "goals": list(DevelopmentGoal.objects.order_by("pk").values()),
        "actions": list(DevelopmentAction.objects.order_by("pk").values()),
        "audit": list(
            AuditLogEntry.objects.filter(action__startswith="competencies.")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


def _audit():
    return list(
        AuditLogEntry.objects.filter(action__regex=r"^competencies\.(plan|goal|action)\.")
        .order_by("pk")
        .values_list("action", "actor__email")
    )


def _submitted(user, version, codes=("A1", "A2", "B1", "B2"), level="application"):
    assessment = assessment_services.start_assessment(actor=user, version=version)
    return assessment_services.save_ratings(
        actor=user,
        assessment=assessment,
        ratings={code: assessment_services.RatingInput(level) for code in codes},
        submit=True,
    )


@pytest.fixture
def version(db):
    """cdm-counsellor v1: A1, A2, B1, B2; a counsellor is expected at `maitrise`."""
    return published_version()


@pytest.fixture
def assessment(version, counsellor_a):
    """Counsellor A at `application` everywhere: four gaps."""
    return _submitted(counsellor_a, version)


@pytest.fixture
def plan(assessment, counsellor_a):
    return services.create_plan(actor=counsellor_a, assessment=assessment)


@pytest.fixture
def goal(plan):
    return plan.goals.order_by("position").first()


@pytest.fixture
def action(goal, counsellor_a):
    return services.add_action(
        actor=counsellor_a, goal=goal, kind="training", description="Module accueil"
    )


def _goal_out(goal, **changes):
    return {
        "id": goal.pk,
        "competence": goal.competence.code if goal.competence else None,
        "target_level": goal.target_level.code if goal.target_level else None,
        "title": goal.title,
        "due_on": goal.due_on.isoformat() if goal.due_on else None,
        "status": goal.status,
        "position": goal.position,
        "actions": [],
        **changes,
    }


def _plan_out(plan, **changes):
    plan.refresh_from_db()
    return {
        "id": plan.pk,
        "framework": "cdm-counsellor",
        "version": 1,
        "user": {"email": plan.user.email, "full_name": plan.user.full_name},
        "centre": "centre-a",
        "assessment": plan.assessment_id,
        "created_at": _time(plan.created_at),
        "counsellor_agreed_at": _time(plan.counsellor_agreed_at),
        "manager_agreed_at": _time(plan.manager_agreed_at),
        "manager_agreed_by": plan.manager_agreed_by.email if plan.manager_agreed_by else None,
        "is_agreed": plan.is_agreed,
        "closed_at": _time(plan.closed_at),
        **changes,
    }


# --- Drawing up a plan ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["counsellor_a", "manager_a"])
def test_create_plan_draws_one_goal_per_gap(client, assessment, bearer, request, role):
    user = request.getfixturevalue(role)

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/plan", {}, bearer(user))

    plan = DevelopmentPlan.objects.get()
    assert response.status_code == 201
    assert response.json() == _plan_out(
        plan,
        goals=[
            {
                "id": goal.pk,
                "competence": code,
                "target_level": "maitrise",
                "title": f"{code} · Compétence {code} [en]",
                "due_on": None,
                "status": "planned",
                "position": position,
                "actions": [],
            }
            for position, (goal, code) in enumerate(
                zip(plan.goals.order_by("position"), ["A1", "A2", "B1", "B2"], strict=True)
            )
        ],
    )
    assert _audit() == [("competencies.plan.created", user.email)]


def test_create_plan_twice_is_409_and_changes_nothing(
    client, plan, assessment, counsellor_a, bearer
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/plan", {}, headers)

    assert response.status_code == 409
    assert response.json() == {
        "code": "plan_exists",
        "message": "There is already an open development plan on this framework version.",
        "detail": {},
    }
    assert _state() == before


def test_create_plan_from_a_draft_is_409(client, version, counsellor_a, bearer):
    draft = assessment_services.start_assessment(actor=counsellor_a, version=version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{draft.pk}/plan", {}, headers)

    assert response.status_code == 409
    assert response.json() == {
        "code": "assessment_not_submitted",
        "message": "Submit the self-assessment before drawing up a plan from it.",
        "detail": {},
    }
    assert _state() == before


def test_create_plan_by_the_named_reviewer_is_403(client, assessment, centre_a, manager_a, bearer):
    colleague = MembershipFactory(role=Role.COUNSELLOR, centre=centre_a).user
    assessment_services.name_reviewer(actor=manager_a, assessment=assessment, reviewer=colleague)
    headers = bearer(colleague)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/plan", {}, headers)

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only the counsellor and their centre's managers draw up the plan.",
        "detail": {},
    }
    assert _state() == before


def test_create_plan_after_closing_the_last_one_is_allowed(
    client, plan, assessment, counsellor_a, bearer
):
    services.close_plan(actor=counsellor_a, plan=plan)

    response = _send(
        client, "post", f"/api/v1/assessments/{assessment.pk}/plan", {}, bearer(counsellor_a)
    )

    assert response.status_code == 201
    assert DevelopmentPlan.objects.count() == 2


# --- Reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "query", "visible"),
    [
        ("counsellor_a", "", True),
        ("counsellor_a", "?user=me", True),
        ("counsellor_a", "?framework=other", False),
        ("manager_a", "", True),
        ("manager_a", "?user=me", False),
        ("manager_b", "", False),
        ("coordinator", "", False),
        ("public_user", "", False),
    ],
)
def test_list_plans_shows_what_the_user_may_see(
    client, plan, bearer, request, role, query, visible
):
    headers = bearer(request.getfixturevalue(role))

    response = client.get(f"/api/v1/plans{query}", **headers)

    assert response.status_code == 200
    assert response.json() == {
        "items": [_plan_out(plan)] if visible else [],
        "count": 1 if visible else 0,
    }


def test_get_plan_shows_goals_actions_and_agreement(
    client, plan, goal, action, counsellor_a, manager_a, bearer
):
    services.agree_plan(actor=manager_a, plan=plan)
    action = services.set_action_done(actor=counsellor_a, action=action, done=True)

    response = client.get(f"/api/v1/plans/{plan.pk}", **bearer(counsellor_a))

    goals = list(plan.goals.order_by("position"))
    assert response.status_code == 200
    assert response.json() == _plan_out(
        plan,
        manager_agreed_by="manager-a@example.org",
        goals=[
            _goal_out(
                goals[0],
                actions=[
                    {
                        "id": action.pk,
                        "kind": "training",
                        "description": "Module accueil",
                        "link": "",
                        "done": True,
                        "done_at": _time(action.done_at),
                    }
                ],
            ),
            *[_goal_out(goal) for goal in goals[1:]],
        ],
    )


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "public_user"])
def test_get_plan_hidden_from_user_is_404(client, plan, bearer, request, role):
    headers = bearer(request.getfixturevalue(role))

    response = client.get(f"/api/v1/plans/{plan.pk}", **headers, **EN)

    assert (response.status_code, response.json()) == (404, NOT_FOUND)


@pytest.mark.parametrize(("blocks", "competences"), [(1, 2), (2, 5)], ids=["2", "10"])
def test_get_plan_takes_a_fixed_number_of_queries(
    client, db, counsellor_a, manager_a, bearer, django_assert_num_queries, blocks, competences
):
    version = published_version(blocks=blocks, competences=competences)
    codes = [f"{b}{n}" for b in "AB"[:blocks] for n in range(1, competences + 1)]
    plan = services.create_plan(
        actor=counsellor_a, assessment=_submitted(counsellor_a, version, codes)
    )
    for goal in plan.goals.all():
        services.add_action(actor=counsellor_a, goal=goal, kind="other", description="Lire")
    services.agree_plan(actor=manager_a, plan=plan)
    headers = bearer(counsellor_a)
    client.get("/api/v1/plans", **headers)  # the token's first use records it

    # token, memberships, the plan (with the manager who agreed), its goals, their actions.
    with django_assert_num_queries(5):
        response = client.get(f"/api/v1/plans/{plan.pk}", **headers)

    assert len(response.json()["goals"]) == len(codes)


@pytest.mark.parametrize("count", [1, 3])
def test_list_plans_takes_a_fixed_number_of_queries(
    client, version, centre_a, manager_a, bearer, django_assert_num_queries, count
):
    for _number in range(count):
        user = MembershipFactory(role=Role.COUNSELLOR, centre=centre_a).user
        services.create_plan(actor=user, assessment=_submitted(user, version))
    headers = bearer(manager_a)
    client.get("/api/v1/plans", **headers)  # the token's first use records it

    # token, memberships, count, page.
    with django_assert_num_queries(4):
        response = client.get("/api/v1/plans", **headers)

    assert response.json()["count"] == count


# --- Goals ------------------------------------------------------------------------------------


def test_add_goal_appends_it_and_clears_the_agreements(
    client, plan, counsellor_a, manager_a, bearer
):
    services.agree_plan(actor=counsellor_a, plan=plan)
    services.agree_plan(actor=manager_a, plan=plan)
    body = {
        "title": "Animer un atelier",
        "competence": "B1",
        "target_level": "expertise",
        "due_on": "2026-06-30",
    }

    response = _send(client, "post", f"/api/v1/plans/{plan.pk}/goals", body, bearer(counsellor_a))

    goal = DevelopmentGoal.objects.get(title="Animer un atelier")
    assert response.status_code == 201
    assert response.json() == {
        "id": goal.pk,
        "competence": "B1",
        "target_level": "expertise",
        "title": "Animer un atelier",
        "due_on": "2026-06-30",
        "status": "planned",
        "position": 4,
        "actions": [],
    }
    plan.refresh_from_db()
    assert (plan.counsellor_agreed_at, plan.manager_agreed_at) == (None, None)
    assert _audit()[-1] == ("competencies.goal.added", "counsellor-a@example.org")


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"title": " "}, {"title": ["Describe the goal in 1 to 300 characters."]}),
        (
            {"title": "Lire", "competence": "Z9"},
            {"competence": ["There is no such competence in this version."]},
        ),
        (
            {"title": "Lire", "target_level": "guru"},
            {"target_level": ["This level is not on the scale."]},
        ),
        ({}, {"title": ["Field required"]}),
        ({"title": None}, {"title": ["Input should be a valid string"]}),
        ({"title": "Lire", "due_on": "tomorrow"}, None),
        ({"title": "Lire", "status": "done"}, None),
        ({"title": "Lire", "priority": 1}, {"priority": ["Extra inputs are not permitted"]}),
    ],
    ids=[
        "blank",
        "unknown-competence",
        "unknown-level",
        "missing",
        "null",
        "bad-date",
        "bad-status",
        "unknown-field",
    ],
)
def test_add_goal_with_bad_body_is_422_and_changes_nothing(
    client, plan, counsellor_a, bearer, body, detail
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/plans/{plan.pk}/goals", body, headers)

    assert response.status_code == 422
    if detail is None:
        assert list(response.json()["detail"]) == [next(iter(body.keys() - {"title"}))]
    else:
        assert response.json()["detail"] == detail
    assert _state() == before


def test_update_goal_progress_keeps_the_agreements(
    client, plan, goal, counsellor_a, manager_a, bearer
):
    services.agree_plan(actor=counsellor_a, plan=plan)
    services.agree_plan(actor=manager_a, plan=plan)

    response = _send(
        client,
        "patch",
        f"/api/v1/plans/{plan.pk}/goals/{goal.pk}",
        {"status": "in_progress"},
        bearer(counsellor_a),
    )

    goal.refresh_from_db()
    plan.refresh_from_db()
    assert response.status_code == 200
    assert response.json() == _goal_out(goal, status="in_progress")
    assert goal.status == "in_progress"
    assert plan.is_agreed is True
    assert _audit()[-1] == ("competencies.goal.changed", "counsellor-a@example.org")


def test_update_goal_terms_clears_the_agreements(
    client, plan, goal, counsellor_a, manager_a, bearer
):
    services.agree_plan(actor=counsellor_a, plan=plan)

    response = _send(
        client,
        "patch",
        f"/api/v1/plans/{plan.pk}/goals/{goal.pk}",
        {"title": "Conduire un entretien", "due_on": "2026-12-01", "competence": None},
        bearer(manager_a),
    )

    goal.refresh_from_db()
    plan.refresh_from_db()
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["due_on"], response.json()["competence"]) == (
        "Conduire un entretien",
        "2026-12-01",
        None,
    )
    assert (goal.title, str(goal.due_on), goal.competence) == (
        "Conduire un entretien",
        "2026-12-01",
        None,
    )
    assert plan.counsellor_agreed_at is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": None}, "title"),
        ({"status": None}, "status"),
        ({"status": "finished"}, "status"),
        ({"plan": 3}, "plan"),
        ({"title": ""}, "title"),
    ],
)
def test_update_goal_with_bad_body_is_422_and_changes_nothing(
    client, plan, goal, counsellor_a, bearer, body, field
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "patch", f"/api/v1/plans/{plan.pk}/goals/{goal.pk}", body, headers)

    assert response.status_code == 422
    assert list(response.json()["detail"]) == [field]
    assert _state() == before


def test_delete_goal_removes_it_with_its_actions(client, plan, goal, action, counsellor_a, bearer):
    response = client.delete(f"/api/v1/plans/{plan.pk}/goals/{goal.pk}", **bearer(counsellor_a))

    assert (response.status_code, response.content) == (204, b"")
    assert DevelopmentGoal.objects.filter(pk=goal.pk).exists() is False
    assert DevelopmentAction.objects.filter(pk=action.pk).exists() is False
    assert _audit()[-1] == ("competencies.goal.deleted", "counsellor-a@example.org")


# --- Actions ----------------------------------------------------------------------------------


def test_add_action_to_a_goal(client, plan, goal, counsellor_a, bearer):
    body = {"kind": "shadowing", "description": "Suivre Léa", "link": "https://example.org/lea"}

    response = _send(
        client,
        "post",
        f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions",
        body,
        bearer(counsellor_a),
    )

    action = DevelopmentAction.objects.get(goal=goal)
    assert response.status_code == 201
    assert response.json() == {
        "id": action.pk,
        "kind": "shadowing",
        "description": "Suivre Léa",
        "link": "https://example.org/lea",
        "done": False,
        "done_at": None,
    }
    assert _audit()[-1] == ("competencies.action.added", "counsellor-a@example.org")


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            {"kind": "other", "description": " "},
            {"description": ["Describe the action in 1 to 500 characters."]},
        ),
        (
            {"kind": "other", "description": "Lire", "link": "ftp://example.org"},
            {"link": ["Give a full web address starting with https://."]},
        ),
        ({"kind": "course", "description": "Lire"}, None),
        ({"description": "Lire"}, {"kind": ["Field required"]}),
        ({"kind": "other", "description": "Lire", "done": True}, None),
    ],
    ids=["blank", "bad-link", "unknown-kind", "missing-kind", "unknown-field"],
)
def test_add_action_with_bad_body_is_422_and_changes_nothing(
    client, plan, goal, counsellor_a, bearer, body, detail
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client, "post", f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions", body, headers
    )

    assert response.status_code == 422
    if detail is not None:
        assert response.json()["detail"] == detail
    else:
        assert list(response.json()["detail"]) in (["kind"], ["done"])
    assert _state() == before


def test_update_action_marks_it_done_then_not_done(
    client, plan, goal, action, counsellor_a, bearer
):
    headers = bearer(counsellor_a)
    url = f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions/{action.pk}"

    done = _send(client, "patch", url, {"done": True}, headers)
    again = _send(client, "patch", url, {"done": True}, headers)
    action.refresh_from_db()
    done_at = _time(action.done_at)
    undone = _send(client, "patch", url, {"done": False}, headers)

    assert (done.status_code, done.json()["done"], done.json()["done_at"]) == (200, True, done_at)
    assert (again.status_code, again.json()["done_at"]) == (200, done_at)
    assert (undone.status_code, undone.json()["done"], undone.json()["done_at"]) == (
        200,
        False,
        None,
    )
    assert _audit()[-2:] == [
        ("competencies.action.done", "counsellor-a@example.org"),
        ("competencies.action.reopened", "counsellor-a@example.org"),
    ]


@pytest.mark.parametrize("body", [{"done": "yes"}, {"done": 1}, {}, {"description": "x"}])
def test_update_action_with_bad_body_is_422_and_changes_nothing(
    client, plan, goal, action, counsellor_a, bearer, body
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "patch",
        f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions/{action.pk}",
        body,
        headers,
    )

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert _state() == before


def test_delete_action_removes_it(client, plan, goal, action, counsellor_a, bearer):
    response = client.delete(
        f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions/{action.pk}", **bearer(counsellor_a)
    )

    assert response.status_code == 204
    assert DevelopmentAction.objects.filter(pk=action.pk).exists() is False
    assert _audit()[-1] == ("competencies.action.deleted", "counsellor-a@example.org")


def test_goal_or_action_under_another_plan_is_404(
    client, plan, goal, action, version, centre_b, bearer, counsellor_a
):
    other_user = MembershipFactory(role=Role.COUNSELLOR, centre=centre_b).user
    other_plan = services.create_plan(actor=other_user, assessment=_submitted(other_user, version))
    other_goal = other_plan.goals.first()
    headers = bearer(counsellor_a)
    before = _state()

    responses = [
        _send(client, "patch", f"/api/v1/plans/{plan.pk}/goals/{other_goal.pk}", {}, headers),
        _send(client, "delete", f"/api/v1/plans/{plan.pk}/goals/{other_goal.pk}", {}, headers),
        _send(
            client,
            "patch",
            f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions/999999",
            {"done": True},
            headers,
        ),
        _send(
            client,
            "delete",
            f"/api/v1/plans/{plan.pk}/goals/{goal.pk + 1}/actions/{action.pk}",
            {},
            headers,
        ),
    ]

    assert [(r.status_code, r.json()) for r in responses] == [(404, NOT_FOUND)] * 4
    assert _state() == before


# --- Agreement and closing --------------------------------------------------------------------


def test_agree_plan_by_both_sides(client, plan, counsellor_a, manager_a, bearer):
    url = f"/api/v1/plans/{plan.pk}/agree"

    counsellor = _send(client, "post", url, {}, bearer(counsellor_a))
    again = _send(client, "post", url, {}, bearer(counsellor_a))
    manager = _send(client, "post", url, {}, bearer(manager_a))

    plan.refresh_from_db()
    assert (counsellor.status_code, counsellor.json()["is_agreed"]) == (200, False)
    assert again.json()["counsellor_agreed_at"] == counsellor.json()["counsellor_agreed_at"]
    assert manager.json() == {**_plan_out(plan), "goals": manager.json()["goals"]}
    assert (manager.json()["is_agreed"], manager.json()["manager_agreed_by"]) == (
        True,
        "manager-a@example.org",
    )
    assert [entry[0] for entry in _audit()] == [
        "competencies.plan.created",
        "competencies.plan.agreed",
        "competencies.plan.agreed",
    ]


def test_agree_plan_without_goals_is_409(client, plan, counsellor_a, bearer):
    for goal in plan.goals.all():
        services.delete_goal(actor=counsellor_a, goal=goal)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/plans/{plan.pk}/agree", {}, headers)

    assert response.status_code == 409
    assert response.json() == {
        "code": "plan_empty",
        "message": "Add at least one goal before agreeing the plan.",
        "detail": {},
    }
    assert _state() == before


def test_close_plan_then_every_change_is_409(client, plan, goal, action, counsellor_a, bearer):
    headers = bearer(counsellor_a)

    closed = _send(client, "post", f"/api/v1/plans/{plan.pk}/close", {}, headers)
    before = _state()
    responses = [
        _send(client, "post", f"/api/v1/plans/{plan.pk}/goals", {"title": "Lire"}, headers),
        _send(client, "patch", f"/api/v1/plans/{plan.pk}/goals/{goal.pk}", {"title": "x"}, headers),
        _send(client, "delete", f"/api/v1/plans/{plan.pk}/goals/{goal.pk}", {}, headers),
        _send(
            client,
            "post",
            f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions",
            {"kind": "other", "description": "Lire"},
            headers,
        ),
        _send(
            client,
            "patch",
            f"/api/v1/plans/{plan.pk}/goals/{goal.pk}/actions/{action.pk}",
            {"done": True},
            headers,
        ),
        _send(client, "post", f"/api/v1/plans/{plan.pk}/agree", {}, headers),
        _send(client, "post", f"/api/v1/plans/{plan.pk}/close", {}, headers),
    ]

    plan.refresh_from_db()
    assert (closed.status_code, closed.json()["closed_at"]) == (200, _time(plan.closed_at))
    assert [(r.status_code, r.json()) for r in responses] == [
        (
            409,
            {"code": "plan_closed", "message": "This development plan is closed.", "detail": {}},
        )
    ] * 7
    assert _state() == before


# --- Who may write ----------------------------------------------------------------------------

PLAN_WRITES = [
    ("post", "/api/v1/plans/{plan}/goals", {"title": "Lire"}),
    ("patch", "/api/v1/plans/{plan}/goals/{goal}", {"status": "achieved"}),
    ("delete", "/api/v1/plans/{plan}/goals/{goal}", {}),
    ("post", "/api/v1/plans/{plan}/goals/{goal}/actions", {"kind": "other", "description": "x"}),
    ("patch", "/api/v1/plans/{plan}/goals/{goal}/actions/{action}", {"done": True}),
    ("delete", "/api/v1/plans/{plan}/goals/{goal}/actions/{action}", {}),
    ("post", "/api/v1/plans/{plan}/agree", {}),
    ("post", "/api/v1/plans/{plan}/close", {}),
]
PLAN_WRITE_IDS = [
    "add-goal",
    "update-goal",
    "delete-goal",
    "add-action",
    "update-action",
    "delete-action",
    "agree",
    "close",
]


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "public_user"])
@pytest.mark.parametrize(("method", "url", "body"), PLAN_WRITES, ids=PLAN_WRITE_IDS)
def test_write_on_hidden_plan_is_404_and_changes_nothing(
    client, plan, goal, action, bearer, request, role, method, url, body
):
    headers = bearer(request.getfixturevalue(role))
    before = _state()

    response = _send(
        client, method, url.format(plan=plan.pk, goal=goal.pk, action=action.pk), body, headers
    )

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert _state() == before


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [("get", "/api/v1/plans", None), ("get", "/api/v1/plans/{plan}", None), *PLAN_WRITES],
)
def test_plans_without_token_are_401_and_change_nothing(
    client, plan, goal, action, method, url, body
):
    before = _state()

    response = _send(
        client, method, url.format(plan=plan.pk, goal=goal.pk, action=action.pk), body, {}
    )

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert _state() == before
