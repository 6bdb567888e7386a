from __future__ import annotations

import io

import pytest

import srom_data.loader
from bot.console.session import ConsoleSession, run_console
from bot.engine.answer import Answer
from storage.db import DatabaseProvider
from tests.bot.conftest import ScriptedEngine, clarification, tiny_kb


@pytest.fixture
def session(engine: ScriptedEngine, databases: DatabaseProvider) -> ConsoleSession:
    return ConsoleSession(databases=databases)


def test_a_question_is_answered_like_a_direct_message(session: ConsoleSession, engine: ScriptedEngine) -> None:
    out = session.handle("qui arbitre ?\n")
    assert engine.asked == ["qui arbitre ?"]
    assert out.splitlines()[0] == "Réponse à « qui arbitre ? »"
    assert "📖 Source" in out
    assert "visible de vous seul" not in out


def test_blank_lines_print_nothing_and_quit_words_stop(session: ConsoleSession, engine: ScriptedEngine) -> None:
    assert session.handle("   \n") == ""
    assert session.handle("quit") is None
    assert engine.asked == []


def test_slash_command_is_routed_like_slack(session: ConsoleSession, engine: ScriptedEngine) -> None:
    out = session.handle("/srom mode paie ?")
    assert engine.asked == ["mode paie ?"]
    assert "  Question : mode paie ?" in out
    assert "[1] Partager dans le canal" in out
    assert out.rstrip().endswith("(visible de vous seul)")


@pytest.mark.parametrize("line", ["/srom", "/srom aide", "/SROM aide"])
def test_srom_help(session: ConsoleSession, engine: ScriptedEngine, line: str) -> None:
    out = session.handle(line)
    assert "/srom <question>" in out
    assert engine.asked == []


def test_unknown_command_lists_the_known_ones(session: ConsoleSession) -> None:
    out = session.handle("/srom-inconnue x")
    assert "Commande inconnue : `/srom-inconnue`" in out
    assert "`/srom`" in out


def test_typing_a_number_presses_the_button(session: ConsoleSession, engine: ScriptedEngine) -> None:
    engine.script["paie ?"] = clarification()
    out = session.handle("paie ?")
    assert "[1] Paie (RH)" in out and "[2] Comptabilité" in out
    out = session.handle("2")
    assert engine.asked[-1] == "mode de la compta en 2017 ?"
    assert "Réponse à « mode de la compta en 2017 ? »" in out


def test_share_in_the_console_shows_the_public_version(session: ConsoleSession) -> None:
    session.handle("/srom paie ?")
    out = session.handle("1")
    assert f"@{session.user_id} a partagé cette réponse" in out
    assert out.rstrip().endswith("(publié dans le canal)")
    assert "Partager dans le canal" not in out


def test_see_more_pages_through_a_long_answer(session: ConsoleSession, engine: ScriptedEngine) -> None:
    engine.script["liste"] = Answer(
        intent="mode_list", text="\n".join(f"• ligne {i:04d} " + "x" * 60 for i in range(600))
    )
    first = session.handle("liste")
    assert "ligne 0000" in first and "[1] Voir la suite" in first
    second = session.handle("1")
    assert "(partie 2/" in second and "ligne 0000" not in second


def test_a_number_without_buttons_is_a_question(session: ConsoleSession, engine: ScriptedEngine) -> None:
    session.handle("2017")
    assert engine.asked == ["2017"]


def test_engine_failure_is_a_french_message_not_a_traceback(session: ConsoleSession) -> None:
    out = session.handle("boom")
    assert "Désolé" in out
    assert "Traceback" not in out
    assert session.handle("encore ?").startswith("Réponse")


def test_piped_console_answers_each_line_and_exits_zero(
    engine: ScriptedEngine, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setattr(srom_data.loader, "load_default", tiny_kb)
    monkeypatch.chdir(tmp_path)
    stdout = io.StringIO()
    code = run_console(stdin=io.StringIO("qui arbitre ?\n\n/srom aide\n"), stdout=stdout)
    assert code == 0
    assert engine.asked == ["qui arbitre ?"]
    out = stdout.getvalue()
    assert out.startswith("Réponse à « qui arbitre ? »")
    assert "Commandes" in out
    assert "srom>" not in out  # no prompt when piped


def test_the_console_shows_escaped_user_text_as_typed(session: ConsoleSession) -> None:
    """Replies escape user text for Slack; the console renders it back as the user typed it."""
    out = session.handle("/srom-engagement <https://evil|click> en cours 40% x")
    assert "« <https://evil|click> »" in out, out
    assert "&lt;" not in out
    out = session.handle("/srom-admin engagement add <b>&x titre")
    assert "« <b>&x »" in out and "&amp;" not in out, out


def test_follow_ups_are_read_in_the_session_s_conversation() -> None:
    """The real engine, no database: the console keeps its context in the session."""
    console = ConsoleSession()
    first = console.handle("mode pour la paie en 2017 ?")
    follow_up = console.handle("et en 2021 ?")
    reworded = console.handle("et le recrutement ?")
    assert "Réalisation des paies" in first and "2017" in first.splitlines()[0]
    assert "Réalisation des paies" in follow_up.splitlines()[0] and "2021" in follow_up.splitlines()[0]
    assert "Recrutement" in reworded.splitlines()[0] and "2021" in reworded.splitlines()[0]
    assert "Je n'ai rien trouvé" not in follow_up
    fresh = ConsoleSession()
    assert "Je n'ai rien trouvé" in fresh.handle("et en 2021 ?")


def test_a_numbered_clarification_choice_becomes_the_context(session: ConsoleSession, engine: ScriptedEngine) -> None:
    engine.script["formation ?"] = clarification()
    session.handle("formation ?")
    session.handle("1")
    assert session.memory.context is not None
    assert session.memory.context.question == engine.asked[-1]
