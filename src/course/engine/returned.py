"""A failing public test ends its message with what the student's function returned: seeing
6.00001 where 6 was expected is the lesson. Used by the generated public test files, in the
notebook's own check and in the grader alike; never on hidden tests (a returned value could echo
a hidden input)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

LONGEST = 160  # characters of a shown value; a large array is cut, not printed whole


def shorten(value: Any) -> str:
    """A value as a student would read it, cut to LONGEST characters."""
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            text = np.array2string(value, precision=8, threshold=12, edgeitems=3)
            text = f"array of shape {value.shape}: {text}" if value.size > 12 else text
        else:
            text = repr(value)
    except Exception:  # a student's object whose repr fails
        text = f"a {type(value).__name__}"
    text = " ".join(text.split())
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def shows_returned(test: Callable[..., None]) -> Callable[..., None]:
    """Wrap a public test: when one of its assertions fails, the message ends with the last
    value the student's function returned in it."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        returned: list[Any] = []

        def watched(function: Any) -> Any:
            if not callable(function):
                return function

            def call(*a: Any, **k: Any) -> Any:
                value = function(*a, **k)
                returned.append(value)
                return value

            return call

        try:
            test(*map(watched, args), **{k: watched(v) for k, v in kwargs.items()})
        except AssertionError as exc:
            if type(exc) is not AssertionError or not returned:  # not the test's own assertion
                raise
            raise AssertionError(
                f"{exc} (the last value your function returned: {shorten(returned[-1])})"
            ) from None

    return run
