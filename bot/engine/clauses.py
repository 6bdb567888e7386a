"""How a message is laid out before it is read: its clauses, a preamble or a purpose before the question, and the
head of an English compound. Pure text functions, shared by the router (core.py)."""

from __future__ import annotations

import re

from bot.engine import courtesy_cues
from bot.engine.normalize import Query
from srom_data.text import fold

_CLAUSE_BREAK = re.compile(r"(?<=\S)\s*(?:[:;.!?]|\s[—–-])\s+(?=\S)")
_BREAK_MARKS = ":;.!?—–-"


def last_clause(message: str) -> str | None:
    """The last clause of a message of several (after a colon, a full stop, a dash), when it has three words or
    more; None when the message is one clause."""
    text = message.strip()
    if not any(mark in text[:-1] for mark in _BREAK_MARKS):  # a break's mark has words after it: most messages have
        return None  # none but their closing "?", and are not split
    parts = [p for p in _CLAUSE_BREAK.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    return tail if len(tail.split()) >= 3 else None


# A greeting before the question and a courtesy after it ("bonjour, c'est quoi le mode A ?", "… stp", "… thanks"):
# said to the bot, not asked of the SROM
_GREETING = re.compile(
    r"^\s*(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|yo|good (?:morning|afternoon|evening))"
    r"(?:\s+(?:a tous|à tous|tout le monde|all|there|everyone|team))?\s*[,!.:;—–-]+\s*",
    re.IGNORECASE,
)
_COURTESY_TAIL = re.compile(
    r"[\s,.;!-]+(?:stp|svp|s'il te pla[iî]t|s'il vous pla[iî]t|merci(?: beaucoup| d'avance| bcp)?|thanks|thank you|"
    r"please|pls|plz|thx|cheers)\W*$",
    re.IGNORECASE,
)


# An acknowledgement before the next question ("merci ! et en 2021 ?", "ok merci, et le recrutement ?"); before no
# question ("merci, c'est très clair"), it is the message
_ACKNOWLEDGED = re.compile(
    r"^\s*(?:ok|okay|super|parfait|top|cool|great|d'accord|merci|thanks|thank you)(?:,? (?:merci|thanks|beaucoup|bcp))?"
    r"\s*[,!.:;—–-]+\s*(?=(?:et|and|mais|but|et pour|and for)\b|.*\?\s*$)",
    re.IGNORECASE,
)
# a word each courtesy of the tail holds, lower case
_COURTESY_WORDS = ("stp", "svp", "s'il", "merci", "thank", "please", "pls", "plz", "thx", "cheers")
_LETTER = re.compile(r"\w")
_MENTION = re.compile(r"^\s*(?:<@\w+(?:\|[^>]*)?>\s*)+")  # "<@U024BE7LH> …": the bot called, not the question


def without_courtesy(message: str) -> str:
    """The message without the bot's mention or a greeting before it, nor a courtesy after it, when a question is
    left."""
    rest = _ACKNOWLEDGED.sub("", _GREETING.sub("", _MENTION.sub("", message), count=1), count=1)
    # most messages hold no courtesy's word (in ASCII text, which no other letter matches when case is ignored)
    lower = rest.lower()
    if not rest.isascii() or any(word in lower for word in _COURTESY_WORDS):
        rest = _COURTESY_TAIL.sub("", rest)
    rest = rest.strip()
    return rest if _LETTER.search(rest) else message


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def _sentences(message: str) -> list[str]:
    """A message's sentences, each ending on its own stop (".", "!", "?", "…")."""
    return [p for p in _SENTENCE_END.split(message.strip()) if p.strip()]


def last_sentence(message: str) -> str | None:
    """The last sentence of a message of several, when it has three words or more; None for one sentence."""
    parts = _sentences(message)
    return parts[-1] if len(parts) >= 2 and len(parts[-1].split()) >= 3 else None


def first_question(message: str) -> str | None:
    """The first sentence of a message of several, when it asks ("?") in three words or more; None for one
    sentence."""
    parts = _sentences(message)
    first = parts[0].strip() if len(parts) >= 2 else ""
    return first if first.endswith("?") and len(first.split()) >= 3 else None


# A preamble speaks of the asker or greets ("Bonjour, je prépare…", "Hi, I'm new…"); a lead that names a topic
# ("engagement labo de communication : où en est-on ?") is part of the question.
_ABOUT_ME = re.compile(
    r"\b(?:je|j|moi|nous|on|i|i m|we|my|our|bonjour|bonsoir|salut|hello|hi|hey|"
    # or the occasion: "suite à la prez du SROM ce matin :", "Following the SROM meeting:"
    r"suite a|following|after the|apres la|lors de|ce matin|this morning|hier|yesterday|reunion|meeting|prez)\b"
)


def preamble(message: str) -> str | None:
    """The question after a preamble of its own sentence ("Bonjour, je prépare le rapport pour le Bureau : quel est
    le mode … ?"): the last clause when it asks ("?") and what comes before greets or speaks of the asker, in four
    words or more, and asks nothing. A lead that names a topic ("finances : quel mode … ?") stays."""
    text = message.strip()
    tail = last_clause(text)
    if tail is None or not (text.endswith("?") or courtesy_cues.ASKS_SOMETHING.match(fold(tail))):  # typed fast, no "?"
        return None
    lead = text[: text.rfind(tail)]
    if "?" in lead or len(lead.split()) < 4 or not _ABOUT_ME.search(fold(lead)) or _CODE.search(fold(lead)):
        return None  # "SI-7: we're going to outsource part of the support. Can you log that?": the lead's topic
    return tail


_CODE = re.compile(r"\b[a-z]{2,4}-\d{1,2}\b")  # a commitment's code ("SI-7"): the topic, in any lead


# A purpose before the question: what the answer is for, often a body ("Pour le bureau de jeudi, j'ai besoin de…",
# "for the board meeting: …"), then the question. Its body is the audience, not the topic.
_PURPOSE = re.compile(
    r"^\W*(?:pour|pr|for)\s+(?:le|la|l|les|the|my|our|mon|ma|notre|next|prochain\w*)\b[^,:;?]{0,60}?"
    r"\b(?:bureau|ag|assemblee|codir|comex|reunion|seance|rapport|presentation|board|meeting|report|assembly)\b"
    r"[^,:;?]{0,30}?(?:[,:;]|\s(?=j ai besoin|il me faut|je voudrais|j aimerais|i need|i d need|can you|could you|"
    r"peux tu|pouvez vous|quel|quelle|quels|quelles|what|which|how))\s*"
)

_OPENS_PURPOSE = re.compile(r"\W*[pPfF]")  # its first letter: "pour", "pr", "for"


def purpose(message: str) -> str | None:
    """The question after a lead that says what the answer is for ("Pour le bureau de jeudi j'ai besoin de la
    trajectoire du contrôle de gestion"): the rest, when it has three words or more."""
    if message.isascii() and not _OPENS_PURPOSE.match(message):  # folding changes no other letter of ASCII text
        return None
    flat = fold(message).replace("'", " ")
    m = _PURPOSE.match(flat)
    if m is None:
        return None
    rest = flat[m.end() :]
    return rest if len(re.findall(r"\w+", rest)) >= 3 else None


# English nouns that head a compound ("training management"): the word before them is the topic, unless a name
# holds the pair ("absence management", "IT management").
_HEADS = frozenset({"management", "handling"})


def english_heads(q: Query, known_pairs: frozenset[tuple[str, str]]) -> list[str]:
    """The question's content words, without an English compound's generic head ("training management" is about
    training, not about the activities named "Management")."""
    if q.lang != "en" or not _HEADS & set(q.content):
        return q.content
    drop = {
        head
        for before, head in zip(q.tokens, q.tokens[1:], strict=False)
        if head in _HEADS and before in q.content and (before, head) not in known_pairs
    }
    return [w for w in q.content if w not in drop]


# The words after which "qui"/"who" asks who: a question's start, "c'est qui", "par qui", "and who"; after any other
# word it opens a relative clause ("la partie de l'info qui aide les utilisateurs", "the people who build the budgets")
_ASKING_BEFORE = frozenset(
    """est c par a de pour avec chez sur et mais ou donc alors bon ben bah sinon coup fait finalement concretement hui
    quand qd maintenant actuellement dis bonjour salut and but so then by to from with for exactly now today hi hello
    of devant aupres envers vers sous""".split()
)
_QUI = re.compile(r"\b(?:qui|who)\b")


def relative_who(asked: str, flat: str) -> bool:
    """The cue found is "qui"/"who" and every one of the message opens a relative clause: each follows a word no
    question puts before it (not "c'est quelle CCI qui porte …", whose cue is "quelle CCI")."""
    if asked not in ("qui", "who"):
        return False
    found = False
    for m in _QUI.finditer(flat):
        before = flat[: m.start()].rstrip()
        if not before or before[-1] in ",;:!?(" or before.split()[-1] in _ASKING_BEFORE or before[-1].isdigit():
            return False
        found = True
    return found


def hyphened(word: str) -> list[str]:
    """A hyphenated word's parts, when each is a word of four letters or more ("institutional-life"), not a code
    ("rh-1") nor a pronoun's ("fais-moi", "est-ce")."""
    parts = word.split("-")
    return parts if len(parts) > 1 and all(len(p) >= 4 and p.isalpha() for p in parts) else []
