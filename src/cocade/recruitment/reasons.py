"""Why a shortlisted application got no interview, in the reader's language: one message
per reason code of the solver (`solver.REASONS` holds the English originals)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cocade.recruitment import solver

REASON_MESSAGES: dict[str, Any] = {
    solver.ABSENT: _("The candidate is marked absent."),
    solver.TIME_PASSED: _("No usable slot is left after the current time."),
    solver.NO_COMMON_SLOT: _(
        "The candidate's and the company's availability share no usable slot."
    ),
    solver.MAX_INTERVIEWS: _("The candidate has reached their maximum number of interviews."),
    solver.COMPANY_FULL: _("All the company's tables are taken in every slot both can make."),
    solver.CANDIDATE_BUSY: _(
        "Every slot both can make is taken by the candidate's other interviews or the minimum "
        "gap between them."
    ),
    solver.NOT_SELECTED: _(
        "It could be placed only by removing or moving a better-placed interview."
    ),
}

UNKNOWN_REASON = _("No reason was recorded.")


def reason_message(code: str) -> Any:
    """The translated explanation of a reason code (a lazy string)."""
    return REASON_MESSAGES.get(code, UNKNOWN_REASON)
