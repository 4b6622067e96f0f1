import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cocade.core.i18n import Localized, TranslatedFormField, localize
from tests.factories.directory import CentreFactory


def test_localize_returns_the_active_language_when_present():
    with translation.override("pt"):
        text = localize({"fr": "Trouver un emploi", "pt": "Encontrar emprego"}, "fr")

    assert text == Localized("Encontrar emprego", "pt", False)


def test_localize_falls_back_to_the_original_language_visibly():
    text = localize({"fr": "Trouver un emploi"}, "fr", "bg")

    assert text == Localized("Trouver un emploi", "fr", True)


def test_localize_of_nothing_is_empty():
    assert localize({}, "fr", "en") == Localized("", "en", False)


@pytest.mark.django_db
def test_translated_field_rejects_an_unknown_language_code():
    centre = CentreFactory.build(name={"fr": "Cité", "xx": "?"})

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            centre.full_clean(exclude=["network"])

        assert error.value.message_dict["name"] == ["Unknown language code “xx”."]


@pytest.mark.django_db
def test_translatable_model_requires_the_original_language_text():
    centre = CentreFactory.build(name={"en": "Only English"}, original_language="fr")

    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            centre.full_clean(exclude=["network"])

        assert error.value.message_dict["name"] == [
            "Indiquez au moins le texte dans la langue d'origine (Français)."
        ]


@pytest.mark.django_db
def test_translated_text_keeps_non_ascii_letters_searchable():
    centre = CentreFactory(name={"fr": "Cité de Genève", "bg": "Град на професиите"})

    found = type(centre).objects.filter(name__icontains="Genève").count()
    found_bg = type(centre).objects.filter(name__icontains="професиите").count()

    assert (found, found_bg) == (1, 1)


def test_translated_form_field_compresses_to_non_empty_languages():
    field = TranslatedFormField(max_length=20)

    value = field.clean(["Bonjour", "Hello", "", "", "", ""])

    assert value == {"fr": "Bonjour", "en": "Hello"}
