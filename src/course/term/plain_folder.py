"""A plain folder of `<student-id>.ipynb`, or of `<student-id>/<week>.ipynb`: the submission
time is the file's last git commit when the folder is in a git clone, else its modification
time."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from course.config import AID_PATTERN
from course.term.found import Found, refusal


def _git_time(path: Path) -> datetime | None:
    """The time of the last commit that touched `path`, if it is tracked in a git clone."""
    try:
        done = subprocess.run(
            # a clone is the students' own: no hook or fsmonitor of theirs may run here
            ["git", "-c", "core.fsmonitor=false", "log", "-1", "--format=%cI", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = done.stdout.strip()
    return datetime.fromisoformat(text).astimezone(UTC) if done.returncode == 0 and text else None


def _when(path: Path) -> datetime:
    committed = _git_time(path) if not path.is_symlink() else None
    if committed is not None:
        return committed
    return datetime.fromtimestamp(path.lstat().st_mtime, tz=UTC)


def find(source: Path, aid: str) -> list[Found]:
    """`<id>.ipynb` directly in `source`, and `<id>/<aid>.ipynb` (or the one notebook of
    `<id>/`) one level down; linked folders are refused, never entered."""
    found: list[Found] = []
    for entry in sorted(source.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.name.endswith(".ipynb"):
            found.append(
                Found(entry.stem, entry, _when(entry), "folder", entry.name, refusal(entry))
            )
        elif entry.is_symlink():
            reason = "its folder is a symbolic link, which is never followed"
            found.append(Found(entry.name, entry, _mtime(entry), "folder", entry.name, reason))
        elif entry.is_dir():
            books = sorted(p for p in entry.iterdir() if p.name.endswith(".ipynb"))
            own = [p for p in books if p.stem == aid]
            if not own and len(books) == 1 and not AID_PATTERN.match(books[0].stem):
                own = books  # a lone notebook named otherwise: a renamed copy of this week
            for path in own:
                origin = f"{entry.name}/{path.name}"
                found.append(Found(entry.name, path, _when(path), "folder", origin, refusal(path)))
    return found


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.lstat().st_mtime, tz=UTC)
