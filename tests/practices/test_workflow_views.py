"""The workflow pages of the staff space: the Vademecum's staff home, a sheet's workflow page and
its buttons, assigning reviewers and the review checklist; who sees what, and what a refusal
leaves (nothing)."""

import re

import pytest
from django.core import serializers
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.core.models import AuditLogEntry
from cocade.practices.models import (
    Practice,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
)
from cocade.practices.services import sheets, translations
from tests.factories.accounts import MembershipFactory
from tests.factories.practices import draft_practice, editor_user, sheet_texts

SCORES = {"clarity": 4, "evidence": 3, "transferability": 3, "ethics": 4}


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_practices:{name}", kwargs=kwargs)


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (Practice, PracticeTranslation, PracticeRevision, PracticeReview)
    ] + [serializers.serialize("json", AuditLogEntry.objects.order_by("pk"))]


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def review_data(**overrides):
    data = {f"score_{key}": str(value) for key, value in SCORES.items()}
    data.update(
        {
            "comment_clarity": "Clear steps.",
            "general_comment": "",
            "recommendation": "publish",
        }
    )
    data.update(overrides)
    return data


@pytest.fixture
def editor(db):
    return editor_user(user__email="editor@example.org", user__full_name="Eda Editor")


@pytest.fixture
def reviewer(centre_b):
    return MembershipFactory(
        user__email="reviewer@example.org",
        user__full_name="Rui Reviewer",
        role=Role.COUNSELLOR,
        centre=centre_b,
    ).user


@pytest.fixture
def colleague_a(centre_a):
    return MembershipFactory(
        user__email="colleague-a@example.org",
        user__full_name="Ana Colleague",
        role=Role.COUNSELLOR,
        centre=centre_a,
    ).user


@pytest.fixture
def draft(counsellor_a, centre_a):
    return draft_practice(
        counsellor_a,
        centre_a,
        texts=sheet_texts(
            title="Speed recruitment",
            context="Jobseekers **rarely** meet employers. <script>alert(1)</script>",
            method_steps=["Collect the *offers*", "Hold the day"],
        ),
    )


@pytest.fixture
def submitted(draft, counsellor_a):
    return sheets.submit_practice(actor=counsellor_a, practice=draft)


@pytest.fixture
def assigned(submitted, editor, reviewer):
    review = sheets.assign_reviewer(actor=editor, practice=submitted, reviewer=reviewer)
    submitted.refresh_from_db()
    return submitted, review


@pytest.fixture
def reviewed(assigned, reviewer):
    practice, review = assigned
    sheets.submit_review(
        actor=reviewer,
        review=review,
        scores=SCORES,
        comments={"evidence": "Give the figures of 2023."},
        general_comment="Say how the companies were chosen.",
        recommendation="changes",
    )
    return practice


@pytest.fixture
def published(reviewed, editor):
    return sheets.publish_practice(actor=editor, practice=reviewed)


# --- the staff home -----------------------------------------------------------------------


def test_home_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(url("home"))

    assert (response.status_code, response["Location"]) == (
        302,
        f"/en/accounts/login/?next={url('home')}",
    )


def test_home_refuses_a_user_without_a_staff_role(client, public_user):
    client.force_login(public_user)

    response = client.get(url("home"))

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "The staff pages of the Vademecum are for the staff of the network's centres.",
    )


def test_home_lists_my_sheets_with_status_and_last_change(client, counsellor_a, draft, submitted):
    client.force_login(counsellor_a)

    response = client.get(url("home"))

    content = response.content.decode()
    assert (response.status_code, response.context["mine"], response.context["queue"]) == (
        200,
        [draft],
        [],
    )
    assert url("detail", pk=draft.pk) in content
    assert "Submitted" in content
    assert 'id="queue-title"' not in content


def test_home_links_the_reviewer_to_the_review_waiting(client, reviewer, assigned):
    practice, review = assigned
    client.force_login(reviewer)

    response = client.get(url("home"))

    assert response.context["reviewing"] == [(practice, review)]
    assert url("review", pk=review.pk) in response.content.decode()


def test_home_shows_the_editors_queue_to_editors(client, editor, submitted, draft):
    client.force_login(editor)

    response = client.get(url("home"))

    assert response.context["queue"] == [submitted]
    assert 'id="queue-title"' in response.content.decode()


def test_home_lists_my_translations(client, colleague_a, published):
    translation_pt = translations.start_translation(
        actor=colleague_a,
        practice=published,
        language="pt",
        texts=sheet_texts(title="Recrutamento rápido"),
    )
    client.force_login(colleague_a)

    response = client.get(url("home"))

    assert response.context["translating"] == [translation_pt]
    assert "Recrutamento rápido" in response.content.decode()


# --- a sheet's workflow page --------------------------------------------------------------


def test_detail_shows_the_sheet_rendered_and_its_step(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=draft.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<p>Jobseekers <strong>rarely</strong> meet employers. </p>" in content
    assert "alert(1)" not in content
    assert re.search(
        r'<ol class="method-steps"><li><p>Collect the <em>offers</em></p></li>'
        r"<li><p>Hold the day</p></li></ol>",
        content,
    )
    assert "written in English" in content
    assert re.search(
        r'aria-current="step">\s*<span class="workflow-step-mark" aria-hidden="true">●</span>\s*'
        r'<span class="workflow-step-label">Draft</span>\s*'
        r'<span class="workflow-step-state">current step</span>',
        content,
    )
    assert [a.name for a in response.context["actions"]] == ["submit"]


def test_detail_steps_say_their_state_in_words(client, counsellor_a, reviewed, editor):
    sheets.request_changes(actor=editor, practice=reviewed)
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=reviewed.pk))

    assert [(s.status, s.state) for s in response.context["steps"]] == [
        ("draft", "done"),
        ("submitted", "done"),
        ("in_review", "done"),
        ("changes_requested", "current"),
        ("published", "next"),
        ("archived", "next"),
    ]


def test_detail_marks_changes_requested_as_only_when_asked_on_a_direct_path(
    client, editor, published
):
    client.force_login(editor)

    response = client.get(url("detail", pk=published.pk))

    assert [s.state for s in response.context["steps"]] == [
        "done",
        "done",
        "done",
        "skipped",
        "current",
        "next",
    ]


@pytest.mark.parametrize("who", ["manager_a", "manager_b", "public_user", "colleague_a"])
def test_detail_of_a_draft_is_not_found_for_others(client, request, draft, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url("detail", pk=draft.pk))

    assert response.status_code == 404


def test_detail_of_an_unknown_sheet_is_not_found(client, editor):
    client.force_login(editor)

    response = client.get(url("detail", pk=999999))

    assert response.status_code == 404


def test_detail_actions_depend_on_role_and_status(client, counsellor_a, editor, reviewer, assigned):
    practice, _review = assigned
    offered = {}
    for name, user in (("author", counsellor_a), ("editor", editor), ("reviewer", reviewer)):
        client.force_login(user)
        response = client.get(url("detail", pk=practice.pk))
        offered[name] = (
            [a.name for a in response.context["actions"]],
            response.context["can_assign"],
            response.context["needs_review_to_publish"],
        )

    assert offered == {
        "author": ([], False, False),
        "editor": (["request_changes"], True, True),
        "reviewer": ([], False, False),
    }


def test_detail_offers_publishing_once_a_review_is_sent(client, editor, reviewed):
    client.force_login(editor)

    response = client.get(url("detail", pk=reviewed.pk))

    content = response.content.decode()
    assert [a.name for a in response.context["actions"]] == ["publish", "request_changes"]
    assert f'action="{url("publish", pk=reviewed.pk)}"' in content
    assert 'data-confirm="Publish this sheet? Everyone will be able to read it."' in content


def test_detail_offers_archiving_with_a_confirmation(client, editor, published):
    client.force_login(editor)

    response = client.get(url("detail", pk=published.pk))

    assert [a.name for a in response.context["actions"]] == ["archive"]
    assert (
        'class="button-danger" data-confirm="Archive this sheet? It will no longer be public or '
        'found by search.">Archive</button>'
    ) in response.content.decode()


def test_detail_shows_the_author_what_to_change(client, counsellor_a, editor, reviewed):
    sheets.request_changes(actor=editor, practice=reviewed)
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=reviewed.pk))

    content = response.content.decode()
    section = content[content.index('<section class="to-change"') :]
    section = section[: section.index("</section>")]
    assert "Rui Reviewer asks" in section
    assert "<p>Say how the companies were chosen.</p>" in section
    assert "<strong>Evidence of results</strong> (3 – met): Give the figures of 2023." in section
    assert [a.name for a in response.context["actions"]] == ["resubmit"]


def test_detail_shows_each_round_with_scores(client, counsellor_a, editor, reviewed):
    sheets.request_changes(actor=editor, practice=reviewed)
    sheets.resubmit_practice(actor=counsellor_a, practice=reviewed)
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=reviewed.pk))

    rounds = response.context["rounds"]
    assert [(r.number, [v.review.is_submitted for v in r.reviews]) for r in rounds] == [
        (2, [False]),
        (1, [True]),
    ]
    assert [(row.criterion, row.score) for row in rounds[1].reviews[0].rows] == [
        ("clarity", 4),
        ("evidence", 3),
        ("transferability", 3),
        ("ethics", 4),
    ]
    content = response.content.decode()
    assert '<h3 id="round-2">Round 2 <span class="badge">current</span></h3>' in content
    assert '<h3 id="round-1">Round 1</h3>' in content
    assert '<th scope="row">Evidence of results</th>' in content
    assert "3 – met" in content


def test_detail_keeps_other_reviews_from_a_reviewer_who_has_not_sent_theirs(
    client, editor, reviewer, colleague_a, reviewed, centre_b
):
    second = MembershipFactory(role=Role.COUNSELLOR, centre=centre_b).user
    sheets.assign_reviewer(actor=editor, practice=reviewed, reviewer=second)
    client.force_login(second)

    response = client.get(url("detail", pk=reviewed.pk))

    content = response.content.decode()
    assert [v.hidden for v in response.context["rounds"][0].reviews] == [True, False]
    assert "Say how the companies were chosen." not in content
    assert "You will see this review once you have sent yours" in content


def test_detail_shows_the_audit_trail_with_who_and_when(
    client, counsellor_a, editor, reviewer, reviewed
):
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=reviewed.pk))

    trail = [
        (
            str(t.label),
            t.entry.actor,
            str(t.status_before or ""),
            str(t.status_after or ""),
            t.reviewer,
        )
        for t in response.context["trail"]
    ]
    assert trail == [
        ("Sheet created", counsellor_a, "", "", None),
        ("Submitted to the editors", counsellor_a, "Draft", "Submitted", None),
        ("Reviewer assigned", editor, "Submitted", "In review", reviewer),
        ("Review sent", reviewer, "", "", None),
    ]
    assert "Draft → Submitted" in response.content.decode()


def test_detail_links_to_the_other_pages_of_the_sheet(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.get(url("detail", pk=draft.pk))

    content = response.content.decode()
    for name, kwargs in (
        ("edit", {"pk": draft.pk}),
        ("attachments", {"pk": draft.pk}),
        ("revisions", {"pk": draft.pk}),
        ("translate", {"pk": draft.pk, "language": "pt"}),
    ):
        assert f'href="{url(name, **kwargs)}"' in content, name


def test_detail_queries_do_not_grow_with_reviews_and_history(
    client, editor, counsellor_a, reviewed, centre_b
):
    client.force_login(editor)
    client.get(url("detail", pk=reviewed.pk))
    with CaptureQueriesContext(connection) as one_review:
        client.get(url("detail", pk=reviewed.pk))
    for _ in range(3):
        extra = MembershipFactory(role=Role.COUNSELLOR, centre=centre_b).user
        sheets.assign_reviewer(actor=editor, practice=reviewed, reviewer=extra)
    with CaptureQueriesContext(connection) as four_reviews:
        client.get(url("detail", pk=reviewed.pk))

    assert len(four_reviews) == len(one_review)


def test_detail_answers_405_to_a_post(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.post(url("detail", pk=draft.pk))

    assert response.status_code == 405


# --- the buttons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["submit", "withdraw", "request_changes", "resubmit", "publish", "archive", "restore"]
)
def test_buttons_answer_405_to_a_get(client, counsellor_a, draft, name):
    client.force_login(counsellor_a)

    response = client.get(url(name, pk=draft.pk))

    assert response.status_code == 405


def test_button_sends_anonymous_visitors_to_sign_in(client, draft):
    before = snapshot()

    response = client.post(url("submit", pk=draft.pk))

    assert (response.status_code, response["Location"].startswith("/en/accounts/login/")) == (
        302,
        True,
    )
    assert snapshot() == before


def test_submit_moves_the_sheet_and_says_so(client, counsellor_a, draft, editor, mailoutbox):
    client.force_login(counsellor_a)

    response = client.post(url("submit", pk=draft.pk), follow=True)

    draft.refresh_from_db()
    assert (response.redirect_chain, draft.status, messages_of(response)) == (
        [(url("detail", pk=draft.pk), 302)],
        "submitted",
        ["The sheet was submitted; the editors are told and will assign reviewers."],
    )
    assert [m.to for m in mailoutbox] == [[editor.email]]


def test_submit_twice_answers_409_with_the_reason(client, counsellor_a, submitted):
    client.force_login(counsellor_a)
    before = snapshot()

    response = client.post(url("submit", pk=submitted.pk))

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "A sheet that is “Submitted” cannot become “Submitted”.",
    )
    assert snapshot() == before


def test_withdraw_takes_the_sheet_back(client, counsellor_a, submitted):
    client.force_login(counsellor_a)

    response = client.post(url("withdraw", pk=submitted.pk), follow=True)

    submitted.refresh_from_db()
    assert (submitted.status, messages_of(response)) == (
        "draft",
        ["The sheet is a draft again: change it freely."],
    )


def test_request_changes_by_the_author_is_forbidden(client, counsellor_a, reviewed):
    client.force_login(counsellor_a)
    before = snapshot()

    response = client.post(url("request_changes", pk=reviewed.pk))

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only an editor of the Vademecum can do this.",
    )
    assert snapshot() == before


def test_request_changes_then_resubmit(client, counsellor_a, editor, reviewed, mailoutbox):
    client.force_login(editor)
    first = client.post(url("request_changes", pk=reviewed.pk), follow=True)
    client.force_login(counsellor_a)
    second = client.post(url("resubmit", pk=reviewed.pk), follow=True)

    reviewed.refresh_from_db()
    assert (messages_of(first), messages_of(second), reviewed.status, reviewed.review_round) == (
        ["The sheet went back to its author, who is told what to change."],
        ["The sheet went back for a new round of review, to the same reviewers."],
        "in_review",
        2,
    )


def test_publish_without_a_sent_review_answers_409(client, editor, assigned):
    practice, _review = assigned
    client.force_login(editor)
    before = snapshot()

    response = client.post(url("publish", pk=practice.pk))

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "A sheet is published once at least one review of this round is in.",
    )
    assert snapshot() == before


def test_publish_archive_restore(client, editor, reviewed):
    client.force_login(editor)
    steps = []
    for name in ("publish", "archive", "restore"):
        response = client.post(url(name, pk=reviewed.pk), follow=True)
        reviewed.refresh_from_db()
        steps.append((reviewed.status, messages_of(response)))

    assert steps == [
        ("published", ["The sheet is published in the Vademecum."]),
        ("archived", ["The sheet is archived: it is no longer public nor found by search."]),
        ("published", ["The sheet is published again."]),
    ]


def test_button_out_of_scope_is_not_found(client, manager_b, draft):
    client.force_login(manager_b)
    before = snapshot()

    response = client.post(url("submit", pk=draft.pk))

    assert response.status_code == 404
    assert snapshot() == before


def test_button_messages_follow_the_language_of_the_address(client, counsellor_a, draft):
    client.force_login(counsellor_a)
    with translation.override("fr"):
        address = reverse("staff_practices:submit", kwargs={"pk": draft.pk})
        expected = str(
            translation.gettext(
                "The sheet was submitted; the editors are told and will assign reviewers."
            )
        )

    response = client.post(address, follow=True)

    assert (address.startswith("/fr/"), messages_of(response)) == (True, [expected])


# --- assigning reviewers ------------------------------------------------------------------


def test_assign_form_offers_the_networks_staff_but_the_author(
    client, editor, counsellor_a, reviewer, colleague_a, submitted, coordinator
):
    client.force_login(editor)

    response = client.get(url("assign", pk=submitted.pk))

    labels = [label for value, label in response.context["form"].fields["reviewer"].choices][1:]
    assert response.status_code == 200
    assert "Ana Colleague (Cité A)" in labels
    assert "Rui Reviewer (Cité B)" in labels
    assert "Eda Editor (network)" in labels
    assert not any(str(counsellor_a) in label for label in labels)


def test_assign_form_leaves_out_those_already_reviewing(client, editor, reviewer, assigned):
    practice, _review = assigned
    client.force_login(editor)

    response = client.get(url("assign", pk=practice.pk))

    labels = [label for value, label in response.context["form"].fields["reviewer"].choices]
    assert not any("Rui Reviewer" in label for label in labels)
    assert "Rui Reviewer · review not sent yet" in response.content.decode()


def test_assign_creates_the_review_and_tells_the_reviewer(
    client, editor, reviewer, submitted, mailoutbox
):
    client.force_login(editor)
    mailoutbox.clear()

    response = client.post(url("assign", pk=submitted.pk), {"reviewer": reviewer.pk}, follow=True)

    submitted.refresh_from_db()
    assert (
        response.redirect_chain,
        messages_of(response),
        submitted.status,
        [(r.reviewer, r.round) for r in submitted.reviews.all()],
        [m.to for m in mailoutbox],
    ) == (
        [(url("detail", pk=submitted.pk), 302)],
        ["The reviewer was assigned and is told by email."],
        "in_review",
        [(reviewer, 1)],
        [[reviewer.email]],
    )


def test_assign_the_author_is_a_form_error(client, editor, counsellor_a, submitted):
    client.force_login(editor)
    before = snapshot()

    response = client.post(url("assign", pk=submitted.pk), {"reviewer": counsellor_a.pk})

    assert (response.status_code, response.context["form"].errors) == (
        400,
        {"reviewer": ["Select a valid choice. That choice is not one of the available choices."]},
    )
    assert snapshot() == before


def test_assign_with_nobody_chosen_is_a_form_error(client, editor, submitted):
    client.force_login(editor)

    response = client.post(url("assign", pk=submitted.pk), {})

    assert (response.status_code, response.context["form"].errors) == (
        400,
        {"reviewer": ["This field is required."]},
    )


def test_assign_by_the_author_is_forbidden(client, counsellor_a, submitted):
    client.force_login(counsellor_a)

    response = client.get(url("assign", pk=submitted.pk))

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only an editor of the Vademecum assigns reviewers.",
    )


def test_assign_on_a_draft_answers_409(client, editor, draft, reviewer):
    client.force_login(editor)
    before = snapshot()

    response = client.post(url("assign", pk=draft.pk), {"reviewer": reviewer.pk})

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "Reviewers are assigned to a submitted sheet or one in review.",
    )
    assert snapshot() == before


# --- the review checklist -----------------------------------------------------------------


def test_review_form_shows_the_checklist_beside_the_sheet(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)

    response = client.get(url("review", pk=review.pk))

    content = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert [item.criterion for item in response.context["criteria"]] == [
        "clarity",
        "evidence",
        "transferability",
        "ethics",
    ]
    assert form.fields["score_clarity"].choices == [
        (1, "1 – insufficient"),
        (2, "2 – partly met"),
        (3, "3 – met"),
        (4, "4 – exemplary"),
    ]
    assert '<legend>Ethics and anonymity of the publics <span aria-hidden="true">*' in content
    assert '<label for="id_score_clarity_0">1 – insufficient</label>' in content
    assert "Jobseekers <strong>rarely</strong> meet employers." in content


def test_review_sent_then_shown_read_only(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)

    response = client.post(
        url("review", pk=review.pk),
        review_data(recommendation="changes", general_comment="Add the figures."),
        follow=True,
    )

    review.refresh_from_db()
    content = response.content.decode()
    assert (
        response.redirect_chain,
        messages_of(response),
        review.scores,
        review.comments,
        review.general_comment,
        review.recommendation,
        response.context["form"],
    ) == (
        [(url("review", pk=review.pk), 302)],
        ["Your review was sent. The editors and the author can read it."],
        SCORES,
        {"clarity": "Clear steps."},
        "Add the figures.",
        "changes",
        None,
    )
    assert "<td>Clear steps.</td>" in content
    assert "<strong>Ask for changes</strong>" in content


def test_review_sent_twice_answers_409_already_sent(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)
    client.post(url("review", pk=review.pk), review_data())
    before = snapshot()

    response = client.post(url("review", pk=review.pk), review_data(score_clarity="1"))

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This review was already sent: it cannot change any more.",
    )
    assert snapshot() == before


def test_review_with_a_missing_score_is_a_form_error(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)
    before = snapshot()
    data = review_data()
    del data["score_ethics"]

    response = client.post(url("review", pk=review.pk), data)

    assert (response.status_code, response.context["form"].errors) == (
        400,
        {"score_ethics": ["Give a score for this point."]},
    )
    assert snapshot() == before


def test_review_with_a_score_of_five_is_a_form_error(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)
    before = snapshot()

    response = client.post(url("review", pk=review.pk), review_data(score_evidence="5"))

    assert (response.status_code, response.context["form"].errors) == (
        400,
        {"score_evidence": ["Select a valid choice. 5 is not one of the available choices."]},
    )
    assert snapshot() == before


def test_review_asking_changes_must_say_what(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)

    response = client.post(
        url("review", pk=review.pk), review_data(recommendation="changes", comment_clarity="")
    )

    assert (response.status_code, response.context["form"].errors) == (
        400,
        {"general_comment": ["Say what to change when you ask for changes."]},
    )


def test_review_empty_post_is_a_form_error(client, reviewer, assigned):
    _practice, review = assigned
    client.force_login(reviewer)

    response = client.post(url("review", pk=review.pk), {})

    assert (response.status_code, sorted(response.context["form"].errors)) == (
        400,
        [
            "recommendation",
            "score_clarity",
            "score_ethics",
            "score_evidence",
            "score_transferability",
        ],
    )


def test_review_of_a_closed_round_is_read_only_and_refuses_posts(
    client, reviewer, editor, assigned
):
    practice, review = assigned
    sheets.request_changes(actor=editor, practice=practice)
    client.force_login(reviewer)
    before = snapshot()

    page = client.get(url("review", pk=review.pk))
    response = client.post(url("review", pk=review.pk), review_data())

    assert (page.status_code, page.context["form"]) == (200, None)
    assert "the round is closed" in page.content.decode()
    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This sheet is no longer waiting for this review.",
    )
    assert snapshot() == before


@pytest.mark.parametrize("who", ["counsellor_a", "editor"])
def test_author_and_editors_read_a_sent_review(client, request, reviewed, who):
    review = reviewed.reviews.get()
    client.force_login(request.getfixturevalue(who))

    response = client.get(url("review", pk=review.pk))

    assert (response.status_code, response.context["form"]) == (200, None)
    assert "<td>Give the figures of 2023.</td>" in response.content.decode()


@pytest.mark.parametrize("who", ["counsellor_a", "editor"])
def test_author_and_editors_cannot_fill_in_the_review(client, request, assigned, who):
    _practice, review = assigned
    client.force_login(request.getfixturevalue(who))
    before = snapshot()

    response = client.post(url("review", pk=review.pk), review_data())

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only the assigned reviewer fills in this review.",
    )
    assert snapshot() == before


@pytest.mark.parametrize("who", ["colleague_a", "manager_a", "manager_b", "public_user"])
def test_review_is_not_found_for_others(client, request, assigned, who):
    _practice, review = assigned
    client.force_login(request.getfixturevalue(who))
    before = snapshot()

    got = client.get(url("review", pk=review.pk))
    posted = client.post(url("review", pk=review.pk), review_data())

    assert (got.status_code, posted.status_code) == (404, 404)
    assert snapshot() == before
