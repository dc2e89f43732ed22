"""The week 7 solution agrees with scipy.stats and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import special, stats

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week09_probability")


def _distribution(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(scale=4.0, size=n), rng.dirichlet(np.ones(n))


def test_mean_and_variance_agree_with_scipy_rv_discrete(ns: dict[str, Any]) -> None:
    for seed, n in ((7001, 1), (7002, 4), (7003, 25)):
        x, p = _distribution(seed, n)
        rv = stats.rv_discrete(values=(x, p))
        assert np.isclose(ns["expected_value"](x, p), rv.mean(), rtol=1e-12, atol=1e-12)
        assert np.isclose(ns["variance"](x, p), rv.var(), rtol=1e-9, atol=1e-12)


def test_expected_squared_loss_is_variance_plus_squared_bias(ns: dict[str, Any]) -> None:
    # The notebook's parabola: E[(X - c)^2] = Var(X) + (E[X] - c)^2, lowest at c = E[X].
    x, p = _distribution(7004, 6)
    mu, var = ns["expected_value"](x, p), ns["variance"](x, p)
    for c in np.linspace(-5, 5, 11):
        assert np.isclose(ns["expected_value"]((x - c) ** 2, p), var + (mu - c) ** 2)


def test_variance_is_centred_hence_accurate_for_large_values(ns: dict[str, Any]) -> None:
    # The notebook's example: the shortcut E[X^2] - E[X]^2 gives 0 here.
    assert ns["variance"]([1e9, 1e9 + 1], [0.5, 0.5]) == 0.25


def test_probability_vectors_are_checked(ns: dict[str, Any]) -> None:
    ns["expected_value"](range(10), [0.1] * 10)  # sums to 1 up to rounding
    for probs in ([0.5, 0.5 + 1e-6], [1.5, -0.5], [0.3, 0.3]):
        for name in ("expected_value", "variance"):
            with pytest.raises(ValueError):
                ns[name]([1.0, 2.0], probs)


def test_bayes_agrees_with_log_space_normalisation(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(7005)
    for n in (1, 3, 40):
        prior = rng.uniform(0, 5, size=n)
        lik = rng.uniform(0, 1, size=n)
        log_joint = np.log(prior) + np.log(lik)
        want = np.exp(log_joint - special.logsumexp(log_joint))
        assert np.allclose(ns["bayes_posterior"](prior, lik), want, rtol=1e-10)


def test_bayes_base_rate_and_sequential_updates(ns: dict[str, Any]) -> None:
    fraud = ns["bayes_posterior"]([0.005, 0.995], [0.99, 0.02])[0]
    assert np.isclose(fraud, 0.199195, atol=1e-6)  # the notebook's "one flag in five"
    prior = np.array([600.0, 300.0, 100.0])
    words = np.array([[0.02, 0.30, 0.25], [0.05, 0.40, 0.60], [0.10, 0.05, 0.45]])
    belief = prior
    for lik in words:
        belief = ns["bayes_posterior"](belief, lik)
    assert np.allclose(belief, ns["bayes_posterior"](prior, words.prod(axis=0)))
    assert np.argmax(belief) == 2  # the notebook's email ends up as spam
    with pytest.raises(ValueError):
        ns["bayes_posterior"]([1.0, 0.0], [0.0, 1.0])


def test_monte_carlo_agrees_with_scipy_sem(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(7006)
    for n in (2, 10, 1000):
        x = rng.exponential(size=n)
        estimate, se = ns["monte_carlo_mean"](np.sqrt, x)
        assert np.isclose(estimate, np.mean(np.sqrt(x)), rtol=1e-12)
        assert np.isclose(se, stats.sem(np.sqrt(x)), rtol=1e-10)  # sem uses ddof=1


def test_two_standard_errors_cover_the_risk_about_95_percent_of_the_time(
    ns: dict[str, Any],
) -> None:
    # The notebook's model y_hat = 1.5 x on y = 2x + noise (sd 0.5): risk exactly 1/3.
    # 1000 experiments of 400 samples: the skewed squared loss makes the interval cover
    # about 94.6 % (measured on 20000 experiments), and the coverage of 1000 experiments
    # has a standard error of about 0.007, so [0.92, 0.97] is more than 3 of those wide.
    rng = np.random.default_rng(7007)
    hits = 0
    for _ in range(1000):
        x = rng.uniform(0, 1, size=400)
        y = 2 * x + rng.normal(scale=0.5, size=400)
        estimate, se = ns["monte_carlo_mean"](lambda s: (1.5 * s[0] - s[1]) ** 2, np.c_[x, y])
        hits += abs(estimate - 1 / 3) <= 2 * se
    assert 0.92 <= hits / 1000 <= 0.97
    # Four times the data halves the error bar.
    x = rng.uniform(0, 1, size=(2, 400))
    _, se_small = ns["monte_carlo_mean"](np.square, x[0, :100])
    _, se_large = ns["monte_carlo_mean"](np.square, x[1])
    assert 1.6 < se_small / se_large < 2.5


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    x = np.array([1.0, 2.0, 3.0])
    p = np.array([0.2, 0.3, 0.5])
    ns["expected_value"](x, p)
    ns["variance"](x, p)
    ns["bayes_posterior"](p, x)
    ns["monte_carlo_mean"](lambda t: t**2, x)
    assert np.array_equal(x, [1.0, 2.0, 3.0])
    assert np.array_equal(p, [0.2, 0.3, 0.5])


def test_totals_below_one_and_likelihoods_above_one(ns: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ns["variance"]([1.0, 2.0], [0.5, 0.5 - 1e-6])
    post = ns["bayes_posterior"]([0.5, 0.5], [3.0, 1.0])
    assert np.allclose(post, [0.75, 0.25])
