"""`course build` is deterministic, says what it generated, and `--check` catches staleness."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from course import build
from course.errors import CourseError
from course.paths import Layout


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for d in ("release", "solutions", "autograder")
        for p in sorted((root / d).rglob("*"))
        if p.is_file()
    }


def test_building_twice_gives_identical_bytes(tiny_copy: Path) -> None:
    first = _snapshot(tiny_copy)
    shutil.rmtree(tiny_copy / "release")
    report = build.main([], root=tiny_copy)
    assert _snapshot(tiny_copy) == first
    assert report.built == ("week01_tiny",)
    assert report.skipped == ("week02_unwritten",)
    again = build.main([], root=tiny_copy)
    assert again.changed == () and again.removed == ()


def test_every_generated_file_says_it_is_generated_and_from_what(tiny_course: Path) -> None:
    for name, data in _snapshot(tiny_course).items():
        text = data.decode()
        assert "course build" in text and "source/week01_tiny/week01_tiny.py" in text, name
        assert "do not edit" in text, name


def test_the_release_notebook_is_clean_locked_and_has_a_check_after_each_answer(
    tiny_course: Path,
) -> None:
    nb = json.loads(Layout(tiny_course).release_notebook("week01_tiny").read_text())
    roles = [c["metadata"].get("course", {}).get("role") for c in nb["cells"]]
    assert roles[0] == "setup" and roles[-1] == "check_all"
    for i, role in enumerate(roles):
        if role == "answer":
            assert roles[i + 1] == "check"
    ids = [c["id"] for c in nb["cells"]]
    assert ids == [f"week01_tiny-{i:03d}" for i in range(len(ids))]
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
        if cell["cell_type"] == "markdown" or roles[nb["cells"].index(cell)] in ("check",):
            assert cell["metadata"]["editable"] is False
            assert cell["metadata"]["deletable"] is False


def test_check_reports_a_hand_edited_file_and_a_stray_file(tiny_copy: Path) -> None:
    layout = Layout(tiny_copy)
    notebook = layout.release_notebook("week01_tiny")
    notebook.write_text(notebook.read_text().replace("Vectors add", "Vectors subtract"))
    stray = layout.autograder_dir("week01_tiny") / "tests" / "old_question.py"
    stray.write_text("# left over\n")
    report = build.main([], root=tiny_copy, check=True)
    assert report.changed == (notebook,)
    assert report.removed == (stray,)
    assert stray.exists(), "--check must not change anything"
    build.main([], root=tiny_copy)
    assert not stray.exists()
    assert build.main([], root=tiny_copy, check=True).changed == ()


def test_a_master_edit_makes_the_build_stale(tiny_copy: Path) -> None:
    master = Layout(tiny_copy).master("week01_tiny")
    master.write_text(master.read_text().replace("tip to tail", "head to tail"))
    assert build.main([], root=tiny_copy, check=True).changed


def assert_build_refuses(tiny_copy: Path, edit: Callable[[str], str], message: str) -> None:
    """Edit the tiny master; the build must refuse it with `message`."""
    master = Layout(tiny_copy).master("week01_tiny")
    master.write_text(edit(master.read_text()))
    with pytest.raises(CourseError, match=message):
        build.main([], root=tiny_copy)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace('question="scale"', 'question="scales"'), "missing answer cells"),
        (
            lambda s: s.replace(
                "@test_case(hidden=True)\ndef test_scale_keeps_input",
                "@test_case(hidden=False)\ndef test_scale_keeps_input",
            ),
            "at least one public and one hidden",
        ),
        (
            lambda s: s.replace(
                "<summary>Hint</summary>Multiply", "<summary>Note</summary>Multiply"
            ),
            "'scale' has no hint",
        ),
    ],
)
def test_a_master_that_disagrees_with_the_config_is_refused(
    tiny_copy: Path, edit, message: str
) -> None:  # type: ignore[no-untyped-def]
    assert_build_refuses(tiny_copy, edit, message)


def test_naming_a_week_without_a_master_or_an_unknown_week_is_a_clear_error(
    tiny_copy: Path,
) -> None:
    with pytest.raises(CourseError, match="has no master yet"):
        build.main(["week02_unwritten"], root=tiny_copy)
    with pytest.raises(CourseError, match="unknown week 'week09_x'"):
        build.main(["week09_x"], root=tiny_copy)


def test_a_source_folder_missing_from_the_config_is_refused(tiny_copy: Path) -> None:
    (tiny_copy / "source" / "week05_orphan").mkdir()
    with pytest.raises(CourseError, match=r"not a week in course_config\.py"):
        build.main([], root=tiny_copy)


def test_hidden_tests_may_only_fail_with_plain_string_messages(tiny_copy: Path) -> None:
    master = Layout(tiny_copy).master("week01_tiny")
    text = master.read_text().replace('"add is wrong on random vectors"', 'f"add({u}) is wrong"')
    master.write_text(text)
    with pytest.raises(CourseError, match="plain string messages"):
        build.main([], root=tiny_copy)


def test_files_left_by_running_a_notebook_are_not_stale(tiny_copy: Path) -> None:
    log = Layout(tiny_copy).release_dir("week01_tiny") / ".OTTER_LOG"
    log.write_text("otter writes this when a student runs a check")
    assert build.main([], root=tiny_copy, check=True).removed == ()
    build.main([], root=tiny_copy)
    assert log.exists()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace(
                "demo = add([1, 2], [3, 4])", "demo = add([1, 2], [3, 4])\nnp.random.seed(0)"
            ),
            "global random state",
        ),
        (
            lambda s: s.replace(
                "    return c * np.asarray(v, dtype=float)",
                "    return c * np.asarray(v, dtype=float) + 0 * len(demo)",
            ),
            "defines demo, which other cells use",
        ),
        (lambda s: s.replace('# %% grading="skip"', '# %% grading="later"'), 'only "skip"'),
    ],
)
def test_a_demonstration_that_grading_cannot_leave_out_is_refused(
    tiny_copy: Path, edit, message: str
) -> None:  # type: ignore[no-untyped-def]
    assert_build_refuses(tiny_copy, edit, message)


def test_demonstrations_are_fingerprinted_for_the_grader(tiny_course: Path) -> None:
    from course.engine.skipping import fingerprint

    config = json.loads(Layout(tiny_course).autograder_config("week01_tiny").read_text())
    assert config["skip_cells"] == [
        fingerprint("demo = add([1, 2], [3, 4])  # a demonstration: nothing graded needs it")
    ]
