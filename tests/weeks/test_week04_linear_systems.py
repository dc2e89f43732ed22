"""The week 4 solution agrees with numpy/scipy and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import linalg

from course.solution_env import solution_namespace

EPS = np.finfo(float).eps


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week04_linear_systems")


def _nearly_collinear(rng: np.random.Generator, n: int, delta: float) -> np.ndarray:
    x = rng.normal(size=n)
    return np.column_stack([np.ones(n), x, x + delta * rng.normal(size=n), rng.normal(size=(n, 3))])


def test_solve_agrees_with_scipy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4001)
    for n in (1, 2, 5, 13, 40):
        a = rng.normal(size=(n, n))
        b = rng.normal(size=n)
        tol = 100 * n * np.linalg.cond(a) * EPS
        want = linalg.solve(a, b)
        got = ns["solve"](a, b)
        assert got.shape == (n,)
        assert np.linalg.norm(got - want) <= tol * np.linalg.norm(want)
        several = rng.normal(size=(n, 3))
        got = ns["solve"](a, several)
        assert got.shape == (n, 3)
        assert np.allclose(a @ got, several, atol=1e-9 * np.abs(several).max())


def test_solve_properties(ns: dict[str, Any]) -> None:
    solve = ns["solve"]
    assert np.allclose(solve([[1e-20, 1], [1, 1]], [1, 2]), [1, 1], rtol=1e-12)
    assert np.allclose(solve(1e-20 * np.array([[2.0, 1.0], [1.0, 3.0]]), [3, 4]), [1e20, 1e20])
    for singular in ([[1, 2], [2, 4]], np.zeros((3, 3)), [[1.0, 1.0], [1.0, 1.0 + 1e-14]]):
        with pytest.raises(ValueError):
            solve(singular, np.ones(len(singular)))
    for a, b in ((np.ones((2, 3)), np.ones(2)), (np.eye(3), np.ones(2)), ([], [])):
        with pytest.raises(ValueError):
            solve(a, b)
    a, b = np.array([[0.0, 2.0], [3.0, 1.0]]), np.array([4.0, 5.0])
    solve(a, b)
    assert np.array_equal(a, [[0.0, 2.0], [3.0, 1.0]]) and np.array_equal(b, [4.0, 5.0])


def test_rank_agrees_with_matrix_rank(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4002)
    for m, n in ((1, 1), (3, 7), (7, 3), (12, 12)):
        a = rng.normal(size=(m, n))
        assert ns["rank"](a) == np.linalg.matrix_rank(a) == min(m, n)
    for m, r, n in ((6, 2, 5), (9, 4, 9), (5, 1, 8)):
        a = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))
        assert ns["rank"](a, tol=1e-9 * np.abs(a).max()) == np.linalg.matrix_rank(a) == r


def test_rank_of_the_hidden_products_has_margin(ns: dict[str, Any]) -> None:
    # The hidden test uses tol = 1e-9 * max|M|; the same ranks come out for tolerances a
    # thousand times smaller and larger, so no elimination order is near the threshold.
    rng = np.random.default_rng(4203)
    for m, r, n in ((6, 2, 5), (8, 3, 8), (5, 4, 9), (10, 1, 7)):
        a = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))
        for factor in (1e-12, 1e-9, 1e-6):
            assert ns["rank"](a, tol=factor * np.abs(a).max()) == r


def test_rank_of_known_rank_integer_matrices(ns: dict[str, Any]) -> None:
    # Rows and columns that are copies times +-1 or +-2 of others: their leftovers are exact
    # zeros or far below the default tol, for this and for other elimination orders.
    rng = np.random.default_rng(4003)
    for _ in range(200):
        r = int(rng.integers(1, 5))
        m, n = (int(v) for v in rng.integers(r, 9, size=2))
        k = rng.integers(-4, 5, size=(r, r))
        if abs(round(np.linalg.det(k))) < 1:
            continue
        rows = rng.choice([-2, -1, 1, 2], size=(m - r, 1)) * k[rng.integers(0, r, m - r)]
        a = np.vstack([k, rows])
        cols = a[:, rng.integers(0, r, n - r)] * rng.choice([-2, -1, 1, 2], size=n - r)
        a = np.hstack([a, cols])[rng.permutation(m)][:, rng.permutation(n)]
        assert ns["rank"](a) == ns["rank"](a.T) == np.linalg.matrix_rank(a) == r


def test_rank_tolerance_and_validation(ns: dict[str, Any]) -> None:
    rank = ns["rank"]
    assert rank(np.diag([3.0, 2.0, 1.0]), tol=1.0) == 2
    assert rank(np.diag([1.0, 1e-20])) == 1
    assert rank(np.zeros((3, 2))) == 0
    assert isinstance(rank(np.eye(2)), int)
    for bad in ([1.0, 2.0], [], np.zeros((0, 3))):
        with pytest.raises(ValueError):
            rank(bad)


def test_hidden_random_matrices_are_well_conditioned() -> None:
    # The hidden tests of gram_schmidt, qr and least_squares derive their tolerances from
    # cond < 3 (tall) and cond < 30 (shifted square); check that claim on the same seeds.
    rng = np.random.default_rng(4301)
    for n, p in ((2, 1), (3, 3), (8, 3), (20, 6), (12, 12)):
        v = rng.normal(size=(n, p)) + (4 * np.eye(n) if n == p else 0)
        assert np.linalg.cond(v) < (30 if n == p else 3)
    rng = np.random.default_rng(4401)
    for m, n in ((1, 1), (4, 1), (6, 3), (30, 8), (10, 10)):
        a = rng.normal(size=(m, n)) + (4 * np.eye(n) if m == n else 0)
        assert np.linalg.cond(a) < (30 if m == n else 3)
    rng = np.random.default_rng(4501)
    for n, d in ((1, 1), (5, 1), (8, 3), (40, 5), (100, 10)):
        x = rng.normal(size=(n, d))
        rng.normal(size=n)
        assert np.linalg.cond(x) < 3


def test_gram_schmidt_spans_like_scipy_orth(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4004)
    b = rng.normal(size=(9, 4))
    v = np.column_stack([b[:, 0], 2 * b[:, 0], b[:, 1:], b[:, 1] - b[:, 3], np.zeros(9)])
    q = ns["gram_schmidt"](v)
    basis = linalg.orth(v)
    assert q.shape == basis.shape == (9, 4)
    assert np.allclose(q.T @ q, np.eye(4), atol=1e-12)
    assert np.allclose(q @ q.T, basis @ basis.T, atol=1e-12)  # the same projection
    assert ns["gram_schmidt"](np.zeros((3, 2))).shape == (3, 0)


def test_qr_agrees_with_scipy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4005)
    for m, n in ((5, 5), (20, 4), (50, 12)):
        a = rng.normal(size=(m, n))
        q, r = ns["qr"](a)
        q_ref, r_ref = linalg.qr(a, mode="economic")
        signs = np.sign(np.diag(r_ref))
        assert np.allclose(q, q_ref * signs, atol=1e-10)
        assert np.allclose(r, r_ref * signs[:, None], atol=1e-10)
        assert np.allclose(q.T @ q, np.eye(n), atol=1e-12)
        assert np.array_equal(r, np.triu(r)) and np.all(np.diag(r) > 0)
        assert np.allclose(q @ r, a, atol=1e-12 * np.abs(a).max())
    with pytest.raises(ValueError):
        ns["qr"](np.ones((3, 2)))


def test_least_squares_agrees_with_scipy_lstsq(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4006)
    for n, d in ((3, 3), (30, 4), (200, 15)):
        x = rng.normal(size=(n, d))
        y = rng.normal(size=n)
        w = ns["least_squares"](x, y)
        assert np.allclose(w, linalg.lstsq(x, y)[0], rtol=1e-9, atol=1e-12)
        residual = y - x @ w
        assert np.all(np.abs(x.T @ residual) <= 1e-10 * np.linalg.norm(x) * np.linalg.norm(y))
        assert np.allclose(w, np.linalg.solve(x.T @ x, x.T @ y), rtol=1e-9, atol=1e-12)


def test_qr_beats_the_normal_equations_as_the_notebook_shows(ns: dict[str, Any]) -> None:
    # The notebook's numbers for delta = 1e-6 (seed 46): QR to ~1e-9 or better, the normal
    # equations to ~1e-4 at best; and the hidden accuracy test (seed 4505) has a wide margin.
    for seed in (46, 4505):
        rng = np.random.default_rng(seed)
        for _ in range(3 if seed == 4505 else 1):
            x = _nearly_collinear(rng, 200, 1e-6)
            y = x @ rng.normal(size=6) + 1e-9 * rng.normal(size=200)
            ref = np.linalg.lstsq(x, y, rcond=None)[0]
            assert 1e5 < np.linalg.cond(x) < 1e7
            err_qr = np.linalg.norm(ns["least_squares"](x, y) - ref) / np.linalg.norm(ref)
            normal = np.linalg.solve(x.T @ x, x.T @ y)
            err_normal = np.linalg.norm(normal - ref) / np.linalg.norm(ref)
            assert err_qr < 1e-8
            assert err_normal > 1e-5
    with pytest.raises(ValueError):
        t = np.arange(4.0)
        ns["least_squares"](np.column_stack([np.ones(4), t, 2 * t]), np.ones(4))
