"""Self-assessments in the JSON API: scoped reads, and writes through the same services as the
staff pages. Another centre's assessment is a 404, coordinators do not see individuals, and a
refused request changes nothing."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from cocade.accounts.enums import Role
from cocade.accounts.models import ApiToken, hash_token
from cocade.competencies.models import AssessmentRating, SelfAssessment
from cocade.competencies.services import assessments as services
from cocade.competencies.services.frameworks import import_framework
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import framework_data, published_version

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
CODES = ("A1", "A2", "B1", "B2")
NOT_FOUND = {"code": "not_found", "message": "Not found.", "detail": {}}


@pytest.fixture
def bearer(bearer):
    """bearer(user) -> headers of a new token of `user`; the public user (who may not create a
    token in the staff space) gets one written directly, as in the permission matrix."""

    def make(user):
        if user.email != "public@example.org":
            return bearer(user)
        raw = "cct_public_user_token"
        ApiToken.objects.create(user=user, name="tests", prefix=raw[:12], key_hash=hash_token(raw))
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return make


def _time(value):
    return DjangoJSONEncoder().default(value) if value is not None else None


def _state():
    """Everything an assessment write could change, to compare before and after a refusal."""
    return {
        "assessments": list(SelfAssessment.objects.order_by("pk").values()),
        "ratings": list(AssessmentRating.objects.order_by("pk").values()),
        "audit": list(
            AuditLogEntry.objects.filter(action__startswith="competencies.")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


def _audit():
    return list(
        AuditLogEntry.objects.filter(action__startswith="competencies.assessment.")
        .order_by("pk")
        .values_list("action", "actor__email")
    )


def _send(client, method, url, body, headers):
    if method == "get":
        return client.get(url, **headers, **EN)
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, data, content_type="application/json", **headers, **EN)


@pytest.fixture
def version(db):
    """cdm-counsellor v1: A1, A2, B1, B2 on the scale notions < application < maitrise <
    expertise."""
    return published_version()


@pytest.fixture
def colleague_a(centre_a):
    """A second counsellor of centre A, who can be named reviewer."""
    return MembershipFactory(
        user__email="colleague-a@example.org", role=Role.COUNSELLOR, centre=centre_a
    ).user


@pytest.fixture
def counsellor_b(centre_b):
    return MembershipFactory(
        user__email="counsellor-b@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


def _draft(user, version, **levels):
    assessment = services.start_assessment(actor=user, version=version)
    if levels:
        ratings = {code: services.RatingInput(level) for code, level in levels.items()}
        assessment = services.save_ratings(actor=user, assessment=assessment, ratings=ratings)
    return assessment


def _submitted(user, version, level="application"):
    assessment = services.start_assessment(actor=user, version=version)
    return services.save_ratings(
        actor=user,
        assessment=assessment,
        ratings={code: services.RatingInput(level) for code in CODES},
        submit=True,
    )


def _summary(assessment, **changes):
    assessment.refresh_from_db()
    user = assessment.user
    return {
        "id": assessment.pk,
        "framework": "cdm-counsellor",
        "version": assessment.version.number,
        "profile": assessment.profile,
        "status": assessment.status,
        "user": {"email": user.email, "full_name": user.full_name},
        "centre": assessment.centre.slug,
        "reviewer": None,
        "reviewed_by": None,
        "created_at": _time(assessment.created_at),
        "submitted_at": _time(assessment.submitted_at),
        "reviewed_at": _time(assessment.reviewed_at),
        **changes,
    }


def _rating(level=None, review_level=None, **texts):
    return {
        "level": level,
        "comment": "",
        "evidence": "",
        "review_level": review_level,
        "review_comment": "",
        **texts,
    }


# --- Start ------------------------------------------------------------------------------------


def test_start_assessment_opens_a_draft_and_answers_201(client, version, counsellor_a, bearer):
    headers = bearer(counsellor_a)

    response = _send(
        client, "post", "/api/v1/assessments", {"framework": "cdm-counsellor"}, headers
    )

    assessment = SelfAssessment.objects.get(user=counsellor_a)
    assert response.status_code == 201
    assert response.json() == {**_summary(assessment), "review_comment": "", "ratings": {}}
    assert (assessment.status, assessment.version, assessment.centre.slug) == (
        "draft",
        version,
        "centre-a",
    )
    assert _audit() == [("competencies.assessment.started", "counsellor-a@example.org")]


def test_start_assessment_twice_answers_the_open_draft_with_200(
    client, version, counsellor_a, bearer
):
    headers = bearer(counsellor_a)
    first = _send(client, "post", "/api/v1/assessments", {"framework": "cdm-counsellor"}, headers)

    second = _send(client, "post", "/api/v1/assessments", {"framework": "cdm-counsellor"}, headers)

    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert SelfAssessment.objects.count() == 1
    assert len(_audit()) == 1


def test_start_assessment_takes_profile_and_centre(client, version, counsellor_a, bearer):
    body = {"framework": "cdm-counsellor", "profile": "newcomer", "centre": "centre-a"}

    response = _send(client, "post", "/api/v1/assessments", body, bearer(counsellor_a))

    assert response.status_code == 201
    assert (response.json()["profile"], response.json()["centre"]) == ("newcomer", "centre-a")


def test_start_assessment_starts_from_the_last_agreed_levels(client, version, counsellor_a, bearer):
    _submitted(counsellor_a, version, level="maitrise")
    import_framework(actor=None, data=framework_data(), publish=True)

    response = _send(
        client, "post", "/api/v1/assessments", {"framework": "cdm-counsellor"}, bearer(counsellor_a)
    )

    assert response.status_code == 201
    assert response.json()["version"] == 2
    assert response.json()["ratings"] == {code: _rating("maitrise") for code in CODES}


STAFF_ONLY = "There is no published framework with this identifier."
NOT_STAFF_OF_CENTRE = "You are not on the staff of that centre."


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"framework": "unknown"}, {"framework": [STAFF_ONLY]}),
        ({"framework": "only-a-draft"}, {"framework": [STAFF_ONLY]}),
        (
            {"framework": "cdm-counsellor", "centre": "centre-b"},
            {"centre": [NOT_STAFF_OF_CENTRE]},
        ),
        ({"framework": "cdm-counsellor", "centre": "nowhere"}, {"centre": [NOT_STAFF_OF_CENTRE]}),
    ],
    ids=["unknown-framework", "draft-framework", "other-centre", "unknown-centre"],
)
def test_start_assessment_with_bad_references_is_422_and_changes_nothing(
    client, version, centre_b, counsellor_a, bearer, body, detail
):
    import_framework(actor=None, data=framework_data("only-a-draft"))
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", "/api/v1/assessments", body, headers)

    message = next(iter(detail.values()))[0]
    assert response.status_code == 422
    assert response.json() == {"code": "invalid", "message": message, "detail": detail}
    assert _state() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "framework"),
        ({"framework": 3}, "framework"),
        ({"framework": "cdm-counsellor", "profile": "boss"}, "profile"),
        ({"framework": "cdm-counsellor", "colour": "red"}, "colour"),
        ({"framework": "cdm-counsellor", "centre": "a\x00b"}, "body"),
        ("[1, 2]", "body"),
    ],
    ids=["missing", "wrong-type", "unknown-profile", "unknown-field", "nul", "not-an-object"],
)
def test_start_assessment_with_bad_body_is_422_at_the_field(
    client, version, counsellor_a, bearer, body, field
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", "/api/v1/assessments", body, headers)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["message"] == "The request body or parameters are not valid."
    assert list(response.json()["detail"]) == [field]
    assert _state() == before


@pytest.mark.parametrize("role", ["public_user", "coordinator"])
def test_start_assessment_by_someone_without_a_centre_is_403(
    client, version, bearer, request, role
):
    headers = bearer(request.getfixturevalue(role))
    before = _state()

    response = _send(
        client, "post", "/api/v1/assessments", {"framework": "cdm-counsellor"}, headers
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only staff of a centre position themselves on the framework.",
        "detail": {},
    }
    assert _state() == before


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/v1/assessments"),
        ("get", "/api/v1/assessments/{id}"),
        ("post", "/api/v1/assessments"),
        ("put", "/api/v1/assessments/{id}/ratings"),
        ("put", "/api/v1/assessments/{id}/reviewer"),
        ("post", "/api/v1/assessments/{id}/review"),
        ("delete", "/api/v1/assessments/{id}"),
    ],
)
def test_without_token_is_401_and_changes_nothing(client, version, counsellor_a, method, url):
    assessment = _draft(counsellor_a, version)
    before = _state()

    response = _send(
        client, method, url.format(id=assessment.pk), {"framework": "cdm-counsellor"}, {}
    )

    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthenticated",
        "message": "A valid API token is required (Authorization: Bearer …).",
        "detail": {},
    }
    assert _state() == before


def test_session_without_token_is_401(client, version, counsellor_a):
    client.force_login(counsellor_a)

    response = client.get("/api/v1/assessments")

    assert response.status_code == 401


# --- List and read ----------------------------------------------------------------------------


@pytest.fixture
def assessments(version, counsellor_a, manager_a, counsellor_b, colleague_a):
    """Counsellor A's submitted assessment, manager A's own draft, counsellor B's submitted."""
    return {
        "a": _submitted(counsellor_a, version),
        "manager_a": _draft(manager_a, version),
        "b": _submitted(counsellor_b, version),
    }


@pytest.mark.parametrize(
    ("role", "query", "visible"),
    [
        ("counsellor_a", "", ["a"]),
        ("manager_a", "", ["manager_a", "a"]),
        ("manager_a", "?user=me", ["manager_a"]),
        ("manager_a", "?status=submitted", ["a"]),
        ("manager_a", "?status=reviewed", []),
        ("manager_a", "?framework=other", []),
        ("manager_a", "?framework=cdm-counsellor&status=draft", ["manager_a"]),
        ("manager_b", "", ["b"]),
        ("counsellor_b", "", ["b"]),
        ("colleague_a", "", []),
        ("coordinator", "", []),
        ("public_user", "", []),
    ],
)
def test_list_assessments_shows_what_the_user_may_see(
    client, assessments, bearer, request, role, query, visible
):
    headers = bearer(request.getfixturevalue(role))

    response = client.get(f"/api/v1/assessments{query}", **headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [
        assessments[name].pk for name in visible
    ]
    assert response.json()["count"] == len(visible)


def test_list_assessments_items_are_summaries(client, assessments, counsellor_a, bearer):
    response = client.get("/api/v1/assessments", **bearer(counsellor_a))

    assert response.json() == {"items": [_summary(assessments["a"])], "count": 1}


def test_named_reviewer_sees_the_assessment(client, assessments, manager_a, colleague_a, bearer):
    services.name_reviewer(actor=manager_a, assessment=assessments["a"], reviewer=colleague_a)
    headers = bearer(colleague_a)

    listed = client.get("/api/v1/assessments", **headers)
    one = client.get(f"/api/v1/assessments/{assessments['a'].pk}", **headers)

    assert [item["id"] for item in listed.json()["items"]] == [assessments["a"].pk]
    assert (one.status_code, one.json()["reviewer"]) == (200, "colleague-a@example.org")


@pytest.mark.parametrize(
    ("query", "field"),
    [("?status=done", "status"), ("?user=you", "user"), ("?limit=0", "limit")],
)
def test_list_assessments_with_bad_filter_is_422(
    client, assessments, manager_a, bearer, query, field
):
    response = client.get(f"/api/v1/assessments{query}", **bearer(manager_a))

    assert response.status_code == 422
    assert list(response.json()["detail"]) == [field]


@pytest.mark.parametrize("count", [1, 3])
def test_list_assessments_takes_a_fixed_number_of_queries(
    client, version, centre_a, manager_a, bearer, django_assert_num_queries, count
):
    for _number in range(count):
        _submitted(MembershipFactory(role=Role.COUNSELLOR, centre=centre_a).user, version)
    headers = bearer(manager_a)
    client.get("/api/v1/assessments", **headers)  # the token's first use records it

    # token, memberships, count, page.
    with django_assert_num_queries(4):
        response = client.get("/api/v1/assessments", **headers)

    assert response.json()["count"] == count


def test_get_assessment_shows_both_levels_by_competence_code(
    client, assessments, counsellor_a, manager_a, bearer
):
    assessment = assessments["a"]
    services.review_assessment(
        actor=manager_a,
        assessment=assessment,
        reviews={"A1": services.ReviewInput("maitrise", "Vu en atelier")},
        comment="Bon travail",
    )

    response = client.get(f"/api/v1/assessments/{assessment.pk}", **bearer(counsellor_a))

    assert response.status_code == 200
    assert response.json() == {
        **_summary(assessment, reviewed_by="manager-a@example.org"),
        "review_comment": "Bon travail",
        "ratings": {
            "A1": _rating("application", "maitrise", review_comment="Vu en atelier"),
            "A2": _rating("application", "application"),
            "B1": _rating("application", "application"),
            "B2": _rating("application", "application"),
        },
    }


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "public_user", "colleague_a"])
def test_get_assessment_hidden_from_user_is_404(client, assessments, bearer, request, role):
    headers = bearer(request.getfixturevalue(role))

    response = client.get(f"/api/v1/assessments/{assessments['a'].pk}", **headers, **EN)

    assert (response.status_code, response.json()) == (404, NOT_FOUND)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/assessments/999999", 404),
        ("/api/v1/assessments/0", 422),
        ("/api/v1/assessments/99999999999999999999", 422),
    ],
)
def test_get_assessment_unknown_or_bad_id(client, assessments, counsellor_a, bearer, url, status):
    response = client.get(url, **bearer(counsellor_a))

    assert response.status_code == status


@pytest.mark.parametrize(("blocks", "competences"), [(1, 2), (2, 5)], ids=["2", "10"])
def test_get_assessment_takes_a_fixed_number_of_queries(
    client, db, counsellor_a, bearer, django_assert_num_queries, blocks, competences
):
    version = published_version(blocks=blocks, competences=competences)
    assessment = _draft(counsellor_a, version, A1="application", A2="notions")
    headers = bearer(counsellor_a)
    client.get("/api/v1/assessments", **headers)  # the token's first use records it

    # token, memberships, the assessment, its ratings.
    with django_assert_num_queries(4):
        response = client.get(f"/api/v1/assessments/{assessment.pk}", **headers)

    assert list(response.json()["ratings"]) == ["A1", "A2"]


# --- Ratings ----------------------------------------------------------------------------------


def test_save_ratings_saves_levels_comments_and_evidence(client, version, counsellor_a, bearer):
    assessment = _draft(counsellor_a, version, B2="expertise")
    body = {
        "ratings": {
            "A1": {"level": "application", "comment": "En progrès", "evidence": "Ateliers CV"},
            "B2": {"level": None},
        }
    }

    response = _send(
        client, "put", f"/api/v1/assessments/{assessment.pk}/ratings", body, bearer(counsellor_a)
    )

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["ratings"] == {
        "A1": _rating("application", comment="En progrès", evidence="Ateliers CV"),
        "B2": _rating(None),
    }
    rows = AssessmentRating.objects.filter(assessment=assessment).order_by("competence__code")
    assert [(r.competence.code, r.level and r.level.code, r.comment) for r in rows] == [
        ("A1", "application", "En progrès"),
        ("B2", None, ""),
    ]
    assert _audit()[-1] == ("competencies.assessment.saved", "counsellor-a@example.org")


def test_save_ratings_with_submit_sends_to_review(client, version, counsellor_a, bearer):
    assessment = _draft(counsellor_a, version, A1="notions", A2="notions")
    body = {
        "ratings": {"B1": {"level": "maitrise"}, "B2": {"level": "expertise"}},
        "submit": True,
    }

    response = _send(
        client, "put", f"/api/v1/assessments/{assessment.pk}/ratings", body, bearer(counsellor_a)
    )

    assessment.refresh_from_db()
    assert response.status_code == 200
    assert (response.json()["status"], assessment.status) == ("submitted", "submitted")
    assert response.json()["submitted_at"] == _time(assessment.submitted_at)
    assert _audit()[-1] == ("competencies.assessment.submitted", "counsellor-a@example.org")


def test_submit_incomplete_is_422_and_saves_nothing(client, version, counsellor_a, bearer):
    assessment = _draft(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/ratings",
        {"ratings": {"A1": {"level": "application"}}, "submit": True},
        headers,
    )

    assert response.status_code == 422
    assert response.json() == {
        "code": "assessment_incomplete",
        "message": "Give a level for every competence before submitting: A2, B1, B2.",
        "detail": {"A2": ["Choose a level."], "B1": ["Choose a level."], "B2": ["Choose a level."]},
    }
    assert _state() == before


def test_save_ratings_on_a_submitted_assessment_is_409(client, version, counsellor_a, bearer):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/ratings",
        {"ratings": {"A1": {"level": "expertise"}}},
        headers,
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "assessment_not_draft",
        "message": "This self-assessment was submitted and can no longer change.",
        "detail": {},
    }
    assert _state() == before


def test_save_ratings_on_a_superseded_version_is_409(client, version, counsellor_a, bearer):
    assessment = _draft(counsellor_a, version)
    import_framework(actor=None, data=framework_data(), publish=True)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/ratings",
        {"ratings": {"A1": {"level": "expertise"}}},
        headers,
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "version_not_current",
        "message": "This version of the framework is no longer the current one; "
        "start a new self-assessment on the published version.",
        "detail": {},
    }
    assert _state() == before


def test_save_ratings_with_unknown_codes_is_422_and_changes_nothing(
    client, version, counsellor_a, bearer
):
    assessment = _draft(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/ratings",
        {
            "ratings": {
                "Z9": {"level": "application"},
                "A1": {"level": "guru", "comment": "x" * 2001},
            }
        },
        headers,
    )

    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid",
        "message": "There is no competence “Z9” in this version.",
        "detail": {
            "Z9": ["There is no competence “Z9” in this version."],
            "A1": [
                "The level “guru” is not on the scale.",
                "Keep comments under 2000 characters.",
            ],
        },
    }
    assert _state() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"ratings": {"A1": {"level": 3}}}, "ratings.A1.level"),
        ({"ratings": {"A1": {"colour": "red"}}}, "ratings.A1.colour"),
        ({"ratings": ["A1"]}, "ratings"),
        ({"submit": "yes"}, "submit"),
        ({"submit": 1}, "submit"),
        ({"ratings": {}, "status": "submitted"}, "status"),
        ({"ratings": {"A1": {"level": "application", "comment": "a\x00b"}}}, "body"),
        ("{not json", "body"),
    ],
)
def test_save_ratings_with_bad_body_is_4xx_and_changes_nothing(
    client, version, counsellor_a, bearer, body, field
):
    assessment = _draft(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "put", f"/api/v1/assessments/{assessment.pk}/ratings", body, headers)

    if body == "{not json":
        assert (response.status_code, response.json()["code"]) == (400, "bad_request")
    else:
        assert response.status_code == 422
        assert list(response.json()["detail"]) == [field]
    assert set(response.json()) == {"code", "message", "detail"}
    assert _state() == before


def test_save_ratings_of_someone_else_by_their_manager_is_403(
    client, version, counsellor_a, manager_a, bearer
):
    assessment = _draft(counsellor_a, version)
    headers = bearer(manager_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/ratings",
        {"ratings": {"A1": {"level": "expertise"}}},
        headers,
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only the person assessed may change their self-assessment.",
        "detail": {},
    }
    assert _state() == before


# --- Every write on another centre's assessment, or by a coordinator: 404 ---------------------

WRITES = [
    ("put", "/api/v1/assessments/{id}/ratings", {"ratings": {"A1": {"level": "expertise"}}}),
    ("put", "/api/v1/assessments/{id}/reviewer", {"reviewer": None}),
    ("post", "/api/v1/assessments/{id}/review", {}),
    ("post", "/api/v1/assessments/{id}/plan", {}),
    ("delete", "/api/v1/assessments/{id}", {}),
]


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "public_user"])
@pytest.mark.parametrize(
    ("method", "url", "body"), WRITES, ids=["ratings", "reviewer", "review", "plan", "delete"]
)
def test_write_on_hidden_assessment_is_404_and_changes_nothing(
    client, version, counsellor_a, bearer, request, role, method, url, body
):
    assessment = _draft(counsellor_a, version)
    headers = bearer(request.getfixturevalue(role))
    before = _state()

    response = _send(client, method, url.format(id=assessment.pk), body, headers)

    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert _state() == before


# --- Review -----------------------------------------------------------------------------------


def test_review_sets_levels_and_comments(client, version, counsellor_a, manager_a, bearer):
    assessment = _submitted(counsellor_a, version)
    body = {
        "reviews": {
            "A1": {"level": "maitrise", "comment": "Vu en atelier"},
            "B2": {"level": None, "comment": "D'accord"},
        },
        "comment": "Bon travail",
    }

    response = _send(
        client, "post", f"/api/v1/assessments/{assessment.pk}/review", body, bearer(manager_a)
    )

    assessment.refresh_from_db()
    assert response.status_code == 200
    assert response.json() == {
        **_summary(assessment, reviewed_by="manager-a@example.org"),
        "review_comment": "Bon travail",
        "ratings": {
            "A1": _rating("application", "maitrise", review_comment="Vu en atelier"),
            "A2": _rating("application", "application"),
            "B1": _rating("application", "application"),
            "B2": _rating("application", "application", review_comment="D'accord"),
        },
    }
    assert assessment.status == "reviewed"
    assert _audit()[-1] == ("competencies.assessment.reviewed", "manager-a@example.org")


def test_review_by_the_named_reviewer_is_allowed(
    client, version, counsellor_a, manager_a, colleague_a, bearer
):
    assessment = _submitted(counsellor_a, version)
    services.name_reviewer(actor=manager_a, assessment=assessment, reviewer=colleague_a)

    response = _send(
        client, "post", f"/api/v1/assessments/{assessment.pk}/review", {}, bearer(colleague_a)
    )

    assert (response.status_code, response.json()["reviewed_by"]) == (
        200,
        "colleague-a@example.org",
    )


def test_review_of_ones_own_assessment_is_403(client, version, counsellor_a, bearer):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/review", {}, headers)

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": (
            "Only this centre's managers, or the reviewer they named, review this assessment."
        ),
        "detail": {},
    }
    assert _state() == before


@pytest.mark.parametrize("state", ["draft", "reviewed"])
def test_review_of_an_assessment_not_submitted_is_409(
    client, version, counsellor_a, manager_a, bearer, state
):
    if state == "draft":
        assessment = _draft(counsellor_a, version)
    else:
        assessment = _submitted(counsellor_a, version)
        services.review_assessment(actor=manager_a, assessment=assessment, reviews={})
    headers = bearer(manager_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/review", {}, headers)

    assert response.status_code == 409
    assert response.json() == {
        "code": "assessment_not_submitted",
        "message": (f"Only a submitted self-assessment can be reviewed; this one is {state}."),
        "detail": {},
    }
    assert _state() == before


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        (
            {"reviews": {"A1": {"level": "guru"}}},
            422,
            {"A1": ["The level “guru” is not on the scale."]},
        ),
        (
            {"reviews": {"Z9": {}}},
            422,
            {"Z9": ["There is no competence “Z9” in this version."]},
        ),
        ({"comment": "x" * 4001}, 422, {"comment": ["Keep comments under 4000 characters."]}),
        ({"reviews": {"A1": {"level": "maitrise", "mood": "happy"}}}, 422, None),
        ({"comment": None}, 422, None),
    ],
    ids=["unknown-level", "unknown-competence", "long-comment", "unknown-field", "null-comment"],
)
def test_review_with_bad_body_is_422_and_changes_nothing(
    client, version, counsellor_a, manager_a, bearer, body, status, detail
):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(manager_a)
    before = _state()

    response = _send(client, "post", f"/api/v1/assessments/{assessment.pk}/review", body, headers)

    assert response.status_code == status
    if detail is not None:
        assert response.json()["detail"] == detail
    assert _state() == before


# --- Reviewer ---------------------------------------------------------------------------------


def test_name_reviewer_by_email(client, version, counsellor_a, manager_a, colleague_a, bearer):
    assessment = _submitted(counsellor_a, version)

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/reviewer",
        {"reviewer": " Colleague-A@example.org "},
        bearer(manager_a),
    )

    assessment.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["reviewer"] == "colleague-a@example.org"
    assert assessment.reviewer == colleague_a
    assert _audit()[-1] == ("competencies.assessment.reviewer_named", "manager-a@example.org")


def test_name_reviewer_null_gives_the_review_back_to_the_managers(
    client, version, counsellor_a, manager_a, colleague_a, bearer
):
    assessment = _submitted(counsellor_a, version)
    services.name_reviewer(actor=manager_a, assessment=assessment, reviewer=colleague_a)

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/reviewer",
        {"reviewer": None},
        bearer(manager_a),
    )

    assessment.refresh_from_db()
    assert (response.status_code, response.json()["reviewer"]) == (200, None)
    assert assessment.reviewer is None


STAFF_OF_CENTRE = "The reviewer must be on the staff of this centre."


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"reviewer": "nobody@example.org"}, {"reviewer": [STAFF_OF_CENTRE]}),
        ({"reviewer": "counsellor-b@example.org"}, {"reviewer": [STAFF_OF_CENTRE]}),
        (
            {"reviewer": "counsellor-a@example.org"},
            {"reviewer": ["Nobody reviews their own self-assessment."]},
        ),
        ({}, {"reviewer": ["Field required"]}),
        ({"reviewer": 12}, {"reviewer": ["Input should be a valid string"]}),
    ],
    ids=["unknown", "other-centre", "themself", "missing", "wrong-type"],
)
def test_name_reviewer_refused_is_422_and_changes_nothing(
    client, version, counsellor_a, manager_a, counsellor_b, bearer, body, detail
):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(manager_a)
    before = _state()

    response = _send(client, "put", f"/api/v1/assessments/{assessment.pk}/reviewer", body, headers)

    assert response.status_code == 422
    assert response.json()["detail"] == detail
    assert _state() == before


def test_name_reviewer_by_the_counsellor_is_403(client, version, counsellor_a, colleague_a, bearer):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/reviewer",
        {"reviewer": "colleague-a@example.org"},
        headers,
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only this centre's managers name a reviewer.",
        "detail": {},
    }
    assert _state() == before


def test_name_reviewer_after_review_is_409(
    client, version, counsellor_a, manager_a, colleague_a, bearer
):
    assessment = _submitted(counsellor_a, version)
    services.review_assessment(actor=manager_a, assessment=assessment, reviews={})
    headers = bearer(manager_a)
    before = _state()

    response = _send(
        client,
        "put",
        f"/api/v1/assessments/{assessment.pk}/reviewer",
        {"reviewer": "colleague-a@example.org"},
        headers,
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "already_reviewed",
        "message": "This self-assessment is already reviewed.",
        "detail": {},
    }
    assert _state() == before


# --- Delete -----------------------------------------------------------------------------------


def test_delete_own_draft_removes_it(client, version, counsellor_a, bearer):
    assessment = _draft(counsellor_a, version, A1="notions")

    response = client.delete(f"/api/v1/assessments/{assessment.pk}", **bearer(counsellor_a))

    assert (response.status_code, response.content) == (204, b"")
    assert SelfAssessment.objects.filter(pk=assessment.pk).exists() is False
    assert AssessmentRating.objects.count() == 0
    assert _audit()[-1] == ("competencies.assessment.deleted", "counsellor-a@example.org")


def test_delete_submitted_assessment_is_409(client, version, counsellor_a, bearer):
    assessment = _submitted(counsellor_a, version)
    headers = bearer(counsellor_a)
    before = _state()

    response = client.delete(f"/api/v1/assessments/{assessment.pk}", **headers, **EN)

    assert response.status_code == 409
    assert response.json() == {
        "code": "assessment_not_draft",
        "message": "A submitted self-assessment is kept; only drafts can be deleted.",
        "detail": {},
    }
    assert _state() == before


def test_delete_draft_of_a_counsellor_by_their_manager_is_403(
    client, version, counsellor_a, manager_a, bearer
):
    assessment = _draft(counsellor_a, version)
    headers = bearer(manager_a)
    before = _state()

    response = client.delete(f"/api/v1/assessments/{assessment.pk}", **headers, **EN)

    assert response.status_code == 403
    assert response.json()["message"] == "Only the person assessed may delete their draft."
    assert _state() == before
