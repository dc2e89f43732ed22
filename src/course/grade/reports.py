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


def question_output(q: QuestionResult) -> str:
    """Per-test lines a student may read: names and hand-written messages, never test source."""
    lines = [q.note] if q.note else []
    for o in q.outcomes:
        mark = "passed" if o.passed else "failed"
        kind = "hidden test" if o.hidden else "test"
        lines.append(f"{kind} {o.name}: {mark}" + (f" — {o.message}" if o.message else ""))
    return "\n".join(lines)


def results_json(result: SubmissionResult) -> dict[str, Any]:
    """Gradescope's results.json schema (score, tests[], output)."""
    return {
        "score": result.score,
        "output": "\n".join(result.notes) if result.notes else "Graded.",
        "tests": [
            {
                "name": q.name,
                "score": q.score,
                "max_score": q.max_score,
                "output": question_output(q),
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


def feedback_markdown(result: SubmissionResult, title: str) -> str:
    """A student's feedback: score per question, what failed and why."""
    lines = [
        f"# Feedback: {title}",
        "",
        f"**{result.submission}** scored **{result.score:g} / {result.max_score:g}**.",
        "",
        "| exercise | score | |",
        "| --- | --- | --- |",
    ]
    for q in result.questions:
        mark = "✅" if q.passed else ("🟡" if q.score > 0 else "❌")
        lines.append(f"| `{q.name}` | {q.score:g} / {q.max_score:g} | {mark} |")
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
    if result.notes:
        lines += ["", "## About your notebook", ""] + [f"- {n}" for n in result.notes]
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
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


def _num(value: float) -> str:
    return f"{value:g}"


def load_results(path: Path) -> dict[str, Any] | None:
    """A finished results.json, or None if absent or unreadable (then it is graded again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and "score" in data and "tests" in data else None
