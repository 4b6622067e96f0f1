"""Results of the self-assessments: an individual profile (page and PDF), a centre's team
heatmap (page and XLSX) and the network's anonymised distributions.

Charts are SVG drawn by the templates from the geometry computed here (no JavaScript, so they
print in the PDF too); every chart has a table beside it with the same figures.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.competencies.enums import AssessmentStatus
from cocade.competencies.models import ProficiencyLevel
from cocade.competencies.selectors import reports
from cocade.competencies.views.common import forbidden
from cocade.core.errors import Forbidden, NotFound

STYLESHEET = "cocade/competencies-reports.css"

#: Six shades from light to dark; a scale of n levels spreads over them. The same colours are
#: the `heat-1` … `heat-6` classes of competencies-reports.css.
SHADES = ("#f1f6fb", "#cfe1f2", "#93c4e0", "#4a98c9", "#2171b5", "#08306b")
#: Text on each shade (contrast 4.5:1 or more).
SHADE_TEXT = ("#14213d", "#14213d", "#14213d", "#14213d", "#ffffff", "#ffffff")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _framework_param(request: HttpRequest) -> str | None:
    value = request.GET.get("framework", "").strip()
    return value or None


def _shade_levels(levels: list[ProficiencyLevel]) -> None:
    """Give each level of a scale its shade: `heat` (1–6, the CSS class number), `fill` and
    `text_fill` (the same colours for SVG presentation attributes)."""
    count = len(levels)
    for index, level in enumerate(levels):
        shade = round(index * (len(SHADES) - 1) / (count - 1)) if count > 1 else len(SHADES) - 1
        level.heat = shade + 1  # type: ignore[attr-defined]
        level.fill = SHADES[shade]  # type: ignore[attr-defined]
        level.text_fill = SHADE_TEXT[shade]  # type: ignore[attr-defined]


# --- Chart geometry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


def _profile_chart(profile: reports.Profile) -> dict[str, Any]:
    """A horizontal bar chart: per competence the person's level (outlined bar), the reviewer's
    level (solid bar) and the expected level (a dashed mark), each with its number."""
    left, unit, row_height, top = 64, 72, 36, 28
    max_rank = max(profile.max_rank, 1)
    rows = []
    for index, row in enumerate(profile.rows):
        y = top + index * row_height
        rows.append(
            {
                "row": row,
                "y": y,
                "label_y": y + 22,
                "self_y": y + 6,
                "self_width": (row.level.rank * unit) if row.level else 0,
                "self_text_x": left + (row.level.rank * unit if row.level else 0) + 4,
                "self_text_y": y + 14,
                "review_y": y + 19,
                "review_width": (row.review_level.rank * unit) if row.review_level else 0,
                "review_text_x": left
                + (row.review_level.rank * unit if row.review_level else 0)
                + 4,
                "review_text_y": y + 27,
                "expected_x": left + row.expected.rank * unit if row.expected else None,
                "expected_y1": y + 2,
                "expected_y2": y + row_height - 2,
            }
        )
    plot_width = max_rank * unit
    height = top + len(rows) * row_height + 8
    return {
        "width": left + plot_width + 40,
        "height": height,
        "left": left,
        "top": top,
        "bottom": height - 8,
        "ticks": [Tick(left + rank * unit, str(rank)) for rank in range(0, max_rank + 1)],
        "rows": rows,
    }


def _sparklines(profile: reports.Profile) -> list[dict[str, Any]]:
    """A small line per competence over the dated assessments (agreed level by date)."""
    width, height, pad = 120, 32, 4
    count = len(profile.history)
    step = (width - 2 * pad) / (count - 1) if count > 1 else 0
    max_rank = max(profile.max_rank, 1)
    lines = []
    for row in profile.progress:
        points = []
        for index, rank in enumerate(row.ranks):
            if rank is None:
                continue
            x = pad + index * step if count > 1 else width / 2
            y = height - pad - (min(rank, max_rank) / max_rank) * (height - 2 * pad)
            points.append((round(x, 1), round(y, 1)))
        lines.append(
            {
                "row": row,
                "points": " ".join(f"{x},{y}" for x, y in points),
                "dots": points,
                "width": width,
                "height": height,
            }
        )
    return lines


def _network_chart(distribution: reports.NetworkDistribution) -> dict[str, Any]:
    """A stacked bar per competence: one segment per level, as wide as its share of the people
    counted, with the count written in it when it fits."""
    left, bar_width, row_height, top = 64, 480, 30, 8
    rows = []
    for index, item in enumerate(distribution.competences):
        y = top + index * row_height
        segments = []
        total = item.network.total
        x = float(left)
        if not item.network.suppressed and total:
            for level, count in zip(distribution.levels, item.network.counts, strict=True):
                if not count:
                    continue
                width = bar_width * count / total
                segments.append(
                    {
                        "level": level,
                        "count": count,
                        "x": round(x, 2),
                        "width": round(width, 2),
                        "text_x": round(x + width / 2, 2),
                        "fits": width >= 22,
                    }
                )
                x += width
        rows.append(
            {
                "item": item,
                "y": y + 4,
                "label_y": y + 19,
                "text_y": y + 19,
                "segments": segments,
                "total_x": left + bar_width + 6,
            }
        )
    return {
        "width": left + bar_width + 110,
        "height": top + len(rows) * row_height + 8,
        "left": left,
        "bar_width": bar_width,
        "rows": rows,
    }


# --- Profile ------------------------------------------------------------------------------------


def _profile_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    try:
        profile = reports.profile_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error
    _shade_levels(profile.levels)
    return {
        "profile": profile,
        "assessment": profile.assessment,
        "version": profile.assessment.version,
        "chart": _profile_chart(profile),
        "sparklines": _sparklines(profile),
    }


@login_required
@require_safe
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "competencies/reports/profile.html", _profile_context(request, pk))


@login_required
@require_safe
def profile_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import CSS, HTML

    context = _profile_context(request, pk)
    context["printed_at"] = timezone.now()
    html = render_to_string("competencies/reports/profile_pdf.html", context, request=request)
    stylesheet = finders.find(STYLESHEET)
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf(
        stylesheets=[CSS(filename=stylesheet)] if stylesheet else None
    )
    assessment = context["assessment"]
    name = slugify(str(assessment.user)) or "profile"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"competences-{name}-{assessment.pk}.pdf"
    )
    return response


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The PDF needs nothing from outside: refuse every fetch (no network, no file read)."""
    raise ValueError("The profile PDF loads no external resource.")


# --- Team heatmap -------------------------------------------------------------------------------


def _team_or_404(request: HttpRequest, slug: str) -> reports.TeamMatrix:
    try:
        matrix = reports.team_matrix(request.user, slug, _framework_param(request))
    except NotFound as error:
        raise Http404 from error
    _shade_levels(matrix.levels)
    return matrix


def _team_cells(matrix: reports.TeamMatrix) -> list[tuple[reports.TeamRow, str, list[str]]]:
    """Each row with its status label and its cells as HTML. A cell only depends on its level
    and whether it is a gap, so each kind is rendered once from `_team_cell.html` and reused:
    4,000 cells then cost a lookup each instead of a template render each."""
    template = get_template("competencies/reports/_team_cell.html")
    rendered: dict[tuple[int | None, bool], str] = {}
    statuses = dict(AssessmentStatus.choices)
    rows = []
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            key = (cell.level.pk if cell.level else None, cell.is_gap)
            if key not in rendered:
                rendered[key] = template.render({"cell": cell})
            cells.append(rendered[key])
        status = str(statuses[row.assessment.status]) if row.assessment else ""
        rows.append((row, status, cells))
    return rows


@login_required
@require_safe
def team(request: HttpRequest, slug: str) -> HttpResponse:
    matrix = _team_or_404(request, slug)
    return render(
        request,
        "competencies/reports/team.html",
        {
            "matrix": matrix,
            "rows": _team_cells(matrix),
            "centre": matrix.centre,
            "version": matrix.version,
            "profile_name": reports.TEAM_PROFILE.label,
        },
    )


def _sheet_text(cell: Any) -> None:
    """Keep a text cell a text: a name starting with "=" must not become a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


@login_required
@require_safe
def team_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    matrix = _team_or_404(request, slug)
    if matrix.version is None:
        raise Http404
    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Levels"))[:31]
    header = [str(_("Person")), str(_("Assessed on")), str(_("Status"))]
    header += [competence.code for competence in matrix.competences]
    sheet.append(header)
    for row in matrix.rows:
        assessment = row.assessment
        values: list[Any] = [
            str(row.person),
            timezone.localtime(assessment.submitted_at).date() if assessment else None,
            str(assessment.get_status_display()) if assessment else str(_("Not assessed")),
        ]
        values += [cell.level.rank if cell.level else None for cell in row.cells]
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = bold
    for line in sheet.iter_rows(min_row=2, max_col=3):
        for cell in line:
            _sheet_text(cell)
            if cell.column == 2 and cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "D2"
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 22

    legend = workbook.create_sheet(str(_("Legend"))[:31])
    legend.append([str(_("Level")), str(_("Code")), str(_("Label"))])
    for level in matrix.levels:
        legend.append([level.rank, level.code, str(level.label_i18n)])
    legend.append([])
    competence_header_row = legend.max_row + 1
    legend.append(
        [
            str(_("Competence")),
            str(_("Block")),
            str(_("Title")),
            str(_("Expected level (counsellor)")),
            str(_("Expected level label")),
            str(_("At or above the expected level")),
            str(_("People assessed")),
        ]
    )
    for item in matrix.summary:
        competence = item.competence
        legend.append(
            [
                competence.code,
                competence.block.code,
                str(competence.title_i18n),
                item.expected.rank if item.expected else None,
                str(item.expected.label_i18n) if item.expected else None,
                item.at_or_above,
                item.assessed,
            ]
        )
    for row_number in (1, competence_header_row):
        for cell in legend[row_number]:
            cell.font = bold
    for line in legend.iter_rows():
        for cell in line:
            _sheet_text(cell)
    legend.column_dimensions["C"].width = 48

    output = io.BytesIO()
    workbook.save(output)
    version = matrix.version
    filename = f"team-{matrix.centre.slug}-{version.framework.slug}-v{version.number}.xlsx"
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


# --- Network ------------------------------------------------------------------------------------


@login_required
@require_safe
def network(request: HttpRequest) -> HttpResponse:
    try:
        distribution = reports.network_distribution(request.user, _framework_param(request))
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    _shade_levels(distribution.levels)
    return render(
        request,
        "competencies/reports/network.html",
        {
            "distribution": distribution,
            "version": distribution.version,
            "chart": _network_chart(distribution),
        },
    )
