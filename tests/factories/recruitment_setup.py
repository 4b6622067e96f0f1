"""Helpers of the set-up and company tests: a speed recruitment of a given centre, the rows a
refused request must leave as they were."""

from django.core import serializers

from cocade.core.models import AuditLogEntry
from cocade.recruitment.models import (
    Application,
    Company,
    Interview,
    Offer,
    RecruitmentDay,
)
from tests.factories.recruitment import RecruitmentDayFactory, RecruitmentEventFactory

WATCHED = (RecruitmentDay, Company, Offer, Application, Interview, AuditLogEntry)


def day_of(centre, **values):
    """A speed recruitment of `centre` (applications open, Lisbon, 09:00-18:00, lunch break);
    `event__x` values go to its event."""
    event_values = {key[7:]: values.pop(key) for key in list(values) if key.startswith("event__")}
    return RecruitmentDayFactory(
        event=RecruitmentEventFactory(centre=centre, **event_values), **values
    )


def rows():
    """Every row a set-up or company request may write, as text to compare."""
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in WATCHED]
