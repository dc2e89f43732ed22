"""`course publish`: exactly the released weeks, a working student side, and no leak ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from course import publish
from course.config import load_course
from course.errors import CourseError
from course.paths import Layout
from course.publish.lock import STUDENT_ROOTS, closure, pins, student_lock
from course.publish.schedule import released, render


def test_the_schedule_says_what_is_released_due_and_upcoming(tiny_course: Path) -> None:
    course = load_course(Layout(tiny_course).config)
    assert [w.id for w in released(course, date(2027, 1, 10))] == []
    assert [w.id for w in released(course, date(2027, 1, 11))] == ["week01_tiny"]
    text = render(course, date(2027, 1, 12))
    assert "released, due in 6 days" in text and "next release: week02_unwritten" in text
    assert "released, due today" in render(course, date(2027, 1, 18))
    assert "released, past due" in render(course, date(2027, 1, 19))


@pytest.mark.parametrize(
    ("day", "weeks"),
    [
        (date(2027, 1, 1), []),
        (date(2027, 1, 11), ["week01_tiny"]),
        (date(2027, 1, 17), ["week01_tiny"]),
    ],
)
def test_publishing_at_a_date_gives_exactly_the_released_weeks(
    tiny_course: Path, tmp_path: Path, day: date, weeks: list[str]
) -> None:
    dest = tmp_path / "students"
    done = publish.main(dest, root=tiny_course, today=day)
    assert list(done.weeks) == weeks
    assert sorted(p.name for p in (dest / "release").glob("*")) == weeks
    files = {
        p.relative_to(dest).as_posix()
        for p in dest.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }
    assert not [f for f in files if f.split("/")[0] in ("source", "solutions", "autograder")]
    assert not [f for f in files if f.startswith(("src/course/build", "src/course/grade"))]
    assert "week02_unwritten" not in (dest / "course_config.py").read_text()


def test_a_week_released_by_the_schedule_but_not_written_is_a_clear_error(
    tiny_course: Path, tmp_path: Path
) -> None:
    with pytest.raises(CourseError, match="released by the schedule but not built"):
        publish.main(tmp_path / "s", root=tiny_course, today=date(2027, 1, 20))


def test_republishing_adds_new_weeks_and_keeps_the_students_work(
    tiny_course: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "students"
    first = publish.main(dest, root=tiny_course, today=date(2027, 1, 1))
    assert first.weeks == () and first.committed
    work = dest / "workspace" / "week01_tiny" / "week01_tiny.ipynb"
    work.parent.mkdir(parents=True)
    work.write_text("my answers")
    second = publish.main(dest, root=tiny_course, today=date(2027, 1, 12))
    assert second.added == ("week01_tiny",) and second.committed
    assert work.read_text() == "my answers"
    log = subprocess.run(
        ["git", "-C", str(dest), "log", "--oneline"], capture_output=True, text=True
    ).stdout
    assert len(log.splitlines()) == 2
    tracked = subprocess.run(
        ["git", "-C", str(dest), "ls-files"], capture_output=True, text=True
    ).stdout.splitlines()
    assert tracked and not [t for t in tracked if t.startswith("workspace/")]


def test_an_injected_leak_fails_the_publish_and_names_the_file(
    tiny_copy: Path, tmp_path: Path
) -> None:
    layout = Layout(tiny_copy)
    notebook = layout.release_notebook("week01_tiny")
    nb = json.loads(notebook.read_text())
    nb["cells"][-1]["source"] += (
        '\n        raise ValueError("lengths differ")  # SENTINEL-SOLUTION-ADD'
    )
    notebook.write_text(json.dumps(nb))
    dest = tmp_path / "students"
    with pytest.raises(CourseError, match=r"release/week01_tiny/week01_tiny\.ipynb: contains"):
        publish.main(dest, root=tiny_copy, today=date(2027, 1, 12))
    assert not dest.exists(), "nothing is written when the scan fails"


def test_publishing_inside_the_instructor_repository_is_refused(tiny_course: Path) -> None:
    with pytest.raises(CourseError, match="outside"):
        publish.main(tiny_course / "public", root=tiny_course, today=date(2027, 1, 12))


def published(tiny_course: Path, tmp_path: Path) -> Path:
    """The tiny course's student repository, published as of a date when week 1 is out."""
    dest = tmp_path / "students"
    publish.main(dest, root=tiny_course, today=date(2027, 1, 12))
    return dest


def python_in(
    dest: Path, *args: str, path: tuple[Path, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Python run in the student repository, importing its own `course` package first."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, (dest / "src", *path)))}
    return subprocess.run(
        [sys.executable, *args], cwd=dest, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_the_published_tree_checks_a_students_work_with_its_own_tooling(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    dest = published(tiny_course, tmp_path)

    def course(*args: str) -> subprocess.CompletedProcess[str]:
        return python_in(dest, "-m", "course.cli", *args)

    assert "build" not in course("--help").stdout.split("VERB")[1], "student side only"
    good = course("check", "week01_tiny", str(tiny_class / "correct.ipynb"))
    assert good.returncode == 0, good.stdout + good.stderr
    blank = course("check", "week01_tiny", "release/week01_tiny/week01_tiny.ipynb")
    assert blank.returncode == 1 and "add is not written yet" in blank.stdout
    hidden = course("check", "week01_tiny", str(tiny_class / "correct.ipynb"), "--hidden")
    assert hidden.returncode == 2 and "stay with the instructor" in hidden.stderr


def test_the_student_lock_is_the_instructors_pins_cut_to_what_students_run() -> None:
    ours = Path(__file__).resolve().parents[2] / "requirements.txt"
    full = pins(ours.read_text())
    cut = pins(student_lock(ours.read_text()))
    assert set(cut) < set(full) and all(cut[n] == full[n] for n in cut), "same pins, fewer"
    for root in STUDENT_ROOTS:
        assert root in cut
    for tool in ("nbgrader", "distributed", "scipy", "pytest", "ruff", "mypy"):
        assert tool not in cut, f"{tool} is instructor-only"
    assert {"fqdn", "webcolors"} <= set(cut), "extras asked for (jsonschema[format-nongpl])"
    assert closure(tuple(cut)) == set(cut), "closed: nothing a listed package needs is left out"


def test_a_lock_without_a_needed_pin_is_a_clear_error() -> None:
    with pytest.raises(CourseError, match=r"does not pin .*numpy.*--relock"):
        student_lock("matplotlib==3.0\n")


# Installed as sitecustomize in the published tree's test: any import of a module that only a
# package outside the student lock provides fails, in every process that the check starts.
BLOCKER = """
import importlib.abc, importlib.metadata, sys
ALLOWED = {ALLOWED!r}
_blocked = {{
    top
    for top, dists in importlib.metadata.packages_distributions().items()
    if not any(d.lower().replace("_", "-") in ALLOWED for d in dists) and top != "course"
}}

class _Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in _blocked:
            raise ModuleNotFoundError(f"{{name}} is not in the student lock", name=name)
        return None

sys.meta_path.insert(0, _Blocker())
"""


@pytest.mark.slow
def test_the_student_side_runs_on_the_student_lock_alone(
    tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    dest = published(tiny_course, tmp_path)
    allowed = set(pins((dest / "requirements.txt").read_text()))
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BLOCKER.format(ALLOWED=sorted(allowed)))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return python_in(dest, *args, path=(hook,))

    blocked = run("-c", "import nbgrader")
    assert "not in the student lock" in blocked.stderr, "the blocker works"
    good = run("-m", "course.cli", "check", "week01_tiny", str(tiny_class / "correct.ipynb"))
    assert good.returncode == 0, good.stdout + good.stderr
    notebook = run("-c", "import otter, ipykernel.kernelapp, jupyterlab, matplotlib.pyplot")
    assert notebook.returncode == 0, notebook.stderr


@pytest.mark.slow
def test_the_real_course_publishes_at_every_release_date_and_its_checks_work(
    repo: Path, tmp_path: Path
) -> None:
    """Republished at each week's release date (as an instructor does all term), the real
    course passes the leak scan every time, and the published tree's own `course check` passes
    the week's solution and fails its blank release."""
    from course.sample import correct_notebook

    layout = Layout(repo)
    course = load_course(layout.config)
    dest = tmp_path / "students"
    for week in course.weeks:
        assert week.release is not None
        done = publish.main(dest, root=repo, today=week.release)
        assert done.added == (week.id,), f"{week.release}: {done.added}"
        release = json.loads(layout.release_notebook(week.id).read_text())
        solution = json.loads(layout.solution_notebook(week.id).read_text())
        answer = tmp_path / f"{week.id}.ipynb"
        answer.write_text(json.dumps(correct_notebook(release, solution, list(week.points))))
        check = python_in(dest, "-m", "course.cli", "check", week.id, str(answer))
        assert check.returncode == 0, check.stdout + check.stderr
        blank = dest / "release" / week.id / f"{week.id}.ipynb"
        assert python_in(dest, "-m", "course.cli", "check", week.id, str(blank)).returncode == 1
    assert [p.name for p in sorted((dest / "release").iterdir())] == [w.id for w in course.weeks]


def test_publish_ends_pushable_with_the_chosen_author_and_a_student_pyproject(
    tiny_course: Path, tmp_path: Path
) -> None:
    bare = tmp_path / "students.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    dest = tmp_path / "students"
    publish.main(
        dest, root=tiny_course, today=date(2027, 1, 12), remote=str(bare), author="TA <ta@uni.edu>"
    )

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(dest), *args], capture_output=True, text=True)

    pushed = git("push", "-u", "origin", publish.BRANCH)  # the command publish prints
    assert pushed.returncode == 0, pushed.stderr
    assert git("log", "-1", "--format=%an <%ae>").stdout.strip() == "TA <ta@uni.edu>"
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "-b", publish.BRANCH, str(bare), str(clone)], check=True)
    assert (clone / "release" / "week01_tiny").is_dir()
    again = publish.main(dest, root=tiny_course, today=date(2027, 1, 12))
    assert git("remote", "get-url", "origin").stdout.strip() == str(bare), "origin is kept"
    assert not again.committed
    import tomllib

    deps = tomllib.loads((dest / "pyproject.toml").read_text())["project"]["dependencies"]
    assert set(deps) == set(STUDENT_ROOTS), "only what the student side imports"
    helped = python_in(dest, "-m", "course.cli", "--help")
    assert "authoring" not in helped.stdout and "README.md" in helped.stdout


@pytest.mark.parametrize(
    ("author", "message"), [("nobody", "Name <email>"), ("A <b", "Name <email>")]
)
def test_a_malformed_author_or_a_file_as_destination_is_a_clear_error(
    tiny_course: Path, tmp_path: Path, author: str, message: str
) -> None:
    with pytest.raises(CourseError, match=message):
        publish.main(tmp_path / "s", root=tiny_course, today=date(2027, 1, 12), author=author)
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(CourseError, match="is a file"):
        publish.main(afile, root=tiny_course, today=date(2027, 1, 12))
