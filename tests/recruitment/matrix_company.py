"""Permission matrix rows of the company's own pages, opened by its signed link.

Whoever holds the link reaches the page, signed in or not: the link is the key. The matrix
speed recruitment takes applications: the company may change its offers (an empty form is
bad input, 400; deleting an offer sends back to the page with 303, as every successful POST
of these pages does). A decision with no choice is bad input (400). The matrix candidate
sent no CV, and the schedule is not published: the CV and the sheet answer 404 (their
successful downloads are tested in test_company_portal.py).
"""

from tests.matrix import ALL_200, Case, S

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)
ALL_400 = S(400, 400, 400, 400, 400, 400)
ALL_404 = S(404, 404, 404, 404, 404, 404)


def _token(objects):
    return {"token": objects["company_token"]}


KINDS = {
    "company_token_only": _token,
    "company_token_offer": lambda objects: {**_token(objects), "offer_pk": objects["offer"].pk},
    "company_token_application": lambda objects: {
        **_token(objects),
        "application_pk": objects["application"].pk,
    },
}

ENTRIES = {
    "recruitment:company": Case("company_token_only", get=ALL_200, post=NOT_ALLOWED),
    "recruitment:company_offer_add": Case("company_token_only", get=ALL_200, post=ALL_400),
    "recruitment:company_offer": Case("company_token_offer", get=ALL_200, post=ALL_400),
    "recruitment:company_offer_delete": Case(
        "company_token_offer", get=NOT_ALLOWED, post=S(303, 303, 303, 303, 303, 303)
    ),
    "recruitment:company_decide": Case("company_token_application", get=NOT_ALLOWED, post=ALL_400),
    "recruitment:company_cv": Case("company_token_application", get=ALL_404, post=NOT_ALLOWED),
    "recruitment:company_sheet": Case("company_token_only", get=ALL_404, post=NOT_ALLOWED),
}
