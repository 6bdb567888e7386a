from __future__ import annotations

from bot.engine.answer import ProcessRef
from bot.handlers.messages import handle_app_mention, handle_direct_message, question_text
from bot.slack.middleware import CLAIMED_KEYS, DATABASES
from storage.events import claim_event, event_state

from ..conftest import ScriptedEngine, clarification, simple


def _mention(text: str = "<@UBOT> paie ?", **extra) -> dict:
    return {"type": "app_mention", "user": "U1", "text": text, "ts": "1.000100", "channel": "C1", **extra}


def _dm(text: str = "paie ?", **extra) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": text,
        "ts": "2.000200",
        "channel": "D1",
        **extra,
    }


def test_question_text_drops_mentions() -> None:
    assert question_text({"text": "<@UBOT>  mode <@U2|marie> paie ?"}) == "mode paie ?"
    assert question_text({}) == ""


def test_mention_is_answered_in_its_thread(engine: ScriptedEngine, context, client, fake, logger) -> None:
    handle_app_mention(_mention(), context, client, logger)
    (call,) = fake.calls_to("chat.postMessage")
    assert (call.params["channel"], call.params["thread_ts"]) == ("C1", "1.000100")
    assert engine.asked == ["paie ?"]
    assert call.response["ok"]


def test_mention_in_a_thread_stays_in_that_thread(engine, context, client, fake, logger) -> None:
    handle_app_mention(_mention(thread_ts="0.5"), context, client, logger)
    assert fake.calls_to("chat.postMessage")[0].params["thread_ts"] == "0.5"


def test_clarification_reaches_slack_with_its_buttons(engine, context, client, fake, logger) -> None:
    engine.script["paie ?"] = clarification()
    handle_app_mention(_mention(), context, client, logger)
    blocks = fake.calls_to("chat.postMessage")[0].params["blocks"]
    labels = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["Paie (RH)", "Comptabilité"]


def test_direct_message_is_answered_and_others_ignored(engine, context, client, fake, logger) -> None:
    handle_direct_message(_dm(), context, client, logger)
    handle_direct_message(_dm(ts="3.0", channel_type="channel"), context, client, logger)
    handle_direct_message(_dm(ts="4.0", bot_id="B1"), context, client, logger)
    handle_direct_message(_dm(ts="5.0", subtype="message_changed"), context, client, logger)
    assert [c.params["thread_ts"] for c in fake.calls_to("chat.postMessage")] == ["2.000200"]


def test_the_same_question_is_answered_once(engine, context, client, fake, logger) -> None:
    event = _dm(text="<@UBOT> paie ?")
    handle_app_mention({**event, "type": "app_mention"}, context, client, logger)
    handle_direct_message(event, context, client, logger)
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_claims_are_marked_done_after_answering(engine, context, client, logger) -> None:
    db = context[DATABASES].get()
    claim_event(db, "event:Ev1")
    context[CLAIMED_KEYS] = ["event:Ev1"]
    handle_app_mention(_mention(), context, client, logger)
    assert event_state(db, "event:Ev1") == "done"
    assert event_state(db, "message:C1:1.000100") == "done"


def test_engine_failure_is_told_privately_and_logged(engine, context, client, fake, logger, caplog) -> None:
    handle_app_mention(_mention("<@UBOT> boom"), context, client, logger)
    (told,) = fake.calls_to("chat.postEphemeral")
    assert (told.params["user"], told.params["channel"]) == ("U1", "C1")
    assert told.params["text"].startswith("⚠️ Désolé")
    assert fake.calls_to("chat.postMessage") == []
    assert "app_mention failed" in caplog.text


def test_slackbot_and_bots_get_no_answer(engine, context, client, fake, logger) -> None:
    removed = "You have been removed from #général by <@U2>"
    for event in (
        _dm(removed, user="USLACKBOT"),
        _dm(removed, user="USLACKBOT", subtype=None),
        _dm("paie ?", bot_id="B1"),
        _dm("paie ?", subtype="bot_message"),
        _dm("paie ?", user="USLACKBOT", ts="3.0"),
    ):
        handle_direct_message(event, context, client, logger)
        handle_app_mention({**event, "type": "app_mention"}, context, client, logger)
    assert fake.calls_to("chat.postMessage") == [] and fake.calls_to("chat.postEphemeral") == []
    assert engine.asked == []


def test_a_mention_in_the_thread_is_read_against_the_thread_s_previous_answer(
    engine, context, client, fake, logger
) -> None:
    engine.script["paie 2017"] = simple(process=ProcessRef(id="rh.paie", label="Paie"), year=2017)
    handle_app_mention(_mention("<@UBOT> paie 2017", ts="1.0"), context, client, logger)
    handle_app_mention(_mention("<@UBOT> et en 2021 ?", ts="1.5", thread_ts="1.0"), context, client, logger)
    handle_app_mention(_mention("<@UBOT> et en 2021 ?", ts="2.0"), context, client, logger)  # a new top-level
    first, in_thread, top_level = engine.contexts
    assert first is None
    assert in_thread is not None and (in_thread.process, in_thread.year) == ("rh.paie", 2017)
    assert top_level is None


def test_a_direct_message_conversation_continues_without_threads(engine, context, client, fake, logger) -> None:
    engine.script["paie 2017"] = simple(process=ProcessRef(id="rh.paie", label="Paie"), year=2017)
    handle_direct_message(_dm("paie 2017", ts="1.0"), context, client, logger)
    handle_direct_message(_dm("et en 2021 ?", ts="2.0"), context, client, logger)
    handle_direct_message(_dm("pourquoi ?", ts="3.0", thread_ts="1.0"), context, client, logger)
    assert engine.contexts[0] is None
    assert all(c is not None and c.process == "rh.paie" for c in engine.contexts[1:])
