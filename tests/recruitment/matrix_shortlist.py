"""Permission matrix rows of the organisers' pre-selection pages and the schedule's printouts.

Only the organisers of centre A's speed recruitment (manager A and the coordinator) reach
them; everyone else signed in gets 404, so that the candidates and their CVs are not
revealed. Buttons are POST only and pages GET only (405 otherwise). An empty decision is a bad
request (400); the invitations are refused at the matrix day's stage (applications, 409).
The CV row gives the matrix candidate a CV file before the request.
"""

from tests.factories.recruitment_shortlist import with_cv
from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_NOT_ALLOWED = S(302, 404, 404, 405, 404, 405)
ORGANISERS_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
ORGANISERS_CONFLICT = S(302, 404, 404, 409, 404, 409)


def _event(objects):
    return {"pk": objects["recruitment_event"].pk}


KINDS = {
    "shortlist_event": _event,
    "shortlist_application": lambda objects: {
        **_event(objects),
        "application_pk": objects["application"].pk,
    },
    "shortlist_candidate": lambda objects: {
        **_event(objects),
        "candidate_pk": objects["candidate"].pk,
    },
    "shortlist_candidate_with_cv": lambda objects: {
        **_event(objects),
        "candidate_pk": with_cv(objects["candidate"]).pk,
    },
    "shortlist_company": lambda objects: {
        **_event(objects),
        "company_pk": objects["company"].pk,
    },
}


def _page(kind):
    return Case(kind, get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED)


ENTRIES = {
    "staff_recruitment:applications": _page("shortlist_event"),
    "staff_recruitment:applications_export": _page("shortlist_event"),
    "staff_recruitment:applications_decide": Case(
        "shortlist_event", get=ORGANISERS_NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:application_decide": Case(
        "shortlist_application", get=ORGANISERS_NOT_ALLOWED, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:send_invitations": Case(
        "shortlist_event", get=ORGANISERS_NOT_ALLOWED, post=ORGANISERS_CONFLICT
    ),
    "staff_recruitment:candidates": _page("shortlist_event"),
    "staff_recruitment:candidates_export": _page("shortlist_event"),
    "staff_recruitment:candidate_cv": _page("shortlist_candidate_with_cv"),
    "staff_recruitment:candidate_timetable_pdf": _page("shortlist_candidate"),
    "staff_recruitment:grid_pdf": _page("shortlist_event"),
    "staff_recruitment:grid_export": _page("shortlist_event"),
    "staff_recruitment:company_sheet_pdf": _page("shortlist_company"),
}
