"""Confine the current (sandbox) process before it runs student code; report what held.

Always: resource limits (address space, CPU time, file size, core dumps). Where the process is
root on Linux: a private network namespace with no interfaces up (no network), a private mount
namespace with the course's answers and tests hidden under empty tmpfs mounts, a limit on
processes, and a switch to an unprivileged uid with no groups. Each step that the OS refuses is
reported as not enforced instead of failing the grading.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_BIND, MS_REC, MS_PRIVATE = 0x1000, 0x4000, 1 << 18


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _limit(which: int, value: int) -> bool:
    try:
        resource.setrlimit(which, (value, value))
        return True
    except (ValueError, OSError):
        return False


def _unshare(flags: int) -> bool:
    try:
        return bool(_libc().unshare(flags) == 0)
    except (OSError, AttributeError):
        return False


def _hide(paths: list[str]) -> bool:
    """Mount an empty read-only tmpfs over each path, in this process's own mount namespace."""
    libc = _libc()
    if libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        return False
    ok = True
    for path in paths:
        if os.path.isdir(path):
            ok &= libc.mount(b"tmpfs", path.encode(), b"tmpfs", 1, b"size=4k") == 0  # 1=RDONLY
    return ok


def _blocked_ancestor(path: str) -> str | None:
    """The first folder on the way to `path` that other users cannot enter (e.g. /root)."""
    current = "/"
    for part in os.path.normpath(path).strip("/").split("/"):
        current = os.path.join(current, part)
        try:
            if not os.stat(current).st_mode & 0o001:
                return current
        except OSError:
            return None
    return None


def _expose(paths: list[str]) -> bool:
    """Keep `paths` (the Python installation) readable after dropping privileges, even when
    they live in a folder others cannot enter: that folder is covered by an empty tmpfs and
    only `paths` are bound back into it, which also hides the rest of it (a home folder)."""
    libc = _libc()
    ok = True
    for path in sorted(set(paths)):
        blocked = _blocked_ancestor(path)
        if blocked is None:
            continue
        fd = os.open(path, os.O_PATH)
        try:
            if libc.mount(b"tmpfs", blocked.encode(), b"tmpfs", 0, b"mode=0755,size=64k") != 0:
                ok = False
                continue
            os.makedirs(path, exist_ok=True)
            source = f"/proc/self/fd/{fd}".encode()
            ok &= libc.mount(source, path.encode(), None, MS_BIND | MS_REC, None) == 0
        finally:
            os.close(fd)
    return ok


def apply(settings: dict[str, Any]) -> dict[str, bool]:
    """Apply every confinement the OS allows; return which ones are in force."""
    enforced: dict[str, bool] = {}
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversize writes fail instead of killing
    enforced["memory"] = _limit(resource.RLIMIT_AS, int(settings["memory_bytes"]))
    enforced["cpu_time"] = _limit(resource.RLIMIT_CPU, int(settings["cpu_seconds"]))
    enforced["file_size"] = _limit(resource.RLIMIT_FSIZE, int(settings["file_bytes"]))
    _limit(resource.RLIMIT_CORE, 0)
    root = os.geteuid() == 0
    enforced["no_network"] = root and _unshare(CLONE_NEWNET)
    enforced["hidden_paths"] = root and _unshare(CLONE_NEWNS) and _hide(settings.get("hide", []))
    if enforced["hidden_paths"]:
        enforced["hidden_paths"] = _expose(settings.get("expose", []))
    uid = int(settings.get("uid", 0))
    enforced["unprivileged_user"] = False
    if root and uid > 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            enforced["unprivileged_user"] = True
        except OSError:
            pass
    # RLIMIT_NPROC counts the processes of the uid; root ignores it, so it holds only after setuid.
    enforced["processes"] = _limit(resource.RLIMIT_NPROC, int(settings["max_processes"])) and (
        os.geteuid() != 0
    )
    return enforced
