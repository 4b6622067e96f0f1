"""Odd bodies sent to the agenda's API get a 4xx with {code, message, detail}, never a 500, and
change nothing: a table of known bad bodies for every write, then random ones (Hypothesis)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.agenda import EventFactory, QuestionFactory, RegistrationFactory
from tests.factories.agenda_api import agenda_rows, bearer, send

NEW_EVENT = {
    "title": "Réunion",
    "start": "2030-03-14T09:30:00+01:00",
    "end": "2030-03-14T12:00:00+01:00",
    "capacity": 12,
    "waitlist": False,
    "audience": "public",
    "centre": "centre-a",
}
PERSON = {"name": "Ana Sousa", "email": "ana@example.org", "consent": True}


@pytest.fixture
def event(centre_a):
    return EventFactory(centre=centre_a, capacity=5)


@pytest.fixture
def registered(event):
    return RegistrationFactory(event=event)


def _error_shape(response):
    body = response.json()
    assert sorted(body) == ["code", "detail", "message"]
    assert isinstance(body["message"], str)
    assert body["message"]
    return body


CREATE_BODIES = [
    ("{not json", 400),
    ("[]", 422),
    ('"text"', 422),
    ("null", 422),
    ({}, 422),
    ({**NEW_EVENT, "unknown": 1}, 422),
    ({**NEW_EVENT, "title": 5}, 422),
    ({**NEW_EVENT, "title": {"fr": 5}}, 422),
    ({**NEW_EVENT, "title": {"xx": "Réunion"}}, 422),
    ({**NEW_EVENT, "title": ""}, 422),
    ({**NEW_EVENT, "title": "a\x00b"}, 422),
    ({**NEW_EVENT, "title": {"fr\x00": "Réunion"}}, 422),
    ({**NEW_EVENT, "summary": ["a"]}, 422),
    ({**NEW_EVENT, "capacity": -1}, 422),
    ({**NEW_EVENT, "capacity": "10"}, 422),
    ({**NEW_EVENT, "capacity": 1.5}, 422),
    ({**NEW_EVENT, "capacity": 2**40}, 422),
    ({**NEW_EVENT, "waitlist": "yes"}, 422),
    ({**NEW_EVENT, "waitlist": None}, 422),
    ({**NEW_EVENT, "audience": "everyone"}, 422),
    ({**NEW_EVENT, "kind": "party"}, 422),
    ({**NEW_EVENT, "kind": None}, 422),
    ({**NEW_EVENT, "status": "cancelled"}, 422),
    ({**NEW_EVENT, "site": "paris"}, 422),
    ({**NEW_EVENT, "site": 2**70}, 422),
    ({**NEW_EVENT, "site": 0}, 422),
    ({**NEW_EVENT, "centre": "a\x00"}, 422),
    ({**NEW_EVENT, "centre": 5}, 422),
    ({**NEW_EVENT, "languages": "fr"}, 422),
    ({**NEW_EVENT, "languages": [1]}, 422),
    ({**NEW_EVENT, "original_language": "xx"}, 422),
    ({**NEW_EVENT, "timezone": "x" * 100}, 422),
    ({**NEW_EVENT, "timezone": ""}, 422),
    ({**NEW_EVENT, "venue_name": "x" * 1000}, 422),
    ({**NEW_EVENT, "online_url": "javascript:alert(1)"}, 422),
    ({**NEW_EVENT, "start": "9999-12-31T23:59:59-23:59"}, 422),
    ({**NEW_EVENT, "start": "0001-01-01T00:00:00+01:00"}, 422),
    ({**NEW_EVENT, "start": "2030-02-30T09:00:00+01:00"}, 422),
    ({**NEW_EVENT, "start": "2030-03-14T09:30:00+25:00"}, 422),
    ({**NEW_EVENT, "registration_opens": "2030-03-01"}, 422),
    ({**NEW_EVENT, "registration_closes": 0}, 422),
]


@pytest.mark.parametrize(("body", "status"), CREATE_BODIES)
def test_create_event_with_a_bad_body_changes_nothing(client, event, manager_a, body, status):
    before = agenda_rows()

    response = send(client, "post", "/api/v1/events", body, **bearer(manager_a))

    assert response.status_code == status, response.content[:300]
    assert _error_shape(response)["code"] == ("bad_request" if status == 400 else "invalid")
    assert agenda_rows() == before


PATCH_BODIES = [
    ("{not json", 400),
    ({}, 422),
    ({"lock_version": "1"}, 422),
    ({"lock_version": 0}, 422),
    ({"lock_version": None}, 422),
    ({"lock_version": 2**40}, 422),
    ({"lock_version": 1, "title": None}, 422),
    ({"lock_version": 1, "start": None}, 422),
    ({"lock_version": 1, "capacity": "x"}, 422),
    ({"lock_version": 1, "audience": None}, 422),
    ({"lock_version": 1, "status": "archived"}, 422),
    ({"lock_version": 1, "slug": "other"}, 422),
    ({"lock_version": 1, "confirmed_count": 0}, 422),
    ({"lock_version": 1, "description": "a\x00"}, 422),
    ({"lock_version": 1, "start": "2030-01-01T10:00:00"}, 422),
    ({"lock_version": 1, "title": {"fr": ""}}, 422),
]


@pytest.mark.parametrize(("body", "status"), PATCH_BODIES)
def test_update_event_with_a_bad_body_changes_nothing(client, event, manager_a, body, status):
    before = agenda_rows()

    response = send(client, "patch", f"/api/v1/events/{event.pk}", body, **bearer(manager_a))

    assert response.status_code == status, response.content[:300]
    _error_shape(response)
    assert agenda_rows() == before


REGISTRATION_BODIES = [
    ("{not json", 400),
    ("[]", 422),
    ({}, 422),
    ({**PERSON, "name": 1}, 422),
    ({**PERSON, "name": None}, 422),
    ({**PERSON, "email": 5}, 422),
    ({**PERSON, "email": "a" * 250 + "@example.org"}, 422),
    ({**PERSON, "email": "ana@example.org\x00"}, 422),
    ({**PERSON, "name": "Ana\x00"}, 422),
    ({**PERSON, "name": "x" * 151}, 422),
    ({**PERSON, "consent": "true"}, 422),
    ({**PERSON, "consent": 1}, 422),
    ({**PERSON, "consent": None}, 422),
    ({**PERSON, "answers": []}, 422),
    ({**PERSON, "answers": None}, 422),
    ({**PERSON, "answers": {"QUESTION": {"a": 1}}}, 422),
    ({**PERSON, "answers": {"QUESTION": ["a"]}}, 422),
    ({**PERSON, "answers": {"QUESTION": "x" * 2001}}, 422),
    ({**PERSON, "answers": {"not-a-question": "x"}}, 422),
    ({**PERSON, "language": "xx"}, 422),
    ({**PERSON, "language": 5}, 422),
    ({**PERSON, "token": "x"}, 422),
    ({**PERSON, "status": "confirmed"}, 422),
]


@pytest.mark.parametrize(("body", "status"), REGISTRATION_BODIES)
def test_register_with_a_bad_body_changes_nothing(client, event, body, status):
    question = QuestionFactory(event=event)
    if isinstance(body, dict) and isinstance(body.get("answers"), dict):
        body = {
            **body,
            "answers": {
                (str(question.pk) if key == "QUESTION" else key): value
                for key, value in body["answers"].items()
            },
        }
    before = agenda_rows()

    response = send(client, "post", f"/api/v1/events/{event.pk}/registrations", body)

    assert response.status_code == status, response.content[:300]
    _error_shape(response)
    assert agenda_rows() == before


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ({}, 422),
        ({"token": None}, 422),
        ({"token": 5}, 422),
        ({"token": ["x"]}, 422),
        ({"token": "a\x00"}, 422),
        ({"token": "x", "id": 1}, 422),
    ],
)
def test_cancel_with_token_with_a_bad_body_changes_nothing(client, event, body, status):
    RegistrationFactory(event=event)
    before = agenda_rows()

    response = send(client, "post", "/api/v1/registrations/cancel", body)

    assert response.status_code == status, response.content[:300]
    _error_shape(response)
    assert agenda_rows() == before


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ({"token": 5}, 422),
        ({"registration": "1"}, 422),
        ({"registration": 0}, 422),
        ({"registration": 2**70}, 422),
        ({"registration": True}, 422),
        ({"token": "a\x00"}, 422),
        ({"token": "x", "secret": "y"}, 422),
    ],
)
def test_check_in_with_a_bad_body_changes_nothing(client, event, manager_a, body, status):
    RegistrationFactory(event=event)
    before = agenda_rows()

    response = send(
        client, "post", f"/api/v1/events/{event.pk}/check-in", body, **bearer(manager_a)
    )

    assert response.status_code == status, response.content[:300]
    _error_shape(response)
    assert agenda_rows() == before


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/0/registrations",
        "/api/v1/events/-1/check-in",
        "/api/v1/events/abc",
        "/api/v1/events/99999999999999999999999",
    ],
)
def test_bad_ids_in_paths_are_4xx(client, event, manager_a, path):
    before = agenda_rows()

    response = send(client, "post", path, {"token": "x"}, **bearer(manager_a))

    assert 400 <= response.status_code < 500
    assert agenda_rows() == before


def test_delete_with_bad_ids_is_4xx(client, event, manager_a):
    response = client.delete(
        f"/api/v1/events/{event.pk}/registrations/99999999999999999999999", **bearer(manager_a)
    )

    assert response.status_code == 422


# --- Random bodies ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


def _mutations(valid, fields):
    keys = st.sampled_from([*fields, "extra"])
    return st.dictionaries(keys, JSON_VALUES, min_size=1, max_size=3).map(
        lambda changes: {**valid, **changes}
    )


def _answered_without_500(response, before):
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        _error_shape(response)
        assert agenda_rows() == before


EVENT_FIELDS = [
    "title",
    "start",
    "end",
    "capacity",
    "waitlist",
    "audience",
    "kind",
    "centre",
    "timezone",
    "original_language",
    "summary",
    "registration_opens",
    "registration_closes",
    "site",
    "languages",
    "status",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=_mutations(NEW_EVENT, EVENT_FIELDS))
def test_create_event_with_any_body_answers_without_error(client, event, manager_a, body):
    before = agenda_rows()

    response = send(client, "post", "/api/v1/events", body, **bearer(manager_a))

    _answered_without_500(response, before)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=_mutations({**PERSON, "answers": {}}, ["name", "email", "consent", "answers"]))
def test_register_with_any_body_answers_without_error(client, event, body):
    before = agenda_rows()

    response = send(client, "post", f"/api/v1/events/{event.pk}/registrations", body)

    _answered_without_500(response, before)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=st.dictionaries(st.sampled_from(["token", "extra"]), JSON_VALUES, max_size=2))
def test_cancel_with_any_body_answers_without_error(client, registered, body):
    before = agenda_rows()

    response = send(client, "post", "/api/v1/registrations/cancel", body)

    _answered_without_500(response, before)


def test_json_with_a_nul_escape_is_422(client, event):
    before = agenda_rows()

    response = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        json.dumps({**PERSON, "name": "Ana\u0000"}),
        content_type="application/json",
    )

    assert (response.status_code, response.json()["code"]) == (422, "invalid")
    assert agenda_rows() == before
