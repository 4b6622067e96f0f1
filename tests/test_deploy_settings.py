"""Production settings pass the deployment checks; bad environment values stop the start."""

import os
import subprocess
import sys


def _run(args, tmp_path, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COCADE_", "DJANGO_", "DEBUG", "EMAIL_URL", "DATABASE_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cocade.settings",
            "SECRET_KEY": "k" * 20 + "Zx9!q#Lm2$Vb7&Tn4*Rd8@Wf5^Hj3(Gs6)Pa1-Ye0+Uc",
            "ALLOWED_HOSTS": "cocade.example.org",
            "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            "COCADE_DATA_DIR": str(tmp_path),
            **overrides,
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "cocade", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_no_issue_with_production_settings(tmp_path):
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], tmp_path)

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _run(["check"], tmp_path, SECRET_KEY="")

    assert result.returncode == 1
    assert "SECRET_KEY" in result.stderr


def test_a_bad_boolean_stops_the_start(tmp_path):
    result = _run(["check"], tmp_path, DEBUG="maybe")

    assert result.returncode == 1
    assert "DEBUG='maybe' is not a boolean" in result.stderr
