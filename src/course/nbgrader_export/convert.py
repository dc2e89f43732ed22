"""The course's own notebooks (from `course lab`, `course sample` or a published student
repository) graded by nbgrader's `autograde`: a sanitize step that gives their answer cells
nbgrader's metadata and puts the week's test cells after them, from the gradebook, so autograde
scores them instead of failing with a KeyError (nbgrader knows cells only by its own ids)."""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode, from_dict
from traitlets import Bool

COURSE_ROLES = ("setup", "check", "check_all")  # otter's check cells: for the student only
SCHEMA = 3  # nbgrader's cell metadata schema version


def is_course_format(nb: NotebookNode) -> bool:
    """A notebook in the course's format: answer cells marked by the course, none by nbgrader."""
    cells = nb.get("cells", [])
    ours = any(c.get("metadata", {}).get("course", {}).get("role") == "answer" for c in cells)
    theirs = any("nbgrader" in c.get("metadata", {}) for c in cells)
    return ours and not theirs


def to_nbgrader(nb: NotebookNode, source_cells: list[dict[str, Any]]) -> NotebookNode:
    """`nb` with nbgrader metadata on its answer cells and the week's grade cells (`source_cells`:
    name, cell_type, source, checksum, points, in the source notebook's order) after each answer.
    The student's other cells stay as they are; the course's check cells go."""
    by_question: dict[str, list[dict[str, Any]]] = {}
    for cell in source_cells:
        if cell.get("points") is not None:
            question = cell["name"].removeprefix("hidden-").split("-", 1)[0]
            by_question.setdefault(question, []).append(cell)
    cells = []
    for cell in nb.cells:
        course = cell.get("metadata", {}).get("course", {})
        if course.get("role") in COURSE_ROLES:
            continue
        cells.append(cell)
        if course.get("role") != "answer":
            continue
        question = course["question"]
        cell.metadata["nbgrader"] = {
            "grade": False,
            "grade_id": f"{question}-answer",
            "locked": False,
            "schema_version": SCHEMA,
            "solution": True,
        }
        for test in by_question.get(question, []):
            meta = {
                "grade": True,
                "grade_id": test["name"],
                "locked": True,
                "points": test["points"],
                "schema_version": SCHEMA,
                "solution": False,
            }
            if test.get("checksum"):
                meta["checksum"] = test["checksum"]
            cells.append(
                from_dict(
                    {
                        "cell_type": "code",
                        "execution_count": None,
                        "metadata": {"deletable": False, "editable": False, "nbgrader": meta},
                        "outputs": [],
                        "source": test["source"],
                    }
                )
            )
    nb.cells = cells
    return nb


class CourseNotebooks(Preprocessor):  # type: ignore[misc]
    """nbgrader sanitize step (before OverwriteCells): convert course-format submissions."""

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if not is_course_format(nb):
            return nb, resources
        from nbgrader.api import Gradebook

        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            source = gradebook.find_notebook(info["notebook"], info["assignment"])
            points = {g.name: g.max_score for g in source.grade_cells}
            cells = [
                {
                    "name": c.name,
                    "cell_type": c.cell_type,
                    "source": c.source,
                    "checksum": c.checksum,
                    "points": points.get(c.name),
                }
                for c in source.source_cells
            ]
        self.log.info("converted a course-format notebook into nbgrader's format")
        return to_nbgrader(nb, cells), resources
