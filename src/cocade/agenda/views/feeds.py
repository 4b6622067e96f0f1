"""iCalendar feeds of the agenda: the whole network, one centre, one type of event, a person's
own registrations (behind a secret address), and one event.

The public feeds hold the public events that are published or cancelled (a cancelled event
stays in the feed with `STATUS:CANCELLED`, so that calendars that subscribed drop it) from six
months ago on. Texts are in the language of the address (`/en/agenda/feeds/network.ics` gives
the English titles, with the original as fallback). Each feed is read in a fixed number of
queries, whatever the number of events.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from icalendar.prop import vText

from cocade.agenda import calendar, selectors
from cocade.agenda.enums import ACTIVE_STATUSES, Audience, EventKind, EventStatus
from cocade.agenda.models import CalendarFeed, Event, Registration
from cocade.core.errors import NotFound, interpolate
from cocade.directory.models import Centre
from cocade.directory.selectors import get_network

#: How far back the feeds go: calendars keep what they already have.
FEED_HISTORY = timedelta(days=183)
#: How long a shared cache may keep a public feed.
PUBLIC_MAX_AGE = 600

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _recent(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.filter(ends_at__gte=timezone.now() - FEED_HISTORY).order_by("starts_at", "pk")


def _public_events() -> QuerySet[Event]:
    return _recent(Event.objects.public().select_related("centre", "site"))


def _network_name() -> str:
    network = get_network()
    return str(network) if network is not None else "COCADE"


def _ics_response(content: bytes, filename: str, *, private: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename) or "inline"
    if private:
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def _calendar_name(name: Any) -> vText:
    """The calendar's name as an escaped TEXT value: a bare string would be written as it is,
    so that a comma, semicolon or backslash in a title breaks the format and a newline
    cannot be written at all."""
    return vText(str(name))


def _feed(events: QuerySet[Event], name: Any, filename: str, *, private: bool) -> HttpResponse:
    content = calendar.calendar_bytes(list(events), name=_calendar_name(name), language=_language())
    return _ics_response(content, filename, private=private)


@require_safe
def network_feed(request: HttpRequest) -> HttpResponse:
    """Every public event of the network."""
    name = interpolate(_("Agenda of %(network)s"), {"network": _network_name()})
    return _feed(_public_events(), name, "agenda.ics", private=False)


@require_safe
def centre_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The public events a published centre organises."""
    centre = Centre.objects.published().filter(slug=slug).first()
    if centre is None:
        raise Http404
    name = interpolate(_("Agenda of %(centre)s"), {"centre": str(centre)})
    events = _public_events().filter(centre=centre)
    return _feed(events, name, f"agenda-{centre.slug}.ics", private=False)


@require_safe
def kind_feed(request: HttpRequest, kind: str) -> HttpResponse:
    """The public events of one type (workshops, Numeri'Days, trainings…)."""
    if kind not in EventKind.values:
        raise Http404
    name = interpolate(
        _("%(kind)s: agenda of %(network)s"),
        {"kind": EventKind(kind).label, "network": _network_name()},
    )
    events = _public_events().filter(kind=kind)
    return _feed(events, name, f"agenda-{kind}.ics", private=False)


@require_safe
def private_feed(request: HttpRequest, key: str) -> HttpResponse:
    """The events a person registered for (confirmed, waiting or awaiting approval), members'
    meetings and invitations included; the secret key in the address is the only access."""
    feed = CalendarFeed.objects.select_related("user").filter(key=key).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    registered = Registration.objects.filter(
        event=OuterRef("pk"), user_id=feed.user_id, status__in=ACTIVE_STATUSES
    )
    events = _recent(
        Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
        .filter(Exists(registered))
        .select_related("centre", "site")
    )
    return _feed(events, _("My events"), "my-events.ics", private=True)


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event, to add to one's calendar, if the person asking may see it."""
    try:
        event = selectors.get_event_for_user(request.user, slug)
    except NotFound as error:
        raise Http404 from error
    public = event.audience == Audience.PUBLIC and event.status != EventStatus.DRAFT
    # What `calendar.event_ics` does, with the event's title escaped as the calendar's name.
    content = calendar.calendar_bytes(
        [event], name=_calendar_name(event), language=_language(), method="PUBLISH"
    )
    return _ics_response(content, f"{event.slug}.ics", private=not public)
