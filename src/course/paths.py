"""The one place that knows where every file of the course lives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

CONFIG_NAME = "course_config.py"


@dataclass(frozen=True)
class Layout:
    """Paths of a course repository rooted at `root`."""

    root: Path

    @property
    def config(self) -> Path:
        """The course configuration file."""
        return self.root / CONFIG_NAME

    def master(self, aid: str) -> Path:
        """The hand-written master of an assignment."""
        return self.root / "source" / aid / f"{aid}.py"

    def mutants(self, aid: str) -> Path:
        """Plausible wrong implementations used to test the tests."""
        return self.root / "source" / aid / "mutants.py"

    def release_dir(self, aid: str) -> Path:
        """What students get for one week."""
        return self.root / "release" / aid

    def release_notebook(self, aid: str) -> Path:
        """The student notebook."""
        return self.release_dir(aid) / f"{aid}.ipynb"

    def release_suite(self, aid: str) -> Path:
        """The students' grading config: questions, points and only the public tests."""
        return self.release_dir(aid) / "checks.json"

    def solutions_dir(self, aid: str) -> Path:
        """The instructor's solution for one week."""
        return self.root / "solutions" / aid

    def solution_notebook(self, aid: str) -> Path:
        """The solution notebook."""
        return self.solutions_dir(aid) / f"{aid}.ipynb"

    def autograder_dir(self, aid: str) -> Path:
        """Hidden and public tests and the grading config of one week."""
        return self.root / "autograder" / aid

    def autograder_config(self, aid: str) -> Path:
        """The grading config (questions, points, forbidden calls) of one week."""
        return self.autograder_dir(aid) / "autograder.json"

    @property
    def build_dir(self) -> Path:
        """Scratch outputs: sample classes, demo results, zips (git-ignored)."""
        return self.root / "build"

    def generated_dirs(self, aid: str) -> tuple[Path, Path, Path]:
        """Every folder `course build` owns for `aid`."""
        return self.release_dir(aid), self.solutions_dir(aid), self.autograder_dir(aid)


def find_root(start: Path | None = None) -> Path:
    """The course root: $COURSE_ROOT, or the nearest folder upwards holding course_config.py."""
    env = os.environ.get("COURSE_ROOT")
    if env:
        root = Path(env).resolve()
        if not (root / CONFIG_NAME).is_file():
            raise CourseError(f"COURSE_ROOT={env} has no {CONFIG_NAME}")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise CourseError(
        f"no {CONFIG_NAME} in {here} or above; cd into the course repository or pass --root"
    )
