"""Public pages of the Vademecum: the search with its facets, a published sheet, and the exchange
between counsellors on it (comments, "we tried it", follows).

Anyone searches and reads published sheets; a sheet that is not published answers 404 here,
even for its author (the staff page is the place for drafts). The exchange is for signed-in
staff: anonymous visitors are sent to sign in, signed-in people without a role get 403, bad
input shows the sheet again with the errors (400), and a success goes back to the sheet with a
message. The search stores nothing about the query.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from django_countries import countries

from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Competence
from cocade.core.errors import Conflict, DomainError, Forbidden, NotFound, apply_to_form
from cocade.core.i18n import language_codes
from cocade.core.markdown import plain_text, render_markdown
from cocade.core.viewflow import forbidden, run_action
from cocade.practices import rules, selectors
from cocade.practices.enums import Licence, PracticePole, PracticeType, TargetPublic
from cocade.practices.forms.exchange import CommentForm, FollowForm, TrialForm
from cocade.practices.models import Practice, PracticeTranslation
from cocade.practices.search import FACETS, published_translations, search_practices
from cocade.practices.services import exchange as services

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
SORTS = ("relevance", "date")

FACET_TITLES = {
    "pole": _("Pôle"),
    "type": _("Type of practice"),
    "public": _("Target public"),
    "country": _("Country"),
    "language": _("Language"),
    "competence": _("Competence"),
}
NOT_STAFF = _("Only the network's staff comment, record trials and follow sheets.")

#: The licence deeds, in the reader's language where Creative Commons translated them.
LICENCE_DEEDS: dict[str, str] = {
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/deed.%(language)s",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/deed.%(language)s",
    Licence.CC_BY_NC_SA_4: "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.%(language)s",
}

# The texts of a sheet as the page shows them: (heading, fields shown under it).
RESOURCE_FIELDS = ("resources_staff", "resources_time", "resources_budget", "resources_tools")
RESULT_FIELDS = ("results_figures", "results_text")
SECTIONS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("context", None, ("context",)),
    ("objectives", None, ("objectives",)),
    ("method", _("Method, step by step"), ("method_steps",)),
    ("partners", None, ("partners",)),
    ("resources", _("Resources"), RESOURCE_FIELDS),
    ("duration", None, ("duration",)),
    ("results", _("Results"), RESULT_FIELDS),
    ("evaluation", None, ("evaluation",)),
    ("success-factors", None, ("success_factors",)),
    ("limits", None, ("limits",)),
    ("transfer", None, ("transfer_conditions",)),
    ("sustainability", None, ("sustainability",)),
)


def language_label(code: str) -> str:
    """The name of a language in the reader's language ("English", "anglais"…)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _native_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def _field_label(name: str) -> str:
    field = PracticeTranslation._meta.get_field(name)
    return str(capfirst(str(getattr(field, "verbose_name", name))))


# --- Search ---------------------------------------------------------------------------------


@dataclass
class SearchParams:
    query: str = ""
    sort: str = "relevance"
    filters: dict[str, list[str]] = field(default_factory=dict)

    def items(self, **changes: Any) -> list[tuple[str, str]]:
        """The query string pairs of this search, with `changes` (a value None drops a key)."""
        values: dict[str, Any] = {"q": self.query, "sort": self.sort, **self.filters}
        values.update(changes)
        pairs: list[tuple[str, str]] = []
        for key, value in values.items():
            if value is None or value == "" or (key == "sort" and value == "relevance"):
                continue
            if isinstance(value, list):
                pairs.extend((key, item) for item in value)
            else:
                pairs.append((key, str(value)))
        return pairs

    def url(self, **changes: Any) -> str:
        pairs = self.items(**changes)
        base = reverse("practices:search")
        return f"{base}?{urlencode(pairs)}" if pairs else base


def _clean_query(raw: str) -> str:
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _known_competence_codes(codes: set[str]) -> set[str]:
    if not codes:
        return set()
    return set(
        Competence.objects.filter(
            code__in=codes, version__status=VersionStatus.PUBLISHED
        ).values_list("code", flat=True)
    )


def _allowed_values(name: str, values: list[str]) -> list[str]:
    """The known values of a facet, in the given order, without repeats; the rest is ignored."""
    allowed: Any
    if name == "pole":
        allowed = set(PracticePole.values)
    elif name == "type":
        allowed = set(PracticeType.values)
    elif name == "public":
        allowed = set(TargetPublic.values)
    elif name == "country":
        allowed = {value for value in values if value in countries}
    elif name == "language":
        allowed = set(language_codes())
    else:  # competence
        allowed = _known_competence_codes({value for value in values if len(value) <= 20})
    kept: list[str] = []
    for value in values:
        if value in allowed and value not in kept:
            kept.append(value)
    return kept


def parse_search(query: QueryDict) -> SearchParams:
    """What a search asks, from the GET parameters: unknown sorts and facet values are ignored."""
    filters = {}
    for name in FACETS:
        values = _allowed_values(name, query.getlist(name)[:50])
        if values:
            filters[name] = values
    sort = query.get("sort", "relevance")
    return SearchParams(
        query=_clean_query(query.get("q", "")),
        sort=sort if sort in SORTS else "relevance",
        filters=filters,
    )


def _page_number(raw: str | None) -> int:
    """A malformed page number means the first page; a page too far answers 404."""
    if raw is None or not raw.strip().isdigit():
        return 1
    digits = raw.strip()
    if len(digits) > 6 or int(digits) > MAX_PAGE:
        raise Http404
    return max(1, int(digits))


def _facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if name == "pole":
        return {v: str(PracticePole(v).label) for v in values if v in PracticePole.values}
    if name == "type":
        return {v: str(PracticeType(v).label) for v in values if v in PracticeType.values}
    if name == "public":
        return {v: str(TargetPublic(v).label) for v in values if v in TargetPublic.values}
    if name == "country":
        return {v: str(countries.name(v)) or v for v in values}
    if name == "language":
        return {v: language_label(v) for v in values}
    # Competences: code and title from the current published version of a framework.
    labels: dict[str, str] = {}
    if values:
        found = Competence.objects.filter(
            code__in=values, version__status=VersionStatus.PUBLISHED
        ).order_by("version__framework__slug")
        for competence in found:
            title = competence.title_i18n  # type: ignore[attr-defined]
            labels.setdefault(competence.code, f"{competence.code} · {title}")
    return labels


def _facet_groups(params: SearchParams, counts: dict[str, list[Any]]) -> list[dict[str, Any]]:
    groups = []
    for name in FACETS:
        selected = params.filters.get(name, [])
        found = {item.value: item.count for item in counts.get(name, [])}
        for value in selected:  # a chosen value stays visible (and can be unticked)
            found.setdefault(value, 0)
        labels = _facet_labels(name, list(found))
        options = [
            {
                "value": value,
                "label": labels.get(value, value),
                "count": count,
                "checked": value in selected,
                "id": f"facet-{name}-{index}",
            }
            for index, (value, count) in enumerate(found.items())
        ]
        options.sort(key=lambda option: (-option["count"], option["label"].casefold()))
        groups.append(
            {"name": name, "title": FACET_TITLES[name], "options": options, "count": len(selected)}
        )
    return groups


def _active_filters(params: SearchParams, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The filters in use, each with the address of the same search without it."""
    active = []
    for group in groups:
        for option in group["options"]:
            if option["checked"]:
                rest = [v for v in params.filters[group["name"]] if v != option["value"]]
                active.append(
                    {
                        "title": group["title"],
                        "label": option["label"],
                        "remove_url": params.url(**{group["name"]: rest, "page": None}),
                    }
                )
    return active


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    params = parse_search(request.GET)
    page = _page_number(request.GET.get("page"))
    reader = get_language() or settings.LANGUAGE_CODE
    offset = (page - 1) * PAGE_SIZE
    result = search_practices(
        query=params.query,
        filters=params.filters,
        sort=params.sort,
        offset=offset,
        limit=PAGE_SIZE,
        language=reader,
    )
    if page > 1 and offset >= result.total:
        raise Http404
    hits = []
    for hit in result.hits:
        language = hit.translation.language
        url = reverse("practices:detail", kwargs={"slug": hit.practice.slug})
        if language != reader:
            url = f"{url}?{urlencode({'lang': language})}"
        hits.append(
            {
                "hit": hit,
                "url": url,
                "language": language,
                "other_language": language_label(language) if language != reader else "",
                "type": PracticeType(hit.practice.practice_type).label
                if hit.practice.practice_type in PracticeType.values
                else "",
                "country": countries.name(str(hit.practice.country))
                if hit.practice.country
                else "",
            }
        )
    groups = _facet_groups(params, result.facets)
    pages = max(1, math.ceil(result.total / PAGE_SIZE))
    return render(
        request,
        "practices/public/search.html",
        {
            "params": params,
            "sort_choices": [("relevance", _("Relevance")), ("date", _("Newest first"))],
            "total": result.total,
            "hits": hits,
            "first_rank": offset + 1,
            "facet_groups": groups,
            "active_filters": _active_filters(params, groups),
            "clear_url": params.url(**dict.fromkeys(FACETS)),
            "suggestion": result.suggestion,
            "suggestion_url": params.url(q=result.suggestion) if result.suggestion else "",
            "page": page,
            "pages": pages,
            "previous_url": params.url(page=page - 1 if page > 2 else None) if page > 1 else "",
            "next_url": params.url(page=page + 1) if page < pages else "",
        },
    )


# --- A sheet --------------------------------------------------------------------------------


def _published(slug: str) -> Practice:
    try:
        return selectors.get_published_practice(slug)
    except NotFound as error:
        raise Http404 from error


def detail_url(practice: Practice, anchor: str = "") -> str:
    url = reverse("practices:detail", kwargs={"slug": practice.slug})
    return f"{url}#{anchor}" if anchor else url


def _sections(shown: PracticeTranslation) -> list[dict[str, Any]]:
    sections = []
    for anchor, title, names in SECTIONS:
        if names == ("method_steps",):
            steps = [render_markdown(step) for step in shown.method_steps if step]
            if steps:
                sections.append({"anchor": anchor, "title": title, "steps": steps})
            continue
        parts = [
            {"label": _field_label(name), "html": render_markdown(getattr(shown, name))}
            for name in names
            if getattr(shown, name)
        ]
        if not parts:
            continue
        if title is None:  # one field: its label is the heading
            sections.append(
                {"anchor": anchor, "title": parts[0]["label"], "html": parts[0]["html"]}
            )
        else:
            sections.append({"anchor": anchor, "title": title, "parts": parts})
    return sections


def _competences(practice: Practice) -> list[dict[str, Any]]:
    linked = (
        Competence.objects.filter(practices=practice)
        .select_related("version__framework")
        .order_by("version__framework__slug", "code")
    )
    items = []
    for competence in linked:
        version = competence.version
        url = ""
        if version.status != VersionStatus.DRAFT:
            url = reverse(
                "competencies:version",
                kwargs={"slug": version.framework.slug, "number": version.number},
            )
            url = f"{url}#competence-{competence.code}"
        items.append({"competence": competence, "url": url})
    return items


def _licence(practice: Practice, reader: str) -> dict[str, str]:
    deed = LICENCE_DEEDS.get(practice.licence, "")
    return {
        "label": str(Licence(practice.licence).label)
        if practice.licence in Licence.values
        else practice.licence,
        "url": deed % {"language": reader} if deed else "",
    }


def _alternates(
    request: HttpRequest, practice: Practice, languages: list[str]
) -> list[dict[str, str]]:
    """Each published language of the sheet at its own clean address (/<lang>/practices/…)."""
    links = []
    for code in languages:
        with translation.override(code):
            path = reverse("practices:detail", kwargs={"slug": practice.slug})
        links.append({"code": code, "url": request.build_absolute_uri(path)})
    return links


def _detail_page(
    request: HttpRequest,
    practice: Practice,
    *,
    comment_form: CommentForm | None = None,
    trial_form: TrialForm | None = None,
    follow_form: FollowForm | None = None,
    status: int = 200,
) -> HttpResponse:
    reader = get_language() or settings.LANGUAGE_CODE
    available = {t.language: t for t in published_translations(practice)}
    if not available:
        raise Http404
    ordered = [code for code in language_codes() if code in available]
    requested = request.GET.get("lang", "")
    if requested in available:
        shown = available[requested]
    elif reader in available:
        shown = available[reader]
    else:
        shown = available.get(practice.original_language) or available[ordered[0]]
    user = request.user
    staff = rules.can_take_part(user, practice)
    following = staff and practice.follows.filter(user=user).exists()  # type: ignore[misc]
    trials = list(practice.trials.select_related("centre", "author"))
    has_tried = any(trial.author_id == user.pk for trial in trials) if staff else False
    summary = plain_text(shown.summary)
    context = {
        "practice": practice,
        "shown": shown,
        "reader": reader,
        "reader_name": language_label(reader),
        "shown_name": language_label(shown.language),
        "original_name": language_label(practice.original_language),
        "is_original": shown.language == practice.original_language,
        "reader_has_translation": reader in available,
        "reader_url": detail_url(practice) if reader in available else "",
        "other_languages": [
            {
                "code": code,
                "name": _native_name(code),
                "url": f"{detail_url(practice)}?{urlencode({'lang': code})}",
                "is_original": code == practice.original_language,
            }
            for code in ordered
            if code != shown.language
        ],
        "alternates": _alternates(request, practice, ordered),
        "page_url": request.build_absolute_uri(detail_url(practice)),
        "sections": _sections(shown),
        "summary_html": render_markdown(shown.summary),
        "og_description": Truncator(summary).chars(200),
        "practice_type": PracticeType(practice.practice_type).label
        if practice.practice_type in PracticeType.values
        else practice.practice_type,
        "poles": [PracticePole(v).label for v in practice.poles if v in PracticePole.values],
        "publics": [
            TargetPublic(v).label for v in practice.target_publics if v in TargetPublic.values
        ],
        "country_name": countries.name(str(practice.country)) if practice.country else "",
        "competences": _competences(practice),
        "licence": _licence(practice, reader),
        "attachments": list(practice.attachments.all()),
        "centres_tried": getattr(practice, "centres_tried", 0),
        "trials": trials,
        "comments": [
            {"comment": item, "html": render_markdown(item.body)}
            for item in selectors.visible_comments(practice)
        ],
        "can_take_part": staff,
        "is_editor": staff and rules.is_editor_of(user, practice),
        "can_see_workflow": rules.can_view_workflow(user, practice),
        "following": following,
        "has_tried": has_tried,
        "can_record_trial": staff and services.trial_centre_id(user) is not None,
        "comment_form": comment_form or CommentForm(),
        "trial_form": trial_form or TrialForm(),
        "follow_form": follow_form,
        "login_url": f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}",
    }
    return render(request, "practices/public/detail.html", context, status=status)


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _detail_page(request, _published(slug))


# --- The exchange ---------------------------------------------------------------------------


def _error_status(error: DomainError) -> int:
    return 409 if isinstance(error, Conflict) else 400


def _exchange_form(
    request: HttpRequest,
    practice: Practice,
    *,
    form: Any,
    form_name: str,
    save: Any,
    success_message: Any,
    anchor: str,
) -> HttpResponse:
    """Validate `form`, call the service, go back to the sheet; else show the sheet again with
    the errors at the form (400, or 409 for a conflict such as a second trial)."""
    status = 400
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except Forbidden as error:
            return forbidden(request, error.message)
        except NotFound as error:
            raise Http404 from error
        except DomainError as error:
            apply_to_form(form, error)
            status = _error_status(error)
        else:
            messages.success(request, success_message)
            return redirect(detail_url(practice, anchor))
    return _detail_page(request, practice, status=status, **{form_name: form})


def _taking_part(request: HttpRequest, slug: str) -> tuple[Practice, HttpResponse | None]:
    practice = _published(slug)
    if not rules.can_take_part(request.user, practice):
        return practice, forbidden(request, NOT_STAFF)
    return practice, None


@login_required
@require_POST
def comment(request: HttpRequest, slug: str) -> HttpResponse:
    practice, refused = _taking_part(request, slug)
    if refused:
        return refused
    return _exchange_form(
        request,
        practice,
        form=CommentForm(request.POST),
        form_name="comment_form",
        save=lambda data: services.add_comment(
            actor=request.user, practice=practice, body=data["body"]
        ),
        success_message=_("Your comment is published."),
        anchor="comments",
    )


@login_required
@require_POST
def comment_hide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    practice = _published(slug)
    comment = practice.comments.filter(pk=pk).first()
    if comment is None:
        raise Http404
    return run_action(
        request,
        action=lambda: services.hide_comment(actor=request.user, comment=comment),
        success_message=_("The comment is hidden."),
        next_url=detail_url(practice, "comments"),
    )


@login_required
@require_POST
def trial(request: HttpRequest, slug: str) -> HttpResponse:
    practice, refused = _taking_part(request, slug)
    if refused:
        return refused
    return _exchange_form(
        request,
        practice,
        form=TrialForm(request.POST),
        form_name="trial_form",
        save=lambda data: services.record_trial(
            actor=request.user,
            practice=practice,
            context=data["context"],
            adaptation=data["adaptation"],
            outcome=data["outcome"],
        ),
        success_message=_("Thank you: your centre's trial is recorded."),
        anchor="trials",
    )


@login_required
@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    practice, refused = _taking_part(request, slug)
    if refused:
        return refused
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, practice, follow_form=form, status=400)
    action = form.cleaned_data["action"]
    if not action:  # no explicit wish: toggle
        following = practice.follows.filter(user=request.user).exists()  # type: ignore[misc]
        action = "unfollow" if following else "follow"
    if action == "follow":
        return run_action(
            request,
            action=lambda: services.follow_practice(actor=request.user, practice=practice),
            success_message=_(
                "You follow this sheet: you will get an email when a new version is published."
            ),
            next_url=detail_url(practice, "follow"),
        )
    return run_action(
        request,
        action=lambda: services.unfollow_practice(actor=request.user, practice=practice),
        success_message=_("You no longer follow this sheet."),
        next_url=detail_url(practice, "follow"),
    )
