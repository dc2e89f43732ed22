"""A student's workspace: a copy of the release that is never overwritten; progress offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from course import workspace
from course.errors import CourseError
from course.workspace import progress


def test_preparing_copies_once_and_never_overwrites_work(tiny_copy: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    first = workspace.prepare("week01_tiny", root=tiny_copy, workspace=ws)
    assert first.created and first.notebook == ws / "week01_tiny" / "week01_tiny.ipynb"
    assert (first.folder / "tests" / "add.py").is_file()
    assert not (first.folder / "tests" / "add.py").read_text().count("hidden=True")
    first.notebook.write_text("my work")
    again = workspace.prepare("week01_tiny", root=tiny_copy, workspace=ws)
    assert not again.created and again.notebook.read_text() == "my work"


def test_the_default_workspace_is_ignored_by_git(repo: Path) -> None:
    assert "/workspace/" in (repo / ".gitignore").read_text().split()


def test_an_unreleased_week_is_a_clear_error(tiny_copy: Path) -> None:
    with pytest.raises(CourseError, match="not been released"):
        workspace.prepare("week02_unwritten", root=tiny_copy)


def test_lab_command_has_the_conventional_flags(tmp_path: Path) -> None:
    command = workspace.lab_command(tmp_path, tmp_path / "a.ipynb", port=8899, no_browser=True)
    assert "--port=8899" in command and "--no-browser" in command and "a.ipynb" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)


@pytest.mark.slow
def test_lab_starts_jupyterlab_as_root_or_not_and_says_why(tiny_copy: Path, tmp_path: Path) -> None:
    """`course lab` really starts a JupyterLab server, also as root (containers, cloud
    notebooks), where JupyterLab alone would refuse."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"), "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "course.cli",
            "--root",
            str(tiny_copy),
            "lab",
            "week01_tiny",
            "--port",
            str(port),
            "--no-browser",
            "--workspace",
            str(tmp_path / "ws"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 90
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "is running at" in line or "http://127.0.0.1" in line:
                break
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    text = "".join(lines)
    assert "is running at" in text or f":{port}/" in text, text[-2000:]
    assert ("--allow-root" in text) == (os.geteuid() == 0), text[:500]


@pytest.mark.slow
def test_progress_shows_each_week(tiny_copy: Path, tiny_class: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    prepared = workspace.prepare("week01_tiny", root=tiny_copy, workspace=ws)
    prepared.notebook.write_bytes((tiny_class / "mutant_add_subtracts.ipynb").read_bytes())
    rows = progress.collect(root=tiny_copy, workspace=ws)
    assert [(r.aid, r.status, r.passed) for r in rows] == [
        ("week01_tiny", "in progress", 1),
        ("week02_unwritten", "not released", 0),
    ]
    assert "1/2" in progress.render(rows)
    assert progress.figure(rows, ws / "progress.png").stat().st_size > 1000
