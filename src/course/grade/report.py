"""The instructor's report for a batch: score distribution per question and the most-failed
tests, as figures and a short Markdown page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from course.grade.reports import write_atomic


def write_report(
    out: Path, rows: list[tuple[str, dict[str, Any]]], questions: list[str], title: str
) -> Path:
    """Write out/report.md with out/report_scores.png and out/report_failures.png."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scores = {q: [_score(d, q) for _, d in rows] for q in questions}
    maxima = {q: _max(rows, q) for q in questions}
    totals = [float(d["score"]) for _, d in rows]
    failed = Counter(t for _, d in rows for t in d.get("extra_data", {}).get("failed_tests", []))

    fig, axes = plt.subplots(1, 2, figsize=(12, 4))
    axes[0].hist(totals, bins=min(20, max(len(set(totals)), 1)), color="#4c72b0")
    axes[0].set(title="Total scores", xlabel="score", ylabel="submissions")
    zero = [sum(v == 0 for v in scores[q]) for q in questions]
    full = [sum(v >= maxima[q] for v in scores[q]) for q in questions]
    partial = [len(rows) - z - f for z, f in zip(zero, full, strict=True)]
    left = [0] * len(questions)
    for counts, label, color in (
        (full, "full marks", "#55a868"),
        (partial, "partly", "#dd8452"),
        (zero, "zero", "#c44e52"),
    ):
        axes[1].barh(questions, counts, left=left, label=label, color=color)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes[1].invert_yaxis()
    # Beside the bars, not over them: a bar may reach any corner of the axes.
    axes[1].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    axes[1].set(title="Scores per question", xlabel="submissions")
    fig.tight_layout()
    fig.savefig(out / "report_scores.png", dpi=90)
    plt.close(fig)

    top = failed.most_common(12)
    fig, ax = plt.subplots(figsize=(8, 0.4 * max(len(top), 1) + 1.2))
    ax.barh([name for name, _ in top][::-1], [n for _, n in top][::-1], color="#c44e52")
    ax.set(title="Most-failed tests", xlabel="submissions failing it")
    fig.tight_layout()
    fig.savefig(out / "report_failures.png", dpi=90)
    plt.close(fig)

    lines = [
        f"# Grading report: {title}",
        "",
        f"{len(rows)} submissions graded; mean total {sum(totals) / max(len(totals), 1):.2f}.",
        "",
        "![scores](report_scores.png)",
        "",
        "| question | mean | max | full marks |",
        "| --- | --- | --- | --- |",
    ]
    for q, n_full in zip(questions, full, strict=True):
        mean = sum(scores[q]) / max(len(rows), 1)
        lines.append(f"| `{q}` | {mean:.2f} | {maxima[q]:g} | {n_full} / {len(rows)} |")
    lines += ["", "## Most-failed tests", "", "![failures](report_failures.png)", ""]
    lines += [f"- `{name}`: {n} submissions" for name, n in top]
    path = out / "report.md"
    write_atomic(path, "\n".join(lines) + "\n")
    return path


def _score(data: dict[str, Any], question: str) -> float:
    return next((float(t["score"]) for t in data["tests"] if t["name"] == question), 0.0)


def _max(rows: list[tuple[str, dict[str, Any]]], question: str) -> float:
    for _, data in rows:
        for t in data["tests"]:
            if t["name"] == question:
                return float(t["max_score"])
    return 0.0
