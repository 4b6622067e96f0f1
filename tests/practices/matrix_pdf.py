"""Permission matrix rows of the Vademecum's PDFs: one sheet, the printed editions, and the
editors' page where editions are asked for (only the coordinator edits among the roles).

The matrix edition is "done" but its file is not on disk: its download answers 404."""

from tests.matrix import ALL_200, Case, S

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)
EDITORS_GET = S(302, 403, 403, 403, 403, 200)

ENTRIES = {
    "practices:pdf": Case("practice_slug", get=ALL_200, post=NOT_ALLOWED),
    "practices:editions": Case(get=ALL_200, post=NOT_ALLOWED),
    "practices:edition_download": Case(
        "edition", get=S(404, 404, 404, 404, 404, 404), post=NOT_ALLOWED
    ),
    "staff_practices:editions": Case(get=EDITORS_GET, post=S(302, 403, 403, 403, 403, 400)),
    "staff_practices:edition_status": Case(
        "edition", get=EDITORS_GET, post=S(302, 403, 403, 403, 403, 405)
    ),
}
