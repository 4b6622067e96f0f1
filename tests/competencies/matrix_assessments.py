"""Permission matrix rows of self-assessments, reviews and development plans.

Counsellor A's assessment and plan are seen by counsellor A and the managers of centre A only
(coordinators do not see individuals; another centre's manager gets 404). Only the person
changes their self-assessment (a manager gets 403), only managers (or a named reviewer) review.
Empty POSTs: starting with no framework is a form error (400); saving a draft with no level is
a valid save (302); reviewing with nothing changed agrees with every level (302); naming nobody
leaves the review to the managers (302); a plan already open is shown again (302); goal and
action forms need a title or a description (400); a done toggle needs done=1|0 (400).
"""

from tests.matrix import Case, S

METHOD_NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)
STAFF_GET = S(302, 403, 200, 200, 200, 403)
PERSON_GET = S(302, 404, 200, 200, 404, 404)
PARTY_POST_OK = S(302, 404, 302, 302, 404, 404)
PARTY_POST_EMPTY = S(302, 404, 400, 400, 404, 404)
MANAGER_GET = S(302, 404, 403, 200, 404, 404)
MANAGER_POST_OK = S(302, 404, 403, 302, 404, 404)

ENTRIES = {
    "staff_competencies:my": Case(get=STAFF_GET, post=METHOD_NOT_ALLOWED),
    "staff_competencies:assessment_start": Case(
        get=METHOD_NOT_ALLOWED, post=S(302, 403, 400, 400, 400, 403)
    ),
    "staff_competencies:assessment": Case("assessment_a", get=PERSON_GET, post=METHOD_NOT_ALLOWED),
    "staff_competencies:assessment_edit": Case(
        "draft_assessment_a",
        get=S(302, 404, 200, 403, 404, 404),
        post=S(302, 404, 302, 403, 404, 404),
    ),
    "staff_competencies:assessment_delete": Case(
        "draft_assessment_a",
        get=METHOD_NOT_ALLOWED,
        post=S(302, 404, 302, 403, 404, 404),
    ),
    "staff_competencies:reviews": Case(get=STAFF_GET, post=METHOD_NOT_ALLOWED),
    "staff_competencies:assessment_review": Case(
        "assessment_a", get=MANAGER_GET, post=MANAGER_POST_OK
    ),
    "staff_competencies:assessment_reviewer": Case(
        "assessment_a", get=MANAGER_GET, post=MANAGER_POST_OK
    ),
    "staff_competencies:plan_create": Case(
        "assessment_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_OK
    ),
    "staff_competencies:plan": Case("plan_a", get=PERSON_GET, post=METHOD_NOT_ALLOWED),
    "staff_competencies:plan_agree": Case("plan_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_OK),
    "staff_competencies:plan_close": Case("plan_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_OK),
    "staff_competencies:goal_create": Case("plan_a", get=PERSON_GET, post=PARTY_POST_EMPTY),
    "staff_competencies:goal_edit": Case("goal_a", get=PERSON_GET, post=PARTY_POST_EMPTY),
    "staff_competencies:goal_delete": Case("goal_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_OK),
    "staff_competencies:action_create": Case("goal_a", get=PERSON_GET, post=PARTY_POST_EMPTY),
    "staff_competencies:action_done": Case(
        "action_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_EMPTY
    ),
    "staff_competencies:action_delete": Case(
        "action_a", get=METHOD_NOT_ALLOWED, post=PARTY_POST_OK
    ),
}
