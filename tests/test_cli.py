"""The `course` command as a user runs it: help on every verb, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import parser

COURSE = [sys.executable, "-m", "course.cli"]
VERBS = sorted(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COURSE, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_the_verbs_are_the_documented_ones() -> None:
    assert {"build", "check", "grade"} <= set(VERBS)


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb: str) -> None:
    result = run(verb, "--help")
    assert result.returncode == 0 and f"usage: course {verb}" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "week09_nope"], "unknown week 'week09_nope'"),
        (["build", "week02_unwritten"], "has no master yet"),
        (["check", "week01_tiny", "missing.ipynb"], "does not exist"),
        (["grade", "week01_tiny", "missing.ipynb"], "does not exist"),
        (["sample", "week02_unwritten", "--out", "x"], "is not built"),
    ],
)
def test_user_mistakes_are_one_line_without_a_traceback(
    args: list[str], message: str, tiny_course: Path
) -> None:
    result = run("--root", str(tiny_course), *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_outside_a_course_it_says_where_to_go(tmp_path: Path) -> None:
    result = run("build", cwd=tmp_path)
    assert result.returncode == 2 and "cd into the course repository" in result.stderr


@pytest.mark.slow
def test_check_passes_the_solution_and_fails_the_release_with_the_tests_messages(
    tiny_course: Path, tiny_class: Path
) -> None:
    good = run(
        "--root", str(tiny_course), "check", "week01_tiny", str(tiny_class / "correct.ipynb")
    )
    assert good.returncode == 0, good.stdout
    assert "2 of 2 exercises pass" in good.stdout
    bad = run("--root", str(tiny_course), "check", "week01_tiny", str(tiny_class / "blank.ipynb"))
    assert bad.returncode == 1
    assert "FAIL  add" in bad.stdout and "NotImplementedError: add is not written yet" in bad.stdout
    assert "hidden" not in bad.stdout, "without --hidden only public tests run"
    hidden = run(
        "--root",
        str(tiny_course),
        "check",
        "week01_tiny",
        str(tiny_class / "mutant_add_subtracts.ipynb"),
        "--hidden",
    )
    assert hidden.returncode == 1 and "hidden test_add_random: add is wrong" in hidden.stdout
    assert "rng" not in hidden.stdout, "hidden tests show names and messages, never source"


@pytest.mark.slow
def test_grade_writes_the_gradebook_and_exits_zero_when_everything_got_a_score(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{")
    result = run(
        "--root",
        str(tiny_course),
        "grade",
        "week01_tiny",
        str(tiny_class / "correct.ipynb"),
        str(broken),
        "--out",
        str(tmp_path / "o"),
    )
    assert result.returncode == 0, result.stderr
    assert "graded 2" in result.stdout
    data = json.loads((tmp_path / "o" / "broken" / "results.json").read_text())
    assert data["score"] == 0 and "is not a notebook: it is not valid JSON" in data["output"]


def test_mistaken_folders_and_numbers_are_one_line_errors(
    tiny_course: Path, tmp_path: Path
) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder")
    zip_dir = tmp_path / "zips"
    zip_dir.mkdir()
    cases = [
        (["grade", "week01_tiny", str(afile), "--out", str(afile)], "is a file; give a folder"),
        (["sample", "week01_tiny", "--out", str(afile)], "is a file"),
        (["progress", "--workspace", str(tmp_path / "nowhere")], "does not exist"),
        (["lab", "week01_tiny", "--workspace", str(afile)], "is a file; give a folder"),
        (["gradescope", "week01_tiny", "--out", str(zip_dir)], "is a folder; name the zip"),
        (["gradescope", "week01_tiny", "--out", str(afile)], "is not a zip"),
        (["nbgrader", "--out", str(tiny_course)], "inside the course repository"),
    ]
    for args, message in cases:
        result = run("--root", str(tiny_course), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and message in result.stderr, (args, result.stderr)
    assert afile.read_text() == "not a folder", "nothing was overwritten"
    assert not (tmp_path / "nowhere").exists(), "progress does not create a missing workspace"
    for workers in ("0", "-3"):
        result = run(
            "--root", str(tiny_course), "grade", "week01_tiny", str(afile), "--workers", workers
        )
        assert result.returncode == 2 and "use 1 or more" in result.stderr


def test_sampling_another_week_into_a_sample_folder_is_refused(
    tiny_course: Path, tmp_path: Path
) -> None:
    from course import sample

    out = tmp_path / "class"
    sample.generate("week01_tiny", out, root=tiny_course)
    entries = json.loads((out / "expected.json").read_text())
    for entry in entries.values():
        entry["assignment"] = "week09_other"
    (out / "expected.json").write_text(json.dumps(entries))
    result = run("--root", str(tiny_course), "sample", "week01_tiny", "--out", str(out))
    assert result.returncode == 2 and "holds the sample class of week09_other" in result.stderr


def test_a_closed_pipe_is_not_an_error(tiny_course: Path) -> None:
    """`course schedule | head -0`: the reader is gone before anything is written."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [*COURSE, "--root", str(tiny_course), "schedule"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
