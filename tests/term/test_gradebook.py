"""The gradebook from graded results: overrides before the penalty, keep=best after
penalties, drop-lowest chosen for the student, and the Canvas CSV quoting names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from course.config import parse_course
from course.term import gradebook
from course.term.canvas import canvas_csv
from course.term.overrides import Override
from course.term.roster import Roster, Student
from course.term.settings import parse_term

COURSE = parse_course(
    {
        "TITLE": "T",
        "WEEKS": [
            {
                "id": "week01_a",
                "title": "A",
                "points": {"q": 4, "r": 6},
                "release": "2027-01-01",
                "due": "2027-01-08",
            },
            {
                "id": "week02_b",
                "title": "B",
                "points": {"q": 10},
                "release": "2027-01-08",
                "due": "2027-01-15",
            },
        ],
    }
)
ROSTER = Roster((Student("s1", "Last, First", "a@x.edu", "1"), Student("s2", "B", "b@x.edu", "2")))


def graded(
    root: Path, aid: str, name: str, student: str | None, when: str, **scores: float
) -> None:
    folder = root / "submissions" / aid
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / "collected.json"
    manifest = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {"submissions": {}}
    )
    manifest["submissions"][name] = {
        "student": student,
        "who": name,
        "submitted": when,
        "source": "folder",
        "origin": name,
    }
    manifest_path.write_text(json.dumps(manifest))
    week = COURSE.week(aid)
    tests = [
        {"name": q, "score": scores.get(q, 0.0), "max_score": p} for q, p in week.points.items()
    ]
    results = root / "grades" / aid / name / "results.json"
    results.parent.mkdir(parents=True)
    results.write_text(json.dumps({"score": sum(t["score"] for t in tests), "tests": tests}))


def test_best_after_penalties_overrides_first_and_drop_lowest(tmp_path: Path) -> None:
    term = parse_term(
        {"penalty": 0.5, "keep": "best", "drop_lowest": 1, "weights": {"week02_b": 3}},
        ["week01_a", "week02_b"],
    )
    # s1: on time 6/10; a day late 10/10 halved to 5: the on-time one is best
    graded(tmp_path, "week01_a", "s1", "s1", "2027-01-08T20:00:00+00:00", q=2, r=4)
    graded(tmp_path, "week01_a", "s1@2", "s1", "2027-01-09T20:00:00+00:00", q=4, r=6)
    # s2: late by a day, 4/10, overridden +2 on q before the penalty: (4 + 2) / 2 = 3
    graded(tmp_path, "week01_a", "s2", "s2", "2027-01-09T20:00:00+00:00", q=2, r=2)
    graded(tmp_path, "week02_b", "s1", "s1", "2027-01-15T10:00:00+00:00", q=2)
    override = Override("s2", "week01_a", "q", 2, True, "appeal")
    book = gradebook.build(
        COURSE,
        term,
        ROSTER,
        submissions=tmp_path / "submissions",
        grades=tmp_path / "grades",
        extensions={},
        overrides=[override],
    )
    assert book.cells[("s1", "week01_a")].final == 6 and book.cells[("s1", "week01_a")].name == "s1"
    cell = book.cells[("s2", "week01_a")]
    assert (cell.raw, cell.penalty, cell.final, cell.overrides) == (4, 0.5, 3, ["q: +2 (appeal)"])
    assert book.cells[("s2", "week02_b")].note == "no submission"
    # s1: 60 % (weight 1) and 20 % (weight 3): dropping week 2 helps most -> 60
    # s2: 30 % and 0 %: keeping week 1 alone -> 30
    assert book.percent == {"s1": 60.0, "s2": 30.0}
    gradebook.write(book, tmp_path / "term", tmp_path / "grades")
    assert "final score: 6 / 10" in (tmp_path / "grades/week01_a/s1/term_feedback.md").read_text()
    assert not (tmp_path / "grades/week01_a/s1@2/term_feedback.md").exists()


def test_canvas_csv_quotes_names_with_commas() -> None:
    text = canvas_csv(list(ROSTER.students), [("week01_a", 10.0)], {"s1": [7.25], "s2": [0.0]})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[2] == ["Last, First", "", "s1", "a@x.edu", "1", "7.25"]
    assert text.splitlines()[2].startswith('"Last, First",,s1,')
