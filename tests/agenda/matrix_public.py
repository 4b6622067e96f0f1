"""Permission matrix rows of the public agenda: the list, an event's page, registering, the
registrant's pages opened by their signed link, and the signed-in person's registrations.

Everyone reads centre A's published public event and registers for it; an empty registration
is a form error (400) and writes nothing. The registrant's pages work for whoever holds the
link, with or without an account: cancelling answers 303 (back to the page), deleting shows
the page saying the data is gone. "My registrations" and renewing the private feed need a
sign-in; renewing is POST only (405 on GET once signed in).
"""

from tests.matrix import ALL_200, SIGNED_IN_200, Case, S

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)

KINDS = {
    "public_event_slug": lambda objects: {"slug": objects["event"].slug},
    "public_manage_token": lambda objects: {"token": objects["manage_token"]},
}

ENTRIES = {
    "agenda:events": Case(get=ALL_200, post=NOT_ALLOWED),
    "agenda:event": Case("public_event_slug", get=ALL_200, post=NOT_ALLOWED),
    "agenda:register": Case("public_event_slug", get=ALL_200, post=S(400, 400, 400, 400, 400, 400)),
    "agenda:registered": Case("public_manage_token", get=ALL_200, post=NOT_ALLOWED),
    "agenda:registration": Case("public_manage_token", get=ALL_200, post=NOT_ALLOWED),
    "agenda:registration_cancel": Case(
        "public_manage_token", get=ALL_200, post=S(303, 303, 303, 303, 303, 303)
    ),
    "agenda:registration_delete": Case("public_manage_token", get=ALL_200, post=ALL_200),
    "agenda:registration_qr": Case("public_manage_token", get=ALL_200, post=NOT_ALLOWED),
    "agenda:mine": Case(get=SIGNED_IN_200, post=S(302, 405, 405, 405, 405, 405)),
    "agenda:mine_feed_reset": Case(
        get=S(302, 405, 405, 405, 405, 405), post=S(302, 302, 302, 302, 302, 302)
    ),
}
