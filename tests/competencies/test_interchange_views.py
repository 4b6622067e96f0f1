"""The staff upload of a framework file, the staff export and the public download."""

import json

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange import csv_format, json_format
from cocade.competencies.interchange.data import Problem
from cocade.competencies.interchange.formats import MAX_UPLOAD_BYTES, export_version
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.services.frameworks import import_framework, publish_version
from cocade.core.models import AuditLogEntry
from tests.competencies.interchange_helpers import row_counts
from tests.factories.competencies import framework_data, published_version


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


IMPORT_URL = "/en/staff/competences/frameworks/import/"


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """Requests to /en/ leave English active in this thread: give the next test French back."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def upload(raw, name="framework.json"):
    return SimpleUploadedFile(name, raw, content_type="application/octet-stream")


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def field_errors(response, field):
    with translation.override("en"):
        return list(response.context["form"].errors.get(field, []))


# --- Import --------------------------------------------------------------------------------------


def test_import_page_shows_the_form_to_a_coordinator(client, coordinator):
    client.force_login(coordinator)

    response = client.get(url("staff_competencies:framework_import"))

    assert url("staff_competencies:framework_import") == IMPORT_URL
    assert response.status_code == 200
    assert list(response.context["form"].fields) == [
        "file",
        "format",
        "slug",
        "publish",
        "replace_draft",
    ]
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_import_page_is_refused_to_a_centre_manager(client, manager_a):
    client.force_login(manager_a)

    response = client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "Only the network&#x27;s framework authors may import frameworks." in (
        response.content.decode()
    )


def test_import_of_a_json_file_creates_a_draft_and_goes_to_it(client, coordinator):
    client.force_login(coordinator)
    raw = json_format.dump(framework_data("cdm-imported"))

    response = client.post(IMPORT_URL, {"file": upload(raw), "format": "json"})

    version = FrameworkVersion.objects.get(framework__slug="cdm-imported")
    assert (response.status_code, response["Location"]) == (
        302,
        "/en/staff/competences/frameworks/cdm-imported/v1/",
    )
    assert version.status == VersionStatus.DRAFT
    assert messages_of(response) == ["Version 1 of “cdm-imported” was imported."]
    entry = AuditLogEntry.objects.get(action="competencies.version.imported")
    assert (entry.actor, entry.object_id) == (coordinator, str(version.pk))


def test_import_reads_the_content_in_the_chosen_format_whatever_the_file_name(client, coordinator):
    client.force_login(coordinator)
    raw = csv_format.dump(framework_data("cdm-imported"))

    response = client.post(
        IMPORT_URL,
        {"file": upload(raw, "notes.txt"), "format": "csv", "publish": "on", "slug": "copy"},
    )

    assert response.status_code == 302
    assert FrameworkVersion.objects.get(framework__slug="copy").status == VersionStatus.PUBLISHED


def test_import_with_problems_lists_them_all_and_writes_nothing(client, coordinator):
    client.force_login(coordinator)
    value = json_format.as_document(framework_data())
    value["blocks"][1]["competences"][0]["code"] = "A1"
    value["levels"][0]["label"] = {"de": "Grundlagen"}
    before = row_counts()

    response = client.post(
        IMPORT_URL, {"file": upload(json.dumps(value).encode()), "format": "json"}
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert row_counts() == before
    assert response.context["problems"] == [
        Problem(
            "levels[0]",
            "label",
            "Unknown language “de”; use one of: bg, da, en, fr, it, pt.",
        ),
        Problem("levels[0]", "label", "The text in the original language (fr) is missing."),
        Problem("blocks[1].competences[0]", "code", "The code “A1” is used twice."),
    ]
    assert "The file was not imported: 3 problems to fix" in content
    assert "<td>blocks[1].competences[0]</td>" in content
    assert "The code “A1” is used twice." in content


def test_import_in_the_wrong_format_is_a_listed_problem(client, coordinator):
    client.force_login(coordinator)
    raw = json_format.dump(framework_data())

    response = client.post(IMPORT_URL, {"file": upload(raw), "format": "case"})

    assert response.status_code == 400
    assert response.context["problems"] == [
        Problem("", "", "This is a COCADE JSON file; choose the JSON format to import it.")
    ]


def test_import_refuses_a_file_over_2_mb(client, coordinator):
    client.force_login(coordinator)
    raw = b" " * (MAX_UPLOAD_BYTES + 1)
    before = row_counts()

    response = client.post(IMPORT_URL, {"file": upload(raw), "format": "json"})

    assert response.status_code == 400
    assert field_errors(response, "file") == ["The file is too large: the limit is 2.0\xa0MB."]
    assert row_counts() == before


def test_import_empty_form_is_a_form_error(client, coordinator):
    client.force_login(coordinator)

    response = client.post(IMPORT_URL, {"format": "xml"})

    assert response.status_code == 400
    assert field_errors(response, "file") == ["This field is required."]
    assert field_errors(response, "format") == [
        "Select a valid choice. xml is not one of the available choices."
    ]


def test_import_over_an_existing_draft_needs_the_replace_option(client, coordinator):
    client.force_login(coordinator)
    published_version()
    draft = import_framework(actor=None, data=framework_data())
    raw = json_format.dump(framework_data(languages=("fr", "pt")))
    before = row_counts()

    refused = client.post(IMPORT_URL, {"file": upload(raw), "format": "json"})
    replaced = client.post(
        IMPORT_URL, {"file": upload(raw), "format": "json", "replace_draft": "on"}
    )

    assert refused.status_code == 400
    assert row_counts() == before
    assert field_errors(refused, "replace_draft") == [
        "The framework “cdm-counsellor” already has a draft (version 2); publish or delete it "
        "first, or choose to replace it."
    ]
    assert (replaced.status_code, replaced["Location"]) == (
        302,
        "/en/staff/competences/frameworks/cdm-counsellor/v2/",
    )
    new_draft = FrameworkVersion.objects.get(framework__slug="cdm-counsellor", number=2)
    assert new_draft.pk != draft.pk
    assert new_draft.title == {
        "fr": "Conseiller en lieu intégré [fr]",
        "pt": "Conseiller en lieu intégré [pt]",
    }


# --- Export and download -------------------------------------------------------------------------


def test_staff_export_of_a_draft_for_an_author(client, coordinator):
    client.force_login(coordinator)
    published_version()
    draft = import_framework(actor=None, data=framework_data())
    export_url = url(
        "staff_competencies:version_export", slug="cdm-counsellor", number=2, fmt="csv"
    )

    response = client.get(export_url)

    assert export_url == "/en/staff/competences/frameworks/cdm-counsellor/v2/export/csv/"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cdm-counsellor-v2.csv"'
    assert response.content == export_version(draft, "csv")[0]


def test_staff_export_of_a_draft_is_not_found_for_others(client, counsellor_a):
    client.force_login(counsellor_a)
    published_version()
    import_framework(actor=None, data=framework_data())

    draft = client.get(
        url("staff_competencies:version_export", slug="cdm-counsellor", number=2, fmt="json")
    )
    published = client.get(
        url("staff_competencies:version_export", slug="cdm-counsellor", number=1, fmt="json")
    )

    assert (draft.status_code, published.status_code) == (404, 200)


def test_staff_export_in_an_unknown_format_is_not_found(client, coordinator):
    client.force_login(coordinator)
    published_version()

    response = client.get(
        url("staff_competencies:version_export", slug="cdm-counsellor", number=1, fmt="xml")
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("fmt", "content_type", "filename"),
    [
        ("json", "application/json", "cdm-counsellor-v1.json"),
        ("csv", "text/csv; charset=utf-8", "cdm-counsellor-v1.csv"),
        ("case", "application/json", "cdm-counsellor-v1.case.json"),
    ],
)
def test_public_download_of_a_published_version(
    client, db, django_assert_num_queries, fmt, content_type, filename
):
    version = published_version()
    download_url = url("competencies:version_download", slug="cdm-counsellor", number=1, fmt=fmt)

    with django_assert_num_queries(10):  # the version, then its tree: as many for any size
        response = client.get(download_url)

    assert download_url == f"/en/frameworks/cdm-counsellor/v1/download/{fmt}/"
    assert response.status_code == 200
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        content_type,
        f'attachment; filename="{filename}"',
    )
    assert response.content == export_version(version, fmt)[0]


def test_public_download_takes_as_many_queries_for_a_larger_framework(
    client, db, django_assert_num_queries
):
    published_version(blocks=5, competences=6, languages=("fr", "en", "da"))

    with django_assert_num_queries(10):
        response = client.get(
            url("competencies:version_download", slug="cdm-counsellor", number=1, fmt="case")
        )

    assert len(json.loads(response.content)["CFItems"]) == 5 + 30 + 60


def test_public_download_of_a_superseded_version_but_not_of_a_draft(client, db):
    published_version()
    second = import_framework(actor=None, data=framework_data())
    publish_version(actor=None, version=second)
    import_framework(actor=None, data=framework_data())

    statuses = [
        client.get(
            url("competencies:version_download", slug="cdm-counsellor", number=n, fmt="json")
        ).status_code
        for n in (1, 2, 3)
    ]
    unknown = client.get(
        url("competencies:version_download", slug="cdm-counsellor", number=1, fmt="pdf")
    )

    assert statuses == [200, 200, 404]
    assert unknown.status_code == 404
