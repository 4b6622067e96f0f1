"""Forms of a sheet's files and revisions: uploading an attachment, choosing two revisions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cocade.practices.services.attachments import TITLE_MAX_LENGTH

MAX_NUMBER = 2_147_483_647
ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        help_text=_("What the file is, e.g. “Programme of the day”. By default, its name."),
    )
    # Content, size and name are checked by the service (cocade.core.uploads), empty files too.
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,
        help_text=_("A PDF document or an image (PNG, JPEG or WebP)."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={"required": _("Choose a file to attach.")},
    )


class CompareForm(forms.Form):
    """Two revision numbers read from the query string (`?from=N&to=M`): `from` and `to` are
    Python keywords, so the fields are added by name."""

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(number, str(number)) for number in numbers]
        self.fields["from"] = forms.IntegerField(
            label=_("From revision"),
            min_value=1,
            max_value=MAX_NUMBER,
            widget=forms.Select(choices=choices),
            error_messages={
                "required": _("Choose the revision to compare from."),
                "invalid": _("A revision is given by its number."),
                "min_value": _("A revision is given by its number."),
                "max_value": _("A revision is given by its number."),
            },
        )
        self.fields["to"] = forms.IntegerField(
            label=_("To revision"),
            min_value=1,
            max_value=MAX_NUMBER,
            widget=forms.Select(choices=choices),
            error_messages={
                "required": _("Choose the revision to compare with."),
                "invalid": _("A revision is given by its number."),
                "min_value": _("A revision is given by its number."),
                "max_value": _("A revision is given by its number."),
            },
        )
