"""Emails when someone waits: a self-assessment to review, a review to read.

Each recipient gets their own message in their preferred language. The project's email backend
queues the message and hands it to the task worker once the transaction commits, so a refused
write sends nothing. Bodies name the framework and the person, never levels or comments.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership
from cocade.competencies.models import SelfAssessment
from cocade.core.mail import absolute_url, send_to_each


def _person(user: Any) -> str:
    return user.full_name or user.email


def _managers_of(centre_id: int) -> list[Any]:
    memberships = (
        Membership.objects.active()
        .filter(centre_id=centre_id, role=Role.CENTRE_MANAGER, user__is_active=True)
        .select_related("user")
        .order_by("user__email")
    )
    return [membership.user for membership in memberships]


def _review_request(assessment: SelfAssessment) -> Any:
    def build(user: Any) -> tuple[str, str]:
        subject = str(_("A self-assessment waits for your review"))
        body = str(
            _(
                "%(person)s submitted a self-assessment on “%(framework)s” (version %(number)s) "
                "and waits for your review.\n\nReview it here: %(url)s\n"
            )
            % {
                "person": _person(assessment.user),
                "framework": assessment.version.title_i18n,
                "number": assessment.version.number,
                "url": absolute_url("staff_competencies:assessment_review", pk=assessment.pk),
            }
        )
        return subject, body

    return build


def notify_submitted(assessment: SelfAssessment) -> int:
    """Tell the centre's managers, and the named reviewer, that a review waits for them."""
    recipients = [
        user for user in _managers_of(assessment.centre_id) if user.pk != assessment.user_id
    ]
    if assessment.reviewer is not None and assessment.reviewer_id != assessment.user_id:
        recipients.append(assessment.reviewer)
    return send_to_each(recipients, _review_request(assessment))


def notify_reviewer_named(assessment: SelfAssessment) -> int:
    """Tell a newly named reviewer of a submitted self-assessment that it waits for them."""
    if assessment.reviewer is None or assessment.reviewer_id == assessment.user_id:
        return 0
    return send_to_each([assessment.reviewer], _review_request(assessment))


def notify_reviewed(assessment: SelfAssessment) -> int:
    """Tell the counsellor that their self-assessment was reviewed."""

    def build(user: Any) -> tuple[str, str]:
        subject = str(_("Your self-assessment has been reviewed"))
        reviewer = assessment.reviewed_by
        body = str(
            _(
                "%(reviewer)s reviewed your self-assessment on “%(framework)s” "
                "(version %(number)s).\n\nSee both levels and the comments here: %(url)s\n"
            )
            % {
                "reviewer": _person(reviewer) if reviewer else _("Your manager"),
                "framework": assessment.version.title_i18n,
                "number": assessment.version.number,
                "url": absolute_url("staff_competencies:assessment", pk=assessment.pk),
            }
        )
        return subject, body

    return send_to_each([assessment.user], build)
