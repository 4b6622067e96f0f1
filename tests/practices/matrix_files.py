"""Permission matrix rows of a sheet's files and revisions (`practices:attachment`, `history`,
`compare`; `staff_practices:attachments`, `attachment_delete`, `attachment_file`, `revisions`,
`compare`).

The matrix sheet is counsellor A's published sheet. Its staff pages are for its author and its
editors (the coordinator); others get 404. Only an editor changes the files of a published sheet:
its author gets 403. A comparison without revision numbers answers 400.
"""

from tests.matrix import ALL_200, Case, S

#: The sheet's author and its editors read; the rest of the staff get 404.
WORKFLOW_200 = S(302, 404, 200, 404, 404, 200)
#: A comparison needs ?from=N&to=M: without them, 400 for those who may see it.
COMPARE_EMPTY = S(302, 404, 400, 404, 404, 400)

ENTRIES = {
    # Public.
    "practices:attachment": Case("attachment", get=ALL_200),
    "practices:history": Case("practice_slug", get=ALL_200),
    "practices:compare": Case("practice_slug", get=S(400, 400, 400, 400, 400, 400)),
    # Staff.
    "staff_practices:attachments": Case(
        "published_pk", get=WORKFLOW_200, post=S(302, 404, 403, 404, 404, 400)
    ),
    "staff_practices:attachment_delete": Case(
        "staff_attachment",
        get=S(302, 405, 405, 405, 405, 405),
        post=S(302, 404, 403, 404, 404, 302),
    ),
    "staff_practices:attachment_file": Case("staff_attachment", get=WORKFLOW_200),
    "staff_practices:revisions": Case("published_pk", get=WORKFLOW_200),
    "staff_practices:compare": Case("published_pk", get=COMPARE_EMPTY),
}
