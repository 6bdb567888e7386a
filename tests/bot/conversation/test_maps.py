"""Maps in the conversation: /srom-carto's arguments, the picture attached after the ack, and every failure said."""

from __future__ import annotations

import pytest

import bot.conversation.maps
from bot.console.session import ConsoleSession
from bot.conversation.answers import answer_reply
from bot.conversation.maps import CartoUsageError, parse_carto, run_carto
from bot.conversation.reply import Invocation
from bot.engine.answer import Answer, MapRequest
from bot.handlers.commands import handle_command
from bot.handlers.messages import handle_app_mention
from bot.slack.client import build_web_client
from tests.bot.conftest import ScriptedEngine
from tests.fakes.slack_api import INVALID_TOKEN

MAP_QUESTION = "montre la carte RH 2017"


@pytest.fixture
def map_answer(engine: ScriptedEngine) -> ScriptedEngine:
    engine.script[MAP_QUESTION] = Answer(
        intent="structure",
        text="Carte 2017 — *Ressources humaines* (les activités au mode non précisé par le texte sont hachurées).",
        map=MapRequest(function="RH", year=2017),
    )
    return engine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RH 2017", MapRequest(function="RH", year=2017)),
        ("rh", MapRequest(function="RH")),
        ("ressources humaines 2013", MapRequest(function="RH", year=2013)),
        ("finances comparaison", MapRequest(function="FIN", compare=True)),
        ("SI compare", MapRequest(function="SI", compare=True)),
        ("2021 juridique", MapRequest(function="JUR", year=2021)),
        ("Communication évolution", MapRequest(function="COM", compare=True)),
        ("carte de la fonction RH 2017", MapRequest(function="RH", year=2017)),
        ("gestion des ressources humaines", MapRequest(function="RH")),
    ],
)
def test_carto_arguments(text: str, expected: MapRequest) -> None:
    assert parse_carto(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2017", "Quelle fonction ?"),
        ("paie 2017", "Fonction inconnue : « paie »"),
        ("RH 2013 2017", "Une année, ou `comparaison`"),
        ("RH 2017 comparaison", "Une année, ou `comparaison`"),
    ],
)
def test_bad_carto_arguments_say_how_to_write_them(text: str, message: str) -> None:
    with pytest.raises(CartoUsageError, match=message) as err:
        parse_carto(text)
    assert "/srom-carto &lt;fonction&gt; [année|comparaison]" in str(err.value)


def test_carto_command_draws_the_map_with_a_one_line_caption() -> None:
    reply = run_carto("RH 2017", Invocation(user_id="U42"))
    (attachment,) = reply.files
    assert attachment.filename == "rh-2017.png" and attachment.content.startswith(b"\x89PNG")
    assert "\n" not in reply.text
    assert reply.text.startswith("🗺️ *Ressources humaines — carte 2017* — demandée par <@U42>")


@pytest.mark.parametrize(
    ("text", "message"),
    [("RH 2019", "Pas de carte 2019"), ("xyz", "Fonction inconnue"), ("COM 2021", "rien à dessiner")],
)
def test_carto_command_refusals_are_french_messages_without_files(text: str, message: str) -> None:
    reply = run_carto(text, Invocation(user_id="U42"))
    assert reply.files == () and message in reply.text and reply.text.startswith("⚠️")


def test_carto_alone_shows_its_usage() -> None:
    reply = run_carto("", Invocation(user_id="U42"))
    assert reply.files == () and "Exemples" in reply.text


def test_a_drawing_failure_is_reported_not_swallowed(monkeypatch: pytest.MonkeyPatch, map_answer) -> None:
    def broken(request):
        raise RuntimeError("font cache")

    monkeypatch.setattr(bot.conversation.maps, "draw_attachment", broken)
    assert "Je n'ai pas pu dessiner cette carte" in run_carto("RH 2017", Invocation(user_id="U1")).text
    reply = answer_reply(MAP_QUESTION, surface="thread")
    assert reply.files == () and reply.text.startswith("⚠️ Je n'ai pas pu dessiner la carte demandée")


def test_a_map_answer_in_a_thread_carries_the_picture(map_answer) -> None:
    reply = answer_reply(MAP_QUESTION, surface="thread")
    assert [f.filename for f in reply.files] == ["rh-2017.png"]


@pytest.mark.parametrize("surface", ["ephemeral", "modal"])
def test_where_no_file_can_go_the_answer_says_which_command_to_type(map_answer, surface) -> None:
    reply = answer_reply(MAP_QUESTION, surface=surface)
    assert reply.files == ()
    assert "/srom-carto RH 2017" in str(reply.blocks)


def test_slash_carto_uploads_the_picture_to_the_channel_after_the_ack(client, context, fake, logger) -> None:
    acked_before: list[int] = []
    body = {"command": "/srom-carto", "text": "RH 2017", "user_id": "U1", "channel_id": "C1"}
    body |= {"trigger_id": "t", "response_url": fake.response_url()}
    handle_command(lambda **kw: acked_before.append(len(fake.calls)), body, client, context, logger)
    assert acked_before == [0]
    (url,) = fake.calls_to("files.getUploadURLExternal")
    assert url.params["filename"] == "rh-2017.png"
    (upload,) = fake.calls_to("upload")
    assert upload.raw.startswith(b"\x89PNG")
    (complete,) = fake.calls_to("files.completeUploadExternal")
    assert complete.params["channel_id"] == "C1"
    assert "Ressources humaines — carte 2017" in complete.params["initial_comment"]
    assert fake.calls_to("response_url") == []


def test_slash_carto_with_bad_arguments_answers_privately(client, context, fake, logger, ack) -> None:
    body = {"command": "/srom-carto", "text": "paie", "user_id": "U1", "channel_id": "C1"}
    handle_command(ack, body | {"trigger_id": "t", "response_url": fake.response_url()}, client, context, logger)
    (call,) = fake.calls_to("response_url")
    assert "Fonction inconnue : « paie »" in str(call.params["blocks"])
    assert fake.calls_to("files.getUploadURLExternal") == []


def test_slash_carto_where_slack_refuses_the_file_says_why(context, fake, logger, ack) -> None:
    refused = build_web_client(INVALID_TOKEN, fake.api_url)  # Slack answers ok: false, as for not_in_channel
    body = {"command": "/srom-carto", "text": "SI 2017", "user_id": "U1", "channel_id": "C1"}
    handle_command(ack, body | {"trigger_id": "t", "response_url": fake.response_url()}, refused, context, logger)
    (call,) = fake.calls_to("response_url")
    assert call.params["text"].startswith("⚠️ Je n'ai pas pu envoyer le fichier dans cette conversation")
    # the real cause, in French; Slack's code stays in the log, and no "invite the bot" for a token problem
    assert "jeton" in call.params["text"] and "invalid_auth" not in call.params["text"]
    assert "/invite" not in call.params["text"]


def test_a_map_question_in_a_channel_gets_the_picture_in_its_thread(map_answer, context, client, fake, logger) -> None:
    event = {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {MAP_QUESTION}", "ts": "1.000100", "channel": "C1"}
    handle_app_mention(event, context, client, logger)
    (complete,) = fake.calls_to("files.completeUploadExternal")
    assert (complete.params["channel_id"], complete.params["thread_ts"]) == ("C1", "1.000100")
    assert complete.params["initial_comment"].startswith("Carte 2017 — *Ressources humaines*")
    assert fake.calls_to("chat.postMessage") == []


def test_the_console_writes_the_picture_and_prints_its_path(map_answer, tmp_path) -> None:
    session = ConsoleSession(out_dir=tmp_path / "cartes")
    out = session.handle(MAP_QUESTION)
    assert f"📎 Ressources humaines — carte 2017 : {tmp_path / 'cartes' / 'rh-2017.png'}" in out
    assert (tmp_path / "cartes" / "rh-2017.png").read_bytes().startswith(b"\x89PNG")
    out = session.handle("/srom-carto finances comparaison")
    assert (tmp_path / "cartes" / "fin-comparaison.png").is_file() and "fin-comparaison.png" in out
