"""The Gradescope zip, run in a simulated /autograder layout, gives `course grade`'s scores."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from course import grade, gradescope
from course.sample import load_expected

pytestmark = pytest.mark.slow


def run_zip(archive: Path, notebook: Path, where: Path) -> dict:  # type: ignore[type-arg]
    root = where / "autograder"
    shutil.rmtree(root, ignore_errors=True)
    (root / "submission").mkdir(parents=True)
    with zipfile.ZipFile(archive) as z:
        z.extractall(root / "source")
    shutil.copy(notebook, root / "submission" / notebook.name)
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    subprocess.run(
        ["bash", str(root / "source" / "run_autograder")],
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    return json.loads((root / "results" / "results.json").read_text())  # type: ignore[no-any-return]


def test_the_zip_is_deterministic_and_installs_only_what_grading_needs(
    tiny_course: Path, tmp_path: Path
) -> None:
    a = gradescope.main("week01_tiny", root=tiny_course, out=tmp_path / "a.zip")
    b = gradescope.main("week01_tiny", root=tiny_course, out=tmp_path / "b.zip")
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        names = z.namelist()
        requirements = z.read("requirements.txt").decode().splitlines()
    assert {"setup.sh", "run_autograder", "autograder/week01_tiny/tests/add.py"} <= set(names)
    assert not [n for n in names if n.startswith(("solutions/", "source/", "release/"))]
    names_pinned = [r.split("==")[0] for r in requirements]
    assert sorted(set(names_pinned)) == ["ipython", "matplotlib", "numpy"]
    assert all("; python_version" in r for r in requirements), "a pin per Python version"


def test_gradescope_scores_equal_course_grade_on_the_sample_class(
    sample_course: tuple[Path, str, Path], tmp_path: Path, write_agreement: Any
) -> None:
    root, aid, tiny_class = sample_course
    archive = gradescope.main(aid, root=root, out=tmp_path / "ag.zip")
    local = tmp_path / "local"
    started = time.monotonic()
    grade.main(aid, [tiny_class], out=local, root=root, quiet=True)
    ours = time.monotonic() - started
    names = grade.submission_names(sorted(tiny_class.glob("*.ipynb")))
    rows = []
    started = time.monotonic()
    for notebook in sorted(tiny_class.glob("*.ipynb")):
        remote = run_zip(archive, notebook, tmp_path)
        mine = json.loads((local / names[notebook] / "results.json").read_text())
        assert [(t["name"], t["score"]) for t in remote["tests"]] == [
            (t["name"], t["score"]) for t in mine["tests"]
        ], notebook.name
        assert "def test_" not in json.dumps(remote), "no test source in Gradescope's results"
        rows.append((names[notebook], mine["score"], remote["score"]))
    theirs = time.monotonic() - started
    assert len(load_expected(tiny_class)) == len(names)
    n = len(rows)
    write_agreement(
        f"gradescope_{aid}", rows, {"course grade": ours / n, "Gradescope zip": theirs / n}
    )
