"""Buttons of verification and the recording of a correction, for Slack and the console:
Renseigner / Corriger (the modal), Demander au référent (a direct message to each référent), Signaler une erreur
(the référents' review queue), and the modal's submission (record, close the cell's requests, tell the askers)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.conversation.blocks import section
from bot.conversation.reply import Invocation, Notice, Reply, error_reply
from bot.engine.default import current_kb
from bot.tracking.access import Actor, mentions, who_to_ask
from bot.verification.access import may_verify, refuse_verify
from bot.verification.blocks import (
    build_answer_actions,
    build_ask_dm,
    build_asker_notice,
    build_flag_dm,
    build_recorded_blocks,
    read_value,
)
from bot.verification.service import Attested, Cell, Refused, ask_referents, attest, find_cell, flag_error
from bot.verification.views import BLOCKS, Submission, build_verify_modal
from storage import corrections
from storage.tx import StorageBusy

STALE = "Ce bouton n'est plus valable (cellule inconnue) : reposez la question du mode."
BUSY = "La base est momentanément occupée : rien n'a été enregistré. Réessayez dans un instant."
CONSOLE_HOWTO = (
    "Dans la console, renseignez le mode par la commande : "
    "`/srom-verif {activity} {year} &lt;A|C|H|M|I&gt; &lt;source&gt;` "
    "(par exemple `/srom-verif {activity} {year} I diagramme original, p. 14`)."
)


def _cell(value: str) -> tuple[Cell | None, dict]:
    data = read_value(value)
    return find_cell(data.get("a"), data.get("y")), data


def with_verification(reply: Reply, invocation: Invocation) -> Reply:
    """An answer about one activity's mode, with its discreet verification buttons when storage is there."""
    answer = reply.answer
    if answer is None or answer.intent != "mode_lookup" or answer.process is None or answer.year is None:
        return reply
    if invocation.databases is None or not reply.blocks:
        return reply
    cell = find_cell(answer.process.id, answer.year)
    if cell is None:
        return reply
    try:
        writer = may_verify(invocation.db(), Actor.of(invocation), cell.function.id)
    except Exception:  # storage trouble must not cost the answer its text
        return reply
    block = build_answer_actions(cell, writer=writer, question=reply.question or "", lang=reply.lang)
    if block is None:
        return reply
    return replace(reply, blocks=[*reply.blocks, block])


def open_verify_modal(value: str, invocation: Invocation) -> Reply:
    cell, data = _cell(value)
    if cell is None:
        return error_reply(message=STALE)
    db, actor = invocation.db(), Actor.of(invocation)
    if not may_verify(db, actor, cell.function.id):
        return error_reply(message=refuse_verify(db, actor, cell.key, cell.function.id, cell.function.label))
    if invocation.source == "console":
        text = CONSOLE_HOWTO.format(activity=cell.activity.id, year=cell.year)
        return Reply(text=text, blocks=[section(text)])
    request = data.get("r") if isinstance(data.get("r"), int) else None
    mode = data.get("m") if isinstance(data.get("m"), str) else None
    history = corrections.history(db, cell.activity.id, cell.year, limit=3)
    modal = build_verify_modal(current_kb(), cell, history=history, mode=mode, request=request)
    return Reply(text="Renseigner le mode", modal=modal)


def _no_referent(invocation: Invocation, cell: Cell) -> Reply:
    text = (
        f"La fonction *{cell.function.label}* ({cell.function.id}) n'a pas encore de référent : personne à qui "
        f"transmettre la demande. Demandez à {who_to_ask(invocation.db())} d'en nommer un "
        f"(`/srom-admin referent add @personne {cell.function.id}`)."
    )
    return Reply(text=text, blocks=[section("ℹ️ " + text)])


def ask_referent(value: str, invocation: Invocation) -> Reply:
    """Demander au référent: the request recorded, a direct message to each référent with a Renseigner button."""
    cell, data = _cell(value)
    if cell is None:
        return error_reply(message=STALE)
    actor = Actor.of(invocation)
    question = data.get("q") if isinstance(data.get("q"), str) else ""
    key = actor.request_key(f"ask {cell.key}")
    try:
        request, new, referents = ask_referents(
            invocation.db(),
            actor,
            cell,
            key,
            channel=invocation.channel_id,
            thread_ts=invocation.thread_ts,
            question=question,
        )
    except StorageBusy:
        return error_reply(message=BUSY)
    if not referents:
        return _no_referent(invocation, cell)
    notices: tuple[Notice, ...] = ()
    if new:
        text, blocks = build_ask_dm(cell, request)
        notices = tuple(Notice(channel=r, text=text, blocks=blocks) for r in referents)
    where = "dans ce fil" if invocation.thread_ts else "en message direct"
    done = (
        f"📨 Demande transmise à {mentions(referents)}, référent(s) {cell.function.label}. "
        f"Je vous préviens {where} dès que le mode de *{cell.label}* ({cell.year}) est renseigné."
    )
    return Reply(text=done, blocks=[section(done)], notices=notices)


def flag(value: str, invocation: Invocation) -> Reply:
    """Signaler une erreur: the flag recorded (audited) and sent to the référents' review."""
    cell, data = _cell(value)
    if cell is None or cell.assessment.mode is None:
        return error_reply(message=STALE)
    actor = Actor.of(invocation)
    question = data.get("q") if isinstance(data.get("q"), str) else ""
    try:
        request, new, referents = flag_error(
            invocation.db(),
            actor,
            cell,
            actor.request_key(f"flag {cell.key}"),
            channel=invocation.channel_id,
            thread_ts=invocation.thread_ts,
            question=question,
        )
    except StorageBusy:
        return error_reply(message=BUSY)
    if not referents:
        reply = _no_referent(invocation, cell)
        return replace(
            reply,
            text="Signalement enregistré. " + reply.text,
            blocks=[section("⚠️ Signalement enregistré. " + reply.text)],
        )
    notices: tuple[Notice, ...] = ()
    if new:
        text, blocks = build_flag_dm(current_kb(), cell, request)
        notices = tuple(Notice(channel=r, text=text, blocks=blocks) for r in referents)
    done = (
        f"⚠️ Signalement transmis à {mentions(referents)} ; ils confirmeront ou corrigeront le mode, "
        "et je vous le dirai."
    )
    return Reply(text=done, blocks=[section(done)], notices=notices)


@dataclass(frozen=True)
class Outcome:
    """A submission's result: the blocks to show (recorded) or the field errors (nothing written), and who to
    tell."""

    blocks: list[dict]
    errors: dict[str, str]
    notices: tuple[Notice, ...] = ()


def submit_correction(submission: Submission, invocation: Invocation, key: str) -> Outcome:
    """Record a validated submission (the right checked, committed before anyone is told)."""
    cell = find_cell(submission.activity, submission.year)
    if cell is None:
        return Outcome([], {BLOCKS["mode"]: STALE})
    db, actor = invocation.db(), Actor.of(invocation)
    try:
        result = attest(db, actor, cell, submission.mode, submission.source, submission.comment, key)
    except StorageBusy:
        return Outcome([], {BLOCKS["source"]: BUSY})
    if isinstance(result, Refused):
        return Outcome([], {BLOCKS["mode"]: result.message[:300]})
    return Outcome(_recorded_blocks(result), {}, askers_notices(result))


def _recorded_blocks(result: Attested) -> list[dict]:
    recorded = result.recorded
    return build_recorded_blocks(
        current_kb(), result.cell, recorded.correction, duplicate=recorded.duplicate, told=len(result.resolved)
    )


def askers_notices(result: Attested) -> tuple[Notice, ...]:
    """Tell each asker (in their thread, else by direct message) that the cell they asked about is settled."""
    kb = current_kb()
    out = []
    for request in result.resolved:
        text, blocks = build_asker_notice(kb, result.cell, result.recorded.correction, request)
        if request.channel and request.thread_ts:
            out.append(Notice(channel=request.channel, text=text, blocks=blocks, thread_ts=request.thread_ts))
        else:
            out.append(Notice(channel=request.requester_id, text=text, blocks=blocks))
    return tuple(out)
