"""Uploaded files are checked by what they contain, not by their name or declared type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from cocade.core.errors import InvalidInput, interpolate

#: Accepted kinds: name extensions and the MIME type served back.
KINDS = {
    "pdf": ((".pdf",), "application/pdf"),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "webp": ((".webp",), "image/webp"),
}
_PILLOW_KINDS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # a key of KINDS
    content_type: str
    size: int


def sniff(head: bytes, file: Any) -> str | None:
    """The kind a file really is, from its first bytes (and Pillow for images), or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return _PILLOW_KINDS.get(image_format or "")


def check_upload(
    file: Any, *, allowed: tuple[str, ...], max_bytes: int, field: str = "file"
) -> CheckedUpload:
    """Refuse an empty or too large file, or one whose content is not an allowed kind or does
    not match its name (an HTML page renamed `.pdf`, an SVG image, a script)."""
    size = getattr(file, "size", None) or 0
    if size == 0:
        raise InvalidInput(_("The file is empty."), code="file_empty", field=field)
    if size > max_bytes:
        raise InvalidInput(
            interpolate(
                _("The file is too large (%(size)d kB); the limit is %(max)d kB."),
                {"size": size // 1024, "max": max_bytes // 1024},
            ),
            code="file_too_large",
            field=field,
        )
    names = ", ".join(ext for kind in allowed for ext in KINDS[kind][0])
    refused = InvalidInput(
        interpolate(
            _("This file's content is not one of the accepted types (%(types)s)."), {"types": names}
        ),
        code="file_type",
        field=field,
    )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(16)
        kind = sniff(head, file)
    finally:
        file.seek(position)
    if kind not in allowed:
        raise refused
    extension = PurePath(getattr(file, "name", "") or "").suffix.lower()
    if extension not in KINDS[kind][0]:
        raise InvalidInput(
            interpolate(
                _(
                    "The file's name does not match its content: "
                    "a %(kind)s file must end in %(ext)s."
                ),
                {"kind": kind.upper(), "ext": " or ".join(KINDS[kind][0])},
            ),
            code="file_name_mismatch",
            field=field,
        )
    return CheckedUpload(kind=kind, content_type=KINDS[kind][1], size=size)
