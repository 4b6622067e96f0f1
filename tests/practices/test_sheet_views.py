"""Writing a sheet in the staff space: the create and edit forms, what they save, bad input,
two people saving the same sheet, and who may open them."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cocade.practices.enums import PracticeStatus
from cocade.practices.forms.sheets import texts_initial
from cocade.practices.models import Practice, PracticeRevision, PracticeTranslation
from cocade.practices.services import sheets
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version
from tests.factories.practices import draft_practice, published_practice, sheet_texts

SCRIPT = '<script>alert("x")</script>'
IMAGE = '<img src="x" onerror="alert(1)">'


def url(name, **kwargs):
    """Staff URLs in English, so that messages are compared in English."""
    with translation.override("en"):
        return reverse(f"staff_practices:{name}", kwargs=kwargs)


def create_data(centre, **overrides):
    data = {
        "title": "Numeri'Day",
        "summary": "A day to discover digital jobs.",
        "centre": centre.pk,
        "original_language": "fr",
        "poles": ["orient", "emploi"],
        "practice_type": "event",
        "context": "Few young people know the digital trades.",
        "target_publics": ["pupils", "jobseekers"],
        "objectives": "Show the trades and the trainings.",
        "method_steps": "Invite the companies\n\n  Book the hall  \nWelcome the classes\n",
        "partners": "The digital cluster.",
        "resources_staff": "Three counsellors.",
        "resources_time": "Three months.",
        "resources_budget": "2,000 euros.",
        "resources_tools": "Stands and a quiz.",
        "duration": "One day a year.",
        "results_figures": "600 visitors.",
        "results_text": "Classes come back every year.",
        "evaluation": "A questionnaire at the exit.",
        "success_factors": "Companies that show real work.",
        "limits": "Needs a large hall.",
        "transfer_conditions": "A digital cluster nearby.",
        "sustainability": "Funded by the region since 2019.",
        "contact_name": "Ana Silva",
        "contact_email": "ana@example.org",
        "licence": "CC-BY-4.0",
    }
    data.update(overrides)
    return data


def edit_data(practice, **overrides):
    """What the edit form posts when nothing is changed, then `overrides`."""
    practice.refresh_from_db()
    data = {
        **texts_initial(practice.translations.get(language=practice.original_language)),
        "practice_type": practice.practice_type,
        "poles": list(practice.poles),
        "target_publics": list(practice.target_publics),
        "contact_name": practice.contact_name,
        "contact_email": practice.contact_email,
        "licence": practice.licence,
        "competences": [competence.pk for competence in practice.competences.all()],
        "lock_version": practice.lock_version,
    }
    data.update(overrides)
    return data


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


@pytest.fixture
def draft(counsellor_a, centre_a):
    return draft_practice(counsellor_a, centre_a)


# --- Create ---------------------------------------------------------------------------------


def test_create_page_groups_every_field_in_the_brief_fieldsets(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.get(url("create"))

    assert response.status_code == 200
    form = response.context["form"]
    with translation.override("en"):
        legends = [str(fieldset["legend"]) for fieldset in form.fieldsets()]
    assert legends == [
        "Identity",
        "Classification",
        "Problem",
        "Delivery",
        "Value",
        "Reuse",
        "Publication",
    ]
    names = [field.name for fieldset in form.fieldsets() for field in fieldset["fields"]]
    assert names == [
        "title",
        "summary",
        "centre",
        "original_language",
        "poles",
        "practice_type",
        "context",
        "target_publics",
        "objectives",
        "method_steps",
        "partners",
        "resources_staff",
        "resources_time",
        "resources_budget",
        "resources_tools",
        "duration",
        "results_figures",
        "results_text",
        "evaluation",
        "success_factors",
        "limits",
        "transfer_conditions",
        "sustainability",
        "contact_name",
        "contact_email",
        "licence",
    ]
    assert form["licence"].value() == "CC-BY-SA-4.0"
    assert "Markdown" in str(form["context"].help_text)


def test_create_page_offers_only_the_users_centres(client, counsellor_a, centre_a, centre_b):
    client.force_login(counsellor_a)

    response = client.get(url("create"))

    choices = [value for value, _label in response.context["form"].fields["centre"].choices]
    assert choices == ["", centre_a.pk]
    assert response.context["form"]["centre"].value() == centre_a.pk


def test_create_page_offers_every_centre_to_an_editor(client, coordinator, centre_a, centre_b):
    client.force_login(coordinator)

    response = client.get(url("create"))

    choices = [value for value, _label in response.context["form"].fields["centre"].choices]
    assert choices == ["", centre_a.pk, centre_b.pk]


def test_create_page_lists_published_competences_by_block(client, counsellor_a):
    published_version("cdm-counsellor", blocks=2, competences=2)
    client.force_login(counsellor_a)

    with translation.override("en"):
        response = client.get(url("create"))
        choices = [
            (str(group), [label for _pk, label in options])
            for group, options in response.context["form"].fields["competences"].choices
        ]

    assert choices == [
        ("A Bloc A [en]", ["A1 Compétence A1 [en]", "A2 Compétence A2 [en]"]),
        ("B Bloc B [en]", ["B1 Compétence B1 [en]", "B2 Compétence B2 [en]"]),
    ]
    assert b"<legend>A Bloc A [en]</legend>" in response.content


def test_create_saves_a_draft_with_every_field(client, counsellor_a, centre_a):
    version = published_version("cdm-counsellor")
    a1, b2 = version.competences.get(code="A1"), version.competences.get(code="B2")
    client.force_login(counsellor_a)

    response = client.post(url("create"), create_data(centre_a, competences=[a1.pk, b2.pk]))

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", pk=practice.pk)
    assert (
        practice.status,
        practice.author,
        practice.centre,
        practice.original_language,
        practice.practice_type,
        practice.poles,
        practice.target_publics,
        practice.contact_name,
        practice.contact_email,
        practice.licence,
        sorted(practice.competences.values_list("code", flat=True)),
    ) == (
        PracticeStatus.DRAFT,
        counsellor_a,
        centre_a,
        "fr",
        "event",
        ["orient", "emploi"],
        ["pupils", "jobseekers"],
        "Ana Silva",
        "ana@example.org",
        "CC-BY-4.0",
        ["A1", "B2"],
    )
    original = practice.translations.get()
    assert (original.language, original.translator, original.title, original.sustainability) == (
        "fr",
        counsellor_a,
        "Numeri'Day",
        "Funded by the region since 2019.",
    )
    assert original.method_steps == [
        "Invite the companies",
        "Book the hall",
        "Welcome the classes",
    ]


def test_create_without_title_answers_400_and_saves_nothing(client, counsellor_a, centre_a):
    client.force_login(counsellor_a)

    with translation.override("en"):
        response = client.post(url("create"), create_data(centre_a, title="  "))

        assert response.status_code == 400
        assert errors_of(response, "title") == ["This field is required."]
    assert Practice.objects.count() == 0


def test_create_with_unknown_choices_answers_400_and_saves_nothing(client, counsellor_a, centre_a):
    client.force_login(counsellor_a)
    data = create_data(centre_a, practice_type="spaceship", poles=["orient", "moon"])

    with translation.override("en"):
        response = client.post(url("create"), data)

        assert response.status_code == 400
        assert errors_of(response, "practice_type") == [
            "Select a valid choice. spaceship is not one of the available choices."
        ]
        assert errors_of(response, "poles") == [
            "Select a valid choice. moon is not one of the available choices."
        ]
    assert Practice.objects.count() == 0


def test_create_for_a_centre_the_user_does_not_work_at_answers_400(
    client, counsellor_a, centre_a, centre_b
):
    client.force_login(counsellor_a)

    response = client.post(url("create"), create_data(centre_b))

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["centre"]
    assert Practice.objects.count() == 0


def test_create_for_another_centre_by_an_editor_saves_it(client, coordinator, centre_b):
    client.force_login(coordinator)

    response = client.post(url("create"), create_data(centre_b))

    assert response.status_code == 302
    assert list(Practice.objects.values_list("centre", "author")) == [(centre_b.pk, coordinator.pk)]


def test_create_with_too_many_steps_shows_the_service_error_at_the_field(
    client, counsellor_a, centre_a
):
    client.force_login(counsellor_a)
    steps = "\n".join(f"Step {n}" for n in range(31))

    with translation.override("en"):
        response = client.post(url("create"), create_data(centre_a, method_steps=steps))

        assert response.status_code == 400
        assert errors_of(response, "method_steps") == ["A method has at most 30 steps."]
    assert Practice.objects.count() == 0


def test_create_twice_with_the_same_data_answers_both_without_error(client, counsellor_a, centre_a):
    client.force_login(counsellor_a)
    data = create_data(centre_a)

    first = client.post(url("create"), data)
    second = client.post(url("create"), data)

    assert (first.status_code, second.status_code) == (302, 302)
    assert sorted(Practice.objects.values_list("slug", flat=True)) == [
        "numeriday",
        "numeriday-2",
    ]


def test_create_by_a_signed_in_person_without_a_centre_is_403(client, public_user, centre_a):
    client.force_login(public_user)

    get = client.get(url("create"))
    post = client.post(url("create"), create_data(centre_a))

    assert (get.status_code, post.status_code) == (403, 403)
    assert Practice.objects.count() == 0


def test_create_asks_an_anonymous_visitor_to_sign_in(client, centre_a):
    response = client.post(url("create"), create_data(centre_a))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert Practice.objects.count() == 0


def test_create_keeps_script_and_html_as_text_and_never_renders_them(
    client, counsellor_a, centre_a
):
    client.force_login(counsellor_a)
    data = create_data(
        centre_a, summary=f"Hello {SCRIPT}", context=f"**Bold** {IMAGE}", method_steps=SCRIPT
    )

    client.post(url("create"), data)
    practice = Practice.objects.get()
    edit_page = client.get(url("edit", pk=practice.pk)).content.decode()
    translate_page = client.get(url("translate", pk=practice.pk, language="en")).content.decode()
    detail = client.get(url("detail", pk=practice.pk))
    detail_page = detail.content.decode()

    original = practice.translations.get()
    assert (original.summary, original.context, original.method_steps) == (
        f"Hello {SCRIPT}",
        f"**Bold** {IMAGE}",
        [SCRIPT],
    )
    assert "<script>alert" not in edit_page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in edit_page
    assert "<script>alert" not in translate_page
    assert "onerror" not in translate_page
    assert "<strong>Bold</strong>" in translate_page
    assert detail.status_code == 200
    assert "<script>alert" not in detail_page
    assert "onerror" not in detail_page


# --- Edit -----------------------------------------------------------------------------------


def test_edit_page_shows_the_stored_sheet_and_its_version(client, counsellor_a, draft):
    client.force_login(counsellor_a)

    response = client.get(url("edit", pk=draft.pk))

    form = response.context["form"]
    assert response.status_code == 200
    assert (
        form["title"].value(),
        form["method_steps"].value(),
        form["lock_version"].value(),
        form["poles"].value(),
    ) == (
        "Speed recruitment in a day",
        "Collect the offers\nPre-select the candidates\nHold the day",
        1,
        ["emploi"],
    )
    assert "centre" not in form.fields
    assert "original_language" not in form.fields
    assert b'name="lock_version" value="1"' in response.content


def test_edit_saves_the_sheet_and_its_original_texts(client, counsellor_a, draft):
    client.force_login(counsellor_a)
    data = edit_data(
        draft,
        title="Speed recruitment, again",
        method_steps="One\nTwo",
        poles=["emploi", "creer"],
        licence="CC-BY-NC-SA-4.0",
    )

    response = client.post(url("edit", pk=draft.pk), data)

    draft.refresh_from_db()
    original = draft.translations.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", pk=draft.pk)
    assert (draft.lock_version, draft.poles, draft.licence) == (
        2,
        ["emploi", "creer"],
        "CC-BY-NC-SA-4.0",
    )
    assert (original.title, original.method_steps) == ("Speed recruitment, again", ["One", "Two"])
    assert PracticeRevision.objects.filter(practice=draft).count() == 2


def test_edit_without_its_version_answers_409_and_changes_nothing(client, counsellor_a, draft):
    client.force_login(counsellor_a)
    data = edit_data(draft, title="Changed")
    del data["lock_version"]

    response = client.post(url("edit", pk=draft.pk), data)

    assert response.status_code == 409
    assert response.context["conflict"] == "stale"
    assert draft.translations.get().title == "Speed recruitment in a day"


def test_edit_saved_by_someone_else_meanwhile_answers_409_and_keeps_both_texts(
    client, counsellor_a, coordinator, draft
):
    opened = edit_data(draft)  # both open the sheet at version 1
    client.force_login(counsellor_a)
    first = client.post(url("edit", pk=draft.pk), {**opened, "title": "The author's title"})
    client.force_login(coordinator)

    with translation.override("en"):
        second = client.post(url("edit", pk=draft.pk), {**opened, "title": "The editor's title"})

        assert response_errors(second) == [
            "This sheet was changed by someone else since you opened it. Your changes were not "
            "saved: reload the sheet, then make them again."
        ]
    assert (first.status_code, second.status_code) == (302, 409)
    assert second.context["form"]["title"].value() == "The editor's title"
    assert second.context["form"]["lock_version"].value() == "1"
    assert b"The editor&#x27;s title" in second.content
    assert draft.translations.get().title == "The author's title"
    draft.refresh_from_db()
    assert draft.lock_version == 2


def response_errors(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


def test_edit_keeps_competences_linked_from_an_earlier_version(
    client, counsellor_a, coordinator, centre_a
):
    from cocade.competencies.services import frameworks

    version = published_version("cdm-counsellor")
    practice = sheets.create_practice(
        actor=counsellor_a,
        sheet={
            "centre": centre_a,
            "original_language": "en",
            "practice_type": "workshop",
        },
        texts=sheet_texts(),
        competences=[version.competences.get(code="A1").pk],
    )
    draft_version = frameworks.start_new_draft(actor=coordinator, framework=version.framework)
    frameworks.publish_version(actor=None, version=draft_version)
    client.force_login(counsellor_a)

    response = client.post(url("edit", pk=practice.pk), edit_data(practice, title="New title"))

    assert response.status_code == 302
    assert list(practice.competences.values_list("version__number", "code")) == [(1, "A1")]


def test_edit_of_someone_elses_draft_is_404(client, centre_a, draft):
    colleague = MembershipFactory(role="counsellor", centre=centre_a).user
    client.force_login(colleague)

    get = client.get(url("edit", pk=draft.pk))
    post = client.post(url("edit", pk=draft.pk), edit_data(draft, title="Mine now"))

    assert (get.status_code, post.status_code) == (404, 404)
    assert draft.translations.get().title == "Speed recruitment in a day"


def test_edit_of_an_unknown_sheet_is_404(client, counsellor_a):
    client.force_login(counsellor_a)

    assert client.get(url("edit", pk=999999)).status_code == 404


def test_edit_of_a_submitted_sheet_by_its_author_is_403(client, counsellor_a, draft):
    sheets.submit_practice(actor=counsellor_a, practice=draft)
    client.force_login(counsellor_a)

    get = client.get(url("edit", pk=draft.pk))
    post = client.post(url("edit", pk=draft.pk), edit_data(draft, title="Too late"))

    assert (get.status_code, post.status_code) == (403, 403)
    assert draft.translations.get().title == "Speed recruitment in a day"


def test_edit_of_a_submitted_sheet_by_an_editor_saves_it(client, counsellor_a, coordinator, draft):
    sheets.submit_practice(actor=counsellor_a, practice=draft)
    client.force_login(coordinator)

    response = client.post(url("edit", pk=draft.pk), edit_data(draft, title="Tidied up"))

    assert response.status_code == 302
    assert PracticeTranslation.objects.get(practice=draft).title == "Tidied up"


def test_edit_of_a_published_sheet_by_its_author_is_403(client, counsellor_a, centre_a):
    practice = published_practice(counsellor_a, centre_a)
    client.force_login(counsellor_a)

    response = client.post(url("edit", pk=practice.pk), edit_data(practice, title="Quietly"))

    assert response.status_code == 403
    assert practice.translations.get().title == "Speed recruitment in a day"


def test_edit_of_a_published_sheet_by_an_editor_keeps_it_published(
    client, counsellor_a, coordinator, centre_a
):
    practice = published_practice(counsellor_a, centre_a)
    client.force_login(coordinator)

    with translation.override("en"):
        response = client.post(
            url("edit", pk=practice.pk), edit_data(practice, title="Speed recruitment, 2nd")
        )
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "The sheet was saved; its followers will be told of the new version."
        ]

    practice.refresh_from_db()
    assert response.status_code == 302
    assert (practice.status, practice.translations.get().title) == (
        PracticeStatus.PUBLISHED,
        "Speed recruitment, 2nd",
    )
    assert practice.revisions.order_by("-number").first().is_publication is True


def test_edit_of_someone_elses_published_sheet_is_403(client, counsellor_a, manager_b, centre_a):
    practice = published_practice(counsellor_a, centre_a)
    client.force_login(manager_b)

    assert client.get(url("edit", pk=practice.pk)).status_code == 403
