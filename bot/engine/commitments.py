"""Questions about the commitments: which ones (ids, names, title words, function, year) and in what state
(status and staleness, from the tracked progress the status provider reports; the engine never reads storage)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine import topics
from bot.engine.answer import Answer
from bot.engine.lookup import KnowledgeView
from bot.engine.normalize import Query, quoted
from bot.engine.replies import t
from srom_data.models import Commitment
from srom_data.text import fold, key

StatusProvider = Callable[[str], str | None]

# The tracked statuses as the provider's line starts with them ("en retard, 40 % au 28 novembre 2026"), and the
# words a question asks for each with.
STATUS_WORDS: dict[str, re.Pattern[str]] = {
    "non démarré": re.compile(r"\b(?:non demarres?|pas (?:encore )?demarres?|not started|pas commences?)\b"),
    "en cours": re.compile(r"\b(?:en cours|in progress|ongoing|underway)\b"),
    "atteint": re.compile(r"\b(?:atteints?|realises?|termines?|achieved|done|completed|finis?)\b"),
    "en retard": re.compile(r"\b(?:en retard|retard\w*|late|delayed|behind|overdue)\b"),
    "abandonné": re.compile(r"\b(?:abandonnes?|dropped|abandoned|cancell?ed)\b"),
}
STATUS_EN = {
    "non démarré": "not started",
    "en cours": "in progress",
    "atteint": "achieved",
    "en retard": "late",
    "abandonné": "dropped",
}
STALE_WORDS = re.compile(
    r"\b(?:pas (?:a jour|mis a jour|mises? a jour)|sans (?:mise a jour|nouvelles?|suivi)|jamais (?:mis a jour|suivis?)|"
    r"pas de (?:mise a jour|nouvelles?|suivi)|not updated|no update|never updated|stale|dormant|oublies?|"
    r"forgotten|depuis longtemps)\b"
)
STALE_AFTER = dt.timedelta(days=90)
# Words of tracking itself, never of a commitment's title ("je suis référent", "log progress").
TRACKING_WORDS = re.compile(
    r"^(?:referent\w*|avancement|progress|log|mettre|jour|update\w*|suivi|track\w*|statut|status|point)$"
)
MONTHS = "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()
_DATE = re.compile(r"\bau (1er|\d{1,2}) (\w+) (\d{4})\b")


@dataclass(frozen=True)
class Wanted:
    """What a commitment question filters on; empty fields filter nothing."""

    statuses: tuple[str, ...] = ()
    stale: bool = False

    @property
    def any(self) -> bool:
        return bool(self.statuses or self.stale)


def status_label(status: str, lang: str) -> str:
    return STATUS_EN[status] if lang == "en" else status


def wanted(q: Query) -> Wanted:
    statuses = tuple(label for label, pattern in STATUS_WORDS.items() if pattern.search(q.flat))
    return Wanted(statuses, bool(STALE_WORDS.search(q.flat)))


def by_title_words(content: list[str], items: list[Commitment], stem: Callable[[str], str]) -> list[Commitment]:
    """The commitments whose title or names share the most of the question's words ("le guide des achats
    régionaux", "the GPEC commitment"); none when no word is shared or several tie at one word."""
    words = {stem(w) for w in content if len(w) >= 3 and not TRACKING_WORDS.match(w)}
    if not words:
        return []
    owns = [(c, _title_stems(c, stem)) for c in items]
    scored = [(len(words & own), c) for c, own in owns]
    best = max((n for n, _ in scored), default=0)
    found = [c for n, c in scored if n == best and n]
    return found if found and (best >= 2 or len(found) == 1) else []


_TITLE_STEMS: dict[tuple[str, str], frozenset[str]] = {}
_TITLE_KEYS: dict[tuple[str, str], str] = {}


def _title_key(c: Commitment) -> str:
    """A commitment's title and other names, folded, between spaces: read by its title's words and by a quote."""
    memo = (c.id, c.title)
    if memo not in _TITLE_KEYS:
        _TITLE_KEYS[memo] = f" {key(' '.join((c.title, *c.aliases)))} "
    return _TITLE_KEYS[memo]


def _title_stems(c: Commitment, stem: Callable[[str], str]) -> frozenset[str]:
    memo = (c.id, c.title)
    if memo not in _TITLE_STEMS:
        _TITLE_STEMS[memo] = frozenset(stem(w) for w in _title_key(c).split() if len(w) >= 3)
    return _TITLE_STEMS[memo]


def state(line: str | None) -> tuple[str | None, dt.date | None]:
    """The status and the date of a provider's line (None, None for a commitment never updated)."""
    if not line:
        return None, None
    text = fold(line)
    status = next((label for label in STATUS_WORDS if text.startswith(fold(label))), None)
    m = _DATE.search(text)
    when = None
    if m and m.group(2) in MONTHS:
        day = 1 if m.group(1) == "1er" else int(m.group(1))
        try:
            when = dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, day)
        except ValueError:
            when = None
    return status, when


def keep(line: str | None, want: Wanted, today: dt.date) -> bool:
    status, when = state(line)
    if want.statuses and status not in want.statuses:
        return False
    return not want.stale or when is None or today - when > STALE_AFTER


def tracked_answer(
    view: KnowledgeView,
    status: StatusProvider | None,
    lang: str,
    items: list[Commitment],
    function: str | None,
    want: Wanted,
) -> Answer:
    """Commitments filtered by their tracked progress ("lesquels sont en retard ?", "pas mis à jour")."""
    parts = [status_label(s, lang) for s in want.statuses]
    if want.stale:
        parts.append(t(lang, "sans mise à jour récente", "not updated lately"))
    which = t(lang, " ou ", " or ").join(parts)
    if status is None:
        text = t(
            lang,
            "Le suivi des engagements n'est pas disponible ici : je ne peux pas dire lesquels sont "
            f"{which}. Voici les engagements concernés ; leur avancement se consulte avec "
            "`/srom-engagement liste`.",
            f"Commitment tracking is not available here, so I cannot tell which are {which}. Here are the "
            "commitments concerned; see their progress with `/srom-engagement liste`.",
        )
        answer = topics.commitments(view, lang, items, function, None)
        return answer.model_copy(update={"text": text + "\n" + answer.text})
    today = dt.date.today()
    kept = [c for c in items if keep(status(c.id), want, today)]
    empty = t(
        lang,
        f"Aucun engagement {which} d'après le suivi ({len(items)} engagements regardés). "
        "`/srom-engagement liste` montre l'avancement de chacun.",
        f"No commitment is {which} according to the tracking ({len(items)} looked at). "
        "`/srom-engagement liste` shows each one's progress.",
    )
    return topics.commitments(view, lang, kept, function, status, which=which, empty=empty)


def by_quoted_title(text: str, items: list[Commitment]) -> list[Commitment]:
    """The commitment whose title holds the words the question quotes: « faire savoir », "GPEC"."""
    for span in quoted(text):
        said = key(span)
        found = [c for c in items if f" {said} " in _title_key(c)]
        if len(found) == 1:
            return found
    return []


def how_to_record(lang: str, commitment_id: str) -> str:
    """A progress told in a question is not recorded: the command that records it."""
    example = f"`/srom-engagement {commitment_id} en cours 50% [ce qui a été fait]`"
    return t(
        lang,
        f"_Une question n'enregistre rien. Pour enregistrer cet avancement : {example} "
        "(ou `/srom-engagement` pour le formulaire)._",
        f"_Nothing is recorded from a question. To record this progress: {example} "
        "(or `/srom-engagement` for the form)._",
    )


def how_to_report(lang: str) -> str:
    """The annual report, its progress chart and its document are made by a command, not by a question."""
    return t(
        lang,
        "_Le rapport annuel au Bureau (synthèse, graphique d'avancement par fonction, document Word) : "
        "`/srom-rapport [année] [fonction]` (directeurs et administrateurs)._",
        "_The annual report to the Bureau (summary, progress chart by function, Word document): "
        "`/srom-rapport [year] [function]` (directors and administrators)._",
    )
