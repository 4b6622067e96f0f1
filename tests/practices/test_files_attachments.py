"""Files attached to a sheet: only real PDFs and images within the limits are kept (a refused
upload leaves no row and no file), they are stored under a random name, and they are served with
their checked type to those who may see the sheet."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cocade.core.errors import Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.practices.models import PracticeAttachment
from cocade.practices.services import attachments
from tests.factories.accounts import MembershipFactory
from tests.factories.practices import (
    PracticeAttachmentFactory,
    draft_practice,
    editor_user,
    published_practice,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ACCEPTED = ".pdf, .png, .jpg, .jpeg, .webp"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def body(response):
    """The streamed content of a file response (read to its end, which closes the file)."""
    return b"".join(response.streaming_content)


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def draft(counsellor_a, centre_a):
    return draft_practice(counsellor_a, centre_a)


BAD_FILES = {
    "html_renamed_pdf": (
        upload("programme.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        f"This file's content is not one of the accepted types ({ACCEPTED}).",
    ),
    "svg_with_script": (
        upload(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        f"This file's content is not one of the accepted types ({ACCEPTED}).",
    ),
    "svg_renamed_png": (
        upload(
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/png",
        ),
        f"This file's content is not one of the accepted types ({ACCEPTED}).",
    ),
    "empty": (upload("empty.pdf", b"", "application/pdf"), "The file is empty."),
    "png_named_pdf": (
        upload("photo.pdf", png_bytes(), "application/pdf"),
        "The file's name does not match its content: a PNG file must end in .png.",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_add_attachment_refuses_a_bad_file_and_keeps_nothing(case, counsellor_a, draft):
    file, message = BAD_FILES[case]
    file.seek(0)

    with pytest.raises(InvalidInput) as caught:
        attachments.add_attachment(actor=counsellor_a, practice=draft, file=file, title="Bad")

    with translation.override("en"):
        text = str(caught.value.message)

    assert (text, caught.value.field) == (message, "file")
    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])
    assert not AuditLogEntry.objects.filter(action="practices.attachment.added").exists()


def test_add_attachment_refuses_a_file_over_the_limit(settings, counsellor_a, draft):
    settings.COCADE_ATTACHMENT_MAX_BYTES = 4096
    file = upload("big.pdf", PDF + b"0" * 10_000, "application/pdf")

    with pytest.raises(InvalidInput) as caught:
        attachments.add_attachment(actor=counsellor_a, practice=draft, file=file, title="Big")

    with translation.override("en"):
        assert str(caught.value.message) == "The file is too large (9 kB); the limit is 4 kB."
    assert caught.value.code == "file_too_large"
    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])


def test_add_attachment_keeps_a_pdf_under_a_random_name(counsellor_a, draft):
    file = upload("../../Programme de la journée.pdf", PDF, "text/html")

    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=file, title="  Programme  "
    )

    attachment.refresh_from_db()
    assert re.fullmatch(r"practices/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", attachment.file.name)
    assert (
        attachment.title,
        attachment.original_name,
        attachment.content_type,
        attachment.size,
        attachment.uploaded_by,
    ) == ("Programme", "Programme de la journée.pdf", "application/pdf", len(PDF), counsellor_a)
    assert stored_files() == [attachment.file.name]
    assert (Path(settings.MEDIA_ROOT) / attachment.file.name).read_bytes() == PDF
    entry = AuditLogEntry.objects.get(action="practices.attachment.added")
    assert (entry.actor, entry.object_id, entry.changes["title"]) == (
        counsellor_a,
        str(draft.pk),
        [None, "Programme"],
    )


def test_add_attachment_takes_the_file_name_as_default_title(counsellor_a, draft):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("photo.PNG", png_bytes()), title=""
    )

    assert (attachment.title, attachment.content_type) == ("photo.PNG", "image/png")
    assert attachment.file.name.endswith(".png")


def test_add_attachment_refuses_an_eleventh_file(counsellor_a, draft):
    for _ in range(attachments.MAX_ATTACHMENTS):
        PracticeAttachmentFactory(practice=draft)
    before = stored_files()

    with pytest.raises(InvalidInput) as caught:
        attachments.add_attachment(
            actor=counsellor_a, practice=draft, file=upload("one.pdf", PDF), title="One more"
        )

    with translation.override("en"):
        assert str(caught.value.message) == (
            "A sheet has at most 10 files: remove one before adding another."
        )
    assert (PracticeAttachment.objects.count(), stored_files()) == (10, before)


def test_add_attachment_refuses_someone_who_cannot_edit_the_sheet(
    counsellor_a, centre_a, manager_b
):
    published = published_practice(counsellor_a, centre_a)
    draft = draft_practice(counsellor_a, centre_a)

    with pytest.raises(Forbidden):
        attachments.add_attachment(
            actor=counsellor_a, practice=published, file=upload("a.pdf", PDF), title="A"
        )
    with pytest.raises(NotFound):
        attachments.add_attachment(
            actor=manager_b, practice=draft, file=upload("a.pdf", PDF), title="A"
        )

    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])


def test_remove_attachment_deletes_the_file_after_commit(
    counsellor_a, draft, django_capture_on_commit_callbacks
):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        attachments.remove_attachment(actor=counsellor_a, attachment=attachment)

    assert len(callbacks) == 1
    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])
    entry = AuditLogEntry.objects.get(action="practices.attachment.removed")
    assert entry.changes == {"attachment": [attachment.pk, None], "title": ["A", None]}


def test_remove_attachment_refused_keeps_the_row_and_the_file(counsellor_a, centre_a):
    published = published_practice(counsellor_a, centre_a)
    attachment = attachments.add_attachment(
        actor=editor_user(), practice=published, file=upload("a.pdf", PDF), title="A"
    )

    with pytest.raises(Forbidden):
        attachments.remove_attachment(actor=counsellor_a, attachment=attachment)

    assert (PracticeAttachment.objects.count(), stored_files()) == (1, [attachment.file.name])


# --- pages ----------------------------------------------------------------------------------


def test_attachments_page_lists_the_files_and_the_form(client, counsellor_a, draft):
    attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="Programme"
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{draft.pk}/attachments/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Programme" in content
    assert 'enctype="multipart/form-data"' in content
    assert "Remove" in content


def test_attachments_page_upload_keeps_a_png(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.post(
        f"/en/staff/practices/{draft.pk}/attachments/",
        {"title": "Photo", "file": upload("photo.png", png_bytes())},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/practices/{draft.pk}/attachments/"
    assert list(draft.attachments.values_list("title", "content_type")) == [("Photo", "image/png")]


def test_attachments_page_refuses_html_renamed_pdf_with_a_message(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.post(
        f"/en/staff/practices/{draft.pk}/attachments/",
        {"title": "Fake", "file": upload("fake.pdf", b"<html><body>Hi</body></html>")},
    )

    assert response.status_code == 400
    assert "This file&#x27;s content is not one of the accepted types" in response.content.decode()
    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])


def test_attachments_page_post_by_an_author_of_a_published_sheet_is_403(
    client, counsellor_a, centre_a
):
    published = published_practice(counsellor_a, centre_a)
    client.force_login(counsellor_a)

    response = client.post(
        f"/en/staff/practices/{published.pk}/attachments/",
        {"title": "A", "file": upload("a.pdf", PDF)},
    )

    assert response.status_code == 403
    assert (PracticeAttachment.objects.count(), stored_files()) == (0, [])


def test_attachment_delete_removes_the_file(client, counsellor_a, draft):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )
    client.force_login(counsellor_a)
    url = reverse(
        "staff_practices:attachment_delete",
        kwargs={"pk": draft.pk, "attachment_pk": attachment.pk},
    )

    response = client.post(url)

    assert response.status_code == 302
    assert PracticeAttachment.objects.count() == 0


def test_public_attachment_serves_a_pdf_as_a_download(client, counsellor_a, centre_a):
    editor = editor_user()
    published = published_practice(counsellor_a, centre_a, editor=editor)
    attachment = attachments.add_attachment(
        actor=editor, practice=published, file=upload("programme.pdf", PDF), title="Programme"
    )

    response = client.get(f"/en/practices/{published.slug}/files/{attachment.pk}/")
    served = body(response)

    assert response.status_code == 200
    assert (
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
        response["Content-Length"],
    ) == ("application/pdf", 'attachment; filename="programme.pdf"', "nosniff", str(len(PDF)))
    assert served == PDF


def test_public_attachment_serves_a_png_inline(client, counsellor_a, centre_a):
    editor = editor_user()
    published = published_practice(counsellor_a, centre_a, editor=editor)
    content = png_bytes()
    attachment = attachments.add_attachment(
        actor=editor, practice=published, file=upload("photo.png", content), title="Photo"
    )

    response = client.get(f"/en/practices/{published.slug}/files/{attachment.pk}/")
    served = body(response)

    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
    ) == (200, "image/png", 'inline; filename="photo.png"', "nosniff")
    assert served == content


def test_public_attachment_of_a_draft_is_404(client, counsellor_a, draft):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/practices/{draft.slug}/files/{attachment.pk}/")

    assert response.status_code == 404


def test_public_attachment_of_another_sheet_is_404(client, counsellor_a, centre_a, draft):
    published = published_practice(counsellor_a, centre_a)
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )

    response = client.get(f"/en/practices/{published.slug}/files/{attachment.pk}/")

    assert response.status_code == 404


def test_staff_attachment_file_serves_a_draft_to_its_author(client, counsellor_a, draft):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{draft.pk}/attachments/{attachment.pk}/file/")
    served = body(response)

    assert (response.status_code, response["Content-Type"], response["Cache-Control"]) == (
        200,
        "application/pdf",
        "private, no-store",
    )
    assert served == PDF


def test_staff_attachment_file_of_another_centres_draft_is_404(
    client, counsellor_a, centre_b, draft
):
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=draft, file=upload("a.pdf", PDF), title="A"
    )
    counsellor_b = MembershipFactory(centre=centre_b).user
    client.force_login(counsellor_b)

    staff = client.get(f"/en/staff/practices/{draft.pk}/attachments/{attachment.pk}/file/")
    listing = client.get(f"/en/staff/practices/{draft.pk}/attachments/")

    assert (staff.status_code, listing.status_code) == (404, 404)


def test_staff_attachment_file_of_another_sheet_is_404(client, counsellor_a, centre_a, draft):
    other = draft_practice(counsellor_a, centre_a)
    attachment = attachments.add_attachment(
        actor=counsellor_a, practice=other, file=upload("a.pdf", PDF), title="A"
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{draft.pk}/attachments/{attachment.pk}/file/")

    assert response.status_code == 404
