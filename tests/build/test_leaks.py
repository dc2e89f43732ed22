"""Hidden means hidden: no solution code and no hidden-test content ever reaches release/.

Two proofs. (1) The mechanism: sentinels are planted in every solution region and every hidden
test of every master, the course is built into a scratch copy, and no sentinel may appear in
release/ (while they must appear in solutions/ and autograder/, so the test can fail).
(2) The content: the committed release/ holds no distinctive line of any solution or hidden test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course import build
from course.config import load_course
from course.master import BEGIN, read_master
from course.paths import Layout
from course.secrets import readable, scan, secrets_of

REPO = Path(__file__).resolve().parents[2]
TINY = REPO / "tests" / "fixtures" / "tiny"


def _courses() -> list[tuple[Path, str]]:
    found = []
    for root in (TINY, REPO):
        layout = Layout(root)
        for week in load_course(layout.config).weeks:
            if layout.master(week.id).is_file():
                found.append((root, week.id))
    return found


COURSES = _courses()
IDS = [f"{'tiny' if r == TINY else 'course'}:{aid}" for r, aid in COURSES]


def plant_sentinels(text: str, hidden_sources: list[str]) -> tuple[str, list[str], list[str]]:
    """Insert a unique comment after every BEGIN marker and into every hidden test."""
    solution_tokens: list[str] = []
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.strip() == BEGIN:
            token = f"LEAK-SENTINEL-SOLUTION-{len(solution_tokens)}"
            solution_tokens.append(token)
            lines.append(line.replace(BEGIN, f"# {token}"))
    text = "\n".join(lines) + "\n"
    hidden_tokens = []
    for source in hidden_sources:
        token = f"LEAK-SENTINEL-HIDDEN-{len(hidden_tokens)}"
        hidden_tokens.append(token)
        head, _, body = source.partition("\n    ")
        planted = f"{head}\n    # {token}\n    {body}"
        assert source in text
        text = text.replace(source, planted, 1)
    return text, solution_tokens, hidden_tokens


def _all_text(folder: Path) -> str:
    return "\n".join(
        p.read_text(errors="replace") for p in sorted(folder.rglob("*")) if p.is_file()
    )


@pytest.mark.parametrize(("root", "aid"), COURSES, ids=IDS)
def test_planted_sentinels_never_reach_the_release(root: Path, aid: str, tmp_path: Path) -> None:
    copy = tmp_path / "course"
    shutil.copytree(
        root, copy, ignore=shutil.ignore_patterns(".venv", ".git", "build", "tests", "workspace")
    )
    layout = Layout(copy)
    master = read_master(aid, layout.master(aid))
    hidden = [t.source for tests in master.tests.values() for t in tests if t.hidden]
    text, solution_tokens, hidden_tokens = plant_sentinels(layout.master(aid).read_text(), hidden)
    layout.master(aid).write_text(text)
    build.main([aid], root=copy)
    release = _all_text(layout.release_dir(aid))
    assert solution_tokens and hidden_tokens
    for token in solution_tokens + hidden_tokens:
        assert token not in release, f"{token} leaked into release/{aid}"
    solutions, autograder = (
        _all_text(layout.solutions_dir(aid)),
        _all_text(layout.autograder_dir(aid)),
    )
    assert all(t in solutions for t in solution_tokens), "planting failed: test would not fail"
    assert all(t in autograder for t in hidden_tokens), "planting failed: test would not fail"


@pytest.mark.parametrize(
    ("root", "aid"),
    [c for c in COURSES if c[0] == REPO],
    ids=[i for i, c in zip(IDS, COURSES, strict=True) if c[0] == REPO],
)
def test_the_committed_release_holds_no_solution_or_hidden_test_line(root: Path, aid: str) -> None:
    layout = Layout(root)
    secrets = secrets_of(read_master(aid, layout.master(aid)))
    assert secrets.lines, "a master without distinctive secret lines: the scan would prove nothing"
    files = {
        p: readable(p, p.read_bytes()) for p in layout.release_dir(aid).rglob("*") if p.is_file()
    }
    assert not scan(files, [secrets])
