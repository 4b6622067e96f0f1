"""Permission matrix rows of framework authoring (staff) and the public framework pages.

Only framework authors (here the coordinator) open the authoring pages; others get 403. The
edit forms are requested on the draft version 2: an empty POST is a form error (400; the list
forms need their hidden marker, so an empty request cannot wipe a list). The buttons are pressed
on the published version 1 and refused with the reason (409): publishing or deleting it,
deleting its levels, blocks and competences; starting a new draft while one exists is refused
too. POST-only buttons answer GET with 405 (after the author check). Public pages: everyone.
"""

from tests.matrix import ALL_200, COORDINATOR_GET, COORDINATOR_POST_EMPTY, Case, S

AUTHOR_GET = COORDINATOR_GET
AUTHOR_FORM_EMPTY = COORDINATOR_POST_EMPTY
BUTTON_GET = S(302, 403, 403, 403, 403, 405)
AUTHOR_REFUSED = S(302, 403, 403, 403, 403, 409)


def _draft(o, **extra):
    version = o["draft_version"]
    return {"slug": version.framework.slug, "number": version.number, **extra}


def _published(o, **extra):
    version = o["version"]
    return {"slug": version.framework.slug, "number": version.number, **extra}


KINDS = {
    "authoring_draft_level": lambda o: _draft(
        o, pk=o["draft_version"].levels.get(code="notions").pk
    ),
    "authoring_draft_block": lambda o: _draft(o, pk=o["draft_version"].blocks.get(code="A").pk),
    "authoring_draft_block_pk": lambda o: _draft(
        o, block_pk=o["draft_version"].blocks.get(code="A").pk
    ),
    "authoring_draft_competence": lambda o: _draft(
        o, pk=o["draft_version"].competences.get(code="A1").pk
    ),
    "authoring_published_level": lambda o: _published(
        o, pk=o["version"].levels.get(code="notions").pk
    ),
    "authoring_published_block": lambda o: _published(o, pk=o["version"].blocks.get(code="A").pk),
    "authoring_published_competence": lambda o: _published(
        o, pk=o["version"].competences.get(code="A1").pk
    ),
}

_S = "staff_competencies:"

ENTRIES = {
    f"{_S}frameworks": Case(get=AUTHOR_GET),
    f"{_S}framework_create": Case(get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}draft_start": Case("framework", get=BUTTON_GET, post=AUTHOR_REFUSED),
    f"{_S}version": Case("version", get=AUTHOR_GET),
    f"{_S}version_edit": Case("draft_version", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}version_publish": Case("version", get=BUTTON_GET, post=AUTHOR_REFUSED),
    f"{_S}version_delete": Case("version", get=BUTTON_GET, post=AUTHOR_REFUSED),
    f"{_S}version_changes": Case("draft_version", get=AUTHOR_GET),
    f"{_S}level_create": Case("draft_version", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}level_edit": Case("authoring_draft_level", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}level_move": Case("authoring_draft_level", get=BUTTON_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}level_delete": Case("authoring_published_level", get=BUTTON_GET, post=AUTHOR_REFUSED),
    f"{_S}block_create": Case("draft_version", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}block_edit": Case("authoring_draft_block", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY),
    f"{_S}block_delete": Case("authoring_published_block", get=BUTTON_GET, post=AUTHOR_REFUSED),
    f"{_S}competence_create": Case(
        "authoring_draft_block_pk", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_edit": Case(
        "authoring_draft_competence", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_indicators": Case(
        "authoring_draft_competence", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_descriptors": Case(
        "authoring_draft_competence", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_expected": Case(
        "authoring_draft_competence", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_mappings": Case(
        "authoring_draft_competence", get=AUTHOR_GET, post=AUTHOR_FORM_EMPTY
    ),
    f"{_S}competence_delete": Case(
        "authoring_published_competence", get=BUTTON_GET, post=AUTHOR_REFUSED
    ),
    # Public pages.
    "competencies:frameworks": Case(get=ALL_200),
    "competencies:framework": Case("framework", get=ALL_200),
    "competencies:version": Case("version", get=ALL_200),
    "competencies:changes": Case("version", get=ALL_200),
}
