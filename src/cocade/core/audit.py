"""The audit trail of staff writes: `record_action` is called by services, inside their
transaction, so that a refused write leaves no entry either."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django_countries.fields import Country

from cocade.core.models import AuditLogEntry


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, Country):
        return value.code
    if isinstance(value, (list, tuple, set)):
        return [_plain(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The values of `fields` on `instance`, as JSON-ready values (FKs as ids)."""
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = (
                sorted(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
            )
        else:
            values[name] = _plain(getattr(instance, field.attname))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {"before": …, "after": …}} for the fields whose value changed."""
    return {
        name: {"before": before.get(name), "after": value}
        for name, value in after.items()
        if before.get(name) != value
    }


def record_action(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    centre_id: int | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditLogEntry:
    entry = AuditLogEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        centre_id=centre_id,
        changes=changes or {},
    )
    if target is not None:
        entry.content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.object_id = str(target.pk)
        entry.object_repr = str(target)[:200]
    entry.save()
    return entry
