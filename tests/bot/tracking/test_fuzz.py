"""Fuzzing (Hypothesis) every slash command's text and the progress modal's submission, called as Slack calls them.

Whatever is typed, by whoever: no exception escapes, no traceback is shown, no row is written by invalid or
unauthorised input (each row written is checked against the rules), and no user text comes back unescaped (the
only `<` a reply may hold opens a clean mention the bot made itself).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bot.conversation.maps
import reports.charts
from bot.conversation.blocks import escape
from bot.conversation.commands import COMMANDS, run_command
from bot.conversation.reply import Attachment
from bot.handlers.tracking import handle_progress_submission
from bot.tracking.views import BLOCKS
from storage import roles
from storage.progress import COMMENT_MAX
from storage.statuses import STATUSES, percent_fits
from storage.text import forbidden_char

from .conftest import invoke

DANGER = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<@U123|bob>",
    "<https://evil|click>",
    "<http://x.y>",
    "<#C1|général>",
    "<!subteam^S1|@team>",
    "&",
    "&amp;",
    "&lt;!channel&gt;",
    "<",
    ">",
    "<mailto:a@b.c|écrire>",
]
WORDS = [
    *DANGER,
    *("RH-1", "rh1", "RH_2", "FIN-2", "GOUV-3", "SI-7", "RH-99", "XX-1", "RH-४", "ＲＨ－１"),
    *("en cours", "atteint", "non démarré", "en retard", "abandonné", "done", "in progress", "fait", "en"),
    *("40%", "40", "%", "pourcent", "pour", "cent", "pct", "100%", "0%", "-5%", "४०%", "１０%", "1e2%", "12.5%"),
    *("liste", "historique", "aide", "help", "?", "list", "referent", "add", "remove", "director", "admin"),
    *("engagement", "RH", "ressources humaines", "CCI", "Vendée", "2026", "2013", "९९९९", "comparaison"),
    *("\u202e", "\ufeff", "\u200b", "\u200d", "\u0601", "\x00", "\x1b[31m", "\n", "\t", "\u00a0", "é", "e\u0301"),
    *("accord", "GPEC", "x" * (COMMENT_MAX + 1), "=SUM(A1)", "'; DROP TABLE progress; --", "{}", "null"),
]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=10)), max_size=9).map(" ".join)
USERS = st.sampled_from(["URH", "UNOBODY", "UDIR", "UADMIN"])
CLEAN_MENTION = re.compile(r"<@[UW][A-Z0-9]+>")
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def shown_texts(node: object) -> list[str]:
    """Every text Slack renders in blocks or a view (the `text` of each text object); button values are data."""
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) else []
        return found + [t for key, value in node.items() if key != "value" for t in shown_texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in shown_texts(item)]
    return []


def reply_text(reply) -> str:
    """Everything a reply shows: its text, every text of its blocks and its modal."""
    return "\n".join([reply.text, *shown_texts(reply.blocks), *shown_texts(reply.modal or {})])


def assert_escaped(shown: str) -> None:
    leftover = CLEAN_MENTION.sub("", shown)
    assert "<" not in leftover and ">" not in leftover.replace("->", ""), shown[:2000]
    assert "Traceback" not in shown


def snapshot(db) -> tuple:
    return (
        db.execute("SELECT COUNT(*) FROM progress").fetchone()[0],
        db.execute("SELECT * FROM roles ORDER BY user_id, role, scope").fetchall(),
        db.execute("SELECT id, title FROM commitments ORDER BY id").fetchall(),
    )


def assert_rows_are_lawful(db, since: int) -> None:
    """Each progress row written since `since`: by someone allowed, with a percent that fits, clean text."""
    for author, function, status, percent, comment, name in db.execute(
        "SELECT p.author_id, c.function, p.status, p.percent, p.comment, p.author_name FROM progress p "
        "JOIN commitments c ON c.id = p.commitment_id WHERE p.id > ?",
        [since],
    ):
        assert roles.can_write(db, author, function), (author, function)
        assert status in STATUSES and percent_fits(status, percent) and (percent is None or 0 <= percent <= 100)
        assert comment.strip() and len(comment) <= COMMENT_MAX and forbidden_char(comment, multiline=True) is None
        assert forbidden_char(name or "") is None


@pytest.fixture
def fast_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Maps and charts are drawn elsewhere; here only the words around them matter."""
    monkeypatch.setattr(reports.charts, "progress_chart", lambda report: b"png")
    monkeypatch.setattr(
        bot.conversation.maps,
        "draw_attachment",
        lambda request: (Attachment("m.png", "carte", b"png"), f"Carte {request.function}"),
    )


@settings(FUZZ, max_examples=2000)
@given(command=st.sampled_from(sorted(COMMANDS)), text=TEXT, user=USERS, n=st.integers(0, 10**9))
@example(command="/srom-carto", text="Enregistré", user="URH", n=0)  # the asker's word, echoed twice
def test_no_slash_command_text_breaks_writes_wrongly_or_echoes_unescaped(
    tracking, fast_files, command: str, text: str, user: str, n: int
) -> None:
    db = tracking.get()
    before = snapshot(db)
    last_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM progress").fetchone()[0]
    reply = run_command(command, text, invoke(tracking, user, request_id=f"r{n}"))
    assert_escaped(reply_text(reply))
    after = snapshot(db)
    written = after[0] - before[0]
    shown = reply_text(reply)

    def says(word: str) -> bool:  # the bot's own word, not the asker's echoed back, once or twice ("/srom-carto
        # Enregistré" is quoted in the error and in its example): every echo of the text, as typed or escaped, is
        # set aside before the word is looked for
        own = shown
        for echo in sorted({text, text.strip(), escape(text), escape(text.strip())} - {""}, key=len, reverse=True):
            own = own.replace(echo, " ")
        return word in own

    assert written == (1 if says("Enregistré") and not says("Déjà") else 0)
    assert_rows_are_lawful(db, last_id)
    if command != "/srom-admin" or user != "UADMIN":
        assert after[1:] == before[1:]  # roles and commitments change only by an admin's /srom-admin
    for *_, cci, _by, _at in after[1]:
        assert cci is None or forbidden_char(cci) is None
    for _id, title in after[2]:
        assert forbidden_char(title) is None


def json_values(leaves: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["value", "x", ""]), inner),
        max_leaves=3,
    )


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(), st.sampled_from(WORDS), TEXT)
FIELD_VALUE = {
    "commitment": st.sampled_from(["RH-1", "RH-2", "FIN-1", "GOUV-3", "ZZ-1", ""]) | SCALARS,
    "status": st.sampled_from(list(STATUSES)) | SCALARS,
    "percent": st.sampled_from(["0", "40", "100", "101", "-1", "४०", "12.5", "", " 40 "]) | SCALARS,
    "comment": TEXT | SCALARS,
}


@st.composite
def submissions(draw: st.DrawFn) -> dict:
    values: dict = {}
    for field, strategy in FIELD_VALUE.items():
        shape = draw(st.sampled_from(["select", "value", "missing", "junk"]))
        if shape == "select":
            values[BLOCKS[field]] = {field: {"type": "static_select", "selected_option": {"value": draw(strategy)}}}
        elif shape == "value":
            values[BLOCKS[field]] = {field: {"type": "plain_text_input", "value": draw(strategy)}}
        elif shape == "junk":
            values[BLOCKS[field]] = draw(json_values(SCALARS))
    return values


class HomeRecorder:
    """Stands in for the Web API client: the App Home refresh after a recorded update is not what is fuzzed."""

    def __init__(self) -> None:
        self.published: list[dict] = []

    def views_publish(self, **kwargs: object) -> None:
        self.published.append(kwargs)


@FUZZ
@given(
    values=submissions(),
    user=st.one_of(USERS.map(lambda u: {"id": u, "name": u.lower()}), json_values(SCALARS)),
    n=st.integers(0, 10**9),
)
def test_no_modal_submission_breaks_writes_wrongly_or_echoes_unescaped(
    tracking, context, ack, logger, values: dict, user: object, n: int
) -> None:
    client = HomeRecorder()
    db = tracking.get()
    before = snapshot(db)
    last_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM progress").fetchone()[0]
    view = {"id": f"V{n}", "callback_id": "srom_progress_modal", "state": {"values": values}}
    ack.calls.clear()
    handle_progress_submission(ack, {"user": user, "view": view}, view, client, context, logger)
    (call,) = ack.calls
    assert call["response_action"] in ("errors", "update")
    shown = "\n".join([*(call.get("errors") or {}).values(), *shown_texts(call.get("view") or {})])
    assert_escaped(shown)
    after = snapshot(db)
    assert after[0] - before[0] <= (1 if call["response_action"] == "update" else 0)
    assert after[1:] == before[1:]
    assert_rows_are_lawful(db, last_id)
