"""The question engine: one chat message in, one cited Answer out. No Slack here."""

from __future__ import annotations

from .answer import Answer, ModeRef, ProcessRef, Ref, Source

__all__ = ["Answer", "ModeRef", "ProcessRef", "Ref", "Source", "answer"]


def answer(question: str) -> Answer:
    """Temporary stand-in until the engine lands: always the help answer."""
    return Answer(intent="help", text="Je réponds aux questions sur le SROM. Exemple : *mode pour la paie en 2017 ?*")
