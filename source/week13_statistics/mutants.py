# %%
import numpy as np

# %% mutant="mle_variance_ddof_1" question="gaussian_mle"
def gaussian_mle(x):
    """The unbiased sample variance (divides by n - 1), not the ML one."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return float(np.mean(x)), float(np.var(x, ddof=1))

# %% mutant="mle_one_pass_variance" question="gaussian_mle"
def gaussian_mle(x):
    """mean(x**2) - mean(x)**2: loses every digit for data far from 0."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    mean = np.mean(x)
    return float(mean), float(np.mean(x**2) - mean**2)

# %% mutant="mle_returns_std" question="gaussian_mle"
def gaussian_mle(x):
    """Returns the standard deviation (like scipy's norm.fit scale)."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return float(np.mean(x)), float(np.std(x))

# %% mutant="mle_variance_around_zero" question="gaussian_mle"
def gaussian_mle(x):
    """Forgets to subtract the mean: the mean of the squares."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return float(np.mean(x)), float(np.mean(x**2))

# %% mutant="mle_no_empty_check" question="gaussian_mle"
def gaussian_mle(x):
    """No check: an empty sample gives (nan, nan) instead of an error."""
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mean = np.mean(x)
            return float(mean), float(np.mean((x - mean) ** 2))

# %% mutant="sigmoid_naive_overflow" question="sigmoid"
def sigmoid(z):
    """1 / (1 + exp(-z)) everywhere: exp(-z) overflows for z < -709."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return 1.0 / (1.0 + np.exp(-z))

# %% mutant="sigmoid_naive_other_form" question="sigmoid"
def sigmoid(z):
    """exp(z) / (1 + exp(z)) everywhere: inf / inf = nan for large z."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return np.exp(z) / (1.0 + np.exp(z))

# %% mutant="sigmoid_tanh_form" question="sigmoid"
def sigmoid(z):
    """(1 + tanh(z/2)) / 2: no overflow, but the negative tail rounds to 0."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return 0.5 * (1.0 + np.tanh(z / 2.0))

# %% mutant="sigmoid_clips_scores" question="sigmoid"
def sigmoid(z):
    """Clips z to [-500, 500] to avoid the overflow: wrong far tail."""
    z = np.clip(np.asarray(z, dtype=float), -500.0, 500.0)
    if z.size == 0:
        raise ValueError("empty")
    return 1.0 / (1.0 + np.exp(-z))

# %% mutant="sigmoid_sign_error" question="sigmoid"
def sigmoid(z):
    """1 / (1 + exp(z)): sigma(-z) instead of sigma(z)."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(-np.abs(z))
    return np.where(z <= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% mutant="sigmoid_in_place" question="sigmoid"
def sigmoid(z):
    """Stable, but overwrites the caller's array while computing."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    negative = z < 0
    np.abs(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    return np.where(negative, z / (1.0 + z), 1.0 / (1.0 + z))

# %% mutant="loss_log_of_sigmoid" question="logistic_loss"
def logistic_loss(w, X, y):
    """-y log p - (1-y) log(1-p): inf when p rounds to 0 or 1."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))

# %% mutant="loss_clipped_probabilities" question="logistic_loss"
def logistic_loss(w, X, y):
    """Week 11's clipped binary cross-entropy: a confident mistake is 27.6."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))

# %% mutant="loss_sum_not_mean" question="logistic_loss"
def logistic_loss(w, X, y):
    """The sum over samples instead of the mean."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    return float(np.sum(np.logaddexp(0.0, z) - y * z))

# %% mutant="loss_plus_minus_one_formula" question="logistic_loss"
def logistic_loss(w, X, y):
    """log(1 + exp(-y z)), the formula for labels in {-1, +1}, used on 0/1."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    return float(np.mean(np.logaddexp(0.0, -y * (X @ w))))

# %% mutant="loss_in_bits" question="logistic_loss"
def logistic_loss(w, X, y):
    """Base-2 logarithm (week 11's default) instead of the natural log."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    return float(np.mean(np.logaddexp2(0.0, z / np.log(2.0)) - y * z
                         / np.log(2.0)))

# %% mutant="loss_no_label_check" question="logistic_loss"
def logistic_loss(w, X, y):
    """Accepts any labels, and y of the wrong length if it broadcasts."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],):
        raise ValueError("bad input")
    z = X @ w
    return float(np.mean(np.logaddexp(0.0, z) - y * z))

# %% mutant="grad_no_one_over_n" question="logistic_grad"
def logistic_grad(w, X, y):
    """The gradient of the summed loss: forgets the 1/N."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return X.T @ (p - y)

# %% mutant="grad_true_minus_predicted" question="logistic_grad"
def logistic_grad(w, X, y):
    """X.T (y - p) / N: the sign error, a direction of ascent."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return X.T @ (y - p) / X.shape[0]

# %% mutant="grad_extra_sigmoid_slope" question="logistic_grad"
def logistic_grad(w, X, y):
    """Multiplies by sigma'(z) = p (1 - p), as for a squared error."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return X.T @ ((p - y) * p * (1 - p)) / X.shape[0]

# %% mutant="grad_naive_sigmoid" question="logistic_grad"
def logistic_grad(w, X, y):
    """sigmoid as exp(z) / (1 + exp(z)): nan for large scores."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    p = np.exp(z) / (1.0 + np.exp(z))
    return X.T @ (p - y) / X.shape[0]

# %% mutant="grad_factor_two" question="logistic_grad"
def logistic_grad(w, X, y):
    """2/N, a habit from the mean squared error of week 8."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    if X.ndim != 2 or X.size == 0 or w.shape != (X.shape[1],) or (
            y.shape != (X.shape[0],)) or not np.all((y == 0) | (y == 1)):
        raise ValueError("bad input")
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return 2.0 * X.T @ (p - y) / X.shape[0]

# %% mutant="grad_no_checks" question="logistic_grad"
def logistic_grad(w, X, y):
    """No checks: labels 3 or a y of the wrong length go unnoticed."""
    w, X, y = (np.asarray(a, dtype=float) for a in (w, X, y))
    z = np.atleast_2d(X) @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return np.atleast_2d(X).T @ (p - y[: len(p)]) / max(len(p), 1)

# %% mutant="fit_starts_at_ones" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Starts at w = 1 instead of w = 0."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.ones(X.shape[1])
    for _ in range(n_steps):
        w = w - lr * X.T @ (1 / (1 + np.exp(-(X @ w))) - y) / len(y)
    return w

# %% mutant="fit_one_step_short" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Off by one: n_steps - 1 steps."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps - 1):
        w = w - lr * X.T @ (1 / (1 + np.exp(-(X @ w))) - y) / len(y)
    return w

# %% mutant="fit_one_step_too_many" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Off by one: range(n_steps + 1)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps + 1):
        w = w - lr * X.T @ (1 / (1 + np.exp(-(X @ w))) - y) / len(y)
    return w

# %% mutant="fit_ascent" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """w + lr * grad: walks uphill."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        w = w + lr * X.T @ (1 / (1 + np.exp(-(X @ w))) - y) / len(y)
    return w

# %% mutant="fit_summed_gradient" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Gradient of the sum, not the mean: steps N times too large."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        w = w - lr * X.T @ (1 / (1 + np.exp(-(X @ w))) - y)
    return w

# %% mutant="fit_gradient_at_start_only" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Computes the gradient once, at w = 0, and reuses it."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    w = np.zeros(X.shape[1])
    g = X.T @ (0.5 - y) / len(y)
    for _ in range(n_steps):
        w = w - lr * g
    return w

# %% mutant="fit_adds_bias_column" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Adds a bias column although X already carries one: d + 1 weights."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or not np.all(
            (y == 0) | (y == 1)) or n_steps < 0:
        raise ValueError("bad input")
    A = np.column_stack([np.ones(len(y)), X])
    w = np.zeros(A.shape[1])
    for _ in range(n_steps):
        w = w - lr * A.T @ (1 / (1 + np.exp(-(A @ w))) - y) / len(y)
    return w

# %% variant="mle_numpy_scalars" question="gaussian_mle"
def gaussian_mle(x):
    """Correct: np.mean and np.var (ddof=0), returned as numpy scalars."""
    x = np.asarray(x)
    if len(x) == 0:
        raise ValueError("cannot fit a Gaussian to no data")
    return np.mean(x), np.var(x)

# %% variant="mle_statistics_module" question="gaussian_mle"
def gaussian_mle(x):
    """Correct: Python's statistics module (exact rational arithmetic)."""
    import statistics

    values = [float(v) for v in x]
    if not values:
        raise ValueError("empty sample")
    return statistics.fmean(values), statistics.pvariance(values)

# %% variant="mle_welford_loop" question="gaussian_mle"
def gaussian_mle(x):
    """Correct: Welford's one-pass update, a list in, a tuple out."""
    count, mean, m2 = 0, 0.0, 0.0
    for value in np.ravel(x):
        count += 1
        delta = float(value) - mean
        mean += delta / count
        m2 += delta * (float(value) - mean)
    if count == 0:
        raise ValueError("need at least one value")
    return mean, m2 / count

# %% variant="sigmoid_logaddexp" question="sigmoid"
def sigmoid(z):
    """Correct: exp(-log(1 + exp(-z))) with np.logaddexp."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty input")
    return np.exp(-np.logaddexp(0.0, -z))

# %% variant="sigmoid_boolean_masks" question="sigmoid"
def sigmoid(z):
    """Correct: each formula only on the entries where it is safe."""
    z = np.array(z, dtype=float)
    if not z.size:
        raise ValueError("sigmoid of nothing")
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out

# %% variant="sigmoid_math_vectorize" question="sigmoid"
def sigmoid(z):
    """Correct: math.exp per entry, branching on the sign."""
    import math

    def one(t):
        if t >= 0:
            return 1.0 / (1.0 + math.exp(-t))
        e = math.exp(t)
        return e / (1.0 + e)

    arr = np.asarray(z, dtype=float)
    if arr.size == 0:
        raise ValueError("no scores")
    return np.vectorize(one, otypes=[float])(arr)

# %% variant="loss_two_softplus_terms" question="logistic_loss"
def logistic_loss(w, X, y):
    """Correct: y softplus(-z) + (1 - y) softplus(z), softplus by hand."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or 0 in X.shape:
        raise ValueError("X must be 2-D and non-empty")
    w = np.asarray(w, dtype=float).reshape(-1)
    y = np.asarray(y).reshape(-1)
    if w.size != X.shape[1] or y.size != X.shape[0]:
        raise ValueError("shapes do not match")
    if not set(np.unique(y).tolist()) <= {0, 1}:
        raise ValueError("labels must be 0/1")

    def softplus(t):
        return np.maximum(t, 0.0) + np.log1p(np.exp(-np.abs(t)))

    z = X @ w
    return np.mean(y * softplus(-z) + (1 - y) * softplus(z))

# %% variant="loss_python_loop" question="logistic_loss"
def logistic_loss(w, X, y):
    """Correct: one sample at a time with math.log1p, math.fsum."""
    import math

    rows = np.asarray(X, dtype=float)
    w = [float(v) for v in w]
    y = [float(v) for v in y]
    if rows.ndim != 2 or rows.size == 0:
        raise ValueError("X must be a non-empty matrix")
    if len(w) != rows.shape[1] or len(y) != rows.shape[0]:
        raise ValueError("wrong lengths")
    total = []
    for row, label in zip(rows, y):
        if label not in (0.0, 1.0):
            raise ValueError("labels are 0 or 1")
        z = math.fsum(a * b for a, b in zip(row, w))
        softplus = max(z, 0.0) + math.log1p(math.exp(-abs(z)))
        total.append(softplus - label * z)
    return math.fsum(total) / len(total)

# %% variant="loss_two_class_log_softmax" question="logistic_loss"
def logistic_loss(w, X, y):
    """Correct: week 12's cross-entropy for the two logits (0, z)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.size == 0 or np.shape(w) != (X.shape[1],):
        raise ValueError("X and w do not fit")
    if y.shape != (len(X),) or np.any((y != 0) & (y != 1)):
        raise ValueError("need one 0/1 label per row")
    z = X @ np.asarray(w, dtype=float)
    logits = np.column_stack([np.zeros_like(z), z])
    m = logits.max(axis=1, keepdims=True)
    log_p = logits - m - np.log(np.exp(logits - m).sum(axis=1,
                                                       keepdims=True))
    return float(-np.mean(log_p[np.arange(len(y)), y.astype(int)]))

# %% variant="grad_uses_own_sigmoid_list" question="logistic_grad"
def logistic_grad(w, X, y):
    """Correct: calls the notebook's sigmoid, returns a Python list."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be (N, d)")
    w = np.asarray(w, dtype=float)
    y = np.asarray(y, dtype=float)
    if w.shape != X.shape[1:] or y.shape != X.shape[:1]:
        raise ValueError("w or y has the wrong length")
    if np.any((y != 0.0) & (y != 1.0)):
        raise ValueError("labels must be 0 or 1")
    p = np.asarray(sigmoid(X @ w))
    return list(np.mean((p - y)[:, None] * X, axis=0))

# %% variant="grad_sample_loop" question="logistic_grad"
def logistic_grad(w, X, y):
    """Correct: sums the pull of each sample along its feature vector."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("bad X")
    w = np.asarray(w, dtype=float)
    if len(w) != X.shape[1] or len(y) != X.shape[0]:
        raise ValueError("bad lengths")
    grad = np.zeros(X.shape[1])
    for x_i, y_i in zip(X, y):
        if y_i not in (0, 1):
            raise ValueError("bad label")
        z = float(x_i @ w)
        p = np.exp(-np.logaddexp(0.0, -z))
        grad += (p - y_i) * x_i
    return grad / X.shape[0]

# %% variant="fit_calls_logistic_grad" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Correct: the hint's loop around the notebook's logistic_grad."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a non-empty matrix")
    if n_steps < 0:
        raise ValueError("n_steps must not be negative")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        w = w - lr * np.asarray(logistic_grad(w, X, y), dtype=float)
    return w

# %% variant="fit_while_loop_list" question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Correct: a while loop, stable sigmoid inline, a list returned."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or len(y) != len(X):
        raise ValueError("X and y do not fit")
    if not np.isin(y, [0.0, 1.0]).all():
        raise ValueError("labels must be 0 or 1")
    if n_steps < 0:
        raise ValueError("negative n_steps")
    w = np.zeros(X.shape[1])
    step = 0
    while step < n_steps:
        z = X @ w
        p = np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))
        w = w - lr * (X.T @ (p - y)) / len(y)
        step += 1
    return w.tolist()
