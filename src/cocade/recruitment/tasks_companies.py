"""Background jobs of the companies of a speed recruitment (run by `cocade db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_company_link_email(company_id: int) -> str:
    """Email a company the link to its page, in its language."""
    from cocade.recruitment.notifications_companies import send_company_link

    return send_company_link(company_id)
