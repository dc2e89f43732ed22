"""The week 2 solution agrees with numpy/scipy and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import linalg
from scipy.spatial.transform import Rotation

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week02_linear_maps")


def test_matrix_of_recovers_scipy_convolution_matrix(ns: dict[str, Any]) -> None:
    # Convolution with a kernel is linear; scipy builds its matrix directly.
    kernel = np.array([1.0, -2.0, 0.5])
    for n in (1, 4, 7):
        got = ns["matrix_of"](lambda x: np.convolve(kernel, x), n)
        assert np.allclose(got, linalg.convolution_matrix(kernel, n, mode="full"))


def test_matrix_of_composition_is_matmul(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(2001)
    a = rng.normal(size=(3, 5))
    b = rng.normal(size=(5, 4))
    composed = ns["matrix_of"](lambda x: a @ (b @ x), 4)
    assert np.allclose(composed, ns["matmul"](a, b), atol=1e-13)


def test_apply_and_matmul_agree_with_numpy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(2002)
    for m, k, n in ((1, 1, 1), (3, 7, 2), (8, 8, 8), (2, 30, 5)):
        a = rng.normal(size=(m, k))
        b = rng.normal(size=(k, n))
        assert np.allclose(ns["apply"](a, b[:, 0]), a @ b[:, 0], atol=1e-13)
        assert np.allclose(ns["matmul"](a, b), np.matmul(a, b), atol=1e-13)
        assert ns["matmul"](a, b).shape == (m, n)


def test_matmul_rejects_incompatible_shapes(ns: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ns["matmul"](np.ones((2, 3)), np.ones((4, 2)))
    with pytest.raises(ValueError):
        ns["apply"](np.ones((2, 3)), np.ones(2))


def test_rotation_agrees_with_scipy(ns: dict[str, Any]) -> None:
    for theta in np.linspace(-7, 7, 15):
        want = Rotation.from_euler("z", theta).as_matrix()[:2, :2]
        assert np.allclose(ns["rotation"](theta), want, atol=1e-14)


def test_rotations_compose_and_keep_dot_products(ns: dict[str, Any]) -> None:
    # The rotary-embedding identity of the notebook: (R(a) q).(R(b) k) = q.R(b - a) k.
    rng = np.random.default_rng(2003)
    q, k = rng.normal(size=(2, 2))
    a, b = 0.7, 2.1
    rot = ns["rotation"]
    assert np.allclose(ns["matmul"](rot(b), rot(a)), rot(a + b))
    assert np.isclose((rot(a) @ q) @ (rot(b) @ k), q @ rot(b - a) @ k)
    assert np.isclose(np.linalg.det(rot(a)), 1.0)


def test_dense_layer_agrees_with_numpy_and_collapses(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(2004)
    x = rng.normal(size=(10, 4))
    w1, b1 = rng.normal(size=(3, 4)), rng.normal(size=3)
    w2, b2 = rng.normal(size=(2, 3)), rng.normal(size=2)
    dense = ns["dense_layer"]
    assert np.allclose(dense(x, w1, b1), np.einsum("nd,od->no", x, w1) + b1)
    assert np.allclose(dense(dense(x, w1, b1), w2, b2), dense(x, w2 @ w1, w2 @ b1 + b2))
    with pytest.raises(ValueError):
        dense(x, w1, b2)


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = np.array([1.0, -1.0])
    ns["apply"](a, x)
    ns["matmul"](a, a)
    ns["dense_layer"](a, a, x)
    assert np.array_equal(a, [[1.0, 2.0], [3.0, 4.0]])
    assert np.array_equal(x, [1.0, -1.0])
