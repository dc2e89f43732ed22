"""The week 8 solution agrees with scipy.stats.entropy and scipy.special, and has the
properties the notebook claims (sklearn is not installed: log loss is checked with numpy)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import special, stats

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week11_entropy")


def _pair(seed: int, n: int, zeros: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two random probability vectors; the first `zeros` entries of p are 0."""
    rng = np.random.default_rng(seed)
    p, q = rng.dirichlet(np.ones(n), size=2)
    p[:zeros] = 0.0
    return p / p.sum(), q


@pytest.mark.parametrize("base", [2, np.e, 10])
def test_entropy_agrees_with_scipy(ns: dict[str, Any], base: float) -> None:
    for seed, n, zeros in ((8001, 1, 0), (8002, 5, 0), (8003, 30, 4)):
        p, _ = _pair(seed, n, zeros)
        assert np.isclose(ns["entropy"](p, base), stats.entropy(p, base=base), rtol=1e-12)
    assert np.isclose(ns["entropy"]([0.3, 0.7]), stats.entropy([0.3, 0.7], base=2))


@pytest.mark.parametrize("base", [2, np.e, 10])
def test_kl_and_cross_entropy_agree_with_scipy(ns: dict[str, Any], base: float) -> None:
    # scipy.stats.entropy(p, q) is KL(p || q); cross-entropy = entropy + KL.
    for seed, n, zeros in ((8004, 2, 0), (8005, 6, 2), (8006, 40, 10)):
        p, q = _pair(seed, n, zeros)
        kl = stats.entropy(p, q, base=base)
        assert np.isclose(ns["kl_divergence"](p, q, base), kl, rtol=1e-10, atol=1e-14)
        want = stats.entropy(p, base=base) + kl
        assert np.isclose(ns["cross_entropy"](p, q, base), want, rtol=1e-10)
        nats = np.sum(special.rel_entr(p, q))
        assert np.isclose(ns["kl_divergence"](p, q, np.e), nats, rtol=1e-10, atol=1e-14)


def test_infinities_match_scipy(ns: dict[str, Any]) -> None:
    p, q = np.array([0.5, 0.5]), np.array([1.0, 0.0])
    assert stats.entropy(p, q) == np.inf
    assert ns["kl_divergence"](p, q) == np.inf
    assert ns["cross_entropy"](p, q) == np.inf
    assert np.isclose(ns["kl_divergence"](q, p), stats.entropy(q, p, base=2))


def test_cross_entropy_is_the_decomposition_and_is_smallest_at_the_truth(
    ns: dict[str, Any],
) -> None:
    rng = np.random.default_rng(8007)
    p = rng.dirichlet(np.ones(5))
    h = ns["entropy"](p)
    assert np.isclose(ns["cross_entropy"](p, p), h)
    assert abs(ns["kl_divergence"](p, p)) < 1e-15
    for q in rng.dirichlet(np.ones(5), size=20):
        ce, kl = ns["cross_entropy"](p, q), ns["kl_divergence"](p, q)
        assert np.isclose(ce, h + kl) and kl > 0 and ce > h


def test_the_notebooks_numbers(ns: dict[str, Any]) -> None:
    p_code = [0.5, 0.25, 0.125, 0.125]
    assert np.isclose(ns["entropy"](p_code), 1.75)  # the prefix code 0, 10, 110, 111
    assert np.isclose(ns["cross_entropy"](p_code, [0.25] * 4), 2.0)  # the fixed 2-bit code
    assert np.isclose(ns["kl_divergence"](p_code, [0.25] * 4), 0.25)
    peak, uniform = [0.8, 0.1, 0.1], [1 / 3] * 3
    assert np.isclose(ns["kl_divergence"](peak, uniform), 0.663034, atol=1e-6)
    assert np.isclose(ns["kl_divergence"](uniform, peak), 0.736966, atol=1e-6)
    # The coin: 1 bit at 1/2 is the maximum; symmetric in p <-> 1 - p.
    coin = [ns["entropy"]([t, 1 - t]) for t in np.linspace(0, 1, 101)]
    assert np.argmax(coin) == 50 and np.isclose(max(coin), 1.0)
    assert np.allclose(coin, coin[::-1])
    assert ns["entropy"](np.full(16, 1 / 16)) == pytest.approx(4.0)


def test_average_surprise_on_data_estimates_cross_entropy(ns: dict[str, Any]) -> None:
    # The negative log-likelihood per example (a sum of logs) is a Monte Carlo
    # estimate of H(p, q): 20000 samples give a standard error of about 0.005 bits.
    rng = np.random.default_rng(8008)
    p, q = np.array([0.5, 0.25, 0.125, 0.125]), np.array([0.4, 0.3, 0.2, 0.1])
    data = rng.choice(4, size=20000, p=p)
    surprise = -np.log2(q[data])
    assert abs(surprise.mean() - ns["cross_entropy"](p, q)) < 4 * surprise.std() / np.sqrt(
        data.size
    )


def test_entropy_of_independent_pairs_adds(ns: dict[str, Any]) -> None:
    a, b = _pair(8009, 4)
    assert np.isclose(ns["entropy"](np.outer(a, b).ravel()), ns["entropy"](a) + ns["entropy"](b))


def test_binary_cross_entropy_agrees_with_xlogy_reference(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(8010)
    for n in (1, 10, 500):
        y = rng.integers(0, 2, size=n)
        prob = rng.uniform(0, 1, size=n)
        prob[: n // 10] = np.round(prob[: n // 10])  # some exact 0s and 1s
        for eps in (1e-12, 1e-7, 1e-3):
            clipped = np.clip(prob, eps, 1 - eps)
            want = -np.mean(special.xlogy(y, clipped) + special.xlogy(1 - y, 1 - clipped))
            assert np.isclose(ns["binary_cross_entropy"](y, prob, eps), want, rtol=1e-12)


def test_binary_cross_entropy_is_the_mean_cross_entropy_in_nats(ns: dict[str, Any]) -> None:
    # Per example, BCE is cross_entropy((1 - y, y), (1 - y_hat, y_hat)) with base e.
    rng = np.random.default_rng(8011)
    y = rng.integers(0, 2, size=30)
    prob = rng.uniform(0.01, 0.99, size=30)
    per_example = [
        ns["cross_entropy"]([1 - t, t], [1 - s, s], np.e) for t, s in zip(y, prob, strict=True)
    ]
    assert np.isclose(ns["binary_cross_entropy"](y, prob), np.mean(per_example), rtol=1e-12)


def test_invalid_inputs_and_no_mutation(ns: dict[str, Any]) -> None:
    p = np.array([0.2, 0.0, 0.8])
    q = np.array([0.3, 0.3, 0.4])
    for name in ("entropy", "cross_entropy", "kl_divergence"):
        args = (p,) if name == "entropy" else (p, q)
        ns[name](*args)
        with pytest.raises(ValueError):
            ns[name](*([0.5, 0.6],) * len(args))
    ns["binary_cross_entropy"](p, q)
    assert np.array_equal(p, [0.2, 0.0, 0.8]) and np.array_equal(q, [0.3, 0.3, 0.4])
    with pytest.raises(ValueError):
        ns["binary_cross_entropy"]([1, 0], [0.5])


def test_vectors_adding_up_to_less_than_one_are_rejected(ns: dict[str, Any]) -> None:
    for name in ("cross_entropy", "kl_divergence"):
        for p, q in (([0.3, 0.3], [0.5, 0.5]), ([0.5, 0.5], [0.5, 0.5 - 1e-6])):
            with pytest.raises(ValueError):
                ns[name](p, q)
