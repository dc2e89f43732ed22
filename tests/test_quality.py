"""The quality gates of pyproject.toml hold: ruff lint and format, mypy strict on the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
TARGETS = ["src", "tests", "benchmarks", "bootstrap.py"]


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", *TARGETS], ["ruff", "format", "--check", *TARGETS], ["mypy"]],
    ids=["ruff-lint", "ruff-format", "mypy-strict"],
)
def test_gate(command: list[str], repo: Path) -> None:
    result = subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
