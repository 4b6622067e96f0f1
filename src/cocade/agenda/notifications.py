"""Emails to registrants, built by the worker in the registrant's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from cocade.agenda.models import Registration


def send_registration_email(registration_id: int, kind: str) -> str:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return "gone"
    with translation.override(registration.language):
        subject = _("Your registration: %(event)s") % {"event": registration.event}
        body = str(registration.get_status_display())
        EmailMessage(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body=body,
            to=[registration.email],
        ).send()
    return kind
