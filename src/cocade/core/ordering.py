"""Moving one item of an ordered list (questions of a form, of a quiz) one place up or down."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cocade.core.errors import Conflict, NotFound


def move_one_place(ordered: list[Any], pk: Any, direction: str) -> tuple[Any, int]:
    """Swap the item `pk` of `ordered` (rows with a `position`, locked by the caller) with its
    neighbour `up` or `down`, renumber the positions 0, 1, 2… and save those that changed.
    Returns the moved item and its position before. NotFound when `pk` is not in the list;
    Conflict `cannot_move` when the item is already first (up) or last (down)."""
    index = next((i for i, item in enumerate(ordered) if item.pk == pk), None)
    if index is None:
        raise NotFound()
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        raise Conflict(
            _("This question is already first.")
            if direction == "up"
            else _("This question is already last."),
            code="cannot_move",
        )
    ordered[index], ordered[other] = ordered[other], ordered[index]
    before = ordered[other].position
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    return ordered[other], before
