"""Follow-ups: a short message read against the previous answer of the same conversation.

"mode pour la paie en 2017 ?" then "et en 2021 ?", "et le recrutement ?", "pourquoi ?", "et avant ?",
"compare avec 2013": the new message carries what it restates (an activity, a function, a year, a mode) and
takes the rest from the previous answer's `Context`. A message complete on its own is answered on its own.

The resolver is pure: it looks at the message's own words (a leading "et"/"and", "pourquoi", "avant",
"compare"…) and at what the engine understood of the message alone, then writes the merged question in
words the engine already understands (`=<id>|…` names an entity exactly, as the clarification buttons do).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from bot.engine.answer import Answer, Intent, Lang

# Messages of at most this many words that name nothing may be follow-ups even without "et" ("en 2021 ?").
SHORT_WORDS = 4
# Messages of at most this many words that name nothing may refer to the previous subject ("il est composé de
# qui ?", "son mode en 2021 ?").
PRONOUN_WORDS = 8
# Answers that say nothing to carry: the context stays what it was.
NOTHING_TO_CARRY = frozenset({"help", "unknown", "fallback_search"})

_CONNECTIVE = re.compile(
    r"^(?:et|and|or|ou|what about|how about|quid d\w*|pareil pour|idem pour|meme chose pour|meme question pour"
    r"|same for|same question for)\b"
)
_WHY = re.compile(
    r"^(?:et )?(?:pourquoi|why|(?:la |les |ta |tes |quelle |quelles |your |the )?sources?|d ou ca vient"
    r"|d ou tu tiens ca|comment tu le sais|how do you know|ou est ce ecrit|where does it say|preuve|proof"
    r"|citation|quote)\b"
)
_REASON = re.compile(r"^(?:et )?(?:pourquoi|why)\b")
_BOTH = re.compile(r"\b(?:les deux|des deux|both|the two|l un et l autre)\b")
_BEFORE = re.compile(r"\b(?:avant|before|auparavant|precedemment|previously|earlier|d avant)\b")
_AFTER = re.compile(r"\b(?:apres|after|ensuite|later|d apres|suivante?)\b")
_COMPARE = re.compile(r"\b(?:compar\w*|versus|vs|par rapport)\b")
# Words that point back at the previous subject.
_PRONOUN = re.compile(
    r"\b(?:il|elle|ils|elles|lui|leur|leurs|son|sa|ses|celui|celle|ceux|celles|lequel|laquelle|lesquels|lesquelles"
    r"|it|its|they|them|their|those|these)\b"
    r"|\b(?:qui|que|on|je|tu|nous|vous|ne|n)\s+les\b"  # "qui les suit ?", not "qui signe les marchés ?"
)
# Words that ask something about a subject without naming it ("évolution ?", "quel statut ?"): a bare "merci"
# or a stray word does not.
_ASKS = re.compile(
    r"\b(?:modes?|evolu\w*|change\w*|chang\w*|statut|status|annees?|years?|quand|when|depuis|since|over time"
    r"|trend|historique|history)\b"
)
# "fait-il", "a-t-elle": an inverted subject asks a question, it does not point back.
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_PUNCT = re.compile(r"[^\w\s]+")


class Context(BaseModel):
    """What a conversation's previous answer was about: enough to read "et en 2021 ?" after it."""

    model_config = ConfigDict(frozen=True)

    question: str
    intent: Intent
    lang: Lang = "fr"
    function: str | None = None
    function_label: str | None = None
    process: str | None = None
    process_label: str | None = None
    instance: str | None = None
    year: int | None = None
    mode: str | None = None
    mode_label: str | None = None
    other_mode_label: str | None = None  # the mode the turn before was about ("la diff entre les deux ?")
    map: bool = False
    compare: bool = False
    seen: tuple[int, ...] = ()  # the years already answered about this subject ("et avant ?" goes before them all)

    @classmethod
    def from_answer(cls, answer: Answer, question: str, previous: Context | None = None) -> Context | None:
        """The context an answer leaves; None when it has nothing to carry (help, unknown, a question back).
        With the `previous` context, a mode defined after another keeps that other one ("et les deux ?")."""
        if answer.intent in NOTHING_TO_CARRY:
            return None
        other = None
        if (
            previous is not None
            and answer.intent == "mode_definition"
            and answer.mode is not None
            and previous.mode_label
            and previous.mode_label != answer.mode.label
        ):
            other = previous.mode_label
        subject = (answer.process.id if answer.process else None, answer.function.id if answer.function else None)
        same = previous is not None and (previous.process, previous.function) == subject
        seen = tuple(sorted({*(previous.seen if same and previous else ()), *((answer.year,) if answer.year else ())}))
        # A mode lookup's mode is its answer, not part of the question: only listings carry a mode on.
        carries_mode = answer.intent in ("mode_list", "mode_definition") and answer.mode is not None
        return cls(
            question=answer.question or question,
            intent=answer.intent,
            lang=answer.lang,
            function=answer.function.id if answer.function else None,
            function_label=answer.function.label if answer.function else None,
            process=answer.process.id if answer.process else None,
            process_label=answer.process.label if answer.process else None,
            instance=answer.instances[0].label if len(answer.instances) == 1 else None,
            year=answer.year,
            mode=answer.mode.code if carries_mode and answer.mode else None,
            mode_label=answer.mode.label if carries_mode and answer.mode else None,
            other_mode_label=other,
            map=answer.map is not None,
            compare=bool(answer.map and answer.map.compare),
            seen=seen,
        )


Ask = Callable[[str], Answer]


def answer_in_context(
    ask: Ask, message: str, context: Context | None, years: Sequence[int] = (), read: Ask | None = None
) -> Answer:
    """The answer to `message` in a conversation whose previous answer left `context`.

    `ask` answers one question on its own; `read` tells what a message names alone (by default, `ask`); `years` are
    the SROM's years ("et avant ?" steps through them).
    The answer of a follow-up records the question it was read as (`Answer.question`).
    """
    if context is None or message.lstrip().startswith("="):
        return ask(message)
    flat = _flat(message)
    words = flat.count(" ") + 1
    if words > PRONOUN_WORDS and not (_CONNECTIVE.match(flat) or _WHY.match(flat)):
        return ask(message)  # a sentence of its own: never bent by the context
    cue = _cue(flat)
    if cue is None and words > SHORT_WORDS and not _PRONOUN.search(flat):
        return ask(message)
    alone = (read or ask)(message)
    stated = [int(y) for y in _YEAR.findall(flat)]
    question = _merge(cue, message, flat, alone, stated, context, tuple(years))
    if question is None:
        return alone if read is None else ask(message)
    answer = ask(question)
    if answer.intent in ("unknown", "help") and alone.intent not in ("unknown", "help"):
        return alone
    return answer.model_copy(update={"question": question})


def _flat(text: str) -> str:
    """Lower case, no accents, no punctuation, no inverted subjects: cheaper than the engine's fold (microseconds
    matter: every message of a conversation passes here)."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return " ".join(_PUNCT.sub(" ", _INVERTED.sub(" ", folded)).replace("_", " ").split())


def _cue(flat: str) -> str | None:
    if _WHY.match(flat):
        return "why"
    if _BOTH.search(flat):
        return "both"
    if _COMPARE.search(flat):
        return "compare"
    if _BEFORE.search(flat):
        return "before"
    if _AFTER.search(flat):
        return "after"
    if _CONNECTIVE.match(flat):
        return "and"
    return None


def _names(alone: Answer) -> bool:
    """Whether the message alone named something of the SROM (an activity, a function, a mode, candidates)."""
    if alone.intent in ("unknown", "help", "fallback_search"):
        return False
    return bool(alone.process or alone.function or alone.mode or alone.candidates or alone.intent == "governance")


def _merge(
    cue: str | None,
    message: str,
    flat: str,
    alone: Answer,
    stated: list[int],
    ctx: Context,
    years: tuple[int, ...],
) -> str | None:
    """The question to ask instead of `message`, or None to answer the message as it is."""
    lang: Lang = alone.lang
    if cue == "both" and ctx.mode_label and ctx.other_mode_label:  # "la diff entre les deux ?"
        if lang == "en":
            return f"difference between {ctx.other_mode_label} and {ctx.mode_label}"
        return f"différence entre {ctx.other_mode_label} et {ctx.mode_label}"
    if cue == "why":
        if _names(alone):
            return None
        if ctx.process and _REASON.match(flat):  # "pourquoi ?": the narrative's reasons for that subject's modes
            year = f" en {ctx.year}" if ctx.year and ctx.intent == "mode_lookup" else ""
            return f"={ctx.process}|" + ("why" if lang == "en" else "pourquoi") + year
        return ctx.question  # "la source ?": the cited answer again
    if cue in ("before", "after") and not stated and not alone.process:
        # "paie 2017", "et en 2021 ?", "et avant ?": before every year already seen (2013), not before the last one
        seen = ctx.seen or ((ctx.year,) if ctx.year else ())
        start = (min(seen) if cue == "before" else max(seen)) if seen else None
        year = _step(start, years, -1 if cue == "before" else 1)
        if year is None:
            return _template(ctx, lang, year=None, compare=True)
        return _template(ctx, lang, year=year)
    if cue == "compare" and not alone.process:
        if ctx.process or ctx.map:
            return _template(ctx, lang, year=None, compare=True)
        return _template(ctx, lang, year=stated[0]) if stated else None
    if ctx.intent == "clarification":  # the answer to a question back ("ceux des RH", "finance")
        return f"{ctx.question} {message}" if cue is not None or len(flat.split()) <= SHORT_WORDS else None
    if _names(alone):
        if cue is None:
            return None  # a short question naming its own subject ("le recrutement ?") stands alone
    elif _PRONOUN.search(flat) and alone.intent != "help":
        return _about_subject(message, ctx)  # "son mode en 2021 ?", "il est composé de qui ?"
    if cue is None and not stated:
        return _about_subject(message, ctx) if _ASKS.search(flat) and alone.intent != "help" else None
    return _carry(message, flat, alone, stated, ctx, lang)


def _about_subject(message: str, ctx: Context) -> str | None:
    """ "il est composé de qui ?", "son mode en 2021 ?", "évolution ?": the message, about the previous subject."""
    if ctx.process:
        return f"={ctx.process}|{message}"
    if ctx.instance:
        return f"{message} {ctx.instance}"
    if ctx.intent == "commitments":
        return f"engagements {ctx.function or ''} {message}".replace("  ", " ")
    if ctx.function:
        return f"{message} {ctx.function}"
    return None


def _carry(message: str, flat: str, alone: Answer, stated: list[int], ctx: Context, lang: Lang) -> str | None:
    """ "et …": the slots the message restates replace the context's, the others are carried."""
    year = stated[0] if stated else ctx.year
    if alone.process is not None:  # another activity: the same question about it
        if stated or ctx.intent != "mode_lookup" or ctx.year is None:
            return None
        return f"={alone.process.id}|" + (f"mode in {year}" if lang == "en" else f"mode en {year}")
    if alone.candidates:  # several things share the name: the year and the function may tell them apart
        if stated or ctx.year is None:
            return None
        rest = _strip_connective(message)
        return f"{rest} {ctx.function or ''} {'in' if lang == 'en' else 'en'} {ctx.year}".replace("  ", " ")
    if alone.intent == "mode_definition" and alone.mode is not None:  # "et en mutualisation ?"
        if ctx.intent not in ("mode_list", "structure", "commitments") and not ctx.map:
            return None
        return _template(
            ctx.model_copy(update={"intent": "mode_list", "mode": alone.mode.code, "mode_label": alone.mode.label}),
            lang,
            year=year,
        )
    if alone.function is not None and alone.intent == "structure" and alone.map is None:
        # "et pour les finances ?": the previous question, about that function
        update = {"function": alone.function.id, "function_label": alone.function.label}
        if ctx.process:  # the same activity in that function if it has one, else that function's map of the year
            if ctx.process_label and ctx.intent == "mode_lookup":
                return f"{ctx.process_label} {alone.function.id}{f' en {year}' if year else ''}"
            update |= {"intent": "structure", "process": None}
        return _template(ctx.model_copy(update=update), lang, year=year, compare=ctx.compare and not stated)
    if _names(alone):
        return None
    if stated:  # "et en 2021 ?": the previous question for that year
        return _template(ctx, lang, year=stated[0])
    return None


def _step(year: int | None, years: tuple[int, ...], direction: int) -> int | None:
    if year is None or not years:
        return None
    ordered = sorted(years)
    if direction < 0:
        earlier = [y for y in ordered if y < year]
        return earlier[-1] if earlier else None
    later = [y for y in ordered if y > year]
    return later[0] if later else None


def _template(ctx: Context, lang: Lang, *, year: int | None, compare: bool = False) -> str | None:
    """The context's question, for `year` (None: over the years), in words the engine understands."""
    en = lang == "en"
    in_year = (f" in {year}" if en else f" en {year}") if year else ""
    function = ctx.function or ""
    if ctx.process and ctx.intent in ("mode_lookup", "evolution"):
        if year and not compare:
            return f"={ctx.process}|mode{in_year}"
        return f"={ctx.process}|" + ("over time" if en else "évolution")
    if ctx.intent in ("mode_lookup", "evolution") and function:  # "mode de la RH en 2017 ?" then "et en 2021 ?"
        if year and not compare:
            return f"{function} modes{in_year}" if en else f"modes {function} en {year}"
        return f"{function} modes over time" if en else f"évolution des modes {function}"
    if ctx.map and function:
        if year and not compare:
            return f"map of {function}{in_year}" if en else f"carte {function} {year}"
        return f"{function} map over time" if en else f"carte {function} évolution"
    if ctx.intent == "mode_list" and ctx.mode_label:
        return (
            f"{function} activities in {ctx.mode_label}{in_year}"
            if en
            else f"activités {function} en {ctx.mode_label}{in_year}"
        ).replace("  ", " ")
    if ctx.intent == "commitments":
        return (f"{function} commitments" if en else f"engagements {function}").strip() + (
            f" for {year}" if en and year else f" pour {year}" if year else ""
        )
    if ctx.intent == "structure" and function:
        return f"={function}|{in_year.strip()}"
    if ctx.intent == "governance" and year:  # "qui arbitre ?" then "et en 2021 ?": the same bodies, asked again
        return f"{ctx.question.rstrip(' ?')}{in_year} ?"
    return None


def _strip_connective(message: str) -> str:
    text = message.strip()
    match = _CONNECTIVE.match(text.lower())
    return text[match.end() :].strip(" ?") if match else text.strip(" ?")
