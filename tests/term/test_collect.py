"""Collecting from each source format keeps the submission time, matches the roster, keeps
one submission per student, and never follows a link."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from course.config import Week
from course.errors import CourseError
from course.term import collect, gradescope_export, nbgrader_inbound, plain_folder
from course.term.roster import Roster, Student
from course.term.settings import parse_term
from tests.term.builders import gradescope_export as make_export
from tests.term.builders import nbgrader_submission, write_nb

WEEK = Week("week01_a", "A", {"q": 1.0}, release=None, due=None)
DUE_WEEK = Week(
    "week01_a",
    "A",
    {"q": 1.0},
    release=datetime(2027, 1, 1).date(),
    due=datetime(2027, 1, 8).date(),
)
ROSTER = Roster((Student("s1", "A", "a@x.edu", "1"), Student("s2", "B", "b@x.edu", "1")))
NB = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def nb(tag: str) -> dict[str, object]:
    return {**NB, "metadata": {"tag": tag}}


def test_gradescope_times_carry_their_offset_and_a_group_counts_for_each(tmp_path: Path) -> None:
    export = make_export(
        tmp_path / "export",
        [
            {
                "id": 11,
                "submitters": [("A", "s1", "a@x.edu"), ("B", "s2", "b@x.edu")],
                "created_at": "2027-01-08 15:30:00.123456789 -08:00",
                "nb": nb("pair"),
            },
        ],
    )
    found = gradescope_export.find(export, "week01_a", tmp_path / "scratch")
    assert [f.who for f in found] == ["s1", "s2"]
    assert found[0].submitted == datetime(2027, 1, 8, 23, 30, 0, 123456, tzinfo=UTC)
    assert found[0].path.name == "homework.ipynb" and found[0].refused is None


def test_a_gradescope_zip_is_read_like_its_folder(tmp_path: Path) -> None:
    make_export(
        tmp_path / "export",
        [
            {
                "id": 1,
                "submitters": [("A", "s1", "a@x.edu")],
                "created_at": "2027-01-08 10:00:00.000000000 +00:00",
                "nb": nb("z"),
            }
        ],
    )
    archive = Path(shutil.make_archive(str(tmp_path / "export_zip"), "zip", tmp_path, "export"))
    assert collect.source_format(archive) == "gradescope"
    term = parse_term({}, ["week01_a"])
    out = tmp_path / "out"
    done = collect.main(WEEK, [archive], roster=ROSTER, term=term, extensions={}, out=out)
    assert list(done.kept) == ["s1"] and done.missing == ["s2"]
    assert json.loads((out / "s1.ipynb").read_text())["metadata"] == {"tag": "z"}


def test_nbgrader_inbound_names_and_timestamp_file(tmp_path: Path) -> None:
    inbound = tmp_path / "inbound"
    nbgrader_submission(inbound, "s1", "week01_a", "2027-01-08 10:00:00.000000 UTC", nb("a"))
    entry = nbgrader_submission(inbound, "s2", "week01_a", "2027-01-07 10:00:00.5 UTC", nb("b"))
    # timestamp.txt wins over the folder name (nbgrader writes both; the file is exact)
    (entry / "timestamp.txt").write_text("2027-01-07 11:00:00.000000 UTC")
    nbgrader_submission(inbound, "s1", "week02_b", "2027-01-09 10:00:00.000000 UTC", nb("c"))
    (inbound / "s2+week01_a+2027-01-06 09:00:00.000000 UTC+rNd0m").mkdir()  # no notebook
    found = nbgrader_inbound.find(inbound, "week01_a")
    assert [(f.who, f.submitted.hour, f.refused) for f in found] == [
        ("s1", 10, None),
        ("s2", 9, "no .ipynb file in the submission"),
        ("s2", 11, None),
    ]
    with pytest.raises(CourseError, match=r"is not like '2026-10-12 21:30:00\.123456 UTC'"):
        nbgrader_inbound.parse_timestamp("yesterday", "x")


def test_a_plain_folder_uses_file_times_without_git(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    write_nb(folder / "s1.ipynb", nb("a"))
    write_nb(folder / "s2" / "week01_a.ipynb", nb("b"))
    write_nb(folder / "s2" / "week02_b.ipynb", nb("other week"))
    write_nb(folder / "s3" / "week02_b.ipynb", nb("only another week"))
    os.utime(folder / "s1.ipynb", (1_800_000_000, 1_800_000_000))
    found = {f.who: f for f in plain_folder.find(folder, "week01_a")}
    assert sorted(found) == ["s1", "s2"]
    assert found["s1"].submitted == datetime.fromtimestamp(1_800_000_000, tz=UTC)
    assert found["s2"].path.name == "week01_a.ipynb"


def test_links_and_special_files_are_refused_never_followed(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    secret = write_nb(tmp_path / "secret.ipynb", nb("secret"))
    folder.mkdir()
    os.symlink(secret, folder / "s1.ipynb")
    os.symlink(tmp_path, folder / "s2")
    os.mkfifo(folder / "s3.ipynb")
    term = parse_term({}, ["week01_a"])
    out = tmp_path / "out"
    done = collect.main(WEEK, [folder], roster=ROSTER, term=term, extensions={}, out=out)
    reasons = {r["who"]: r["reason"] for r in done.refused}
    assert reasons["s1"].startswith("it is a symbolic link, which is never followed")
    assert reasons["s2"] == "its folder is a symbolic link, which is never followed"
    assert reasons["s3"].startswith("it is not a regular file")
    assert done.kept == {} and not list(out.glob("*.ipynb"))


def test_keep_latest_on_time_or_best_and_unmatched_are_kept(tmp_path: Path) -> None:
    inbound = tmp_path / "inbound"
    for stamp, tag in [("2027-01-08 20:00:00 UTC", "on time"), ("2027-01-09 10:00:00 UTC", "late")]:
        nbgrader_submission(inbound, "s1", "week01_a", stamp, nb(tag))
    nbgrader_submission(inbound, "zed", "week01_a", "2027-01-08 10:00:00 UTC", nb("who?"))
    out = tmp_path / "out"
    latest = parse_term({"keep": "latest"}, ["week01_a"])
    done = collect.main(DUE_WEEK, [inbound], roster=ROSTER, term=latest, extensions={}, out=out)
    assert json.loads((out / "s1.ipynb").read_text())["metadata"]["tag"] == "on time"
    assert done.superseded == 1 and done.unmatched == ["unmatched-zed"]
    assert (out / "unmatched-zed.ipynb").is_file()
    manifest = collect.load_manifest(out)
    assert manifest is not None
    assert manifest["submissions"]["s1"]["submitted"] == "2027-01-08T20:00:00+00:00"
    best = parse_term({"keep": "best"}, ["week01_a"])
    done = collect.main(DUE_WEEK, [inbound], roster=ROSTER, term=best, extensions={}, out=out)
    assert sorted(done.kept) == ["s1", "s1@2", "unmatched-zed"]
    assert json.loads((out / "s1@2.ipynb").read_text())["metadata"]["tag"] == "late"


def test_an_unknown_source_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CourseError, match="does not exist"):
        collect.source_format(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(CourseError, match="not a Gradescope export"):
        collect.source_format(tmp_path / "file.txt")
