"""Grade mutants with the hidden tests in one batch, through the same engine as `course grade`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from course.engine import Options, grade_notebook
from course.engine.runner import QuestionResult
from course.engine.suite import Suite
from course.grade.backends import IN_FLIGHT_PER_WORKER, in_flight
from course.sample import answers_only

CONTROL = "solution"


@dataclass(frozen=True)
class Verdict:
    """What the tests made of one mutant (or of the unchanged solution, the control)."""

    killed: bool
    killed_by: tuple[str, ...]
    """the hidden tests that failed (or the rule that zeroed the question)"""
    public_catches: bool
    """a public test fails: the student sees it, but the hidden tests would not catch it"""
    note: str = ""
    seconds: float = 0.0
    """how long grading took (the control's sets the timeout of its question's mutants)"""


def one_question(suite: Suite, question: str) -> Suite:
    """The suite reduced to one question: a mutant changes only that question's function."""
    return replace(suite, questions=tuple(q for q in suite.questions if q.name == question))


def verdict(result: QuestionResult, seconds: float = 0.0) -> Verdict:
    hidden = tuple(o.name for o in result.outcomes if o.hidden and not o.passed)
    public = any(not o.hidden and not o.passed for o in result.outcomes)
    if not result.outcomes and result.note:  # a forbidden shortcut: the question scores 0
        hidden = (result.note.split(":")[0],)
    return Verdict(bool(hidden) and not result.passed, hidden, public, result.note, seconds)


def grade_all(
    suite: Suite,
    correct: dict[str, Any],
    imports: list[str],
    todo: dict[str, tuple[str, str]],
    folder: Path,
    *,
    workers: int,
    timeouts: dict[str, float],
    advance: Callable[[], None],
) -> Iterator[tuple[str, Verdict]]:
    """Grade each entry of `todo` (id -> (question, answer cell)) in a notebook of the
    master's imports and answer cells with that one answer replaced, each test of a question
    stopped after at most `timeouts[question]` seconds; yields (id, Verdict)."""
    paths: dict[Path, str] = {}
    questions: dict[str, str] = {}
    for n, (mid, (question, source)) in enumerate(todo.items()):
        path = folder / f"m{n:04d}.ipynb"
        answers = {} if mid.startswith(CONTROL) else {question: source}
        path.write_text(json.dumps(answers_only(correct, imports, answers)), encoding="utf-8")
        paths[path], questions[mid] = mid, question
    suites = {q: one_question(suite, q) for q in set(questions.values())}
    base = Options.for_suite(suite, also_hide=(folder,))
    options = {
        q: replace(base, test_timeout=min(base.test_timeout, timeouts.get(q, base.test_timeout)))
        for q in suites
    }

    def grade(path: Path, mid: str) -> tuple[QuestionResult, float]:
        q = questions[mid]
        result = grade_notebook(path, suites[q], options[q], name=mid)
        return result.questions[0], result.seconds

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for path, result in in_flight(
            paths,
            IN_FLIGHT_PER_WORKER * max(1, workers),
            lambda path, mid: pool.submit(grade, path, mid),
            lambda running: wait(running, return_when=FIRST_COMPLETED).done,
        ):
            advance()
            if isinstance(result, BaseException):
                yield paths[path], Verdict(False, (), False, f"could not grade: {result}")
            else:
                # in_flight is typed for `course grade`'s Graded; here the futures hold results
                yield paths[path], verdict(*cast(tuple[QuestionResult, float], result))
