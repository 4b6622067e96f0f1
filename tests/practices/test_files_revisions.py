"""Revisions of a sheet: the comparison of two revision data dicts (word by word, step by step,
choice by choice, escaped), the staff list and comparison, and the public history that shows
only the published versions."""

import pytest
from django.utils import translation

from cocade.practices import selectors_revisions as revisions
from cocade.practices.services import sheets
from tests.factories.accounts import MembershipFactory
from tests.factories.practices import draft_practice, editor_user, published_practice

# --- comparing two data dicts ---------------------------------------------------------------


def test_word_diff_marks_inserted_and_deleted_words():
    html = revisions.word_diff("Four counsellors, two days.", "Five counsellors, two days a week.")

    assert html == "<del>Four</del><ins>Five</ins> counsellors, two days<ins> a week</ins>."


def test_word_diff_escapes_html_of_both_versions():
    html = revisions.word_diff("<b>bold</b> & co", '<script>alert("x")</script> & co')

    assert html == (
        "&lt;<del>b</del><ins>script</ins>&gt;<del>bold</del><ins>alert(&quot;x&quot;)</ins>"
        "&lt;/<del>b</del><ins>script</ins>&gt; &amp; co"
    )


def test_word_diff_of_equal_texts_has_no_marks():
    assert revisions.word_diff("Same text.", "Same text.") == "Same text."


def test_steps_diff_compares_the_method_item_by_item():
    items = revisions.steps_diff(
        ["Collect the offers", "Pre-select the candidates", "Hold the day"],
        ["Collect the offers", "Pre-select the best candidates", "Hold the day", "Call back"],
    )

    assert [(item.kind, str(item.html)) for item in items] == [
        ("same", "Collect the offers"),
        ("changed", "Pre-select the <ins>best </ins>candidates"),
        ("same", "Hold the day"),
        ("added", "<ins>Call back</ins>"),
    ]


def test_steps_diff_shows_a_replaced_step_as_removed_then_added():
    items = revisions.steps_diff(["One", "Hold the day"], ["One", "Call back"])

    assert [(item.kind, str(item.html)) for item in items] == [
        ("same", "One"),
        ("removed", "<del>Hold the day</del>"),
        ("added", "<ins>Call back</ins>"),
    ]


def test_steps_diff_shows_a_removed_step():
    items = revisions.steps_diff(["One", "Two <i>", "Three"], ["One", "Three"])

    assert [(item.kind, str(item.html)) for item in items] == [
        ("same", "One"),
        ("removed", "<del>Two &lt;i&gt;</del>"),
        ("same", "Three"),
    ]


def test_choices_diff_lists_kept_added_and_removed_values_in_choice_order():
    with translation.override("en"):
        items = revisions.choices_diff(
            "target_publics",
            ["seniors", "jobseekers"],
            ["migrants", "jobseekers"],
            revisions.value_label,
        )
        shown = [(item.kind, str(item.html)) for item in items]

    assert shown == [
        ("same", "Jobseekers"),
        ("added", "<ins>Migrants and refugees</ins>"),
        ("removed", "<del>Seniors</del>"),
    ]


def test_compare_data_lists_changed_fields_by_label_in_form_order():
    before = {
        "title": "Speed recruitment",
        "summary": "Short interviews.",
        "practice_type": "event",
        "licence": "CC-BY-SA-4.0",
        "method_steps": ["A"],
    }
    after = {
        "title": "Speed recruitment",
        "summary": "Short interviews with employers.",
        "practice_type": "workshop",
        "licence": "CC-BY-SA-4.0",
        "method_steps": ["A", "B"],
        "limits": "Needs rooms.",
    }

    with translation.override("en"):
        diffs = revisions.compare_data(before, after)
        shown = [(d.name, str(d.label), d.kind, str(d.html)) for d in diffs]

    assert shown == [
        ("summary", "Summary", "text", "Short interviews<ins> with employers</ins>."),
        ("method_steps", "Method, step by step", "steps", ""),
        ("limits", "Limits", "text", "<ins>Needs rooms.</ins>"),
        ("practice_type", "Type of practice", "text", "<del>Event</del> <ins>Workshop</ins>"),
    ]


def test_changed_fields_treats_missing_and_empty_values_alike():
    assert revisions.changed_fields({"limits": "", "poles": []}, {"context": ""}) == []


# --- staff pages ----------------------------------------------------------------------------


@pytest.fixture
def edited_draft(counsellor_a, centre_a):
    """A draft saved twice: revision 1 as written, revision 2 with a new summary and method."""
    practice = draft_practice(counsellor_a, centre_a)
    sheets.update_practice(
        actor=counsellor_a,
        practice=practice,
        expected_version=practice.lock_version,
        texts={
            "summary": "Companies meet pre-selected jobseekers in ten-minute interviews.",
            "method_steps": ["Collect the offers", "Pre-select the candidates", "Call back"],
        },
        sheet={"poles": ["emploi", "form"]},
    )
    return practice


def test_revisions_page_lists_what_changed_by_field_label(client, counsellor_a, edited_draft):
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/revisions/")

    content = response.content.decode()
    assert response.status_code == 200
    assert [r.number for r in response.context["revisions"]] == [2, 1]
    assert [list(map(str, r.changed_labels)) for r in response.context["revisions"]] == [
        ["Summary", "Method, step by step", "Pôles"],
        [],
    ]
    assert "Summary, Method, step by step, Pôles" in content
    assert "First version" in content
    assert f"<td>{counsellor_a.full_name}</td>" in content


def test_revisions_page_of_another_centres_draft_is_404(client, centre_b, edited_draft):
    client.force_login(MembershipFactory(centre=centre_b).user)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/revisions/")

    assert response.status_code == 404


def test_compare_page_shows_inserted_and_deleted_words(client, counsellor_a, edited_draft):
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/compare/?from=1&to=2")

    content = response.content.decode()
    assert response.status_code == 200
    assert [d.name for d in response.context["diffs"]] == ["summary", "method_steps", "poles"]
    assert (
        "Companies meet pre-selected jobseekers in <del>five</del><ins>ten</ins>-minute "
        "interviews." in content
    )
    assert '<li class="diff-removed"><del>Hold the day</del>' in content
    assert '<li class="diff-added"><ins>Call back</ins>' in content
    assert '<li class="diff-added"><ins>Find a training</ins>' in content
    assert '<h2 id="diff-summary">Summary</h2>' in content


def test_compare_page_without_numbers_is_400_with_a_message(client, counsellor_a, edited_draft):
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/compare/")

    content = response.content.decode()
    assert response.status_code == 400
    assert "Choose the revision to compare from." in content
    assert "Choose the revision to compare with." in content


@pytest.mark.parametrize("query", ["from=one&to=2", "from=0&to=2", "from=1&to=99999999999999"])
def test_compare_page_with_a_malformed_number_is_400(query, client, counsellor_a, edited_draft):
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/compare/?{query}")

    assert response.status_code == 400
    assert "A revision is given by its number." in response.content.decode()


def test_compare_page_with_a_number_of_another_sheet_is_404(
    client, counsellor_a, centre_a, edited_draft
):
    other = draft_practice(counsellor_a, centre_a)
    sheets.update_practice(
        actor=counsellor_a, practice=other, expected_version=None, texts={"limits": "Rooms."}
    )
    sheets.update_practice(
        actor=counsellor_a, practice=other, expected_version=None, texts={"limits": "Time."}
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{edited_draft.pk}/compare/?from=1&to=3")

    assert other.revisions.filter(number=3).exists()
    assert response.status_code == 404


# --- public history -------------------------------------------------------------------------


@pytest.fixture
def republished(counsellor_a, centre_a):
    """Published (revision 2 after the draft's revision 1), then changed by an editor
    (revision 3, a published version), with a Portuguese translation started (revision 4)."""
    editor = editor_user(user__full_name="Eva Editor", user__email="eva@example.org")
    practice = published_practice(counsellor_a, centre_a, editor=editor)
    sheets.update_practice(
        actor=editor,
        practice=practice,
        expected_version=None,
        texts={"results_text": "Several hires and many second interviews in June."},
    )
    from cocade.practices.services import translations

    translations.start_translation(
        actor=counsellor_a,
        practice=practice,
        language="pt",
        texts={"title": "Recrutamento rápido", "summary": "Entrevistas curtas."},
    )
    return practice


def test_history_lists_only_published_versions(client, republished):
    response = client.get(f"/en/practices/{republished.slug}/history/")

    content = response.content.decode()
    assert response.status_code == 200
    assert [r.number for r in response.context["revisions"]] == [3, 2]
    assert [list(map(str, r.changed_labels)) for r in response.context["revisions"]] == [
        ["Results in words"],
        [],
    ]
    assert "First publication" in content
    assert "Eva Editor" in content
    assert "@example.org" not in content
    assert f"/en/practices/{republished.slug}/compare/?from=2&amp;to=3" in content


def test_history_of_a_draft_is_404(client, counsellor_a, edited_draft):
    client.force_login(counsellor_a)

    response = client.get(f"/en/practices/{edited_draft.slug}/history/")

    assert response.status_code == 404


def test_public_compare_shows_the_changes_between_published_versions(client, republished):
    response = client.get(f"/en/practices/{republished.slug}/compare/?from=2&to=3")

    content = response.content.decode()
    assert response.status_code == 200
    assert [d.name for d in response.context["diffs"]] == ["results_text"]
    assert "Several hires and many second interviews<ins> in June</ins>." in content
    assert "@example.org" not in content


@pytest.mark.parametrize("query", ["from=1&to=3", "from=2&to=4"])
def test_public_compare_of_an_unpublished_revision_is_404(query, client, republished):
    response = client.get(f"/en/practices/{republished.slug}/compare/?{query}")

    assert response.status_code == 404


def test_public_compare_without_numbers_is_400(client, republished):
    response = client.get(f"/en/practices/{republished.slug}/compare/")

    assert response.status_code == 400
    assert "Choose the revision to compare from." in response.content.decode()


def test_compare_page_escapes_markup_in_texts(client, counsellor_a, centre_a):
    practice = draft_practice(counsellor_a, centre_a)
    sheets.update_practice(
        actor=counsellor_a,
        practice=practice,
        expected_version=None,
        texts={"limits": 'Needs <script>alert("x")</script> rooms.'},
    )
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{practice.pk}/compare/?from=1&to=2")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "Needs <del>committed</del><ins>&lt;script&gt;alert(&quot;x&quot;)" in content


def test_revisions_page_marks_translations_and_published_versions(
    client, counsellor_a, republished
):
    client.force_login(counsellor_a)

    response = client.get(f"/en/staff/practices/{republished.pk}/revisions/")

    entries = response.context["revisions"]
    assert [(e.number, e.revision.language, e.revision.is_publication) for e in entries] == [
        (4, "pt", False),
        (3, "en", True),
        (2, "en", True),
        (1, "en", False),
    ]
    assert [(e.is_first, e.previous_number) for e in entries] == [
        (True, None),
        (False, 2),
        (False, 1),
        (True, None),
    ]
    content = response.content.decode()
    assert "New translation" in content
    assert content.count('<span class="badge badge-published">Published</span>') == 2
