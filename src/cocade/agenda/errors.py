"""The agenda's refusals, each with a stable code for the API."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cocade.core.errors import Conflict, DomainError, InvalidInput


class EventFull(Conflict):
    code = "event_full"
    default_message = _("This event is full.")


class RegistrationClosed(Conflict):
    code = "registration_closed"
    default_message = _("Registration for this event is closed.")


class RegistrationNotOpen(Conflict):
    code = "registration_not_open"
    default_message = _("Registration for this event has not opened yet.")


class AlreadyRegistered(Conflict):
    code = "already_registered"
    default_message = _("This email address is already registered for this event.")


class AlreadyCancelled(Conflict):
    code = "already_cancelled"
    default_message = _("This registration was already cancelled.")


class ConsentRequired(InvalidInput):
    code = "consent_required"
    default_message = _("Please give your consent to register.")


class NotInvited(DomainError):
    code = "not_invited"
    status = 403
    default_message = _("Only invited people may register for this meeting.")


class BadToken(DomainError):
    code = "invalid_token"
    status = 400
    default_message = _("This link is not valid. Please use the link from your latest email.")


class WrongEvent(DomainError):
    code = "wrong_event"
    status = 400
    default_message = _("This code is for another event.")


class CapacityBelowConfirmed(Conflict):
    code = "capacity_below_confirmed"
    default_message = _("The capacity cannot be lower than the number of confirmed registrations.")


class NotConfirmed(Conflict):
    code = "not_confirmed"
    default_message = _("Only confirmed registrations can be checked in.")


class NotAnEventDay(Conflict):
    code = "not_event_day"
    default_message = _("This event is not taking place at this time.")
