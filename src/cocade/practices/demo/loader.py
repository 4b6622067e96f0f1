"""Load one demo sheet through the services, as its authors, reviewers, editors and readers
would, then move its dates into the past so that the Vademecum looks lived-in.

Every step goes through `practices.services` (sheets, translations, exchange), so revisions,
audit entries and the search index are those of real use; only the timestamps are rewritten
afterwards (creation, submission, reviews, publication, translations, comments), following a
plausible timeline that ends `days_ago` days before the load. The audit trail keeps the real
time of the load.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from cocade.accounts.models import User
from cocade.competencies.models import Competence
from cocade.directory.models import Centre
from cocade.practices.demo.people import demo_email
from cocade.practices.demo.spec import DemoSheet
from cocade.practices.enums import PracticeStatus, ReviewRecommendation, TranslationStatus
from cocade.practices.models import (
    Practice,
    PracticeComment,
    PracticeFollow,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
    PracticeTrial,
)
from cocade.practices.services import exchange, sheets, translations

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@dataclass
class Context:
    now: datetime.datetime
    centres: dict[str, Centre]
    users: dict[str, User]
    competences: dict[str, Competence]


def people_of(spec: DemoSheet) -> set[str]:
    """The local parts of everyone who acts on the sheet."""
    names = {spec.author, spec.editor}
    for reviews in spec.rounds:
        names.update(review.reviewer for review in reviews)
    names.update(item.translator for item in spec.translations)
    names.update(item.author for item in spec.comments)
    names.update(item.author for item in spec.trials)
    names.update(spec.followers)
    return names


class Timeline:
    """The sheet's past: a clock that moves forward step by step, and the revisions recorded
    since the previous step, dated with it."""

    def __init__(self, practice: Practice, start: datetime.datetime) -> None:
        self.practice = practice
        self.when = start
        self.last_revision = 0

    def step(self, days: float) -> datetime.datetime:
        self.when += datetime.timedelta(days=days)
        return self.when

    def stamp(self, when: datetime.datetime | None = None) -> None:
        when = when or self.when
        revisions = PracticeRevision.objects.filter(
            practice=self.practice, number__gt=self.last_revision
        )
        numbers = list(revisions.values_list("number", flat=True))
        if numbers:
            revisions.update(created_at=when)
            self.last_revision = max(numbers)


def _span(spec: DemoSheet) -> float:
    """Days between the creation of the sheet and its last workflow step."""
    rounds = max(1, len(spec.rounds))
    return 20 + 16 * (rounds - 1)


def load_sheet(spec: DemoSheet, context: Context) -> Practice | None:
    """Create the sheet and take it to its stage; None when it exists already (found by its
    address) or when its centre or one of its people is missing from the demo."""
    if Practice.objects.filter(slug=spec.slug).exists():
        return None
    centre = context.centres.get(spec.centre)
    if centre is None or not people_of(spec) <= set(context.users):
        return None
    with transaction.atomic():
        return _load(spec, centre, context)


def _load(spec: DemoSheet, centre: Centre, context: Context) -> Practice:
    users = context.users
    author, editor = users[spec.author], users[spec.editor]
    anchor = context.now - spec.days_ago * DAY

    practice = sheets.create_practice(
        actor=author,
        sheet={
            "centre": centre.pk,
            "original_language": spec.language,
            "practice_type": spec.practice_type,
            "poles": list(spec.poles),
            "target_publics": list(spec.publics),
            "contact_name": spec.contact_name,
            "contact_email": demo_email(spec.contact_email),
        },
        texts={**spec.texts, **spec.first_draft},
        competences=[
            context.competences[code].pk for code in spec.competences if code in context.competences
        ],
    )
    if practice.slug != spec.slug:
        Practice.objects.filter(pk=practice.pk).update(slug=spec.slug)
        practice.slug = spec.slug
    created = anchor - _span(spec) * DAY
    timeline = Timeline(practice, created)
    timeline.stamp()
    dates: dict[str, Any] = {"created_at": created}

    if spec.status != PracticeStatus.DRAFT:
        sheets.submit_practice(actor=author, practice=practice)
        dates["submitted_at"] = timeline.step(5)
        timeline.stamp()
    if spec.status not in (PracticeStatus.DRAFT, PracticeStatus.SUBMITTED):
        _review_rounds(spec, practice, timeline, users, dates)
    if spec.status in (PracticeStatus.PUBLISHED, PracticeStatus.ARCHIVED):
        _publish(spec, practice, timeline, users, anchor, context.now, dates)
    if spec.status == PracticeStatus.ARCHIVED:
        sheets.archive_practice(actor=editor, practice=practice)
        dates["archived_at"] = anchor + spec.archived_after * DAY
    dates["updated_at"] = max(
        value for value in dates.values() if isinstance(value, datetime.datetime)
    )
    Practice.objects.filter(pk=practice.pk).update(**dates)
    practice.refresh_from_db()
    if practice.status == PracticeStatus.PUBLISHED:
        sheets.reindex(practice)
    return practice


def _review_rounds(
    spec: DemoSheet,
    practice: Practice,
    timeline: Timeline,
    users: dict[str, User],
    dates: dict[str, Any],
) -> None:
    author, editor = users[spec.author], users[spec.editor]
    for index, reviews in enumerate(spec.rounds):
        if index == 0:
            timeline.step(1)
            for item in reviews:
                review = sheets.assign_reviewer(
                    actor=editor, practice=practice, reviewer=users[item.reviewer]
                )
                PracticeReview.objects.filter(pk=review.pk).update(assigned_at=timeline.when)
        round_number = Practice.objects.get(pk=practice.pk).review_round
        for item in reviews:
            if item.scores is None:
                continue
            review = PracticeReview.objects.get(
                practice=practice, round=round_number, reviewer=users[item.reviewer]
            )
            sheets.submit_review(
                actor=users[item.reviewer],
                review=review,
                scores=item.score_map(),
                comments=dict(item.comments),
                general_comment=item.general_comment,
                recommendation=(
                    ReviewRecommendation.CHANGES
                    if item.asks_changes
                    else ReviewRecommendation.PUBLISH
                ),
            )
            PracticeReview.objects.filter(pk=review.pk).update(submitted_at=timeline.step(3))
        if not any(item.asks_changes for item in reviews):
            continue
        sheets.request_changes(actor=editor, practice=practice)
        timeline.step(1)
        if index == len(spec.rounds) - 1:
            break
        sheets.update_practice(
            actor=author,
            practice=practice,
            expected_version=None,
            texts={name: spec.texts[name] for name in spec.first_draft},
        )
        timeline.step(3)
        timeline.stamp()
        sheets.resubmit_practice(actor=author, practice=practice)
        dates["submitted_at"] = timeline.step(1)
        PracticeReview.objects.filter(
            practice=practice, round=Practice.objects.get(pk=practice.pk).review_round
        ).update(assigned_at=timeline.when)


def _publish(
    spec: DemoSheet,
    practice: Practice,
    timeline: Timeline,
    users: dict[str, User],
    published: datetime.datetime,
    now: datetime.datetime,
    dates: dict[str, Any],
) -> None:
    editor = users[spec.editor]

    def after(days: float) -> datetime.datetime:
        """A moment after the publication, never in the future."""
        return min(published + days * DAY, now - HOUR)

    sheets.publish_practice(actor=editor, practice=practice)
    timeline.stamp(published)
    dates["first_published_at"] = dates["published_at"] = published
    PracticeTranslation.objects.filter(practice=practice, language=spec.language).update(
        created_at=dates["created_at"], updated_at=published, published_at=published
    )

    for index, item in enumerate(spec.translations):
        translator = users[item.translator]
        started = after(8 + 12 * index)
        translation = translations.start_translation(
            actor=translator, practice=practice, language=item.language, texts=item.texts
        )
        timeline.stamp(started)
        done = started
        if item.status in (TranslationStatus.READY, TranslationStatus.PUBLISHED):
            translation = translations.set_translation_status(
                actor=translator, translation=translation, status=TranslationStatus.READY
            )
            done = after(8 + 12 * index + 5)
        values: dict[str, Any] = {"created_at": started, "updated_at": done}
        if item.status == TranslationStatus.PUBLISHED:
            translations.set_translation_status(
                actor=editor, translation=translation, status=TranslationStatus.PUBLISHED
            )
            values["published_at"] = values["updated_at"] = after(8 + 12 * index + 7)
        PracticeTranslation.objects.filter(pk=translation.pk).update(**values)

    for note in spec.comments:
        comment = exchange.add_comment(actor=users[note.author], practice=practice, body=note.body)
        PracticeComment.objects.filter(pk=comment.pk).update(created_at=after(note.days_after))
    for account in spec.trials:
        trial = exchange.record_trial(
            actor=users[account.author],
            practice=practice,
            context=account.context,
            adaptation=account.adaptation,
            outcome=account.outcome,
        )
        PracticeTrial.objects.filter(pk=trial.pk).update(created_at=after(account.days_after))
    for index, local_part in enumerate(spec.followers):
        follow = exchange.follow_practice(actor=users[local_part], practice=practice)
        PracticeFollow.objects.filter(pk=follow.pk).update(created_at=after(3 + 9 * index))
