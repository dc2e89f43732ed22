"""The similarity report finds a planted copy (renamed variables, reordered helpers) among
independent solutions, ignores code the release gave everyone and too-short answers, and
never touches a score."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from course.paths import Layout
from course.sample import _with_answer
from course.term import similarity

# Independent solutions of `add`, each written its own way (with the release's def line and
# docstring, which every student keeps).
HEAD = (
    'def add(u, v):\n    """Return u + v as a float array; ValueError if the lengths differ."""\n'
)
INDEPENDENT = {
    "ann": HEAD
    + (
        "    a = np.asarray(u, dtype=float)\n    b = np.asarray(v, dtype=float)\n"
        "    if a.shape != b.shape:\n        raise ValueError('shapes differ')\n"
        "    return a + b\n"
    ),
    "bob": HEAD
    + (
        "    if len(u) != len(v):\n        raise ValueError('no')\n    out = []\n"
        "    for i in range(len(u)):\n        out.append(float(u[i]) + float(v[i]))\n"
        "    return np.array(out)\n"
    ),
    "cat": HEAD
    + (
        "    pairs = list(zip(u, v, strict=True)) if len(u) == len(v) else None\n"
        "    if pairs is None:\n        raise ValueError(f'{len(u)} != {len(v)}')\n"
        "    return np.array([x + y for x, y in pairs], dtype=float)\n"
    ),
}
ORIGINAL = (
    "def check(x, y):\n    if len(x) != len(y):\n        raise ValueError('lengths differ')\n\n\n"
    "def to_float(seq):\n    result = np.zeros(len(seq))\n    for k, item in enumerate(seq):\n"
    "        result[k] = float(item)\n    return result\n\n\n"
    + HEAD
    + "    check(u, v)\n    return to_float(u) + to_float(v)\n"
)
# The copy: every name changed, helpers in the other order, comments and spacing added.
COPY = (
    "def as_floats(values):\n    # convert\n    arr = np.zeros(len(values))\n"
    "    for idx, val in enumerate(values):\n        arr[idx] = float(val)\n    return arr\n\n"
    "def same_length(first, second):\n    if len(first) != len(second):\n"
    "        raise ValueError('lengths differ')\n\n"
    + HEAD
    + "    same_length(u, v)\n\n    return as_floats(u) + as_floats(v)  # done\n"
)


@pytest.fixture()
def class_notebooks(tiny_course: Path) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    release = json.loads(Layout(tiny_course).release_notebook("week01_tiny").read_text())
    answers = {**INDEPENDENT, "dan": ORIGINAL, "eve": COPY}
    return release, {name: _with_answer(release, "add", code) for name, code in answers.items()}


def test_the_planted_copy_is_the_most_similar_pair(
    class_notebooks: tuple[dict[str, object], dict[str, dict[str, object]]], tmp_path: Path
) -> None:
    release, notebooks = class_notebooks
    pairs, skipped = similarity.compare(release, notebooks, ["add", "scale"], quiet=True)
    assert skipped == ["scale"]  # everyone left `scale` as released: nothing to compare
    top = pairs[0]
    assert (top.question, top.a, top.b, top.similarity) == ("add", "dan", "eve", 1.0)
    others = [p.similarity for p in pairs if {p.a, p.b} != {"dan", "eve"}]
    assert len(others) == 9 and max(others) < 0.5
    path = similarity.write_report(tmp_path / "r.html", "week 1", pairs, skipped, top=3)
    text = path.read_text()
    assert "dan and eve — 100% alike" in text and "same_length(u, v)" in text
    assert "Not compared (answers too short): scale" in text


def test_release_code_and_docstrings_are_not_evidence(
    class_notebooks: tuple[dict[str, object], dict[str, dict[str, object]]],
) -> None:
    release, _ = class_notebooks
    given_code = similarity.answer_code(release, "add")
    assert "NotImplementedError" in given_code and '"""Return u + v' in given_code
    tree = ast.parse(given_code)
    similarity._strip_docstrings(tree)
    given = similarity._statements(tree)
    assert similarity.normalise(given_code, given) == ""  # the release as released: nothing
    filled = given_code.replace("raise NotImplementedError", "return np.add(u, v)\n    raise X")
    kept = similarity.normalise(filled, given)
    assert "np.add(v0, v1)" in kept and "Return u + v" not in kept and "NotImplemented" not in kept


def test_names_and_formatting_do_not_matter_but_logic_does() -> None:
    a = similarity.normalise("def f(x):\n    total = x * 2\n    return total + 1\n", set())
    b = similarity.normalise("def g(y):\n\n    t=y*2  # double\n    return t+1\n", set())
    c = similarity.normalise("def f(x):\n    total = x * 3\n    return total - 1\n", set())
    assert a == b and a != c
