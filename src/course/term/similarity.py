"""`course similarity WEEK`: students' answer code compared per question, after removing the
release's own code and docstrings and normalising names, formatting and the order of helper
functions (standard `ast`); writes the most similar pairs side by side. It reports; it never
changes a score."""

from __future__ import annotations

import ast
import html
import io
import itertools
import json
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.grade.progress import Progress
from course.grade.reports import write_atomic

K = 4
"""length of the token runs compared: short enough to survive small edits"""


@dataclass(frozen=True)
class Pair:
    """Two students' answers to one question and how alike they are (0..1)."""

    question: str
    a: str
    b: str
    similarity: float
    code_a: str
    code_b: str


def _cells(notebook: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def answer_code(notebook: dict[str, Any], question: str) -> str:
    """The answer cell of `question` (by its metadata, else the cell that defines it)."""
    for cell in _cells(notebook):
        meta = cell.get("metadata", {}).get("course", {})
        if meta.get("role") == "answer" and meta.get("question") == question:
            return _source(cell)
    for cell in _cells(notebook):
        if f"def {question}(" in _source(cell):
            return _source(cell)
    return ""


def _strip_docstrings(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]


def _statements(tree: ast.AST) -> set[str]:
    return {ast.dump(n) for n in ast.walk(tree) if isinstance(n, ast.stmt)}


def _drop_given(tree: ast.AST, given: set[str]) -> None:
    """Remove every statement that the release itself holds (it is everyone's code)."""
    for node in ast.walk(tree):
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                kept = [s for s in body if ast.dump(s) not in given]
                if not kept and name == "body" and not isinstance(node, ast.Module):
                    kept = [ast.Pass()]
                setattr(node, name, kept)


class _Names(ast.NodeTransformer):
    """Functions defined in the answer become `F`; a function's own names (arguments and what
    it assigns) become v0, v1, ... in order of first use; other names (np, len) stay."""

    def __init__(self, defined: set[str]) -> None:
        self.defined = defined
        self.local: dict[str, str] = {}

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        outer = self.local
        self.local = dict(outer)
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            arg.arg = self.local.setdefault(arg.arg, f"v{len(self.local)}")
            arg.annotation = None
        for target in ast.walk(node):
            if isinstance(target, ast.Name) and isinstance(target.ctx, ast.Store):
                self.local.setdefault(target.id, f"v{len(self.local)}")
        node.name = "F"
        node.returns = None
        self.generic_visit(node)
        self.local = outer
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.defined:
            node.id = "F"
        elif node.id in self.local:
            node.id = self.local[node.id]
        return node


def normalise(code: str, given: set[str]) -> str:
    """The answer as canonical code: without the release's code and docstrings, with names
    normalised and top-level statements sorted (so reordered helpers compare equal)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return ""
    _strip_docstrings(tree)
    _drop_given(tree, given)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    tree = _Names(defined).visit(tree)
    parts = sorted(ast.unparse(stmt) for stmt in tree.body)
    return "\n".join(parts)


def tokens(code: str) -> list[str]:
    """The code's tokens (no comments, no layout)."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    try:
        found = tokenize.generate_tokens(io.StringIO(code).readline)
        return [t.string for t in found if t.type not in skip and t.string]
    except (tokenize.TokenError, IndentationError):
        return code.split()


def similarity(a: list[str], b: list[str]) -> float:
    """Jaccard similarity of the two token streams' runs of K tokens."""
    runs_a = {tuple(a[i : i + K]) for i in range(max(len(a) - K + 1, 1))}
    runs_b = {tuple(b[i : i + K]) for i in range(max(len(b) - K + 1, 1))}
    return len(runs_a & runs_b) / len(runs_a | runs_b) if runs_a | runs_b else 0.0


def compare(
    release: dict[str, Any],
    notebooks: dict[str, dict[str, Any]],
    questions: list[str],
    *,
    min_tokens: int = 25,
    quiet: bool = False,
) -> tuple[list[Pair], list[str]]:
    """Every pair of students per question, most similar first; and the questions left out
    because their answers are too short to mean anything (median under `min_tokens`)."""
    pairs: list[Pair] = []
    skipped: list[str] = []
    progress = Progress(len(questions), "comparing answers", enabled=not quiet)
    for q in questions:
        given_tree = ast.parse(answer_code(release, q) or "pass")
        _strip_docstrings(given_tree)
        given = _statements(given_tree)
        raw = {name: answer_code(nb, q) for name, nb in notebooks.items()}
        toks = {name: tokens(normalise(code, given)) for name, code in raw.items()}
        lengths = sorted(len(t) for t in toks.values())
        if not lengths or lengths[len(lengths) // 2] < min_tokens:
            skipped.append(q)
            progress.advance()
            continue
        for a, b in itertools.combinations(sorted(toks), 2):
            if len(toks[a]) >= min_tokens and len(toks[b]) >= min_tokens:
                score = similarity(toks[a], toks[b])
                pairs.append(Pair(q, a, b, round(score, 4), raw[a], raw[b]))
        progress.advance()
    progress.close()
    pairs.sort(key=lambda p: (-p.similarity, p.question, p.a, p.b))
    return pairs, skipped


def load_notebooks(folder: Path) -> dict[str, dict[str, Any]]:
    """The collected notebooks of a week, by submission name (unreadable ones are skipped:
    they have nothing to compare)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.ipynb")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
    return out


def report_html(title: str, pairs: list[Pair], skipped: list[str], top: int) -> str:
    """The most similar pairs, each with both answers side by side."""
    e = html.escape
    parts = [
        f"<!doctype html><meta charset='utf-8'><title>{e(title)}</title>",
        "<style>body{font-family:sans-serif} td{vertical-align:top;width:50%}"
        " pre{background:#f6f6f6;padding:6px;overflow-x:auto}</style>",
        f"<h1>{e(title)}</h1>",
        "<p>Similarity of answer code per question (after removing the release's code and "
        "docstrings and normalising names, formatting and helper order). A report only: no "
        "score is changed. High similarity is a reason to look, not proof.</p>",
    ]
    if skipped:
        parts.append(f"<p>Not compared (answers too short): {e(', '.join(skipped))}</p>")
    for p in pairs[:top]:
        parts.append(
            f"<h2>{e(p.question)}: {e(p.a)} and {e(p.b)} — {100 * p.similarity:.0f}% alike</h2>"
            f"<table><tr><th>{e(p.a)}</th><th>{e(p.b)}</th></tr><tr>"
            f"<td><pre>{e(p.code_a)}</pre></td><td><pre>{e(p.code_b)}</pre></td></tr></table>"
        )
    return "\n".join(parts) + "\n"


def write_report(path: Path, title: str, pairs: list[Pair], skipped: list[str], top: int) -> Path:
    """Write the HTML report (and nothing else: scores are never touched)."""
    write_atomic(path, report_html(title, pairs, skipped, top))
    return path
