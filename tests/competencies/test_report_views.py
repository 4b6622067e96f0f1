"""The results pages and exports: what they show, that each chart and its table agree, the PDF
and the XLSX files, and a fixed number of queries for the team heatmap whatever its size."""

import io
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus
from tests.competencies.reports_data import assess, bulk_team, ranks, staff
from tests.factories.competencies import published_version
from tests.factories.directory import CentreFactory

SVG = "{http://www.w3.org/2000/svg}"


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def svg_of(html, css_class="chart"):
    """The first inline SVG with `css_class`, parsed as XML."""
    match = re.search(rf'<svg [^>]*class="{css_class}".*?</svg>', html, re.DOTALL)
    assert match, f"no <svg class={css_class}>"
    return ET.fromstring(match.group(0))


def texts_of(svg):
    return [
        (element.get("x"), "".join(element.itertext()).strip())
        for element in svg.iter()
        if element.tag == f"{SVG}text"
    ]


class _Tables(HTMLParser):
    """Every table of a page as rows of cell texts (th and td, whitespace collapsed)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell, self._hidden = [], None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"class": attrs.get("class", ""), "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
        elif tag == "span" and (
            self._hidden
            or (self._cell is not None and "visually-hidden" in (attrs.get("class") or ""))
        ):
            self._hidden += 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "span" and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def tables_of(html):
    parser = _Tables()
    parser.feed(html)
    return parser.tables


@pytest.fixture
def version(db):
    return published_version()


@pytest.fixture
def reviewed_a(counsellor_a, centre_a, manager_a, version):
    counsellor_a.full_name = "Ana Counsellor"
    counsellor_a.save()
    assess(counsellor_a, centre_a, version, ranks(1, 1, 2, 2), day=3)
    return assess(
        counsellor_a,
        centre_a,
        version,
        ranks(1, 3, 4, 2),
        reviews={"A1": 2, "B2": 3},
        comment="Good progress on reception.",
        reviewer=manager_a,
        day=12,
    )


# --- Profile ------------------------------------------------------------------------------------


def test_profile_page_chart_and_table_show_the_same_levels(client, counsellor_a, reviewed_a):
    client.force_login(counsellor_a)

    response = client.get(url("profile", pk=reviewed_a.pk), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert response.status_code == 200
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Levels by competence"
    ticks = {
        line.get("x1"): label
        for line, (_x, label) in zip(
            [e for e in svg.iter(f"{SVG}line") if e.get("stroke") == "#d0d7de"],
            texts_of(svg)[:5],
            strict=True,
        )
    }
    chart_texts = [text for _x, text in texts_of(svg)[5:]]
    expected_marks = [
        ticks[line.get("x1")] for line in svg.iter(f"{SVG}line") if line.get("stroke") == "#b3261e"
    ]
    chart = [
        (chart_texts[i], chart_texts[i + 1], chart_texts[i + 2], expected_marks[i // 3])
        for i in range(0, len(chart_texts), 3)
    ]
    table = next(t for t in tables_of(html) if t["class"] == "report-table")
    rows = [
        (
            row[0].split()[0],
            row[1].split()[0],
            row[2].split()[0],
            row[3].split()[0],
        )
        for row in table["rows"][1:]
    ]
    assert chart == [
        ("A1", "1", "2", "3"),
        ("A2", "3", "—", "3"),
        ("B1", "4", "—", "3"),
        ("B2", "2", "3", "3"),
    ]
    assert rows == chart


def test_profile_page_shows_the_review_comment_and_progress(client, counsellor_a, reviewed_a):
    client.force_login(counsellor_a)

    response = client.get(url("profile", pk=reviewed_a.pk), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert "Good progress on reception." in html
    progress = next(t for t in tables_of(html) if "progress-table" in t["class"])
    assert [row[0].split()[0] for row in progress["rows"][1:]] == ["A1", "A2", "B1", "B2"]
    assert [[cell.split()[0] for cell in row[1:3]] for row in progress["rows"][1:]] == [
        ["1", "2"],
        ["1", "3"],
        ["2", "4"],
        ["2", "3"],
    ]
    labels = re.findall(r'class="sparkline" role="img"[^>]*aria-label="([^"]*)"', html, re.S)
    assert labels == [
        "Trend of A1: 1, 2",
        "Trend of A2: 1, 3",
        "Trend of B1: 2, 4",
        "Trend of B2: 2, 3",
    ]


def test_profile_page_has_no_inline_style_or_script(client, counsellor_a, reviewed_a):
    client.force_login(counsellor_a)

    html = client.get(url("profile", pk=reviewed_a.pk)).content.decode()

    assert (re.findall(r"\sstyle=", html), re.findall(r"<script>", html)) == ([], [])
    assert "cocade/competencies-reports.css" in html


def test_profile_page_of_another_centre_is_not_found(client, manager_b, reviewed_a):
    client.force_login(manager_b)

    response = client.get(url("profile", pk=reviewed_a.pk))

    assert response.status_code == 404


def test_profile_pdf_holds_the_name_framework_levels_and_comment(client, manager_a, reviewed_a):
    client.force_login(manager_a)

    response = client.get(url("profile_pdf", pk=reviewed_a.pk), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="competences-ana-counsellor-{reviewed_a.pk}.pdf"'
    )
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
        )
        .stdout.decode()
        .split()
    )
    assert "Competence profile of Ana Counsellor" in text
    assert "Conseiller en lieu intégré [en] · version 1" in text
    assert "Cité A" in text
    assert "submitted on Jan. 12, 2025; reviewed on Jan. 13, 2025" in text
    assert "Good progress on reception." in text
    # The table, cell by cell: code and title, own, reviewed, expected level, levels short.
    assert (
        "A1 Compétence A1 [en] 1 Notions [en] 2 Application [en] 3 Maitrise [en] ▼1 "
        "A2 Compétence A2 [en] 3 Maitrise [en] — 3 Maitrise [en] 0 "
        "B1 Compétence B1 [en] 4 Expertise [en] — 3 Maitrise [en] 0 "
        "B2 Compétence B2 [en] 2 Application [en] 3 Maitrise [en] 3 Maitrise [en] 0"
    ) in text


def test_profile_pdf_page_is_a4(client, manager_a, reviewed_a):
    client.force_login(manager_a)

    response = client.get(url("profile_pdf", pk=reviewed_a.pk))

    info = subprocess.run(
        ["pdfinfo", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)


# --- Team heatmap -------------------------------------------------------------------------------


@pytest.fixture
def team_a(centre_a, manager_a, version):
    manager_a.full_name = "Zoe Manager"
    manager_a.save()
    alice = staff(centre_a, "Alice")
    bob = staff(centre_a, "Bob")
    staff(centre_a, "Carol")
    assess(alice, centre_a, version, ranks(2, 3, 4, 1), reviews={"A1": 3})
    assess(bob, centre_a, version, ranks(3, 2, 3, 3))
    return {"alice": alice, "bob": bob}


def test_team_page_shows_levels_gaps_and_summary(client, manager_a, team_a):
    client.force_login(manager_a)

    response = client.get(url("team", slug="centre-a"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert response.status_code == 200
    heatmap = next(t for t in tables_of(html) if t["class"] == "heatmap")
    assert heatmap["rows"][0] == [
        "Person",
        "Self-assessment",
        "A Bloc A [en]",
        "B Bloc B [en]",
    ]
    assert heatmap["rows"][1] == ["A1", "A2", "B1", "B2"]
    assert [row[0:1] + row[2:] for row in heatmap["rows"][2:-1]] + [heatmap["rows"][-1]] == [
        ["Alice", "3 Maitrise [en]", "3 Maitrise [en]", "4 Expertise [en]", "1 Notions [en] ▼"],
        ["Bob", "3 Maitrise [en]", "2 Application [en] ▼", "3 Maitrise [en]", "3 Maitrise [en]"],
        ["Carol", "—", "—", "—", "—"],
        ["Zoe Manager", "—", "—", "—", "—"],
        [
            "At or above the expected level",
            "2 of 2 expected: 3",
            "1 of 2 expected: 3",
            "2 of 2 expected: 3",
            "1 of 2 expected: 3",
        ],
    ]
    assert html.count('<span class="visually-hidden">below the expected level</span>') == 2
    assert 'class="heat heat-4 gap"' not in html
    assert html.count("heat heat-1 gap") == 1


def test_team_page_links_each_person_to_their_latest_assessment(client, manager_a, team_a):
    client.force_login(manager_a)

    html = client.get(url("team", slug="centre-a")).content.decode()

    latest = team_a["alice"].competence_assessments.get()
    target = url("assessment", pk=latest.pk)
    assert f'<a href="{target}">Alice</a>' in html


def test_team_page_offers_a_framework_choice_when_several_are_published(client, manager_a, team_a):
    other = published_version("other-framework", blocks=1, competences=3)
    client.force_login(manager_a)

    html = client.get(
        url("team", slug="centre-a") + "?framework=other-framework", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert '<option value="other-framework" selected>' in html
    heatmap = next(t for t in tables_of(html) if t["class"] == "heatmap")
    assert heatmap["rows"][1] == ["A1", "A2", "A3"]
    assert other.number == 1


def test_team_page_of_an_unknown_framework_is_not_found(client, manager_a, team_a):
    client.force_login(manager_a)

    response = client.get(url("team", slug="centre-a") + "?framework=nope")

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "counsellor_a"])
def test_team_page_of_centre_a_is_not_found_for_others(client, request, role, team_a):
    client.force_login(request.getfixturevalue(role))

    assert client.get(url("team", slug="centre-a")).status_code == 404
    assert client.get(url("team_xlsx", slug="centre-a")).status_code == 404


def test_team_xlsx_holds_the_matrix_and_a_legend(client, manager_a, team_a):
    client.force_login(manager_a)

    response = client.get(url("team_xlsx", slug="centre-a"), HTTP_ACCEPT_LANGUAGE="en")

    assert response["Content-Disposition"] == (
        'attachment; filename="team-centre-a-cdm-counsellor-v1.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Levels", "Legend"]
    levels = [[cell.value for cell in row] for row in workbook["Levels"].iter_rows()]
    assert [row[0:1] + row[2:] for row in levels] == [
        ["Person", "Status", "A1", "A2", "B1", "B2"],
        ["Alice", "Reviewed", 3, 3, 4, 1],
        ["Bob", "Submitted for review", 3, 2, 3, 3],
        ["Carol", "Not assessed", None, None, None, None],
        ["Zoe Manager", "Not assessed", None, None, None, None],
    ]
    assert [row[1].isoformat() if row[1] else None for row in levels[1:]] == [
        "2025-01-10T00:00:00",
        "2025-01-10T00:00:00",
        None,
        None,
    ]
    legend = [[cell.value for cell in row] for row in workbook["Legend"].iter_rows()]
    assert legend[0:5] == [
        ["Level", "Code", "Label", None, None, None, None],
        [1, "notions", "Notions [en]", None, None, None, None],
        [2, "application", "Application [en]", None, None, None, None],
        [3, "maitrise", "Maitrise [en]", None, None, None, None],
        [4, "expertise", "Expertise [en]", None, None, None, None],
    ]
    assert legend[6:] == [
        [
            "Competence",
            "Block",
            "Title",
            "Expected level (counsellor)",
            "Expected level label",
            "At or above the expected level",
            "People assessed",
        ],
        ["A1", "A", "Compétence A1 [en]", 3, "Maitrise [en]", 2, 2],
        ["A2", "A", "Compétence A2 [en]", 3, "Maitrise [en]", 1, 2],
        ["B1", "B", "Compétence B1 [en]", 3, "Maitrise [en]", 2, 2],
        ["B2", "B", "Compétence B2 [en]", 3, "Maitrise [en]", 1, 2],
    ]


def test_team_xlsx_keeps_a_formula_like_name_as_text(client, manager_a, centre_a, version):
    staff(centre_a, "=HYPERLINK(1)")
    client.force_login(manager_a)

    response = client.get(url("team_xlsx", slug="centre-a"))

    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in row[0].value)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def _team_queries(client, url_):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url_)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_team_page_queries_are_the_same_for_3_and_200_counsellors(
    client, manager_a, centre_a, network, django_assert_num_queries
):
    small = published_version("small", blocks=2, competences=2)
    big = published_version("big", blocks=4, competences=5)
    bulk_team(centre_a, small, 3, prefix="small")
    centre_big = CentreFactory(network=network, slug="centre-big")
    bulk_team(centre_big, big, 200, prefix="big")
    from tests.factories.accounts import MembershipFactory

    MembershipFactory(user=manager_a, role=Role.CENTRE_MANAGER, centre=centre_big)
    client.force_login(manager_a)
    small_url = url("team", slug="centre-a") + "?framework=small"
    big_url = url("team", slug="centre-big") + "?framework=big"
    with django_assert_num_queries(12):
        small_response = client.get(small_url)
    with django_assert_num_queries(12):
        big_response = client.get(big_url)

    assert small_response.content.decode().count('<th scope="row" class="person">') == 4
    assert big_response.content.decode().count('<th scope="row" class="person">') == 201
    assert big_response.content.decode().count('class="competence-head"') == 20


# --- Network ------------------------------------------------------------------------------------


@pytest.fixture
def network_people(network, version):
    paris = CentreFactory(network=network, slug="paris", country="FR")
    lisboa = CentreFactory(network=network, slug="lisboa", country="PT")
    sofia = CentreFactory(network=network, slug="sofia", country="BG")
    for index in range(6):
        person = staff(paris, f"paris{index}")
        assess(person, paris, version, ranks(1 + index % 2, 2, 3, 4))
    for index in range(5):
        person = staff(lisboa, f"lisboa{index}")
        assess(person, lisboa, version, ranks(4, 4, 3, 4))
    for index in range(3):
        person = staff(sofia, f"sofia{index}")
        assess(person, sofia, version, ranks(1, 1, 1, 1), status=AssessmentStatus.SUBMITTED)


def test_network_page_chart_and_table_show_the_same_counts(client, coordinator, network_people):
    client.force_login(coordinator)

    response = client.get(url("network"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert response.status_code == 200
    svg = svg_of(html)
    assert svg.get("role") == "img"
    texts = [text for _x, text in texts_of(svg)]
    chart, current = {}, None
    for text in texts:
        if re.fullmatch(r"[AB]\d", text):
            current = chart.setdefault(text, [])
        else:
            current.append(text)
    table = next(t for t in tables_of(html) if t["class"] == "report-table")
    assert table["rows"][0] == [
        "Competence",
        "1 Notions [en]",
        "2 Application [en]",
        "3 Maitrise [en]",
        "4 Expertise [en]",
        "Total",
    ]
    rows = {row[0].split()[0]: row[1:] for row in table["rows"][1:]}
    assert rows == {
        "A1": ["3", "3", "0", "5", "11"],
        "A2": ["0", "6", "0", "5", "11"],
        "B1": ["0", "0", "11", "0", "11"],
        "B2": ["0", "0", "0", "11", "11"],
    }
    assert chart == {
        code: [count for count in counts[:-1] if count != "0"] + [f"n = {counts[-1]}"]
        for code, counts in rows.items()
    }


def test_network_page_marks_small_groups_and_explains_the_rule(client, coordinator, network_people):
    client.force_login(coordinator)

    html = client.get(url("network"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    tables = tables_of(html)
    countries = next(t for t in tables if "report-table-narrow" in t["class"])
    assert countries["rows"] == [
        ["Country", "People"],
        ["Bulgaria", "fewer than 5"],
        ["France", "6"],
        ["Portugal", "5"],
        ["Total of the countries shown", "11"],
    ]
    per_country = [t for t in tables if t["class"] == "report-table"][1:]
    assert [t["rows"][1][0].split()[0] for t in per_country] == ["A1", "A1"]
    assert [t["rows"][1][1:] for t in per_country] == [
        ["3", "3", "0", "0", "6"],
        ["0", "0", "0", "5", "5"],
    ]
    assert "Bulgaria</caption>" not in html
    assert "its people are left out of every total too" in html


@pytest.mark.parametrize("role", ["manager_a", "counsellor_a", "public_user"])
def test_network_page_is_refused_to_others(client, request, role, version):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("network"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "Only network coordinators see the network&#x27;s distributions." in (
        response.content.decode()
    )


def test_network_page_without_a_published_framework_says_so(client, coordinator):
    client.force_login(coordinator)

    response = client.get(url("network"), HTTP_ACCEPT_LANGUAGE="en")

    assert "No competency framework is published yet." in response.content.decode()


def test_profile_page_runs_a_fixed_number_of_queries(
    client, counsellor_a, reviewed_a, django_assert_num_queries
):
    client.force_login(counsellor_a)

    # session, user, memberships (no second factor asked of a counsellor), then the seven
    # queries of the profile itself
    with django_assert_num_queries(10):
        response = client.get(url("profile", pk=reviewed_a.pk))

    assert response.status_code == 200


def test_network_page_runs_a_fixed_number_of_queries(
    client, coordinator, network_people, django_assert_num_queries
):
    client.force_login(coordinator)

    with django_assert_num_queries(9):
        response = client.get(url("network"))

    assert response.status_code == 200


def test_network_page_has_no_inline_style_or_script(client, coordinator, network_people):
    client.force_login(coordinator)

    html = client.get(url("network")).content.decode()

    assert (re.findall(r"\sstyle=", html), re.findall(r"<script>", html)) == ([], [])


def test_network_page_with_only_small_groups_shows_no_figure(
    client, coordinator, centre_a, version
):
    for index in range(4):
        person = staff(centre_a, f"few{index}")
        assess(person, centre_a, version, ranks(1, 2, 3, 4))
    client.force_login(coordinator)

    html = client.get(url("network"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    table = next(t for t in tables_of(html) if t["class"] == "report-table")
    assert [row[1:] for row in table["rows"][1:]] == [["only groups of fewer than 5"]] * 4
    assert [text for _x, text in texts_of(svg_of(html)) if "fewer" in text] == [
        "only groups of fewer than 5"
    ] * 4
    countries = next(t for t in tables_of(html) if "report-table-narrow" in t["class"])
    assert countries["rows"][1:] == [
        ["France", "fewer than 5"],
        ["Total of the countries shown", "0"],
    ]
