"""An nbconvert preprocessor for nbgrader's feedback: hidden tests show only name and message."""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool

HIDDEN_PREFIX = "hidden-"


class HideHiddenTests(Preprocessor):  # type: ignore[misc]
    """Replace a hidden test cell's code and traceback by its name and hand-written message."""

    enabled = Bool(True)  # nbconvert registers extra preprocessors disabled unless told

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        grade_id = str(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        if cell.cell_type != "code" or not grade_id.startswith(HIDDEN_PREFIX):
            return cell, resources
        name = grade_id.removeprefix(HIDDEN_PREFIX)
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            text = "passed"
        elif errors[0].get("ename") == "AssertionError":
            text = f"failed: {errors[0].get('evalue', '')}"  # hidden messages are plain strings
        else:
            text = f"failed: {errors[0].get('ename', 'error')}"  # never the student's message
        cell.source = f"# hidden test {name}"
        cell.outputs = [
            NotebookNode(output_type="stream", name="stdout", text=f"hidden test {name}: {text}\n")
        ]
        return cell, resources
