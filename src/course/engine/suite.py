"""Load an assignment's tests (trusted): questions, points, forbidden calls and test functions."""

from __future__ import annotations

import builtins
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.errors import CourseError
from course.paths import Layout


class test_case:
    """Stand-in for `otter.test_files.test_case`: same arguments, no otter import (0.9 s)."""

    def __init__(
        self,
        name: str | None = None,
        points: float | None = None,
        hidden: bool = False,
        success_message: str | None = None,
        failure_message: str | None = None,
    ) -> None:
        self.name, self.points, self.hidden = name, points, hidden
        self.failure_message = failure_message
        self.test_func: Callable[..., None] = lambda: None

    def __call__(self, func: Callable[..., None]) -> test_case:
        self.test_func = func
        return self


@dataclass(frozen=True)
class Test:
    """One test function and the student functions it needs."""

    name: str
    hidden: bool
    func: Callable[..., None]
    params: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One graded question."""

    name: str
    points: float
    forbid: tuple[str, ...]
    tests: tuple[Test, ...]
    hint: str = ""
    """the notebook's hint for this question (public), shown in feedback when it fails"""


@dataclass(frozen=True)
class Suite:
    """Everything needed to grade one assignment, loaded once per batch."""

    aid: str
    title: str
    questions: tuple[Question, ...]
    limits: dict[str, float]
    root: Path
    """the course repository, whose answers the student's process must not see"""
    skip_cells: frozenset[str] = frozenset()
    """fingerprints of the author's demonstration cells, which grading may leave out"""

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.questions)


def _import_hook(original: Callable[..., Any]) -> Callable[..., Any]:
    def hooked(
        name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
    ) -> Any:
        if name in ("otter.test_files", "otter"):

            class _Shim:
                pass

            shim = _Shim()
            shim.test_case = test_case  # type: ignore[attr-defined]
            shim.test_files = shim  # type: ignore[attr-defined]
            return shim
        return original(name, globals, locals, fromlist, level)

    return hooked


# A test that takes the kernel's namespace (otter passes it as `env`) checks, in the notebook, a
# rule that the grader applies itself before any test (forbidden shortcuts): the grader skips it.
KERNEL_ONLY = "env"


def load_test_file(path: Path) -> list[Test]:
    """Execute one generated test file and collect its test cases, in file order."""
    env_builtins = dict(vars(builtins))
    env_builtins["__import__"] = _import_hook(builtins.__import__)
    namespace: dict[str, Any] = {"__builtins__": env_builtins, "__name__": path.stem}
    try:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    except Exception as exc:
        raise CourseError(
            f"{path}: cannot load tests: {type(exc).__name__}: {exc}; run `course build`"
        ) from exc
    tests = []
    for key, value in namespace.items():
        if isinstance(value, test_case):
            params = tuple(inspect.signature(value.test_func).parameters)
            if KERNEL_ONLY in params:  # the notebook's twin of a rule the grader applies itself
                continue
            tests.append(Test(value.name or key, value.hidden, value.test_func, params))
    return tests


def load_suite(layout: Layout, aid: str, public: bool = False) -> Suite:
    """Read autograder/<aid>/ (or, with `public`, the students' release/<aid>/) into a Suite."""
    config_path = layout.release_suite(aid) if public else layout.autograder_config(aid)
    tests_dir = config_path.parent / "tests"
    if not config_path.is_file():
        if not public and layout.release_suite(aid).is_file():
            raise CourseError(
                f"{aid}: the hidden tests are not in this repository (they stay with the "
                "instructor); run the public checks without --hidden"
            )
        raise CourseError(
            f"{aid} has no {'checks' if public else 'autograder'} ({config_path} is missing); "
            f"run `course build {aid}`"
        )
    config = json.loads(config_path.read_text(encoding="utf-8"))
    questions = []
    for q in config["questions"]:
        tests = load_test_file(tests_dir / f"{q['name']}.py")
        questions.append(
            Question(
                q["name"],
                float(q["points"]),
                tuple(q["forbid"]),
                tuple(tests),
                str(q.get("hint", "")),
            )
        )
    return Suite(
        aid,
        config["title"],
        tuple(questions),
        dict(config["limits"]),
        layout.root,
        frozenset(config.get("skip_cells", ())),
    )
