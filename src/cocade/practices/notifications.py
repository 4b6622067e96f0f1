"""Emails of the Vademecum, each in its recipient's language, queued for the task worker once
the transaction commits (so a refused write sends nothing): to editors when a sheet is
submitted, to a reviewer when assigned, to the author when changes are asked or the sheet is
published, and to followers when a new version is published."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership
from cocade.core.mail import absolute_url, send_to_each
from cocade.practices.enums import PracticeStatus


def _title(practice: Any, language: str | None = None) -> str:
    wanted = language or translation.get_language()
    chosen = None
    for item in practice.translations.all():
        if item.language == wanted:
            chosen = item
        if item.language == practice.original_language and chosen is None:
            chosen = item
    return chosen.title if chosen else practice.slug


def editors_of(practice: Any) -> list[Any]:
    memberships = (
        Membership.objects.active()
        .filter(user__is_active=True)
        .filter(
            Q(role=Role.NETWORK_COORDINATOR)
            | Q(role=Role.EDITOR, centre__isnull=True)
            | Q(role=Role.EDITOR, centre_id=practice.centre_id)
        )
        .select_related("user")
        .order_by("user__email")
    )
    return [m.user for m in memberships]


def notify_editors_submitted(*, practice: Any) -> int:
    def build(user: Any) -> tuple[str, str]:
        title = _title(practice)
        return (
            _("A practice sheet waits for review: %(title)s") % {"title": title},
            _("The sheet “%(title)s” was submitted to the Vademecum. Assign reviewers:\n%(url)s")
            % {"title": title, "url": absolute_url("staff_practices:detail", pk=practice.pk)},
        )

    return send_to_each(editors_of(practice), build)


def notify_reviewer_assigned(*, review: Any) -> int:
    practice = review.practice

    def build(user: Any) -> tuple[str, str]:
        title = _title(practice)
        return (
            _("Please review a practice sheet: %(title)s") % {"title": title},
            _("You were asked to review the sheet “%(title)s” with the checklist:\n%(url)s")
            % {"title": title, "url": absolute_url("staff_practices:review", pk=review.pk)},
        )

    return send_to_each([review.reviewer], build)


def notify_author(*, practice: Any) -> int:
    def build(user: Any) -> tuple[str, str]:
        title = _title(practice)
        if practice.status == PracticeStatus.PUBLISHED:
            return (
                _("Your practice sheet is published: %(title)s") % {"title": title},
                _("Your sheet “%(title)s” is now in the Vademecum:\n%(url)s")
                % {"title": title, "url": absolute_url("practices:detail", slug=practice.slug)},
            )
        return (
            _("Changes are asked on your practice sheet: %(title)s") % {"title": title},
            _("The reviewers of “%(title)s” ask for changes. See what to change:\n%(url)s")
            % {"title": title, "url": absolute_url("staff_practices:detail", pk=practice.pk)},
        )

    return send_to_each([practice.author], build)


def notify_followers(*, practice: Any, revision: Any) -> int:
    followers = [f.user for f in practice.follows.select_related("user").order_by("user__email")]

    def build(user: Any) -> tuple[str, str]:
        title = _title(practice)
        return (
            _("New version of a practice you follow: %(title)s") % {"title": title},
            _(
                "A new version of “%(title)s” is published in the Vademecum. See it, and "
                "what changed:\n%(url)s\n\nYou get this email because you follow this sheet; "
                "stop following it from its page."
            )
            % {"title": title, "url": absolute_url("practices:detail", slug=practice.slug)},
        )

    return send_to_each(followers, build)
