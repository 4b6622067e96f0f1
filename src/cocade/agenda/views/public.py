"""Public pages of the agenda: the list of events with its filters, and an event's page.

Anyone reads published public events; members also see events for members, invitees the
meetings they are invited to, organisers their own drafts (on the event page only: the list
shows published and cancelled events). Anything else answers 404, so that an internal
meeting's existence is not revealed. Dates and times are shown in the event's own time zone,
with its name. Bad filter values are shown as form errors (400) beside the list, which then
uses the valid filters only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.agenda import rules, selectors
from cocade.agenda.enums import ACTIVE_STATUSES, Audience, EventStatus
from cocade.agenda.forms.filters import EventFilterForm
from cocade.agenda.models import Event
from cocade.agenda.tokens import manage_token
from cocade.core.errors import NotFound, interpolate
from cocade.core.markdown import plain_text, render_markdown
from cocade.directory.models import Network
from cocade.directory.selectors import centres_visible_to

PAGE_SIZE = 20
SCHEMA = "https://schema.org/"

#: Characters that could end a <script> element or open a comment, written as JSON escapes.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# --- Reading an event -----------------------------------------------------------------------


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def language_label(code: str) -> str:
    """The name of a language in the reader's language."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def when(start: datetime, end: datetime, zone_name: str) -> dict[str, Any]:
    """The dates and times of a span, as the reader reads them, in the span's own zone."""
    last_day = (end - timedelta(microseconds=1)).date()
    same_day = start.date() == last_day
    return {
        "start": start,
        "end": end,
        "start_iso": start.isoformat(),
        "end_iso": end.isoformat(),
        "start_date": date_format(start, "DATE_FORMAT"),
        "start_time": time_format(start, "TIME_FORMAT"),
        "end_date": date_format(end, "DATE_FORMAT"),
        "end_time": time_format(end, "TIME_FORMAT"),
        "same_day": same_day,
        "zone": zone_name,
    }


def event_when(event: Event) -> dict[str, Any]:
    zone = zone_of(event.timezone)
    return when(event.starts_at.astimezone(zone), event.ends_at.astimezone(zone), event.timezone)


def place_of(event: Event) -> dict[str, Any]:
    """Where the event happens: a site of the directory, a named venue, an address, online."""
    site = event.site if event.site_id else None
    lines = []
    if site is not None:
        lines = [line for line in (site.address, f"{site.postcode} {site.commune}".strip()) if line]
    return {
        "site": site,
        "site_name": site.name_i18n if site is not None else None,
        "venue_name": event.venue_name,
        "address_lines": lines,
        "address": event.address,
        "online": bool(event.online_url),
        "online_url": event.online_url,
        "in_person": bool(site or event.venue_name or event.address),
    }


def seats_label(event: Event) -> Any:
    """Seats left, full, or full with a waiting list (nothing for unlimited events)."""
    if event.capacity is None:
        return ""
    if event.is_full:
        return _("Full: waiting list open") if event.waitlist else _("Full")
    left = event.seats_left or 0
    return interpolate(
        ngettext_lazy("%(count)d seat left", "%(count)d seats left", left), {"count": left}
    )


@dataclass(frozen=True)
class RegistrationState:
    code: str
    message: Any
    is_open: bool


def registration_state(event: Event, now: datetime | None = None) -> RegistrationState:
    """Where registration stands, in the order the service checks it."""
    now = now or timezone.now()
    zone = zone_of(event.timezone)
    if event.status == EventStatus.DRAFT:
        return RegistrationState(
            "draft", _("This event is a draft: registration opens once it is published."), False
        )
    if event.status == EventStatus.CANCELLED:
        return RegistrationState("cancelled", _("This event is cancelled."), False)
    if now >= event.ends_at:
        return RegistrationState("over", _("This event is over."), False)
    opens = event.registration_opens_at
    if opens and now < opens:
        local = opens.astimezone(zone)
        message = interpolate(
            _("Registration opens on %(date)s at %(time)s (%(zone)s)."),
            {
                "date": date_format(local, "DATE_FORMAT"),
                "time": time_format(local, "TIME_FORMAT"),
                "zone": event.timezone,
            },
        )
        return RegistrationState("not_open", message, False)
    closes = event.registration_closes_at or event.ends_at
    if now >= closes:
        return RegistrationState("closed", _("Registration is closed."), False)
    if event.moderation:
        return RegistrationState(
            "moderation",
            _("Registration is open. The organisers approve each registration."),
            True,
        )
    if event.is_full:
        if event.waitlist:
            return RegistrationState(
                "waitlist",
                _(
                    "This event is full: you can join the waiting list and get a seat if one "
                    "frees up."
                ),
                True,
            )
        return RegistrationState("full", _("This event is full."), False)
    return RegistrationState("open", _("Registration is open."), True)


def closing_text(event: Event) -> Any:
    if not event.registration_closes_at:
        return ""
    local = event.registration_closes_at.astimezone(zone_of(event.timezone))
    return interpolate(
        _("Registration closes on %(date)s at %(time)s (%(zone)s)."),
        {
            "date": date_format(local, "DATE_FORMAT"),
            "time": time_format(local, "TIME_FORMAT"),
            "zone": event.timezone,
        },
    )


def organiser_name(event: Event) -> str:
    if event.centre_id:
        return str(event.centre.name_i18n)
    network = Network.objects.order_by("pk").first()
    return str(network.name_i18n) if network else str(_("The network"))


# --- schema.org -----------------------------------------------------------------------------


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def attendance_mode(event: Event) -> str:
    place = place_of(event)
    if place["online"] and place["in_person"]:
        return f"{SCHEMA}MixedEventAttendanceMode"
    if place["online"]:
        return f"{SCHEMA}OnlineEventAttendanceMode"
    return f"{SCHEMA}OfflineEventAttendanceMode"


def _physical_place(event: Event) -> dict[str, Any] | None:
    site = event.site if event.site_id else None
    if site is None and not (event.venue_name or event.address):
        return None
    place: dict[str, Any] = {"@type": "Place"}
    name = event.venue_name or (str(site.name_i18n) if site is not None else "")
    if name:
        place["name"] = name
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if site is not None:
        street = ", ".join(part for part in (site.address, event.address) if part)
        if street:
            address["streetAddress"] = street
        if site.postcode:
            address["postalCode"] = site.postcode
        address["addressLocality"] = site.commune
        if site.centre.country:
            address["addressCountry"] = str(site.centre.country)
    elif event.address:
        address["streetAddress"] = event.address
    if len(address) > 1:
        place["address"] = address
    if site is not None and site.latitude is not None and site.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(site.latitude),
            "longitude": float(site.longitude),
        }
    return place


def event_json_ld(event: Event) -> dict[str, Any]:
    """The schema.org Event of an event page (https://schema.org/Event)."""
    event_path = reverse("agenda:event", kwargs={"slug": event.slug})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(event.title_i18n),
        "url": _absolute(event_path),
        "startDate": event.starts_at.astimezone(zone_of(event.timezone)).isoformat(),
        "endDate": event.ends_at.astimezone(zone_of(event.timezone)).isoformat(),
        "eventStatus": f"{SCHEMA}EventCancelled"
        if event.status == EventStatus.CANCELLED
        else f"{SCHEMA}EventScheduled",
        "eventAttendanceMode": attendance_mode(event),
    }
    locations: list[dict[str, Any]] = []
    physical = _physical_place(event)
    if physical:
        locations.append(physical)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organizer: dict[str, Any] = {"@type": "Organization", "name": organiser_name(event)}
    if event.centre is not None:
        organizer["url"] = _absolute(event.centre.get_absolute_url())
    if event.contact_email:
        organizer["email"] = event.contact_email
    data["organizer"] = organizer
    description = str(event.summary_i18n) or plain_text(str(event.description_i18n))
    if description:
        data["description"] = description[:5000]
    if event.languages:
        data["inLanguage"] = event.languages[0] if len(event.languages) == 1 else event.languages
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}SoldOut" if event.is_full else f"{SCHEMA}InStock",
        "url": _absolute(reverse("agenda:register", kwargs={"slug": event.slug})),
    }
    if event.registration_opens_at:
        offer["validFrom"] = event.registration_opens_at.astimezone(
            zone_of(event.timezone)
        ).isoformat()
    data["offers"] = offer
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = event.seats_left
    return data


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A `<script type="application/ld+json">` data block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped


# --- The list -------------------------------------------------------------------------------


def _local_midnight_filter(field: str, lookup: str, day: date, zones: list[str]) -> Q:
    """`field` compared with the start of `day` in each event's own zone."""
    condition = Q(pk__in=[])
    for name in zones:
        moment = datetime.combine(day, time(0), tzinfo=zone_of(name))
        condition |= Q(timezone=name, **{f"{field}__{lookup}": moment})
    return condition


def filter_events(events: QuerySet[Event], values: dict[str, Any], now: datetime) -> QuerySet:
    """The events matching the (valid) filters; upcoming first, or past with the latest first."""
    if values.get("past"):
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    if values.get("centre"):
        events = events.filter(centre__slug=values["centre"])
    if values.get("country"):
        events = events.filter(centre__country=values["country"])
    if values.get("kind"):
        events = events.filter(kind=values["kind"])
    if values.get("date_from") or values.get("date_to"):
        zones = sorted(set(events.order_by().values_list("timezone", flat=True).distinct()))
        if values.get("date_from"):
            # Still going on at (or after) the start of that day, in the event's zone.
            events = events.filter(
                _local_midnight_filter("ends_at", "gt", values["date_from"], zones)
            )
        if values.get("date_to"):
            # Starting before that day is over, in the event's zone.
            events = events.filter(
                _local_midnight_filter(
                    "starts_at", "lt", values["date_to"] + timedelta(days=1), zones
                )
            )
    return events


def _list_item(event: Event) -> dict[str, Any]:
    return {
        "event": event,
        "title": event.title_i18n,
        "summary": event.summary_i18n,
        "when": event_when(event),
        "place": place_of(event),
        "organiser": event.centre.name_i18n if event.centre is not None else None,
        "kind": event.get_kind_display(),
        "seats": seats_label(event) if event.status == EventStatus.PUBLISHED else "",
        "cancelled": event.status == EventStatus.CANCELLED,
        "audience": event.get_audience_display() if event.audience != Audience.PUBLIC else "",
    }


def _page_url(request: HttpRequest, page: int) -> str:
    pairs = [(key, value) for key, value in request.GET.items() if key != "page" and value]
    if page > 1:
        pairs.append(("page", str(page)))
    return f"?{urlencode(pairs)}" if pairs else reverse("agenda:events")


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    centres = centres_visible_to(request.user).order_by()
    form = EventFilterForm(request.GET, centres=centres)
    values = form.valid_values()
    now = timezone.now()
    events = selectors.events_visible_to(request.user).exclude(status=EventStatus.DRAFT)
    events = filter_events(events, values, now)
    paginator = Paginator(events, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    chosen_centre = values.get("centre", "")
    context = {
        "form": form,
        "items": [_list_item(event) for event in page.object_list],
        "page": page,
        "total": paginator.count,
        "past": bool(values.get("past")),
        "previous_url": _page_url(request, page.number - 1) if page.has_previous() else "",
        "next_url": _page_url(request, page.number + 1) if page.has_next() else "",
        "chosen_centre": chosen_centre,
        "chosen_centre_name": form.choice_label("centre", chosen_centre),
        "chosen_kind": values.get("kind", ""),
        "chosen_kind_name": form.choice_label("kind", values.get("kind", "")),
        "has_filters": bool(values),
    }
    return render(
        request, "agenda/public/event_list.html", context, status=400 if form.errors else 200
    )


# --- An event -------------------------------------------------------------------------------


def visible_event(request: HttpRequest, slug: str) -> Event:
    try:
        return selectors.get_event_for_user(request.user, slug)
    except NotFound as error:
        raise Http404 from error


def timetable(event: Event) -> list[dict[str, Any]]:
    """The sessions grouped by local day, in the event's zone."""
    zone = zone_of(event.timezone)
    sessions = [
        {
            "session": session,
            "title": session.title_i18n,
            "when": when(
                session.starts_at.astimezone(zone), session.ends_at.astimezone(zone), event.timezone
            ),
        }
        for session in event.sessions.all()
    ]
    days = []
    for day, items in groupby(sessions, key=lambda item: item["when"]["start"].date()):
        days.append({"day": day, "label": date_format(day, "DATE_FORMAT"), "sessions": list(items)})
    return days


def own_registration(request: HttpRequest, event: Event) -> dict[str, Any] | None:
    """The signed-in reader's active registration for the event, with its page's address."""
    registration = (
        selectors.registrations_of_user(request.user)
        .filter(event=event, status__in=ACTIVE_STATUSES)
        .first()
    )
    if registration is None:
        return None
    token = manage_token(registration)
    return {
        "registration": registration,
        "url": reverse("agenda:registration", kwargs={"token": token}),
    }


def event_context(request: HttpRequest, event: Event) -> dict[str, Any]:
    """What the event page and the registration page show about the event."""
    return {
        "event": event,
        "title": event.title_i18n,
        "summary": event.summary_i18n,
        "when": event_when(event),
        "place": place_of(event),
        "organiser": organiser_name(event),
        "kind": event.get_kind_display(),
        "seats": seats_label(event),
        "state": registration_state(event),
        "closing": closing_text(event),
        "may_register": rules.can_register(request.user, event),
        "is_draft": event.status == EventStatus.DRAFT,
        "is_cancelled": event.status == EventStatus.CANCELLED,
    }


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    description = event.description_i18n
    context = {
        **event_context(request, event),
        "description": description,
        "description_html": render_markdown(description.text),
        "timetable": timetable(event),
        "languages": [language_label(code) for code in event.languages or []],
        "contact_email": event.contact_email or (event.centre.email if event.centre else ""),
        "own": own_registration(request, event),
        "json_ld": ""
        if event.status == EventStatus.DRAFT
        else json_ld_script(event_json_ld(event)),
        "not_invited": event.audience == Audience.INVITED
        and not rules.is_invited(request.user, event),
    }
    return render(request, "agenda/public/event_detail.html", context)
