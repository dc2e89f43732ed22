"""A self-learner's progress over the weeks: a table and a small figure, offline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course import check
from course.config import load_course
from course.errors import CourseError
from course.paths import Layout
from course.workspace import workspace_dir


@dataclass(frozen=True)
class WeekStatus:
    """How far one week is."""

    aid: str
    title: str
    status: str  # "not started", "in progress", "done", "not released"
    passed: int
    total: int


def collect(*, root: Path, workspace: Path | None = None, hidden: bool = False) -> list[WeekStatus]:
    """Check every week's workspace notebook (public tests; hidden too with `hidden`)."""
    layout = Layout(root)
    course = load_course(layout.config)
    folder = workspace_dir(root, workspace)
    rows = []
    for week in course.weeks:
        total = len(week.points)
        notebook = folder / week.id / f"{week.id}.ipynb"
        if not layout.autograder_config(week.id).is_file() and not (
            layout.release_notebook(week.id).is_file()
        ):
            rows.append(WeekStatus(week.id, week.title, "not released", 0, total))
        elif not notebook.is_file():
            rows.append(WeekStatus(week.id, week.title, "not started", 0, total))
        else:
            report = check.main(week.id, notebook, root=root, hidden=hidden)
            passed = sum(q.passed for q in report.result.questions)
            status = "done" if passed == total else "in progress"
            rows.append(WeekStatus(week.id, week.title, status, passed, total))
    return rows


def render(rows: list[WeekStatus]) -> str:
    """The progress table."""
    width = max(len(r.aid) for r in rows)
    lines = [f"{'week':<{width}}  {'status':<12}  exercises passing"]
    for r in rows:
        bar = "█" * r.passed + "·" * (r.total - r.passed)
        lines.append(f"{r.aid:<{width}}  {r.status:<12}  {bar} {r.passed}/{r.total}")
    done = sum(r.status == "done" for r in rows)
    lines.append(f"{done} of {len(rows)} weeks done.")
    return "\n".join(lines)


def figure(rows: list[WeekStatus], path: Path) -> Path:
    """A bar per week: the share of its exercises that pass."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if not rows:
        raise CourseError("no weeks to show")
    fig, ax = plt.subplots(figsize=(8, 3.2))
    shares = [r.passed / r.total * 100 for r in rows]
    colors = [
        "#55a868" if r.status == "done" else "#dd8452" if r.passed else "#cccccc" for r in rows
    ]
    ax.bar([str(int(r.aid[4:6])) for r in rows], shares, color=colors)  # the week's number
    ax.set(title="Your progress", xlabel="week", ylabel="exercises passing (%)", ylim=(0, 100))
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path
