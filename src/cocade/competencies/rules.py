"""Who may do what with frameworks, assessments and plans.

Individual assessments never leave their centre: only the person, the centre's managers and a
reviewer a manager named see them. Network coordinators author frameworks and see anonymised
distributions, not individuals (unless they also manage that centre).
"""

from __future__ import annotations

from typing import Any

import rules

from cocade.accounts.enums import Role
from cocade.accounts.selectors import (
    active_memberships,
    centre_ids_with_role,
    is_network_coordinator,
)

#: Roles held at a centre whose holders position themselves on the framework.
ASSESSING_ROLES = (Role.COUNSELLOR, Role.CENTRE_MANAGER, Role.TRAINER, Role.ASSESSOR)


def is_framework_author(user: Any) -> bool:
    """Network coordinators and network-wide editors author and publish frameworks."""
    return is_network_coordinator(user) or any(
        m.role == Role.EDITOR and m.centre_id is None for m in active_memberships(user)
    )


def assessment_centre_ids(user: Any) -> list[int]:
    """The centres the user may self-assess from, counsellor memberships first."""
    order = {role: index for index, role in enumerate(ASSESSING_ROLES)}
    memberships = sorted(
        (m for m in active_memberships(user) if m.centre_id and m.role in order),
        key=lambda m: (order[m.role], m.centre_id),
    )
    seen: list[int] = []
    for membership in memberships:
        if membership.centre_id not in seen:
            seen.append(membership.centre_id)
    return seen


def can_self_assess(user: Any) -> bool:
    return bool(assessment_centre_ids(user))


def manages_centre(user: Any, centre_id: int) -> bool:
    return centre_id in centre_ids_with_role(user, Role.CENTRE_MANAGER)


def can_view_assessment(user: Any, assessment: Any) -> bool:
    return (
        assessment.user_id == user.pk
        or manages_centre(user, assessment.centre_id)
        or (
            assessment.reviewer_id == user.pk and assessment.centre_id in centre_ids_with_role(user)
        )
    )


def can_review_assessment(user: Any, assessment: Any) -> bool:
    """The centre's managers, or the reviewer a manager named; never the person themself."""
    if assessment.user_id == user.pk:
        return False
    return manages_centre(user, assessment.centre_id) or (
        assessment.reviewer_id == user.pk and assessment.centre_id in centre_ids_with_role(user)
    )


def can_view_plan(user: Any, plan: Any) -> bool:
    return plan.user_id == user.pk or manages_centre(user, plan.centre_id)


def can_manage_team(user: Any, centre: Any) -> bool:
    return centre is not None and manages_centre(user, centre.pk)


rules.add_perm("competencies.author_framework", rules.predicate(is_framework_author))
rules.add_perm("competencies.self_assess", rules.predicate(can_self_assess))
rules.add_perm("competencies.view_network", rules.predicate(is_network_coordinator))
