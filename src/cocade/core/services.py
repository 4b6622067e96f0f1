"""Building blocks that every app's services use for a validated, audited save."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, DomainError, InvalidInput

M = TypeVar("M", bound=models.Model)


def save_with_audit(
    *,
    actor: Any,
    instance: M,
    changes: Mapping[str, Any],
    fields: Iterable[str],
    action: str,
    centre_id: int | None,
    m2m: Mapping[str, Iterable[Any]] | None = None,
) -> M:
    """Apply `changes` (only `fields` may change), validate, save, set m2m, and write the audit
    entry, all in one transaction. Bad input raises `InvalidInput` and writes nothing."""
    fields = tuple(fields)
    unknown = sorted(set(changes) - set(fields))
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)},
            field=unknown[0],
        )
    tracked = fields + tuple(m2m or ())
    is_new = instance.pk is None
    before = {} if is_new else snapshot(instance, tracked)
    for name, value in changes.items():
        setattr(instance, name, value)
    try:
        instance.full_clean()
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error
    try:
        with transaction.atomic():
            instance.save()
            for name, values in (m2m or {}).items():
                getattr(instance, name).set(values)
            changes_made = diff(before, snapshot(instance, tracked))
            if is_new or changes_made:
                record_action(
                    actor=actor,
                    action=action,
                    target=instance,
                    centre_id=centre_id,
                    changes=changes_made,
                )
    except IntegrityError as error:
        raise Conflict(
            _("This conflicts with data saved meanwhile; reload and try again.")
        ) from error
    return instance


def delete_with_audit(
    *, actor: Any, instance: models.Model, fields: Iterable[str], action: str, centre_id: int | None
) -> None:
    before = snapshot(instance, tuple(fields))
    try:
        with transaction.atomic():
            record_action(
                actor=actor,
                action=action,
                target=instance,
                centre_id=centre_id,
                changes={name: {"before": value, "after": None} for name, value in before.items()},
            )
            instance.delete()
    except models.ProtectedError as error:
        raise Conflict(_("This is still in use and cannot be deleted.")) from error
