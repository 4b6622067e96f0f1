"""Background job of the schedule (run by `cocade db_worker`): it calls the service, so that
the job and a test run the same code."""

from __future__ import annotations

from django_tasks import task


@task()
def compute_schedule(run_id: int) -> str:
    """Compute a queued schedule run and save its interviews (see services.scheduling)."""
    from cocade.recruitment.services.scheduling import run_schedule

    return run_schedule(run_id)
