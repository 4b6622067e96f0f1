"""The OpenAPI document of /api/v1/ lists every endpoint with its schemas."""

import pytest

PATHS = {
    "/api/v1/centres": {"get"},
    "/api/v1/centres/{slug}": {"get", "patch"},
    "/api/v1/centres/{slug}/sites": {"get", "post"},
    "/api/v1/centres/{slug}/sites/{site_id}": {"patch", "delete"},
    "/api/v1/centres/{slug}/sites/{site_id}/services": {"post"},
    "/api/v1/centres/{slug}/label-status": {"post"},
    "/api/v1/sites": {"get"},
    "/api/v1/sites/{site_id}": {"get"},
    "/api/v1/service-types": {"get"},
    "/api/v1/partners": {"get"},
    "/api/v1/partners/{slug}": {"get"},
    "/api/v1/me": {"get"},
    "/api/v1/frameworks": {"get"},
    "/api/v1/frameworks/{slug}": {"get"},
    "/api/v1/frameworks/{slug}/versions": {"get"},
    "/api/v1/frameworks/{slug}/versions/{number}": {"get"},
    "/api/v1/assessments": {"get", "post"},
    "/api/v1/assessments/{assessment_id}": {"get", "delete"},
    "/api/v1/assessments/{assessment_id}/ratings": {"put"},
    "/api/v1/assessments/{assessment_id}/reviewer": {"put"},
    "/api/v1/assessments/{assessment_id}/review": {"post"},
    "/api/v1/assessments/{assessment_id}/plan": {"post"},
    "/api/v1/plans": {"get"},
    "/api/v1/plans/{plan_id}": {"get"},
    "/api/v1/plans/{plan_id}/goals": {"post"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}": {"patch", "delete"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}/actions": {"post"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}/actions/{action_id}": {"patch", "delete"},
    "/api/v1/plans/{plan_id}/agree": {"post"},
    "/api/v1/plans/{plan_id}/close": {"post"},
    "/api/v1/practices": {"get", "post"},
    "/api/v1/practices/{practice_id}": {"get", "patch"},
    "/api/v1/practices/{practice_id}/submit": {"post"},
    "/api/v1/practices/{practice_id}/withdraw": {"post"},
    "/api/v1/practices/{practice_id}/resubmit": {"post"},
    "/api/v1/practices/{practice_id}/request-changes": {"post"},
    "/api/v1/practices/{practice_id}/publish": {"post"},
    "/api/v1/practices/{practice_id}/archive": {"post"},
    "/api/v1/practices/{practice_id}/restore": {"post"},
    "/api/v1/practices/{practice_id}/translations/{language}": {"put"},
    "/api/v1/practices/{practice_id}/translations/{language}/status": {"post"},
    "/api/v1/practices/{practice_id}/comments": {"post"},
    "/api/v1/practices/{practice_id}/trials": {"post"},
    "/api/v1/practices/{practice_id}/follow": {"put", "delete"},
    "/api/v1/events": {"get", "post"},
    "/api/v1/events/{event_id}": {"get", "patch"},
    "/api/v1/events/{event_id}/registrations": {"get", "post"},
    "/api/v1/events/{event_id}/registrations/{registration_id}": {"delete"},
    "/api/v1/events/{event_id}/check-in": {"post"},
    "/api/v1/recruitments/{event_id}": {"get"},
    "/api/v1/recruitments/{event_id}/interviews": {"get"},
    "/api/v1/recruitments/{event_id}/interviews/{interview_id}": {"patch"},
    "/api/v1/recruitments/{event_id}/schedule-runs": {"post"},
    "/api/v1/recruitments/{event_id}/schedule-runs/{run_id}": {"get"},
    "/api/v1/registrations/cancel": {"post"},
}


@pytest.fixture
def openapi(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_lists_every_path_and_method(openapi):
    assert {path: set(operations) for path, operations in openapi["paths"].items()} == PATHS


def test_openapi_documents_the_bodies_and_answers(openapi):
    paths = openapi["paths"]
    body = paths["/api/v1/centres/{slug}/sites"]["post"]["requestBody"]["content"]
    answers = paths["/api/v1/centres/{slug}/sites"]["post"]["responses"]

    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/SiteIn"}
    assert answers["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SiteOut"
    }
    assert answers["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }
    assert openapi["components"]["schemas"]["SiteIn"]["additionalProperties"] is False
    assert openapi["components"]["schemas"]["SiteIn"]["required"] == ["slug", "name", "commune"]
    assert sorted(openapi["components"]["schemas"]["ErrorOut"]["required"]) == [
        "code",
        "detail",
        "message",
    ]


def test_openapi_reads_take_an_optional_token_and_writes_need_one(openapi):
    paths = openapi["paths"]

    assert paths["/api/v1/centres"]["get"]["security"] == [{"TokenAuth": []}, {}]
    assert paths["/api/v1/centres/{slug}"]["patch"]["security"] == [{"TokenAuth": []}]
    assert openapi["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"}
    }
