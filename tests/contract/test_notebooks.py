"""Every notebook runs top to bottom in a fresh, real Jupyter kernel, with its figures:
the solution passes every in-notebook check; the blank release runs and fails its checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbclient
import nbformat
import pytest

from course.config import load_course
from course.paths import Layout

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LAYOUT = Layout(REPO)
WEEKS = [w.id for w in load_course(LAYOUT.config).weeks if LAYOUT.master(w.id).is_file()]


def execute(path: Path, tmp_path: Path) -> nbformat.NotebookNode:
    """Run a copy (with the folders its checks read), so the repository is left untouched."""
    for folder in ("release", "solutions", "autograder"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    copy = tmp_path / path.relative_to(REPO)
    nb = nbformat.read(copy, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(copy.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    return nb


def check_outputs(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for cell in nb.cells:
        if cell.metadata.get("course", {}).get("role") == "check":
            texts.append("".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs))
    return texts


def figures(nb: nbformat.NotebookNode) -> int:
    return sum(
        "image/png" in o.get("data", {})
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )


@pytest.mark.parametrize("aid", WEEKS)
def test_the_solution_notebook_runs_and_passes_its_checks(aid: str, tmp_path: Path) -> None:
    nb = execute(LAYOUT.solution_notebook(aid), tmp_path)
    checks = check_outputs(nb)
    assert checks and all("All test cases passed" in t for t in checks), checks
    assert figures(nb) >= 1, "every week shows at least one figure"


@pytest.mark.parametrize("aid", WEEKS)
def test_the_release_notebook_runs_and_its_checks_fail(aid: str, tmp_path: Path) -> None:
    nb = execute(LAYOUT.release_notebook(aid), tmp_path)
    checks = check_outputs(nb)
    assert checks and all("Test case failed" in t for t in checks)
    assert figures(nb) >= 1, "figures must not depend on the student's unwritten functions"
