"""What every term command reads first: the course, its TERM settings, the roster, the
extensions and the overrides, each validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.config import Course, load_course
from course.paths import Layout
from course.term.overrides import Override, load_overrides
from course.term.policy import Extensions, load_extensions
from course.term.roster import Roster, load_roster
from course.term.settings import Term, load_term


@dataclass(frozen=True)
class Context:
    """The validated inputs of a term command."""

    root: Path
    course: Course
    term: Term
    roster: Roster
    extensions: Extensions
    overrides: list[Override]


def load(
    root: Path,
    roster: Path,
    extensions: Path | None = None,
    overrides: Path | None = None,
) -> Context:
    """Read and validate everything; the first mistake is a one-line CourseError."""
    config = Layout(root).config
    course = load_course(config)
    term = load_term(config, [w.id for w in course.weeks])
    students = load_roster(roster)
    return Context(
        root,
        course,
        term,
        students,
        load_extensions(extensions, course, term, students),
        load_overrides(overrides, course, students),
    )


def optional(path: str | None, default: Path) -> Path | None:
    """An explicit file, or the default file when it exists, or None."""
    if path:
        return Path(path)
    return default if default.is_file() else None
