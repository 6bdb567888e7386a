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

from storage.progress import COMMENT_MAX
from storage.statuses import Status, accepted_spellings, fold, parse_status, split_status

EXAMPLE = "/srom-engagement RH-1 en cours 40% accord GPEC en négociation"
ID_LIKE = re.compile(r"^([A-Za-z]{2,6})[-‐‑–_ ]?(\d{1,4})$")
PERCENT = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*%$")
PERCENT_LIKE = re.compile(r"^(?:[+-]?[\d.,eE]*%+|[+-]?\d[\d.,eE]*%+.*)$")
MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
RAW_USER_ID = re.compile(r"^([UW][A-Z0-9]{6,})$")
# Bidirectional overrides can make a stored comment read differently from what was typed.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

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


def show(text: str, limit: int = 40) -> str:
    """User text quoted back safely: one line, control characters made visible, cut."""
    flat = "".join(ch if ch.isprintable() else "�" for ch in " ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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
    elif isinstance(value, str) and (match := re.fullmatch(r"\s*([+-]?\d+(?:[.,]\d+)?)\s*%?\s*", value)):
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


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs", "Co") or ch in _BIDI or (ch.isspace() and ch not in " \t\n")


def check_comment(value: object, *, multiline: bool = False) -> str:
    """A non-empty comment of at most COMMENT_MAX characters, without control or direction-override characters."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            "Ajoutez un commentaire : ce qui a avancé ou ce qui bloque (par exemple « accord GPEC en négociation »).",
            FIELD_COMMENT,
        )
    text = unicodedata.normalize("NFC", value.strip())
    allowed = "\n\t" if multiline else ""
    bad = [ch for ch in text if (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in allowed) or ch in _BIDI]
    if bad:
        raise InputError(
            f"Le commentaire contient un caractère invisible ou de contrôle (U+{ord(bad[0]):04X}) : retapez-le.",
            FIELD_COMMENT,
        )
    if not any(unicodedata.category(ch)[0] in "LNSP" for ch in text):
        raise InputError("Le commentaire est vide (seulement des espaces ou des caractères invisibles).", FIELD_COMMENT)
    if len(text) > COMMENT_MAX:
        raise InputError(
            f"Le commentaire est trop long : {len(text)} caractères, {COMMENT_MAX} au plus. Résumez-le.", FIELD_COMMENT
        )
    return text


def check_status(value: object) -> Status:
    status = parse_status(value) if isinstance(value, str) else None
    if status is None:
        raise InputError(f"Statut « {show(value)} » inconnu. Statuts acceptés : {accepted_spellings()}.", FIELD_STATUS)
    return status


def parse_update(text: str, known: Sequence[str]) -> UpdateRequest:
    """`<ID> <statut> [<pourcentage>%] [commentaire…]` into an UpdateRequest, or an InputError."""
    if bad := next((ch for ch in text if _invisible(ch) and ch not in " \t"), None):
        raise InputError(f"Le texte contient un caractère invisible ou de contrôle (U+{ord(bad):04X}) : retapez-le.")
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
    percent = None
    if rest and (PERCENT.match(rest[0]) or (len(rest) > 1 and rest[1] == "%" and PERCENT.match(rest[0] + "%"))):
        token = rest[0] if rest[0].endswith("%") else rest[0] + "%"
        rest = rest[1:] if rest[0].endswith("%") else rest[2:]
        percent = check_percent(token)
    elif rest and PERCENT_LIKE.match(rest[0]):
        raise InputError(
            f"Pourcentage illisible : « {show(rest[0])} ». Écrivez un entier de 0 à 100 suivi de %, par exemple 40%.",
            FIELD_PERCENT,
        )
    elif rest and re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", rest[0]) and not rest[1:]:
        raise InputError(
            f"Mettez le signe % après le pourcentage (« {show(rest[0])}% ») et un commentaire.", FIELD_PERCENT
        )
    comment = check_comment(" ".join(rest))
    return UpdateRequest(commitment_id, status, percent, comment, lang)


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
