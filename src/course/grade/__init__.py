"""`course grade`: grade a batch of submissions in parallel, resumably, into DIR."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from course.engine import Options, grade_notebook, load_suite
from course.engine.suite import Suite
from course.errors import CourseError
from course.grade.progress import Progress
from course.grade.report import write_report
from course.grade.reports import (
    feedback_markdown,
    gradebook_csv,
    load_results,
    results_json,
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
    options = Options.for_suite(suite, also_hide=also_hide)

    def one(path: Path) -> None:
        _grade_one(path, names[path], suite, options, out)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(one, path): path for path in todo}
        for future in as_completed(futures):
            path = futures[future]
            try:
                future.result()
                summary.graded += 1
            except Exception as exc:  # grading itself failed: say so, keep going
                summary.failed[names[path]] = f"{type(exc).__name__}: {exc}"
            progress.advance()
    progress.close()
    rows = []
    for path in paths:
        data = load_results(out / names[path] / "results.json")
        if data is not None:
            rows.append((names[path], data))
            summary.scores[names[path]] = float(data["score"])
    summary.gradebook = out / "gradebook.csv"
    questions = [q.name for q in suite.questions]
    write_atomic(summary.gradebook, gradebook_csv(rows, questions))
    if rows:
        summary.report = write_report(out, rows, questions, f"{aid}: {suite.title}")
    return summary


def _grade_one(path: Path, name: str, suite: Suite, options: Options, out: Path) -> None:
    result = grade_notebook(path, suite, options, name=name)
    folder = out / name
    write_atomic(folder / "feedback.md", feedback_markdown(result, f"{suite.aid}: {suite.title}"))
    # results.json last: its presence marks the submission as done (for resuming)
    write_atomic(
        folder / "results.json", json.dumps(results_json(result), indent=2, sort_keys=True) + "\n"
    )


def iter_rows(gradebook: Path) -> Iterator[list[str]]:
    """Rows of a gradebook.csv (for summaries and tests)."""
    import csv

    with gradebook.open(encoding="utf-8") as handle:
        yield from csv.reader(handle)
