"""The printed Vademecum: asking for an edition, building it in the worker (run at once in
tests), and what the PDF holds, read back with pdftotext: a contents whose page numbers are
those where each sheet starts, the sheets by pôle then type, the edition's language."""

import re
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.core.errors import Conflict, Forbidden, InvalidInput
from cocade.practices.enums import EditionStatus, TranslationStatus
from cocade.practices.models import VademecumEdition
from cocade.practices.services import editions, translations
from tests.factories.practices import (
    VademecumEditionFactory,
    draft_practice,
    editor_user,
    published_practice,
    sheet_texts,
)

TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")


def pdftotext(path, page=None):
    """The text of the PDF (or of one page): its non-empty lines, spaces collapsed."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    output = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return "\n".join(" ".join(line.split()) for line in output.splitlines() if line.strip())


def page_count(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE).group(1))


def contents(path):
    """The entries of the table of contents (page 2 on, until the first sheet) in order, as
    (title, page number)."""
    entries = []
    page = 2
    while True:
        lines = pdftotext(path, page).splitlines()
        found = [m for m in (TOC_LINE.match(line) for line in lines) if m]
        if not found:
            return entries, page
        entries += [(m["title"], int(m["page"])) for m in found]
        page += 1


def build(actor, language, capture):
    with capture(execute=True):
        edition = editions.request_edition(actor=actor, language=language)
    edition.refresh_from_db()
    return edition


SHEETS = [
    # title, pôles, type
    ("Speed recruitment in Porto", ["emploi"], "event"),
    ("Numeri'Day", ["orient", "form"], "digital"),
    ("The apprentices' web series", ["orient"], "digital"),
    ("Fish-bowl partner day", [], "partnership"),
    ("Quiz with voting boxes", ["orient"], "workshop"),
    ("Apprenticeship speed meeting", ["form"], "event"),
]


@pytest.fixture
def book_sheets(centre_a, counsellor_a):
    editor = editor_user()
    return [
        published_practice(
            counsellor_a,
            centre_a,
            editor=editor,
            texts=sheet_texts(title=title),
            poles=poles,
            practice_type=kind,
        )
        for title, poles, kind in SHEETS
    ]


def test_edition_request_builds_the_edition_with_its_progress(
    book_sheets, centre_a, counsellor_a, coordinator, django_capture_on_commit_callbacks
):
    draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="Not published"))

    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    with open(edition.file.path, "rb") as handle:
        start = handle.read(5)
    assert (
        edition.status,
        edition.progress_done,
        edition.progress_total,
        edition.sheet_count,
        edition.page_count,
        edition.error,
        edition.finished_at is not None,
        start,
    ) == (EditionStatus.DONE, 6, 6, 6, page_count(edition.file.path), "", True, b"%PDF-")
    assert edition.file.name.startswith("vademecum/vademecum-en-")
    assert "Not published" not in pdftotext(edition.file.path)


def test_edition_contents_page_numbers_are_the_pages_where_each_sheet_starts(
    book_sheets, coordinator, django_capture_on_commit_callbacks
):
    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    entries, first_sheet_page = contents(edition.file.path)
    numbers = dict(entries)
    titles = [title for title, _poles, _kind in SHEETS]
    assert sorted(title for title in numbers if title in titles) == sorted(titles)
    for title in titles:
        page = numbers[title]
        earlier = [
            n for n in range(first_sheet_page, page) if title in pdftotext(edition.file.path, n)
        ]
        assert (title in pdftotext(edition.file.path, page), earlier) == (True, []), title


def test_edition_cover_names_the_book_network_language_and_date(
    network, coordinator, django_capture_on_commit_callbacks
):
    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    with translation.override("en"):
        expected = [
            "Vademecum of good practices",
            str(network),
            "English",
            date_format(timezone.localdate(), "DATE_FORMAT"),
            "0 practice sheets",
        ]
    assert pdftotext(edition.file.path, 1).splitlines() == expected


def test_edition_groups_sheets_by_first_pole_then_type_then_title(
    book_sheets, coordinator, django_capture_on_commit_callbacks
):
    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    entries, _first = contents(edition.file.path)
    assert [title for title, _page in entries] == [
        "Choose an orientation",
        "Workshop",
        "Quiz with voting boxes",
        "Digital",
        "Numeri'Day",
        "The apprentices' web series",
        "Find a training",
        "Event",
        "Apprenticeship speed meeting",
        "Find a job",
        "Event",
        "Speed recruitment in Porto",
        "Other practices",
        "Partnership",
        "Fish-bowl partner day",
    ]
    pages = [page for _title, page in entries]
    assert pages == sorted(pages)


def publish_translation(practice, language, texts, editor):
    translation = translations.start_translation(
        actor=practice.author, practice=practice, language=language, texts=texts
    )
    translations.set_translation_status(
        actor=practice.author, translation=translation, status=TranslationStatus.READY
    )
    return translations.set_translation_status(
        actor=editor, translation=translation, status=TranslationStatus.PUBLISHED
    )


def test_edition_in_a_language_prints_published_translations_else_the_original(
    centre_a, counsellor_a, coordinator, django_capture_on_commit_callbacks
):
    editor = editor_user()
    translated = published_practice(
        counsellor_a, centre_a, editor=editor, texts=sheet_texts(title="Speed recruitment")
    )
    publish_translation(
        translated,
        "pt",
        sheet_texts(title="Recrutamento rápido", summary="Entrevistas de cinco minutos."),
        editor,
    )
    in_progress = published_practice(
        counsellor_a, centre_a, editor=editor, texts=sheet_texts(title="Numeri Day")
    )
    translations.start_translation(
        actor=counsellor_a,
        practice=in_progress,
        language="pt",
        texts=sheet_texts(title="Dia digital"),
    )

    edition = build(coordinator, "pt", django_capture_on_commit_callbacks)

    text = pdftotext(edition.file.path)
    entries, _first = contents(edition.file.path)
    assert [title for title, _page in entries][-2:] == ["Numeri Day", "Recrutamento rápido"]
    assert ("Speed recruitment" in text, "Dia digital" in text) == (False, False)
    assert "Entrevistas de cinco minutos." in text
    with translation.override("pt"):
        note = translation.gettext(
            "Original language: %(language)s (not yet translated into %(wanted)s)"
        ) % {"language": "Inglês", "wanted": "Português"}
    assert (note.startswith("Original language"), text.count(note)) == (False, 1)


def test_edition_double_request_while_queued_gives_the_queued_edition(
    coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = editions.request_edition(actor=coordinator, language="fr")
        second = editions.request_edition(actor=coordinator, language="fr")

    assert (second.pk, second.status, len(callbacks), VademecumEdition.objects.count()) == (
        first.pk,
        EditionStatus.QUEUED,
        1,
        1,
    )


def test_edition_request_while_one_is_built_is_refused(coordinator):
    running = VademecumEditionFactory(language="fr", status=EditionStatus.RUNNING)

    with pytest.raises(Conflict) as caught:
        editions.request_edition(actor=coordinator, language="fr")

    assert (caught.value.code, list(VademecumEdition.objects.values_list("pk", flat=True))) == (
        "edition_in_progress",
        [running.pk],
    )


def test_edition_request_in_another_language_while_one_is_built_is_queued(
    coordinator, django_capture_on_commit_callbacks
):
    VademecumEditionFactory(language="fr", status=EditionStatus.RUNNING)

    with django_capture_on_commit_callbacks(execute=False):
        edition = editions.request_edition(actor=coordinator, language="it")

    assert (edition.language, edition.status) == ("it", EditionStatus.QUEUED)


def test_edition_abandoned_by_the_worker_no_longer_blocks_a_request(
    coordinator, django_capture_on_commit_callbacks
):
    lost = VademecumEditionFactory(language="fr", status=EditionStatus.RUNNING)
    VademecumEdition.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - timedelta(hours=7)
    )

    with django_capture_on_commit_callbacks(execute=False):
        edition = editions.request_edition(actor=coordinator, language="fr")

    lost.refresh_from_db()
    assert (lost.status, lost.error, edition.status) == (
        EditionStatus.FAILED,
        "Abandoned: the worker did not finish this edition.",
        EditionStatus.QUEUED,
    )


def test_edition_request_by_a_counsellor_is_forbidden(counsellor_a):
    with pytest.raises(Forbidden):
        editions.request_edition(actor=counsellor_a, language="fr")

    assert VademecumEdition.objects.count() == 0


def test_edition_request_in_an_unknown_language_is_invalid(coordinator):
    with pytest.raises(InvalidInput) as caught:
        editions.request_edition(actor=coordinator, language="xx")

    assert (caught.value.field, VademecumEdition.objects.count()) == ("language", 0)


def test_edition_failing_build_ends_failed_without_a_file(
    book_sheets, coordinator, settings, tmp_path, django_capture_on_commit_callbacks
):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    settings.MEDIA_ROOT = blocked

    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    assert (
        edition.status,
        edition.error,
        edition.file.name,
        edition.finished_at is not None,
    ) == (EditionStatus.FAILED, "NotADirectoryError after 6 of 6 sheets.", "", True)


def test_edition_build_of_a_done_edition_does_nothing(
    coordinator, django_capture_on_commit_callbacks
):
    edition = build(coordinator, "fr", django_capture_on_commit_callbacks)
    before = (edition.file.name, edition.finished_at, edition.page_count)

    again = editions.build_edition(edition.pk)

    assert (again.status, again.file.name, again.finished_at, again.page_count) == (
        EditionStatus.DONE,
        *before,
    )


def test_edition_build_of_an_unknown_edition_does_nothing(db):
    assert editions.build_edition(999999) is None


def test_edition_without_published_sheets_has_a_cover_and_empty_contents(
    coordinator, django_capture_on_commit_callbacks
):
    edition = build(coordinator, "en", django_capture_on_commit_callbacks)

    assert (
        edition.status,
        edition.progress_total,
        edition.sheet_count,
        edition.page_count,
    ) == (EditionStatus.DONE, 0, 0, 2)
    assert "No practice sheet is published yet." in pdftotext(edition.file.path, 2)
