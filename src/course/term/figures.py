"""The term's figures: the score distribution of each week, and when submissions arrived
against the deadline."""

from __future__ import annotations

from pathlib import Path


def score_figure(scores: dict[str, list[float]], maxima: dict[str, float], path: Path) -> Path:
    """Each week's final scores (as % of its points) as a box with every student a dot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    weeks = list(scores)
    fig, ax = plt.subplots(figsize=(max(5.0, 1.2 * len(weeks) + 2), 4))
    data = [[100 * v / maxima[w] for v in scores[w]] or [0.0] for w in weeks]
    ax.boxplot(data, showfliers=False)
    for i, values in enumerate(data, start=1):
        ax.scatter([i] * len(values), values, s=12, color="#4c72b0", alpha=0.7, zorder=3)
    ax.set_xticks(range(1, len(weeks) + 1), weeks, rotation=20, ha="right")
    ax.set(title="Final scores per week (after penalties and overrides)", ylabel="% of points")
    ax.set_ylim(-5, 105)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def timing_figure(hours: dict[str, list[float]], path: Path) -> Path:
    """Per week, a histogram of submission times in hours before (<0) or after (>0) each
    student's own deadline, with the deadline drawn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    weeks = list(hours) or ["(none)"]
    fig, axes = plt.subplots(
        len(weeks), 1, figsize=(7, 1.8 * len(weeks) + 1), squeeze=False, sharex=True
    )
    for ax, week in zip(axes[:, 0], weeks, strict=True):
        values = hours.get(week, [])
        if values:
            ax.hist(values, bins=min(30, max(5, len(values))), color="#55a868")
        ax.axvline(0, color="#c44e52", linestyle="--", label="deadline")
        ax.set(title=week, ylabel="submissions")
        ax.legend(loc="upper left")
    axes[-1, 0].set_xlabel("hours relative to the student's deadline (late is right of the line)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
