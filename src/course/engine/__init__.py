"""The grading engine: student code in a confined child, verdicts in the trusted parent.

Its names load on first use (PEP 562): the fork server imports `course.engine.warm` through
this package, and warm must set its thread limits before numpy loads — a BLAS that starts
with several threads deadlocks in a sandbox that may not start a thread.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from course.engine.runner import Options, SubmissionResult, grade_notebook
    from course.engine.suite import Suite, load_suite

__all__ = ["Options", "SubmissionResult", "Suite", "grade_notebook", "load_suite"]
_HOMES = {
    "Options": "runner",
    "SubmissionResult": "runner",
    "grade_notebook": "runner",
    "Suite": "suite",
    "load_suite": "suite",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"course.engine.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'course.engine' has no attribute {name!r}")
