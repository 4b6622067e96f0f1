import pytest

from cocade.core.audit import diff, record_action, snapshot
from cocade.core.models import AppendOnlyError, AuditLogEntry
from tests.factories.directory import SiteFactory


def test_diff_lists_only_changed_fields():
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": {"before": 2, "after": 3}}


@pytest.mark.django_db
def test_snapshot_gives_json_ready_values():
    site = SiteFactory(commune="Koungou")

    values = snapshot(site, ("commune", "latitude", "centre"))

    assert values == {"commune": "Koungou", "latitude": "48.895600", "centre": site.centre_id}


@pytest.mark.django_db
def test_audit_entries_cannot_be_changed_or_deleted(manager_a):
    site = SiteFactory()
    entry = record_action(
        actor=manager_a,
        action="directory.site.updated",
        target=site,
        centre_id=site.centre_id,
        changes={"commune": {"before": "a", "after": "b"}},
    )

    entry.action = "something.else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditLogEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditLogEntry.objects.all().delete()

    stored = AuditLogEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.actor_id, stored.object_repr, stored.centre_id) == (
        "directory.site.updated",
        manager_a.pk,
        str(site),
        site.centre_id,
    )
