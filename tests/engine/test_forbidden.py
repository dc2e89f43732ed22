"""Forbidden shortcuts are found in the function, its helpers, and through aliases."""

from __future__ import annotations

import ast

import pytest

from course.engine.forbidden import violations

FORBID = ("np.dot", "@", "np.linalg.det")


def check(*cells: str, function: str = "f") -> list[str]:
    return violations(function, FORBID, [ast.parse(c) for c in cells])


@pytest.mark.parametrize(
    ("cells", "found"),
    [
        (["import numpy as np\ndef f(u, v):\n    return np.dot(u, v)"], ["np.dot"]),
        (["import numpy\ndef f(u, v):\n    return numpy.dot(u, v)"], ["np.dot"]),
        (["def f(u, v):\n    return u @ v"], ["the @ operator"]),
        (["def f(u, v):\n    u @= v\n    return u"], ["the @ operator"]),
        (["def f(u, v):\n    return u.dot(v)"], [".dot() (the same as np.dot)"]),
        (["import numpy.linalg as la", "def f(a):\n    return la.det(a)"], ["np.linalg.det"]),
        (["from numpy import dot as d", "def f(u, v):\n    return d(u, v)"], ["np.dot"]),
        (
            [
                "import numpy as np\ndef helper(u, v):\n    return np.dot(u, v)",
                "def f(u, v):\n    return helper(u, v)",
            ],
            ["np.dot"],
        ),
    ],
)
def test_shortcuts_are_found(cells: list[str], found: list[str]) -> None:
    assert check(*cells) == found


def test_honest_code_and_other_functions_are_not_flagged() -> None:
    assert (
        check(
            "import numpy as np\ndef f(u, v):\n    return float(np.sum(np.multiply(u, v)))",
            "def g(u, v):\n    return u @ v",
        )
        == []
    )
    assert violations("f", (), [ast.parse("def f(u, v):\n    return u @ v")]) == []


def test_a_forbidden_method_is_found_on_any_object() -> None:
    cells = [
        "import numpy as np\ndef f(m, c):\n    rng = np.random.default_rng(0)\n"
        "    return rng.multivariate_normal(m, c)"
    ]
    trees = [ast.parse(c) for c in cells]
    assert violations("f", (".multivariate_normal",), trees) == [
        "the .multivariate_normal() method"
    ]
    assert violations("f", ("np.dot",), trees) == []


def test_the_notebook_check_reads_the_kernels_history_and_gives_the_graders_message() -> None:
    from course.engine.forbidden import check_kernel, message

    history = ["", "import numpy as np", "def dot(u, v):\n    return np.dot(u, v)", "dot(1, 2"]
    with pytest.raises(AssertionError) as caught:
        check_kernel({"In": history}, "dot", ("np.dot",))
    assert str(caught.value) == message("dot", ["np.dot"])
    fixed = [*history, "def dot(u, v):\n    return sum(a * b for a, b in zip(u, v))"]
    check_kernel({"In": fixed}, "dot", ("np.dot",))  # the later definition wins, as when run
