"""Single-site mutants of one answer cell's solution region, each a plausible small slip."""

from __future__ import annotations

import ast
import difflib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from course.master import BEGIN, END, without_markers

# The operators follow mutmut's (boxed/mutmut, mutmut/node_mutation.py: swap table + to -, * to
# /, ** to *, < to <=, == to !=, and/or, is/is not, in/not in, x += y to x = y, numbers +1,
# True/False, dropped not) and cosmic-ray's (sixty-north/cosmic-ray,
# src/cosmic_ray/operators/provider.py: comparison and binary replacement, unary deletion,
# number replacer +-1, break/continue, exception replacer, removed named argument), each
# narrowed to the nearest classic slip so that a week stays under a minute. Strings, decorators
# and lambdas are not mutated (messages and structure no test should pin down); added: what one
# numeric function invites, a dropped term or factor, a forgotten abs/sqrt/exp/log/transpose,
# min/max, sum/mean, std/var, a dropped axis=, an off-by-one range() or slice bound.
BINARY = {
    ast.Add: ["-"],
    ast.Sub: ["+"],
    ast.Mult: ["/"],
    ast.Div: ["*"],
    ast.FloorDiv: ["/"],
    ast.Mod: ["//"],
    ast.Pow: ["*"],
    ast.MatMult: ["*"],
    ast.BitAnd: ["|"],
    ast.BitOr: ["&"],
}
COMPARE = {
    ast.Lt: ["<=", ">="],
    ast.LtE: ["<", ">"],
    ast.Gt: [">=", "<="],
    ast.GtE: [">", "<"],
    ast.Eq: ["!="],
    ast.NotEq: ["=="],
    ast.Is: ["is not"],
    ast.IsNot: ["is"],
    ast.In: ["not in"],
    ast.NotIn: ["in"],
}
SWAPS = {
    "min": "max",
    "max": "min",
    "amin": "amax",
    "amax": "amin",
    "argmin": "argmax",
    "argmax": "argmin",
    "minimum": "maximum",
    "maximum": "minimum",
    "nanmin": "nanmax",
    "nanmax": "nanmin",
    "sum": "mean",
    "mean": "sum",
    "nansum": "nanmean",
    "nanmean": "nansum",
    "prod": "sum",
    "std": "var",
    "var": "std",
    "any": "all",
    "all": "any",
    "floor": "ceil",
    "ceil": "floor",
}
DROPPABLE_CALLS = {"abs", "sqrt", "fabs", "exp", "log", "flip", "sort", "sorted", "reversed"}
DROPPABLE_KEYWORDS = {"axis", "keepdims", "ddof", "reverse"}
SEEDING = {"default_rng", "seed", "RandomState"}  # another seed is another sample, not a slip


@dataclass(frozen=True)
class Mutant:
    """One mutant of a question's answer cell: the whole cell, with one change."""

    id: str
    """`question:hash` of the changed lines, stable while those lines stay as they are"""
    question: str
    operator: str
    source: str
    """the mutated answer cell, solution markers removed (what a student would submit)"""
    line: int
    """first changed line, counted in the master file when known (else in the cell)"""
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def diff(self) -> str:
        """The changed lines as a small diff."""
        return "\n".join([*(f"- {b}" for b in self.before), *(f"+ {a}" for a in self.after)])


@dataclass(frozen=True)
class Generated:
    """Every mutant of one question, and how many candidates were dropped on the way."""

    question: str
    mutants: tuple[Mutant, ...]
    not_compiling: int
    duplicates: int


class _Text:
    """Character offsets of ast positions (which count UTF-8 bytes within a line)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, lineno: int, col: int) -> int:
        line = self.lines[lineno - 1]
        return self.starts[lineno - 1] + len(line.encode()[:col].decode(errors="ignore"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (
            self.offset(node.lineno, node.col_offset),  # type: ignore[attr-defined]
            self.offset(node.end_lineno, node.end_col_offset),  # type: ignore[attr-defined]
        )

    def of(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.source[start:end]


Edit = tuple[str, int, int, str]  # (operator, start, end, replacement)


def _token_between(text: _Text, start: int, end: int) -> tuple[int, int] | None:
    """The operator token(s) in source[start:end], skipping parentheses, spaces, comments."""
    found: list[tuple[int, int]] = []
    for m in re.finditer(r"#[^\n]*|[^\s()\\#]+", text.source[start:end]):
        if not m.group().startswith("#"):
            found.append((start + m.start(), start + m.end()))
    return (found[0][0], found[-1][1]) if found else None


def _atom(node: ast.expr, source: str) -> str:
    simple = ast.Name | ast.Constant | ast.Attribute | ast.Subscript | ast.Call
    return source if isinstance(node, simple) else f"({source})"


def _func_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Sites(ast.NodeVisitor):
    """Collects the edits of every operator at every site inside the solution region."""

    def __init__(self, text: _Text, first: int, last: int) -> None:
        self.text, self.first, self.last = text, first, last
        self.edits: list[Edit] = []

    def inside(self, node: ast.AST) -> bool:
        lineno = getattr(node, "lineno", 0)
        return self.first <= lineno and getattr(node, "end_lineno", 0) <= self.last

    def add(self, operator: str, node: ast.AST, replacement: str) -> None:
        start, end = self.text.span(node)
        self.edits.append((operator, start, end, replacement))

    def generic_visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.JoinedStr):
            return  # error messages: a changed message is no slip the tests should see
        if self.inside(node):
            self.mutate(node)
        super().generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        if self.inside(node):
            self.add("dropped raise", node, "pass")  # the arguments are only a message

    def visit_Call(self, node: ast.Call) -> None:
        name = _func_name(node)
        if name in SEEDING:
            return
        self.generic_visit(node)

    def mutate(self, node: ast.AST) -> None:
        t = self.text
        if isinstance(node, ast.BinOp):
            gap = _token_between(t, t.span(node.left)[1], t.span(node.right)[0])
            for symbol in BINARY.get(type(node.op), []):
                if gap:
                    self.edits.append(("arithmetic operator", *gap, symbol))
            if isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
                self.add("dropped term", node, _atom(node.left, t.of(node.left)))
            if isinstance(node.op, ast.Add | ast.Mult):
                self.add("dropped term", node, _atom(node.right, t.of(node.right)))
        elif isinstance(node, ast.AugAssign):
            gap = _token_between(t, t.span(node.target)[1], t.span(node.value)[0])
            for symbol in BINARY.get(type(node.op), []):
                if gap:
                    self.edits.append(("arithmetic operator", *gap, symbol + "="))
            if gap:
                self.edits.append(("assignment instead of update", *gap, "="))
        elif isinstance(node, ast.Compare):
            left = node.left
            for op, right in zip(node.ops, node.comparators, strict=True):
                gap = _token_between(t, t.span(left)[1], t.span(right)[0])
                for symbol in COMPARE.get(type(op), []):
                    if gap:
                        self.edits.append(("comparison", *gap, symbol))
                left = right
        elif isinstance(node, ast.BoolOp):
            symbol = "or" if isinstance(node.op, ast.And) else "and"
            for left, right in zip(node.values, node.values[1:], strict=False):
                gap = _token_between(t, t.span(left)[1], t.span(right)[0])
                if gap:
                    self.edits.append(("and/or", *gap, symbol))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not | ast.Invert):
            label = "dropped not" if isinstance(node.op, ast.Not) else "dropped unary minus"
            self.add(label, node, t.of(node.operand))
        elif isinstance(node, ast.Constant):
            self.constant(node)
        elif isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, ast.Attribute) and node.attr == "T":
            self.add("dropped transpose", node, t.of(node.value))
        elif isinstance(node, ast.Slice):
            for bound in (node.lower, node.upper):
                if bound is not None and not isinstance(bound, ast.Constant):
                    source = (
                        _atom(bound, t.of(bound)) if isinstance(bound, ast.IfExp) else t.of(bound)
                    )
                    self.add("slice bound", bound, f"{source} + 1")
                    self.add("slice bound", bound, f"{source} - 1")
        elif isinstance(node, ast.Break | ast.Continue):
            self.add("break/continue", node, "continue" if isinstance(node, ast.Break) else "break")
        statement = ast.Assign | ast.AugAssign | ast.AnnAssign | ast.Expr | ast.Assert
        docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if isinstance(node, statement) and not docstring:
            self.add("dropped statement", node, "pass")

    def constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self.add("constant", node, repr(not value))
        elif isinstance(value, int):
            for text in (repr(value + 1), repr(value - 1)):
                self.add("constant", node, text)
        elif isinstance(value, float):
            for text in ("1.0",) if value == 0 else (repr(value * 2), repr(value / 2)):
                self.add("constant", node, text)

    def call(self, node: ast.Call) -> None:
        t, name = self.text, _func_name(node)
        if name in SWAPS:
            end = t.span(node.func)[1]  # the name ends the callee: `min` or `np.min`
            self.edits.append(("min/max/sum/mean", end - len(name), end, SWAPS[name]))
        if name in DROPPABLE_CALLS and len(node.args) == 1 and not node.keywords:
            self.add(f"dropped {name}()", node, t.of(node.args[0]))
        if name == "range":
            for arg in node.args[:2]:
                if not isinstance(arg, ast.Constant):
                    self.add("range bound", arg, f"{_atom(arg, t.of(arg))} + 1")
                    self.add("range bound", arg, f"{_atom(arg, t.of(arg))} - 1")
        for kw in node.keywords:
            if kw.arg in DROPPABLE_KEYWORDS:
                kept = ast.Call(
                    func=node.func,
                    args=node.args,
                    keywords=[k for k in node.keywords if k is not kw],
                )
                self.add(f"dropped {kw.arg}=", node, ast.unparse(kept))


def solution_lines(source: str) -> tuple[int, int]:
    """First and last line (1-based, in the cell) strictly between the solution markers."""
    lines = [ln.strip() for ln in source.splitlines()]
    begin = lines.index(BEGIN) + 1 if BEGIN in lines else 0
    end = len(lines) - lines[::-1].index(END) if END in lines else len(lines) + 1
    return begin + 1, end - 1


def _edits(source: str) -> Iterator[tuple[str, str]]:
    tree = ast.parse(source)
    first, last = solution_lines(source)
    sites = _Sites(_Text(source), first, last)
    sites.visit(tree)
    for operator, start, end, replacement in sites.edits:
        yield operator, source[:start] + replacement + source[end:]


def generate(question: str, cell: str, line_offset: int = 0) -> Generated:
    """Every single-site mutant of the solution region of `cell` (the answer cell of
    `question`, with its markers), deduplicated and compiled; `line_offset` places the cell's
    first line in the master, for the line numbers the report shows."""
    original = ast.dump(ast.parse(cell))
    seen = {original}
    mutants: list[Mutant] = []
    ids: set[str] = set()
    not_compiling = duplicates = 0
    for operator, mutated in _edits(cell):
        try:
            tree = ast.parse(mutated)
            compile(tree, "<mutant>", "exec")
        except (SyntaxError, ValueError):
            not_compiling += 1
            continue
        if ast.dump(tree) in seen:
            duplicates += 1
            continue
        seen.add(ast.dump(tree))
        line, before, after = _changed(cell, mutated)
        key = hashlib.sha1(f"{question}\n{before}\n{after}".encode()).hexdigest()[:6]
        mid, n = f"{question}:{key}", 2
        while mid in ids:  # the same change on two identical lines
            mid, n = f"{question}:{key}-{n}", n + 1
        ids.add(mid)
        mutants.append(
            Mutant(
                mid,
                question,
                operator,
                without_markers(mutated) + "\n",
                line + line_offset,
                before,
                after,
            )
        )
    return Generated(question, tuple(mutants), not_compiling, duplicates)


def _changed(old: str, new: str) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    i1, i2, j1, j2 = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    return i1 + 1, tuple(a[i1:i2]), tuple(b[j1:j2])
