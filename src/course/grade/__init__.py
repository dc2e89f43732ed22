"""`course grade`: grade a batch of submissions in parallel, resumably, into DIR."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from course.engine import Options, load_suite
from course.errors import CourseError
from course.grade.backends import Backend, Graded, LocalBackend
from course.grade.progress import Progress
from course.grade.report import write_report
from course.grade.reports import (
    digest,
    gradebook_csv,
    load_results,
    write_atomic,
)
from course.paths import Layout


@dataclass
class Summary:
    """What a batch did."""

    graded: int = 0
    reused: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    max_score: float = 0.0
    gradebook: Path | None = None
    report: Path | None = None

    @property
    def mean(self) -> float:
        return sum(self.scores.values()) / len(self.scores) if self.scores else 0.0


def find_submissions(paths: list[Path]) -> list[Path]:
    """Notebook files named directly, or found (recursively) in named folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.is_file():
            found.append(path)
        else:
            raise CourseError(f"submission {path} does not exist; check the path")
    if not found:
        raise CourseError("no .ipynb submissions found in " + ", ".join(map(str, paths)))
    return found


def submission_names(paths: list[Path]) -> dict[Path, str]:
    """A unique, stable name per submission: its stem, prefixed by its folder when stems clash."""
    names: dict[Path, str] = {}
    stems = [p.stem for p in paths]
    for path in paths:
        name = path.stem if stems.count(path.stem) == 1 else f"{path.parent.name}__{path.stem}"
        base, n = name, 2
        while name in names.values():
            name, n = f"{base}_{n}", n + 1
        names[path] = name
    return names


def main(
    aid: str,
    submissions: list[Path],
    *,
    out: Path,
    root: Path,
    workers: int = 1,
    force: bool = False,
    quiet: bool = False,
    scheduler: str | None = None,
) -> Summary:
    """Grade `submissions` of `aid` into `out`; already graded ones are kept unless `force`."""
    layout = Layout(root)
    suite = load_suite(layout, aid)
    paths = find_submissions(submissions)
    names = submission_names(paths)
    out.mkdir(parents=True, exist_ok=True)
    also_hide = (out, *sorted({p.resolve().parent for p in paths}))
    summary = Summary(max_score=suite.max_score)
    todo = []
    for path in paths:
        done = None if force else load_results(out / names[path] / "results.json")
        if done is None:
            todo.append(path)
        else:
            summary.reused += 1
    progress = Progress(len(todo), f"grading {aid}", enabled=not quiet)
    if scheduler:
        from course.grade.cluster import DaskBackend

        backend: Backend = DaskBackend(scheduler, layout, aid)
    else:
        backend = LocalBackend(suite, Options.for_suite(suite, also_hide=also_hide), workers)
    with backend:
        for path, outcome in backend.grade({path: names[path] for path in todo}):
            if isinstance(outcome, BaseException):  # grading itself failed: say so, go on
                summary.failed[names[path]] = f"{type(outcome).__name__}: {outcome}"
            else:
                write_graded(out / names[path], outcome)
                summary.graded += 1
            progress.advance()
    progress.close()
    rows = []
    for path in paths:
        data = load_results(out / names[path] / "results.json")
        if data is not None:
            rows.append((names[path], digest(data)))
            summary.scores[names[path]] = float(data["score"])
    summary.gradebook = out / "gradebook.csv"
    questions = [q.name for q in suite.questions]
    write_atomic(summary.gradebook, gradebook_csv(rows, questions))
    if rows:
        summary.report = write_report(out, rows, questions, f"{aid}: {suite.title}")
    return summary


def write_graded(folder: Path, graded: Graded) -> None:
    """Write one submission's files; results.json last, as its presence marks it done."""
    write_atomic(folder / "feedback.md", graded.feedback)
    write_atomic(folder / "results.json", graded.results)


def iter_rows(gradebook: Path) -> Iterator[list[str]]:
    """Rows of a gradebook.csv (for summaries and tests)."""
    import csv

    with gradebook.open(encoding="utf-8") as handle:
        yield from csv.reader(handle)
