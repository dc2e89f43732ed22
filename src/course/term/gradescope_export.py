"""Gradescope's "Export Submissions" archive: submission_metadata.yml beside one folder per
submission.

Format (from Gradescope's export as parsed by otter-grader's GradescopeParser,
otter/grade/metadata.py, and Gradescope's help page "Exporting submissions"): the YAML maps each
folder name (`submission_<id>`) to `:submitters:` (a list of `:name:`, `:sid:`, `:email:`; a
group submission lists several) and `:created_at:` (the submission time with its UTC offset,
like `2026-10-12 21:30:00.123456000 -07:00`); the folder holds the uploaded files.
"""

from __future__ import annotations

import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from course.errors import CourseError
from course.term.found import Found, notebooks_in, refusal

METADATA = "submission_metadata.yml"


def recognises(source: Path) -> bool:
    """A folder holding submission_metadata.yml (or a zip of one)."""
    if source.is_file() and source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            return any(n.endswith(METADATA) for n in archive.namelist())
    return (source / METADATA).is_file()


def _when(value: object, where: str) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        # Ruby's Time#to_s: `2026-10-12 21:30:00.123456000 -07:00`; fromisoformat wants at most
        # 6 fraction digits and no space before the offset.
        date, clock, *zone = str(value).split()
        if "." in clock:
            whole, fraction = clock.split(".")
            clock = f"{whole}.{fraction[:6]}"
        parsed = datetime.fromisoformat(f"{date}T{clock}{zone[0] if zone else ''}")
    except (ValueError, IndexError):
        raise CourseError(f"{where}: :created_at: {value!r} is not a time") from None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def find(source: Path, aid: str, scratch: Path) -> list[Found]:
    """Every submitter's submission in an export folder or zip (a zip is unpacked in
    `scratch`: zipfile never creates links)."""
    import yaml

    if source.is_file():
        with zipfile.ZipFile(source) as archive:
            archive.extractall(scratch)
        tops = [p.parent for p in scratch.rglob(METADATA)]
        source = tops[0]
    where = str(source / METADATA)
    try:
        data: Any = yaml.safe_load((source / METADATA).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CourseError(f"{where}: not valid YAML ({exc}); re-download the export") from None
    if not isinstance(data, dict):
        raise CourseError(f"{where}: expected one entry per submission folder")
    found: list[Found] = []
    for folder, meta in sorted(data.items()):
        if not isinstance(meta, dict) or not isinstance(meta.get(":submitters"), list):
            raise CourseError(f"{where}: {folder} has no :submitters: list")
        when = _when(meta.get(":created_at"), f"{where}: {folder}")
        books = notebooks_in(source / str(folder), aid)
        path = books[0] if books else source / str(folder) / f"{aid}.ipynb"
        if (source / str(folder)).is_symlink():
            why: str | None = "its folder is a symbolic link, which is never followed"
        else:
            why = refusal(path) if books else "no .ipynb file in the submission"
        for person in meta[":submitters"]:
            who = str(person.get(":sid") or person.get(":email") or person.get(":name") or "")
            found.append(Found(who, path, when, "gradescope", str(folder), why))
    return found


def scratch_dir() -> tempfile.TemporaryDirectory[str]:
    """A folder to unpack an export zip in."""
    return tempfile.TemporaryDirectory(prefix="course-export-")
