"""The week 11 solution agrees with scipy (softmax, numerical derivatives) and does what the
notebook claims: backprop is the gradient, training solves the rings, zero starts stay stuck."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import differentiate, special

from course.solution_env import solution_namespace

KEYS = ("W1", "b1", "W2", "b2")


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week15_neural_networks")


def _params(rng: np.random.Generator, d: int, h: int, c: int) -> dict[str, np.ndarray]:
    return {
        "W1": rng.normal(size=(d, h)),
        "b1": rng.normal(size=h),
        "W2": rng.normal(size=(h, c)),
        "b2": rng.normal(size=c),
    }


def _unflatten(theta: np.ndarray, like: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out, start = {}, 0
    for key in KEYS:
        size = like[key].size
        out[key] = theta[start : start + size].reshape(like[key].shape)
        start += size
    return out


def _scipy_loss(p: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray) -> float:
    logits = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return float(-np.mean(special.log_softmax(logits, axis=1)[np.arange(len(y)), y]))


def test_relu_and_its_derivative_agree_with_numpy(ns: dict[str, Any]) -> None:
    x = np.random.default_rng(11001).normal(size=(6, 7))
    x[0, :3] = [0.0, -0.0, 1e-300]
    assert np.array_equal(ns["relu"](x), np.maximum(x, 0))
    assert np.array_equal(ns["relu_grad"](x), np.heaviside(x, 0.0))
    assert ns["relu_grad"](np.array(0.0)) == 0.0


def test_forward_logits_give_scipy_softmax_probabilities(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(11002)
    p = _params(rng, 3, 8, 4)
    x = rng.normal(size=(20, 3))
    logits, cache = ns["mlp_forward"](p, x)
    hidden = np.maximum(np.einsum("nd,dh->nh", x, p["W1"]) + p["b1"], 0)
    want = np.einsum("nh,hc->nc", hidden, p["W2"]) + p["b2"]
    assert np.allclose(logits, want, rtol=1e-12, atol=1e-12)
    assert np.array_equal(cache["A1"], np.maximum(cache["Z1"], 0))
    assert np.allclose(special.softmax(logits, axis=1).sum(axis=1), 1.0)


@pytest.mark.parametrize(("seed", "n", "d", "h", "c"), [(11003, 9, 3, 6, 4), (11004, 5, 4, 4, 4)])
def test_backward_is_scipys_numerical_gradient(
    ns: dict[str, Any], seed: int, n: int, d: int, h: int, c: int
) -> None:
    rng = np.random.default_rng(seed)
    p = _params(rng, d, h, c)
    x = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    grads = ns["mlp_backward"](p, ns["mlp_forward"](p, x)[1], y)
    theta = np.concatenate([p[k].ravel() for k in KEYS])

    def loss(t: np.ndarray) -> np.ndarray:
        # scipy.differentiate passes arrays of shape (len(theta), ...): evaluate column-wise.
        t = np.asarray(t)
        flat = t.reshape(t.shape[0], -1)
        values = [_scipy_loss(_unflatten(flat[:, j], p), x, y) for j in range(flat.shape[1])]
        return np.asarray(values).reshape(t.shape[1:])

    # One fixed 8th-order central stencil (no adaptive step refinement, whose ever smaller steps
    # amplify rounding and made the result depend on the BLAS kernel). Its truncation error is
    # O(h**8), negligible; its rounding error is about (sum of |weights|) * eps * |loss| / h.
    # The stencil reaches 4h from theta: no hidden unit may cross its ReLU kink within that.
    h = 1e-3
    reach = 4 * h * (np.abs(x).sum(axis=1, keepdims=True) + 1)
    assert np.all(np.abs(x @ p["W1"] + p["b1"]) > reach), "test input too close to a kink"
    numeric = differentiate.jacobian(loss, theta, initial_step=h, order=8, maxiter=1).df
    analytic = np.concatenate([np.asarray(grads[k]).ravel() for k in KEYS])
    rounding = 4 * np.finfo(float).eps * max(1.0, _scipy_loss(p, x, y)) / h
    assert np.allclose(analytic, numeric, rtol=0, atol=100 * rounding)


def test_gradient_check_of_the_notebook_is_tiny(ns: dict[str, Any]) -> None:
    p, x, y = ns["check_params"], ns["X_check"], ns["y_check"]
    analytic = ns["mlp_backward"](p, ns["mlp_forward"](p, x)[1], y)
    numeric = ns["numerical_gradients"](p, x, y)
    for key in KEYS:
        a, m = analytic[key], numeric[key]
        assert np.max(np.abs(a - m) / np.maximum(np.abs(a) + np.abs(m), 1e-12)) < 1e-7


def test_backward_handles_logits_in_the_thousands(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(11005)
    p = _params(rng, 2, 5, 3)
    p["W2"] *= 1e3
    x = rng.normal(size=(10, 2))
    y = rng.integers(0, 3, size=10)
    _, cache = ns["mlp_forward"](p, x)
    grads = ns["mlp_backward"](p, cache, y)
    dz2 = (special.softmax(cache["Z2"], axis=1) - np.eye(3)[y]) / 10
    assert all(np.all(np.isfinite(grads[k])) for k in KEYS)
    assert np.allclose(grads["W2"], cache["A1"].T @ dz2)


def test_training_solves_the_rings_and_generalises(ns: dict[str, Any]) -> None:
    # The notebook's claim: a linear model fails, 16 ReLU units reach > 95 % (and > 90 % on
    # new points).
    assert ns["linear_accuracy"] < 0.5
    net = ns["net"]
    assert ns["accuracy"](net, ns["X_rings"], ns["y_rings"]) > 0.95
    assert ns["accuracy"](net, ns["X_new"], ns["y_new"]) > 0.90
    assert _scipy_loss(net, ns["X_rings"], ns["y_rings"]) < 0.15


def test_training_runs_are_prefixes_of_one_trajectory(ns: dict[str, Any]) -> None:
    # What the loss-curve cell relies on: n epochs, then m more by hand, equals n + m epochs.
    rng = np.random.default_rng(11006)
    x = rng.normal(size=(40, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    p = ns["train_mlp"](x, y, 6, 0.3, 5, 7)
    for _ in range(3):
        g = ns["mlp_backward"](p, ns["mlp_forward"](p, x)[1], y)
        p = {k: p[k] - 0.3 * g[k] for k in KEYS}
    q = ns["train_mlp"](x, y, 6, 0.3, 8, 7)
    assert all(np.allclose(p[k], q[k], rtol=1e-12, atol=1e-14) for k in KEYS)


def test_initialisation_follows_the_documented_recipe(ns: dict[str, Any]) -> None:
    x = np.zeros((5, 3))
    y = np.array([0, 1, 2, 1, 0])
    p = ns["train_mlp"](x, y, 4, 0.1, 0, 21)
    rng = np.random.default_rng(21)
    assert np.array_equal(p["W1"], rng.normal(0, np.sqrt(2 / 3), size=(3, 4)))
    assert np.array_equal(p["W2"], rng.normal(0, np.sqrt(2 / 4), size=(4, 3)))
    assert not p["b1"].any() and not p["b2"].any()


def test_a_zero_start_never_trains_the_first_layer(ns: dict[str, Any]) -> None:
    # The notebook's argument against zero initialisation, run with the week's functions.
    x, y = ns["X_rings"], ns["y_rings"]
    p = {"W1": np.zeros((2, 8)), "b1": np.zeros(8), "W2": np.zeros((8, 3)), "b2": np.zeros(3)}
    for _ in range(50):
        g = ns["mlp_backward"](p, ns["mlp_forward"](p, x)[1], y)
        p = {k: p[k] - 0.5 * g[k] for k in KEYS}
    assert not p["W1"].any() and not p["b1"].any() and not p["W2"].any()
    assert ns["accuracy"](p, x, y) < 0.5


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(11007)
    p = _params(rng, 2, 3, 2)
    saved = {k: v.copy() for k, v in p.items()}
    x = rng.normal(size=(6, 2))
    y = np.array([0, 1, 1, 0, 1, 0])
    x0, y0 = x.copy(), y.copy()
    _, cache = ns["mlp_forward"](p, x)
    cache0 = {k: np.array(v) for k, v in cache.items()}
    ns["mlp_backward"](p, cache, y)
    ns["train_mlp"](x, y, 3, 0.1, 2, 0)
    ns["relu"](x)
    ns["relu_grad"](x)
    assert all(np.array_equal(p[k], saved[k]) for k in KEYS)
    assert all(np.array_equal(cache[k], cache0[k]) for k in cache0)
    assert np.array_equal(x, x0) and np.array_equal(y, y0)
    with pytest.raises(ValueError):
        ns["mlp_backward"](p, cache, np.array([0, 1, 1, 0, 1, -1]))


def test_zero_epochs_return_the_initialisation(ns: dict[str, Any]) -> None:
    X = np.random.default_rng(5).normal(size=(8, 2))
    y = np.array([0, 1] * 4)
    params = ns["train_mlp"](X, y, 1, 0.5, 0, 0)
    assert np.shape(params["W1"]) == (2, 1)
    assert np.all(params["b1"] == 0) and np.all(params["b2"] == 0)
