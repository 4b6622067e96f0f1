"""Background jobs of the agenda (run by `cocade db_worker`). Each calls one function of the
app, so that the job, a command and a test all run the same code."""

from __future__ import annotations

from django_tasks import task


@task()
def send_registration_email(registration_id: int, kind: str) -> str:
    """Email a registrant about their registration, in their language."""
    from cocade.agenda.notifications import send_registration_email as send

    return send(registration_id, kind)


@task()
def send_event_mailing(mailing_id: int) -> str:
    """Send an organiser's mailing, one message per registrant, counting progress."""
    from cocade.agenda.services.mailings import deliver_mailing

    return deliver_mailing(mailing_id)


@task()
def send_event_reminders() -> int:
    """Remind confirmed registrants of events starting soon (scheduled)."""
    from cocade.agenda.notifications import send_due_reminders

    return send_due_reminders()


@task()
def anonymise_past_registrations() -> int:
    """Anonymise the registrations of events past the retention period (scheduled)."""
    from cocade.agenda.services.retention import anonymise_past_registrations as anonymise

    return anonymise()
