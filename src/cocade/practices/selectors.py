"""Reads of the Vademecum that depend on who asks. Out-of-scope objects raise NotFound."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, QuerySet

from cocade.core.errors import NotFound
from cocade.core.i18n import language_codes
from cocade.practices import rules
from cocade.practices.enums import EditionStatus, PracticeStatus
from cocade.practices.models import (
    Practice,
    PracticeReview,
    PracticeTranslation,
    VademecumEdition,
)


def _with_texts(queryset: QuerySet[Practice]) -> QuerySet[Practice]:
    return queryset.select_related("centre", "author").prefetch_related("translations")


def get_published_practice(slug: str) -> Practice:
    """A public sheet by its address, with what its page shows."""
    try:
        return (
            _with_texts(Practice.objects.published())
            .prefetch_related("attachments", "competences")
            .annotate(
                centres_tried=Count("trials__centre", distinct=True),
            )
            .get(slug=slug)
        )
    except Practice.DoesNotExist as error:
        raise NotFound() from error


def get_practice_for_user(user: Any, pk: int, *, workflow: bool = True) -> Practice:
    """A sheet for the staff pages: only its author, its editors and its reviewers (or anyone
    for a published sheet when `workflow` is False)."""
    try:
        practice = _with_texts(Practice.objects.all()).get(pk=pk)
    except (Practice.DoesNotExist, ValueError, TypeError) as error:
        raise NotFound() from error
    allowed = (
        rules.can_view_workflow(user, practice)
        if workflow
        else rules.can_view_practice(user, practice)
    )
    if not allowed:
        raise NotFound()
    return practice


def get_translation_for_user(user: Any, practice: Practice, language: str) -> PracticeTranslation:
    translation = practice.translation(language)
    if translation is None or not rules.can_view_practice(user, practice):
        raise NotFound()
    return translation


def get_review_for_user(user: Any, pk: int) -> PracticeReview:
    """The reviewer's own review, or any review for the author and the editors of the sheet."""
    try:
        review = PracticeReview.objects.select_related("practice", "reviewer").get(pk=pk)
    except (PracticeReview.DoesNotExist, ValueError, TypeError) as error:
        raise NotFound() from error
    practice = review.practice
    if review.reviewer_id == getattr(user, "pk", None) or (
        getattr(user, "is_authenticated", False)
        and (practice.author_id == user.pk or rules.is_editor_of(user, practice))
    ):
        return review
    raise NotFound()


def staff_practices(user: Any) -> dict[str, list[Any]]:
    """The staff home of the Vademecum: my sheets, sheets I review, the editors' queue."""
    mine = list(_with_texts(Practice.objects.filter(author=user)).order_by("-updated_at"))
    reviewing = list(
        _with_texts(
            Practice.objects.filter(
                reviews__reviewer=user,
                reviews__submitted_at__isnull=True,
                reviews__round=F("review_round"),
                status=PracticeStatus.IN_REVIEW,
            )
        )
        .distinct()
        .order_by("-submitted_at")
    )
    queue: list[Practice] = []
    editor_ids = rules.editor_centre_ids(user)
    if editor_ids is None or editor_ids:
        pending = Practice.objects.filter(
            status__in=[
                PracticeStatus.SUBMITTED,
                PracticeStatus.IN_REVIEW,
                PracticeStatus.CHANGES_REQUESTED,
            ]
        )
        if editor_ids is not None:
            pending = pending.filter(centre_id__in=editor_ids)
        queue = list(_with_texts(pending).order_by("submitted_at"))
    translating = list(
        PracticeTranslation.objects.filter(translator=user)
        .exclude(language=F("practice__original_language"))
        .select_related("practice")
        .order_by("-updated_at")
    )
    return {"mine": mine, "reviewing": reviewing, "queue": queue, "translating": translating}


def reviews_waiting_for(user: Any) -> QuerySet[PracticeReview]:
    """The user's reviews still to send, of the current round of a sheet in review."""
    return (
        PracticeReview.objects.filter(
            reviewer=user,
            submitted_at__isnull=True,
            practice__status=PracticeStatus.IN_REVIEW,
            round=F("practice__review_round"),
        )
        .select_related("practice")
        .order_by("assigned_at", "id")
    )


def reviews_of(practice: Practice) -> QuerySet[PracticeReview]:
    return practice.reviews.select_related("reviewer").order_by("-round", "assigned_at", "id")


def latest_editions() -> list[VademecumEdition]:
    """The newest edition per language (any status), newest first."""
    seen: set[str] = set()
    editions = []
    for edition in VademecumEdition.objects.order_by("-created_at", "-id")[:200]:
        if edition.language not in seen:
            seen.add(edition.language)
            editions.append(edition)
    return editions


def done_editions() -> list[VademecumEdition]:
    """The newest finished edition per language, in the order of the network's languages."""
    newest: dict[str, VademecumEdition] = {}
    for edition in VademecumEdition.objects.filter(status=EditionStatus.DONE).exclude(file="")[
        :500
    ]:
        newest.setdefault(edition.language, edition)
    return [newest[code] for code in language_codes() if code in newest]


def get_done_edition(pk: int) -> VademecumEdition:
    """A finished edition, to download."""
    try:
        return VademecumEdition.objects.exclude(file="").get(pk=pk, status=EditionStatus.DONE)
    except (VademecumEdition.DoesNotExist, ValueError, TypeError) as error:
        raise NotFound() from error


def visible_comments(practice: Practice) -> QuerySet[Any]:
    return practice.comments.filter(is_hidden=False).select_related("author")
