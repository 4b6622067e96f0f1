"""Permission matrix rows of import and export.

Importing is for framework authors (coordinators): others get 403, an empty POST is a form
error (400). The staff export of the published version 1 is open to every signed-in user,
public_user included, as the same file is public anyway (drafts only for authors: see
test_interchange_views.py). The public download of a published version is open to all.
"""

from tests.matrix import ALL_200, COORDINATOR_GET, COORDINATOR_POST_EMPTY, SIGNED_IN_200, Case, S

KINDS = {
    "interchange_version_json": lambda o: {
        "slug": o["framework"].slug,
        "number": o["version"].number,
        "fmt": "json",
    },
}

ENTRIES = {
    "staff_competencies:framework_import": Case(get=COORDINATOR_GET, post=COORDINATOR_POST_EMPTY),
    "staff_competencies:version_export": Case(
        "interchange_version_json", get=SIGNED_IN_200, post=S(302, 405, 405, 405, 405, 405)
    ),
    "competencies:version_download": Case(
        "interchange_version_json", get=ALL_200, post=S(405, 405, 405, 405, 405, 405)
    ),
}
