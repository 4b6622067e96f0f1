"""Permission matrix rows of the Vademecum's JSON API (`api:practices_…`).

Reads are public (a token sent is ignored). Writes need a token (anonymous sends none: 401).
Counsellor A wrote the matrix sheets; among the roles only the coordinator is an editor. A
sheet that is not published is 404 for anyone but its author, its editors and its reviewers;
an action refused on a sheet one sees is 403; a move the workflow does not allow is 409.
"""

from tests.matrix import ALL_200, Case, S

#: Counsellor A's draft or sheet in review: its author and the editors see it.
AUTHOR_OR_EDITOR = S(401, 404, 200, 404, 404, 200)
#: A step the workflow does not allow from the sheet's status, for those who see it.
WRONG_STATUS = S(401, 404, 409, 404, 404, 409)
#: An editor's step on the sheet in review.
EDITOR_IN_REVIEW = S(401, 404, 403, 404, 404, 200)
#: An editor's step on the published sheet (everyone sees it).
EDITOR_PUBLISHED = S(401, 403, 403, 403, 403, 200)
#: The Portuguese translation in progress: its translator (counsellor A) and the editors.
TRANSLATOR_OR_EDITOR = S(401, 403, 200, 403, 403, 200)

KINDS = {
    "api_practice_published": lambda o: {"practice_id": o["practice_published"].pk},
    "api_practice_draft": lambda o: {"practice_id": o["practice_draft"].pk},
    "api_practice_in_review": lambda o: {"practice_id": o["practice_in_review"].pk},
    "api_practice_translation_pt": lambda o: {
        "practice_id": o["practice_published"].pk,
        "language": "pt",
    },
}

ENTRIES = {
    # Public reads.
    "api:practices_list_practices": Case(get=ALL_200),
    "api:practices_get_practice": Case("api_practice_published", get=ALL_200),
    # Writing sheets.
    "api:practices_create_practice": Case(
        post=S(401, 403, 201, 201, 403, 201),
        extra={
            "centre": "centre-a",
            "original_language": "en",
            "practice_type": "event",
            "title": "A sheet from the matrix",
            "summary": "Written through the API.",
        },
    ),
    "api:practices_update_practice": Case(
        "api_practice_draft", patch=AUTHOR_OR_EDITOR, extra={"lock_version": 1}
    ),
    # The workflow.
    "api:practices_submit_practice": Case("api_practice_draft", post=AUTHOR_OR_EDITOR),
    "api:practices_withdraw_practice": Case("api_practice_draft", post=WRONG_STATUS),
    "api:practices_resubmit_practice": Case("api_practice_in_review", post=WRONG_STATUS),
    "api:practices_request_changes": Case("api_practice_in_review", post=EDITOR_IN_REVIEW),
    # No review of this round is in yet: the editor is told so (409 needs_review).
    "api:practices_publish_practice": Case(
        "api_practice_in_review", post=S(401, 404, 403, 404, 404, 409)
    ),
    "api:practices_archive_practice": Case("api_practice_published", post=EDITOR_PUBLISHED),
    "api:practices_restore_practice": Case(
        "api_practice_published", post=S(401, 403, 403, 403, 403, 409)
    ),
    # Translations.
    "api:practices_save_translation": Case(
        "api_practice_translation_pt",
        put=TRANSLATOR_OR_EDITOR,
        extra={"lock_version": 1, "summary": "Entrevistas de cinco minutos com empresas."},
    ),
    "api:practices_set_translation_status": Case(
        "api_practice_translation_pt", post=TRANSLATOR_OR_EDITOR, extra={"status": "ready"}
    ),
    # Exchange: the network's staff; a trial is recorded in the name of one's centre (the
    # coordinator works at none).
    "api:practices_add_comment": Case(
        "api_practice_published",
        post=S(401, 403, 201, 201, 201, 201),
        extra={"body": "We tried something close."},
    ),
    "api:practices_record_trial": Case(
        "api_practice_published",
        post=S(401, 403, 201, 201, 201, 403),
        extra={"context": "A smaller town.", "outcome": "It worked."},
    ),
    "api:practices_follow_practice": Case(
        "api_practice_published", put=S(401, 403, 204, 204, 204, 204)
    ),
    # Unfollowing a sheet one does not follow changes nothing.
    "api:practices_unfollow_practice": Case(
        "api_practice_published", delete=S(401, 204, 204, 204, 204, 204)
    ),
}
