"""The one place that knows where every file of the course lives."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
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

    def private_dirs(self) -> tuple[Path, ...]:
        """Folders that hold answers, tests or other students' work: masters and mutants,
        solutions, hidden tests and grading configs, scratch outputs (sample classes)."""
        return (
            self.root / "source",
            self.root / "solutions",
            self.root / "autograder",
            self.build_dir,
        )

    def sandbox_view(self, hidden: Iterable[Path] = ()) -> SandboxView:
        """What a grading sandbox may see of this machine (read-only), for this course: the
        machine's view (`sandbox_view`) minus any folder that would show the course root, one of
        its private folders or one of `hidden` (other submissions, the output folder)."""
        secret = [*self.private_dirs(), *hidden]
        return sandbox_view(secret=secret, roots=[self.root])


# What a grading sandbox sees. Its filesystem is built from nothing: these, read-only, plus an
# empty working folder and /tmp of its own; nothing else of the machine exists in it.
SYSTEM_FOLDERS = ("/usr", "/lib", "/lib64", "/lib32", "/libx32")  # shared libraries
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime")  # the loader's cache, the time zone
SANDBOX_DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")


@dataclass(frozen=True)
class SandboxView:
    """Absolute paths a sandbox sees read-only, each at its own place; nothing else exists."""

    folders: tuple[str, ...]
    files: tuple[str, ...]
    devices: tuple[str, ...]

    def as_dict(self) -> dict[str, list[str]]:
        return {"folders": [*self.folders], "files": [*self.files], "devices": [*self.devices]}


def _shows(path: Path, others: Iterable[Path]) -> bool:
    """Whether showing `path` would show one of `others` (it is one of them or holds one)."""
    return any(path == o or path in o.parents for o in others)


def sandbox_view(secret: Iterable[Path] = (), roots: Iterable[Path] = ()) -> SandboxView:
    """The Python installation running this (its prefixes: interpreter, standard library,
    site-packages), the `course` package, the system's shared libraries, the loader's cache and
    a few devices. A folder is left out when showing it would show one of `secret` or `roots`
    (it is one or holds one): a course repository is never shown whole, only its Python
    environment when that lives inside it (and only that folder of it)."""
    secret = [Path(os.path.abspath(p)) for p in secret]
    secret += [Path(os.path.realpath(p)) for p in secret]
    roots = [Path(os.path.abspath(r)) for r in roots]
    roots += [Path(os.path.realpath(r)) for r in roots]
    python = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    package = Path(__file__).resolve().parent
    candidates = [*SYSTEM_FOLDERS, *sorted(python), str(package)]
    folders: list[str] = []
    for candidate in candidates:
        path = Path(os.path.abspath(candidate))
        real = Path(os.path.realpath(path))
        if not os.path.isdir(real) or any(str(path).startswith(f + "/") for f in folders):
            continue  # absent, or already shown with the folder that holds it
        if any(_shows(p, [*secret, *roots]) for p in (path, real)):
            continue
        folders.append(str(path))
    files = tuple(f for f in SYSTEM_FILES if os.path.isfile(f))
    devices = tuple(d for d in SANDBOX_DEVICES if os.path.exists(d))
    return SandboxView(tuple(folders), files, devices)


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
