"""Rehearsal at MOOC scale: a large synthetic class graded here and on a local Dask cluster.

    .venv/bin/python benchmarks/scale.py [--sizes 1000 3000 10000] [--workers 2]
                                         [--weeks week01_vectors ...] [--no-cluster]

Synthesizes classes of each size across every built week (copies of each week's sample class,
minus the endless loops, which only add fixed timeouts), grades each with `course grade` on
this machine and through a Dask LocalCluster of worker processes, and prints throughput, peak
memory and how time grows with class size. Long: run it by hand, not in CI.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from course import grade, sample  # noqa: E402
from course.config import load_course  # noqa: E402
from course.paths import Layout  # noqa: E402


def synthesize(aids: list[str], size: int, work: Path) -> dict[str, list[Path]]:
    """`size` submissions spread evenly over `aids`, as hard links to the sample classes."""
    per_week: dict[str, list[Path]] = {}
    for k, aid in enumerate(aids):
        base = work / "samples" / aid
        if not base.exists():
            sample.generate(aid, base, root=ROOT, select=lambda kind: kind != "infinite_loop")
        originals = sorted(base.glob("*.ipynb"))
        folder = work / f"class{size}" / aid
        folder.mkdir(parents=True)
        count = size // len(aids) + (1 if k < size % len(aids) else 0)
        for i in range(count):
            os.link(originals[i % len(originals)], folder / f"s{i:05d}.ipynb")
        per_week[aid] = sorted(folder.glob("*.ipynb"))
    return per_week


def run(
    per_week: dict[str, list[Path]], work: Path, workers: int, scheduler: str | None
) -> dict[str, float]:
    """Grade every week's class; seconds per week."""
    seconds = {}
    for aid, notebooks in per_week.items():
        out = work / "out" / aid
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        summary = grade.main(
            aid, notebooks, out=out, root=ROOT, workers=workers, quiet=True, scheduler=scheduler
        )
        seconds[aid] = time.perf_counter() - start
        assert summary.graded == len(notebooks), summary.failed
    return seconds


def _print_week_costs(costs: list[tuple[int, dict[str, float], dict[str, int]]]) -> None:
    """Seconds per submission of each week, locally, at each size: where the time goes."""
    if not costs:
        return
    sizes = "".join(f"{size:>10}" for size, _, _ in costs)
    print(f"\nlocal seconds per submission, by week\n{'week':<26}{sizes}")
    for aid in costs[0][1]:
        row = "".join(f"{by_week[aid] / max(count[aid], 1):>10.3f}" for _, by_week, count in costs)
        print(f"{aid:<26}{row}")


def peak_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kb, children_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--no-cluster", action="store_true")
    parser.add_argument("--weeks", nargs="+", help="weeks to spread the class over (default: all)")
    args = parser.parse_args()
    layout = Layout(ROOT)
    aids = args.weeks or [
        w.id for w in load_course(layout.config).weeks if layout.autograder_config(w.id).is_file()
    ]
    print(f"weeks: {', '.join(aids)}; {os.cpu_count()} cores; {args.workers} workers")
    cluster = None
    if not args.no_cluster:
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=50,
        )
    costs: list[tuple[int, dict[str, float], dict[str, int]]] = []
    print(f"{'size':>7}{'local s':>10}{'per s':>9}{'cluster s':>11}{'per s':>9}{'peak MB':>9}")
    try:
        for size in args.sizes:
            with tempfile.TemporaryDirectory(prefix="course-scale-") as tmp:
                work = Path(tmp)
                per_week = synthesize(aids, size, work)
                by_week = run(per_week, work, args.workers, None)
                local = sum(by_week.values())
                remote = (
                    sum(run(per_week, work, args.workers, cluster.scheduler_address).values())
                    if cluster
                    else float("nan")
                )
                print(
                    f"{size:>7}{local:>10.1f}{size / local:>9.1f}{remote:>11.1f}"
                    f"{size / remote:>9.1f}{peak_mb():>9.0f}",
                    flush=True,
                )
                costs.append((size, by_week, {a: len(n) for a, n in per_week.items()}))
        _print_week_costs(costs)
    finally:
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
