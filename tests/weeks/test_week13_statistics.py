"""The week 10 solution agrees with scipy (expit, norm.fit, minimize) and has the properties the
notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import optimize, special, stats

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week13_statistics")


def _data(seed: int, n: int, w_true: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """A design matrix with its bias column and labels drawn from a logistic model."""
    rng = np.random.default_rng(seed)
    x = np.column_stack([np.ones(n), rng.normal(size=(n, len(w_true) - 1))])
    y = (rng.uniform(size=n) < special.expit(x @ np.array(w_true))).astype(int)
    return x, y


def test_gaussian_mle_agrees_with_scipy_norm_fit(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(10001)
    for n in (1, 2, 10, 1000):
        x = rng.normal(loc=-3.0, scale=0.7, size=n)
        loc, scale = stats.norm.fit(x)  # maximum likelihood: scale**2 divides by n
        mean, variance = ns["gaussian_mle"](x)
        assert isinstance(mean, float) and isinstance(variance, float)
        assert np.isclose(mean, loc, rtol=1e-12)
        assert np.isclose(variance, scale**2, rtol=1e-10, atol=1e-300)
        assert np.isclose(variance, np.var(x, ddof=0), rtol=1e-10, atol=1e-300)


def test_gaussian_mle_maximizes_the_scipy_log_likelihood(ns: dict[str, Any]) -> None:
    x = np.random.default_rng(10002).gamma(2.0, size=50)
    mean, variance = ns["gaussian_mle"](x)

    def nll(theta: np.ndarray) -> float:
        return float(-np.sum(stats.norm.logpdf(x, theta[0], np.sqrt(theta[1]))))

    best = optimize.minimize(nll, [0.0, 1.0], bounds=[(None, None), (1e-6, None)])
    assert np.allclose([mean, variance], best.x, rtol=1e-4)
    # The log-likelihood over the mean (the notebook's figure) peaks at the sample mean.
    mus = np.linspace(mean - 1, mean + 1, 2001)
    curve = [np.sum(stats.norm.logpdf(x, mu, np.sqrt(variance))) for mu in mus]
    assert abs(mus[int(np.argmax(curve))] - np.mean(x)) <= 1e-3


def test_ml_variance_is_biased_by_n_minus_1_over_n(ns: dict[str, Any]) -> None:
    samples = np.random.default_rng(10003).normal(size=(4000, 5))
    ml = np.mean([ns["gaussian_mle"](s)[1] for s in samples])
    assert abs(ml - 4 / 5) < 0.03


def test_gaussian_mle_is_accurate_far_from_zero(ns: dict[str, Any]) -> None:
    x = 1e9 + np.array([0.0, 1.0, 2.0])
    assert np.isclose(ns["gaussian_mle"](x)[1], 2 / 3, rtol=1e-9)
    with pytest.raises(ValueError):
        ns["gaussian_mle"]([])


def test_sigmoid_agrees_with_scipy_expit(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(10004)
    for scale in (1.0, 10.0, 300.0, 1e4):
        z = rng.normal(scale=scale, size=(5, 7))
        # expit itself rounds values below 1e-308 to 0 (it computes 1 / (1 + exp(-z))).
        assert np.allclose(ns["sigmoid"](z), special.expit(z), rtol=1e-12, atol=1e-300)


def test_sigmoid_never_overflows(ns: dict[str, Any]) -> None:
    z = np.array([-1e6, -1000.0, -745.0, -720.0, -30.0, 0.0, 30.0, 1000.0, 1e6])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        got = ns["sigmoid"](z)
    assert np.all(np.isfinite(got))
    assert got[3] > 0 and np.isclose(got[3], np.exp(-720.0), rtol=1e-6)
    assert np.allclose(got[4:], special.expit(z[4:]), rtol=1e-12)
    # The log of the tail is right as long as the value is a normal double.
    assert np.isclose(np.log(ns["sigmoid"](-700.0)), special.log_expit(-700.0), rtol=1e-12)


def test_sigmoid_properties(ns: dict[str, Any]) -> None:
    z = np.linspace(-30, 30, 121)
    s = ns["sigmoid"](z)
    assert np.allclose(s + ns["sigmoid"](-z), 1.0, atol=1e-15)
    slope = optimize.approx_fprime(np.array([0.0]), lambda t: float(ns["sigmoid"](t[0])), 1e-7)
    assert np.isclose(slope[0], 0.25, rtol=1e-6)
    # Two-class softmax with logits (0, z).
    assert np.allclose(s, special.softmax(np.column_stack([np.zeros_like(z), z]), axis=1)[:, 1])


def test_logistic_loss_is_stable_binary_cross_entropy(ns: dict[str, Any]) -> None:
    x, y = _data(10005, 60, [0.2, 1.0, -1.5])
    w = np.array([0.1, -0.4, 0.9])
    p = special.expit(x @ w)
    bce = -np.mean(special.xlogy(y, p) + special.xlogy(1 - y, 1 - p))
    assert np.isclose(ns["logistic_loss"](w, x, y), bce, rtol=1e-12)
    # Week 9's cross-entropy of the logits (0, z): minus the mean log-softmax of the label.
    logits = np.column_stack([np.zeros(60), x @ w])
    nll = -np.mean(special.log_softmax(logits, axis=1)[np.arange(60), y])
    assert np.isclose(ns["logistic_loss"](w, x, y), nll, rtol=1e-12)
    # Confident mistakes cost their full loss, without overflow.
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        big = ns["logistic_loss"]([0.0, 1.0], [[1.0, 1e4], [1.0, -1e4]], [0, 1])
    assert np.isclose(big, 1e4, rtol=1e-12)


def test_logistic_grad_passes_scipy_check_grad(ns: dict[str, Any]) -> None:
    x, y = _data(10006, 40, [-0.5, 2.0, 0.3, 1.0])
    rng = np.random.default_rng(10007)
    for _ in range(3):
        w = rng.normal(size=4)
        err = optimize.check_grad(ns["logistic_loss"], ns["logistic_grad"], w, x, y, epsilon=1e-7)
        assert err < 1e-6
    w = rng.normal(size=4)
    want = x.T @ (special.expit(x @ w) - y) / 40
    assert np.allclose(ns["logistic_grad"](w, x, y), want, rtol=1e-12, atol=1e-15)


def test_fit_agrees_with_scipy_minimize(ns: dict[str, Any]) -> None:
    # Well conditioned and not separable: the minimum exists and BFGS finds it.
    x, y = _data(10008, 200, [0.5, -1.0, 0.8])
    best = optimize.minimize(
        ns["logistic_loss"],
        np.zeros(3),
        args=(x, y),
        jac=ns["logistic_grad"],
        method="BFGS",
        options={"gtol": 1e-12},
    )
    # lr at half the curvature bound: the Hessian is at most X^T X / (4N).
    lr = 4.0 / np.max(np.linalg.eigvalsh(x.T @ x / 200))
    w = ns["fit_logistic_regression"](x, y, lr, 2000)
    assert np.allclose(w, best.x, atol=1e-6)
    assert np.linalg.norm(ns["logistic_grad"](w, x, y)) < 1e-8


def test_fit_is_gradient_descent_from_zero(ns: dict[str, Any]) -> None:
    x, y = _data(10009, 30, [0.0, 1.0])
    lr = 0.7
    w = np.zeros(2)
    losses = [ns["logistic_loss"](w, x, y)]
    for k in range(1, 6):
        w = w - lr * ns["logistic_grad"](w, x, y)
        assert np.allclose(ns["fit_logistic_regression"](x, y, lr, k), w, atol=1e-14)
        losses.append(ns["logistic_loss"](w, x, y))
    assert np.isclose(losses[0], np.log(2.0))
    assert np.all(np.diff(losses) < 0)
    assert np.array_equal(ns["fit_logistic_regression"](x, y, lr, 0), np.zeros(2))


def test_decision_boundary_is_perpendicular_to_w(ns: dict[str, Any]) -> None:
    x, y = _data(10010, 100, [0.3, 2.0, -1.0])
    w = ns["fit_logistic_regression"](x, y, 1.0, 500)
    p = ns["sigmoid"](x @ w)
    assert np.array_equal(p > 0.5, x @ w > 0)
    assert np.mean((p > 0.5) == (y == 1)) > 0.7
    # The boundary x . w = 0 runs perpendicular to the feature part of w, which points to class 1.
    normal = w[1:]
    on_line = -w[0] * normal / (normal @ normal)
    tangent = np.array([-normal[1], normal[0]])
    for t in np.linspace(-3, 3, 7):
        point = np.concatenate([[1.0], on_line + t * tangent])
        assert np.isclose(ns["sigmoid"](point @ w), 0.5, atol=1e-12)
        ahead = np.concatenate([[1.0], on_line + t * tangent + normal])
        assert ns["sigmoid"](ahead @ w) > 0.5


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    x = np.array([[1.0, 2.0], [1.0, -1.0], [1.0, 0.0]])
    y = np.array([1, 0, 1])
    w = np.array([0.5, -0.5])
    z = np.array([-800.0, 0.0, 800.0])
    ns["sigmoid"](z)
    ns["gaussian_mle"](z)
    ns["logistic_loss"](w, x, y)
    ns["logistic_grad"](w, x, y)
    ns["fit_logistic_regression"](x, y, 0.1, 3)
    assert np.array_equal(z, [-800.0, 0.0, 800.0])
    assert np.array_equal(x, [[1.0, 2.0], [1.0, -1.0], [1.0, 0.0]])
    assert np.array_equal(y, [1, 0, 1]) and np.array_equal(w, [0.5, -0.5])
    for bad_y in ([1, 0], [1, 0, 2], [0.5, 0, 1]):
        for func in (ns["logistic_loss"], ns["logistic_grad"]):
            with pytest.raises(ValueError):
                func(w, x, bad_y)
        with pytest.raises(ValueError):
            ns["fit_logistic_regression"](x, bad_y, 0.1, 3)
