"""The scorer of the labelled sets: what it counts as right."""

from __future__ import annotations

from bot.engine import Answer
from bot.engine.answer import ProcessRef
from tests.engine.scoring import mismatches


def _about(label: str) -> Answer:
    return Answer(intent="mode_lookup", process=ProcessRef(id="x.y", label=label), text="")


def test_a_fragment_matches_the_label_in_either_spelling_of_one_word() -> None:
    assert mismatches({"intent": "mode_lookup", "process": "paie"}, _about("Paye")) == []
    assert mismatches({"intent": "mode_lookup", "process": "paye"}, _about("Réalisation des paies")) == []


def test_a_fragment_the_label_lacks_is_a_miss() -> None:
    assert mismatches({"intent": "mode_lookup", "process": "paie"}, _about("Recrutement")) != []
    assert mismatches({"intent": "evolution", "process": "paie"}, _about("Paye")) != []


class _Fixed:
    """An engine that gives one answer to every question."""

    def __init__(self, answer: Answer) -> None:
        self.answer_given = answer

    def answer(self, question: str) -> Answer:
        return self.answer_given


def test_a_deduced_mode_where_the_writer_found_silence_is_a_miss_counted_apart() -> None:
    from bot.engine.answer import ModeRef
    from tests.engine.scoring import score

    case = {"q": "paie 2021 ?", "intent": "mode_lookup", "silent": True}
    deduced = _about("Réalisation des paies").model_copy(
        update={"mode": ModeRef(code="I", label="Intégration"), "certainty": "deduced"}
    )
    result = score(_Fixed(deduced), [case], blind=True)  # type: ignore[arg-type]
    assert result.accuracy == 0.0 and result.deduced_where_silent == 1 and result.failures == []
    explicit = deduced.model_copy(update={"certainty": "explicit"})
    assert score(_Fixed(explicit), [case]).deduced_where_silent == 0  # type: ignore[arg-type]
    assert "only a deduced mode" in "\n".join(score(_Fixed(deduced), [case]).lines())  # type: ignore[arg-type]
