"""The inputs a mutant is compared on: the week's own test calls, and random neighbours."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from course.engine.suite import Suite


@dataclass(frozen=True)
class Call:
    """One call of a graded function: its arguments and where they came from."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    origin: str
    """the test that made the call, or `random`"""


class _Recorder:
    """Stands for a solution function inside a test: keeps a copy of each call's arguments."""

    def __init__(self, func: Callable[..., Any], calls: list[Call], origin: str) -> None:
        self.func, self.calls, self.origin = func, calls, origin

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with contextlib.suppress(Exception):  # an argument that cannot be copied is not used
            self.calls.append(Call(copy.deepcopy(args), copy.deepcopy(kwargs), self.origin))
        return self.func(*args, **kwargs)


def record_calls(
    suite: Suite, namespace: dict[str, Any], per_function: int = 60
) -> dict[str, list[Call]]:
    """Run every test (public and hidden) on the solution in `namespace` and keep the first
    `per_function` calls each test suite makes to each graded function."""
    calls: dict[str, list[Call]] = {q.name: [] for q in suite.questions}
    for question in suite.questions:
        for test in question.tests:
            proxies = {
                p: _Recorder(namespace[p], calls.setdefault(p, []), test.name)
                for p in test.params
                if p in namespace
            }
            if len(proxies) < len(test.params):
                continue
            try:
                with np.errstate(all="ignore"):
                    test.func(**proxies)
            except Exception:  # a failing test still shows the inputs it tried
                pass
    return {name: found[:per_function] for name, found in calls.items()}


def random_calls(calls: list[Call], rng: np.random.Generator, per_call: int = 2) -> list[Call]:
    """Neighbours of the recorded calls: every float argument redrawn, once near its value (so
    structure such as signs and definiteness mostly survives) and once at random with the same
    shape and spread; integers, strings and callables stay, since they are sizes, indices,
    options and the functions under study."""
    out: list[Call] = []
    with np.errstate(all="ignore"):  # the spread of huge test values may overflow: fine
        for call in calls[:20]:
            out += _neighbours(call, rng, per_call)
    return out


def _neighbours(call: Call, rng: np.random.Generator, per_call: int) -> list[Call]:
    return [
        Call(
            tuple(_perturb(a, rng, draw % 2 == 0) for a in call.args),
            {k: _perturb(v, rng, draw % 2 == 0) for k, v in call.kwargs.items()},
            "random",
        )
        for draw in range(per_call)
    ]


def _perturb(value: Any, rng: np.random.Generator, near: bool) -> Any:
    if isinstance(value, bool | int | str) or value is None or callable(value):
        return value
    if isinstance(value, float):
        return value * (1 + 0.05 * rng.normal()) if near else value * rng.uniform(-2, 2)
    if isinstance(value, np.ndarray):
        if value.dtype.kind != "f" or value.size == 0:
            return value.copy()
        if near:
            return value * (1 + 0.05 * rng.normal(size=value.shape))
        spread = float(np.std(value)) or 1.0
        return float(np.mean(value)) + spread * rng.normal(size=value.shape)
    if isinstance(value, list | tuple):
        if value and _all_floats(value):
            try:
                new = _perturb(np.asarray(value, dtype=float), rng, near)
            except ValueError:  # ragged
                return value
            return new.tolist() if isinstance(value, list) else tuple(new.tolist())
        items = [_perturb(v, rng, near) for v in value]
        return items if isinstance(value, list) else tuple(items)
    return value


def _all_floats(value: Any) -> bool:
    """A (nested, rectangular or not) list of Python floats."""
    if isinstance(value, list | tuple):
        return bool(value) and all(_all_floats(v) for v in value)
    return isinstance(value, float)
