"""The week 10 solution agrees with scipy (integrate, stats.norm, gaussian_kde, multivariate_normal)
and numpy's generator, and has the properties the notebook claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import integrate, stats

from course.solution_env import solution_namespace

EPS = np.finfo(float).eps


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week10_continuous")


def _spd(rng: np.random.Generator, d: int, ridge: float = 0.5) -> np.ndarray:
    a = rng.normal(size=(d, d))
    cov = a @ a.T + ridge * np.eye(d)
    return (cov + cov.T) / 2


def test_trapezoid_agrees_with_scipy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20001)
    for n in (1, 2, 7, 100, 1000):
        a, b = rng.uniform(-2, 2, size=2)
        x = np.linspace(a, b, n + 1)

        def f(t: np.ndarray) -> np.ndarray:
            return np.sin(3 * t) + t**2

        got = ns["trapezoid"](f, a, b, n)
        assert isinstance(got, float)
        # n + 1 terms summed: a few (n + 1) eps relative to |b - a| max|f|.
        tol = 4 * (n + 1) * EPS * abs(b - a) * np.max(np.abs(f(x)))
        assert abs(got - integrate.trapezoid(f(x), x)) <= tol


def test_trapezoid_is_exact_for_lines_and_flips_sign(ns: dict[str, Any]) -> None:
    for n in (1, 3, 50):
        assert np.isclose(ns["trapezoid"](lambda x: 2 * x + 1, 0, 3, n), 12.0, rtol=1e-13)
    assert ns["trapezoid"](lambda x: x**2, 0.0, 2.0, 2) == 3.0  # the worked example
    fwd = ns["trapezoid"](np.exp, -1.0, 1.0, 9)
    assert np.isclose(ns["trapezoid"](np.exp, 1.0, -1.0, 9), -fwd, rtol=1e-14)
    assert ns["trapezoid"](np.cos, 2.0, 2.0, 5) == 0.0
    for n in (0, -1):
        with pytest.raises(ValueError):
            ns["trapezoid"](np.sin, 0.0, 1.0, n)


def test_trapezoid_error_rate_is_one_over_n_squared(ns: dict[str, Any]) -> None:
    # The notebook's experiment: sin on [0, pi], n = 2, 4, ..., 1024, slope of log error -2.00;
    # and the leading error term (b - a) h^2 (f'(b) - f'(a)) / 12 = pi^2 / (6 n^2).
    ns_ = 2 ** np.arange(1, 11)
    err = np.array([abs(ns["trapezoid"](np.sin, 0.0, np.pi, int(n)) - 2.0) for n in ns_])
    slope = np.polyfit(np.log(ns_), np.log(err), 1)[0]
    assert abs(slope + 2.0) < 0.01
    assert np.allclose(err[3:] * 6 * ns_[3:] ** 2 / np.pi**2, 1.0, rtol=2e-3)


def test_gaussian_pdf_agrees_with_scipy_norm(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20002)
    for shape in ((), (5,), (3, 4)):
        mu, sigma = rng.normal(), rng.uniform(0.1, 4.0)
        x = mu + sigma * rng.uniform(-6, 6, size=shape)
        got = ns["gaussian_pdf"](x, mu, sigma)
        want = stats.norm.pdf(x, loc=mu, scale=sigma)
        assert np.shape(got) == shape
        assert np.allclose(got, want, rtol=1e-12, atol=0)
    assert isinstance(ns["gaussian_pdf"](0.3), float)
    for bad in (0.0, -1.0):
        with pytest.raises(ValueError):
            ns["gaussian_pdf"](1.0, 0.0, bad)
    with pytest.raises(ValueError):
        ns["gaussian_pdf"]([])


def test_gaussian_pdf_integrates_to_one_and_gives_68_95_99_7(ns: dict[str, Any]) -> None:
    for mu, sigma in ((0.0, 1.0), (3.0, 0.05), (-10.0, 7.0)):
        area, _ = integrate.quad(ns["gaussian_pdf"], -np.inf, np.inf, args=(mu, sigma))
        assert np.isclose(area, 1.0, rtol=1e-9)
    # The notebook's numbers: trapezoids (n = 1000) of the standard bell on [-k, k].
    for k, printed in ((1, 0.6827), (2, 0.9545), (3, 0.9973)):
        got = ns["trapezoid"](ns["gaussian_pdf"], -k, k, 1000)
        assert np.isclose(got, stats.norm.cdf(k) - stats.norm.cdf(-k), rtol=1e-6)
        assert round(got, 4) == printed
    # The normaliser: the area under exp(-x^2 / 2) is sqrt(2 pi).
    area = ns["trapezoid"](lambda x: np.exp(-(x**2) / 2), -10.0, 10.0, 1000)
    assert np.isclose(area, np.sqrt(2 * np.pi), rtol=1e-14)


def test_kde_agrees_with_scipy_gaussian_kde(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20003)
    for n in (2, 10, 300):
        data = rng.gamma(2.0, size=n)
        points = np.linspace(-1, 8, 37)
        for h in (0.05, 0.4, 2.0):
            # gaussian_kde's kernel standard deviation is factor * std(data, ddof=1).
            ref = stats.gaussian_kde(data, bw_method=h / np.std(data, ddof=1))
            got = ns["kde"](points, data, h)
            assert got.shape == points.shape
            assert np.allclose(got, ref(points), rtol=1e-9, atol=1e-300)


def test_kde_is_a_density_whose_variance_grows_by_h_squared(ns: dict[str, Any]) -> None:
    data = np.random.default_rng(20004).normal(size=12)
    for h in (0.1, 1.0, 3.0):
        area, _ = integrate.quad(
            lambda t, h=h: float(ns["kde"]([t], data, h)[0]), -60, 60, points=list(data), limit=400
        )
        assert np.isclose(area, 1.0, rtol=1e-7)
        second, _ = integrate.quad(
            lambda t, h=h: t**2 * float(ns["kde"]([t], data, h)[0]),
            -60,
            60,
            points=list(data),
            limit=400,
        )
        assert np.isclose(second - np.mean(data) ** 2, np.var(data) + h**2, rtol=1e-6)
    for bad in ((([0.0], [1.0], 0.0)), ([0.0], [], 1.0), ([], [1.0], 1.0)):
        with pytest.raises(ValueError):
            ns["kde"](*bad)


def test_kde_bandwidth_trades_bias_for_variance(ns: dict[str, Any]) -> None:
    # The notebook's claim, on its mixture: the mean integrated squared error over fresh samples
    # is a valley in h (too small: variance; too large: bias).
    rng = np.random.default_rng(20005)
    xs = np.linspace(0.0, 7.0, 701)
    truth = 0.6 * stats.norm.pdf(xs, 2.0, 0.5) + 0.4 * stats.norm.pdf(xs, 4.5, 0.8)
    hs = (0.02, 0.25, 2.0)
    ise = np.zeros(len(hs))
    for _ in range(20):
        pick = rng.uniform(size=200) < 0.6
        data = np.where(pick, rng.normal(2.0, 0.5, 200), rng.normal(4.5, 0.8, 200))
        for j, h in enumerate(hs):
            ise[j] += integrate.trapezoid((ns["kde"](xs, data, h) - truth) ** 2, xs) / 20
    assert ise[1] < ise[0] / 2 and ise[1] < ise[2] / 5


def test_mvn_logpdf_agrees_with_scipy_multivariate_normal(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20006)
    for d in (1, 2, 5, 20):
        cov = _spd(rng, d)
        mean = rng.normal(size=d)
        x = mean + rng.normal(scale=2.0, size=(9, d))
        want = stats.multivariate_normal(mean, cov).logpdf(x)
        got = ns["mvn_logpdf"](x, mean, cov)
        assert got.shape == (9,)
        # Backward-stable Cholesky and solves: ~ d * cond * eps relative to the terms' size.
        tol = 100 * d * np.linalg.cond(cov) * EPS * (1 + np.abs(want) + d)
        assert np.all(np.abs(got - want) <= tol)
        one = ns["mvn_logpdf"](x[0], mean, cov)
        assert isinstance(one, float) and abs(one - want[0]) <= tol[0]
        assert ns["mvn_logpdf"](x[:1], mean, cov).shape == (1,)


def test_mvn_logpdf_one_dimension_and_diagonal_products(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20007)
    x = rng.normal(size=(6, 1))
    got = ns["mvn_logpdf"](x, [0.4], [[2.25]])
    assert np.allclose(got, np.log(ns["gaussian_pdf"](x[:, 0], 0.4, 1.5)), rtol=1e-12)
    sig = rng.uniform(0.3, 2.0, size=4)
    mean = rng.normal(size=4)
    X = rng.normal(size=(5, 4))
    product = np.sum(stats.norm.logpdf(X, mean, sig), axis=1)
    assert np.allclose(ns["mvn_logpdf"](X, mean, np.diag(sig**2)), product, rtol=1e-12)
    # The worked example of the notebook.
    assert np.isclose(
        ns["mvn_logpdf"]([1.0, 2.0], [0.0, 0.0], np.diag([1.0, 4.0])),
        -1 - np.log(2) - np.log(2 * np.pi),
    )


def test_mvn_density_integrates_to_one_in_two_dimensions(ns: dict[str, Any]) -> None:
    mean = np.array([0.5, -1.0])
    cov = np.array([[1.5, 0.7], [0.7, 1.0]])
    g = np.linspace(-9, 9, 601)
    g1, g2 = np.meshgrid(g, g)
    pts = np.column_stack([g1.ravel(), g2.ravel()])
    dens = np.exp(ns["mvn_logpdf"](pts, mean, cov)).reshape(g1.shape)
    area = integrate.trapezoid(integrate.trapezoid(dens, g, axis=1), g)
    assert np.isclose(area, 1.0, rtol=1e-9)


def test_mvn_logpdf_is_finite_in_784_dimensions(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20008)
    d = 784
    x = rng.normal(size=(3, d))
    for var in (4.0, 0.25):
        cov = var * np.eye(d)
        with np.errstate(over="ignore", under="ignore"):
            assert np.linalg.det(cov) in (0.0, np.inf)  # the notebook's point
        want = -0.5 * (np.sum(x**2, axis=1) / var + d * np.log(var) + d * np.log(2 * np.pi))
        assert np.allclose(ns["mvn_logpdf"](x, np.zeros(d), cov), want, rtol=1e-10)
    assert np.isclose(784 * np.log(4.0), 1086.85, atol=0.005)  # printed in the notebook


def test_mvn_logpdf_checks_symmetry_and_definiteness(ns: dict[str, Any]) -> None:
    cov = np.array([[2.0, 0.6], [0.6, 1.0]])
    ns["mvn_logpdf"](
        [0.0, 0.0], [0.0, 0.0], cov + np.array([[0, 1e-12], [0, 0]])
    )  # rounding: accepted
    for bad in ([[2.0, 0.6], [0.6 + 1e-6, 1.0]], [[1.0, 2.0], [2.0, 1.0]], np.ones((2, 2))):
        for name, args in (
            ("mvn_logpdf", ([0.0, 0.0], [0.0, 0.0], bad)),
            ("sample_mvn", ([0.0, 0.0], bad, 3)),
        ):
            with pytest.raises(ValueError):
                ns[name](*args)


def test_sample_mvn_is_the_cholesky_recipe(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(20009)
    for d, n, seed in ((1, 5, 0), (3, 40, 1), (8, 7, 2)):
        cov = _spd(rng, d)
        mean = rng.normal(size=d)
        got = ns["sample_mvn"](mean, cov, n, seed)
        z = np.random.default_rng(seed).standard_normal((n, d))
        lower = np.linalg.cholesky(cov)
        tol = 4 * (d + 1) * EPS * (np.abs(mean) + np.abs(z) @ np.abs(lower).T)
        assert got.shape == (n, d)
        assert np.all(np.abs(got - (mean + z @ lower.T)) <= tol)
        # numpy's own sampler with the Cholesky method draws the same z and applies the same L.
        ref = np.random.default_rng(seed).multivariate_normal(mean, cov, size=n, method="cholesky")
        assert np.all(np.abs(got - ref) <= tol)
    assert np.array_equal(
        ns["sample_mvn"]([0.0], [[1.0]], 4), ns["sample_mvn"]([0.0], [[1.0]], 4, 0)
    )
    with pytest.raises(ValueError):
        ns["sample_mvn"]([0.0, 0.0], np.eye(2), 0)


def test_sample_mvn_moments_converge_like_one_over_sqrt_n(ns: dict[str, Any]) -> None:
    mean = np.array([1.0, -0.5])
    cov = np.array([[2.0, 1.2], [1.2, 1.0]])
    v = np.diag(cov)
    for n in (1000, 100000):
        x = ns["sample_mvn"](mean, cov, n, seed=n)
        assert np.all(np.abs(x.mean(axis=0) - mean) <= 5 * np.sqrt(v / n))
        se = np.sqrt((np.outer(v, v) + cov**2) / n)
        assert np.all(np.abs(np.cov(x.T) - cov) <= 5 * se)
    # The samples have the density mvn_logpdf computes: a Kolmogorov-Smirnov test of the squared
    # Mahalanobis distances against chi-squared with d = 2 degrees of freedom.
    x = ns["sample_mvn"](mean, cov, 5000, seed=9)
    log_p = ns["mvn_logpdf"](x, mean, cov)
    dist2 = -2 * (log_p + np.log(2 * np.pi) + 0.5 * np.log(np.linalg.det(cov)))
    assert stats.kstest(dist2, stats.chi2(df=2).cdf).pvalue > 1e-3


def test_central_limit_demo_numbers() -> None:
    # The notebook's claim: the skewness of the mean of k exponential draws is 2 / sqrt(k).
    rng = np.random.default_rng(20010)
    for k in (1, 5, 30):
        means = rng.exponential(size=(40000, k)).mean(axis=1)
        assert abs(stats.skew(means) - 2 / np.sqrt(k)) < 0.15
