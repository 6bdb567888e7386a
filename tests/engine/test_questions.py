"""The labelled question sets: staff-style questions with what the answer must be about.

questions.yaml was written first and tuned on; questions_holdout.yaml was written blind later and then tuned on;
questions_2026_dev.yaml was written from the source text only and scored before any tuning (73.1 %), then tuned
on; questions_2026_fresh_a/b/d/e.yaml (170 each) likewise, by four more writers who never saw the engine (77.9 %,
76.5 %, 72.4 % and 82.9 % before tuning). All of them are regression material: every answer is recorded
(answers_snapshot.json) and any single change fails. The blind sets (questions_2026_blind.yaml, written with the dev
set, and questions_2026_blind_c.yaml) are never read question by question: only their figures are printed, and
they must not fall under the figure measured before tuning.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.engine import Engine
from tests.engine import snapshot
from tests.engine.scoring import (
    BLIND,
    BLIND_BA,
    BLIND_BB,
    BLIND_C,
    BLIND_CA,
    BLIND_CB,
    BLIND_DA,
    BLIND_DB,
    BLIND_EA,
    BLIND_EB,
    BLIND_FA,
    BLIND_FB,
    BLIND_G,
    BLIND_GA,
    BLIND_GB,
    BLIND_H,
    BLIND_HA,
    BLIND_IA,
    BLIND_IB,
    BLIND_J,
    BLIND_JA,
    BLIND_JB,
    BLIND_KA,
    BLIND_KB,
    BLIND_L,
    BLIND_N,
    BLIND_Q,
    BLIND_R,
    BLIND_U,
    BLIND_Y,
    BLIND_Z,
    BLINDS,
    LABELLED,
    load,
    score,
)

QUESTIONS = [case for name in LABELLED for case in load(name)]
# The older sets are near-perfect; the 2026 dev set went from 73.1 % to 94.5 % (most misses left need data: see
# the closing note of issue 12).
TARGET = {
    "questions.yaml": 0.99,
    "questions_holdout.yaml": 0.99,
    "questions_2026_dev.yaml": 0.96,
    # fresh sets of session 3: scored before tuning at 77.9 % (A) and 76.5 % (B), then tuned on
    "questions_2026_fresh_a.yaml": 0.82,
    "questions_2026_fresh_b.yaml": 0.84,
    # scored before tuning at 81.2 % on the session's first engine and 82.9 % on the engine tuned on A and B
    "questions_2026_fresh_e.yaml": 0.88,
    # paraphrases ("who paid the staff"): 69.4 % on the session's first engine, 72.4 % before tuning on it
    "questions_2026_fresh_d.yaml": 0.75,
    # fresh set of session 4: 87.6 % before tuning on it (on the session's first engine and on its second)
    "questions_2026_fresh_f.yaml": 0.88,
    # fresh set of session 5: 74.7 % before tuning on it (the same on the session's first engine)
    "questions_2026_fresh_i.yaml": 0.74,
    # 91.8 % before tuning on it, on the session's first engine and on the engine tuned on I
    "questions_2026_fresh_k.yaml": 0.91,
    # 85.9 % on the session's first engine, 87.6 % on the engine of the changes before it, not tuned on it
    "questions_2026_fresh_m.yaml": 0.87,
    # fresh sets of session 6: 90.6 % and 87.1 % before tuning on them (the same on the session's first engine)
    "questions_2026_fresh_o.yaml": 0.90,
    "questions_2026_fresh_p.yaml": 0.87,
    # written while the engine was tuned on O and P: 84.7 % and 87.1 % on the session's first engine, 86.5 % and
    # 87.6 % before tuning on them
    "questions_2026_fresh_s.yaml": 0.84,
    "questions_2026_fresh_t.yaml": 0.87,
    # written later in session 6: 90.6 % (V, HR and IT staff) and 45.3 % (W, everyday words only, never the
    # SROM's) on the session's first engine, 90.6 % and 46.5 % before tuning on them
    "questions_2026_fresh_v.yaml": 0.90,
    "questions_2026_fresh_w.yaml": 0.45,
    # fresh set of session 7 (short chat questions): 90.6 % on the session's first engine, before tuning on it
    "questions_2026_fresh_x.yaml": 0.90,
    # everyday words only, never the SROM's (as W): 48.2 % on the session's first engine, before tuning on it
    "questions_2026_fresh_aa.yaml": 0.48,
    # written while the engine was tuned on X and AA (half English; newcomers' chat): 95.3 % and 92.9 % on the
    # session's first engine, 95.3 % and 93.5 % before tuning on them
    "questions_2026_fresh_ab.yaml": 0.95,
    "questions_2026_fresh_ad.yaml": 0.92,
    # directors and référents: 92.4 % on the session's first engine and before tuning on it
    "questions_2026_fresh_ac.yaml": 0.92,
    # written later in session 7: honesty (AF, 80.6 % on the session's first engine, 79.4 % before tuning on it)
    # and half in everyday words (AG, 66.5 % and 70.0 %)
    "questions_2026_fresh_af.yaml": 0.79,
    "questions_2026_fresh_ag.yaml": 0.70,
    # legal, purchasing and communication staff: 88.8 % on the session's first engine, 89.4 % before tuning on it
    "questions_2026_fresh_ae.yaml": 0.89,
    # half histories: 84.1 % on the session's first engine, 85.9 % before tuning on it
    "questions_2026_fresh_ah.yaml": 0.85,
    # session 8, a quarter histories and a fifth structure: 86.5 % on the session's first engine and on its arrival
    "questions_2026_fresh_dd.yaml": 0.86,
    # session 8, a general spread in staff's own words: 89.4 % on the session's first engine and on its arrival
    "questions_2026_fresh_dc.yaml": 0.89,
    # session 8, a third typed fast in chat: 91.2 % on the session's first engine and on its arrival
    "questions_2026_fresh_de.yaml": 0.91,
    # session 8, a first month in production, 40 % typed fast: 94.7 % on the session's first engine, 95.3 % on arrival
    "questions_2026_fresh_df.yaml": 0.94,
    # session 8, half English in business terms: 90.6 % on the session's first engine and on its arrival
    "questions_2026_fresh_dg.yaml": 0.90,
    # session 8, the staff's own names for their work: 83.5 % on the session's first engine, 87.1 % on arrival
    "questions_2026_fresh_dh.yaml": 0.87,
    # session 8, long wordy questions and one-word ones: 90.0 % on the session's first engine and on arrival
    "questions_2026_fresh_di.yaml": 0.90,
    # session 8, a week of Slack traffic: 95.3 % on the session's first engine and on its arrival
    "questions_2026_fresh_dj.yaml": 0.95,
    # session 8, référents and directors: 94.1 % on the session's first engine, 93.5 % on arrival
    "questions_2026_fresh_dk.yaml": 0.93,
    # session 8, the staff's words for their activities: 84.7 % on the session's first engine and on arrival
    "questions_2026_fresh_dl.yaml": 0.84,
    # session 9 (scored on its first engine, f9c119c, before tuning on them): 40 % passages of the text (GC, 80.0 %),
    # activities in the staff's own words (GD, 88.8 %), directors and référents, half English (GE, 90.6 %)
    "questions_2026_fresh_gc.yaml": 0.80,
    "questions_2026_fresh_gd.yaml": 0.88,
    "questions_2026_fresh_ge.yaml": 0.90,
    # session 9, half an hour in (on its first engine f9c119c, and at their arrival): typed fast in Slack (HC, 91.8 %
    # and 91.8 %), English collaborators (HD, 91.2 % and 91.8 %), listings and histories (HE, 86.5 % and 86.5 %)
    "questions_2026_fresh_hc.yaml": 0.91,
    "questions_2026_fresh_hd.yaml": 0.91,
    "questions_2026_fresh_he.yaml": 0.86,
    # session 10 (scored on its first engine, e206b2c, before tuning on them): governance and passages (IC, 80.0 %),
    # activities in the staff's job words (ID, 85.9 %), the brief's plain mix (IE, 92.9 %)
    "questions_2026_fresh_ic.yaml": 0.80,
    "questions_2026_fresh_id.yaml": 0.85,
    "questions_2026_fresh_ie.yaml": 0.92,
    # session 11 (scored on its first engine, 7d77c9c, before tuning on them): activities in the staff's job words
    # (JC, 95.3 %), passages, maps and bodies (JD, 85.9 %), the brief's plain mix (JE, 95.3 %)
    "questions_2026_fresh_jc.yaml": 0.95,
    "questions_2026_fresh_jd.yaml": 0.85,
    "questions_2026_fresh_je.yaml": 0.95,
    # session 11, three quarters of an hour in (on its first engine 7d77c9c, and on daa8fef before tuning on them):
    # things described in the staff's everyday words (KC, 71.2 % and 75.3 %), typed fast in Slack (KD, 89.4 % and
    # 90.6 %)
    "questions_2026_fresh_kc.yaml": 0.75,
    "questions_2026_fresh_kd.yaml": 0.90,
}
# Each blind set's figure on the engine as it was before it was written (a fall under it fails)
# 77.1 %; 88.8 % (at 39750ff); 87.1 % and 89.4 % (at e1c535a, the engine of session 4's start);
# 80.0 %, 86.5 % and 85.3 % (at 735dc6c, the engine of session 5's start);
# 91.8 %, 85.3 % and 88.8 % (at 2189e09, the engine of session 6's start); 88.2 % and 94.1 % (at 4e9ad9d,
# the engine of session 7's start); 95.3 % and 92.4 % (the two written late in session 7, on that engine too);
# 92.9 % and 88.8 % (the two written at its end, on that engine too); 91.2 % and 81.2 % (at 369559c, session 8's
# start); 88.8 % and 93.5 % (two written an hour into session 8, on that engine too); 91.2 % and 92.4 % (two
# written after most of session 8's tuning, on that engine too); 89.4 % and 96.5 % (at f9c119c, session 9's start);
# 93.5 % (written half an hour into session 9, on that engine too); 93.5 % and 95.3 % (at e206b2c, session 10's start);
# 98.8 % and 85.3 % (at 7d77c9c, session 11's start); 88.8 % and 95.3 % (written three quarters of an hour into
# session 11, on that engine too)
BLIND_BEFORE_TUNING = {
    BLIND: 101 / 131,
    BLIND_C: 151 / 170,
    BLIND_G: 148 / 170,
    BLIND_H: 152 / 170,
    BLIND_J: 136 / 170,
    BLIND_L: 147 / 170,
    BLIND_N: 145 / 170,
    BLIND_Q: 156 / 170,
    BLIND_R: 145 / 170,
    BLIND_U: 151 / 170,
    BLIND_Y: 150 / 170,
    BLIND_Z: 160 / 170,
    BLIND_BA: 162 / 170,
    BLIND_BB: 157 / 170,
    BLIND_CA: 158 / 170,
    BLIND_CB: 151 / 170,
    BLIND_DA: 155 / 170,
    BLIND_DB: 138 / 170,
    BLIND_EA: 151 / 170,
    BLIND_EB: 159 / 170,
    BLIND_FA: 155 / 170,
    BLIND_FB: 157 / 170,
    BLIND_GA: 152 / 170,
    BLIND_GB: 164 / 170,
    BLIND_HA: 159 / 170,
    BLIND_IA: 159 / 170,
    BLIND_IB: 162 / 170,
    BLIND_JA: 168 / 170,
    BLIND_JB: 145 / 170,
    BLIND_KA: 151 / 170,
    BLIND_KB: 162 / 170,
}
RECORDED = snapshot.read()


def test_the_set_is_large_and_varied():
    intents = Counter(c["intent"] for c in QUESTIONS)
    assert len(QUESTIONS) >= 600
    assert sum(1 for c in QUESTIONS if c.get("lang") == "en") >= 120
    assert set(intents) == {
        "mode_lookup",
        "evolution",
        "mode_definition",
        "mode_list",
        "governance",
        "structure",
        "commitments",
        "clarification",
        "fallback_search",
        "help",
        "unknown",
    }


@pytest.mark.parametrize("name", LABELLED)
def test_accuracy_on_each_labelled_set(engine: Engine, name: str):
    result = score(engine, load(name))
    print(f"\n== {name}\n" + "\n".join(result.lines()) + "\n" + "\n".join(result.failures))
    assert result.accuracy >= TARGET[name]


@pytest.mark.parametrize(
    ("name", "question"), [(name, q) for name in LABELLED for q in RECORDED.get(name, {})], ids=lambda v: str(v)
)
def test_each_answer_is_the_recorded_one(engine: Engine, name: str, question: str):
    """A changed answer is a regression until the snapshot is regenerated on purpose (python -m
    tests.engine.snapshot) and the diff read."""
    assert snapshot.fingerprint(engine.answer(question)) == RECORDED[name][question]


def test_every_labelled_question_is_recorded():
    for name in LABELLED:
        assert set(RECORDED.get(name, {})) == {c["q"] for c in load(name)}, name


@pytest.mark.parametrize("name", BLINDS)
def test_blind_set_figure_does_not_fall(engine: Engine, name: str):
    result = score(engine, load(name), blind=True)
    assert not result.failures  # never a question of a blind set in the output
    print(f"\n== {name} (figures only)\n" + "\n".join(result.lines()))
    assert result.accuracy >= BLIND_BEFORE_TUNING[name]


@pytest.mark.parametrize("case", [c for c in QUESTIONS if c["intent"] in ("unknown", "help")], ids=lambda c: c["q"])
def test_out_of_scope_never_gets_a_made_up_answer(engine: Engine, case):
    answer = engine.answer(case["q"])
    assert answer.mode is None
    assert answer.process is None
