"""Objects the permission matrix needs for the Vademecum's URLs.

Counsellor A wrote three sheets of centre A: one published (with a Portuguese translation in
progress by counsellor A, an attachment, a comment, a trial), one draft, and one in review whose
review is assigned to a counsellor of another centre (not one of the matrix roles). The editor
is a network-wide editor (not a matrix role either): among the roles only the coordinator edits.
"""

from django.core.files.base import ContentFile

from cocade.practices.enums import EditionStatus
from cocade.practices.models import PracticeAttachment, PracticeComment, PracticeTrial
from cocade.practices.services import sheets, translations
from tests.factories.practices import (
    VademecumEditionFactory,
    draft_practice,
    editor_user,
    published_practice,
    reviewer_user,
    sheet_texts,
)


def practice_objects(centre_a, counsellor_a):
    editor = editor_user()
    reviewer = reviewer_user()
    published = published_practice(
        counsellor_a, centre_a, editor=editor, reviewer=reviewer, texts=sheet_texts()
    )
    translation = translations.start_translation(
        actor=counsellor_a,
        practice=published,
        language="pt",
        texts=sheet_texts(title="Recrutamento rápido", summary="Entrevistas de cinco minutos."),
    )
    draft = draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="A draft sheet"))
    in_review = draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="In review"))
    sheets.submit_practice(actor=counsellor_a, practice=in_review)
    review = sheets.assign_reviewer(actor=editor, practice=in_review, reviewer=reviewer)
    in_review.refresh_from_db()
    attachment = PracticeAttachment.objects.create(
        practice=published,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="matrix.pdf"),  # on disk: it is served
        title="Programme",
        original_name="programme.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=counsellor_a,
    )
    comment = PracticeComment.objects.create(
        practice=published, author=reviewer, body="We do the same."
    )
    trial = PracticeTrial.objects.create(
        practice=published,
        author=reviewer,
        centre=reviewer.memberships.first().centre,
        context="A smaller town.",
        outcome="It worked.",
    )
    edition = VademecumEditionFactory(
        language="fr", status=EditionStatus.DONE, file="vademecum/matrix.pdf"
    )
    revisions = list(published.revisions.order_by("number"))
    return {
        "practice_published": published,
        "practice_translation_pt": translation,
        "practice_draft": draft,
        "practice_in_review": in_review,
        "practice_review": review,
        "practice_attachment": attachment,
        "practice_comment": comment,
        "practice_trial": trial,
        "practice_edition": edition,
        "practice_revision_first": revisions[0],
        "practice_revision_last": revisions[-1],
        "practice_editor": editor,
        "practice_reviewer": reviewer,
    }
