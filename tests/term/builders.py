"""Builders for the term tests: the three-week tiny course's config, its notebooks, and small
faithful fixtures of each place submissions come from."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from course.paths import Layout
from course.sample import _with_answer, correct_notebook

WEEKS = ("week01_tiny", "week02_tiny", "week03_tiny")
CONFIG = '''"""The tiny course over three weeks, with a term policy."""

TITLE = "Tiny course"

WEEKS = [
    {"id": "week01_tiny", "title": "Adding and scaling", "points": {"add": 2, "scale": 1},
     "release": "2027-01-11", "due": "2027-01-18"},
    {"id": "week02_tiny", "title": "Adding and scaling again", "points": {"add": 2, "scale": 1},
     "release": "2027-01-18", "due": "2027-01-25"},
    {"id": "week03_tiny", "title": "Adding and scaling once more",
     "points": {"add": 2, "scale": 1}, "release": "2027-01-25", "due": "2027-02-01"},
]

GRADING = {"cell_timeout": 5, "notebook_timeout": 20, "test_timeout": 2}

TERM = {
    "deadline_time": "23:59",
    "grace_minutes": 15,
    "penalty": 0.1,
    "window_hours": 24,
    "cap_days": 3,
    "keep": "latest",
    "drop_lowest": 1,
    "weights": {"week03_tiny": 2},
}
'''

ROSTER = """Student ID,Name,Email,Section
s001,Ada Lovelace,ada@example.edu,A
s002,Ben Franklin,ben@example.edu,A
s003,Cy Young,cy@example.edu,B
s004,Di Prince,di@example.edu,B
"""


def notebook(root: Path, aid: str, kind: str) -> dict[str, Any]:
    """A submission of `aid`: `correct` (3 points), `blank` (0) or `no_scale` (add right,
    scale wrong: 2)."""
    layout = Layout(root)
    release = json.loads(layout.release_notebook(aid).read_text())
    if kind == "blank":
        return release
    solution = json.loads(layout.solution_notebook(aid).read_text())
    correct = correct_notebook(release, solution, ["add", "scale"])
    if kind == "correct":
        return correct
    assert kind == "no_scale"
    return _with_answer(correct, "scale", "def scale(c, v):\n    return None\n")


def write_nb(path: Path, nb: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))
    return path


def gradescope_export(folder: Path, entries: list[dict[str, Any]]) -> Path:
    """A Gradescope "Export Submissions" folder: submission_metadata.yml (Ruby-style symbol
    keys, as Gradescope writes it and otter-grader's GradescopeParser reads it) and one
    `submission_<id>/` folder of uploaded files per submission. Each entry: id, submitters
    [(name, sid, email)], created_at (`YYYY-MM-DD HH:MM:SS.fffffffff +-HH:MM`), and `nb` (a
    notebook) or `link` (make the upload a symbolic link to that path)."""
    folder.mkdir(parents=True)
    lines = []
    for e in entries:
        sub = folder / f"submission_{e['id']}"
        sub.mkdir()
        if "link" in e:
            os.symlink(e["link"], sub / "week.ipynb")
        else:
            write_nb(sub / "homework.ipynb", e["nb"])
        lines.append(f"submission_{e['id']}:")
        lines.append("  :submitters:")
        for name, sid, email in e["submitters"]:
            lines += [f"  - :name: {name}", f"    :sid: '{sid}'", f"    :email: {email}"]
        lines += [f"  :created_at: {e['created_at']}", "  :score: 0.0", "  :status: processed"]
    (folder / "submission_metadata.yml").write_text("\n".join(lines) + "\n")
    return folder


def nbgrader_submission(inbound: Path, student: str, aid: str, stamp: str, nb: Any) -> Path:
    """One `nbgrader submit` into an exchange's inbound folder: `<student>+<aid>+<timestamp>`
    holding the assignment's files and timestamp.txt (nbgrader/exchange/default/submit.py)."""
    entry = inbound / f"{student}+{aid}+{stamp}"
    write_nb(entry / f"{aid}.ipynb", nb)
    (entry / "timestamp.txt").write_text(stamp)
    return entry


def git_commit(repo: Path, files: list[Path], when: str) -> None:
    """Commit `files` in `repo` at time `when` (ISO, with offset)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.edu",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.edu",
    }
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "add", *map(str, files)], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", "submit"], check=True, env=env)
