"""Permission matrix rows of the results views (profile, team heatmap, network)."""

from tests.matrix import Case, S

OWN_ASSESSMENT_GET = S(302, 404, 200, 200, 404, 404)
TEAM_A_GET = S(302, 404, 404, 200, 404, 404)
NETWORK_GET = S(302, 403, 403, 403, 403, 200)
# Read-only pages: a POST is refused before anything is looked at.
NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)

ENTRIES = {
    "staff_competencies:profile": Case("assessment_a", get=OWN_ASSESSMENT_GET, post=NOT_ALLOWED),
    "staff_competencies:profile_pdf": Case(
        "assessment_a", get=OWN_ASSESSMENT_GET, post=NOT_ALLOWED
    ),
    "staff_competencies:team": Case("centre_slug", get=TEAM_A_GET, post=NOT_ALLOWED),
    "staff_competencies:team_xlsx": Case("centre_slug", get=TEAM_A_GET, post=NOT_ALLOWED),
    "staff_competencies:network": Case(get=NETWORK_GET, post=NOT_ALLOWED),
}
