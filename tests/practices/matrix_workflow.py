"""Permission matrix rows of the Vademecum's workflow in the staff space (`staff_practices:…`).

The matrix sheets are counsellor A's: a draft, one in review (its review assigned to a reviewer
who is not a matrix role, not sent) and a published one. Only the author, the editors (here the
coordinator) and the assigned reviewers see a sheet's workflow: others get 404, even for the
published sheet (its public page is elsewhere); a signed-in user without a staff role gets 403
on the staff home. Buttons are POST only (GET: 405, after the sign-in check). Empty POSTs:
submitting the draft and asking for changes or archiving as an editor succeed (302); a button
pressed in the wrong status is refused with the reason (409): withdrawing or resubmitting a
sheet in review, publishing it before a review is in, restoring a published sheet. The author
pressing an editor's button gets 403. Assigning with nobody chosen is a form error (400); only
the assigned reviewer sends a review (the author and the editors read it, and get 403 on POST).
"""

from tests.matrix import Case, S

METHOD_NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)
WORKFLOW_GET = S(302, 404, 200, 404, 404, 200)
EDITOR_POST_OK = S(302, 404, 403, 404, 404, 302)
WRONG_STATUS = S(302, 404, 409, 404, 404, 409)

ENTRIES = {
    "staff_practices:home": Case(get=S(302, 403, 200, 200, 200, 200), post=METHOD_NOT_ALLOWED),
    "staff_practices:detail": Case("draft_pk", get=WORKFLOW_GET, post=METHOD_NOT_ALLOWED),
    "staff_practices:submit": Case(
        "draft_pk", get=METHOD_NOT_ALLOWED, post=S(302, 404, 302, 404, 404, 302)
    ),
    "staff_practices:withdraw": Case("in_review_pk", get=METHOD_NOT_ALLOWED, post=WRONG_STATUS),
    "staff_practices:request_changes": Case(
        "in_review_pk", get=METHOD_NOT_ALLOWED, post=EDITOR_POST_OK
    ),
    "staff_practices:resubmit": Case("in_review_pk", get=METHOD_NOT_ALLOWED, post=WRONG_STATUS),
    "staff_practices:publish": Case(
        "in_review_pk", get=METHOD_NOT_ALLOWED, post=S(302, 404, 403, 404, 404, 409)
    ),
    "staff_practices:archive": Case("published_pk", get=METHOD_NOT_ALLOWED, post=EDITOR_POST_OK),
    "staff_practices:restore": Case(
        "published_pk", get=METHOD_NOT_ALLOWED, post=S(302, 404, 403, 404, 404, 409)
    ),
    "staff_practices:assign": Case(
        "in_review_pk", get=S(302, 404, 403, 404, 404, 200), post=S(302, 404, 403, 404, 404, 400)
    ),
    "staff_practices:review": Case(
        "review_pk", get=WORKFLOW_GET, post=S(302, 404, 403, 404, 404, 403)
    ),
}
