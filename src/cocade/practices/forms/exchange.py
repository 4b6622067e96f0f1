"""Forms of the exchange on a published sheet: a comment, a "we tried it" account, a follow.

Forms only parse (lengths as in the services, so the page says it before the service does);
the services in `services/exchange.py` check the rights and write. Each form has its own
prefix, so that the comment and the trial forms can sit on the same page.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cocade.practices.services.exchange import MAX_COMMENT, MAX_TRIAL_TEXT


class CommentForm(forms.Form):
    prefix = "comment"

    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown is allowed: *emphasis*, lists, links. At most 4,000 characters."),
    )


class TrialForm(forms.Form):
    prefix = "trial"

    context = forms.CharField(
        label=_("Your context"),
        max_length=MAX_TRIAL_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where and with whom you tried it, in a few words."),
    )
    adaptation = forms.CharField(
        label=_("What you adapted"),
        max_length=MAX_TRIAL_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.CharField(
        label=_("How it went"),
        max_length=MAX_TRIAL_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowForm(forms.Form):
    """`action` says what the button means (a double click repeats it harmlessly); without it
    the request toggles."""

    action = forms.ChoiceField(
        choices=[("follow", _("Follow")), ("unfollow", _("Stop following"))],
        required=False,
    )
