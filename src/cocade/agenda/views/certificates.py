"""Attendance certificates (PDF), in the registrant's language: for the event's organisers
(`staff_agenda:certificate`), and for the registrant through the signed link of their emails
(`agenda:certificate`). A certificate exists only for someone checked in at least once: the
organisers are told so (409), the public link answers 404, as it does for an altered link or an
anonymised registration."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.agenda import pdf, selectors, tokens
from cocade.agenda.errors import BadToken
from cocade.agenda.models import Registration
from cocade.core.errors import NotFound, interpolate

NO_ATTENDANCE = _(
    "%(name)s was never checked in at this event: an attendance certificate is issued only "
    "to people who attended."
)


def _certificate_response(registration: Registration) -> HttpResponse:
    with translation.override(registration.language):
        content = pdf.certificate_pdf(registration)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{registration.event.slug}-certificate-{registration.pk}.pdf"
    )
    return response


@login_required
@require_safe
def staff_certificate(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    try:
        event = selectors.get_event_to_manage(request.user, pk)
    except NotFound as error:
        raise Http404 from error
    registration = (
        selectors.registrations_of(event)
        .select_related("event", "event__centre", "event__site")
        .filter(pk=registration_pk)
        .first()
    )
    if registration is None or registration.anonymised_at is not None:
        raise Http404
    if not registration.attendances.all():
        back = reverse("staff_agenda:check_in", kwargs={"pk": event.pk})
        return render(
            request,
            "core/refused.html",
            {"message": interpolate(NO_ATTENDANCE, {"name": registration.name}), "back_url": back},
            status=409,
        )
    return _certificate_response(registration)


@require_safe
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    """The registrant's own certificate, from the signed link to their registration."""
    queryset = Registration.objects.select_related("event", "event__centre", "event__site")
    try:
        registration = tokens.read_token(token, tokens.MANAGE, queryset=queryset)
    except BadToken as error:
        raise Http404 from error
    if registration.anonymised_at is not None or not registration.attendances.exists():
        raise Http404
    return _certificate_response(registration)
