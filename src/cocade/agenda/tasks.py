"""Background jobs of the agenda (run by `cocade db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_registration_email(registration_id: int, kind: str) -> str:
    """Email a registrant about their registration, in their language."""
    from cocade.agenda.notifications import send_registration_email as send

    return send(registration_id, kind)
