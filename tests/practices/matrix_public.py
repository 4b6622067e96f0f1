"""Permission matrix rows of the Vademecum's public pages and of the exchange on a sheet.

Everyone searches and reads the published sheet. The exchange is POST only (GET: 405 once
signed in) and for staff: anonymous visitors are sent to sign in, a signed-in person without
a role gets 403. Empty POSTs: a comment or a trial with nothing in it is a form error (400);
following with no explicit action toggles (302). Only an editor (here the coordinator) hides a
comment.
"""

from tests.matrix import ALL_200, Case, S

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)
POST_ONLY = S(302, 405, 405, 405, 405, 405)
STAFF_POST_EMPTY = S(302, 403, 400, 400, 400, 400)

ENTRIES = {
    "practices:search": Case(get=ALL_200, post=NOT_ALLOWED),
    "practices:detail": Case("practice_slug", get=ALL_200, post=NOT_ALLOWED),
    "practices:comment": Case("practice_slug", get=POST_ONLY, post=STAFF_POST_EMPTY),
    "practices:comment_hide": Case("comment", get=POST_ONLY, post=S(302, 403, 403, 403, 403, 302)),
    "practices:trial": Case("practice_slug", get=POST_ONLY, post=STAFF_POST_EMPTY),
    "practices:follow": Case("practice_slug", get=POST_ONLY, post=S(302, 403, 302, 302, 302, 302)),
}
