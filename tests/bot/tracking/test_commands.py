"""/srom-engagement, /srom-admin, /srom-rapport and the App Home, called as Slack and the console call them."""

from __future__ import annotations

import json

import pytest

from bot.conversation.actions import run_action
from bot.handlers.tracking import handle_progress_submission
from bot.tracking.admin import run_admin
from bot.tracking.commands import run_engagement
from bot.tracking.home import home_blocks_for
from bot.tracking.report import ACTION_REPORT_FILE, run_rapport
from bot.tracking.views import ACTION_OPEN_UPDATE, BLOCKS
from storage import roles
from storage.audit import recent

from .conftest import invoke, rows, text_of


def test_referent_records_and_sees_the_previous_value(tracking) -> None:
    first = run_engagement("RH-1 en cours 20% lancement", invoke(tracking, request_id="t1"))
    assert "Enregistré" in text_of(first) and "Première mise à jour" in text_of(first)
    second = run_engagement("RH-1 en cours 40% accord GPEC en négociation", invoke(tracking, request_id="t2"))
    text = text_of(second)
    assert "en cours · 40" in text and "Avant : 🔵 en cours · 20" in text
    assert rows(tracking.get()) == 2
    entry = tracking.get().execute("SELECT author_name, cci, source FROM progress ORDER BY id DESC").fetchone()
    assert entry == ("urh", "CCI Nantes St-Nazaire", "slash")


def test_same_request_twice_is_recorded_once(tracking) -> None:
    for _ in range(2):
        run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="trigger.1"))
    # a new trigger (the user typed it again) within two minutes: the same update, recorded once
    again = run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="trigger.2"))
    assert "Déjà enregistré" in text_of(again)
    assert rows(tracking.get()) == 1


def test_english_update_is_answered_in_english(tracking) -> None:
    reply = run_engagement("RH-2 in progress 10% hiring plan drafted", invoke(tracking, request_id="t"))
    assert "Recorded" in text_of(reply) and "in progress" in text_of(reply)


def test_percent_omitted_keeps_the_previous_one_and_done_means_100(tracking) -> None:
    run_engagement("RH-1 en cours 40% a", invoke(tracking, request_id="a"))
    run_engagement("RH-1 en retard b", invoke(tracking, request_id="b"))
    run_engagement("RH-2 atteint c", invoke(tracking, request_id="c"))
    percents = tracking.get().execute("SELECT commitment_id, percent FROM progress ORDER BY id").fetchall()
    assert percents == [("RH-1", 40), ("RH-1", 40), ("RH-2", 100)]


@pytest.mark.parametrize("user", ["UNOBODY", "UDIR"])
def test_every_write_path_is_refused_to_a_non_referent_with_an_audit_line(
    tracking, context, client, ack, logger, user: str
) -> None:
    db = tracking.get()
    slash = run_engagement("RH-1 en cours 40% tentative", invoke(tracking, user, request_id="x"))
    assert "seuls les référents de la fonction *Ressources humaines*" in text_of(slash)
    assert "<@URH>" in text_of(slash) and "<@UADMIN>" in text_of(slash)  # who to ask
    console = run_engagement("RH-1 en cours 40% tentative", invoke(tracking, user, source="console"))
    assert text_of(console).startswith("⚠️")
    form = run_engagement("", invoke(tracking, user, request_id="y"))
    assert form.modal is None and "référent d'aucune fonction" in text_of(form)
    button = run_action(ACTION_OPEN_UPDATE, json.dumps({"c": "RH-1"}), invoke(tracking, user))
    assert button.modal is None
    values = {
        BLOCKS["commitment"]: {"commitment": {"selected_option": {"value": "RH-1"}}},
        BLOCKS["status"]: {"status": {"selected_option": {"value": "en_cours"}}},
        BLOCKS["comment"]: {"comment": {"value": "tentative"}},
    }
    view = {"id": "V9", "state": {"values": values}}
    handle_progress_submission(ack, {"user": {"id": user}, "view": view}, view, client, context, logger)
    assert ack.calls[0]["response_action"] == "errors"
    assert rows(db) == 0
    refused = recent(db, action="write_refused")
    assert len(refused) >= 3 and all(line.actor_id == user for line in refused)
    assert {line.target for line in refused} >= {"RH-1"}


def test_referent_of_another_function_is_refused(tracking) -> None:
    reply = run_engagement("FIN-1 en cours 40% hors périmètre", invoke(tracking, "URH", request_id="z"))
    assert "Services financiers et comptables" in text_of(reply)
    assert rows(tracking.get()) == 0


def test_admin_writes_any_and_the_console_user_is_an_admin(tracking) -> None:
    run_engagement("FIN-1 en cours 10% a", invoke(tracking, "UADMIN", request_id="a"))
    run_engagement("SI-7 en cours 10% b", invoke(tracking, "local", source="console", acts_as_admin=True))
    assert rows(tracking.get()) == 2


def test_form_lists_only_my_commitments(tracking) -> None:
    reply = run_engagement("", invoke(tracking, "URH", request_id="t"))
    options = reply.modal["blocks"][0]["element"]["options"]
    assert [o["value"] for o in options] == ["RH-1", "RH-2", "RH-3"]


def test_list_and_history_are_open_to_everyone(tracking) -> None:
    run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="t"))
    listing = text_of(run_engagement("liste rh", invoke(tracking, "UNOBODY")))
    assert "RH-1" in listing and "en cours · 40" in listing and "FIN-1" not in listing
    assert "GOUV-3" in text_of(run_engagement("liste", invoke(tracking, "UNOBODY")))
    history = text_of(run_engagement("historique rh-1", invoke(tracking, "UNOBODY")))
    assert "GPEC" in history and "urh" in history
    assert "Suivi des engagements" in text_of(run_engagement("aide", invoke(tracking, "UNOBODY")))


def test_admin_commands_change_roles_with_audit(tracking) -> None:
    db = tracking.get()
    added = run_admin("referent add <@U0MARIE|marie> Systèmes d'information CCI Vendée", invoke(tracking, "UADMIN"))
    assert "référent de Systèmes d'information (SI)" in text_of(added)
    assert roles.can_write(db, "U0MARIE", "SI") and roles.cci_of(db, "U0MARIE") == "CCI Vendée"
    run_admin("director add <@U0DIR2>", invoke(tracking, "UADMIN"))
    assert roles.is_director(db, "U0DIR2")
    removed = run_admin("referent remove <@U0MARIE|marie> SI", invoke(tracking, "UADMIN"))
    assert "n'est plus" in text_of(removed) and not roles.can_write(db, "U0MARIE", "SI")
    last = run_admin("admin remove <@UADMIN>", invoke(tracking, "UADMIN"))
    assert "dernier administrateur" in text_of(last)
    actions = [line.action for line in recent(db)][:4]
    assert actions == ["input_refused", "role_remove", "role_add", "role_add"]  # the refusal is audited too
    listing = text_of(run_admin("list", invoke(tracking, "UNOBODY")))
    assert "<@URH>" in listing and "<@UADMIN>" in listing


def test_admin_commands_are_refused_to_others_with_an_audit_line(tracking) -> None:
    reply = run_admin("referent add <@UNOBODY> RH", invoke(tracking, "UNOBODY"))
    assert "Seuls les administrateurs" in text_of(reply) and "<@UADMIN>" in text_of(reply)
    assert recent(tracking.get(), action="admin_refused")[0].actor_id == "UNOBODY"
    assert not roles.can_write(tracking.get(), "UNOBODY", "RH")


def test_admin_adds_a_commitment_but_never_changes_a_published_one(tracking) -> None:
    added = run_admin("engagement add RH-4 Former les managers au dialogue social", invoke(tracking, "UADMIN"))
    assert "RH-4" in text_of(added)
    again = run_admin("engagement add RH-1 Autre titre", invoke(tracking, "UADMIN"))
    assert "déjà publié" in text_of(again)
    title = tracking.get().execute("SELECT title FROM commitments WHERE id = 'RH-1'").fetchone()[0]
    assert title == "Dynamiser l'emploi en développant la GPEC"


def test_admin_retires_a_commitment_which_then_takes_no_update(tracking) -> None:
    run_engagement("RH-3 en cours 30% lancé", invoke(tracking, request_id="r1"))
    assert "Seuls les administrateurs" in text_of(run_admin("engagement retire RH-3 fin", invoke(tracking, "URH")))
    assert "motif" in text_of(run_admin("engagement retire RH-3", invoke(tracking, "UADMIN")))
    done = run_admin("engagement retire RH-3 mandat 2021-2026 <!channel> terminé", invoke(tracking, "UADMIN"))
    assert "RH-3" in text_of(done) and "retiré" in text_of(done) and "&lt;!channel&gt;" in text_of(done)
    again = run_admin("engagement retire RH-3 encore", invoke(tracking, "UADMIN"))
    assert "déjà retiré" in text_of(again)
    refused = run_engagement("RH-3 en cours 50% suite", invoke(tracking, request_id="r2"))
    assert "est retiré depuis le" in text_of(refused)
    assert rows(tracking.get()) == 1  # its history is kept, nothing new
    assert "RH-3" not in str(run_engagement("", invoke(tracking, request_id="r3")).modal)
    history = run_engagement("historique RH-3", invoke(tracking))
    assert "lancé" in text_of(history)
    listed = text_of(run_engagement("liste RH", invoke(tracking))).split("\n")
    assert [line for line in listed if "retiré le" in line] == [next(x for x in listed if "*RH-3*" in x)]


def test_report_is_for_directors_and_admins(tracking) -> None:
    refused = run_rapport("2026", invoke(tracking, "URH"))
    assert "réservé aux directeurs" in text_of(refused) and not refused.files
    assert recent(tracking.get(), action="report_refused")[0].actor_id == "URH"
    run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="t"))
    reply = run_rapport("ressources humaines", invoke(tracking, "UDIR"))
    assert "Rapport annuel au Bureau" in reply.text and "RH-1" in text_of(reply) and "FIN-1" not in text_of(reply)
    (chart,) = reply.files
    assert chart.content.startswith(b"\x89PNG")
    buttons = [e for b in reply.blocks if b["type"] == "actions" for e in b["elements"]]
    docx = run_action(buttons[0]["action_id"], buttons[0]["value"], invoke(tracking, "UDIR"))
    assert docx.files[0].filename.endswith(".docx") and docx.files[0].content[:2] == b"PK"
    csv = run_action(buttons[1]["action_id"], buttons[1]["value"], invoke(tracking, "UDIR"))
    assert "RH-1" in csv.files[0].content.decode("utf-8-sig")
    forged = run_action(f"{ACTION_REPORT_FILE}:0", buttons[0]["value"], invoke(tracking, "URH"))
    assert not forged.files


def test_a_chart_of_the_commitments_asked_in_chat_is_attached_for_a_director_in_a_thread(tracking) -> None:
    from bot.conversation.answers import answer_reply
    from bot.tracking.report import with_chart

    run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="t"))
    question = "graphique d'avancement des engagements RH"
    director = with_chart(answer_reply(question, surface="thread"), invoke(tracking, "UDIR", surface="thread"))
    (chart,) = director.files
    assert chart.content.startswith(b"\x89PNG") and chart.filename.endswith("-RH.png")
    assert (
        director.answer is not None and "/srom-rapport" in director.answer.text
    )  # the command that makes the whole report, chart included
    # a collaborator gets the answer and how to ask a director; an ephemeral answer cannot carry a file
    referent = with_chart(answer_reply(question, surface="thread"), invoke(tracking, "URH", surface="thread"))
    assert referent.files == () and referent.answer is not None and "directeurs" in referent.answer.text
    ephemeral = with_chart(answer_reply(question, surface="ephemeral"), invoke(tracking, "UDIR"))
    assert ephemeral.files == ()
    # a map asked is not the commitments' chart
    carte = with_chart(answer_reply("montre la carte RH 2017", surface="thread"), invoke(tracking, "UDIR"))
    assert carte.answer is not None and carte.answer.chart is None


def test_the_console_writes_the_chart_asked_in_chat_to_a_file(tracking, tmp_path) -> None:
    from bot.console.session import ConsoleSession

    admin = ConsoleSession(databases=tracking, out_dir=tmp_path)
    out = admin.handle("Can you chart the progress of the commitments by function for the Bureau?")
    assert "rapport-srom-" in out and list(tmp_path.glob("rapport-srom-*.png"))


def test_home_shows_a_referent_her_commitments_with_update_buttons(tracking) -> None:
    run_engagement("RH-1 en cours 40% GPEC", invoke(tracking, request_id="t"))
    blocks = home_blocks_for(tracking.get(), "URH")
    buttons = [b["accessory"] for b in blocks if "accessory" in b]
    assert [json.loads(b["value"])["c"] for b in buttons] == ["RH-1", "RH-2", "RH-3"]
    assert "en cours · 40" in str(blocks)
    assert home_blocks_for(tracking.get(), "UNOBODY") == []
    modal = run_action(ACTION_OPEN_UPDATE, buttons[0]["value"], invoke(tracking)).modal
    assert modal["blocks"][1]["element"]["initial_option"]["value"] == "RH-1"
    assert modal["blocks"][2]["element"]["initial_option"]["value"] == "en_cours"
    assert modal["blocks"][3]["element"]["initial_value"] == "40"


def test_console_acts_as_a_local_admin_or_as_the_configured_user(tracking, tmp_path) -> None:
    from bot.console.session import ConsoleSession

    admin = ConsoleSession(databases=tracking, out_dir=tmp_path)
    assert "Enregistré" in admin.handle("/srom-engagement FIN-1 en cours 10% depuis la console")
    assert "rapport-srom-" in admin.handle("/srom-rapport")  # the chart, written to a file
    someone = ConsoleSession(databases=tracking, user_id="UNOBODY", out_dir=tmp_path)
    assert "seuls les référents" in someone.handle("/srom-engagement FIN-1 en cours 20% essai")
    assert tracking.get().execute("SELECT source FROM progress").fetchall() == [("console",)]


def test_views_and_report_blocks_pass_slack_limits(tracking) -> None:
    from bot.conversation.commands import command_help
    from bot.conversation.views import build_home_view
    from bot.tracking.blocks import build_recorded_blocks
    from bot.tracking.views import build_done_view
    from srom_data.loader import load_default
    from storage.commitments import get_commitment
    from storage.progress import NewEntry, record_progress
    from tests.fakes.block_kit import block_problems, view_problems

    db = tracking.get()
    for n in range(30):
        record_progress(db, NewEntry("RH-1", "en_cours", n, "é" * 1000, "URH", "u" * 80, "cli", f"k{n}"))
    modal = run_engagement("", invoke(tracking, "UADMIN", request_id="t")).modal
    assert view_problems(modal) == []
    home = build_home_view(load_default(), command_help(), home_blocks_for(db, "UADMIN"))
    assert view_problems(home) == []
    recorded = record_progress(db, NewEntry("RH-1", "atteint", 100, "x" * 1000, "URH", "u", "cli", "last"))
    assert view_problems(build_done_view(build_recorded_blocks(recorded, get_commitment(db, "RH-1")))) == []
    for reply in (
        run_rapport("2026", invoke(tracking, "UADMIN")),
        run_engagement("historique RH-1", invoke(tracking)),
        run_engagement("liste", invoke(tracking)),
        run_admin("list", invoke(tracking)),
    ):
        assert block_problems(reply.blocks) == [], reply.text
