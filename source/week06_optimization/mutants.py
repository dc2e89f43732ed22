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
