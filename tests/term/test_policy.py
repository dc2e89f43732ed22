"""Deadlines, grace, penalty windows, the cap, and extensions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from course.config import parse_course
from course.errors import CourseError
from course.term.policy import deadline, load_extensions, penalty, student_deadline
from course.term.roster import Roster, Student
from course.term.settings import parse_term

COURSE = parse_course(
    {
        "TITLE": "T",
        "WEEKS": [
            {
                "id": "week01_a",
                "title": "A",
                "points": {"q": 1},
                "release": "2027-01-01",
                "due": "2027-01-08",
            }
        ],
    }
)
ROSTER = Roster((Student("s1", "A", "a@x.edu", "1"),))
TERM = parse_term(
    {
        "deadline_time": "12:00",
        "grace_minutes": 10,
        "penalty": 0.1,
        "window_hours": 24,
        "cap_days": 3,
    },
    ["week01_a"],
)
DUE = datetime(2027, 1, 8, 12, 0, tzinfo=UTC)


def at(hours_late: float) -> datetime:
    return DUE + timedelta(hours=hours_late)


def test_the_deadline_is_the_due_date_at_the_deadline_time() -> None:
    assert deadline(COURSE.weeks[0], TERM) == DUE


@pytest.mark.parametrize(
    ("hours", "lost"),
    [
        (-5, 0.0),  # early
        (0, 0.0),  # exactly on time
        (9 / 60, 0.0),  # within the 10-minute grace
        (11 / 60, 0.1),  # a started first window
        (24 + 10 / 60, 0.1),  # the first window ends 24 h after the grace
        (24 + 11 / 60, 0.2),
        (71, 0.3),
        (72.5, 1.0),  # past the 3-day cap: nothing
    ],
)
def test_penalty_windows(hours: float, lost: float) -> None:
    assert penalty(TERM, at(hours), DUE) == pytest.approx(lost)


def test_extensions_in_days_or_until_a_time(tmp_path: Path) -> None:
    path = tmp_path / "extensions.csv"
    path.write_text("student,week,due,reason\na@x.edu,week01_a,1.5,flu\n")
    ext = load_extensions(path, COURSE, TERM, ROSTER)
    assert student_deadline(COURSE.weeks[0], TERM, "s1", ext) == DUE + timedelta(days=1.5)
    assert student_deadline(COURSE.weeks[0], TERM, "s9", ext) == DUE
    path.write_text("student,week,due,reason\ns1,week01_a,2027-01-10T08:00,travel\n")
    ext = load_extensions(path, COURSE, TERM, ROSTER)
    assert ext[("s1", "week01_a")].due == datetime(2027, 1, 10, 8, tzinfo=UTC)
    assert ext[("s1", "week01_a")].due.date() == date(2027, 1, 10)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("s9,week01_a,1,x", "extensions.csv:2: 's9' is not on the roster"),
        ("s1,week07_a,1,x", "extensions.csv:2: 'week07_a' is not a week"),
        ("s1,week01_a,soon,x", "extensions.csv:2: due 'soon' must be extra days"),
    ],
)
def test_extension_mistakes_name_their_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "extensions.csv"
    path.write_text(f"student,week,due,reason\n{line}\n")
    with pytest.raises(CourseError, match=message):
        load_extensions(path, COURSE, TERM, ROSTER)
