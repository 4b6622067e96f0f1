"""The Vademecum of good practices: practice sheets, their translations, reviews, revisions and
the exchange around them (comments, "we tried it", follows), and the PDF editions.

A `Practice` holds what does not depend on language (centre, classification, contact, licence,
workflow status); each language's text is a `PracticeTranslation`, the original one included
(`Practice.original_language`). Translations into other languages have their own translator
and status; only published translations of a published sheet are public. Both rows carry a
`lock_version` that every save increments, so that a save based on an older version is refused.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cocade.practices.enums import (
    EditionStatus,
    Licence,
    PracticeStatus,
    PracticeType,
    ReviewRecommendation,
    TranslationStatus,
)

#: The texts of a sheet, in the order of the form and of the printed sheet.
TEXT_FIELDS = (
    "title",
    "summary",
    "context",
    "objectives",
    "method_steps",
    "partners",
    "resources_staff",
    "resources_time",
    "resources_budget",
    "resources_tools",
    "duration",
    "results_figures",
    "results_text",
    "evaluation",
    "success_factors",
    "limits",
    "transfer_conditions",
    "sustainability",
)
#: The language-independent fields of a sheet that an author edits.
SHEET_FIELDS = (
    "centre",
    "original_language",
    "practice_type",
    "poles",
    "target_publics",
    "contact_name",
    "contact_email",
    "licence",
)


class PracticeQuerySet(models.QuerySet["Practice"]):
    def published(self) -> PracticeQuerySet:
        return self.filter(status=PracticeStatus.PUBLISHED)


class Practice(models.Model):
    slug = models.SlugField(_("address"), max_length=120, unique=True, allow_unicode=True)
    centre = models.ForeignKey(
        "directory.Centre",
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name=_("centre"),
    )
    country = CountryField(_("country"))
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT
    )
    practice_type = models.CharField(
        _("type of practice"), max_length=20, choices=PracticeType.choices
    )
    poles = models.JSONField(_("pôles"), default=list, blank=True)  # PracticePole values
    target_publics = models.JSONField(_("target publics"), default=list, blank=True)
    competences = models.ManyToManyField(
        "competencies.Competence",
        blank=True,
        related_name="practices",
        verbose_name=_("linked competences"),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY_SA_4
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name=_("author"),
    )
    review_round = models.PositiveSmallIntegerField(_("review round"), default=0)
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    first_published_at = models.DateTimeField(_("first published at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice sheet")
        verbose_name_plural = _("practice sheets")
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.slug

    def translation(self, language: str) -> PracticeTranslation | None:
        for item in self.translations.all():
            if item.language == language:
                return item
        return None

    @property
    def original(self) -> PracticeTranslation | None:
        return self.translation(self.original_language)


class PracticeTranslation(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("translation status"),
        max_length=12,
        choices=TranslationStatus.choices,
        default=TranslationStatus.DRAFT,
    )
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_translations",
        verbose_name=_("translator"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000)
    context = models.TextField(_("context and needs"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    method_steps = models.JSONField(_("method, step by step"), default=list, blank=True)
    partners = models.TextField(_("partners involved"), blank=True)
    resources_staff = models.TextField(_("staff"), blank=True)
    resources_time = models.TextField(_("time"), blank=True)
    resources_budget = models.TextField(_("budget"), blank=True)
    resources_tools = models.TextField(_("tools"), blank=True)
    duration = models.TextField(_("duration and frequency"), blank=True)
    results_figures = models.TextField(_("results in figures"), blank=True)
    results_text = models.TextField(_("results in words"), blank=True)
    evaluation = models.TextField(_("evaluation method"), blank=True)
    success_factors = models.TextField(_("success factors"), blank=True)
    limits = models.TextField(_("limits"), blank=True)
    transfer_conditions = models.TextField(_("conditions of transfer"), blank=True)
    sustainability = models.TextField(_("sustainability"), blank=True)
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("translation of a practice sheet")
        verbose_name_plural = _("translations of practice sheets")
        ordering = ["practice", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "language"], name="practices_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class PracticeRevision(models.Model):
    """A saved state of one language of a sheet: what changed, by whom, when."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=20, choices=PracticeStatus.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    changed_fields = models.JSONField(_("what changed"), default=list, blank=True)
    data = models.JSONField(default=dict)  # the sheet fields and this language's texts
    is_publication = models.BooleanField(_("published version"), default=False)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["practice", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="practices_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.practice} r{self.number}"


class PracticeAttachment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="practices/%Y/%m/")
    title = models.CharField(_("title"), max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["practice", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class PracticeReview(models.Model):
    """One reviewer's checklist for one review round of a sheet."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField(_("round"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="practice_reviews",
        verbose_name=_("reviewer"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    # {criterion: score 1-4} and {criterion: comment}, for every ReviewCriterion once submitted.
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comments = models.JSONField(_("comments per criterion"), default=dict, blank=True)
    general_comment = models.TextField(_("what to change"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=ReviewRecommendation.choices, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["practice", "-round", "assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "round", "reviewer"], name="practices_one_review_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice} round {self.round} by {self.reviewer_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class PracticeComment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_comments"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    is_hidden = models.BooleanField(_("hidden by an editor"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["practice", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.practice} comment {self.pk}"


class PracticeTrial(models.Model):
    """ "We tried it": a centre's short account of reusing the practice."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="trials")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_trials"
    )
    centre = models.ForeignKey(
        "directory.Centre", on_delete=models.CASCADE, related_name="practice_trials"
    )
    context = models.TextField(_("our context"), max_length=2000)
    adaptation = models.TextField(_("what we adapted"), max_length=2000, blank=True)
    outcome = models.TextField(_("how it went"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("account of a trial")
        verbose_name_plural = _("accounts of trials")
        ordering = ["practice", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "author"], name="practices_one_trial_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice} tried by centre {self.centre_id}"


class PracticeFollow(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["practice", "user"], name="practices_one_follow")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.practice_id}"


class VademecumEdition(models.Model):
    """The whole Vademecum in one language as a PDF, built by the worker with progress."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=EditionStatus.choices, default=EditionStatus.QUEUED
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    sheet_count = models.PositiveIntegerField(_("sheets"), default=0)
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    file = models.FileField(upload_to="vademecum/", blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Vademecum edition")
        verbose_name_plural = _("Vademecum editions")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One edition per language being built at a time: a double click queues one.
            models.UniqueConstraint(
                fields=["language"],
                condition=Q(status__in=["queued", "running"]),
                name="practices_one_edition_in_progress_per_language",
            )
        ]

    def __str__(self) -> str:
        return f"Vademecum [{self.language}] {self.created_at:%Y-%m-%d}"

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))
