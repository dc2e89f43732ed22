"""Deadlines, extensions and late penalties: when each student's week is due, and what a late
submission loses."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from course.config import Course, Week
from course.errors import CourseError
from course.term.roster import Roster
from course.term.settings import Term


@dataclass(frozen=True)
class Extension:
    """A student's own deadline for one week."""

    student: str
    week: str
    due: datetime
    reason: str


Extensions = dict[tuple[str, str], Extension]


def deadline(week: Week, term: Term) -> datetime | None:
    """The class deadline of `week` (UTC), or None when it has no due date."""
    if week.due is None:
        return None
    return datetime.combine(week.due, term.deadline_time, tzinfo=UTC)


def student_deadline(
    week: Week, term: Term, student: str | None, extensions: Extensions
) -> datetime | None:
    """`student`'s deadline for `week`: their extension's, else the class's."""
    ext = extensions.get((student or "", week.id))
    return ext.due if ext else deadline(week, term)


def parse_time(text: str) -> datetime:
    """An ISO date or date-time; a naive one is taken as UTC (as every time here is)."""
    value = datetime.fromisoformat(text.strip().replace(" UTC", "").replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def load_extensions(path: Path | None, course: Course, term: Term, roster: Roster) -> Extensions:
    """Read `extensions.csv` (student,week,due,reason): `due` is a number of extra days or a
    new deadline (a date, or a date and time, UTC). A mistake names its line."""
    if path is None:
        return {}
    if not path.is_file():
        raise CourseError(f"extensions file {path} not found; write student,week,due,reason")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if header[:3] != ["student", "week", "due"]:
        raise CourseError(f"{path}:1: the header must be student,week,due,reason")
    out: Extensions = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = [*(c.strip() for c in row), "", "", "", ""]
        who, aid, due_text, reason = cells[:4]
        student = roster.find(who)
        if student is None:
            raise CourseError(f"{path}:{line}: {who!r} is not on the roster")
        week = course.week(aid) if aid in {w.id for w in course.weeks} else None
        if week is None:
            raise CourseError(f"{path}:{line}: {aid!r} is not a week of course_config.py")
        base = deadline(week, term)
        try:
            if base is not None and due_text.replace(".", "", 1).isdigit():
                due = base + timedelta(days=float(due_text))
            else:
                due = parse_time(due_text)
        except ValueError:
            raise CourseError(
                f"{path}:{line}: due {due_text!r} must be extra days (like 3) or a date "
                "like 2027-01-20 or 2027-01-20T12:00"
            ) from None
        if (student.id, aid) in out:
            raise CourseError(f"{path}:{line}: a second extension for {student.id} in {aid}")
        out[(student.id, aid)] = Extension(student.id, aid, due, reason)
    return out


def penalty(term: Term, submitted: datetime, due: datetime | None) -> float:
    """The fraction of the earned score a submission loses: 0 on time or within the grace
    period, `penalty` per started late window after it, everything past the cap."""
    if due is None or submitted <= due:
        return 0.0
    late_minutes = (submitted - due).total_seconds() / 60
    if term.cap_days is not None and late_minutes > term.cap_days * 24 * 60:
        return 1.0
    counted = late_minutes - term.grace_minutes
    if counted <= 0:
        return 0.0
    windows = math.ceil(counted / (term.window_hours * 60))
    return min(1.0, windows * term.penalty)


def describe_lateness(submitted: datetime, due: datetime | None) -> str:
    """`on time`, or how late, in words a student reads at a glance."""
    if due is None or submitted <= due:
        return "on time"
    late = submitted - due
    hours = late.total_seconds() / 3600
    return f"{hours / 24:.1f} days late" if hours >= 48 else f"{hours:.1f} hours late"
