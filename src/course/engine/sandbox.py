"""The trusted side of the channel: start a confined child, run cells, call student functions."""

from __future__ import annotations

import builtins
import fcntl
import json
import multiprocessing
import multiprocessing.context
import multiprocessing.spawn
import os
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO, Any

import numpy as np

from course.engine import confine
from course.engine.protocol import Encoder, ProtocolError, decode, pack, unpack
from course.paths import sandbox_view

READ_CHUNK = 1 << 20
SAFE_EXCEPTIONS = {
    name
    for name in dir(builtins)
    if isinstance(getattr(builtins, name), type)
    and issubclass(getattr(builtins, name), Exception)
    and not issubclass(getattr(builtins, name), Warning)
}


class SandboxFailure(BaseException):
    """The student's process timed out, died or broke the channel. A BaseException on purpose:
    test code that catches `Exception` must not swallow it."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason, self.kind = reason, kind


class StudentProblem(BaseException):
    """The student's function cannot be called the way the test needs (missing, forbidden,
    returns something that is not plain data). A BaseException so that tests cannot catch it."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason, self.kind = reason, kind


class StudentException:
    """Mixin marking an exception raised by the student's code (not by the test)."""

    student_type: str = ""
    student_message: str = ""


_exception_classes: dict[str, type[Exception]] = {}


def student_exception(type_name: str, raised: str, message: str) -> Exception:
    """An exception of the same builtin type the student raised, marked as the student's."""
    name = type_name if type_name in SAFE_EXCEPTIONS else "RuntimeError"
    if name not in _exception_classes:
        base = getattr(builtins, name)
        _exception_classes[name] = type(f"Student{name}", (base, StudentException), {})
    exc = _exception_classes[name](message)
    exc.student_type = raised  # type: ignore[attr-defined]
    exc.student_message = message  # type: ignore[attr-defined]
    return exc


@dataclass
class Settings:
    """How to confine one sandbox."""

    memory_bytes: int = 2048 << 20
    cpu_seconds: int = 300
    file_bytes: int = 8 << 20
    max_processes: int = 1  # its own uid: no fork, no extra thread (fork bombs end here)
    uid: int = -1  # -1: an unused unprivileged uid when root (leased), else stay as we are
    disk_bytes: int = 64 << 20  # the sandbox's own /tmp (working folder included), in memory
    # All the sandbox sees of the machine, read-only (paths.SandboxView.as_dict()): nothing
    # else exists in it. The course's own view comes from paths.Layout.sandbox_view.
    view: dict[str, list[str]] = field(default_factory=lambda: sandbox_view().as_dict())


@dataclass
class CellRun:
    """What happened when the cells were executed."""

    errors: dict[int, str] = field(default_factory=dict)
    failed_cell: int | None = None  # the cell during which the process timed out or died
    failure: str = ""
    finished: bool = True


class Sandbox:
    """One confined child process holding one student's notebook state."""

    def __init__(self, settings: Settings, start_timeout: float = 60.0) -> None:
        self.settings = settings
        self.start_timeout = start_timeout
        self.proc: BaseProcess | None = None
        self._connections: tuple[Connection, ...] = ()
        self.workdir = ""
        self.enforced: dict[str, bool] = {}
        self._buffer = b""

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        self.workdir = tempfile.mkdtemp(prefix="course-sandbox-")
        os.chmod(self.workdir, 0o700)
        self.uid: int = 0
        self.lease: IO[str] | None = None
        if os.geteuid() == 0 and self.settings.uid != 0:
            self.uid, self.lease = lease_uid()
            os.chown(self.workdir, self.uid, self.uid)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": self.workdir,
            "TMPDIR": self.workdir,
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": self.workdir,
            "LANG": "C.UTF-8",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }
        ctx = fork_server(self.settings.view)
        from_child, child_out = ctx.Pipe(duplex=False)
        child_in, to_child = ctx.Pipe(duplex=False)
        settings = {**self.settings.__dict__, "uid": self.uid}
        self.proc = ctx.Process(
            name=PROCESS_NAME,
            target=child_main,
            args=(child_in, child_out, settings, self.workdir, env),
            daemon=True,
        )
        self.proc.start()
        child_in.close()
        child_out.close()
        self._connections = (from_child, to_child)
        self.wfd, self.rfd = to_child.fileno(), from_child.fileno()
        os.set_blocking(self.rfd, False)
        ready, _ = self.recv(time.monotonic() + self.start_timeout)
        if ready.get("op") != "ready":
            raise SandboxFailure("the sandbox did not start", "crash")
        self.enforced = {k: bool(v) for k, v in dict(ready.get("enforced", {})).items()}

    def close(self) -> None:
        """Kill the child and everything it started; remove its working directory."""
        if self.proc is not None:
            pid = self.proc.pid or 0
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()  # killed before it made its own group
            self.proc.join()
            if self.uid:
                kill_uid(self.uid, wait=2.0)  # the sandbox itself (PID 1 of its namespace)
            for connection in self._connections:
                connection.close()
            self.proc = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = ""
        if self.lease is not None:
            self.lease.close()  # releases the uid for the next sandbox
            self.lease = None

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.is_alive()

    def exit_description(self) -> str:
        """Why the child is gone, in words a student understands."""
        if self.proc is None:
            return "the process was stopped"
        self.proc.join(timeout=5)
        code = self.proc.exitcode
        if code is None:
            return "the process stopped answering"
        if code < 0:
            sig = signal.Signals(-code).name
            if -code in (signal.SIGKILL, signal.SIGXCPU):
                return f"the process was killed ({sig}): CPU or memory limit?"
            return f"the process was killed by {sig}"
        return f"the process exited with code {code} (exit(), os._exit() or a crash)"

    # -- channel ---------------------------------------------------------------------------
    def send(self, message: dict[str, Any], encoder: Encoder | None = None) -> None:
        frame = pack(message, encoder)
        try:
            view = memoryview(frame)
            while view:
                view = view[os.write(self.wfd, view) :]
        except (BrokenPipeError, OSError) as exc:
            raise SandboxFailure(self.exit_description(), "crash") from exc

    def recv(self, deadline: float) -> tuple[dict[str, Any], list[bytes]]:
        """The next message, or SandboxFailure on timeout, death or garbage."""
        while True:
            if len(self._buffer) >= 8:
                length = int.from_bytes(self._buffer[:8], "little")
                if length > 64 << 20:
                    self.close()
                    raise SandboxFailure("the student's code sent more data than allowed", "crash")
                if len(self._buffer) >= 8 + length:
                    body, self._buffer = self._buffer[8 : 8 + length], self._buffer[8 + length :]
                    try:
                        return unpack(body)
                    except ProtocolError as exc:
                        self.close()
                        raise SandboxFailure("the channel was tampered with", "tamper") from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.close()
                raise SandboxFailure("timeout", "timeout")
            readable, _, _ = select.select([self.rfd], [], [], remaining)
            if not readable:
                continue
            try:
                chunk = os.read(self.rfd, READ_CHUNK)
            except BlockingIOError:
                continue
            if not chunk:
                reason = self.exit_description()
                self.close()
                raise SandboxFailure(reason, "crash")
            self._buffer += chunk

    # -- work ------------------------------------------------------------------------------
    def run_cells(
        self,
        cells: list[str],
        skip: set[int],
        cell_timeout: float,
        deadline: float,
        forbid: list[str] | None = None,
    ) -> CellRun:
        """Execute `cells` in order (except `skip`); stop at the first timeout or death.
        `forbid`: every shortcut some question forbids, to be trip-wired before the cells run."""
        run = CellRun()
        self.send({"op": "exec", "cells": cells, "skip": sorted(skip), "forbid": forbid or []})
        current: int | None = None
        while True:
            limit = min(deadline, time.monotonic() + cell_timeout)
            try:
                message, _ = self.recv(limit)
            except SandboxFailure as exc:
                run.failed_cell, run.finished = current, False
                run.failure = (
                    f"timed out after {cell_timeout:g} s"
                    if exc.kind == "timeout" and time.monotonic() < deadline
                    else "the notebook ran out of time"
                    if exc.kind == "timeout"
                    else exc.reason
                )
                return run
            op = message.get("op")
            if op == "cell_start":
                current = int(message["index"])
            elif op == "cell_done":
                if message.get("error"):
                    run.errors[int(message["index"])] = str(message["error"])
                current = None
            elif op == "exec_done":
                return run

    def call(
        self,
        name: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        forbid: list[str],
        timeout: float,
    ) -> Any:
        """Call the student's `name` with plain data; return its result on the trusted side."""
        handles: list[Callable[..., Any]] = []

        def register(func: Callable[..., Any]) -> int:
            handles.append(func)
            return len(handles) - 1

        encoder = Encoder(register)
        message = {
            "op": "call",
            "name": name,
            "args": encoder.encode(list(args)),
            "kwargs": encoder.encode(dict(kwargs)),
            "forbid": forbid,
        }
        self.send(message, encoder)
        deadline = time.monotonic() + timeout
        while True:
            try:
                reply, buffers = self.recv(deadline)
            except SandboxFailure as exc:
                if exc.kind == "timeout":
                    raise SandboxFailure(
                        f"`{name}` did not finish within {timeout:g} s (an endless loop?)",
                        "timeout",
                    ) from None
                raise SandboxFailure(
                    f"`{name}` stopped the Python process: {exc.reason}", exc.kind
                ) from None
            if reply.get("op") == "callback":
                self._answer_callback(reply, buffers, handles)
                continue
            return self._result(name, reply, buffers, args, kwargs)

    def _answer_callback(
        self, reply: dict[str, Any], buffers: list[bytes], handles: list[Callable[..., Any]]
    ) -> None:
        try:
            func = handles[int(reply["handle"])]
            args = decode(reply["args"], buffers)
            kwargs = decode(reply["kwargs"], buffers)
            value = func(*args, **kwargs)
            encoder = Encoder()
            self.send(
                {"op": "callback_result", "status": "ok", "value": encoder.encode(value)}, encoder
            )
        except (ProtocolError, IndexError, KeyError, TypeError, ValueError, ArithmeticError) as exc:
            self.send(
                {
                    "op": "callback_result",
                    "status": "error",
                    "type": type(exc).__name__
                    if type(exc).__name__ in SAFE_EXCEPTIONS
                    else "RuntimeError",
                    "message": "the function you were given failed",
                }
            )

    def _result(
        self,
        name: str,
        reply: dict[str, Any],
        buffers: list[bytes],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> Any:
        status = reply.get("status")
        try:
            for key, value in reply.get("mutated", []):
                target = args[key] if isinstance(key, int) else kwargs[key]
                _copy_back(target, decode(value, buffers) if value is not None else None)
            if status == "ok":
                return decode(reply.get("value"), buffers)
        except (ProtocolError, IndexError, KeyError, TypeError) as exc:
            raise StudentProblem(
                f"`{name}` returned something that is not plain data", "not_plain"
            ) from exc
        if status == "raised":
            raise student_exception(
                str(reply.get("type")), str(reply.get("raised")), str(reply.get("message", ""))
            )
        if status == "missing":
            found = reply.get("found")
            detail = "is not defined" if found == "NoneType" else f"is a {found}, not a function"
            raise StudentProblem(
                f"`{name}` {detail} in your notebook: did you rename it, delete its cell, or "
                "does its cell fail to run?",
                "missing",
            )
        if status == "forbidden":
            names = ", ".join(str(n) for n in reply.get("names", []))
            raise StudentProblem(
                f"`{name}` calls {names}, which this exercise forbids", "forbidden"
            )
        if status == "not_plain":
            raise StudentProblem(
                f"`{name}` returned something that is not plain data "
                f"(numbers, lists, tuples, dicts, numpy arrays)",
                "not_plain",
            )
        raise StudentProblem(f"`{name}` could not be called", "protocol")


def _copy_back(target: Any, value: Any) -> None:
    """Make the trusted argument show the change the student's function made to its copy."""
    if isinstance(target, np.ndarray):
        if isinstance(value, np.ndarray) and value.shape == target.shape:
            try:
                target[...] = value
                return
            except (TypeError, ValueError):
                pass
        target.flags.writeable = True
        target[...] = np.nan if target.dtype.kind in "fc" else target + 1  # changed, somehow
    elif isinstance(target, list):
        target[:] = value if isinstance(value, list) else [object()]


UID_RANGE = range(61000, 61512)
LEASE_DIR = Path(tempfile.gettempdir()) / "course-sandbox-uids"


_FORK_SERVER: multiprocessing.context.ForkServerContext | None = None


PROCESS_NAME = "course-sandbox"


def _preparation_without_main(
    original: Callable[[str], dict[str, Any]],
) -> Callable[[str], dict[str, Any]]:
    """multiprocessing re-runs the parent's __main__ in every child it starts; a sandbox needs
    nothing from it (its entry point is importable), and re-running the grader's script per
    submission costs time and fails for `python -`. Other processes are left as they were."""

    def prepare(name: str) -> dict[str, Any]:
        data = original(name)
        if name.startswith(PROCESS_NAME):
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
            data.pop("dir", None)  # the grader's folder does not exist in the sandbox
        return data

    return prepare


def fork_server(
    view: dict[str, list[str]] | None = None,
) -> multiprocessing.context.ForkServerContext:
    """The process sandboxes fork from: it has numpy, matplotlib and the cell transformer
    loaded (course.engine.warm) and holds no test, answer or grader state. Its whole filesystem
    is `view` (read-only, built once when it starts: confine.build_root); the first view asked
    for wins, and a sandbox unmounts what its own view leaves out (confine.enter)."""
    global _FORK_SERVER
    if _FORK_SERVER is None:
        # Read by warm in the fork server, started with this environment at the first sandbox
        # (a value inherited from another grader process is replaced: its Python may differ).
        os.environ[confine.VIEW_ENV] = json.dumps(view or sandbox_view().as_dict())
        spawn = multiprocessing.spawn
        wrapped = _preparation_without_main(spawn.get_preparation_data)
        spawn.get_preparation_data = wrapped  # type: ignore[assignment]
        ctx = multiprocessing.get_context("forkserver")
        assert isinstance(ctx, multiprocessing.context.ForkServerContext)
        ctx.set_forkserver_preload(["course.engine.warm"])
        _FORK_SERVER = ctx
    return _FORK_SERVER


def child_main(
    reader: Any, writer: Any, settings: dict[str, Any], workdir: str, env: dict[str, str]
) -> None:
    """Runs in the forked sandbox (imported from the warm fork server): private namespaces and
    a working folder of its own (confine.enter), then the sandbox's life (child.forked_main)."""
    from course.engine.child import forked_main

    confine.die_with_parent()  # a grader killed outright (SIGKILL) leaves no sandbox behind
    inside = confine.enter(settings, workdir)
    if inside != workdir:
        env = {**env, **{k: inside for k in ("HOME", "TMPDIR", "MPLCONFIGDIR")}}
    forked_main(reader, writer, settings, inside, env)


def lease_uid() -> tuple[int, IO[str]]:
    """An unprivileged uid no other sandbox on this machine holds (across processes), and the
    open lock file that holds it: each sandbox gets its own uid, so killing one sandbox's
    processes by uid never touches another's, and the process limit is per sandbox."""
    LEASE_DIR.mkdir(mode=0o700, exist_ok=True)
    for uid in UID_RANGE:
        handle = open(LEASE_DIR / str(uid), "w")  # noqa: SIM115 - held until the sandbox closes
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        kill_uid(uid)  # leftovers of a grader that was killed itself
        return uid, handle
    raise SandboxFailure("no free sandbox uid: too many sandboxes at once", "crash")


def kill_uid(uid: int, wait: float = 0.0) -> None:
    """Kill every process of `uid` (escaped grandchildren of a sandbox included); with `wait`,
    until none of them is still running (a killed process takes a moment to end), for at most
    `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        running = False
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if entry.stat().st_uid != uid:
                    continue
                if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    continue  # ended; its parent (or the fork server) reaps it
                os.kill(int(entry.name), signal.SIGKILL)
                running = True
            except (OSError, ValueError, IndexError):
                continue
        if not running or time.monotonic() >= deadline:
            return
        time.sleep(0.001)
