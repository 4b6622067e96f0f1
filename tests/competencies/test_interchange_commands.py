"""`cocade import-framework` and `cocade export-framework`: what they print, their exit status,
and that a refused import writes nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from cocade.__main__ import command_line, main
from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange import json_format
from cocade.competencies.interchange.formats import export_version
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.services.frameworks import import_framework
from tests.competencies.interchange_helpers import row_counts
from tests.factories.competencies import framework_data, published_version


def run(*args):
    """Run a command in English: (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def json_file(tmp_path):
    path = tmp_path / "framework.json"
    path.write_bytes(json_format.dump(framework_data("cdm-imported")))
    return path


def test_import_command_creates_a_draft(db, json_file):
    out, err = run("import_framework", str(json_file), "--format", "json")

    version = FrameworkVersion.objects.get(framework__slug="cdm-imported")
    assert (out, err) == ("Imported cdm-imported version 1 (draft).\n", "")
    assert (version.number, version.status) == (1, VersionStatus.DRAFT)


def test_import_command_publishes_under_another_slug(db, json_file):
    out, _err = run(
        "import_framework", str(json_file), "--format", "json", "--publish", "--slug", "copy"
    )

    assert out == "Imported copy version 1 (published).\n"


def test_import_command_prints_every_problem_and_writes_nothing(db, tmp_path):
    value = json_format.as_document(framework_data())
    value["blocks"][1]["competences"][0]["code"] = "A1"
    value["blocks"][0]["competences"][0]["expected"]["senior"] = "guru"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    before = row_counts()
    err = io.StringIO()

    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("import_framework", str(path), "--format", "json", stderr=err)

    assert (caught.value.returncode, str(caught.value)) == (
        1,
        "The file was not imported: 2 problem(s) to fix.",
    )
    assert err.getvalue().splitlines() == [
        "blocks[0].competences[0] · expected: The level “guru” is not on the scale.",
        "blocks[1].competences[0] · code: The code “A1” is used twice.",
    ]
    assert row_counts() == before


def test_import_command_refuses_to_replace_a_draft_unless_asked(db, json_file):
    import_framework(actor=None, data=framework_data("cdm-imported"))

    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("import_framework", str(json_file), "--format", "json")
    out, _err = run("import_framework", str(json_file), "--format", "json", "--replace-draft")

    assert (caught.value.returncode, str(caught.value)) == (
        1,
        "The framework “cdm-imported” already has a draft (version 1); publish or delete it "
        "first, or choose to replace it.",
    )
    assert out == "Imported cdm-imported version 1 (draft).\n"
    assert FrameworkVersion.objects.filter(framework__slug="cdm-imported").count() == 1


def test_import_command_reports_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("import_framework", str(tmp_path / "none.csv"), "--format", "csv")

    assert str(caught.value) == f"Cannot read {tmp_path / 'none.csv'}: No such file or directory."


def test_export_command_writes_the_published_version_to_stdout(db):
    version = published_version()
    import_framework(actor=None, data=framework_data())

    out, _err = run("export_framework", "cdm-counsellor")

    assert out == export_version(version, "json")[0].decode("utf-8")


def test_export_command_writes_a_draft_in_csv_to_a_file(db, tmp_path):
    published_version()
    draft = import_framework(actor=None, data=framework_data())
    path = tmp_path / "out.csv"

    _out, err = run(
        "export_framework", "cdm-counsellor", "--version", "2", "--format", "csv", "--output", path
    )

    assert path.read_bytes() == export_version(draft, "csv")[0]
    assert err == f"Wrote cdm-counsellor version 2 to {path}.\n"


def test_export_command_fails_without_such_a_version(db):
    import_framework(actor=None, data=framework_data())

    with pytest.raises(CommandError) as caught:
        call_command("export_framework", "cdm-counsellor")
    with pytest.raises(CommandError) as missing:
        call_command("export_framework", "cdm-counsellor", "--version", "7")

    assert (caught.value.returncode, str(caught.value)) == (
        1,
        "The framework “cdm-counsellor” has no published version; give --version.",
    )
    assert str(missing.value) == "The framework “cdm-counsellor” has no version 7."


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["cocade", "import-framework", "x.csv"], ["cocade", "import_framework", "x.csv"]),
        (["cocade", "export_framework", "a-b"], ["cocade", "export_framework", "a-b"]),
        (["cocade", "--version"], ["cocade", "--version"]),
        (["cocade"], ["cocade"]),
    ],
)
def test_command_names_accept_hyphens(argv, expected):
    assert command_line(argv) == expected


def test_cocade_hyphenated_commands_run_and_exit_with_status_1_on_problems(
    transactional_db, monkeypatch, capsys, tmp_path
):
    published_version()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"#framework,slug,x\n")
    monkeypatch.setattr(
        "sys.argv", ["cocade", "export-framework", "cdm-counsellor", "--format", "csv"]
    )
    main()
    exported = capsys.readouterr().out
    monkeypatch.setattr("sys.argv", ["cocade", "import-framework", str(bad), "--format", "csv"])

    with translation.override("en"), pytest.raises(SystemExit) as exit_status:
        main()

    assert exported.startswith(
        "\ufeff#framework,format_version,1\r\n#framework,slug,cdm-counsellor"
    )
    assert exit_status.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        "#framework · original_language: Missing: add a row “#framework,original_language,…”.",
        "#level: The scale is missing: add a #level row naming the columns, then one per level.",
        "The header row of the competences is missing (block_code, competence_code, …).",
        "CommandError: The file was not imported: 3 problem(s) to fix.",
    ]
