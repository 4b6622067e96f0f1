"""The review workflow of practice sheets through its services: the whole path with the status,
revisions and audit trail after each step, every refusal (which writes nothing and sends
nothing), and the emails each step sends, in the recipient's language."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cocade.accounts.enums import Role
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.practices import selectors
from cocade.practices.enums import TranslationStatus
from cocade.practices.models import (
    Practice,
    PracticeFollow,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
)
from cocade.practices.services import sheets
from tests.factories.accounts import MembershipFactory, UserFactory
from tests.factories.practices import draft_practice, editor_user, reviewer_user, sheet_texts

SCORES = {"clarity": 4, "evidence": 3, "transferability": 3, "ethics": 4}


# --- helpers and fixtures -----------------------------------------------------------------


def snapshot():
    """Every row the workflow writes, to prove that a refused call wrote nothing."""
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (Practice, PracticeTranslation, PracticeRevision, PracticeReview)
    ] + [serializers.serialize("json", AuditLogEntry.objects.order_by("pk"))]


def actions(practice):
    return list(
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Practice), object_id=str(practice.pk)
        )
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


def state(practice):
    """(status, round, [(revision number, status, is publication)], audit actions)."""
    practice.refresh_from_db()
    revisions = [
        (r.number, r.status, r.is_publication) for r in practice.revisions.order_by("number")
    ]
    return practice.status, practice.review_round, revisions, actions(practice)


def send_review(review, reviewer, recommendation="publish", **kwargs):
    return sheets.submit_review(
        actor=reviewer, review=review, scores=SCORES, recommendation=recommendation, **kwargs
    )


@pytest.fixture
def editor(db):
    return editor_user(user__email="editor@example.org", user__full_name="Eda Editor")


@pytest.fixture
def reviewer(centre_b):
    return MembershipFactory(
        user__email="reviewer@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


@pytest.fixture
def second_reviewer(centre_b):
    return MembershipFactory(
        user__email="reviewer2@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


@pytest.fixture
def draft(counsellor_a, centre_a):
    return draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="Speed recruitment"))


@pytest.fixture
def submitted(draft, counsellor_a):
    return sheets.submit_practice(actor=counsellor_a, practice=draft)


@pytest.fixture
def assigned(submitted, editor, reviewer):
    """(sheet in review, the reviewer's review of round 1)."""
    review = sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=reviewer)
    submitted.refresh_from_db()
    return submitted, review


@pytest.fixture
def reviewed(assigned, reviewer):
    practice, review = assigned
    send_review(review, reviewer)
    return practice


@pytest.fixture
def published(reviewed, editor):
    return sheets.publish_practice(actor=editor, practice=reviewed)


# --- the whole path -----------------------------------------------------------------------


def test_full_path_records_status_revision_and_audit_after_each_step(
    draft, counsellor_a, editor, reviewer, second_reviewer
):
    created = "practices.practice.created"
    trail = [created]
    assert state(draft) == ("draft", 0, [(1, "draft", False)], trail)

    sheets.submit_practice(actor=counsellor_a, practice=draft)
    trail.append("practices.practice.submitted")
    assert state(draft) == ("submitted", 1, [(1, "draft", False)], trail)

    first = sheets.assign_reviewer(actor=editor, practice=draft, reviewer=reviewer)
    second = sheets.assign_reviewer(actor=editor, practice=draft, reviewer=second_reviewer)
    trail += ["practices.practice.reviewer_assigned"] * 2
    assert state(draft) == ("in_review", 1, [(1, "draft", False)], trail)
    assert (first.round, second.round) == (1, 1)

    send_review(first, reviewer, "changes", general_comment="Give the figures of 2023.")
    send_review(second, second_reviewer, "publish")
    trail += ["practices.review.submitted"] * 2
    assert state(draft) == ("in_review", 1, [(1, "draft", False)], trail)

    sheets.request_changes(actor=editor, practice=draft)
    trail.append("practices.practice.changes_requested")
    assert state(draft) == ("changes_requested", 1, [(1, "draft", False)], trail)

    sheets.update_practice(
        actor=counsellor_a,
        practice=draft,
        expected_version=draft.lock_version,
        texts={"results_figures": "In 2023: 600 registrations."},
    )
    trail.append("practices.practice.updated")
    assert state(draft) == (
        "changes_requested",
        1,
        [(1, "draft", False), (2, "changes_requested", False)],
        trail,
    )

    sheets.resubmit_practice(actor=counsellor_a, practice=draft)
    trail.append("practices.practice.resubmitted")
    assert state(draft) == (
        "in_review",
        2,
        [(1, "draft", False), (2, "changes_requested", False)],
        trail,
    )
    round_two = list(draft.reviews.filter(round=2).order_by("id"))
    assert [(r.reviewer, r.is_submitted) for r in round_two] == [
        (reviewer, False),
        (second_reviewer, False),
    ]

    send_review(round_two[0], reviewer, "publish")
    trail.append("practices.review.submitted")
    sheets.publish_practice(actor=editor, practice=draft)
    trail.append("practices.practice.published")
    published_revisions = [
        (1, "draft", False),
        (2, "changes_requested", False),
        (3, "published", True),
    ]
    assert state(draft) == ("published", 2, published_revisions, trail)
    assert draft.published_at == draft.first_published_at
    assert draft.original.status == TranslationStatus.PUBLISHED

    sheets.archive_practice(actor=editor, practice=draft)
    trail.append("practices.practice.archived")
    assert state(draft) == ("archived", 2, published_revisions, trail)
    assert draft.archived_at is not None

    sheets.restore_practice(actor=editor, practice=draft)
    trail.append("practices.practice.published")
    assert state(draft) == ("published", 2, [*published_revisions, (4, "published", True)], trail)
    assert draft.archived_at is None


def test_transitions_record_who_and_the_status_change(assigned, editor, counsellor_a):
    practice, _review = assigned

    entries = list(
        AuditLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Practice), object_id=str(practice.pk)
        ).order_by("created_at", "id")
    )

    assert [(e.action, e.actor, e.changes.get("status")) for e in entries[1:]] == [
        ("practices.practice.submitted", counsellor_a, ["draft", "submitted"]),
        ("practices.practice.reviewer_assigned", editor, ["submitted", "in_review"]),
    ]


def test_withdraw_takes_a_submitted_sheet_back_to_draft_without_losing_a_round(
    submitted, counsellor_a
):
    sheets.withdraw_practice(actor=counsellor_a, practice=submitted)
    after_withdraw = state(submitted)
    sheets.submit_practice(actor=counsellor_a, practice=submitted)

    assert (after_withdraw[:2], state(submitted)[:2]) == (("draft", 0), ("submitted", 1))


def test_an_editor_may_submit_and_withdraw_for_the_author(draft, editor):
    sheets.submit_practice(actor=editor, practice=draft)
    sheets.withdraw_practice(actor=editor, practice=draft)

    assert state(draft)[3][1:] == ["practices.practice.submitted", "practices.practice.withdrawn"]


def test_assigning_in_review_adds_a_reviewer_without_changing_the_status(
    assigned, editor, second_reviewer
):
    practice, _review = assigned

    sheets.assign_reviewer(actor=editor, practice=practice, reviewer=second_reviewer)

    practice.refresh_from_db()
    assert (practice.status, practice.reviews.filter(round=1).count()) == ("in_review", 2)


def test_submit_review_keeps_scores_comments_and_recommendation(assigned, reviewer):
    _practice, review = assigned

    send_review(
        review,
        reviewer,
        "changes",
        comments={"clarity": "  Say who leads each step. ", "ethics": ""},
        general_comment=" Add the figures. ",
    )

    review.refresh_from_db()
    assert (
        review.scores,
        review.comments,
        review.general_comment,
        review.recommendation,
        review.is_submitted,
    ) == (SCORES, {"clarity": "Say who leads each step."}, "Add the figures.", "changes", True)


def test_submit_review_accepts_scores_given_as_text(assigned, reviewer):
    _practice, review = assigned

    sheets.submit_review(
        actor=reviewer,
        review=review,
        scores={k: str(v) for k, v in SCORES.items()},
        recommendation="publish",
    )

    review.refresh_from_db()
    assert review.scores == SCORES


def test_publish_with_one_review_sent_of_two(assigned, editor, reviewer, second_reviewer):
    practice, review = assigned
    sheets.assign_reviewer(actor=editor, practice=practice, reviewer=second_reviewer)
    send_review(review, reviewer)

    sheets.publish_practice(actor=editor, practice=practice)

    assert state(practice)[0] == "published"


def test_centre_editor_runs_the_workflow_of_their_centre(submitted, centre_a, reviewer):
    centre_editor = MembershipFactory(role=Role.EDITOR, centre=centre_a).user

    review = sheets.assign_reviewer(actor=centre_editor, practice=submitted, reviewer=reviewer)
    send_review(review, reviewer)
    sheets.publish_practice(actor=centre_editor, practice=submitted)

    assert state(submitted)[0] == "published"


def test_coordinator_is_an_editor(submitted, coordinator, reviewer):
    review = sheets.assign_reviewer(actor=coordinator, practice=submitted, reviewer=reviewer)

    assert review.assigned_by == coordinator


# --- refusals: each raises the right error and writes nothing -----------------------------


def refused(call, error_class, code=None):
    """Run a refused call: it raises `error_class` (with `code`) and leaves every row as it was."""
    before = snapshot()
    with pytest.raises(error_class) as caught:
        call()
    assert snapshot() == before
    if code is not None:
        assert caught.value.code == code
    return caught.value


def test_submit_by_another_staff_member_is_not_found(draft, centre_a):
    colleague = reviewer_user(centre_a)

    refused(lambda: sheets.submit_practice(actor=colleague, practice=draft), NotFound)


def test_submit_by_an_editor_of_another_centre_is_not_found(draft, centre_b):
    other_editor = MembershipFactory(role=Role.EDITOR, centre=centre_b).user

    refused(lambda: sheets.submit_practice(actor=other_editor, practice=draft), NotFound)


def test_submit_twice_is_a_conflict(submitted, counsellor_a):
    with translation.override("en"):
        error = refused(
            lambda: sheets.submit_practice(actor=counsellor_a, practice=submitted),
            Conflict,
            "wrong_status",
        )
        message = str(error.message)

    assert message == "A sheet that is “Submitted” cannot become “Submitted”."


def test_withdraw_a_sheet_in_review_is_a_conflict(assigned, counsellor_a):
    practice, _review = assigned

    refused(
        lambda: sheets.withdraw_practice(actor=counsellor_a, practice=practice),
        Conflict,
        "wrong_status",
    )


def test_withdraw_by_the_reviewer_is_forbidden(assigned, reviewer, counsellor_a, editor):
    practice, _review = assigned

    refused(lambda: sheets.withdraw_practice(actor=reviewer, practice=practice), Forbidden)


def test_request_changes_by_the_author_is_forbidden(assigned, counsellor_a):
    practice, _review = assigned

    refused(lambda: sheets.request_changes(actor=counsellor_a, practice=practice), Forbidden)


def test_request_changes_by_the_reviewer_is_forbidden(assigned, reviewer):
    practice, _review = assigned

    refused(lambda: sheets.request_changes(actor=reviewer, practice=practice), Forbidden)


def test_request_changes_on_a_draft_is_a_conflict(draft, editor):
    refused(lambda: sheets.request_changes(actor=editor, practice=draft), Conflict, "wrong_status")


def test_resubmit_a_sheet_in_review_is_a_conflict(assigned, counsellor_a):
    practice, _review = assigned

    refused(
        lambda: sheets.resubmit_practice(actor=counsellor_a, practice=practice),
        Conflict,
        "wrong_status",
    )


def test_resubmit_by_the_reviewer_is_forbidden(reviewed, editor, reviewer):
    sheets.request_changes(actor=editor, practice=reviewed)

    refused(lambda: sheets.resubmit_practice(actor=reviewer, practice=reviewed), Forbidden)


def test_publish_by_the_author_is_forbidden(reviewed, counsellor_a):
    refused(lambda: sheets.publish_practice(actor=counsellor_a, practice=reviewed), Forbidden)


def test_publish_by_the_reviewer_is_forbidden(reviewed, reviewer):
    refused(lambda: sheets.publish_practice(actor=reviewer, practice=reviewed), Forbidden)


def test_publish_a_draft_is_a_conflict(draft, editor):
    refused(lambda: sheets.publish_practice(actor=editor, practice=draft), Conflict, "wrong_status")


def test_publish_a_submitted_sheet_is_a_conflict(submitted, editor):
    refused(
        lambda: sheets.publish_practice(actor=editor, practice=submitted),
        Conflict,
        "wrong_status",
    )


def test_publish_without_a_sent_review_is_a_conflict(assigned, editor):
    practice, _review = assigned

    with translation.override("en"):
        error = refused(
            lambda: sheets.publish_practice(actor=editor, practice=practice),
            Conflict,
            "needs_review",
        )
        message = str(error.message)

    assert message == "A sheet is published once at least one review of this round is in."


def test_publish_in_round_two_needs_a_review_of_round_two(reviewed, editor, counsellor_a):
    sheets.request_changes(actor=editor, practice=reviewed)
    sheets.resubmit_practice(actor=counsellor_a, practice=reviewed)

    refused(
        lambda: sheets.publish_practice(actor=editor, practice=reviewed), Conflict, "needs_review"
    )


def test_publish_twice_is_a_conflict(published, editor):
    refused(
        lambda: sheets.publish_practice(actor=editor, practice=published),
        Conflict,
        "wrong_status",
    )


def test_archive_by_the_author_is_forbidden(published, counsellor_a):
    refused(lambda: sheets.archive_practice(actor=counsellor_a, practice=published), Forbidden)


def test_archive_by_a_signed_in_user_without_role_is_forbidden(published, public_user):
    refused(lambda: sheets.archive_practice(actor=public_user, practice=published), Forbidden)


def test_archive_a_sheet_in_review_is_a_conflict(reviewed, editor):
    refused(
        lambda: sheets.archive_practice(actor=editor, practice=reviewed), Conflict, "wrong_status"
    )


def test_restore_a_published_sheet_is_a_conflict(published, editor):
    refused(
        lambda: sheets.restore_practice(actor=editor, practice=published),
        Conflict,
        "wrong_status",
    )


def test_restore_by_the_author_is_forbidden(published, editor, counsellor_a):
    sheets.archive_practice(actor=editor, practice=published)

    refused(lambda: sheets.restore_practice(actor=counsellor_a, practice=published), Forbidden)


def test_assign_by_the_author_is_forbidden(submitted, counsellor_a, reviewer):
    refused(
        lambda: sheets.assign_reviewer(actor=counsellor_a, practice=submitted, reviewer=reviewer),
        Forbidden,
    )


def test_assign_by_someone_out_of_scope_is_not_found(submitted, manager_b, reviewer):
    refused(
        lambda: sheets.assign_reviewer(actor=manager_b, practice=submitted, reviewer=reviewer),
        NotFound,
    )


def test_assign_the_author_as_reviewer_is_refused(submitted, editor, counsellor_a):
    with translation.override("en"):
        error = refused(
            lambda: sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=counsellor_a),
            InvalidInput,
        )
        message = str(error.message)

    assert (error.field, message) == ("reviewer", "The author cannot review their own sheet.")


def test_assign_someone_without_a_staff_role_is_refused(submitted, editor, public_user):
    error = refused(
        lambda: sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=public_user),
        InvalidInput,
    )

    assert error.field == "reviewer"


def test_assign_an_inactive_staff_member_is_refused(submitted, editor, centre_b):
    inactive = MembershipFactory(role=Role.COUNSELLOR, centre=centre_b, user__is_active=False).user

    refused(
        lambda: sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=inactive),
        InvalidInput,
    )


def test_assign_the_same_reviewer_twice_in_a_round_is_a_conflict(assigned, editor, reviewer):
    practice, _review = assigned

    refused(
        lambda: sheets.assign_reviewer(actor=editor, practice=practice, reviewer=reviewer),
        Conflict,
        "already_assigned",
    )


def test_assign_on_a_draft_is_a_conflict(draft, editor, reviewer):
    refused(
        lambda: sheets.assign_reviewer(actor=editor, practice=draft, reviewer=reviewer),
        Conflict,
        "wrong_status",
    )


def test_assign_on_a_published_sheet_is_a_conflict(published, editor, second_reviewer):
    refused(
        lambda: sheets.assign_reviewer(actor=editor, practice=published, reviewer=second_reviewer),
        Conflict,
        "wrong_status",
    )


def test_review_by_a_staff_member_not_assigned_is_not_found(assigned, second_reviewer):
    _practice, review = assigned

    refused(lambda: send_review(review, second_reviewer), NotFound)


def test_review_by_the_editor_is_forbidden(assigned, editor):
    _practice, review = assigned

    with translation.override("en"):
        error = refused(lambda: send_review(review, editor), Forbidden)
        message = str(error.message)

    assert message == "Only the assigned reviewer can fill in this review."


def test_review_by_the_author_of_the_sheet_is_forbidden(assigned, counsellor_a):
    _practice, review = assigned

    refused(lambda: send_review(review, counsellor_a), Forbidden)


def test_review_sent_twice_is_a_conflict(assigned, reviewer):
    _practice, review = assigned
    send_review(review, reviewer)

    refused(lambda: send_review(review, reviewer), Conflict, "already_submitted")


def test_review_with_a_missing_score_is_refused(assigned, reviewer):
    _practice, review = assigned
    scores = {"clarity": 4, "evidence": 3, "transferability": 3}

    with translation.override("en"):
        error = refused(
            lambda: sheets.submit_review(
                actor=reviewer, review=review, scores=scores, recommendation="publish"
            ),
            InvalidInput,
        )
        message = str(error.message)

    assert (error.field, message) == ("ethics", "Score every point of the checklist.")


@pytest.mark.parametrize("score", [5, 0, -1, "5", "four", None, True, 2.5])
def test_review_with_a_score_out_of_one_to_four_is_refused(assigned, reviewer, score):
    _practice, review = assigned
    scores = {**SCORES, "evidence": score}

    error = refused(
        lambda: sheets.submit_review(
            actor=reviewer, review=review, scores=scores, recommendation="publish"
        ),
        InvalidInput,
    )

    assert error.field == "evidence"


def test_review_with_an_unknown_point_is_refused(assigned, reviewer):
    _practice, review = assigned

    error = refused(
        lambda: sheets.submit_review(
            actor=reviewer,
            review=review,
            scores={**SCORES, "beauty": 4},
            recommendation="publish",
        ),
        InvalidInput,
    )

    assert error.field == "beauty"


def test_review_with_an_unknown_recommendation_is_refused(assigned, reviewer):
    _practice, review = assigned

    error = refused(
        lambda: sheets.submit_review(
            actor=reviewer, review=review, scores=SCORES, recommendation="reject"
        ),
        InvalidInput,
    )

    assert error.field == "recommendation"


def test_review_after_changes_were_requested_is_a_conflict(assigned, editor, reviewer):
    practice, review = assigned
    sheets.request_changes(actor=editor, practice=practice)

    refused(lambda: send_review(review, reviewer), Conflict, "closed")


def test_review_of_an_earlier_round_is_a_conflict(assigned, editor, reviewer, counsellor_a):
    practice, review = assigned
    sheets.request_changes(actor=editor, practice=practice)
    sheets.resubmit_practice(actor=counsellor_a, practice=practice)

    refused(lambda: send_review(review, reviewer), Conflict, "closed")


def test_author_cannot_change_a_sheet_in_review(assigned, counsellor_a):
    practice, _review = assigned

    refused(
        lambda: sheets.update_practice(
            actor=counsellor_a,
            practice=practice,
            expected_version=practice.lock_version,
            texts={"summary": "Changed during the review."},
        ),
        Forbidden,
    )


# --- what the staff home lists ------------------------------------------------------------


def test_staff_lists_show_the_review_waiting_in_the_current_round_only(
    assigned, editor, reviewer, second_reviewer, counsellor_a
):
    practice, review = assigned
    sheets.assign_reviewer(actor=editor, practice=practice, reviewer=second_reviewer)
    send_review(review, reviewer)
    sheets.request_changes(actor=editor, practice=practice)
    sheets.resubmit_practice(actor=counsellor_a, practice=practice)
    send_review(practice.reviews.get(round=2, reviewer=second_reviewer), second_reviewer)

    waiting = {
        user.email: (
            [p.pk for p in selectors.staff_practices(user)["reviewing"]],
            [r.pk for r in selectors.reviews_waiting_for(user)],
        )
        for user in (reviewer, second_reviewer)
    }

    assert waiting == {
        "reviewer@example.org": (
            [practice.pk],
            [practice.reviews.get(round=2, reviewer=reviewer).pk],
        ),
        "reviewer2@example.org": ([], []),
    }


# --- emails -------------------------------------------------------------------------------


def subject(text, language, **values):
    with translation.override(language):
        return "[COCADE] " + gettext(text) % values


def test_submit_emails_the_editors_of_the_sheet(
    draft, counsellor_a, editor, coordinator, centre_a, centre_b, mailoutbox
):
    centre_editor = MembershipFactory(
        role=Role.EDITOR, centre=centre_a, user__email="centre-editor@example.org"
    ).user
    MembershipFactory(role=Role.EDITOR, centre=centre_b, user__email="other-editor@example.org")

    sheets.submit_practice(actor=counsellor_a, practice=draft)

    assert sorted(tuple(m.to) for m in mailoutbox) == [
        (centre_editor.email,),
        (coordinator.email,),
        (editor.email,),
    ]
    assert {m.subject for m in mailoutbox} == {
        subject("A practice sheet waits for review: %(title)s", "fr", title="Speed recruitment")
    }


def test_assignment_emails_the_reviewer(submitted, editor, reviewer, mailoutbox):
    mailoutbox.clear()

    review = sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=reviewer)

    with translation.override("fr"):
        link = reverse("staff_practices:review", kwargs={"pk": review.pk})
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [reviewer.email],
            subject("Please review a practice sheet: %(title)s", "fr", title="Speed recruitment"),
        )
    ]
    assert link in mailoutbox[0].body


def test_resubmit_emails_the_reviewers_of_the_new_round(
    reviewed, editor, counsellor_a, reviewer, mailoutbox
):
    sheets.request_changes(actor=editor, practice=reviewed)
    mailoutbox.clear()

    sheets.resubmit_practice(actor=counsellor_a, practice=reviewed)

    new_review = reviewed.reviews.get(round=2)
    with translation.override("fr"):
        link = reverse("staff_practices:review", kwargs={"pk": new_review.pk})
    assert [m.to for m in mailoutbox] == [[reviewer.email]]
    assert link in mailoutbox[0].body


def test_request_changes_emails_the_author_in_their_language(
    reviewed, editor, counsellor_a, mailoutbox
):
    counsellor_a.preferred_language = "pt"
    counsellor_a.save()
    mailoutbox.clear()

    sheets.request_changes(actor=editor, practice=reviewed)

    with translation.override("pt"):
        link = reverse("staff_practices:detail", kwargs={"pk": reviewed.pk})
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [counsellor_a.email],
            subject(
                "Changes are asked on your practice sheet: %(title)s",
                "pt",
                title="Speed recruitment",
            ),
        )
    ]
    assert link.startswith("/pt/")
    assert link in mailoutbox[0].body


def test_publish_emails_the_author(reviewed, editor, counsellor_a, mailoutbox):
    mailoutbox.clear()

    sheets.publish_practice(actor=editor, practice=reviewed)

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [counsellor_a.email],
            subject("Your practice sheet is published: %(title)s", "fr", title="Speed recruitment"),
        )
    ]


def test_republication_emails_the_followers_in_their_language(
    published, editor, counsellor_a, mailoutbox
):
    follower_pt = UserFactory(email="follower-pt@example.org", preferred_language="pt")
    follower_en = UserFactory(email="follower-en@example.org", preferred_language="en")
    for user in (follower_pt, follower_en):
        PracticeFollow.objects.create(practice=published, user=user)
    sheets.archive_practice(actor=editor, practice=published)
    mailoutbox.clear()

    sheets.restore_practice(actor=editor, practice=published)

    text = "New version of a practice you follow: %(title)s"
    followers = sorted((m.to[0], m.subject) for m in mailoutbox if m.to != [counsellor_a.email])
    assert followers == [
        ("follower-en@example.org", subject(text, "en", title="Speed recruitment")),
        ("follower-pt@example.org", subject(text, "pt", title="Speed recruitment")),
    ]


def test_first_publication_emails_no_follower(reviewed, editor, counsellor_a, mailoutbox):
    PracticeFollow.objects.create(practice=reviewed, user=UserFactory())
    mailoutbox.clear()

    sheets.publish_practice(actor=editor, practice=reviewed)

    assert [m.to for m in mailoutbox] == [[counsellor_a.email]]


def test_a_refused_step_sends_no_email(assigned, counsellor_a, editor, mailoutbox):
    practice, _review = assigned
    mailoutbox.clear()

    with pytest.raises(Conflict):
        sheets.publish_practice(actor=editor, practice=practice)
    with pytest.raises(Forbidden):
        sheets.request_changes(actor=counsellor_a, practice=practice)

    assert mailoutbox == []
