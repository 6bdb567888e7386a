"""The report's chart: progress per function (each status's share, how many are reported, the average).
matplotlib is imported only when a chart is drawn, with the Agg backend (no display, safe in a server thread)."""

from __future__ import annotations

import io
import threading

from storage.statuses import LABELS, STATUSES

from .bureau import NO_UPDATE, BureauReport, FunctionSection

COLORS = {
    "non_demarre": "#b8c2cc",
    "en_cours": "#2f6db5",
    "atteint": "#2e9b5f",
    "en_retard": "#e08a1e",
    "abandonne": "#4a4a4a",
    None: "#e6e9ed",
}
# pyplot keeps global state: one chart at a time per process.
_LOCK = threading.Lock()


def chart_label(section: FunctionSection) -> str:
    """Beside a function's bar: how many are reported, then the average (said partial when it is)."""
    head = f"{section.reported}/{section.total} renseigné{'s' if section.reported > 1 else ''}"
    mean = section.mean_percent
    if mean is None:
        return head
    if all(c.percent is not None for c in section.commitments):
        return f"{head} · {mean} % en moyenne"
    return f"{head} · {mean} % (moyenne des chiffrés)"


def progress_chart(report: BureauReport) -> bytes:
    """A PNG: one horizontal bar per function, split by status, labelled with the mean percent."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    sections = list(reversed(report.functions))
    names = [f"{s.id}" for s in sections]
    with _LOCK:
        fig, ax = plt.subplots(figsize=(8, 1.2 + 0.55 * max(len(sections), 1)), dpi=110)
        try:
            left = [0.0] * len(sections)
            for status in (*STATUSES, None):
                counts = [sum(1 for c in s.commitments if c.status == status) for s in sections]
                if not any(counts):
                    continue
                label = LABELS[status] if status else NO_UPDATE
                ax.barh(names, counts, left=left, color=COLORS[status], label=label, edgecolor="white")
                left = [a + b for a, b in zip(left, counts, strict=True)]
            for y, section in enumerate(sections):
                ax.text(left[y] + 0.1, y, chart_label(section), va="center", fontsize=9)
            ax.set_xlabel("engagements")
            ax.set_title(f"Engagements du SROM — avancement par fonction, {report.year}")
            ax.set_xlim(0, max(left or [1]) * 1.45 + 0.5)
            ax.legend(loc="lower right", fontsize=8, frameon=False)
            ax.spines[["top", "right"]].set_visible(False)
            fig.tight_layout()
            out = io.BytesIO()
            fig.savefig(out, format="png")
        finally:
            plt.close(fig)
    return out.getvalue()
