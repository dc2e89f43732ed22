"""The untrusted side: confine this process, run a student's cells, answer calls by name.

Nothing here decides a grade. The grader (the parent) sends cells and calls; this process only
executes them and sends back plain data, so whatever the student's code does to this process
(patching numpy, printing, exiting, looping) can change only the answers it gives.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import io
import os
import signal
import sys
import types
from collections.abc import Callable
from typing import Any

import numpy as np

from course.engine import confine
from course.engine.protocol import (
    Encoder,
    ProtocolError,
    decode,
    pack,
    read_exact,
    read_frame_length,
    unpack,
    write_frame,
)
from course.engine.tripwires import Tripwires

_write = os.write  # kept before student code can replace os.write


class DiscardedOutput(io.TextIOBase):
    """The student's stdout and stderr: nothing printed can affect a grade, so it is dropped
    at once (a runaway print costs only its own time; files are capped by RLIMIT_FSIZE)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


class IPythonStub:
    """Enough of `get_ipython()` for magics (`%matplotlib inline`, `!pip ...`) to do nothing."""

    def run_line_magic(self, *args: Any, **kwargs: Any) -> None:
        return None

    def run_cell_magic(self, *args: Any, **kwargs: Any) -> None:
        return None

    def system(self, *args: Any, **kwargs: Any) -> None:
        return None

    def getoutput(self, *args: Any, **kwargs: Any) -> list[str]:
        return []


def _otter_stub() -> types.ModuleType:
    """The notebook's `import otter` / `grader.check(...)` cells become no-ops here."""

    class Notebook:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def __getattr__(self, name: str) -> Callable[..., None]:
            return lambda *args, **kwargs: None

    module = types.ModuleType("otter")
    module.Notebook = Notebook  # type: ignore[attr-defined]
    return module


class Server:
    """Serves the parent's requests until told to stop or the channel closes."""

    def __init__(self, rfd: int, wfd: int) -> None:
        self.rfd, self.wfd = rfd, wfd
        self.ns: dict[str, Any] = {
            "__name__": "__main__",
            "__builtins__": builtins,
            "get_ipython": IPythonStub,
            "display": lambda *a, **k: None,
        }
        self.transform = _ipython_transformer()
        self.wires = Tripwires()

    # -- channel ---------------------------------------------------------------------------
    def send(self, message: dict[str, Any], encoder: Encoder | None = None) -> None:
        write_frame(self.wfd, pack(message, encoder))

    def recv(self) -> tuple[dict[str, Any], list[bytes]]:
        return unpack(read_exact(self.rfd, read_frame_length(self.rfd)))

    def serve(self) -> None:
        while True:
            message, buffers = self.recv()
            op = message.get("op")
            if op == "exec":
                self.wires.install(list(message.get("forbid", [])))  # before any student code
                self.exec_cells(message["cells"], set(message.get("skip", [])))
            elif op == "call":
                self.call(message, buffers)
            else:
                return

    # -- cells -----------------------------------------------------------------------------
    def exec_cells(self, cells: list[str], skip: set[int]) -> None:
        for index, source in enumerate(cells):
            if index in skip:
                continue
            self.send({"op": "cell_start", "index": index})
            error = self.run_cell(index, source)
            self.send({"op": "cell_done", "index": index, "error": error})
        self.send({"op": "exec_done"})

    def run_cell(self, index: int, source: str) -> str | None:
        filename = f"<cell {index + 1}>"
        try:
            try:  # plain Python needs no IPython transform (which costs ~1 ms a cell)
                code = compile(source, filename, "exec")
            except SyntaxError:  # magics, `!shell`, `obj?`, or a real syntax error
                code = compile(self.transform(source), filename, "exec")
        except SyntaxError as exc:
            return f"SyntaxError: {exc.msg} (line {exc.lineno})"
        except Exception as exc:  # a transformer choking on odd input
            return f"{type(exc).__name__}: {exc}"[:300]
        try:
            exec(code, self.ns)
        except BaseException as exc:  # SystemExit and KeyboardInterrupt included: go on
            return f"{type(exc).__name__}: {exc}"[:300]
        finally:
            _close_figures()
        return None

    # -- calls -----------------------------------------------------------------------------
    def call(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        name = str(message["name"])
        func = self.ns.get(name)
        if not callable(func):
            self.send({"op": "result", "status": "missing", "found": type(func).__name__})
            return
        try:
            args = decode(message["args"], buffers, self.callback)
            kwargs = decode(message["kwargs"], buffers, self.callback)
        except ProtocolError as exc:
            self.send({"op": "result", "status": "protocol", "message": str(exc)})
            return
        before = [_snapshot(a) for a in args]
        before_kw = {k: _snapshot(v) for k, v in kwargs.items()}
        disarm = self.wires.arm(list(message.get("forbid", [])))
        status, value, raised = "ok", None, None
        try:
            value = func(*args, **kwargs)
        except BaseException as exc:
            status, raised = "raised", exc
        finally:
            tripped = disarm()
            _close_figures()
        encoder = Encoder()
        reply: dict[str, Any] = {"op": "result", "status": status}
        if tripped:
            reply = {"op": "result", "status": "forbidden", "names": tripped}
        elif raised is not None:
            reply.update(_describe(raised))
        reply["mutated"] = _mutations(args, before, kwargs, before_kw, encoder)
        if reply["status"] == "ok":
            try:
                reply["value"] = encoder.encode(value)
            except ProtocolError as exc:
                reply = {"op": "result", "status": "not_plain", "message": str(exc)}
                encoder = Encoder()
        self.send(reply, encoder)

    def callback(self, handle: int) -> Callable[..., Any]:
        """A stand-in for a callable that lives in the grader: calling it asks the grader."""

        def remote(*args: Any, **kwargs: Any) -> Any:
            encoder = Encoder()
            payload = {
                "op": "callback",
                "handle": handle,
                "args": encoder.encode(list(args)),
                "kwargs": encoder.encode(kwargs),
            }
            self.send(payload, encoder)
            reply, buffers = self.recv()
            if reply.get("status") != "ok":
                raise _builtin_exception(str(reply.get("type", "RuntimeError")))(
                    str(reply.get("message", "the function you were given raised an error"))
                )
            return decode(reply["value"], buffers)

        return remote


def _snapshot(value: Any) -> Any:
    if isinstance(value, np.ndarray | list):
        try:
            return copy.deepcopy(value)
        except Exception:
            return None
    return None


def _changed(now: Any, before: Any) -> bool:
    if isinstance(now, np.ndarray) and isinstance(before, np.ndarray):
        return now.shape != before.shape or not np.array_equal(now, before, equal_nan=True)
    try:
        return bool(now != before)
    except Exception:
        return True


def _mutations(
    args: list[Any],
    before: list[Any],
    kwargs: dict[str, Any],
    before_kw: dict[str, Any],
    encoder: Encoder,
) -> list[list[Any]]:
    """Arguments the function changed in place, so the grader can see the same change."""
    changed: list[list[Any]] = []
    pairs: list[tuple[int | str, Any, Any]] = [
        (i, a, b) for i, (a, b) in enumerate(zip(args, before, strict=True))
    ]
    pairs += [(k, kwargs[k], b) for k, b in before_kw.items()]
    for key, now, was in pairs:
        if was is not None and _changed(now, was):
            try:
                changed.append([key, encoder.encode(now)])
            except ProtocolError:
                changed.append([key, None])
    return changed


def _describe(exc: BaseException) -> dict[str, Any]:
    base = next(c for c in type(exc).__mro__ if c.__module__ == "builtins")
    try:
        text = str(exc)[:500]
    except Exception:
        text = ""
    return {"type": base.__name__, "raised": type(exc).__name__[:100], "message": text}


def _builtin_exception(name: str) -> type[Exception]:
    candidate = getattr(builtins, name, RuntimeError)
    if isinstance(candidate, type) and issubclass(candidate, Exception):
        return candidate
    return RuntimeError


def _close_figures() -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        with contextlib.suppress(Exception):
            pyplot.close("all")


def _ipython_transformer() -> Callable[[str], str]:
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython is a dependency
        return lambda source: source
    manager = TransformerManager()
    return manager.transform_cell


def serve(rfd: int, wfd: int, settings: dict[str, Any]) -> None:
    """Confine this process, then answer the grader until it stops or the channel closes."""
    enforced = confine.apply(settings)
    sys.modules["otter"] = _otter_stub()
    sys.stdout = sys.stderr = DiscardedOutput()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    server = Server(rfd, wfd)
    server.send({"op": "ready", "enforced": enforced, "pid": os.getpid()})
    with contextlib.suppress(ProtocolError):
        server.serve()
    os._exit(0)


def forked_main(
    reader: Any, writer: Any, settings: dict[str, Any], workdir: str, env: dict[str, str]
) -> None:
    """Entry point in a process forked from the warm fork server (see sandbox.py)."""
    os.setsid()  # its own session and process group: one killpg ends all it starts
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.chdir(workdir)
    os.environ.clear()
    os.environ.update(env)
    serve(reader.fileno(), writer.fileno(), settings)
