"""Staff URLs of the competency framework: self-assessments, reviews and development plans
(included by urls/staff.py)."""

from django.urls import path

from cocade.competencies.views import assessments, plans

urlpatterns = [
    path("me/", assessments.my_competences, name="my"),
    path("me/start/", assessments.assessment_start, name="assessment_start"),
    path("assessments/<int:pk>/", assessments.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/delete/", assessments.assessment_delete, name="assessment_delete"),
    path("assessments/<int:pk>/review/", assessments.assessment_review, name="assessment_review"),
    path(
        "assessments/<int:pk>/reviewer/",
        assessments.assessment_reviewer,
        name="assessment_reviewer",
    ),
    path("assessments/<int:pk>/plan/", assessments.plan_create, name="plan_create"),
    path("reviews/", assessments.review_list, name="reviews"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/agree/", plans.plan_agree, name="plan_agree"),
    path("plans/<int:pk>/close/", plans.plan_close, name="plan_close"),
    path("plans/<int:pk>/goals/new/", plans.goal_create, name="goal_create"),
    path("plans/<int:pk>/goals/<int:goal_pk>/edit/", plans.goal_edit, name="goal_edit"),
    path("plans/<int:pk>/goals/<int:goal_pk>/delete/", plans.goal_delete, name="goal_delete"),
    path(
        "plans/<int:pk>/goals/<int:goal_pk>/actions/new/",
        plans.action_create,
        name="action_create",
    ),
    path(
        "plans/<int:pk>/goals/<int:goal_pk>/actions/<int:action_pk>/done/",
        plans.action_done,
        name="action_done",
    ),
    path(
        "plans/<int:pk>/goals/<int:goal_pk>/actions/<int:action_pk>/delete/",
        plans.action_delete,
        name="action_delete",
    ),
]
