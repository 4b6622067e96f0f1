from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an audit log entry."""


class AuditLogQuerySet(models.QuerySet["AuditLogEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self) -> Any:
        raise AppendOnlyError("The audit log is append-only.")

    def for_centre(self, centre_id: int) -> AuditLogQuerySet:
        return self.filter(centre_id=centre_id)


class AuditLogEntry(models.Model):
    """Who did what, when, to which object, with the values before and after. Append-only.

    `centre_id` scopes the entry to a centre (managers read their centre's entries); it is a
    plain integer so that `core` depends on no feature app.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    centre_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("The audit log is append-only.")


# --- Full-text search index (see cocade.core.search) ---------------------------------------------


class SearchDocument(models.Model):
    """One searchable object of a feature app, named by `scope` ("app.model") and its id."""

    scope = models.CharField(max_length=100)
    object_id = models.BigIntegerField()
    sort_date = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "object_id"], name="core_searchdoc_object")
        ]
        indexes = [models.Index(fields=["scope", "-sort_date"], name="core_searchdoc_date")]

    def __str__(self) -> str:
        return f"{self.scope}#{self.object_id}"


class SearchEntry(models.Model):
    """The text of a document in one language. PostgreSQL adds a `search_vector` column and
    SQLite an FTS5 table (`core_searchentry_fts`, keyed by this id) in migrations."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="entries", db_index=False
    )
    language = models.CharField(max_length=16)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="core_searchentry_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id} [{self.language}] {self.title[:50]}"


class SearchFacet(models.Model):
    """One facet value of a document (a document has any number per facet). `key` is a 64-bit
    hash of (facet, value): counting groups by it, an integer being much faster to sort."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    facet = models.CharField(max_length=50)
    value = models.CharField(max_length=200)
    key = models.BigIntegerField()

    class Meta:
        constraints = [
            # (document, facet, value) is unique, as key depends on (facet, value) only; the
            # index covers counting the facets of given documents.
            models.UniqueConstraint(
                fields=["document", "key", "facet", "value"], name="core_searchfacet_value"
            )
        ]
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="core_searchfacet_filter")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.facet}={self.value}"


class SearchTerm(models.Model):
    """A word met in the documents of a scope (lowercase, unaccented): the "did you mean"
    vocabulary."""

    scope = models.CharField(max_length=100)
    term = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "term"], name="core_searchterm_unique")
        ]

    def __str__(self) -> str:
        return self.term
