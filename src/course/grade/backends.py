"""Where submissions are graded: threads on this machine, or (cluster.py) a Dask cluster.
Both return the same rendered files; the caller writes them, so output and resuming are one."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from course.engine import Options, grade_notebook
from course.engine.runner import QuestionResult, SubmissionResult
from course.engine.suite import Suite
from course.grade.reports import feedback_markdown, results_json


@dataclass(frozen=True)
class Graded:
    """A graded submission, rendered: results.json and feedback.md as text."""

    results: str
    feedback: str


def render(path: Path, name: str, suite: Suite, options: Options) -> Graded:
    """Grade one notebook and render what is written for it."""
    result = grade_notebook(path, suite, options, name=name)
    hints = {q.name: q.hint for q in suite.questions if q.hint}
    return Graded(
        json.dumps(results_json(result, hints), indent=2, sort_keys=True) + "\n",
        feedback_markdown(result, f"{suite.aid}: {suite.title}", hints),
    )


def refused_result(name: str, suite: Suite, reason: str) -> Graded:
    """What is written for a submission the grader will not read: zero, and why."""
    result = SubmissionResult(name, suite.aid, [], notes=[reason])
    result.questions = [QuestionResult(q.name, 0.0, q.points, note=reason) for q in suite.questions]
    return Graded(
        json.dumps(results_json(result), indent=2, sort_keys=True) + "\n",
        feedback_markdown(result, f"{suite.aid}: {suite.title}"),
    )


# Submissions in flight per worker: enough to keep every worker busy, few enough that memory
# stays flat however large the class (a finished submission is let go as soon as it is yielded).
IN_FLIGHT_PER_WORKER = 4


def in_flight(
    todo: dict[Path, str],
    window: int,
    submit: Callable[[Path, str], Any],
    first_done: Callable[[list[Any]], Iterable[Any]],
) -> Iterator[tuple[Path, Graded | BaseException]]:
    """Grade `todo` with at most `window` submissions submitted and not yet yielded, refilling
    as futures finish (`first_done` waits for at least one); any executor's futures will do."""
    waiting = iter(todo.items())
    running: dict[Any, Path] = {}
    while True:
        while len(running) < window and (item := next(waiting, None)):
            running[submit(*item)] = item[0]
        if not running:
            return
        for future in first_done(list(running)):
            path = running.pop(future)
            try:
                yield path, future.result()
            except Exception as exc:
                yield path, exc


class Backend:
    """Grades a batch and yields (path, Graded or the exception that stopped grading)."""

    def __enter__(self) -> Backend:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def grade(self, todo: dict[Path, str]) -> Iterator[tuple[Path, Graded | BaseException]]:
        raise NotImplementedError


class LocalBackend(Backend):
    """Threads here; each grades in its own sandbox process (forked from a warm server)."""

    def __init__(self, suite: Suite, options: Options, workers: int) -> None:
        self.suite, self.options, self.workers = suite, options, max(1, workers)

    def grade(self, todo: dict[Path, str]) -> Iterator[tuple[Path, Graded | BaseException]]:
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            yield from in_flight(
                todo,
                IN_FLIGHT_PER_WORKER * self.workers,
                lambda path, name: pool.submit(render, path, name, self.suite, self.options),
                lambda running: wait(running, return_when=FIRST_COMPLETED).done,
            )
