# %%
import numpy as np

# %% mutant="trapezoid_left_riemann_sum" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Left rectangles: h times the heights at x_0 .. x_{n-1}."""
    if n < 1:
        raise ValueError("n must be at least 1")
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    return float((b - a) / n * np.sum(y[:-1]))

# %% mutant="trapezoid_ends_count_fully" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """h times the sum of all n + 1 heights: the two ends are not halved."""
    if n < 1:
        raise ValueError("n must be at least 1")
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    return float((b - a) / n * np.sum(y))

# %% mutant="trapezoid_n_grid_points" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Off by one: n grid points, so only n - 1 (too wide) sub-intervals."""
    if n < 1:
        raise ValueError("n must be at least 1")
    x = np.linspace(a, b, max(n, 2))
    y = np.asarray(f(x), dtype=float)
    h = x[1] - x[0]
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))

# %% mutant="trapezoid_width_over_n_plus_one" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Counts the n + 1 points as intervals: h = (b - a) / (n + 1)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    h = (b - a) / (n + 1)
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))

# %% mutant="trapezoid_midpoint_rule" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """The midpoint rule: also exact for lines, but not the trapezoid rule."""
    if n < 1:
        raise ValueError("n must be at least 1")
    h = (b - a) / n
    mids = a + h * (np.arange(n) + 0.5)
    return float(h * np.sum(f(mids)))

# %% mutant="trapezoid_simpson_rule" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Simpson's rule on 2n intervals: more accurate, but not trapezoids."""
    if n < 1:
        raise ValueError("n must be at least 1")
    x = np.linspace(a, b, 2 * n + 1)
    y = np.asarray(f(x), dtype=float)
    h = (b - a) / (2 * n)
    return float(h / 3 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2])
                          + 2 * np.sum(y[2:-1:2])))

# %% mutant="trapezoid_swaps_reversed_limits" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Sorts the limits: a > b gives the positive area, not the negative."""
    if n < 1:
        raise ValueError("n must be at least 1")
    a, b = min(a, b), max(a, b)
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    return float((b - a) / n * (np.sum(y) - (y[0] + y[-1]) / 2))

# %% mutant="trapezoid_no_n_check" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """No check of n: n = 0 divides by zero, a negative n gives nonsense."""
    import warnings

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        x = np.linspace(a, b, max(n + 1, 2))
        y = np.asarray(f(x), dtype=float)
        h = np.float64(b - a) / n
        return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))

# %% mutant="gaussian_pdf_no_square_root" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Normaliser sigma * 2π: forgets the square root of 2π."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p = np.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * 2 * np.pi)
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_variance_in_normaliser" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Divides by sigma**2 sqrt(2π): the variance, not the std deviation."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p = np.exp(-((x - mu) ** 2) / (2 * sigma**2))
    p = p / (sigma**2 * np.sqrt(2 * np.pi))
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_exponent_without_half" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """exp(-(x - mu)**2 / sigma**2): forgets the 1/2 in the exponent."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p = np.exp(-((x - mu) ** 2) / sigma**2) / (sigma * np.sqrt(2 * np.pi))
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_exponent_divides_by_sigma" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Divides the squared distance by 2 sigma instead of 2 sigma**2."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p = np.exp(-((x - mu) ** 2) / (2 * sigma)) / (sigma * np.sqrt(2 * np.pi))
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_sigma_as_variance" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Reads sigma as the variance (as for a covariance): width sqrt(sigma)."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    p = np.exp(-((x - mu) ** 2) / (2 * sigma)) / np.sqrt(2 * np.pi * sigma)
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_no_sigma_check" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """No check of sigma: a negative sigma gives negative 'densities'."""
    import warnings

    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        p = np.exp(-((x - mu) ** 2) / (2 * np.float64(sigma) ** 2)) / (
            sigma * np.sqrt(2 * np.pi)
        )
    return float(p) if p.ndim == 0 else p

# %% mutant="gaussian_pdf_no_conversion" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Works on x as given: a list of numbers cannot be subtracted from."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    if np.size(x) == 0:
        raise ValueError("empty")
    bell = np.exp(-((x - mu) ** 2) / (2 * sigma**2))
    return bell / (sigma * np.sqrt(2 * np.pi))

# %% mutant="gaussian_pdf_in_place" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Standardises x in place: the caller's float array is overwritten."""
    if sigma <= 0:
        raise ValueError("sigma must be positive")
    z = np.asarray(x, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    z -= mu
    z /= sigma
    p = np.exp(-(z**2) / 2) / (sigma * np.sqrt(2 * np.pi))
    return float(p) if p.ndim == 0 else p

# %% mutant="kde_sum_not_mean" question="kde"
def kde(points, data, bandwidth):
    """Sums the bells instead of averaging them: an area of n, not 1."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    z = (points[:, None] - data[None, :]) / bandwidth
    total = np.sum(np.exp(-(z**2) / 2), axis=1)
    return total / (bandwidth * np.sqrt(2 * np.pi))

# %% mutant="kde_forgets_bandwidth_in_normaliser" question="kde"
def kde(points, data, bandwidth):
    """Bells exp(-z²/2)/sqrt(2π), z = (x - d)/h: forgets the 1/h, area h."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    z = (points[:, None] - data[None, :]) / bandwidth
    return np.mean(np.exp(-(z**2) / 2), axis=1) / np.sqrt(2 * np.pi)

# %% mutant="kde_bandwidth_as_variance" question="kde"
def kde(points, data, bandwidth):
    """Uses the bandwidth as each bell's variance, not its std deviation."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    diff = points[:, None] - data[None, :]
    bells = np.exp(-(diff**2) / (2 * bandwidth))
    bells = bells / np.sqrt(2 * np.pi * bandwidth)
    return np.mean(bells, axis=1)

# %% mutant="kde_divides_by_n_minus_one" question="kde"
def kde(points, data, bandwidth):
    """Divides the sum of bells by n - 1, as for a sample variance."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    z = (points[:, None] - data[None, :]) / bandwidth
    total = np.sum(np.exp(-(z**2) / 2), axis=1)
    total = total / (bandwidth * np.sqrt(2 * np.pi))
    return total / max(data.size - 1, 1)

# %% mutant="kde_mean_over_the_points" question="kde"
def kde(points, data, bandwidth):
    """Averages over the wrong axis: a value per data value, not per point."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    z = (points[:, None] - data[None, :]) / bandwidth
    avg = np.mean(np.exp(-(z**2) / 2), axis=0)
    return avg / (bandwidth * np.sqrt(2 * np.pi))

# %% mutant="kde_no_bandwidth_check" question="kde"
def kde(points, data, bandwidth):
    """No bandwidth check: 0 gives nan, a negative one negative densities."""
    import warnings

    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        h = np.float64(bandwidth)
        z = (points[:, None] - data[None, :]) / h
        return np.mean(np.exp(-(z**2) / 2), axis=1) / (h * np.sqrt(2 * np.pi))

# %% mutant="kde_sorts_data_in_place" question="kde"
def kde(points, data, bandwidth):
    """Sorts the data in place (harmless for the result, not the caller)."""
    if bandwidth <= 0:
        raise ValueError("bandwidth must be positive")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if points.size == 0 or data.size == 0:
        raise ValueError("empty")
    data.sort()
    z = (points[:, None] - data[None, :]) / bandwidth
    avg = np.mean(np.exp(-(z**2) / 2), axis=1)
    return avg / (bandwidth * np.sqrt(2 * np.pi))

# %% mutant="mvn_logpdf_whole_log_determinant" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Subtracts log det(cov) = 2 sum(log L_ii) instead of half of it."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - 2 * np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_quadratic_with_cov" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Uses r^T cov r in the exponent instead of r^T cov^{-1} r."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    R = rows - mean
    quad = np.sum((R @ cov) * R, axis=1)
    out = (-0.5 * quad - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_via_determinant" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """The textbook formula with inv and det: inf or nan in high dimension."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    np.linalg.cholesky(cov)  # the positive-definiteness check
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    R = rows - mean
    quad = np.sum((R @ np.linalg.inv(cov)) * R, axis=1)
    with np.errstate(all="ignore"):
        out = (-0.5 * quad - 0.5 * np.log(np.linalg.det(cov))
               - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_solves_with_the_transpose" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Solves L^T y = r instead of L y = r: the wrong triangle."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L.T, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_one_sqrt_two_pi" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Normalises by sqrt(2π) once, as in 1-D, instead of (2π)^(d/2)."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_no_symmetry_check" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Trusts Cholesky, which reads one triangle: accepts an asymmetric cov."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_exact_symmetry" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Demands cov == cov.T exactly: rejects a rounding-size asymmetry."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if not np.array_equal(cov, cov.T):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_squeezes_one_row" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Squeezes the result: X of shape (1, d) gives a float, not shape (1,)."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    rows = np.atleast_2d(X)
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError("bad shapes")
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if out.size == 1 else out

# %% mutant="mvn_logpdf_no_shape_checks" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """No shape checks: a mean of the wrong length is silently broadcast."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    d = cov.shape[0]
    rows = np.atleast_2d(X)
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, (rows - mean).T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if X.ndim == 1 else out

# %% mutant="mvn_logpdf_centres_in_place" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Subtracts the mean from X in place: the caller's data are shifted."""
    X, mean, cov = (np.asarray(a, dtype=float) for a in (X, mean, cov))
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad shapes")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    single = X.ndim == 1
    if X.ndim not in (1, 2) or X.shape[-1] != d or X.size == 0:
        raise ValueError("bad shapes")
    X -= mean
    rows = X.reshape(-1, d)
    L = np.linalg.cholesky(cov)
    Y = np.linalg.solve(L, rows.T)
    out = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
           - 0.5 * d * np.log(2 * np.pi))
    return float(out[0]) if single else out

# %% mutant="sample_mvn_without_transpose" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """mean + z @ L: rows mean + L^T z_i, covariance L^T L instead of cov."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    L = np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ L

# %% mutant="sample_mvn_scales_by_cov" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """mean + z @ cov: forgets the square root, so the covariance is cov²."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ cov

# %% mutant="sample_mvn_ignores_correlation" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Scales each coordinate by its own std deviation: loses correlations."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z * np.sqrt(np.diag(cov))

# %% mutant="sample_mvn_draws_transposed_noise" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Draws z of shape (d, n), computes (L z)^T: right law, other numbers."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    L = np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((d, n))
    return mean + (L @ z).T

# %% mutant="sample_mvn_generator_method" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """The generator's multivariate_normal (SVD by default): other numbers."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    np.linalg.cholesky(cov)
    return np.random.default_rng(seed).multivariate_normal(mean, cov, size=n)

# %% mutant="sample_mvn_eigen_square_root" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """The symmetric square root V sqrt(Λ) V^T, not the Cholesky factor."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    np.linalg.cholesky(cov)
    lam, V = np.linalg.eigh(cov)
    root = V @ np.diag(np.sqrt(lam)) @ V.T
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ root.T

# %% mutant="sample_mvn_legacy_global_seed" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Seeds numpy's legacy global generator: a different stream of numbers."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    L = np.linalg.cholesky(cov)
    z = np.random.RandomState(seed).standard_normal((n, d))
    return mean + z @ L.T

# %% mutant="sample_mvn_no_n_check" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """No check of n: n = 0 returns an empty array instead of an error."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d):
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    L = np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((max(n, 0), d))
    return mean + z @ L.T

# %% mutant="sample_mvn_no_symmetry_check" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Trusts Cholesky, which reads one triangle: accepts an asymmetric cov."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    L = np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ L.T

# %% mutant="sample_mvn_jitters_cov_in_place" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Adds a 'stabilising' jitter to cov's diagonal in place: the caller's."""
    mean, cov = np.asarray(mean, dtype=float), np.asarray(cov, dtype=float)
    d = mean.size
    if mean.ndim != 1 or d == 0 or cov.shape != (d, d) or n < 1:
        raise ValueError("bad input")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov not symmetric")
    cov[np.diag_indices(d)] += 1e-9
    L = np.linalg.cholesky(cov)
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ L.T

# %% variant="trapezoid_loop" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Correct: a loop adding one trapezoid at a time; a numpy scalar."""
    if n < 1:
        raise ValueError("need at least one sub-interval")
    h = (b - a) / n
    x = np.array([a + k * h for k in range(n)] + [b], dtype=float)
    y = f(x)
    total = np.float64(0.0)
    for k in range(n):
        total += h * (y[k] + y[k + 1]) / 2
    return total

# %% variant="trapezoid_weights_vector" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Correct: a weight vector (1/2, 1, ..., 1, 1/2) times the heights."""
    import math

    if n < 1:
        raise ValueError(f"bad n: {n}")
    x = np.linspace(a, b, n + 1)
    w = np.ones(n + 1)
    w[0] = w[-1] = 0.5
    heights = f(x)
    return math.fsum(w * heights) * (b - a) / n

# %% variant="trapezoid_diff_form" question="trapezoid"
def trapezoid(f, a, b, n=1000):
    """Correct: widths (np.diff) times the mean heights of the strips."""
    if not n >= 1:
        raise ValueError("n < 1")
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    return float(np.sum(np.diff(x) * (y[1:] + y[:-1]) / 2))

# %% variant="gaussian_pdf_via_log" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Correct: exp of the log-density; returns a numpy scalar for scalar x."""
    if sigma <= 0:
        raise ValueError("sigma <= 0 is not a width")
    arr = np.array(x, dtype=np.float64)
    if arr.size == 0:
        raise ValueError("x is empty")
    log_p = (-((arr - mu) ** 2) / (2.0 * sigma * sigma) - np.log(sigma)
             - 0.5 * np.log(2 * np.pi))
    out = np.exp(log_p)
    return out[()] if out.ndim == 0 else out

# %% variant="gaussian_pdf_math_module" question="gaussian_pdf"
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """Correct: math.exp point by point, reshaped like x."""
    import math

    if not sigma > 0:
        raise ValueError("need sigma > 0")
    arr = np.asarray(x, dtype=float)
    if arr.size == 0:
        raise ValueError("empty x")
    c = 1.0 / (sigma * math.sqrt(2.0 * math.pi))
    vals = [c * math.exp(-0.5 * ((v - mu) / sigma) ** 2) for v in arr.ravel()]
    if arr.ndim == 0:
        return vals[0]
    return np.array(vals).reshape(arr.shape)

# %% variant="kde_loop_over_data" question="kde"
def kde(points, data, bandwidth):
    """Correct: adds one bell per data value in a loop, then divides by n."""
    import math

    if bandwidth <= 0:
        raise ValueError("the bandwidth must be > 0")
    pts = np.asarray(points, dtype=float)
    dat = list(np.asarray(data, dtype=float).ravel())
    if not dat or pts.size == 0:
        raise ValueError("nothing to estimate from")
    total = np.zeros_like(pts)
    for d in dat:
        total = total + np.exp(-((pts - d) ** 2) / (2 * bandwidth**2))
    return total / (len(dat) * bandwidth * math.sqrt(2 * math.pi))

# %% variant="kde_list_comprehension" question="kde"
def kde(points, data, bandwidth):
    """Correct: one mean per point, in a list comprehension over the points."""
    if not bandwidth > 0:
        raise ValueError("bad bandwidth")
    data = np.asarray(data, dtype=float)
    points = np.asarray(points, dtype=float)
    if len(data) == 0 or len(points) == 0:
        raise ValueError("empty")
    norm = bandwidth * np.sqrt(2 * np.pi)
    return np.array(
        [np.mean(np.exp(-0.5 * ((p - data) / bandwidth) ** 2)) / norm
         for p in points]
    )

# %% variant="mvn_logpdf_forward_substitution" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Correct: forward substitution by hand, row by row; numpy scalars."""
    X = np.asarray(X, dtype=float)
    mu = np.asarray(mean, dtype=float)
    S = np.asarray(cov, dtype=float)
    if mu.ndim != 1 or len(mu) == 0:
        raise ValueError("mean must be a non-empty vector")
    d = len(mu)
    if S.shape != (d, d):
        raise ValueError("cov has the wrong shape")
    if np.abs(S - S.T).max() > 1e-10 * np.abs(S).max():
        raise ValueError("cov is not symmetric")
    if X.ndim not in (1, 2) or X.shape[-1] != d or (
        X.ndim == 2 and len(X) == 0
    ):
        raise ValueError("X has the wrong shape")
    L = np.linalg.cholesky(S)
    half_logdet = np.sum(np.log(np.diag(L)))
    out = []
    for x in X.reshape(-1, d):
        r = x - mu
        y = np.zeros(d)
        for i in range(d):
            y[i] = (r[i] - np.sum(L[i, :i] * y[:i])) / L[i, i]
        quad = np.sum(y * y)
        out.append(-0.5 * quad - half_logdet - d / 2 * np.log(2 * np.pi))
    return out[0] if X.ndim == 1 else np.array(out)

# %% variant="mvn_logpdf_scipy_triangular" question="mvn_logpdf"
def mvn_logpdf(X, mean, cov):
    """Correct: scipy.linalg's cholesky and solve_triangular."""
    from scipy import linalg

    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    d = mean.shape[0] if mean.ndim == 1 else -1
    if d < 1 or cov.shape != (d, d):
        raise ValueError("mean and cov do not fit")
    if not np.allclose(cov, cov.T, rtol=0, atol=1e-10 * np.abs(cov).max()):
        raise ValueError("asymmetric cov")
    rows = X.reshape(1, -1) if X.ndim == 1 else X
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] < 1:
        raise ValueError("X does not fit")
    try:
        L = linalg.cholesky(cov, lower=True)
    except linalg.LinAlgError as exc:
        raise ValueError("cov is not positive definite") from exc
    Y = linalg.solve_triangular(L, (rows - mean).T, lower=True)
    res = -0.5 * np.einsum("ij,ij->j", Y, Y) - np.log(np.diag(L)).sum()
    res = res - 0.5 * d * np.log(2 * np.pi)
    return float(res[0]) if X.ndim == 1 else res

# %% variant="sample_mvn_row_by_row" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Correct: mean + L z_i for each row, with other error messages."""
    m = np.asarray(mean, dtype=float)
    C = np.asarray(cov, dtype=float)
    if m.ndim != 1 or m.size < 1 or C.shape != (m.size, m.size):
        raise ValueError("mean (d,) and cov (d, d) are required")
    if np.abs(C - C.T).max() > 1e-10 * np.abs(C).max():
        raise ValueError("a covariance matrix is symmetric")
    if n < 1:
        raise ValueError("ask for at least one sample")
    L = np.linalg.cholesky(C)
    z = np.random.default_rng(seed).standard_normal((n, m.size))
    return np.array([m + L @ zi for zi in z])

# %% variant="sample_mvn_own_cholesky" question="sample_mvn"
def sample_mvn(mean, cov, n, seed=0):
    """Correct: a hand-written Cholesky-Banachiewicz factor, a column loop."""
    import math

    m = np.asarray(mean, dtype=float)
    C = np.asarray(cov, dtype=float)
    d = m.size
    if m.ndim != 1 or d == 0 or C.shape != (d, d) or n < 1:
        raise ValueError("invalid input")
    if np.abs(C - C.T).max() > 1e-10 * np.abs(C).max():
        raise ValueError("invalid input: cov not symmetric")
    L = np.zeros((d, d))
    for i in range(d):
        for j in range(i + 1):
            s = C[i, j] - sum(L[i, k] * L[j, k] for k in range(j))
            if i == j:
                if s <= 0:
                    raise ValueError("cov is not positive definite")
                L[i, i] = math.sqrt(s)
            else:
                L[i, j] = s / L[j, j]
    z = np.random.default_rng(seed).standard_normal((n, d))
    out = np.empty((n, d))
    for i in range(d):
        out[:, i] = m[i] + np.sum(z * L[i], axis=1)
    return out
