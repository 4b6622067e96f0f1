"""Permission matrix rows of the candidates' pages of a speed recruitment.

Centre A's speed recruitment is published and public, with applications open: everyone reads
its offers and the application form, and an empty application is a form error (400) that
writes nothing. The candidate's pages work for whoever holds the signed link of their
registration, with or without an account: an empty change of choices is a form error (400),
withdrawing answers 303 (back to the page), erasing shows the page saying the data is gone;
these buttons are POST only (405 on GET), the pages GET only. The timetable's PDF and
calendar file exist once the schedule is published: the `candidates_published_token` kind
publishes it before the request.
"""

from django.utils import timezone

from tests.matrix import ALL_200, Case, S

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)
ALL_400 = S(400, 400, 400, 400, 400, 400)


def _published(objects):
    day = objects["recruitment_day"]
    day.schedule_published_at = timezone.now()
    day.save(update_fields=["schedule_published_at"])
    return objects["candidate_token"]


KINDS = {
    "candidates_event_slug": lambda objects: {"slug": objects["recruitment_event"].slug},
    "candidates_token": lambda objects: {"token": objects["candidate_token"]},
    "candidates_published_token": lambda objects: {"token": _published(objects)},
}

ENTRIES = {
    "recruitment:offers": Case("candidates_event_slug", get=ALL_200, post=NOT_ALLOWED),
    "recruitment:apply": Case("candidates_event_slug", get=ALL_200, post=ALL_400),
    "recruitment:candidate": Case("candidates_token", get=ALL_200, post=NOT_ALLOWED),
    "recruitment:candidate_choices": Case("candidates_token", get=NOT_ALLOWED, post=ALL_400),
    "recruitment:candidate_withdraw": Case(
        "candidates_token", get=NOT_ALLOWED, post=S(303, 303, 303, 303, 303, 303)
    ),
    "recruitment:candidate_erase": Case("candidates_token", get=NOT_ALLOWED, post=ALL_200),
    "recruitment:candidate_timetable_pdf": Case(
        "candidates_published_token", get=ALL_200, post=NOT_ALLOWED
    ),
    "recruitment:candidate_ics": Case("candidates_published_token", get=ALL_200, post=NOT_ALLOWED),
}
