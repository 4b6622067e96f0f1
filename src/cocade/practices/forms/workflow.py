"""Forms of the Vademecum's workflow: assigning a reviewer, and the review checklist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from cocade.accounts.models import Membership
from cocade.practices.enums import ReviewCriterion, ReviewRecommendation, ReviewScore
from cocade.practices.models import Practice

COMMENT_MAX_LENGTH = 4000


class ReviewerChoiceField(forms.ModelChoiceField):
    """A staff member shown with their name and the centre(s) they work at."""

    def label_from_instance(self, obj: Any) -> str:
        name = obj.full_name or obj.email
        places = []
        for membership in obj.active_memberships_list:
            place = str(membership.centre) if membership.centre_id else str(_("network"))
            if place not in places:
                places.append(place)
        return f"{name} ({', '.join(places)})" if places else name


def reviewer_candidates(practice: Practice) -> Any:
    """Active staff of the sheet's network (its centres' staff and the network-wide roles),
    except the author and those who already review the current round."""
    network_id = practice.centre.network_id
    active = Membership.objects.active().filter(
        Q(centre__network_id=network_id) | Q(centre__isnull=True)
    )
    already = practice.reviews.filter(round=practice.review_round).values("reviewer_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__in=active)
        .exclude(pk=practice.author_id)
        .exclude(pk__in=already)
        .distinct()
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=active.select_related("centre").order_by("centre_id", "pk"),
                to_attr="active_memberships_list",
            )
        )
        .order_by("full_name", "email")
    )


class AssignReviewerForm(forms.Form):
    reviewer = ReviewerChoiceField(
        label=_("Reviewer"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Choose a member of the staff"),
        help_text=_(
            "A member of the network's staff, from another centre if possible; not the author."
        ),
    )

    def __init__(self, data: Any = None, *, practice: Practice, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["reviewer"].queryset = reviewer_candidates(practice)  # type: ignore[attr-defined]


@dataclass
class CriterionFields:
    """One point of the checklist: its label, the score radios and the comment box."""

    criterion: str
    label: Any
    score: forms.BoundField
    comment: forms.BoundField

    @property
    def has_errors(self) -> bool:
        return bool(self.score.errors or self.comment.errors)


class ReviewForm(forms.Form):
    """The review checklist: a score from 1 to 4 and a comment for each criterion, what to
    change, and a recommendation."""

    general_comment = forms.CharField(
        label=_("What to change"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the author should change or add, in a few clear points. Needed when you ask "
            "for changes."
        ),
    )
    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=ReviewRecommendation.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        for criterion in ReviewCriterion:
            fields[f"score_{criterion.value}"] = forms.TypedChoiceField(
                label=criterion.label,
                choices=ReviewScore.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a score for this point.")},
            )
            fields[f"comment_{criterion.value}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.label},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        # The checklist comes first, then what to change and the recommendation.
        self.fields = {**fields, **self.fields}

    def criteria(self) -> list[CriterionFields]:
        return [
            CriterionFields(
                criterion=criterion.value,
                label=criterion.label,
                score=self[f"score_{criterion.value}"],
                comment=self[f"comment_{criterion.value}"],
            )
            for criterion in ReviewCriterion
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("recommendation") == ReviewRecommendation.CHANGES:
            comments = [cleaned.get(f"comment_{c.value}", "") for c in ReviewCriterion]
            if not (cleaned.get("general_comment") or "").strip() and not any(
                (c or "").strip() for c in comments
            ):
                self.add_error("general_comment", _("Say what to change when you ask for changes."))
        return cleaned

    def values(self) -> dict[str, Any]:
        """The keyword arguments of services.sheets.submit_review."""
        data = self.cleaned_data
        return {
            "scores": {c.value: data[f"score_{c.value}"] for c in ReviewCriterion},
            "comments": {c.value: data.get(f"comment_{c.value}", "") for c in ReviewCriterion},
            "general_comment": data.get("general_comment", ""),
            "recommendation": data["recommendation"],
        }
