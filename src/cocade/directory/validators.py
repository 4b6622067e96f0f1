from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
MAX_IMAGE_SIDE = 4000


def validate_logo(file: Any) -> None:
    """A logo must be a real PNG, JPEG or WebP image (checked by content), small enough.

    Only a new upload is checked: a logo already stored was checked when it came in."""
    if getattr(file, "_committed", False):
        return
    if file.size > settings.COCADE_LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large (%(size)d kB); the limit is %(max)d kB."),
            code="file_too_large",
            params={"size": file.size // 1024, "max": settings.COCADE_LOGO_MAX_BYTES // 1024},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP image."), code="invalid_image"
        ) from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP image."), code="invalid_image"
        )
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ValidationError(
            _("The image is too big (%(width)d×%(height)d pixels); at most %(max)d per side."),
            code="image_too_big",
            params={"width": width, "height": height, "max": MAX_IMAGE_SIDE},
        )


def validate_language_list(value: Any) -> None:
    from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES

    known = {code for code, _name in ALL_LANGUAGES}
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Give the languages as a list of codes."), code="invalid")
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."),
            code="unknown_language",
            params={"codes": ", ".join(unknown)},
        )
