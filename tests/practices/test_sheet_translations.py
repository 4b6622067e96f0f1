"""Translating a sheet in the staff space: the page with the original beside each field, starting
and changing a translation, two translators saving at once, the status buttons and who may use
them, and the list of a sheet's languages."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.forms.sheets import texts_initial
from cocade.practices.models import Practice, PracticeTranslation
from cocade.practices.services import sheets, translations
from tests.factories.accounts import MembershipFactory
from tests.factories.practices import draft_practice, published_practice, sheet_texts


def url(name, **kwargs):
    """Staff URLs in English, so that messages are compared in English."""
    with translation.override("en"):
        return reverse(f"staff_practices:{name}", kwargs=kwargs)


def translate_url(practice, language):
    return url("translate", pk=practice.pk, language=language)


def status_url(practice, language):
    return url("translation_status", pk=practice.pk, language=language)


def italian(**overrides):
    texts = {
        "title": "Reclutamento rapido in un giorno",
        "summary": "Le aziende incontrano candidati preselezionati.",
        "method_steps": "Raccogliere le offerte\nPreselezionare i candidati",
    }
    texts.update(overrides)
    return texts


def posted_texts(item, **overrides):
    """What the translation form posts when nothing is changed, then `overrides`."""
    item.refresh_from_db()
    return {**texts_initial(item), "lock_version": item.lock_version, **overrides}


def non_field_errors(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


@pytest.fixture
def draft(counsellor_a, centre_a):
    return draft_practice(counsellor_a, centre_a)  # written in English


@pytest.fixture
def italian_draft(counsellor_a, draft):
    return translations.start_translation(
        actor=counsellor_a, practice=draft, language="it", texts=italian()
    )


# --- The page -------------------------------------------------------------------------------


def test_translate_page_shows_the_original_beside_each_field(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.get(translate_url(draft, "it"))

    assert response.status_code == 200
    page = response.content.decode()
    rows = {
        row["field"].name: str(row["original"])
        for section in response.context["sections"]
        for row in section["rows"]
    }
    assert list(rows) == list(texts_initial(draft.original))
    assert rows["title"] == "<p>Speed recruitment in a day</p>"
    assert rows["method_steps"] == (
        "<ol><li><p>Collect the offers</p></li><li><p>Pre-select the candidates</p></li>"
        "<li><p>Hold the day</p></li></ol>"
    )
    assert rows["limits"] == "<p>Needs committed companies.</p>"
    assert "Title, original in English" in page
    assert "<h1>Translate the sheet into Italian</h1>" in page
    assert 'lang="it"' in page
    assert "lock_version" not in response.context["form"].fields


def test_translate_page_of_the_original_language_opens_the_sheet_form(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.get(translate_url(draft, "en"))

    assert response.status_code == 302
    assert response["Location"] == url("edit", pk=draft.pk)


def test_translate_page_of_an_unknown_language_is_404(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    get = client.get(translate_url(draft, "xx"))
    post = client.post(translate_url(draft, "de"), italian())

    assert (get.status_code, post.status_code) == (404, 404)
    assert draft.translations.count() == 1


def test_translate_page_of_someone_elses_draft_is_404(client, centre_a, draft):
    colleague = MembershipFactory(role="counsellor", centre=centre_a).user
    client.force_login(colleague)

    get = client.get(translate_url(draft, "it"))
    post = client.post(translate_url(draft, "it"), italian())

    assert (get.status_code, post.status_code) == (404, 404)
    assert draft.translations.count() == 1


# --- Starting and changing ------------------------------------------------------------------


def test_translate_starts_a_translation_by_the_person(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.post(translate_url(draft, "it"), italian())

    assert response.status_code == 302
    assert response["Location"] == translate_url(draft, "it")
    item = draft.translations.get(language="it")
    assert (item.translator, item.status, item.title, item.method_steps, item.lock_version) == (
        counsellor_a,
        TranslationStatus.DRAFT,
        "Reclutamento rapido in un giorno",
        ["Raccogliere le offerte", "Preselezionare i candidati"],
        1,
    )


def test_translate_without_a_title_answers_400_and_starts_nothing(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    with translation.override("en"):
        response = client.post(translate_url(draft, "it"), italian(title=""))

        assert response.status_code == 400
        assert [str(e) for e in response.context["form"].errors["title"]] == [
            "This field is required."
        ]
    assert draft.translations.count() == 1


def test_translate_started_by_someone_else_meanwhile_keeps_theirs(
    client, counsellor_a, coordinator, draft
):
    translations.start_translation(
        actor=coordinator, practice=draft, language="it", texts=italian(title="Primo")
    )
    client.force_login(counsellor_a)
    url_it = translate_url(draft, "it")

    # The counsellor's form was opened before the coordinator started: it has no lock_version,
    # and the page now shows the coordinator's translation, which the counsellor cannot change.
    response = client.post(url_it, italian(title="Secondo"))

    assert response.status_code == 403
    assert draft.translations.get(language="it").title == "Primo"


def test_translate_changes_the_text_of_its_translator(client, counsellor_a, italian_draft):
    client.force_login(counsellor_a)
    data = posted_texts(italian_draft, limits="Servono aziende impegnate.")

    response = client.post(translate_url(italian_draft.practice, "it"), data)

    italian_draft.refresh_from_db()
    assert response.status_code == 302
    assert (italian_draft.limits, italian_draft.lock_version) == ("Servono aziende impegnate.", 2)


def test_translate_saved_by_someone_else_meanwhile_answers_409_and_keeps_both_texts(
    client, counsellor_a, coordinator, italian_draft
):
    practice = italian_draft.practice
    opened = posted_texts(italian_draft)  # both open the translation at version 1
    client.force_login(coordinator)
    first = client.post(translate_url(practice, "it"), {**opened, "title": "Versione editore"})
    client.force_login(counsellor_a)

    with translation.override("en"):
        second = client.post(
            translate_url(practice, "it"), {**opened, "title": "Versione traduttore"}
        )

        assert non_field_errors(second) == [
            "This translation was changed by someone else since you opened it. Your changes "
            "were not saved: reload it, then make them again."
        ]
    assert (first.status_code, second.status_code) == (302, 409)
    assert second.context["form"]["title"].value() == "Versione traduttore"
    assert b"Open the current version" in second.content
    assert practice.translations.get(language="it").title == "Versione editore"


def test_translate_by_another_staff_member_is_403(client, manager_a, coordinator, centre_a):
    # A sheet in review is visible to its assigned reviewer, who may translate it but not change
    # the translation someone else started.
    practice = draft_practice(coordinator, centre_a)
    translations.start_translation(
        actor=coordinator, practice=practice, language="it", texts=italian()
    )
    sheets.submit_practice(actor=coordinator, practice=practice)
    sheets.assign_reviewer(actor=coordinator, practice=practice, reviewer=manager_a)
    client.force_login(manager_a)
    data = posted_texts(practice.translations.get(language="it"), title="Non mio")

    get = client.get(translate_url(practice, "it"))
    post = client.post(translate_url(practice, "it"), data)
    new_language = client.get(translate_url(practice, "pt"))

    assert (get.status_code, post.status_code, new_language.status_code) == (403, 403, 200)
    assert practice.translations.get(language="it").title == "Reclutamento rapido in un giorno"


def test_translate_page_of_an_archived_sheet_refuses_a_new_language(
    client, counsellor_a, coordinator, draft
):
    Practice.objects.filter(pk=draft.pk).update(status=PracticeStatus.ARCHIVED)
    client.force_login(coordinator)

    response = client.post(translate_url(draft, "it"), italian())

    assert response.status_code == 409
    assert draft.translations.count() == 1


def test_translate_sent_twice_does_not_overwrite_and_answers_409(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    first = client.post(translate_url(draft, "it"), italian(title="Prima volta"))
    second = client.post(translate_url(draft, "it"), italian(title="Seconda volta"))

    assert (first.status_code, second.status_code) == (302, 409)
    assert draft.translations.get(language="it").title == "Prima volta"


# --- Status ---------------------------------------------------------------------------------


def test_status_ready_by_the_translator(client, counsellor_a, italian_draft):
    client.force_login(counsellor_a)

    response = client.post(status_url(italian_draft.practice, "it"), {"status": "ready"})

    italian_draft.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == translate_url(italian_draft.practice, "it")
    assert italian_draft.status == TranslationStatus.READY


def test_status_buttons_follow_the_status_and_the_role(
    client, counsellor_a, coordinator, italian_draft
):
    practice = italian_draft.practice
    client.force_login(counsellor_a)
    as_translator_draft = client.get(translate_url(practice, "it")).context["status_actions"]
    translations.set_translation_status(
        actor=counsellor_a, translation=italian_draft, status="ready"
    )
    as_translator_ready = client.get(translate_url(practice, "it")).context["status_actions"]
    client.force_login(coordinator)
    as_editor_ready = client.get(translate_url(practice, "it")).context["status_actions"]

    assert [a["status"] for a in as_translator_draft] == ["ready"]
    assert [a["status"] for a in as_translator_ready] == ["draft"]
    assert [a["status"] for a in as_editor_ready] == ["draft", "published"]


def test_status_published_by_the_translator_is_403_and_changes_nothing(
    client, counsellor_a, italian_draft
):
    translations.set_translation_status(
        actor=counsellor_a, translation=italian_draft, status="ready"
    )
    client.force_login(counsellor_a)

    response = client.post(status_url(italian_draft.practice, "it"), {"status": "published"})

    italian_draft.refresh_from_db()
    assert response.status_code == 403
    assert italian_draft.status == TranslationStatus.READY


def test_status_published_before_ready_is_409_and_changes_nothing(
    client, coordinator, italian_draft
):
    client.force_login(coordinator)

    with translation.override("en"):
        response = client.post(status_url(italian_draft.practice, "it"), {"status": "published"})

        assert response.context["message"] == (
            "A translation is published once its translator marks it ready."
        )
    italian_draft.refresh_from_db()
    assert response.status_code == 409
    assert italian_draft.status == TranslationStatus.DRAFT


def test_status_published_by_an_editor_once_ready(client, counsellor_a, coordinator, italian_draft):
    translations.set_translation_status(
        actor=counsellor_a, translation=italian_draft, status="ready"
    )
    client.force_login(coordinator)

    response = client.post(status_url(italian_draft.practice, "it"), {"status": "published"})

    italian_draft.refresh_from_db()
    assert response.status_code == 302
    assert italian_draft.status == TranslationStatus.PUBLISHED
    assert italian_draft.published_at is not None


def test_status_unknown_value_answers_400(client, counsellor_a, italian_draft):
    client.force_login(counsellor_a)

    response = client.post(status_url(italian_draft.practice, "it"), {"status": "finished"})

    italian_draft.refresh_from_db()
    assert response.status_code == 400
    assert italian_draft.status == TranslationStatus.DRAFT


def test_status_of_a_missing_translation_is_404(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    missing = client.post(status_url(draft, "pt"), {"status": "ready"})
    unknown = client.post(status_url(draft, "xx"), {"status": "ready"})

    assert (missing.status_code, unknown.status_code) == (404, 404)


def test_status_of_the_original_text_is_409(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.post(status_url(draft, "en"), {"status": "ready"})

    assert response.status_code == 409
    assert draft.translations.get().status == TranslationStatus.DRAFT


def test_status_by_someone_who_is_not_the_translator_is_403(
    client, manager_a, coordinator, centre_a
):
    practice = draft_practice(coordinator, centre_a)
    item = translations.start_translation(
        actor=coordinator, practice=practice, language="it", texts=italian()
    )
    sheets.submit_practice(actor=coordinator, practice=practice)
    sheets.assign_reviewer(actor=coordinator, practice=practice, reviewer=manager_a)
    client.force_login(manager_a)

    response = client.post(status_url(practice, "it"), {"status": "ready"})

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.status == TranslationStatus.DRAFT


def test_status_answers_get_with_405(client, counsellor_a, italian_draft):
    client.force_login(counsellor_a)

    assert client.get(status_url(italian_draft.practice, "it")).status_code == 405


# --- The list of languages ------------------------------------------------------------------


def test_translations_list_shows_each_language_with_its_link(
    counsellor_a, coordinator, italian_draft
):
    practice = italian_draft.practice
    request = RequestFactory().get("/")
    request.user = counsellor_a

    with translation.override("en"):
        html = render_to_string(
            "practices/sheets/_translations.html", {"practice": practice}, request=request
        )

    assert f'href="{url("edit", pk=practice.pk)}"' in html
    assert f'href="{translate_url(practice, "it")}"' in html
    assert f'href="{translate_url(practice, "pt")}"' in html
    assert "Being translated" in html
    assert str(counsellor_a) in html
    assert "Original text" in html


def test_translations_list_hides_links_the_person_cannot_follow(coordinator, manager_a, centre_a):
    practice = draft_practice(coordinator, centre_a)
    translations.start_translation(
        actor=coordinator, practice=practice, language="it", texts=sheet_texts(title="Titolo")
    )
    sheets.submit_practice(actor=coordinator, practice=practice)
    sheets.assign_reviewer(actor=coordinator, practice=practice, reviewer=manager_a)
    request = RequestFactory().get("/")
    request.user = manager_a

    with translation.override("en"):
        html = render_to_string(
            "practices/sheets/_translations.html", {"practice": practice}, request=request
        )

    assert url("edit", pk=practice.pk) not in html
    assert translate_url(practice, "it") not in html
    assert translate_url(practice, "pt") in html
    assert PracticeTranslation.objects.filter(practice=practice).count() == 2


def test_translate_a_published_sheet_by_staff_of_another_centre(
    client, counsellor_a, manager_b, centre_a
):
    practice = published_practice(counsellor_a, centre_a)
    client.force_login(manager_b)

    page = client.get(translate_url(practice, "bg"))
    response = client.post(translate_url(practice, "bg"), italian(title="Бързо набиране"))

    assert (page.status_code, response.status_code) == (200, 302)
    item = practice.translations.get(language="bg")
    assert (item.translator, item.status, item.title) == (
        manager_b,
        TranslationStatus.DRAFT,
        "Бързо набиране",
    )


def test_translate_a_published_sheet_by_a_signed_in_person_without_a_centre_is_403(
    client, counsellor_a, public_user, centre_a
):
    practice = published_practice(counsellor_a, centre_a)
    client.force_login(public_user)

    response = client.post(translate_url(practice, "bg"), italian())

    assert response.status_code == 403
    assert practice.translations.count() == 1
