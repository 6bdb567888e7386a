from __future__ import annotations

import os
import re

import pytest

from bot.settings import Settings, SettingsError, load_settings, slack_configured

VARIABLES = [
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "PORT",
    "SROM_HOST",
    "SROM_DB_PATH",
    "SROM_DATA_DIR",
    "WEB_CONCURRENCY",
    "SROM_THREADS",
    "SROM_LOG_LEVEL",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults() -> None:
    settings = load_settings()
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.port == 3000
    assert settings.bot_token is None
    assert str(settings.srom_db_path) == "srom.db"


def test_environment_is_read_and_url_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    monkeypatch.setenv("PORT", "8080")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SROM_LOG_LEVEL", "debug")
    settings = load_settings()
    assert (settings.slack_api_url, settings.port, settings.bot_token) == ("http://127.0.0.1:9999/api/", 8080, "xoxb-1")
    assert settings.srom_log_level == "DEBUG"


def test_secrets_do_not_show_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "very-secret")
    assert "very-secret" not in repr(load_settings())


def test_dotenv_file_is_read_and_environment_wins(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-file\nPORT=4000\n")
    monkeypatch.setenv("PORT", "5000")
    settings = load_settings()
    assert (settings.bot_token, settings.port) == ("xoxb-from-file", 5000)
    assert slack_configured()


def test_empty_variables_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_APP_TOKEN", "")
    assert load_settings().app_token is None
    assert not slack_configured()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PORT", "abc", "PORT invalide : doit être un nombre entier (reçu « abc »)"),
        ("PORT", "0", "PORT invalide : doit être un nombre entre 1 et 65535 (reçu « 0 »)"),
        ("SLACK_BOT_TOKEN", "xoxp-1", "SLACK_BOT_TOKEN invalide : doit commencer par « xoxb- » (Bot User OAuth Token)"),
        ("SLACK_APP_TOKEN", "xoxb-1", "SLACK_APP_TOKEN invalide : doit commencer par « xapp- »"),
        ("SLACK_SIGNING_SECRET", "a b", "SLACK_SIGNING_SECRET invalide : ne doit pas contenir d'espace"),
        ("SLACK_API_URL", "ftp://x", "SLACK_API_URL invalide : doit être une URL http(s)"),
        ("SLACK_API_URL", "https://", "SLACK_API_URL invalide"),
        ("WEB_CONCURRENCY", "100", "WEB_CONCURRENCY invalide : doit être un nombre entre 1 et 32"),
        ("SROM_LOG_LEVEL", "bavard", "SROM_LOG_LEVEL invalide : valeur inconnue"),
        ("SROM_TIMEZONE", "Europe/Nantes", "SROM_TIMEZONE invalide : fuseau horaire inconnu"),
    ],
)
def test_malformed_settings_give_one_french_line(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
    if name.endswith(("TOKEN", "SECRET")):
        assert value not in str(err.value)  # secrets are never echoed


@pytest.mark.parametrize(
    ("env", "requested", "mode", "error"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, "auto", "http", None),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, "auto", "socket", None),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"}, "http", "http", None),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "auto", None, "SLACK_SIGNING_SECRET manquant (mode HTTP)"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "socket", None, "SLACK_APP_TOKEN manquant (mode Socket Mode)"),
        ({}, "auto", None, "SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET manquants (mode HTTP)"),
    ],
)
def test_serve_mode(
    monkeypatch: pytest.MonkeyPatch, env: dict, requested: str, mode: str | None, error: str | None
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    if error:
        with pytest.raises(SettingsError, match=re.escape(error)):
            settings.serve_mode(requested)  # type: ignore[arg-type]
    else:
        assert settings.serve_mode(requested) == mode  # type: ignore[arg-type]


def test_data_dir_from_dotenv_reaches_the_loader(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    (tmp_path / ".env").write_text(f"SROM_DATA_DIR={tmp_path / 'data'}\n")
    monkeypatch.setenv("SROM_DATA_DIR", "")  # recorded, so that the export below is undone after the test
    load_settings().export_data_dir()
    assert os.environ["SROM_DATA_DIR"] == str(tmp_path / "data")
