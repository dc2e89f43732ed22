"""Which graded results may be reused: a result is keyed by the assignment, the submission's
content and the autograder that graded it, and one output folder holds one assignment."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from course.errors import CourseError
from course.grade.reports import load_results, write_atomic
from course.paths import Layout

MARKER = ".course-grades.json"  # in an output folder: which assignment it holds


@dataclass(frozen=True)
class Key:
    """What a result was graded from."""

    assignment: str
    submission_sha256: str
    autograder_sha256: str


def autograder_files(layout: Layout, aid: str) -> dict[str, bytes]:
    """The files that grade `aid` (config and tests), by path relative to the course root."""
    folder = layout.autograder_dir(aid)
    if not layout.autograder_config(aid).is_file():
        raise CourseError(f"{aid} has no autograder; run `course build {aid}`")
    return {
        p.relative_to(layout.root).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def fingerprint(files: dict[str, bytes]) -> str:
    """One digest of a set of named files (names and contents)."""
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """The digest of a file's bytes ('' when it cannot be read: then it is never reused)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def claim(out: Path, aid: str) -> None:
    """Make `out` the output folder of `aid`, or refuse if it holds another assignment's grades."""
    held = _held_assignment(out)
    if held is not None and held != aid:
        raise CourseError(
            f"{out} holds the grades of {held}; grade {aid} into its own folder "
            f"(the default is grades/{aid}) or choose another --out"
        )
    if held is None:
        write_atomic(out / MARKER, json.dumps({"assignment": aid}) + "\n")


def _held_assignment(out: Path) -> str | None:
    try:
        return str(json.loads((out / MARKER).read_text(encoding="utf-8"))["assignment"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    for results in sorted(out.glob("*/results.json")):  # a folder from before the marker
        data = load_results(results)
        held = (data or {}).get("extra_data", {}).get("assignment")
        if isinstance(held, str):
            return held
    return None


def reusable(results: Path, key: Key) -> bool:
    """True when `results` exists and was graded from exactly `key`."""
    data = load_results(results)
    return data is not None and data.get("extra_data", {}).get("graded") == asdict(key)


def stamped(results_text: str, key: Key) -> str:
    """A results.json text with the key it was graded from (in extra_data.graded)."""
    data: dict[str, Any] = json.loads(results_text)
    data.setdefault("extra_data", {})["graded"] = asdict(key)
    return json.dumps(data, indent=2, sort_keys=True) + "\n"
