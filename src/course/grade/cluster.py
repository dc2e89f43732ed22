"""Grading on a Dask distributed cluster (and through Dask on Slurm, PBS or Kubernetes).

The week's autograder (config and test files) is shipped to every worker once and loaded there
once; submissions stream to the workers as bytes (without their outputs), a window at a time;
each worker grades with the same engine and sandbox as local grading and sends back the
rendered files. Dask reschedules the tasks of a
worker that dies, so no submission is lost.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from course import submission
from course.engine import Options, load_suite
from course.engine.suite import Suite
from course.errors import CourseError
from course.grade.backends import IN_FLIGHT_PER_WORKER, Backend, Graded, in_flight, render
from course.grade.store import autograder_files, fingerprint
from course.paths import Layout

_SUITES: dict[str, Suite] = {}  # per worker process: autograders already loaded


def shipped(notebook: bytes) -> bytes:
    """What a worker needs of a submission: its cells as the one reader of submissions
    validated them, without outputs. Grading never reads outputs, and a notebook's images are
    most of its bytes (the driver's network is the first limit of a very large batch). A file
    the reader refuses goes as it is (cut just past the size limit), so the worker refuses it
    with the same sentence as local grading."""
    try:
        return submission.parse(notebook).canonical()
    except submission.SubmissionError:
        return notebook[: submission.MAX_BYTES + 1]


def _suite_on_worker(aid: str, files: dict[str, bytes]) -> Suite:
    key = fingerprint(files)
    if key not in _SUITES:
        root = Path(tempfile.mkdtemp(prefix="course-autograder-"))
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        _SUITES[key] = load_suite(Layout(root), aid)
    return _SUITES[key]


def grade_on_worker(
    aid: str, files: dict[str, bytes], notebook: bytes, name: str, filename: str
) -> Graded:
    """Runs on a Dask worker: grade one submission given as bytes, under its own file name (which
    messages about an unreadable file quote, as local grading does)."""
    # Dask marks worker processes as daemons, which multiprocessing forbids to have children;
    # the sandboxes it starts are killed by the engine itself, never left behind.
    multiprocessing.current_process().daemon = False
    suite = _suite_on_worker(aid, files)
    with tempfile.TemporaryDirectory(prefix="course-submission-") as tmp:
        path = Path(tmp) / (Path(filename).name or f"{name}.ipynb")
        path.write_bytes(notebook)
        return render(path, name, suite, Options.for_suite(suite, also_hide=(Path(tmp),)))


class DaskBackend(Backend):
    """Grades through a Dask scheduler at `address` (e.g. tcp://10.0.0.5:8786)."""

    def __init__(self, address: str, layout: Layout, aid: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - distributed is a dependency
            raise CourseError("grading on a cluster needs dask's `distributed` package") from exc
        self.aid = aid
        self.files = autograder_files(layout, aid)
        try:
            self.client: Any = Client(address, timeout="20s")
        except OSError as exc:
            raise CourseError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.client.close()

    def grade(self, todo: dict[Path, str]) -> Iterator[tuple[Path, Graded | BaseException]]:
        from distributed import wait

        files = self.client.scatter(self.files, broadcast=True)  # shipped once per worker

        def submit(path: Path, name: str) -> Any:
            return self.client.submit(
                grade_on_worker,
                self.aid,
                files,
                shipped(path.read_bytes()),
                name,
                path.name,
                key=f"grade-{self.aid}-{name}",
                retries=2,
            )

        # The notebooks of a 100,000-submission batch are never all in the scheduler at once.
        threads = sum(self.client.nthreads().values()) or 1
        yield from in_flight(
            todo,
            max(64, IN_FLIGHT_PER_WORKER * threads),
            submit,
            lambda running: wait(running, return_when="FIRST_COMPLETED").done,
        )
