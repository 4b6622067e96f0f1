"""Permission matrix rows of writing and translating sheets (staff).

Any staff member opens the new-sheet form (the public user gets 403). Counsellor A's draft is
edited by its author and by the coordinator (an editor); nobody else sees it (404). The
Portuguese translation of the published sheet is counsellor A's: they and the coordinator change
it; other signed-in people see the sheet but may not change the translation (403). The status
button is POST-only (405 on GET). An empty POST is a form error (400) for those allowed.
"""

from tests.matrix import Case, S

_S = "staff_practices:"

ENTRIES = {
    f"{_S}create": Case(get=S(302, 403, 200, 200, 200, 200), post=S(302, 403, 400, 400, 400, 400)),
    f"{_S}edit": Case(
        "draft_pk", get=S(302, 404, 200, 404, 404, 200), post=S(302, 404, 400, 404, 404, 400)
    ),
    f"{_S}translate": Case(
        "translation_pt",
        get=S(302, 403, 200, 403, 403, 200),
        post=S(302, 403, 400, 403, 403, 400),
    ),
    f"{_S}translation_status": Case(
        "translation_pt",
        get=S(302, 405, 405, 405, 405, 405),
        post=S(302, 403, 400, 403, 403, 400),
    ),
}
