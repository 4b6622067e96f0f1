def test_unknown_api_path_answers_json_404(client):
    response = client.get("/api/v1/no-such-thing", HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response.json()) == (
        404,
        {"code": "not_found", "message": "Not found.", "detail": {}},
    )


def test_wrong_method_on_api_answers_json_405(client, db):
    response = client.put("/api/v1/service-types")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response.json()["detail"] == {"allowed": ["GET"]}
