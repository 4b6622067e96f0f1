"""Reads of the agenda, always through the user asking."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role, is_network_coordinator
from cocade.agenda import rules
from cocade.agenda.enums import Audience, EventStatus
from cocade.agenda.models import Event, Invitation, Registration
from cocade.core.errors import NotFound


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Published (or cancelled) events the user may see, plus drafts they organise."""
    events = Event.objects.select_related("centre", "site")
    visible = Q(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]) & Q(
        audience=Audience.PUBLIC
    )
    if getattr(user, "is_authenticated", False):
        published = Q(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])
        if rules.is_member(user):
            visible |= published & Q(audience=Audience.MEMBERS)
        invited = Exists(Invitation.objects.filter(event=OuterRef("pk"), user=user))
        visible |= published & Q(audience=Audience.INVITED) & invited
        visible |= _organised_q(user)
    return events.filter(visible)


def _organised_q(user: Any) -> Q:
    if is_network_coordinator(user):
        return Q(pk__isnull=False)
    managed = centre_ids_with_role(user, Role.CENTRE_MANAGER)
    named = Event.organisers.through.objects.filter(event_id=OuterRef("pk"), user_id=user.pk)
    return Q(centre_id__in=managed) | Q(Exists(named))


def events_organised_by(user: Any) -> QuerySet[Event]:
    if not getattr(user, "is_authenticated", False):
        return Event.objects.none()
    return Event.objects.select_related("centre", "site").filter(_organised_q(user))


def get_event_for_user(user: Any, slug: str) -> Event:
    event = events_visible_to(user).filter(slug=slug).first()
    if event is None:
        raise NotFound()
    return event


def get_event_to_manage(user: Any, pk: int) -> Event:
    """An event the user organises; anything else is 404 (its existence is not revealed)."""
    event = events_organised_by(user).filter(pk=pk).first()
    if event is None:
        raise NotFound()
    return event


def registrations_of(event: Event) -> QuerySet[Registration]:
    """Every registration of an event: call only for its organisers."""
    return Registration.objects.filter(event=event).prefetch_related("attendances")


def registrations_of_user(user: Any) -> QuerySet[Registration]:
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return (
        Registration.objects.filter(user=user)
        .select_related("event", "event__centre")
        .order_by("-event__starts_at")
    )
