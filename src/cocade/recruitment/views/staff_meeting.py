"""The organisers' speed meeting pages: the settings with the plan (a grid of rounds and
tables, and each group's route), the printable plan (PDF) and its CSV or XLSX export.

Only the organisers of a `speed_meeting` event reach them (`selectors.get_meeting_to_manage`);
anyone else signed in gets 404. Saving is one call of `services.meetings.update_meeting`; a
refusal shows its reason at the field and writes nothing.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.agenda import exports
from cocade.core.errors import DomainError, NotFound
from cocade.core.viewflow import form_methods, form_view, posted, refused
from cocade.recruitment import selectors
from cocade.recruitment.forms_meetings import MeetingForm
from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.services import meetings as services

TEMPLATES = "recruitment/meeting"
BAD_FORMAT = _("Choose the CSV or XLSX format (format=csv or format=xlsx).")


def _meeting(request: HttpRequest, pk: int) -> SpeedMeeting:
    try:
        return selectors.get_meeting_to_manage(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _page_url(meeting: SpeedMeeting) -> str:
    return reverse("staff_recruitment:meeting", kwargs={"pk": meeting.event_id})


@login_required
@form_methods
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    item = _meeting(request, pk)
    form = MeetingForm(*posted(request), meeting=item)
    sheet = services.meeting_sheet(item) if services.has_plan(item) else None
    return form_view(
        request,
        form=form,
        save=lambda: services.update_meeting(item, user=request.user, **form.changes()),
        success_message=_("The plan is saved."),
        success_url=_page_url,
        context={"event": item.event, "meeting": item, "sheet": sheet},
        template=f"{TEMPLATES}/page.html",
    )


@login_required
@require_safe
def meeting_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    item = _meeting(request, pk)
    try:
        content = services.meeting_pdf(item)
    except DomainError as error:
        return refused(request, error.message, _page_url(item), error.status)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, services.export_filename(item, "pdf")
    )
    return response


@login_required
@require_safe
def meeting_export(request: HttpRequest, pk: int) -> HttpResponse:
    item = _meeting(request, pk)
    file_format = request.GET.get("format", "csv")
    if file_format not in exports.FORMATS:
        return refused(request, BAD_FORMAT, _page_url(item), 400)
    try:
        table = services.meeting_table(item)
    except DomainError as error:
        return refused(request, error.message, _page_url(item), error.status)
    if file_format == "xlsx":
        content = exports.to_xlsx(table, title=str(_("Speed meeting")))
    else:
        content = exports.to_csv(table)
    response = HttpResponse(content, content_type=exports.FORMATS[file_format])
    response["Content-Disposition"] = content_disposition_header(
        True, services.export_filename(item, file_format)
    )
    return response
