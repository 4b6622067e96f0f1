"""Kinds of URL kwargs shared by the competency framework's matrix modules."""

ENTRIES: dict = {}

KINDS = {
    "framework": lambda o: {"slug": o["framework"].slug},
    "version": lambda o: {"slug": o["framework"].slug, "number": o["version"].number},
    "draft_version": lambda o: {"slug": o["framework"].slug, "number": o["draft_version"].number},
    "assessment_a": lambda o: {"pk": o["assessment_a"].pk},
    "draft_assessment_a": lambda o: {"pk": o["draft_assessment_a"].pk},
    "plan_a": lambda o: {"pk": o["plan_a"].pk},
    "goal_a": lambda o: {"pk": o["plan_a"].pk, "goal_pk": o["goal_a"].pk},
    "action_a": lambda o: {
        "pk": o["plan_a"].pk,
        "goal_pk": o["goal_a"].pk,
        "action_pk": o["action_a"].pk,
    },
    "centre_slug": lambda o: {"slug": o["site"].centre.slug},
}
