"""What the permission matrix is made of: one expected status per role, and a case per URL name.

Apps add their rows in `tests/<app>/matrix_*.py` modules, each with `ENTRIES` (URL name → Case)
and optionally `KINDS` (kind → function of the matrix objects giving the URL kwargs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("anonymous", "public_user", "counsellor_a", "manager_a", "manager_b", "coordinator")
OWN_APPS = ("core", "accounts", "directory", "competencies", "practices", "agenda", "recruitment")


def S(anonymous, public_user, counsellor_a, manager_a, manager_b, coordinator):  # noqa: N802
    return dict(
        zip(
            ROLES,
            (anonymous, public_user, counsellor_a, manager_a, manager_b, coordinator),
            strict=True,
        )
    )


ALL_200 = S(200, 200, 200, 200, 200, 200)
SIGNED_IN_200 = S(302, 200, 200, 200, 200, 200)
# Staff pages of centre A: its staff read, its managers and the coordinators change, others 404.
VIEW_A = S(302, 404, 200, 200, 404, 200)
MANAGE_A_GET = S(302, 404, 403, 200, 404, 200)
MANAGE_A_POST_EMPTY = S(302, 404, 403, 400, 404, 400)
DELETE_A = S(302, 404, 403, 302, 404, 302)
COORDINATOR_GET = S(302, 403, 403, 403, 403, 200)
COORDINATOR_POST_EMPTY = S(302, 403, 403, 403, 403, 400)
LABEL_A_GET = S(302, 404, 403, 403, 404, 200)
LABEL_A_POST_EMPTY = S(302, 404, 403, 403, 404, 400)
PARTNERS_GET = S(302, 403, 403, 200, 200, 200)
PARTNERS_POST_EMPTY = S(302, 403, 403, 400, 400, 400)
# API (bearer token; anonymous sends none).
API_PATCH_A_EMPTY = S(401, 404, 403, 200, 404, 200)
API_CREATE_A = S(401, 404, 403, 201, 404, 201)
API_DELETE_A = S(401, 404, 403, 204, 404, 204)
API_LABEL_A = S(401, 404, 403, 403, 404, 201)


@dataclass
class Case:
    kwargs: str = ""  # which objects fill the URL: "", "centre", "site", "site_service", …
    get: dict[str, int] | None = None
    post: dict[str, int] | None = None
    patch: dict[str, int] | None = None
    put: dict[str, int] | None = None
    delete: dict[str, int] | None = None
    extra: dict = field(default_factory=dict)
