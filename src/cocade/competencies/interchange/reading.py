"""What the three formats share: reading bytes as UTF-8 text, naming lines, ordering texts."""

from __future__ import annotations

import codecs
import re

from django.conf import settings
from django.utils.translation import gettext as _

from cocade.competencies.interchange.data import Problem, Texts
from cocade.competencies.interchange.errors import ParseFailed


def line(number: int) -> str:
    return _("line %(number)d") % {"number": number}


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def decode(raw: bytes) -> str:
    """The file as text: UTF-8, with or without a byte-order mark. Anything else, or nothing
    at all, is one problem at the first line that cannot be read."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_lines = _bad_lines(raw)
        raise ParseFailed(
            [
                Problem(
                    line(bad_lines[0]),
                    "",
                    _(
                        "The file is not UTF-8 text: byte 0x%(byte)02X cannot be read "
                        "(%(count)d line(s) have such bytes). Save the file as UTF-8 and "
                        "import it again."
                    )
                    % {"byte": raw[error.start], "count": len(bad_lines)},
                )
            ]
        ) from error
    if not text.strip():
        raise ParseFailed([Problem("", "", _("The file is empty."))])
    return text


def _bad_lines(raw: bytes) -> list[int]:
    """The numbers of the lines that hold bytes UTF-8 cannot read (a UTF-8 character never
    spans a line break, so lines can be tried one by one)."""
    lines: list[int] = []
    for number, part in enumerate(raw.split(b"\n"), start=1):
        try:
            part.decode("utf-8")
        except UnicodeDecodeError:
            lines.append(number)
    return lines


def ordered(texts: Texts) -> Texts:
    """The same texts, in the order of the site's languages (so that exports are stable)."""
    order = {code: index for index, code in enumerate(languages())}
    return dict(sorted(texts.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def whole_number(text: object) -> int | None:
    """The number written in ASCII digits (“12”), else None (“1.5”, “²”, “”)."""
    if isinstance(text, str) and re.fullmatch(r"[0-9]{1,9}", text):
        return int(text)
    return None
