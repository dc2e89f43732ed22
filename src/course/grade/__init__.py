"""`course grade`: grade a batch of submissions in parallel, resumably, into DIR."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from course.engine import Options, load_suite
from course.errors import CourseError
from course.grade.backends import Backend, Graded, LocalBackend, refused_result
from course.grade.progress import Progress
from course.grade.report import write_report
from course.grade.reports import (
    digest,
    gradebook_csv,
    load_results,
    write_atomic,
)
from course.grade.store import (
    Key,
    autograder_files,
    claim,
    file_sha256,
    fingerprint,
    reusable,
    stamped,
)
from course.paths import Layout


@dataclass
class Summary:
    """What a batch did."""

    graded: int = 0
    reused: int = 0
    stale: int = 0
    """graded again because the submission or the autograder changed since the kept result"""
    refused: dict[str, str] = field(default_factory=dict)
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
    return [found for found, _ in _found_in(paths)]


def _found_in(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(submission, the folder it was collected from) for every submission."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for folder, dirs, files in os.walk(path):  # never into linked folders
                dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
                found += [(Path(folder) / f, path) for f in sorted(files) if f.endswith(".ipynb")]
        elif path.exists() or path.is_symlink():
            found.append((path, path.absolute().parent))
        else:
            raise CourseError(f"submission {path} does not exist; check the path")
    if not found:
        raise CourseError("no .ipynb submissions found in " + ", ".join(map(str, paths)))
    return found


def refusal(path: Path, collected_from: Path) -> str | None:
    """Why a submission is not read at all (None: it is read and graded): the grader reads what
    a submission is, not what it points to."""
    try:
        inside = path.resolve().is_relative_to(collected_from.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        return (
            "your submission is a symbolic link to a file outside the submissions folder, "
            "which the grader does not follow; submit the notebook file itself"
        )
    if not path.is_file():
        return "your submission is not a regular file; submit the .ipynb file saved from JupyterLab"
    return None


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
    """Grade `submissions` of `aid` into `out`; a result already there is kept (unless `force`)
    only when it was graded from the same submission content and the same autograder."""
    layout = Layout(root)
    suite = load_suite(layout, aid)
    found = _found_in(submissions)
    paths = [path for path, _ in found]
    names = submission_names(paths)
    refused = {p: why for p, base in found if (why := refusal(p, base)) is not None}
    out.mkdir(parents=True, exist_ok=True)
    claim(out, aid)
    autograder = fingerprint(autograder_files(layout, aid))
    keys = {p: Key(aid, file_sha256(p) if p not in refused else "", autograder) for p in paths}
    also_hide = (out, *sorted({p.resolve().parent for p in paths}))
    summary = Summary(max_score=suite.max_score)
    todo = []
    for path in paths:
        results = out / names[path] / "results.json"
        if path in refused:
            write_graded(out / names[path], refused_result(names[path], suite, refused[path]))
            summary.refused[names[path]] = refused[path]
        elif not force and reusable(results, keys[path]):
            summary.reused += 1
        else:
            summary.stale += results.exists() and not force
            todo.append(path)
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
                write_graded(out / names[path], outcome, keys[path])
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


def write_graded(folder: Path, graded: Graded, key: Key | None = None) -> None:
    """Write one submission's files; results.json last (with the key it was graded from), as
    its presence marks it done."""
    write_atomic(folder / "feedback.md", graded.feedback)
    write_atomic(folder / "results.json", stamped(graded.results, key) if key else graded.results)


def iter_rows(gradebook: Path) -> Iterator[list[str]]:
    """Rows of a gradebook.csv (for summaries and tests)."""
    import csv

    with gradebook.open(encoding="utf-8") as handle:
        yield from csv.reader(handle)
