"""Benchmark: fuzz the grader's input with many more generated notebooks than CI runs.

    .venv/bin/python benchmarks/fuzz.py [--examples 5000] [--odd 1000] [--batch 60] [--figure P]

Draws corruptions of the real week-1 notebooks (the strategies of tests/test_submission.py:
truncation, wrong types at every level, huge and deep values, non-UTF-8 bytes, duplicate and
empty cells, other format versions) and odd-but-valid variants, and checks every one: the
reader reads it or refuses it in one sentence, the Dask path reads the same as local grading,
an odd-but-valid notebook reads exactly like the original. Then `course grade` grades a sample
of them in one batch (exit 0, every file scored with a reason). Prints what it found: counts
of each refusal (and a bar chart of them, build/benchmarks/fuzz.png), every failed check with
the damage that caused it, seconds per notebook.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import test_submission as fuzzing  # noqa: E402  (the strategies live with the tests)
from hypothesis import HealthCheck, given, settings  # noqa: E402

from course.grade.progress import Progress  # noqa: E402
from course.submission import SubmissionError, parse  # noqa: E402


def reason(message: str) -> str:
    """A refusal's sentence with its numbers elided, so equal reasons count together."""
    return re.sub(r"\d[\d,.]*", "#", message.split(";")[0])


class Findings:
    def __init__(self) -> None:
        self.read = 0
        self.ignored = 0
        self.refused: Counter[str] = Counter()
        self.problems: Counter[str] = Counter()
        self.sample: list[tuple[str, bytes]] = []
        self.seconds = 0.0

    def problem(self, check: str, label: str, exc: BaseException) -> None:
        """Count a failed check once per kind of failure (numbers elided), with an example."""
        text = f"{type(exc).__name__}: {exc}"[:300].replace("\n", " ")
        self.problems[f"{check}: {reason(text)} (e.g. after {label})"] += 1


def fuzz_reader(examples: int, keep: int, found: Findings) -> None:
    """Every corrupted notebook: read or refused in one sentence, the same on the Dask path."""
    progress = Progress(examples, "fuzzing the reader")
    every = max(1, examples // max(keep, 1))

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzing.corrupted())
    def check(case: tuple[str, bytes]) -> None:
        label, data = case
        started = time.perf_counter()
        try:
            notebook = parse(data)
        except SubmissionError as exc:
            found.refused[reason(str(exc))] += 1
        except Exception as exc:  # a crash, not a refusal: what this benchmark is looking for
            found.problem("parse", label, exc)
        else:
            found.read += 1
            found.ignored += bool(notebook.ignored)
        found.seconds += time.perf_counter() - started
        for check_one in (fuzzing.check_read_or_refused, fuzzing.check_dask_agrees):
            try:
                check_one(data)
            except Exception as exc:  # noted with the damage that caused it; fuzzing goes on
                found.problem(check_one.__name__, label, exc)
        if progress.done % every == 0 and len(found.sample) < keep:
            found.sample.append((label, data))
        progress.advance()

    check()
    progress.close()


def fuzz_odd(examples: int, found: Findings) -> None:
    progress = Progress(examples, "odd but valid notebooks")

    @settings(max_examples=examples, deadline=None, database=None)
    @given(fuzzing.odd_but_valid())
    def check(case: tuple[str, bytes]) -> None:
        try:
            fuzzing.check_odd_reads_like_original(*case)
        except Exception as exc:
            found.problem("check_odd_reads_like_original", case[0], exc)
        progress.advance()

    check()
    progress.close()


def figure(found: Findings, path: Path) -> Path:
    """What became of the corrupted notebooks, one bar per outcome: read, or each refusal."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [("read (then graded)", found.read), *found.refused.most_common()][::-1]
    fig, ax = plt.subplots(figsize=(10, 0.35 * len(rows) + 1.2))
    labels = [label if len(label) <= 80 else label[:79] + "…" for label, _ in rows]
    ax.barh(labels, [count for _, count in rows], color="#4c72b0")
    ax.set_xlabel("corrupted notebooks")
    tried = found.read + sum(found.refused.values())
    fig.suptitle(f"What the reader did with {tried:,} corrupted week-1 notebooks")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="corrupted notebooks (5000)")
    parser.add_argument("--odd", type=int, default=1000, help="odd but valid ones (1000)")
    parser.add_argument("--batch", type=int, default=60, help="graded by `course grade` (60)")
    parser.add_argument(
        "--figure", type=Path, default=ROOT / "build" / "benchmarks" / "fuzz.png", help="bar chart"
    )
    args = parser.parse_args()

    found = Findings()
    started = time.perf_counter()
    fuzz_reader(args.examples, args.batch, found)
    tried = found.read + sum(found.refused.values())
    print(
        f"reader: {tried} corrupted notebooks in {time.perf_counter() - started:.1f}s "
        f"({1000 * found.seconds / max(tried, 1):.1f} ms to read each): {found.read} read "
        f"({found.ignored} of them with damaged outputs or metadata ignored), "
        f"{tried - found.read} refused"
    )
    for text, count in found.refused.most_common():
        print(f"  {count:6}  {text}")
    print(f"figure: {figure(found, args.figure)}")

    started = time.perf_counter()
    fuzz_odd(args.odd, found)
    print(f"odd but valid: {args.odd} notebooks checked in {time.perf_counter() - started:.1f}s")

    if found.sample:
        random.Random(0).shuffle(found.sample)
        files = {f"fuzzed_{i:03}": data for i, (_, data) in enumerate(found.sample)}
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                results = fuzzing.grade_batch(files)
        except AssertionError as exc:
            found.problem("course grade", "a batch of them", exc)
        else:
            scores = Counter(round(r["score"], 2) for r in results)
            print(
                f"course grade: {len(files)} of them in one batch in "
                f"{time.perf_counter() - started:.1f}s: exit 0, every one scored with a reason, "
                f"none 'could not grade', checkout untouched; scores {dict(sorted(scores.items()))}"
            )
    if found.problems:
        print(f"FOUND {sum(found.problems.values())} problem(s), {len(found.problems)} kind(s):")
        for problem, count in found.problems.most_common():
            print(f"  {count:6}  {problem}")
        return 1
    print("found no problem")
    return 0


if __name__ == "__main__":
    sys.exit(main())
