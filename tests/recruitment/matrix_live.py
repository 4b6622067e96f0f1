"""Permission matrix rows of the day itself (the live page, its buttons, the board) and of the
event report.

Only the organisers of centre A's speed recruitment (manager A and the coordinator) reach
them; everyone else signed in gets 404, so that the event is not revealed, and an anonymous
visitor is sent to sign in. Buttons are POST only and pages take no POST (405 for everyone).
The matrix day is still taking applications: an empty button is bad input (400: no action, no
code, no round), and the re-optimisation is refused at this stage (409); neither writes.
"""

from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)


def _event(objects):
    return {"pk": objects["recruitment_event"].pk}


KINDS = {
    "live_event": _event,
    "live_candidate": lambda objects: {
        **_event(objects),
        "candidate_pk": objects["candidate"].pk,
    },
    "live_interview": lambda objects: {
        **_event(objects),
        "interview_pk": objects["interview"].pk,
    },
}

ENTRIES = {
    "staff_recruitment:live": Case("live_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
    "staff_recruitment:live_presence": Case(
        "live_candidate", get=NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:live_scan": Case("live_event", get=NOT_ALLOWED, post=ORGANISERS_POST_EMPTY),
    "staff_recruitment:live_round": Case("live_event", get=NOT_ALLOWED, post=ORGANISERS_POST_EMPTY),
    "staff_recruitment:live_reoptimise": Case(
        "live_event", get=NOT_ALLOWED, post=S(302, 404, 404, 409, 404, 409)
    ),
    "staff_recruitment:live_interview": Case(
        "live_interview", get=NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:live_board": Case("live_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
    "staff_recruitment:live_board_fragment": Case(
        "live_event", get=ORGANISERS_GET, post=NOT_ALLOWED
    ),
    "staff_recruitment:report": Case("live_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
    "staff_recruitment:report_pdf": Case("live_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
}
