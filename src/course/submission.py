"""The one reader of submitted notebooks: bytes in, validated cells out, or one sentence why not."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from course.errors import CourseError

# The limits of what the grader reads, once. The course's solved notebooks are 23-53 kB, 39-54
# cells, 5 levels deep and hold about 400 JSON values; a student's, figures drawn, a few MB.
# Each limit is far above that and far below what would hurt a grading machine: 2,000,000
# short values parse into about 130 MB of Python objects (measured), so values are counted too.
MAX_BYTES = 20 * 2**20
MAX_DEPTH = 64  # Python's JSON decoder and jsonschema recurse once (or more) per level
MAX_VALUES = 2_000_000
MAX_CELLS = 2_000
MAX_CELL_CHARS = 1_000_000

RESAVE = "open it in JupyterLab and save it again"
CLEAR = "clear its outputs (Edit > Clear Outputs of All Cells), save it and submit it again"
CELL_TYPES = ("code", "markdown", "raw")
# nbformat 4.5's cell id: https://github.com/jupyter/enhancement-proposals/blob/master/62-cell-id/cell-id.md
_CELL_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}\Z")
# A JSON string, or an unterminated one up to the end: it never fails to match, so scanning
# is linear however the file is damaged.
_STRING = re.compile(rb'"(?:[^"\\]+|\\.?)*"?', re.DOTALL)
_STEP = np.zeros(256, dtype=np.int8)
_STEP[list(b"[{")] = 1
_STEP[list(b"]}")] = -1
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


ASSIGNMENT = re.compile(r"^week\d\d_[a-z][a-z0-9_]*$")  # as course.config.AID_PATTERN


class SubmissionError(CourseError):
    """A submitted file the grader will not read; the message is one sentence for the student."""


@dataclass(frozen=True)
class Cell:
    """One cell as grading sees it."""

    kind: str  # "code", "markdown" or "raw"
    source: str


@dataclass(frozen=True)
class Notebook:
    """A validated submission: its cells, its format and what was ignored to read it."""

    cells: tuple[Cell, ...]
    version: tuple[int, int]
    ignored: tuple[str, ...] = field(default=())  # damaged parts grading never uses
    assignment: str = ""  # the week the course's build wrote into it, if it says

    @property
    def code(self) -> list[str]:
        """The sources of the code cells, in order."""
        return [c.source for c in self.cells if c.kind == "code"]

    def canonical(self) -> bytes:
        """The notebook as nbformat 4.5 JSON with nothing but its cells (what the Dask path
        ships to workers; reading it back gives the same cells)."""
        cells: list[dict[str, Any]] = []
        for index, cell in enumerate(self.cells):
            entry: dict[str, Any] = {
                "cell_type": cell.kind,
                "id": f"cell-{index + 1}",
                "metadata": {},
                "source": cell.source,
            }
            if cell.kind == "code":
                entry.update(execution_count=None, outputs=[])
            cells.append(entry)
        meta = {"course": {"assignment": self.assignment}} if self.assignment else {}
        data = {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
        return json.dumps(data).encode("ascii")


def read(path: Path) -> Notebook:
    """Read and validate the notebook file at `path` (never more than MAX_BYTES of it)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SubmissionError(
            f"your notebook file could not be opened ({exc.strerror or 'unreadable'}); "
            "submit the .ipynb file saved from JupyterLab"
        ) from exc
    return parse(data)


def parse(data: bytes) -> Notebook:
    """Validate a submitted notebook given as bytes; SubmissionError says what is wrong."""
    if len(data) > MAX_BYTES:
        raise SubmissionError(
            f"your notebook file is larger than the grader's limit of {MAX_BYTES >> 20} MB; "
            + CLEAR
        )
    utf8 = decode(data)
    check_shape(utf8)
    try:
        tree = json.loads(utf8)
    except RecursionError as exc:  # the depth check makes this unreachable; kept as a guard
        raise SubmissionError(
            f"your notebook file is damaged: it is nested too deep; {RESAVE}"
        ) from exc
    except ValueError as exc:  # JSONDecodeError, and integers of more than 4300 digits
        at = (
            f" (line {exc.lineno}, column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise SubmissionError(
            f"your file is not a notebook: it is not valid JSON{at}, perhaps cut short "
            f"or edited outside JupyterLab; {RESAVE}"
        ) from exc
    return from_json(tree)


def decode(data: bytes) -> bytes:
    """The file as UTF-8 bytes without a byte-order mark (UTF-16 and UTF-32 with a BOM are
    re-encoded); a file that is not text is refused."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            data, encoding = data[len(bom) :], codec
            break
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SubmissionError(
            f"your notebook file is damaged: byte {exc.start + 1} is not {encoding.upper()} "
            f"text; {RESAVE}"
        ) from exc
    return data if encoding == "utf-8" else text.encode("utf-8", errors="surrogatepass")


def check_shape(utf8: bytes) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH or holding more than MAX_VALUES values, before
    it is parsed (parsing is what would hit the recursion limit or fill the memory)."""
    outside = _STRING.sub(b"", utf8)
    values = outside.count(b",") + outside.count(b"[") + outside.count(b"{")
    if values > MAX_VALUES:
        raise SubmissionError(
            f"your notebook file holds more than {MAX_VALUES:,} values, far more than a notebook "
            f"needs; {CLEAR}"
        )
    brackets = np.frombuffer(outside.translate(None, _NOT_BRACKET), dtype=np.uint8)
    if brackets.size and int(np.cumsum(_STEP[brackets], dtype=np.int64).max()) > MAX_DEPTH:
        raise SubmissionError(
            f"your notebook file is damaged: it holds data nested more than {MAX_DEPTH} "
            f"levels deep, which no notebook needs; {RESAVE}"
        )


def from_json(tree: Any) -> Notebook:
    """Validate a parsed notebook and read its cells."""
    if not isinstance(tree, dict) or not isinstance(tree.get("cells", []), list):
        raise SubmissionError(f"your file is not a notebook (it has no list of cells); {RESAVE}")
    major, minor = version_of(tree)
    if major == 3:
        tree = upgraded(tree)
        major, minor = 4, int(tree["nbformat_minor"])
    if len(tree.get("cells", [])) > MAX_CELLS:
        raise SubmissionError(
            f"your notebook has {len(tree['cells']):,} cells and the grader reads at most "
            f"{MAX_CELLS:,}; delete the empty or repeated ones, save and submit again"
        )
    fill_defaults(tree, minor)
    precheck_types(tree)
    ignored: list[str] = []
    error = first_error(tree, minor)
    if error is not None:  # grade what can be read: outputs and metadata are never graded
        damaged = where(error)
        strip_unused(tree)
        error = first_error(tree, minor)
        if error is None:
            ignored.append(f"{damaged} was damaged (in outputs or metadata) and was ignored")
    if error is not None:
        raise SubmissionError(sentence(error))
    cells = []
    for index, cell in enumerate(tree["cells"]):
        source = cell["source"]
        text = "".join(source) if isinstance(source, list) else source
        if len(text) > MAX_CELL_CHARS:
            raise SubmissionError(
                f"your notebook's cell {index + 1} holds {len(text):,} characters and the "
                f"grader reads cells of at most {MAX_CELL_CHARS:,}; remove what was pasted "
                "into it, save and submit again"
            )
        if not text.isascii():
            try:  # JSON can spell half of a UTF-16 pair ("\ud800"), which no text holds
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise SubmissionError(
                    f"your notebook file is damaged: cell {index + 1}'s source holds a "
                    f"character that is not text (position {exc.start + 1}); {RESAVE}"
                ) from exc
        cells.append(Cell(cell["cell_type"], text.replace("\r\n", "\n")))
    said = (tree.get("metadata") or {}).get("course", {})
    week = said.get("assignment", "") if isinstance(said, dict) else ""
    week = week if isinstance(week, str) and ASSIGNMENT.match(week) else ""
    return Notebook(tuple(cells), (major, minor), tuple(ignored), week)


def version_of(tree: dict[str, Any]) -> tuple[int, int]:
    """(major, minor) of the notebook format; a missing version is read as the newest 4.x."""
    major, minor = tree.setdefault("nbformat", 4), tree.setdefault("nbformat_minor", 5)
    if not (type(major) is int and type(minor) is int):  # bool is an int, not a version
        raise SubmissionError(
            f"your notebook file is damaged: its format version is not a number; {RESAVE}"
        )
    if major in (3, 4) and (major == 3) != ("worksheets" in tree):
        raise SubmissionError(
            "your notebook file is damaged: its format version does not match its contents; "
            + RESAVE
        )
    if major not in (3, 4) or minor < 0:
        raise SubmissionError(
            f"your notebook file says it is in notebook format {major}.{minor}, which the "
            f"grader does not read (it reads format 4, which JupyterLab writes); {RESAVE}"
        )
    return major, minor


def upgraded(tree: dict[str, Any]) -> dict[str, Any]:
    """A format-3 notebook (IPython 2) converted to format 4 by nbformat, once it is valid."""
    old = f"your notebook is in the old format 3, which the grader could not convert; {RESAVE}"
    try:
        import nbformat
    except ImportError as exc:  # Gradescope's image: no converter
        raise SubmissionError(old) from exc
    tree["nbformat_minor"] = 0  # format 3 has one schema; IPython 2 wrote 3.0
    error = first_error(tree, 0, major=3)
    if error is not None:
        raise SubmissionError(sentence(error))
    try:
        converted: dict[str, Any] = nbformat.convert(nbformat.from_dict(tree), 4)
    except Exception as exc:  # nbformat's converter on a file it validated: say it plainly
        raise SubmissionError(old) from exc
    plain: dict[str, Any] = json.loads(json.dumps(converted))  # dicts and lists again
    return plain


def fill_defaults(tree: dict[str, Any], minor: int) -> None:
    """Add what JupyterLab would add on saving: optional-in-practice keys, cell ids (4.5+,
    where they are required and must be unique) and no ids before 4.5 (where they are not
    allowed). Grading uses none of these."""
    tree.setdefault("metadata", {})
    seen: set[str] = set()
    for index, cell in enumerate(tree.get("cells", [])):
        if not isinstance(cell, dict):
            continue
        cell.setdefault("metadata", {})
        if cell.get("cell_type") == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
        if minor < 5:
            cell.pop("id", None)
            continue
        cell_id = cell.get("id")
        if not (isinstance(cell_id, str) and _CELL_ID.match(cell_id)) or cell_id in seen:
            cell_id = cell["id"] = f"cell-{index + 1}-{len(seen)}"
        seen.add(cell_id)


def precheck_types(tree: dict[str, Any]) -> None:
    """What nbformat's validator assumes before it can explain an error (it concatenates
    `cell_type` and `output_type` to a string): check these first."""
    for index, cell in enumerate(tree.get("cells", [])):
        if not isinstance(cell, dict):
            raise SubmissionError(
                f"your notebook file is damaged: cell {index + 1} is not a cell; {RESAVE}"
            )
        if cell.get("cell_type") not in CELL_TYPES:
            raise SubmissionError(
                f"your notebook file is damaged: cell {index + 1} has no known cell type "
                f"(code, markdown or raw); {RESAVE}"
            )
        outputs = cell.get("outputs")
        for output in outputs if isinstance(outputs, list) else []:
            if isinstance(output, dict) and not isinstance(output.get("output_type", ""), str):
                output.pop("output_type")  # then reported as missing, in the output's place


def first_error(tree: dict[str, Any], minor: int, major: int = 4) -> Any:
    """nbformat's first validation error (its best-explained form), or None if valid."""
    try:
        from nbformat.validator import iter_validate
    except ImportError:  # Gradescope's image installs only what grading imports
        return own_first_error(tree)
    try:
        return next(iter(iter_validate(tree, version=major, version_minor=minor)), None)
    except Exception as exc:  # nbformat failing to explain the error: still a damaged file
        raise SubmissionError(
            f"your notebook file is damaged: its structure is not a notebook's; {RESAVE}"
        ) from exc


@dataclass
class Problem:
    """A validation error in the shape of jsonschema's, from our own check."""

    relative_path: list[Any]
    validator: str
    validator_value: Any
    instance: Any


def own_first_error(tree: dict[str, Any]) -> Problem | None:
    """Without nbformat: check what grading reads (each cell's type and source), so that the
    sentences for those errors are the same as with nbformat's validator."""
    cells = tree.get("cells")
    if not isinstance(cells, list):
        return Problem([], "required", ["cells"], tree)
    for index, cell in enumerate(cells):  # dicts with a known type: precheck_types saw to it
        if "source" not in cell:
            return Problem(["cells", index], "required", ["source"], cell)
        source = cell["source"]
        lines = source if isinstance(source, list) else [source]
        if not all(isinstance(line, str) for line in lines):  # where nbformat says it: oneOf
            return Problem(["cells", index, "source"], "oneOf", [], source)
    return None


def path_of(error: Any) -> list[Any]:
    return list(getattr(error, "relative_path", None) or getattr(error, "path", None) or [])


def strip_unused(tree: dict[str, Any]) -> None:
    """Drop every part of the notebook that grading never reads."""
    tree["metadata"] = {}
    for cell in tree.get("cells", []):
        cell["metadata"] = {}
        cell.pop("attachments", None)
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None


def where(error: Any) -> str:
    """The part of the notebook an error is about, in the student's words."""
    path = path_of(error)
    if path[:1] == ["worksheets"] and len(path) >= 3:  # format 3: cells are in worksheets
        path = path[2:]
    if not path:
        return "the notebook"
    if path[0] in ("nbformat", "nbformat_minor"):
        return "its format version"
    if path[0] != "cells":
        return f"the notebook's {shown(path[0])}"
    if len(path) == 1:
        return "its list of cells"
    cell = f"cell {int(path[1]) + 1}" if isinstance(path[1], int) else "a cell"
    if len(path) == 2:
        return cell
    part = str(path[2])
    if part == "outputs" and len(path) >= 4 and isinstance(path[3], int):
        return f"output {path[3] + 1} of {cell}"
    if part == "source" and len(path) >= 4 and isinstance(path[3], int):
        return f"line {path[3] + 1} of {cell}'s source"
    return f"{cell}'s {shown(part).replace('_', ' ')}"


def shown(name: object) -> str:
    """A field name from the student's file, safe inside one line of text."""
    return re.sub(r"[^\w .-]", "?", str(name))[:40]


_TYPES = {
    "string": "text",
    "array": "a list",
    "object": "a set of named fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def what(error: Any) -> str:
    """What is wrong with that part, in the student's words."""
    kind = getattr(error, "validator", None)
    expected = getattr(error, "validator_value", None)
    instance = getattr(error, "instance", None)
    if kind == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        names = " or ".join(_TYPES.get(str(t), str(t)) for t in wanted)
        return "is not text" if names == "text" else f"is not {names}"
    if kind == "required" and isinstance(expected, list) and isinstance(instance, dict):
        missing = [k for k in expected if k not in instance]
        return f"has no '{missing[0]}'" if missing else "is incomplete"
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = getattr(error, "schema", {}).get("properties", {})
        extra = sorted(str(k) for k in instance if k not in known)
        return f"has an unknown field '{shown(extra[0])}'" if extra else "has unknown fields"
    if kind in ("oneOf", "anyOf") and where(error).endswith(("source", "input", "text")):
        return "is not text"
    return {
        "enum": "has a value no notebook has",
        "pattern": "is not well formed",
        "maxLength": "is too long",
        "minLength": "is empty",
        "minimum": "is negative",
    }.get(str(kind), "does not fit the notebook format")


def sentence(error: Any) -> str:
    """One student-facing sentence for a validation error, no exception names."""
    return f"your notebook file is damaged: {where(error)} {what(error)}; {RESAVE}"
