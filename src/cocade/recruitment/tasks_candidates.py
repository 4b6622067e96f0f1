"""Background jobs of the candidates' side (run by `cocade db_worker`). Each calls one
function, so that the job, a command and a test run the same code. Other parts enqueue them
once their transaction commits: `send_invitations_task.enqueue(day_id)` after the
pre-selection, `send_timetables_task.enqueue(day_id)` when the schedule is published,
`send_timetable_change_task.enqueue(candidate_id)` after a re-optimisation moved someone."""

from __future__ import annotations

from django_tasks import task


@task()
def send_application_received_task(candidate_id: int) -> str:
    """Email a new candidate that their application is received, with their page's link."""
    from cocade.recruitment.notifications_candidates import send_application_received

    return send_application_received(candidate_id)


@task()
def send_invitations_task(day_id: int) -> int:
    """Tell the pre-selected candidates of a speed recruitment, once each."""
    from cocade.recruitment.models import RecruitmentDay
    from cocade.recruitment.notifications_candidates import send_invitations

    day = RecruitmentDay.objects.select_related("event").filter(pk=day_id).first()
    return send_invitations(day) if day is not None else 0


@task()
def send_timetables_task(day_id: int) -> int:
    """Send each candidate their published timetable, once each."""
    from cocade.recruitment.models import RecruitmentDay
    from cocade.recruitment.notifications_candidates import send_timetables

    day = RecruitmentDay.objects.select_related("event").filter(pk=day_id).first()
    return send_timetables(day) if day is not None else 0


@task()
def send_timetable_change_task(candidate_id: int) -> int:
    """Tell a candidate their timetable changed."""
    from cocade.recruitment.models import Candidate
    from cocade.recruitment.notifications_candidates import send_timetable_change

    candidate = Candidate.objects.filter(pk=candidate_id).first()
    return send_timetable_change(candidate) if candidate is not None else 0


@task()
def purge_candidate_data() -> int:
    """Delete the CVs and personal details past their retention period (scheduled daily)."""
    from cocade.recruitment.services.retention import purge

    return purge().total
