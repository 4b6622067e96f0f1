from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """Where a speed recruitment stands. Each phase opens the next one's pages; organisers move
    it forward (and back, until the schedule is published)."""

    COMPANIES = "companies", _("Call for companies")
    APPLICATIONS = "applications", _("Applications open")
    PRESELECTION = "preselection", _("Pre-selection")
    SCHEDULED = "scheduled", _("Schedule published")
    LIVE = "live", _("On the day")
    CLOSED = "closed", _("Closed")


class Contract(models.TextChoices):
    PERMANENT = "permanent", _("Permanent contract")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    INTERNSHIP = "internship", _("Internship")
    OTHER = "other", _("Other")


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    REJECTED = "rejected", _("Not retained")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Presence(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    ARRIVED = "arrived", _("Arrived")
    ABSENT = "absent", _("No-show")


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


#: Interviews that re-optimisation never moves.
PINNED_STATUSES = (InterviewStatus.UNDER_WAY, InterviewStatus.DONE)


class Outcome(models.TextChoices):
    NONE = "", _("No outcome yet")
    SECOND_INTERVIEW = "second_interview", _("Second interview offered")
    HIRED = "hired", _("Hired")
    NOT_RETAINED = "not_retained", _("Not retained")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Computing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class RunKind(models.TextChoices):
    INITIAL = "initial", _("Whole day")
    REOPTIMISE = "reoptimise", _("Rest of the day")


class QuizStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Running")
    CLOSED = "closed", _("Closed")


class QuestionState(models.TextChoices):
    WAITING = "waiting", _("Not asked yet")
    OPEN = "open", _("Answers open")
    CLOSED = "closed", _("Answers closed")
