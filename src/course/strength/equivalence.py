"""Set aside mutants that behave like the solution (on the tests' inputs and random ones),
and read the author's list of mutants that are correct after all."""

from __future__ import annotations

import ast
import copy
import multiprocessing
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np

from course.errors import CourseError
from course.strength.inputs import Call
from course.strength.mutate import Mutant

LISTED = "EQUIVALENT"
EXAMPLE = 'EQUIVALENT = [("norm:3f2a1c", "p == 1 takes either branch to the same value")]'
# Tight, as the authoring guide's tightest test tolerance: closer than this is the same answer.
RTOL, ATOL = 1e-9, 1e-12
TIME_BUDGET = 0.3  # seconds of the solution's own time per function: a week stays fast
MIN_TIMEOUT = 0.5  # a call the solution makes in 1 ms may take a mutant this long


def read_listed(path: Path) -> dict[str, str]:
    """`EQUIVALENT` of source/<aid>/mutants.py: mutant id -> why it is correct after all."""
    if not path.is_file():
        return {}
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except SyntaxError as exc:
        raise CourseError(f"{path}, line {exc.lineno}: {exc.msg}") from exc
    listed: dict[str, str] = {}
    for node in tree.body:
        if not (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == LISTED for t in node.targets)
        ):
            continue
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            value = None
        if not isinstance(value, list | tuple) or not all(
            isinstance(e, tuple) and len(e) == 2 and all(isinstance(s, str) and s for s in e)
            for e in value
        ):
            raise CourseError(
                f"{path}, line {node.lineno}: {LISTED} must be a list of "
                f'("question:id", "why it is correct") pairs, like {EXAMPLE}'
            )
        listed.update(dict(value))
    return listed


def same(a: Any, b: Any) -> bool:
    """Whether two results are the same answer (containers compared item by item, numbers
    to a tight tolerance; a list and an array of the same numbers are the same)."""
    if isinstance(a, dict) or isinstance(b, dict):
        return (
            isinstance(a, dict)
            and isinstance(b, dict)
            and a.keys() == b.keys()
            and all(same(a[k], b[k]) for k in a)
        )
    try:
        x, y = np.asarray(a), np.asarray(b)
    except (ValueError, TypeError):  # ragged
        x = y = np.empty(0)
        if isinstance(a, list | tuple) and isinstance(b, list | tuple):
            return len(a) == len(b) and all(same(p, q) for p, q in zip(a, b, strict=True))
    if x.dtype.kind in "biufc" and y.dtype.kind in "biufc":
        if x.shape != y.shape:
            return False
        with np.errstate(all="ignore"):
            return bool(np.allclose(x, y, rtol=RTOL, atol=ATOL, equal_nan=True))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(p, q) for p, q in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:
        return repr(a) == repr(b)


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so the mutant's own `except Exception` lets it by."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


Outcome = tuple[Any, ...]


def outcome(func: Callable[..., Any], call: Call, timeout: float) -> Outcome:
    """What one call does: ("ok", result, arguments afterwards), ("raise", type) or
    ("timeout",). Arguments are copied, so a function that mutates them is seen doing it."""
    args, kwargs = copy.deepcopy(call.args), copy.deepcopy(call.kwargs)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = func(*args, **kwargs)
    except _Timeout:
        return ("timeout",)
    except ValueError:  # the syllabus's error: numpy's LinAlgError and AxisError are ValueErrors
        return ("raise", "ValueError")
    except Exception as exc:
        return ("raise", type(exc).__name__)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return ("ok", value, args, kwargs)


def same_outcome(a: Outcome, b: Outcome) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "ok":
        return same(a[1], b[1]) and same(list(a[2]), list(b[2])) and same(a[3], b[3])
    return a == b


@dataclass
class Reference:
    """The solution's behaviour on the inputs kept for one function."""

    calls: list[Call]
    expected: list[Outcome]
    timeout: float


def reference(func: Callable[..., Any], calls: list[Call]) -> Reference:
    """Run the solution twice on each call (a call whose answer changes from run to run is
    dropped: it cannot tell a mutant from the solution) until the time budget is spent."""
    if threading.current_thread() is not threading.main_thread():  # alarms reach only that one
        raise CourseError("run `course strength` from the main thread (it times calls with alarms)")
    previous = signal.signal(signal.SIGALRM, _alarm)
    kept: list[Call] = []
    expected: list[Outcome] = []
    slowest, spent = 0.0, 0.0
    try:
        for call in calls:
            if spent > TIME_BUDGET and len(kept) >= 3:
                break
            started = time.perf_counter()
            first = outcome(func, call, 10.0)
            took = time.perf_counter() - started
            spent += took
            if first[0] != "timeout" and same_outcome(first, outcome(func, call, 10.0)):
                kept.append(call)
                expected.append(first)
                slowest = max(slowest, took)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return Reference(kept, expected, max(MIN_TIMEOUT, 20 * slowest))


# What a forked checker needs, set before the fork (functions and inputs are not picklable).
_STATE: dict[str, Any] = {}


def _init() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def check(mutant_id: str) -> tuple[str, str]:
    """("", "") when the mutant behaves like the solution on every kept input, else
    (where it differed, how)."""
    mutant: Mutant = _STATE["mutants"][mutant_id]
    ref: Reference = _STATE["references"][mutant.question]
    namespace = dict(_STATE["namespace"])
    try:
        exec(compile(mutant.source, f"<mutant {mutant.id}>", "exec"), namespace)
        func = namespace[mutant.question]
    except Exception as exc:
        return "definition", f"defining it raised {type(exc).__name__}"
    for call, expected in zip(ref.calls, ref.expected, strict=True):
        got = outcome(func, call, ref.timeout)
        if not same_outcome(expected, got):
            how = {"timeout": "ran too long", "raise": f"raised {got[-1]}"}.get(
                got[0], "returned another result"
            )
            return call.origin, how
    return "", ""


def run_checks(
    namespace: dict[str, Any],
    references: dict[str, Reference],
    mutants: list[Mutant],
    workers: int,
) -> Iterator[tuple[str, tuple[str, str]]]:
    """Check `mutants` in `workers` forked processes; yields (id, check's answer)."""
    _STATE.update(namespace=namespace, references=references, mutants={m.id: m for m in mutants})
    ids = [m.id for m in mutants]
    context = multiprocessing.get_context("fork")
    with context.Pool(max(1, workers), initializer=_init) as pool:
        results = pool.imap(check, ids)  # chunks would hide next(timeout)
        for mid in ids:
            try:
                yield mid, results.next(timeout=60)
            except multiprocessing.TimeoutError:  # stuck outside Python: grade what is left
                pool.terminate()
                done = ids.index(mid)
                for rest in ids[done:]:
                    yield rest, ("unchecked", "the check got stuck")
                return
    _STATE.clear()
