"""Read an assignment master (a jupytext percent script) into typed cells."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import jupytext

from course.errors import CourseError

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
CellKind = Literal["markdown", "code", "answer", "tests"]
# A dotted name (`np.dot`), the operator `@`, or a method of any object (`.multivariate_normal`).
_FORBID_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$|^@$|^\.[A-Za-z_]\w*$")


@dataclass(frozen=True)
class Cell:
    """One cell of a master: narrative, shared code, an answer or tests."""

    kind: CellKind
    source: str
    question: str = ""
    forbid: tuple[str, ...] = ()
    skip_grading: bool = False
    """a demonstration (figure, experiment) that grading may leave out: `grading="skip"`"""


@dataclass(frozen=True)
class TestFunction:
    """One `@test_case` function of a tests cell."""

    name: str
    question: str
    hidden: bool
    source: str


@dataclass(frozen=True)
class Master:
    """A parsed master: its cells in order, plus where it came from."""

    aid: str
    path: Path
    cells: tuple[Cell, ...]
    tests: dict[str, tuple[TestFunction, ...]] = field(default_factory=dict)
    preambles: dict[str, str] = field(default_factory=dict)

    @property
    def questions(self) -> tuple[str, ...]:
        """Question names in the order their answer cells appear."""
        return tuple(c.question for c in self.cells if c.kind == "answer")

    @property
    def hints(self) -> dict[str, str]:
        """Each question's hints: the `<details><summary>Hint…</summary>` blocks of the
        narrative between its answer cell and the next one, joined (public text)."""
        found: dict[str, list[str]] = {}
        question = ""
        for cell in self.cells:
            if cell.kind == "answer":
                question = cell.question
            elif cell.kind == "markdown" and question:
                found.setdefault(question, []).extend(hint_texts(cell.source))
        return {q: "\n\n".join(texts) for q, texts in found.items() if texts}

    def answer(self, question: str) -> Cell:
        """The answer cell of `question`."""
        for cell in self.cells:
            if cell.kind == "answer" and cell.question == question:
                return cell
        raise CourseError(f"{self.path}: no answer cell for question {question!r}")


_HINT = re.compile(
    r"<details>\s*<summary>\s*Hint[^<]*</summary>(?P<body>.*?)</details>", re.DOTALL | re.I
)


def hint_texts(markdown: str) -> list[str]:
    """The bodies of the hint blocks (`<details><summary>Hint…</summary>…</details>`)."""
    return [m.group("body").strip() for m in _HINT.finditer(markdown) if m.group("body").strip()]


def read_master(aid: str, path: Path) -> Master:
    """Parse `path` into a Master, with a clear error for anything malformed."""
    if not path.is_file():
        raise CourseError(f"{aid}: master {path} does not exist; create it (see docs/authoring.md)")
    try:
        nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent")
    except Exception as exc:  # jupytext raises many types for malformed text
        raise CourseError(f"{path}: cannot read as a percent script: {exc}") from exc
    cells = tuple(_to_cell(path, i, c) for i, c in enumerate(nb.cells))
    _check_unique_answers(path, cells)
    tests: dict[str, list[TestFunction]] = {}
    preambles: dict[str, list[str]] = {}
    for cell in cells:
        if cell.kind == "tests":
            pre, funcs = split_tests(path, cell)
            preambles.setdefault(cell.question, []).append(pre)
            tests.setdefault(cell.question, []).extend(funcs)
    return Master(
        aid=aid,
        path=path,
        cells=cells,
        tests={q: tuple(f) for q, f in tests.items()},
        preambles={q: "\n\n".join(p for p in parts if p) for q, parts in preambles.items()},
    )


def _to_cell(path: Path, index: int, nb_cell: object) -> Cell:
    meta = dict(getattr(nb_cell, "metadata", {}))
    source = str(getattr(nb_cell, "source", ""))
    where = f"{path}: cell {index + 1}"
    if getattr(nb_cell, "cell_type", "") == "markdown":
        return Cell("markdown", source)
    if "question" in meta and "tests" in meta:
        raise CourseError(f"{where}: a cell is either question=... or tests=..., not both")
    if "tests" in meta:
        return Cell("tests", source, question=_name(where, meta["tests"]))
    if "question" in meta:
        forbid = meta.get("forbid", [])
        if not isinstance(forbid, list) or not all(
            isinstance(f, str) and _FORBID_NAME.match(f) for f in forbid
        ):
            raise CourseError(
                f'{where}: forbid must be a list like ["np.dot", "@", ".multivariate_normal"]'
            )
        question = _name(where, meta["question"])
        _check_solution_markers(where, source)
        return Cell("answer", source, question=question, forbid=tuple(forbid))
    grading = meta.get("grading")
    if grading not in (None, "skip"):
        raise CourseError(f'{where}: grading= takes only "skip" (got {grading!r})')
    return Cell("code", source, skip_grading=grading == "skip")


def _name(where: str, value: object) -> str:
    if not isinstance(value, str) or not value.isidentifier():
        raise CourseError(f"{where}: question names are Python identifiers, got {value!r}")
    return value


def _check_solution_markers(where: str, source: str) -> None:
    depth = 0
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            depth += 1
        elif stripped == END:
            depth -= 1
        if depth not in (0, 1):
            raise CourseError(f"{where}: {BEGIN} / {END} markers are unbalanced")
    if depth != 0:
        raise CourseError(f"{where}: {BEGIN} has no matching {END}")
    if BEGIN not in source:
        raise CourseError(f"{where}: an answer cell needs a {BEGIN} ... {END} region")


def _check_unique_answers(path: Path, cells: tuple[Cell, ...]) -> None:
    seen: set[str] = set()
    for cell in cells:
        if cell.kind == "answer":
            if cell.question in seen:
                raise CourseError(f"{path}: question {cell.question!r} has two answer cells")
            seen.add(cell.question)


def split_tests(path: Path, cell: Cell) -> tuple[str, list[TestFunction]]:
    """Split a tests cell into its shared preamble and its `@test_case` functions."""
    try:
        tree = ast.parse(cell.source)
    except SyntaxError as exc:
        raise CourseError(
            f"{path}: tests of {cell.question!r}, line {exc.lineno}: {exc.msg}"
        ) from exc
    lines = cell.source.splitlines()
    preamble: list[str] = []
    funcs: list[TestFunction] = []
    for node in tree.body:
        start = min([d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno])
        text = "\n".join(lines[start - 1 : node.end_lineno])
        hidden = _test_case_hidden(path, node)
        if hidden is None:
            preamble.append(text)
        else:
            assert isinstance(node, ast.FunctionDef)
            funcs.append(TestFunction(node.name, cell.question, hidden, text))
    return "\n".join(preamble), funcs


def _test_case_hidden(path: Path, node: ast.stmt) -> bool | None:
    """True/False for a `@test_case(...)` function (hidden or not); None for anything else."""
    if not isinstance(node, ast.FunctionDef):
        return None
    for dec in node.decorator_list:
        call = dec if isinstance(dec, ast.Call) else None
        func = call.func if call else dec
        if isinstance(func, ast.Name) and func.id == "test_case":
            hidden = False
            for kw in call.keywords if call else []:
                if kw.arg == "hidden":
                    if not isinstance(kw.value, ast.Constant) or not isinstance(
                        kw.value.value, bool
                    ):
                        raise CourseError(
                            f"{path}: {node.name}: write hidden=True or hidden=False literally"
                        )
                    hidden = kw.value.value
                elif kw.arg not in ("name", "points", "success_message", "failure_message"):
                    raise CourseError(f"{path}: {node.name}: unknown test_case option {kw.arg}")
            return hidden
    return None


def strip_solutions(source: str, question: str) -> str:
    """Replace every solution region with a `raise NotImplementedError` at its indentation."""
    out: list[str] = []
    inside = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# YOUR CODE HERE")
            out.append(f'{indent}raise NotImplementedError("{question} is not written yet")')
        elif stripped == END:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def solution_lines(source: str) -> list[str]:
    """The lines between the solution markers (for leak checks)."""
    lines: list[str] = []
    inside = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped in (BEGIN, END):
            inside = stripped == BEGIN
        elif inside:
            lines.append(line)
    return lines


def without_markers(source: str) -> str:
    """The solution source with the marker lines removed (for the solution notebook)."""
    return "\n".join(ln for ln in source.splitlines() if ln.strip() not in (BEGIN, END))


@dataclass(frozen=True)
class Mutant:
    """A replacement for one question's function: a plausible mistake (a mutant, which the
    hidden tests must catch) or, with `correct`, a right answer written differently from the
    solution (a variant, which must score full marks)."""

    name: str
    question: str
    source: str
    correct: bool = False


def read_mutants(path: Path) -> tuple[Mutant, ...]:
    """The mutants of `source/<aid>/mutants.py`; an absent file means none."""
    return tuple(m for m in read_replacements(path) if not m.correct)


def read_variants(path: Path) -> tuple[Mutant, ...]:
    """The variants (correct answers written differently) of `source/<aid>/mutants.py`."""
    return tuple(m for m in read_replacements(path) if m.correct)


def read_replacements(path: Path) -> tuple[Mutant, ...]:
    """Parse every `mutant="..."` and `variant="..."` cell of a mutants file, in order."""
    if not path.is_file():
        return ()
    nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent")
    found: list[Mutant] = []
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        meta = dict(cell.metadata)
        kinds = [k for k in ("mutant", "variant") if k in meta]
        if cell.cell_type != "code" or not kinds:
            continue
        where = f"{path}: cell {i + 1}"
        if len(kinds) > 1:
            raise CourseError(f"{where}: a cell is either a mutant or a variant, not both")
        name = _name(where, meta[kinds[0]])
        if name in seen:
            raise CourseError(f"{where}: {kinds[0]} {name!r} is defined twice")
        seen.add(name)
        question = _name(where, meta.get("question"))
        found.append(Mutant(name, question, str(cell.source), correct=kinds[0] == "variant"))
    return tuple(found)
