"""Contract tests over every written week, through the real engine, three ways:
the solution scores full marks, the blank release scores zero, and every mutant (a plausible
wrong implementation) is caught by the hidden tests; and every variant (a correct answer
written differently from the solution) scores full marks, so the tests check the syllabus's
contract rather than the solution's habits. Plus: generated files are in sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course import build
from course.config import load_course
from course.engine import Options, SubmissionResult, grade_notebook, load_suite
from course.engine.suite import Suite
from course.master import Mutant, read_master, read_mutants, read_variants
from course.paths import Layout
from course.sample import answers_only, correct_notebook, import_cells

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LAYOUT = Layout(REPO)
COURSE = load_course(LAYOUT.config)
WEEKS = [w.id for w in COURSE.weeks if LAYOUT.master(w.id).is_file()]
MUTANTS = [(aid, m) for aid in WEEKS for m in read_mutants(LAYOUT.mutants(aid))]
VARIANTS = [(aid, m) for aid in WEEKS for m in read_variants(LAYOUT.mutants(aid))]


def _grade(nb: dict, tmp_path: Path, suite: Suite) -> SubmissionResult:  # type: ignore[type-arg]
    path = tmp_path / "submission.ipynb"
    path.write_text(json.dumps(nb))
    return grade_notebook(path, suite, Options.for_suite(suite, also_hide=(tmp_path,)))


def _failures(result: SubmissionResult) -> list[str]:
    return [
        f"{q.name}: {q.note} {[(o.name, o.message) for o in q.outcomes if not o.passed]}"
        for q in result.questions
        if not q.passed
    ]


def _notebooks(aid: str) -> tuple[dict, dict]:  # type: ignore[type-arg]
    release = json.loads(LAYOUT.release_notebook(aid).read_text())
    solution = json.loads(LAYOUT.solution_notebook(aid).read_text())
    return release, correct_notebook(release, solution, list(COURSE.week(aid).points))


def test_generated_files_are_in_sync_with_the_masters() -> None:
    report = build.main([], root=REPO, check=True)
    stale = [str(p.relative_to(REPO)) for p in (*report.changed, *report.removed)]
    assert not stale, f"run `course build` and commit: {stale}"


@pytest.mark.parametrize("aid", WEEKS)
def test_the_solution_scores_full_marks(aid: str, tmp_path: Path) -> None:
    _, correct = _notebooks(aid)
    result = _grade(correct, tmp_path, load_suite(LAYOUT, aid))
    assert result.score == result.max_score, _failures(result)
    assert not result.notes, result.notes  # the notebook runs top to bottom in the sandbox


@pytest.mark.parametrize("aid", WEEKS)
def test_the_blank_release_scores_zero(aid: str, tmp_path: Path) -> None:
    release, _ = _notebooks(aid)
    result = _grade(release, tmp_path, load_suite(LAYOUT, aid))
    passing = [(q.name, o.name) for q in result.questions for o in q.outcomes if o.passed]
    assert result.score == 0 and not passing, passing


@pytest.mark.parametrize("aid", WEEKS)
def test_every_question_has_mutants(aid: str) -> None:
    covered = {m.question for m in read_mutants(LAYOUT.mutants(aid))}
    assert covered == set(COURSE.week(aid).points), "questions without a mutant"


@pytest.mark.parametrize("aid", WEEKS)
def test_every_question_has_variants(aid: str) -> None:
    covered = {m.question for m in read_variants(LAYOUT.mutants(aid))}
    missing = sorted(set(COURSE.week(aid).points) - covered)
    assert not missing, (
        f"questions without a variant (a correct answer written differently): {missing}"
    )


def _answers_only(aid: str, mutant: Mutant) -> dict:  # type: ignore[type-arg]
    """The correct notebook reduced to its imports and answer cells, one answer mutated."""
    _, correct = _notebooks(aid)
    master = read_master(aid, LAYOUT.master(aid))
    imports = import_cells([c.source for c in master.cells if c.kind == "code"])
    return answers_only(correct, imports, {mutant.question: mutant.source})


@pytest.mark.parametrize(("aid", "mutant"), MUTANTS, ids=[f"{a}:{m.name}" for a, m in MUTANTS])
def test_every_mutant_is_caught_by_the_hidden_tests(
    aid: str, mutant: Mutant, tmp_path: Path
) -> None:
    suite = _one_question(aid, mutant.question)
    result = _grade(_answers_only(aid, mutant), tmp_path, suite)
    question = result.questions[0]
    caught = [o.name for o in question.outcomes if o.hidden and not o.passed]
    if not question.outcomes and "forbids" in question.note:  # a forbidden shortcut: 0 at once
        caught = ["the forbidden-shortcut rule"]
    assert caught and question.score < question.max_score, (
        f"{mutant.name} passes every hidden test of {mutant.question}"
    )


def _one_question(aid: str, question: str) -> Suite:
    suite = load_suite(LAYOUT, aid)
    only = tuple(q for q in suite.questions if q.name == question)
    return Suite(suite.aid, suite.title, only, suite.limits, suite.root)


@pytest.mark.parametrize(("aid", "variant"), VARIANTS, ids=[f"{a}:{m.name}" for a, m in VARIANTS])
def test_every_variant_scores_full_marks(aid: str, variant: Mutant, tmp_path: Path) -> None:
    result = _grade(_answers_only(aid, variant), tmp_path, _one_question(aid, variant.question))
    assert result.score == result.max_score, (
        f"{variant.name} is a correct {variant.question} but loses points: {_failures(result)}"
    )
