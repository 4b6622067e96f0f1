"""The counsellors' competency framework (référentiel), self-assessments and development plans.

A `Framework` is an identity (its slug); its content lives in numbered `FrameworkVersion`s:
draft → published → superseded. Each version owns its whole tree (levels, blocks, competences,
indicators, descriptors, expected levels, external mappings), so that a published version never
changes and every assessment keeps pointing to the exact text it was made against. Services
refuse any change to a version that is not a draft.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import (
    ActionKind,
    AssessmentStatus,
    ExpectedProfile,
    GoalStatus,
    MappingScheme,
    VersionStatus,
)
from cocade.core.i18n import TranslatableModel, TranslatedField

CODE_MAX_LENGTH = 20


class Framework(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class FrameworkVersionQuerySet(models.QuerySet["FrameworkVersion"]):
    def public(self) -> FrameworkVersionQuerySet:
        return self.exclude(status=VersionStatus.DRAFT)

    def published(self) -> FrameworkVersionQuerySet:
        return self.filter(status=VersionStatus.PUBLISHED)


class FrameworkVersion(TranslatableModel):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="versions", verbose_name=_("framework")
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"))
    change_note = TranslatedField(
        _("what changed"), help_text=_("A short note on what this version changes.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    required_translated_fields = ("title",)
    objects = FrameworkVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="competencies_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["framework"],
                condition=Q(status="draft"),
                name="competencies_one_draft_per_framework",
            ),
            models.UniqueConstraint(
                fields=["framework"],
                condition=Q(status="published"),
                name="competencies_one_published_per_framework",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="competencies_version_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework.slug} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class ProficiencyLevel(TranslatableModel):
    """One step of the version's scale; `rank` 1 is the lowest."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(_("rank"))
    code = models.SlugField(_("code"), max_length=40)
    label = TranslatedField(_("label"), max_length=100)
    description = TranslatedField(_("description"))

    required_translated_fields = ("label",)

    class Meta:
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        ordering = ["version", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["version", "rank"], name="competencies_level_rank"),
            models.UniqueConstraint(fields=["version", "code"], name="competencies_level_code"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="competencies_level_rank_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.label_i18n}"


class Block(TranslatableModel):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="blocks")
    code = models.CharField(_("code"), max_length=CODE_MAX_LENGTH)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"))

    required_translated_fields = ("title",)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="competencies_block_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_i18n}"


class Competence(TranslatableModel):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="competences"
    )
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="competences")
    code = models.CharField(_("code"), max_length=CODE_MAX_LENGTH)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"))

    required_translated_fields = ("title",)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["version", "block__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="competencies_competence_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_i18n}"


class Indicator(TranslatableModel):
    """An observable behaviour that shows the competence."""

    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = TranslatedField(_("text"), max_length=500)

    required_translated_fields = ("text",)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["competence", "position", "pk"]

    def __str__(self) -> str:
        return str(self.text_i18n)


class LevelDescriptor(TranslatableModel):
    """What a level means for one competence, where the author says so."""

    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="descriptors")
    level = models.ForeignKey(ProficiencyLevel, on_delete=models.CASCADE, related_name="+")
    text = TranslatedField(_("text"))

    required_translated_fields = ("text",)

    class Meta:
        verbose_name = _("level descriptor")
        verbose_name_plural = _("level descriptors")
        ordering = ["competence", "level__rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "level"], name="competencies_descriptor_unique"
            ),
        ]


class ExpectedLevel(models.Model):
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="expected_levels"
    )
    profile = models.CharField(_("profile"), max_length=12, choices=ExpectedProfile.choices)
    level = models.ForeignKey(ProficiencyLevel, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("expected level")
        verbose_name_plural = _("expected levels")
        ordering = ["competence", "profile"]
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "profile"], name="competencies_expected_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_profile_display()}: {self.level_id}"


class ExternalMapping(models.Model):
    """A link to an item of an external reference (Cedefop 2009, NICE, ESCO)."""

    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="mappings")
    scheme = models.CharField(_("reference"), max_length=20, choices=MappingScheme.choices)
    reference = models.CharField(_("item"), max_length=300)
    label = models.CharField(_("label"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("external mapping")
        verbose_name_plural = _("external mappings")
        ordering = ["competence", "scheme", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "scheme", "reference"], name="competencies_mapping_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()} {self.reference}"


# --- Self-assessment and review ------------------------------------------------------------------


class SelfAssessment(models.Model):
    """A counsellor's dated positioning on one framework version, and its review.

    `centre` is the centre the counsellor assessed from: it decides who reviews and who sees it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competence_assessments"
    )
    centre = models.ForeignKey(
        "directory.Centre", on_delete=models.PROTECT, related_name="competence_assessments"
    )
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    profile = models.CharField(
        _("compared with"),
        max_length=12,
        choices=ExpectedProfile.choices,
        default=ExpectedProfile.COUNSELLOR,
        help_text=_("Whose expected levels the gaps are measured against."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competence_reviews_assigned",
        verbose_name=_("named reviewer"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(_("review comment"), blank=True, max_length=4000)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"],
                condition=Q(status="draft"),
                name="competencies_one_draft_assessment",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="competencies_assessment_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="reviewed") | Q(reviewed_at__isnull=False),
                name="competencies_assessment_reviewed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.version} · {self.created_at:%Y-%m-%d}"


class AssessmentRating(models.Model):
    """The level a counsellor gives themself on one competence, and the reviewer's level."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(
        ProficiencyLevel,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("level"),
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    evidence = models.TextField(_("evidence"), blank=True, max_length=2000)
    review_level = models.ForeignKey(
        ProficiencyLevel,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewed level"),
    )
    review_comment = models.TextField(_("review comment"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competence"], name="competencies_rating_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} · {self.competence_id}: {self.level_id}"

    @property
    def agreed_level(self) -> ProficiencyLevel | None:
        """The reviewer's level when there is one, else the counsellor's own."""
        return self.review_level or self.level


# --- Development plans ---------------------------------------------------------------------------


class DevelopmentPlan(models.Model):
    """Goals a counsellor and their manager agree from the gaps of an assessment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_plans"
    )
    centre = models.ForeignKey(
        "directory.Centre", on_delete=models.PROTECT, related_name="development_plans"
    )
    version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(
        SelfAssessment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        verbose_name=_("based on the assessment"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counsellor_agreed_at = models.DateTimeField(
        _("agreed by the counsellor"), null=True, blank=True
    )
    manager_agreed_at = models.DateTimeField(_("agreed by the manager"), null=True, blank=True)
    manager_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"],
                condition=Q(closed_at__isnull=True),
                name="competencies_one_open_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.version}"

    @property
    def is_agreed(self) -> bool:
        return bool(self.counsellor_agreed_at and self.manager_agreed_at)


class DevelopmentGoal(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    competence = models.ForeignKey(
        Competence,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competence"),
    )
    target_level = models.ForeignKey(
        ProficiencyLevel,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("target level"),
    )
    title = models.CharField(_("goal"), max_length=300)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=GoalStatus.choices, default=GoalStatus.PLANNED
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class DevelopmentAction(models.Model):
    goal = models.ForeignKey(DevelopmentGoal, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("kind"), max_length=12, choices=ActionKind.choices)
    description = models.CharField(_("description"), max_length=500)
    link = models.URLField(_("link"), blank=True, max_length=500)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("development action")
        verbose_name_plural = _("development actions")
        ordering = ["goal", "pk"]

    def __str__(self) -> str:
        return self.description
