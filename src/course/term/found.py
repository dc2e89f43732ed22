"""One submission as a source gives it: who, which file, when; and why a file is not read."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Found:
    """A submission found in a source, before it is matched to the roster."""

    who: str
    """the identity the source gives: a student id, an email or a user name"""
    path: Path
    submitted: datetime
    """when it was submitted (aware, UTC)"""
    source: str
    """gradescope, nbgrader or folder"""
    origin: str
    """where in the source it was found, for messages"""
    refused: str | None = None
    """why the file is not read (a link or not a regular file); None: it is read"""


def refusal(path: Path) -> str | None:
    """Why `path` is not read: the collector copies what a file is, never what it points to."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "the file is missing"
    if stat.S_ISLNK(mode):
        return "it is a symbolic link, which is never followed; submit the notebook file itself"
    if not stat.S_ISREG(mode):
        return "it is not a regular file; submit the .ipynb file saved from JupyterLab"
    return None


def notebooks_in(folder: Path, aid: str) -> list[Path]:
    """The notebooks directly in `folder` (not in linked folders), the week's own name first."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    found = sorted(p for p in folder.iterdir() if p.name.endswith(".ipynb"))
    return sorted(found, key=lambda p: p.stem != aid)
