import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cocade.directory.validators import validate_language_list, validate_logo
from tests.factories.directory import CentreFactory


def _png(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_validate_logo_accepts_a_real_png():
    validate_logo(SimpleUploadedFile("logo.png", _png(), content_type="image/png"))


def test_validate_logo_refuses_a_text_file_named_png():
    upload = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")

    with pytest.raises(ValidationError) as error:
        validate_logo(upload)

    assert error.value.code == "invalid_image"


def test_validate_logo_refuses_a_gif_even_if_it_is_an_image():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="GIF")

    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.gif", buffer.getvalue()))

    assert error.value.code == "invalid_image"


def test_validate_logo_refuses_a_file_over_the_limit(settings):
    settings.COCADE_LOGO_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", _png() + b"\0" * 2048))

    assert error.value.code == "file_too_large"


@pytest.mark.django_db
def test_a_stored_logo_whose_file_is_gone_does_not_block_saving_the_centre():
    centre = CentreFactory(logo=SimpleUploadedFile("logo.png", _png()))
    centre.logo.storage.delete(centre.logo.name)
    centre.refresh_from_db()

    centre.city = "Porto"
    centre.full_clean()

    assert centre.logo.name.startswith("logos/logo")


def test_validate_language_list_names_unknown_codes():
    with pytest.raises(ValidationError) as error:
        validate_language_list(["fr", "xx", "zz"])

    assert (error.value.code, error.value.params) == ("unknown_language", {"codes": "xx, zz"})
