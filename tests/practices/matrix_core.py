"""Kinds of URL kwargs shared by the Vademecum's matrix modules."""

ENTRIES: dict = {}

KINDS = {
    "practice_slug": lambda o: {"slug": o["practice_published"].slug},
    "published_pk": lambda o: {"pk": o["practice_published"].pk},
    "draft_pk": lambda o: {"pk": o["practice_draft"].pk},
    "in_review_pk": lambda o: {"pk": o["practice_in_review"].pk},
    "review_pk": lambda o: {"pk": o["practice_review"].pk},
    "translation_pt": lambda o: {"pk": o["practice_published"].pk, "language": "pt"},
    "draft_translation_new": lambda o: {"pk": o["practice_draft"].pk, "language": "it"},
    "attachment": lambda o: {
        "slug": o["practice_published"].slug,
        "pk": o["practice_attachment"].pk,
    },
    "staff_attachment": lambda o: {
        "pk": o["practice_published"].pk,
        "attachment_pk": o["practice_attachment"].pk,
    },
    "edition": lambda o: {"pk": o["practice_edition"].pk},
    "comment": lambda o: {"slug": o["practice_published"].slug, "pk": o["practice_comment"].pk},
}
