"""The channel carries plain data and numpy arrays both ways, and nothing else."""

from __future__ import annotations

import math
import struct

import numpy as np
import pytest

from course.engine.protocol import Encoder, ProtocolError, decode, pack, unpack


def roundtrip(value: object) -> object:
    encoder = Encoder()
    header, buffers = unpack(pack({"v": encoder.encode(value)}, encoder)[8:])
    return decode(header["v"], buffers)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        -2.5,
        "text",
        [1, [2.0, "x"]],
        (1, (2,)),
        {"W1": [1, 2], "b": {"c": None}},
        [],
        (),
    ],
)
def test_plain_values_survive_the_trip(value: object) -> None:
    assert roundtrip(value) == value
    assert type(roundtrip(value)) is type(value)


def test_arrays_keep_dtype_shape_and_values() -> None:
    for arr in (
        np.arange(6, dtype=np.int32).reshape(2, 3),
        np.array([True, False]),
        np.linspace(0, 1, 5)[::2],
        np.zeros((0, 3)),
        np.array(2.5),
        np.eye(2) * 1j,
    ):
        out = roundtrip(arr)
        assert isinstance(out, np.ndarray) and out.dtype == arr.dtype and out.shape == arr.shape
        assert np.array_equal(out, arr)


def test_numpy_scalars_and_special_floats_become_python_numbers() -> None:
    assert roundtrip(np.float64(1.5)) == 1.5 and type(roundtrip(np.int64(3))) is int
    assert math.isnan(roundtrip(float("nan"))) and roundtrip(float("-inf")) == float("-inf")


@pytest.mark.parametrize(
    "value", [object(), np.array([object()]), {1: 2}, np.array(["a"]), {1.5}, b"bytes"]
)
def test_anything_else_is_refused(value: object) -> None:
    with pytest.raises(ProtocolError):
        Encoder().encode(value)


def test_callables_become_handles_only_when_allowed() -> None:
    handles: list[object] = []
    encoder = Encoder(lambda f: handles.append(f) or len(handles) - 1)
    assert encoder.encode([len]) == {"L": [{"C": 0}]} and handles == [len]
    with pytest.raises(ProtocolError):
        Encoder().encode(len)


@pytest.mark.parametrize(
    "body", [b"", b"\x05\x00\x00\x00{}", struct.pack("<I", 2) + b"[]" + struct.pack("<I", 0)]
)
def test_malformed_frames_are_refused(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        unpack(body)


def test_an_array_whose_bytes_do_not_match_its_shape_is_refused() -> None:
    tree = {"A": 0, "dtype": "<f8", "shape": [3]}
    with pytest.raises(ProtocolError):
        decode(tree, [b"\x00" * 16])
    with pytest.raises(ProtocolError):
        decode({"A": 0, "dtype": "|O", "shape": [1]}, [b"\x00" * 8])
