"""TERM in course_config.py is validated with one clear line per mistake."""

from __future__ import annotations

from datetime import time

import pytest

from course.errors import CourseError
from course.term.settings import parse_term

WEEKS = ["week01_a", "week02_b"]


def test_defaults_and_a_full_policy() -> None:
    assert parse_term({}, WEEKS).penalty == 0.0
    term = parse_term(
        {
            "deadline_time": "17:00",
            "penalty": 0.25,
            "window_hours": 6,
            "cap_days": 2,
            "keep": "best",
            "drop_lowest": 1,
            "weights": {"week02_b": 3},
        },
        WEEKS,
    )
    assert (term.deadline_time, term.window_hours, term.keep) == (time(17, 0), 6.0, "best")
    assert term.weights == {"week02_b": 3.0} and term.cap_days == 2.0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "TERM must be a dict"),
        ({"penalti": 0.1}, "unknown keys \\['penalti'\\]"),
        ({"penalty": 10}, "fraction per window"),
        ({"penalty": -1}, "must be a number >= 0"),
        ({"window_hours": 0}, "must be positive"),
        ({"keep": "first"}, "must be one of"),
        ({"drop_lowest": 1.5}, "whole number"),
        ({"weights": {"week09_x": 1}}, "'week09_x', which is not a week"),
        ({"deadline_time": "noon"}, "a time like '23:59'"),
    ],
)
def test_mistakes(raw: object, message: str) -> None:
    with pytest.raises(CourseError, match=message):
        parse_term(raw, WEEKS)


def test_the_repository_config_has_a_valid_term(repo: object) -> None:
    from pathlib import Path

    from course.config import load_course
    from course.term.settings import load_term

    config = Path(str(repo)) / "course_config.py"
    weeks = [w.id for w in load_course(config).weeks]
    term = load_term(config, weeks)
    assert 0 <= term.penalty <= 1
