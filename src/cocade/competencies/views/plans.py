"""Development plan pages: the plan with its goals and actions, the goal and action forms, and
the buttons (done, agree, close, delete).

A plan is found through the user (404 outside their scope); a goal or an action in the URL must
belong to the plan in the URL, else 404. Each write calls one service of `services/plans.py`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.competencies.enums import GoalStatus
from cocade.competencies.forms.assessments import ActionForm, DoneForm, GoalForm
from cocade.competencies.models import DevelopmentAction, DevelopmentGoal, DevelopmentPlan
from cocade.competencies.rules import manages_centre
from cocade.competencies.selectors.assessments import get_plan_for_user, ratings_of
from cocade.competencies.services import plans as services
from cocade.competencies.views.common import forbidden, form_methods, form_view, posted, run_action
from cocade.core.errors import DomainError, Forbidden, NotFound

PLAN_CLOSED = _("This development plan is closed.")
OPEN_STATUSES = (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)


# --- Helpers ------------------------------------------------------------------------------------


def _plan(request: HttpRequest, pk: int) -> DevelopmentPlan:
    try:
        return get_plan_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _goal(plan: DevelopmentPlan, goal_pk: int) -> DevelopmentGoal:
    goal = plan.goals.filter(pk=goal_pk).first()
    if goal is None:
        raise Http404
    goal.plan = plan
    return goal


def _action(goal: DevelopmentGoal, action_pk: int) -> DevelopmentAction:
    action = goal.actions.filter(pk=action_pk).first()
    if action is None:
        raise Http404
    action.goal = goal
    return action


def _plan_url(plan: DevelopmentPlan, anchor: str = "") -> str:
    url = reverse("staff_competencies:plan", kwargs={"pk": plan.pk})
    return f"{url}#{anchor}" if anchor else url


def _closed(request: HttpRequest, plan: DevelopmentPlan) -> HttpResponse:
    return render(
        request,
        "competencies/assessments/refused.html",
        {"message": PLAN_CLOSED, "back_url": _plan_url(plan)},
        status=409,
    )


def is_overdue(goal: DevelopmentGoal, today: Any) -> bool:
    return bool(goal.due_on and goal.due_on < today and goal.status in OPEN_STATUSES)


# --- The plan -----------------------------------------------------------------------------------


@login_required
@require_safe
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    user = request.user
    goals = list(
        plan.goals.select_related("competence", "target_level").prefetch_related("actions")
    )
    current = ratings_of(plan.assessment) if plan.assessment is not None else {}
    today = timezone.localdate()
    rows = [
        {
            "goal": goal,
            "current": current[goal.competence_id].agreed_level
            if goal.competence_id in current
            else None,
            "overdue": is_overdue(goal, today),
            "actions": list(goal.actions.all()),
        }
        for goal in goals
    ]
    is_owner = plan.user_id == user.pk
    is_manager = manages_centre(user, plan.centre_id)
    is_open = plan.closed_at is None
    return render(
        request,
        "competencies/plans/plan.html",
        {
            "plan": plan,
            "rows": rows,
            "is_open": is_open,
            "is_owner": is_owner,
            "can_agree": is_open
            and bool(goals)
            and (
                (is_owner and not plan.counsellor_agreed_at)
                or (not is_owner and is_manager and not plan.manager_agreed_at)
            ),
            "overdue_count": sum(1 for row in rows if row["overdue"]),
        },
    )


@login_required
@require_POST
def plan_agree(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    return run_action(
        request,
        action=lambda: services.agree_plan(actor=request.user, plan=plan),
        success_message=_("Your agreement is recorded."),
        next_url=_plan_url(plan),
    )


@login_required
@require_POST
def plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    return run_action(
        request,
        action=lambda: services.close_plan(actor=request.user, plan=plan),
        success_message=_("The development plan is closed; it stays in the history."),
        next_url=_plan_url(plan),
    )


# --- Goals --------------------------------------------------------------------------------------


def _goal_context(plan: DevelopmentPlan, title: Any, submit_label: Any) -> dict[str, Any]:
    return {
        "title": title,
        "intro": _(
            "Changing what a goal asks (its wording, competence, target level or due date) "
            "asks both of you to agree the plan again; its status does not."
        ),
        "submit_label": submit_label,
        "back_url": _plan_url(plan),
    }


@login_required
@form_methods
def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    if plan.closed_at is not None:
        return _closed(request, plan)
    form = GoalForm(*posted(request), version_id=plan.version_id)
    return form_view(
        request,
        form=form,
        save=lambda: services.add_goal(actor=request.user, plan=plan, values=form.values()),
        success_message=_("Goal added."),
        success_url=lambda goal: _plan_url(plan, f"goal-{goal.pk}"),
        context=_goal_context(plan, _("Add a goal"), _("Add the goal")),
    )


@login_required
@form_methods
def goal_edit(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _goal(plan, goal_pk)
    if plan.closed_at is not None:
        return _closed(request, plan)
    form = GoalForm(*posted(request), version_id=plan.version_id, goal=goal)
    return form_view(
        request,
        form=form,
        save=lambda: services.update_goal(actor=request.user, goal=goal, values=form.values()),
        success_message=_("Goal saved."),
        success_url=lambda saved: _plan_url(plan, f"goal-{saved.pk}"),
        context=_goal_context(plan, _("Change the goal"), _("Save")),
    )


@login_required
@require_POST
def goal_delete(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _goal(plan, goal_pk)
    return run_action(
        request,
        action=lambda: services.delete_goal(actor=request.user, goal=goal),
        success_message=_("Goal deleted."),
        next_url=_plan_url(plan),
    )


# --- Actions ------------------------------------------------------------------------------------


@login_required
@form_methods
def action_create(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _goal(plan, goal_pk)
    if plan.closed_at is not None:
        return _closed(request, plan)
    form = ActionForm(*posted(request))

    def save() -> DevelopmentAction:
        return services.add_action(
            actor=request.user,
            goal=goal,
            kind=form.cleaned_data["kind"],
            description=form.cleaned_data["description"],
            link=form.cleaned_data["link"],
        )

    return form_view(
        request,
        form=form,
        save=save,
        success_message=_("Action added."),
        success_url=lambda action: _plan_url(plan, f"goal-{goal.pk}"),
        context={
            "title": _("Add an action to “%(goal)s”") % {"goal": goal.title},
            "intro": _(
                "A training to follow, a practice to try, a colleague to shadow: "
                "say it in a few words, with a link if there is one."
            ),
            "submit_label": _("Add the action"),
            "back_url": _plan_url(plan, f"goal-{goal.pk}"),
        },
    )


@login_required
@require_POST
def action_done(request: HttpRequest, pk: int, goal_pk: int, action_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _goal(plan, goal_pk)
    action = _action(goal, action_pk)
    back_url = _plan_url(plan, f"goal-{goal.pk}")
    form = DoneForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "competencies/assessments/refused.html",
            {"message": _("Say whether the action is done (1) or not (0)."), "back_url": back_url},
            status=400,
        )
    try:
        action = services.set_action_done(
            actor=request.user, action=action, done=form.cleaned_data["done"]
        )
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        response = render(
            request,
            "competencies/assessments/refused.html",
            {"message": error.message, "back_url": back_url},
            status=error.status if 400 <= error.status < 500 else 400,
        )
        if getattr(request, "htmx", False):
            # htmx swaps nothing on an error: reload the page, which shows the reason.
            messages.error(request, str(error.message))
            response["HX-Refresh"] = "true"
        return response
    if getattr(request, "htmx", False):
        return render(
            request,
            "competencies/plans/plan.html#action",
            {"plan": plan, "goal": goal, "action": action, "is_open": True},
        )
    messages.success(
        request,
        _("Action marked as done.") if action.done_at else _("Action marked as not done."),
    )
    return redirect(back_url)


@login_required
@require_POST
def action_delete(request: HttpRequest, pk: int, goal_pk: int, action_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _goal(plan, goal_pk)
    action = _action(goal, action_pk)
    return run_action(
        request,
        action=lambda: services.delete_action(actor=request.user, action=action),
        success_message=_("Action deleted."),
        next_url=_plan_url(plan, f"goal-{goal.pk}"),
    )
