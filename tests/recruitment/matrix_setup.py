"""Permission matrix rows of the organisers' pages that set up a speed recruitment: the hub,
the settings, the companies with their offers and links, and the export.

Only the organisers of centre A's speed recruitment (manager A and the coordinator) reach
them; everyone else signed in gets 404, so that the event is not revealed, and an anonymous
visitor is sent to sign in. Buttons are POST only (405 on GET, for everyone), pages answer
405 to a POST they do not take. An empty form is bad input (400); deleting the matrix
company is refused (409) because it has an interview; sending links and making a new link
need no input (302).
"""

from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
ORGANISERS_DONE = S(302, 404, 404, 302, 404, 302)
NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)


def _event(objects):
    return {"pk": objects["recruitment_event"].pk}


def _company(objects):
    return {**_event(objects), "company_pk": objects["company"].pk}


def _offer(objects):
    return {**_company(objects), "offer_pk": objects["offer"].pk}


KINDS = {
    "setup_event": _event,
    "setup_company": _company,
    "setup_offer": _offer,
}

ENTRIES = {
    "staff_recruitment:overview": Case("setup_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
    "staff_recruitment:phase": Case("setup_event", get=NOT_ALLOWED, post=ORGANISERS_POST_EMPTY),
    "staff_recruitment:settings": Case(
        "setup_event", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:companies": Case(
        "setup_event", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:companies_export": Case("setup_event", get=ORGANISERS_GET, post=NOT_ALLOWED),
    "staff_recruitment:company_send_links": Case(
        "setup_event", get=NOT_ALLOWED, post=ORGANISERS_DONE
    ),
    "staff_recruitment:company_edit": Case(
        "setup_company", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:company_delete": Case(
        "setup_company", get=NOT_ALLOWED, post=S(302, 404, 404, 409, 404, 409)
    ),
    "staff_recruitment:company_send_link": Case(
        "setup_company", get=NOT_ALLOWED, post=ORGANISERS_DONE
    ),
    "staff_recruitment:company_new_link": Case(
        "setup_company", get=NOT_ALLOWED, post=ORGANISERS_DONE
    ),
    "staff_recruitment:offer_add": Case(
        "setup_company", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:offer_edit": Case(
        "setup_offer", get=ORGANISERS_GET, post=ORGANISERS_POST_EMPTY
    ),
    "staff_recruitment:offer_delete": Case("setup_offer", get=NOT_ALLOWED, post=ORGANISERS_DONE),
}
