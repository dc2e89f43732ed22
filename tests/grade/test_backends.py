"""Grading backends keep a bounded number of submissions in flight, however large the batch."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from course.grade import backends
from course.grade.backends import IN_FLIGHT_PER_WORKER, Graded, LocalBackend


def test_a_large_batch_is_fed_to_the_workers_a_window_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[Path] = []

    def instant(path: Path, name: str, suite: Any, options: Any) -> Graded:
        started.append(path)
        return Graded(f"{name}\n", "")

    monkeypatch.setattr(backends, "render", instant)
    todo = {Path(f"s{i}.ipynb"): f"s{i}" for i in range(400)}
    backend = LocalBackend(suite=None, options=None, workers=2)  # type: ignore[arg-type]
    seen, ahead = [], 0
    for path, graded in backend.grade(todo):
        assert isinstance(graded, Graded) and graded.results == f"{todo[path]}\n"
        seen.append(path)
        time.sleep(0.001)  # a slow consumer (writing files): the graders must not run ahead
        ahead = max(ahead, len(started) - len(seen))
    assert sorted(seen) == sorted(todo), "every submission exactly once"
    assert ahead <= IN_FLIGHT_PER_WORKER * 2, f"{ahead} graded ahead of the consumer"


def test_a_failed_render_is_yielded_as_its_exception_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def flaky(path: Path, name: str, suite: Any, options: Any) -> Graded:
        if name == "s3":
            raise RuntimeError("disk full")
        return Graded("", "")

    monkeypatch.setattr(backends, "render", flaky)
    todo = {Path(f"s{i}.ipynb"): f"s{i}" for i in range(10)}
    outcomes = dict(LocalBackend(None, None, 2).grade(todo))  # type: ignore[arg-type]
    assert len(outcomes) == 10
    assert [p.name for p, o in outcomes.items() if isinstance(o, RuntimeError)] == ["s3.ipynb"]
