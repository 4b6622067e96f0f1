"""Permission matrix rows of the organisers' registrant pages: the list, its exports, the row
actions, and mailings. Only the organisers of centre A's event (manager A and the
coordinator) reach them; everyone else signed in gets 404, so that the event's registrants
are not revealed. An empty POST is a bad request for the organisers and changes nothing."""

from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_NOT_ALLOWED = S(302, 404, 404, 405, 404, 405)
ORGANISERS_POST_EMPTY = S(302, 404, 404, 400, 404, 400)

KINDS = {
    "registrants_event": lambda objects: {"pk": objects["event"].pk},
    "registrants_registration": lambda objects: {
        "pk": objects["event"].pk,
        "registration_pk": objects["pending_registration"].pk,
    },
    "registrants_mailing": lambda objects: {
        "pk": objects["event"].pk,
        "mailing_pk": objects["mailing"].pk,
    },
}

ENTRIES = {
    "staff_agenda:registrants": Case(
        "registrants_event", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
    "staff_agenda:registrants_export": Case(
        "registrants_event", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
    "staff_agenda:registrant_action": Case(
        "registrants_registration", get=ORGANISERS_NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_agenda:registrant_attendance": Case(
        "registrants_registration", get=ORGANISERS_NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_agenda:mailing_create": Case(
        "registrants_event", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_agenda:mailing": Case(
        "registrants_mailing", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
}
