"""The week 6 solution agrees with numpy/scipy least squares and eigenvalues, and with theory."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import linalg

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week08_optimization")


def _spd(seed: int, n: int) -> np.ndarray:
    m = np.random.default_rng(seed).normal(size=(n, n))
    h = m @ m.T + 0.3 * np.eye(n)
    return (h + h.T) / 2


def test_gradient_descent_on_a_bowl_is_a_matrix_power(ns: dict[str, Any]) -> None:
    # x_k = (I - lr H)^k x0 exactly, on f = x^T H x / 2.
    h = _spd(6001, 4)
    x0 = np.random.default_rng(6002).normal(size=4)
    lr = 0.1
    path = ns["gradient_descent"](lambda x: h @ x, x0, lr, 8)
    assert path.shape == (9, 4)
    step = np.eye(4) - lr * h
    for k in range(9):
        assert np.allclose(path[k], np.linalg.matrix_power(step, k) @ x0, atol=1e-12)


def test_critical_rate_agrees_with_scipy_eigh(ns: dict[str, Any]) -> None:
    for seed, n in ((6003, 1), (6004, 5), (6005, 12)):
        h = _spd(seed, n)
        want = 2.0 / linalg.eigh(h, eigvals_only=True)[-1]
        assert np.isclose(ns["critical_learning_rate"](h), want, rtol=1e-12)


def test_critical_rate_is_the_border_of_convergence(ns: dict[str, Any]) -> None:
    h = _spd(6006, 5)
    rate = ns["critical_learning_rate"](h)
    x0 = np.ones(5)
    below = ns["gradient_descent"](lambda x: h @ x, x0, 0.97 * rate, 3000)[-1]
    above = ns["gradient_descent"](lambda x: h @ x, x0, 1.03 * rate, 3000)[-1]
    assert np.linalg.norm(below) < 1e-6
    assert np.linalg.norm(above) > 1e6


def test_momentum_matches_the_two_step_recurrence(ns: dict[str, Any]) -> None:
    # Heavy ball: x_{k+1} = x_k - lr grad(x_k) + beta (x_k - x_{k-1}).
    h = _spd(6007, 3)
    x0 = np.array([1.0, -2.0, 0.5])
    lr, beta = 0.05, 0.7
    path = ns["momentum_descent"](lambda x: h @ x, x0, lr, beta, 12)
    for k in range(1, 12):
        want = path[k] - lr * h @ path[k] + beta * (path[k] - path[k - 1])
        assert np.allclose(path[k + 1], want, atol=1e-12)
    assert np.allclose(path[1], x0 - lr * h @ x0)


def test_linear_regression_agrees_with_lstsq(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(6008)
    x = rng.normal(size=(80, 4))
    y = x @ rng.normal(size=4) + 1.5 + 0.2 * rng.normal(size=80)
    a = np.hstack([x, np.ones((80, 1))])
    coef = linalg.lstsq(a, y)[0]
    lr = 0.5 * ns["critical_learning_rate"](2 * a.T @ a / 80)
    w, b = ns["fit_linear_regression"](x, y, lr, 1000)
    assert np.allclose(w, coef[:4], atol=1e-8)
    assert np.isclose(b, coef[4], atol=1e-8)


def test_linear_regression_is_gradient_descent_on_the_mse(ns: dict[str, Any]) -> None:
    # The same run through the week's own gradient_descent on theta = (w, b).
    rng = np.random.default_rng(6009)
    x = rng.normal(size=(15, 2))
    y = rng.normal(size=15)
    a = np.hstack([x, np.ones((15, 1))])

    def grad(theta: np.ndarray) -> np.ndarray:
        return np.asarray(2 * a.T @ (a @ theta - y) / 15)

    theta = ns["gradient_descent"](grad, np.zeros(3), 0.07, 6)[-1]
    w, b = ns["fit_linear_regression"](x, y, 0.07, 6)
    assert np.allclose(w, theta[:2], atol=1e-13)
    assert np.isclose(b, theta[2], atol=1e-13)


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    x0 = np.array([1.0, 2.0])
    h = np.array([[2.0, 0.5], [0.5, 1.0]])
    ns["gradient_descent"](lambda x: h @ x, x0, 0.1, 3)
    ns["momentum_descent"](lambda x: h @ x, x0, 0.1, 0.9, 3)
    ns["critical_learning_rate"](h)
    assert np.array_equal(x0, [1.0, 2.0])
    assert np.array_equal(h, [[2.0, 0.5], [0.5, 1.0]])
    with pytest.raises(ValueError):
        ns["critical_learning_rate"]([[1.0, 2.0], [2.0, 1.0]])


def test_lists_ints_and_bad_inputs(ns: dict[str, Any]) -> None:
    want = [[2.0, 1.0], [1.6, 0.6], [1.28, 0.36]]
    as_list = ns["gradient_descent"](lambda x: [2 * x[0], 4 * x[1]], [2, 1], 0.1, 2)
    assert np.allclose(as_list, want)
    beta0 = ns["momentum_descent"](lambda x: [2 * x[0], 4 * x[1]], [2, 1], 0.1, 0.0, 2)
    assert np.allclose(beta0, want)
    for name, extra in (("gradient_descent", ()), ("momentum_descent", (0.9,))):
        for x0, n_steps in (([], 3), ([[1.0, 2.0]], 3), (1.5, 3), ([1.0], -1)):
            with pytest.raises(ValueError):
                ns[name](lambda x: x, x0, 0.1, *extra, n_steps)
