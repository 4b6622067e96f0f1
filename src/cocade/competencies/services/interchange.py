"""Import of a framework file: the one write behind the staff upload and `cocade
import-framework`."""

from __future__ import annotations

from typing import Any

from cocade.competencies.interchange.formats import parse_file
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.services.frameworks import ensure_author, import_framework


def import_framework_file(
    *,
    actor: Any,
    raw: bytes,
    fmt: str,
    publish: bool = False,
    replace_draft: bool = False,
    slug: str | None = None,
) -> FrameworkVersion:
    """Read `raw` in format `fmt`, check it whole and write it as the framework's next draft
    (published at once when asked). Any problem raises ImportRejected (every problem, with its
    place) or Conflict, and nothing is written. `actor` None is a system import (commands)."""
    if actor is not None:
        ensure_author(actor)
    data = parse_file(raw, fmt, slug=slug)
    return import_framework(actor=actor, data=data, publish=publish, replace_draft=replace_draft)
