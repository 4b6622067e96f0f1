"""The exchange services: comments (staff, published sheets, at most 4,000 characters), hiding
by editors, one trial per person in the name of their centre, idempotent follows, and the email
to followers when an editor changes the published sheet."""

import pytest
from django.utils import translation

from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.practices.models import PracticeComment, PracticeFollow, PracticeTrial
from cocade.practices.services import exchange, sheets, translations
from tests.factories.directory import CentreFactory
from tests.factories.practices import (
    draft_practice,
    editor_user,
    published_practice,
    reviewer_user,
    sheet_texts,
)


@pytest.fixture
def editor(db):
    return editor_user()


@pytest.fixture
def practice(counsellor_a, centre_a, editor):
    return published_practice(counsellor_a, centre_a, editor=editor)


# --- Comments -------------------------------------------------------------------------------


def test_add_comment_by_staff_is_stored_and_audited(practice, manager_b):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="  We do the same. ")

    entry = AuditLogEntry.objects.get(action="practices.comment.created")
    assert (comment.body, comment.author, comment.is_hidden) == (
        "We do the same.",
        manager_b,
        False,
    )
    assert (entry.actor, entry.changes) == (manager_b, {"comment": [None, comment.pk]})


@pytest.mark.parametrize(
    ("body", "code"),
    [("", "required"), ("   ", "required"), ("x" * 4001, "invalid"), (7, "invalid")],
)
def test_add_comment_bad_body_is_refused(practice, manager_b, body, code):
    with pytest.raises(InvalidInput) as error:
        exchange.add_comment(actor=manager_b, practice=practice, body=body)

    assert (error.value.code, error.value.field) == (code, "body")
    assert PracticeComment.objects.count() == 0


def test_add_comment_of_4000_characters_is_accepted(practice, manager_b):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="é" * 4000)

    assert len(comment.body) == 4000


def test_add_comment_by_someone_without_a_role_is_forbidden(practice, public_user):
    with pytest.raises(Forbidden):
        exchange.add_comment(actor=public_user, practice=practice, body="Hello")

    assert PracticeComment.objects.count() == 0


def test_add_comment_on_a_draft_of_someone_else_is_not_found(counsellor_a, centre_a, manager_b):
    draft = draft_practice(counsellor_a, centre_a)

    with pytest.raises(NotFound):
        exchange.add_comment(actor=manager_b, practice=draft, body="Hello")


def test_add_comment_on_own_draft_is_a_conflict(counsellor_a, centre_a):
    draft = draft_practice(counsellor_a, centre_a)

    with pytest.raises(Conflict):
        exchange.add_comment(actor=counsellor_a, practice=draft, body="Hello")

    assert PracticeComment.objects.count() == 0


def test_hide_comment_by_an_editor(practice, manager_b, coordinator):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="Off topic")

    exchange.hide_comment(actor=coordinator, comment=comment)
    again = exchange.hide_comment(actor=coordinator, comment=comment)

    assert again.is_hidden is True
    assert AuditLogEntry.objects.filter(action="practices.comment.hidden").count() == 1


@pytest.mark.parametrize("role", ["counsellor_a", "manager_a", "manager_b", "public_user"])
def test_hide_comment_by_a_non_editor_is_forbidden(request, practice, manager_b, role):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="Fine")

    with pytest.raises(Forbidden):
        exchange.hide_comment(actor=request.getfixturevalue(role), comment=comment)

    comment.refresh_from_db()
    assert comment.is_hidden is False


# --- Trials ---------------------------------------------------------------------------------


def test_record_trial_in_the_name_of_the_first_centre(practice, manager_b, centre_b):
    trial = exchange.record_trial(
        actor=manager_b,
        practice=practice,
        context=" A smaller town ",
        adaptation="",
        outcome="It worked.",
    )

    entry = AuditLogEntry.objects.get(action="practices.trial.recorded")
    assert (trial.centre, trial.context, trial.adaptation) == (centre_b, "A smaller town", "")
    assert entry.changes == {"trial": [None, trial.pk], "centre": [None, centre_b.pk]}


def test_record_trial_twice_is_a_clear_conflict(practice, manager_b):
    exchange.record_trial(actor=manager_b, practice=practice, context="Here", outcome="Good")

    with pytest.raises(Conflict) as error:
        exchange.record_trial(actor=manager_b, practice=practice, context="Again", outcome="Bad")

    assert error.value.code == "already_tried"
    with translation.override("en"):
        assert str(error.value.message) == (
            "You already recorded that your centre tried this practice."
        )
    assert PracticeTrial.objects.count() == 1


@pytest.mark.parametrize(
    ("context", "outcome", "field"),
    [("", "Good", "context"), ("Here", "", "outcome"), ("x" * 2001, "Good", "context")],
)
def test_record_trial_bad_input_is_refused(practice, manager_b, context, outcome, field):
    with pytest.raises(InvalidInput) as error:
        exchange.record_trial(actor=manager_b, practice=practice, context=context, outcome=outcome)

    assert error.value.field == field
    assert PracticeTrial.objects.count() == 0


def test_record_trial_without_a_centre_is_forbidden(practice, coordinator):
    with pytest.raises(Forbidden):
        exchange.record_trial(actor=coordinator, practice=practice, context="X", outcome="Y")

    assert PracticeTrial.objects.count() == 0


def test_trials_count_distinct_centres(practice):
    centre = CentreFactory()
    for actor in (reviewer_user(centre), reviewer_user(centre), reviewer_user()):
        exchange.record_trial(actor=actor, practice=practice, context="Here", outcome="Good")

    counted = PracticeTrial.objects.filter(practice=practice).values("centre").distinct().count()

    assert (PracticeTrial.objects.count(), counted) == (3, 2)


# --- Follows --------------------------------------------------------------------------------


def test_follow_twice_makes_one_row(practice, manager_b):
    first = exchange.follow_practice(actor=manager_b, practice=practice)
    second = exchange.follow_practice(actor=manager_b, practice=practice)

    assert first.pk == second.pk
    assert PracticeFollow.objects.filter(practice=practice, user=manager_b).count() == 1


def test_unfollow_is_idempotent(practice, manager_b):
    exchange.follow_practice(actor=manager_b, practice=practice)

    results = [exchange.unfollow_practice(actor=manager_b, practice=practice) for _ in range(2)]

    assert (results, PracticeFollow.objects.count()) == ([True, False], 0)


def test_follow_by_someone_without_a_role_is_forbidden(practice, public_user):
    with pytest.raises(Forbidden):
        exchange.follow_practice(actor=public_user, practice=practice)

    assert PracticeFollow.objects.count() == 0


def test_follower_gets_one_email_in_their_language_when_the_sheet_changes(
    practice, editor, counsellor_a, manager_b, mailoutbox
):
    portuguese = translations.start_translation(
        actor=counsellor_a,
        practice=practice,
        language="pt",
        texts=sheet_texts(title="Recrutamento num dia", summary="Entrevistas curtas."),
    )
    translations.set_translation_status(actor=counsellor_a, translation=portuguese, status="ready")
    translations.set_translation_status(actor=editor, translation=portuguese, status="published")
    manager_b.preferred_language = "pt"
    manager_b.save(update_fields=["preferred_language"])
    exchange.follow_practice(actor=manager_b, practice=practice)
    mailoutbox.clear()

    sheets.update_practice(
        actor=editor,
        practice=practice,
        expected_version=practice.lock_version,
        texts={"summary": "Companies meet jobseekers in five-minute interviews, twice a year."},
    )

    with translation.override("pt"):
        expected = translation.gettext("New version of a practice you follow: %(title)s") % {
            "title": "Recrutamento num dia"
        }
    assert [(m.to, m.subject.endswith(expected)) for m in mailoutbox] == [
        (["manager-b@example.org"], True)
    ]
