"""The public page of a sheet: the reader's language when published, else the original with a
notice; the other languages; every field; classification, competences, licence, attachments,
trials; alternates and Open Graph; 404 for anything not published, even for its author."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.practices.enums import PracticeStatus
from cocade.practices.models import PracticeAttachment, PracticeTrial
from cocade.practices.services import sheets, translations
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version
from tests.factories.directory import CentreFactory
from tests.factories.practices import (
    draft_practice,
    editor_user,
    published_practice,
    reviewer_user,
    sheet_texts,
)


def url(practice, language="en", **params):
    with translation.override(language):
        base = reverse("practices:detail", kwargs={"slug": practice.slug})
    if params:
        base += "?" + urlencode(params)
    return base


@pytest.fixture
def editor(db):
    return editor_user()


def french_texts(**overrides):
    return sheet_texts(
        title="Café des métiers",
        summary="Des professionnels rencontrent des collégiens.",
        method_steps=["Inviter les **professionnels**", "Préparer les questions", "Animer"],
        **overrides,
    )


@pytest.fixture
def cafe(counsellor_a, centre_a, editor):
    """A French sheet with a published English translation and an Italian one in progress."""
    practice = published_practice(
        counsellor_a, centre_a, editor=editor, texts=french_texts(), original_language="fr"
    )
    english = translations.start_translation(
        actor=counsellor_a,
        practice=practice,
        language="en",
        texts=sheet_texts(title="Trades café", summary="Professionals meet pupils."),
    )
    translations.set_translation_status(actor=counsellor_a, translation=english, status="ready")
    translations.set_translation_status(actor=editor, translation=english, status="published")
    translations.start_translation(
        actor=counsellor_a,
        practice=practice,
        language="it",
        texts=sheet_texts(title="Caffè dei mestieri", summary="Bozza."),
    )
    return practice


def test_detail_shows_the_readers_language_when_published(client, cafe):
    response = client.get(url(cafe, "en"))

    content = response.content.decode()
    assert (response.status_code, response.context["shown"].language) == (200, "en")
    assert '<h1 id="sheet-title" lang="en">Trades café</h1>' in content
    assert "Translated from French, the language it was originally written in." in content
    assert f'href="{url(cafe, "en")}?lang=fr" hreflang="fr" lang="fr">Français</a>' in content


def test_detail_falls_back_to_the_original_with_a_notice(client, cafe):
    response = client.get(url(cafe, "pt"))

    assert response.context["shown"].language == "fr"
    assert response.context["reader_has_translation"] is False
    assert '<h1 id="sheet-title" lang="fr">Café des métiers</h1>' in response.content.decode()


def test_detail_notice_names_the_original_and_the_missing_language(
    client, counsellor_a, centre_a, editor
):
    practice = published_practice(
        counsellor_a,
        centre_a,
        editor=editor,
        texts=sheet_texts(title="Recrutamento rápido"),
        original_language="pt",
    )

    response = client.get(url(practice, "en"))

    assert (
        "Originally written in Portuguese: this sheet is not yet translated into English."
        in response.content.decode()
    )


def test_detail_another_published_language_on_request(client, cafe):
    response = client.get(url(cafe, "en", lang="fr"))

    content = response.content.decode()
    assert response.context["shown"].language == "fr"
    assert "You are reading this sheet in French." in content
    assert f'<a href="{url(cafe, "en")}">Read it in English</a>' in content


@pytest.mark.parametrize("lang", ["it", "xx", "<b>"])
def test_detail_unpublished_or_unknown_language_is_ignored(client, cafe, lang):
    response = client.get(url(cafe, "en", lang=lang))

    assert (response.status_code, response.context["shown"].language) == (200, "en")
    assert "Caffè dei mestieri" not in response.content.decode()


def test_detail_alternates_are_the_published_languages(client, cafe):
    response = client.get(url(cafe, "en"))

    content = response.content.decode()
    head = content.split("</head>")[0]
    assert [link["code"] for link in response.context["alternates"]] == ["fr", "en"]
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{url(cafe, "fr")}">' in head
    assert 'hreflang="it"' not in head
    assert '<meta property="og:title" content="Trades café">' in head
    assert '<meta property="og:description" content="Professionals meet pupils.">' in head


def test_detail_renders_every_field_safely(client, counsellor_a, centre_a, editor):
    practice = published_practice(
        counsellor_a,
        centre_a,
        editor=editor,
        texts=sheet_texts(
            context="Many *young* people <script>alert(1)</script>",
            method_steps=["Collect the **offers**", "Hold the day"],
        ),
    )

    response = client.get(url(practice, "en"))

    content = response.content.decode()
    titles = [section["title"] for section in response.context["sections"]]
    assert titles == [
        "Context and needs",
        "Objectives",
        "Method, step by step",
        "Partners involved",
        "Resources",
        "Duration and frequency",
        "Results",
        "Evaluation method",
        "Success factors",
        "Limits",
        "Conditions of transfer",
        "Sustainability",
    ]
    assert "<p>Many <em>young</em> people </p>" in content
    assert "alert(1)" not in content
    assert (
        '<ol class="method-steps" lang="en">\n            '
        "<li><p>Collect the <strong>offers</strong></p></li><li><p>Hold the day</p></li>"
    ) in content
    assert "<h3>Budget</h3>" in content
    assert "<h3>Results in figures</h3>" in content


def test_detail_shows_classification_contact_and_licence(client, cafe):
    response = client.get(url(cafe, "en"))

    content = response.content.decode()
    assert '<span class="visually-hidden">Type of practice: </span>Event</li>' in content
    assert '<span class="visually-hidden">Pôle: </span>Find a job</li>' in content
    assert '<span class="visually-hidden">Target public: </span>Jobseekers</li>' in content
    assert '<a href="mailto:ana@example.org">ana@example.org</a>' in content
    assert (
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/deed.en" rel="license noopener">'
        "Creative Commons Attribution-ShareAlike 4.0</a>"
    ) in content
    assert "<dt>Original language</dt>\n        <dd>French</dd>" in content


def test_detail_links_competences_to_the_framework(client, cafe):
    version = published_version("cdm-counsellor", blocks=1, competences=2)
    competence = version.competences.order_by("code").first()
    cafe.competences.add(competence)

    response = client.get(url(cafe, "en"))

    with translation.override("en"):
        framework_url = reverse(
            "competencies:version", kwargs={"slug": "cdm-counsellor", "number": version.number}
        )
    assert [item["url"] for item in response.context["competences"]] == [
        f"{framework_url}#competence-{competence.code}"
    ]
    assert f'<span class="code">{competence.code}</span>' in response.content.decode()


def test_detail_lists_attachments(client, cafe, counsellor_a):
    PracticeAttachment.objects.create(
        practice=cafe,
        file="practices/x.pdf",
        title="Programme of the day",
        original_name="x.pdf",
        content_type="application/pdf",
        size=2048,
        uploaded_by=counsellor_a,
    )

    response = client.get(url(cafe, "en"))

    assert "Programme of the day" in response.content.decode()
    assert [a.title for a in response.context["attachments"]] == ["Programme of the day"]


def test_detail_counts_distinct_centres_that_tried_it(client, cafe):
    centre = CentreFactory()
    for author in (reviewer_user(centre), reviewer_user(centre), reviewer_user()):
        PracticeTrial.objects.create(
            practice=cafe,
            author=author,
            centre=author.memberships.first().centre,
            context="Here.",
            outcome="Fine.",
        )

    response = client.get(url(cafe, "en"))

    assert response.context["centres_tried"] == 2
    assert "2 centres of the network tried this practice." in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "counsellor_a", "coordinator"])
def test_detail_of_a_draft_is_404_even_for_its_author(
    client, request, counsellor_a, centre_a, role
):
    draft = draft_practice(counsellor_a, centre_a)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(url(draft, "en"))

    assert response.status_code == 404


def test_detail_of_an_archived_sheet_is_404(client, cafe, editor):
    sheets.archive_practice(actor=editor, practice=cafe)
    cafe.refresh_from_db()

    response = client.get(url(cafe, "en"))

    assert (cafe.status, response.status_code) == (PracticeStatus.ARCHIVED, 404)


def test_detail_of_an_unknown_slug_is_404(client, db):
    response = client.get("/en/practices/no-such-sheet/")

    assert response.status_code == 404


def test_detail_shows_the_exchange_forms_to_staff_only(client, cafe, public_user, counsellor_a):
    anonymous = client.get(url(cafe, "en")).content.decode()
    client.force_login(public_user)
    public = client.get(url(cafe, "en")).content.decode()
    client.force_login(counsellor_a)
    staff = client.get(url(cafe, "en")).content.decode()

    forms = ('name="comment-body"', 'name="trial-context"', 'name="action" value="follow"')
    assert [[form in page for form in forms] for page in (anonymous, public, staff)] == [
        [False, False, False],
        [False, False, False],
        [True, True, True],
    ]
    assert "sign in</a> to comment" in anonymous


def test_detail_hides_the_trial_form_from_someone_without_a_centre(client, cafe, coordinator):
    client.force_login(coordinator)

    content = client.get(url(cafe, "en")).content.decode()

    assert ('name="comment-body"' in content, 'name="trial-context"' in content) == (True, False)


def test_detail_shows_names_to_staff_only(client, cafe, counsellor_a):
    author = MembershipFactory(user__full_name="Rui Costa").user
    cafe.comments.create(author=author, body="We did it in *Porto*.")

    public = client.get(url(cafe, "en")).content.decode()
    client.force_login(counsellor_a)
    staff = client.get(url(cafe, "en")).content.decode()

    assert "<p>We did it in <em>Porto</em>.</p>" in public
    assert ("Rui Costa" in public, "Rui Costa" in staff) == (False, True)
