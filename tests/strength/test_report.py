"""The report page and the terminal summary, from a made-up result (no grading needed)."""

from __future__ import annotations

from pathlib import Path

from course.strength import (
    EQUIVALENT,
    KILLED,
    LISTED,
    SURVIVED,
    FunctionReport,
    Outcome,
    StrengthReport,
)
from course.strength.mutate import Mutant
from course.strength.report import markdown, summary_lines, write_report


def _mutant(n: int, question: str = "f") -> Mutant:
    return Mutant(
        f"{question}:{n:06d}", question, "constant", "", 10 + n, ("    a = 0",), (f"    a = {n}",)
    )


def _result() -> StrengthReport:
    f = FunctionReport("f", sampled_out=2, not_compiling=1, duplicates=3)
    f.outcomes = [Outcome(_mutant(i), KILLED, "test_hidden") for i in range(1, 248)]
    f.outcomes += [
        Outcome(_mutant(300), SURVIVED, "returned another result on a random input", True),
        Outcome(_mutant(301), EQUIVALENT),
        Outcome(_mutant(302), LISTED, "the same at p == 1"),
    ]
    g = FunctionReport("g")
    g.outcomes = [Outcome(_mutant(1, "g"), EQUIVALENT)]
    return StrengthReport("week00_x", 7, [f, g], stale=["f:gone00"], master="source/x.py")


def test_the_page_gives_rates_survivors_set_aside_and_stale_entries() -> None:
    text = markdown(_result())
    assert "(seed 7): 253 mutants, 2 left out by --max, 1 that did not compile and 3 dup" in text
    # 247 of 248 graded: 99.5%, never rounded up to a misleading 100%.
    assert "| `f` | 250 | 1 | 1 | 248 | 247 | 1 | 99.5% |" in text
    assert "| `g` | 1 | 1 | 0 | 0 | 0 | 0 | – |" in text
    assert "**kill rate 99.5%**" in text
    survivors = text.split("## Survivors")[1].split("## Set aside")[0]
    assert "`f:000300` (constant), line 310 of `source/x.py`: returned another result" in survivors
    assert "The public tests catch it" in survivors
    assert "  -     a = 0\n  +     a = 300" in survivors
    aside = text.split("## Set aside as likely equivalent")[1]
    assert "`f:000301` line 311 (same behaviour): `a = 301`" in aside
    assert "`f:000302` line 312 (listed: the same at p == 1)" in aside
    assert "`g:000001`" in aside and "remove them: `f:gone00`" in aside


def test_the_summary_has_a_row_per_function_and_the_week(tmp_path: Path) -> None:
    result = _result()
    lines = summary_lines(result)
    assert lines[1].split() == ["f", "250", "2", "248", "247", "1", "99.5%"]
    assert lines[2].split() == ["g", "1", "1", "0", "0", "0", "–"]
    assert lines[-1].startswith("week00_x: kill rate 99.5%, 1 survivor(s), 2 set aside")
    report, figure = write_report(result, tmp_path)
    assert report.read_text() == markdown(result)
    assert figure.read_bytes()[:4] == b"\x89PNG"
