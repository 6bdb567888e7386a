"""Issue 13's input rules, on every surface: one policy for stored text, status and percent that agree, percents
read only when they say so, user text escaped wherever it is echoed, and every refusal in the audit log."""

from __future__ import annotations

import json

import pytest

from bot.conversation.actions import run_action
from bot.conversation.commands import run_command
from bot.handlers.tracking import handle_progress_submission
from bot.tracking.admin import run_admin
from bot.tracking.blocks import build_tracking_help_blocks
from bot.tracking.commands import run_engagement
from bot.tracking.report import run_rapport
from bot.tracking.views import ACTION_OPEN_UPDATE, BLOCKS
from storage import roles
from storage.audit import recent
from storage.commitments import get_commitment

from .conftest import invoke, rows, text_of

INVISIBLE = ["\u202e", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u0600", "\u0601", "\u0602", "\u200e"]


def submit(tracking, context, client, ack, logger, *, user="URH", view_id="V1", **fields: object) -> dict:
    values = {
        BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": fields.get("commitment", "RH-1")}}},
        BLOCKS["status"]: {"status": {"selected_option": {"value": fields.get("status", "en_cours")}}},
        BLOCKS["percent"]: {"percent": {"value": fields.get("percent", "40")}},
        BLOCKS["comment"]: {"comment": {"value": fields.get("comment", "accord GPEC")}},
    }
    view = {"id": view_id, "callback_id": "srom_progress_modal", "state": {"values": values}}
    ack.calls.clear()
    handle_progress_submission(
        ack, {"user": {"id": user, "name": user.lower()}, "view": view}, view, client, context, logger
    )
    return ack.calls[-1]


# One text policy


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_characters_are_refused_in_slash_comments(tracking, char: str) -> None:
    reply = run_engagement(f"RH-1 en cours 40% accord{char} GPEC", invoke(tracking, request_id="a"))
    assert f"U+{ord(char):04X}" in text_of(reply) and "retapez" in text_of(reply)
    assert rows(tracking.get()) == 0


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_characters_are_refused_in_modal_comments(tracking, context, client, ack, logger, char) -> None:
    call = submit(tracking, context, client, ack, logger, comment=f"accord{char} GPEC")
    assert call["response_action"] == "errors" and f"U+{ord(char):04X}" in call["errors"][BLOCKS["comment"]]
    assert rows(tracking.get()) == 0


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_characters_are_refused_in_titles_and_cci_names(tracking, char: str) -> None:
    title = run_admin(f"engagement add RH-4 Former les{char} managers", invoke(tracking, "UADMIN"))
    assert f"U+{ord(char):04X}" in text_of(title) and get_commitment(tracking.get(), "RH-4") is None
    cci = run_admin(f"referent add <@U0MARIE> RH CCI Ven{char}dée", invoke(tracking, "UADMIN"))
    assert f"U+{ord(char):04X}" in text_of(cci) and not roles.can_write(tracking.get(), "U0MARIE", "RH")


def test_stored_text_is_nfc_and_names_are_cleaned(tracking) -> None:
    run_engagement("RH-1 en cours 40% re\u0301union faite", invoke(tracking, request_id="a", user_name="ma\u202erie"))
    comment, name = tracking.get().execute("SELECT comment, author_name FROM progress").fetchone()
    assert comment == "réunion faite" and name == "marie"
    run_admin("engagement add RH-4 Former les cadres a\u0300 l'e\u0301coute", invoke(tracking, "UADMIN"))
    assert get_commitment(tracking.get(), "RH-4").title == "Former les cadres à l'écoute"


def test_french_spaces_before_percent_are_not_invisible(tracking) -> None:
    run_engagement("RH-1 en cours 70\u202f% accord", invoke(tracking, request_id="a"))
    run_engagement("RH-2 en cours 30\u00a0% accord", invoke(tracking, request_id="b"))
    assert tracking.get().execute("SELECT percent FROM progress ORDER BY id").fetchall() == [(70,), (30,)]


# Status and percent


@pytest.mark.parametrize(
    "text", ["RH-1 atteint 50% x", "RH-1 non démarré 80% x", "RH-1 en cours 100% x", "RH-1 en retard 100% x"]
)
def test_a_status_and_a_percent_that_contradict_each_other_are_refused_with_the_rule(tracking, text) -> None:
    message = text_of(run_engagement(text, invoke(tracking, request_id="a")))
    assert "se contredisent" in message and "« atteint » = 100 %" in message and "« non démarré » = 0 %" in message
    assert rows(tracking.get()) == 0


@pytest.mark.parametrize(("status", "percent"), [("atteint", "50"), ("non_demarre", "80"), ("en_cours", "100")])
def test_the_modal_refuses_them_too(tracking, context, client, ack, logger, status, percent) -> None:
    call = submit(tracking, context, client, ack, logger, status=status, percent=percent)
    assert call["response_action"] == "errors" and "se contredisent" in call["errors"][BLOCKS["percent"]]
    assert rows(tracking.get()) == 0


def test_the_rule_is_in_the_help() -> None:
    assert "« atteint » = 100 %" in str(build_tracking_help_blocks())
    assert "done is 100 %" in str(build_tracking_help_blocks("en"))


def test_an_omitted_percent_never_contradicts_the_status(tracking) -> None:
    run_engagement("RH-1 atteint fini", invoke(tracking, request_id="a"))
    run_engagement("RH-1 en cours repris", invoke(tracking, request_id="b"))
    run_engagement("RH-2 en cours 40% a", invoke(tracking, request_id="c"))
    run_engagement("RH-2 non démarré reporté", invoke(tracking, request_id="d"))
    percents = tracking.get().execute("SELECT status, percent FROM progress ORDER BY id").fetchall()
    assert percents == [("atteint", 100), ("en_cours", None), ("en_cours", 40), ("non_demarre", 0)]


@pytest.mark.parametrize(
    "text",
    [
        "RH-1 en cours 70% accord",
        "RH-1 en cours 70 % accord",
        "RH-1 en cours 70 pourcent accord",
        "RH-1 en cours 70 pour cent accord",
        "RH-1 en cours 70 pct accord",
        "RH-1 en cours 70pct accord",
        "RH-1 in progress 70 percent agreement",
    ],
)
def test_percent_spellings(tracking, text: str) -> None:
    reply = run_engagement(text, invoke(tracking, request_id="a"))
    assert "nregistré" in text_of(reply) or "Recorded" in text_of(reply), text_of(reply)
    assert tracking.get().execute("SELECT percent, comment FROM progress").fetchone() in [
        (70, "accord"),
        (70, "agreement"),
    ]


@pytest.mark.parametrize("text", ["RH-1 en cours 40 accord GPEC", "RH-1 en cours 40"])
def test_a_bare_leading_number_is_asked_about_not_guessed(tracking, text: str) -> None:
    message = text_of(run_engagement(text, invoke(tracking, request_id="a")))
    assert "est-ce l'avancement" in message and "`40%`" in message and "40 pourcent" in message
    assert rows(tracking.get()) == 0


@pytest.mark.parametrize(
    "text", ["RH-1 en cours ४०% accord", "RH-1 en cours ４０% accord", "RH-1 en cours ٤٠ % accord"]
)
def test_non_ascii_digits_are_not_percentages(tracking, text: str) -> None:
    message = text_of(run_engagement(text, invoke(tracking, request_id="a")))
    assert "chiffres 0 à 9" in message or "est-ce l'avancement" in message, message
    assert rows(tracking.get()) == 0


def test_non_ascii_digits_are_not_ids_or_modal_percents(tracking, context, client, ack, logger) -> None:
    assert "Je ne reconnais pas" in text_of(run_engagement("RH-१ en cours 40% x", invoke(tracking, request_id="a")))
    call = submit(tracking, context, client, ack, logger, percent="४०")
    assert call["response_action"] == "errors" and BLOCKS["percent"] in call["errors"]
    assert rows(tracking.get()) == 0


# Escaping

ATTACKS = ["<!channel>", "<!here>", "<@U123>", "<https://evil|click>"]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize(
    ("command", "template"),
    [
        ("/srom-engagement", "{a} en cours 40% x"),
        ("/srom-engagement", "RH-1 {a} 40% x"),
        ("/srom-engagement", "RH-1 en cours {a}% x"),
        ("/srom-engagement", "liste {a}"),
        ("/srom-admin", "referent add {a} RH"),
        ("/srom-admin", "referent add <@U0X> {a}"),
        ("/srom-admin", "engagement add {a} titre"),
        ("/srom-admin", "frobnicate {a}"),
        ("/srom-rapport", "{a}"),
        ("/srom-carto", "{a}"),
    ],
)
def test_user_text_is_escaped_in_every_echo(tracking, attack: str, command: str, template: str) -> None:
    for as_slack_sends_it in (attack, attack.replace("<", "&lt;").replace(">", "&gt;")):
        reply = run_command(command, template.format(a=as_slack_sends_it), invoke(tracking, "UADMIN", request_id="e"))
        shown = text_of(reply)
        assert "<!" not in shown and "<http" not in shown, shown
        if template != "referent add {a} RH":  # there a mention names the person, on purpose
            assert "<@U123" not in shown, shown


def test_an_unknown_command_is_escaped(tracking) -> None:
    shown = text_of(run_command("/x<!channel>", "", invoke(tracking)))
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown


# Every refusal audited


def test_every_refusal_is_in_the_audit_log_whatever_the_surface(tracking, context, client, ack, logger) -> None:
    db = tracking.get()

    def lines() -> int:
        return len(recent(db, limit=1000))

    cases = [
        lambda: run_engagement("RH-1 atteint 50% x", invoke(tracking, request_id="a")),  # slash, invalid
        lambda: run_engagement("RH-1 en cours 40% x", invoke(tracking, "UNOBODY", request_id="b")),  # slash, right
        lambda: run_engagement("RH-1 en cours 40% x\u202e", invoke(tracking, source="console")),  # console
        lambda: submit(tracking, context, client, ack, logger, comment="\ufeff"),  # modal, invalid
        lambda: submit(tracking, context, client, ack, logger, user="UNOBODY", view_id="V2"),  # modal, right
        lambda: submit(tracking, context, client, ack, logger, commitment="ZZ-9", view_id="V3"),  # modal, unknown
        lambda: run_action(ACTION_OPEN_UPDATE, json.dumps({"c": "RH-1"}), invoke(tracking, "UNOBODY")),  # button
        lambda: run_action(ACTION_OPEN_UPDATE, "not json", invoke(tracking, "URH")),  # button, junk
        lambda: run_admin("referent add @bob RH", invoke(tracking, "UADMIN")),  # admin, invalid
        lambda: run_admin("referent add <@U0X> RH", invoke(tracking, "UNOBODY")),  # admin, right
        lambda: run_rapport("1999", invoke(tracking, "UDIR")),  # report, invalid
        lambda: run_rapport("", invoke(tracking, "UNOBODY")),  # report, right
    ]
    for number, case in enumerate(cases):
        before = lines()
        case()
        assert lines() == before + 1, f"case {number} left no audit line"
    assert rows(db) == 0
    assert {line.action for line in recent(db, limit=1000)} >= {
        "input_refused",
        "write_refused",
        "admin_refused",
        "report_refused",
    }
