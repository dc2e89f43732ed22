"""Find forbidden shortcuts (e.g. `np.dot`, `@`) in a student's function and its helpers: one
rule, applied by the grader to a submission's cells and by the notebook's own check to the
cells the kernel ran."""

from __future__ import annotations

import ast
import contextlib
import inspect
from types import FunctionType, ModuleType
from typing import Any

NUMPY_ROOTS = {"np", "numpy"}
ARRAY_METHODS = {"dot"}  # ndarray methods that are the same shortcut as the numpy function


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _normalise(name: str, aliases: dict[str, str]) -> str:
    root, _, rest = name.partition(".")
    root = aliases.get(root, root)
    if root.split(".")[0] == "numpy":
        root = "np" + root[len("numpy") :]
    return f"{root}.{rest}" if rest else root


def collect_aliases(trees: list[ast.Module]) -> dict[str, str]:
    """Local names bound by imports anywhere in the notebook: `la` -> `numpy.linalg`."""
    aliases: dict[str, str] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    aliases[a.asname or a.name.split(".")[0]] = (
                        a.name if a.asname else a.name.split(".")[0]
                    )
            elif isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    return aliases


def top_level_functions(trees: list[ast.Module]) -> dict[str, ast.FunctionDef]:
    """Module-level function definitions; a later cell's definition wins, as when run."""
    found: dict[str, ast.FunctionDef] = {}
    for tree in trees:
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                found[node.name] = node
    return found


def violations(function: str, forbid: tuple[str, ...], trees: list[ast.Module]) -> list[str]:
    """The forbidden shortcuts that `function`, or a notebook helper it calls, uses."""
    if not forbid:
        return []
    functions = top_level_functions(trees)
    aliases = collect_aliases(trees)
    methods = {f[1:] for f in forbid if f.startswith(".")}  # a method, on whatever object
    wanted = {_normalise(f, {}) for f in forbid if not f.startswith(".")}
    seen: set[str] = set()
    todo = [function]
    used: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in functions:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            if "@" in wanted and (
                isinstance(node, ast.BinOp | ast.AugAssign) and isinstance(node.op, ast.MatMult)
            ):
                used.add("the @ operator")
            if isinstance(node, ast.Attribute) and node.attr in methods:
                used.add(f"the .{node.attr}() method")
            if isinstance(node, ast.Attribute | ast.Name):
                dotted = _dotted(node)
                if dotted is None:
                    continue
                full = _normalise(dotted, aliases)
                for f in wanted - {"@"}:
                    if full == f or full.startswith(f + "."):
                        used.add(f)
                    elif (
                        isinstance(node, ast.Attribute)
                        and node.attr in ARRAY_METHODS
                        and (f.endswith("." + node.attr))
                    ):
                        used.add(f".{node.attr}() (the same as {f})")
                    elif (
                        "@" in wanted
                        and isinstance(node, ast.Attribute)
                        and (node.attr == "__matmul__")
                    ):
                        used.add("the @ operator")
                if isinstance(node, ast.Name) and node.id in functions:
                    todo.append(node.id)
    return sorted(used)


def message(function: str, used: list[str]) -> str:
    """What a student reads when `function` uses forbidden shortcuts (grader and notebook)."""
    return (
        f"`{function}` uses {', '.join(used)}, which this exercise forbids: write it without "
        "that shortcut."
    )


def kernel_trees(env: dict[str, Any]) -> list[ast.Module]:
    """The code a notebook's kernel ran: IPython's input history (later cells last, so a
    redefinition wins as it did when run); outside IPython, the namespace's own functions and
    the modules it bound."""
    history = env.get("In") or env.get("_ih")
    if isinstance(history, list) and history:
        sources = [s for s in history if isinstance(s, str)]
    else:
        sources = [
            f"import {v.__name__} as {k}" for k, v in env.items() if isinstance(v, ModuleType)
        ]
        for value in env.values():
            if isinstance(value, FunctionType) and value.__module__ in ("__main__", None):
                with contextlib.suppress(OSError, TypeError):
                    sources.append(inspect.getsource(value))
    trees = []
    for source in sources:
        with contextlib.suppress(SyntaxError):  # a cell that failed to run defined nothing
            trees.append(ast.parse(source))
    return trees


def check_kernel(env: dict[str, Any], function: str, forbid: tuple[str, ...]) -> None:
    """The notebook's check of the rule: raise AssertionError with the grader's message."""
    used = violations(function, forbid, kernel_trees(env))
    if used:
        raise AssertionError(message(function, used))
