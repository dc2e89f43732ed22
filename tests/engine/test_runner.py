"""The engine grades honest, broken and hostile notebooks: a score with a reason, every time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.engine import Options, grade_notebook, load_suite
from course.engine.runner import SubmissionResult
from course.paths import Layout
from course.sample import correct_notebook

pytestmark = pytest.mark.slow

ADD_OK = (
    "def add(u, v):\n    u = np.asarray(u, dtype=float)\n    v = np.asarray(v, dtype=float)\n"
    "    if u.shape != v.shape:\n        raise ValueError('lengths differ')\n"
    "    return u + v\n"
)


def notebook(
    root: Path, answers: dict[str, str] | None = None, before: list[str] = (), after: list[str] = ()
) -> dict:  # type: ignore[assignment]
    layout = Layout(root)
    release = json.loads(layout.release_notebook("week01_tiny").read_text())
    solution = json.loads(layout.solution_notebook("week01_tiny").read_text())
    nb = correct_notebook(release, solution, ["add", "scale"])
    for cell in nb["cells"]:
        q = cell["metadata"].get("course", {}).get("question")
        if cell["metadata"].get("course", {}).get("role") == "answer" and q in (answers or {}):
            cell["source"] = answers[q]  # type: ignore[index]

    def code(s):
        return {
            "cell_type": "code",
            "source": s,
            "metadata": {},
            "outputs": [],
            "execution_count": None,
        }

    nb["cells"] = [*map(code, before), *nb["cells"], *map(code, after)]
    return nb


def grade(
    root: Path,
    tmp_path: Path,
    nb: dict | str,
    name: str = "sub.ipynb",  # type: ignore[type-arg]
    notebook_timeout: float = 20,
) -> SubmissionResult:
    path = tmp_path / name
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb))
    suite = load_suite(Layout(root), "week01_tiny")
    options = Options.for_suite(suite, also_hide=(tmp_path,))
    options.notebook_timeout = notebook_timeout
    return grade_notebook(path, suite, options)


def scores(result: SubmissionResult) -> dict[str, float]:
    return {q.name: q.score for q in result.questions}


def text(result: SubmissionResult) -> str:
    return json.dumps(
        [[q.note, [o.message for o in q.outcomes]] for q in result.questions] + result.notes
    )


def test_the_solution_scores_full_marks_and_the_release_zero(
    tiny_course: Path, tmp_path: Path
) -> None:
    assert scores(grade(tiny_course, tmp_path, notebook(tiny_course))) == {"add": 2, "scale": 1}
    release = Layout(tiny_course).release_notebook("week01_tiny").read_text()
    blank = grade(tiny_course, tmp_path, release)
    assert scores(blank) == {"add": 0, "scale": 0}
    assert "NotImplementedError" in text(blank)


HOSTILE = {
    "patches numpy's comparisons": (
        {"add": "def add(u, v):\n    return np.zeros(len(u))"},
        ["np.allclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True"],
        [],
        {"add": 0, "scale": 1},
        "should be [4, 6]",
    ),
    "exits the process inside a function": (
        {"add": "import os\ndef add(u, v):\n    os._exit(3)"},
        [],
        [],
        {"add": 0, "scale": 1},
        "exited with code 3",
    ),
    "exits in a top-level cell": (
        {},
        ["import os\nos._exit(0)"],
        [],
        {"add": 2, "scale": 1},
        "Cell 1 was skipped",
    ),
    "loops forever in a top-level cell": (
        {},
        [],
        ["while True:\n    pass"],
        {"add": 2, "scale": 1},
        "timed out after 5 s",
    ),
    "allocates far too much memory": (
        {"add": "def add(u, v):\n    return np.ones(10**12)"},
        [],
        [],
        {"add": 0, "scale": 1},
        "MemoryError",
    ),
    "returns something that is not data": (
        {"add": "def add(u, v):\n    return lambda: 0"},
        [],
        [],
        {"add": 0, "scale": 1},
        "not plain data",
    ),
    "uses a forbidden call": (
        {"add": "def add(u, v):\n    return np.add(u, v)"},
        [],
        [],
        {"add": 0, "scale": 1},
        "np.add, which this exercise forbids",
    ),
    "hides a forbidden call behind getattr": (
        {"add": ADD_OK.replace("u + v", "getattr(np, 'ad' + 'd')(u, v)")},
        [],
        [],
        {"add": 0, "scale": 1},
        "forbids",
    ),
    "takes the forbidden call in a top-level cell": (
        {"add": "def add(u, v):\n    return _plus(u, v)"},
        ["import numpy as np\n_plus = getattr(np, 'ad' + 'd')"],
        [],
        {"add": 0, "scale": 1},
        "np.add, which this exercise forbids",
    ),
    "runs a large matrix product (BLAS threads in a sandbox that may not start one)": (
        {
            "add": ADD_OK.replace(
                "    return", "    _ = np.ones((300, 300)) @ np.ones((300, 300))\n    return"
            )
        },
        ["import numpy as np\nbig = np.ones((2000, 2000)) @ np.ones(2000)"],
        [],
        {"add": 2, "scale": 1},
        "",
    ),
    "prints a flood and fake results": (
        {"add": ADD_OK.replace("    return", "    print('x' * 10**7)\n    return")},
        ['print(\'{"score": 100, "tests": []}\')\nopen("results.json", "w").write("{}")'],
        [],
        {"add": 2, "scale": 1},
        "",
    ),
    "starts a fork bomb": (
        {"add": "import os\ndef add(u, v):\n    while True:\n        os.fork()"},
        [],
        [],
        {"add": 0, "scale": 1},
        "BlockingIOError",
    ),
    "takes the whole notebook's time": (
        {},
        ["import time\ntime.sleep(1.5)", "time.sleep(1.5)", "time.sleep(1.5)"],
        [],
        {"add": 0, "scale": 0},
        "the notebook ran out of time",
    ),
    "imports the standard library as honest students do": (
        {
            "add": ADD_OK.replace(
                "    return u + v", "    import fractions, secrets, statistics\n    return u + v"
            )
        },
        ["import random, itertools, collections\nrandom.seed(0)"],
        [],
        {"add": 2, "scale": 1},
        "",
    ),
    "tampers with builtins": (
        {"add": "def add(u, v):\n    return np.zeros(len(u))"},
        ["import builtins\nbuiltins.len = lambda x: 0\nbuiltins.AssertionError = Exception"],
        [],
        {"add": 0, "scale": 1},
        "should be [4, 6]",
    ),
    "calls sys.exit in a cell": (
        {},
        ["import sys\nsys.exit(1)"],
        [],
        {"add": 2, "scale": 1},
        "SystemExit",
    ),
    "mutates its input": (
        {"scale": "def scale(c, v):\n    v *= c\n    return v"},
        [],
        [],
        {"add": 2, "scale": 0},
        "must not change its input",
    ),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_and_broken_submissions_get_a_fair_score_and_a_reason(
    case: str, tiny_course: Path, tmp_path: Path
) -> None:
    answers, before, after, expected, reason = HOSTILE[case]
    nb = notebook(tiny_course, answers, before, after)
    result = grade(tiny_course, tmp_path, nb, notebook_timeout=3 if "time" in case else 20)
    assert scores(result) == expected, text(result)
    assert reason in text(result)


def test_no_process_of_a_sandbox_outlives_it(tiny_course: Path, tmp_path: Path) -> None:
    bomb = "import os\ndef add(u, v):\n    while True:\n        os.fork()"
    grade(tiny_course, tmp_path, notebook(tiny_course, {"add": bomb}))
    assert not [p for p in Path("/proc").iterdir() if p.name.isdigit() and _sandbox_owned(p)]


def _sandbox_owned(proc: Path) -> bool:
    """A live process of a sandbox uid that no running sandbox holds (an orphan). Sandboxes of
    other graders running at the same time hold their uid's lease and are not orphans."""
    import fcntl

    from course.engine.sandbox import LEASE_DIR, UID_RANGE

    try:
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        uid = proc.stat().st_uid
        if uid not in UID_RANGE or state == "Z":  # a zombie is already dead
            return False
        with open(LEASE_DIR / str(uid), "a") as lease:
            fcntl.flock(lease, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: nobody holds this uid
            return True
    except (OSError, IndexError):
        return False


def test_a_hidden_tests_inputs_never_reach_the_feedback(tiny_course: Path, tmp_path: Path) -> None:
    spy = "def add(u, v):\n    raise ValueError('SPY ' + repr(np.asarray(u).tolist()))"
    result = grade(tiny_course, tmp_path, notebook(tiny_course, {"add": spy}))
    public = [o for o in result.questions[0].outcomes if not o.hidden]
    hidden = [o for o in result.questions[0].outcomes if o.hidden]
    assert "SPY [1.0, 2.0]" in public[0].message or "SPY [1, 2]" in public[0].message
    assert all("SPY" not in o.message for o in hidden)
    assert all(o.message == "your function raised ValueError" for o in hidden if not o.passed)
    assert any(not o.passed for o in hidden)


def test_a_malformed_notebook_scores_zero_with_a_reason(tiny_course: Path, tmp_path: Path) -> None:
    result = grade(tiny_course, tmp_path, "{not json", name="broken.ipynb")
    assert scores(result) == {"add": 0, "scale": 0}
    assert "not a notebook" in text(result)
    result = grade(tiny_course, tmp_path, '{"cells": 3}', name="odd.ipynb")
    assert "no list of cells" in text(result)


def test_the_sandbox_cannot_see_or_touch_the_tests(tiny_course: Path, tmp_path: Path) -> None:
    tests_file = Layout(tiny_course).autograder_dir("week01_tiny") / "tests" / "add.py"
    before = tests_file.read_text()
    probe = (
        f"def add(u, v):\n    import os\n    try:\n        open({str(tests_file)!r}, 'w')"
        ".write('x')\n    except OSError as e:\n        return [float(e.errno)]\n"
        "    return [0.0]"
    )
    grade(tiny_course, tmp_path, notebook(tiny_course, {"add": probe}))
    assert tests_file.read_text() == before


def test_every_hostile_submission_in_one_batch(tiny_course: Path, tmp_path: Path) -> None:
    """One batch holding every hostile and broken submission above finishes, each graded."""
    from course import grade

    folder = tmp_path / "class"
    folder.mkdir()
    for i, (answers, before, after, _, _) in enumerate(HOSTILE.values()):
        nb = notebook(tiny_course, answers, before, after)
        (folder / f"h{i:02d}.ipynb").write_text(json.dumps(nb))
    (folder / "broken.ipynb").write_text("{not json")
    out = tmp_path / "out"
    summary = grade.main("week01_tiny", [folder], out=out, root=tiny_course, workers=2, quiet=True)
    assert summary.graded == len(HOSTILE) + 1 and not summary.failed
    for i, (_, _, _, expected, _) in enumerate(HOSTILE.values()):
        data = json.loads((out / f"h{i:02d}" / "results.json").read_text())
        if list(HOSTILE)[i] != "takes the whole notebook's time":  # its limit differs here
            assert {t["name"]: t["score"] for t in data["tests"]} == expected, list(HOSTILE)[i]
    assert json.loads((out / "broken" / "results.json").read_text())["score"] == 0


def test_tests_can_pass_trusted_callables_to_student_code() -> None:
    """A gradient handed to `gradient_descent` runs on the trusted side, called back."""
    import time

    from course.engine.sandbox import Sandbox, Settings

    calls = []

    def trusted_square(x: float) -> float:
        calls.append(x)
        return x * x

    sandbox = Sandbox(Settings())
    sandbox.start()
    try:
        run = sandbox.run_cells(
            ["def apply_twice(f, x):\n    return f(f(x))"], set(), 10, time.monotonic() + 10
        )
        assert not run.errors
        assert sandbox.call("apply_twice", (trusted_square, 3.0), {}, [], 5) == 81.0
        assert calls == [3.0, 9.0]
    finally:
        sandbox.close()


def test_demonstrations_are_left_out_unless_the_students_code_needs_them(
    tiny_course: Path, tmp_path: Path
) -> None:
    # The blank release's demonstration calls the unwritten `add`: left out, it raises nothing.
    release = Layout(tiny_course).release_notebook("week01_tiny").read_text()
    assert "demo = add(" in release
    blank = grade(tiny_course, tmp_path, release)
    assert not [n for n in blank.notes if "NotImplementedError" in n], blank.notes
    # A student whose function reads the demonstration's result gets that cell run.
    uses_demo = "def scale(c, v):\n    return c * np.asarray(v, dtype=float) + 0 * len(demo)"
    relying = grade(tiny_course, tmp_path, notebook(tiny_course, {"scale": uses_demo}))
    assert scores(relying) == {"add": 2, "scale": 1}, text(relying)
    # An edited demonstration is the student's code: it runs, and its error is reported.
    nb = notebook(tiny_course)
    for cell in nb["cells"]:
        if "demo = add(" in "".join(cell["source"]):
            cell["source"] = "demo = 1 / 0"
    edited = grade(tiny_course, tmp_path, nb)
    assert scores(edited) == {"add": 2, "scale": 1}
    assert any("ZeroDivisionError" in n for n in edited.notes), edited.notes


def test_a_wrong_exception_type_says_which_one_the_test_expects() -> None:
    """'your function raised IndexError' alone leaves a student guessing; the test's own
    `except ValueError` says what was expected (a type, never an input)."""
    from course.engine.runner import describe_error, expected_errors
    from course.engine.sandbox import student_exception

    def test_rejects(f):  # type: ignore[no-untyped-def]
        try:
            f([9])
        except ValueError:
            return
        raise AssertionError("f([9]) should raise ValueError")

    expects = expected_errors(test_rejects)
    assert expects == ("ValueError",)
    raised = student_exception("IndexError", "IndexError", "index 9 is out of bounds")
    assert describe_error(raised, True, expects) == (
        "your function raised IndexError; this test expects ValueError"
    )
    shown = describe_error(raised, False, expects)
    assert shown.startswith("your function raised IndexError: index 9") and shown.endswith(
        "this test expects ValueError"
    )
    same = student_exception("ValueError", "ValueError", "bad")
    assert "expects" not in describe_error(same, True, expects)
