"""`course strength`: how many single-site mutants of each solution the hidden tests kill."""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from course.config import load_course
from course.engine import load_suite
from course.errors import CourseError
from course.grade.progress import Progress
from course.master import Master, read_master, without_markers
from course.paths import Layout
from course.sample import correct_notebook, import_cells
from course.strength import equivalence, inputs, kill, mutate
from course.strength.inputs import Call
from course.strength.kill import CONTROL, Verdict
from course.strength.mutate import Mutant

KILLED, SURVIVED, EQUIVALENT, LISTED = "killed", "survived", "equivalent", "listed"


@dataclass
class Outcome:
    """One mutant's fate."""

    mutant: Mutant
    status: str
    """killed, survived, equivalent (set aside by the check) or listed (by the author)"""
    why: str = ""
    """killed: the hidden tests that failed; survived: where it differs; listed: the reason"""
    public_catches: bool = False


@dataclass
class FunctionReport:
    """The mutants of one graded function and what became of them."""

    name: str
    outcomes: list[Outcome] = field(default_factory=list)
    not_compiling: int = 0
    duplicates: int = 0
    sampled_out: int = 0
    """generated but left out by --max"""

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def graded(self) -> int:
        return self.count(KILLED) + self.count(SURVIVED)

    @property
    def kill_rate(self) -> float | None:
        return self.count(KILLED) / self.graded if self.graded else None

    @property
    def survivors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == SURVIVED]


@dataclass
class StrengthReport:
    """A week's mutation report."""

    aid: str
    seed: int
    functions: list[FunctionReport]
    stale: list[str] = field(default_factory=list)
    """ids listed as equivalent in mutants.py that no mutant has any more"""
    master: str = ""
    report: Path | None = None
    figure: Path | None = None
    seconds: float = 0.0

    def total(self, status: str) -> int:
        return sum(f.count(status) for f in self.functions)

    @property
    def kill_rate(self) -> float | None:
        graded = sum(f.graded for f in self.functions)
        return self.total(KILLED) / graded if graded else None


def main(
    aid: str,
    *,
    root: Path,
    function: str | None = None,
    max_mutants: int | None = None,
    seed: int = 0,
    workers: int = 2,
    out: Path | None = None,
    test_timeout: float = 2.0,
    quiet: bool = False,
) -> StrengthReport:
    """Mutate each graded function of `aid`'s solution, set aside likely-equivalent mutants,
    grade the rest with the hidden tests and write out/report.md (default
    build/strength/AID/) with its figure."""
    from course.strength.report import write_report

    started = time.monotonic()
    layout = Layout(root)
    course = load_course(layout.config)
    if aid not in [w.id for w in course.weeks]:
        raise CourseError(
            f"unknown assignment {aid!r}; choose one of {', '.join(w.id for w in course.weeks)}"
        )
    master = read_master(aid, layout.master(aid))
    suite = load_suite(layout, aid)
    questions = list(master.questions)
    if function is not None:
        if function not in questions:
            raise CourseError(
                f"{aid} has no graded function {function!r}; choose one of {', '.join(questions)}"
            )
        questions = [function]
    if max_mutants is not None and max_mutants < 1:
        raise CourseError(f"--max must be at least 1 (got {max_mutants})")

    functions, mutants, every_id = _generate(master, questions, max_mutants, seed)
    listed = equivalence.read_listed(layout.mutants(aid))
    stale = sorted(i for i in listed if i not in every_id and i.split(":")[0] in questions)

    namespace = _solution_namespace(master)
    recorded = inputs.record_calls(suite, namespace)
    rng = np.random.default_rng(seed)
    references = {
        q: equivalence.reference(namespace[q], _inputs_for(recorded.get(q, []), rng))
        for q in questions
    }
    outcomes: dict[str, Outcome] = {}
    for m in mutants:
        if m.id in listed:
            outcomes[m.id] = Outcome(m, LISTED, listed[m.id])
    to_check = [m for m in mutants if m.id not in outcomes]
    by_id = {m.id: m for m in to_check}
    differs: dict[str, str] = {}
    bar = Progress(len(to_check), f"{aid}: comparing mutants with the solution", not quiet)
    for mid, (where, how) in equivalence.run_checks(namespace, references, to_check, workers):
        bar.advance()
        if where:
            differs[mid] = f"{how} on {_origin(where)}"
        else:
            outcomes[mid] = Outcome(by_id[mid], EQUIVALENT)
    bar.close()

    to_grade = [m for m in to_check if m.id in differs]
    verdicts = _grade(layout, aid, master, suite, questions, to_grade, workers, test_timeout, quiet)
    for m in to_grade:
        v = verdicts[m.id]
        if v.killed:
            outcomes[m.id] = Outcome(m, KILLED, ", ".join(v.killed_by), v.public_catches)
        else:
            why = differs[m.id] + (f"; {v.note}" if v.note else "")
            outcomes[m.id] = Outcome(m, SURVIVED, why, v.public_catches)
    for report in functions:
        report.outcomes = [outcomes[m.id] for m in mutants if m.question == report.name]

    result = StrengthReport(
        aid, seed, functions, stale, master=str(layout.master(aid).relative_to(root))
    )
    folder = out or layout.build_dir / "strength" / aid
    result.report, result.figure = write_report(result, folder)
    result.seconds = round(time.monotonic() - started, 1)
    return result


def _generate(
    master: Master, questions: list[str], max_mutants: int | None, seed: int
) -> tuple[list[FunctionReport], list[Mutant], set[str]]:
    """Per function its (still empty) report, the mutants to try, and every id generated
    (before --max), against which the author's list is checked."""
    text = master.path.read_text(encoding="utf-8").splitlines()
    functions, mutants, every_id = [], [], set()
    for q in questions:
        generated = mutate.generate(q, master.answer(q).source, _line_offset(text, q))
        chosen = list(generated.mutants)
        every_id |= {m.id for m in chosen}
        if max_mutants is not None and len(chosen) > max_mutants:
            keep = set(random.Random(f"{seed}:{q}").sample(range(len(chosen)), max_mutants))
            chosen = [m for i, m in enumerate(chosen) if i in keep]
        functions.append(
            FunctionReport(
                q,
                not_compiling=generated.not_compiling,
                duplicates=generated.duplicates,
                sampled_out=len(generated.mutants) - len(chosen),
            )
        )
        mutants += chosen
    return functions, mutants, every_id


def _line_offset(lines: list[str], question: str) -> int:
    """Lines before the answer cell's first line in the master (its header's line number)."""
    header = re.compile(rf"^# %%.*\bquestion=\"{re.escape(question)}\"")
    for n, line in enumerate(lines):
        if header.match(line):
            return n + 1
    return 0


def _solution_namespace(master: Master) -> dict[str, Any]:
    """The master's imports and solutions, run here: the author's own code, trusted."""
    namespace: dict[str, Any] = {"__name__": "solution"}
    imports = import_cells([c.source for c in master.cells if c.kind == "code"])
    answers = [without_markers(c.source) for c in master.cells if c.kind == "answer"]
    for n, source in enumerate([*imports, *answers]):
        try:
            exec(compile(source, f"<{master.aid} cell {n}>", "exec"), namespace)
        except Exception as exc:
            raise CourseError(
                f"{master.path}: the solution does not run ({type(exc).__name__}: {exc}); "
                "fix it, then run `course build`"
            ) from exc
    return namespace


def _inputs_for(recorded: list[Call], rng: np.random.Generator) -> list[Call]:
    """The tests' calls, one test at a time in turn (so a time budget sees every test),
    interleaved with random neighbours of them."""
    by_origin: dict[str, list[Call]] = {}
    for call in recorded:
        by_origin.setdefault(call.origin, []).append(call)
    by_origin["random"] = inputs.random_calls(recorded, rng)
    ordered: list[Call] = []
    queues = list(by_origin.values())
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def _origin(where: str) -> str:
    if where == "random":
        return "a random input"
    if where in ("definition", "unchecked"):
        return "its definition" if where == "definition" else "an unfinished check"
    return f"{where}'s input"


def _grade(
    layout: Layout,
    aid: str,
    master: Master,
    suite: Any,
    questions: list[str],
    mutants: list[Mutant],
    workers: int,
    test_timeout: float,
    quiet: bool,
) -> dict[str, Verdict]:
    release = json.loads(layout.release_notebook(aid).read_text(encoding="utf-8"))
    solution = json.loads(layout.solution_notebook(aid).read_text(encoding="utf-8"))
    correct = correct_notebook(release, solution, list(master.questions))
    imports = import_cells([c.source for c in master.cells if c.kind == "code"])
    asked = {m.question for m in mutants}
    controls = {f"{CONTROL}:{q}": (q, "") for q in questions if q in asked}
    bar = Progress(len(controls) + len(mutants), f"{aid}: grading mutants", not quiet)
    with tempfile.TemporaryDirectory(prefix="strength-") as tmp:

        def batch(
            todo: dict[str, tuple[str, str]], timeouts: dict[str, float]
        ) -> dict[str, Verdict]:
            return dict(
                kill.grade_all(
                    suite,
                    correct,
                    imports,
                    todo,
                    Path(tmp),
                    workers=workers,
                    timeouts=timeouts,
                    advance=bar.advance,
                )
            )

        # The unchanged solution first, with the course's own limits: it must pass, and its
        # time bounds every test's, so a looping mutant is stopped long before the course limit.
        verdicts = batch(controls, {})
        timeouts = {}
        for mid, (q, _) in controls.items():
            control = verdicts[mid]
            if control.killed or control.public_catches or control.note:
                failing = ", ".join(control.killed_by) or control.note or "a public test"
                raise CourseError(
                    f"{aid}: the solution itself fails {q}'s tests ({failing}); fix the "
                    f"solution or the tests, then run `course build {aid}`"
                )
            timeouts[q] = max(test_timeout, 2 * control.seconds)
        verdicts.update(batch({m.id: (m.question, m.source) for m in mutants}, timeouts))
    bar.close()
    return verdicts
