"""Run a master's solution in-process, for the course's own reference tests (trusted code only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from course.master import read_master, without_markers


def solution_namespace(aid: str, root: Path | None = None) -> dict[str, Any]:
    """Execute the shared code and solution cells of `aid` and return the globals.

    Figures are drawn off-screen and closed; this is for tests of the solution itself
    (for example agreement with numpy/scipy), never for student code.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    base = root or Path(__file__).resolve().parents[2]
    master = read_master(aid, base / "source" / aid / f"{aid}.py")
    env: dict[str, Any] = {"__name__": f"solution_{aid}"}
    for cell in master.cells:
        if cell.kind == "code":
            exec(compile(cell.source, f"<{aid} code>", "exec"), env)
        elif cell.kind == "answer":
            exec(compile(without_markers(cell.source), f"<{aid} {cell.question}>", "exec"), env)
    plt.close("all")
    return env
