"""The `TERM` dict of course_config.py (late policy, keep policy, drop-lowest, weights),
validated into a frozen object with one clear line per mistake."""

from __future__ import annotations

import runpy
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from course.errors import CourseError

KEEP_POLICIES = ("latest", "best")


@dataclass(frozen=True)
class Term:
    """How a term turns graded submissions into grades."""

    deadline_time: time = time(23, 59)
    """time of day (UTC) on a week's due date when submissions are due"""
    grace_minutes: float = 0.0
    """lateness forgiven entirely (clock skew, a slow upload)"""
    penalty: float = 0.0
    """fraction of the earned score lost per started late window (0.1 = 10 %)"""
    window_hours: float = 24.0
    """the length of one late window: 24 is a penalty per day"""
    cap_days: float | None = None
    """a submission more than this many days after its deadline scores 0; None: no cap"""
    keep: str = "latest"
    """which of a student's several submissions counts: the latest before the deadline, or
    the best after penalties"""
    drop_lowest: int = 0
    """the k lowest weeks (by percentage) each student does not count"""
    weights: dict[str, float] = field(default_factory=dict)
    """weight of each week in the final grade (a week not named weighs 1)"""


KEYS = {
    "deadline_time",
    "grace_minutes",
    "penalty",
    "window_hours",
    "cap_days",
    "keep",
    "drop_lowest",
    "weights",
}


def load_term(config: Path, week_ids: list[str]) -> Term:
    """The TERM dict of `config` (a course_config.py); defaults when it has none."""
    try:
        data = runpy.run_path(str(config))
    except Exception as exc:
        raise CourseError(f"{config}: cannot be loaded: {type(exc).__name__}: {exc}") from exc
    return parse_term(data.get("TERM", {}), week_ids, str(config))


def _number(where: str, raw: dict[str, Any], key: str, default: float, low: float = 0) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < low:
        raise CourseError(f"{where}: TERM[{key!r}] must be a number >= {low:g}, got {value!r}")
    return float(value)


def parse_term(raw: object, week_ids: list[str], where: str = "course_config.py") -> Term:
    """Validate a TERM dict against the course's weeks."""
    if not isinstance(raw, dict):
        raise CourseError(f"{where}: TERM must be a dict like {{'penalty': 0.1}}")
    unknown = set(raw) - KEYS
    if unknown:
        raise CourseError(
            f"{where}: TERM has unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(KEYS))}"
        )
    text = raw.get("deadline_time", "23:59")
    try:
        deadline = time.fromisoformat(str(text))
    except ValueError:
        raise CourseError(
            f"{where}: TERM['deadline_time'] must be a time like '23:59', got {text!r}"
        ) from None
    penalty = _number(where, raw, "penalty", 0.0)
    if penalty > 1:
        raise CourseError(f"{where}: TERM['penalty'] is a fraction per window (0.1 = 10 %)")
    window = _number(where, raw, "window_hours", 24.0)
    if window == 0:
        raise CourseError(f"{where}: TERM['window_hours'] must be positive (24 = per day)")
    cap = None if raw.get("cap_days") is None else _number(where, raw, "cap_days", 0.0)
    keep = raw.get("keep", "latest")
    if keep not in KEEP_POLICIES:
        raise CourseError(f"{where}: TERM['keep'] must be one of {KEEP_POLICIES}, got {keep!r}")
    drop = raw.get("drop_lowest", 0)
    if isinstance(drop, bool) or not isinstance(drop, int) or drop < 0:
        raise CourseError(f"{where}: TERM['drop_lowest'] must be a whole number >= 0")
    weights = raw.get("weights", {})
    if not isinstance(weights, dict):
        raise CourseError(f"{where}: TERM['weights'] must map week ids to numbers")
    for aid, value in weights.items():
        if aid not in week_ids:
            raise CourseError(f"{where}: TERM['weights'] names {aid!r}, which is not a week")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise CourseError(f"{where}: TERM['weights'][{aid!r}] must be a number >= 0")
    return Term(
        deadline_time=deadline,
        grace_minutes=_number(where, raw, "grace_minutes", 0.0),
        penalty=penalty,
        window_hours=window,
        cap_days=cap,
        keep=keep,
        drop_lowest=drop,
        weights={k: float(v) for k, v in weights.items()},
    )
