"""The week 14 solution agrees with numpy/scipy (least squares, linear solves, closed forms) and
with week 8's full-batch descent, and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import linalg

from course.solution_env import solution_namespace

EPS = np.finfo(float).eps


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week14_stochastic_optimization")


@pytest.fixture(scope="module")
def week8() -> dict[str, Any]:
    return solution_namespace("week08_optimization")


def _regression(seed: int, n: int, d: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d))
    y = x @ rng.normal(size=d) + 0.7 + noise * rng.normal(size=n)
    return x, y


def _lstsq_with_intercept(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    coef = linalg.lstsq(np.column_stack([np.ones(len(y)), x]), y)[0]
    return coef[1:], float(coef[0])


# -- minibatches ------------------------------------------------------------------------------


def test_every_index_appears_exactly_once_per_epoch(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(14001)
    for _ in range(50):
        n, batch_size, seed = (int(v) for v in rng.integers(1, 80, size=3))
        batches = ns["minibatches"](n, batch_size, seed)
        assert isinstance(batches, list)
        assert len(batches) == -(-n // batch_size)  # ceil(n / batch_size)
        assert all(b.dtype.kind == "i" and b.ndim == 1 for b in batches)
        assert np.array_equal(np.sort(np.concatenate(batches)), np.arange(n))
        assert all(len(b) == batch_size for b in batches[:-1])
        assert np.array_equal(np.concatenate(batches), np.random.default_rng(seed).permutation(n))


def test_minibatches_rejects_empty_epochs(ns: dict[str, Any]) -> None:
    for n, batch_size in ((0, 1), (-1, 1), (3, 0), (3, -2)):
        with pytest.raises(ValueError):
            ns["minibatches"](n, batch_size)


# -- sgd_linear_regression --------------------------------------------------------------------


def test_full_batch_sgd_is_week8_gradient_descent(
    ns: dict[str, Any], week8: dict[str, Any]
) -> None:
    x, y = _regression(14002, 40, 3, 1.0)
    for n_epochs in (0, 1, 7, 50):
        w, b = ns["sgd_linear_regression"](x, y, 0.05, 40, n_epochs, seed=3)
        w8, b8 = week8["fit_linear_regression"](x, y, 0.05, n_epochs)
        # The same arithmetic in the same order up to the batch's row permutation, which
        # only reorders the sums: a few ulps per step.
        assert np.allclose(w, w8, rtol=1e-12, atol=1e-13)
        assert np.isclose(b, b8, rtol=1e-12, atol=1e-13)
        assert isinstance(b, float) and w.shape == (3,)


def test_sgd_interpolates_noiseless_data_like_lstsq(ns: dict[str, Any]) -> None:
    x, y = _regression(14003, 60, 4, 0.0)
    w_ls, b_ls = _lstsq_with_intercept(x, y)
    w, b = ns["sgd_linear_regression"](x, y, 0.05, 6, 200, seed=1)
    # Without noise every batch's gradient vanishes at the same point, so SGD converges
    # linearly to it; 200 epochs of 10 steps leave far less than 1e-9.
    assert np.allclose(w, w_ls, atol=1e-9)
    assert np.isclose(b, b_ls, atol=1e-9)


def test_sgd_ends_near_least_squares_on_noisy_data(ns: dict[str, Any]) -> None:
    x, y = _regression(14004, 400, 3, 0.5)
    w_ls, b_ls = _lstsq_with_intercept(x, y)
    best = np.mean((x @ w_ls + b_ls - y) ** 2)
    w, b = ns["sgd_linear_regression"](x, y, 0.01, 10, 40, seed=2)
    excess = np.mean((x @ w + b - y) ** 2) - best
    # Constant-step SGD hovers around the minimum: its excess loss is of order
    # lr * noise variance * (d + 1) / batch_size = 0.01 * 0.25 * 4 / 10 = 1e-3.
    assert 0 <= excess < 0.01 * 0.25 * 4 / 10 * 10


def test_same_budget_sgd_beats_full_batch_gd(ns: dict[str, Any]) -> None:
    # The notebook's comparison with the graded function: 10 epochs each, same lr.
    x, y = _regression(14005, 2000, 10, 0.5)
    w_ls, b_ls = _lstsq_with_intercept(x, y)
    best = np.mean((x @ w_ls + b_ls - y) ** 2)

    def excess(batch_size: int) -> float:
        w, b = ns["sgd_linear_regression"](x, y, 0.05, batch_size, 10)
        return float(np.mean((x @ w + b - y) ** 2) - best)

    assert excess(20) < 0.1 * excess(2000)
    # ... and the notebook's own demo agrees: full batch is still far from the bottom.
    assert ns["gd_loss"][-1] - ns["loss_best"] > 10 * (ns["sgd_loss"][-1] - ns["loss_best"])


def test_sgd_rejects_bad_input(ns: dict[str, Any]) -> None:
    for x, y, batch_size, n_epochs in (
        ([1.0, 2.0], [1.0, 2.0], 1, 1),
        (np.zeros((0, 2)), [], 1, 1),
        ([[1.0], [2.0]], [1.0], 1, 1),
        ([[1.0], [2.0]], [1.0, 2.0], 0, 1),
        ([[1.0], [2.0]], [1.0, 2.0], 1, -1),
    ):
        with pytest.raises(ValueError):
            ns["sgd_linear_regression"](x, y, 0.1, batch_size, n_epochs)


# -- adam_step --------------------------------------------------------------------------------


def _adam_reference(theta0: np.ndarray, grads: np.ndarray, lr: float) -> np.ndarray:
    m = np.zeros_like(theta0)
    v = np.zeros_like(theta0)
    theta = theta0.copy()
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        theta = theta - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return theta


def test_adam_agrees_with_a_reference_over_many_steps(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(14006)
    theta0 = rng.normal(size=(4, 3))
    grads = rng.normal(scale=5.0, size=(40, 4, 3))
    theta, state = theta0, None
    for g in grads:
        theta, state = ns["adam_step"](theta, g, state, lr=0.01)
    # Elementwise arithmetic, the same formula: 40 steps of rounding.
    assert np.allclose(theta, _adam_reference(theta0, grads, 0.01), rtol=1e-12, atol=1e-14)
    assert state["t"] == 40 and isinstance(state["t"], int)


def test_adam_first_step_has_size_lr_per_coordinate(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(14007)
    g = rng.normal(size=50) * 10.0 ** rng.uniform(-3, 3, size=50)
    theta, _ = ns["adam_step"](np.zeros(50), g, {}, lr=0.02)
    # |step| = lr |g| / (|g| + eps) = lr (1 - eps / |g| + ...): a relative error below
    # eps / min|g|, allowed twice over.
    assert np.allclose(np.abs(theta), 0.02, rtol=1e-8 / np.min(np.abs(g)) * 2)
    assert np.array_equal(np.sign(theta), -np.sign(g))


def test_adam_and_momentum_beat_plain_steps_in_the_valley(
    ns: dict[str, Any], week8: dict[str, Any]
) -> None:
    # The notebook's valley, H = diag(1, 100), tied back to week 8's critical rate.
    h = np.diag([1.0, 100.0])
    assert np.isclose(week8["critical_learning_rate"](h), 0.02)
    start = np.array([-8.0, 1.0])

    def f(x: np.ndarray) -> float:
        return float(0.5 * x @ h @ x)

    plain = week8["gradient_descent"](lambda x: h @ x, start, 0.019, 100)[-1]
    heavy = week8["momentum_descent"](lambda x: h @ x, start, 0.019, 0.8, 100)[-1]
    theta, state = start, None
    for _ in range(100):
        theta, state = ns["adam_step"](theta, h @ theta, state, lr=0.3)
    # Plain descent's flat coordinate shrinks by 0.981 per step: 0.981**100 ~ 0.15.
    assert np.isclose(plain[0], -8.0 * 0.981**100, rtol=1e-12)
    assert f(plain) > 0.5
    assert f(heavy) < 1e-6 and f(theta) < 1e-3
    # The notebook's own walks agree with the graded functions.
    runs = dict(ns["valley_runs"])
    assert np.allclose(runs["plain descent, lr = 0.019"][0][-1], plain, rtol=1e-12)
    assert np.allclose(runs["momentum, lr = 0.019, beta = 0.8"][0][-1], heavy, rtol=1e-10)
    assert np.allclose(runs["Adam, lr = 0.3"][0][-1], theta, rtol=1e-10, atol=1e-14)


def test_adam_leaves_its_inputs_alone(ns: dict[str, Any]) -> None:
    theta = np.array([1.0, 2.0])
    g = np.array([0.5, -0.5])
    state = {"m": np.array([0.1, 0.1]), "v": np.array([0.2, 0.2]), "t": 2}
    _, new = ns["adam_step"](theta, g, state)
    assert np.array_equal(theta, [1.0, 2.0]) and np.array_equal(g, [0.5, -0.5])
    assert state["t"] == 2 and np.array_equal(state["m"], [0.1, 0.1])
    assert np.array_equal(state["v"], [0.2, 0.2]) and new is not state
    assert new["m"] is not state["m"] and new["v"] is not state["v"]
    for bad in (
        ([], [], None),
        ([1.0], [1.0, 2.0], None),
        ([1.0], [1.0], {"m": [0, 0], "v": [0], "t": 1}),
    ):
        with pytest.raises(ValueError):
            ns["adam_step"](*bad)


# -- ridge_regression -------------------------------------------------------------------------


def test_ridge_agrees_with_scipy_on_the_augmented_system(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(14008)
    for n, d in ((20, 1), (50, 4), (12, 8)):
        x = rng.normal(loc=3.0, size=(n, d))
        y = rng.normal(size=n)
        for lam in (1e-3, 0.3, 10.0):
            # Least squares on [1 X; 0 sqrt(n lam) I] minimises n times the loss as written.
            a = np.block([[np.ones((n, 1)), x], [np.zeros((d, 1)), np.sqrt(n * lam) * np.eye(d)]])
            coef = linalg.lstsq(a, np.concatenate([y, np.zeros(d)]))[0]
            w, b = ns["ridge_regression"](x, y, lam)
            # Condition number of the normal matrix <= (|Xc|^2/n + lam)/lam; here < 1e5.
            assert np.allclose(w, coef[1:], rtol=1e-8, atol=1e-10)
            assert np.isclose(b, coef[0], rtol=1e-8, atol=1e-10)
            assert isinstance(b, float)


def test_ridge_agrees_with_the_svd_shrinkage_formula(ns: dict[str, Any]) -> None:
    x, y = _regression(14009, 30, 5, 1.0)
    xc, yc = x - x.mean(axis=0), y - y.mean()
    u, s, vt = linalg.svd(xc, full_matrices=False)
    for lam in (0.0, 0.01, 1.0):
        # w = V diag(s / (s^2 + n lam)) U^T yc: each direction shrunk by s^2 / (s^2 + n lam).
        want = vt.T @ (s / (s**2 + 30 * lam) * (u.T @ yc))
        assert np.allclose(ns["ridge_regression"](x, y, lam)[0], want, rtol=1e-10)


def test_ridge_approaches_least_squares_and_shrinks(ns: dict[str, Any]) -> None:
    x, y = _regression(14010, 40, 6, 1.0)
    w_ls, b_ls = _lstsq_with_intercept(x, y)
    smallest = linalg.eigvalsh(np.cov(x.T, bias=True))[0]
    for lam in (1e-2, 1e-4, 1e-6, 1e-8):
        w, _ = ns["ridge_regression"](x, y, lam)
        # w(lam) - w(0) = -lam (C + lam I)^-1 w(0): at most lam |w(0)| / smallest eigenvalue.
        assert np.linalg.norm(w - w_ls) <= lam * np.linalg.norm(w_ls) / smallest * (1 + 1e-6)
    w0, b0 = ns["ridge_regression"](x, y, 0.0)
    assert np.allclose(w0, w_ls, rtol=1e-10) and np.isclose(b0, b_ls, rtol=1e-10)
    lams = np.logspace(-4, 4, 30)
    norms = [np.linalg.norm(ns["ridge_regression"](x, y, lam)[0]) for lam in lams]
    assert np.all(np.diff(norms) < 0)
    # A huge penalty leaves the constant fit: the intercept is free.
    w, b = ns["ridge_regression"](x, y, 1e12)
    assert np.allclose(w, 0.0, atol=1e-10) and np.isclose(b, y.mean(), rtol=1e-9)


def test_ridge_rejects_singular_and_negative(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(14011)
    base = rng.normal(size=(10, 2))
    y = rng.normal(size=10)
    for x in (
        np.column_stack([base, 2 * base[:, 1]]),
        np.column_stack([base, np.ones(10)]),
        rng.normal(size=(2, 3)),
    ):
        with pytest.raises(ValueError):
            ns["ridge_regression"](x, y[: len(x)], 0.0)
        w, b = ns["ridge_regression"](x, y[: len(x)], 1e-3)
        assert np.all(np.isfinite(w)) and np.isfinite(b)
    with pytest.raises(ValueError):
        ns["ridge_regression"](base, y, -1.0)
    x0, y0 = base.copy(), y.copy()
    ns["ridge_regression"](base, y, 0.5)
    assert np.array_equal(base, x0) and np.array_equal(y, y0)


# -- cross_validation_error -------------------------------------------------------------------


def test_leave_one_out_agrees_with_the_hat_matrix_shortcut(ns: dict[str, Any]) -> None:
    # Each leave-one-out fit minimises sum(r^2)/(n-1) + lam |w|^2, i.e. the full problem with
    # a fixed penalty (n-1) lam on the summed loss minus one row: then the held-out residual
    # is r_i / (1 - H_ii) with H the hat matrix of that penalised full fit.
    x, y = _regression(14012, 25, 3, 1.0)
    n = 25
    a = np.column_stack([np.ones(n), x])
    for lam in (0.0, 0.05, 2.0):
        penalty = (n - 1) * lam * np.diag([0.0, 1.0, 1.0, 1.0])
        g = linalg.solve(a.T @ a + penalty, a.T, assume_a="pos")
        hat = a @ g
        r = y - hat @ y
        want = np.mean((r / (1 - np.diag(hat))) ** 2)
        got = ns["cross_validation_error"](x, y, lam, k=n)
        assert np.isclose(got, want, rtol=1e-9)


def test_cross_validation_is_a_plain_mean_of_fold_errors(ns: dict[str, Any]) -> None:
    x, y = _regression(14013, 23, 2, 1.0)
    folds = np.array_split(np.random.default_rng(4).permutation(23), 5)
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = _lstsq_with_intercept(x[rest], y[rest])
        errors.append(np.mean((x[fold] @ w + b - y[fold]) ** 2))
    got = ns["cross_validation_error"](x, y, 0.0, k=5, seed=4)
    assert isinstance(got, float) and np.isclose(got, np.mean(errors), rtol=1e-10)
    for k in (1, 0, 24):
        with pytest.raises(ValueError):
            ns["cross_validation_error"](x, y, 0.1, k=k)


def test_the_notebooks_overfitting_and_selection_story(ns: dict[str, Any]) -> None:
    # Degree 15 fits the 20 training points better than degree 3 and new points far worse;
    # cross-validation, on the training points only, picks a lambda that repairs it.
    mse, powers = ns["mse"], ns["powers"]
    errors = {}
    for degree in (3, 15):
        w, b = ns["fit_polynomial"](degree)
        errors[degree] = (
            mse(powers(ns["x_train"], degree), ns["y_train"], w, b),
            mse(powers(ns["x_test"], degree), ns["y_test"], w, b),
        )
    assert errors[15][0] < errors[3][0]
    assert errors[15][1] > 10 * errors[3][1]
    cv = np.array(ns["cv_curve"])
    lams = ns["lams"]
    best = int(np.argmin(cv))
    assert 0 < best < len(lams) - 1  # an interior minimum: too little and too much both lose
    w, b = ns["ridge_regression"](ns["P_train"], ns["y_train"], lams[best])
    chosen = mse(ns["P_test"], ns["y_test"], w, b)
    assert chosen < 0.1 * errors[15][1]
    assert chosen < 1.5 * min(ns["test_curve"])
    # The training error only grows with lambda, so it could never choose.
    assert np.all(np.diff(ns["train_curve"]) > -1e-12)
    # The notebook's lstsq route to ridge is the graded closed form.
    for lam in (1e-6, 1e-2, 1.0):
        w1, b1 = ns["ridge_by_extra_rows"](ns["P_train"], ns["y_train"], lam)
        w2, b2 = ns["ridge_regression"](ns["P_train"], ns["y_train"], lam)
        scale = np.linalg.norm(w1)
        # Both are backward stable on a system of condition number <= (lambda_max + lam)/lam
        # with lambda_max = the trace of the powers' covariance < 5, so each is accurate to
        # ~ d * cond * eps = 15 * 5 / lam * eps relative; 1e3 / lam * eps covers both.
        tol = 1e3 * EPS * max(1.0, 1.0 / lam) * scale
        assert np.linalg.norm(w1 - w2) <= tol and abs(b1 - b2) <= 10 * tol
