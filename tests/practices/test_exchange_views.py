"""The exchange pages (POST only): anonymous visitors sign in first, people without a role get
403, bad input shows the sheet again with the errors (400; a second trial 409), a success goes
back to the sheet with a message; follows never make two rows."""

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.practices.models import PracticeComment, PracticeFollow, PracticeTrial
from cocade.practices.services import exchange
from tests.factories.practices import draft_practice, editor_user, published_practice


def url(name, practice, **kwargs):
    with translation.override("en"):
        return reverse(f"practices:{name}", kwargs={"slug": practice.slug, **kwargs})


@pytest.fixture
def practice(counsellor_a, centre_a):
    return published_practice(counsellor_a, centre_a, editor=editor_user())


# --- Comments -------------------------------------------------------------------------------


def test_comment_by_staff_goes_back_to_the_sheet(client, practice, manager_b):
    client.force_login(manager_b)

    response = client.post(url("comment", practice), {"comment-body": "We do the *same*."})

    page = client.get(url("detail", practice)).content.decode()
    assert (response.status_code, response["Location"]) == (
        302,
        url("detail", practice) + "#comments",
    )
    assert PracticeComment.objects.get().body == "We do the *same*."
    assert "Your comment is published." in page
    assert "<p>We do the <em>same</em>.</p>" in page


def test_comment_anonymous_is_sent_to_sign_in(client, practice):
    response = client.post(url("comment", practice), {"comment-body": "Hello"})

    assert (response.status_code, response["Location"].startswith("/en/accounts/login/")) == (
        302,
        True,
    )
    assert PracticeComment.objects.count() == 0


def test_comment_without_a_role_is_403(client, practice, public_user):
    client.force_login(public_user)

    response = client.post(url("comment", practice), {"comment-body": "Hello"})

    assert (response.status_code, PracticeComment.objects.count()) == (403, 0)


@pytest.mark.parametrize("body", ["", "x" * 4001])
def test_comment_bad_input_shows_the_sheet_with_the_error(client, practice, manager_b, body):
    client.force_login(manager_b)

    response = client.post(url("comment", practice), {"comment-body": body})

    assert response.status_code == 400
    assert response.templates[0].name == "practices/public/detail.html"
    assert response.context["comment_form"].errors["body"]
    assert 'class="field field-invalid"' in response.content.decode()
    assert PracticeComment.objects.count() == 0


def test_comment_get_is_not_allowed(client, practice, manager_b):
    client.force_login(manager_b)

    response = client.get(url("comment", practice))

    assert response.status_code == 405


def test_comment_on_a_draft_is_404(client, counsellor_a, centre_a):
    draft = draft_practice(counsellor_a, centre_a)
    client.force_login(counsellor_a)

    response = client.post(url("comment", draft), {"comment-body": "Hello"})

    assert (response.status_code, PracticeComment.objects.count()) == (404, 0)


def test_comment_hide_by_an_editor(client, practice, manager_b, coordinator):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="Off topic")
    client.force_login(coordinator)

    response = client.post(url("comment_hide", practice, pk=comment.pk))

    comment.refresh_from_db()
    assert (response.status_code, comment.is_hidden) == (302, True)
    assert "Off topic" not in client.get(url("detail", practice)).content.decode()


def test_comment_hide_by_a_counsellor_is_403(client, practice, manager_b, counsellor_a):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="Fine")
    client.force_login(counsellor_a)

    response = client.post(url("comment_hide", practice, pk=comment.pk))

    comment.refresh_from_db()
    assert (response.status_code, comment.is_hidden) == (403, False)


def test_comment_hide_of_another_sheets_comment_is_404(
    client, practice, counsellor_a, centre_a, manager_b, coordinator
):
    other = published_practice(counsellor_a, centre_a, editor=editor_user())
    comment = exchange.add_comment(actor=manager_b, practice=other, body="Elsewhere")
    client.force_login(coordinator)

    response = client.post(url("comment_hide", practice, pk=comment.pk))

    comment.refresh_from_db()
    assert (response.status_code, comment.is_hidden) == (404, False)


def test_hide_button_is_shown_to_editors_only(client, practice, manager_b, coordinator):
    comment = exchange.add_comment(actor=manager_b, practice=practice, body="Fine")
    hide_url = url("comment_hide", practice, pk=comment.pk)

    client.force_login(manager_b)
    staff = client.get(url("detail", practice)).content.decode()
    client.force_login(coordinator)
    editor = client.get(url("detail", practice)).content.decode()

    assert (hide_url in staff, hide_url in editor) == (False, True)


# --- Trials ---------------------------------------------------------------------------------


TRIAL = {"trial-context": "A rural centre.", "trial-adaptation": "", "trial-outcome": "Good."}


def test_trial_is_recorded_and_counted(client, practice, manager_b, centre_b):
    client.force_login(manager_b)

    response = client.post(url("trial", practice), TRIAL)

    page = client.get(url("detail", practice))
    assert response["Location"] == url("detail", practice) + "#trials"
    assert PracticeTrial.objects.get().centre == centre_b
    assert page.context["centres_tried"] == 1
    assert "You recorded that your centre tried this practice." in page.content.decode()


def test_trial_twice_is_a_conflict_shown_on_the_sheet(client, practice, manager_b):
    client.force_login(manager_b)
    client.post(url("trial", practice), TRIAL)

    response = client.post(url("trial", practice), {**TRIAL, "trial-context": "Again"})

    assert response.status_code == 409
    assert response.context["trial_form"].non_field_errors() == [
        "You already recorded that your centre tried this practice."
    ]
    assert PracticeTrial.objects.count() == 1


def test_trial_bad_input_is_400(client, practice, manager_b):
    client.force_login(manager_b)

    response = client.post(url("trial", practice), {"trial-context": "Only the context"})

    assert response.status_code == 400
    assert list(response.context["trial_form"].errors) == ["outcome"]
    assert PracticeTrial.objects.count() == 0


def test_trial_without_a_role_is_403(client, practice, public_user):
    client.force_login(public_user)

    response = client.post(url("trial", practice), TRIAL)

    assert (response.status_code, PracticeTrial.objects.count()) == (403, 0)


# --- Follows --------------------------------------------------------------------------------


def test_follow_double_click_makes_one_row(client, practice, manager_b):
    client.force_login(manager_b)

    statuses = [
        client.post(url("follow", practice), {"action": "follow"}).status_code for _ in range(2)
    ]

    assert statuses == [302, 302]
    assert PracticeFollow.objects.filter(user=manager_b, practice=practice).count() == 1
    page = client.get(url("detail", practice)).content.decode()
    assert 'name="action" value="unfollow"' in page


def test_follow_without_action_toggles(client, practice, manager_b):
    client.force_login(manager_b)

    client.post(url("follow", practice))
    following = PracticeFollow.objects.count()
    client.post(url("follow", practice))

    assert (following, PracticeFollow.objects.count()) == (1, 0)


def test_unfollow_twice_is_harmless(client, practice, manager_b):
    exchange.follow_practice(actor=manager_b, practice=practice)
    client.force_login(manager_b)

    statuses = [
        client.post(url("follow", practice), {"action": "unfollow"}).status_code for _ in range(2)
    ]

    assert (statuses, PracticeFollow.objects.count()) == ([302, 302], 0)


def test_follow_unknown_action_is_400(client, practice, manager_b):
    client.force_login(manager_b)

    response = client.post(url("follow", practice), {"action": "explode"})

    assert (response.status_code, PracticeFollow.objects.count()) == (400, 0)
    assert response.context["follow_form"].errors["action"]


def test_follow_without_a_role_is_403(client, practice, public_user):
    client.force_login(public_user)

    response = client.post(url("follow", practice), {"action": "follow"})

    assert (response.status_code, PracticeFollow.objects.count()) == (403, 0)
