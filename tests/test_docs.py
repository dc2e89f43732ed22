"""The docs are tested against the code: every verb is documented and every documented
command exists."""

from __future__ import annotations

import re
from pathlib import Path

from course.cli import parser

VERBS = sorted(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def test_every_verb_is_in_the_readme_command_table(repo: Path) -> None:
    readme = (repo / "README.md").read_text()
    for verb in VERBS:
        assert f"| `course {verb}" in readme, f"README's command table lacks `course {verb}`"


def test_every_course_command_in_the_docs_is_a_real_verb(repo: Path) -> None:
    text = "\n".join(p.read_text() for p in [repo / "README.md", *repo.glob("docs/*.md")])
    used = set(re.findall(r"course (?:--root \S+ )?([a-z]+)\b", text))
    verbs_in_commands = {v for v in used if v in VERBS or re.search(rf"bin/course {v}\b", text)}
    assert verbs_in_commands <= set(VERBS), verbs_in_commands - set(VERBS)


def test_the_quick_start_is_two_commands_and_ci_runs_the_second(repo: Path) -> None:
    readme = (repo / "README.md").read_text()
    block = readme.split("## Quick start")[1].split("```")[1]
    commands = [ln.split("#")[0].strip() for ln in block.strip().splitlines()]
    assert commands == ["python3 bootstrap.py", "python3 bootstrap.py test"]
    assert "exec python3 bootstrap.py test" in (repo / ".ci" / "run").read_text()


def test_the_readme_lists_every_week_with_its_exercises(repo: Path) -> None:
    from course.config import load_course
    from course.paths import Layout

    readme = (repo / "README.md").read_text()
    for week in load_course(Layout(repo).config).weeks:
        row = f"| `{week.id}` | {week.title} | " + ", ".join(f"`{q}`" for q in week.points)
        assert row in readme, f"README's week table is out of date for {week.id}"
