"""One rule set, two runtimes: for every week, the notebook's own checks (otter-grader's
`grader.check`, in a real Jupyter kernel) and `course check` (the sandboxed engine, public tests)
give the same pass/fail per question on the solution, the blank release, every mutant, every
variant, and an answer that uses a forbidden shortcut."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.manager import start_new_kernel

from course.config import load_course
from course.engine import Options, grade_notebook, load_suite
from course.master import read_master, read_mutants, read_variants
from course.paths import Layout
from course.sample import answers_only, callers, correct_notebook, import_cells

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LAYOUT = Layout(REPO)
COURSE = load_course(LAYOUT.config)
WEEKS = [w.id for w in COURSE.weeks if LAYOUT.master(w.id).is_file()]


def _with_shortcut(source: str, function: str, shortcut: str) -> str:
    """The answer with a use of a forbidden shortcut as the function's first statement."""
    tree = ast.parse(source)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):  # a docstring
        first = node.body[1]
    lines = source.splitlines()
    use = "(lambda a, b: a @ b)" if shortcut == "@" else shortcut
    lines.insert(first.lineno - 1, " " * first.col_offset + f"_shortcut = {use}")
    return "\n".join(lines) + "\n"


def _cases(aid: str) -> dict[str, tuple[dict[str, Any], set[str]]]:
    """Notebooks to judge both ways: name -> (notebook, the questions to compare). A question
    whose answer calls a mutated one is left out for that mutant: its outcome then hangs on the
    mutant's behaviour, which may be random (a shuffle from numpy's global state)."""
    release = json.loads(LAYOUT.release_notebook(aid).read_text())
    solution = json.loads(LAYOUT.solution_notebook(aid).read_text())
    correct = correct_notebook(release, solution, list(COURSE.week(aid).points))
    master = read_master(aid, LAYOUT.master(aid))
    imports = import_cells([c.source for c in master.cells if c.kind == "code"])
    questions = list(COURSE.week(aid).points)
    users = callers(correct, questions)
    every = set(questions)
    cases = {"solution": (answers_only(correct, imports, {}), every), "blank": (release, every)}
    for m in [*read_mutants(LAYOUT.mutants(aid)), *read_variants(LAYOUT.mutants(aid))]:
        compared = every - set(users[m.question])
        cases[m.name] = (answers_only(correct, imports, {m.question: m.source}), compared)
    for question in COURSE.week(aid).points:
        forbid = master.answer(question).forbid
        if forbid:
            solved = next(
                "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                for c in correct["cells"]
                if c["metadata"].get("course", {}).get("question") == question
                and c["metadata"]["course"].get("role") == "answer"
            )
            shortcut = _with_shortcut(solved, question, forbid[0])
            compared = every - set(users[question])
            cases[f"shortcut_{question}"] = (
                answers_only(correct, imports, {question: shortcut}),
                compared,
            )
    return cases


def _code(nb: dict[str, Any]) -> list[str]:
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]


# Like `%reset -f` (every name the notebook made, and its input history, gone), in 10 ms not 500.
FRESH = """
_ip = get_ipython()
for _name in [k for k in _ip.user_ns if k not in _ip.user_ns_hidden]:
    del _ip.user_ns[_name]
_ip.history_manager.input_hist_parsed[:] = [""]
_ip.history_manager.input_hist_raw[:] = [""]
"""


def _in_kernel(kc: Any, code: str) -> str:
    """Run `code` in the kernel; its printed output."""
    out: list[str] = []

    def hook(msg: dict[str, Any]) -> None:
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])

    kc.execute_interactive(code, output_hook=hook, timeout=120)
    return "".join(out)


@pytest.mark.parametrize("aid", WEEKS)
def test_the_notebook_check_and_course_check_agree(aid: str, tmp_path: Path) -> None:
    shutil.copytree(LAYOUT.release_dir(aid) / "tests", tmp_path / "tests")
    questions = list(COURSE.week(aid).points)
    suite = load_suite(LAYOUT, aid, public=True)
    options = Options.for_suite(suite, also_hide=(tmp_path,))
    km, kc = start_new_kernel(
        kernel_name="python3", cwd=str(tmp_path), extra_arguments=["--HistoryManager.enabled=False"]
    )
    disagreements = []
    try:
        for name, (nb, compared) in _cases(aid).items():
            # Queued, not awaited one by one: the kernel runs them in order, each as its own
            # cell (its own entry of `In`), going on after an error as a notebook does.
            for source in [FRESH, *_code(nb)]:
                kc.execute(source, stop_on_error=False)
            report = _in_kernel(
                kc,
                "import json as _j, otter as _o\n"
                "_g = _o.Notebook(tests_dir='tests')\n"
                f"print(_j.dumps({{q: bool(_g.check(q).passed_all) for q in {questions!r}}}))",
            )
            checked = json.loads(report.strip().splitlines()[-1])
            in_notebook = {q: v for q, v in checked.items() if q in compared}
            path = tmp_path / f"{name}.ipynb"
            path.write_text(json.dumps(nb))
            graded = grade_notebook(path, suite, options)
            engine = {q.name: q.passed for q in graded.questions if q.name in compared}
            if in_notebook != engine:
                disagreements.append((name, in_notebook, engine))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert not disagreements, disagreements
