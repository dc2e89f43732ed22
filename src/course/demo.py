"""`course demo`: build, make the sample class of a week, grade it and show the gradebook."""

from __future__ import annotations

import time
from pathlib import Path

from course import build, grade, sample
from course.config import load_course
from course.grade import iter_rows
from course.paths import Layout
from course.sample import FULL, LESS, MAYBE, ZERO


def main(aid: str, *, root: Path, workers: int = 2) -> bool:
    """Run the whole instructor loop on the sample class; True if every score is as expected."""
    layout = Layout(root)
    started = time.monotonic()
    report = build.main([], root=root)
    print(
        f"1. build: {len(report.built)} week(s) built, {len(report.changed)} file(s) updated "
        f"({time.monotonic() - started:.1f}s)"
    )
    class_dir = layout.build_dir / "sample_class" / aid
    made = sample.generate(aid, class_dir, root=root)
    print(f"2. sample class: {len(made)} submissions in {class_dir.relative_to(root)}/")
    out = layout.build_dir / "demo" / aid
    t0 = time.monotonic()
    summary = grade.main(aid, [class_dir], out=out, root=root, workers=workers, force=True)
    seconds = time.monotonic() - t0
    print(
        f"3. grade: {summary.graded} graded in {seconds:.1f}s "
        f"({seconds / max(summary.graded, 1):.2f}s per submission, {workers} workers), "
        f"mean {summary.mean:.2f} / {summary.max_score:g}"
    )
    rows = list(iter_rows(out / "gradebook.csv"))
    expected = sample.load_expected(class_dir)
    ok = _print_table(rows, expected, load_course(layout.config).week(aid).points)
    print(f"\nResults:   {(out / 'gradebook.csv').relative_to(root)}")
    print(
        f"Feedback:  {out.relative_to(root)}/<submission>/feedback.md "
        "(results.json beside it, in Gradescope's format)"
    )
    print("Every score is as expected." if ok else "SOME SCORES ARE NOT AS EXPECTED (see above).")
    return ok


def _print_table(
    rows: list[list[str]], expected: dict[str, dict[str, object]], points: dict[str, float]
) -> bool:
    header, body = rows[0], rows[1:]
    questions = header[3:]
    width = max(len(r[0]) for r in body)
    print(
        f"\n{'submission':<{width}}  {'total':>5}  "
        + "  ".join(f"{q[:8]:>8}" for q in questions)
        + "  as expected?"
    )
    all_ok = True
    by_stem = {Path(k).stem: v for k, v in expected.items()}
    for row in body:
        want = by_stem.get(row[0], {}).get("expected", {})
        assert isinstance(want, dict)
        ok = all(
            matches(float(s), points[q], str(want.get(q, FULL)))
            for q, s in zip(questions, row[3:], strict=True)
        )
        all_ok &= ok
        cells = "  ".join(f"{s:>8}" for s in row[3:])
        print(f"{row[0]:<{width}}  {row[1]:>5}  {cells}  {'yes' if ok else 'NO'}")
    return all_ok


def matches(score: float, max_score: float, want: str) -> bool:
    """Whether a question's score is what the sample class expects of it."""
    if want == ZERO:
        return score == 0
    if want == LESS:
        return score < max_score
    if want == MAYBE:
        return 0 <= score <= max_score
    return abs(score - max_score) < 1e-9
