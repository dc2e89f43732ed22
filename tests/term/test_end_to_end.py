"""A whole small term through the command line: roster, three weeks collected from the three
formats (late, extended and unmatched students, a refused link), grading, an override, the
gradebook and its Canvas CSV, a regrade that keeps the override, and a similarity report."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from course.cli import main
from tests.term.builders import (
    ROSTER,
    git_commit,
    gradescope_export,
    nbgrader_submission,
    notebook,
    write_nb,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_whole_term(
    term_course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "course"
    import shutil

    shutil.copytree(term_course, root)
    r = ["--root", str(root)]
    (root / "roster.csv").write_text(ROSTER)
    assert "4 students, valid (A: 2, B: 2)" in run(capsys, *r, "roster")

    # Week 1 from a Gradescope export. Deadline 2027-01-18 23:59 UTC, 15 min grace.
    outside = write_nb(tmp_path / "elsewhere.ipynb", notebook(root, "week01_tiny", "correct"))
    correct1, blank1 = (notebook(root, "week01_tiny", k) for k in ("correct", "blank"))
    export = gradescope_export(
        tmp_path / "gs_export",
        [
            # s001: blank first, then correct at 23:00 UTC (15:00 at -08:00): on time, kept
            {
                "id": 1,
                "submitters": [("Ada", "s001", "ada@example.edu")],
                "created_at": "2027-01-17 10:00:00.000000000 +00:00",
                "nb": blank1,
            },
            {
                "id": 2,
                "submitters": [("Ada", "s001", "ada@example.edu")],
                "created_at": "2027-01-18 15:00:00.000000000 -08:00",
                "nb": correct1,
            },
            # s002: correct on time, then a late blank: the on-time one counts
            {
                "id": 3,
                "submitters": [("Ben", "s002", "ben@example.edu")],
                "created_at": "2027-01-18 12:00:00.000000000 +00:00",
                "nb": correct1,
            },
            {
                "id": 4,
                "submitters": [("Ben", "s002", "ben@example.edu")],
                "created_at": "2027-01-19 08:00:00.000000000 +00:00",
                "nb": blank1,
            },
            # s003: 30 h late: (30 h - 15 min) starts 2 windows of 24 h: -20 %
            {
                "id": 5,
                "submitters": [("Cy", "s003", "cy@example.edu")],
                "created_at": "2027-01-20 05:59:00.000000000 +00:00",
                "nb": correct1,
            },
            # someone not on the roster: kept, graded, reported
            {
                "id": 6,
                "submitters": [("Stranger", "x999", "x999@other.edu")],
                "created_at": "2027-01-18 09:00:00.000000000 +00:00",
                "nb": correct1,
            },
            # s004 uploaded a link to a file elsewhere: refused, never followed
            {
                "id": 7,
                "submitters": [("Di", "s004", "di@example.edu")],
                "created_at": "2027-01-18 09:00:00.000000000 +00:00",
                "link": str(outside),
            },
        ],
    )
    out = run(capsys, *r, "collect", "week01_tiny", str(export))
    assert "collected 3 student submission(s)" in out
    assert "found 7 from gradescope" in out and "set aside 2 older" in out
    assert "unmatched (on no roster line; kept and graded as unmatched-x999): x999" in out
    assert "refused s004 (submission_7): it is a symbolic link" in out
    assert "no submission from 1: s004" in out

    # Week 2 from an nbgrader inbound folder; s002 has a 2-day extension, s003 is past the
    # 3-day cap, s004 is known by the user part of her email.
    inbound = tmp_path / "exchange" / "tiny" / "inbound"
    c2 = notebook(root, "week02_tiny", "correct")
    nbgrader_submission(inbound, "s001", "week02_tiny", "2027-01-25 10:00:00.000000 UTC", c2)
    nbgrader_submission(
        inbound,
        "s002",
        "week02_tiny",
        "2027-01-27 12:00:00.000000 UTC",
        notebook(root, "week02_tiny", "no_scale"),
    )
    nbgrader_submission(inbound, "s003", "week02_tiny", "2027-01-30 00:00:00.000000 UTC", c2)
    nbgrader_submission(inbound, "di", "week02_tiny", "2027-01-25 23:00:00.000000 UTC", c2)
    nbgrader_submission(inbound, "s001", "week01_tiny", "2027-01-25 10:00:00.000000 UTC", c2)
    (root / "extensions.csv").write_text("student,week,due,reason\ns002,week02_tiny,2,illness\n")
    out = run(capsys, *r, "collect", "week02_tiny", str(inbound))
    assert "collected 4 student submission(s)" in out and "found 4 from nbgrader" in out

    # Week 3 from a plain folder that is a git clone: times from the commits.
    clone = tmp_path / "clone"
    files = [
        write_nb(clone / "s001" / "week03_tiny.ipynb", notebook(root, "week03_tiny", "correct")),
        write_nb(clone / "s002.ipynb", notebook(root, "week03_tiny", "blank")),
        write_nb(clone / "s003" / "week03_tiny.ipynb", notebook(root, "week03_tiny", "correct")),
    ]
    git_commit(clone, files, "2027-01-31T20:00:00+00:00")
    out = run(capsys, *r, "collect", "week03_tiny", str(clone))
    assert "collected 3 student submission(s)" in out and "found 3 from folder" in out

    (root / "overrides.csv").write_text(
        "student,week,question,points,reason\n"
        's002,week02_tiny,scale,+1,"regrade request: returning None was a typo, says TA"\n'
    )
    out = run(capsys, *r, "gradebook")
    assert "4 students x 3 week(s); 2 late penalty(ies), 1 score(s) with overrides" in out
    assert "week01_tiny: graded but on no roster line: unmatched-x999 (3)" in out
    assert "scores changed since the last gradebook: 0" in out

    table = list(csv.DictReader(io.StringIO((root / "grades/term/gradebook.csv").read_text())))
    got = {row["id"]: row for row in table}
    finals = {
        sid: [got[sid][w] for w in ("week01_tiny", "week02_tiny", "week03_tiny")] for sid in got
    }
    assert finals == {
        "s001": ["3", "3", "3"],
        "s002": ["3", "3", "0"],  # week 2: 2 + 1 from the override, on time by the extension
        "s003": ["2.4", "0", "3"],  # week 1: 3 - 20 %; week 2: past the cap
        "s004": ["0", "3", "0"],  # week 1 refused (a link), week 3 missing
    }
    assert got["s003"]["week01_tiny late penalty"] == "20%"
    assert got["s003"]["week01_tiny submitted"] == "2027-01-20T05:59:00+00:00"
    assert got["s001"]["week01_tiny submitted"] == "2027-01-18T23:00:00+00:00"
    assert got["s002"]["week02_tiny late penalty"] == "0%"
    assert got["s003"]["week02_tiny late penalty"] == "100%"
    # drop the week whose dropping helps most; week 3 weighs 2
    percent = {sid: float(got[sid]["percent"]) for sid in got}
    assert percent == {"s001": 100.0, "s002": 100.0, "s003": 93.3333, "s004": 50.0}

    canvas = list(csv.reader(io.StringIO((root / "grades/term/canvas.csv").read_text())))
    assert canvas[0] == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "week01_tiny",
        "week02_tiny",
        "week03_tiny",
        "Term percent",
    ]
    assert canvas[1] == ["Points Possible", "", "", "", "", "3", "3", "3", "100"]
    assert canvas[4] == ["Cy Young", "", "s003", "cy@example.edu", "B", "2.4", "0", "3", "93.33"]

    moodle = (root / "grades/term/moodle.csv").read_text().splitlines()
    assert moodle[0] == "ID number,Email address,Full name,week01_tiny,week02_tiny,week03_tiny"
    assert moodle[3] == "s003,cy@example.edu,Cy Young,2.4,0,3"

    feedback = (root / "grades/week02_tiny/s002/term_feedback.md").read_text()
    assert "scale: +1 (regrade request: returning None was a typo, says TA)" in feedback
    assert "submitted: 2027-01-27 12:00 UTC (on time)" in feedback
    assert "your deadline: 2027-01-27 23:59 UTC" in feedback
    assert "final score: 3 / 3" in feedback
    late = (root / "grades/week01_tiny/s003/term_feedback.md").read_text()
    assert "(1.3 hours late)" not in late and "(30.0 hours late)" in late
    assert "late penalty: 20% of your score" in late and "final score: 2.4 / 3" in late
    for figure in ("term_scores.png", "term_submission_times.png"):
        assert (root / "grades/term" / figure).stat().st_size > 5000

    # The instructor gives week 2's `scale` 2 points: the week is regraded, the override stays.
    config = root / "course_config.py"
    config.write_text(
        config.read_text().replace(
            '"title": "Adding and scaling again", "points": {"add": 2, "scale": 1}',
            '"title": "Adding and scaling again", "points": {"add": 2, "scale": 2}',
        )
    )
    from course import build

    build.main(["week02_tiny"], root=root)
    out = run(capsys, *r, "gradebook")
    assert "scores changed since the last gradebook: 2" in out
    assert "  s001 week02_tiny: 3 -> 4" in out and "  s004 week02_tiny: 3 -> 4" in out
    feedback = (root / "grades/week02_tiny/s002/term_feedback.md").read_text()
    assert "scale: +1 (regrade request" in feedback and "final score: 3 / 4" in feedback

    out = run(capsys, *r, "similarity", "week01_tiny", "--min-tokens", "5")
    assert "compared 4 submissions" in out
    report = (root / "grades/term/similarity_week01_tiny.html").read_text()
    assert "s001 and s002" in report  # both submitted the same correct notebook
    assert "100% alike" in report
