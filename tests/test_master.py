"""Masters parse into typed cells; malformed ones give a clear error naming the cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.errors import CourseError
from course.master import (
    read_master,
    read_mutants,
    read_variants,
    solution_lines,
    strip_solutions,
)

TINY = Path(__file__).parent / "fixtures" / "tiny" / "source" / "week01_tiny"


def test_the_tiny_master_has_its_questions_tests_and_mutants() -> None:
    master = read_master("week01_tiny", TINY / "week01_tiny.py")
    assert master.questions == ("add", "scale")
    assert master.answer("add").forbid == ("np.add",)
    assert [(t.name, t.hidden) for t in master.tests["add"]] == [
        ("test_add_small", False),
        ("test_add_random", True),
        ("test_add_mismatch", True),
    ]
    assert "import numpy as np" in master.preambles["add"]
    assert [m.name for m in read_mutants(TINY / "mutants.py")] == [
        "add_subtracts",
        "scale_in_place",
    ]
    assert [(m.name, m.correct) for m in read_variants(TINY / "mutants.py")] == [
        ("add_by_loop", True)
    ]


def test_stripping_keeps_the_signature_and_removes_every_solution_line() -> None:
    source = read_master("week01_tiny", TINY / "week01_tiny.py").answer("add").source
    stripped = strip_solutions(source, "add")
    assert stripped.startswith("def add(u, v):")
    assert 'raise NotImplementedError("add is not written yet")' in stripped
    for line in solution_lines(source):
        assert line not in stripped


def _master(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "week01_x.py"
    path.write_text(body)
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('# %% question="f"\ndef f():\n    return 1\n', "needs a # BEGIN SOLUTION"),
        ('# %% question="f"\ndef f():\n    # BEGIN SOLUTION\n    return 1\n', "no matching"),
        ('# %% question="f"\ndef f():\n    # END SOLUTION\n', "unbalanced"),
        ('# %% question="f g"\n', "identifiers"),
        (
            '# %% question="f" forbid="np.dot"\n# BEGIN SOLUTION\n# END SOLUTION\n',
            "forbid must be a list",
        ),
        ('# %% tests="f"\n@test_case(hidden=maybe)\ndef t(f):\n    pass\n', "literally"),
        ('# %% tests="f"\ndef t(:\n', "line 1"),
        (
            '# %% question="f"\n# BEGIN SOLUTION\n# END SOLUTION\n\n'
            '# %% question="f"\n# BEGIN SOLUTION\n# END SOLUTION\n',
            "two answer cells",
        ),
    ],
)
def test_malformed_masters_are_reported_with_their_place(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(CourseError, match=message):
        read_master("week01_x", _master(tmp_path, body))


def test_a_missing_master_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(CourseError, match="authoring"):
        read_master("week01_x", tmp_path / "nope.py")
