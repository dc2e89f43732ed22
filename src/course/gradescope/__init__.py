"""`course gradescope`: a Gradescope autograder zip per week that grades with this engine.

The zip follows Gradescope's specification (`setup.sh` and `run_autograder` at its root; the
submission in /autograder/submission; results in /autograder/results/results.json). It carries
the week's tests and grading config, the course tooling's source, and pinned requirements of
only what grading needs, so Gradescope gives the same score as `course grade`.
"""

from __future__ import annotations

import io
import zipfile
from importlib import metadata
from pathlib import Path

from course.config import load_course
from course.errors import CourseError
from course.paths import Layout

NEEDED = ("numpy", "matplotlib", "ipython")  # what the engine imports while grading
FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip entries get a fixed date: same input, same bytes

# Newest releases that still support Python 3.10, the python3 of Gradescope's Ubuntu 22.04
# base image (numpy 2.3 and matplotlib 3.11 need 3.11; IPython 9 needs 3.11). Newer Pythons get
# the versions this grader runs with.
FOR_PYTHON_310 = {"numpy": "2.2.6", "matplotlib": "3.10.8", "ipython": "8.37.0"}
OLDEST_PYTHON = (3, 10)

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (Ubuntu 22.04: Python 3.10;
# 24.04: 3.12). requirements.txt pins each package per Python version (environment markers).
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${AUTOGRADER_BASE_PYTHON:-python3}"
if [ -z "${AUTOGRADER_NO_APT:-}" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3 python3-pip python3-venv >/dev/null
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < OLDEST)'; then
    echo "setup.sh: the grader needs Python OLDEST_TEXT or newer, found $("$PYTHON" -V 2>&1)" >&2
    exit 1
fi
"$PYTHON" -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install -q -r "$ROOT/source/requirements.txt"
""".replace("OLDEST_TEXT", ".".join(map(str, OLDEST_PYTHON))).replace("OLDEST", str(OLDEST_PYTHON))

RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"
cd "$ROOT/source"
PYTHONPATH="$ROOT/source/tooling" exec "$PYTHON" -m course.gradescope.run "$ROOT" %s
"""


def pinned_requirements() -> str:
    """Pins of what grading needs: the versions this grader runs with (requirements.txt's) on
    Python 3.11 and newer, the newest that support it on Python 3.10."""
    return "".join(
        f'{name}=={metadata.version(name)}; python_version >= "3.11"\n'
        f'{name}=={FOR_PYTHON_310[name]}; python_version < "3.11"\n'
        for name in NEEDED
    )


def zip_files(root: Path, aid: str) -> dict[str, bytes]:
    """Every file of the zip, by its path inside the zip."""
    layout = Layout(root)
    load_course(layout.config).week(aid)
    if not layout.autograder_config(aid).is_file():
        raise CourseError(f"{aid} is not built; run `course build {aid}`")
    files: dict[str, bytes] = {
        "setup.sh": SETUP.encode(),
        "run_autograder": (RUN % aid).encode(),
        "requirements.txt": pinned_requirements().encode(),
        "course_config.py": layout.config.read_bytes(),
    }
    for path in sorted(layout.autograder_dir(aid).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        files[f"tooling/course/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    return files


def main(aid: str, *, root: Path, out: Path | None = None) -> Path:
    """Write the zip (to build/gradescope/<aid>.zip by default) and return its path."""
    target = out or Layout(root).build_dir / "gradescope" / f"{aid}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(zip_files(root, aid).items()):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            executable = name in ("setup.sh", "run_autograder")
            info.external_attr = (0o755 if executable else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    target.write_bytes(buffer.getvalue())
    return target
