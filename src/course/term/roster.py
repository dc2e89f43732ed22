"""The class roster, `roster.csv`: one row per student with the columns an LMS export has
(student id, name, email, section), validated with the line number of each mistake."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

# Header names as LMS exports spell them (Canvas: "SIS User ID", Moodle: "ID number"), all
# mapped to ours; case, spaces and underscores do not matter.
ALIASES = {
    "id": "id",
    "studentid": "id",
    "sisuserid": "id",
    "idnumber": "id",
    "name": "name",
    "student": "name",
    "fullname": "name",
    "email": "email",
    "emailaddress": "email",
    "section": "section",
    "login": "login",
    "sisloginid": "login",
}
REQUIRED = ("id", "name", "email", "section")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Student:
    """One enrolled student."""

    id: str
    name: str
    email: str
    section: str
    login: str = ""
    """the LMS login (Canvas's SIS Login ID), when the roster has one"""


@dataclass(frozen=True)
class Roster:
    """Students in roster order, found by id, email or the email's user part."""

    students: tuple[Student, ...]

    def find(self, who: str) -> Student | None:
        """The student `who` names (an id, an email, a login or an email's user part)."""
        key = who.strip().lower()
        for s in self.students:
            if key in (s.id.lower(), s.email.lower(), s.login.lower()):
                return s
        for s in self.students:
            if key == s.email.lower().split("@")[0]:
                return s
        return None

    def sections(self) -> dict[str, int]:
        """How many students each section has."""
        counts: dict[str, int] = {}
        for s in self.students:
            counts[s.section] = counts.get(s.section, 0) + 1
        return counts


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().lower())


def load_roster(path: Path) -> Roster:
    """Read and validate a roster CSV; a mistake names its line and how to fix it."""
    if not path.is_file():
        raise CourseError(f"roster {path} not found; export it from your LMS as CSV")
    with path.open(encoding="utf-8-sig", newline="") as handle:  # Excel writes a BOM
        rows = list(csv.reader(handle))
    if not rows:
        raise CourseError(f"{path}: empty; the first line must name id,name,email,section")
    columns = {ALIASES[_key(h)]: i for i, h in enumerate(rows[0]) if _key(h) in ALIASES}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise CourseError(
            f"{path}:1: missing column(s) {', '.join(missing)}; the header must name "
            "id, name, email and section"
        )
    students: list[Student] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {c: row[i].strip() if i < len(row) else "" for c, i in columns.items()}
        for column in REQUIRED:
            if not values[column]:
                raise CourseError(f"{path}:{line}: empty {column}; every student needs one")
        if not ID.match(values["id"]):
            raise CourseError(
                f"{path}:{line}: student id {values['id']!r} may hold only letters, digits, "
                "'.', '_' and '-' (it names files)"
            )
        if not EMAIL.match(values["email"]):
            raise CourseError(f"{path}:{line}: {values['email']!r} is not an email address")
        for key in ("id", "email"):
            first = seen.get(f"{key}:{values[key].lower()}")
            if first:
                raise CourseError(
                    f"{path}:{line}: {key} {values[key]!r} repeats line {first}; "
                    "each student appears once"
                )
            seen[f"{key}:{values[key].lower()}"] = line
        students.append(
            Student(
                values["id"],
                values["name"],
                values["email"],
                values["section"],
                values.get("login", ""),
            )
        )
    if not students:
        raise CourseError(f"{path}: no students; add one row per student under the header")
    return Roster(tuple(students))
