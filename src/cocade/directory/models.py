from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cocade.core.i18n import TranslatableModel, TranslatedField
from cocade.directory.enums import LabelStatus, PartnerKind, SiteKind
from cocade.directory.validators import validate_language_list, validate_logo


class Network(TranslatableModel):
    slug = models.SlugField(_("short name"), max_length=60, unique=True, allow_unicode=True)
    name = TranslatedField(_("name"), max_length=200)
    description = TranslatedField(_("description"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)

    required_translated_fields = ("name",)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return str(self.name_i18n)


class CentreQuerySet(models.QuerySet["Centre"]):
    def published(self) -> CentreQuerySet:
        return self.filter(is_published=True)

    def with_label_status(self) -> CentreQuerySet:
        latest = LabelStatusChange.objects.filter(centre=OuterRef("pk")).order_by(
            "-decided_on", "-id"
        )
        return self.annotate(
            current_label_status=Subquery(latest.values("status")[:1]),
            current_label_since=Subquery(latest.values("decided_on")[:1]),
        )


class Centre(TranslatableModel):
    """A Cité des métiers: one labelled integrated place with its sites and partners."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="centres")
    slug = models.SlugField(
        _("short name"),
        max_length=80,
        unique=True,
        allow_unicode=True,
        help_text=_("Used in addresses: lowercase letters, digits and hyphens."),
    )
    name = TranslatedField(_("name"), max_length=200)
    description = TranslatedField(_("description"))
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    carrier = models.CharField(_("carrier organisation"), max_length=200, blank=True)
    opened_on = models.DateField(_("opening date"), null=True, blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        validators=[validate_language_list],
        help_text=_("Language codes, for example fr, en, pt."),
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True, validators=[validate_logo])
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_published = models.BooleanField(
        _("shown to the public"),
        default=True,
        help_text=_("Unpublished centres are seen only by their staff and the coordinators."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CentreQuerySet.as_manager()
    required_translated_fields = ("name",)

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        ordering = ["country", "city", "slug"]

    def __str__(self) -> str:
        return str(self.name_i18n)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("directory:centre", kwargs={"slug": self.slug})


class LabelStatusChange(models.Model):
    """One dated step of a centre's label history; the latest is the current status."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="label_history")
    status = models.CharField(_("label status"), max_length=20, choices=LabelStatus.choices)
    decided_on = models.DateField(_("decided on"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("label status change")
        verbose_name_plural = _("label history")
        ordering = ["centre", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.centre}: {self.get_status_display()} ({self.decided_on})"


class SiteQuerySet(models.QuerySet["Site"]):
    def published(self) -> SiteQuerySet:
        return self.filter(is_published=True, centre__is_published=True)


class Site(TranslatableModel):
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="sites")
    kind = models.CharField(
        _("kind"), max_length=20, choices=SiteKind.choices, default=SiteKind.MAIN
    )
    slug = models.SlugField(_("short name"), max_length=80, allow_unicode=True)
    name = TranslatedField(_("name"), max_length=200)
    address = models.CharField(_("street address"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    commune = models.CharField(_("commune"), max_length=120)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )
    opening_hours = TranslatedField(_("opening hours"))
    accessibility = TranslatedField(_("accessibility"))
    step_free_access = models.BooleanField(_("step-free access"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    is_published = models.BooleanField(_("shown to the public"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SiteQuerySet.as_manager()
    required_translated_fields = ("name",)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["centre", "kind", "commune", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "slug"], name="site_unique_slug_per_centre"),
            models.UniqueConstraint(
                fields=["centre"], condition=Q(kind="main"), name="site_one_main_per_centre"
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90) | Q(latitude__isnull=True),
                name="site_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180) | Q(longitude__isnull=True),
                name="site_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="site_coordinates_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return str(self.name_i18n)


class Pole(TranslatableModel):
    """A pôle of a centre (choose an orientation, find a job, …): configured per centre."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="poles")
    code = models.SlugField(_("code"), max_length=40)
    name = TranslatedField(_("name"), max_length=150)
    description = TranslatedField(_("description"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    required_translated_fields = ("name",)

    class Meta:
        verbose_name = _("pôle")
        verbose_name_plural = _("pôles")
        ordering = ["centre", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "code"], name="pole_unique_code_per_centre")
        ]

    def __str__(self) -> str:
        return str(self.name_i18n)


class PartnerOrganisation(TranslatableModel):
    slug = models.SlugField(_("short name"), max_length=80, unique=True, allow_unicode=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    description = TranslatedField(_("description"))

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    """Which partner staffs which pôles of which centre, since when and until when."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="partnerships")
    partner = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("partner"),
    )
    poles = models.ManyToManyField(
        Pole, blank=True, related_name="partnerships", verbose_name=_("pôles staffed")
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MaxValueValidator(168)]
    )
    starts_on = models.DateField(_("since"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["centre", "partner__name", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="partnership_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} @ {self.centre}"


class ServiceType(TranslatableModel):
    """A theme of help offered across the network (mobility, digital workshops, …)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = TranslatedField(_("name"), max_length=150)
    description = TranslatedField(_("description"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    required_translated_fields = ("name",)

    class Meta:
        verbose_name = _("service theme")
        verbose_name_plural = _("service themes")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return str(self.name_i18n)


class SiteService(TranslatableModel):
    """A service offered at a site, optionally within a pôle and delivered by a partner."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="services")
    service_type = models.ForeignKey(
        ServiceType, on_delete=models.PROTECT, related_name="offers", verbose_name=_("theme")
    )
    pole = models.ForeignKey(
        Pole,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        verbose_name=_("pôle"),
    )
    partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        verbose_name=_("delivered by"),
    )
    details = TranslatedField(_("details"))

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["site", "service_type__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "service_type"], name="siteservice_unique_type_per_site"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_type} @ {self.site}"


class Person(models.Model):
    """Someone who holds or held a position. Only public positions are shown to visitors."""

    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Position(TranslatableModel):
    """A role held at a centre or a partner. Arrivals and departures are read from these."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    centre = models.ForeignKey(
        Centre,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name=_("centre"),
    )
    partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name=_("partner organisation"),
    )
    title = TranslatedField(_("role title"), max_length=150)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    is_public = models.BooleanField(
        _("announce publicly"),
        default=False,
        help_text=_("Show this arrival or departure on the public pages."),
    )

    required_translated_fields = ("title",)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="position_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(centre__isnull=False) | Q(partner__isnull=False),
                name="position_at_centre_or_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.title_i18n}"
