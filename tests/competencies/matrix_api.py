"""Permission matrix rows of the competency framework's JSON API (`api:competencies_…`).

Public reads need no token (a token sent is ignored); the rest need one (anonymous sends none:
401). Counsellor A's assessment and plan: the person and centre A's managers; another centre's
manager and the coordinator get 404 (coordinators do not see individuals).
"""

from tests.matrix import ALL_200, Case, S

#: Signed-in roles with a token see their own (possibly empty) lists.
TOKEN_200 = S(401, 200, 200, 200, 200, 200)
#: Writes of counsellor A's plan: the counsellor and centre A's managers.
PLAN_A_WRITE = S(401, 404, 200, 200, 404, 404)
PLAN_A_CREATE = S(401, 404, 201, 201, 404, 404)
PLAN_A_DELETE = S(401, 404, 204, 204, 404, 404)

KINDS = {
    "api_assessment_a": lambda o: {"assessment_id": o["assessment_a"].pk},
    "api_draft_assessment_a": lambda o: {"assessment_id": o["draft_assessment_a"].pk},
    "api_plan_a": lambda o: {"plan_id": o["plan_a"].pk},
    "api_goal_a": lambda o: {"plan_id": o["plan_a"].pk, "goal_id": o["goal_a"].pk},
    "api_action_a": lambda o: {
        "plan_id": o["plan_a"].pk,
        "goal_id": o["goal_a"].pk,
        "action_id": o["action_a"].pk,
    },
}

ENTRIES = {
    # Public reads.
    "api:competencies_list_frameworks": Case(get=ALL_200),
    "api:competencies_get_framework": Case("framework", get=ALL_200),
    "api:competencies_list_framework_versions": Case("framework", get=ALL_200),
    "api:competencies_get_framework_version": Case("version", get=ALL_200),
    # Self-assessments.
    "api:competencies_list_assessments": Case(get=TOKEN_200),
    "api:competencies_get_assessment": Case(
        "api_assessment_a", get=S(401, 404, 200, 200, 404, 404)
    ),
    "api:competencies_start_assessment": Case(
        post=S(401, 403, 201, 201, 201, 403), extra={"framework": "cdm-counsellor"}
    ),
    "api:competencies_save_ratings": Case(
        "api_draft_assessment_a",
        put=S(401, 404, 200, 403, 404, 404),
        extra={"ratings": {"A1": {"level": "application"}}},
    ),
    "api:competencies_delete_assessment": Case(
        "api_draft_assessment_a", delete=S(401, 404, 204, 403, 404, 404)
    ),
    "api:competencies_name_reviewer": Case(
        "api_assessment_a", put=S(401, 404, 403, 200, 404, 404), extra={"reviewer": None}
    ),
    "api:competencies_review_assessment": Case(
        "api_assessment_a", post=S(401, 404, 403, 200, 404, 404)
    ),
    # Development plans (plan A already exists for assessment A: a second one is 409).
    "api:competencies_create_plan": Case("api_assessment_a", post=S(401, 404, 409, 409, 404, 404)),
    "api:competencies_list_plans": Case(get=TOKEN_200),
    "api:competencies_get_plan": Case("api_plan_a", get=PLAN_A_WRITE),
    "api:competencies_add_goal": Case(
        "api_plan_a", post=PLAN_A_CREATE, extra={"title": "Shadow a senior colleague"}
    ),
    "api:competencies_update_goal": Case("api_goal_a", patch=PLAN_A_WRITE),
    "api:competencies_delete_goal": Case("api_goal_a", delete=PLAN_A_DELETE),
    "api:competencies_add_action": Case(
        "api_goal_a",
        post=PLAN_A_CREATE,
        extra={"kind": "practice", "description": "Lead a workshop"},
    ),
    "api:competencies_update_action": Case(
        "api_action_a", patch=PLAN_A_WRITE, extra={"done": True}
    ),
    "api:competencies_delete_action": Case("api_action_a", delete=PLAN_A_DELETE),
    "api:competencies_agree_plan": Case("api_plan_a", post=PLAN_A_WRITE),
    "api:competencies_close_plan": Case("api_plan_a", post=PLAN_A_WRITE),
}
