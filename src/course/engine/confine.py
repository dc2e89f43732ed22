"""Confine a sandbox before it runs student code; report what held.

Three steps, in three processes (see SECURITY.md for the why):

1. `build_root` runs once, in the warm fork server: a private mount namespace (inside a user
   namespace of its own when the grader is an ordinary user) whose root is a read-only tmpfs
   holding only the sandbox view of `paths.sandbox_view` (the Python installation, the `course`
   package, shared libraries, the loader's cache, /dev/null and friends), each bound read-only
   at its own path, then `pivot_root` into it and the old root detached. The fork server (and
   so every sandbox forked from it) cannot reach anything else of the machine: no home
   folders, no course repository, no other submissions, no /proc, no /sys.
2. `enter` runs in each forked sandbox process: its own mount namespace with a fresh, size
   limited tmpfs on /tmp holding an empty working folder; its own network namespace (no
   interface up) and IPC namespace.
3. `apply` (same process, once it has its channel): its own PID namespace (the sandbox runs
   as PID 1 of a namespace of its own; the process that forked it waits and passes on how it
   ended), resource limits, then no privileges: as root a leased unprivileged uid with no
   groups, as an ordinary user no capabilities; never new privileges through exec.

Each step the kernel refuses is reported as not enforced instead of failing the grading.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import platform
import resource
import signal
import sys
import warnings
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 1, 2, 4, 8, 32
MS_NOATIME, MS_NODIRATIME, MS_BIND, MS_REC = 1024, 2048, 0x1000, 0x4000
MS_PRIVATE, MS_RELATIME = 1 << 18, 1 << 21
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 24, 38
PR_SET_CHILD_SUBREAPER = 36
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}

LINUX = sys.platform.startswith("linux")
VIEW_ENV = "COURSE_SANDBOX_VIEW"  # the parent's view, handed to the fork server it starts
ROOT_SIZE = "size=1m,nr_inodes=4096"  # the skeleton: folders and mount points only

# Filled in the fork server by build_root; every sandbox forked from it inherits this.
BASE: dict[str, Any] = {
    "built": False,
    "userns": False,
    "view": {},
    "error": "not built",
    "aside": [],  # the places bound a second time under ASIDE (see _build_and_pivot)
}
# Filled in each sandbox by enter, read by apply in the same process.
_ENTERED: dict[str, bool] = {}


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    def enc(text: str | None) -> bytes | None:
        return text.encode() if text is not None else None

    _check(
        _libc().mount(enc(source), enc(target), enc(fstype), flags, enc(data or None)),
        f"mount {target}",
    )


def _unshare(flags: int) -> bool:
    if not LINUX:
        return False
    try:
        return bool(_libc().unshare(flags) == 0)
    except (OSError, AttributeError):
        return False


def _limit(which: int, value: int) -> bool:
    try:
        resource.setrlimit(which, (value, value))
        return True
    except (ValueError, OSError):
        return False


# -- 1. once, in the fork server ----------------------------------------------------------------
def reap_orphans() -> None:
    """Make this process (the fork server) the reaper of its descendants' orphans: the grader
    kills a sandbox's two processes at once, and the sandbox (PID 1 of its namespace) may
    outlive its parent for a moment; it is then reaped here instead of by the machine's init
    (which in a container may never reap it). The fork server's loop reaps any child; it
    warns about the ones it did not start, which is expected here."""
    warnings.filterwarnings("ignore", message="forkserver: waitpid returned unexpected pid")
    if LINUX:
        _libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def build_root(view: dict[str, list[str]]) -> None:
    """Make this process's whole filesystem the read-only `view` (see the module docstring).
    Records in BASE whether it held; never raises."""
    BASE.update(built=False, userns=False, view=view, error="")
    try:
        if os.geteuid() != 0:
            _enter_user_namespace()
            BASE["userns"] = True
        elif not _unshare(CLONE_NEWNS):
            raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) refused")
        _pivot_into(view)
        BASE["built"] = True
    except Exception as exc:  # the sandboxes then report that the filesystem is not confined
        BASE["error"] = f"{type(exc).__name__}: {exc}"


def _enter_user_namespace() -> None:
    """A user namespace of our own (with our own uid and gid mapped to themselves), so that an
    ordinary user may build mount and network namespaces: only its own files, no new rights."""
    uid, gid = os.geteuid(), os.getegid()
    if not _unshare(CLONE_NEWUSER | CLONE_NEWNS):
        raise OSError(ctypes.get_errno(), "user namespaces are not allowed here")
    with open("/proc/self/setgroups", "w") as handle:
        handle.write("deny")
    with open("/proc/self/uid_map", "w") as handle:
        handle.write(f"{uid} {uid} 1")
    with open("/proc/self/gid_map", "w") as handle:
        handle.write(f"{gid} {gid} 1")
    # No sandbox may create a user namespace of its own below this one (none needs it).
    with contextlib.suppress(OSError), open("/proc/sys/user/max_user_namespaces", "w") as handle:
        handle.write("0")


def _locked_flags(fd: int | str) -> int:
    """Mount flags of the mount holding `fd` that a remount must keep (a user namespace may not
    clear them)."""
    flags = os.statvfs(fd).f_flag
    kept = flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME)
    return kept | (MS_RELATIME if flags & 4096 else 0)


def _pivot_into(view: dict[str, list[str]]) -> None:
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    # Open every source before anything is covered: binds then come from /proc/self/fd.
    sources: list[tuple[str, int, str]] = []  # (target path, O_PATH fd, kind)
    links: list[tuple[str, str]] = []
    folders = [os.path.abspath(f) for f in view.get("folders", [])]
    for folder in folders:
        if os.path.islink(folder):
            target = os.path.realpath(folder)
            if any(target == f or target.startswith(f + "/") for f in folders if f != folder):
                links.append((folder, os.readlink(folder)))  # /lib -> usr/lib
                continue
        real = os.path.realpath(folder)
        for place in dict.fromkeys([folder, real]):
            sources.append((place, os.open(real, os.O_PATH | os.O_DIRECTORY), "folder"))
    for path in view.get("files", []):
        sources.append((os.path.abspath(path), os.open(os.path.realpath(path), os.O_PATH), "file"))
    for path in view.get("devices", []):
        sources.append((os.path.abspath(path), os.open(path, os.O_PATH), "device"))
    new = "/tmp"  # covered in this namespace only; the new root is built on it
    try:
        _mount("tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, f"mode=0755,{ROOT_SIZE}")
        _build_and_pivot(new, sources, links)
    except BaseException:
        _libc().umount2(new.encode(), MNT_DETACH)  # the machine's /tmp again, for the fallback
        raise
    finally:
        for _, fd, _ in sources:
            os.close(fd)
    with contextlib.suppress(OSError):  # the skeleton read-only too (only mount points in it)
        _mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _build_and_pivot(
    new: str, sources: list[tuple[str, int, str]], links: list[tuple[str, str]]
) -> None:
    """Bind every source at its place under `new`, then make `new` the root."""
    # Sources under /tmp are bound a second time under ASIDE: each sandbox covers /tmp with a
    # fresh tmpfs and binds them back from there (no /proc in a sandbox to bind an fd from).
    aside = [(ASIDE + p, fd, kind) for p, fd, kind in sources if p.startswith("/tmp/")]
    BASE["aside"] = [p for p, _, _ in aside]
    sources = sources + aside
    for place, fd, kind in sources:
        target = new + place
        if kind == "folder":
            os.makedirs(target, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "a"):
                pass
        _mount(f"/proc/self/fd/{fd}", target, None, MS_BIND)
        if kind != "device":  # /dev/null must stay writable; the others are read-only
            flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV
            _mount(None, target, None, flags | _locked_flags(fd))
    for place, link in links:
        os.makedirs(os.path.dirname(new + place), exist_ok=True)
        if not os.path.lexists(new + place):
            os.symlink(link, new + place)
    os.makedirs(new + "/tmp", mode=0o755, exist_ok=True)
    os.makedirs(new + "/.old", exist_ok=True)
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise OSError(0, f"pivot_root: unknown system call number on {platform.machine()}")
    _check(_libc().syscall(number, new.encode(), (new + "/.old").encode()), "pivot_root")
    os.chdir("/")
    _check(_libc().umount2(b"/.old", MNT_DETACH), "umount the old root")
    os.rmdir("/.old")


def view_from_environment() -> dict[str, list[str]] | None:
    """The view the grader handed to this fork server, if any."""
    text = os.environ.get(VIEW_ENV)
    return json.loads(text) if text else None


ASIDE = "/.view"  # where the skeleton keeps a second binding of the view's folders under /tmp


# -- 2. in each sandbox, before it changes into its working folder --------------------------------
def enter(settings: dict[str, Any], workdir: str) -> str:
    """Private namespaces for this sandbox; returns the working folder to use."""
    _ENTERED.clear()
    _ENTERED["no_network"] = _unshare(CLONE_NEWNET) if _may_unshare() else False
    _unshare(CLONE_NEWIPC) if _may_unshare() else None
    if not BASE["built"]:
        _ENTERED["hidden_paths"] = False
        return workdir
    inside = "/tmp/" + os.path.basename(workdir.rstrip("/"))
    try:
        if not _unshare(CLONE_NEWNS):
            raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS)")
        _narrow(settings.get("view") or {})
        size = int(settings.get("disk_bytes", 64 << 20))
        mode = "1777" if os.geteuid() == 0 else "0700"
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"mode={mode},size={size}")
        # A view folder under /tmp (a checkout there, its .venv) is hidden by the fresh tmpfs:
        # bind it back, read-only, from its second place; then that second place goes.
        wanted = [
            place
            for place in _view_places(settings.get("view") or BASE["view"])
            if place.startswith("/tmp/") and os.path.isdir(ASIDE + place)
        ]
        # The folders leading to them (/tmp/ci2 for /tmp/ci2/.venv) live on small tmpfs
        # mounts of their own, made read-only once filled: the sandbox cannot write there.
        holders = sorted({"/tmp/" + p.split("/")[2] for p in wanted} - set(wanted))
        for holder in holders:
            os.makedirs(holder, exist_ok=True)
            _mount("tmpfs", holder, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=64k")
        for place in wanted:
            os.makedirs(place, exist_ok=True)
            _mount(ASIDE + place, place, None, MS_BIND)
            flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV
            _mount(None, place, None, flags | _locked_flags(ASIDE + place))
        for holder in holders:
            _mount(None, holder, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        for place in sorted(BASE["aside"], key=lambda p: -p.count("/")):  # innermost first
            _check(_libc().umount2(place.encode(), MNT_DETACH), f"umount {place}")
        os.mkdir(inside, 0o700)
        uid = int(settings.get("uid", 0))
        if os.geteuid() == 0 and uid > 0:
            os.chown(inside, uid, uid)
        _ENTERED["hidden_paths"] = True
    except OSError:
        _ENTERED["hidden_paths"] = False  # the skeleton's /tmp is read-only: nowhere to write
        inside = "/"
    return inside


def _view_places(view: dict[str, list[str]]) -> list[str]:
    """Every place a view's folders appear at in the sandbox (as named, and resolved), outermost
    first so that a nested one is bound after the folder holding it."""
    places = {p for f in view.get("folders", []) for p in (f, os.path.realpath(f))}
    return sorted(places, key=lambda p: p.count("/"))


def _may_unshare() -> bool:
    return os.geteuid() == 0 or bool(BASE["userns"])


def _narrow(wanted: dict[str, list[str]]) -> None:
    """Unmount any folder the fork server shows that this grader's view leaves out (the fork
    server is built once, from the first view a grader process asked for)."""
    built = BASE["view"].get("folders", [])
    keep = set(wanted.get("folders", built))
    for folder in built:
        if folder not in keep:
            for place in dict.fromkeys([folder, os.path.realpath(folder)]):
                _check(_libc().umount2(place.encode(), MNT_DETACH), f"umount {place}")


# -- 3. in each sandbox, last ----------------------------------------------------------------------
def apply(settings: dict[str, Any]) -> dict[str, bool]:
    """Own PID namespace, limits, no privileges; return which confinements are in force."""
    enforced: dict[str, bool] = {}
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversize writes fail instead of killing
    enforced["own_pids"] = _may_unshare() and _unshare(CLONE_NEWPID) and _fork_as_init()
    enforced["memory"] = _limit(resource.RLIMIT_AS, int(settings["memory_bytes"]))
    enforced["cpu_time"] = _limit(resource.RLIMIT_CPU, int(settings["cpu_seconds"]))
    enforced["file_size"] = _limit(resource.RLIMIT_FSIZE, int(settings["file_bytes"]))
    _limit(resource.RLIMIT_CORE, 0)
    enforced["no_network"] = _ENTERED.get("no_network", False)
    enforced["hidden_paths"] = _ENTERED.get("hidden_paths", False)
    enforced["user_namespace"] = bool(BASE["userns"]) and enforced["hidden_paths"]
    uid = int(settings.get("uid", 0))
    enforced["unprivileged_user"] = False
    if os.geteuid() == 0 and uid > 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            # A change of user clears the parent-death signal: ask for it again, or a sandbox
            # whose grader is killed outright would outlive it.
            _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            enforced["unprivileged_user"] = True
        except OSError:
            pass
    enforced["no_privileges"] = _drop_capabilities() and os.geteuid() != 0
    enforced["syscall_filter"] = enforced["no_privileges"] and _syscall_filter()
    # RLIMIT_NPROC counts the processes of the uid; root ignores it, so it holds only after setuid.
    enforced["processes"] = _limit(resource.RLIMIT_NPROC, int(settings["max_processes"])) and (
        os.geteuid() != 0
    )
    return enforced


def die_with_parent() -> None:
    """End this process when its parent (the fork server, which ends with the grader) ends:
    nothing else would stop a sandbox whose grader was killed with SIGKILL. And let go of the
    fork server's "alive" pipe that multiprocessing hands every child: while a sandbox held it,
    the fork server never saw the grader go and outlived it, and so did the sandbox."""
    import multiprocessing.forkserver as forkserver

    server = getattr(forkserver, "_forkserver", None)
    alive = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(alive, int):
        with contextlib.suppress(OSError):
            os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


def _fork_as_init() -> bool:
    """Fork into the new PID namespace: the child (PID 1 there, sees no other process) goes on
    as the sandbox; this process closes everything, waits, and ends the way the child ended."""
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid == 0:
        _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        return True
    try:
        os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code < 0:
            signal.signal(-code, signal.SIG_DFL)
            os.kill(os.getpid(), -code)
            code = 128 - code
    except BaseException:
        code = 1
    os._exit(code)


def _drop_capabilities() -> bool:
    """No capability left (in any user namespace) and none to be gained by exec."""
    if not LINUX:
        return os.geteuid() != 0  # an ordinary user elsewhere: no privileges to drop
    libc = _libc()
    ok = libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    for cap in range(64):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:
            break  # EINVAL: past the last capability
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable (x2): all empty
    return bool(ok and libc.capset(header, data) == 0)


# -- a seccomp filter: system calls no student code needs, refused with EPERM ----------------------
class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint32),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [
        ("len", ctypes.c_ushort),
        ("filter", ctypes.POINTER(_SockFilter)),
    ]


# Refused: namespaces and mounts, kernel keyrings (shared with the grading user), bpf, perf
# events, userfaultfd, ptrace, io_uring, and changing metadata through a descriptor (a few files
# of the Python installation stay open from before the root was built).
_REFUSED_NAMES = (
    "unshare setns mount umount2 pivot_root chroot mount_setattr open_tree move_mount fsopen "
    "fsconfig fsmount fspick keyctl add_key request_key bpf perf_event_open userfaultfd ptrace "
    "io_uring_setup fchmod fchown fsetxattr fremovexattr fchmodat2"
)
_REFUSED = _REFUSED_NAMES.split()
# Per architecture: audit arch, the numbers of _REFUSED, then clone, clone3, fchownat.
_SYSCALLS = {
    "x86_64": (
        0xC000003E,
        "272 308 165 166 155 161 442 428 429 430 431 432 433 250 248 249 321 298 323 101 425 "
        "91 93 190 199 452 56 435 260",
    ),
    "aarch64": (
        0xC00000B7,
        "97 268 40 39 41 51 442 428 429 430 431 432 433 219 217 218 280 241 282 117 425 "
        "52 55 7 16 452 220 435 54",
    ),
}
_NEW_NAMESPACES = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET
_NEW_NAMESPACES |= 0x02000000 | 0x04000000 | 0x00000080  # CLONE_NEWCGROUP, NEWUTS, NEWTIME


def _syscall_filter() -> bool:
    """Install the filter (after no_new_privs); False where the architecture is not known."""
    known = _SYSCALLS.get(platform.machine())
    if known is None or not LINUX:
        return False
    arch, numbers = known[0], [int(n) for n in known[1].split()]
    refused, (clone, clone3, fchownat) = numbers[: len(_REFUSED)], numbers[len(_REFUSED) :]
    ld, jeq, jset, jge, ret = 0x20, 0x15, 0x45, 0x35, 0x06
    allow, eperm, enosys = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38
    code: list[tuple[int, int, int, int]] = [
        (ld, 0, 0, 4),  # architecture
        (jeq, 1, 0, arch),
        (ret, 0, 0, eperm),  # another ABI (32-bit calls on x86_64)
        (ld, 0, 0, 0),  # system call number
        (jge, 0, 1, 0x40000000),
        (ret, 0, 0, eperm),  # the x32 ABI
    ]
    for number in refused:
        code += [(jeq, 0, 1, number), (ret, 0, 0, eperm)]
    code += [(jeq, 0, 1, clone3), (ret, 0, 0, enosys)]  # glibc falls back to clone
    for number, arg, mask in ((clone, 0, _NEW_NAMESPACES), (fchownat, 4, 0x1000)):
        code += [(jeq, 0, 4, number), (ld, 0, 0, 16 + 8 * arg), (jset, 0, 1, mask)]
        code += [(ret, 0, 0, eperm), (ret, 0, 0, allow)]
    code.append((ret, 0, 0, allow))
    program = (_SockFilter * len(code))(*[_SockFilter(c, t, f, k) for c, t, f, k in code])
    fprog = _SockFprog(len(code), program)
    return bool(_libc().prctl(22, 2, ctypes.byref(fprog), 0, 0) == 0)  # SECCOMP_MODE_FILTER


def describe(enforced: dict[str, bool]) -> list[str]:
    """In words, for a summary: what did not hold and what that means."""
    lines = []
    if not enforced.get("hidden_paths"):
        lines.append(
            "filesystem NOT confined: student code could read every file the grading user can "
            "read (solutions, hidden tests, other submissions); grade as root, or where user "
            "namespaces are allowed, when that matters"
        )
    if not enforced.get("no_network"):
        lines.append("network NOT cut: student code could open connections")
    if not enforced.get("own_pids"):
        lines.append(
            "no PID namespace: student code could see other processes"
            + ("" if enforced.get("unprivileged_user") else " and signal the grader's own")
        )
    if not enforced.get("no_privileges"):
        lines.append("privileges NOT dropped: student code runs with the grader's capabilities")
    if not enforced.get("syscall_filter"):
        lines.append("no system-call filter: namespace, mount and keyring calls are not refused")
    if not enforced.get("processes"):
        lines.append("no process limit: student code could start processes and threads")
    for key in ("memory", "cpu_time", "file_size"):
        if not enforced.get(key):
            lines.append(f"no {key.replace('_', ' ')} limit")
    return lines
