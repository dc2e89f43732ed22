"""Which demonstration cells a submission's grading may leave out.

An author marks a code cell `grading="skip"` when it only demonstrates (a figure, an
experiment) and nothing graded needs it; the build records a fingerprint of each such cell.
At grading, a cell is left out only if it is byte-for-byte the author's cell and no cell that
does run uses a name it defines. A student who edits a demonstration cell, or whose code relies
on something a demonstration defines, gets it run as usual.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable

# Code that reaches variables by name at run time: with it anywhere, every cell runs.
DYNAMIC = {"eval", "exec", "globals", "locals", "vars", "__import__", "__main__"}


def fingerprint(source: str) -> str:
    """The fingerprint of a cell's source (surrounding whitespace ignored)."""
    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()


class _Bindings(ast.NodeVisitor):
    """Names a module-level piece of code binds: assignments, defs, imports, and names that
    functions declare `global`. Function bodies are not bindings of the module."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store | ast.Del):
            self.names.add(node.id)

    def _scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.names.add(node.name)
        for decorator in node.decorator_list:
            self.visit(decorator)
        for inner in ast.walk(node):
            if isinstance(inner, ast.Global):
                self.names.update(inner.names)

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def visit_Lambda(self, node: ast.Lambda) -> None:
        return None

    def visit_Import(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            self.names.add(alias.asname or alias.name.split(".")[0])

    visit_ImportFrom = visit_Import


def bound_names(tree: ast.Module) -> set[str]:
    """The names `tree` (one cell) binds in the notebook's namespace."""
    visitor = _Bindings()
    visitor.visit(tree)
    return visitor.names


def _loads(node: ast.AST) -> set[str]:
    """Names read in `node`; `x += 1` reads x too."""
    names = {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    names.update(
        n.target.id
        for n in ast.walk(node)
        if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name)
    )
    return names


def _stores(node: ast.AST) -> set[str]:
    """Every name bound anywhere in `node` (function locals and parameters included)."""
    names = {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)
    }
    for n in ast.walk(node):
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(n.name)
        elif isinstance(n, ast.arg):
            names.add(n.arg)
        elif isinstance(n, ast.Import | ast.ImportFrom):
            names.update(a.asname or a.name.split(".")[0] for a in n.names)
    return names


_INNER_SCOPES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda)
SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Delete, ast.Assert)


def free_names(tree: ast.Module) -> set[str]:
    """The names a cell takes from the rest of the notebook: read before the cell itself binds
    them (statement by statement; a compound statement such as a loop or a function counts
    its own bindings), plus the `__main__` of dynamic access."""
    bound: set[str] = set()
    free: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, SIMPLE):  # only comprehensions and lambdas bind inside
            inner = [n for n in ast.walk(statement) if isinstance(n, _INNER_SCOPES)]
            own = set().union(*(_stores(n) for n in inner))
        else:
            own = _stores(statement)
        free |= _loads(statement) - bound - own
        bound |= bound_names(ast.Module(body=[statement], type_ignores=[]))
    free.update(
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == "__main__"
    )
    return free


def cells_to_skip(
    trees: list[ast.Module | None],
    sources: list[str],
    skippable: Iterable[str],
    needed: Iterable[str],
) -> set[int]:
    """Indices of the cells that grading may leave out.

    Args:
        trees: each cell parsed (None where it does not parse).
        sources: each cell's source.
        skippable: fingerprints of the author's demonstration cells.
        needed: names the tests need (the graded functions).
    """
    allowed = set(skippable)
    if not allowed:
        return set()
    free = [free_names(t) if t is not None else set() for t in trees]
    candidates = {
        i
        for i, (tree, source) in enumerate(zip(trees, sources, strict=True))
        if tree is not None and fingerprint(source) in allowed
    }
    binds = {i: bound_names(trees[i]) for i in candidates}  # type: ignore[arg-type]
    while candidates:
        used = set(needed).union(*(free[i] for i in range(len(trees)) if i not in candidates))
        if used & DYNAMIC:
            return set()
        kept = {i for i in candidates if binds[i] & used}
        if not kept:
            break
        candidates -= kept
    return candidates


RANDOM_SETUP = {"default_rng", "Generator", "PCG64", "SeedSequence"}  # create, never draw
# Methods that only read the object they are called on (of dicts, lists, arrays, strings).
READ_ONLY = {
    "items", "keys", "values", "get", "copy", "count", "index",
    "mean", "sum", "std", "var", "min", "max", "any", "all", "prod", "cumsum",
    "argmax", "argmin", "argsort", "nonzero", "astype", "reshape", "ravel", "flatten",
    "round", "tolist", "transpose", "squeeze", "clip", "dot",
    "format", "join", "split", "strip", "startswith", "endswith", "upper", "lower",
}  # fmt: skip


def _root(node: ast.AST) -> str | None:
    """`a` for `a.b.c` or `a[0].b`; None when the chain starts elsewhere."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def shared_state_changes(tree: ast.Module, modules: set[str]) -> list[str]:
    """How a cell may change what other cells see (for cells that grading leaves out): method
    calls on, or item/attribute assignments to, values it takes from other cells; draws from
    numpy's global random state; `global` statements. `modules` are imported names, whose
    functions may be called."""
    free = free_names(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            root = _root(node.func)
            dotted = ast.unparse(node.func)
            if root in free and root not in modules and node.func.attr not in READ_ONLY:
                found.add(f"calls a method of `{root}`, which another cell made")
            elif ".random." in f".{dotted}" and node.func.attr not in RANDOM_SETUP:
                found.add(f"draws from numpy's global random state (`{dotted}`)")
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            root = _root(target)
            if root in free and (
                not isinstance(target, ast.Name) or isinstance(node, ast.AugAssign)
            ):
                found.add(f"changes `{root}`, which another cell made")
        if isinstance(node, ast.Global):
            found.add("declares names global")
    return sorted(found)
