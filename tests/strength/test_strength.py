"""`course strength` on the tiny fixture course, through the real engine: it kills every mutant
of the intact tests, finds a planted weak hidden test, honours the author's list of equivalent
mutants, is deterministic for a seed, and refuses mistakes in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course import build, strength
from course.errors import CourseError
from course.strength import KILLED, LISTED, SURVIVED, StrengthReport

pytestmark = pytest.mark.slow
AID = "week01_tiny"
STRONG = 'assert np.allclose(add(u, v), u + v), "add is wrong on random vectors"'
# Weakened: checks only the shape of the result, so `u - v` passes every hidden test.
WEAK = 'assert np.shape(add(u, v)) == (5,), "add is wrong on random vectors"'
MINUS = "    return u - v"


def _minus(result: StrengthReport) -> strength.Outcome:
    add = next(f for f in result.functions if f.name == "add")
    return next(o for o in add.outcomes if o.mutant.after == (MINUS,))


@pytest.fixture(scope="module")
def intact(tiny_course: Path, tmp_path_factory: pytest.TempPathFactory) -> StrengthReport:
    out = tmp_path_factory.mktemp("strength_intact")
    return strength.main(AID, root=tiny_course, out=out, quiet=True)


def test_the_intact_hidden_tests_kill_every_graded_mutant(intact: StrengthReport) -> None:
    assert [f.name for f in intact.functions] == ["add", "scale"]
    assert all(f.graded > 0 and f.kill_rate == 1.0 for f in intact.functions)
    assert _minus(intact).status == KILLED and _minus(intact).why == "test_add_random"
    assert intact.report is not None and intact.figure is not None
    assert intact.figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = intact.report.read_text()
    assert "**kill rate 100%**" in text and "None: the hidden tests kill every" in text


def test_a_planted_weak_hidden_test_is_found(tiny_copy: Path, tmp_path: Path) -> None:
    master = tiny_copy / "source" / AID / f"{AID}.py"
    assert STRONG in master.read_text()
    master.write_text(master.read_text().replace(STRONG, WEAK))
    build.main([AID], root=tiny_copy)

    weak = strength.main(AID, root=tiny_copy, out=tmp_path / "weak", quiet=True)
    minus = _minus(weak)
    assert minus.status == SURVIVED and minus.public_catches
    add = weak.functions[0]
    assert add.kill_rate is not None and add.kill_rate < 1.0
    assert weak.functions[1].kill_rate == 1.0  # scale's tests were not touched
    assert weak.report is not None
    report = weak.report.read_text()
    survivors = report.split("## Survivors")[1].split("## Set aside")[0]
    assert f"`{minus.mutant.id}`" in survivors and f"+ {MINUS}" in survivors
    assert f"line {minus.mutant.line} of `source/{AID}/{AID}.py`" in survivors
    assert master.read_text().splitlines()[minus.mutant.line - 1] == "    return u + v"

    # The author declares it equivalent (wrongly here, to test the list) and names a stale id.
    mutants = tiny_copy / "source" / AID / "mutants.py"
    mutants.write_text(
        mutants.read_text()
        + f'\n# %%\nEQUIVALENT = [\n    ("{minus.mutant.id}", "a test of the list"),\n'
        '    ("add:000000", "a line that is gone"),\n]\n'
    )
    listed = strength.main(AID, root=tiny_copy, function="add", out=tmp_path / "l", quiet=True)
    assert _minus(listed).status == LISTED and _minus(listed).why == "a test of the list"
    assert listed.stale == ["add:000000"]
    assert [f.name for f in listed.functions] == ["add"]


def test_the_same_seed_gives_the_same_report(
    tiny_course: Path, tmp_path: Path, intact: StrengthReport
) -> None:
    again = strength.main(AID, root=tiny_course, out=tmp_path / "again", quiet=True)
    assert again.report is not None and intact.report is not None
    assert again.report.read_bytes() == intact.report.read_bytes()
    chosen = {
        seed: [
            o.mutant.id
            for o in strength.main(
                AID,
                root=tiny_course,
                function="add",
                max_mutants=2,
                seed=seed,
                out=tmp_path / str(seed),
                quiet=True,
            )
            .functions[0]
            .outcomes
        ]
        for seed in (1, 2)
    }
    assert all(len(ids) == 2 for ids in chosen.values())
    assert chosen[1] != chosen[2]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            [AID, "--function", "nope"],
            f"{AID} has no graded function 'nope'; choose one of add, scale",
        ),
        (["week09_nope"], "unknown assignment 'week09_nope'; choose one of week01_tiny"),
        ([AID, "--max", "0"], "--max must be at least 1"),
    ],
)
def test_mistakes_get_one_line(tiny_course: Path, argv: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "course.cli", "--root", str(tiny_course), "strength", *argv],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_the_command_prints_a_table_and_where_the_report_is(
    tiny_course: Path, tmp_path: Path
) -> None:
    argv = ["--root", str(tiny_course), "strength", AID, "--function", "scale"]
    done = subprocess.run(
        [sys.executable, "-m", "course.cli", *argv, "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == [
        "function",
        "mutants",
        "equivalent",
        "graded",
        "killed",
        "survived",
        "kill",
        "rate",
    ]
    row = lines[1].split()
    assert row[0] == "scale" and int(row[1]) == int(row[2]) + int(row[3]) and row[-1] == "100%"
    assert (
        lines[-1]
        == f"report: {tmp_path / 'report.md'} (figure beside it; " + lines[-1].split("; ")[1]
    )
    assert (tmp_path / "kill_rate.png").is_file()
    assert "grading mutants" in done.stderr  # the progress bar (plain lines when not a terminal)


def test_a_solution_that_fails_its_own_tests_stops_the_report(tiny_copy: Path) -> None:
    master = tiny_copy / "source" / AID / f"{AID}.py"
    master.write_text(master.read_text().replace(STRONG, STRONG.replace("u + v", "u + 2 * v")))
    build.main([AID], root=tiny_copy)
    with pytest.raises(
        CourseError, match=r"the solution itself fails add's tests \(test_add_random\)"
    ):
        strength.main(AID, root=tiny_copy, function="add", quiet=True)
