"""What must never leave the instructor's repository: the masters' solution lines and hidden
tests, found by content (not by markers), for leak scans of anything given to students."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from course.master import Master, solution_lines

MIN_LENGTH = 24  # shorter lines ("return total") are too common to identify a solution


@dataclass(frozen=True)
class Secrets:
    """Distinctive lines of a master's solutions and hidden tests."""

    aid: str
    solutions: frozenset[str]
    hidden_tests: frozenset[str]

    @property
    def lines(self) -> frozenset[str]:
        """Every secret line."""
        return self.solutions | self.hidden_tests

    def found_in(self, text: str, only_tests: bool = False) -> list[str]:
        """The secret lines (or, with `only_tests`, hidden-test lines) that `text` contains."""
        lines = self.hidden_tests if only_tests else self.lines
        return sorted(line for line in lines if line in text)


def public_text(master: Master) -> str:
    """Everything of a master that students see: narrative, shared code, the answer cells
    without their solutions, the test preambles and the public tests."""
    public: list[str] = []
    for cell in master.cells:
        if cell.kind == "answer":
            hidden = set(solution_lines(cell.source))
            public += [ln for ln in cell.source.splitlines() if ln not in hidden]
        elif cell.kind in ("markdown", "code"):
            public.append(cell.source)
    for question, tests in master.tests.items():
        public.append(master.preambles.get(question, ""))
        public += [test.source for test in tests if not test.hidden]
    return "\n".join(public)


def secrets_of(master: Master, also_public: str = "") -> Secrets:
    """Lines of solutions and hidden tests that are long enough to identify them and that no
    public text contains: not the master's own public parts, nor `also_public` (the public parts
    of the other weeks: a line students already have is no secret)."""
    solutions = [ln for c in master.cells if c.kind == "answer" for ln in solution_lines(c.source)]
    hidden_tests = [
        ln
        for tests in master.tests.values()
        for test in tests
        if test.hidden
        for ln in test.source.splitlines()[1:]  # not the decorator line
    ]
    public = public_text(master) + "\n" + also_public

    def distinctive(lines: list[str]) -> frozenset[str]:
        stripped = {ln.strip() for ln in lines}
        return frozenset(ln for ln in stripped if len(ln) >= MIN_LENGTH and ln not in public)

    return Secrets(master.aid, distinctive(solutions), distinctive(hidden_tests))


def course_secrets(masters: list[Master]) -> list[Secrets]:
    """The secrets of every week, each judged against the public text of the whole course."""
    publics = {m.aid: public_text(m) for m in masters}
    every = "\n".join(publics.values())
    return [secrets_of(m, every) for m in masters]


def readable(path: Path, data: bytes) -> str:
    """What a person would read in a file: a notebook's cell sources and text outputs (its
    JSON escapes quotes and splits lines, which would hide a copied line from a plain search),
    anything else as text."""
    text = data.decode("utf-8", errors="replace")
    if path.suffix != ".ipynb":
        return text
    try:
        cells = json.loads(text).get("cells", [])
    except (json.JSONDecodeError, AttributeError):
        return text
    parts = []
    for cell in cells if isinstance(cells, list) else []:
        parts.append(_joined(cell.get("source", "")))
        for output in cell.get("outputs", []) or []:
            parts.append(_joined(output.get("text", "")))
            parts.extend(_joined(v) for v in (output.get("data") or {}).values())
    return text + "\n" + "\n".join(parts)


def _joined(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def scan(files: dict[Path, str], secrets: list[Secrets]) -> list[str]:
    """One problem per file that contains a secret line: `path: solution or hidden test of X`."""
    problems = []
    for path, text in sorted(files.items()):
        for s in secrets:
            found = s.found_in(text)
            if found:
                problems.append(
                    f"{path}: contains {len(found)} line(s) of {s.aid}'s solutions "
                    f"or hidden tests, e.g. {found[0]!r}"
                )
    return problems
