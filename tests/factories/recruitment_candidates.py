"""What the tests of the candidates' side share: a CV upload, the application form's data,
and a look at every row the candidates' writes touch."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cocade.agenda.models import Event, Registration
from cocade.recruitment.models import Application, Candidate, Interview


@pytest.fixture(autouse=True)
def _cv_storage_in_tmp(settings, monkeypatch):
    """`Candidate.cv`'s storage is made once, at import: point it at the test's private root
    (import this fixture into a test module to use it)."""
    storage = Candidate._meta.get_field("cv").storage
    root = settings.PRIVATE_MEDIA_ROOT
    monkeypatch.setitem(storage.__dict__, "base_location", root)
    monkeypatch.setitem(storage.__dict__, "location", os.path.abspath(root))


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="cv.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def apply_data(*choices, **changes):
    """The application form's POST: `choices` are select values ("c<id>", "o<id>")."""
    data = {
        "name": "Ana Sousa",
        "email": "ana@example.org",
        "phone": "+351 912 345 678",
        "profile": "Programadora web, contrato sem termo, Porto",
        "availability": "day",
        "consent": "on",
    }
    data.update({f"choice_{rank}": value for rank, value in enumerate(choices, start=1)})
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def rows(day=None):
    """Every row of registrations, candidates, applications and interviews, and seat counts."""
    return (
        sorted(Event.objects.values_list("pk", "confirmed_count")),
        sorted(Registration.objects.values_list("pk", "email", "status")),
        sorted(Candidate.objects.values_list("pk", "registration_id", "phone", "profile", "cv")),
        sorted(
            Application.objects.values_list(
                "pk", "candidate_id", "company_id", "offer_id", "rank", "status"
            )
        ),
        sorted(Interview.objects.values_list("pk", "status")),
    )


def stored_files(settings):
    """The CV files on disk, relative to the private media root."""
    root = settings.PRIVATE_MEDIA_ROOT
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
