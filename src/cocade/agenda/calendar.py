"""iCalendar (RFC 5545) files of events: one event, a feed of many, a registrant's entry.

Times are written in UTC (`DTSTART:...Z`), which every calendar converts to the reader's zone;
pages and emails give the event's own local time. Each event has a
stable UID, so that a calendar updates its entry when the event changes, and a cancelled
event is sent with `STATUS:CANCELLED`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar, vText
from icalendar import Event as VEvent

from cocade.agenda.enums import EventStatus
from cocade.core.markdown import plain_text

PRODID = "-//COCADE//Agenda//EN"


def event_url(event: Any, language: str) -> str:
    with translation.override(language):
        return f"{settings.SITE_URL}{reverse('agenda:event', kwargs={'slug': event.slug})}"


def uid_of(event: Any) -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "cocade"
    return f"event-{event.pk}@{host}"


def location_of(event: Any) -> str:
    parts = [event.venue_name]
    if event.site_id:
        site = event.site
        parts += [str(site.name_i18n), site.address, f"{site.postcode} {site.commune}".strip()]
    parts.append(event.address)
    text = ", ".join(part for part in parts if part)
    if event.online_url:
        text = f"{text} ({event.online_url})" if text else event.online_url
    return text


def vevent(event: Any, language: str, *, sequence: int | None = None) -> VEvent:
    with translation.override(language):
        item = VEvent()
        item.add("uid", uid_of(event))
        item.add("dtstamp", timezone.now())
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("summary", str(event.title_i18n))
        description = str(event.summary_i18n) or plain_text(str(event.description_i18n))[:2000]
        url = event_url(event, language)
        item.add("description", f"{description}\n\n{url}".strip())
        item.add("url", url)
        location = location_of(event)
        if location:
            item.add("location", location)
        if event.site_id and event.site.latitude is not None and event.site.longitude is not None:
            item.add("geo", (float(event.site.latitude), float(event.site.longitude)))
        item.add("categories", [str(event.get_kind_display())])
        item.add("sequence", sequence if sequence is not None else event.lock_version)
        item.add("last-modified", event.updated_at or timezone.now())
        item.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
        if event.contact_email:
            item.add("organizer", f"mailto:{event.contact_email}")
    return item


def calendar_bytes(
    events: Iterable[Any], *, name: str, language: str, method: str | None = None
) -> bytes:
    """A VCALENDAR of `events`, as bytes with CRLF line ends and folded lines."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", vText(name))
    for event in events:
        calendar.add_component(vevent(event, language))
    return calendar.to_ical()


def event_ics(event: Any, language: str) -> bytes:
    """One event, to add to a calendar (from a page or attached to an email)."""
    with translation.override(language):
        name = str(event)
    return calendar_bytes([event], name=name, language=language, method="PUBLISH")
