"""Objects the permission matrix needs for the competency framework's URLs.

`cdm-counsellor` has version 1 published and version 2 in draft; counsellor A has a submitted
self-assessment (reviewable by manager A), a draft one on version 1 is not possible at the same
time, so the draft belongs to a second framework; and a plan with one goal and one action.
"""

from cocade.competencies.services import assessments, frameworks, plans
from tests.factories.competencies import framework_data, published_version


def competency_objects(centre_a, counsellor_a):
    version = published_version("cdm-counsellor")
    draft = frameworks.import_framework(actor=None, data=framework_data("cdm-counsellor"))
    other = published_version("other-framework")
    submitted = assessments.start_assessment(actor=counsellor_a, version=version)
    submitted = assessments.save_ratings(
        actor=counsellor_a,
        assessment=submitted,
        ratings={code: assessments.RatingInput("application") for code in ("A1", "A2", "B1", "B2")},
        submit=True,
    )
    draft_assessment = assessments.start_assessment(actor=counsellor_a, version=other)
    plan = plans.create_plan(actor=counsellor_a, assessment=submitted)
    goal = plan.goals.first()
    action = plans.add_action(
        actor=counsellor_a, goal=goal, kind="training", description="Follow the module"
    )
    return {
        "framework": version.framework,
        "version": version,
        "draft_version": draft,
        "assessment_a": submitted,
        "draft_assessment_a": draft_assessment,
        "plan_a": plan,
        "goal_a": goal,
        "action_a": action,
    }
