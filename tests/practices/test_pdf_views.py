"""The PDF pages of the Vademecum: one sheet on demand, the public list and download of the
printed editions, and the editors' page with the progress of an edition being built."""

import re
import subprocess

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from cocade.competencies.models import Competence
from cocade.practices.enums import EditionStatus, TranslationStatus
from cocade.practices.models import VademecumEdition
from cocade.practices.services import translations
from tests.factories.competencies import published_version
from tests.factories.practices import (
    VademecumEditionFactory,
    draft_practice,
    editor_user,
    published_practice,
    sheet_texts,
)


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def pdf_text(content):
    output = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return "\n".join(" ".join(line.split()) for line in output.splitlines() if line.strip())


def done_edition(language="fr", content=b"%PDF-1.7\n%%EOF\n", **values):
    edition = VademecumEditionFactory(
        language=language,
        status=EditionStatus.DONE,
        page_count=12,
        sheet_count=5,
        finished_at=timezone.now(),
        **values,
    )
    edition.file.save(f"vademecum-{language}-{edition.pk}.pdf", ContentFile(content))
    return edition


# --- One sheet ----------------------------------------------------------------------------


def test_sheet_pdf_prints_every_part_of_a_published_sheet(client, centre_a, counsellor_a):
    practice = published_practice(counsellor_a, centre_a, texts=sheet_texts())
    competence = Competence.objects.filter(version=published_version()).order_by("code")[0]
    practice.competences.add(competence)

    response = client.get(url("practices:pdf", slug=practice.slug))

    text = pdf_text(response.content)
    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        response.content[:5],
    ) == (200, "application/pdf", f'attachment; filename="{practice.slug}.pdf"', b"%PDF-")
    for expected in (
        "Speed recruitment in a day",
        "Companies meet pre-selected jobseekers in five-minute interviews.",
        "Original language: English",
        "Method, step by step",
        "1. Collect the offers\n2. Pre-select the candidates\n3. Hold the day",
        "556 registrations, 2,564 applications.",
        "Held every year since 2008.",
        "Ana Silva · ana@example.org",
        f"Linked competences\n{competence.code} {competence.title['en']}",
        "Creative Commons Attribution-ShareAlike 4.0\n"
        f"http://127.0.0.1:8000/en/practices/{practice.slug}/\n1",
    ):
        assert expected in text, expected


def test_sheet_pdf_in_a_language_with_a_published_translation(client, centre_a, counsellor_a):
    editor = editor_user()
    practice = published_practice(counsellor_a, centre_a, editor=editor, texts=sheet_texts())
    translation_pt = translations.start_translation(
        actor=counsellor_a,
        practice=practice,
        language="pt",
        texts=sheet_texts(title="Recrutamento rápido", summary="Entrevistas de cinco minutos."),
    )
    translations.set_translation_status(
        actor=counsellor_a, translation=translation_pt, status=TranslationStatus.READY
    )
    translations.set_translation_status(
        actor=editor, translation=translation_pt, status=TranslationStatus.PUBLISHED
    )

    response = client.get(url("practices:pdf", slug=practice.slug), {"lang": "pt"})

    text = pdf_text(response.content)
    assert response["Content-Disposition"] == f'attachment; filename="{practice.slug}-pt.pdf"'
    assert ("Recrutamento rápido" in text, "Speed recruitment in a day" in text) == (True, False)
    assert f"http://127.0.0.1:8000/pt/practices/{practice.slug}/" in text


def test_sheet_pdf_in_a_language_without_translation_prints_the_original(
    client, centre_a, counsellor_a
):
    practice = published_practice(counsellor_a, centre_a, texts=sheet_texts())
    translations.start_translation(
        actor=counsellor_a, practice=practice, language="it", texts=sheet_texts(title="Bozza")
    )

    response = client.get(url("practices:pdf", slug=practice.slug), {"lang": "it"})

    text = pdf_text(response.content)
    assert response["Content-Disposition"] == f'attachment; filename="{practice.slug}.pdf"'
    assert ("Speed recruitment in a day" in text, "Bozza" in text) == (True, False)


def test_sheet_pdf_escapes_markup_of_the_texts(client, centre_a, counsellor_a):
    practice = published_practice(
        counsellor_a,
        centre_a,
        texts=sheet_texts(title="<b>Bold</b> title", context="<img src=x> and **strong**"),
    )

    response = client.get(url("practices:pdf", slug=practice.slug))

    text = pdf_text(response.content)
    assert ("<b>Bold</b> title" in text, "<img" in text, "and strong" in text) == (
        True,
        False,
        True,
    )


def test_sheet_pdf_of_a_draft_is_not_found(client, centre_a, counsellor_a):
    practice = draft_practice(counsellor_a, centre_a)
    client.force_login(counsellor_a)

    response = client.get(url("practices:pdf", slug=practice.slug))

    assert response.status_code == 404


# --- Public editions ----------------------------------------------------------------------


def test_editions_page_lists_the_newest_ready_edition_per_language(client, db):
    done_edition("fr")
    newest_fr = done_edition("fr", content=b"%PDF-1.7\n" + b"x" * 2048)
    done_edition("en")
    VademecumEditionFactory(language="it", status=EditionStatus.RUNNING)
    VademecumEditionFactory(language="da", status=EditionStatus.FAILED)

    response = client.get(url("practices:editions"))

    html = response.content.decode()
    links = re.findall(r'href="(/en/practices/vademecum/\d+/download/)"', html)
    assert (response.status_code, len(links)) == (200, 2)
    assert links[0] == url("practices:edition_download", pk=newest_fr.pk)
    assert "2.0\xa0KB" in html


def test_edition_download_serves_the_pdf(client, db):
    edition = done_edition("pt")

    response = client.get(url("practices:edition_download", pk=edition.pk))

    date = timezone.localdate()
    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        b"".join(response.streaming_content),
    ) == (
        200,
        "application/pdf",
        f'attachment; filename="vademecum-pt-{date:%Y-%m-%d}.pdf"',
        b"%PDF-1.7\n%%EOF\n",
    )


def test_edition_download_of_an_edition_not_ready_is_not_found(client, db):
    edition = VademecumEditionFactory(status=EditionStatus.RUNNING)

    response = client.get(url("practices:edition_download", pk=edition.pk))

    assert response.status_code == 404


def test_edition_download_of_a_missing_file_is_not_found(client, db):
    edition = VademecumEditionFactory(status=EditionStatus.DONE, file="vademecum/gone.pdf")

    response = client.get(url("practices:edition_download", pk=edition.pk))

    assert response.status_code == 404


# --- Editors' page ------------------------------------------------------------------------


def test_staff_editions_page_shows_each_language_with_its_editions(client, coordinator):
    ready = done_edition("fr")
    running = VademecumEditionFactory(
        language="fr", status=EditionStatus.RUNNING, progress_done=3, progress_total=12
    )
    client.force_login(coordinator)

    response = client.get(url("staff_practices:editions"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<tr>") == 7  # the header and one row per language
    assert f'hx-get="{url("staff_practices:edition_status", pk=running.pk)}"' in html
    assert '<progress id="edition-progress-' in html
    assert 'max="12" value="3"' in html
    assert "25% (3 of 12 sheets)" in html
    assert url("practices:edition_download", pk=ready.pk) in html


def test_staff_editions_post_queues_and_builds_an_edition(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("staff_practices:editions"), {"language": "it"})

    edition = VademecumEdition.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("staff_practices:editions"))
    assert (edition.language, edition.status, edition.requested_by) == (
        "it",
        EditionStatus.DONE,
        coordinator,
    )


def test_staff_editions_post_while_one_is_built_shows_why(client, coordinator):
    VademecumEditionFactory(language="it", status=EditionStatus.RUNNING)
    client.force_login(coordinator)

    response = client.post(url("staff_practices:editions"), {"language": "it"})

    assert response.status_code == 400
    assert "An edition in this language is being built." in response.content.decode()
    assert VademecumEdition.objects.count() == 1


def test_staff_editions_post_by_a_counsellor_is_refused(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.post(url("staff_practices:editions"), {"language": "it"})

    assert (response.status_code, VademecumEdition.objects.count()) == (403, 0)


def test_edition_status_fragment_polls_while_the_edition_is_built(client, coordinator):
    edition = VademecumEditionFactory(
        language="en", status=EditionStatus.RUNNING, progress_done=1, progress_total=4
    )
    client.force_login(coordinator)

    response = client.get(
        url("staff_practices:edition_status", pk=edition.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert (response.status_code, html.startswith("<div"), "<html" in html) == (200, True, False)
    assert 'hx-trigger="every 2s"' in html
    assert "25% (1 of 4 sheets)" in html


def test_edition_status_fragment_stops_polling_when_done(client, coordinator):
    edition = done_edition("en")
    client.force_login(coordinator)

    response = client.get(
        url("staff_practices:edition_status", pk=edition.pk), HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert ("hx-trigger" in html, url("practices:edition_download", pk=edition.pk) in html) == (
        False,
        True,
    )


def test_edition_status_without_htmx_is_a_full_page(client, coordinator):
    edition = VademecumEditionFactory(language="en", status=EditionStatus.FAILED, error="OSError")
    client.force_login(coordinator)

    response = client.get(url("staff_practices:edition_status", pk=edition.pk))

    html = response.content.decode()
    assert (response.status_code, "<html" in html, "The edition could not be built." in html) == (
        200,
        True,
        True,
    )
