"""Mutant generation: each operator fires where it should, only inside the solution region, and
every mutant compiles, differs from the original and has a stable, unique id."""

from __future__ import annotations

import ast

from course.strength.mutate import generate, solution_lines

CELL = '''def f(x, lo=0):
    """Docstring 1 + 1 < 2 stays."""
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.size == 0 or lo < 0:
        raise ValueError(f"bad input {x.size + 1}")
    total = 0.0
    for i in range(len(x)):
        total += x[i] * 2
    top = np.max(x[lo:len(x)], axis=0)
    return -total / np.sqrt(x.size) + top.T
    # END SOLUTION
'''


def _changes(cell: str = CELL) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for m in generate("f", cell).mutants:
        found.setdefault(m.operator, []).append(
            (tuple(s.strip() for s in m.before), tuple(s.strip() for s in m.after))
        )
    return found


def test_each_operator_makes_the_classic_slip() -> None:
    c = _changes()
    assert (("if x.size == 0 or lo < 0:",), ("if x.size == 0 or lo <= 0:",)) in c["comparison"]
    assert (("if x.size == 0 or lo < 0:",), ("if x.size == 0 and lo < 0:",)) in c["and/or"]
    assert (("total += x[i] * 2",), ("total -= x[i] * 2",)) in c["arithmetic operator"]
    assert (("total += x[i] * 2",), ("total = x[i] * 2",)) in c["assignment instead of update"]
    assert (("total += x[i] * 2",), ("total += x[i]",)) in c["dropped term"]
    assert (("total = 0.0",), ("total = 1.0",)) in c["constant"]
    assert (("for i in range(len(x)):",), ("for i in range(len(x) - 1):",)) in c["range bound"]
    assert (('raise ValueError(f"bad input {x.size + 1}")',), ("pass",)) in c["dropped raise"]
    assert (
        ("top = np.max(x[lo:len(x)], axis=0)",),
        ("top = np.min(x[lo:len(x)], axis=0)",),
    ) in c["min/max/sum/mean"]
    assert (
        ("top = np.max(x[lo:len(x)], axis=0)",),
        ("top = np.max(x[lo:len(x) - 1], axis=0)",),
    ) in c["slice bound"]
    assert (
        ("top = np.max(x[lo:len(x)], axis=0)",),
        ("top = np.max(x[lo:len(x)])",),
    ) in c["dropped axis="]
    ret = "return -total / np.sqrt(x.size) + top.T"
    assert ((ret,), ("return total / np.sqrt(x.size) + top.T",)) in c["dropped unary minus"]
    assert ((ret,), ("return -total / x.size + top.T",)) in c["dropped sqrt()"]
    assert ((ret,), ("return -total / np.sqrt(x.size) + top",)) in c["dropped transpose"]
    assert (("x = np.asarray(x, dtype=float)",), ("pass",)) in c["dropped statement"]


def test_only_the_solution_region_changes_and_messages_are_left_alone() -> None:
    first, last = solution_lines(CELL)
    lines = CELL.splitlines()
    assert (
        lines[first - 1].strip().startswith("x = np.asarray")
        and lines[last - 1].strip()[:6] == "return"
    )
    for m in generate("f", CELL).mutants:
        assert first <= m.line <= last, m
        assert "bad input" not in "".join(m.after), m  # nothing inside the raise's message
        assert m.source.startswith('def f(x, lo=0):\n    """Docstring 1 + 1 < 2 stays."""')
        assert "BEGIN SOLUTION" not in m.source


def test_mutants_compile_differ_and_have_stable_unique_ids() -> None:
    first = generate("f", CELL)
    original = ast.dump(ast.parse(CELL))
    dumps = [ast.dump(ast.parse(m.source)) for m in first.mutants]
    assert original not in dumps and len(set(dumps)) == len(dumps)
    ids = [m.id for m in first.mutants]
    assert len(set(ids)) == len(ids) and all(i.startswith("f:") for i in ids)
    # An id depends on the changed line, not on where it is: a line added above keeps them.
    moved = CELL.replace("    total = 0.0\n", "    total = 0.0\n    unused = 1\n")
    moved_ids = {m.id for m in generate("f", moved).mutants}
    assert set(ids) <= moved_ids


def test_line_numbers_count_in_the_master() -> None:
    m = next(
        m for m in generate("f", CELL, line_offset=100).mutants if m.operator == "dropped raise"
    )
    assert m.line == 106
