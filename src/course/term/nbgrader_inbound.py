"""nbgrader's exchange `inbound/` folder: one folder per submission.

Format (from nbgrader's source, nbgrader/exchange/default/submit.py, and its docs "Managing
assignment files"): `nbgrader submit` copies a student's assignment to
`<exchange>/<course>/inbound/<student>+<assignment>+<timestamp>` (with `+<random>` appended when
`add_random_string` is on) and writes the same timestamp to `timestamp.txt` inside it; the
timestamp's format is `%Y-%m-%d %H:%M:%S.%f %Z` in the exchange's timezone (UTC by default).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from course.errors import CourseError
from course.term.found import Found, notebooks_in, refusal


def recognises(source: Path) -> bool:
    """An `inbound` folder, or any folder whose entries are named `a+b+c`."""
    if not source.is_dir():
        return False
    return source.name == "inbound" or any(p.name.count("+") >= 2 for p in source.iterdir())


def parse_timestamp(text: str, where: str) -> datetime:
    """nbgrader's `2026-10-12 21:30:00.123456 UTC` (or with a numeric offset)."""
    text = text.strip()
    for suffix in (" UTC", " GMT", "Z"):
        if text.endswith(suffix):
            text = text[: -len(suffix)] + "+00:00"
    try:
        value = datetime.fromisoformat(text.replace(" +", "+").replace(" -", "-"))
    except ValueError:
        raise CourseError(
            f"{where}: timestamp {text!r} is not like '2026-10-12 21:30:00.123456 UTC'"
        ) from None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def find(source: Path, aid: str) -> list[Found]:
    """Every submission of `aid` in the inbound folder (other assignments are skipped)."""
    found: list[Found] = []
    for entry in sorted(source.iterdir()):
        parts = entry.name.split("+")
        if len(parts) < 3 or parts[1] != aid:
            continue
        student, stamp = parts[0], parts[2]
        stamp_file = entry / "timestamp.txt"
        if stamp_file.is_file() and not stamp_file.is_symlink():
            stamp = stamp_file.read_text(encoding="utf-8")
        when = parse_timestamp(stamp, str(entry))
        books = notebooks_in(entry, aid)
        path = books[0] if books else entry / f"{aid}.ipynb"
        if entry.is_symlink():
            why: str | None = "its folder is a symbolic link, which is never followed"
        else:
            why = refusal(path) if books else "no .ipynb file in the submission"
        found.append(Found(student, path, when, "nbgrader", entry.name, why))
    return found
