"""Permission matrix rows of speed recruitment in the JSON API (`api:recruitment_…`).

Every path needs a token (anonymous sends none: 401) and is for the event's organisers
(manager A and the coordinator); anyone else gets 404, so that the candidates are never
revealed. Organisers may ask for a computation of the schedule before the day (202: queued for
the worker); an outcome for an interview not held is refused (409) and writes nothing.
"""

from tests.factories.recruitment import ScheduleRunFactory
from tests.matrix import Case, S

ORGANISERS_200 = S(401, 404, 404, 200, 404, 200)
ORGANISERS_409 = S(401, 404, 404, 409, 404, 409)

KINDS = {
    "api_recruitment_event": lambda o: {"event_id": o["recruitment_event"].pk},
    "api_recruitment_run": lambda o: {
        "event_id": o["recruitment_event"].pk,
        "run_id": ScheduleRunFactory(day=o["recruitment_day"]).pk,
    },
    "api_recruitment_interview": lambda o: {
        "event_id": o["recruitment_event"].pk,
        "interview_id": o["interview"].pk,
    },
}

ENTRIES = {
    "api:recruitment_get": Case("api_recruitment_event", get=ORGANISERS_200),
    "api:recruitment_list_interviews": Case("api_recruitment_event", get=ORGANISERS_200),
    "api:recruitment_start_run": Case(
        "api_recruitment_event", post=S(401, 404, 404, 202, 404, 202), extra={"kind": "initial"}
    ),
    "api:recruitment_get_run": Case("api_recruitment_run", get=ORGANISERS_200),
    "api:recruitment_update_interview": Case(
        "api_recruitment_interview", patch=ORGANISERS_409, extra={"outcome": "hired"}
    ),
}
