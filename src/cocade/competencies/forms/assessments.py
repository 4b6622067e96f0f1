"""Forms of self-assessments, reviews and development plans.

The self-assessment and review forms are built from the version's competences: one group of
fields per competence, named by its code (`level_A1`, `comment_A1`, `evidence_A1`;
`review_A1`, `review_comment_A1`). Forms only parse; the services check and write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import ActionKind, ExpectedProfile, GoalStatus
from cocade.competencies.models import (
    AssessmentRating,
    Block,
    Competence,
    DevelopmentGoal,
    FrameworkVersion,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.competencies.services.assessments import COMMENT_MAX, RatingInput, ReviewInput
from cocade.core.i18n import Localized

REVIEW_COMMENT_MAX = 4000


def level_label(level: ProficiencyLevel | None) -> str:
    if level is None:
        return str(_("not assessed"))
    return f"{level.rank}. {level.label_i18n}"


class LevelRadioSelect(forms.RadioSelect):
    """Radio buttons whose options carry the level label (marked when it falls back to another
    language) and, where the author wrote one, the competence's descriptor for that level."""

    template_name = "competencies/assessments/widgets/level_radio.html"
    option_template_name = "competencies/assessments/widgets/level_option.html"

    def __init__(
        self,
        *args: Any,
        labels: dict[str, Localized] | None = None,
        descriptions: dict[str, Localized] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.labels = labels or {}
        self.descriptions = descriptions or {}

    def create_option(
        self,
        name: str,
        value: Any,
        label: Any,
        selected: Any,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["label_i18n"] = self.labels.get(str(value))
        option["description"] = self.descriptions.get(str(value))
        if option["description"] and option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_description"
        return option


@dataclass
class CompetenceFields:
    """What the self-assessment page shows for one competence."""

    competence: Competence
    level: BoundField
    comment: BoundField
    evidence: BoundField

    @property
    def has_errors(self) -> bool:
        return bool(self.level.errors or self.comment.errors or self.evidence.errors)


@dataclass
class BlockGroup:
    block: Block
    items: list[Any] = field(default_factory=list)


def _textarea(label: Any, max_length: int, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": "2"}),
    )


class SelfAssessmentForm(forms.Form):
    """One radio group of levels (plus "not assessed yet") per competence of the version, with
    an optional comment and evidence note. `competences` come with their block, indicators and
    descriptors loaded; `ratings` maps competence id → the rating saved so far."""

    def __init__(
        self,
        data: Any = None,
        *,
        competences: Sequence[Competence],
        levels: Sequence[ProficiencyLevel],
        ratings: dict[int, AssessmentRating],
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.competences = list(competences)
        level_codes = {level.pk: level.code for level in levels}
        labels = {level.code: level.label_i18n for level in levels}
        for competence in self.competences:
            code = competence.code
            descriptions = {
                level_codes[d.level_id]: d.text_i18n
                for d in competence.descriptors.all()
                if d.level_id in level_codes and d.text_i18n
            }
            rating = ratings.get(competence.pk)
            choices: list[tuple[str, Any]] = [("", _("Not assessed yet"))]
            choices += [(level.code, str(level.label_i18n)) for level in levels]
            self.fields[f"level_{code}"] = forms.ChoiceField(
                label=_("Your level"),
                required=False,
                choices=choices,
                initial=level_codes.get(rating.level_id or 0, "") if rating else "",
                widget=LevelRadioSelect(labels=labels, descriptions=descriptions),
            )
            self.fields[f"comment_{code}"] = _textarea(_("Comment"), COMMENT_MAX)
            self.fields[f"evidence_{code}"] = _textarea(
                _("Evidence"),
                COMMENT_MAX,
                _("What shows it: a situation, a piece of work, a training followed."),
            )
            if rating is not None:
                self.initial[f"comment_{code}"] = rating.comment
                self.initial[f"evidence_{code}"] = rating.evidence

    def groups(self) -> list[BlockGroup]:
        """The competences by block, in framework order, each with its bound fields."""
        groups: list[BlockGroup] = []
        for competence in self.competences:
            if not groups or groups[-1].block.pk != competence.block_id:
                groups.append(BlockGroup(block=competence.block))
            code = competence.code
            groups[-1].items.append(
                CompetenceFields(
                    competence=competence,
                    level=self[f"level_{code}"],
                    comment=self[f"comment_{code}"],
                    evidence=self[f"evidence_{code}"],
                )
            )
        return groups

    def add_competence_error(self, code: str, message: Any, *, top: str = "") -> None:
        """Show a service's message at the competence's level; on top when it names no
        competence of the form (and is not already there)."""
        name = f"level_{code}"
        if name in self.fields:
            self.add_error(name, message)
        elif str(message) != top:
            self.add_error(None, message)

    def ratings(self) -> dict[str, RatingInput]:
        data = self.cleaned_data
        return {
            c.code: RatingInput(
                level=data.get(f"level_{c.code}") or None,
                comment=data.get(f"comment_{c.code}", ""),
                evidence=data.get(f"evidence_{c.code}", ""),
            )
            for c in self.competences
        }


@dataclass
class ReviewItem:
    competence: Competence
    rating: AssessmentRating | None
    level: BoundField
    comment: BoundField
    expected: ProficiencyLevel | None = None


class ReviewForm(forms.Form):
    """Per competence: agree with the counsellor's level or set another, with a comment; and an
    overall comment. `rows` are (competence, rating) pairs in framework order; `expected` maps
    competence id → the level expected for the assessment's profile."""

    def __init__(
        self,
        data: Any = None,
        *,
        rows: Iterable[tuple[Competence, AssessmentRating | None]],
        levels: Sequence[ProficiencyLevel],
        expected: dict[int, ProficiencyLevel | None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.rows = list(rows)
        self.expected = expected or {}
        for competence, rating in self.rows:
            own = level_label(rating.level if rating else None)
            self.fields[f"review_{competence.code}"] = forms.ChoiceField(
                label=_("Reviewed level"),
                required=False,
                choices=[("", _("Agree (%(level)s)") % {"level": own})]
                + [(level.code, level_label(level)) for level in levels],
            )
            self.fields[f"review_comment_{competence.code}"] = _textarea(
                _("Comment on this competence"), COMMENT_MAX
            )
        self.fields["comment"] = forms.CharField(
            label=_("Overall comment"),
            required=False,
            max_length=REVIEW_COMMENT_MAX,
            widget=forms.Textarea(attrs={"rows": "4"}),
        )

    def groups(self) -> list[BlockGroup]:
        groups: list[BlockGroup] = []
        for competence, rating in self.rows:
            if not groups or groups[-1].block.pk != competence.block_id:
                groups.append(BlockGroup(block=competence.block))
            groups[-1].items.append(
                ReviewItem(
                    competence=competence,
                    rating=rating,
                    level=self[f"review_{competence.code}"],
                    comment=self[f"review_comment_{competence.code}"],
                    expected=self.expected.get(competence.pk),
                )
            )
        return groups

    def reviews(self) -> dict[str, ReviewInput]:
        data = self.cleaned_data
        return {
            competence.code: ReviewInput(
                level=data.get(f"review_{competence.code}") or None,
                comment=data.get(f"review_comment_{competence.code}", ""),
            )
            for competence, _rating in self.rows
        }


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.email})" if obj.full_name else obj.email


class ReviewerForm(forms.Form):
    """Who reviews: a member of the centre's staff other than the person assessed, or nobody
    (the centre's managers)."""

    reviewer = UserChoiceField(
        label=_("Reviewer"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody in particular: the centre's managers review"),
        help_text=_("Someone on the staff of this centre who knows the counsellor's work."),
    )

    def __init__(self, data: Any = None, *, assessment: SelfAssessment, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"reviewer": assessment.reviewer_id})
        super().__init__(data, **kwargs)
        self.fields["reviewer"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(
                is_active=True,
                memberships__centre_id=assessment.centre_id,
                memberships__revoked_at__isnull=True,
            )
            .exclude(pk=assessment.user_id)
            .distinct()
            .order_by("full_name", "email")
        )


class StartAssessmentForm(forms.Form):
    """Which framework, compared with which profile, from which centre (only asked when the
    person is on the staff of several)."""

    framework = forms.ChoiceField(label=_("Framework"))
    profile = forms.ChoiceField(
        label=_("Compare with the expected levels of"),
        choices=ExpectedProfile.choices,
        initial=ExpectedProfile.COUNSELLOR,
    )

    def __init__(
        self,
        data: Any = None,
        *,
        versions: Sequence[FrameworkVersion],
        centres: Sequence[Any],
        hide_framework: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.fields["framework"].choices = [  # type: ignore[attr-defined]
            (version.framework.slug, str(version.title_i18n)) for version in versions
        ]
        if hide_framework:
            self.fields["framework"].widget = forms.HiddenInput()
        if len(centres) > 1:
            self.fields["centre"] = forms.TypedChoiceField(
                label=_("Centre"),
                coerce=int,
                choices=[(centre.pk, str(centre.name_i18n)) for centre in centres],
                help_text=_("The centre whose managers review this self-assessment."),
            )


class DoneForm(forms.Form):
    done = forms.TypedChoiceField(
        label=_("Done"), choices=[("1", _("Done")), ("0", _("Not done"))], coerce=lambda v: v == "1"
    )


class CompetenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj.title_i18n}"


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return level_label(obj)


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=300)
    competence = CompetenceChoiceField(
        label=_("Competence"),
        queryset=Competence.objects.none(),
        required=False,
        empty_label=_("No particular competence"),
    )
    target_level = LevelChoiceField(
        label=_("Target level"),
        queryset=ProficiencyLevel.objects.none(),
        required=False,
        empty_label=_("No target level"),
    )
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=GoalStatus.choices, initial=GoalStatus.PLANNED
    )

    def __init__(
        self,
        data: Any = None,
        *,
        version_id: int,
        goal: DevelopmentGoal | None = None,
        **kwargs: Any,
    ) -> None:
        if goal is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": goal.title,
                    "competence": goal.competence_id,
                    "target_level": goal.target_level_id,
                    "due_on": goal.due_on,
                    "status": goal.status,
                },
            )
        super().__init__(data, **kwargs)
        self.fields["competence"].queryset = (  # type: ignore[attr-defined]
            Competence.objects.filter(version_id=version_id)
            .select_related("block")
            .order_by("block__position", "block__code", "position", "code")
        )
        self.fields["target_level"].queryset = (  # type: ignore[attr-defined]
            ProficiencyLevel.objects.filter(version_id=version_id).order_by("rank")
        )

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields}


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of action"), choices=ActionKind.choices)
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        help_text=_("Which training, which practice, which colleague: in a few words."),
    )
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A web page about it, if there is one."),
    )
