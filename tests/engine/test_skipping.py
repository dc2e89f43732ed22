"""Demonstration cells are left out of grading only when nothing that runs needs them."""

from __future__ import annotations

import ast

import pytest

from course.engine.skipping import (
    bound_names,
    cells_to_skip,
    fingerprint,
    free_names,
    shared_state_changes,
)

DEMO = "fig, ax = plt.subplots()\nax.plot(xs, [f(x) for x in xs])\nplt.show()"


def parse(source: str) -> ast.Module:
    return ast.parse(source)


@pytest.mark.parametrize(
    ("source", "free"),
    [
        (DEMO, {"plt", "xs", "f"}),  # ax and the comprehension's x are its own
        ("x = x + 1", {"x"}),  # read before the cell binds it
        ("y = 2\nz = y * w", {"w"}),
        ("def g(a):\n    return a + h", {"h"}),
        ("for k in range(3):\n    total = k", {"range"}),
        ("data = sys.modules['__main__']", {"sys", "__main__"}),
    ],
)
def test_free_names_are_what_a_cell_takes_from_elsewhere(source: str, free: set[str]) -> None:
    assert free_names(parse(source)) == free


def test_bound_names_are_module_level_only() -> None:
    source = "import numpy as np\nfrom math import pi\ndef g(a):\n    b = a\n    return b\nc = 1"
    assert bound_names(parse(source)) == {"np", "pi", "g", "c"}
    assert bound_names(parse("def g():\n    global q\n    q = 1")) == {"g", "q"}


def _skip(cells: list[str], demos: list[str], needed: tuple[str, ...] = ("f",)) -> set[int]:
    trees = [parse(c) for c in cells]
    return cells_to_skip(trees, cells, {fingerprint(d) for d in demos}, needed)


SETUP = "import matplotlib.pyplot as plt\nxs = [1, 2]"
ANSWER = "def f(x):\n    return 2 * x"


def test_an_untouched_demonstration_is_left_out() -> None:
    assert _skip([SETUP, ANSWER, DEMO], [DEMO]) == {2}


def test_an_edited_demonstration_runs() -> None:
    assert _skip([SETUP, ANSWER, DEMO + "\nprint(1)"], [DEMO]) == set()


def test_a_demonstration_runs_when_the_students_code_uses_what_it_defines() -> None:
    uses_ax = "def f(x):\n    return x if ax else 0"
    assert _skip([SETUP, uses_ax, DEMO], [DEMO]) == set()
    # and what that demonstration itself needs from another demonstration runs too
    demo2 = "zs = [3, 4]"
    demo3 = "fig, ax = plt.subplots()\nax.plot(zs)"
    assert _skip([SETUP, demo2, demo3, uses_ax], [demo2, demo3]) == set()
    assert _skip([SETUP, demo2, demo3, ANSWER], [demo2, demo3]) == {1, 2}


def test_dynamic_access_anywhere_runs_everything() -> None:
    sneaky = "def f(x):\n    return globals()['ax']"
    assert _skip([SETUP, sneaky, DEMO], [DEMO]) == set()


def test_a_demonstration_that_defines_a_graded_function_runs() -> None:
    assert _skip([SETUP, DEMO, ANSWER], [ANSWER]) == set()


@pytest.mark.parametrize(
    ("source", "change"),
    [
        ("rng.normal(size=3)", "calls a method of `rng`"),
        ("np.random.shuffle(xs)", "global random state"),
        ("xs[0] = 5", "changes `xs`"),
        ("xs += [1]", "changes `xs`"),
        ("model.weights = None", "changes `model`"),
        ("def g():\n    global xs\n    xs = 1", "global"),
    ],
)
def test_changes_to_what_other_cells_see_are_found(source: str, change: str) -> None:
    assert any(change in c for c in shared_state_changes(parse(source), {"np", "plt"}))


def test_reading_and_drawing_change_nothing_shared() -> None:
    reads = (
        "rng = np.random.default_rng(0)\npts = rng.normal(size=3)\n"
        "fig, ax = plt.subplots()\nax.plot(xs)\nprint(results.items(), X.mean())\nxs2 = xs"
    )
    assert shared_state_changes(parse(reads), {"np", "plt"}) == []
