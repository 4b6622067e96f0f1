"""Reviews: the queue, the review form, naming a reviewer; who may, and what a refusal leaves."""

import re

import pytest
from django.core import mail, serializers
from django.urls import reverse
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus
from cocade.competencies.models import AssessmentRating, SelfAssessment
from cocade.competencies.services import assessments
from cocade.competencies.services.assessments import RatingInput
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version

CODES = ("A1", "A2", "B1", "B2")


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (SelfAssessment, AssessmentRating, AuditLogEntry)
    ]


def submit(user, version, level="application"):
    """Submit through the service; the "waits for your review" emails it sends are tested in
    test_assessment_views, so they are cleared here to leave the outbox to the act."""
    draft = assessments.start_assessment(actor=user, version=version)
    submitted = assessments.save_ratings(
        actor=user,
        assessment=draft,
        ratings={code: RatingInput(level, evidence=f"Evidence {code}") for code in CODES},
        submit=True,
    )
    mail.outbox.clear()
    return submitted


@pytest.fixture
def version(db):
    return published_version()


@pytest.fixture
def submitted(counsellor_a, version):
    return submit(counsellor_a, version)


@pytest.fixture
def colleague_a(centre_a):
    return MembershipFactory(
        user__email="colleague-a@example.org",
        user__full_name="Ana Colleague",
        role=Role.COUNSELLOR,
        centre=centre_a,
    ).user


@pytest.fixture
def counsellor_b(centre_b):
    return MembershipFactory(
        user__email="counsellor-b@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


# --- The queue ---------------------------------------------------------------------------------


def test_review_queue_lists_the_submitted_assessments_of_the_managers_centre(
    client, manager_a, submitted, counsellor_a, version
):
    client.force_login(manager_a)

    response = client.get(url("reviews"))

    assert (response.status_code, response.context["assessments"]) == (200, [submitted])
    assert url("assessment_review", pk=submitted.pk) in response.content.decode()


def test_review_queue_is_empty_for_the_counsellor_and_another_manager(
    client, counsellor_a, manager_b, submitted
):
    queues = []
    for user in (counsellor_a, manager_b):
        client.force_login(user)
        queues.append(client.get(url("reviews")).context["assessments"])

    assert queues == [[], []]


def test_review_queue_refuses_users_without_a_centre(client, coordinator):
    client.force_login(coordinator)

    response = client.get(url("reviews"), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only staff of a centre review self-assessments.",
    )


# --- Reviewing ---------------------------------------------------------------------------------


def test_review_form_offers_to_agree_with_the_counsellors_level(client, manager_a, submitted):
    client.force_login(manager_a)

    response = client.get(url("assessment_review", pk=submitted.pk), HTTP_ACCEPT_LANGUAGE="en")

    form = response.context["form"]
    assert (
        response.status_code,
        [[item.competence.code for item in group.items] for group in response.context["groups"]],
        form.fields["review_A1"].choices[:2],
        list(form.fields)[-1],
    ) == (
        200,
        [["A1", "A2"], ["B1", "B2"]],
        [("", "Agree (2. Application [en])"), ("notions", "1. Notions [en]")],
        "comment",
    )
    content = response.content.decode()
    assert "Evidence B2" in content
    assert re.search(r"<dt>Expected level</dt>\s*<dd>3\. Maitrise \[en\]</dd>", content)


def test_review_records_levels_tells_the_counsellor_and_audits(
    client, manager_a, counsellor_a, submitted
):
    counsellor_a.preferred_language = "en"
    counsellor_a.save()
    client.force_login(manager_a)

    response = client.post(
        url("assessment_review", pk=submitted.pk),
        {
            "review_A1": "maitrise",
            "review_comment_A1": "Seen at the jobs fair",
            "review_B2": "",
            "comment": "Thank you",
        },
    )

    submitted.refresh_from_db()
    levels = {
        r.competence.code: (r.level.code, r.review_level.code, r.review_comment)
        for r in submitted.ratings.select_related("competence", "level", "review_level")
    }
    entry = AuditLogEntry.objects.get(action="competencies.assessment.reviewed")
    assert (
        response.status_code,
        response["Location"],
        submitted.status,
        submitted.reviewed_by,
        submitted.review_comment,
        levels["A1"],
        levels["B2"],
        entry.actor,
        entry.changes,
    ) == (
        302,
        url("assessment", pk=submitted.pk),
        AssessmentStatus.REVIEWED,
        manager_a,
        "Thank you",
        ("application", "maitrise", "Seen at the jobs fair"),
        ("application", "application", ""),
        manager_a,
        {"A1": {"before": "application", "after": "maitrise"}},
    )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["counsellor-a@example.org"], "[COCADE] Your self-assessment has been reviewed")
    ]
    assert f"/en/staff/competences/assessments/{submitted.pk}/" in mail.outbox[0].body


def test_counsellor_sees_both_levels_after_review(client, manager_a, counsellor_a, submitted):
    client.force_login(manager_a)
    client.post(url("assessment_review", pk=submitted.pk), {"review_A2": "expertise"})
    client.force_login(counsellor_a)

    response = client.get(url("assessment", pk=submitted.pk), HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert '<td data-label="Self-assessed">2. Application [en]</td>' in content
    assert '<td data-label="Reviewed">4. Expertise [en]</td>' in content


def test_review_with_an_unknown_level_is_a_form_error(client, manager_a, submitted):
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(
        url("assessment_review", pk=submitted.pk),
        {"review_A1": "genius"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, response.context["form"].errors["review_A1"]) == (
        400,
        ["Select a valid choice. genius is not one of the available choices."],
    )
    assert snapshot() == before


def test_review_by_a_manager_of_another_centre_is_not_found(client, manager_b, submitted):
    client.force_login(manager_b)
    before = snapshot()

    response = client.post(url("assessment_review", pk=submitted.pk), {"review_A1": "notions"})

    assert response.status_code == 404
    assert (snapshot(), mail.outbox) == (before, [])


def test_review_by_the_counsellor_is_forbidden(client, counsellor_a, submitted):
    client.force_login(counsellor_a)
    before = snapshot()

    response = client.post(url("assessment_review", pk=submitted.pk), {}, HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only this centre's managers, or the reviewer they named, review this assessment.",
    )
    assert snapshot() == before


def test_review_of_ones_own_assessment_is_forbidden(client, manager_a, version):
    own = submit(manager_a, version)
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(url("assessment_review", pk=own.pk), {})

    assert response.status_code == 403
    assert snapshot() == before


def test_review_twice_answers_409(client, manager_a, submitted):
    client.force_login(manager_a)
    client.post(url("assessment_review", pk=submitted.pk), {})
    before = snapshot()

    response = client.post(url("assessment_review", pk=submitted.pk), {}, HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This self-assessment is already reviewed.",
    )
    assert snapshot() == before


def test_review_of_a_draft_answers_409(client, manager_a, counsellor_a, version):
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    client.force_login(manager_a)

    response = client.get(url("assessment_review", pk=draft.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This self-assessment is still a draft: it can be reviewed once submitted.",
    )


# --- Naming a reviewer -------------------------------------------------------------------------


def test_reviewer_choices_are_the_centres_staff_except_the_person(
    client, manager_a, colleague_a, counsellor_b, submitted
):
    client.force_login(manager_a)

    response = client.get(url("assessment_reviewer", pk=submitted.pk))

    assert list(response.context["form"].fields["reviewer"].queryset) == sorted(
        [manager_a, colleague_a], key=lambda user: (user.full_name, user.email)
    )


def test_naming_a_reviewer_tells_them_and_lets_them_review(
    client, manager_a, colleague_a, submitted
):
    client.force_login(manager_a)

    response = client.post(
        url("assessment_reviewer", pk=submitted.pk), {"reviewer": colleague_a.pk}
    )

    submitted.refresh_from_db()
    entry = AuditLogEntry.objects.get(action="competencies.assessment.reviewer_named")
    assert (response.status_code, submitted.reviewer, entry.changes) == (
        302,
        colleague_a,
        {"reviewer": {"before": None, "after": colleague_a.pk}},
    )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["colleague-a@example.org"], "[COCADE] Une auto-évaluation attend votre relecture")
    ]
    client.force_login(colleague_a)
    assert client.get(url("reviews")).context["assessments"] == [submitted]
    reviewed = client.post(url("assessment_review", pk=submitted.pk), {"review_A1": "notions"})
    submitted.refresh_from_db()
    assert (reviewed.status_code, submitted.status, submitted.reviewed_by) == (
        302,
        AssessmentStatus.REVIEWED,
        colleague_a,
    )


def test_naming_a_reviewer_of_another_centre_is_a_form_error(
    client, manager_a, counsellor_b, submitted
):
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(
        url("assessment_reviewer", pk=submitted.pk),
        {"reviewer": counsellor_b.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, response.context["form"].errors["reviewer"]) == (
        400,
        ["Select a valid choice. That choice is not one of the available choices."],
    )
    assert (snapshot(), mail.outbox) == (before, [])


def test_naming_nobody_leaves_the_review_to_the_managers(client, manager_a, colleague_a, submitted):
    assessments.name_reviewer(actor=manager_a, assessment=submitted, reviewer=colleague_a)
    mail.outbox.clear()
    client.force_login(manager_a)

    response = client.post(url("assessment_reviewer", pk=submitted.pk), {"reviewer": ""})

    submitted.refresh_from_db()
    assert (response.status_code, submitted.reviewer, mail.outbox) == (302, None, [])


def test_naming_a_reviewer_by_the_counsellor_is_forbidden(
    client, counsellor_a, colleague_a, submitted
):
    client.force_login(counsellor_a)
    before = snapshot()

    response = client.post(
        url("assessment_reviewer", pk=submitted.pk),
        {"reviewer": colleague_a.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only this centre's managers name a reviewer.",
    )
    assert snapshot() == before


def test_naming_a_reviewer_after_the_review_answers_409(client, manager_a, colleague_a, submitted):
    assessments.review_assessment(actor=manager_a, assessment=submitted, reviews={})
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(
        url("assessment_reviewer", pk=submitted.pk),
        {"reviewer": colleague_a.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This self-assessment is already reviewed.",
    )
    assert snapshot() == before
