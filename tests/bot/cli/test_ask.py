"""`srom ask`: the interface scripts and external checks rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

FIELDS = {"intent", "function", "process", "year", "mode", "certainty", "instances", "candidates", "text", "sources"}


def ask(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "ask", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_json_for_one_question():
    run = ask("--json", "mode pour la paie en 2017 ?")
    assert run.returncode == 0
    data = json.loads(run.stdout)
    assert set(data) == FIELDS
    assert data["intent"] == "mode_lookup"
    assert data["function"] == {"id": "RH", "label": "Ressources humaines"}
    assert data["process"]["label"] == "Réalisation des paies"
    assert data["process"]["block"] == "Administration et paye"
    assert data["year"] == 2017
    assert data["mode"] == {"code": "I", "label": "Intégration"}
    assert data["certainty"] == "deduced"
    assert any("Pôle Administration Paie centralisé" in s["quote"] for s in data["sources"])


def test_batch_from_stdin_keeps_order_and_count():
    questions = ["qui arbitre ?", "", "c'est quoi la mutualisation ?", "asdfgh", "déclarations 2017", "x" * 20000]
    run = ask("--json", stdin="\n".join(questions) + "\n")
    assert run.returncode == 0
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["intent"] for r in rows] == [
        "governance",
        "help",
        "mode_definition",
        "unknown",
        "clarification",
        "unknown",
    ]
    assert {c["id"] for c in rows[4]["candidates"]} == {"fin.cg.declarations-fiscales", "rh.declarations-sociales"}


def test_text_for_a_person_cites_its_source():
    run = ask("paie 2017 ?")
    assert run.returncode == 0
    assert "Intégration" in run.stdout and "Source" in run.stdout


def test_silence_is_admitted_not_filled():
    run = ask("--json", "hotline 2017")
    data = json.loads(run.stdout)
    assert data["intent"] == "mode_lookup"
    assert data["mode"] is None and data["certainty"] == "unspecified"
    assert "ne précise pas" in data["text"]


def test_english_question_gets_english_answer():
    data = json.loads(ask("--json", "how are user support requests handled in 2021?").stdout)
    assert data["intent"] == "mode_lookup"
    assert data["process"]["label"] == "Support aux utilisateurs"
    assert "does not state" in data["text"]


def test_year_outside_the_srom_is_said_not_replaced():
    data = json.loads(ask("--json", "mode paie en 2019 ?").stdout)
    assert data["year"] is None
    assert "2019" in data["text"] and "ne décrit pas" in data["text"]


def test_session_reads_follow_ups_in_the_conversation():
    lines = ["mode pour la paie en 2017 ?", "et en 2021 ?", "et le recrutement ?", "qui arbitre ?", "pourquoi ?"]
    run = ask("--json", "--session", "s1", stdin="\n".join(lines) + "\n")
    assert run.returncode == 0
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["session"] for r in rows} == {"s1"}
    assert set(rows[0]) == FIELDS | {"session", "read_as"}
    assert [(r["process"] or {}).get("id") for r in rows[:3]] == [
        "rh.realisation-paies",
        "rh.realisation-paies",
        "rh.recrutement",
    ]
    assert [r["year"] for r in rows[:3]] == [2017, 2021, 2021]
    assert rows[1]["read_as"] == "=rh.realisation-paies|mode en 2021"
    assert rows[3]["read_as"] is None  # complete on its own
    assert (rows[4]["intent"], rows[4]["read_as"]) == ("governance", "qui arbitre ?")


def test_without_session_each_line_stands_alone():
    run = ask("--json", stdin="mode pour la paie en 2017 ?\net en 2021 ?\n")
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[1]["intent"] == "unknown"
    assert "session" not in rows[1]


@pytest.mark.parametrize(
    ("environment", "dotenv"),
    [
        ({}, None),
        ({"SROM_DB_PATH": "env.db"}, None),
        ({"srom_db_path": "lower.db"}, None),
        ({"SROM_DB_PATH": ""}, "SROM_DB_PATH=dotenv.db\n"),
        ({}, "srom_db_path='quoted dotenv.db'\nSLACK_BOT_TOKEN=xoxb-1\n"),
        ({"SROM_DB_PATH": "env.db"}, "SROM_DB_PATH=dotenv.db\n"),
        ({}, "SROM_DB_PATH=\n"),
    ],
)
def test_database_path_is_read_as_the_settings_read_it(monkeypatch, tmp_path, environment, dotenv):
    """`srom ask` looks for corrections without importing the settings; it must look where they would."""
    from bot.cli.ask import database_path
    from bot.settings import load_settings

    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.lower() == "srom_db_path"]:
        monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    if dotenv is not None:
        (tmp_path / ".env").write_text(dotenv, encoding="utf-8")
    assert database_path() == load_settings().srom_db_path
