"""Overrides set or move a question's score, within its points, with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.config import parse_course
from course.errors import CourseError
from course.term.overrides import load_overrides
from course.term.roster import Roster, Student

COURSE = parse_course(
    {"TITLE": "T", "WEEKS": [{"id": "week01_a", "title": "A", "points": {"q": 2, "r": 1}}]}
)
ROSTER = Roster((Student("s1", "A", "a@x.edu", "1"),))
HEADER = "student,week,question,points,reason\n"


def test_set_and_delta_are_clamped(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text(
        HEADER + "s1,week01_a,q,+1.5,appeal\na@x.edu,week01_a,r,-3,copied\n"
        's1,week01_a,q,1,"typo, fixed"\n'
    )
    first, second, third = load_overrides(path, COURSE, ROSTER)
    assert (first.apply(1.0, 2.0), second.apply(1.0, 1.0), third.apply(0.0, 2.0)) == (2.0, 0.0, 1.0)
    assert first.describe() == "q: +1.5 (appeal)"
    assert third.describe() == "q: set to 1 (typo, fixed)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("s2,week01_a,q,1,x", ":2: 's2' is not on the roster"),
        ("s1,week01_a,z,1,x", ":2: week01_a has no question 'z'; it has q, r"),
        ("s1,week01_a,q,lots,x", ":2: points 'lots' must be a number"),
        ("s1,week01_a,q,1,", ":2: give a reason"),
        ("s1,week01_a,q,1,a,b", ":2: 6 fields, expected 5"),
    ],
)
def test_mistakes_name_their_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text(HEADER + line + "\n")
    with pytest.raises(CourseError, match=message):
        load_overrides(path, COURSE, ROSTER)
