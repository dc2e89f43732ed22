"""The week 1 solution agrees with numpy/scipy and has the properties the notebook claims."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from scipy.spatial import distance

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week01_vectors")


def test_dot_agrees_with_numpy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(1001)
    for n in (1, 2, 5, 100, 1000):
        u, v = rng.normal(size=(2, n))
        got = ns["dot"](u, v)
        assert isinstance(got, float)
        assert np.isclose(got, np.dot(u, v), rtol=1e-12, atol=1e-12)
    assert ns["dot"]([1, 2, 3], (4, 5, 6)) == 32.0


@pytest.mark.parametrize("p", [1, 2, 3, np.inf])
def test_norm_agrees_with_numpy(ns: dict[str, Any], p: float) -> None:
    rng = np.random.default_rng(1002)
    for n in (1, 3, 50):
        v = rng.normal(size=n) * 10.0 ** rng.integers(-3, 4)
        assert np.isclose(ns["norm"](v, p), np.linalg.norm(v, ord=p), rtol=1e-12)


def test_norm_fractional_p_and_ordering(ns: dict[str, Any]) -> None:
    # For a fixed vector the p-norm decreases with p: |v|_1 >= |v|_2 >= ... >= |v|_inf.
    rng = np.random.default_rng(1003)
    v = rng.normal(size=9)
    ps = [1, 1.5, 2, 3, 7.5, np.inf]
    norms = [ns["norm"](v, p) for p in ps]
    assert all(a >= b - 1e-12 for a, b in pairwise(norms))
    assert np.isclose(ns["norm"](v, 1.5), np.linalg.norm(v, ord=1.5), rtol=1e-12)
    for bad in (0.5, 0, -1):
        with pytest.raises(ValueError):
            ns["norm"](v, bad)


def test_cosine_agrees_with_scipy(ns: dict[str, Any]) -> None:
    # scipy's cosine *distance* is 1 - cosine similarity.
    rng = np.random.default_rng(1004)
    for n in (2, 3, 20, 300):
        u, v = rng.normal(size=(2, n))
        want = 1.0 - distance.cosine(u, v)
        assert np.isclose(ns["cosine_similarity"](u, v), want, rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError):
        ns["cosine_similarity"]([0.0, 0.0], [1.0, 2.0])


def test_cosine_is_dot_over_norms(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(1005)
    u, v = rng.normal(size=(2, 7))
    want = ns["dot"](u, v) / (ns["norm"](u) * ns["norm"](v))
    assert np.isclose(ns["cosine_similarity"](u, v), want, rtol=1e-12)


def test_projection_properties(ns: dict[str, Any]) -> None:
    project = ns["project"]
    rng = np.random.default_rng(1006)
    for n in (2, 4, 30):
        u, w = rng.normal(size=(2, n))
        p = project(u, w)
        assert p.shape == (n,)
        # The residual is orthogonal to the line, projecting again changes nothing,
        # and the projection is a multiple of w.
        assert abs(np.dot(u - p, w)) < 1e-10 * np.linalg.norm(u) * np.linalg.norm(w)
        assert np.allclose(project(p, w), p, rtol=1e-12, atol=1e-12)
        assert np.isclose(abs(np.dot(p, w)), np.linalg.norm(p) * np.linalg.norm(w))
        # Agreement with the projection matrix w w^T / (w^T w) and with least squares.
        assert np.allclose(p, np.outer(w, w) @ u / np.dot(w, w), atol=1e-12)
        coef = np.linalg.lstsq(w[:, None], u, rcond=None)[0]
        assert np.allclose(p, coef[0] * w, atol=1e-12)
        # The projection is the closest multiple of w to u.
        for c in rng.normal(size=5):
            assert np.linalg.norm(u - p) <= np.linalg.norm(u - c * w) + 1e-12
    with pytest.raises(ValueError):
        project([1.0, 2.0], [0.0, 0.0])


def _brute_force_neighbors(query: np.ndarray, x: np.ndarray, k: int) -> list[int]:
    """Sort (similarity, index) pairs by hand: highest similarity first, lower index on ties."""
    sims = [float(np.dot(row, query) / (np.linalg.norm(row) * np.linalg.norm(query))) for row in x]
    order = sorted(range(len(x)), key=lambda i: (-sims[i], i))
    return order[:k]


def test_nearest_neighbors_against_brute_force(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(1007)
    for n, d in ((1, 3), (10, 2), (40, 8)):
        x = rng.normal(size=(n, d))
        q = rng.normal(size=d)
        for k in sorted({1, max(1, n // 2), n}):
            got = ns["nearest_neighbors"](q, x, k)
            assert got.dtype.kind in "iu"
            assert got.tolist() == _brute_force_neighbors(q, x, k)


def test_nearest_neighbors_ties_go_to_the_lower_index(ns: dict[str, Any]) -> None:
    # Rows scaled by powers of two have exactly the same cosine in floating point.
    rng = np.random.default_rng(1008)
    base = rng.normal(size=(6, 4))
    x = np.concatenate([base * 4.0, base, base * 0.5])
    rng.shuffle(x)
    q = rng.normal(size=4)
    for k in (1, 3, 9, 18):
        got = ns["nearest_neighbors"](q, x, k).tolist()
        assert got == _brute_force_neighbors(q, x, k)
    # Integer rows pointing the same way as the query all tie at similarity 1.
    x = np.array([[0, 1], [3, 0], [1, 0], [2, 0], [-1, 0]])
    assert ns["nearest_neighbors"]([7, 0], x, 4).tolist() == [1, 2, 3, 0]


def test_nearest_neighbors_agrees_with_scipy_cdist(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(1009)
    x = rng.normal(size=(25, 5))
    q = rng.normal(size=5)
    sims = 1.0 - distance.cdist(q[None, :], x, metric="cosine")[0]
    got = ns["nearest_neighbors"](q, x, 25)
    assert np.all(np.diff(sims[got]) <= 1e-12)  # best first
    assert sorted(got.tolist()) == list(range(25))


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    u = np.array([1.0, -2.0, 3.0])
    v = np.array([0.5, 4.0, -1.0])
    x = np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 1.0]])
    ns["dot"](u, v)
    ns["norm"](u, 3)
    ns["cosine_similarity"](u, v)
    ns["project"](u, v)
    ns["nearest_neighbors"](u, x, 2)
    assert np.array_equal(u, [1.0, -2.0, 3.0])
    assert np.array_equal(v, [0.5, 4.0, -1.0])
    assert np.array_equal(x, [[1.0, 0.0, 0.0], [0.0, 2.0, 1.0]])
