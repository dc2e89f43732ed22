"""Run-time tripwires catch a forbidden routine however the student reached it, and only
when the student's own code calls it during the question that forbids it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

# Each case runs in a fresh interpreter: installing tripwires changes modules for good.
PRELUDE = """
import json, sys
import numpy as np
from course.engine.tripwires import Tripwires

wires = Tripwires()
wires.install(FORBID)
ns = {"np": np}

def cell(source):
    exec(compile(source, "<cell 1>", "exec"), ns)

def armed_call(names, *args):
    disarm = wires.arm(names)
    try:
        ns["f"](*args)
    finally:
        tripped = disarm()
    return tripped
"""


def run(forbid: list[str], body: str) -> object:
    script = f"FORBID = {forbid!r}\n{PRELUDE}\n{textwrap.dedent(body)}"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


CASES = {
    "a reference taken in a top-level cell": (
        ["np.dot"],
        """
        cell("d = getattr(np, 'd' + 'ot')\\ndef f(u):\\n    return d(u, u)")
        print(json.dumps(armed_call(["np.dot"], np.ones(3))))
        """,
        ["np.dot"],
    ),
    "an attribute of the routine (np.add.reduce)": (
        ["np.add"],
        """
        cell("def f(u):\\n    return np.add.reduce(u)")
        print(json.dumps(armed_call(["np.add"], np.ones(3))))
        """,
        ["np.add"],
    ),
    "a string executed inside the function": (
        ["np.linalg.det"],
        """
        cell("def f(a):\\n    return eval('np.linalg.det(a)')")
        print(json.dumps(armed_call(["np.linalg.det"], np.eye(2))))
        """,
        ["np.linalg.det"],
    ),
    "a forbidden module imported during the call": (
        ["colorsys"],
        """
        assert "colorsys" not in sys.modules
        cell("import importlib\\n"
             "def f():\\n    return importlib.import_module('color' + 'sys').rgb_to_hsv(1, 0, 0)")
        print(json.dumps(armed_call(["colorsys"])))
        """,
        ["colorsys"],
    ),
    "a function of a forbidden module captured after its import": (
        ["colorsys"],
        """
        cell("import colorsys\\nh = colorsys.rgb_to_hsv\\ndef f():\\n    return h(1, 0, 0)")
        print(json.dumps(armed_call(["colorsys"])))
        """,
        ["colorsys"],
    ),
    "numpy using the routine internally (not the student's call)": (
        ["np.dot", "np.linalg.det"],
        """
        cell("def f(a):\\n    return np.linalg.norm(a) + np.linalg.inv(a).sum()"
             " + np.linalg.matrix_power(a, 3).sum()")
        print(json.dumps(armed_call(["np.dot", "np.linalg.det"], np.eye(3))))
        """,
        [],
    ),
    "the routine used outside an armed call": (
        ["np.dot"],
        """
        cell("def f(u):\\n    return np.dot(u, u)")
        ns["f"](np.ones(3))
        print(json.dumps([armed_call(["np.linalg.det"], np.ones(3)), wires.tripped]))
        """,
        [[], []],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_tripwires(case: str) -> None:
    forbid, body, expected = CASES[case]
    assert run(forbid, body) == expected


def test_stand_ins_behave_like_the_routines() -> None:
    result = run(
        ["np.dot", "np.add"],
        """
        u = np.arange(3.0)
        print(json.dumps([float(np.dot(u, u)), np.add.reduce(u).item(), repr(np.dot),
                          np.dot.__name__, "Dot product" in np.dot.__doc__,
                          type(np.dot).__name__]))
        """,
    )
    assert result[:2] == [5.0, 3.0]  # same results, ufunc methods included
    assert result[2].startswith("<function dot at") and result[3] == "dot" and result[4]
    assert result[5] == "Stand"  # it is in place, looking like the routine
