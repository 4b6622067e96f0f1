"""Writes of development plans: goals from the gaps, actions, agreement and progress.

The counsellor and a manager of their centre both agree the plan. Changing what a goal asks
(its competence, target, wording or due date), adding or removing a goal clears both
agreements; recording progress (statuses, actions done) does not.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import ActionKind, AssessmentStatus, GoalStatus
from cocade.competencies.models import (
    Competence,
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.competencies.rules import can_view_assessment, can_view_plan, manages_centre
from cocade.competencies.selectors.assessments import gaps_of
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound

GOAL_FIELDS = ("title", "competence", "target_level", "due_on", "status")
#: Fields whose change means the plan must be agreed again.
TERMS = ("title", "competence", "target_level", "due_on")


def _ensure_open(plan: DevelopmentPlan) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.closed_at is not None:
        raise Conflict(_("This development plan is closed."), code="plan_closed")
    return plan


def _ensure_party(actor: Any, plan: DevelopmentPlan) -> None:
    if not can_view_plan(actor, plan):
        raise NotFound()


def _reset_agreement(plan: DevelopmentPlan) -> None:
    if plan.counsellor_agreed_at or plan.manager_agreed_at:
        plan.counsellor_agreed_at = None
        plan.manager_agreed_at = None
        plan.manager_agreed_by = None
        plan.save(update_fields=["counsellor_agreed_at", "manager_agreed_at", "manager_agreed_by"])


def create_plan(*, actor: Any, assessment: SelfAssessment) -> DevelopmentPlan:
    """Start the plan of a submitted or reviewed assessment, with one goal per gap (the agreed
    level below the level expected for the assessment's profile)."""
    if not can_view_assessment(actor, assessment):
        raise NotFound()
    if actor.pk != assessment.user_id and not manages_centre(actor, assessment.centre_id):
        raise Forbidden(_("Only the counsellor and their centre's managers draw up the plan."))
    assessment.refresh_from_db(fields=["status"])
    if assessment.status == AssessmentStatus.DRAFT:
        raise Conflict(
            _("Submit the self-assessment before drawing up a plan from it."),
            code="assessment_not_submitted",
        )
    gaps = [gap for gap in gaps_of(assessment) if gap.size > 0]
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                user_id=assessment.user_id,
                centre_id=assessment.centre_id,
                version_id=assessment.version_id,
                assessment=assessment,
                created_by=actor,
            )
            DevelopmentGoal.objects.bulk_create(
                DevelopmentGoal(
                    plan=plan,
                    competence=gap.competence,
                    target_level=gap.expected,
                    title=f"{gap.competence.code} · {gap.competence.title_i18n}"[:300],
                    position=position,
                )
                for position, gap in enumerate(gaps)
            )
            record_action(
                actor=actor,
                action="competencies.plan.created",
                target=plan,
                centre_id=plan.centre_id,
                changes={"goals": {"before": None, "after": len(gaps)}},
            )
    except IntegrityError as error:
        raise Conflict(
            _("There is already an open development plan on this framework version."),
            code="plan_exists",
        ) from error
    return plan


def _clean_goal(plan: DevelopmentPlan, values: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    detail: dict[str, list[str]] = {}
    unknown = sorted(set(values) - set(GOAL_FIELDS))
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)},
            field=unknown[0],
        )
    if "title" in values:
        title = (values["title"] or "").strip()
        if not title or len(title) > 300:
            detail["title"] = [str(_("Describe the goal in 1 to 300 characters."))]
        cleaned["title"] = title
    if "competence" in values:
        competence = values["competence"]
        if competence is not None and not isinstance(competence, Competence):
            competence = Competence.objects.filter(
                version_id=plan.version_id, code=competence
            ).first()
            if competence is None:
                detail["competence"] = [str(_("There is no such competence in this version."))]
        if isinstance(competence, Competence) and competence.version_id != plan.version_id:
            detail["competence"] = [str(_("There is no such competence in this version."))]
        cleaned["competence"] = competence
    if "target_level" in values:
        level = values["target_level"]
        if level is not None and not isinstance(level, ProficiencyLevel):
            level = ProficiencyLevel.objects.filter(version_id=plan.version_id, code=level).first()
            if level is None:
                detail["target_level"] = [str(_("This level is not on the scale."))]
        if isinstance(level, ProficiencyLevel) and level.version_id != plan.version_id:
            detail["target_level"] = [str(_("This level is not on the scale."))]
        cleaned["target_level"] = level
    if "due_on" in values:
        due = values["due_on"]
        if isinstance(due, str) and due:
            try:
                due = datetime.date.fromisoformat(due)
            except ValueError:
                detail["due_on"] = [str(_("Give the date as YYYY-MM-DD."))]
        cleaned["due_on"] = due or None
    if "status" in values:
        if values["status"] not in GoalStatus.values:
            detail["status"] = [str(_("Choose a status from the list."))]
        cleaned["status"] = values["status"]
    if detail:
        first_field, messages = next(iter(detail.items()))
        raise InvalidInput(messages[0], field=first_field, detail=detail)
    return cleaned


def add_goal(*, actor: Any, plan: DevelopmentPlan, values: dict[str, Any]) -> DevelopmentGoal:
    _ensure_party(actor, plan)
    if "title" not in values:
        values = {**values, "title": ""}
    cleaned = _clean_goal(plan, values)
    with transaction.atomic():
        plan = _ensure_open(plan)
        position = plan.goals.count()
        goal = DevelopmentGoal.objects.create(plan=plan, position=position, **cleaned)
        _reset_agreement(plan)
        record_action(
            actor=actor,
            action="competencies.goal.added",
            target=goal,
            centre_id=plan.centre_id,
            changes={"title": {"before": None, "after": goal.title}},
        )
    return goal


def update_goal(*, actor: Any, goal: DevelopmentGoal, values: dict[str, Any]) -> DevelopmentGoal:
    plan = goal.plan
    _ensure_party(actor, plan)
    cleaned = _clean_goal(plan, values)
    with transaction.atomic():
        plan = _ensure_open(plan)
        goal = DevelopmentGoal.objects.select_for_update().get(pk=goal.pk)
        changes = {}
        for name, value in cleaned.items():
            before = getattr(goal, name)
            if before != value:
                changes[name] = {
                    "before": getattr(before, "pk", before),
                    "after": getattr(value, "pk", value),
                }
                setattr(goal, name, value)
        if not changes:
            return goal
        for name in ("due_on",):
            if name in changes and changes[name]["before"] is not None:
                changes[name]["before"] = str(changes[name]["before"])
            if name in changes and changes[name]["after"] is not None:
                changes[name]["after"] = str(changes[name]["after"])
        goal.save()
        if set(changes) & set(TERMS):
            _reset_agreement(plan)
        record_action(
            actor=actor,
            action="competencies.goal.changed",
            target=goal,
            centre_id=plan.centre_id,
            changes=changes,
        )
    return goal


def delete_goal(*, actor: Any, goal: DevelopmentGoal) -> None:
    plan = goal.plan
    _ensure_party(actor, plan)
    with transaction.atomic():
        plan = _ensure_open(plan)
        record_action(
            actor=actor,
            action="competencies.goal.deleted",
            target=goal,
            centre_id=plan.centre_id,
            changes={"title": {"before": goal.title, "after": None}},
        )
        goal.delete()
        _reset_agreement(plan)


def add_action(
    *, actor: Any, goal: DevelopmentGoal, kind: str, description: str, link: str = ""
) -> DevelopmentAction:
    plan = goal.plan
    _ensure_party(actor, plan)
    detail: dict[str, list[str]] = {}
    if kind not in ActionKind.values:
        detail["kind"] = [str(_("Choose a kind of action from the list."))]
    description = (description or "").strip()
    if not description or len(description) > 500:
        detail["description"] = [str(_("Describe the action in 1 to 500 characters."))]
    link = (link or "").strip()
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            detail["link"] = [str(_("Give a full web address starting with https://."))]
        if len(link) > 500:
            detail["link"] = [str(_("Give a full web address starting with https://."))]
    if detail:
        first_field, messages = next(iter(detail.items()))
        raise InvalidInput(messages[0], field=first_field, detail=detail)
    with transaction.atomic():
        plan = _ensure_open(plan)
        action = DevelopmentAction.objects.create(
            goal=goal, kind=kind, description=description, link=link
        )
        record_action(
            actor=actor,
            action="competencies.action.added",
            target=action,
            centre_id=plan.centre_id,
            changes={"description": {"before": None, "after": description}},
        )
    return action


def set_action_done(*, actor: Any, action: DevelopmentAction, done: bool) -> DevelopmentAction:
    plan = action.goal.plan
    _ensure_party(actor, plan)
    with transaction.atomic():
        plan = _ensure_open(plan)
        action = DevelopmentAction.objects.select_for_update().get(pk=action.pk)
        was_done = action.done_at is not None
        if was_done == done:
            return action  # a second click changes nothing
        action.done_at = timezone.now() if done else None
        action.save(update_fields=["done_at"])
        record_action(
            actor=actor,
            action="competencies.action.done" if done else "competencies.action.reopened",
            target=action,
            centre_id=plan.centre_id,
            changes={"done": {"before": was_done, "after": done}},
        )
    return action


def delete_action(*, actor: Any, action: DevelopmentAction) -> None:
    plan = action.goal.plan
    _ensure_party(actor, plan)
    with transaction.atomic():
        plan = _ensure_open(plan)
        record_action(
            actor=actor,
            action="competencies.action.deleted",
            target=action,
            centre_id=plan.centre_id,
            changes={"description": {"before": action.description, "after": None}},
        )
        action.delete()


def agree_plan(*, actor: Any, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The counsellor, or a manager of the centre, records their agreement (idempotent)."""
    _ensure_party(actor, plan)
    with transaction.atomic():
        plan = _ensure_open(plan)
        if not plan.goals.exists():
            raise Conflict(_("Add at least one goal before agreeing the plan."), code="plan_empty")
        now = timezone.now()
        if actor.pk == plan.user_id:
            if plan.counsellor_agreed_at:
                return plan
            plan.counsellor_agreed_at = now
            side = "counsellor"
        elif manages_centre(actor, plan.centre_id):
            if plan.manager_agreed_at:
                return plan
            plan.manager_agreed_at = now
            plan.manager_agreed_by = actor
            side = "manager"
        else:
            raise Forbidden(_("Only the counsellor and their centre's managers agree the plan."))
        plan.save()
        record_action(
            actor=actor,
            action="competencies.plan.agreed",
            target=plan,
            centre_id=plan.centre_id,
            changes={"agreed_by": {"before": None, "after": side}},
        )
    return plan


def close_plan(*, actor: Any, plan: DevelopmentPlan) -> DevelopmentPlan:
    _ensure_party(actor, plan)
    if actor.pk != plan.user_id and not manages_centre(actor, plan.centre_id):
        raise Forbidden(_("Only the counsellor and their centre's managers close the plan."))
    with transaction.atomic():
        plan = _ensure_open(plan)
        plan.closed_at = timezone.now()
        plan.save(update_fields=["closed_at"])
        record_action(
            actor=actor,
            action="competencies.plan.closed",
            target=plan,
            centre_id=plan.centre_id,
            changes={"closed": {"before": False, "after": True}},
        )
    return plan
