"""The week 9 solution agrees with scipy.special and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import optimize, special, stats

from course.solution_env import solution_namespace

SHAPES_AND_AXES = [
    ((7,), -1),
    ((7,), 0),
    ((5, 3), -1),
    ((5, 3), 0),
    ((5, 3), 1),
    ((4, 4), 0),
    ((2, 3, 4), -1),
    ((2, 3, 4), 0),
    ((2, 3, 4), 1),
    ((2, 3, 4), -2),
]


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week12_softmax")


@pytest.mark.parametrize(("shape", "axis"), SHAPES_AND_AXES)
def test_softmax_agrees_with_scipy(ns: dict[str, Any], shape: tuple[int, ...], axis: int) -> None:
    rng = np.random.default_rng(9001)
    for scale in (0.1, 3.0, 300.0, 1e5):
        z = rng.normal(scale=scale, size=shape)
        got = ns["softmax"](z, axis=axis)
        assert got.shape == z.shape
        assert np.allclose(got, special.softmax(z, axis=axis), rtol=1e-9, atol=1e-300)


@pytest.mark.parametrize(("shape", "axis"), SHAPES_AND_AXES)
def test_log_softmax_agrees_with_scipy(
    ns: dict[str, Any], shape: tuple[int, ...], axis: int
) -> None:
    rng = np.random.default_rng(9002)
    for scale in (0.1, 3.0, 300.0, 1e5):
        z = rng.normal(scale=scale, size=shape)
        got = ns["log_softmax"](z, axis=axis)
        assert np.all(np.isfinite(got))
        assert np.allclose(got, special.log_softmax(z, axis=axis), rtol=1e-12, atol=1e-9)
        lse = special.logsumexp(z, axis=axis, keepdims=True)
        assert np.allclose(got, z - lse, rtol=1e-12, atol=1e-9)


def test_softmax_default_axis_is_the_last(ns: dict[str, Any]) -> None:
    z = np.random.default_rng(9003).normal(size=(3, 4, 5))
    assert np.allclose(ns["softmax"](z), special.softmax(z, axis=-1), rtol=1e-12)
    assert np.allclose(ns["log_softmax"](z), special.log_softmax(z, axis=-1), rtol=1e-12)


def test_softmax_is_stable_without_warnings(ns: dict[str, Any]) -> None:
    z = np.array([[1000.0, 999.0, -1000.0], [1.0, 2.0, 3.0], [-3000.0, -2999.0, -2998.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = ns["softmax"](z)
        log_p = ns["log_softmax"](z)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p[1], p[2], rtol=1e-12)
    assert np.all(np.isfinite(log_p))
    assert np.allclose(log_p[:, :2], special.log_softmax(z, axis=1)[:, :2], rtol=1e-12)


def test_log_softmax_is_minus_inf_only_when_exactly_so(ns: dict[str, Any]) -> None:
    got = ns["log_softmax"]([0.0, -np.inf, 1.0])
    assert got[1] == -np.inf
    assert np.allclose(got[[0, 2]], special.log_softmax([0.0, 1.0]), rtol=1e-12)
    far = ns["log_softmax"]([0.0, -1e6])
    assert np.isfinite(far).all() and np.isclose(far[1], -1e6)


def test_softmax_properties_claimed_in_the_notebook(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(9004)
    z = rng.normal(size=6)
    p = ns["softmax"](z)
    # Shift invariance; differences of logits are log-ratios of probabilities.
    assert np.allclose(ns["softmax"](z + 123.4), p, rtol=1e-10)
    assert np.allclose(np.log(p[0] / p[1]), z[0] - z[1], rtol=1e-10)
    # Temperature: small T approaches the argmax, large T the uniform distribution.
    assert np.allclose(ns["softmax"](z / 1e-3), np.eye(6)[np.argmax(z)], atol=1e-12)
    assert np.allclose(ns["softmax"](z / 1e6), 1 / 6, atol=1e-6)
    # Two classes: the softmax is the sigmoid of the difference of the logits.
    for a, b in rng.normal(scale=5.0, size=(5, 2)):
        assert np.isclose(ns["softmax"]([a, b])[0], special.expit(a - b), rtol=1e-12)


def test_gradient_of_log_sum_exp_is_softmax(ns: dict[str, Any]) -> None:
    z = np.random.default_rng(9005).normal(size=5)
    numeric = optimize.approx_fprime(z, special.logsumexp, 1e-7)
    assert np.allclose(ns["softmax"](z), numeric, atol=1e-6)


def test_one_hot_is_rows_of_the_identity(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(9006)
    labels = rng.integers(0, 6, size=30)
    got = ns["one_hot"](labels, 9)
    assert got.shape == (30, 9)
    assert np.array_equal(got, np.eye(9)[labels])
    for bad in ([0, 9], [-1], []):
        with pytest.raises(ValueError):
            ns["one_hot"](bad, 9)


def test_loss_is_week8_cross_entropy_of_one_hot_and_softmax(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(9007)
    logits = rng.normal(scale=2.0, size=(20, 5))
    labels = rng.integers(0, 5, size=20)
    p = ns["one_hot"](labels, 5)
    q = special.softmax(logits, axis=1)
    # H(p, q) = H(p) + KL(p || q), and H(p) = 0 for a one-hot p (natural log).
    per_sample = [stats.entropy(p[i], q[i]) + stats.entropy(p[i]) for i in range(20)]
    assert np.isclose(ns["cross_entropy_loss"](logits, labels), np.mean(per_sample), rtol=1e-10)
    nll = -np.mean(special.log_softmax(logits, axis=1)[np.arange(20), labels])
    assert np.isclose(ns["cross_entropy_loss"](logits, labels), nll, rtol=1e-12)


def test_loss_of_equal_logits_is_log_c(ns: dict[str, Any]) -> None:
    for c in (2, 10, 1000):
        labels = np.arange(7) % c
        assert np.isclose(ns["cross_entropy_loss"](np.full((7, c), 3.3), labels), np.log(c))


def test_loss_of_confident_mistakes_is_finite(ns: dict[str, Any]) -> None:
    logits = np.array([[0.0, 1e4], [5e3, -5e3]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        got = ns["cross_entropy_loss"](logits, [0, 1])
    assert np.isclose(got, (1e4 + 1e4) / 2, rtol=1e-12)


def test_gradient_matches_scipy_numerical_gradient(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(9008)
    logits = rng.normal(size=(6, 4))
    labels = rng.integers(0, 4, size=6)

    def flat_loss(flat: np.ndarray) -> float:
        return float(ns["cross_entropy_loss"](flat.reshape(6, 4), labels))

    def flat_grad(flat: np.ndarray) -> np.ndarray:
        return np.asarray(ns["cross_entropy_grad"](flat.reshape(6, 4), labels)).ravel()

    assert optimize.check_grad(flat_loss, flat_grad, logits.ravel(), epsilon=1e-7) < 1e-6
    numeric = optimize.approx_fprime(logits.ravel(), flat_loss, 1e-7).reshape(6, 4)
    want = (special.softmax(logits, axis=1) - np.eye(4)[labels]) / 6
    assert np.allclose(ns["cross_entropy_grad"](logits, labels), want, rtol=1e-12, atol=1e-15)
    assert np.allclose(numeric, want, atol=1e-6)


def test_gradient_descent_on_the_logits_learns_the_label(ns: dict[str, Any]) -> None:
    # The notebook's picture: the true class rises, the loss falls at every step.
    z = np.array([[1.0, 2.0, 0.5, -1.0]])
    losses = []
    for _ in range(40):
        losses.append(ns["cross_entropy_loss"](z, [0]))
        grad = ns["cross_entropy_grad"](z, [0])
        assert grad[0, 0] < 0 < grad[0, 1:].min()
        assert np.isclose(grad.sum(), 0.0, atol=1e-15)
        z = z - 0.5 * grad
    assert np.all(np.diff(losses) < 0)
    assert ns["softmax"](z)[0, 0] > 0.9


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    logits = np.array([[1000.0, 0.0, -3.0], [2.0, 2.0, 2.0]])
    labels = np.array([2, 0])
    ns["softmax"](logits, axis=0)
    ns["log_softmax"](logits)
    ns["one_hot"](labels, 3)
    ns["cross_entropy_loss"](logits, labels)
    ns["cross_entropy_grad"](logits, labels)
    assert np.array_equal(logits, [[1000.0, 0.0, -3.0], [2.0, 2.0, 2.0]])
    assert np.array_equal(labels, [2, 0])
    for bad_labels in ([0], [0, 3], [-1, 0]):
        with pytest.raises(ValueError):
            ns["cross_entropy_loss"](logits, bad_labels)
        with pytest.raises(ValueError):
            ns["cross_entropy_grad"](logits, bad_labels)
