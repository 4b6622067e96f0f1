"""The quiz's exports: the results per question and answer, and every answer with an
anonymous participant number, as CSV (with a byte order mark) or XLSX; texts a spreadsheet
would run as formulas stay texts."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.core.models import AuditLogEntry
from cocade.recruitment.models import QuizAnswer
from tests.factories.recruitment import QuizParticipantFactory, QuizQuestionFactory
from tests.factories.recruitment_quiz import quiz_with_questions

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.UTC)


def url(quiz, **query):
    with translation.override("en"):
        address = reverse("staff_recruitment:quiz_export", kwargs={"quiz_pk": quiz.pk})
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def csv_rows(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _answer(participant, question, choice, minutes=0):
    answer = QuizAnswer.objects.create(participant=participant, question=question, choice=choice)
    QuizAnswer.objects.filter(pk=answer.pk).update(
        answered_at=MORNING + datetime.timedelta(minutes=minutes)
    )


@pytest.fixture
def played(centre_a):
    """Two questions (the second with a formula as an answer and no right answer), answered by
    three participants."""
    quiz, (first,) = quiz_with_questions(centre_a, count=1)
    second = QuizQuestionFactory(
        quiz=quiz, position=1, text="Combien ?", choices=["=1+1", "@deux"], correct=None
    )
    anne, bruno, carla = (QuizParticipantFactory(quiz=quiz) for _ in range(3))
    _answer(bruno, first, 0, minutes=1)
    _answer(anne, first, 0, minutes=2)
    _answer(carla, first, 3, minutes=3)
    _answer(anne, second, 0, minutes=4)
    _answer(bruno, second, 1, minutes=5)
    return quiz


def test_results_csv_has_one_row_per_question_and_answer(client, manager_a, played):
    client.force_login(manager_a)

    response = client.get(url(played, format="csv", part="results"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="quiz-{played.code.lower()}-results.csv"'
    )
    assert csv_rows(response) == [
        ["Question number", "Question", "Answer", "Count", "Percent", "Right answer"],
        ["1", "Question 1 ?", "Boulanger", "2", "66.7", "yes"],
        ["1", "Question 1 ?", "Infirmier", "0", "0.0", ""],
        ["1", "Question 1 ?", "Soudeur", "0", "0.0", ""],
        ["1", "Question 1 ?", "Comptable", "1", "33.3", ""],
        ["2", "Combien ?", "'=1+1", "1", "50.0", ""],
        ["2", "Combien ?", "'@deux", "1", "50.0", ""],
    ]


def test_answers_csv_numbers_the_participants_without_naming_them(client, manager_a, played):
    client.force_login(manager_a)

    rows = csv_rows(client.get(url(played, format="csv", part="answers")))

    assert rows == [
        ["Participant", "Question number", "Question", "Answer", "Answered at (Europe/Paris)"],
        ["1", "1", "Question 1 ?", "Boulanger", "2026-05-04 11:32"],
        ["1", "2", "Combien ?", "'=1+1", "2026-05-04 11:34"],
        ["2", "1", "Question 1 ?", "Boulanger", "2026-05-04 11:31"],
        ["2", "2", "Combien ?", "'@deux", "2026-05-04 11:35"],
        ["3", "1", "Question 1 ?", "Comptable", "2026-05-04 11:33"],
    ]


def test_results_xlsx_keeps_formulas_as_texts(client, manager_a, played):
    client.force_login(manager_a)

    response = client.get(url(played, format="xlsx", part="results"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Results"
    assert (sheet["C6"].value, sheet["C6"].data_type) == ("'=1+1", "s")
    assert xlsx_rows(response)[1] == [1, "Question 1 ?", "Boulanger", 2, 66.7, "yes"]


def test_answers_xlsx_has_the_local_times(client, manager_a, played):
    client.force_login(manager_a)

    rows = xlsx_rows(client.get(url(played, format="xlsx", part="answers")))

    assert rows[1] == [1, 1, "Question 1 ?", "Boulanger", datetime.datetime(2026, 5, 4, 11, 32)]
    assert len(rows) == 6


def test_both_parts_are_two_sheets_of_one_workbook(client, manager_a, played):
    client.force_login(manager_a)
    alone = {
        part: xlsx_rows(client.get(url(played, format="xlsx", part=part)))
        for part in ("results", "answers")
    }

    response = client.get(url(played, format="xlsx", part="both"))

    assert response["Content-Disposition"].endswith('-both.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Results", "Answers"]
    for title, part in (("Results", "results"), ("Answers", "answers")):
        sheet = book[title]
        assert [list(row) for row in sheet.iter_rows(values_only=True)] == alone[part]
        assert sheet.freeze_panes == "A2"
    entry = AuditLogEntry.objects.filter(changes__part="both").get()
    rows = sum(len(table) - 1 for table in alone.values())
    assert entry.changes == {"format": "xlsx", "part": "both", "rows": rows}


def test_export_without_parameters_is_the_results_as_csv(client, manager_a, played):
    client.force_login(manager_a)

    response = client.get(url(played))

    assert csv_rows(response)[0][0] == "Question number"


def test_export_is_audited(client, manager_a, played):
    client.force_login(manager_a)

    client.get(url(played, format="xlsx", part="answers"))

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.changes) == (
        "recruitment.quiz.exported",
        manager_a,
        str(played.pk),
        {"format": "xlsx", "part": "answers", "rows": 5},
    )


@pytest.mark.parametrize(
    "query", [{"format": "pdf"}, {"part": "names"}, {"format": "csv", "part": "both"}]
)
def test_export_of_an_unknown_kind_is_a_bad_request(client, manager_a, played, query):
    client.force_login(manager_a)

    response = client.get(url(played, **query))

    assert response.status_code == 400
    assert AuditLogEntry.objects.count() == 0
