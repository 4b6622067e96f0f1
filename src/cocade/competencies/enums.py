from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


class ExpectedProfile(models.TextChoices):
    """The career stage an expected level applies to."""

    NEWCOMER = "newcomer", _("Newcomer")
    COUNSELLOR = "counsellor", _("Counsellor")
    SENIOR = "senior", _("Senior counsellor")


class MappingScheme(models.TextChoices):
    CEDEFOP_2009 = "cedefop_2009", _("Cedefop 2009 practitioner competences")
    NICE_2016 = "nice_2016", _("NICE 2016 European Competence Standards")
    ESCO = "esco", _("ESCO skill")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    REVIEWED = "reviewed", _("Reviewed")


class GoalStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class ActionKind(models.TextChoices):
    TRAINING = "training", _("Training to follow")
    PRACTICE = "practice", _("Practice to try")
    SHADOWING = "shadowing", _("Colleague to shadow")
    OTHER = "other", _("Other")
