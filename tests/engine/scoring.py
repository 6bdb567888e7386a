"""Score the engine on a labelled question file: what each answer gets wrong, and the figures per intent.

Shared by the tests and by bench/score_questions.py. A *blind* file is scored for its figures only: nothing here
ever returns or prints one of its questions, so it stays an honest estimate of questions never tuned on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Answer, Engine
from srom_data.text import key

HERE = Path(__file__).parent
# Tuned on, or scored and then tuned on (holdout, 2026 dev): regression material, each answer recorded.
LABELLED = (
    "questions.yaml",
    "questions_holdout.yaml",
    "questions_2026_dev.yaml",
    "questions_2026_fresh_a.yaml",
    "questions_2026_fresh_b.yaml",
    "questions_2026_fresh_d.yaml",
    "questions_2026_fresh_e.yaml",
    "questions_2026_fresh_f.yaml",
    "questions_2026_fresh_i.yaml",
    "questions_2026_fresh_k.yaml",
    "questions_2026_fresh_m.yaml",
    "questions_2026_fresh_o.yaml",
    "questions_2026_fresh_p.yaml",
    "questions_2026_fresh_s.yaml",
    "questions_2026_fresh_t.yaml",
    "questions_2026_fresh_v.yaml",
    "questions_2026_fresh_w.yaml",
    "questions_2026_fresh_x.yaml",
    "questions_2026_fresh_aa.yaml",
    "questions_2026_fresh_ab.yaml",
    "questions_2026_fresh_ac.yaml",
    "questions_2026_fresh_ad.yaml",
    "questions_2026_fresh_af.yaml",
    "questions_2026_fresh_ae.yaml",
    "questions_2026_fresh_ah.yaml",
    "questions_2026_fresh_ag.yaml",
    "questions_2026_fresh_dd.yaml",
    "questions_2026_fresh_dc.yaml",
    "questions_2026_fresh_de.yaml",
    "questions_2026_fresh_df.yaml",
    "questions_2026_fresh_dg.yaml",
    "questions_2026_fresh_dh.yaml",
    "questions_2026_fresh_di.yaml",
    "questions_2026_fresh_dj.yaml",
    "questions_2026_fresh_dk.yaml",
    "questions_2026_fresh_dl.yaml",
    "questions_2026_fresh_gc.yaml",
    "questions_2026_fresh_gd.yaml",
    "questions_2026_fresh_ge.yaml",
    "questions_2026_fresh_hc.yaml",
    "questions_2026_fresh_hd.yaml",
    "questions_2026_fresh_he.yaml",
    "questions_2026_fresh_ic.yaml",
    "questions_2026_fresh_id.yaml",
    "questions_2026_fresh_ie.yaml",
    "questions_2026_fresh_jc.yaml",
    "questions_2026_fresh_jd.yaml",
    "questions_2026_fresh_je.yaml",
    "questions_2026_fresh_kc.yaml",
    "questions_2026_fresh_kd.yaml",
)
# Written from the source text only, scored before any tuning, never read question by question.
BLIND = "questions_2026_blind.yaml"
# Written in session 3 by a third writer who never saw the engine nor any set, never read question by question.
BLIND_C = "questions_2026_blind_c.yaml"
# Written in session 4 by a fourth writer, first scored on the engine of that session's start, never read question by
# question.
BLIND_G = "questions_2026_blind_g.yaml"
# Written in session 4 by a fifth writer, scored on the engine of that session's start and once at its end only.
BLIND_H = "questions_2026_blind_h.yaml"
# Written in session 5 by a sixth writer, scored on the engine of that session's start and once at its end only.
BLIND_J = "questions_2026_blind_j.yaml"
# Written in session 5 by a seventh writer while the engine was tuned, scored on that session's first engine and once
# at its end only.
BLIND_L = "questions_2026_blind_l.yaml"
# Written in session 5 by an eighth writer while the engine was tuned, scored on that session's first engine and once
# at its end only.
BLIND_N = "questions_2026_blind_n.yaml"
# Written in session 6 by a ninth writer, scored on that session's first engine and once at its end only.
BLIND_Q = "questions_2026_blind_q.yaml"
# Written in session 6 by a tenth writer, scored on that session's first engine and once at its end only.
BLIND_R = "questions_2026_blind_r.yaml"
# Written in session 6 by a thirteenth writer while the engine was tuned, scored on that session's first engine and
# once at its end only.
BLIND_U = "questions_2026_blind_u.yaml"
# Written in session 7 by two more writers, scored on that session's first engine and once at its end only.
BLIND_Y = "questions_2026_blind_y.yaml"
BLIND_Z = "questions_2026_blind_z.yaml"
# Written late in session 7, after most of its tuning; scored on that session's first engine and its last only.
BLIND_BA = "questions_2026_blind_ba.yaml"
BLIND_BB = "questions_2026_blind_bb.yaml"
# Written at the end of session 7 (15 % histories each), scored on that session's first engine and its last only.
BLIND_CA = "questions_2026_blind_ca.yaml"
BLIND_CB = "questions_2026_blind_cb.yaml"
# Written at the start of session 8 (DB: a third typed fast in chat), scored on that session's first engine and
# its last only.
BLIND_DA = "questions_2026_blind_da.yaml"
BLIND_DB = "questions_2026_blind_db.yaml"
# Written in session 8 after an hour of its tuning; scored on that session's first engine and its last only.
BLIND_EA = "questions_2026_blind_ea.yaml"
BLIND_EB = "questions_2026_blind_eb.yaml"
# Written an hour later in session 8, after most of its tuning; scored on its first engine and its last only.
BLIND_FA = "questions_2026_blind_fa.yaml"
BLIND_FB = "questions_2026_blind_fb.yaml"
# Written at the start of session 9 (GB: a third typed fast), scored on that session's first engine and its last only.
BLIND_GA = "questions_2026_blind_ga.yaml"
BLIND_GB = "questions_2026_blind_gb.yaml"
# Written half an hour into session 9 (after its first changes), scored on its first engine and its last only.
BLIND_HA = "questions_2026_blind_ha.yaml"
# Written at the start of session 10 (IB: a third référents and directors, a third typed fast), scored on that
# session's first engine and its last only.
BLIND_IA = "questions_2026_blind_ia.yaml"
BLIND_IB = "questions_2026_blind_ib.yaml"
# Written at the start of session 11 (JB: a third long roundabout questions, a third typed fast), scored on that
# session's first engine and its last only.
BLIND_JA = "questions_2026_blind_ja.yaml"
BLIND_JB = "questions_2026_blind_jb.yaml"
# Written three quarters of an hour into session 11 (KB: half référents and directors), scored on that session's first
# engine and its last only.
BLIND_KA = "questions_2026_blind_ka.yaml"
BLIND_KB = "questions_2026_blind_kb.yaml"
BLINDS = (
    BLIND,
    BLIND_C,
    BLIND_G,
    BLIND_H,
    BLIND_J,
    BLIND_L,
    BLIND_N,
    BLIND_Q,
    BLIND_R,
    BLIND_U,
    BLIND_Y,
    BLIND_Z,
    BLIND_BA,
    BLIND_BB,
    BLIND_CA,
    BLIND_CB,
    BLIND_DA,
    BLIND_DB,
    BLIND_EA,
    BLIND_EB,
    BLIND_FA,
    BLIND_FB,
    BLIND_GA,
    BLIND_GB,
    BLIND_HA,
    BLIND_IA,
    BLIND_IB,
    BLIND_JA,
    BLIND_JB,
    BLIND_KA,
    BLIND_KB,
)


def load(name: str) -> list[dict[str, Any]]:
    path = HERE / name
    return yaml.safe_load(path.read_text("utf-8")) if path.exists() else []


def mismatches(case: dict[str, Any], answer: Answer) -> list[str]:
    """What in the answer differs from the case's expectations (empty when it is right)."""
    wrong = []
    if answer.intent != case["intent"]:
        wrong.append(f"intent {answer.intent} != {case['intent']}")
    if "function" in case and case["function"] and (answer.function is None or answer.function.id != case["function"]):
        wrong.append(f"function {answer.function and answer.function.id} != {case['function']}")
    if "year" in case and answer.year != case["year"]:
        wrong.append(f"year {answer.year} != {case['year']}")
    if "process" in case:
        label = _spelt(answer.process.label) if answer.process else ""
        if _spelt(case["process"]) not in label:
            wrong.append(f"process {label!r} lacks {case['process']!r}")
    if "mode" in case and case["mode"] and (answer.mode is None or answer.mode.code != case["mode"]):
        wrong.append(f"mode {answer.mode and answer.mode.code} != {case['mode']}")
    if "modes" in case:
        if case["intent"] == "mode_list":
            if answer.mode is None or answer.mode.code not in case["modes"]:
                wrong.append(f"mode {answer.mode and answer.mode.code} not in {case['modes']}")
        else:
            sections = " ".join(s.quote for s in answer.sources)
            wanted = case["modes"] or ["A", "C", "H", "M", "I"]
            missing = [c for c in wanted if f"({c})" not in sections]
            if missing:
                wrong.append(f"definition lacks {missing}")
    if "instance" in case:
        labels = [key(i.label) for i in answer.instances]
        if not any(key(case["instance"]) in label for label in labels):
            wrong.append(f"instances {labels} lack {case['instance']!r}")
    if "commitment" in case and case["commitment"] not in [c.id for c in answer.commitments]:
        wrong.append(f"commitments {[c.id for c in answer.commitments]} lack {case['commitment']}")
    if "lang" in case and answer.lang != case["lang"]:
        wrong.append(f"lang {answer.lang} != {case['lang']}")
    if case.get("silent") and answer.mode is not None:
        wrong.append(f"states mode {answer.mode.code} where the text is silent")
    if case.get("map") and answer.map is None and getattr(answer, "chart", None) is None:
        wrong.append("no map request")
    return wrong


# Two spellings of one French word: the 2013 map writes « Paye », the later ones « paies », writers write "paie".
_SPELLINGS = {"paye": "paie"}


def _spelt(text: str) -> str:
    """The text's key with each word in one spelling: a label's fragment matches whichever spelling it uses."""
    return " ".join(_SPELLINGS.get(w, w) for w in key(text).split())


@dataclass
class Score:
    total: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # empty for a blind file
    # Misses whose only fault is a mode the base deduces (and the answer says so, with its quotes) where the writer,
    # reading the text, found none: a disagreement on what counts as the text's word, counted apart, never forgiven.
    deduced_where_silent: int = 0

    @property
    def accuracy(self) -> float:
        n = sum(self.total.values())
        return sum(self.right.values()) / n if n else 0.0

    def lines(self) -> list[str]:
        out = []
        for intent in sorted(self.total):
            r, n = self.right[intent], self.total[intent]
            out.append(f"{intent:<16} {r:>3}/{n:<3} {100 * r / n:5.1f} %")
        n = sum(self.total.values())
        out.append(f"{'overall':<16} {sum(self.right.values()):>3}/{n:<3} {100 * self.accuracy:5.1f} %")
        if self.deduced_where_silent:
            out.append(
                f"{'of the misses, only a deduced mode where the writer found the text silent:':<16} "
                f"{self.deduced_where_silent}"
            )
        return out


def score(engine: Engine, cases: list[dict[str, Any]], blind: bool = False) -> Score:
    result = Score()
    for case in cases:
        answer = engine.answer(case["q"])
        wrong = mismatches(case, answer)
        result.total[case["intent"]] += 1
        if not wrong:
            result.right[case["intent"]] += 1
            continue
        if answer.certainty == "deduced" and all(w.startswith("states mode") for w in wrong):
            result.deduced_where_silent += 1
        if not blind:
            result.failures.append(f"{case['q']!r}: {'; '.join(wrong)}")
    return result
