"""A submission that attacks the grading machine gains nothing and finds nothing.

The attack (a top cell of an otherwise blank notebook) walks the whole filesystem for solution
notebooks, hidden tests, grading configs, other submissions and planted files in home folders
and temporary folders; tries to read each of them by its known path, and `exec`s any solution
notebook it finds to take its functions; reads other processes' /proc entries; connects to a
server listening on loopback; writes outside its working folder. It reports every success
through the message of a deliberately failing assertion in `add` (a public test's message
reaches the feedback). The test plants every one of those targets first, so that without the
sandbox the attack would succeed (as it did before the filesystem was built from nothing).

It runs as the user running the suite and, when that is root, also as an ordinary user that
the suite creates (`useradd`), through `setpriv`-like dropping in a launcher.
"""

from __future__ import annotations

import ctypes
import json
import os
import platform
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course.engine import Options, grade_notebook, load_suite
from course.engine.confine import _SYSCALLS, describe
from course.paths import Layout

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
AID = "week01_tiny"
USER = "course-attack-test"  # the ordinary user the suite creates when run as root
# No capability left; and where the system call numbers are known, the seccomp filter.
ALSO_HELD = ("no_privileges", *(("syscall_filter",) if platform.machine() in _SYSCALLS else ()))
TIMEOUTS = {"cell_timeout": 90.0, "notebook_timeout": 180.0, "test_timeout": 10.0}

ATTACK = r"""
import json, os, re, socket, time
P = json.loads(%r)
found = []
WEEK = re.compile(r"^week\d\d_\w+\.ipynb$")
give_up = time.monotonic() + 60
for top, dirs, files in os.walk("/"):
    if top == "/":
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]  # probed below
    if time.monotonic() > give_up:
        found.append("(gave up walking)")
        break
    for name in files:
        path = os.path.join(top, name)
        if (WEEK.match(name) or name in ("autograder.json", P["other"]) or name.startswith("CANARY")
                or "/autograder/" in path + "/"):
            found.append(path)
        if WEEK.match(name):  # take the functions of any solution notebook
            try:
                cells = json.load(open(path))["cells"]
                ns = {}
                for cell in cells:
                    if cell.get("cell_type") == "code":
                        try:
                            exec("".join(cell["source"]), ns)
                        except BaseException:
                            pass
                if callable(ns.get("scale")):
                    scale = ns["scale"]
            except BaseException:
                pass
for path in P["read"]:
    try:
        open(path, "rb").read(1)
        found.append("read " + path)
    except OSError:
        pass
for path in P["write"]:
    try:
        open(path, "w").write("x")
        found.append("wrote " + path)
    except OSError:
        pass
try:
    open(P["leak"], "w").write("x")  # its own /tmp: allowed, but must not reach the machine's
    open("here.txt", "w").write("the working folder is writable")
except OSError as exc:
    found.append("cannot write its own folders: " + str(exc))
try:
    pids = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    if pids:
        found.append("sees %%d processes" %% len(pids))
except OSError:
    pass
for pid in P["pids"]:
    for entry in ("environ", "cmdline"):
        try:
            open("/proc/%%d/%%s" %% (pid, entry), "rb").read(1)
            found.append("read /proc/%%d/%%s" %% (pid, entry))
        except OSError:
            pass
    try:
        found.append("cwd of %%d: %%s" %% (pid, os.readlink("/proc/%%d/cwd" %% pid)))
    except OSError:
        pass
try:
    socket.create_connection(("127.0.0.1", P["port"]), timeout=3).close()
    found.append("connected to 127.0.0.1:%%d" %% P["port"])
except OSError:
    pass
"""

ADD_REPORTS = (
    "def add(u, v):\n    import json\n    raise AssertionError('REPORT ' + json.dumps(found))\n"
)

DRIVER = r"""
import ctypes, json, os, sys
from pathlib import Path
args = json.loads(sys.argv[1])
if args["forbid_userns"]:  # stand for a kernel that refuses user namespaces
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    assert libc.unshare(0x10000000) == 0, "cannot simulate: no user namespace to start from"
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"),
                       ("gid_map", f"{gid} {gid} 1"), ("../sys/user/max_user_namespaces", "0")):
        with open(f"/proc/self/{name}", "w") as handle:
            handle.write(text)
from course.engine import Options, grade_notebook, load_suite
from course.engine.confine import describe
from course.paths import Layout
suite = load_suite(Layout(Path(args["root"])), args["aid"])
options = Options.for_suite(suite, also_hide=tuple(Path(p) for p in args["hide"]))
for key, value in args["timeouts"].items():
    setattr(options, key, value)
result = grade_notebook(Path(args["notebook"]), suite, options)
print(json.dumps({
    "scores": {q.name: q.score for q in result.questions},
    "messages": [o.message for q in result.questions for o in q.outcomes] + result.notes,
    "enforced": result.enforced,
    "describe": describe(result.enforced),
}))
"""

LAUNCHER = r"""
import ctypes, os, sys
uid, gid, home = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
libc = ctypes.CDLL(None, use_errno=True)
# The Python installation (or the checkout) may live in a folder others cannot enter (/root):
# in a mount namespace of this launcher only, that folder is covered and they are bound back.
import importlib.util
package = importlib.util.find_spec("course").submodule_search_locations[0]
needed = sorted({sys.base_prefix, sys.prefix, sys.exec_prefix, os.path.dirname(package)})
def blocked(path):
    current = "/"
    for part in os.path.normpath(path).strip("/").split("/"):
        current = os.path.join(current, part)
        if not os.stat(current).st_mode & 0o001:
            return current
    return None
plan = [(p, blocked(p)) for p in needed if blocked(p)]
if plan:
    assert libc.unshare(0x00020000) == 0
    assert libc.mount(b"none", b"/", None, 0x4000 | (1 << 18), None) == 0
    fds = [(p, os.open(p, os.O_PATH)) for p, _ in plan]
    for cover in sorted({b for _, b in plan}):
        assert libc.mount(b"tmpfs", cover.encode(), b"tmpfs", 0, b"mode=0755") == 0
    for path, fd in fds:
        os.makedirs(path, exist_ok=True)
        source = f"/proc/self/fd/{fd}".encode()
        assert libc.mount(source, path.encode(), None, 0x1000 | 0x4000, None) == 0
os.setgroups([])
os.setgid(gid)
os.setuid(uid)
os.chdir(home)
os.execv(sys.argv[4], sys.argv[4:])
"""


def _code(source: str) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "source": source,
        "metadata": {},
        "outputs": [],
        "execution_count": None,
    }


def attack_notebook(root: Path, params: dict[str, Any]) -> dict[str, Any]:
    """The blank release with the attack on top and `add` reporting what it found."""
    nb = json.loads(Layout(root).release_notebook(AID).read_text())
    for cell in nb["cells"]:
        course = cell["metadata"].get("course", {})
        if course.get("role") == "answer" and course.get("question") == "add":
            cell["source"] = ADD_REPORTS
    nb["cells"] = [_code(ATTACK % json.dumps(params)), *nb["cells"]]
    return nb


def report(messages: list[str]) -> str:
    reports = [m for m in messages if "REPORT" in m]
    assert reports, f"the attack did not run: {messages}"
    return reports[0].split("REPORT ", 1)[1]


@pytest.fixture()
def loopback_server() -> Iterator[int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield server.getsockname()[1]
    finally:
        server.close()


def namespaces_allowed(as_user: tuple[int, int] | None = None) -> bool:
    """Whether the kernel lets this process (or, as root, `as_user`) make the namespaces the
    sandbox needs; where it does not, the tests skip saying so."""
    pid = os.fork()
    if pid == 0:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if as_user is not None:
                os.setgroups([])
                os.setgid(as_user[1])
                os.setuid(as_user[0])
            flags = 0x00020000 | 0x40000000 | 0x20000000  # mount, network, PID
            if os.geteuid() != 0:
                flags |= 0x10000000  # user
            os._exit(0 if libc.unshare(flags) == 0 else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


class Targets:
    """Everything the attack must not find, read or write, planted where a grader's machine
    has it: a course (answers, hidden tests, config), a class folder with another student's
    submission, the repository's own solutions, a copy in a temporary folder, a home folder."""

    def __init__(self, base: Path, course: Path, home: Path) -> None:
        self.token = secrets.token_hex(6)
        self.base, self.course, self.home = base, course, home
        self.folder = base / "class"
        self.folder.mkdir()
        layout = Layout(course)
        solution = layout.solution_notebook(AID)
        other = self.folder / f"alice-{self.token}.ipynb"
        shutil.copy(solution, other)
        self.copy = Path(tempfile.mkdtemp(prefix="CANARY-copy-")) / solution.name
        shutil.copy(solution, self.copy)
        self.copy.parent.chmod(0o755)
        self.home_file = home / f"CANARY-home-{self.token}"
        self.home_file.write_text("a secret in a home folder")
        repo_solutions = sorted((REPO / "solutions").glob("*/*.ipynb"))
        self.read = [
            str(solution),
            str(layout.autograder_config(AID)),
            *map(str, sorted((layout.autograder_dir(AID) / "tests").glob("*.py"))),
            str(other),
            str(self.copy),
            str(self.home_file),
            *map(str, repo_solutions[:1]),
        ]
        self.write = [
            str(layout.autograder_dir(AID) / "tests" / f"CANARY-w-{self.token}.py"),
            str(self.folder / f"CANARY-w-{self.token}"),
            str(home / f"CANARY-w-{self.token}"),
            str(REPO / f"CANARY-w-{self.token}"),
            f"/CANARY-w-{self.token}",
            str(Path(sys.prefix) / f"CANARY-w-{self.token}"),
        ]
        self.leak = f"/tmp/CANARY-leak-{self.token}"
        self.other = other.name

    def params(self, port: int, pids: list[int]) -> dict[str, Any]:
        return {
            "read": self.read,
            "write": self.write,
            "leak": self.leak,
            "other": self.other,
            "port": port,
            "pids": pids,
        }

    def written_outside(self) -> list[str]:
        """Files the attack managed to create on the machine (removed again)."""
        written = [p for p in [*self.write, self.leak] if os.path.lexists(p)]
        for path in written:
            os.unlink(path)
        return written

    def remove(self) -> None:
        self.written_outside()
        self.home_file.unlink(missing_ok=True)
        shutil.rmtree(self.copy.parent, ignore_errors=True)


def test_the_attack_finds_nothing_as_the_grading_user(
    tiny_copy: Path, tmp_path: Path, loopback_server: int
) -> None:
    if not namespaces_allowed():
        pytest.skip("this kernel refuses the namespaces the sandbox needs (see SECURITY.md)")
    targets = Targets(tmp_path, tiny_copy, Path.home())
    try:
        params = targets.params(loopback_server, [os.getpid(), 1])
        path = targets.folder / "attacker.ipynb"
        path.write_text(json.dumps(attack_notebook(tiny_copy, params)))
        suite = load_suite(Layout(tiny_copy), AID)
        options = Options.for_suite(suite, also_hide=(tmp_path,))
        for key, value in TIMEOUTS.items():
            setattr(options, key, value)
        result = grade_notebook(path, suite, options)
        messages = [o.message for q in result.questions for o in q.outcomes] + result.notes
        assert report(messages) == "[]", messages
        assert {q.name: q.score for q in result.questions} == {"add": 0, "scale": 0}
        assert targets.written_outside() == []
        held = ("hidden_paths", "no_network", "own_pids", "processes", "memory", *ALSO_HELD)
        assert all(result.enforced[k] for k in held), result.enforced
        assert [line for line in describe(result.enforced) if "system-call" not in line] == []
    finally:
        targets.remove()


@pytest.fixture(scope="module")
def ordinary_user() -> tuple[int, int, Path] | None:
    """(uid, gid, home) of an ordinary user to grade as; None: the suite is that user."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(USER)
    except KeyError:
        if shutil.which("useradd") is None:
            pytest.skip("running as root without `useradd`: cannot create an ordinary user")
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/sh", USER],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(USER)
    return entry.pw_uid, entry.pw_gid, Path(entry.pw_dir)


def grade_as(
    user: tuple[int, int, Path] | None, course: Path, notebook: Path, forbid_userns: bool = False
) -> dict[str, Any]:
    """Grade `notebook` in a separate process run by `user` (or by this user)."""
    args = {
        "root": str(course),
        "aid": AID,
        "notebook": str(notebook),
        "hide": [str(notebook.parent)],
        "timeouts": TIMEOUTS,
        "forbid_userns": forbid_userns,
    }
    command = [sys.executable, "-c", DRIVER, json.dumps(args)]
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if user is not None:
        uid, gid, home = user
        command = [sys.executable, "-c", LAUNCHER, str(uid), str(gid), str(home), *command]
        env["HOME"] = str(home)
    else:
        env["HOME"] = str(Path.home())
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture()
def user_space(
    ordinary_user: tuple[int, int, Path] | None, tiny_course: Path
) -> Iterator[tuple[Path, Path]]:
    """(a folder the ordinary user owns, a built course copy in it)."""
    base = Path(tempfile.mkdtemp(prefix="course-attack-"))
    try:
        course = base / "course"
        shutil.copytree(tiny_course, course)
        if ordinary_user is not None:
            uid, gid, _ = ordinary_user
            for folder, _, files in os.walk(base):
                os.chown(folder, uid, gid)
                for name in files:
                    os.chown(os.path.join(folder, name), uid, gid)
        base.chmod(0o755)
        yield base, course
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_the_attack_finds_nothing_as_an_ordinary_user(
    ordinary_user: tuple[int, int, Path] | None,
    user_space: tuple[Path, Path],
    loopback_server: int,
) -> None:
    as_user = ordinary_user[:2] if ordinary_user is not None else None
    if not namespaces_allowed(as_user):  # type: ignore[arg-type]
        pytest.skip(
            "this kernel refuses user namespaces to ordinary users: the sandbox then holds "
            "only its resource limits, as results.json says (see the next test)"
        )
    base, course = user_space
    home = ordinary_user[2] if ordinary_user is not None else Path.home()
    targets = Targets(base, course, home)
    try:
        if ordinary_user is not None:
            os.chown(targets.folder, *ordinary_user[:2])
            os.chown(targets.home_file, *ordinary_user[:2])
            os.chown(targets.copy, *ordinary_user[:2])
        notebook = targets.folder / "attacker.ipynb"
        notebook.write_text(
            json.dumps(attack_notebook(course, targets.params(loopback_server, [os.getpid(), 1])))
        )
        out = grade_as(ordinary_user, course, notebook)
        assert report(out["messages"]) == "[]", out["messages"]
        assert out["scores"] == {"add": 0, "scale": 0}
        assert targets.written_outside() == []
        held = ("hidden_paths", "no_network", "own_pids", "processes", "memory", *ALSO_HELD)
        assert out["enforced"]["user_namespace"], out["enforced"]
        assert all(out["enforced"][k] for k in held), out["enforced"]
        assert [line for line in out["describe"] if "system-call" not in line] == []
    finally:
        targets.remove()


def test_without_user_namespaces_grading_works_and_says_what_did_not_hold(
    ordinary_user: tuple[int, int, Path] | None, user_space: tuple[Path, Path]
) -> None:
    """Where the kernel refuses user namespaces to ordinary users (simulated: the grader runs
    in a user namespace that may not create another), the honest solution still scores full
    marks and the report says plainly that the filesystem and network were not confined."""
    as_user = ordinary_user[:2] if ordinary_user is not None else None
    if not namespaces_allowed(as_user):  # type: ignore[arg-type]
        pytest.skip("no user namespace to simulate a refusing kernel from")
    base, course = user_space
    solution = Layout(course).solution_notebook(AID)
    notebook = base / "class" / "honest.ipynb"
    notebook.parent.mkdir()
    shutil.copy(solution, notebook)
    if ordinary_user is not None:
        os.chown(notebook.parent, *ordinary_user[:2])
        os.chown(notebook, *ordinary_user[:2])
    out = grade_as(ordinary_user, course, notebook, forbid_userns=True)
    assert out["scores"] == {"add": 2, "scale": 1}, out["messages"]
    enforced = out["enforced"]
    assert not enforced["hidden_paths"] and not enforced["no_network"], enforced
    assert enforced["memory"] and enforced["cpu_time"] and enforced["file_size"], enforced
    assert any("filesystem NOT confined" in line for line in out["describe"]), out["describe"]
    assert any("network NOT cut" in line for line in out["describe"]), out["describe"]


def test_a_sandbox_sees_only_its_own_view_even_from_a_wider_fork_server() -> None:
    """The fork server is built once, from the first view asked for; a sandbox whose view
    leaves a folder out (say, another course's environment) does not see that folder."""
    import time

    from course.engine.sandbox import Sandbox, Settings
    from course.paths import sandbox_view

    full = sandbox_view().as_dict()
    package = str(Path(sys.modules[Layout.__module__].__file__ or "").parent)  # course/
    assert package in full["folders"]
    probe = "import os\ndef look(path):\n    return sorted(os.listdir(path))"
    seen = {}
    for name, folders in (
        ("full", full["folders"]),
        ("narrow", [f for f in full["folders"] if f != package]),
    ):
        sandbox = Sandbox(Settings(view={**full, "folders": folders}))
        sandbox.start()
        try:
            assert not sandbox.run_cells([probe], set(), 10, time.monotonic() + 10).errors
            try:
                seen[name] = sandbox.call("look", (package,), {}, [], 5)
            except FileNotFoundError:  # not even an empty folder where it was
                seen[name] = []
            if not sandbox.enforced.get("hidden_paths"):
                pytest.skip("the filesystem is not confined on this machine")
        finally:
            sandbox.close()
    assert "paths.py" in seen["full"]
    assert seen["narrow"] == []


def test_the_view_comes_from_the_layout_and_never_shows_the_course(tmp_path: Path) -> None:
    """Python's prefixes, the course package, shared libraries: never a folder that holds the
    course root, its private folders or a hidden folder (only the environment inside them)."""
    layout = Layout(REPO)
    view = layout.sandbox_view(hidden=(tmp_path,))
    shown = [Path(f) for f in view.folders]
    assert Path(sys.prefix) in shown and "/dev/null" in view.devices
    secret = [REPO, *layout.private_dirs(), tmp_path]
    assert not [f for f in shown for s in secret if f == s or f in s.parents]
    # A course whose root is (or holds) the Python environment shows no environment at all.
    assert Path(sys.prefix) not in map(Path, Layout(Path(sys.prefix)).sandbox_view().folders)
