#!/usr/bin/env python3
"""Set up the course environment in .venv/ and run the demo or the test suite (stdlib only).

python3 bootstrap.py          # set up, then build and grade the sample class (the demo)
python3 bootstrap.py test     # set up, then run the whole test suite (what CI runs), then the
                              # numeric tests again on two other OpenBLAS kernels
python3 bootstrap.py setup    # set up only
python3 bootstrap.py --relock # re-resolve requirements.txt from pyproject's direct deps
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".course-installed"
EXTRAS = ["scipy", "ruff", "mypy", "pytest-xdist", "playwright"]  # dev and test tools


def say(msg: str) -> None:
    print(f"[bootstrap] {msg}", flush=True)


def run(*cmd: str | Path) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"[bootstrap] failed ({result.returncode}): {' '.join(map(str, cmd))}")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml", "bootstrap.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_env() -> None:
    """Create .venv and install the pinned requirements, unless already done for these pins."""
    if sys.version_info < (3, 11):  # noqa: UP036 - bootstrap may run under an old python3
        sys.exit("[bootstrap] Python 3.11 or newer is needed; run it with python3.11 or newer")
    if not PY.exists():
        say(f"creating {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == fingerprint():
        return
    say("installing pinned requirements (about 3 minutes on a fresh machine)")
    pip = (PY, "-m", "pip", "--disable-pip-version-check", "-q")
    run(*pip, "install", "-r", ROOT / "requirements.txt")
    run(*pip, "install", "--no-deps", "-e", ROOT)
    STAMP.write_text(fingerprint())
    say("environment ready: .venv/bin/course")


def ensure_browser() -> None:
    """Debian's chromium for the real-browser test (no browser download); skipped tests say so
    where it cannot be installed."""
    if shutil.which("chromium") or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    say("installing Debian's chromium for the browser test (about 20 s)")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    ok = subprocess.run(["apt-get", "update", "-qq"], env=env, **quiet).returncode == 0
    ok = (
        ok
        and subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"], env=env, **quiet
        ).returncode
        == 0
    )
    if not ok:
        say("could not install chromium: the browser test will be skipped")


def other_blas_kernels() -> list[str]:
    """Two OpenBLAS core types this CPU can run other than the one the main test run used ("" for
    OpenBLAS's own choice, when the environment forces one): the course's numbers must hold on
    other CPUs. x86-64 only; elsewhere none."""
    try:
        flags = set(Path("/proc/cpuinfo").read_text().split())
    except OSError:
        return []
    if not flags & {"sse3", "pni"}:
        return []
    usable = ["Prescott", *["Haswell"] * ("avx2" in flags), *["SkylakeX"] * ("avx512f" in flags)]
    forced = os.environ.get("OPENBLAS_CORETYPE", "")
    if forced:
        return ["", *[k for k in usable if k.lower() != forced.lower()]][:2]
    env = {**os.environ, "OPENBLAS_VERBOSE": "2"}
    env.pop("OPENBLAS_L2_SIZE", None)
    probe = subprocess.run([PY, "-c", "import numpy"], env=env, capture_output=True, text=True)
    auto = (probe.stdout + probe.stderr).replace("Core:", "").strip().lower()
    return [k for k in usable if k.lower() != auto][-2:]


def relock() -> None:
    """Resolve the direct dependencies afresh in a scratch venv and write requirements.txt."""
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    with tempfile.TemporaryDirectory() as tmp:
        venv.EnvBuilder(with_pip=True).create(tmp)
        py = Path(tmp) / "bin" / "python"
        run(py, "-m", "pip", "install", "-q", *deps, *EXTRAS)
        frozen = subprocess.run(
            [py, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True
        ).stdout
    header = (
        "# Every package the course environment needs, pinned (pip freeze of a clean install).\n"
        "# Regenerate: python3 bootstrap.py --relock   (then review the diff)\n"
    )
    (ROOT / "requirements.txt").write_text(header + frozen)
    say("requirements.txt rewritten; review and commit it")


def main(argv: list[str]) -> None:
    # The instructor's repository (with source/) runs the demo; a student repository sets up.
    what = argv[0] if argv else ("demo" if (ROOT / "source").is_dir() else "setup")
    if what == "--relock":
        relock()
        return
    if what not in ("demo", "test", "setup"):
        sys.exit(f"[bootstrap] unknown command {what!r}; use one of: demo, test, setup, --relock")
    ensure_env()
    if what == "setup" and not (ROOT / "source").is_dir():
        say("next: .venv/bin/course lab <week>   (see README.md)")
    if what == "demo":
        os.execv(VENV / "bin" / "course", ["course", "demo", *argv[1:]])
    if what == "test":
        ensure_browser()
        # One test process per core (pytest-xdist); `-n 0` among the arguments runs serially.
        pytest = [str(PY), "-m", "pytest", "-n", "auto", *argv[1:]]
        if argv[1:]:  # a chosen subset: run just that
            os.execv(PY, pytest)
        code = subprocess.run(pytest, cwd=ROOT).returncode
        for kernel in other_blas_kernels():
            say(f"numeric tests again, OpenBLAS kernel {kernel or 'auto'}: the CPU must not matter")
            env = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}
            env.update({"OPENBLAS_CORETYPE": kernel} if kernel else {})
            numeric = [*pytest, "-p", "no:cacheprovider", "tests/weeks", "tests/contract"]
            code = subprocess.run(numeric, cwd=ROOT, env=env).returncode or code
        sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
