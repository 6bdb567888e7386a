"""Greetings, thanks and calls for help, before any name is matched; an acronym the text defines.

A mixin of the Engine (core.py): it reads the engine's `kb` and `view`, and the other mixins' `_names_a_thing` and
`_defined_acronym`.
"""

from __future__ import annotations

import re

from bot.engine import courtesy_cues, cues, guide, topics
from bot.engine.answer import Answer
from bot.engine.clauses import without_courtesy
from bot.engine.lookup import KnowledgeView
from bot.engine.normalize import Query, detect_lang, tokenize
from srom_data.models import KnowledgeBase
from srom_data.text import fold

# The asker introducing themselves ("je viens d'arriver", "je suis nouvelle", "I'm new here")
_INTRODUCTION = re.compile(
    r"\b(?:je viens|je suis|j arrive|je debut\w*|je decouvre|nouvel(?:le)?|nouveau|new|i m|i am|i just|i ve just|"
    r"premiere fois|first time|un collegue|a colleague|on m a dit|i was told)\b"
)
# A word of a request for help: "tu peux m'aider ?", "can you help me?"
_HELP_WORD = re.compile(r"aider|aide|aides|help|peux|pouvez|can|could")


class CourtesyAnswers:
    kb: KnowledgeBase
    view: KnowledgeView

    def _courtesy(self, q: Query) -> Answer | None:
        """Greetings, thanks, what the bot can do, an acronym the text defines, how many functions: before any
        name is matched."""
        if (
            not q.text
            or courtesy_cues.HELP.match(q.flat)
            or (len(q.content) <= 4 and courtesy_cues.HELP_ANYWHERE.search(q.flat) and not self._names_a_thing(q))
            or self._help_asked_last(q)
            # its first word most often tells a message is no courtesy, before a search of the whole message
            or (all(w in courtesy_cues.COURTESY_WORDS for w in q.content) and courtesy_cues.COURTESY.search(q.flat))
            or (
                any(w in courtesy_cues.ABOUT_BOT and w != "srom" for w in q.content)
                and all(w in courtesy_cues.ABOUT_BOT or w in courtesy_cues.COURTESY_WORDS for w in q.content)
            )
        ):  # a greeting or a thank-you that names nothing: the help
            return guide.help_answer(q.lang, self.kb.meta.region)
        thanks = courtesy_cues.THANKS.match(q.flat)
        if thanks and "?" not in q.raw:
            clauses = re.split(r"[,.;:!—–]", q.flat[thanks.end() :])
            if not any(courtesy_cues.ASKS_SOMETHING.match(c.strip()) for c in clauses):
                return guide.thanks_answer(q.lang)
        defined = None if q.says(cues.WHO) else self._defined_acronym(q)
        if defined:
            return defined
        if "nction" in q.flat and cues.COUNT_FUNCTIONS.search(q.flat):  # each of its phrases names the functions
            return topics.structure(self.view, q.lang, None, None)
        return None

    def _help_asked_last(self, q: Query) -> bool:
        """After a greeting or words about the asker, the message's last clause asks what the bot is for: "salut !
        je viens d'arriver à la compta de la CCI Vendée, tu sers à quoi exactement ?", "bonjour, je suis nouvelle, tu
        peux m'aider ?"."""
        text = q.flat.rstrip(" ?")
        if not any(mark in text for mark in (",", ";", "!", ". ")):  # one clause: most questions
            return False
        clauses = re.split(r"[,;!]|\. ", text)
        before, last = " ".join(clauses[:-1]), clauses[-1]
        if not (courtesy_cues.COURTESY.search(before) or _INTRODUCTION.search(before)):
            return False
        words = [w for w in q.content if f" {w} " in f" {last} "]
        about_bot = bool(words) and all(_HELP_WORD.fullmatch(w) or w in courtesy_cues.COURTESY_WORDS for w in words)
        other = [w for w in words if w not in courtesy_cues.ABOUT_BOT]  # "comment je dois formuler mes questions"
        return (
            (about_bot or bool(courtesy_cues.HELP_ANYWHERE.search(last)))
            and len(other) <= 3
            and not self._names_a_thing(q, other)
        )

    @staticmethod
    def _without_courtesy(question: str) -> str:
        """The question without a greeting or a courtesy around it, unless they told its language ("Update on
        JUR-5 please")."""
        rest = without_courtesy(question)
        same = rest == question or detect_lang(tokenize(fold(rest)), rest) == detect_lang(
            tokenize(fold(question)), question
        )
        return rest if same else question
