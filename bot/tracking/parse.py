"""Reading what people type: commitment ids, statuses, percentages, comments, function names, mentions.

Every refusal is an InputError with a precise French message and the modal field it belongs to. Nothing here
touches storage: the caller passes the known ids and function labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.conversation.blocks import escape
from storage.progress import COMMENT_MAX
from storage.statuses import (
    LABELS,
    PERCENT_RULE,
    Status,
    accepted_spellings,
    fold,
    parse_status,
    percent_fits,
    split_status,
)
from storage.text import TextRefused, check_text

EXAMPLE = "/srom-engagement RH-1 en cours 40% accord GPEC en négociation"
ID_LIKE = re.compile(r"^([A-Za-z]{2,6})[-‐‑–_ ]?([0-9]{1,4})$")
# Only the digits 0 to 9 make a number: `४०%` or `４０%` are refused, not read as 40.
NUMBER = re.compile(r"([+-]?[0-9]+(?:[.,][0-9]+)?)(%|pct|pourcents?|percent)?", re.IGNORECASE)
PERCENT_LIKE = re.compile(r"^(?:[+-]?[0-9.,eE]*%+|[+-]?[0-9][0-9.,eE]*%+.*)$")
UNITS = {"%", "pct", "pourcent", "pourcents", "percent"}
MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
RAW_USER_ID = re.compile(r"^([UW][A-Z0-9]{6,})$")

FIELD_COMMITMENT, FIELD_STATUS, FIELD_PERCENT, FIELD_COMMENT = "commitment", "status", "percent", "comment"


class InputError(Exception):
    """What the user typed cannot be recorded; `message` says why in French, `field` where (for the modal)."""

    def __init__(self, message: str, field: str = FIELD_COMMITMENT) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class UpdateRequest:
    commitment_id: str
    status: Status
    percent: int | None
    comment: str
    lang: str = "fr"


def show(text: object, limit: int = 40) -> str:
    """User text quoted back safely in mrkdwn: one line, control characters made visible, cut, then escaped
    (`<!channel>` is shown, never rendered as a mention or a link)."""
    flat = "".join(ch if ch.isprintable() else "�" for ch in " ".join(str(text).split()))
    cut = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return escape(cut)


_SLACK_MARKUP = re.compile(r"<([@#!])([^<>|]*)(?:\|([^<>]*))?>")


def slack_plain(text: str) -> str:
    """Slack's escaped command text as typed: <@U1|marie> → @marie, <!here> → @here, &amp; → &."""

    def plain(match: re.Match[str]) -> str:
        sigil, target, label = match.groups()
        if sigil == "!":
            return "@" + (label or target.split("^")[0])
        return ("@" if sigil == "@" else "#") + (label or target)

    text = _SLACK_MARKUP.sub(plain, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def normalize_id(token: str) -> str | None:
    """RH-1, rh-1, RH1, rh_1 → RH-1; None when the token does not look like an id."""
    match = ID_LIKE.match(token.strip())
    return f"{match.group(1).upper()}-{int(match.group(2))}" if match else None


def closest_ids(token: str, known: Sequence[str], limit: int = 3) -> list[str]:
    guess = normalize_id(token) or token.upper()
    found = process.extract(guess, list(known), scorer=fuzz.ratio, limit=limit, score_cutoff=40)
    return [match for match, _, _ in found]


def resolve_id(token: str, known: Sequence[str]) -> str:
    commitment_id = normalize_id(token)
    if commitment_id in known:
        return commitment_id
    suggestions = closest_ids(token, known)
    hint = f" Vouliez-vous dire {', '.join(f'`{s}`' for s in suggestions)} ?" if suggestions else ""
    if commitment_id is None:
        raise InputError(
            f"Je ne reconnais pas de numéro d'engagement dans « {show(token)} ».{hint} "
            f"Exemple : `{EXAMPLE}` ; la liste : `/srom-engagement liste`."
        )
    raise InputError(f"L'engagement `{commitment_id}` n'existe pas.{hint} La liste : `/srom-engagement liste`.")


def check_percent(value: object) -> int:
    """An integer from 0 to 100 (40, "40", "40%", "40 %")."""
    if isinstance(value, bool):
        raise InputError("Le pourcentage doit être un nombre entier entre 0 et 100.", FIELD_PERCENT)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and (match := re.fullmatch(r"\s*([+-]?[0-9]+(?:[.,][0-9]+)?)\s*%?\s*", value)):
        number_text = match.group(1).replace(",", ".")
        if "." in number_text:
            raise InputError(
                f"Le pourcentage doit être un nombre entier (reçu « {show(value)} »), par exemple 40%.", FIELD_PERCENT
            )
        number = int(number_text)
    else:
        raise InputError(f"Le pourcentage doit être un nombre entre 0 et 100 (reçu « {show(value)} »).", FIELD_PERCENT)
    if not 0 <= number <= 100:
        raise InputError(f"Le pourcentage doit être compris entre 0 et 100 (reçu {number}).", FIELD_PERCENT)
    return number


def check_comment(value: object, *, multiline: bool = False) -> str:
    """A non-empty comment of at most COMMENT_MAX characters, under the stored-text policy (storage.text)."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            "Ajoutez un commentaire : ce qui a avancé ou ce qui bloque (par exemple « accord GPEC en négociation »).",
            FIELD_COMMENT,
        )
    text = stored_text(value, "Le commentaire", FIELD_COMMENT, multiline=multiline)
    if not any(unicodedata.category(ch)[0] in "LNSP" for ch in text):
        raise InputError("Le commentaire est vide (seulement des espaces ou des caractères invisibles).", FIELD_COMMENT)
    if len(text) > COMMENT_MAX:
        raise InputError(
            f"Le commentaire est trop long : {len(text)} caractères, {COMMENT_MAX} au plus. Résumez-le.", FIELD_COMMENT
        )
    return text


def stored_text(value: str, what: str, field: str = FIELD_COMMITMENT, *, multiline: bool = False) -> str:
    """`value` under the one policy for stored text (NFC; no control, direction or invisible character)."""
    try:
        return check_text(value, what, multiline=multiline)
    except TextRefused as exc:
        raise InputError(exc.message, field) from None


def check_consistent(status: Status, percent: int | None) -> None:
    """A status and a percent that contradict each other (`atteint 50%`) are refused, with the rule."""
    if not percent_fits(status, percent):
        raise InputError(
            f"« {LABELS[status]} » et {percent} % se contredisent. La règle : {PERCENT_RULE}. "
            "Corrigez le statut ou le pourcentage (ou n'indiquez pas de pourcentage).",
            FIELD_PERCENT,
        )


def check_status(value: object) -> Status:
    status = parse_status(value) if isinstance(value, str) else None
    if status is None:
        raise InputError(f"Statut « {show(value)} » inconnu. Statuts acceptés : {accepted_spellings()}.", FIELD_STATUS)
    return status


def parse_update(text: str, known: Sequence[str]) -> UpdateRequest:
    """`<ID> <statut> [<pourcentage>%] [commentaire…]` into an UpdateRequest, or an InputError."""
    text = stored_text(text, "Le texte", multiline=True)
    words = text.split()
    if not words:
        raise InputError(f"Écrivez l'engagement, son statut et un commentaire. Exemple : `{EXAMPLE}`.")
    commitment_id = resolve_id(words[0], known)
    status, rest = split_status(words[1:])
    lang = "en" if fold(" ".join(words[1 : len(words) - len(rest)])) in _ENGLISH else "fr"
    if status is None:
        typed = " ".join(words[1:3]) or "(rien)"
        raise InputError(
            f"Statut manquant ou inconnu après `{commitment_id}` : « {show(typed)} ». "
            f"Statuts acceptés : {accepted_spellings()}. Exemple : `{EXAMPLE}`.",
            FIELD_STATUS,
        )
    percent, rest = take_percent(rest)
    check_consistent(status, percent)
    comment = check_comment(" ".join(rest))
    return UpdateRequest(commitment_id, status, percent, comment, lang)


def take_percent(words: list[str]) -> tuple[int | None, list[str]]:
    """The percent the words start with (`70%`, `70 %`, `70 pourcent`, `70 pour cent`, `70 pct`) and the words
    after it. A leading number without a unit is ambiguous (a percent? the comment's start?): asked, not guessed."""
    if not words:
        return None, words
    first = words[0]
    if any(ch.isdigit() and not ch.isascii() for ch in first) and re.fullmatch(r"[+-]?[\d.,]+%?", first):
        raise InputError(
            f"« {show(first)} » n'est pas un pourcentage lisible : écrivez-le avec les chiffres 0 à 9, "
            "par exemple 40%.",
            FIELD_PERCENT,
        )
    match = NUMBER.fullmatch(first)
    if match is None:
        if PERCENT_LIKE.match(first):
            raise InputError(
                f"Pourcentage illisible : « {show(first)} ». Écrivez un entier de 0 à 100 suivi de %, par exemple 40%.",
                FIELD_PERCENT,
            )
        return None, words
    number, unit = match.groups()
    used = 1
    following = [fold(w) for w in words[1:3]]
    if unit is None and following[:1] and following[0] in UNITS:
        unit, used = following[0], 2
    elif unit is None and following == ["pour", "cent"]:
        unit, used = "pour cent", 3
    if unit is None:
        raise InputError(
            f"« {show(first)} » : est-ce l'avancement ? Écrivez-le avec son unité, `{show(first)}%` "
            f"(ou `{show(first)} %`, `{show(first)} pourcent`). Si c'est le début du commentaire, "
            "commencez-le par un mot (par exemple « réunions : 3 »).",
            FIELD_PERCENT,
        )
    return check_percent(number + "%"), words[used:]


_ENGLISH = {"not started", "in progress", "ongoing", "done", "achieved", "completed", "late", "delayed", "dropped"}


def resolve_function(text: str, labels: Mapping[str, str]) -> str:
    """A function code (FIN, RH…) from its code or its name; InputError naming the codes otherwise."""
    wanted = fold(text)
    for code, label in labels.items():
        if wanted in (fold(code), fold(label)):
            return code
    names = {code: fold(label) for code, label in labels.items()}
    found = process.extractOne(wanted, names, scorer=fuzz.WRatio, score_cutoff=80) if wanted else None
    if found:
        return found[2]
    codes = ", ".join(f"{code} ({label})" for code, label in labels.items())
    raise InputError(f"Fonction « {show(text)} » inconnue. Fonctions : {codes}.")


def parse_user(token: str) -> str:
    """A Slack user from a mention (<@U123|name>, as Slack escapes it) or a raw id."""
    match = MENTION.match(token) or RAW_USER_ID.match(token)
    if not match:
        raise InputError(f"« {show(token)} » n'est pas une mention d'utilisateur : écrivez @prénom.nom.")
    return match.group(1)
