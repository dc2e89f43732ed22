"""`course gradebook`: the term's table (students x weeks) from the graded weeks, with late
penalties and overrides applied after grading, drop-lowest and weights; written as CSV, as
Canvas and Moodle import CSVs, as figures, and as a feedback addendum beside each graded
submission."""

from __future__ import annotations

import csv
import io
import itertools
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from course.config import Course, Week
from course.grade.progress import Progress
from course.grade.reports import load_results, write_atomic
from course.term.canvas import canvas_csv
from course.term.collect import load_manifest
from course.term.moodle import moodle_csv
from course.term.overrides import Override
from course.term.policy import Extensions, describe_lateness, penalty, student_deadline
from course.term.roster import Roster, Student
from course.term.settings import Term


@dataclass
class Cell:
    """One student's result in one week."""

    final: float = 0.0
    raw: float = 0.0
    """the autograder's score, before overrides and penalty"""
    max_score: float = 0.0
    submitted: datetime | None = None
    due: datetime | None = None
    penalty: float = 0.0
    overrides: list[str] = field(default_factory=list)
    name: str = ""
    """the graded submission's name (its folder in the week's grades)"""
    note: str = ""

    @property
    def late(self) -> str:
        return describe_lateness(self.submitted, self.due) if self.submitted else "no submission"


@dataclass
class Gradebook:
    """The term: a cell per student and week, and each student's final percentage."""

    weeks: list[Week]
    students: list[Student]
    cells: dict[tuple[str, str], Cell]
    percent: dict[str, float]
    unmatched: dict[str, list[str]] = field(default_factory=dict)
    """week -> graded submissions that match no roster entry (never dropped: reported)"""
    changed: list[str] = field(default_factory=list)
    """`student week: old -> new` for every final score that moved since the last run"""
    written: dict[str, Path] = field(default_factory=dict)


def collected_weeks(course: Course, submissions: Path) -> list[Week]:
    """The weeks that have a collected folder, in course order."""
    return [w for w in course.weeks if load_manifest(submissions / w.id) is not None]


def grade_weeks(weeks: list[Week], submissions: Path, grades: Path, root: Path) -> None:
    """Grade every collected week (a result is kept when the submission and the autograder are
    unchanged, so only what changed is graded again)."""
    from course import grade

    progress = Progress(len(weeks), "grading the term's weeks")
    for week in weeks:
        grade.main(week.id, [submissions / week.id], out=grades / week.id, root=root, quiet=True)
        progress.advance()
    progress.close()


def _question_scores(results: dict[str, Any]) -> dict[str, tuple[float, float]]:
    return {t["name"]: (float(t["score"]), float(t["max_score"])) for t in results["tests"]}


def week_cell(
    week: Week,
    name: str,
    entry: dict[str, Any],
    results: dict[str, Any] | None,
    term: Term,
    extensions: Extensions,
    overrides: list[Override],
) -> Cell:
    """One graded submission turned into a cell: overrides first, then the late penalty."""
    student = entry.get("student")
    submitted = datetime.fromisoformat(entry["submitted"])
    due = student_deadline(week, term, student, extensions)
    cell = Cell(max_score=week.max_score, submitted=submitted, due=due, name=name)
    if results is None:
        cell.note = "not graded yet: run `course gradebook` without --no-grade"
        return cell
    questions = _question_scores(results)
    cell.raw = sum(score for score, _ in questions.values())
    for o in overrides:
        if o.student == student and o.week == week.id and o.question in questions:
            score, top = questions[o.question]
            questions[o.question] = (o.apply(score, top), top)
            cell.overrides.append(o.describe())
    adjusted = sum(score for score, _ in questions.values())
    cell.penalty = penalty(term, submitted, due)
    cell.final = round(adjusted * (1 - cell.penalty), 6)
    return cell


def build(
    course: Course,
    term: Term,
    roster: Roster,
    *,
    submissions: Path,
    grades: Path,
    extensions: Extensions,
    overrides: list[Override],
) -> Gradebook:
    """The term's gradebook from what is collected and graded (nothing is written)."""
    weeks = collected_weeks(course, submissions)
    cells: dict[tuple[str, str], Cell] = {}
    unmatched: dict[str, list[str]] = {}
    for week in weeks:
        manifest = load_manifest(submissions / week.id) or {}
        for name, entry in sorted(manifest.get("submissions", {}).items()):
            results = load_results(grades / week.id / name / "results.json")
            cell = week_cell(week, name, entry, results, term, extensions, overrides)
            sid = entry.get("student")
            if sid is None:
                unmatched.setdefault(week.id, []).append(f"{name} ({cell.final:g})")
                continue
            best = cells.get((sid, week.id))
            # keep=best collects every submission; the best after penalties counts
            if best is None or cell.final > best.final:
                cells[(sid, week.id)] = cell
        for s in roster.students:
            cells.setdefault((s.id, week.id), Cell(max_score=week.max_score, note="no submission"))
    percent = {s.id: final_percent(term, weeks, cells, s.id) for s in roster.students}
    return Gradebook(weeks, list(roster.students), cells, percent, unmatched)


def final_percent(
    term: Term, weeks: list[Week], cells: dict[tuple[str, str], Cell], sid: str
) -> float:
    """The weighted mean of a student's week percentages without the `drop_lowest` weeks
    whose dropping helps the student most (with weights, the lowest score is not always the
    one to drop: Canvas's drop rules choose the same way)."""
    parts = [(cells[(sid, w.id)].final / w.max_score, term.weights.get(w.id, 1.0)) for w in weeks]
    drop = min(term.drop_lowest, max(len(parts) - 1, 0))  # always count one week
    best = 0.0
    for kept in itertools.combinations(parts, len(parts) - drop):
        total_weight = sum(weight for _, weight in kept)
        if total_weight > 0:
            best = max(best, sum(f * weight for f, weight in kept) / total_weight)
    return round(100 * best, 4)


def table_csv(book: Gradebook) -> str:
    """students x weeks: per week the final score, the submission time and the penalty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["id", "name", "email", "section"]
    for w in book.weeks:
        header += [w.id, f"{w.id} submitted", f"{w.id} late penalty"]
    writer.writerow([*header, "percent"])
    for s in book.students:
        row: list[str] = [s.id, s.name, s.email, s.section]
        for w in book.weeks:
            cell = book.cells[(s.id, w.id)]
            row += [
                f"{cell.final:g}",
                cell.submitted.isoformat() if cell.submitted else "",
                f"{100 * cell.penalty:g}%",
            ]
        writer.writerow([*row, f"{book.percent[s.id]:g}"])
    return buffer.getvalue()


def addendum(week: Week, cell: Cell) -> str:
    """The student's feedback addendum: time, deadline, penalty, overrides, final score."""
    lines = [f"# {week.id}: your final score", ""]
    if cell.submitted:
        lines.append(f"- submitted: {cell.submitted:%Y-%m-%d %H:%M} UTC ({cell.late})")
    if cell.due:
        lines.append(f"- your deadline: {cell.due:%Y-%m-%d %H:%M} UTC")
    lines.append(f"- autograder score: {cell.raw:g} / {cell.max_score:g}")
    for text in cell.overrides:
        lines.append(f"- changed by your instructor: {text}")
    if cell.penalty:
        lines.append(f"- late penalty: {100 * cell.penalty:g}% of your score")
    lines.append(f"- **final score: {cell.final:g} / {cell.max_score:g}**")
    return "\n".join(lines) + "\n"


def write(book: Gradebook, out: Path, grades: Path) -> Gradebook:
    """Write gradebook.csv, canvas.csv, gradebook.json, the figures and every addendum; note
    in `book.changed` the final scores that differ from the previous run's."""
    from course.term.figures import score_figure, timing_figure

    out.mkdir(parents=True, exist_ok=True)
    state = out / "gradebook.json"
    previous: dict[str, float] = {}
    if state.is_file():
        previous = json.loads(state.read_text(encoding="utf-8")).get("final", {})
    now = {f"{sid} {aid}": cell.final for (sid, aid), cell in sorted(book.cells.items())}
    book.changed = [
        f"{key}: {previous[key]:g} -> {value:g}"
        for key, value in now.items()
        if key in previous and abs(previous[key] - value) > 1e-9
    ]
    for week in book.weeks:
        for s in book.students:
            cell = book.cells[(s.id, week.id)]
            if cell.name and (grades / week.id / cell.name).is_dir():
                write_atomic(
                    grades / week.id / cell.name / "term_feedback.md", addendum(week, cell)
                )
    book.written["gradebook"] = out / "gradebook.csv"
    write_atomic(book.written["gradebook"], table_csv(book))
    columns = [(w.id, w.max_score) for w in book.weeks] + [("Term percent", 100.0)]
    scores = {
        s.id: [book.cells[(s.id, w.id)].final for w in book.weeks] + [book.percent[s.id]]
        for s in book.students
    }
    book.written["canvas"] = out / "canvas.csv"
    write_atomic(book.written["canvas"], canvas_csv(book.students, columns, scores))
    book.written["moodle"] = out / "moodle.csv"
    weekly = {sid: values[:-1] for sid, values in scores.items()}
    write_atomic(
        book.written["moodle"], moodle_csv(book.students, [w.id for w in book.weeks], weekly)
    )
    write_atomic(state, json.dumps({"final": now, "percent": book.percent}, indent=1) + "\n")
    finals = {w.id: [book.cells[(s.id, w.id)].final for s in book.students] for w in book.weeks}
    book.written["scores"] = score_figure(
        finals, {w.id: w.max_score for w in book.weeks}, out / "term_scores.png"
    )
    hours = {
        w.id: [
            (c.submitted - c.due).total_seconds() / 3600
            for s in book.students
            if (c := book.cells[(s.id, w.id)]).submitted and c.due
        ]
        for w in book.weeks
    }
    book.written["timing"] = timing_figure(hours, out / "term_submission_times.png")
    return book
