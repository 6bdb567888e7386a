"""`srom` with a scripted engine in front of the real one, for end-to-end cases no real question reliably gives.

Questions tagged `[clarify]`, `[long]`, `[picked]`, `[en]` or `[boom]` get a fixed Answer; every other question
goes to the real `bot.engine.answer`. The patch is applied before gunicorn forks, so every worker has it.
"""

from __future__ import annotations

import sys

import bot.engine
from bot.engine.answer import Answer, Ref, Source
from bot.engine.followup import Context

real_answer = bot.engine.answer

LONG_LINES = 400


def scripted_answer(question: str, context: Context | None = None) -> Answer:
    if "[boom]" in question:
        raise RuntimeError("scripted engine failure")
    if "[clarify]" in question:
        return Answer(
            intent="clarification",
            text="Plusieurs activités portent ce nom. Laquelle ?",
            candidates=[Ref(id="rh.paie", label="Paie (RH)"), Ref(id="fin.compta", label="Comptabilité")],
            followups={"rh.paie": "[picked] paie 2017", "fin.compta": "[picked] compta 2017"},
        )
    if "[long]" in question:
        lines = [f"• Activité n° {i} : _mode Harmonisation_ — détail {'x' * 40}" for i in range(LONG_LINES)]
        return Answer(intent="mode_list", text="*Activités*\n" + "\n".join(lines))
    if "[picked]" in question:
        return Answer(
            intent="mode_lookup",
            text=f"*Réponse* à « {question} » : Mutualisation.",
            sources=[Source(section="Ressources humaines — statut 2017", quote="La paie est mutualisée. " * 20)],
        )
    if "[en]" in question:
        return Answer(intent="mode_definition", lang="en", text="*Pooling* means sharing resources.")
    return real_answer(question, context)


bot.engine.answer = scripted_answer

if __name__ == "__main__":
    from bot.cli.main import main

    sys.exit(main(sys.argv[1:]))
