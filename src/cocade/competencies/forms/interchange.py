"""The upload form of a framework file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cocade.competencies.interchange.formats import MAX_UPLOAD_BYTES, format_choices


class FrameworkImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv,application/json,text/csv"}),
        help_text=_(
            "At most 2 MB. The file is checked whole first: if anything is wrong, every "
            "problem is listed and nothing is imported."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=format_choices)
    slug = forms.CharField(
        label=_("Import under the identifier"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to use the identifier written in the file."),
    )
    publish = forms.BooleanField(
        label=_("Publish now"),
        required=False,
        help_text=_("Otherwise the import becomes the framework's draft, to check and publish."),
    )
    replace_draft = forms.BooleanField(
        label=_("Replace the existing draft"),
        required=False,
        help_text=_("If the framework already has a draft, the import takes its place."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large: the limit is %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(MAX_UPLOAD_BYTES)},
            )
        return upload
