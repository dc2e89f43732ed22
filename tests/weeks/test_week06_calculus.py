"""The week 4 solution agrees with numpy/scipy and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import optimize, special

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week06_calculus")


def test_derivative_matches_analytic(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4001)
    for x in rng.uniform(-3, 3, size=20):
        assert np.isclose(ns["derivative"](np.sin, x), np.cos(x), atol=1e-9)
        assert np.isclose(ns["derivative"](np.exp, x), np.exp(x), rtol=1e-9)


def test_central_difference_error_is_second_order(ns: dict[str, Any]) -> None:
    # Halving h divides the truncation error by 4 (forward differences only by 2).
    x = 0.7
    errors = [abs(ns["derivative"](np.exp, x, h=h) - np.exp(x)) for h in (0.1, 0.05, 0.025)]
    ratios = [errors[0] / errors[1], errors[1] / errors[2]]
    assert np.allclose(ratios, 4.0, rtol=0.02)


def test_central_difference_is_exact_for_parabolas(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4002)
    a, b, c = rng.normal(size=3)
    for x, h in zip(rng.normal(size=5), (0.5, 0.1, 1e-2, 1e-3, 1.0), strict=True):
        got = ns["derivative"](lambda t: a * t**2 + b * t + c, x, h=h)
        assert np.isclose(got, 2 * a * x + b, rtol=1e-9, atol=1e-9)


def test_second_derivative_matches_analytic(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4003)
    for x in rng.uniform(-3, 3, size=20):
        assert np.isclose(ns["second_derivative"](np.sin, x), -np.sin(x), atol=1e-6)
        assert np.isclose(ns["second_derivative"](np.cosh, x), np.cosh(x), rtol=1e-6)


def test_newton_agrees_with_scipy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4004)
    for _ in range(20):
        a, b = rng.uniform(0.5, 3), rng.uniform(-5, 5)

        def f(x: float, a: float = a, b: float = b) -> float:
            return x**3 + a * x - b  # increasing: exactly one real root

        def df(x: float, a: float = a) -> float:
            return 3 * x**2 + a

        ours = ns["newton_root"](f, df, 1.0)
        theirs = optimize.brentq(f, -10, 10, xtol=1e-14)
        assert abs(f(ours)) < 1e-9
        assert np.isclose(ours, theirs, atol=1e-9)


def test_newton_reports_failure(ns: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="converge"):
        ns["newton_root"](lambda x: x**2 + 1, lambda x: 2 * x, 0.5)
    with pytest.raises(ValueError, match="zero"):
        ns["newton_root"](lambda x: x**2 - 2, lambda x: 2 * x, 0.0)


def test_log_sum_exp_agrees_with_scipy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4005)
    for scale in (1.0, 30.0, 1000.0):
        for n in (1, 5, 200):
            z = rng.normal(scale=scale, size=n) + rng.choice([-1000.0, 0.0, 1000.0])
            assert np.isclose(ns["log_sum_exp"](z), special.logsumexp(z), rtol=1e-13)


def test_log_product_agrees_with_numpy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(4006)
    xs = rng.uniform(1e-6, 1.0, size=5000)
    assert np.prod(xs) == 0.0  # the product itself underflows
    assert np.isclose(ns["log_product"](xs), np.sum(np.log(xs)), rtol=1e-12)
    with pytest.raises(ValueError):
        ns["log_product"]([1.0, 0.0])
    with pytest.raises(ValueError):
        ns["log_product"]([])


def test_steps_that_are_not_positive_are_rejected(ns: dict[str, Any]) -> None:
    for name in ("derivative", "second_derivative"):
        for h in (0.0, -1e-5, -2.0):
            with pytest.raises(ValueError):
                ns[name](np.sin, 1.0, h=h)
