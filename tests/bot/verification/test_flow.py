"""The verification path through the conversation core and the Slack handlers, with a fake Slack Web API:
answer → buttons by role → ask the référents → modal → recorded once → asker told → answered with a citation."""

from __future__ import annotations

import pytest

from bot.conversation.actions import run_action
from bot.conversation.answers import answer_reply
from bot.engine import answer
from bot.handlers.verification import handle_verify_submission
from bot.verification.actions import with_verification
from bot.verification.views import VIEW_VERIFY
from storage import roles

from .conftest import DEDUCED, QUESTION, audit, buttons, count, invoke, si_line, submission, text_of


def ask(store, user: str, question: str = QUESTION, **kw):
    return with_verification(answer_reply(question, surface="thread"), invoke(store, user, **kw))


def test_buttons_depend_on_the_cell_and_the_role(store) -> None:
    assert set(buttons(ask(store, "UCOL"))) == {"Demander au référent"}
    assert set(buttons(ask(store, "USI"))) == {"Renseigner le mode"}
    assert set(buttons(ask(store, "UADMIN"))) == {"Renseigner le mode"}
    assert set(buttons(ask(store, "UCOL", DEDUCED))) == {"Demander au référent", "Signaler une erreur"}
    assert set(buttons(ask(store, "USI", DEDUCED))) == {"Demander au référent", "Signaler une erreur"}  # not RH
    no_db = answer_reply(QUESTION, surface="thread")
    assert with_verification(no_db, invoke(None, "UCOL")).blocks == no_db.blocks  # type: ignore[arg-type]


def test_ask_the_referent_then_attest_in_the_modal(store, db, ack, client, fake, context, logger) -> None:
    asked = ask(store, "UCOL", channel_id="C1", thread_ts="111.1")
    value = buttons(asked)["Demander au référent"]["value"]
    sent = run_action("srom_verify_ask", value, invoke(store, "UCOL", channel_id="C1", thread_ts="111.1"))
    assert "<@USI>" in sent.text and "dans ce fil" in sent.text
    [dm] = sent.notices
    assert dm.channel == "USI" and "<@UCOL>" in dm.text + text_of(dm.blocks)
    again = run_action("srom_verify_ask", value, invoke(store, "UCOL", channel_id="C1", request_id="T1"))
    assert count(db, "verification_requests") == 1 and not again.notices  # still open: the référents told once

    renseigner = buttons(dm.blocks)["Renseigner"]["value"]
    refused = run_action("srom_verify_open", renseigner, invoke(store, "UCOL"))
    assert "Seuls les référents" in refused.text + text_of(refused.blocks) and refused.modal is None
    assert audit(db, "correction_refused") == [("UCOL", "si.hotline@2017", "slash: not a référent of SI")]

    opened = run_action("srom_verify_open", renseigner, invoke(store, "USI"))
    modal = opened.modal
    assert modal["callback_id"] == VIEW_VERIFY and "Hotline" in text_of(modal["blocks"])
    view = submission({**modal, "id": "V42"}, mode="I", source="diagramme original, p. 14", comment="vu en CODIR")
    body = {"user": {"id": "USI", "name": "sophie"}}
    handle_verify_submission(ack, body, view, client, context, logger)
    handle_verify_submission(ack, body, view, client, context, logger)  # the same submission delivered twice
    assert count(db) == 1
    first, second = ack.calls
    assert first["response_action"] == "update" and "Enregistré" in text_of(first["view"]["blocks"])
    assert "Déjà enregistré" in text_of(second["view"]["blocks"])
    told = [c.params for c in fake.calls_to("chat.postMessage") if c.params.get("thread_ts") == "111.1"]
    assert len(told) == 1 and told[0]["channel"] == "C1" and "<@UCOL>" in told[0]["text"]
    assert count(db, "verification_requests WHERE resolved_at IS NULL") == 0

    after = answer(QUESTION)  # the same process: the engine saw the store's version change
    assert (after.mode.code, after.certainty) == ("I", "attested")
    assert "Intégration (I)* — attesté par <@USI> le" in after.text and "(diagramme original, p. 14)" in after.text
    assert set(buttons(ask(store, "UCOL"))) == {"Signaler une erreur"}  # established now: no request to make


def test_no_referent_names_the_admins(store, db) -> None:
    roles.revoke(db, "UADMIN", "USI", "referent", "SI")
    value = buttons(ask(store, "UCOL"))["Demander au référent"]["value"]
    reply = run_action("srom_verify_ask", value, invoke(store, "UCOL"))
    assert "n'a pas encore de référent" in reply.text and "<@UADMIN>" in reply.text and not reply.notices


def test_flag_review_and_correction(store, db, ack, client, context, logger) -> None:
    roles.grant(db, "UADMIN", "URH", "referent", "RH")
    value = buttons(ask(store, "UCOL", DEDUCED))["Signaler une erreur"]["value"]
    flagged = run_action("srom_verify_flag", value, invoke(store, "UCOL"))
    [dm] = flagged.notices
    assert dm.channel == "URH" and set(buttons(dm.blocks)) == {"Confirmer I", "Corriger"}
    assert audit(db, "flag_opened") == [("UCOL", "rh.realisation-paies@2017", "mode I (deduced)")]
    queue = run_action("srom_verify_open", buttons(dm.blocks)["Corriger"]["value"], invoke(store, "URH"))
    view = submission({**queue.modal, "id": "V7"}, mode="M", source="note DG du 12/03/2017")
    handle_verify_submission(ack, {"user": {"id": "URH"}}, view, client, context, logger)
    assert ack.calls[-1]["response_action"] == "update"
    assert audit(db, "flag_corrected") and answer(DEDUCED).mode.code == "M"
    assert db.execute("SELECT outcome FROM verification_requests").fetchone()[0] == "corrected"


@pytest.mark.parametrize(
    ("mode", "source", "comment", "field"),
    [
        (None, "diagramme p. 3", None, "srom_verify_mode"),
        ("Z", "diagramme p. 3", None, "srom_verify_mode"),
        ("i ", "", None, "srom_verify_source"),
        ("I", "   ", None, "srom_verify_source"),
        ("I", None, None, "srom_verify_source"),
        ("I", "x" * 301, None, "srom_verify_source"),
        ("I", "diagramme\x00p. 3", None, "srom_verify_source"),
        ("I", "diagramme \u202ep. 3", None, "srom_verify_source"),
        ("I", "diagramme \u2066p. 3", None, "srom_verify_source"),
        ("I", "\x1b[31m", None, "srom_verify_source"),
        ("I", "...", None, "srom_verify_source"),
        ("I", "p. 3", "y" * 1001, "srom_verify_comment"),
        ("I", "p. 3", "note\x07", "srom_verify_comment"),
        ("I", "p. 3", "sens \u202e inverse", "srom_verify_comment"),
        ("AC", "p. 3", None, "srom_verify_mode"),
        ("Intégration", "p. 3", None, "srom_verify_mode"),
        ("'; DROP TABLE corrections; --", "p. 3", None, "srom_verify_mode"),
        ("I", ["liste"], None, "srom_verify_source"),
        ("I", 42, None, "srom_verify_source"),
        ("", "p. 3", None, "srom_verify_mode"),
    ],
)
def test_twenty_bad_submissions_write_nothing(store, db, ack, client, context, logger, mode, source, comment, field):
    modal = run_action("srom_verify_open", '{"a": "si.hotline", "y": 2017}', invoke(store, "USI")).modal
    handle_verify_submission(
        ack, {"user": {"id": "USI"}}, submission(modal, mode=mode, source=source, comment=comment), client, context,
        logger,
    )  # fmt: skip
    [call] = ack.calls
    assert call["response_action"] == "errors" and field in call["errors"]
    assert all(isinstance(m, str) and m for m in call["errors"].values())
    assert count(db) == 0


@pytest.mark.parametrize(
    "metadata", ['{"a": "si.inconnue", "y": 2017}', '{"a": "si.hotline", "y": 1999}', "pas du json", '{"a": 1}']
)
def test_a_stale_or_forged_cell_writes_nothing(store, db, ack, client, context, logger, metadata) -> None:
    view = submission({"callback_id": VIEW_VERIFY, "private_metadata": metadata})
    handle_verify_submission(ack, {"user": {"id": "UADMIN"}}, view, client, context, logger)
    assert ack.calls[0]["response_action"] == "errors" and count(db) == 0


def test_a_non_referent_submitting_is_refused_and_audited(store, db, ack, client, context, logger) -> None:
    view = submission({"callback_id": VIEW_VERIFY, "private_metadata": '{"a": "si.hotline", "y": 2017}'})
    handle_verify_submission(ack, {"user": {"id": "UCOL"}}, view, client, context, logger)
    assert "Seuls les référents" in next(iter(ack.calls[0]["errors"].values())) and count(db) == 0
    assert audit(db, "correction_refused")[0][0] == "UCOL"


def test_app_home_of_a_referent(store, db, client, fake, context, logger) -> None:
    from bot.handlers.home import handle_app_home_opened

    value = buttons(ask(store, "UCOL"))["Demander au référent"]["value"]
    run_action("srom_verify_ask", value, invoke(store, "UCOL"))
    for user in ("USI", "UCOL"):
        handle_app_home_opened({"user": user, "tab": "home"}, context, client, logger)
    referent, collaborator = fake.calls_to("views.publish")
    assert referent.response["ok"] and collaborator.response["ok"]  # valid Block Kit for the fake
    home = referent.params["view"]["blocks"]
    text = text_of(home)
    assert si_line() in text
    assert "demande de <@UCOL>" in text and "Ressources humaines" not in text.split("Cartographie")[-1]
    walk = buttons(home)["Renseigner les cellules manquantes — SI"]
    opened = run_action(walk["action_id"], walk["value"], invoke(store, "USI"))
    assert opened.modal["callback_id"] == "srom_verify_walk_modal"
    assert "Cartographie des modes" not in text_of(collaborator.params["view"]["blocks"])
    refused = run_action(walk["action_id"], walk["value"], invoke(store, "UCOL"))
    assert refused.modal is None and "Seuls les référents" in refused.text + text_of(refused.blocks)


def test_asking_twice_notifies_once_and_english_answers_get_english_buttons(store, db) -> None:
    value = buttons(ask(store, "UCOL"))["Demander au référent"]["value"]
    first = run_action("srom_verify_ask", value, invoke(store, "UCOL", request_id="T1"))
    second = run_action("srom_verify_ask", value, invoke(store, "UCOL", request_id="T2"))
    assert len(first.notices) == 1 and second.notices == () and count(db, "verification_requests") == 1
    assert set(buttons(ask(store, "UCOL", "how is the hotline handled in 2017?"))) == {"Ask the référent"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("si.hotline", "Il manque"),
        ("si.hotline 2017 I", "Il manque"),
        ("si.hotline deux I p. 3", "l'activité puis l'année"),
        ("si.inconnue 2017 I p. 3", "n'est pas une activité de la carte 2017"),
        ("si.hotline 1999 I p. 3", "n'est pas une activité de la carte 1999"),
        ("si.hotline 2017 Z p. 3", "Choisissez un mode"),
        ("si.hotline 2017 I \u202ep. 3", "caractère invisible"),
        ("si.hotline 2017 I " + "p" * 301, "trop long"),
        ("si.hotline 2017 I ...", "ni lettre ni chiffre"),
        ("si.hotline 2017 I p. 3 | " + "c" * 1001, "trop long"),
        ("historique si.hotline", "l'activité puis l'année"),
        ("si.hotline ² I p. 3", "l'activité puis l'année"),  # a superscript is a digit to str.isdigit, not to int
        ("historique si.hotline ²", "l'activité puis l'année"),
    ],
)
def test_bad_verif_commands_say_why_and_write_nothing(store, db, text: str, message: str) -> None:
    from bot.conversation.commands import run_command

    reply = run_command("/srom-verif", text, invoke(store, "USI", source="slash"))
    assert message in reply.text + text_of(reply.blocks) and count(db) == 0
