"""The `course` command: wires options to each stage's `main`, holds no logic of its own."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from course.errors import CourseError
from course.paths import find_root


def _epilog() -> str:
    """Where to read more: the instructor's repository has the authoring guide; a student
    repository has its README only."""
    if importlib.util.find_spec("course.build") is None:
        return "Every verb has --help. Docs: README.md."
    return "Every verb has --help. Docs: README.md and docs/authoring.md."


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (--workers)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too few; use 1 or more")
    return value


def _folder(value: str | None, option: str, *, must_exist: bool = False) -> Path | None:
    """A folder named on the command line: a clear error for a file, or a missing folder
    where one must exist."""
    if value is None:
        return None
    path = Path(value)
    if path.exists() and not path.is_dir():
        raise CourseError(f"{option} {value} is a file; give a folder")
    if must_exist and not path.is_dir():
        raise CourseError(f"{option} {value} does not exist; give an existing folder")
    return path


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve() if args.root else find_root()


def cmd_build(args: argparse.Namespace) -> int:
    from course import build

    report = build.main(args.aids, root=_root(args), check=args.check)
    stale = [*report.changed, *report.removed]
    if args.check:
        if stale:
            for path in stale:
                print(f"stale: {path.relative_to(_root(args))}")
            print("generated files are out of date: run `course build` and commit the result")
            return 1
        print(f"up to date: {', '.join(report.built) or 'no weeks with a master yet'}")
        return 0
    for path in report.changed:
        print(f"wrote {path.relative_to(_root(args))}")
    for path in report.removed:
        print(f"removed {path.relative_to(_root(args))}")
    print(
        f"built {', '.join(report.built) or 'nothing'}"
        + (f" (no master yet: {len(report.skipped)} week(s))" if report.skipped else "")
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from course import check

    report = check.main(args.aid, Path(args.notebook), root=_root(args), hidden=args.hidden)
    print(report.text)
    return 0 if report.all_passed else 1


def cmd_grade(args: argparse.Namespace) -> int:
    from course import grade

    out = _folder(args.out, "--out") or Path("grades") / args.aid
    summary = grade.main(
        args.aid,
        [Path(p) for p in args.submissions],
        scheduler=args.scheduler,
        out=out,
        root=_root(args),
        workers=args.workers,
        force=args.force,
    )
    changed = f" ({summary.stale} of them changed since last graded)" if summary.stale else ""
    print(
        f"graded {summary.graded}{changed}, kept {summary.reused} already graded (same "
        f"submission, same autograder), refused {len(summary.refused)}, failed to grade "
        f"{len(summary.failed)}; mean score {summary.mean:.2f} / {summary.max_score:g}"
    )
    for name, reason in sorted(summary.refused.items()):
        print(f"  refused {name} (scored 0): {reason}")
    for name, reason in sorted(summary.failed.items()):
        print(f"  could not grade {name}: {reason}")
    print(f"gradebook: {summary.gradebook}")
    if summary.report:
        print(f"report:    {summary.report} (figures beside it)")
    return 1 if summary.failed else 0


def cmd_sample(args: argparse.Namespace) -> int:
    from course import sample

    out = _folder(args.out, "--out")
    assert out is not None  # --out is required
    made = sample.generate(args.aid, out, root=_root(args))
    print(f"wrote {len(made)} submissions and expected.json to {args.out}")
    return 0


def cmd_gradescope(args: argparse.Namespace) -> int:
    from course import gradescope

    out = Path(args.out) if args.out else None
    if out is not None and out.is_dir():
        raise CourseError(f"--out {out} is a folder; name the zip file, e.g. {out / args.aid}.zip")
    if out is not None and out.exists() and not zipfile.is_zipfile(out):
        raise CourseError(f"--out {out} exists and is not a zip; choose another name or delete it")
    path = gradescope.main(args.aid, root=_root(args), out=out)
    print(f"wrote {path}: upload it as the programming assignment's autograder")
    return 0


def cmd_nbgrader(args: argparse.Namespace) -> int:
    from course import nbgrader_export

    root, out = _root(args), _folder(args.out, "--out")
    if out is not None:
        inside = out.resolve() == root or root in out.resolve().parents
        if inside and (root / "build") not in (out.resolve(), *out.resolve().parents):
            raise CourseError(
                f"--out {args.out} is inside the course repository; choose a folder outside it "
                "(or under build/)"
            )
    written = nbgrader_export.main(args.aids, root=root, out=out)
    print(
        f"wrote {written[0].parent}: nbgrader_config.py and {len(written) - 1} source "
        "notebook(s); next: cd there and run `nbgrader generate_assignment AID`"
    )
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    from course import workspace

    ws = _folder(args.workspace, "--workspace")
    prepared = workspace.prepare(args.aid, root=_root(args), workspace=ws)
    state = "copied the release to" if prepared.created else "your work is kept in"
    print(f"{state} {prepared.notebook}")
    if workspace.running_as_root():
        print(workspace.ROOT_NOTE)
    command = workspace.lab_command(
        prepared.folder, prepared.notebook, port=args.port, no_browser=args.no_browser
    )
    os.chdir(prepared.folder)
    os.execv(command[0], command)
    return 0  # pragma: no cover - execv does not return


def cmd_progress(args: argparse.Namespace) -> int:
    from course.workspace import progress

    root = _root(args)
    ws = _folder(args.workspace, "--workspace", must_exist=True)
    rows = progress.collect(root=root, workspace=ws, hidden=args.hidden)
    print(progress.render(rows))
    from course.workspace import workspace_dir

    path = progress.figure(rows, workspace_dir(root, ws) / "progress.png")
    print(f"figure: {path}")
    return 0


def _date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CourseError(f"--as-of wants a date like 2026-11-24, got {text!r}") from None


def cmd_schedule(args: argparse.Namespace) -> int:
    from course.config import load_course
    from course.paths import Layout
    from course.publish import schedule

    course = load_course(Layout(_root(args)).config)
    print(schedule.render(course, _date(args.as_of)))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from course import publish

    done = publish.main(
        Path(args.dest),
        root=_root(args),
        today=_date(args.as_of),
        remote=args.remote,
        author=args.author or publish.AUTHOR,
    )
    print(
        f"published {len(done.weeks)} week(s) to {done.dest}"
        + (f"; new: {', '.join(done.added)}" if done.added else "; no new week")
        + ("; committed" if done.committed else "; nothing changed")
    )
    print("leak scan: clean (no solution, hidden test, unreleased week or instructor file)")
    print(f"next: git -C {done.dest} push -u origin {publish.BRANCH}   (students then git pull)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from course import demo
    from course.config import load_course
    from course.paths import Layout

    root = _root(args)
    aid = args.aid or load_course(Layout(root).config).weeks[0].id
    return 0 if demo.main(aid, root=root, workers=args.workers) else 1


if TYPE_CHECKING:  # the term's modules load only when a term verb runs
    from course.term.context import Context as TermContext


def _term(args: argparse.Namespace) -> tuple[Path, TermContext]:
    from course.term import context

    root = _root(args)
    roster = Path(args.roster) if args.roster else root / "roster.csv"
    return root, context.load(
        root,
        roster,
        context.optional(getattr(args, "extensions", None), root / "extensions.csv"),
        context.optional(getattr(args, "overrides", None), root / "overrides.csv"),
    )


def cmd_roster(args: argparse.Namespace) -> int:
    from course.term.roster import load_roster

    path = Path(args.roster) if args.roster else _root(args) / "roster.csv"
    roster = load_roster(path)
    sections = ", ".join(f"{k}: {v}" for k, v in sorted(roster.sections().items()))
    print(f"{path}: {len(roster.students)} students, valid ({sections})")
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from course.term import collect

    root, loaded = _term(args)
    out = Path(args.out) if args.out else root / "submissions" / args.aid
    done = collect.main(
        loaded.course.week(args.aid),
        [Path(s) for s in args.sources],
        roster=loaded.roster,
        term=loaded.term,
        extensions=loaded.extensions,
        out=out,
    )
    found = ", ".join(f"{n} from {k}" for k, n in sorted(done.counts.items())) or "none"
    print(
        f"collected {len(done.kept) - len(done.unmatched)} student submission(s) into {out} "
        f"(found {found}; kept {loaded.term.keep}, set aside {done.superseded} older)"
    )
    for name in done.unmatched:
        print(
            f"  unmatched (on no roster line; kept and graded as {name}): {done.kept[name]['who']}"
        )
    for r in done.refused:
        print(f"  refused {r['who']} ({r['origin']}): {r['reason']}")
    if done.missing:
        print(f"  no submission from {len(done.missing)}: {', '.join(done.missing)}")
    return 0


def cmd_gradebook(args: argparse.Namespace) -> int:
    from course.term import gradebook

    root, loaded = _term(args)
    submissions = Path(args.submissions) if args.submissions else root / "submissions"
    grades = Path(args.grades) if args.grades else root / "grades"
    weeks = gradebook.collected_weeks(loaded.course, submissions)
    if not weeks:
        raise CourseError(f"no collected week in {submissions}; run `course collect AID ...` first")
    if not args.no_grade:
        gradebook.grade_weeks(weeks, submissions, grades, root)
    book = gradebook.build(
        loaded.course,
        loaded.term,
        loaded.roster,
        submissions=submissions,
        grades=grades,
        extensions=loaded.extensions,
        overrides=loaded.overrides,
    )
    gradebook.write(book, Path(args.out) if args.out else grades / "term", grades)
    late = sum(1 for c in book.cells.values() if c.penalty)
    changed = sum(1 for c in book.cells.values() if c.overrides)
    mean = sum(book.percent.values()) / max(len(book.percent), 1)
    print(
        f"gradebook: {len(book.students)} students x {len(book.weeks)} week(s); "
        f"{late} late penalty(ies), {changed} score(s) with overrides; mean {mean:.1f}%"
    )
    for week, names in book.unmatched.items():
        print(f"  {week}: graded but on no roster line: {', '.join(names)}")
    print(f"scores changed since the last gradebook: {len(book.changed)}")
    for line in book.changed:
        print(f"  {line}")
    for label, path in book.written.items():
        print(f"{label + ':':10} {path}")
    return 0


def cmd_similarity(args: argparse.Namespace) -> int:
    from course.config import load_course
    from course.paths import Layout
    from course.term import similarity

    root = _root(args)
    layout = Layout(root)
    week = load_course(layout.config).week(args.aid)
    folder = Path(args.submissions) if args.submissions else root / "submissions" / args.aid
    notebooks = similarity.load_notebooks(folder)
    if len(notebooks) < 2:
        raise CourseError(f"{folder}: fewer than two notebooks to compare; collect the week first")
    import json

    release = json.loads(layout.release_notebook(args.aid).read_text(encoding="utf-8"))
    pairs, skipped = similarity.compare(
        release, notebooks, list(week.points), min_tokens=args.min_tokens
    )
    out = Path(args.out) if args.out else root / "grades" / "term" / f"similarity_{args.aid}.html"
    similarity.write_report(out, f"{args.aid}: similar answers", pairs, skipped, args.top)
    print(f"compared {len(notebooks)} submissions; not compared (too short): {skipped or 'none'}")
    for p in pairs[: min(args.top, 5)]:
        print(f"  {100 * p.similarity:3.0f}%  {p.question}: {p.a} and {p.b}")
    print(f"report (a report only, no score changed): {out}")
    return 0


def cmd_strength(args: argparse.Namespace) -> int:
    from course import strength
    from course.strength.report import summary_lines

    result = strength.main(
        args.aid,
        root=_root(args),
        function=args.function,
        max_mutants=args.max,
        seed=args.seed,
        workers=args.workers,
        out=Path(args.out) if args.out else None,
        test_timeout=args.timeout,
    )
    print("\n".join(summary_lines(result)))
    for stale in result.stale:
        print(f"  stale EQUIVALENT entry (no such mutant any more): {stale}")
    print(f"report: {result.report} (figure beside it; {result.seconds:g}s)")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs test)."""
    top = argparse.ArgumentParser(prog="course", description=__doc__, epilog=_epilog())
    top.add_argument("--root", help="course repository (default: found from the current folder)")
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")
    # A published student repository carries only the student side of the tooling.
    student_side = importlib.util.find_spec("course.build") is None

    def add(instructor: bool, name: str, *, help: str, description: str) -> argparse.ArgumentParser:
        if instructor and student_side:
            return argparse.ArgumentParser()  # not offered; its options go nowhere
        return verbs.add_parser(name, help=help, description=description)

    p = add(
        True,
        "build",
        help="generate release/, solutions/ and autograder/",
        description="Regenerate the student release, the solution and the "
        "autograder of each week (all weeks with a master if none is named).",
    )
    p.add_argument("aids", nargs="*", metavar="AID", help="assignment ids, like weekNN_topic")
    p.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if any generated file is out of date",
    )
    p.set_defaults(func=cmd_build)

    p = add(
        False,
        "check",
        help="run a week's checks on your notebook",
        description="Run the public tests (and with --hidden the hidden ones, "
        "names and messages only) on a saved notebook. Exit 0 only if all pass.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("notebook", metavar="NOTEBOOK")
    p.add_argument("--hidden", action="store_true", help="also run the hidden tests")
    p.set_defaults(func=cmd_check)

    p = add(
        True,
        "grade",
        help="grade submissions into results.json and gradebook.csv",
        description="Grade notebooks (files, or folders searched for .ipynb) "
        "in sandboxes. Writes DIR/<submission>/results.json (Gradescope "
        "format) and feedback.md, and DIR/gradebook.csv. A result already in DIR is "
        "kept only if it was graded from the same notebook content with the same "
        "autograder (else graded again); --force grades everything again. One DIR "
        "holds one assignment.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION")
    p.add_argument("--out", metavar="DIR", help="output folder (default: grades/AID)")
    p.add_argument(
        "--workers", type=_positive, default=2, metavar="N", help="parallel sandboxes (2)"
    )
    p.add_argument("--force", action="store_true", help="grade again what is already graded")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="grade on a Dask cluster, e.g. tcp://10.0.0.5:8786 (default: here)",
    )
    p.set_defaults(func=cmd_grade)

    p = add(
        True,
        "sample",
        help="write the sample class of a week",
        description="Write one submission of every kind (correct, blank, "
        "mutants, exception, syntax error, endless loop, deleted and "
        "reordered cells, renamed file) and their expected scores.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_sample)

    p = add(
        True,
        "gradescope",
        help="build a week's Gradescope autograder zip",
        description="Write a Gradescope autograder zip (setup.sh, run_autograder, tests, pinned "
        "requirements) that grades with this engine. Built on demand; not committed.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("--out", metavar="ZIP", help="default: build/gradescope/AID.zip")
    p.set_defaults(func=cmd_gradescope)

    p = add(
        True,
        "nbgrader",
        help="generate an nbgrader course directory (JupyterHub)",
        description="Write nbgrader_config.py and source/<AID>/<AID>.ipynb in nbgrader's "
        "format, so that generate_assignment, autograde, generate_feedback and the formgrader "
        "work on the course.",
    )
    p.add_argument("aids", nargs="*", metavar="AID", help="weeks (default: all with a master)")
    p.add_argument("--out", metavar="DIR", help="default: build/nbgrader")
    p.set_defaults(func=cmd_nbgrader)

    p = add(
        False,
        "lab",
        help="open a week in JupyterLab, in your own workspace",
        description="Copy the week's release notebook into your workspace (workspace/AID/, "
        "ignored by git; an existing copy is never overwritten) and open JupyterLab there.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("--port", type=int, help="port for JupyterLab (default: its own choice)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--workspace", metavar="DIR", help="default: workspace/ in the repository")
    p.set_defaults(func=cmd_lab)

    p = add(
        False,
        "progress",
        help="your progress over the weeks, as a table and a figure",
        description="Check each week's notebook in your workspace (public tests; with "
        "--hidden also the hidden ones, names and messages only) and show a table and "
        "workspace/progress.png. Works offline.",
    )
    p.add_argument("--workspace", metavar="DIR", help="default: workspace/ in the repository")
    p.add_argument("--hidden", action="store_true", help="also run the hidden tests")
    p.set_defaults(func=cmd_progress)

    p = add(
        True,
        "schedule",
        help="what is released, due and upcoming",
        description="The term's schedule from course_config.py as of a date (default today).",
    )
    p.add_argument("--as-of", metavar="DATE", help="a date like 2026-11-24 (default: today)")
    p.set_defaults(func=cmd_schedule)

    p = add(
        True,
        "publish",
        help="write or update the public student repository",
        description="Write the student repository at DEST (a git working tree): the release "
        "notebooks and public tests of the weeks released by the date, the student tooling "
        "and a student README, nothing else. A leak scan against the masters runs on the "
        "output and refuses the publish, naming the file, if anything secret is in it. "
        "Students' workspace/ is never touched.",
    )
    p.add_argument("dest", metavar="DEST")
    p.add_argument("--as-of", metavar="DATE", help="a date like 2026-11-24 (default: today)")
    p.add_argument(
        "--remote", metavar="URL", help="set the repository's origin (kept on later publishes)"
    )
    p.add_argument("--author", metavar="'NAME <EMAIL>'", help="author of the publish commit")
    p.set_defaults(func=cmd_publish)

    p = add(
        True,
        "strength",
        help="how strong are a week's hidden tests: a mutation report",
        description="Change one thing at a time in each graded function of the solution "
        "(operators, constants, min/max, sum/mean, dropped raise or statement, slice and range "
        "bounds), set aside the mutants that behave like the solution on the tests' inputs and "
        "random ones, grade the rest with the hidden tests, and report per function the kill "
        "rate and each surviving mutant as a diff (DIR/report.md with a figure).",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("--function", metavar="NAME", help="only this graded function")
    p.add_argument("--max", type=int, metavar="N", help="at most N mutants per function (seeded)")
    p.add_argument("--seed", type=int, default=0, help="seed of --max and random inputs (0)")
    p.add_argument(
        "--workers", type=_positive, default=2, metavar="N", help="parallel processes (2)"
    )
    p.add_argument("--out", metavar="DIR", help="default: build/strength/AID")
    p.add_argument(
        "--timeout",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="a mutant's test stops after this, or twice the solution's grading time (2)",
    )
    p.set_defaults(func=cmd_strength)

    p = add(
        True,
        "demo",
        help="build, grade the sample class, show the gradebook",
        description="The instructor loop on the bundled sample class.",
    )
    p.add_argument("aid", nargs="?", metavar="AID", help="default: the first week")
    p.add_argument("--workers", type=_positive, default=2, metavar="N")
    p.set_defaults(func=cmd_demo)

    p = add(
        True,
        "roster",
        help="validate the class roster",
        description="Check roster.csv (id, name, email, section: the columns an LMS export "
        "has); a mistake is reported with its line number.",
    )
    p.add_argument("roster", nargs="?", metavar="ROSTER", help="default: roster.csv")
    p.set_defaults(func=cmd_roster)

    p = add(
        True,
        "collect",
        help="gather a week's submissions with their submission times",
        description="Collect AID from a Gradescope export (folder or zip with "
        "submission_metadata.yml), an nbgrader inbound/ folder or a plain folder of "
        "<id>.ipynb or <id>/<AID>.ipynb; match them to the roster (unmatched ones are kept and "
        "reported), keep one per student by TERM['keep'] in course_config.py, and copy them "
        "into DIR with collected.json. Links and non-regular files are refused.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--roster", metavar="CSV", help="default: roster.csv")
    p.add_argument("--extensions", metavar="CSV", help="default: extensions.csv if present")
    p.add_argument("--out", metavar="DIR", help="default: submissions/AID")
    p.set_defaults(func=cmd_collect)

    p = add(
        True,
        "gradebook",
        help="grade the collected weeks and build the term gradebook",
        description="Grade every collected week (unchanged results are kept), apply late "
        "penalties, extensions and overrides, drop-lowest and weights from course_config.py's "
        "TERM, and write gradebook.csv, canvas.csv and moodle.csv (gradebook imports), figures, a "
        "term_feedback.md beside each graded submission. Prints the scores that changed.",
    )
    p.add_argument("--roster", metavar="CSV", help="default: roster.csv")
    p.add_argument("--extensions", metavar="CSV", help="default: extensions.csv if present")
    p.add_argument("--overrides", metavar="CSV", help="default: overrides.csv if present")
    p.add_argument("--submissions", metavar="DIR", help="collected weeks (default: submissions)")
    p.add_argument("--grades", metavar="DIR", help="graded weeks (default: grades)")
    p.add_argument("--out", metavar="DIR", help="default: grades/term")
    p.add_argument("--no-grade", action="store_true", help="use the results already graded")
    p.set_defaults(func=cmd_gradebook)

    p = add(
        True,
        "similarity",
        help="report the most similar answers of a week, side by side",
        description="Compare students' answer code per question after removing the "
        "release's code and normalising names, formatting and helper order; questions with "
        "too short answers are left out. Writes an HTML report; never changes a score.",
    )
    p.add_argument("aid", metavar="AID")
    p.add_argument("--submissions", metavar="DIR", help="default: submissions/AID")
    p.add_argument("--out", metavar="HTML", help="default: grades/term/similarity_AID.html")
    p.add_argument("--top", type=int, default=20, metavar="N", help="pairs shown (20)")
    p.add_argument(
        "--min-tokens", type=int, default=25, metavar="N", help="shorter answers are ignored (25)"
    )
    p.set_defaults(func=cmd_similarity)
    return top


def _stop_cleanly_on_signals() -> None:
    """`kill` (SIGTERM) and a closed terminal (SIGHUP) stop a run the way Ctrl-C does: sandboxes
    are ended, finished results kept, and one line says so (Python's default would end the
    process at once and leave its sandboxes running)."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), interrupt)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = parser().parse_args(argv)
    _stop_cleanly_on_signals()
    try:
        code: int = args.func(args)
    except CourseError as exc:
        print(f"course: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `course progress | head`: the reader has gone, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(
            "course: interrupted; finished results are kept, run again to resume", file=sys.stderr
        )
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
