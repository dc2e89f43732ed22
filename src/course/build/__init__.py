"""`course build`: generate release/, solutions/ and autograder/ from the masters."""

from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

from course.build.notebooks import RELEASE, SOLUTION, Context, make_notebook
from course.build.testfiles import autograder_config, test_file
from course.config import Course, Week, load_course
from course.engine.skipping import bound_names, free_names, shared_state_changes
from course.errors import CourseError
from course.master import Cell, Master, read_master
from course.paths import Layout


@dataclass(frozen=True)
class BuildReport:
    """What a build changed (or, with check, would change)."""

    built: tuple[str, ...]
    skipped: tuple[str, ...]
    changed: tuple[Path, ...]
    removed: tuple[Path, ...]


def products(layout: Layout, course: Course, week: Week) -> dict[Path, str]:
    """Every generated file of `week`, by path, as text."""
    aid = week.id
    master = read_master(aid, layout.master(aid))
    validate(master, week)
    source_name = layout.master(aid).relative_to(layout.root).as_posix()
    release = Context(master, week, tests_dir="tests", kind="release")
    solution = Context(master, week, tests_dir=f"../../autograder/{aid}/tests", kind="solution")
    files = {
        layout.release_notebook(aid): make_notebook(RELEASE, release, source_name),
        layout.solution_notebook(aid): make_notebook(SOLUTION, solution, source_name),
        layout.autograder_config(aid): autograder_config(master, week, course, source_name),
        layout.release_suite(aid): autograder_config(master, week, course, source_name, False),
    }
    for q in week.points:
        files[layout.release_dir(aid) / "tests" / f"{q}.py"] = test_file(
            master, week, q, source_name, hidden=False
        )
        files[layout.autograder_dir(aid) / "tests" / f"{q}.py"] = test_file(
            master, week, q, source_name, hidden=True
        )
    return files


def validate(master: Master, week: Week) -> None:
    """The master and course_config.py agree, and every question has both kinds of tests."""
    where = master.path
    configured, written = set(week.points), set(master.questions)
    if configured != written:
        missing = ", ".join(sorted(configured - written)) or "none"
        extra = ", ".join(sorted(written - configured)) or "none"
        raise CourseError(
            f"{where}: questions differ from course_config.py "
            f"(missing answer cells: {missing}; not in the config: {extra})"
        )
    if list(week.points) != list(master.questions):
        raise CourseError(
            f"{where}: the answer cells come in the order {', '.join(master.questions)}; list "
            "the questions in course_config.py in that order (the notebook's order)"
        )
    hints = master.hints
    for q in week.points:
        if q not in hints:
            raise CourseError(
                f"{where}: {q!r} has no hint; add a markdown cell after its answer cell with "
                "<details><summary>Hint</summary> ... </details> (it also goes into feedback)"
            )
        tests = master.tests.get(q, ())
        names = [t.name for t in tests]
        if len(set(names)) != len(names):
            raise CourseError(f"{where}: two tests of {q!r} share a name")
        if not any(not t.hidden for t in tests) or not any(t.hidden for t in tests):
            raise CourseError(f"{where}: {q!r} needs at least one public and one hidden test")
        for test in tests:
            if test.hidden and not _static_messages(test.source):
                raise CourseError(
                    f"{where}: hidden test {test.name} builds a failure message from values; "
                    "hidden tests use plain string messages, so that no input or expected "
                    "value reaches a student"
                )
    _validate_demonstrations(master)
    stray = set(master.tests) - configured
    if stray:
        raise CourseError(f"{where}: tests for unknown questions: {', '.join(sorted(stray))}")


def _validate_demonstrations(master: Master) -> None:
    """A `grading="skip"` cell defines nothing that a cell grading runs uses, so leaving it
    out cannot change a grade."""

    def tree(i: int, cell: Cell) -> ast.Module:
        try:
            return ast.parse(cell.source)
        except SyntaxError as exc:
            raise CourseError(f"{master.path}: cell {i + 1} is not Python: {exc.msg}") from exc

    trees = {  # parsed once: every code cell, with whether grading runs it
        i: (tree(i, cell), cell.skip_grading)
        for i, cell in enumerate(master.cells)
        if cell.kind in ("code", "answer")
    }
    used: set[str] = set()
    for module_tree, skipped in trees.values():
        if not skipped:
            used |= free_names(module_tree)
    modules = {
        alias.asname or alias.name.split(".")[0]
        for module_tree, _ in trees.values()
        for node in ast.walk(module_tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    for i, (module_tree, skipped) in trees.items():
        if skipped:
            changes = shared_state_changes(module_tree, modules)
            if changes:
                raise CourseError(
                    f'{master.path}: cell {i + 1} is marked grading="skip" but '
                    f"{'; '.join(changes)}: leaving it out could change what other cells see"
                )
            shared = sorted(bound_names(module_tree) & used)
            if shared:
                raise CourseError(
                    f'{master.path}: cell {i + 1} is marked grading="skip" but defines '
                    f"{', '.join(shared)}, which other cells use; unmark it or move those "
                    "definitions to a cell that grading runs"
                )


def _static_messages(source: str) -> bool:
    """Whether every assert message and raised AssertionError in `source` is a plain string."""
    for node in ast.walk(ast.parse(source)):
        message: ast.expr | None = None
        if isinstance(node, ast.Assert):
            message = node.msg
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            message = node.exc.args[0]
        if message is not None and not (
            isinstance(message, ast.Constant) and isinstance(message.value, str)
        ):
            return False
    return True


def main(aids: list[str], *, root: Path, check: bool = False) -> BuildReport:
    """Build (or, with `check`, compare) the generated files of `aids` (all weeks if empty)."""
    layout = Layout(root)
    course = load_course(layout.config)
    _reject_unknown_sources(layout, course)
    if aids:
        weeks = [course.week(a) for a in aids]
        for w in weeks:
            if not layout.master(w.id).is_file():
                raise CourseError(
                    f"{w.id} has no master yet: create {layout.master(w.id)} "
                    "(see docs/authoring.md)"
                )
    else:
        weeks = [w for w in course.weeks if layout.master(w.id).is_file()]
    skipped = tuple(w.id for w in course.weeks if w not in weeks and not aids)
    changed: list[Path] = []
    removed: list[Path] = []
    for week in weeks:
        wanted = products(layout, course, week)
        for path, text in sorted(wanted.items()):
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                changed.append(path)
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
        for folder in layout.generated_dirs(week.id):
            for path in sorted(folder.rglob("*")) if folder.exists() else []:
                if path.is_file() and path not in wanted and not _runtime_file(path):
                    removed.append(path)
                    if not check:
                        path.unlink()
            if not check and folder.exists():
                _prune_empty(folder)
    return BuildReport(tuple(w.id for w in weeks), skipped, tuple(changed), tuple(removed))


RUNTIME_FILES = {"__pycache__", ".ipynb_checkpoints", ".OTTER_LOG"}  # made by running, not built


def _runtime_file(path: Path) -> bool:
    """Files that running a notebook leaves behind (git ignores them; the build leaves them)."""
    return bool(RUNTIME_FILES & set(path.parts))


def _reject_unknown_sources(layout: Layout, course: Course) -> None:
    source = layout.root / "source"
    known = {w.id for w in course.weeks}
    for folder in sorted(source.iterdir()) if source.is_dir() else []:
        if folder.is_dir() and folder.name not in known and not folder.name.startswith("."):
            raise CourseError(
                f"source/{folder.name} is not a week in course_config.py; add it to WEEKS "
                "or rename the folder"
            )


def _prune_empty(folder: Path) -> None:
    for sub in sorted(folder.rglob("*"), reverse=True):
        if sub.is_dir() and sub.name == "__pycache__":
            shutil.rmtree(sub)
        elif sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()
