"""Permission matrix rows of the speed meeting pages.

Only the organisers of centre A's speed meeting (manager A and the coordinator) reach them;
anyone else signed in gets 404, so that the event's plan is not revealed. An empty form is bad
input (400) and writes nothing. The printable plan and the export are read only (405 on POST);
the `meeting_planned` kind stores the meeting's plan before the request, so that organisers
get the file itself (200).
"""

from tests.factories.recruitment_meeting import planned
from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
SIGNED_IN_NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)

KINDS = {
    "meeting_event": lambda objects: {"pk": objects["speed_meeting"].event_id},
    "meeting_planned": lambda objects: {"pk": planned(objects["speed_meeting"]).event_id},
}

ENTRIES = {
    "staff_recruitment:meeting": Case(
        "meeting_event", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:meeting_pdf": Case(
        "meeting_planned", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED
    ),
    "staff_recruitment:meeting_export": Case(
        "meeting_planned", get=ORGANISERS_GET, post=SIGNED_IN_NOT_ALLOWED
    ),
}
