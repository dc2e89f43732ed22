"""Instructor overrides, `overrides.csv` (student,week,question,points,reason): a question's
score set (`3`) or moved (`+1`, `-0.5`) after grading, with the reason the student reads. They
live outside the graded results, so regrading a week never loses them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from course.config import Course
from course.errors import CourseError
from course.term.roster import Roster


@dataclass(frozen=True)
class Override:
    """One change to one question's score."""

    student: str
    week: str
    question: str
    value: float
    delta: bool
    """True: add `value`; False: set the score to `value`"""
    reason: str

    def apply(self, score: float, max_score: float) -> float:
        """The new score, kept between 0 and the question's points."""
        new = score + self.value if self.delta else self.value
        return min(max(new, 0.0), max_score)

    def describe(self) -> str:
        how = f"{self.value:+g}" if self.delta else f"set to {self.value:g}"
        return f"{self.question}: {how} ({self.reason})"


def load_overrides(path: Path | None, course: Course, roster: Roster) -> list[Override]:
    """Read and validate an overrides file; a mistake names its line and how to fix it."""
    if path is None:
        return []
    if not path.is_file():
        raise CourseError(
            f"overrides file {path} not found; write student,week,question,points,reason"
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if header != ["student", "week", "question", "points", "reason"]:
        raise CourseError(f"{path}:1: the header must be student,week,question,points,reason")
    weeks = {w.id: w for w in course.weeks}
    out: list[Override] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 5:
            raise CourseError(
                f"{path}:{line}: {len(row)} fields, expected 5 (quote a reason that has a comma)"
            )
        who, aid, question, points, reason = (c.strip() for c in row)
        student = roster.find(who)
        if student is None:
            raise CourseError(f"{path}:{line}: {who!r} is not on the roster")
        if aid not in weeks:
            raise CourseError(f"{path}:{line}: {aid!r} is not a week of course_config.py")
        if question not in weeks[aid].points:
            known = ", ".join(weeks[aid].points)
            raise CourseError(f"{path}:{line}: {aid} has no question {question!r}; it has {known}")
        try:
            value = float(points)
        except ValueError:
            raise CourseError(
                f"{path}:{line}: points {points!r} must be a number (3) or a change (+1, -0.5)"
            ) from None
        if not reason:
            raise CourseError(f"{path}:{line}: give a reason; the student reads it")
        out.append(Override(student.id, aid, question, value, points[0] in "+-", reason))
    return out
