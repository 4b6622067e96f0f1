"""Background jobs of the Vademecum (run by `cocade db_worker`)."""

from __future__ import annotations

from django_tasks import task

from cocade.practices.services.editions import build_edition


@task()
def build_vademecum_edition(edition_id: int) -> str:
    """Build one queued edition of the printed Vademecum; its status says how it went."""
    edition = build_edition(edition_id)
    return edition.status if edition is not None else "missing"
