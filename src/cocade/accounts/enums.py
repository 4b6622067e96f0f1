from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NETWORK_COORDINATOR = "network_coordinator", _("Network coordinator")
    CENTRE_MANAGER = "centre_manager", _("Centre manager")
    COUNSELLOR = "counsellor", _("Counsellor")
    TRAINER = "trainer", _("Trainer")
    ASSESSOR = "assessor", _("Assessor")
    EDITOR = "editor", _("Editor")


#: Roles that may only be held network-wide (no centre).
NETWORK_ONLY_ROLES = frozenset({Role.NETWORK_COORDINATOR})
#: Roles that are always held at one centre.
CENTRE_ONLY_ROLES = frozenset({Role.CENTRE_MANAGER, Role.COUNSELLOR})
#: Roles whose holders must sign in with a second factor.
TWO_FACTOR_ROLES = frozenset({Role.NETWORK_COORDINATOR, Role.CENTRE_MANAGER})
