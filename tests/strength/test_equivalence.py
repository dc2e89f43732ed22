"""The equivalence check: same behaviour is set aside, any difference (a result, an exception,
a changed input, an endless loop) is not, and the author's list is read or refused clearly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from course.errors import CourseError
from course.strength.equivalence import read_listed, reference, run_checks, same
from course.strength.inputs import Call, random_calls
from course.strength.mutate import Mutant

SOLUTION = """
def f(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return float(np.sum(x * x))
"""
MUTANTS = {
    "same": "def f(x):\n    x = np.asarray(x, dtype=float)\n"
    "    if x.size < 1:\n        raise ValueError('e')\n    return float((x ** 2).sum())\n",
    "result": "def f(x):\n    return float(np.sum(np.asarray(x, dtype=float)))\n",
    "no_raise": "def f(x):\n    return float(np.sum(np.asarray(x, dtype=float) ** 2))\n",
    "mutates": "def f(x):\n    x[0] = x[0] + 0.0 if isinstance(x, list) else x[0]\n"
    "    x.append(0.0) if isinstance(x, list) else None\n"
    "    return float(np.sum(np.asarray(x[:-1], dtype=float) ** 2))\n",
    "loops": "def f(x):\n    while True:\n        pass\n",
}


def _verdicts(calls: list[Call]) -> dict[str, tuple[str, str]]:
    namespace: dict[str, Any] = {"np": np}
    exec(SOLUTION, namespace)
    ref = {"f": reference(namespace["f"], calls)}
    mutants = [Mutant(f"f:{k}", "f", "x", v, 1, (), ()) for k, v in MUTANTS.items()]
    return {mid.split(":")[1]: why for mid, why in run_checks(namespace, ref, mutants, 2)}


def test_same_behaviour_is_set_aside_and_every_difference_is_not() -> None:
    calls = [Call(([1.0, 2.0, 3.0],), {}, "test_small"), Call(([],), {}, "test_empty")]
    verdicts = _verdicts(calls)
    assert verdicts["same"] == ("", "")
    assert verdicts["result"] == ("test_small", "returned another result")
    assert verdicts["no_raise"] == ("test_empty", "returned another result")
    assert verdicts["mutates"][0] == "test_small"  # same result, but it changed its input
    assert verdicts["loops"] == ("test_small", "ran too long")


def test_random_neighbours_keep_shapes_types_and_integers() -> None:
    rng = np.random.default_rng(0)
    call = Call((np.ones((2, 3)), [1.0, 2.0], 3, "mean", len), {"k": 2, "w": 0.5}, "t")
    near, far = random_calls([call], rng)
    for new in (near, far):
        assert new.origin == "random"
        assert new.args[0].shape == (2, 3) and not np.allclose(new.args[0], 1.0)
        assert isinstance(new.args[1], list) and len(new.args[1]) == 2
        assert new.args[2:] == (3, "mean", len) and new.kwargs["k"] == 2
    assert np.allclose(near.args[0], 1.0, rtol=0.3)  # near: the same structure, nudged


def test_same_compares_answers_not_container_types() -> None:
    assert same([1.0, 2.0], np.array([1, 2]))
    assert same((np.eye(2), 3.0), [np.eye(2), 3])
    assert not same(np.zeros(2), np.zeros(3))
    assert not same(1.0, 1.0 + 1e-6)
    assert same({"a": [1.0]}, {"a": np.array([1.0])}) and not same({"a": 1}, {"b": 1})
    assert same(float("nan"), np.nan)


def test_the_authors_list_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mutants.py"
    path.write_text(
        '# %% mutant="m" question="f"\ndef f(x):\n    return x\n\n# %%\n'
        'EQUIVALENT = [\n    ("f:abc123", "both branches give 0 at p == 1"),\n]\n'
    )
    assert read_listed(path) == {"f:abc123": "both branches give 0 at p == 1"}
    assert read_listed(tmp_path / "absent.py") == {}


@pytest.mark.parametrize("value", ['["f:abc123"]', '[("f:abc123", "")]', "make_list()"])
def test_a_malformed_list_is_refused_with_an_example(tmp_path: Path, value: str) -> None:
    path = tmp_path / "mutants.py"
    path.write_text(f"EQUIVALENT = {value}\n")
    with pytest.raises(CourseError, match=r"mutants.py, line 1: EQUIVALENT must be a list of"):
        read_listed(path)


def test_any_value_error_is_the_contracts_error() -> None:
    from course.strength.equivalence import outcome

    def linalg(x: object) -> None:
        raise np.linalg.LinAlgError("singular")

    def value(x: object) -> None:
        raise ValueError("bad")

    def index(x: object) -> None:
        raise IndexError("bad")

    call = Call((1,), {}, "t")
    assert outcome(linalg, call, 1.0) == outcome(value, call, 1.0) != outcome(index, call, 1.0)
