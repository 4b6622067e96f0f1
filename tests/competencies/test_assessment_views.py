"""The counsellor's pages: "my competences", starting, filling in, submitting and deleting a
self-assessment, and the assessment page."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail, serializers
from django.urls import reverse
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus, ExpectedProfile
from cocade.competencies.models import AssessmentRating, SelfAssessment
from cocade.competencies.services import assessments
from cocade.competencies.services.assessments import RatingInput, ReviewInput
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version

CODES = ("A1", "A2", "B1", "B2")


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (SelfAssessment, AssessmentRating, AuditLogEntry)
    ]


def submit(user, version, level="application", codes=CODES):
    draft = assessments.start_assessment(actor=user, version=version)
    return assessments.save_ratings(
        actor=user,
        assessment=draft,
        ratings={code: RatingInput(level) for code in codes},
        submit=True,
    )


def all_levels(level="application", codes=CODES):
    return {f"level_{code}": level for code in codes}


@pytest.fixture
def version(db):
    return published_version()


@pytest.fixture
def draft(counsellor_a, version):
    return assessments.start_assessment(actor=counsellor_a, version=version)


@pytest.fixture
def as_counsellor(client, counsellor_a):
    client.force_login(counsellor_a)
    return client


# --- My competences ----------------------------------------------------------------------------


def test_my_competences_refuses_users_without_a_centre_role(client, public_user):
    client.force_login(public_user)

    response = client.get(url("my"), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response.context["message"]) == (
        403,
        "Only staff of a centre position themselves on the framework.",
    )


def test_my_competences_offers_to_start_on_each_published_framework(as_counsellor, version):
    published_version("other-framework")

    response = as_counsellor.get(url("my"))

    frameworks = response.context["frameworks"]
    assert (
        response.status_code,
        [item["version"].framework.slug for item in frameworks],
        [item["draft"] for item in frameworks],
        url("assessment_start") in response.content.decode(),
    ) == (200, ["cdm-counsellor", "other-framework"], [None, None], True)


def test_my_competences_offers_to_continue_the_draft(as_counsellor, draft):
    response = as_counsellor.get(url("my"))

    assert response.context["frameworks"][0]["draft"] == draft
    assert url("assessment_edit", pk=draft.pk) in response.content.decode()


def test_my_competences_shows_progress_over_time(as_counsellor, counsellor_a, manager_a, version):
    first = submit(counsellor_a, version, "notions")
    assessments.review_assessment(
        actor=manager_a, assessment=first, reviews={"A1": ReviewInput("application")}
    )
    version_2 = published_version()
    second = submit(counsellor_a, version_2, "maitrise", codes=("A1", "A2", "B1"))

    response = as_counsellor.get(url("my"))

    (table,) = response.context["history"]
    assert (
        [column.pk for column in table.columns],
        [
            (row.competence.code, [cell.level.code if cell.level else None for cell in row.cells])
            for row in table.rows
        ],
        [cell.risen for cell in table.rows[0].cells],
    ) == (
        [first.pk, second.pk],
        [
            ("A1", ["application", "maitrise"]),
            ("A2", ["notions", "maitrise"]),
            ("B1", ["notions", "maitrise"]),
            ("B2", ["notions", "notions"]),  # carried over from the first
        ],
        [False, True],
    )


def test_my_competences_lists_dated_assessments_and_open_plan(
    as_counsellor, counsellor_a, manager_a, version
):
    from cocade.competencies.services import plans

    done = submit(counsellor_a, version)
    assessments.review_assessment(actor=manager_a, assessment=done, reviews={})
    plan = plans.create_plan(actor=counsellor_a, assessment=done)

    response = as_counsellor.get(url("my"), HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert (response.context["assessments"], response.context["plans"]) == ([done], [plan])
    assert str(manager_a) in content
    assert url("plan", pk=plan.pk) in content


@pytest.mark.parametrize(("blocks", "competences"), [(2, 2), (4, 5)])
def test_my_competences_runs_a_fixed_number_of_queries(
    as_counsellor, counsellor_a, manager_a, django_assert_num_queries, blocks, competences
):
    version = published_version(blocks=blocks, competences=competences)
    codes = [c.code for c in version.competences.all()]
    assert len(codes) == blocks * competences
    done = submit(counsellor_a, version, codes=codes)
    assessments.review_assessment(actor=manager_a, assessment=done, reviews={})
    submit(counsellor_a, published_version(blocks=blocks, competences=competences), codes=codes)

    # session, user, memberships, published versions, own assessments, their ratings, plans
    with django_assert_num_queries(7):
        response = as_counsellor.get(url("my"))

    assert len(response.context["history"][0].rows) == blocks * competences


# --- Starting ----------------------------------------------------------------------------------


def test_start_opens_a_draft_and_a_second_click_gives_the_same(
    as_counsellor, counsellor_a, centre_a, version
):
    data = {"framework": "cdm-counsellor", "profile": ExpectedProfile.SENIOR}

    first = as_counsellor.post(url("assessment_start"), data)
    second = as_counsellor.post(url("assessment_start"), data)

    draft = SelfAssessment.objects.get()
    assert (first["Location"], second["Location"]) == (
        url("assessment_edit", pk=draft.pk),
        url("assessment_edit", pk=draft.pk),
    )
    assert (draft.user, draft.centre, draft.profile, draft.status) == (
        counsellor_a,
        centre_a,
        ExpectedProfile.SENIOR,
        AssessmentStatus.DRAFT,
    )


def test_start_with_empty_data_is_a_form_error(as_counsellor, version):
    response = as_counsellor.post(url("assessment_start"), {}, HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response.context["form"].errors["framework"]) == (
        400,
        ["This field is required."],
    )
    assert SelfAssessment.objects.count() == 0


def test_start_asks_the_centre_when_on_the_staff_of_several(
    client, counsellor_a, centre_b, version
):
    MembershipFactory(user=counsellor_a, role=Role.TRAINER, centre=centre_b)
    client.force_login(counsellor_a)

    response = client.post(
        url("assessment_start"),
        {"framework": "cdm-counsellor", "profile": "counsellor", "centre": centre_b.pk},
    )

    assert response.status_code == 302
    assert SelfAssessment.objects.get().centre == centre_b


def test_start_by_a_user_without_centre_role_is_forbidden(client, coordinator, version):
    client.force_login(coordinator)

    response = client.post(url("assessment_start"), {"framework": "cdm-counsellor"})

    assert response.status_code == 403
    assert SelfAssessment.objects.count() == 0


# --- The form ----------------------------------------------------------------------------------


def test_edit_shows_a_radio_group_per_competence_with_descriptors_and_indicators(
    as_counsellor, draft
):
    response = as_counsellor.get(url("assessment_edit", pk=draft.pk), HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    groups = response.context["groups"]
    assert (
        [group.block.code for group in groups],
        [[item.competence.code for item in group.items] for group in groups],
        content.count('<fieldset class="level-group"'),
        content.count('type="radio" name="level_A1"'),
    ) == (["A", "B"], [["A1", "A2"], ["B1", "B2"]], 4, 5)
    assert 'aria-describedby="id_level_A1_1_description"' in content
    assert '<span lang="en">Notions de A1 [en]</span>' in content
    assert '<span lang="en">Indicateur A1.2 [en]</span>' in content
    assert "Not assessed yet" in content


def test_edit_saves_a_draft(as_counsellor, draft):
    data = {"level_A1": "maitrise", "comment_A1": "Every week", "evidence_B2": "Training"}

    response = as_counsellor.post(url("assessment_edit", pk=draft.pk), data)

    rows = {
        r.competence.code: (r.level.code if r.level else None, r.comment, r.evidence)
        for r in draft.ratings.select_related("competence", "level")
    }
    draft.refresh_from_db()
    assert (response.status_code, response["Location"], draft.status, rows) == (
        302,
        url("assessment_edit", pk=draft.pk),
        AssessmentStatus.DRAFT,
        {
            "A1": ("maitrise", "Every week", ""),
            "A2": (None, "", ""),
            "B1": (None, "", ""),
            "B2": (None, "", "Training"),
        },
    )


def test_edit_shows_saved_values_again(as_counsellor, counsellor_a, draft):
    assessments.save_ratings(
        actor=counsellor_a,
        assessment=draft,
        ratings={"B1": RatingInput("expertise", "Mentor", "Peer review")},
    )

    response = as_counsellor.get(url("assessment_edit", pk=draft.pk))

    form = response.context["form"]
    assert (
        form["level_B1"].value(),
        form["comment_B1"].value(),
        form["evidence_B1"].value(),
        form["level_A1"].value(),
    ) == ("expertise", "Mentor", "Peer review", "")


def test_submit_with_missing_levels_answers_400_at_each_missing_competence(as_counsellor, draft):
    before = snapshot()

    response = as_counsellor.post(
        url("assessment_edit", pk=draft.pk) + "?submit=1",
        {"level_A1": "notions", "level_B1": "notions"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    form = response.context["form"]
    assert (
        response.status_code,
        form.non_field_errors(),
        form.errors.get("level_A2"),
        form.errors.get("level_B2"),
        form.errors.get("level_A1"),
    ) == (
        400,
        ["Give a level for every competence before submitting: A2, B2."],
        ["Choose a level."],
        ["Choose a level."],
        None,
    )
    assert 'id="id_level_A1_1" checked' in response.content.decode()
    assert snapshot() == before


def test_submit_sends_it_for_review_and_tells_the_managers(
    as_counsellor, counsellor_a, manager_a, draft
):
    manager_a.preferred_language = "en"
    manager_a.save()
    other_manager = MembershipFactory(
        user__email="manager-a2@example.org",
        user__preferred_language="it",
        role=Role.CENTRE_MANAGER,
        centre=draft.centre,
    ).user

    response = as_counsellor.post(
        url("assessment_edit", pk=draft.pk), {**all_levels(), "submit": "1"}
    )

    draft.refresh_from_db()
    review_path = f"/staff/competences/assessments/{draft.pk}/review/"
    assert (response.status_code, response["Location"], draft.status) == (
        302,
        url("assessment", pk=draft.pk),
        AssessmentStatus.SUBMITTED,
    )
    assert sorted((m.to[0], m.subject, f"/en{review_path}" in m.body) for m in mail.outbox) == [
        ("manager-a2@example.org", "[COCADE] Un'autovalutazione attende la tua revisione", False),
        ("manager-a@example.org", "[COCADE] A self-assessment waits for your review", True),
    ]
    italian = next(m for m in mail.outbox if m.to == [other_manager.email])
    assert f"http://127.0.0.1:8000/it{review_path}" in italian.body


def test_submit_also_tells_the_named_reviewer(
    as_counsellor, counsellor_a, manager_a, draft, centre_a
):
    reviewer = MembershipFactory(
        user__email="reviewer@example.org", role=Role.COUNSELLOR, centre=centre_a
    ).user
    assessments.name_reviewer(actor=manager_a, assessment=draft, reviewer=reviewer)

    as_counsellor.post(url("assessment_edit", pk=draft.pk) + "?submit=1", all_levels())

    assert sorted(m.to[0] for m in mail.outbox) == ["manager-a@example.org", "reviewer@example.org"]


def test_edit_of_a_submitted_assessment_answers_409_with_the_reason(
    as_counsellor, counsellor_a, version
):
    done = submit(counsellor_a, version)
    before = snapshot()

    got = as_counsellor.get(url("assessment_edit", pk=done.pk), HTTP_ACCEPT_LANGUAGE="en")
    posted = as_counsellor.post(
        url("assessment_edit", pk=done.pk), all_levels("notions"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert [(r.status_code, str(r.context["message"])) for r in (got, posted)] == [
        (409, "This self-assessment was submitted and can no longer change.")
    ] * 2
    assert snapshot() == before


def test_edit_after_the_version_was_superseded_is_refused_clearly(as_counsellor, draft):
    published_version()
    before = snapshot()

    got = as_counsellor.get(url("assessment_edit", pk=draft.pk), HTTP_ACCEPT_LANGUAGE="en")
    posted = as_counsellor.post(
        url("assessment_edit", pk=draft.pk), all_levels(), HTTP_ACCEPT_LANGUAGE="en"
    )

    expected = (
        "This version of the framework is no longer the current one; start a new "
        "self-assessment on the published version."
    )
    assert [(r.status_code, str(r.context["message"])) for r in (got, posted)] == [
        (409, expected)
    ] * 2
    assert url("assessment_delete", pk=draft.pk) in got.content.decode()
    assert snapshot() == before


def test_edit_by_the_manager_is_forbidden(client, manager_a, draft):
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(
        url("assessment_edit", pk=draft.pk), all_levels(), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only the person assessed may change their self-assessment.",
    )
    assert snapshot() == before


def test_edit_by_a_manager_of_another_centre_is_not_found(client, manager_b, draft):
    client.force_login(manager_b)

    response = client.get(url("assessment_edit", pk=draft.pk))

    assert response.status_code == 404


@pytest.mark.parametrize(("blocks", "competences"), [(2, 2), (4, 5)])
def test_edit_runs_a_fixed_number_of_queries(
    as_counsellor, counsellor_a, django_assert_num_queries, blocks, competences
):
    version = published_version(blocks=blocks, competences=competences)
    draft = assessments.start_assessment(actor=counsellor_a, version=version)
    assessments.save_ratings(
        actor=counsellor_a,
        assessment=draft,
        ratings={c.code: RatingInput("notions", "x", "y") for c in version.competences.all()},
    )

    # session, user, memberships, assessment, competences, indicators, descriptors, levels,
    # ratings
    with django_assert_num_queries(9):
        response = as_counsellor.get(url("assessment_edit", pk=draft.pk))

    assert sum(len(group.items) for group in response.context["groups"]) == blocks * competences


# --- Deleting ----------------------------------------------------------------------------------


def test_delete_removes_the_draft(as_counsellor, draft):
    response = as_counsellor.post(url("assessment_delete", pk=draft.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Location"], messages_of(response)) == (
        302,
        url("my"),
        ["The draft was deleted."],
    )
    assert SelfAssessment.objects.count() == 0


def test_delete_of_a_submitted_assessment_is_refused(as_counsellor, counsellor_a, version):
    done = submit(counsellor_a, version)
    before = snapshot()

    response = as_counsellor.post(url("assessment_delete", pk=done.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "A submitted self-assessment is kept; only drafts can be deleted.",
    )
    assert snapshot() == before


# --- The assessment page -----------------------------------------------------------------------


def test_assessment_page_shows_both_levels_side_by_side(
    as_counsellor, counsellor_a, manager_a, version
):
    done = submit(counsellor_a, version)
    assessments.review_assessment(
        actor=manager_a,
        assessment=done,
        reviews={"A1": ReviewInput("maitrise", "Seen at the fair")},
        comment="A good year",
    )

    response = as_counsellor.get(url("assessment", pk=done.pk), HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    first = response.context["groups"][0]["rows"][0]
    assert (
        first["rating"].level.code,
        first["rating"].review_level.code,
        first["gap"].size,
        response.context["can_plan"],
        response.context["can_review"],
        response.context["can_name_reviewer"],
    ) == ("application", "maitrise", 0, True, False, False)
    assert "Seen at the fair" in content
    assert "A good year" in content
    assert url("plan_create", pk=done.pk) in content


def test_assessment_page_offers_review_and_reviewer_to_the_manager(
    client, counsellor_a, manager_a, version
):
    done = submit(counsellor_a, version)
    client.force_login(manager_a)

    response = client.get(url("assessment", pk=done.pk))

    content = response.content.decode()
    assert url("assessment_review", pk=done.pk) in content
    assert url("assessment_reviewer", pk=done.pk) in content


def test_assessment_page_of_another_centre_is_not_found(client, counsellor_a, manager_b, version):
    done = submit(counsellor_a, version)
    client.force_login(manager_b)

    response = client.get(url("assessment", pk=done.pk))

    assert response.status_code == 404
