from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cocade.env import env_bool, env_int, env_list, env_str, parse_database_url, parse_email_url


def test_env_bool_reads_yes_and_no(monkeypatch):
    monkeypatch.setenv("FLAG_A", "yes")
    monkeypatch.setenv("FLAG_B", "0")

    assert (env_bool("FLAG_A", False), env_bool("FLAG_B", True)) == (True, False)


def test_env_bool_fails_loudly_on_a_typo(monkeypatch):
    monkeypatch.setenv("FLAG", "ture")

    with pytest.raises(ImproperlyConfigured, match="FLAG='ture' is not a boolean"):
        env_bool("FLAG", False)


def test_env_int_refuses_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("NUMBER", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("NUMBER", 1)
    monkeypatch.setenv("NUMBER", "3")
    with pytest.raises(ImproperlyConfigured, match="below the minimum 10"):
        env_int("NUMBER", 1, minimum=10)


def test_env_str_requires_a_value_without_default(monkeypatch):
    monkeypatch.delenv("SOMETHING_UNSET", raising=False)

    with pytest.raises(ImproperlyConfigured, match="SOMETHING_UNSET is required"):
        env_str("SOMETHING_UNSET")


def test_env_str_reads_a_secret_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cr3t\n", encoding="utf-8")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))

    assert env_str("SECRET_KEY") == "s3cr3t"


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")

    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_parse_database_url_sqlite_relative_and_absolute():
    base = Path("/srv/cocade")

    relative = parse_database_url("sqlite:///var/db.sqlite3", base_dir=base)
    absolute = parse_database_url("sqlite:////tmp/db.sqlite3", base_dir=base)

    assert (relative["NAME"], absolute["NAME"]) == ("/srv/cocade/var/db.sqlite3", "/tmp/db.sqlite3")
    assert relative["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in relative["OPTIONS"]["init_command"]


def test_parse_database_url_postgres():
    config = parse_database_url(
        "postgres://app:p%40ss@db.local:6543/cocade?sslmode=require", base_dir=Path("/")
    )

    assert (
        config["ENGINE"],
        config["NAME"],
        config["USER"],
        config["PASSWORD"],
        config["HOST"],
        config["PORT"],
        config["OPTIONS"],
    ) == (
        "django.db.backends.postgresql",
        "cocade",
        "app",
        "p@ss",
        "db.local",
        "6543",
        {"sslmode": "require"},
    )


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://"])
def test_parse_database_url_refuses_what_it_cannot_use(url):
    with pytest.raises(ImproperlyConfigured):
        parse_database_url(url, base_dir=Path("/"))


def test_parse_email_url_smtp_with_starttls():
    config = parse_email_url("smtp://mailer:pw@smtp.example.org:587?tls=1")

    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "pw",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
    }


def test_parse_email_url_refuses_unknown_scheme():
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        parse_email_url("pigeon://coop")
