"""Who may do what with practice sheets.

Published sheets are public. A sheet that is not published is visible only to its author, the
editors and the reviewers assigned to it. Editors are the network coordinators and the holders of
the editor role, network-wide or at the sheet's centre. Any staff member of a centre may write a
sheet for that centre. Signed-in staff comment, record "we tried it" and follow sheets.
"""

from __future__ import annotations

from typing import Any

from cocade.accounts.enums import Role
from cocade.accounts.selectors import active_memberships, is_network_coordinator
from cocade.practices.enums import AUTHOR_EDITABLE, PracticeStatus


def _memberships(user: Any) -> list[Any]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(active_memberships(user))


def staff_centre_ids(user: Any) -> list[int]:
    """The centres the user works at (any role held at a centre), in a stable order."""
    return sorted({m.centre_id for m in _memberships(user) if m.centre_id})


def is_staff_member(user: Any) -> bool:
    return bool(_memberships(user))


def editor_centre_ids(user: Any) -> list[int] | None:
    """None when the user edits every sheet (coordinator, network-wide editor), else the
    centres whose sheets they edit (possibly none)."""
    memberships = _memberships(user)
    if not memberships:
        return []
    if is_network_coordinator(user) or any(
        m.role == Role.EDITOR and m.centre_id is None for m in memberships
    ):
        return None
    return sorted({m.centre_id for m in memberships if m.role == Role.EDITOR and m.centre_id})


def is_editor(user: Any) -> bool:
    ids = editor_centre_ids(user)
    return ids is None or bool(ids)


def can_edit_practices_of(user: Any, centre_id: int) -> bool:
    ids = editor_centre_ids(user)
    return ids is None or centre_id in ids


def is_editor_of(user: Any, practice: Any) -> bool:
    return can_edit_practices_of(user, practice.centre_id)


def is_assigned_reviewer(user: Any, practice: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return practice.reviews.filter(reviewer=user).exists()


def can_view_practice(user: Any, practice: Any) -> bool:
    """Published sheets: everyone. Others: author, editors, assigned reviewers."""
    if practice.status == PracticeStatus.PUBLISHED:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        practice.author_id == user.pk
        or is_editor_of(user, practice)
        or is_assigned_reviewer(user, practice)
    )


def can_view_workflow(user: Any, practice: Any) -> bool:
    """Reviews, revisions of drafts and the staff page: author, editors, assigned reviewers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        practice.author_id == user.pk
        or is_editor_of(user, practice)
        or is_assigned_reviewer(user, practice)
    )


def can_edit_practice(user: Any, practice: Any) -> bool:
    if practice.status == PracticeStatus.ARCHIVED:
        return False
    if is_editor_of(user, practice):
        return True
    return practice.author_id == user.pk and practice.status in AUTHOR_EDITABLE


def can_translate(user: Any, practice: Any) -> bool:
    """Any staff member may translate a sheet they can see."""
    return is_staff_member(user) and can_view_practice(user, practice)


def can_take_part(user: Any, practice: Any) -> bool:
    """Comment, record a trial, follow: signed-in staff, on a published sheet."""
    return is_staff_member(user) and practice.status == PracticeStatus.PUBLISHED


def can_edit_translation(user: Any, practice: Any, translation: Any) -> bool:
    """A translation (not the original text) is changed by its translator or an editor."""
    if not getattr(user, "is_authenticated", False):
        return False
    return translation.translator_id == user.pk or is_editor_of(user, practice)
