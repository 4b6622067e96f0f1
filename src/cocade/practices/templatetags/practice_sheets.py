"""`{% sheet_translations practice as rows %}`: the languages of a sheet for the staff pages,
each with its status, its translator and the link the signed-in person may follow (used by
`practices/sheets/_translations.html`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from cocade.core.i18n import language_codes
from cocade.practices import rules
from cocade.practices.enums import PracticeStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def sheet_translations(context: Any, practice: Any) -> list[dict[str, Any]]:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    rows = []
    for code in language_codes():
        translation = practice.translation(code)
        row: dict[str, Any] = {
            "code": code,
            "name": str(get_language_info(code)["name_translated"]),
            "is_original": code == practice.original_language,
            "translation": translation,
            "url": None,
            "link_label": "",
        }
        if row["is_original"]:
            if rules.can_edit_practice(user, practice):
                row["url"] = reverse("staff_practices:edit", kwargs={"pk": practice.pk})
                row["link_label"] = _("Edit the sheet")
        elif translation is not None:
            if rules.can_edit_translation(user, practice, translation):
                row["url"] = reverse(
                    "staff_practices:translate", kwargs={"pk": practice.pk, "language": code}
                )
                row["link_label"] = _("Edit the translation")
        elif practice.status != PracticeStatus.ARCHIVED and rules.can_translate(user, practice):
            row["url"] = reverse(
                "staff_practices:translate", kwargs={"pk": practice.pk, "language": code}
            )
            row["link_label"] = _("Translate")
        rows.append(row)
    return rows
