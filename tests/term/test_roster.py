"""The roster is read from an LMS-style CSV and every mistake names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.errors import CourseError
from course.term.roster import load_roster


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_lms_export_with_a_bom_and_extra_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(
        "\ufeffSIS User ID,Full name,Email address,Section,SIS Login ID,Notes\n"
        "u1,Ada Lovelace,Ada@Example.edu,A,alove,x\n\nu2,Ben,ben@example.edu,B,,\n".encode()
    )
    roster = load_roster(path)
    assert [s.id for s in roster.students] == ["u1", "u2"]
    assert roster.find("ada@example.edu") is roster.students[0]
    assert roster.find("alove") is roster.students[0]
    assert roster.find("ben") is roster.students[1]  # the user part of an email
    assert roster.find("nobody") is None
    assert roster.sections() == {"A": 1, "B": 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,name,email\n", "roster.csv:1: missing column(s) section"),
        ("id,name,email,section\ns1,,a@b.edu,A\n", "roster.csv:2: empty name"),
        ("id,name,email,section\ns1,A,a@b.edu,A\ns 2,B,b@b.edu,A\n", "roster.csv:3: student id"),
        ("id,name,email,section\ns1,A,not-an-email,A\n", "roster.csv:2: 'not-an-email' is not"),
        (
            "id,name,email,section\ns1,A,a@b.edu,A\nS1,B,b@b.edu,B\n",
            "roster.csv:3: id 'S1' repeats line 2",
        ),
        ("id,name,email,section\n", "no students"),
    ],
)
def test_each_mistake_names_its_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CourseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_roster(write(tmp_path, text))


def test_the_command_prints_the_count_or_the_one_line_error(
    tmp_path: Path, tiny_course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from course.cli import main

    good = write(tmp_path, "id,name,email,section\ns1,A,a@b.edu,X\ns2,B,b@b.edu,X\n")
    assert main(["--root", str(tiny_course), "roster", str(good)]) == 0
    assert "2 students, valid (X: 2)" in capsys.readouterr().out
    good.write_text("id,name,email,section\ns1,A,a@b.edu,X\ns1,B,b@b.edu,X\n")
    assert main(["--root", str(tiny_course), "roster", str(good)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "roster.csv:3: id 's1' repeats line 2" in err
