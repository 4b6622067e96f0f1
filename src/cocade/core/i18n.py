"""Translated user content: one approach for every app (see docs/adr/0002-translated-content.md).

A translatable model inherits `TranslatableModel` (it gets `original_language`) and declares
its texts as `TranslatedField`s: a JSON object from language code to text, e.g.
``{"fr": "Trouver un emploi", "en": "Find a job"}``. Reading `obj.name_i18n` returns a
`Localized` text in the active language, or in the original language with `is_fallback=True`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


@dataclass(frozen=True)
class Localized:
    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


def localize(
    values: dict[str, str] | None, original_language: str, language: str | None = None
) -> Localized:
    """Pick the text for `language` (default: the active one), else the original, else any."""
    values = values or {}
    wanted = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if values.get(wanted):
        return Localized(values[wanted], wanted, False)
    if values.get(original_language):
        return Localized(values[original_language], original_language, True)
    for code, text in values.items():
        if text:
            return Localized(text, code, True)
    return Localized("", wanted, False)


def validate_translations(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValidationError(
            _("Translations must be given as an object from language to text."), code="invalid"
        )
    known = set(language_codes())
    for code, text in value.items():
        if code not in known:
            raise ValidationError(
                _("Unknown language code “%(code)s”."),
                code="unknown_language",
                params={"code": code},
            )
        if not isinstance(text, str):
            raise ValidationError(_("Each translation must be a text."), code="invalid")


class UnicodeJSONEncoder(DjangoJSONEncoder):
    """Store non-ASCII letters as they are, so that text lookups match accents and Cyrillic."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class _LocalizedDescriptor:
    def __init__(self, field_name: str) -> None:
        self.field_name = field_name

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        return localize(getattr(instance, self.field_name), instance.original_language)


class TranslatedField(models.JSONField):
    """JSON object {language: text}; `<name>_i18n` reads it in the active language."""

    def __init__(self, *args: Any, max_length: int | None = None, **kwargs: Any) -> None:
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        kwargs.setdefault("encoder", UnicodeJSONEncoder)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_translations)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def contribute_to_class(self, cls: Any, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, f"{name}_i18n", _LocalizedDescriptor(name))

    def clean(self, value: Any, model_instance: Any) -> Any:
        value = super().clean(value, model_instance)
        if isinstance(value, dict):
            value = {code: text.strip() for code, text in value.items() if text and text.strip()}
            if self.text_max_length:
                for code, text in value.items():
                    if len(text) > self.text_max_length:
                        raise ValidationError(
                            _("The %(language)s text is longer than %(max)d characters."),
                            code="max_length",
                            params={"language": language_name(code), "max": self.text_max_length},
                        )
        return value

    def formfield(self, **kwargs: Any) -> Any:
        return TranslatedFormField(
            label=capfirst(self.verbose_name),
            required=False,
            max_length=self.text_max_length,
            help_text=self.help_text,
            multiline=self.text_max_length is None,
        )


class TranslatableModel(models.Model):
    """Base for models with user content in several languages."""

    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language this content was first written in; used when a translation is missing."
        ),
    )
    required_translated_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in self.required_translated_fields:
            values = getattr(self, name) or {}
            if not (values.get(self.original_language) or "").strip():
                errors[name] = ValidationError(
                    _("Give at least the text in the original language (%(language)s)."),
                    code="required",
                    params={"language": language_name(self.original_language)},
                )
        if errors:
            raise ValidationError(errors)


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"

    def __init__(self, *, multiline: bool = False, attrs: dict[str, Any] | None = None) -> None:
        widgets = {}
        for code in language_codes():
            widget_attrs = {"lang": code}
            widget_class = forms.Textarea if multiline else forms.TextInput
            if multiline:
                widget_attrs["rows"] = "3"
            widgets[code] = widget_class(attrs=widget_attrs)
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str]:
        value = value or {}
        return [value.get(code, "") for code in language_codes()]

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for code, subwidget in zip(language_codes(), context["widget"]["subwidgets"], strict=True):
            subwidget["language_code"] = code
            subwidget["language_name"] = language_name(code)
        return context


class TranslatedFormField(forms.MultiValueField):
    def __init__(
        self, *, max_length: int | None = None, multiline: bool = False, **kwargs: Any
    ) -> None:
        fields = [
            forms.CharField(required=False, max_length=max_length, strip=True)
            for _code in language_codes()
        ]
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=fields, widget=TranslatedWidget(multiline=multiline), **kwargs)

    def compress(self, data_list: list[str]) -> dict[str, str]:
        if not data_list:
            return {}
        return {code: text for code, text in zip(language_codes(), data_list, strict=True) if text}
