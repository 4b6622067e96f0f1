"""Events in the JSON API: public list and detail, creating and changing events with a token.

Refused and invalid writes change nothing: every such test compares the rows before and after.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cocade.agenda.enums import Audience, EventKind, EventStatus, RegistrationStatus
from cocade.agenda.models import Event
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import (
    EventFactory,
    EventSessionFactory,
    InvitationFactory,
    QuestionFactory,
    RegistrationFactory,
    in_days,
)
from tests.factories.agenda_api import EN, agenda_rows, bearer, send
from tests.factories.directory import CentreFactory, SiteFactory


def _stamp(value):
    """A date and time as the API writes it (UTC)."""
    return DjangoJSONEncoder().default(value.astimezone(datetime.UTC))


def _slugs(response):
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def agenda(centre_a, centre_b, counsellor_a):
    """Upcoming public events of centres A and B (one cancelled), a past one, a draft, a
    members' event and a network meeting to which counsellor A is invited."""
    centre_b.country = "PT"
    centre_b.save()
    paris = SiteFactory(
        centre=centre_a,
        slug="paris",
        name={"fr": "Site de Paris", "en": "Paris site"},
        address="30 avenue Corentin-Cariou",
        postcode="75019",
        commune="Paris",
        latitude=Decimal("48.895600"),
        longitude=Decimal("2.388100"),
    )
    workshop = EventFactory(
        centre=centre_a,
        slug="atelier-cv",
        kind=EventKind.WORKSHOP,
        title={"fr": "Atelier CV", "en": "CV workshop"},
        summary={"fr": "Écrire son CV.", "en": "Write your CV."},
        description={"fr": "Venez avec votre CV.", "en": "Bring your CV."},
        site=paris,
        starts_at=in_days(10, 9),
        ends_at=in_days(10, 12),
        capacity=20,
        waitlist=True,
        languages=["fr", "en"],
        registration_closes_at=in_days(9, 18),
    )
    quiz = EventFactory(
        centre=centre_b,
        slug="quiz-metiers",
        kind=EventKind.QUIZ,
        original_language="pt",
        title={"pt": "Quiz das profissões"},
        summary={},
        starts_at=in_days(5, 14),
        ends_at=in_days(5, 16),
        online_url="https://meet.example.org/quiz",
        capacity=None,
        languages=["pt"],
    )
    forum = EventFactory(
        centre=centre_a,
        slug="forum",
        kind=EventKind.CONFERENCE,
        status=EventStatus.CANCELLED,
        starts_at=in_days(20),
    )
    past = EventFactory(
        centre=centre_a, slug="passe", starts_at=in_days(-30), ends_at=in_days(-30, 12)
    )
    draft = EventFactory(centre=centre_a, slug="brouillon", status=EventStatus.DRAFT)
    members = EventFactory(
        centre=centre_a, slug="reunion-equipe", audience=Audience.MEMBERS, starts_at=in_days(3)
    )
    meeting = EventFactory(
        centre=None,
        slug="comex",
        kind=EventKind.COMMITTEE,
        audience=Audience.INVITED,
        starts_at=in_days(7),
    )
    InvitationFactory(event=meeting, user=counsellor_a)
    return SimpleNamespace(
        paris=paris,
        workshop=workshop,
        quiz=quiz,
        forum=forum,
        past=past,
        draft=draft,
        members=members,
        meeting=meeting,
    )


# --- Listing ----------------------------------------------------------------------------------


def test_list_without_token_gives_the_upcoming_public_events_by_start(client, agenda):
    response = client.get("/api/v1/events")

    assert response.status_code == 200
    assert (response.json()["count"], _slugs(response)) == (
        3,
        ["quiz-metiers", "atelier-cv", "forum"],
    )


def test_list_item_gives_the_event_in_the_readers_language(client, agenda):
    workshop = agenda.workshop

    response = client.get("/api/v1/events?kind=workshop&centre=centre-a", **EN)

    assert response.json()["results"] == [
        {
            "id": workshop.pk,
            "slug": "atelier-cv",
            "kind": "workshop",
            "audience": "public",
            "status": "published",
            "centre": "centre-a",
            "title": "CV workshop",
            "title_language": "en",
            "summary": "Write your CV.",
            "start": _stamp(workshop.starts_at),
            "end": _stamp(workshop.ends_at),
            "timezone": "Europe/Paris",
            "venue": {
                "site": agenda.paris.pk,
                "name": "Paris site",
                "address": "30 avenue Corentin-Cariou",
                "postcode": "75019",
                "commune": "Paris",
                "latitude": 48.8956,
                "longitude": 2.3881,
            },
            "online_url": "",
            "languages": ["fr", "en"],
            "capacity": 20,
            "seats_left": 20,
            "waitlist": True,
            "registration_opens": None,
            "registration_closes": _stamp(workshop.registration_closes_at),
            "url": "http://testserver/en/agenda/atelier-cv/",
            "ics": "http://testserver/en/agenda/atelier-cv/event.ics",
        }
    ]


def test_list_lang_parameter_wins_over_accept_language(client, agenda):
    response = client.get("/api/v1/events?lang=fr&centre=centre-a&kind=workshop", **EN)

    item = response.json()["results"][0]
    assert (item["title"], item["title_language"], item["url"]) == (
        "Atelier CV",
        "fr",
        "http://testserver/fr/agenda/atelier-cv/",
    )


def test_list_gives_the_original_title_when_the_language_is_missing(client, agenda):
    response = client.get("/api/v1/events?centre=centre-b", **EN)

    item = response.json()["results"][0]
    assert (item["title"], item["title_language"], item["venue"], item["capacity"]) == (
        "Quiz das profissões",
        "pt",
        None,
        None,
    )
    assert (item["online_url"], item["seats_left"]) == ("https://meet.example.org/quiz", None)


def test_list_with_a_token_adds_what_its_user_may_see(
    client, agenda, public_user, counsellor_a, manager_b, manager_a
):
    public = client.get("/api/v1/events", **bearer(public_user))
    member = client.get("/api/v1/events", **bearer(manager_b))
    invitee = client.get("/api/v1/events", **bearer(counsellor_a))
    organiser = client.get("/api/v1/events", **bearer(manager_a))

    assert _slugs(public) == ["quiz-metiers", "atelier-cv", "forum"]
    assert _slugs(member) == ["reunion-equipe", "quiz-metiers", "atelier-cv", "forum"]
    assert _slugs(invitee) == ["reunion-equipe", "quiz-metiers", "comex", "atelier-cv", "forum"]
    assert _slugs(organiser) == [
        "reunion-equipe",
        "quiz-metiers",
        "atelier-cv",
        "brouillon",
        "forum",
    ]


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("centre=centre-b", ["quiz-metiers"]),
        ("centre=unknown", []),
        ("country=pt", ["quiz-metiers"]),
        ("country=FR", ["atelier-cv", "forum"]),
        ("kind=quiz", ["quiz-metiers"]),
        ("kind=committee", []),
    ],
)
def test_list_filters_by_centre_country_and_kind(client, agenda, query, slugs):
    response = client.get(f"/api/v1/events?{query}")

    assert _slugs(response) == slugs


def test_list_filters_by_days(client, agenda):
    day = agenda.workshop.starts_at.date()
    month_ago = (agenda.past.starts_at - datetime.timedelta(days=1)).date()

    on_the_day = client.get(f"/api/v1/events?from={day}&to={day}")
    since_a_month = client.get(f"/api/v1/events?from={month_ago}")
    until_the_day = client.get(f"/api/v1/events?to={day}")

    assert _slugs(on_the_day) == ["atelier-cv"]
    assert _slugs(since_a_month) == ["passe", "quiz-metiers", "atelier-cv", "forum"]
    assert _slugs(until_the_day) == ["passe", "quiz-metiers", "atelier-cv"]


def test_list_gives_one_page_with_the_total_count(client, agenda):
    response = client.get("/api/v1/events?page=2&page_size=2")

    assert (response.json()["count"], response.json()["page"], _slugs(response)) == (
        3,
        2,
        ["forum"],
    )


def test_list_makes_the_same_number_of_queries_for_3_and_6_events(client, agenda, centre_a):
    with CaptureQueriesContext(connection) as three:
        client.get("/api/v1/events")
    for number in range(3):
        EventFactory(centre=centre_a, site=agenda.paris, starts_at=in_days(30 + number))
    with CaptureQueriesContext(connection) as six:
        response = client.get("/api/v1/events")

    assert response.json()["count"] == 6
    assert len(six) == len(three)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kind=party", "kind"),
        ("country=France", "country"),
        ("country=%00%00", "country"),
        ("centre=a%00b", "centre"),
        ("from=yesterday", "from"),
        ("from=0001-01-01", "from"),
        ("to=9999-12-31", "to"),
        ("page=0", "page"),
        ("page=99999999999999999999", "page"),
        ("page_size=1000", "page_size"),
        ("lang=xx", "lang"),
    ],
)
def test_list_with_malformed_parameters_is_422(client, agenda, query, field):
    response = client.get(f"/api/v1/events?{query}")

    assert response.status_code == 422
    assert (response.json()["code"], list(response.json()["detail"])) == ("invalid", [field])


def test_list_with_a_bad_token_is_401(client, agenda):
    response = client.get("/api/v1/events", HTTP_AUTHORIZATION="Bearer cct_nothing")

    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")


# --- One event --------------------------------------------------------------------------------


def test_detail_adds_the_description_timetable_and_questions(client, agenda):
    workshop = agenda.workshop
    session = EventSessionFactory(
        event=workshop, title={"fr": "Accueil", "en": "Welcome"}, place="Salle 1"
    )
    choice = QuestionFactory(
        event=workshop,
        kind="choice",
        label={"fr": "Niveau", "en": "Level"},
        help_text={"fr": "Votre niveau"},
        choices=[{"fr": "Débutant", "en": "Beginner"}, {"fr": "Avancé", "en": "Advanced"}],
        required=True,
        position=1,
    )
    consent = QuestionFactory(event=workshop, kind="consent", label={"fr": "Photos"}, position=2)

    response = client.get(f"/api/v1/events/{workshop.pk}", **EN)

    body = response.json()
    assert response.status_code == 200
    assert {key: body[key] for key in ("title", "description", "moderation", "lock_version")} == {
        "title": "CV workshop",
        "description": "Bring your CV.",
        "moderation": False,
        "lock_version": 1,
    }
    assert body["sessions"] == [
        {
            "id": session.pk,
            "title": "Welcome",
            "start": _stamp(workshop.starts_at),
            "end": _stamp(workshop.starts_at + datetime.timedelta(hours=1)),
            "place": "Salle 1",
        }
    ]
    assert body["questions"] == [
        {
            "id": choice.pk,
            "kind": "choice",
            "label": "Level",
            "help_text": "Votre niveau",
            "choices": ["Débutant", "Avancé"],
            "required": True,
        },
        {
            "id": consent.pk,
            "kind": "consent",
            "label": "Photos",
            "help_text": "",
            "choices": [],
            "required": False,
        },
    ]


def test_detail_of_a_cancelled_or_past_public_event_is_public(client, agenda):
    forum = client.get(f"/api/v1/events/{agenda.forum.pk}")
    past = client.get(f"/api/v1/events/{agenda.past.pk}")

    assert (forum.status_code, forum.json()["status"]) == (200, "cancelled")
    assert past.status_code == 200


@pytest.mark.parametrize(
    ("role", "event", "status"),
    [
        (None, "draft", 404),
        (None, "members", 404),
        (None, "meeting", 404),
        ("public_user", "members", 404),
        ("public_user", "draft", 404),
        ("manager_b", "draft", 404),
        ("manager_b", "meeting", 404),
        ("manager_b", "members", 200),
        ("counsellor_a", "meeting", 200),
        ("counsellor_a", "draft", 404),
        ("manager_a", "draft", 200),
        ("coordinator", "meeting", 200),
    ],
)
def test_detail_is_404_unless_the_caller_may_see_the_event(
    client, agenda, request, role, event, status
):
    headers = bearer(request.getfixturevalue(role)) if role else {}

    response = client.get(f"/api/v1/events/{getattr(agenda, event).pk}", **headers, **EN)

    assert response.status_code == status
    if status == 404:
        assert response.json() == {"code": "not_found", "message": "Not found.", "detail": {}}


def test_detail_of_an_unknown_event_is_404(client, agenda):
    assert client.get("/api/v1/events/999999").status_code == 404
    assert client.get("/api/v1/events/0").status_code == 422
    assert client.get("/api/v1/events/99999999999999999999999").status_code == 422


# --- Creating ---------------------------------------------------------------------------------

NEW_EVENT = {
    "title": {"fr": "Réunion des conseillers", "en": "Counsellors' meeting"},
    "start": "2030-03-14T09:30:00+01:00",
    "end": "2030-03-14T12:00:00+01:00",
    "capacity": 12,
    "waitlist": True,
    "audience": "members",
    "centre": "centre-a",
    "original_language": "fr",
}


def test_create_event_makes_a_draft_meeting_of_the_centre(client, agenda, manager_a):
    response = send(client, "post", "/api/v1/events", NEW_EVENT, **bearer(manager_a), **EN)

    assert response.status_code == 201
    event = Event.objects.get(pk=response.json()["id"])
    assert (
        event.slug,
        event.kind,
        event.status,
        event.audience,
        event.centre,
        event.title,
        event.starts_at,
        event.ends_at,
        event.capacity,
        event.waitlist,
        event.timezone,
        event.created_by,
    ) == (
        "réunion-des-conseillers",  # from the original (French) title
        "meeting",
        "draft",
        "members",
        agenda.workshop.centre,
        {"fr": "Réunion des conseillers", "en": "Counsellors' meeting"},
        datetime.datetime(2030, 3, 14, 8, 30, tzinfo=datetime.UTC),
        datetime.datetime(2030, 3, 14, 11, 0, tzinfo=datetime.UTC),
        12,
        True,
        "Europe/Paris",
        manager_a,
    )
    assert {key: response.json()[key] for key in ("status", "title", "start", "end")} == {
        "status": "draft",
        "title": "Counsellors' meeting",
        "start": "2030-03-14T08:30:00Z",
        "end": "2030-03-14T11:00:00Z",
    }
    assert list(
        AuditLogEntry.objects.filter(action="agenda.event.created").values_list(
            "actor", "object_id"
        )
    ) == [(manager_a.pk, str(event.pk))]


def test_create_event_with_every_optional_field(client, agenda, manager_a):
    body = {
        **NEW_EVENT,
        "title": "Atelier numérique",
        "kind": "workshop",
        "timezone": "Europe/Lisbon",
        "summary": "Découvrir les métiers du numérique.",
        "description": {"fr": "Tout **public**.", "en": "Everyone."},
        "moderation": True,
        "registration_opens": "2030-03-01T00:00:00Z",
        "registration_closes": "2030-03-13T18:00:00+00:00",
        "venue_name": "Salle polyvalente",
        "site": agenda.paris.pk,
        "online_url": "https://meet.example.org/atelier",
        "languages": ["fr", "pt"],
        "contact_email": "atelier@example.org",
        "status": "published",
        "capacity": None,
    }

    response = send(client, "post", "/api/v1/events", body, **bearer(manager_a))

    assert response.status_code == 201
    event = Event.objects.get(pk=response.json()["id"])
    assert (
        event.kind,
        event.status,
        event.timezone,
        event.title,
        event.summary,
        event.description,
        event.moderation,
        event.registration_opens_at,
        event.registration_closes_at,
        event.venue_name,
        event.site,
        event.online_url,
        event.languages,
        event.contact_email,
        event.capacity,
    ) == (
        "workshop",
        "published",
        "Europe/Lisbon",
        {"fr": "Atelier numérique"},
        {"fr": "Découvrir les métiers du numérique."},
        {"fr": "Tout **public**.", "en": "Everyone."},
        True,
        datetime.datetime(2030, 3, 1, tzinfo=datetime.UTC),
        datetime.datetime(2030, 3, 13, 18, tzinfo=datetime.UTC),
        "Salle polyvalente",
        agenda.paris,
        "https://meet.example.org/atelier",
        ["fr", "pt"],
        "atelier@example.org",
        None,
    )
    assert response.json()["venue"]["name"] == "Salle polyvalente"


def test_create_event_with_a_string_title_writes_it_in_the_requests_language(
    client, agenda, coordinator
):
    body = {key: value for key, value in NEW_EVENT.items() if key != "original_language"}
    body["title"] = "Labelling committee"
    del body["centre"]

    response = send(client, "post", "/api/v1/events", body, **bearer(coordinator), **EN)

    event = Event.objects.get(pk=response.json()["id"])
    assert (response.status_code, event.original_language, event.title, event.centre) == (
        201,
        "en",
        {"en": "Labelling committee"},
        None,
    )


def test_create_event_with_a_title_in_one_language_takes_it_as_original(
    client, agenda, coordinator
):
    body = {key: value for key, value in NEW_EVENT.items() if key != "original_language"}
    body["title"] = {"pt": "Reunião"}

    response = send(client, "post", "/api/v1/events", body, **bearer(coordinator), **EN)

    event = Event.objects.get(pk=response.json()["id"])
    assert (event.original_language, response.json()["title_language"]) == ("pt", "pt")


@pytest.mark.parametrize(
    ("role", "centre", "status", "code"),
    [
        ("manager_a", None, 403, "forbidden"),
        ("manager_a", "centre-b", 403, "forbidden"),
        ("counsellor_a", "centre-a", 403, "forbidden"),
        ("public_user", "centre-a", 403, "forbidden"),
    ],
)
def test_create_event_refused_to_those_who_may_not_organise_it(
    client, agenda, request, role, centre, status, code
):
    body = {**NEW_EVENT, "centre": centre}
    before = agenda_rows()

    response = send(client, "post", "/api/v1/events", body, **bearer(request.getfixturevalue(role)))

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert agenda_rows() == before


def test_create_event_without_a_token_is_401(client, agenda):
    before = agenda_rows()

    response = send(client, "post", "/api/v1/events", NEW_EVENT)

    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")
    assert agenda_rows() == before


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"end": "2030-03-14T09:00:00+01:00"}, "end", "The event must end after it starts."),
        ({"end": "2030-03-14T09:30:00+01:00"}, "end", "The event must end after it starts."),
        (
            {
                "registration_opens": "2030-03-10T00:00:00Z",
                "registration_closes": "2030-03-09T00:00:00Z",
            },
            "registration_closes",
            "Registration must close after it opens.",
        ),
        ({"centre": "nowhere"}, "centre", "Unknown centre."),
        ({"site": 999999}, "site", "Unknown site."),
        ({"timezone": "Mars/Olympus"}, "timezone", "Unknown time zone."),
        ({"languages": ["xx"]}, "languages", "Choose the languages among those offered."),
        ({"original_language": "pt"}, "title", None),
        ({"title": {"fr": "x" * 201}}, "title", None),
        ({"online_url": "not a link"}, "online_url", "Enter a valid URL."),
        ({"contact_email": "nobody"}, "contact_email", "Enter a valid email address."),
    ],
)
def test_create_event_with_invalid_values_is_422_at_the_field(
    client, agenda, manager_a, change, field, message
):
    before = agenda_rows()

    response = send(
        client, "post", "/api/v1/events", {**NEW_EVENT, **change}, **bearer(manager_a), **EN
    )

    body = response.json()
    assert (response.status_code, body["code"], list(body["detail"])) == (422, "invalid", [field])
    if message:
        assert (body["message"], body["detail"][field]) == (message, [message])
    assert agenda_rows() == before


def test_create_event_at_a_site_of_another_centre_is_422(client, agenda, manager_a, centre_b):
    lyon = SiteFactory(centre=centre_b)
    before = agenda_rows()

    response = send(
        client, "post", "/api/v1/events", {**NEW_EVENT, "site": lyon.pk}, **bearer(manager_a), **EN
    )

    assert (response.status_code, response.json()["detail"]) == (
        422,
        {"site": ["The venue must be a site of the organising centre."]},
    )
    assert agenda_rows() == before


@pytest.mark.parametrize(
    "time", ["2030-03-14T09:30:00", "2030-03-14", "14/03/2030 09:30", "", 1900000000, None]
)
def test_create_event_with_a_start_without_offset_is_422(client, agenda, manager_a, time):
    before = agenda_rows()

    response = send(
        client, "post", "/api/v1/events", {**NEW_EVENT, "start": time}, **bearer(manager_a), **EN
    )

    assert (response.status_code, list(response.json()["detail"])) == (422, ["start"])
    assert agenda_rows() == before


def test_create_event_with_a_naive_time_says_to_give_the_offset(client, agenda, manager_a):
    response = send(
        client,
        "post",
        "/api/v1/events",
        {**NEW_EVENT, "start": "2030-03-14T09:30:00"},
        **bearer(manager_a),
        **EN,
    )

    assert response.json()["detail"] == {
        "start": [
            "Value error, Give the date and time with its offset from UTC, e.g. "
            "2026-03-14T09:30:00+01:00 or 2026-03-14T08:30:00Z."
        ]
    }


def test_errors_answer_in_french_by_default(client, agenda):
    response = client.get(f"/api/v1/events/{agenda.draft.pk}")

    assert response.json() == {"code": "not_found", "message": "Introuvable.", "detail": {}}


# --- Changing ---------------------------------------------------------------------------------


def _patch(client, event, body, user, **headers):
    return send(client, "patch", f"/api/v1/events/{event.pk}", body, **bearer(user), **headers)


def test_update_event_changes_the_fields_sent(client, agenda, manager_a):
    workshop = agenda.workshop

    response = _patch(
        client,
        workshop,
        {
            "lock_version": 1,
            "title": "Atelier CV et lettre",
            "capacity": 25,
            "end": _stamp(workshop.ends_at + datetime.timedelta(hours=1)),
            "venue_name": "Salle 2",
        },
        manager_a,
        **EN,
    )

    workshop.refresh_from_db()
    assert response.status_code == 200
    assert (
        workshop.title,
        workshop.capacity,
        workshop.ends_at,
        workshop.venue_name,
        workshop.lock_version,
    ) == (
        {"fr": "Atelier CV et lettre", "en": "CV workshop"},
        25,
        agenda.workshop.starts_at + datetime.timedelta(hours=4),
        "Salle 2",
        2,
    )
    assert (response.json()["lock_version"], response.json()["capacity"]) == (2, 25)
    assert AuditLogEntry.objects.filter(action="agenda.event.changed").count() == 1


def test_update_event_with_more_seats_confirms_waiting_people(
    client, agenda, manager_a, django_capture_on_commit_callbacks
):
    full = EventFactory(centre=agenda.workshop.centre, capacity=1, waitlist=True)
    RegistrationFactory(event=full)
    waiting = RegistrationFactory(
        event=full, email="waiting@example.org", status=RegistrationStatus.WAITLISTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = _patch(client, full, {"lock_version": 1, "capacity": 2}, manager_a)

    waiting.refresh_from_db()
    assert (response.status_code, waiting.status, response.json()["seats_left"]) == (
        200,
        "confirmed",
        0,
    )
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]


def test_update_event_publishes_a_draft(client, agenda, manager_a):
    response = _patch(client, agenda.draft, {"lock_version": 1, "status": "published"}, manager_a)

    agenda.draft.refresh_from_db()
    assert (response.status_code, agenda.draft.status, response.json()["status"]) == (
        200,
        "published",
        "published",
    )


def test_update_event_cancelling_tells_the_registrants(
    client, agenda, manager_a, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=agenda.workshop, email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = _patch(
            client, agenda.workshop, {"lock_version": 1, "status": "cancelled"}, manager_a
        )

    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_update_event_with_a_stale_lock_version_is_409_and_changes_nothing(
    client, agenda, manager_a
):
    _patch(client, agenda.workshop, {"lock_version": 1, "venue_name": "Salle 2"}, manager_a)
    before = agenda_rows()

    response = _patch(
        client, agenda.workshop, {"lock_version": 1, "venue_name": "Salle 3"}, manager_a, **EN
    )

    assert (response.status_code, response.json()) == (
        409,
        {
            "code": "stale",
            "message": (
                "This event was changed since you opened it; reload it and make your change again."
            ),
            "detail": {},
        },
    )
    assert agenda_rows() == before


def test_update_event_below_the_confirmed_count_is_409_and_changes_nothing(
    client, agenda, manager_a
):
    for number in range(3):
        RegistrationFactory(event=agenda.workshop, email=f"person{number}@example.org")
    before = agenda_rows()

    response = _patch(
        client,
        agenda.workshop,
        {"lock_version": 1, "capacity": 2, "venue_name": "Petite salle"},
        manager_a,
        **EN,
    )

    assert (response.status_code, response.json()["code"], response.json()["detail"]) == (
        409,
        "capacity_below_confirmed",
        {"capacity": ["The capacity cannot be lower than the number of confirmed registrations."]},
    )
    assert agenda_rows() == before


def test_update_event_ending_before_its_start_is_422_and_changes_nothing(client, agenda, manager_a):
    before = agenda_rows()

    response = _patch(
        client,
        agenda.workshop,
        {"lock_version": 1, "end": _stamp(agenda.workshop.starts_at)},
        manager_a,
        **EN,
    )

    assert (response.status_code, response.json()["detail"]) == (
        422,
        {"end": ["The event must end after it starts."]},
    )
    assert agenda_rows() == before


def test_update_event_refused_status_change_rolls_back_the_fields(client, agenda, manager_a):
    RegistrationFactory(event=agenda.workshop)
    before = agenda_rows()

    response = _patch(
        client,
        agenda.workshop,
        {"lock_version": 1, "venue_name": "Salle 9", "status": "draft"},
        manager_a,
        **EN,
    )

    assert (response.status_code, response.json()["message"]) == (
        409,
        "An event with registrations cannot go back to draft.",
    )
    assert agenda_rows() == before


@pytest.mark.parametrize(
    ("role", "event"),
    [
        ("manager_b", "workshop"),
        ("public_user", "workshop"),
        ("counsellor_a", "workshop"),
        ("counsellor_a", "meeting"),
        ("manager_b", "draft"),
    ],
)
def test_update_event_by_someone_who_does_not_organise_it_is_404(
    client, agenda, request, role, event
):
    before = agenda_rows()

    response = _patch(
        client,
        getattr(agenda, event),
        {"lock_version": 1, "venue_name": "Ailleurs"},
        request.getfixturevalue(role),
    )

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert agenda_rows() == before


def test_update_event_without_lock_version_is_422(client, agenda, manager_a):
    before = agenda_rows()

    response = _patch(client, agenda.workshop, {"venue_name": "Salle 2"}, manager_a)

    assert (response.status_code, list(response.json()["detail"])) == (422, ["lock_version"])
    assert agenda_rows() == before


def test_update_event_moves_it_to_the_network_only_for_coordinators(
    client, agenda, manager_a, coordinator
):
    refused = _patch(client, agenda.workshop, {"lock_version": 1, "centre": None}, manager_a)
    other = CentreFactory(slug="centre-c")
    moved = _patch(
        client,
        agenda.workshop,
        {"lock_version": 1, "centre": other.slug, "site": None},
        coordinator,
    )

    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert (moved.status_code, moved.json()["centre"]) == (200, "centre-c")


def test_a_browser_session_without_token_counts_as_anonymous(client, agenda, manager_a):
    client.force_login(manager_a)
    before = agenda_rows()

    read = client.get(f"/api/v1/events/{agenda.draft.pk}")
    write = send(client, "post", "/api/v1/events", NEW_EVENT)

    assert (read.status_code, write.status_code) == (404, 401)
    assert agenda_rows() == before
