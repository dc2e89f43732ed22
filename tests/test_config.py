"""course_config.py is validated into typed objects, with one clear line per mistake."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from course.config import load_course, parse_course
from course.errors import CourseError

GOOD: dict[str, Any] = {
    "TITLE": "T",
    "WEEKS": [{"id": "week01_a", "title": "A", "points": {"f": 2, "g": 1.5}}],
}


def test_the_course_config_follows_the_syllabus_in_the_repository(repo: Path) -> None:
    """docs/syllabus.md is the course's contract: every configured week is one of its weeks, in
    its order, numbered by its position, with exactly its exercises."""
    course = load_course(repo / "course_config.py")
    syllabus = (repo / "docs" / "syllabus.md").read_text()
    ids = re.findall(r"^### (week\d\d_[a-z_0-9]+)", syllabus, flags=re.M)
    assert len(ids) == 16
    assert [int(aid[4:6]) for aid in ids] == list(range(1, 17))
    configured = [w.id for w in course.weeks]
    assert configured == [aid for aid in ids if aid in configured]
    for week in course.weeks:
        section = syllabus.split(f"### {week.id}")[1].split("###")[0]
        named = re.findall(r"^- `([a-z_0-9]+)\(", section, flags=re.M)
        named += re.findall(r" and `([a-z_0-9]+)\(", section)
        assert sorted(week.points) == sorted(named), week.id


def test_a_good_config_becomes_typed_objects() -> None:
    course = parse_course(GOOD)
    week = course.week("week01_a")
    assert week.points == {"f": 2.0, "g": 1.5}
    assert week.max_score == 3.5
    assert course.limits.test_timeout > 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"TITLE": ""}, "TITLE must be a non-empty string"),
        ({"WEEKS": []}, "WEEKS must be a non-empty list"),
        ({"WEEKS": [{"id": "week1", "title": "A", "points": {"f": 1}}]}, "id must look like"),
        ({"WEEKS": [{"id": "week01_a", "title": "A", "points": {}}]}, "points must map"),
        ({"WEEKS": [{"id": "week01_a", "title": "A", "points": {"f": -1}}]}, "positive number"),
        (
            {"WEEKS": [{"id": "week01_a", "title": "A", "points": {"f": 1}, "deadline": 1}]},
            "unknown keys",
        ),
        ({"WEEKS": [GOOD["WEEKS"][0], GOOD["WEEKS"][0]]}, "repeated: week01_a"),
        ({"GRADING": {"test_timeout": 0}}, "must be a positive number"),
        ({"WEEKS": [{**GOOD["WEEKS"][0], "release": "next monday"}]}, "must be a date like"),
        (
            {"WEEKS": [{**GOOD["WEEKS"][0], "release": "2027-01-11", "due": "2027-01-04"}]},
            "due date must come after",
        ),
        ({"GRADING": {"speed": 1}}, "unknown keys"),
    ],
)
def test_a_bad_config_is_one_clear_error(change: dict[str, Any], message: str) -> None:
    with pytest.raises(CourseError, match=re.escape(message)):
        parse_course({**GOOD, **change})


def test_an_unknown_week_lists_the_known_ones() -> None:
    with pytest.raises(CourseError, match="week01_a"):
        parse_course(GOOD).week("week09_nope")


def test_a_config_that_does_not_load_says_so(tmp_path: Path) -> None:
    (tmp_path / "course_config.py").write_text("TITLE = (\n")
    with pytest.raises(CourseError, match="cannot be loaded: SyntaxError"):
        load_course(tmp_path / "course_config.py")


def test_a_weeks_status_follows_its_dates() -> None:
    from datetime import date

    raw = {**GOOD["WEEKS"][0], "release": "2027-01-11", "due": "2027-01-18"}
    week = parse_course({**GOOD, "WEEKS": [raw]}).weeks[0]
    assert week.status(date(2027, 1, 10)) == "upcoming"
    assert week.status(date(2027, 1, 11)) == "released"
    assert week.status(date(2027, 1, 18)) == "released"
    assert week.status(date(2027, 1, 19)) == "due"
