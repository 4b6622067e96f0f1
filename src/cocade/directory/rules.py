"""Who may do what in the directory. Predicates take (user, centre)."""

from __future__ import annotations

from typing import Any

import rules

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role, is_network_coordinator


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return is_network_coordinator(user)


@rules.predicate
def is_manager_of(user: Any, centre: Any) -> bool:
    return centre is not None and centre.pk in centre_ids_with_role(user, Role.CENTRE_MANAGER)


@rules.predicate
def is_staff_of(user: Any, centre: Any) -> bool:
    return centre is not None and centre.pk in centre_ids_with_role(user)


@rules.predicate
def is_published(user: Any, centre: Any) -> bool:
    return centre is not None and centre.is_published


can_view_centre = is_published | is_coordinator | is_staff_of
can_view_centre_private = is_coordinator | is_staff_of
can_manage_centre = is_coordinator | is_manager_of

rules.add_perm("directory.view_centre", can_view_centre)
rules.add_perm("directory.view_centre_private", can_view_centre_private)
rules.add_perm("directory.change_centre", can_manage_centre)
rules.add_perm("directory.add_centre", is_coordinator)
rules.add_perm("directory.change_label", is_coordinator)
rules.add_perm(
    "directory.change_partner",
    is_coordinator
    | rules.is_authenticated
    & rules.predicate(lambda user: bool(centre_ids_with_role(user, Role.CENTRE_MANAGER))),
)
