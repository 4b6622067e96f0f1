"""The network agenda: events, their timetable and questions, registrations, invitations,
attendance, organisers' mailings and personal calendar feeds.

Seats are counted on the event itself (`Event.confirmed_count`): a registration takes a seat
with one conditional UPDATE (`confirmed_count < capacity`), and a check constraint forbids the
count from ever passing the capacity, so two people at once can never both get the last seat
(see `agenda.services.registrations`). Times are stored in UTC; `Event.timezone` says where the
event happens, and pages, emails and calendar files show the event's own local time.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import (
    ACTIVE_STATUSES,
    Audience,
    EventKind,
    EventStatus,
    HalfDay,
    MailingAudience,
    MailingStatus,
    QuestionKind,
    RegistrationStatus,
)
from cocade.core.i18n import TranslatableModel, TranslatedField

#: Local hour at which the afternoon starts, for attendance by half-day.
AFTERNOON_STARTS = time(13, 0)


def new_secret() -> str:
    return secrets.token_urlsafe(18)


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def public(self) -> EventQuerySet:
        return self.published().filter(audience=Audience.PUBLIC)


class Event(TranslatableModel):
    slug = models.SlugField(_("address"), max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField(_("type"), max_length=30, choices=EventKind.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    centre = models.ForeignKey(
        "directory.Centre",
        verbose_name=_("organising centre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Empty when the network itself organises the event."),
    )
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), max_length=500)
    description = TranslatedField(_("description"))
    site = models.ForeignKey(
        "directory.Site",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    venue_name = models.CharField(_("venue name"), max_length=200, blank=True)
    address = models.CharField(_("address of the venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default=settings.TIME_ZONE)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    waitlist = models.BooleanField(_("waiting list when full"), default=False)
    moderation = models.BooleanField(
        _("registrations need the organiser's approval"), default=False
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_("People besides the centre's managers who run the event and its check-in."),
    )
    #: Seats taken by confirmed registrations; only the services change it, by conditional
    #: UPDATE, and the check constraint keeps it within the capacity.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    duplicated_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: When the retention job anonymised the registrations of this (past) event.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()
    required_translated_fields = ("title",)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "audience", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="agenda_event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(confirmed_count__lte=F("capacity")),
                name="agenda_event_no_overbooking",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="agenda_event_window_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title_i18n) or self.slug

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity

    def days(self) -> list[date]:
        """The local dates the event covers."""
        first, last = self.local_start.date(), (self.local_end - timedelta(microseconds=1)).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def half_days(self) -> list[tuple[date, str]]:
        """(date, "am" | "pm") for each half-day the event overlaps, in order."""
        zone = self.zone
        result = []
        for day in self.days():
            noon = datetime.combine(day, AFTERNOON_STARTS, tzinfo=zone)
            morning = (datetime.combine(day, time(0), tzinfo=zone), noon)
            afternoon = (noon, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone))
            for half, (start, end) in ((HalfDay.MORNING, morning), (HalfDay.AFTERNOON, afternoon)):
                if self.starts_at < end and self.ends_at > start:
                    result.append((day, str(half)))
        return result


class EventSession(TranslatableModel):
    """One slot of a (multi-day) event's timetable."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title = TranslatedField(_("title"), max_length=200)
    place = models.CharField(_("room or place"), max_length=200, blank=True)

    required_translated_fields = ("title",)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="agenda_session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return str(self.title_i18n)


class Question(TranslatableModel):
    """A custom question of an event's registration form. A choice question's `choices` is a
    list of {language: text}; the answer keeps the text in the original language."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label = TranslatedField(_("question"), max_length=300)
    help_text = TranslatedField(_("help text"), max_length=500)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)

    required_translated_fields = ("label",)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.label_i18n)


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting_in_order(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    """One person's registration. No account is needed: the signed links in the emails (built
    from `secret`) let the registrant see, cancel or delete it, and the QR code checks them in."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(email=""),
                name="agenda_one_active_registration_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.name or _("Anonymised registrant")


class Invitation(models.Model):
    """A member invited to an internal meeting (audience "invited")."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="agenda_one_invitation_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.event}"


class Attendance(models.Model):
    """A registrant present for one half-day of the event."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    day = models.DateField(_("day"))
    half = models.CharField(_("half-day"), max_length=2, choices=HalfDay.choices)
    checked_in_at = models.DateTimeField(_("checked in"), auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["day", "half", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day", "half"], name="agenda_attendance_once_per_half_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} · {self.day} {self.half}"


class EventMailing(models.Model):
    """An organiser's email to the event's registrants, sent by the worker with progress."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mailings")
    audience = models.CharField(_("to"), max_length=20, choices=MailingAudience.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=20, choices=MailingStatus.choices, default=MailingStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.subject

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.sent / self.total))


class CalendarFeed(models.Model):
    """The secret address of a person's private feed of their own registrations."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    key = models.CharField(max_length=64, unique=True, default=new_secret)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}"
