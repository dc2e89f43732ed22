"""The four weeks of revision 2 (linear systems, eigenvectors, continuous distributions,
stochastic optimisation) through every way a class is graded: the sample class with its
expected scores, the Gradescope zip, nbgrader and a Dask cluster agree with `course grade`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course import grade, gradescope, nbgrader_export, sample
from course.demo import matches
from course.sample import load_expected

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]
REPO = Path(__file__).resolve().parents[1]
NEW = [
    "week04_linear_systems",
    "week05_eigenvectors",
    "week10_continuous",
    "week14_stochastic_optimization",
]
FEW = ("correct", "blank", "exception")  # plus the week's first mutant


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=50,
    ) as running:
        yield running


def _scores(out: Path) -> dict[str, list[tuple[str, float]]]:
    return {
        p.parent.name: [(t["name"], t["score"]) for t in json.loads(p.read_text())["tests"]]
        for p in sorted(out.glob("*/results.json"))
    }


@pytest.mark.parametrize("aid", NEW)
def test_a_new_week_grades_the_same_everywhere(aid: str, tmp_path: Path, cluster: Any) -> None:
    from tests.test_gradescope import run_zip
    from tests.test_nbgrader_export import nbgrader, nbgrader_scores

    full = tmp_path / "class"
    sample.generate(aid, full, root=REPO)
    expected = load_expected(full)
    mutant = next(name for name in sorted(expected) if name.startswith("mutant_"))
    chosen = [f"{n}.ipynb" for n in FEW] + [mutant]
    few = tmp_path / "few"
    few.mkdir()
    for name in chosen:
        shutil.copy(full / name, few / name)
    local = tmp_path / "local"
    grade.main(aid, [few], out=local, root=REPO, quiet=True)
    ours = _scores(local)
    points = dict(ours["correct"])
    for name in chosen:  # the sample class's expected score per question
        for question, score in ours[Path(name).stem]:
            assert matches(score, points[question], expected[name]["expected"][question])

    remote = tmp_path / "dask"
    grade.main(aid, [few], out=remote, root=REPO, quiet=True, scheduler=cluster.scheduler_address)
    assert _scores(remote) == ours

    archive = gradescope.main(aid, root=REPO, out=tmp_path / "ag.zip")
    for name in chosen:
        zipped = run_zip(archive, few / name, tmp_path / "gs")
        assert [(t["name"], t["score"]) for t in zipped["tests"]] == ours[Path(name).stem]

    course_dir = tmp_path / "nbgrader"
    nbgrader_export.main([aid], root=REPO, out=course_dir)
    nbgrader(course_dir, "generate_assignment", aid)
    for name in chosen:  # submitted as the student has them (course format)
        student = Path(name).stem
        target = course_dir / "submitted" / student / aid / f"{aid}.ipynb"
        target.parent.mkdir(parents=True)
        shutil.copy(few / name, target)
    nbgrader(course_dir, "autograde", aid)
    theirs = nbgrader_scores(course_dir, aid)
    for student, tests in ours.items():
        for question, score in tests:
            assert theirs[student][question] == pytest.approx(score, abs=1e-6), (student, question)
