"""`/srom-verif`: attest a cell's mode by command (the console's way to do what the modal does), a cell's
history, the coverage of the mode matrix, the open requests and flags of your functions, help."""

from __future__ import annotations

from bot.conversation.blocks import button, context, escape, section, shorten
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.engine.default import current_kb
from bot.tracking.access import Actor
from bot.verification.actions import BUSY, Outcome, submit_correction
from bot.verification.blocks import ACTION_VERIFY_OPEN, build_history_blocks, cell_value
from bot.verification.service import (
    COMMENT_MAX,
    FIELD_COMMENT,
    FIELD_SOURCE,
    SOURCE_MAX,
    VerificationError,
    check_mode,
    clean_text,
    find_cell,
)
from bot.verification.views import Submission
from srom_data.coverage import mode_coverage
from storage import corrections, roles
from storage.tx import StorageBusy

EXAMPLE = "/srom-verif rh.paie 2017 I diagramme original, p. 14"
HISTORY = {"historique", "history", "histo"}
COVERAGE = {"couverture", "coverage", "taux"}
QUEUE = {"demandes", "file", "queue", "signalements"}
MAX_QUEUE = 30


def usage() -> str:
    kb = current_kb()
    modes = "\n".join(
        f"• *{m.code}* {escape(m.label)} — _{escape(shorten(m.definition.quote, 160))}_" for m in kb.modes
    )
    return (
        "*Vérifier les modes de gestion* (référents de la fonction, administrateurs)\n"
        f"• `{EXAMPLE}` : attester un mode (source obligatoire ; un commentaire après ` | `)\n"
        "• `/srom-verif historique &lt;activité&gt; &lt;année&gt;` : les corrections d'une cellule\n"
        "• `/srom-verif couverture` : cellules établies et à renseigner, par fonction\n"
        "• `/srom-verif demandes` : les demandes et signalements ouverts de vos fonctions\n"
        "L'identifiant d'activité figure dans le classeur (`srom data export --format xlsx`) et sous les réponses.\n"
        f"*Les cinq modes*\n{modes}"
    )


def run_verif(text: str, invocation: Invocation) -> Reply:
    words = text.split()
    head = words[0].lower() if words else ""
    try:
        if head in ("", "aide", "help", "?"):
            return Reply(text="Vérifier les modes de gestion", blocks=[section(usage()[:2900])])
        if head in COVERAGE:
            return coverage_reply(invocation)
        if head in QUEUE:
            return queue_reply(invocation)
        if head in HISTORY:
            cell = _cell(words[1:3])
            items = corrections.history(invocation.db(), cell.activity.id, cell.year)
            return Reply(text="Historique", blocks=build_history_blocks(current_kb(), cell, items))
        return _attest(text, invocation)
    except VerificationError as exc:
        return error_reply(message=exc.message)
    except StorageBusy:
        return error_reply(message=BUSY)


def _cell(words: list[str]):
    if len(words) < 2 or not (words[1].isascii() and words[1].isdigit()):
        raise VerificationError(f"Écrivez l'activité puis l'année, par exemple : `{EXAMPLE}`.")
    cell = find_cell(words[0], int(words[1]))
    if cell is None:
        raise VerificationError(
            f"« {escape(shorten(words[0], 60))} » n'est pas une activité de la carte {int(words[1])}. "
            "Les identifiants sont dans le classeur (`srom data export --format xlsx`)."
        )
    return cell


def _attest(text: str, invocation: Invocation) -> Reply:
    words = text.split()
    if len(words) < 4:
        raise VerificationError(f"Il manque des éléments. Écrivez : `{EXAMPLE}`.")
    cell = _cell(words[:2])
    mode = check_mode(words[2])
    rest = text.split(None, 3)[3]
    source_text, _, comment_text = rest.partition(" | ")
    source = clean_text(source_text, FIELD_SOURCE, required=True, limit=SOURCE_MAX) or ""
    comment = clean_text(comment_text, FIELD_COMMENT, required=False, limit=COMMENT_MAX)
    actor = Actor.of(invocation)
    submission = Submission(cell.activity.id, cell.year, mode, source, comment)
    outcome: Outcome = submit_correction(submission, invocation, actor.request_key(text))
    if outcome.errors:
        return error_reply(message=next(iter(outcome.errors.values())))
    return Reply(text="Mode enregistré", blocks=outcome.blocks, notices=outcome.notices)


def coverage_reply(invocation: Invocation) -> Reply:
    flagged = corrections.flagged_cells(invocation.db()) if invocation.databases else set()
    lines = [coverage_line(row) for row in mode_coverage(current_kb(), flagged)]
    return Reply(
        text="Cartographie des modes : taux de renseignement",
        blocks=[section("*Cartographie des modes : taux de renseignement*\n" + "\n".join(lines))],
    )


def coverage_line(row) -> str:
    missing = row.total["unspecified"]
    flagged = row.total["flagged"]
    line = f"• *{escape(row.label)}* ({row.id}) : {row.established} cellules établies sur {row.cells}"
    line += f" ; {missing} à renseigner"
    return line + (f" ; {flagged} signalée(s)" if flagged else "")


def queue_reply(invocation: Invocation) -> Reply:
    db, actor = invocation.db(), Actor.of(invocation)
    admin = actor.acts_as_admin or roles.is_admin(db, actor.user_id)
    functions = None if admin else roles.referent_functions(db, actor.user_id)
    items = corrections.open_requests(db, functions=functions)
    blocks = request_blocks(items)
    if not blocks:
        blocks = [section("Aucune demande ni signalement ouvert pour vos fonctions.")]
    return Reply(text="Demandes et signalements ouverts", blocks=blocks)


def request_blocks(items: list[corrections.Request]) -> list[dict]:
    """Each open request or flag with its Renseigner / Réviser button (the review queue)."""
    blocks: list[dict] = []
    kb = current_kb()
    for request in items[:MAX_QUEUE]:
        cell = find_cell(request.activity, request.year, kb)
        if cell is None:
            continue
        what = "❓ demande" if request.kind == "ask" else f"⚠️ signalement (mode {request.mode})"
        block = section(
            f"{what} de <@{request.requester_id}> — *{escape(cell.label)}* ({cell.function.id}, {cell.year})"
        )
        label = "Renseigner" if request.kind == "ask" else "Réviser"
        block["accessory"] = button(label, f"{ACTION_VERIFY_OPEN}:{request.id}", cell_value(cell, request=request.id))
        blocks.append(block)
    if len(items) > MAX_QUEUE:
        blocks.append(context(f"Et {len(items) - MAX_QUEUE} autres."))
    return blocks
