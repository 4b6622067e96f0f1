from django.db import models
from django.utils.translation import gettext_lazy as _


class LabelStatus(models.TextChoices):
    INTEREST = "interest", _("Letter of interest")
    PROJECT = "project", _("Label “en projet”")
    PREFIGURATION = "prefiguration", _("Label “en préfiguration”")
    LABELLED = "labelled", _("Labelled")
    CONFIRMED = "confirmed", _("Label confirmed")
    RENEWED = "renewed", _("Label renewed")
    SUSPENDED = "suspended", _("Label suspended")
    WITHDRAWN = "withdrawn", _("Label withdrawn")


#: Which label status may follow which. Renewal is yearly, so "renewed" may follow itself.
LABEL_TRANSITIONS: dict[str, frozenset[str]] = {
    "": frozenset(
        {
            LabelStatus.INTEREST,
            LabelStatus.PROJECT,
            LabelStatus.PREFIGURATION,
            LabelStatus.LABELLED,
            LabelStatus.CONFIRMED,
            LabelStatus.RENEWED,
        }
    ),
    LabelStatus.INTEREST: frozenset({LabelStatus.PROJECT, LabelStatus.WITHDRAWN}),
    LabelStatus.PROJECT: frozenset(
        {LabelStatus.PREFIGURATION, LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.PREFIGURATION: frozenset(
        {LabelStatus.LABELLED, LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.LABELLED: frozenset(
        {LabelStatus.CONFIRMED, LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.CONFIRMED: frozenset(
        {LabelStatus.RENEWED, LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.RENEWED: frozenset(
        {LabelStatus.RENEWED, LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.SUSPENDED: frozenset(
        {LabelStatus.LABELLED, LabelStatus.CONFIRMED, LabelStatus.RENEWED, LabelStatus.WITHDRAWN}
    ),
    LabelStatus.WITHDRAWN: frozenset({LabelStatus.INTEREST}),
}


class SiteKind(models.TextChoices):
    MAIN = "main", _("Main site")
    SECONDARY = "secondary", _("Secondary site")
    ANTENNA = "antenna", _("Digital antenna")


class PartnerKind(models.TextChoices):
    EMPLOYMENT_SERVICE = "employment_service", _("Public employment service")
    YOUTH = "youth", _("Youth information and support")
    TRAINING = "training", _("Training body")
    GUIDANCE = "guidance", _("Guidance and information centre")
    CAREER_TRANSITION = "career_transition", _("Career transition body")
    CHAMBER = "chamber", _("Chamber (commerce, trades, agriculture)")
    BUSINESS_CREATION = "business_creation", _("Business creation network")
    LOCAL_AUTHORITY = "local_authority", _("Local or regional authority")
    EDUCATION = "education", _("School, university or education authority")
    SCIENCE_CENTRE = "science_centre", _("Science centre or museum")
    ASSOCIATION = "association", _("Association or foundation")
    EMPLOYER = "employer", _("Employer or recruitment agency")
    OTHER = "other", _("Other")
