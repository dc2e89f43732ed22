"""Benchmark: `course grade` against the anchors, on the same notebooks, in one run.

    .venv/bin/python benchmarks/grading.py [--aid week01_vectors] [--otter-sample 6] [--large 1000]

Grades the week's sample class (every kind except the endless loop, which `otter run` cannot
survive) with `course grade`, `nbgrader autograde` (one batch) and `otter run` (per notebook,
its only mode), prints seconds per submission and the ratios, then grades a large synthetic
class (copies of the sample class) with `course grade` alone. Numbers depend on the machine:
compare the ratios, which are measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from course import build, grade, nbgrader_export, sample  # noqa: E402
from course.paths import Layout  # noqa: E402

BIN = Path(sys.executable).parent
SKIP = {"infinite_loop"}  # otter run has no timeout: it would hang


def sample_class(aid: str, folder: Path) -> list[Path]:
    sample.generate(aid, folder, root=ROOT, select=lambda kind: kind not in SKIP)
    return sorted(folder.glob("*.ipynb"))


def time_course(aid: str, notebooks: list[Path], work: Path, workers: int) -> float:
    out = work / "course-out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    summary = grade.main(aid, notebooks, out=out, root=ROOT, workers=workers, quiet=True)
    elapsed = time.perf_counter() - start
    assert summary.graded == len(notebooks), summary.failed
    return elapsed


def time_nbgrader(aid: str, notebooks: list[Path], work: Path) -> float:
    course_dir = work / "nbgrader"
    nbgrader_export.main([aid], root=ROOT, out=course_dir)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    run = {"cwd": course_dir, "env": env, "capture_output": True, "check": True}
    subprocess.run([BIN / "nbgrader", "generate_assignment", aid], **run)  # type: ignore[call-overload]
    release = json.loads((course_dir / "release" / aid / f"{aid}.ipynb").read_text())
    for i, path in enumerate(notebooks):
        ours = json.loads(path.read_text())
        answers = {
            c["metadata"]["course"]["question"]: "".join(c["source"])
            for c in ours["cells"]
            if c["metadata"].get("course", {}).get("role") == "answer"
        }
        nb = json.loads(json.dumps(release))
        for cell in nb["cells"]:
            grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
            if grade_id.endswith("-answer") and grade_id[:-7] in answers:
                cell["source"] = answers[grade_id[:-7]]
        target = course_dir / "submitted" / f"s{i:04d}" / aid / f"{aid}.ipynb"
        target.parent.mkdir(parents=True)
        target.write_text(json.dumps(nb))
    start = time.perf_counter()
    subprocess.run([BIN / "nbgrader", "autograde", aid], **run)  # type: ignore[call-overload]
    return time.perf_counter() - start


def otter_zip(aid: str, work: Path) -> Path:
    """An otter autograder zip with the same exception-based test files."""
    path = work / "otter.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("otter_config.json", "{}")
        for test in sorted((Layout(ROOT).autograder_dir(aid) / "tests").glob("*.py")):
            z.write(test, f"tests/{test.name}")
    return path


def time_otter(aid: str, notebooks: list[Path], work: Path) -> float:
    archive = otter_zip(aid, work)
    start = time.perf_counter()
    for i, path in enumerate(notebooks):
        out = work / "otter-out" / str(i)
        out.mkdir(parents=True)
        subprocess.run(
            [BIN / "otter", "run", "-a", archive, "-o", out, path], capture_output=True, check=True
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aid", default="week01_vectors")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--otter-sample",
        type=int,
        default=6,
        help="notebooks given to otter run (it takes seconds each)",
    )
    parser.add_argument("--large", type=int, default=1000, help="size of the large class")
    args = parser.parse_args()
    build.main([args.aid], root=ROOT)
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        work = Path(tmp)
        notebooks = sample_class(args.aid, work / "class")
        n = len(notebooks)
        print(
            f"{args.aid}: {n} sample notebooks, {os.cpu_count()} cores, "
            f"course grade with {args.workers} workers"
        )
        course_1 = time_course(args.aid, notebooks, work, 1) / n
        course_n = time_course(args.aid, notebooks, work, args.workers) / n
        nbgrader = time_nbgrader(args.aid, notebooks, work) / n
        few = notebooks[: args.otter_sample]
        otter = time_otter(args.aid, few, work) / len(few)
        print(f"{'tool':<34}{'s / submission':>16}{'course grade is':>18}")
        rows = [
            ("course grade (1 worker)", course_1),
            (f"course grade ({args.workers} workers)", course_n),
            ("nbgrader autograde (batch)", nbgrader),
            (f"otter run ({len(few)} notebooks)", otter),
        ]
        for label, seconds in rows:
            print(f"{label:<34}{seconds:>16.3f}{seconds / course_n:>17.1f}x")
        large = work / "large"
        large.mkdir()
        for i in range(args.large):
            src = notebooks[i % n]
            os.link(src, large / f"student{i:05d}_{src.name}")
        start = time.perf_counter()
        time_course(args.aid, sorted(large.glob("*.ipynb")), work, args.workers)
        elapsed = time.perf_counter() - start
        print(
            f"large class: {args.large} submissions in {elapsed:.1f} s "
            f"({args.large / elapsed:.1f} per second, {args.workers} workers)"
        )


if __name__ == "__main__":
    main()
