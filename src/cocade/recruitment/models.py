"""Speed recruitment, speed meetings and live quizzes, built on the agenda's events.

A speed recruitment (`RecruitmentDay`) belongs to one agenda event of kind
`speed_recruitment`. Companies (each with tables, availability windows and offers) are invited
by the organisers and reach their own page through a signed link, without an account.
Candidates register through the agenda (their `agenda.Registration` holds name, email,
language and consent) and apply to companies with ranked preferences; organisers and companies
shortlist. The scheduler (`recruitment.solver`, pure Python with OR-Tools) places the
shortlisted interviews on (table, slot); each computation is a `ScheduleRun`, and its result
replaces the future interviews. On the day, interviews that are under way or done are pinned:
a re-optimisation never moves them.

A speed meeting (`SpeedMeeting`) rotates k groups across tables every N minutes. A quiz
(`Quiz`) is answered from phones through a short code, one answer per participant and
question.

Times are stored in UTC like the agenda's; the day's grid (start, end, breaks, windows) is
kept in the event's local time as "HH:MM", the solver's own format.
"""

from __future__ import annotations

import secrets
import string
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cocade.recruitment.enums import (
    ApplicationStatus,
    Contract,
    InterviewStatus,
    Outcome,
    Phase,
    Presence,
    QuestionState,
    QuizStatus,
    RunKind,
    RunStatus,
)


def new_secret() -> str:
    return secrets.token_urlsafe(18)


#: Quiz codes avoid letters and digits that read alike (0/O, 1/I/L).
CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01OIL")


def new_quiz_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def cv_path(instance: Candidate, filename: str) -> str:
    """CVs are stored under a random name, never the uploader's."""
    return f"recruitment/cv/{instance.day_id}/{secrets.token_hex(16)}.pdf"


class PrivateStorage(FileSystemStorage):
    """Files under `settings.PRIVATE_MEDIA_ROOT`, read when used (not at import), outside
    MEDIA_ROOT so that no URL serves them directly."""

    @cached_property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def private_storage() -> FileSystemStorage:
    """Where CVs live."""
    return PrivateStorage()


class RecruitmentDay(models.Model):
    """The speed recruitment of one agenda event, and its grid of interview slots."""

    event = models.OneToOneField(
        "agenda.Event", on_delete=models.CASCADE, related_name="recruitment"
    )
    phase = models.CharField(
        _("stage"), max_length=20, choices=Phase.choices, default=Phase.COMPANIES
    )
    slot_minutes = models.PositiveSmallIntegerField(_("interview length (minutes)"), default=5)
    day_start = models.TimeField(_("first interview"), default=time(9, 0))
    day_end = models.TimeField(_("end of the last interview"), default=time(18, 0))
    breaks = models.JSONField(
        _("breaks"),
        default=list,
        blank=True,
        help_text=_('A list of {"start": "HH:MM", "end": "HH:MM"} in the event\'s local time.'),
    )
    min_gap_slots = models.PositiveSmallIntegerField(
        _("free slots between a candidate's interviews"), default=0
    )
    max_interviews = models.PositiveSmallIntegerField(
        _("most interviews per candidate"), default=10
    )
    max_applications = models.PositiveSmallIntegerField(
        _("most companies a candidate may choose"), default=10
    )
    applications_close_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    cv_required = models.BooleanField(_("a CV is required"), default=False)
    seed = models.PositiveIntegerField(_("seed of the scheduler"), default=2018)
    time_limit = models.PositiveSmallIntegerField(_("longest computation (seconds)"), default=20)
    schedule_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("speed recruitment")
        verbose_name_plural = _("speed recruitments")
        constraints = [
            models.CheckConstraint(
                condition=Q(slot_minutes__gt=0), name="recruitment_day_positive_slot"
            ),
            models.CheckConstraint(
                condition=Q(day_end__gt=F("day_start")), name="recruitment_day_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return str(self.event)

    def local_datetime(self, at: time) -> datetime:
        """`at` on the event's (first) day, in the event's zone, as an aware datetime."""
        day = self.event.local_start.date()
        return datetime.combine(day, at, tzinfo=self.event.zone)

    def minutes_to_datetime(self, minutes: int) -> datetime:
        """A solver time (minutes since local midnight of the event's day) as a datetime."""
        midnight = self.local_datetime(time(0, 0))
        return midnight + timedelta(minutes=minutes)

    def datetime_to_minutes(self, moment: datetime) -> int:
        midnight = self.local_datetime(time(0, 0))
        local = moment.astimezone(self.event.zone)  # the same zone: wall-clock minutes
        return int((local - midnight).total_seconds() // 60)


class Company(models.Model):
    """A company at a speed recruitment. Its contact reaches the company's page (offers,
    candidates to shortlist, table sheet) through a signed link built from `secret`."""

    day = models.ForeignKey(RecruitmentDay, on_delete=models.CASCADE, related_name="companies")
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    description = models.TextField(_("presentation"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"))
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    tables = models.PositiveSmallIntegerField(_("tables"), default=1)
    windows = models.JSONField(
        _("available"),
        default=list,
        blank=True,
        help_text=_('Empty: the whole day; else a list of {"start": "HH:MM", "end": "HH:MM"}.'),
    )
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    link_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["day", "name"], name="recruitment_company_unique_name"),
            models.CheckConstraint(condition=Q(tables__gt=0), name="recruitment_company_tables"),
        ]

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("job title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    contract = models.CharField(
        _("contract"), max_length=20, choices=Contract.choices, default=Contract.PERMANENT
    )
    positions = models.PositiveSmallIntegerField(_("positions"), default=1)
    location = models.CharField(_("place of work"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["company__name", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Candidate(models.Model):
    """A candidate: the agenda registration (name, email, language, consent, signed links)
    plus what the speed recruitment needs."""

    day = models.ForeignKey(RecruitmentDay, on_delete=models.CASCADE, related_name="candidates")
    registration = models.OneToOneField(
        "agenda.Registration", on_delete=models.CASCADE, related_name="candidate"
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    profile = models.CharField(_("what you are looking for"), max_length=300, blank=True)
    windows = models.JSONField(
        _("available"),
        default=list,
        blank=True,
        help_text=_('Empty: the whole day; else a list of {"start": "HH:MM", "end": "HH:MM"}.'),
    )
    cv = models.FileField(_("CV"), upload_to=cv_path, storage=private_storage, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    timetable_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    presence = models.CharField(
        _("presence"), max_length=20, choices=Presence.choices, default=Presence.EXPECTED
    )
    presence_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["registration__name", "pk"]

    def __str__(self) -> str:
        return self.registration.name

    @property
    def name(self) -> str:
        return self.registration.name

    @property
    def email(self) -> str:
        return self.registration.email


class Application(models.Model):
    """A candidate's choice of a company (through one of its offers), ranked 1 = first."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="applications")
    offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    rank = models.PositiveSmallIntegerField(_("preference"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    decided_by_company = models.BooleanField(default=False, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["candidate", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "company"], name="recruitment_application_once_per_company"
            ),
            models.CheckConstraint(condition=Q(rank__gt=0), name="recruitment_application_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.company}"


class ScheduleRun(models.Model):
    """One computation of the schedule (the whole day, or the rest of it on the day), run by
    the worker; the page polls it for progress."""

    day = models.ForeignKey(RecruitmentDay, on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=20, choices=RunKind.choices, default=RunKind.INITIAL)
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    not_before = models.DateTimeField(null=True, blank=True)
    solver_status = models.CharField(max_length=20, blank=True)  # optimal | feasible | fallback
    constructive = models.CharField(max_length=20, blank=True)  # konig | greedy
    objective = models.BigIntegerField(null=True, blank=True)
    bound = models.BigIntegerField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    solve_seconds = models.FloatField(null=True, blank=True)
    scheduled_count = models.PositiveIntegerField(default=0)
    preference = models.PositiveIntegerField(default=0)
    idle_slots = models.PositiveIntegerField(default=0)
    unscheduled = models.JSONField(default=list, blank=True)  # [{application, reason}]
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One computation at a time per day: a second click is refused.
            models.UniqueConstraint(
                fields=["day"],
                condition=Q(status__in=["queued", "running"]),
                name="recruitment_one_run_at_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.get_kind_display()} · {self.get_status_display()}"


class Interview(models.Model):
    """One interview on (table, slot). Under way or done, it is pinned."""

    day = models.ForeignKey(RecruitmentDay, on_delete=models.CASCADE, related_name="interviews")
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="interview"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="interviews")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="interviews")
    table = models.PositiveSmallIntegerField(_("table"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterviewStatus.choices,
        default=InterviewStatus.SCHEDULED,
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.NONE, blank=True
    )
    run = models.ForeignKey(
        ScheduleRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="interviews"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["starts_at", "company__name", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "table", "starts_at"],
                condition=~Q(status="cancelled"),
                name="recruitment_table_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["candidate", "starts_at"],
                condition=~Q(status="cancelled"),
                name="recruitment_candidate_once_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="recruitment_interview_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.candidate} · {self.starts_at:%H:%M}"


class SpeedMeeting(models.Model):
    """k groups rotate across tables every `round_minutes`; `plan[r][t]` is the group at table
    t in round r (None: the table is free)."""

    event = models.OneToOneField(
        "agenda.Event", on_delete=models.CASCADE, related_name="speed_meeting"
    )
    groups = models.JSONField(_("groups"), default=list)  # names, one per group
    tables = models.JSONField(_("tables"), default=list)  # names (speakers, trades), one per table
    round_minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=15)
    rounds = models.PositiveSmallIntegerField(_("rounds"), default=6)
    starts_at = models.TimeField(_("first round"), default=time(9, 0))
    #: [group name, table name] pairs that must not meet (a speaker who cannot see a class).
    unavailable = models.JSONField(_("pairs that must not meet"), default=list, blank=True)
    plan = models.JSONField(default=list, blank=True, editable=False)
    distinct_encounters = models.PositiveIntegerField(default=0, editable=False)
    method = models.CharField(max_length=30, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("speed meeting")
        verbose_name_plural = _("speed meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(round_minutes__gt=0), name="recruitment_meeting_round_minutes"
            ),
            models.CheckConstraint(condition=Q(rounds__gt=0), name="recruitment_meeting_rounds"),
        ]

    def __str__(self) -> str:
        return str(self.event)


class Quiz(models.Model):
    """A live multiple-choice quiz. Participants join with the short `code` (or its QR code)
    without an account; a signed cookie identifies them for one answer per question."""

    event = models.ForeignKey(
        "agenda.Event",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quizzes",
    )
    centre = models.ForeignKey(
        "directory.Centre", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    code = models.CharField(max_length=8, unique=True, default=new_quiz_code, editable=False)
    status = models.CharField(max_length=20, choices=QuizStatus.choices, default=QuizStatus.DRAFT)
    current = models.ForeignKey(
        "QuizQuestion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)
    choices = models.JSONField(_("choices"), default=list)  # 2 to 6 strings
    correct = models.PositiveSmallIntegerField(_("right answer"), null=True, blank=True)
    state = models.CharField(
        max_length=20, choices=QuestionState.choices, default=QuestionState.WAITING
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class QuizParticipant(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="participants")
    key = models.CharField(max_length=32, unique=True, default=new_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.quiz} · {self.pk}"


class QuizAnswer(models.Model):
    participant = models.ForeignKey(
        QuizParticipant, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="answers")
    choice = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "question"], name="recruitment_one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} · {self.choice}"
