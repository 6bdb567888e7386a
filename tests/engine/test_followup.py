"""Follow-ups: the resolver alone (a stub engine), then whole conversations with the real engine."""

from __future__ import annotations

import pytest

from bot.engine import Answer, Context, Engine
from bot.engine.answer import MapRequest, ModeRef, ProcessRef, Ref
from bot.engine.followup import answer_in_context

YEARS = (2013, 2017, 2021)
RH = Ref(id="RH", label="Ressources humaines")
FIN = Ref(id="FIN", label="Services financiers et comptables")
PAIE = ProcessRef(id="rh.paie", label="Paie", block="Administration")
RECRUTEMENT = ProcessRef(id="rh.recrutement", label="Recrutement")
MUTUALISATION = ModeRef(code="M", label="Mutualisation")

# What the stub engine understands of a message on its own.
ALONE = {
    "et le recrutement ?": Answer(intent="evolution", function=RH, process=RECRUTEMENT, text="r"),
    "et pour les finances ?": Answer(intent="structure", function=FIN, text="f"),
    "et la paie en 2013 ?": Answer(intent="mode_lookup", function=RH, process=PAIE, year=2013, text="p"),
    "et en mutualisation ?": Answer(intent="mode_definition", mode=MUTUALISATION, text="m"),
    "le recrutement ?": Answer(intent="evolution", function=RH, process=RECRUTEMENT, text="r"),
    "merci !": Answer(intent="help", text="h"),
    "quel temps fait-il à Nantes ?": Answer(intent="unknown", text="?"),
    "il est composé de qui ?": Answer(intent="fallback_search", text="?"),
    "ceux des RH": Answer(intent="structure", function=RH, text="f"),
    "et pour les RH ?": Answer(intent="structure", function=RH, text="f"),
    "and in 2013?": Answer(intent="unknown", lang="en", text="?"),
    "et la formation ?": Answer(intent="clarification", candidates=[Ref(id="a", label="A")], text="c"),
}


class Stub:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, question: str) -> Answer:
        self.asked.append(question)
        return ALONE.get(question) or Answer(intent="mode_lookup", text=f"answer to {question}")


def lookup(year: int | None = 2017) -> Context:
    return Context(
        question="mode pour la paie en 2017 ?", intent="mode_lookup", function="RH", process="rh.paie", year=year
    )


LISTING = Context(
    question="activités RH en intégration en 2021",
    intent="mode_list",
    function="RH",
    year=2021,
    mode="I",
    mode_label="Intégration",
)
MAP = Context(question="carte RH 2017", intent="structure", function="RH", year=2017, map=True)
GOVERNANCE = Context(question="que fait le COMEX ?", intent="governance", instance="COMEX")
CLARIFICATION = Context(question="mode des contentieux en 2017 ?", intent="clarification", year=2017)
CONTROLE = Context(
    question="contrôle de gestion 2017",
    intent="mode_lookup",
    function="FIN",
    process="fin.cdg",
    process_label="Contrôle de gestion",
    year=2017,
)
COMMITMENTS = Context(question="engagements RH 2021", intent="commitments", function="RH", year=2021)


@pytest.mark.parametrize(
    ("message", "context", "read_as"),
    [
        ("et en 2021 ?", lookup(), "=rh.paie|mode en 2021"),
        ("en 2021 ?", lookup(), "=rh.paie|mode en 2021"),
        ("and in 2013?", lookup(), "=rh.paie|mode in 2013"),
        ("et le recrutement ?", lookup(), "=rh.recrutement|mode en 2017"),
        ("et pour les finances ?", lookup(), "=FIN|en 2017"),
        ("pourquoi ?", lookup(), "=rh.paie|pourquoi en 2017"),
        ("la source ?", lookup(), "mode pour la paie en 2017 ?"),
        ("la source ?", lookup(), "mode pour la paie en 2017 ?"),
        ("et avant ?", lookup(), "=rh.paie|mode en 2013"),
        ("et après ?", lookup(), "=rh.paie|mode en 2021"),
        ("et avant ?", lookup(2013), "=rh.paie|évolution"),
        ("compare avec 2013", lookup(), "=rh.paie|évolution"),
        ("et la formation ?", lookup(), "la formation RH en 2017"),
        ("et pour les finances ?", LISTING, "activités FIN en Intégration en 2021"),
        ("et en 2017 ?", LISTING, "activités RH en Intégration en 2017"),
        ("et en mutualisation ?", LISTING, "activités RH en Mutualisation en 2021"),
        ("et pour les finances ?", MAP, "carte FIN 2017"),
        ("compare avec 2013", MAP, "carte RH évolution"),
        ("et en 2021 ?", MAP, "carte RH 2021"),
        ("et pour les finances ?", COMMITMENTS, "engagements FIN pour 2021"),
        ("qui les suit ?", COMMITMENTS, "engagements RH qui les suit ?"),
        ("il est composé de qui ?", GOVERNANCE, "il est composé de qui ? COMEX"),
        ("son mode en 2021 ?", lookup(), "=rh.paie|son mode en 2021 ?"),
        ("évolution ?", lookup(), "=rh.paie|évolution ?"),
        ("ceux des RH", CLARIFICATION, "mode des contentieux en 2017 ? ceux des RH"),
        ("et pour les RH ?", CONTROLE, "Contrôle de gestion RH en 2017"),
    ],
)
def test_a_follow_up_is_read_against_the_context(message: str, context: Context, read_as: str) -> None:
    ask = Stub()
    answer = answer_in_context(ask, message, context, YEARS)
    assert answer.question == read_as
    assert ask.asked[-1] == read_as


@pytest.mark.parametrize(
    ("message", "context"),
    [
        ("et la paie en 2013 ?", lookup()),  # names its activity and its year: complete
        ("le recrutement ?", lookup()),  # names its subject, no "et": a new question
        ("qui signe les marchés régionaux ?", lookup()),  # a sentence of its own
        ("c'est quoi la mutualisation ?", lookup()),
        ("et en mutualisation ?", lookup()),  # a mode after an activity's lookup: nothing to carry it to
        ("=rh.recrutement|mode en 2013", lookup()),  # a clarification's pick names its entity
        ("et en 2021 ?", None),  # no conversation
        ("merci !", lookup()),
        ("quel temps fait-il à Nantes ?", lookup()),  # "fait-il" asks, it does not point back
        ("asdfgh", lookup()),
    ],
)
def test_a_message_complete_on_its_own_is_not_bent(message: str, context: Context | None) -> None:
    ask = Stub()
    answer = answer_in_context(ask, message, context, YEARS)
    assert answer.question is None
    assert ask.asked == [message]


def test_the_context_carries_what_the_question_named_not_what_the_answer_said() -> None:
    lookup_answer = Answer(
        intent="mode_lookup", function=RH, process=PAIE, year=2017, mode=ModeRef(code="I", label="I"), text="t"
    )
    context = Context.from_answer(lookup_answer, "mode paie 2017")
    assert context is not None
    assert (context.process, context.year, context.mode, context.question) == ("rh.paie", 2017, None, "mode paie 2017")
    listing = Answer(intent="mode_list", function=RH, year=2021, mode=MUTUALISATION, text="t", question="=x|y")
    assert Context.from_answer(listing, "et en mutualisation ?").mode == "M"  # type: ignore[union-attr]
    assert Context.from_answer(listing, "q").question == "=x|y"  # type: ignore[union-attr]
    picture = Answer(intent="structure", function=RH, text="t", map=MapRequest(function="RH", compare=True))
    assert Context.from_answer(picture, "carte RH").compare  # type: ignore[union-attr]
    for intent in ("help", "unknown", "fallback_search"):
        assert Context.from_answer(Answer(intent=intent, text="t"), "q") is None


def test_a_follow_up_the_engine_cannot_read_keeps_what_the_message_said_alone() -> None:
    def ask(question: str) -> Answer:
        if question.startswith("="):
            return Answer(intent="unknown", text="?")
        return Answer(intent="governance", text="gov")

    answer = answer_in_context(ask, "pourquoi ?", lookup(), YEARS)
    assert answer.intent == "governance"


def conversation(engine: Engine, messages: list[str]) -> list[Answer]:
    context: Context | None = None
    answers = []
    for message in messages:
        answer = engine.answer(message, context)
        context = Context.from_answer(answer, answer.question or message, context) or context
        answers.append(answer)
    return answers


def test_the_issue_s_conversation_with_the_real_engine(engine: Engine) -> None:
    first, in_2021, recruitment, before, compared, english = conversation(
        engine,
        [
            "mode pour la paie en 2017 ?",
            "et en 2021 ?",
            "et le recrutement ?",
            "et avant ?",
            "compare avec 2013",
            "and in 2013?",
        ],
    )
    paie = first.process.id  # type: ignore[union-attr]
    assert (first.intent, first.year) == ("mode_lookup", 2017)
    assert (in_2021.intent, in_2021.process.id, in_2021.year) == ("mode_lookup", paie, 2021)  # type: ignore[union-attr]
    assert (recruitment.process.id, recruitment.year) == ("rh.recrutement", 2021)  # type: ignore[union-attr]
    assert (before.process.id, before.year) == ("rh.recrutement", 2017)  # type: ignore[union-attr]
    assert (compared.intent, compared.process.id) == ("evolution", "rh.recrutement")  # type: ignore[union-attr]
    assert (english.lang, english.process.id, english.year) == ("en", "rh.recrutement", 2013)  # type: ignore[union-attr]


def test_why_gives_the_narrative_around_the_cited_sentences_and_source_repeats_the_cited_answer(
    engine: Engine,
) -> None:
    first, why, source = conversation(engine, ["mode pour la paie en 2017 ?", "pourquoi ?", "la source ?"])
    assert (source.process, source.year, source.sources) == (first.process, 2017, first.sources)
    assert (why.intent, why.process, why.year) == ("fallback_search", first.process, 2017)
    assert why.text.startswith("Pourquoi")
    cited = [s.quote for s in first.sources if s.section.startswith("Ressources humaines")]
    assert cited and all(any(c.split(",")[0] in w.quote for w in why.sources) for c in cited)
    assert not any(s.section.startswith("Préambule") for s in why.sources)  # the reasons, not the mode's definition


def test_another_function_keeps_the_listing_s_mode_and_year(engine: Engine) -> None:
    _, finances, in_2017 = conversation(
        engine, ["activités RH en intégration en 2021", "et pour les finances ?", "et en 2017 ?"]
    )
    assert (finances.intent, finances.function.id, finances.mode.code, finances.year) == (  # type: ignore[union-attr]
        "mode_list",
        "FIN",
        "I",
        2021,
    )
    assert (in_2017.function.id, in_2017.year) == ("FIN", 2017)  # type: ignore[union-attr]


def test_a_new_question_in_the_conversation_is_answered_on_its_own(engine: Engine) -> None:
    _, governance = conversation(engine, ["mode pour la paie en 2017 ?", "qui signe les marchés régionaux ?"])
    assert governance.intent == "governance"
    assert governance.question is None


def test_the_two_modes_defined_one_after_the_other_are_compared_when_asked_about_both(engine: Engine) -> None:
    first, second, both = conversation(
        engine, ["c'est quoi la mutualisation ?", "et l'intégration ?", "la diff entre les deux ?"]
    )
    assert (first.mode and first.mode.code, second.mode and second.mode.code) == ("M", "I")
    assert both.intent == "mode_definition" and both.question == "différence entre Mutualisation et Intégration"
    quoted = " ".join(s.quote for s in both.sources)
    assert "(M)" in quoted and "(I)" in quoted


@pytest.mark.parametrize(
    ("turns", "last_year"),
    [
        (["mode pour la paie en 2017 ?", "et en 2021 ?", "et avant ?"], 2013),  # before both maps seen
        (["mode pour la paie en 2021 ?", "et avant ?", "et avant ?"], 2013),  # one map back, then another
        (["mode pour la paie en 2017 ?", "et en 2013 ?", "et après ?"], 2021),  # after both
    ],
)
def test_before_and_after_step_past_every_year_already_seen(engine: Engine, turns: list[str], last_year: int):
    *_, last = conversation(engine, turns)
    assert last.year == last_year
    assert last.process is not None and "paie" in last.process.label.lower()


def test_the_years_seen_start_again_with_another_subject(engine: Engine) -> None:
    *_, last = conversation(engine, ["mode pour la paie en 2013 ?", "et le recrutement en 2021 ?", "et avant ?"])
    assert (last.process.id, last.year) == ("rh.recrutement", 2017)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("message", "process", "year"),
    [
        ("merci ! et en 2021 ?", "rh.realisation-paies", 2021),
        ("ok merci, et le recrutement ?", "rh.recrutement", 2017),
        ("super, et en 2013 ?", "rh.realisation-paies", 2013),
    ],
)
def test_an_acknowledgement_before_a_follow_up_keeps_the_context(engine, message: str, process: str, year: int):
    first = "mode pour la paie en 2017 ?"
    context = Context.from_answer(engine.answer(first), first)
    a = engine.answer(message, context)
    assert a.process is not None and a.process.id == process
    assert a.year == year


def test_a_thanks_alone_is_still_a_thanks(engine):
    assert engine.answer("merci, c'est très clair").intent == "help"


def test_a_year_asked_after_a_governance_answer_asks_the_same_bodies_again(engine: Engine) -> None:
    # "qui arbitre ?" then "et en 2021 ?": the governance is not drawn per map; the same bodies, not "nothing found"
    first, in_2021 = conversation(engine, ["qui arbitre ?", "et en 2021 ?"])
    assert first.intent == in_2021.intent == "governance"
    assert [i.id for i in in_2021.instances] == [i.id for i in first.instances]


@pytest.mark.parametrize(
    ("turns", "function", "year"),
    [
        (["mode de la RH en 2017 ?", "et en 2021 ?"], "RH", 2021),
        (["what about IT modes in 2017?", "and in 2021?"], "SI", 2021),
        # a function read from the question's words (no activity of that name): its modes, then another year's
        (["le dépanage des utilisateurs, ça a évolué comment depuis 2013 ?", "et en 2021 ?"], "SI", 2021),
    ],
)
def test_a_year_asked_after_a_function_s_modes_gives_that_year_s(engine: Engine, turns: list[str], function, year):
    *_, last = conversation(engine, turns)
    assert last.intent == "mode_lookup" and last.process is None
    assert last.function is not None and last.function.id == function and last.year == year
