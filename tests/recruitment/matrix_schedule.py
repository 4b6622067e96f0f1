"""Permission matrix rows of the schedule: its page, the compute and publish buttons, a
computation's progress and the master grid.

Only the organisers of centre A's speed recruitment (manager A and the coordinator) reach
them; everyone else signed in gets 404, whatever the method. For organisers, buttons are POST
only (405 on GET) and pages GET only.
The matrix day is still taking applications with one shortlisted application: computing is
accepted (302; the worker runs after the request's transaction, which the matrix never
commits), publishing is refused at that stage (409) and writes nothing.
"""

from tests.factories.recruitment import ScheduleRunFactory
from tests.matrix import Case, S

ORGANISERS_GET = S(302, 404, 404, 200, 404, 200)
ORGANISERS_NOT_ALLOWED = S(302, 404, 404, 405, 404, 405)

KINDS = {
    "schedule_event": lambda objects: {"pk": objects["recruitment_event"].pk},
    "schedule_run": lambda objects: {
        "pk": objects["recruitment_event"].pk,
        "run_pk": ScheduleRunFactory(day=objects["recruitment_day"]).pk,
    },
}

ENTRIES = {
    "staff_recruitment:schedule": Case(
        "schedule_event", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
    "staff_recruitment:schedule_run": Case(
        "schedule_event", get=ORGANISERS_NOT_ALLOWED, post=S(302, 404, 404, 302, 404, 302)
    ),
    "staff_recruitment:schedule_run_status": Case(
        "schedule_run", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
    "staff_recruitment:schedule_publish": Case(
        "schedule_event", get=ORGANISERS_NOT_ALLOWED, post=S(302, 404, 404, 409, 404, 409)
    ),
    "staff_recruitment:grid": Case(
        "schedule_event", get=ORGANISERS_GET, post=ORGANISERS_NOT_ALLOWED
    ),
}
