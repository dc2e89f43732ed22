"""Run-time tripwires for forbidden shortcuts, inside the sandbox.

Installed once per sandbox, before any student cell runs: every forbidden routine is replaced,
wherever a loaded module holds it, by a transparent stand-in, and modules under a forbidden
prefix (such as `scipy.linalg`) get stand-ins for their functions when they are imported. So a
reference the student takes at any time (`d = np.linalg.det` in a top-level cell,
`getattr(np, "d" + "ot")`, `importlib.import_module("scipy.linalg")`) is a stand-in. A stand-in
records its use only while the question that forbids it is being called, and only when the
student's own code calls it directly: numpy calling its own routines internally is not the
student taking a shortcut.

This is a second line behind the static check of `course.engine.forbidden`, which runs on the
trusted side; code that attacks this process itself can defeat anything in it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

NUMPY_ROOTS = ("np", "numpy")
_WRAPPABLE = (types.FunctionType, types.BuiltinFunctionType, np.ufunc, type(np.dot))


def _from_student(frame: types.FrameType | None) -> bool:
    """Whether `frame` runs the student's code: cells compile to `<cell N>` (and `exec` of a
    string to `<string>`), while library code has a real file and importlib is `<frozen …>`."""
    if frame is None:
        return False
    filename = frame.f_code.co_filename
    return filename.startswith("<") and not filename.startswith("<frozen")


class Stand:
    """A forbidden routine's stand-in: calls and attribute reads (`np.add.reduce`) go to the
    original, and are noted when the student's code makes them during an armed call."""

    __slots__ = ("_name", "_original", "_wires")

    def __init__(self, original: Any, name: str, wires: Tripwires) -> None:
        object.__setattr__(self, "_original", original)
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_wires", wires)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._wires.note(self._name, sys._getframe(1))
        return self._original(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        self._wires.note(self._name, sys._getframe(1))
        return getattr(self._original, attr)

    def __repr__(self) -> str:
        return repr(self._original)

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        return getattr(self._original, "__doc__", None)

    @property
    def __module__(self) -> str | None:  # type: ignore[override]
        return getattr(self._original, "__module__", None)


class Tripwires:
    """The stand-ins of one sandbox, which of them are armed, and what tripped."""

    def __init__(self) -> None:
        self.armed: frozenset[str] = frozenset()
        self.tripped: list[str] = []
        self.prefixes: tuple[str, ...] = ()  # forbidden names outside numpy: module prefixes

    def note(self, name: str, caller: types.FrameType | None) -> None:
        if name in self.armed and _from_student(caller):
            self.tripped.append(name)

    def install(self, names: Sequence[str]) -> None:
        """Put stand-ins in place for `names` (dotted, e.g. `np.dot`, `scipy.linalg`)."""
        # `@` and methods (`.name`) have no routine to stand in for: the static check has them.
        names = [n for n in names if n and n != "@" and not n.startswith(".")]
        self._replace_everywhere([n for n in names if n.split(".")[0] in NUMPY_ROOTS])
        self.prefixes = tuple(n for n in names if n.split(".")[0] not in NUMPY_ROOTS)
        if self.prefixes:
            for module in list(sys.modules.values()):
                if isinstance(module, types.ModuleType):
                    self.wrap_module(module)
            sys.meta_path.insert(0, _WrapOnImport(self))

    def arm(self, names: Sequence[str]) -> Callable[[], list[str]]:
        """Arm the stand-ins of `names` for one call; the returned function disarms them and
        gives what tripped."""
        self.armed, self.tripped = frozenset(names), []

        def disarm() -> list[str]:
            self.armed = frozenset()
            tripped, self.tripped = sorted(set(self.tripped)), []
            return tripped

        return disarm

    def _replace_everywhere(self, names: list[str]) -> None:
        """Replace the numpy routines `names` in every loaded module that holds them (numpy's
        own namespaces, and any library that imported one by name), in one pass."""
        stands: dict[int, Stand] = {}
        for name in names:
            original: Any = np
            for part in name.split(".")[1:]:
                original = getattr(original, part, None)
            if isinstance(original, _WRAPPABLE) and id(original) not in stands:
                stands[id(original)] = Stand(original, name, self)
        if not stands:
            return
        for module in list(sys.modules.values()):
            if not isinstance(module, types.ModuleType):
                continue
            namespace = vars(module)
            hits = [attr for attr, value in namespace.items() if id(value) in stands]
            for attr in hits:
                stand = stands[id(namespace[attr])]
                if namespace[attr] is stand._original:
                    namespace[attr] = stand

    def wrap_module(self, module: types.ModuleType) -> None:
        """Stand-ins for the functions of `module` if it lies under a forbidden prefix."""
        modname = getattr(module, "__name__", "")
        for prefix in self.prefixes:
            if modname == prefix or modname.startswith(prefix + "."):
                namespace = vars(module)
                for attr, value in list(namespace.items()):
                    if isinstance(value, _WRAPPABLE) and not attr.startswith("__"):
                        namespace[attr] = Stand(value, prefix, self)
            elif prefix.startswith(modname + ".") and "." not in prefix[len(modname) + 1 :]:
                attr = prefix[len(modname) + 1 :]  # a forbidden function, e.g. `math.prod`
                value = getattr(module, attr, None)
                if isinstance(value, _WRAPPABLE):
                    setattr(module, attr, Stand(value, prefix, self))


class _WrapOnImport(importlib.abc.MetaPathFinder):
    """Gives a module under a forbidden prefix its stand-ins as soon as it is imported."""

    def __init__(self, wires: Tripwires) -> None:
        self.wires = wires

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not any(
            fullname == p or fullname.startswith(p + ".") or p.startswith(fullname + ".")
            for p in self.wires.prefixes
        ):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                self._wrap_loader(spec.loader)
                return spec
        return None

    def _wrap_loader(self, loader: Any) -> None:
        original = loader.exec_module
        if getattr(original, "_course_wrapped", False):
            return

        def exec_module(module: types.ModuleType) -> None:
            original(module)
            self.wires.wrap_module(module)

        exec_module._course_wrapped = True  # type: ignore[attr-defined]
        loader.exec_module = exec_module
