"""`srom chat` as a user runs it: piped lines in, answers out, exit 0 (the real engine and data)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .serving import REPO, serve_env


def _chat(tmp_path, stdin: str, *args: str) -> subprocess.CompletedProcess:
    env = serve_env("http://127.0.0.1:9/api/", tmp_path / "db.sqlite", 9)
    env = {k: v for k, v in env.items() if not k.startswith("SLACK_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(REPO)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("args", [("chat",), ()])
def test_piped_question_prints_the_answer_and_exits(tmp_path, args: tuple[str, ...]) -> None:
    result = _chat(tmp_path, "qui arbitre ?\n", *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "srom>" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_piped_slash_commands_and_button_numbers(tmp_path) -> None:
    result = _chat(tmp_path, "/srom aide\n/srom qui arbitre ?\n1\n/inconnue\n", "chat")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "/srom <question>" in out
    assert "[1] Partager dans le canal" in out
    assert "(publié dans le canal)" in out
    assert "Commande inconnue : `/inconnue`" in out


def test_piped_follow_ups_are_one_conversation(tmp_path) -> None:
    lines = ["mode pour la paie en 2017 ?", "et en 2021 ?", "et le recrutement ?", "compare avec 2013", "pourquoi ?"]
    result = _chat(tmp_path, "\n".join(lines) + "\n", "chat")
    assert result.returncode == 0, result.stderr
    answers = result.stdout.strip().split("\n\n")
    headlines = [a.splitlines()[0] for a in answers if a.strip() and not a.startswith(" ")]
    assert "Réalisation des paies" in headlines[0] and "2017" in headlines[0]
    assert "Réalisation des paies" in headlines[1] and "2021" in headlines[1]
    assert "Recrutement" in headlines[2] and "2021" in headlines[2]
    assert "Recrutement" in headlines[3] and "volution" in headlines[3]
    assert "Je n'ai rien trouvé" not in result.stdout
