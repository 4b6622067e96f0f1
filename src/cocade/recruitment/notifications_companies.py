"""The email that gives a company its link to its own page.

The worker builds it (task `tasks_companies.send_company_link_email`) from the company as it
is when the task runs, in the company's language: the link carries that language's prefix,
the event's title and dates are in that language where they exist. A company deleted
meanwhile gets nothing ("gone"). Replies go to the event's contact address. Logs name
companies by id only.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cocade.agenda.notifications import when_text
from cocade.agenda.pdf import organiser_name, place_lines
from cocade.core.mail import absolute_url
from cocade.recruitment.models import Company
from cocade.recruitment.tokens import company_token

logger = logging.getLogger(__name__)


def _contact_email(event: Any) -> str:
    return event.contact_email or (event.centre.email if event.centre_id else "")


def company_link_message(company: Company) -> EmailMultiAlternatives:
    """The email, built with the company's language active."""
    event = company.day.event
    title = str(event.title_i18n)
    contact_email = _contact_email(event)
    # One line, whatever the title holds (a line break would be a header injection).
    subject = " ".join((_("Your company's page: %(event)s") % {"event": title}).split())
    context = {
        "language": translation.get_language(),
        "subject": subject,
        "company": company,
        "name": company.contact_name or company.name,
        "title": title,
        "when": when_text(event),
        "place": ", ".join(place_lines(event)),
        "url": absolute_url("recruitment:company", token=company_token(company)),
        "organiser": organiser_name(event),
        "contact_email": contact_email,
    }
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=render_to_string("recruitment/email/company_link.txt", context),
        to=[company.contact_email],
        reply_to=[contact_email] if contact_email else None,
    )
    message.attach_alternative(
        render_to_string("recruitment/email/company_link.html", context), "text/html"
    )
    return message


def send_company_link(company_id: int) -> str:
    """Email a company the link to its page; "sent", or "gone" when it no longer exists."""
    company = (
        Company.objects.select_related("day__event__centre", "day__event__site")
        .filter(pk=company_id)
        .first()
    )
    if company is None or not company.contact_email:
        logger.info("Company %s is gone: its link is not sent", company_id)
        return "gone"
    with translation.override(company.language or settings.LANGUAGE_CODE):
        company_link_message(company).send()
    logger.info("Sent company %s its link", company_id)
    return "sent"
