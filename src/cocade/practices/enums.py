from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


#: Which status may follow which (the services refuse any other move).
TRANSITIONS: dict[str, frozenset[str]] = {
    PracticeStatus.DRAFT: frozenset({PracticeStatus.SUBMITTED}),
    PracticeStatus.SUBMITTED: frozenset({PracticeStatus.IN_REVIEW, PracticeStatus.DRAFT}),
    PracticeStatus.IN_REVIEW: frozenset(
        {PracticeStatus.CHANGES_REQUESTED, PracticeStatus.PUBLISHED}
    ),
    PracticeStatus.CHANGES_REQUESTED: frozenset({PracticeStatus.IN_REVIEW}),
    PracticeStatus.PUBLISHED: frozenset({PracticeStatus.ARCHIVED}),
    PracticeStatus.ARCHIVED: frozenset({PracticeStatus.PUBLISHED}),
}

#: Statuses in which the author may change the sheet (editors may in any but archived).
AUTHOR_EDITABLE = frozenset({PracticeStatus.DRAFT, PracticeStatus.CHANGES_REQUESTED})


class PracticeType(models.TextChoices):
    RECEPTION = "reception", _("Reception")
    COUNSELLING = "counselling", _("Counselling")
    WORKSHOP = "workshop", _("Workshop")
    EVENT = "event", _("Event")
    PARTNERSHIP = "partnership", _("Partnership")
    DIGITAL = "digital", _("Digital")
    OUTREACH = "outreach", _("Outreach")


class PracticePole(models.TextChoices):
    """The five pôles every Cité des métiers is organised around (codes as in the directory)."""

    ORIENT = "orient", _("Choose an orientation")
    FORM = "form", _("Find a training")
    EMPLOI = "emploi", _("Find a job")
    CHANGER = "changer", _("Change one's working life")
    CREER = "creer", _("Create an activity")


class TargetPublic(models.TextChoices):
    PUPILS = "pupils", _("Pupils")
    STUDENTS = "students", _("Students")
    APPRENTICES = "apprentices", _("Apprentices")
    YOUNG_PEOPLE = "young_people", _("Young people not in education or employment")
    JOBSEEKERS = "jobseekers", _("Jobseekers")
    EMPLOYEES = "employees", _("Employees")
    DISABILITY = "disability", _("People with disabilities")
    MIGRANTS = "migrants", _("Migrants and refugees")
    FEWER_OPPORTUNITIES = "fewer_opportunities", _("People with fewer opportunities")
    SENIORS = "seniors", _("Seniors")
    ENTREPRENEURS = "entrepreneurs", _("Business creators")
    EMPLOYERS = "employers", _("Employers")
    PROFESSIONALS = "professionals", _("Guidance professionals")


class Licence(models.TextChoices):
    CC_BY_SA_4 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_NC_SA_4 = (
        "CC-BY-NC-SA-4.0",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
    )
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


class TranslationStatus(models.TextChoices):
    DRAFT = "draft", _("Being translated")
    READY = "ready", _("Ready for checking")
    PUBLISHED = "published", _("Published")


class ReviewCriterion(models.TextChoices):
    CLARITY = "clarity", _("Clarity")
    EVIDENCE = "evidence", _("Evidence of results")
    TRANSFERABILITY = "transferability", _("Transferability")
    ETHICS = "ethics", _("Ethics and anonymity of the publics")


class ReviewScore(models.IntegerChoices):
    INSUFFICIENT = 1, _("1 – insufficient")
    PARTIAL = 2, _("2 – partly met")
    GOOD = 3, _("3 – met")
    EXEMPLARY = 4, _("4 – exemplary")


class ReviewRecommendation(models.TextChoices):
    PUBLISH = "publish", _("Publish as it is")
    CHANGES = "changes", _("Ask for changes")


class EditionStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
