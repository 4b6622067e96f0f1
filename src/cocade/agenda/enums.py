from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """What an event is. Later apps (training, speed recruitment) add their own behaviour to
    events of their kind; the agenda treats every kind alike."""

    MEETING = "meeting", _("Meeting")
    COMMITTEE = "committee", _("Committee")
    ASSEMBLY = "assembly", _("Assembly")
    PROJECT_MEETING = "project_meeting", _("Project meeting")
    SCHOOL = "school", _("School")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    NUMERIDAY = "numeriday", _("Numeri'Day")
    SPEED_MEETING = "speed_meeting", _("Speed meeting")
    SPEED_RECRUITMENT = "speed_recruitment", _("Speed recruitment")
    QUIZ = "quiz", _("Quiz")
    FISHBOWL = "fishbowl", _("Fish-bowl day")
    CONFERENCE = "conference", _("Conference")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the network")
    INVITED = "invited", _("Invited people only")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


#: Registrations that hold (or wait for) a place: one per email and event.
ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    CONSENT = "consent", _("Consent")


class HalfDay(models.TextChoices):
    MORNING = "am", _("Morning")
    AFTERNOON = "pm", _("Afternoon")


class MailingAudience(models.TextChoices):
    ALL = "all", _("All confirmed registrants")
    ATTENDEES = "attendees", _("Attendees")
    NO_SHOWS = "no_shows", _("No-shows")


class MailingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
