"""Who may see, run and join events.

Published public events are for everyone. Events for members are seen by anyone who holds a
role in the network; events for invited people by their invitees, their organisers and the
coordinators. Drafts are seen by their organisers only. The organisers of an event are the
network coordinators, the managers of its centre, and the people named as its organisers;
they alone see the registrants' data.
"""

from __future__ import annotations

from typing import Any

from cocade.accounts.enums import Role
from cocade.accounts.selectors import (
    active_memberships,
    centre_ids_with_role,
    is_network_coordinator,
)
from cocade.agenda.enums import Audience, EventStatus


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_member(user: Any) -> bool:
    """Holds any role in the network."""
    return bool(active_memberships(user))


def can_create_events(user: Any) -> bool:
    """Coordinators (network events and any centre's) and centre managers (their centre's)."""
    return is_network_coordinator(user) or bool(centre_ids_with_role(user, Role.CENTRE_MANAGER))


def centres_for_new_events(user: Any) -> list[int] | None:
    """None: any centre and the network itself; else the centres the user may organise for."""
    if is_network_coordinator(user):
        return None
    return sorted(centre_ids_with_role(user, Role.CENTRE_MANAGER))


def is_organiser(user: Any, event: Any) -> bool:
    if not _signed_in(user):
        return False
    if is_network_coordinator(user):
        return True
    if event.centre_id and event.centre_id in centre_ids_with_role(user, Role.CENTRE_MANAGER):
        return True
    return event.organisers.filter(pk=user.pk).exists()


def is_invited(user: Any, event: Any) -> bool:
    return _signed_in(user) and event.invitations.filter(user=user).exists()


def can_view_event(user: Any, event: Any) -> bool:
    if event.status == EventStatus.DRAFT:
        return is_organiser(user, event)
    if event.audience == Audience.PUBLIC:
        return True
    if event.audience == Audience.MEMBERS:
        return is_member(user)
    return is_invited(user, event) or is_organiser(user, event)


def can_register(user: Any, event: Any) -> bool:
    """Who may use the registration form (the window and seats are checked by the service)."""
    if event.status != EventStatus.PUBLISHED:
        return False
    if event.audience == Audience.PUBLIC:
        return True
    if event.audience == Audience.MEMBERS:
        return is_member(user)
    return is_invited(user, event)


can_manage_event = is_organiser
