"""Writing practice sheets and moving them through the review workflow.

draft → submitted → in_review ⇄ changes_requested → published → archived (→ published again).
Every write locks the sheet row, checks the status and the caller's right, writes, records a
revision when texts changed and an audit entry, and keeps the search index in step, all in one
transaction: a refused call writes nothing. A save based on an older `lock_version` than the
stored one is refused (`stale`), so two people editing at once never overwrite each other.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Competence
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.i18n import language_codes
from cocade.practices import rules
from cocade.practices.enums import (
    TRANSITIONS,
    Licence,
    PracticePole,
    PracticeStatus,
    PracticeType,
    ReviewCriterion,
    ReviewRecommendation,
    TargetPublic,
    TranslationStatus,
)
from cocade.practices.models import (
    SHEET_FIELDS,
    TEXT_FIELDS,
    Practice,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
)

MAX_STEPS = 30
REQUIRED_TEXTS = ("title", "summary")


# --- checks -------------------------------------------------------------------------------


def _lock(practice: Practice) -> Practice:
    """Re-read the sheet under a row lock (inside the caller's transaction)."""
    try:
        return Practice.objects.select_for_update().get(pk=practice.pk)
    except Practice.DoesNotExist as error:
        raise NotFound() from error


def _check_version(practice: Practice, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != practice.lock_version:
        raise Conflict(
            _(
                "This sheet was changed by someone else since you opened it. Your changes were "
                "not saved: reload the sheet, then make them again."
            ),
            code="stale",
        )


def _move(practice: Practice, target: str) -> None:
    if target not in TRANSITIONS.get(practice.status, frozenset()):
        raise Conflict(
            _("A sheet that is “%(status)s” cannot become “%(target)s”.")
            % {
                "status": PracticeStatus(practice.status).label,
                "target": PracticeStatus(target).label,
            },
            code="wrong_status",
        )
    practice.status = target


def clean_texts(texts: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check the language texts of a sheet; method_steps is a list of non-empty texts."""
    unknown = sorted(set(texts) - set(TEXT_FIELDS))
    if unknown:
        raise InvalidInput(
            _("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)}, field=unknown[0]
        )
    cleaned: dict[str, Any] = {}
    for name, value in texts.items():
        if name == "method_steps":
            if isinstance(value, str):
                value = list(value.splitlines())
            if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
                raise InvalidInput(_("The method must be a list of steps."), field=name)
            value = [step.strip() for step in value if step.strip()]
            if len(value) > MAX_STEPS:
                raise InvalidInput(
                    _("A method has at most %(max)d steps.") % {"max": MAX_STEPS}, field=name
                )
        else:
            if not isinstance(value, str):
                raise InvalidInput(_("This field must be a text."), field=name)
            value = value.strip()
            if "\x00" in value:
                raise InvalidInput(_("Null characters are not allowed."), field=name)
        cleaned[name] = value
    if not partial:
        for name in REQUIRED_TEXTS:
            if not cleaned.get(name):
                raise InvalidInput(_("This field is required."), code="required", field=name)
    for name in REQUIRED_TEXTS:
        if name in cleaned and not cleaned[name]:
            raise InvalidInput(_("This field is required."), code="required", field=name)
    if len(cleaned.get("title", "")) > 200:
        raise InvalidInput(_("A title has at most 200 characters."), field="title")
    if len(cleaned.get("summary", "")) > 1000:
        raise InvalidInput(_("A summary has at most 1,000 characters."), field="summary")
    return cleaned


def _clean_choices(value: Any, choices: Any, field: str) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(_("Give a list of values."), field=field)
    allowed = set(choices.values)
    wrong = sorted(set(value) - allowed)
    if wrong:
        raise InvalidInput(
            _("Unknown values: %(values)s.") % {"values": ", ".join(wrong)}, field=field
        )
    return [v for v in choices.values if v in set(value)]


def clean_sheet(actor: Any, sheet: Mapping[str, Any], *, is_new: bool) -> dict[str, Any]:
    unknown = sorted(set(sheet) - set(SHEET_FIELDS))
    if unknown:
        raise InvalidInput(
            _("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)}, field=unknown[0]
        )
    cleaned: dict[str, Any] = dict(sheet)
    if "poles" in cleaned:
        cleaned["poles"] = _clean_choices(cleaned["poles"], PracticePole, "poles")
    if "target_publics" in cleaned:
        cleaned["target_publics"] = _clean_choices(
            cleaned["target_publics"], TargetPublic, "target_publics"
        )
    if "practice_type" in cleaned and cleaned["practice_type"] not in PracticeType.values:
        raise InvalidInput(_("Choose a type of practice."), field="practice_type")
    if "licence" in cleaned and cleaned["licence"] not in Licence.values:
        raise InvalidInput(_("Choose a licence."), field="licence")
    if "original_language" in cleaned and cleaned["original_language"] not in language_codes():
        raise InvalidInput(_("Choose one of the network's languages."), field="original_language")
    if "contact_name" in cleaned:
        if not isinstance(cleaned["contact_name"], str) or len(cleaned["contact_name"]) > 150:
            raise InvalidInput(_("A name has at most 150 characters."), field="contact_name")
        cleaned["contact_name"] = cleaned["contact_name"].strip()
    if cleaned.get("contact_email"):
        try:
            validate_email(cleaned["contact_email"])
        except ValidationError as error:
            raise InvalidInput(_("Enter a valid email address."), field="contact_email") from error
    if is_new:
        for name in ("centre", "practice_type", "original_language"):
            if not cleaned.get(name):
                raise InvalidInput(_("This field is required."), code="required", field=name)
    return cleaned


def clean_competences(values: Iterable[Any] | None) -> list[Competence] | None:
    """Competences of a published framework version (ids or objects), or None to leave them."""
    if values is None:
        return None
    ids = [v.pk if isinstance(v, Competence) else v for v in values]
    if not all(isinstance(i, int) for i in ids):
        raise InvalidInput(_("Give competences by their number."), field="competences")
    found = list(Competence.objects.filter(pk__in=ids, version__status=VersionStatus.PUBLISHED))
    if len(found) != len(set(ids)):
        raise InvalidInput(
            _("Link only competences of a published framework."), field="competences"
        )
    return found


def _unique_slug(title: str) -> str:
    base = slugify(title, allow_unicode=True)[:100] or "practice"
    slug, n = base, 2
    while Practice.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _create_with_free_slug(title: str, **values: Any) -> Practice:
    """Create the row; if another request took the same address meanwhile, add a suffix."""
    slug = _unique_slug(title)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Practice.objects.create(slug=slug, **values)
        except IntegrityError:
            slug = f"{slug[:100]}-{secrets.token_hex(3)}"
    raise Conflict(_("This conflicts with data saved meanwhile; reload and try again."))


# --- revisions and index ------------------------------------------------------------------


def revision_data(practice: Practice, translation: PracticeTranslation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "centre": practice.centre_id,
        "original_language": practice.original_language,
        "practice_type": practice.practice_type,
        "poles": list(practice.poles),
        "target_publics": list(practice.target_publics),
        "contact_name": practice.contact_name,
        "contact_email": practice.contact_email,
        "licence": practice.licence,
        "competences": sorted(practice.competences.values_list("pk", flat=True)),
    }
    for name in TEXT_FIELDS:
        value = getattr(translation, name)
        data[name] = list(value) if isinstance(value, list) else value
    return data


def record_revision(
    *, actor: Any, practice: Practice, translation: PracticeTranslation, publication: bool = False
) -> PracticeRevision | None:
    """Keep the state of this language of the sheet, with the fields that changed since the
    language's previous revision. Nothing is recorded when nothing changed (unless publishing)."""
    data = revision_data(practice, translation)
    previous = practice.revisions.filter(language=translation.language).order_by("-number").first()
    before = previous.data if previous else {}
    changed = [name for name in data if before.get(name) != data[name]] if previous else []
    if previous and not changed and not publication:
        return None
    number = (practice.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PracticeRevision.objects.create(
        practice=practice,
        number=number,
        language=translation.language,
        status=practice.status,
        author=actor,
        changed_fields=changed,
        data=data,
        is_publication=publication,
    )


def reindex(practice: Practice) -> None:
    """Put the sheet's published translations in the search index, or take it out."""
    from cocade.practices.search import index_practice

    index_practice(practice)


# --- writing ------------------------------------------------------------------------------


def create_practice(
    *,
    actor: Any,
    sheet: Mapping[str, Any],
    texts: Mapping[str, Any],
    competences: Iterable[Any] | None = None,
) -> Practice:
    """A new draft written by `actor` for one of their centres, in its original language."""
    cleaned = clean_sheet(actor, sheet, is_new=True)
    centre = cleaned["centre"]
    centre_id = getattr(centre, "pk", centre)
    if centre_id not in rules.staff_centre_ids(actor) and not rules.can_edit_practices_of(
        actor, centre_id
    ):
        raise Forbidden(_("You can only write sheets for a centre you work at."))
    from cocade.directory.models import Centre

    try:
        centre = Centre.objects.get(pk=centre_id)
    except Centre.DoesNotExist as error:
        raise InvalidInput(_("Choose a centre."), field="centre") from error
    cleaned["centre"] = centre
    text_values = clean_texts(texts)
    linked = clean_competences(competences)
    with transaction.atomic():
        practice = _create_with_free_slug(
            text_values["title"], author=actor, country=centre.country, **cleaned
        )
        if linked:
            practice.competences.set(linked)
        translation = PracticeTranslation.objects.create(
            practice=practice,
            language=practice.original_language,
            translator=actor,
            **text_values,
        )
        record_revision(actor=actor, practice=practice, translation=translation)
        record_action(
            actor=actor,
            action="practices.practice.created",
            target=practice,
            centre_id=centre.pk,
            changes={"title": [None, text_values["title"]]},
        )
    return practice


def update_practice(
    *,
    actor: Any,
    practice: Practice,
    expected_version: int | None,
    sheet: Mapping[str, Any] | None = None,
    texts: Mapping[str, Any] | None = None,
    competences: Iterable[Any] | None = None,
) -> Practice:
    """Change the sheet and its original-language texts. The author edits a draft or a sheet
    sent back for changes; editors edit any sheet but an archived one (a published sheet stays
    published: the change is a new published version, and its followers are told)."""
    sheet = dict(sheet or {})
    if sheet.get("original_language") == practice.original_language:
        del sheet["original_language"]
    if "original_language" in sheet:
        raise InvalidInput(
            _("The original language of a sheet cannot change."), field="original_language"
        )
    if "centre" in sheet and getattr(sheet["centre"], "pk", sheet["centre"]) != practice.centre_id:
        raise InvalidInput(_("A sheet cannot move to another centre."), field="centre")
    sheet.pop("centre", None)
    cleaned = clean_sheet(actor, sheet, is_new=False)
    text_values = clean_texts(texts or {}, partial=True)
    linked = clean_competences(competences)
    with transaction.atomic():
        practice = _lock(practice)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        if not rules.can_edit_practice(actor, practice):
            raise Forbidden(_("You cannot change this sheet now."))
        _check_version(practice, expected_version)
        before_status = practice.status
        for name, value in cleaned.items():
            setattr(practice, name, value)
        practice.lock_version += 1
        practice.save()
        if linked is not None:
            practice.competences.set(linked)
        translation = practice.translations.select_for_update().get(
            language=practice.original_language
        )
        for name, value in text_values.items():
            setattr(translation, name, value)
        translation.lock_version += 1
        translation.save()
        is_published = before_status == PracticeStatus.PUBLISHED
        revision = record_revision(
            actor=actor, practice=practice, translation=translation, publication=False
        )
        if revision is not None and is_published:
            revision.is_publication = True
            revision.save(update_fields=["is_publication"])
        record_action(
            actor=actor,
            action="practices.practice.updated",
            target=practice,
            centre_id=practice.centre_id,
            changes={"fields": revision.changed_fields if revision else []},
        )
        if is_published:
            reindex(practice)
            if revision is not None:
                from cocade.practices.notifications import notify_followers

                notify_followers(practice=practice, revision=revision)
    return practice


def _transition(
    *, actor: Any, practice: Practice, target: str, action: str, check: Any
) -> Practice:
    with transaction.atomic():
        practice = _lock(practice)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        check(practice)
        before = practice.status
        _move(practice, target)
        now = timezone.now()
        if target == PracticeStatus.SUBMITTED:
            practice.submitted_at = now
            practice.review_round += 1
        elif target == PracticeStatus.DRAFT:
            # Withdrawn before any reviewer was assigned: that round did not take place.
            practice.review_round = max(0, practice.review_round - 1)
        practice.lock_version += 1
        practice.save()
        record_action(
            actor=actor,
            action=action,
            target=practice,
            centre_id=practice.centre_id,
            changes={"status": [before, target]},
        )
        return practice


def _author_only(actor: Any) -> Any:
    def check(practice: Practice) -> None:
        if practice.author_id != actor.pk and not rules.is_editor_of(actor, practice):
            raise Forbidden(_("Only the author or an editor can do this."))

    return check


def _editor_only(actor: Any) -> Any:
    def check(practice: Practice) -> None:
        if not rules.is_editor_of(actor, practice):
            raise Forbidden(_("Only an editor of the Vademecum can do this."))

    return check


def submit_practice(*, actor: Any, practice: Practice) -> Practice:
    """The author sends a draft to the editors."""
    practice = _transition(
        actor=actor,
        practice=practice,
        target=PracticeStatus.SUBMITTED,
        action="practices.practice.submitted",
        check=_author_only(actor),
    )
    from cocade.practices.notifications import notify_editors_submitted

    notify_editors_submitted(practice=practice)
    return practice


def withdraw_practice(*, actor: Any, practice: Practice) -> Practice:
    """The author takes a submitted sheet back to draft before anyone reviews it."""
    return _transition(
        actor=actor,
        practice=practice,
        target=PracticeStatus.DRAFT,
        action="practices.practice.withdrawn",
        check=_author_only(actor),
    )


def assign_reviewer(*, actor: Any, practice: Practice, reviewer: Any) -> PracticeReview:
    """An editor asks a staff member (not the author) to review the current round."""
    with transaction.atomic():
        practice = _lock(practice)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        _editor_only(actor)(practice)
        if practice.status not in (PracticeStatus.SUBMITTED, PracticeStatus.IN_REVIEW):
            raise Conflict(
                _("Reviewers are assigned to a submitted sheet or one in review."),
                code="wrong_status",
            )
        if reviewer is None or not rules.is_staff_member(reviewer):
            raise InvalidInput(_("Choose a member of a centre's staff."), field="reviewer")
        if reviewer.pk == practice.author_id:
            raise InvalidInput(_("The author cannot review their own sheet."), field="reviewer")
        if practice.reviews.filter(round=practice.review_round, reviewer=reviewer).exists():
            raise Conflict(_("This person already reviews this round."), code="already_assigned")
        review = PracticeReview.objects.create(
            practice=practice, round=practice.review_round, reviewer=reviewer, assigned_by=actor
        )
        before = practice.status
        if practice.status == PracticeStatus.SUBMITTED:
            _move(practice, PracticeStatus.IN_REVIEW)
            practice.lock_version += 1
            practice.save()
        record_action(
            actor=actor,
            action="practices.practice.reviewer_assigned",
            target=practice,
            centre_id=practice.centre_id,
            changes={"reviewer": [None, reviewer.pk], "status": [before, practice.status]},
        )
    from cocade.practices.notifications import notify_reviewer_assigned

    notify_reviewer_assigned(review=review)
    return review


def submit_review(
    *,
    actor: Any,
    review: PracticeReview,
    scores: Mapping[str, Any],
    comments: Mapping[str, str] | None = None,
    general_comment: str = "",
    recommendation: str,
) -> PracticeReview:
    """The assigned reviewer scores every criterion of the checklist (1–4), once."""
    criteria = ReviewCriterion.values
    missing = [c for c in criteria if c not in scores]
    if missing:
        raise InvalidInput(_("Score every point of the checklist."), field=missing[0])
    cleaned_scores: dict[str, int] = {}
    for criterion in criteria:
        value = scores[criterion]
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        exact = isinstance(value, str) or number == value  # 2.5 is not 2
        if number not in (1, 2, 3, 4) or isinstance(value, bool) or not exact:
            raise InvalidInput(_("A score is a number from 1 to 4."), field=criterion)
        cleaned_scores[criterion] = number
    extra = sorted(set(scores) - set(criteria)) + sorted(set(comments or {}) - set(criteria))
    if extra:
        raise InvalidInput(
            _("Unknown checklist points: %(points)s.") % {"points": ", ".join(extra)},
            field=extra[0],
        )
    if recommendation not in ReviewRecommendation.values:
        raise InvalidInput(_("Choose a recommendation."), field="recommendation")
    cleaned_comments = {k: str(v).strip() for k, v in (comments or {}).items() if str(v).strip()}
    with transaction.atomic():
        practice = _lock(review.practice)
        review = PracticeReview.objects.select_for_update().get(pk=review.pk)
        if review.reviewer_id != actor.pk:
            if rules.can_view_workflow(actor, practice):
                raise Forbidden(_("Only the assigned reviewer can fill in this review."))
            raise NotFound()
        if review.is_submitted:
            raise Conflict(_("This review was already sent."), code="already_submitted")
        if practice.status != PracticeStatus.IN_REVIEW or review.round != practice.review_round:
            raise Conflict(_("This sheet is no longer waiting for this review."), code="closed")
        review.scores = cleaned_scores
        review.comments = cleaned_comments
        review.general_comment = (general_comment or "").strip()
        review.recommendation = recommendation
        review.submitted_at = timezone.now()
        review.save()
        record_action(
            actor=actor,
            action="practices.review.submitted",
            target=practice,
            centre_id=practice.centre_id,
            changes={"scores": [None, cleaned_scores], "recommendation": [None, recommendation]},
        )
    return review


def request_changes(*, actor: Any, practice: Practice) -> Practice:
    """An editor sends the sheet back to its author with the reviews of this round."""
    practice = _transition(
        actor=actor,
        practice=practice,
        target=PracticeStatus.CHANGES_REQUESTED,
        action="practices.practice.changes_requested",
        check=_editor_only(actor),
    )
    from cocade.practices.notifications import notify_author

    notify_author(practice=practice)
    return practice


def resubmit_practice(*, actor: Any, practice: Practice) -> Practice:
    """The author sends the changed sheet back: a new round, with the same reviewers."""
    with transaction.atomic():
        practice = _transition(
            actor=actor,
            practice=practice,
            target=PracticeStatus.IN_REVIEW,
            action="practices.practice.resubmitted",
            check=_author_only(actor),
        )
        previous = practice.review_round
        practice.review_round = previous + 1
        practice.submitted_at = timezone.now()
        practice.save(update_fields=["review_round", "submitted_at", "updated_at"])
        new_reviews = [
            PracticeReview.objects.create(
                practice=practice,
                round=practice.review_round,
                reviewer_id=review.reviewer_id,
                assigned_by=review.assigned_by,
            )
            for review in practice.reviews.filter(round=previous)
        ]
    from cocade.practices.notifications import notify_reviewer_assigned

    for review in new_reviews:
        notify_reviewer_assigned(review=review)
    return practice


def publish_practice(*, actor: Any, practice: Practice) -> Practice:
    """An editor publishes a reviewed sheet (at least one review of this round sent)."""

    def check(locked: Practice) -> None:
        _editor_only(actor)(locked)
        if (
            locked.status == PracticeStatus.IN_REVIEW
            and not locked.reviews.filter(
                round=locked.review_round, submitted_at__isnull=False
            ).exists()
        ):
            raise Conflict(
                _("A sheet is published once at least one review of this round is in."),
                code="needs_review",
            )

    with transaction.atomic():
        practice = _transition(
            actor=actor,
            practice=practice,
            target=PracticeStatus.PUBLISHED,
            action="practices.practice.published",
            check=check,
        )
        now = timezone.now()
        republished = practice.first_published_at is not None
        practice.published_at = now
        practice.first_published_at = practice.first_published_at or now
        practice.archived_at = None
        practice.save(update_fields=["published_at", "first_published_at", "archived_at"])
        original = practice.translations.get(language=practice.original_language)
        original.status = TranslationStatus.PUBLISHED
        original.published_at = original.published_at or now
        original.save(update_fields=["status", "published_at", "updated_at"])
        revision = record_revision(
            actor=actor, practice=practice, translation=original, publication=True
        )
        reindex(practice)
    from cocade.practices.notifications import notify_author, notify_followers

    notify_author(practice=practice)
    if republished and revision is not None:
        notify_followers(practice=practice, revision=revision)
    return practice


def archive_practice(*, actor: Any, practice: Practice) -> Practice:
    with transaction.atomic():
        practice = _transition(
            actor=actor,
            practice=practice,
            target=PracticeStatus.ARCHIVED,
            action="practices.practice.archived",
            check=_editor_only(actor),
        )
        practice.archived_at = timezone.now()
        practice.save(update_fields=["archived_at"])
        reindex(practice)
    return practice


def restore_practice(*, actor: Any, practice: Practice) -> Practice:
    """An editor puts an archived sheet back online."""
    return publish_practice(actor=actor, practice=practice)
