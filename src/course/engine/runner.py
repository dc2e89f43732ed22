"""Grade one notebook: run its cells in a sandbox, then every test on the trusted side.

This is the engine boundary: `grade_notebook(path, suite, options) -> SubmissionResult`.
Batch grading, `course check`, and any other engine call only this.
"""

from __future__ import annotations

import ast
import functools
import inspect
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from course import submission
from course.engine import forbidden
from course.engine.sandbox import (
    Sandbox,
    SandboxFailure,
    Settings,
    StudentException,
    StudentProblem,
)
from course.engine.skipping import cells_to_skip
from course.engine.suite import Question, Suite, Test
from course.paths import Layout


@dataclass
class TestOutcome:
    """The verdict on one test."""

    name: str
    hidden: bool
    passed: bool
    message: str = ""
    forbidden: bool = False


@dataclass
class QuestionResult:
    """The score of one question and why."""

    name: str
    score: float
    max_score: float
    outcomes: list[TestOutcome] = field(default_factory=list)
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


@dataclass
class SubmissionResult:
    """Everything the grader concluded about one submission."""

    submission: str
    assignment: str
    questions: list[QuestionResult]
    notes: list[str] = field(default_factory=list)
    enforced: dict[str, bool] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return round(sum(q.score for q in self.questions), 6)

    @property
    def max_score(self) -> float:
        return sum(q.max_score for q in self.questions)


@dataclass
class Options:
    """Limits for one submission (from course_config.py GRADING)."""

    cell_timeout: float = 30.0
    notebook_timeout: float = 120.0
    test_timeout: float = 10.0
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def for_suite(cls, suite: Suite, *, also_hide: tuple[Path, ...] = ()) -> Options:
        """Limits from the course config; the sandbox sees only what the course's Layout
        exposes (the Python environment and system libraries), never its private folders nor
        `also_hide` (submissions, the output folder), which are left out of it even if the
        Python environment lived inside them."""
        view = Layout(suite.root).sandbox_view(hidden=also_hide)
        return cls.from_limits(suite.limits, view=view.as_dict())

    @classmethod
    def from_limits(cls, limits: dict[str, float], **settings: Any) -> Options:
        memory = int(limits.get("memory_mb", 2048)) << 20
        output = int(limits.get("output_mb", 8)) << 20
        notebook = float(limits.get("notebook_timeout", 120))
        return cls(
            cell_timeout=float(limits.get("cell_timeout", 30)),
            notebook_timeout=notebook,
            test_timeout=float(limits.get("test_timeout", 10)),
            settings=Settings(
                memory_bytes=memory,
                file_bytes=output,
                cpu_seconds=int(notebook * 3),
                **settings,
            ),
        )


class NotebookError(Exception):
    """The submission file is not a notebook we can read."""


def read_submission(path: Path) -> submission.Notebook:
    """A notebook file as course.submission validated it (the one reader of submissions);
    NotebookError carries its one sentence for the student."""
    try:
        return submission.read(path)
    except submission.SubmissionError as exc:
        raise NotebookError(str(exc)) from exc


def read_code_cells(path: Path) -> list[str]:
    """The code cells of a notebook file, as the grader reads them."""
    return read_submission(path).code


class Grader:
    """Grades one submission; restarts the sandbox after a crash or timeout and goes on."""

    def __init__(self, suite: Suite, options: Options, cells: list[str]) -> None:
        self.suite, self.options, self.cells = suite, options, cells
        self.sandbox: Sandbox | None = None
        self.bad_cells: dict[int, str] = {}
        self.notes: list[str] = []
        self.deadline = time.monotonic() + options.notebook_timeout
        self.enforced: dict[str, bool] = {}
        self.cell_errors: dict[int, str] = {}
        self.trees = parse_each(cells)
        needed = {q.name for q in suite.questions} | {
            p for q in suite.questions for t in q.tests for p in t.params
        }
        self.demos = cells_to_skip(self.trees, cells, suite.skip_cells, needed)

    def boot(self) -> Sandbox:
        """A sandbox in which every cell that can run has run."""
        while True:
            sandbox = Sandbox(self.options.settings)
            sandbox.start()
            self.enforced = sandbox.enforced
            run = sandbox.run_cells(
                self.cells,
                set(self.bad_cells) | self.demos,  # demonstrations nothing graded needs
                self.options.cell_timeout,
                self.deadline,
                sorted({f for q in self.suite.questions for f in q.forbid}),
            )
            self.cell_errors.update(run.errors)
            if run.finished:
                return sandbox
            if run.failed_cell is None or time.monotonic() >= self.deadline:
                self.notes.append(
                    f"The notebook stopped running: {run.failure}; cells after "
                    "that point were not run."
                )
                self.deadline = float("inf")  # grade what exists; do not try again
                self.bad_cells.update({i: "not run" for i in range(len(self.cells))})
                return sandbox if sandbox.alive else self.boot_empty()
            index = run.failed_cell
            self.bad_cells[index] = run.failure
            self.notes.append(f"Cell {index + 1} was skipped: {run.failure}.")
            sandbox.close()

    def boot_empty(self) -> Sandbox:
        sandbox = Sandbox(self.options.settings)
        sandbox.start()
        return sandbox

    def grade(self) -> list[QuestionResult]:
        trees = [t for t in self.trees if t is not None]
        results = []
        try:
            for question in self.suite.questions:
                results.append(self.grade_question(question, trees))
        finally:
            if self.sandbox is not None:
                self.sandbox.close()
        for index, error in sorted(self.cell_errors.items()):
            if index not in self.bad_cells:
                self.notes.append(f"Cell {index + 1} raised {error.splitlines()[0][:200]}")
        return results

    def grade_question(self, question: Question, trees: list[ast.Module]) -> QuestionResult:
        result = QuestionResult(question.name, 0.0, question.points)
        used = forbidden.violations(question.name, question.forbid, trees)
        if used:
            result.note = forbidden.message(question.name, used)
            return result
        stop = ""
        for test in question.tests:
            if stop:
                result.outcomes.append(TestOutcome(test.name, test.hidden, False, stop))
                continue
            outcome, fatal = self.run_test(question, test)
            result.outcomes.append(outcome)
            if outcome.forbidden and not result.note:
                result.note = (
                    f"{outcome.message}: write it without that shortcut. "
                    "The whole exercise scores 0."
                )
            if fatal:
                stop = "not run: an earlier test of this question stopped the process"
                if not result.note:
                    result.note = outcome.message
        if any(o.forbidden for o in result.outcomes):
            return result
        passed = sum(o.passed for o in result.outcomes)
        total = max(len(question.tests), 1)
        result.score = round(question.points * passed / total, 6)
        return result

    def run_test(self, question: Question, test: Test) -> tuple[TestOutcome, bool]:
        """Run one test; True as second value when the sandbox died or timed out."""
        try:
            if self.sandbox is None or not self.sandbox.alive:
                self.sandbox = self.boot()
            sandbox = self.sandbox
            proxies = {
                p: Proxy(sandbox, p, question, self.options.test_timeout) for p in test.params
            }
            with np.errstate(all="ignore"):  # a diverging wrong answer is a verdict, not noise
                test.func(**proxies)
        except SandboxFailure as exc:
            if self.sandbox is not None:
                self.sandbox.close()
            self.sandbox = None
            return TestOutcome(test.name, test.hidden, False, exc.reason), True
        except StudentProblem as exc:
            return TestOutcome(
                test.name, test.hidden, False, exc.reason, forbidden=exc.kind == "forbidden"
            ), False
        except AssertionError as exc:
            if isinstance(exc, StudentException):
                return TestOutcome(
                    test.name, test.hidden, False, describe_student_exception(exc, test.hidden)
                ), False
            return TestOutcome(test.name, test.hidden, False, str(exc) or "failed"), False
        except Exception as exc:
            return TestOutcome(
                test.name,
                test.hidden,
                False,
                describe_error(exc, test.hidden, expected_errors(test.func)),
            ), False
        return TestOutcome(test.name, test.hidden, True), False


def describe_student_exception(exc: BaseException, hidden: bool) -> str:
    """Your function raised X: the message only for public tests (hidden inputs stay hidden)."""
    kind = getattr(exc, "student_type", type(exc).__name__)
    if hidden:
        return f"your function raised {kind}"
    message = getattr(exc, "student_message", "")
    return (
        f"your function raised {kind}: {message}"[:300]
        if message
        else (f"your function raised {kind}")
    )


@functools.cache
def expected_errors(func: Any) -> tuple[str, ...]:
    """The exception types a test catches (`except ValueError:`): what it expects the student's
    function to raise. Read from the test's source, on the trusted side."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return ()
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            kinds = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            names += [k.id for k in kinds if isinstance(k, ast.Name) and k.id != "Exception"]
    return tuple(dict.fromkeys(names))


def describe_error(exc: Exception, hidden: bool, expects: tuple[str, ...] = ()) -> str:
    if isinstance(exc, StudentException):
        said = describe_student_exception(exc, hidden)
        kind = getattr(exc, "student_type", type(exc).__name__)
        if expects and kind not in expects:  # the type only: it reveals no input
            said += f"; this test expects {' or '.join(expects)}"
        return said
    if hidden:
        return f"the result could not be checked ({type(exc).__name__}): wrong type or shape?"
    return f"the result could not be checked: {type(exc).__name__}: {exc}"[:300]


class Proxy:
    """Stands for a student's function inside a trusted test: calls go through the channel."""

    def __init__(self, sandbox: Sandbox, name: str, question: Question, timeout: float) -> None:
        self._sandbox, self._name = sandbox, name
        self._forbid = list(question.forbid) if name == question.name else []
        self._timeout = timeout

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._sandbox.call(self._name, args, kwargs, self._forbid, self._timeout)

    def __repr__(self) -> str:
        return f"<student function {self._name}>"


_PARSE_LOCK = threading.Lock()  # CPython 3.11's parser is not safe under concurrent threads:
# parallel ast.parse calls failed with "AST constructor recursion depth mismatch" at 3k subs


def parse_each(cells: list[str]) -> list[ast.Module | None]:
    """Each cell's syntax tree (after turning IPython magics into calls), None where a cell
    does not parse."""
    from IPython.core.inputtransformer2 import TransformerManager

    manager = TransformerManager()
    trees: list[ast.Module | None] = []
    with _PARSE_LOCK:
        for source in cells:
            try:
                try:  # plain Python needs no transform
                    trees.append(ast.parse(source))
                except SyntaxError:
                    trees.append(ast.parse(manager.transform_cell(source)))
            except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
                trees.append(None)
    return trees


def grade_notebook(
    path: Path, suite: Suite, options: Options, name: str | None = None
) -> SubmissionResult:
    """Grade the notebook at `path` against `suite`; never raises for a student's mistake."""
    started = time.monotonic()
    result = SubmissionResult(name or path.stem, suite.aid, [])
    try:
        notebook = read_submission(path)
        cells = notebook.code
    except NotebookError as exc:
        result.notes.append(str(exc))  # already a whole sentence that says what to do
        result.questions = [
            QuestionResult(q.name, 0.0, q.points, note=str(exc)) for q in suite.questions
        ]
        return result
    grader = Grader(suite, options, cells)
    result.questions = grader.grade()
    if notebook.assignment and notebook.assignment != suite.aid:
        result.notes.append(
            f"this looks like {notebook.assignment}'s notebook, not {suite.aid}'s: check that "
            "you submitted the right file"
        )
    result.notes.extend(grader.notes)
    result.enforced = grader.enforced
    result.seconds = round(time.monotonic() - started, 3)
    return result
