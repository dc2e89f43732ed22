"""`course collect`: gather one week's submissions from where they come from (a Gradescope
export, an nbgrader inbound folder, a plain folder), match them to the roster, keep one per
student by the term's keep policy, and copy them with their submission times into one folder
that `course grade` and `course gradebook` read."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from course.config import Week
from course.errors import CourseError
from course.grade.reports import write_atomic
from course.term import gradescope_export, nbgrader_inbound, plain_folder
from course.term.found import Found
from course.term.policy import Extensions, student_deadline
from course.term.roster import Roster
from course.term.settings import Term

MANIFEST = "collected.json"


@dataclass
class Collected:
    """What a collection did."""

    kept: dict[str, dict[str, Any]] = field(default_factory=dict)
    """submission name -> student, who, submitted (ISO), source, origin"""
    unmatched: list[str] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    superseded: int = 0
    missing: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """submissions found per source format"""


def source_format(source: Path) -> str:
    """Which format a source is in: gradescope, nbgrader or folder."""
    if not source.exists():
        raise CourseError(f"{source} does not exist; name an export, an inbound folder or a folder")
    if gradescope_export.recognises(source):
        return "gradescope"
    if nbgrader_inbound.recognises(source):
        return "nbgrader"
    if source.is_dir():
        return "folder"
    raise CourseError(
        f"{source}: not a Gradescope export (no submission_metadata.yml), an nbgrader inbound "
        "folder or a folder of notebooks"
    )


def find_all(sources: list[Path], aid: str, scratch: Path) -> list[Found]:
    """Every submission of `aid` in every source."""
    found: list[Found] = []
    for n, source in enumerate(sources):
        kind = source_format(source)
        if kind == "gradescope":
            (scratch / str(n)).mkdir(parents=True, exist_ok=True)
            found += gradescope_export.find(source, aid, scratch / str(n))
        elif kind == "nbgrader":
            found += nbgrader_inbound.find(source, aid)
        else:
            found += plain_folder.find(source, aid)
    return found


def safe_name(text: str) -> str:
    """A file name for someone the roster does not know."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "unknown"


def choose(candidates: list[Found], keep: str, due: datetime | None) -> tuple[list[Found], int]:
    """The submissions of one student that count, and how many are set aside. `latest`: the
    latest before the deadline, or the latest of all when every one is late; `best`: all of
    them (the gradebook keeps the best after penalties)."""
    ordered = sorted(candidates, key=lambda f: f.submitted)
    if keep == "best":
        return ordered, 0
    on_time = [f for f in ordered if due is None or f.submitted <= due]
    return [(on_time or ordered)[-1]], len(ordered) - 1


def main(
    week: Week,
    sources: list[Path],
    *,
    roster: Roster,
    term: Term,
    extensions: Extensions,
    out: Path,
) -> Collected:
    """Collect `week` from `sources` into `out`: `<student id>.ipynb` (several as
    `<id>@2.ipynb`... with keep=best), `unmatched-<who>.ipynb`, and collected.json."""
    result = Collected()
    out.mkdir(parents=True, exist_ok=True)
    _remove_previous(out)
    with gradescope_export.scratch_dir() as scratch:
        found = find_all(sources, week.id, Path(scratch))
        for f in found:
            result.counts[f.source] = result.counts.get(f.source, 0) + 1
        by_student: dict[str, list[Found]] = {}
        for f in found:
            if f.refused:
                result.refused.append({"who": f.who, "origin": f.origin, "reason": f.refused})
                continue
            student = roster.find(f.who)
            if student is None:
                name = f"unmatched-{safe_name(f.who)}"
                base, n = name, 2
                while name in result.kept:
                    name, n = f"{base}@{n}", n + 1
                result.kept[name] = _entry(f, None)
                result.unmatched.append(name)
                _copy(f, out / f"{name}.ipynb")
                continue
            by_student.setdefault(student.id, []).append(f)
        for sid, candidates in sorted(by_student.items()):
            due = student_deadline(week, term, sid, extensions)
            kept, superseded = choose(candidates, term.keep, due)
            result.superseded += superseded
            for n, f in enumerate(kept, start=1):
                name = sid if n == 1 else f"{sid}@{n}"
                result.kept[name] = _entry(f, sid)
                _copy(f, out / f"{name}.ipynb")
    result.missing = [s.id for s in roster.students if s.id not in by_student]
    manifest = {
        "assignment": week.id,
        "keep": term.keep,
        "submissions": result.kept,
        "unmatched": result.unmatched,
        "refused": result.refused,
        "missing": result.missing,
    }
    write_atomic(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return result


def _entry(f: Found, student: str | None) -> dict[str, Any]:
    return {
        "student": student,
        "who": f.who,
        "submitted": f.submitted.isoformat(),
        "source": f.source,
        "origin": f.origin,
    }


def _copy(f: Found, dest: Path) -> None:
    """Copy the bytes of a regular file, opened without following a link (it may have been
    swapped for one since it was found)."""
    try:
        fd = os.open(f.path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise CourseError(f"{f.origin}: cannot be read without following a link: {exc}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise CourseError(f"{f.origin}: not a regular file; it is not collected")
        data = handle.read()
    dest.write_bytes(data)


def _remove_previous(out: Path) -> None:
    """Remove what an earlier collection wrote, so a student dropped since is not graded."""
    old = load_manifest(out)
    for name in (old or {}).get("submissions", {}):
        (out / f"{name}.ipynb").unlink(missing_ok=True)


def load_manifest(folder: Path) -> dict[str, Any] | None:
    """The collected.json of a collected week, or None."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
