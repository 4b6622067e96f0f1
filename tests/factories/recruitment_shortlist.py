"""Speed recruitments at the pre-selection stage, named candidates and their CVs, for the
organisers' pre-selection pages and the schedule's printouts."""

from django.core.files.base import ContentFile

from cocade.recruitment.enums import Phase
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import (
    CandidateFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)

#: The start of a real PDF: enough for a download test.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def preselection_day(centre, **values):
    """A speed recruitment of `centre` at the pre-selection stage."""
    values.setdefault("phase", Phase.PRESELECTION)
    event_values = {key[7:]: values.pop(key) for key in list(values) if key.startswith("event__")}
    return RecruitmentDayFactory(
        event=RecruitmentEventFactory(centre=centre, **event_values), **values
    )


def named_candidate(day, name, *, email=None, language="pt", **values):
    """A candidate of `day` whose confirmed registration has this name and language."""
    registration = RegistrationFactory(
        event=day.event,
        name=name,
        email=email or f"{name.split()[0].lower()}@example.org",
        language=language,
    )
    return CandidateFactory(day=day, registration=registration, **values)


def with_cv(candidate, content=PDF_BYTES):
    candidate.cv.save("cv.pdf", ContentFile(content), save=True)
    return candidate
