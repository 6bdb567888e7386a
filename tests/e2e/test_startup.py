"""`srom serve` refuses to start, with one clear line, when its settings or its token are wrong."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.fakes.slack_api import INVALID_TOKEN, FakeSlackAPI

from .serving import serve_env


def _serve(tmp_path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "serve", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET manquant (mode HTTP)"),
        ({"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN manquant"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN invalide : doit commencer par « xoxb- »"),
        ({"PORT": "quatre-vingt"}, "PORT invalide : doit être un nombre entier"),
        ({"PORT": "70000"}, "PORT invalide : doit être un nombre entre 1 et 65535"),
        ({"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL invalide"),
        ({"SLACK_APP_TOKEN": "xoxb-wrong-kind"}, "SLACK_APP_TOKEN invalide"),
    ],
)
def test_bad_settings_stop_start_up_with_one_line(tmp_path, change: dict, expected: str) -> None:
    env = serve_env("http://127.0.0.1:9/api/", tmp_path / "db.sqlite", 9, **change)
    result = _serve(tmp_path, {k: v for k, v in env.items() if v != ""})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_dotenv_file_is_read(tmp_path) -> None:
    env = serve_env("http://127.0.0.1:9/api/", tmp_path / "db.sqlite", 9)
    del env["PORT"]
    (tmp_path / ".env").write_text("PORT=abc\n")
    result = _serve(tmp_path, env)
    assert result.returncode == 2
    assert "PORT invalide" in result.stderr


def test_socket_mode_needs_the_app_token(tmp_path) -> None:
    env = serve_env("http://127.0.0.1:9/api/", tmp_path / "db.sqlite", 9)
    result = _serve(tmp_path, env, "--socket")
    assert result.returncode == 2
    assert "SLACK_APP_TOKEN manquant (mode Socket Mode)" in result.stderr


def test_a_token_slack_refuses_stops_start_up(tmp_path) -> None:
    with FakeSlackAPI() as fake:
        env = serve_env(fake.api_url, tmp_path / "db.sqlite", 9, SLACK_BOT_TOKEN=INVALID_TOKEN)
        result = _serve(tmp_path, env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "srom serve : SLACK_BOT_TOKEN refusé par Slack (invalid_auth)"


def test_an_unusable_database_path_stops_start_up(tmp_path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with FakeSlackAPI() as fake:
        env = serve_env(fake.api_url, tmp_path / "file" / "db.sqlite", 9)
        result = _serve(tmp_path, env)
    assert result.returncode == 1
    assert "base SQLite inutilisable" in result.stderr
