"""The Pythons people have: the Gradescope zip builds (its own setup.sh) and grades on the
Python of Gradescope's Ubuntu 22.04 (3.10) and 24.04 (3.12) images with `course grade`'s scores,
and a student's `course check` runs on Python 3.11 to 3.13 (README states the range)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from course import grade, gradescope

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def interpreter(version: str) -> str:
    """A Python of that version on this machine (PATH or pyenv), or the test is skipped."""
    found = shutil.which(f"python{version}")
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [found] if found else []
    candidates += [str(p / "bin" / "python") for p in sorted(pyenv.glob(f"{version}.*"))]
    for candidate in candidates:
        probe = subprocess.run(
            [candidate, "-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    pytest.skip(f"no Python {version} here (install it, e.g. with pyenv, to run this test)")


def autograder(archive: Path, where: Path, python: str) -> Path:
    """An /autograder root built by the zip's own setup.sh with `python` as the image's python3."""
    root = where / "autograder"
    with zipfile.ZipFile(archive) as z:
        z.extractall(root / "source")
    env = {
        **os.environ,
        "AUTOGRADER_ROOT": str(root),
        "AUTOGRADER_BASE_PYTHON": python,
        "AUTOGRADER_NO_APT": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    built = subprocess.run(
        ["bash", str(root / "source" / "setup.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return root


@pytest.mark.parametrize("version", ["3.10", "3.12"])
def test_the_gradescope_zip_builds_and_grades_on_the_images_python(
    version: str, tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    python = interpreter(version)
    archive = gradescope.main("week01_tiny", root=tiny_course, out=tmp_path / "ag.zip")
    root = autograder(archive, tmp_path, python)
    local = tmp_path / "local"
    grade.main("week01_tiny", [tiny_class], out=local, root=tiny_course, quiet=True)
    for name in ("correct", "blank", "mutant_add_subtracts", "exception"):
        shutil.rmtree(root / "submission", ignore_errors=True)
        (root / "submission").mkdir()
        shutil.copy(tiny_class / f"{name}.ipynb", root / "submission")
        env = {**os.environ, "AUTOGRADER_ROOT": str(root)}
        ran = subprocess.run(
            ["bash", str(root / "source" / "run_autograder")],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert ran.returncode == 0, ran.stderr[-3000:]
        remote = json.loads((root / "results" / "results.json").read_text())
        mine = json.loads((local / name / "results.json").read_text())
        assert [(t["name"], t["score"]) for t in remote["tests"]] == [
            (t["name"], t["score"]) for t in mine["tests"]
        ], (version, name)


def test_setup_refuses_a_python_too_old_with_a_clear_message(
    tiny_course: Path, tmp_path: Path
) -> None:
    archive = gradescope.main("week01_tiny", root=tiny_course, out=tmp_path / "ag.zip")
    root = tmp_path / "autograder"
    with zipfile.ZipFile(archive) as z:
        z.extractall(root / "source")
    fake = tmp_path / "python3"
    fake.write_text(
        "#!/usr/bin/env bash\nif [ \"$1\" = -V ]; then echo 'Python 3.8.10'; exit 0; fi\nexit 1\n"
    )
    fake.chmod(0o755)
    env = {
        **os.environ,
        "AUTOGRADER_ROOT": str(root),
        "AUTOGRADER_BASE_PYTHON": str(fake),
        "AUTOGRADER_NO_APT": "1",
    }
    built = subprocess.run(
        ["bash", str(root / "source" / "setup.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert built.returncode == 1
    assert "needs Python 3.10 or newer, found Python 3.8.10" in built.stderr


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_a_students_check_runs_on_this_python(
    version: str, tiny_course: Path, tiny_class: Path, tmp_path: Path
) -> None:
    """The student side (what `course check` imports, at the student lock's versions) set up
    under another Python, checking a week: the solution passes, the blank release fails."""
    python = interpreter(version)
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300)
    pins = [
        line.split(";")[0]
        for line in gradescope.pinned_requirements().splitlines()
        if '>= "3.11"' in line
    ]
    installed = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", *pins],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}

    def check(notebook: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "course.cli",
                "--root",
                str(tiny_course),
                "check",
                "week01_tiny",
                str(notebook),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    good = check(tiny_class / "correct.ipynb")
    assert good.returncode == 0, good.stdout + good.stderr
    blank = check(tiny_class / "blank.ipynb")
    assert blank.returncode == 1 and "FAIL" in blank.stdout, blank.stdout + blank.stderr
