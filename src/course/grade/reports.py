"""What a graded submission becomes on disk: results.json, feedback.md, gradebook.csv."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from course.engine.runner import QuestionResult, SubmissionResult

Hints = dict[str, str]  # question -> the notebook's hint (public text)


def question_output(q: QuestionResult, hint: str = "") -> str:
    """Per-test lines a student may read: names and hand-written messages, never test source;
    the notebook's hint at the end when the question lost points."""
    lines = [q.note] if q.note else []
    for o in q.outcomes:
        mark = "passed" if o.passed else "failed"
        kind = "hidden test" if o.hidden else "test"
        lines.append(f"{kind} {o.name}: {mark}" + (f" — {o.message}" if o.message else ""))
    if hint and not q.passed:
        lines.append(f"Hint: {hint}")
    return "\n".join(lines)


def score_bar(score: float, max_score: float, width: int = 10) -> str:
    """The score as a bar a reader takes in at a glance: ``███████░░░``."""
    filled = round(width * score / max_score) if max_score > 0 else 0
    return "█" * filled + "░" * (width - filled)


def results_json(result: SubmissionResult, hints: Hints | None = None) -> dict[str, Any]:
    """Gradescope's results.json schema (score, tests[], output)."""
    hints = hints or {}
    return {
        "score": result.score,
        "output": "\n".join(result.notes) if result.notes else "Graded.",
        "tests": [
            {
                "name": q.name,
                "score": q.score,
                "max_score": q.max_score,
                "output": question_output(q, hints.get(q.name, "")),
                "visibility": "visible",
            }
            for q in result.questions
        ],
        "extra_data": {
            "assignment": result.assignment,
            "max_score": result.max_score,
            "sandbox": result.enforced,
            "failed_tests": [
                f"{q.name}/{o.name}" for q in result.questions for o in q.outcomes if not o.passed
            ],
        },
        "execution_time": result.seconds,
    }


def feedback_markdown(result: SubmissionResult, title: str, hints: Hints | None = None) -> str:
    """A student's feedback: score per question, what failed and why, and the hint."""
    hints = hints or {}
    lines = [
        f"# Feedback: {title}",
        "",
        f"**{result.submission}** scored **{result.score:g} / {result.max_score:g}**.",
        "",
        "| exercise | score | | |",
        "| --- | --- | --- | --- |",
    ]
    for q in result.questions:
        mark = "✅" if q.passed else ("🟡" if q.score > 0 else "❌")
        bar = score_bar(q.score, q.max_score)
        lines.append(f"| `{q.name}` | {q.score:g} / {q.max_score:g} | `{bar}` | {mark} |")
    for q in result.questions:
        if q.passed:
            continue
        lines += ["", f"## `{q.name}`", ""]
        if q.note:
            lines += [q.note, ""]
        for o in q.outcomes:
            if not o.passed:
                kind = "hidden test" if o.hidden else "test"
                lines.append(f"- {kind} `{o.name}`: {o.message or 'failed'}")
        if hints.get(q.name):
            quoted = "\n".join(f"> {ln}" if ln else ">" for ln in hints[q.name].splitlines())
            lines += ["", "> **Hint** (from the notebook)", ">", quoted]
    if result.notes:
        lines += ["", "## About your notebook", ""] + [f"- {n}" for n in result.notes]
    return "\n".join(lines) + "\n"


def _process_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once, at import (changing the umask to read it is not thread-safe, and grading is).
UMASK = _process_umask()


def write_atomic(path: Path, text: str) -> None:
    """Write `text` so that a reader sees the old file or the new one, never half of one; the
    file gets the permissions of an ordinary new file (mkstemp's are owner-only), so teaching
    assistants and web servers can read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o666 & ~UMASK)
    os.replace(tmp, path)


def gradebook_csv(rows: list[tuple[str, dict[str, Any]]], questions: list[str]) -> str:
    """One row per submission: submission,total,max,<question>..."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["submission", "total", "max", *questions])
    for name, data in sorted(rows):
        scores = {t["name"]: t["score"] for t in data["tests"]}
        writer.writerow(
            [
                name,
                _num(data["score"]),
                _num(data["extra_data"]["max_score"]),
                *[_num(scores.get(q, 0.0)) for q in questions],
            ]
        )
    return out.getvalue()


def digest(data: dict[str, Any]) -> dict[str, Any]:
    """The part of a results.json that the gradebook and the report read: a large batch keeps
    only this in memory, not every message of every submission."""
    extra = data.get("extra_data", {})
    return {
        "score": data["score"],
        "tests": [
            {"name": t["name"], "score": t["score"], "max_score": t.get("max_score", 0.0)}
            for t in data["tests"]
        ],
        "extra_data": {
            "max_score": extra.get("max_score", 0.0),
            "failed_tests": list(extra.get("failed_tests", [])),
        },
    }


def _num(value: float) -> str:
    return f"{value:g}"


def load_results(path: Path) -> dict[str, Any] | None:
    """A finished results.json, or None if absent or unreadable (then it is graded again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and "score" in data and "tests" in data else None
