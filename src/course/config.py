"""Load `course_config.py` and validate it into frozen, typed objects."""

from __future__ import annotations

import re
import runpy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from course.errors import CourseError

AID_PATTERN = re.compile(r"^week(\d\d)_[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Week:
    """One weekly assignment."""

    id: str
    """assignment id, `weekNN_topic`; also the folder and notebook stem"""
    title: str
    """human title shown in notebooks and reports"""
    points: dict[str, float]
    """points per question, in the order the questions appear"""
    release: date | None = None
    """the day the week is released to students (None: not scheduled)"""
    due: date | None = None
    """the day submissions are due (optional)"""

    def status(self, today: date) -> str:
        """`upcoming`, `released` (open) or `due` (past its due date) on `today`."""
        if self.release is None or today < self.release:
            return "upcoming"
        return "due" if self.due is not None and today > self.due else "released"

    @property
    def number(self) -> int:
        """The week number NN of `weekNN_topic`."""
        match = AID_PATTERN.match(self.id)
        assert match is not None
        return int(match.group(1))

    @property
    def max_score(self) -> float:
        """Total points of the week."""
        return float(sum(self.points.values()))


@dataclass(frozen=True)
class Limits:
    """Resource limits for grading one submission."""

    cell_timeout: float = 30
    """seconds one notebook cell may run"""
    notebook_timeout: float = 120
    """seconds all cells of a notebook may run together"""
    test_timeout: float = 10
    """seconds one test may take"""
    memory_mb: int = 2048
    """address-space limit of the student's process"""
    output_mb: int = 8
    """largest file or output the student's process may write"""


@dataclass(frozen=True)
class Course:
    """The whole course: title, weeks in order, grading limits."""

    title: str
    weeks: tuple[Week, ...]
    limits: Limits

    def week(self, aid: str) -> Week:
        """The week with id `aid`, or a clear error listing the known ids."""
        for week in self.weeks:
            if week.id == aid:
                return week
        known = ", ".join(w.id for w in self.weeks)
        guess = self._closest(aid)
        hint = f"did you mean {guess}? " if guess else ""
        raise CourseError(f"unknown week {aid!r}; {hint}the weeks are: {known}")

    def _closest(self, aid: str) -> str | None:
        """The week a mistyped id most likely means: same number (`week9`, `9`), else by
        spelling."""
        import difflib

        number = re.search(r"\d+", aid)
        if number:
            same = [w.id for w in self.weeks if w.number == int(number.group())]
            if len(same) == 1:
                return same[0]
        close = difflib.get_close_matches(aid, [w.id for w in self.weeks], n=1, cutoff=0.6)
        return close[0] if close else None


def load_course(path: Path) -> Course:
    """Read `path` (a course_config.py) and validate it."""
    if not path.is_file():
        raise CourseError(f"{path} not found; run from the course repository or pass --root")
    try:
        data = runpy.run_path(str(path))
    except Exception as exc:
        raise CourseError(f"{path}: cannot be loaded: {type(exc).__name__}: {exc}") from exc
    return parse_course(data, str(path))


def parse_course(data: dict[str, Any], where: str = "course_config.py") -> Course:
    """Validate the module globals of a course config."""
    title = data.get("TITLE")
    if not isinstance(title, str) or not title.strip():
        raise CourseError(f"{where}: TITLE must be a non-empty string")
    raw_weeks = data.get("WEEKS")
    if not isinstance(raw_weeks, list) or not raw_weeks:
        raise CourseError(f"{where}: WEEKS must be a non-empty list of week dicts")
    weeks = tuple(_parse_week(where, i, w) for i, w in enumerate(raw_weeks))
    ids = [w.id for w in weeks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CourseError(f"{where}: week ids must be unique; repeated: {', '.join(duplicates)}")
    return Course(title=title, weeks=weeks, limits=_parse_limits(where, data.get("GRADING", {})))


def _parse_week(where: str, index: int, raw: object) -> Week:
    at = f"{where}: WEEKS[{index}]"
    if not isinstance(raw, dict):
        raise CourseError(f"{at} must be a dict with id, title and points")
    unknown = set(raw) - {"id", "title", "points", "release", "due"}
    if unknown:
        raise CourseError(
            f"{at}: unknown keys {sorted(unknown)}; allowed: id, title, points, release, due"
        )
    aid = raw.get("id")
    if not isinstance(aid, str) or not AID_PATTERN.match(aid):
        raise CourseError(f"{at}: id must look like 'weekNN_topic' (two digits), got {aid!r}")
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise CourseError(f"{at} ({aid}): title must be a non-empty string")
    points = raw.get("points")
    if not isinstance(points, dict) or not points:
        raise CourseError(f"{at} ({aid}): points must map question names to numbers")
    for name, value in points.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise CourseError(f"{at} ({aid}): question name {name!r} is not an identifier")
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise CourseError(f"{at} ({aid}): points for {name} must be a positive number")
    release, due = _date(at, raw, "release"), _date(at, raw, "due")
    if due is not None and (release is None or due < release):
        raise CourseError(f"{at} ({aid}): the due date must come after a release date")
    return Week(aid, title, {k: float(v) for k, v in points.items()}, release, due)


def _date(at: str, raw: dict[str, Any], key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CourseError(f"{at}: {key} must be a date like '2027-01-11', got {value!r}") from exc


def _parse_limits(where: str, raw: object) -> Limits:
    if not isinstance(raw, dict):
        raise CourseError(f"{where}: GRADING must be a dict")
    fields = Limits.__dataclass_fields__
    unknown = set(raw) - set(fields)
    if unknown:
        raise CourseError(f"{where}: GRADING has unknown keys {sorted(unknown)}")
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise CourseError(f"{where}: GRADING[{key!r}] must be a positive number")
    return Limits(**raw)
