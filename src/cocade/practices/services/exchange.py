"""The exchange around a published sheet: comments, "we tried it" accounts, and follows.

Signed-in staff take part (`rules.can_take_part`); editors hide a comment. Every call re-reads
the sheet, checks the caller's right and validates its input before writing, so that a refused
call writes nothing. Comments, hidden comments and trials go to the audit trail; following is a
personal setting and is only validated. A person records one trial per sheet (guarded by a
unique constraint), in the name of the first centre they work at; a sheet counts the distinct
centres that tried it. Following and unfollowing are idempotent: a double click never makes two
rows.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.practices import rules
from cocade.practices.models import Practice, PracticeComment, PracticeFollow, PracticeTrial

MAX_COMMENT = 4000
MAX_TRIAL_TEXT = 2000


def _text(value: Any, *, field: str, limit: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("This field must be a text."), field=field)
    value = value.strip()
    if "\x00" in value:
        raise InvalidInput(_("Null characters are not allowed."), field=field)
    if required and not value:
        raise InvalidInput(_("This field is required."), code="required", field=field)
    if len(value) > limit:
        raise InvalidInput(
            _("This text has at most %(max)d characters.") % {"max": limit}, field=field
        )
    return value


def _current(practice: Practice) -> Practice:
    """The sheet as stored now (its status may have changed since the page was read)."""
    try:
        return Practice.objects.get(pk=practice.pk)
    except Practice.DoesNotExist as error:
        raise NotFound() from error


def _check_taking_part(actor: Any, practice: Practice) -> None:
    if not rules.can_view_practice(actor, practice):
        raise NotFound()
    if not rules.can_take_part(actor, practice):
        if not rules.is_staff_member(actor):
            raise Forbidden(_("Only the network's staff comment, record trials and follow sheets."))
        raise Conflict(_("Only a published sheet takes comments and trials."), code="wrong_status")


def add_comment(*, actor: Any, practice: Practice, body: Any) -> PracticeComment:
    """A staff member comments a published sheet (Markdown, at most 4,000 characters)."""
    text = _text(body, field="body", limit=MAX_COMMENT, required=True)
    with transaction.atomic():
        practice = _current(practice)
        _check_taking_part(actor, practice)
        comment = PracticeComment.objects.create(practice=practice, author=actor, body=text)
        record_action(
            actor=actor,
            action="practices.comment.created",
            target=practice,
            centre_id=practice.centre_id,
            changes={"comment": [None, comment.pk]},
        )
    return comment


def hide_comment(*, actor: Any, comment: PracticeComment) -> PracticeComment:
    """An editor of the sheet hides a comment (it stays stored). Hiding twice changes nothing."""
    with transaction.atomic():
        try:
            comment = (
                PracticeComment.objects.select_for_update()
                .select_related("practice")
                .get(pk=comment.pk)
            )
        except PracticeComment.DoesNotExist as error:
            raise NotFound() from error
        practice = comment.practice
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        if not rules.is_editor_of(actor, practice):
            raise Forbidden(_("Only an editor of the Vademecum hides a comment."))
        if comment.is_hidden:
            return comment
        comment.is_hidden = True
        comment.save(update_fields=["is_hidden"])
        record_action(
            actor=actor,
            action="practices.comment.hidden",
            target=practice,
            centre_id=practice.centre_id,
            changes={"comment": [comment.pk, comment.pk], "is_hidden": [False, True]},
        )
    return comment


def trial_centre_id(actor: Any) -> int | None:
    """The centre a trial is recorded for: the first centre the person works at."""
    ids = rules.staff_centre_ids(actor)
    return ids[0] if ids else None


def record_trial(
    *, actor: Any, practice: Practice, context: Any, adaptation: Any = "", outcome: Any
) -> PracticeTrial:
    """ "We tried it": one account per person and sheet, in the name of their centre."""
    values = {
        "context": _text(context, field="context", limit=MAX_TRIAL_TEXT, required=True),
        "adaptation": _text(adaptation, field="adaptation", limit=MAX_TRIAL_TEXT, required=False),
        "outcome": _text(outcome, field="outcome", limit=MAX_TRIAL_TEXT, required=True),
    }
    with transaction.atomic():
        practice = _current(practice)
        _check_taking_part(actor, practice)
        centre_id = trial_centre_id(actor)
        if centre_id is None:
            raise Forbidden(
                _("A trial is recorded in the name of a centre: you do not work at one.")
            )
        already = Conflict(
            _("You already recorded that your centre tried this practice."), code="already_tried"
        )
        if PracticeTrial.objects.filter(practice=practice, author=actor).exists():
            raise already
        try:
            with transaction.atomic():
                trial = PracticeTrial.objects.create(
                    practice=practice, author=actor, centre_id=centre_id, **values
                )
        except IntegrityError as error:
            raise already from error
        record_action(
            actor=actor,
            action="practices.trial.recorded",
            target=practice,
            centre_id=practice.centre_id,
            changes={"trial": [None, trial.pk], "centre": [None, centre_id]},
        )
    return trial


def follow_practice(*, actor: Any, practice: Practice) -> PracticeFollow:
    """Get an email when a new version of the sheet is published. Following twice is once."""
    practice = _current(practice)
    _check_taking_part(actor, practice)
    follow, _created = PracticeFollow.objects.get_or_create(practice=practice, user=actor)
    return follow


def unfollow_practice(*, actor: Any, practice: Practice) -> bool:
    """Stop the emails; True when a follow was removed (unfollowing twice is harmless)."""
    if not getattr(actor, "is_authenticated", False):
        raise Forbidden(_("Sign in to stop following a sheet."))
    deleted, _rows = PracticeFollow.objects.filter(practice_id=practice.pk, user=actor).delete()
    return bool(deleted)
