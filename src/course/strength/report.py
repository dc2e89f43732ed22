"""The mutation report: a Markdown page with a figure of the kill rate per function."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from course.grade.reports import write_atomic

if TYPE_CHECKING:
    from course.strength import FunctionReport, StrengthReport

FIGURE = "kill_rate.png"


def _rate(rate: float | None) -> str:
    """A percentage that reads 100% only when every graded mutant is killed (99.6% is not)."""
    return "–" if rate is None else f"{math.floor(1000 * rate) / 10:g}%"


def table(result: StrengthReport) -> list[str]:
    """The per-function table, as Markdown rows."""
    rows = [
        "| function | mutants | set aside as equivalent | listed equivalent | graded | killed "
        "| survived | kill rate |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in result.functions:
        rows.append(
            f"| `{f.name}` | {len(f.outcomes)} | {f.count('equivalent')} | {f.count('listed')} "
            f"| {f.graded} | {f.count('killed')} | {f.count('survived')} | {_rate(f.kill_rate)} |"
        )
    return rows


def summary_lines(result: StrengthReport) -> list[str]:
    """A few lines for the terminal: one per function, then the week."""
    width = max([len(f.name) for f in result.functions] + [8])
    lines = [
        f"{'function':<{width}}  mutants  equivalent  graded  killed  survived  kill rate",
    ]
    for f in result.functions:
        lines.append(
            f"{f.name:<{width}}  {len(f.outcomes):>7}  "
            f"{f.count('equivalent') + f.count('listed'):>10}  {f.graded:>6}  "
            f"{f.count('killed'):>6}  {f.count('survived'):>8}  {_rate(f.kill_rate):>9}"
        )
    lines.append(
        f"{result.aid}: kill rate {_rate(result.kill_rate)}, "
        f"{result.total('survived')} survivor(s), {result.total('equivalent')} set aside as "
        f"equivalent, {result.total('listed')} listed equivalent"
    )
    return lines


def _survivor(f: FunctionReport, result: StrengthReport) -> list[str]:
    out = [f"### `{f.name}`: {len(f.survivors)} survivor(s)", ""]
    for o in f.survivors:
        m = o.mutant
        public = " The public tests catch it; the hidden ones do not." if o.public_catches else ""
        out += [
            f"- `{m.id}` ({m.operator}), line {m.line} of `{result.master}`: {o.why}.{public}",
            "",
            "  ```diff",
            *(f"  {line}" for line in m.diff.splitlines()),
            "  ```",
            "",
        ]
    return out


def markdown(result: StrengthReport) -> str:
    """The report page (no timings: the same seed gives the same bytes)."""
    generated = sum(len(f.outcomes) + f.sampled_out for f in result.functions)
    lines = [
        f"# How strong are the hidden tests of {result.aid}?",
        "",
        f"`course strength` changed one thing at a time in each graded function of "
        f"`{result.master}` (seed {result.seed}): {generated} mutants, "
        f"{sum(f.sampled_out for f in result.functions)} left out by --max, "
        f"{sum(f.not_compiling for f in result.functions)} that did not compile and "
        f"{sum(f.duplicates for f in result.functions)} duplicates dropped before this. "
        f"{result.total('equivalent')} behaved exactly like the solution on the tests' inputs "
        f"and on random ones and were set aside as likely equivalent; "
        f"{result.total('listed')} are listed as equivalent in `EQUIVALENT` of mutants.py. "
        f"The hidden tests graded the rest through the grading engine: "
        f"**kill rate {_rate(result.kill_rate)}** ({result.total('killed')} killed, "
        f"{result.total('survived')} survived).",
        "",
        *table(result),
        "",
        f"![kill rate per function]({FIGURE})",
        "",
        "## Survivors",
        "",
        "Each survivor is a change that behaves differently from the solution (where is said) "
        "and still passes every hidden test: write a hidden test that fails on it, or, if it is "
        "correct after all, list its id with the reason in `EQUIVALENT` of mutants.py.",
        "",
    ]
    for f in result.functions:
        if f.survivors:
            lines += _survivor(f, result)
    if not result.total("survived"):
        lines += ["None: the hidden tests kill every graded mutant.", ""]
    lines += ["## Set aside as likely equivalent", ""]
    aside = [
        o for f in result.functions for o in f.outcomes if o.status in ("equivalent", "listed")
    ]
    for o in aside:
        reason = f"listed: {o.why}" if o.status == "listed" else "same behaviour"
        after = " / ".join(f"`{s.strip()}`" for s in o.mutant.after) or "(line deleted)"
        lines.append(f"- `{o.mutant.id}` line {o.mutant.line} ({reason}): {after}")
    if not aside:
        lines.append("None.")
    if result.stale:
        lines += [
            "",
            "## Stale entries of `EQUIVALENT`",
            "",
            "No mutant has these ids any more (the line changed); remove them: "
            + ", ".join(f"`{s}`" for s in result.stale),
        ]
    return "\n".join(lines).rstrip() + "\n"


def write_report(result: StrengthReport, folder: Path) -> tuple[Path, Path]:
    """Write folder/report.md and folder/kill_rate.png."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    names = [f.name for f in result.functions][::-1]
    rates = [100 * (f.kill_rate or 0.0) for f in result.functions][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(names) + 1.5))
    colors = ["#55a868" if r >= 90 else "#dd8452" if r >= 70 else "#c44e52" for r in rates]
    ax.barh(names, rates, color=colors)
    for y, f in enumerate(result.functions[::-1]):
        light = (f.kill_rate or 0.0) > 0.15  # white on a bar, black where there is none
        ax.text(
            1,
            y,
            f"{f.count('killed')}/{f.graded}",
            va="center",
            color="white" if light else "black",
        )
    ax.set(
        xlim=(0, 100),
        title=f"{result.aid}: mutants killed by the hidden tests",
        xlabel="kill rate (%)",
        ylabel="function",
    )
    fig.tight_layout()
    figure = folder / FIGURE
    fig.savefig(figure, dpi=100, metadata={"Software": None})
    plt.close(fig)
    report = folder / "report.md"
    write_atomic(report, markdown(result))
    return report, figure
