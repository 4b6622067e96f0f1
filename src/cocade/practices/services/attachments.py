"""Files attached to a practice sheet: PDF documents and images, checked by what they contain.

Whoever may edit the sheet adds and removes its files. A file is stored under a random name that
keeps only its (checked) extension, never under the name the user gave; that name is kept to
offer the download. A refused upload writes nothing: no row, and no file left on disk.
"""

from __future__ import annotations

import secrets
import unicodedata
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import record_action
from cocade.core.errors import Forbidden, InvalidInput, NotFound, interpolate
from cocade.core.uploads import check_upload
from cocade.practices import rules
from cocade.practices.models import Practice, PracticeAttachment
from cocade.practices.services.sheets import _lock

#: What a sheet may carry.
ALLOWED_KINDS = ("pdf", "png", "jpeg", "webp")
MAX_ATTACHMENTS = 10
TITLE_MAX_LENGTH = 200
NAME_MAX_LENGTH = 255


def _plain_name(name: str) -> str:
    """The user's file name without any folder or control character, for display only."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[-NAME_MAX_LENGTH:] or "file"


def _check_rights(actor: Any, practice: Practice) -> None:
    if not rules.can_view_workflow(actor, practice):
        raise NotFound()
    if not rules.can_edit_practice(actor, practice):
        raise Forbidden(_("You cannot change the files of this sheet now."))


def add_attachment(*, actor: Any, practice: Practice, file: Any, title: str) -> PracticeAttachment:
    """Attach `file` (PDF, PNG, JPEG or WebP, within the size limit) to the sheet, at most
    MAX_ATTACHMENTS per sheet. The title defaults to the file's name."""
    original_name = _plain_name(getattr(file, "name", ""))
    title = (title or "").strip() or original_name
    stored_name = None
    try:
        with transaction.atomic():
            practice = _lock(practice)
            _check_rights(actor, practice)
            if len(title) > TITLE_MAX_LENGTH:
                raise InvalidInput(
                    interpolate(
                        _("A title has at most %(max)d characters."), {"max": TITLE_MAX_LENGTH}
                    ),
                    field="title",
                )
            if "\x00" in title:
                raise InvalidInput(_("Null characters are not allowed."), field="title")
            checked = check_upload(
                file, allowed=ALLOWED_KINDS, max_bytes=settings.COCADE_ATTACHMENT_MAX_BYTES
            )
            if practice.attachments.count() >= MAX_ATTACHMENTS:
                raise InvalidInput(
                    interpolate(
                        _("A sheet has at most %(max)d files: remove one before adding another."),
                        {"max": MAX_ATTACHMENTS},
                    ),
                    code="too_many_attachments",
                    field="file",
                )
            extension = PurePath(original_name).suffix.lower()
            attachment = PracticeAttachment(
                practice=practice,
                title=title,
                original_name=original_name,
                content_type=checked.content_type,
                size=checked.size,
                uploaded_by=actor,
            )
            file.seek(0)
            attachment.file.save(f"{secrets.token_hex(16)}{extension}", file, save=False)
            stored_name = attachment.file.name
            attachment.save()
            record_action(
                actor=actor,
                action="practices.attachment.added",
                target=practice,
                centre_id=practice.centre_id,
                changes={
                    "attachment": [None, attachment.pk],
                    "title": [None, title],
                    "content_type": [None, checked.content_type],
                    "size": [None, checked.size],
                },
            )
    except BaseException:
        if stored_name:
            PracticeAttachment._meta.get_field("file").storage.delete(stored_name)
        raise
    return attachment


def remove_attachment(*, actor: Any, attachment: PracticeAttachment) -> None:
    """Take the file off the sheet; the stored file is deleted once the removal is committed."""
    with transaction.atomic():
        practice = _lock(attachment.practice)
        _check_rights(actor, practice)
        try:
            attachment = PracticeAttachment.objects.select_for_update().get(
                pk=attachment.pk, practice=practice
            )
        except PracticeAttachment.DoesNotExist as error:
            raise NotFound() from error
        storage, name = attachment.file.storage, attachment.file.name
        record_action(
            actor=actor,
            action="practices.attachment.removed",
            target=practice,
            centre_id=practice.centre_id,
            changes={"attachment": [attachment.pk, None], "title": [attachment.title, None]},
        )
        attachment.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
