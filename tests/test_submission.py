"""The one reader of submissions: every damaged notebook is refused in one sentence, every odd
but valid one reads like the original, and a fuzzed batch scores every file and exits 0.

The strategies here are also what `benchmarks/fuzz.py` runs, with many more examples.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from course import cli, submission
from course.engine.runner import NotebookError, read_code_cells
from course.grade.cluster import shipped
from course.paths import Layout
from course.submission import SubmissionError, parse

REPO = Path(__file__).resolve().parents[1]
AID = "week01_vectors"
SOLVED = Layout(REPO).solution_notebook(AID).read_bytes()
RELEASE = Layout(REPO).release_notebook(AID).read_bytes()
BASES = {"solved": SOLVED, "release": RELEASE}
DEEP = "\x00deep\x00"  # stands for a value nested N levels deep, spliced in as text (json.dumps
# itself would hit the recursion limit building it)

# Hypothesis keeps caches in ./.hypothesis by default: keep the checkout untouched.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "course-hypothesis")

# CI runs these many; benchmarks/fuzz.py runs the same strategies with far more.
FAST = settings(max_examples=120, deadline=None, database=None)
SLOW = settings(
    max_examples=1,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

EXCEPTION_NAME = re.compile(r"\b[A-Z]\w*(Error|Exception|Warning)\b|Traceback")


def the_two_cases_from_the_issue() -> dict[str, bytes]:
    """A source list holding a non-string, and a metadata value 3,000 levels deep."""
    listed = json.loads(SOLVED)
    listed["cells"][11]["source"] = ["line\n", 7, None]
    deep = json.loads(SOLVED)
    deep["metadata"]["x"] = DEEP
    return {
        "list_source": json.dumps(listed).encode(),
        "deep_metadata": splice_deep(json.dumps(deep), 3000).encode(),
    }


def splice_deep(text: str, depth: int) -> str:
    return text.replace(json.dumps(DEEP), "[" * depth + "1" + "]" * depth)


# ---- strategies: corruptions of real course notebooks --------------------------------------


def json_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `value` (dict keys and list indices)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += json_paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += json_paths(child, (*prefix, index))
    return found


def parent_of(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


wrong_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),  # NaN and infinities too: json.dumps writes them, json.loads reads them back
    st.text(max_size=12),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=4)), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
    st.just("x" * (submission.MAX_CELL_CHARS + 1)),  # a huge value
    st.just(DEEP),  # a deep value (its depth is drawn separately)
    st.just("\ud800"),  # half a UTF-16 pair: JSON can spell it, UTF-8 cannot encode it
)
VERSIONS = [1, 2, 3, 5, "4", None, 4.0, True, -1, 10**40]


@st.composite
def damaged_trees(draw: st.DrawFn, tree: dict[str, Any]) -> str:
    """One damage to a parsed notebook: a wrong type, a missing key, odd cells or versions."""
    kind = draw(
        st.sampled_from(
            ["set", "delete", "duplicate", "empty_cell", "version", "list_source", "shuffle"]
        )
    )
    cells = tree.get("cells")
    if not isinstance(cells, list):  # an earlier damage took the cells: these ops do nothing
        cells = []
    if kind in ("set", "delete"):
        path = draw(st.sampled_from(json_paths(tree)))
        parent = parent_of(tree, path)
        if kind == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(wrong_values)
    elif kind == "duplicate" and cells:
        cells.insert(draw(st.integers(0, len(cells))), cells[draw(st.integers(0, len(cells) - 1))])
    elif kind == "empty_cell":
        empty = draw(
            st.sampled_from(
                [{}, {"cell_type": "code"}, {"cell_type": "code", "source": "", "metadata": {}}]
            )
        )
        cells.insert(draw(st.integers(0, len(cells))), empty)
    elif kind == "version":
        key = draw(st.sampled_from(["nbformat", "nbformat_minor"]))
        tree[key] = draw(st.sampled_from([*VERSIONS, *range(0, 8)]))
    elif kind == "list_source" and cells:
        cell = cells[draw(st.integers(0, len(cells) - 1))]
        if not isinstance(cell, dict):
            return kind
        lines: list[Any] = str(cell.get("source", "")).splitlines(keepends=True)
        lines.insert(draw(st.integers(0, len(lines))), draw(wrong_values))
        cell["source"] = lines
    elif kind == "shuffle":
        draw(st.randoms(use_true_random=False)).shuffle(cells)
    return kind


INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xfe"]


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[str, bytes]:
    """(what was done, the file's bytes): up to three damages to a real week-1 notebook's
    structure, then perhaps one to its bytes (cut short, not UTF-8, overwritten)."""
    base = draw(st.sampled_from(sorted(BASES)))
    tree = json.loads(BASES[base])
    kinds = [draw(damaged_trees(tree)) for _ in range(draw(st.integers(0, 3)))]
    text = json.dumps(
        tree, indent=draw(st.sampled_from([None, 1])), ensure_ascii=draw(st.booleans())
    )
    if json.dumps(DEEP) in text:
        text = splice_deep(text, draw(st.sampled_from([2, 40, 63, 65, 200, 3000, 100_000])))
    data = text.encode("utf-8", errors="surrogatepass")
    # Half the files keep their bytes, so that most damage reaches the validator.
    damage = draw(st.sampled_from(["none"] * 3 + ["truncate", "not_utf8", "overwrite"]))
    at = draw(st.integers(0, len(data)))
    if damage == "truncate":
        data = data[:at]
    elif damage == "not_utf8":
        data = data[:at] + draw(st.sampled_from(INVALID_UTF8)) + data[at:]
    elif damage == "overwrite":
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at + 8 :]
    return "+".join([*kinds, damage]), data


@st.composite
def odd_but_valid(draw: st.DrawFn) -> tuple[str, bytes]:
    """(which notebook and what was done, the file's bytes): a real notebook as other Jupyter
    versions and editors save it: format 4.0-4.5, a BOM, CRLF line ends, sources as lists of
    lines, optional keys left out, another indentation."""
    base = draw(st.sampled_from(sorted(BASES)))
    tree = json.loads(BASES[base])
    minor = draw(st.integers(0, 5))
    tree["nbformat_minor"] = minor
    dropped = draw(st.sets(st.sampled_from(["metadata", "outputs", "execution_count", "id"])))
    as_lists = draw(st.booleans())
    for cell in tree["cells"]:
        if minor < 5 or "id" in dropped:
            cell.pop("id", None)
        for key in dropped - {"id"}:
            cell.pop(key, None)
        if as_lists:
            cell["source"] = cell["source"].splitlines(keepends=True)
    if draw(st.booleans()):
        tree.pop("metadata")
    text = json.dumps(
        tree, indent=draw(st.sampled_from([None, 1, 2, 4])), ensure_ascii=draw(st.booleans())
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))  # utf-16 writes a BOM
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    label = f"{base}: 4.{minor} {encoding} lists={as_lists} without {sorted(dropped)}"
    return label, text.encode(encoding)


# ---- the reader -----------------------------------------------------------------------------


def read_or_refuse(data: bytes) -> list[str] | str:
    """The code cells the reader gives, or its sentence."""
    try:
        return parse(data).code
    except SubmissionError as exc:
        return str(exc)


def assert_one_sentence(message: str) -> None:
    assert "\n" not in message and len(message) < 400, message
    assert message.startswith("your "), message
    assert not EXCEPTION_NAME.search(message), message


def check_read_or_refused(data: bytes) -> None:
    """The reader reads the file (code cells as text) or refuses it in one sentence."""
    outcome = read_or_refuse(data)
    if isinstance(outcome, str):
        assert_one_sentence(outcome)
    else:
        assert all(isinstance(code, str) for code in outcome)


def check_dask_agrees(data: bytes) -> None:
    """A worker reads what the Dask path ships exactly as local grading reads the file."""
    with tempfile.TemporaryDirectory() as tmp:
        here, there = Path(tmp) / "here.ipynb", Path(tmp) / "there.ipynb"
        here.write_bytes(data)
        there.write_bytes(shipped(data))
        assert read_cells(here) == read_cells(there)


def check_odd_reads_like_original(what: str, data: bytes) -> None:
    assert parse(data).code == parse(BASES[what.split(":")[0]]).code, what


@FAST
@given(corrupted())
def test_every_corrupted_notebook_is_read_or_refused_in_one_sentence(
    case: tuple[str, bytes],
) -> None:
    check_read_or_refused(case[1])


@FAST
@given(odd_but_valid())
def test_odd_but_valid_notebooks_read_like_the_original(case: tuple[str, bytes]) -> None:
    check_odd_reads_like_original(*case)


@FAST
@given(corrupted())
def test_the_dask_path_reads_exactly_what_local_grading_reads(case: tuple[str, bytes]) -> None:
    check_dask_agrees(case[1])


def read_cells(path: Path) -> list[str] | str:
    try:
        return read_code_cells(path)
    except NotebookError as exc:
        return str(exc)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("list_source", "cell 12's source is not text"),
        ("deep_metadata", "nested more than 64 levels deep"),
    ],
)
def test_the_two_cases_from_the_issue_are_refused_with_a_reason(name: str, expected: str) -> None:
    message = read_or_refuse(the_two_cases_from_the_issue()[name])
    assert isinstance(message, str) and expected in message
    assert_one_sentence(message)


@pytest.mark.parametrize(
    ("limit", "make", "says"),
    [
        ("MAX_BYTES", lambda k: b"[" + b" " * (k - 2) + b"]", "larger than"),
        ("MAX_DEPTH", lambda k: ("[" * k + "]" * k).encode(), "levels deep"),
        ("MAX_VALUES", lambda k: b"[" + b"0," * (k - 1) + b"0]", "values"),
    ],
)
def test_each_limit_refuses_just_past_it_and_reads_up_to_it(
    limit: str, make: Callable[[int], bytes], says: str
) -> None:
    n = getattr(submission, limit)
    past = read_or_refuse(make(n + 1))
    assert isinstance(past, str) and says in past, past
    at = read_or_refuse(make(n))  # read, then refused as what it is: a list, not a notebook
    assert isinstance(at, str) and "not a notebook" in at, at


def test_a_cell_past_the_size_limit_and_too_many_cells_are_refused() -> None:
    tree = json.loads(SOLVED)
    tree["cells"][3]["source"] = "x" * (submission.MAX_CELL_CHARS + 1)
    huge = str(read_or_refuse(json.dumps(tree).encode()))
    assert "your notebook's cell 4 holds 1,000,001 characters" in huge
    tree = json.loads(SOLVED)
    tree["cells"] *= submission.MAX_CELLS // len(tree["cells"]) + 1
    many = str(read_or_refuse(json.dumps(tree).encode()))
    assert "cells and the grader reads at most 2,000" in many
    for message in (huge, many):
        assert_one_sentence(message)


def test_without_nbformat_as_in_gradescopes_image_the_same_sentences_come(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_nbformat = {name: read_or_refuse(data) for name, data in the_two_cases().items()}
    monkeypatch.setitem(sys.modules, "nbformat", None)  # importing it now raises ImportError
    monkeypatch.setitem(sys.modules, "nbformat.validator", None)
    for name, data in the_two_cases().items():
        assert read_or_refuse(data) == with_nbformat[name], name
    assert parse(SOLVED).code == with_nbformat["solved"]


def the_two_cases() -> dict[str, bytes]:
    """The issue's two cases, a missing source, and the solved notebook as it is."""
    missing = json.loads(SOLVED)
    del missing["cells"][7]["source"]
    return {
        **the_two_cases_from_the_issue(),
        "missing_source": json.dumps(missing).encode(),
        "solved": SOLVED,
    }


def test_half_a_utf16_pair_in_a_source_is_refused_everywhere() -> None:
    tree = json.loads(SOLVED)
    tree["cells"][4]["source"] = "x = '\ud800'"
    data = json.dumps(tree).encode()  # JSON escapes it as \ud800, which json.loads accepts
    message = str(read_or_refuse(data))
    assert "cell 5's source holds a character that is not text" in message
    assert_one_sentence(message)
    check_dask_agrees(data)


def test_damaged_outputs_are_ignored_and_the_code_is_still_read() -> None:
    tree = json.loads(SOLVED)
    code = next(c for c in tree["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": 5, "text": "x"}]
    notebook = parse(json.dumps(tree).encode())
    assert notebook.code == parse(SOLVED).code
    assert notebook.ignored and "output 1 of cell" in notebook.ignored[0]


def test_a_format_3_notebook_is_converted() -> None:
    v3 = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {"name": ""},
        "worksheets": [
            {
                "cells": [
                    {"cell_type": "code", "input": "x = 1", "language": "python", "outputs": []}
                ],
                "metadata": {},
            }
        ],
    }
    assert parse(json.dumps(v3).encode()).code == ["x = 1"]


# ---- end to end: `course grade`, `course check` and Gradescope --------------------------------


def checkout_fingerprint() -> str:
    """The course's committed material and the repository's top level, as they are now."""
    digest = hashlib.sha256()
    for top in ("autograder", "release", "solutions", "source"):
        for path in sorted((REPO / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path).encode() + path.read_bytes())
    digest.update(" ".join(sorted(p.name for p in REPO.iterdir())).encode())
    return digest.hexdigest()


def grade_batch(files: dict[str, bytes]) -> list[dict[str, Any]]:
    """Grade `files` in one `course grade` batch; check it exits 0 and scores every file with
    a reason; return the results."""
    before = checkout_fingerprint()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "class", Path(tmp) / "out"
        folder.mkdir()
        for name, data in files.items():
            (folder / f"{name}.ipynb").write_bytes(data)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            code = cli.main(
                [
                    "--root",
                    str(REPO),
                    "grade",
                    AID,
                    str(folder),
                    "--out",
                    str(out),
                    "--workers",
                    "2",
                ]
            )
        assert code == 0 and "could not grade" not in printed.getvalue(), printed.getvalue()
        results = []
        for name in files:
            data = json.loads((out / name / "results.json").read_text())
            maximum = data["extra_data"]["max_score"]
            assert 0 <= data["score"] <= maximum, (name, data["score"])
            if data["score"] < maximum:
                reasons = [t["output"] for t in data["tests"] if t["score"] < t["max_score"]]
                assert all(reasons), (name, data)
            results.append(data)
    assert checkout_fingerprint() == before, "grading changed the checkout"
    return results


@pytest.mark.slow
def test_the_issues_batch_scores_both_files_zero_with_a_reason_and_exits_0() -> None:
    cases = the_two_cases_from_the_issue()
    results = grade_batch({**cases, "solved": SOLVED})
    for data in results[:2]:
        assert data["score"] == 0
        assert data["output"].startswith("your notebook file is damaged: ")
        assert_one_sentence(data["tests"][0]["output"].splitlines()[0])  # then the hint
    assert results[2]["score"] == results[2]["extra_data"]["max_score"]


@pytest.mark.slow
def test_the_issues_cases_fail_course_check_with_the_same_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, data in the_two_cases_from_the_issue().items():
        notebook = tmp_path / f"{name}.ipynb"
        notebook.write_bytes(data)
        assert cli.main(["--root", str(REPO), "check", AID, str(notebook)]) == 1
        printed = capsys.readouterr()
        assert str(read_or_refuse(data)) in printed.out and "Traceback" not in printed.err


@pytest.mark.slow
def test_gradescope_scores_the_issues_cases_zero_with_the_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from course.gradescope import run

    monkeypatch.chdir(REPO)  # Gradescope's run_autograder runs from the course's root
    for name, data in the_two_cases_from_the_issue().items():
        root = tmp_path / name
        (root / "submission").mkdir(parents=True)
        (root / "submission" / "mine.ipynb").write_bytes(data)
        assert run.main(root, AID) == 0
        results = json.loads((root / "results" / "results.json").read_text())
        assert results["score"] == 0 and str(read_or_refuse(data)) in results["output"]


@pytest.mark.slow
def test_a_dask_worker_scores_the_issues_cases_zero_with_the_sentence() -> None:
    from course.grade.cluster import grade_on_worker
    from course.grade.store import autograder_files

    files = autograder_files(Layout(REPO), AID)
    for name, data in the_two_cases_from_the_issue().items():
        graded = grade_on_worker(AID, files, shipped(data), name, f"{name}.ipynb")
        results = json.loads(graded.results)
        assert results["score"] == 0 and str(read_or_refuse(data)) in results["output"]


@pytest.mark.slow
@SLOW
# Distinct damages: hypothesis's first example is its simplest, ten undamaged copies otherwise.
@given(
    st.lists(corrupted(), min_size=10, max_size=10, unique_by=lambda case: case[0]),
    st.lists(odd_but_valid(), min_size=2, max_size=2, unique_by=lambda case: case[0]),
)
def test_a_fuzzed_batch_scores_every_file_with_a_reason_and_exits_0(
    damaged: list[tuple[str, bytes]], odd: list[tuple[str, bytes]]
) -> None:
    files = {f"damaged_{i}": data for i, (_, data) in enumerate(damaged)}
    files |= {f"odd_{i}": data for i, (_, data) in enumerate(odd)}
    grade_batch(files)
