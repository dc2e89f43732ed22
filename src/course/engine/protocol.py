"""The narrow channel between grader and sandbox: plain data and numpy arrays, never pickle.

A message is one frame: an 8-byte length, a 4-byte header length, a JSON header, then the raw
bytes of each array. In the JSON, every dict is a tag: {"L": [...]} list, {"T": [...]} tuple,
{"D": [[key, value], ...]} dict with str keys, {"A": i, "dtype": "<f8", "shape": [...]} array
(buffer i), {"C": n} a callable that lives on the other side.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable
from typing import Any

import numpy as np

MAX_FRAME = 256 * 1024 * 1024
MAX_DEPTH = 32
ARRAY_KINDS = "biufc"  # bool, int, uint, float, complex: no object, str or void arrays


class ProtocolError(Exception):
    """A frame or value that is not plain data (or a peer that went away)."""


class Encoder:
    """Turns plain data into (json-able tree, buffers); callables become numbered handles."""

    def __init__(self, register_callable: Callable[[Callable[..., Any]], int] | None = None):
        self.buffers: list[bytes] = []
        self._register = register_callable

    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise ProtocolError("value is nested too deeply")
        if value is None or isinstance(value, bool | str):
            return value
        if isinstance(value, int | float) and not isinstance(value, np.generic):
            return int(value) if isinstance(value, int) else float(value)
        if isinstance(value, np.generic):
            return self.encode(value.item(), depth + 1)
        if isinstance(value, np.ndarray):
            return self._array(value)
        if isinstance(value, list):
            return {"L": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, tuple):
            return {"T": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise ProtocolError("dict keys must be strings")
            return {"D": [[k, self.encode(v, depth + 1)] for k, v in value.items()]}
        if callable(value) and self._register is not None:
            return {"C": self._register(value)}
        raise ProtocolError(f"a value of type {type(value).__name__} is not plain data")

    def _array(self, value: np.ndarray) -> dict[str, Any]:
        if value.dtype.kind not in ARRAY_KINDS:
            raise ProtocolError(f"arrays of dtype {value.dtype} are not plain data")
        data = value if value.flags.c_contiguous else value.copy(order="C")
        self.buffers.append(data.tobytes())
        return {"A": len(self.buffers) - 1, "dtype": data.dtype.str, "shape": list(data.shape)}


def decode(
    tree: Any, buffers: list[bytes], make_callable: Callable[[int], Any] | None = None
) -> Any:
    """Inverse of Encoder.encode; rejects anything else."""
    if tree is None or isinstance(tree, bool | int | float | str):
        return tree
    if isinstance(tree, dict) and len(tree) >= 1:
        if "L" in tree:
            return [decode(v, buffers, make_callable) for v in tree["L"]]
        if "T" in tree:
            return tuple(decode(v, buffers, make_callable) for v in tree["T"])
        if "D" in tree:
            return {str(k): decode(v, buffers, make_callable) for k, v in tree["D"]}
        if "A" in tree:
            return _decode_array(tree, buffers)
        if "C" in tree and make_callable is not None:
            return make_callable(int(tree["C"]))
    raise ProtocolError("malformed value in message")


def _decode_array(tree: dict[str, Any], buffers: list[bytes]) -> np.ndarray:
    try:
        dtype = np.dtype(str(tree["dtype"]))
        shape = tuple(int(s) for s in tree["shape"])
        raw = buffers[int(tree["A"])]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ProtocolError("malformed array in message") from exc
    if dtype.kind not in ARRAY_KINDS or any(s < 0 for s in shape):
        raise ProtocolError("array of a forbidden dtype or shape")
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if count * dtype.itemsize != len(raw):
        raise ProtocolError("array size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def pack(message: dict[str, Any], encoder: Encoder | None = None) -> bytes:
    """Frame a message (its values already encoded with `encoder`)."""
    header = json.dumps(message, allow_nan=True).encode()
    buffers = encoder.buffers if encoder else []
    parts = [struct.pack("<I", len(header)), header, struct.pack("<I", len(buffers))]
    for buf in buffers:
        parts += [struct.pack("<Q", len(buf)), buf]
    body = b"".join(parts)
    if len(body) > MAX_FRAME:
        raise ProtocolError("message larger than the channel allows")
    return struct.pack("<Q", len(body)) + body


def unpack(body: bytes) -> tuple[dict[str, Any], list[bytes]]:
    """Split a frame body into its JSON header and buffers."""
    try:
        (hlen,) = struct.unpack_from("<I", body, 0)
        header = json.loads(body[4 : 4 + hlen])
        pos = 4 + hlen
        (count,) = struct.unpack_from("<I", body, pos)
        pos += 4
        buffers = []
        for _ in range(count):
            (blen,) = struct.unpack_from("<Q", body, pos)
            pos += 8
            buffers.append(body[pos : pos + blen])
            pos += blen
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError("malformed frame") from exc
    if not isinstance(header, dict):
        raise ProtocolError("malformed frame header")
    return header, buffers


def write_frame(fd: int, frame: bytes) -> None:
    """Write all of `frame` to `fd`."""
    view = memoryview(frame)
    while view:
        try:
            written = os.write(fd, view)
        except BrokenPipeError as exc:
            raise ProtocolError("the other side closed the channel") from exc
        view = view[written:]


def read_exact(fd: int, size: int) -> bytes:
    """Read exactly `size` bytes from a blocking `fd`."""
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise ProtocolError("the other side closed the channel")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame_length(fd: int) -> int:
    """Read the 8-byte length that starts a frame, and check it."""
    (length,) = struct.unpack("<Q", read_exact(fd, 8))
    if length > MAX_FRAME:
        raise ProtocolError("message larger than the channel allows")
    return int(length)
