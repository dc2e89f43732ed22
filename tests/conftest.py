"""Shared fixtures: the repository, a built copy of the tiny fixture course, its sample class."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from course import build, sample

REPO = Path(__file__).resolve().parents[1]
TINY = Path(__file__).resolve().parent / "fixtures" / "tiny"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def tiny_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built copy of tests/fixtures/tiny (read-only by convention: copy it to change it)."""
    root = tmp_path_factory.mktemp("tiny") / "course"
    shutil.copytree(TINY, root, ignore=shutil.ignore_patterns("release", "solutions", "autograder"))
    build.main([], root=root)
    return root


@pytest.fixture()
def tiny_copy(tiny_course: Path, tmp_path: Path) -> Path:
    """A private, built copy of the tiny course that a test may change."""
    root = tmp_path / "course"
    shutil.copytree(tiny_course, root)
    return root


@pytest.fixture(scope="session")
def tiny_class(tiny_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample class of the tiny course."""
    folder = tmp_path_factory.mktemp("tiny_class")
    sample.generate("week01_tiny", folder, root=tiny_course)
    return folder


@pytest.fixture(scope="session", params=["week01_tiny", "week01_vectors"])
def sample_course(
    request: pytest.FixtureRequest, tiny_course: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str, Path]:
    """(course root, week, its sample class) for the tiny course and for the real week 1."""
    aid = str(request.param)
    root = tiny_course if aid == "week01_tiny" else REPO
    folder = tmp_path_factory.mktemp(f"class_{aid}")
    sample.generate(aid, folder, root=root)
    return root, aid, folder


# The slowest tests (real nbgrader and Gradescope runs over a whole sample class) go first, so
# that with `-n auto` (as `bootstrap.py test` runs) they overlap the rest instead of ending last.
SLOWEST_FIRST = ("test_nbgrader_agrees_with_course_grade", "test_gradescope_scores_equal")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.name.startswith(SLOWEST_FIRST))


@pytest.fixture(scope="session")
def write_agreement() -> Callable[[str, list[tuple[str, float, float]], dict[str, float]], Path]:
    """Writes a table to read by eye: two graders' totals per submission."""
    return _write_agreement


def _write_agreement(
    title: str, rows: list[tuple[str, float, float]], seconds: dict[str, float]
) -> Path:
    """Two graders' totals per submission and their seconds per submission, saved as
    build/artifacts/agreement_<title>.md (the tests assert the equality)."""
    lines = [
        f"# Score agreement: {title}",
        "",
        ", ".join(f"{tool}: {s:.2f} s per submission" for tool, s in seconds.items()),
        "",
        "| submission | course grade | other | equal |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {n} | {a:g} | {b:g} | {'yes' if abs(a - b) < 1e-6 else 'NO'} |" for n, a, b in rows
    ]
    path = REPO / "build" / "artifacts" / f"agreement_{title}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


# A Jupyter server on loopback with a fresh token: start(command, cwd, env) -> (base URL, token).
JupyterServer = Callable[[list[str], Path, dict[str, str]], tuple[str, str]]


@pytest.fixture()
def jupyter_server(tmp_path: Path) -> Iterator[JupyterServer]:
    """Starts real Jupyter servers (lab or plain) for a test and stops them after it; each
    server's output is kept in tmp_path/jupyter-<port>.log for a failing test to show."""
    running: list[subprocess.Popen[bytes]] = []

    def start(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, str]:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        token = secrets.token_hex(16)
        command = [
            *command,
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            "--ServerApp.ip=127.0.0.1",
            "--ServerApp.open_browser=False",
            "--allow-root",
        ]
        with open(tmp_path / f"jupyter-{port}.log", "wb") as log:
            server = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        running.append(server)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                return base, token
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"{command[0]} did not start within 60 s")

    yield start
    for server in running:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
