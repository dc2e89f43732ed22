"""A failing public check shows what the student's function returned; a failing hidden test
never does (its value could echo a hidden input)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from course import check
from course.engine.returned import shorten
from course.paths import Layout

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
FORWARD = "def derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x)) / h\n"


def test_public_failures_show_the_returned_value_and_hidden_ones_never(tmp_path: Path) -> None:
    nb = json.loads(Layout(REPO).release_notebook("week06_calculus").read_text())
    for cell in nb["cells"]:
        meta = cell["metadata"].get("course", {})
        if meta.get("role") == "answer" and meta.get("question") == "derivative":
            cell["source"] = FORWARD  # the one-sided difference the notebook warns about
    path = tmp_path / "forward.ipynb"
    path.write_text(json.dumps(nb))
    result = check.main("week06_calculus", path, root=REPO, hidden=True).result
    derivative = next(q for q in result.questions if q.name == "derivative")
    public = [  # failed on a wrong value (not by raising, which says what it raised)
        o
        for o in derivative.outcomes
        if not o.hidden and not o.passed and not o.message.startswith("your function raised")
    ]
    hidden = [o for o in derivative.outcomes if o.hidden and not o.passed]
    assert public and hidden
    for outcome in public:
        assert "the last value your function returned: " in outcome.message, outcome.message
    assert "6.0000099999" in public[0].message  # 6 was expected: the lesson is in the digits
    for outcome in hidden:
        assert "returned" not in outcome.message, outcome.message


def test_long_values_are_shortened() -> None:
    text = shorten(np.arange(10_000.0))
    assert text.startswith("array of shape (10000,)") and len(text) <= 160
    assert shorten(6.00001) == "6.00001"
