"""A student's or self-learner's own workspace: copies of the release notebooks, never
overwritten, in a folder git ignores (so pulling a new release never conflicts with work)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from course.config import load_course
from course.errors import CourseError
from course.paths import Layout


def workspace_dir(root: Path, workspace: Path | None = None) -> Path:
    """The workspace folder (default: `workspace/` in the repository, ignored by git)."""
    return (workspace or root / "workspace").resolve()


@dataclass(frozen=True)
class Prepared:
    """What `prepare` did for one week."""

    folder: Path
    notebook: Path
    created: bool


def prepare(aid: str, *, root: Path, workspace: Path | None = None) -> Prepared:
    """Copy the week's release into the workspace: the notebook only if it is not there yet
    (a student's work is never overwritten), the public tests always (they are not work)."""
    layout = Layout(root)
    load_course(layout.config).week(aid)
    release = layout.release_notebook(aid)
    if not release.is_file():
        raise CourseError(f"{aid} has not been released yet ({release} is missing)")
    folder = workspace_dir(root, workspace) / aid
    folder.mkdir(parents=True, exist_ok=True)
    notebook = folder / release.name
    created = not notebook.exists()
    if created:
        shutil.copy2(release, notebook)
    tests = folder / "tests"
    if tests.exists():
        shutil.rmtree(tests)
    shutil.copytree(layout.release_dir(aid) / "tests", tests)
    return Prepared(folder, notebook, created)


# Said when `course lab` runs as root (a Docker container, a cloud notebook), where JupyterLab
# refuses to start unless told that this is intended.
ROOT_NOTE = (
    "running as root (as in many containers): starting JupyterLab with --allow-root, as "
    "Jupyter's own Docker images do when they run as root; an ordinary user is safer"
)


def running_as_root() -> bool:
    """True for root on a POSIX system (Windows has no such notion)."""
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(folder: Path, notebook: Path, *, port: int | None, no_browser: bool) -> list[str]:
    """The JupyterLab command line that opens `notebook` with `folder` as its root."""
    import sys

    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", notebook.name]
    if running_as_root():
        command.append("--allow-root")
    if port is not None:
        command.append(f"--port={port}")
    if no_browser:
        command.append("--no-browser")
    return command
