"""The week 5 solution agrees with scipy's Rosenbrock gradient and Hessian, and keeps its inputs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import optimize

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week07_multivariate")


def _points(seed: int, n: int, count: int = 5) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-1.5, 1.5, size=(count, n))


def test_gradient_matches_rosen_der(ns: dict[str, Any]) -> None:
    for x in _points(5001, 6):
        want = optimize.rosen_der(x)
        got = ns["numerical_gradient"](optimize.rosen, x)
        assert np.allclose(got, want, rtol=1e-7, atol=1e-6)
        for i in (0, 3, 5):
            assert np.isclose(ns["partial_derivative"](optimize.rosen, x, i), want[i], atol=1e-6)


def test_gradient_is_more_accurate_than_forward_differences(ns: dict[str, Any]) -> None:
    x = np.array([0.3, -0.8, 1.1])
    exact = optimize.rosen_der(x)
    ours = np.max(np.abs(ns["numerical_gradient"](optimize.rosen, x) - exact))
    forward = np.max(np.abs(optimize.approx_fprime(x, optimize.rosen, 1e-5) - exact))
    assert ours < forward / 100


def test_jacobian_of_gradient_is_the_hessian(ns: dict[str, Any]) -> None:
    for x in _points(5002, 5):
        got = ns["jacobian"](optimize.rosen_der, x)
        assert got.shape == (5, 5)
        assert np.allclose(got, optimize.rosen_hess(x), rtol=1e-7, atol=1e-5)


def test_jacobian_shape_for_rectangular_maps(ns: dict[str, Any]) -> None:
    a = np.random.default_rng(5003).normal(size=(3, 7))
    got = ns["jacobian"](lambda z: np.sin(a @ z), np.zeros(7))
    assert got.shape == (3, 7)
    assert np.allclose(got, a, atol=1e-9)


def test_directional_derivative_is_dot_with_gradient(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(5004)
    for x in _points(5005, 4):
        v = rng.normal(size=4)
        want = optimize.rosen_der(x) @ (v / np.linalg.norm(v))
        assert np.isclose(ns["directional_derivative"](optimize.rosen, x, v), want, atol=1e-6)


def test_gradient_check_agrees_with_scipy_check_grad(ns: dict[str, Any]) -> None:
    for x in _points(5006, 4):
        assert ns["gradient_check"](optimize.rosen, optimize.rosen_der, x) < 1e-7
        assert optimize.check_grad(optimize.rosen, optimize.rosen_der, x) < 1e-2

        def buggy(z: np.ndarray) -> np.ndarray:
            g = optimize.rosen_der(z)
            g[-1] *= 2  # one coordinate twice too large
            return g

        assert np.isclose(ns["gradient_check"](optimize.rosen, buggy, x), 1 / 3, rtol=1e-5)


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    x = np.array([0.2, -0.4, 0.9])
    v = np.array([3.0, 0.0, 4.0])
    ns["partial_derivative"](optimize.rosen, x, 1)
    ns["numerical_gradient"](optimize.rosen, x)
    ns["directional_derivative"](optimize.rosen, x, v)
    ns["jacobian"](optimize.rosen_der, x)
    ns["gradient_check"](optimize.rosen, optimize.rosen_der, x)
    assert np.array_equal(x, [0.2, -0.4, 0.9])
    assert np.array_equal(v, [3.0, 0.0, 4.0])
    with pytest.raises(ValueError):
        ns["directional_derivative"](optimize.rosen, x, np.zeros(3))
