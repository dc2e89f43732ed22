"""`course grade`: every submission gets a score; batches resume; the gradebook is right."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from course import grade
from course.demo import matches
from course.errors import CourseError
from course.grade import iter_rows
from course.sample import load_expected

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(
    tiny_course: Path, tiny_class: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, grade.Summary]:
    out = tmp_path_factory.mktemp("graded")
    return out, grade.main(
        "week01_tiny", [tiny_class], out=out, root=tiny_course, workers=2, quiet=True
    )


def test_every_kind_of_sample_submission_gets_its_expected_score(
    graded: tuple[Path, grade.Summary], tiny_class: Path
) -> None:
    out, summary = graded
    expected = load_expected(tiny_class)
    assert summary.graded == len(expected) and not summary.failed
    rows = list(iter_rows(out / "gradebook.csv"))
    assert rows[0] == ["submission", "total", "max", "add", "scale"]
    points = {"add": 2.0, "scale": 1.0}
    by_name = {r[0]: r for r in rows[1:]}
    for filename, entry in expected.items():
        row = by_name[Path(filename).stem]
        for q, s in zip(rows[0][3:], row[3:], strict=True):
            assert matches(float(s), points[q], entry["expected"][q]), (filename, q, s)
        assert float(row[1]) == pytest.approx(sum(float(s) for s in row[3:]))


def test_results_follow_gradescopes_schema_and_feedback_is_written(
    graded: tuple[Path, grade.Summary],
) -> None:
    out, _ = graded
    data = json.loads((out / "correct" / "results.json").read_text())
    assert data["score"] == 3
    assert [t["name"] for t in data["tests"]] == ["add", "scale"]
    for t in data["tests"]:
        assert set(t) >= {"name", "score", "max_score", "output", "visibility"}
    feedback = (out / "infinite_loop" / "feedback.md").read_text()
    assert "did not finish" in feedback


def test_a_lost_question_comes_back_with_the_notebooks_hint(
    graded: tuple[Path, grade.Summary],
) -> None:
    out, _ = graded
    hint = "Convert both inputs with `np.asarray` and check that their shapes agree."
    wrong = (out / "mutant_add_subtracts" / "feedback.md").read_text()
    assert "**Hint**" in wrong and hint in wrong
    assert "| `add` | 0 / 2 | `░░░░░░░░░░` |" in wrong  # the score, drawn as a bar
    outputs = {
        t["name"]: t["output"]
        for t in json.loads((out / "mutant_add_subtracts" / "results.json").read_text())["tests"]
    }
    assert hint in outputs["add"] and "Hint" not in outputs["scale"]
    assert "Hint" not in (out / "correct" / "feedback.md").read_text()


def test_an_interrupted_batch_resumes_without_grading_anything_twice(
    graded: tuple[Path, grade.Summary], tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    out, _ = graded
    partial = tmp_path / "out"
    shutil.copytree(out, partial)
    removed = ["blank", "mutant_add_subtracts"]
    for name in removed:
        (partial / name / "results.json").unlink()  # as if killed before these were written
    (partial / "correct" / "results.json").write_text("{trunc")  # a torn write is redone too
    marker = (partial / "exception" / "results.json").stat().st_mtime_ns
    summary = grade.main("week01_tiny", [tiny_class], out=partial, root=tiny_course, quiet=True)
    assert summary.graded == 3 and summary.reused == len(load_expected(tiny_class)) - 3
    assert (partial / "exception" / "results.json").stat().st_mtime_ns == marker
    assert (partial / "gradebook.csv").read_text() == (out / "gradebook.csv").read_text()
    forced = grade.main(
        "week01_tiny",
        [tiny_class / "blank.ipynb"],
        out=partial,
        root=tiny_course,
        force=True,
        quiet=True,
    )
    assert forced.graded == 1 and forced.reused == 0


def test_clashing_stems_get_distinct_names(tmp_path: Path) -> None:
    a, b = tmp_path / "alice" / "hw.ipynb", tmp_path / "bob" / "hw.ipynb"
    names = grade.submission_names([a, b, tmp_path / "solo.ipynb"])
    assert sorted(names.values()) == ["alice__hw", "bob__hw", "solo"]


def test_missing_submissions_and_unbuilt_weeks_are_clear_errors(
    tiny_course: Path, tmp_path: Path
) -> None:
    with pytest.raises(CourseError, match="does not exist"):
        grade.main("week01_tiny", [tmp_path / "nope.ipynb"], out=tmp_path, root=tiny_course)
    with pytest.raises(CourseError, match=r"no \.ipynb submissions"):
        grade.main("week01_tiny", [tmp_path], out=tmp_path / "o", root=tiny_course)
    with pytest.raises(CourseError, match="run `course build week02_unwritten`"):
        grade.main("week02_unwritten", [tmp_path], out=tmp_path, root=tiny_course)


def test_a_batch_killed_half_way_resumes_to_the_same_gradebook(
    graded: tuple[Path, grade.Summary], tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "course.cli",
        "--root",
        str(tiny_course),
        "grade",
        "week01_tiny",
        str(tiny_class),
        "--out",
        str(out),
        "--workers",
        "1",
    ]
    proc = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while len(list(out.glob("*/results.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the grader and its sandboxes, mid-batch
    proc.wait()
    done_before = {p.parent.name for p in out.glob("*/results.json")}
    total = len(load_expected(tiny_class))
    assert 3 <= len(done_before) < total, "the kill must land half-way for this test to mean much"
    summary = grade.main("week01_tiny", [tiny_class], out=out, root=tiny_course, quiet=True)
    assert summary.reused == len(done_before) and summary.graded == total - len(done_before)
    reference, _ = graded
    assert (out / "gradebook.csv").read_text() == (reference / "gradebook.csv").read_text()
