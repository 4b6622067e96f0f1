"""Permission matrix rows of check-in at the door and the attendance PDFs.

Only the organisers of centre A's event (manager A and the coordinator) reach the staff
pages; everyone else signed in gets 404, so that the event and its registrants are not
revealed, and buttons are POST only (405 on GET, pages 405 on POST). The matrix event is in
ten days: checking someone in by name is refused with the reason (409), and an empty scan is a
bad request (400); both write nothing. The name search without htmx sends the organiser back
to the page with the query (302).

Certificates exist only for people checked in: the `checkin_attended_*` kinds record the
matrix registrant present on the event's first morning before the request. The registrant's
own certificate opens with the link from their emails, for whoever holds it.
"""

from cocade.agenda.models import Attendance
from tests.matrix import ALL_200, Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_REDIRECT = S(302, 404, 404, 302, 404, 302)
SIGNED_IN_NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)
NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)


def _attended(objects):
    registration = objects["registration"]
    Attendance.objects.get_or_create(
        registration=registration, day=registration.event.days()[0], half="am"
    )
    return registration


KINDS = {
    "checkin_event": lambda objects: {"pk": objects["event"].pk},
    "checkin_registration": lambda objects: {
        "pk": objects["event"].pk,
        "registration_pk": objects["registration"].pk,
    },
    "checkin_attended_registration": lambda objects: {
        "pk": objects["event"].pk,
        "registration_pk": _attended(objects).pk,
    },
    "checkin_attended_token": lambda objects: {
        "token": objects["manage_token"] if _attended(objects) else ""
    },
}

ENTRIES = {
    "staff_agenda:check_in": Case("checkin_event", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED),
    "staff_agenda:check_in_scan": Case(
        "checkin_event", get=SIGNED_IN_NOT_ALLOWED, post=S(302, 404, 404, 400, 404, 400)
    ),
    "staff_agenda:check_in_search": Case(
        "checkin_event", get=ORGANISERS_REDIRECT, post=SIGNED_IN_NOT_ALLOWED
    ),
    "staff_agenda:check_in_counts": Case(
        "checkin_event", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED
    ),
    "staff_agenda:check_in_person": Case(
        "checkin_registration", get=SIGNED_IN_NOT_ALLOWED, post=S(302, 404, 404, 409, 404, 409)
    ),
    "staff_agenda:attendance_sheet": Case(
        "checkin_event", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED
    ),
    "staff_agenda:certificate": Case(
        "checkin_attended_registration", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED
    ),
    "agenda:certificate": Case("checkin_attended_token", get=ALL_200, post=NOT_ALLOWED),
}
