"""`course check`: a student's or self-learner's check of one notebook, through the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.config import load_course
from course.engine import Options, SubmissionResult, grade_notebook, load_suite
from course.errors import CourseError
from course.paths import Layout


@dataclass(frozen=True)
class CheckReport:
    """The result of a check and its printable text."""

    result: SubmissionResult
    text: str

    @property
    def all_passed(self) -> bool:
        return all(q.passed for q in self.result.questions)


def main(aid: str, notebook: Path, *, root: Path, hidden: bool = False) -> CheckReport:
    """Run the public (and with `hidden`, the hidden) tests of `aid` against `notebook`."""
    layout = Layout(root)
    load_course(layout.config).week(aid)  # an unknown week: say which weeks there are
    if not notebook.is_file():
        raise CourseError(f"{notebook} does not exist; pass the path of your saved .ipynb")
    suite = load_suite(layout, aid, public=not hidden)
    result = grade_notebook(notebook, suite, Options.for_suite(suite, also_hide=(notebook.parent,)))
    return CheckReport(result, render(result, hidden))


def render(result: SubmissionResult, hidden: bool) -> str:
    which = "public and hidden tests" if hidden else "public tests"
    lines = [f"{result.assignment}: checking {result.submission} ({which})"]
    width = max((len(q.name) for q in result.questions), default=4)
    for q in result.questions:
        passed = sum(o.passed for o in q.outcomes)
        mark = "PASS" if q.passed else "FAIL"
        lines.append(f"  {mark}  {q.name:<{width}}  {passed}/{len(q.outcomes)} tests")
        if q.note:
            lines.append(f"        {q.note}")
        for o in q.outcomes:
            if not o.passed:
                kind = "hidden " if o.hidden else ""
                lines.append(f"        {kind}{o.name}: {o.message or 'failed'}")
    for note in result.notes:
        lines.append(f"  note: {note}")
    good = sum(q.passed for q in result.questions)
    lines.append(f"{good} of {len(result.questions)} exercises pass their checks.")
    return "\n".join(lines)
