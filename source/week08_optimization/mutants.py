# %%
import numpy as np

# %% mutant="gd_without_x0" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    trajectory = []
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory).reshape(n_steps, x.size)

# %% mutant="gd_one_step_short" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    trajectory = [x]
    for _ in range(n_steps - 1):
        x = x - lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_ascent" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    trajectory = [x]
    for _ in range(n_steps):
        x = x + lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_in_place_aliasing" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    x = np.asarray(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    trajectory = [x]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_gradient_at_start_only" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    g = np.asarray(grad(x), dtype=float)
    trajectory = [x]
    for _ in range(n_steps):
        x = x - lr * g
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_list_gradient_unwrapped" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Multiplies lr by grad(x) as returned: a list makes a TypeError."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    trajectory = [x]
    for _ in range(n_steps):
        x = x - lr * grad(x)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_int_start_updated_in_place" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Copies before an in-place update, but keeps x0's integer dtype."""
    x = np.array(x0)
    if x.ndim != 1 or x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    trajectory = [x]
    for _ in range(n_steps):
        x = x.copy()
        x -= lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory, dtype=float)

# %% mutant="gd_accepts_a_matrix" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Checks only for emptiness: a matrix or a number is taken as x0."""
    x = np.array(x0, dtype=float)
    if x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    trajectory = [x]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="gd_negative_steps_allowed" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """n_steps = -1 silently returns the start."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("bad x0")
    trajectory = [x]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad(x), dtype=float)
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_in_place_aliasing" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """x -= lr * v on the stored array: every row is the same array."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x -= lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_list_gradient_unwrapped" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """v starts as the number 0.0: 0.0 + a list gradient is a TypeError."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    v = 0.0
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + grad(x)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_int_start_updated_in_place" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """Copies before an in-place update, but keeps x0's integer dtype."""
    x = np.array(x0)
    if x.ndim != 1 or x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    v = np.zeros(x.shape)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x = x.copy()
        x -= lr * v
        trajectory.append(x)
    return np.array(trajectory, dtype=float)

# %% mutant="momentum_accepts_a_matrix" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """Checks only for emptiness: a matrix or a number is taken as x0."""
    x = np.array(x0, dtype=float)
    if x.size == 0 or n_steps < 0:
        raise ValueError("bad x0 or n_steps")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_negative_steps_allowed" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """n_steps = -1 silently returns the start."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("bad x0")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_sign_error" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v - np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_step_before_velocity" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        g = np.asarray(grad(x), dtype=float)
        x = x - lr * v
        v = beta * v + g
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_ema_velocity" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    v = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + (1 - beta) * np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_v0_is_gradient" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    v = np.asarray(grad(x), dtype=float)
    trajectory = [x]
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory)

# %% mutant="momentum_without_x0" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    x = np.array(x0, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    v = np.zeros_like(x)
    trajectory = []
    for _ in range(n_steps):
        v = beta * v + np.asarray(grad(x), dtype=float)
        x = x - lr * v
        trajectory.append(x)
    return np.array(trajectory).reshape(n_steps, x.size)

# %% mutant="critical_one_over_lambda" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    if not np.allclose(H, H.T):
        raise ValueError("symmetric please")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] <= 0:
        raise ValueError("positive definite please")
    return float(1.0 / eigenvalues[-1])

# %% mutant="critical_uses_lambda_min" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    if not np.allclose(H, H.T):
        raise ValueError("symmetric please")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] <= 0:
        raise ValueError("positive definite please")
    return float(2.0 / eigenvalues[0])

# %% mutant="critical_no_symmetry_check" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] <= 0:
        raise ValueError("positive definite please")
    return float(2.0 / eigenvalues[-1])

# %% mutant="critical_abs_eigenvalues" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    if not np.allclose(H, H.T):
        raise ValueError("symmetric please")
    return float(2.0 / np.max(np.abs(np.linalg.eigvalsh(H))))

# %% mutant="critical_allows_zero_eigenvalue" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    if not np.allclose(H, H.T):
        raise ValueError("symmetric please")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] < 0:
        raise ValueError("positive semidefinite please")
    return float(2.0 / eigenvalues[-1])

# %% mutant="critical_largest_diagonal" question="critical_learning_rate"
def critical_learning_rate(H):
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("square please")
    if not np.allclose(H, H.T):
        raise ValueError("symmetric please")
    if np.linalg.eigvalsh(H)[0] <= 0:
        raise ValueError("positive definite please")
    return float(2.0 / np.max(np.diag(H)))

# %% mutant="linreg_no_factor_two" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_steps):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / len(y), b - lr * np.mean(r)
    return w, float(b)

# %% mutant="linreg_sum_not_mean" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    w, b = np.zeros(X.shape[1]), 0.0
    with np.errstate(all="ignore"):
        for _ in range(n_steps):
            r = X @ w + b - y
            w, b = w - lr * 2 * X.T @ r, b - lr * 2 * np.sum(r)
    return w, float(b)

# %% mutant="linreg_bias_not_updated" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_steps):
        r = X @ w + b - y
        w = w - lr * 2 * X.T @ r / len(y)
    return w, float(b)

# %% mutant="linreg_sequential_update" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_steps):
        w = w - lr * 2 * X.T @ (X @ w + b - y) / len(y)
        b = b - lr * 2 * np.mean(X @ w + b - y)
    return w, float(b)

# %% mutant="linreg_gradient_sign" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad shapes")
    w, b = np.zeros(X.shape[1]), 0.0
    with np.errstate(all="ignore"):
        for _ in range(n_steps):
            r = y - X @ w - b
            w, b = w - lr * 2 * X.T @ r / len(y), b - lr * 2 * np.mean(r)
    return w, float(b)

# %% mutant="linreg_no_shape_check" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_steps):
        r = X @ w + b - y
        w, b = w - lr * 2 * X.T @ r / len(y), b - lr * 2 * np.mean(r)
    return w, float(b)

# %% [markdown]
# ## Variants
#
# Correct answers written the way a student who never saw the solution might:
# each must score full marks (the tests check the contract, not habits).

# %% variant="gd_list_of_rows_vstack" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Appends copies of a point updated in place, then np.vstack."""
    x = np.array(x0, dtype=float)
    if x.size == 0 or x.ndim != 1 or n_steps < 0:
        raise ValueError("x0 must be a non-empty vector, n_steps >= 0")
    rows = [x.copy()]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad(x.copy()), dtype=float)
        rows.append(x.copy())
    return np.vstack(rows)

# %% variant="gd_rows_of_preallocated_array" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Row k + 1 computed from row k of a preallocated float array."""
    start = np.asarray(x0, dtype=float)
    if start.ndim != 1 or len(start) == 0:
        raise ValueError("empty x0")
    if n_steps < 0:
        raise ValueError("negative n_steps")
    path = np.zeros((n_steps + 1, len(start)))
    path[0] = start
    for k in range(n_steps):
        g = np.asarray(grad(path[k].copy()), dtype=float)
        path[k + 1] = path[k] - lr * g
    return path

# %% variant="gd_nested_lists" question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Keeps the points as Python lists and returns a list of lists."""
    if np.ndim(x0) != 1 or len(x0) == 0:
        raise ValueError("x0 must be a non-empty list of numbers")
    if n_steps < 0:
        raise ValueError("n_steps must not be negative")
    x = [float(t) for t in x0]
    trajectory = [list(x)]
    for _ in range(n_steps):
        g = [float(t) for t in np.ravel(grad(np.array(x)))]
        x = [a - lr * b for a, b in zip(x, g)]
        trajectory.append(list(x))
    return trajectory

# %% variant="critical_cholesky_2norm" question="critical_learning_rate"
def critical_learning_rate(H):
    """Cholesky decides positive definiteness; the 2-norm of an SPD matrix
    is its largest eigenvalue. Returns a numpy scalar."""
    H = np.array(H, dtype=float)
    if H.ndim != 2 or H.size == 0 or H.shape[0] != H.shape[1]:
        raise ValueError("H must be square and non-empty")
    if not np.array_equal(H, H.T):
        raise ValueError("H is not symmetric")
    try:
        np.linalg.cholesky(H)
    except np.linalg.LinAlgError as error:
        raise ValueError("H is not positive definite") from error
    return 2 / np.linalg.norm(H, 2)

# %% variant="critical_power_iteration" question="critical_learning_rate"
def critical_learning_rate(H):
    """Power iteration with the Rayleigh quotient for lambda_max; Sylvester's
    criterion (leading minors > 0) for positive definiteness."""
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] == 0 or H.shape[0] != H.shape[1]:
        raise ValueError("need a non-empty square matrix")
    if not np.allclose(H, H.T):
        raise ValueError("need a symmetric matrix")
    n = H.shape[0]
    for k in range(1, n + 1):
        if np.linalg.det(H[:k, :k]) <= 0:
            raise ValueError("need a positive definite matrix")
    v = np.random.default_rng(0).normal(size=n)
    v = v / np.linalg.norm(v)
    lam = v @ H @ v
    for _ in range(100_000):
        w = H @ v
        v = w / np.linalg.norm(w)
        new = v @ H @ v
        if abs(new - lam) <= 1e-15 * abs(new):
            break
        lam = new
    return float(2.0 / new)

# %% variant="critical_general_eigvals" question="critical_learning_rate"
def critical_learning_rate(H):
    """np.linalg.eigvals (the general solver) and the real parts."""
    H = np.asarray(H)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.shape[0] < 1:
        raise ValueError("H must be an n x n matrix with n >= 1")
    if np.abs(H - H.T).max() > 1e-9 * np.abs(H).max():
        raise ValueError("H must equal its transpose")
    eig = np.linalg.eigvals(H).real
    if eig.min() <= 0:
        raise ValueError("H has an eigenvalue <= 0: not a bowl")
    return 2 / eig.max()

# %% variant="momentum_scaled_velocity" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """The equivalent form with the step s = lr v: s <- beta s + lr grad,
    x <- x - s."""
    x = np.asarray(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be a non-empty vector")
    if n_steps < 0:
        raise ValueError("cannot take a negative number of steps")
    s = np.zeros(x.size)
    out = np.empty((n_steps + 1, x.size))
    out[0] = x
    for k in range(n_steps):
        s = beta * s + lr * np.asarray(grad(x), dtype=float)
        x = x - s
        out[k + 1] = x
    return out

# %% variant="momentum_heavy_ball_two_step" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """Polyak's two-step form x_{k+1} = x_k - lr grad(x_k)
    + beta (x_k - x_{k-1}), with x_{-1} = x_0 (that is v_0 = 0)."""
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or len(x) == 0 or n_steps < 0:
        raise ValueError("empty start, not a vector, or n_steps < 0")
    previous = x.copy()
    points = [x.copy()]
    for _ in range(n_steps):
        g = np.asarray(grad(x.copy()), dtype=float)
        x, previous = x - lr * g + beta * (x - previous), x
        points.append(x.copy())
    return np.array(points)

# %% variant="momentum_in_place_lists" question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """In-place updates of a velocity and a point; returns a list of lists."""
    x = np.array(x0, dtype=float)
    if x.size == 0 or len(x.shape) != 1:
        raise ValueError("x0 must be a vector with coordinates")
    if not n_steps >= 0:
        raise ValueError("n_steps < 0")
    v = np.zeros_like(x)
    history = [x.tolist()]
    for _ in range(n_steps):
        v *= beta
        v += np.asarray(grad(x.copy()), dtype=float)
        x -= lr * v
        history.append(x.tolist())
    return history

# %% variant="linreg_augmented_theta" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    """A column of ones carries the bias: theta = (w, b); b a numpy scalar."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("one target per row of X")
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.zeros(A.shape[1])
    for _ in range(n_steps):
        theta = theta - lr * (2 / len(y)) * (A.T @ (A @ theta - y))
    return theta[:-1], theta[-1]

# %% variant="linreg_sample_loop" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    """Gradients accumulated sample by sample; w returned as a list."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or 0 in X.shape or y.shape != (X.shape[0],):
        raise ValueError("shapes of X and y do not fit")
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_steps):
        gw = np.zeros(d)
        gb = 0.0
        for xi, yi in zip(X, y):
            r = float(np.sum(xi * w)) + b - yi
            gw += 2 * r * xi
            gb += 2 * r
        w, b = w - lr * gw / n, b - lr * gb / n
    return w.tolist(), b

# %% variant="linreg_mean_of_products" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    """The gradient as means over the samples, np.mean(r[:, None] * X, 0)."""
    X, y = np.array(X, dtype=float), np.array(y, dtype=float)
    if X.ndim != 2 or not X.shape[0] or not X.shape[1]:
        raise ValueError("X is not a non-empty matrix")
    if len(y) != X.shape[0]:
        raise ValueError("len(y) != number of rows of X")
    w, b = np.zeros(X.shape[1]), np.float64(0)
    for _ in range(n_steps):
        r = (X * w).sum(axis=1) + b - y
        grad_w = 2 * np.mean(r[:, None] * X, axis=0)
        w, b = w - lr * grad_w, b - lr * 2 * r.mean()
    return w, b

# %% variant="linreg_via_gradient_descent" question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    """The student's own gradient_descent on theta = (w, b)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] * X.shape[1] == 0:
        raise ValueError("X must be a non-empty matrix")
    if y.shape != (len(X),):
        raise ValueError("y needs one entry per row of X")
    d = X.shape[1]

    def grad(theta):
        r = X @ theta[:d] + theta[d] - y
        return np.append(2 * X.T @ r / len(y), 2 * np.mean(r))

    theta = gradient_descent(grad, np.zeros(d + 1), lr, n_steps)[-1]
    return theta[:d], float(theta[d])
