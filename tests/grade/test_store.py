"""Results are reused only for the same assignment, submission content and autograder; one
output folder holds one assignment; submissions are read as what they are (no links followed);
outputs are readable by others."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from course import grade
from course.errors import CourseError
from course.grade import iter_rows
from course.paths import Layout
from course.sample import correct_notebook

pytestmark = pytest.mark.slow


def _write_class(folder: Path, repo: Path, aid: str, correct: list[str], blank: list[str]) -> None:
    """Students of `aid`: those in `correct` hand in the solution, those in `blank` the release."""
    layout = Layout(repo)
    release = json.loads(layout.release_notebook(aid).read_text())
    solution = json.loads(layout.solution_notebook(aid).read_text())
    from course.config import load_course

    points = list(load_course(layout.config).week(aid).points)
    folder.mkdir(parents=True, exist_ok=True)
    for name in correct:
        (folder / f"{name}.ipynb").write_text(
            json.dumps(correct_notebook(release, solution, points))
        )
    for name in blank:
        (folder / f"{name}.ipynb").write_text(json.dumps(release))


def _totals(out: Path) -> dict[str, str]:
    return {row[0]: row[1] for row in list(iter_rows(out / "gradebook.csv"))[1:]}


def test_two_weeks_never_share_results_and_one_folder_holds_one_week(
    repo: Path, tmp_path: Path
) -> None:
    """The issue's reproduction: week 1 (alice correct, bob blank), then week 3 (the reverse)."""
    _write_class(tmp_path / "w1", repo, "week01_vectors", ["alice"], ["bob"])
    _write_class(tmp_path / "w3", repo, "week03_determinants", ["bob"], ["alice"])
    shared = tmp_path / "grades"
    grade.main("week01_vectors", [tmp_path / "w1"], out=shared, root=repo, quiet=True)
    assert _totals(shared) == {"alice": "10", "bob": "0"}
    with pytest.raises(CourseError, match=r"holds the grades of week01_vectors.*grades/week03"):
        grade.main("week03_determinants", [tmp_path / "w3"], out=shared, root=repo, quiet=True)
    assert _totals(shared) == {"alice": "10", "bob": "0"}, "the refused run changed nothing"
    own = tmp_path / "grades3"
    summary = grade.main("week03_determinants", [tmp_path / "w3"], out=own, root=repo, quiet=True)
    assert summary.graded == 2 and summary.reused == 0
    assert _totals(own) == {"alice": "0", "bob": "10"}


def test_a_resubmission_is_graded_again_and_an_unchanged_one_is_kept(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "class"
    shutil.copytree(tiny_class, folder)
    out = tmp_path / "out"
    first = grade.main("week01_tiny", [folder], out=out, root=tiny_course, quiet=True)
    assert _totals(out)["blank"] == "0"
    shutil.copy(folder / "correct.ipynb", folder / "blank.ipynb")  # the same name, resubmitted
    again = grade.main("week01_tiny", [folder], out=out, root=tiny_course, quiet=True)
    assert again.graded == 1 and again.stale == 1 and again.reused == first.graded - 1
    assert _totals(out)["blank"] == "3"
    key = json.loads((out / "blank" / "results.json").read_text())["extra_data"]["graded"]
    assert key["assignment"] == "week01_tiny" and len(key["submission_sha256"]) == 64


def test_a_changed_autograder_grades_everything_again(
    tiny_copy: Path, tiny_class: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = grade.main("week01_tiny", [tiny_class], out=out, root=tiny_copy, quiet=True)
    tests = next(Layout(tiny_copy).autograder_dir("week01_tiny").glob("tests/*.py"))
    tests.write_text(tests.read_text() + "\n# a hidden test was fixed\n")
    again = grade.main("week01_tiny", [tiny_class], out=out, root=tiny_copy, quiet=True)
    assert again.reused == 0 and again.graded == first.graded == again.stale


def test_links_and_other_non_files_are_refused_with_a_reason_and_score_zero(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "submissions"
    folder.mkdir()
    shutil.copy(tiny_class / "correct.ipynb", folder / "honest.ipynb")
    solution = Layout(tiny_course).solution_notebook("week01_tiny")
    (folder / "evil.ipynb").symlink_to(solution)  # a link to the course's own solution
    (folder / "linked").symlink_to(solution.parent, target_is_directory=True)
    os.mkfifo(folder / "pipe.ipynb")  # would block a reader forever
    (folder / "folder.ipynb").mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "twin.ipynb").symlink_to(solution)
    out = tmp_path / "out"
    summary = grade.main(
        "week01_tiny", [folder, outside / "twin.ipynb"], out=out, root=tiny_course, quiet=True
    )
    assert set(summary.refused) == {"evil", "pipe", "twin"}, summary.refused
    assert not summary.failed
    totals = _totals(out)
    assert totals["honest"] == "3" and "solution" not in totals  # the linked folder is not walked
    for name in ("evil", "twin"):
        data = json.loads((out / name / "results.json").read_text())
        assert data["score"] == 0 and "symbolic link" in data["output"]
        assert "symbolic link" in (out / name / "feedback.md").read_text()
    assert "not a regular file" in json.loads((out / "pipe" / "results.json").read_text())["output"]


def test_outputs_get_the_umasks_permissions(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    script = (
        "import os, sys; os.umask(0o022); from pathlib import Path; from course import grade; "
        "grade.main('week01_tiny', [Path(sys.argv[1])], out=Path(sys.argv[2]), "
        "root=Path(sys.argv[3]), quiet=True)"
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(tiny_class / "correct.ipynb"),
            str(out),
            str(tiny_course),
        ],
        check=True,
    )
    for path in (
        out / "correct" / "results.json",
        out / "correct" / "feedback.md",
        out / "gradebook.csv",
        out / "report.md",
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_the_cli_grades_into_grades_slash_the_week_by_default(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "course.cli",
            "--root",
            str(tiny_course),
            "grade",
            "week01_tiny",
            str(tiny_class / "correct.ipynb"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "grades" / "week01_tiny" / "gradebook.csv").is_file()
    assert "graded 1, kept 0 already graded" in result.stdout


def test_a_notebook_of_another_week_is_named_as_such(repo: Path, tmp_path: Path) -> None:
    _write_class(tmp_path / "w1", repo, "week01_vectors", ["alice"], [])
    out = tmp_path / "grades3"
    grade.main("week03_determinants", [tmp_path / "w1"], out=out, root=repo, quiet=True)
    data = json.loads((out / "alice" / "results.json").read_text())
    assert data["score"] == 0
    assert "this looks like week01_vectors's notebook, not week03_determinants's" in data["output"]
    own = tmp_path / "own"
    grade.main("week01_vectors", [tmp_path / "w1"], out=own, root=repo, quiet=True)
    assert "looks like" not in json.loads((own / "alice" / "results.json").read_text())["output"]
