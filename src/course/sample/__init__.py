"""A reproducible sample class: student submissions of every kind, with their expected scores.

Built from a week's release, solution and mutants, so it follows the course as it changes.
Used by the demo, the tests and the benchmarks.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.config import load_course
from course.errors import CourseError
from course.master import read_mutants
from course.paths import Layout

Notebook = dict[str, Any]
FULL, ZERO, LESS = "full", "zero", "less"  # expected score of a question
# A question whose answer calls a broken one (week 14's SGD uses the student's `minibatches`)
# may lose points with it or not, depending on how the student wrote it.
MAYBE = "full or less"


@dataclass(frozen=True)
class Submission:
    """One generated submission and what it should score, per question."""

    filename: str
    kind: str
    expected: dict[str, str]


def _answer_index(nb: Notebook, question: str) -> int:
    for i, cell in enumerate(nb["cells"]):
        meta = cell.get("metadata", {}).get("course", {})
        if meta.get("role") == "answer" and meta.get("question") == question:
            return i
    raise CourseError(f"no answer cell for {question} in the notebook; run `course build`")


def _source(cell: dict[str, Any]) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else str(src)


def correct_notebook(release: Notebook, solution: Notebook, questions: list[str]) -> Notebook:
    """The release with every answer cell taken from the solution: a perfect student."""
    nb = copy.deepcopy(release)
    for q in questions:
        nb["cells"][_answer_index(nb, q)]["source"] = _source(
            solution["cells"][_answer_index(solution, q)]
        )
    return nb


def _with_answer(nb: Notebook, question: str, source: str) -> Notebook:
    nb = copy.deepcopy(nb)
    nb["cells"][_answer_index(nb, question)]["source"] = source
    return nb


def answers_only(correct: Notebook, imports: list[str], answers: dict[str, str]) -> Notebook:
    """The correct notebook reduced to the master's import cells and its answer cells, with the
    answers of the questions in `answers` replaced: how a mutant or variant is tried alone."""
    cells: list[dict[str, Any]] = [
        {"cell_type": "code", "source": s, "metadata": {}, "outputs": [], "execution_count": None}
        for s in imports
    ]
    for cell in correct["cells"]:
        meta = cell["metadata"].get("course", {})
        if meta.get("role") == "answer":
            if meta["question"] in answers:
                cell = {**cell, "source": answers[meta["question"]]}
            cells.append(cell)
    return {**correct, "cells": cells}


def import_cells(sources: list[str]) -> list[str]:
    """The cells that only import (a mutant's notebook needs them and nothing else)."""
    import ast

    def only_imports(source: str) -> bool:
        try:
            body = ast.parse(source).body
        except SyntaxError:
            return False
        return bool(body) and all(isinstance(n, ast.Import | ast.ImportFrom) for n in body)

    return [s for s in sources if only_imports(s)]


def _function_raising(q: str, body: str) -> str:
    return f"def {q}(*args, **kwargs):\n    {body}\n"


def kinds(
    correct: Notebook, release: Notebook, questions: list[str], mutants: list[tuple[str, str, str]]
) -> list[tuple[str, str, Notebook, dict[str, str]]]:
    """(filename, kind, notebook, expected) for every kind of submission."""
    full = dict.fromkeys(questions, FULL)
    users = callers(correct, questions)

    def but(q: str, value: str) -> dict[str, str]:
        return {**full, **dict.fromkeys(users[q], MAYBE), q: value}

    # Break first the questions no other answer calls, so the kinds stay clean where they can.
    ordered = sorted(questions, key=lambda name: bool(users[name]))
    q = ordered + ordered * 3  # cycle, for weeks with few questions
    out: list[tuple[str, str, Notebook, dict[str, str]]] = [
        ("correct.ipynb", "correct", correct, full),
        ("blank.ipynb", "blank", release, dict.fromkeys(questions, ZERO)),
        (
            "exception.ipynb",
            "exception",
            _with_answer(correct, q[0], _function_raising(q[0], 'raise RuntimeError("oops")')),
            but(q[0], ZERO),
        ),
        (
            "syntax_error.ipynb",
            "syntax_error",
            _with_answer(correct, q[1], f"def {q[1]}(x:\n    return x\n"),
            but(q[1], ZERO),
        ),
        (
            "infinite_loop.ipynb",
            "infinite_loop",
            _with_answer(correct, q[2], _function_raising(q[2], "while True:\n        pass")),
            but(q[2], ZERO),
        ),
        ("deleted_cells.ipynb", "deleted_cells", _delete_answer(correct, q[3]), but(q[3], ZERO)),
        ("reordered_cells.ipynb", "reordered_cells", _reorder(correct), full),
        ("Copy of my homework (1).ipynb", "renamed_file", correct, full),
        (
            "renamed_function.ipynb",
            "renamed_function",
            _with_answer(
                correct,
                q[0],
                _source(correct["cells"][_answer_index(correct, q[0])]).replace(
                    f"def {q[0]}(", f"def {q[0]}_v2(", 1
                ),
            ),
            but(q[0], ZERO),
        ),
    ]
    for name, question, source in mutants:
        out.append(
            (
                f"mutant_{name}.ipynb",
                "mutant",
                _with_answer(correct, question, source),
                but(question, LESS),
            )
        )
    return out


def callers(nb: Notebook, questions: list[str]) -> dict[str, list[str]]:
    """For each question, the other questions whose answer (in `nb`) uses it, directly or
    through another answer."""
    import ast

    uses: dict[str, set[str]] = {}
    for name in questions:
        try:
            tree = ast.parse(_source(nb["cells"][_answer_index(nb, name)]))
        except SyntaxError:
            tree = ast.Module(body=[], type_ignores=[])
        found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        uses[name] = (found & set(questions)) - {name}
    callers: dict[str, list[str]] = {}
    for name in questions:
        reach, todo = set(), [name]
        while todo:
            current = todo.pop()
            for other in questions:
                if current in uses[other] and other not in reach and other != name:
                    reach.add(other)
                    todo.append(other)
        callers[name] = sorted(reach)
    return callers


def _delete_answer(nb: Notebook, question: str) -> Notebook:
    nb = copy.deepcopy(nb)
    del nb["cells"][_answer_index(nb, question)]
    return nb


def _reorder(nb: Notebook) -> Notebook:
    nb = copy.deepcopy(nb)
    nb["cells"] = list(reversed(nb["cells"]))
    return nb


def generate(
    aid: str, out: Path, *, root: Path, select: Callable[[str], bool] | None = None
) -> list[Submission]:
    """Write the sample class of `aid` to `out` (one .ipynb each) plus expected.json."""
    layout = Layout(root)
    week = load_course(layout.config).week(aid)
    questions = list(week.points)
    try:
        release = json.loads(layout.release_notebook(aid).read_text(encoding="utf-8"))
        solution = json.loads(layout.solution_notebook(aid).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CourseError(
            f"{aid} is not built ({exc.filename} missing); run `course build`"
        ) from exc
    correct = correct_notebook(release, solution, questions)
    mutants = [(m.name, m.question, m.source) for m in read_mutants(layout.mutants(aid))]
    if out.exists() and not out.is_dir():
        raise CourseError(f"{out} is a file; --out must name a folder for the sample class")
    other = _sample_week(out)
    if other is not None and other != aid:
        raise CourseError(
            f"{out} holds the sample class of {other}; write {aid}'s into its own folder, "
            f"e.g. build/class/{aid}"
        )
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for filename, kind, nb, expected in kinds(correct, release, questions, mutants):
        if select is not None and not select(kind):
            continue
        (out / filename).write_text(
            json.dumps(nb, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        made.append(Submission(filename, kind, expected))
    manifest = {
        s.filename: {"assignment": aid, "kind": s.kind, "expected": s.expected} for s in made
    }
    (out / "expected.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return made


def _sample_week(folder: Path) -> str | None:
    """The week whose sample class `folder` already holds, if any."""
    try:
        entries = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        return next(str(e["assignment"]) for e in entries.values() if "assignment" in e)
    except (OSError, ValueError, AttributeError, StopIteration, TypeError):
        return None


def load_expected(folder: Path) -> dict[str, dict[str, Any]]:
    """The expected.json written next to a sample class."""
    data: dict[str, dict[str, Any]] = json.loads((folder / "expected.json").read_text())
    return data
