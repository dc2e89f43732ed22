"""The term tests' shared fixture: a three-week copy of the tiny course with a TERM policy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course import build
from tests.term.builders import CONFIG, WEEKS


@pytest.fixture(scope="session")
def term_course(tiny_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny course with two more weeks (copies of week 1) and a TERM policy, built."""
    root = tmp_path_factory.mktemp("term") / "course"
    shutil.copytree(tiny_course, root)
    master = root / "source" / "week01_tiny"
    for aid in WEEKS[1:]:
        (root / "source" / aid).mkdir()
        text = (master / "week01_tiny.py").read_text()
        (root / "source" / aid / f"{aid}.py").write_text(text)
        shutil.copy(master / "mutants.py", root / "source" / aid / "mutants.py")
    (root / "course_config.py").write_text(CONFIG)
    build.main([], root=root)
    return root
