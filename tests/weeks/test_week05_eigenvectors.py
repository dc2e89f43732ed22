"""The week 5 solution agrees with numpy/scipy and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import linalg

from course.solution_env import solution_namespace

EPS = np.finfo(float).eps


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week05_eigenvectors")


def _sign_fixed(v: np.ndarray) -> np.ndarray:
    return np.asarray(v * np.sign(v[np.argmax(np.abs(v))]))


def _separated_symmetric(seed: int, n: int, top: float) -> np.ndarray:
    """A symmetric matrix with dominant eigenvalue `top` and |lambda_2 / lambda_1| <= 0.6."""
    rng = np.random.default_rng(seed)
    q = np.linalg.qr(rng.normal(size=(n, n)))[0]
    spectrum = np.concatenate([[top], rng.uniform(-0.6, 0.6, size=n - 1) * abs(top)])
    a = q @ np.diag(spectrum) @ q.T
    return np.asarray((a + a.T) / 2)


def _random_graph(seed: int, n: int, p: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    links = (rng.random((n, n)) < p).astype(int)
    links[rng.integers(n)] = 0  # a dangling page
    return links


@pytest.mark.parametrize(("seed", "n", "top"), [(7001, 2, 3.0), (7002, 6, -2.0), (7003, 15, 9.0)])
def test_power_iteration_agrees_with_scipy_eigh(
    ns: dict[str, Any], seed: int, n: int, top: float
) -> None:
    a = _separated_symmetric(seed, n, top)
    values, vectors = linalg.eigh(a)
    i = int(np.argmax(np.abs(values)))
    value, v = ns["power_iteration"](a)
    # Stopping at a step below tol = 1e-10 leaves a vector error <= tol r / (1 - r) = 1.5e-10.
    assert isinstance(value, float)
    assert np.isclose(value, values[i], rtol=1e-9)
    assert np.allclose(v, _sign_fixed(vectors[:, i]), atol=1e-8)


def test_power_iteration_agrees_with_scipy_eig_on_a_non_symmetric_matrix(
    ns: dict[str, Any],
) -> None:
    rng = np.random.default_rng(7004)
    s = np.eye(5) + 0.3 * rng.normal(size=(5, 5))
    a = s @ np.diag([-4.0, 2.0, 1.0, -0.5, 0.2]) @ np.linalg.inv(s)
    values, vectors = linalg.eig(a)
    i = int(np.argmax(np.abs(values)))
    value, v = ns["power_iteration"](a)
    assert np.isclose(value, values[i].real, rtol=1e-7)
    want = _sign_fixed(vectors[:, i].real / np.linalg.norm(vectors[:, i].real))
    assert np.allclose(v, want, atol=1e-8)


def test_power_iteration_finds_the_critical_learning_rate(ns: dict[str, Any]) -> None:
    # Week 8's 2 / lambda_max, from products H v only (the tie-back of the notebook).
    m = np.random.default_rng(7005).normal(size=(6, 6))
    h = m @ m.T + 0.5 * np.eye(6)
    lam = ns["power_iteration"](h)[0]
    assert np.isclose(2 / lam, 2 / linalg.eigvalsh(h)[-1], rtol=1e-9)


def test_the_determinant_is_the_product_of_the_eigenvalues(ns: dict[str, Any]) -> None:
    for m in ns["examples"].values():  # the matrices of the first figure
        assert np.isclose(np.prod(linalg.eigvals(m)).real, np.linalg.det(m))


@pytest.mark.parametrize(("n", "d", "offset"), [(2, 1, 0.0), (30, 4, 3.0), (500, 3, 1e6)])
def test_covariance_agrees_with_numpy(ns: dict[str, Any], n: int, d: int, offset: float) -> None:
    x = np.random.default_rng(7006).normal(size=(n, d)) + offset
    got = ns["covariance_matrix"](x)
    # Centring first loses ~ eps * offset / spread in relative accuracy.
    assert np.allclose(got, np.cov(x, rowvar=False).reshape(d, d), rtol=1e-6, atol=1e-8)


def test_covariance_rejects_a_single_sample(ns: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ns["covariance_matrix"]([[1.0, 2.0]])


def test_pca_agrees_with_scipy_and_the_variances_add_up(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(7007)
    x = rng.normal(size=(200, 5)) * [3.0, 2.0, 1.5, 1.0, 0.3] @ np.linalg.qr(
        rng.normal(size=(5, 5))
    )[0] + [1, 2, 3, 4, 5]
    c = np.cov(x, rowvar=False)
    values, vectors = linalg.eigh(c)
    components, variances, mean = ns["pca"](x, 5)
    assert np.allclose(mean, x.mean(axis=0))
    # PCA variances are the covariance's eigenvalues and add up to the total variance.
    assert np.allclose(variances, values[::-1], rtol=1e-10)
    assert np.allclose(variances, np.sort(linalg.eigvalsh(ns["covariance_matrix"](x)))[::-1])
    assert np.isclose(variances.sum(), np.trace(c), rtol=1e-12)
    assert np.allclose(components @ components.T, np.eye(5), atol=1e-12)
    want = np.array([_sign_fixed(v) for v in vectors[:, ::-1].T])
    gap = np.min(-np.diff(values[::-1]))
    assert np.allclose(components, want, atol=1e3 * EPS * values[-1] / gap + 1e-12)


def test_pca_agrees_with_the_svd_of_the_centred_data(ns: dict[str, Any]) -> None:
    x = np.random.default_rng(7008).normal(size=(40, 3)) * [5.0, 2.0, 0.5] + 10
    _, s, vt = linalg.svd(x - x.mean(axis=0), full_matrices=False)
    components, variances, _ = ns["pca"](x, 2)
    assert np.allclose(variances, s[:2] ** 2 / 39, rtol=1e-10)
    assert np.allclose(components, [_sign_fixed(v) for v in vt[:2]], atol=1e-10)


def test_reconstruction_with_all_components_is_exact(ns: dict[str, Any]) -> None:
    x = np.random.default_rng(7009).normal(size=(25, 6)) * 4 - 2
    components, _, mean = ns["pca"](x, 6)
    assert np.allclose(ns["reconstruct"](x, components, mean), x, atol=1e-12 * 6 * 10)


def test_reconstruction_error_is_the_dropped_variance_on_the_digits(ns: dict[str, Any]) -> None:
    # The notebook's own digits: 600 images of 96 pixels.
    digits = ns["digits"]
    n = len(digits)
    components, variances, mean = ns["pca"](digits, 96)
    assert np.allclose(variances, ns["digit_var"], rtol=1e-8, atol=1e-12)
    total = variances.sum()
    for k in (3, 10, 30):
        rebuilt = ns["reconstruct"](digits, components[:k], mean)
        error = np.sum((digits - rebuilt) ** 2) / ((n - 1) * total)
        assert np.isclose(error, ns["error_fraction"][k], rtol=1e-8)
    # The narrative quotes these numbers.
    assert [round(100 * ns["error_fraction"][k], 1) for k in (3, 10, 30)] == [56.5, 22.1, 5.6]
    kept = ns["kept"]
    assert [int(np.argmax(kept >= s)) for s in (0.5, 0.9, 0.99)] == [4, 20, 76]


@pytest.mark.parametrize(
    ("seed", "n", "damping"), [(7010, 5, 0.85), (7011, 30, 0.9), (7012, 12, 0.5)]
)
def test_pagerank_is_the_eigenvector_of_the_google_matrix(
    ns: dict[str, Any], seed: int, n: int, damping: float
) -> None:
    links = _random_graph(seed, n, 0.2)
    a = (links != 0).astype(float)
    a[a.sum(axis=1) == 0] = 1
    m = a / a.sum(axis=1, keepdims=True)
    g = (1 - damping) / n + damping * m.T
    values, vectors = linalg.eig(g)
    want = vectors[:, np.argmin(np.abs(values - 1))].real
    want = want / want.sum()
    r = ns["pagerank"](links, damping=damping)
    assert np.isclose(r.sum(), 1.0, atol=1e-12)
    # Error left by the stopping rule: tol d / (1 - d), plus the eigensolver's rounding.
    assert np.allclose(r, want, atol=1e-12 * damping / (1 - damping) + 1e3 * n * EPS)


def test_pagerank_is_invariant_to_relabelling(ns: dict[str, Any]) -> None:
    links = _random_graph(7013, 10, 0.3)
    r = ns["pagerank"](links)
    p = np.random.default_rng(7014).permutation(10)
    assert np.allclose(ns["pagerank"](links[p][:, p]), r[p], atol=1e-11)


def test_the_small_web_of_the_notebook(ns: dict[str, Any]) -> None:
    links = ns["link_matrix"]
    r = ns["pagerank"](links)
    assert np.allclose(r, ns["rank_web"], atol=1e-10)
    # The narrative: page 2 first, page 0 (one in-link) second, above page 4 (three in-links).
    order = np.argsort(-r)
    assert list(order[:3]) == [2, 0, 4]
    assert links[:, 0].sum() == 1 and links[:, 4].sum() == 3
    assert [round(r[i], 3) for i in (2, 0, 4, 3)] == [0.235, 0.225, 0.150, 0.025]


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    a = np.array([[2.0, 1.0], [1.0, 2.0]])
    x = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
    links = np.array([[0, 1], [0, 0]])
    ns["power_iteration"](a)
    ns["covariance_matrix"](x)
    components, _, mean = ns["pca"](x, 1)
    ns["reconstruct"](x, components, mean)
    ns["pagerank"](links)
    assert np.array_equal(a, [[2.0, 1.0], [1.0, 2.0]])
    assert np.array_equal(x, [[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
    assert np.array_equal(links, [[0, 1], [0, 0]])
