"""Fixtures for the bot's unit tests: a scripted engine, a fake Slack, a fresh database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from slack_bolt import BoltContext
from slack_sdk import WebClient

import bot.engine
from bot.engine.answer import Answer, Ref, Source
from bot.engine.followup import Context
from bot.slack.client import build_web_client
from bot.slack.middleware import DATABASES
from srom_data.models import Evidence, Function, Governance, KnowledgeBase, Meta, Mode
from storage.db import DatabaseProvider
from tests.fakes.slack_api import FakeSlackAPI


def clarification() -> Answer:
    return Answer(
        intent="clarification",
        text="Plusieurs activités portent ce nom. Laquelle ?",
        candidates=[Ref(id="rh.paie", label="Paie (RH)"), Ref(id="fin.compta", label="Comptabilité")],
        followups={"rh.paie": "mode de la paie en 2017 ?", "fin.compta": "mode de la compta en 2017 ?"},
    )


def simple(text: str = "*Mutualisation* en 2017.", **kw: object) -> Answer:
    kw.setdefault("sources", [Source(section="Ressources humaines — statut 2017", quote="La paie est au CSP.")])
    return Answer(intent="mode_lookup", text=text, **kw)  # type: ignore[arg-type]


class ScriptedEngine:
    """Stands in for `bot.engine.answer`: scripted questions get their Answer, `boom` raises, others a simple one."""

    def __init__(self) -> None:
        self.script: dict[str, Answer] = {}
        self.asked: list[str] = []
        self.contexts: list[Context | None] = []

    def __call__(self, question: str, context: Context | None = None) -> Answer:
        self.asked.append(question)
        self.contexts.append(context)
        if question == "boom":
            raise RuntimeError("engine failure")
        return self.script.get(question) or simple(f"Réponse à « {question} »")


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> ScriptedEngine:
    scripted = ScriptedEngine()
    monkeypatch.setattr(bot.engine, "answer", scripted)
    return scripted


def tiny_kb() -> KnowledgeBase:
    """A knowledge base built in memory (not validated): the view tests do not depend on the data in progress."""
    modes = tuple(
        Mode.model_construct(
            code=code,
            label=label,
            label_en=label,
            definition=Evidence(section="Préambule", quote=f"{label} ({code}) : définition."),
        )
        for code, label in [
            ("A", "Autonomie"),
            ("C", "Coopération"),
            ("H", "Harmonisation"),
            ("M", "Mutualisation"),
            ("I", "Intégration"),
        ]
    )
    return KnowledgeBase.model_construct(
        meta=Meta.model_construct(
            region="Pays de la Loire",
            title="SROM — CCI Pays de la Loire",
            years=(2013, 2017, 2021),
            year_labels={2013: "état des lieux 2013"},
        ),
        modes=modes,
        functions=(
            Function.model_construct(id="RH", label="Ressources humaines & paie"),
            Function.model_construct(id="SI", label="Systèmes d'information"),
        ),
        governance=Governance.model_construct(
            instances=(SimpleNamespace(kind="instance"), SimpleNamespace(kind="instance"))
        ),
        commitments=(),
    )


@pytest.fixture
def fake() -> Iterator[FakeSlackAPI]:
    with FakeSlackAPI() as server:
        yield server


@pytest.fixture
def client(fake: FakeSlackAPI) -> WebClient:
    return build_web_client("xoxb-test", fake.api_url)


@pytest.fixture
def databases(tmp_path) -> DatabaseProvider:
    provider = DatabaseProvider(tmp_path / "srom.db", migrate_on_open=True)
    provider.get()
    return provider


@pytest.fixture
def context(databases: DatabaseProvider) -> BoltContext:
    return BoltContext({DATABASES: databases})


@pytest.fixture
def logger() -> logging.Logger:
    return logging.getLogger("tests.bot")


class AckRecorder:
    def __init__(self) -> None:
        self.calls: list[dict] = []

    def __call__(self, **kwargs: object) -> None:
        self.calls.append(kwargs)


@pytest.fixture
def ack() -> AckRecorder:
    return AckRecorder()
