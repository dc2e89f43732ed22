"""Notebook products of a master, each an ordered list of small cell transforms."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import nbformat
from nbformat import NotebookNode

from course.config import Week
from course.master import Cell, Master, strip_solutions, without_markers

Transform = Callable[[list[NotebookNode], "Context"], list[NotebookNode]]
LOCKED = {"editable": False, "deletable": False}


class Context:
    """What the transforms may read: the master, its week and where the tests are."""

    def __init__(self, master: Master, week: Week, tests_dir: str, kind: str) -> None:
        self.master = master
        self.week = week
        self.tests_dir = tests_dir
        self.kind = kind


def _code(source: str, **course_meta: Any) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_code_cell(source)
    if course_meta:
        cell.metadata["course"] = course_meta
    return cell


def _from_master(cell: Cell, body: str) -> NotebookNode:
    if cell.kind == "markdown":
        markdown: NotebookNode = nbformat.v4.new_markdown_cell(body)
        return markdown
    if cell.kind == "answer":
        return _code(body, question=cell.question, role="answer")
    return _code(body)


def master_cells(solutions: bool) -> Transform:
    """The master's narrative, code and answer cells (tests cells never enter a notebook)."""

    def transform(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
        out = list(cells)
        for cell in ctx.master.cells:
            if cell.kind == "tests":
                continue
            body = cell.source
            if cell.kind == "answer":
                body = without_markers(body) if solutions else strip_solutions(body, cell.question)
            out.append(_from_master(cell, body))
        return out

    return transform


def add_check_cells(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
    """After each answer cell, a cell that runs that question's public tests."""
    out: list[NotebookNode] = []
    for cell in cells:
        out.append(cell)
        question = cell.metadata.get("course", {}).get("question")
        if cell.metadata.get("course", {}).get("role") == "answer":
            out.append(_code(f'grader.check("{question}")', question=question, role="check"))
    return out


def add_grader_setup(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
    """First cell: load the checks. Last cells: check everything at once."""
    setup = _code(
        "# Run this cell first: it loads the checks for this week's exercises\n"
        "# and shows figures inside the notebook.\n"
        "%matplotlib inline\n"
        "import otter\n\n"
        f'grader = otter.Notebook(tests_dir="{ctx.tests_dir}")',
        role="setup",
    )
    heading = nbformat.v4.new_markdown_cell(
        "## Check everything\n\nRun the cell below to run every check of this notebook again."
    )
    # otter's check_all() goes alphabetically; the notebook's order is the one a student knows.
    questions = [
        c.metadata["course"]["question"]
        for c in cells
        if c.metadata.get("course", {}).get("role") == "answer"
    ]
    check_all = _code(
        "# Every check of this notebook, in the order of the exercises.\n"
        f"for question in {questions!r}:\n"
        "    display(grader.check(question))",
        role="check_all",
    )
    return [setup, *cells, heading, check_all]


def lock_prompts(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
    """Narrative and check cells cannot be edited or deleted in JupyterLab."""
    for cell in cells:
        role = cell.metadata.get("course", {}).get("role")
        if cell.cell_type == "markdown" or role in ("setup", "check", "check_all"):
            cell.metadata.update(LOCKED)
    return cells


def stable_ids(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
    """Cell ids from the position, so that a rebuild gives the same file."""
    for index, cell in enumerate(cells):
        cell["id"] = f"{ctx.master.aid}-{index:03d}"
    return cells


RELEASE: tuple[Transform, ...] = (
    master_cells(solutions=False),
    add_check_cells,
    add_grader_setup,
    lock_prompts,  # NB: after add_grader_setup, so the setup and check-all cells are locked too
    stable_ids,  # NB: last, once no cell is added or removed
)
SOLUTION: tuple[Transform, ...] = (
    master_cells(solutions=True),
    add_check_cells,
    add_grader_setup,
    stable_ids,
)


def make_notebook(transforms: Iterable[Transform], ctx: Context, source_name: str) -> str:
    """Run `transforms` and serialise the notebook deterministically."""
    cells: list[NotebookNode] = []
    for transform in transforms:
        cells = transform(cells, ctx)
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata = nbformat.from_dict(
        {
            "course": {
                "assignment": ctx.master.aid,
                "kind": ctx.kind,
                "title": ctx.week.title,
                "generated": f"by `course build` from {source_name}; do not edit",
            },
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        }
    )
    nb.nbformat, nb.nbformat_minor = 4, 5
    nbformat.validate(nb)
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
