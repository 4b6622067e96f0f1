"""Permission matrix rows of the agenda's JSON API (`api:agenda_…`).

Reads and registering are public (a token adds what its user may see); the other writes need a
token (anonymous sends none: 401). Manager A and the coordinator organise centre A's events;
for anyone else an organiser's endpoint answers 404, so that registrants are never revealed.
Creating an event for centre A is refused (403) to those who do not manage it.
"""

from tests.matrix import ALL_200, Case, S

#: An endpoint of centre A's organisers (manager A and the coordinator).
ORGANISERS_200 = S(401, 404, 404, 200, 404, 200)

KINDS = {
    "api_agenda_event": lambda o: {"event_id": o["event"].pk},
    "api_agenda_draft_event": lambda o: {"event_id": o["draft_event"].pk},
    "api_agenda_members_event": lambda o: {"event_id": o["members_event"].pk},
    "api_agenda_registration": lambda o: {
        "event_id": o["event"].pk,
        "registration_id": o["registration"].pk,
    },
}

ENTRIES = {
    # Public reads: a draft is seen by its organisers only.
    "api:agenda_list_events": Case(get=ALL_200),
    "api:agenda_get_event": Case("api_agenda_draft_event", get=S(404, 404, 404, 200, 404, 200)),
    # Events.
    "api:agenda_create_event": Case(
        post=S(401, 403, 403, 201, 403, 201),
        extra={
            "title": "Réunion de l'équipe",
            "start": "2030-03-14T09:30:00+01:00",
            "end": "2030-03-14T12:00:00+01:00",
            "capacity": 10,
            "waitlist": False,
            "audience": "public",
            "centre": "centre-a",
        },
    ),
    "api:agenda_update_event": Case(
        "api_agenda_event", patch=ORGANISERS_200, extra={"lock_version": 1}
    ),
    # Registering for the members' event: members only (the others do not see it).
    "api:agenda_register": Case(
        "api_agenda_members_event",
        post=S(404, 404, 201, 201, 201, 201),
        extra={"name": "Matrix Person", "email": "matrix@example.org", "consent": True},
    ),
    "api:agenda_list_registrations": Case("api_agenda_event", get=ORGANISERS_200),
    "api:agenda_cancel_registration": Case(
        "api_agenda_registration", delete=S(401, 404, 404, 204, 404, 204)
    ),
    # The emailed token is the only key: a made-up one is refused to everyone.
    "api:agenda_cancel_with_token": Case(
        post=S(400, 400, 400, 400, 400, 400), extra={"token": "made-up"}
    ),
    "api:agenda_check_in": Case(
        "api_agenda_event", post=S(401, 404, 404, 400, 404, 400), extra={"token": "made-up"}
    ),
}
