"""Stopping a grade run (SIGINT, SIGTERM, SIGHUP) ends it cleanly: one line says so, finished
results are kept, and no process of the batch (fork server, sandboxes) is left running; nor
when the grader itself is killed (SIGKILL)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_stopped_batch_leaves_no_process_behind(
    signum: int, tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "course.cli",
            "--root",
            str(tiny_course),
            "grade",
            "week01_tiny",
            str(tiny_class / "infinite_loop.ipynb"),
            "--out",
            str(out),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    grader = psutil.Process(proc.pid)
    family: list[psutil.Process] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(family) < 2:  # the fork server and a sandbox
        time.sleep(0.2)
        family = grader.children(recursive=True)
    assert len(family) >= 2, "the endless loop must be running when the batch is stopped"
    time.sleep(0.5)
    proc.send_signal(signum)
    if signum == signal.SIGKILL:  # nothing can run in the grader: what it started must end
        assert proc.wait(timeout=30) == -signal.SIGKILL
    else:
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 130, stderr
        assert "interrupted; finished results are kept" in stderr and "Traceback" not in stderr
    _, alive = psutil.wait_procs(family, timeout=10)
    assert not alive, f"left running after {signal.Signals(signum).name}: {alive}"
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
