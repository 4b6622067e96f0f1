"""How a demo practice sheet is described: its sheet fields and texts, where it stands in the
workflow, its reviews round by round, its translations and the exchange around it.

People are named by the local part of their demo email ("editor", "julien.perrin", …); see
`cocade.practices.demo.people`. Dates are counted back from the day the demo is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cocade.practices.enums import PracticeStatus, ReviewCriterion, TranslationStatus

Texts = dict[str, Any]


@dataclass(frozen=True)
class DemoReview:
    """One reviewer's checklist: scores for clarity, evidence, transferability and ethics (1–4),
    or None when the review is assigned but not sent yet."""

    reviewer: str
    scores: tuple[int, int, int, int] | None
    general_comment: str = ""
    #: (criterion, comment) pairs for the points the reviewer commented on.
    comments: tuple[tuple[str, str], ...] = ()
    asks_changes: bool = False

    def score_map(self) -> dict[str, int]:
        assert self.scores is not None
        return dict(zip(ReviewCriterion.values, self.scores, strict=True))


@dataclass(frozen=True)
class DemoTranslation:
    language: str
    translator: str
    texts: Texts
    status: str = TranslationStatus.PUBLISHED


@dataclass(frozen=True)
class DemoComment:
    author: str
    body: str
    days_after: int  # days after the first publication


@dataclass(frozen=True)
class DemoTrial:
    """ "We tried it": an account by a staff member of another centre (their centre is used)."""

    author: str
    context: str
    outcome: str
    adaptation: str = ""
    days_after: int = 60


@dataclass(frozen=True)
class DemoSheet:
    slug: str
    centre: str  # the centre's slug in the directory demo
    author: str
    language: str
    practice_type: str
    poles: tuple[str, ...]
    publics: tuple[str, ...]
    competences: tuple[str, ...]  # codes of the demo framework
    contact_name: str
    contact_email: str  # local part of a demo email
    texts: Texts
    status: str = PracticeStatus.PUBLISHED
    #: Published or archived sheets: days since the first publication. Others: days since
    #: the last step (creation, submission, review).
    days_ago: int = 100
    #: The reviews of each round, in order; later rounds have the same reviewers.
    rounds: tuple[tuple[DemoReview, ...], ...] = ()
    #: Texts of the first version, when a first round asked for changes (then fixed).
    first_draft: Texts = field(default_factory=dict)
    translations: tuple[DemoTranslation, ...] = ()
    comments: tuple[DemoComment, ...] = ()
    trials: tuple[DemoTrial, ...] = ()
    followers: tuple[str, ...] = ()
    #: Who assigns the reviewers and publishes (an editor of the Vademecum).
    editor: str = "editor"
    #: Archived sheets: days between the first publication and the archiving.
    archived_after: int = 0
