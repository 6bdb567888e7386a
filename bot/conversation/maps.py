"""Map pictures in the conversation: `/srom-carto <fonction> [année|comparaison]` and answers that ask for a map.

The drawing (reports.carto) happens here, after Slack's ack: a command's function and `answer_reply` both run
after it. A picture travels as an Attachment of the Reply: Slack uploads it (files upload v2) with the Reply's
text as its one-line caption, the console writes it to a file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from bot.conversation.blocks import escape, shorten
from bot.conversation.reply import Attachment, Invocation, Reply, error_reply
from bot.engine.answer import Answer, MapRequest
from srom_data.loader import load_default

logger = logging.getLogger(__name__)

COMPARE_WORDS = {"comparaison", "comparer", "compare", "comparee", "evolution", "toutes", "all", "tout"}
HELP_WORDS = {"", "aide", "help", "?"}
FILLERS = {"carte", "cartographie", "map", "de", "la", "le", "les", "des", "du", "fonction", "pour", "en", "the", "of"}
YEAR = re.compile(r"^(?:19|20)\d\d$")
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")  # the console's user is not a Slack user: no mention


class CartoUsageError(ValueError):
    """The arguments of /srom-carto are not understood; the message says how to write them (French)."""


def usage() -> str:
    kb = load_default()
    functions = ", ".join(f"`{f.id}` ({f.label})" for f in kb.functions)
    years = ", ".join(str(y) for y in kb.meta.years)
    return (
        "*Carte d'une fonction* : `/srom-carto &lt;fonction&gt; [année|comparaison]`\n"
        f"• fonction : {functions}, ou son nom (« ressources humaines », « finances »)\n"
        f"• année : {years} (par défaut la dernière) ; `comparaison` : les années côte à côte\n"
        "Exemples : `/srom-carto RH 2017` · `/srom-carto finances comparaison`"
    )


def parse_carto(text: str) -> MapRequest:
    """`RH 2017`, `ressources humaines`, `SI comparaison` -> a MapRequest; CartoUsageError when not understood."""
    from reports.carto import find_function
    from srom_data.text import fold

    words = text.split()
    years = [int(w) for w in words if YEAR.match(w)]
    compare = any(fold(w) in COMPARE_WORDS for w in words)
    name = " ".join(w for w in words if not YEAR.match(w) and fold(w) not in COMPARE_WORDS)
    if not name:
        raise CartoUsageError("Quelle fonction ? " + usage())
    kb = load_default()
    # "carte de la fonction RH 2017": the words around the name are dropped when the whole is not a name
    fn = find_function(kb, name) or find_function(kb, " ".join(w for w in name.split() if fold(w) not in FILLERS))
    if fn is None:
        raise CartoUsageError(f"Fonction inconnue : « {escape(shorten(name, 60))} ».\n" + usage())
    if len(years) > 1 or (years and compare):
        raise CartoUsageError("Une année, ou `comparaison`, pas les deux.\n" + usage())
    return MapRequest(function=fn.id, year=years[0] if years else None, compare=compare)


def draw_attachment(request: MapRequest) -> tuple[Attachment, str]:
    """The picture of a MapRequest and its title. Raises reports.carto.MapError for a map that does not exist."""
    from bot.engine.default import current_kb  # the data folder with the staff corrections of the store
    from reports.carto import draw_map

    picture = draw_map(current_kb(), request.function, request.year, compare=request.compare)
    return Attachment(filename=picture.filename, title=picture.title, content=picture.data), picture.title


def caption(title: str, asked_by: str | None = None) -> str:
    who = f" — demandée par <@{asked_by}>" if asked_by else ""
    return f"🗺️ *{title}*{who} (hachuré : mode non précisé par le texte ; * déduit ; ✓ attesté)"


def run_carto(text: str, invocation: Invocation) -> Reply:
    """`/srom-carto <fonction> [année|comparaison]`: the map, uploaded to the channel; a French message when the
    arguments or the drawing fail."""
    from reports.carto import MapError

    if " ".join(text.split()).lower() in HELP_WORDS:
        return Reply(text=usage(), blocks=[_section(usage())])
    try:
        request = parse_carto(text)
        attachment, title = draw_attachment(request)
    except (CartoUsageError, MapError) as exc:
        return error_reply(message=str(exc))
    except Exception:
        logger.exception("drawing the map for %r failed", text)
        return error_reply(message="Je n'ai pas pu dessiner cette carte (erreur de mon côté). Réessayez plus tard.")
    user = invocation.user_id if SLACK_USER.match(invocation.user_id or "") else None
    return Reply(text=caption(title, user), files=(attachment,))


def map_hint(answer: Answer) -> Answer:
    """An answer asking for a map where Slack cannot show a file (an ephemeral answer, the question window, a
    shared answer): it says how to get the picture."""
    request = answer.map
    if request is None:
        return answer
    args = f"{request.function} {'comparaison' if request.compare else request.year or ''}".strip()
    return answer.model_copy(update={"text": answer.text + f"\nPour voir l'image : `/srom-carto {args}`"})


def attach_map(reply: Reply, request: MapRequest) -> Reply:
    """The answer with its picture attached; a drawing failure is said in the answer, not swallowed."""
    try:
        attachment, _ = draw_attachment(request)
    except Exception:
        logger.exception("drawing the map %s failed", request)
        return replace(reply, text="⚠️ Je n'ai pas pu dessiner la carte demandée (erreur de mon côté). " + reply.text)
    return replace(reply, files=(attachment,))


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
