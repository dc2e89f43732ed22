"""Grading through a real Dask cluster of worker processes on loopback: the same results as
local grading, and a worker killed mid-batch loses no submission."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course import grade
from course.engine.runner import read_code_cells
from course.errors import CourseError
from course.grade.cluster import shipped

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=50,
    ) as running:
        yield running


def _comparable(out: Path) -> dict[str, Any]:
    found = {}
    for path in sorted(out.glob("*/results.json")):
        data = json.loads(path.read_text())
        data.pop("execution_time")
        found[path.parent.name] = data
    return found


def with_outputs(notebook: dict[str, Any]) -> dict[str, Any]:
    """The notebook as a student saves it: every code cell with a large image output."""
    image = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBO" * 50000}}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [image]
    return notebook


def test_a_submission_is_shipped_without_its_outputs(tiny_class: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.ipynb"
    correct = json.loads((tiny_class / "correct.ipynb").read_text())
    saved.write_text(json.dumps(with_outputs(correct)))
    sent = tmp_path / "sent.ipynb"
    sent.write_bytes(shipped(saved.read_bytes()))
    assert sent.stat().st_size < saved.stat().st_size / 20
    assert read_code_cells(sent) == read_code_cells(saved), "the grader reads the same code"
    for broken in (b"{not json", b"\xff\xfe", b'{"cells": 3}', b"[]"):
        assert shipped(broken) == broken, "unreadable files go as they are, to fail the same way"


def test_the_cluster_gives_exactly_the_local_results(
    cluster: Any, tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    tiny_class_copy = tmp_path / "class"
    shutil.copytree(tiny_class, tiny_class_copy)
    tiny_class = tiny_class_copy
    correct = json.loads((tiny_class / "correct.ipynb").read_text())
    (tiny_class / "with_outputs.ipynb").write_text(json.dumps(with_outputs(correct)))
    (tiny_class / "malformed.ipynb").write_text('{"cells": [')
    (tiny_class / "other").mkdir()  # the same stem twice: named malformed_2, quoted as its file
    (tiny_class / "other" / "malformed.ipynb").write_text("[]")
    local = grade.main(
        "week01_tiny", [tiny_class], out=tmp_path / "local", root=tiny_course, quiet=True
    )
    assert local.scores["with_outputs"] == local.scores["correct"]
    remote = grade.main(
        "week01_tiny",
        [tiny_class],
        out=tmp_path / "remote",
        root=tiny_course,
        quiet=True,
        scheduler=cluster.scheduler_address,
    )
    assert remote.graded == local.graded and not remote.failed
    assert _comparable(tmp_path / "remote") == _comparable(tmp_path / "local")
    assert (tmp_path / "remote" / "gradebook.csv").read_text() == (
        tmp_path / "local" / "gradebook.csv"
    ).read_text()
    again = grade.main(
        "week01_tiny",
        [tiny_class],
        out=tmp_path / "remote",
        root=tiny_course,
        quiet=True,
        scheduler=cluster.scheduler_address,
    )
    assert again.graded == 0 and again.reused == local.graded  # resumable, as locally


def test_a_worker_killed_mid_batch_loses_no_submission(
    cluster: Any, tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        pids = list(client.run(os.getpid).values())
    out = tmp_path / "out"

    def kill_one_worker_when_grading_has_started() -> None:
        deadline = time.monotonic() + 60
        while not list(out.glob("*/results.json")) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(pids[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_one_worker_when_grading_has_started)
    killer.start()
    summary = grade.main(
        "week01_tiny",
        [tiny_class],
        out=out,
        root=tiny_course,
        quiet=True,
        scheduler=cluster.scheduler_address,
    )
    killer.join()
    total = len(list(tiny_class.glob("*.ipynb")))
    assert summary.graded == total and not summary.failed
    assert len(list(out.glob("*/results.json"))) == total


def test_an_unreachable_scheduler_is_a_clear_error(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    with pytest.raises(CourseError, match="cannot reach the Dask scheduler"):
        grade.main(
            "week01_tiny",
            [tiny_class],
            out=tmp_path,
            root=tiny_course,
            scheduler="tcp://127.0.0.1:9",
        )
