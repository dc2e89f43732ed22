# %%
import numpy as np

# %% mutant="batches_not_shuffled" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Deals the indices in their stored order: no shuffle at all."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]

# %% mutant="batches_global_random_state" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Shuffles with numpy's global state, ignoring the seed."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]

# %% mutant="batches_drawn_with_replacement" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Draws each index at random with replacement: repeats and misses."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.default_rng(seed).integers(0, n, size=n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]

# %% mutant="batches_drop_last" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Drops the incomplete last batch (drop_last=True): loses samples."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.default_rng(seed).permutation(n)
    full = max(n // batch_size, 1)
    return [order[i * batch_size:(i + 1) * batch_size] for i in range(full)]

# %% mutant="batches_array_split_count" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """np.array_split into n // batch_size nearly equal pieces."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.default_rng(seed).permutation(n)
    return np.array_split(order, max(n // batch_size, 1))

# %% mutant="batches_seed_ignored" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Hard-codes default_rng(0): every epoch gets the same shuffle."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.default_rng(0).permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]

# %% mutant="batches_empty_for_zero" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """No check of n: n = 0 gives an empty list instead of an error."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    order = np.random.default_rng(seed).permutation(max(n, 0))
    return [order[i:i + batch_size] for i in range(0, max(n, 0), batch_size)]

# %% mutant="batches_float_indices" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Returns the batches as float arrays, unusable as indices."""
    if n < 1 or batch_size < 1:
        raise ValueError("n and batch_size must be at least 1")
    order = np.random.default_rng(seed).permutation(n).astype(float)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]

# %% mutant="sgd_sum_not_mean" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """The gradient of the batch's summed loss: forgets to divide by m."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w, b = w - lr * 2 * X[rows].T @ r, b - lr * 2 * np.sum(r)
    return w, float(b)

# %% mutant="sgd_divides_by_batch_size" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Divides by batch_size even for the smaller last batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * X[rows].T @ r / batch_size
            b = b - lr * 2 * np.sum(r) / batch_size
    return w, float(b)

# %% mutant="sgd_no_factor_two" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Drops the 2 of the squared error's derivative (a 1/2 loss)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w, b = w - lr * X[rows].T @ r / len(rows), b - lr * np.mean(r)
    return w, float(b)

# %% mutant="sgd_same_shuffle_every_epoch" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Uses minibatches(n, batch_size, seed) in every epoch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    batches = minibatches(len(y), batch_size, seed)
    for _ in range(n_epochs):
        for rows in batches:
            r = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * X[rows].T @ r / len(rows)
            b = b - lr * 2 * np.mean(r)
    return w, float(b)

# %% mutant="sgd_epoch_seed_off_by_one" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Counts epochs from 1: epoch e uses the shuffle of seed + e + 1."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(1, n_epochs + 1):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * X[rows].T @ r / len(rows)
            b = b - lr * 2 * np.mean(r)
    return w, float(b)

# %% mutant="sgd_full_gradient_per_batch" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Takes one step per batch, but with the gradient over all the data."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        for _ in minibatches(len(y), batch_size, seed + epoch):
            r = X @ w + b - y
            w = w - lr * 2 * X.T @ r / len(y)
            b = b - lr * 2 * np.mean(r)
    return w, float(b)

# %% mutant="sgd_sequential_update" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Updates w first, then computes b's gradient with the new w."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * X[rows].T @ r / len(rows)
            b = b - lr * 2 * np.mean(X[rows] @ w + b - y[rows])
    return w, float(b)

# %% mutant="sgd_bias_frozen" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Never updates the bias: the line is forced through the origin."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("bad batch_size or n_epochs")
    w = np.zeros(X.shape[1])
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w - y[rows]
            w = w - lr * 2 * X[rows].T @ r / len(rows)
    return w, 0.0

# %% mutant="sgd_no_input_checks" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """No checks: a negative n_epochs silently returns the start."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[-1]), 0.0
    for epoch in range(n_epochs):
        for rows in minibatches(len(y), batch_size, seed + epoch):
            r = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * X[rows].T @ r / len(rows)
            b = b - lr * 2 * np.mean(r)
    return w, float(b)

# %% mutant="adam_no_bias_correction" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Uses m and v directly: no bias correction."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return theta - lr * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": t}

# %% mutant="adam_correction_before_increment" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Bias-corrects with the old t (1 - beta**t with t one too small)."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0))
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1 ** max(t, 1))
    v_hat = v / (1 - beta2 ** max(t, 1))
    new = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m, "v": v, "t": t + 1}

# %% mutant="adam_eps_inside_sqrt" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Divides by sqrt(v_hat + eps): tiny gradients take tiny steps."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta - lr * m_hat / np.sqrt(v_hat + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="adam_no_square_root" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Divides by v_hat instead of its square root."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta - lr * m_hat / (v_hat + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="adam_weights_swapped" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """m = (1 - beta1) m + beta1 g: the new gradient gets the big weight."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = (1 - beta1) * m + beta1 * grad
    v = (1 - beta2) * v + beta2 * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="adam_stores_corrected_moments" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Stores m_hat and v_hat in the state instead of m and v."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m_hat, "v": v_hat, "t": t}

# %% mutant="adam_ascent" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Adds the step: walks uphill."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    if theta.size == 0 or grad.shape != theta.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros_like(theta)), float)
    v = np.asarray(state.get("v", np.zeros_like(theta)), float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta + lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="adam_theta_in_place" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Updates the caller's theta array in place (theta -= ...)."""
    theta_arr = np.asarray(theta)
    grad = np.asarray(grad, float)
    if theta_arr.size == 0 or grad.shape != theta_arr.shape:
        raise ValueError("bad shapes")
    state = state or {}
    m = np.asarray(state.get("m", np.zeros(theta_arr.shape)), float)
    v = np.asarray(state.get("v", np.zeros(theta_arr.shape)), float)
    if m.shape != theta_arr.shape or v.shape != theta_arr.shape:
        raise ValueError("bad state")
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    if theta_arr.dtype.kind == "f":
        theta_arr -= lr * m_hat / (np.sqrt(v_hat) + eps)
        return theta_arr, {"m": m, "v": v, "t": t}
    new = theta_arr - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="adam_no_shape_check" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """No checks: a gradient of the wrong shape is broadcast silently."""
    theta, grad = np.asarray(theta, float), np.asarray(grad, float)
    state = state or {}
    m = np.asarray(state.get("m", 0.0), float)
    v = np.asarray(state.get("v", 0.0), float)
    t = int(state.get("t", 0)) + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    new = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new, {"m": m, "v": v, "t": t}

# %% mutant="ridge_penalises_intercept" question="ridge_regression"
def ridge_regression(X, y, lam):
    """A column of ones for b, penalised like every other weight."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    A = np.column_stack([np.ones(n), X])
    if lam == 0 and np.linalg.matrix_rank(A) < A.shape[1]:
        raise ValueError("singular")
    coef = np.linalg.solve(A.T @ A / n + lam * np.eye(A.shape[1]),
                           A.T @ y / n)
    return coef[1:], float(coef[0])

# %% mutant="ridge_no_one_over_n" question="ridge_regression"
def ridge_regression(X, y, lam):
    """(Xc^T Xc + lam I) w = Xc^T yc: the penalty of a summed loss."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    if lam == 0 and np.linalg.matrix_rank(Xc) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]),
                        Xc.T @ (y - y_mean))
    return w, float(y_mean - x_mean @ w)

# %% mutant="ridge_intercept_is_mean_y" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Centres X for w, but forgets the x_mean . w in the intercept."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    if lam == 0 and np.linalg.matrix_rank(Xc) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(X.shape[1]),
                        Xc.T @ (y - y.mean()) / n)
    return w, float(y.mean())

# %% mutant="ridge_no_centring" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Solves on the raw X and y: no intercept at all (b = 0)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    if lam == 0 and np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(X.T @ X / n + lam * np.eye(X.shape[1]), X.T @ y / n)
    return w, 0.0

# %% mutant="ridge_half_penalty" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Adds lam / 2 to the diagonal, as for a penalty (lam / 2) |w|^2."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    if lam == 0 and np.linalg.matrix_rank(Xc) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(Xc.T @ Xc / n + lam / 2 * np.eye(X.shape[1]),
                        Xc.T @ (y - y_mean) / n)
    return w, float(y_mean - x_mean @ w)

# %% mutant="ridge_allows_negative_lambda" question="ridge_regression"
def ridge_regression(X, y, lam):
    """No check of lam: a negative penalty rewards large weights."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    n = X.shape[0]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    if lam == 0 and np.linalg.matrix_rank(Xc) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(X.shape[1]),
                        Xc.T @ (y - y_mean) / n)
    return w, float(y_mean - x_mean @ w)

# %% mutant="ridge_pinv_when_singular" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Falls back on the pseudo-inverse instead of raising for lam = 0."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    A = Xc.T @ Xc / n + lam * np.eye(X.shape[1])
    w = np.linalg.pinv(A) @ (Xc.T @ (y - y_mean) / n)
    return w, float(y_mean - x_mean @ w)

# %% mutant="ridge_centres_in_place" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Centres the caller's arrays in place (X -= mean)."""
    X, y = np.asarray(X), np.asarray(y)
    if X.dtype.kind != "f" or y.dtype.kind != "f":
        X, y = X.astype(float), y.astype(float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],) or lam < 0:
        raise ValueError("bad input")
    n = X.shape[0]
    x_mean, y_mean = X.mean(axis=0), y.mean()
    X -= x_mean
    y -= y_mean
    if lam == 0 and np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError("singular")
    w = np.linalg.solve(X.T @ X / n + lam * np.eye(X.shape[1]), X.T @ y / n)
    return w, float(y_mean - x_mean @ w)

# %% mutant="cv_training_error" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Fits on all the data, so every fold's error is a training error."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    folds = np.array_split(np.random.default_rng(seed).permutation(len(y)), k)
    w, b = ridge_regression(X, y, lam)
    return float(np.mean([np.mean((X[f] @ w + b - y[f]) ** 2)
                          for f in folds]))

# %% mutant="cv_pooled_mean" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """The mean over all held-out points, not the mean of the fold errors."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    folds = np.array_split(np.random.default_rng(seed).permutation(len(y)), k)
    squares = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        squares.extend((X[fold] @ w + b - y[fold]) ** 2)
    return float(np.mean(squares))

# %% mutant="cv_unshuffled_folds" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Consecutive folds of the stored order: ignores the seed."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    folds = np.array_split(np.arange(len(y)), k)
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
    return float(np.mean(errors))

# %% mutant="cv_root_mean_squared" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Averages the root mean squared error of the folds."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    folds = np.array_split(np.random.default_rng(seed).permutation(len(y)), k)
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        errors.append(np.sqrt(np.mean((X[fold] @ w + b - y[fold]) ** 2)))
    return float(np.mean(errors))

# %% mutant="cv_folds_of_size_k" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Confuses k with the fold size: folds of k points each."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    order = np.random.default_rng(seed).permutation(len(y))
    folds = [order[i:i + k] for i in range(0, len(y), k)]
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
    return float(np.mean(errors))

# %% mutant="cv_no_fold_count_check" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """No check of k: k > n makes empty folds and a nan error."""
    import warnings

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    folds = np.array_split(np.random.default_rng(seed).permutation(len(y)), k)
    errors = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, fold in enumerate(folds):
            rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
            w, b = ridge_regression(X[rest], y[rest], lam)
            errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
    return float(np.mean(errors))

# %% mutant="cv_rejects_leave_one_out" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """k < n instead of k <= n: leave-one-out (k = n) is rejected."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k < len(y):
        raise ValueError("need 2 <= k < n")
    folds = np.array_split(np.random.default_rng(seed).permutation(len(y)), k)
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
    return float(np.mean(errors))

# %% mutant="cv_seed_plus_one" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Shuffles with default_rng(seed + 1), as if counting from 1."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad X or y")
    if not 2 <= k <= len(y):
        raise ValueError("need 2 <= k <= n")
    order = np.random.default_rng(seed + 1).permutation(len(y))
    folds = np.array_split(order, k)
    errors = []
    for i, fold in enumerate(folds):
        rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[rest], y[rest], lam)
        errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
    return float(np.mean(errors))

# %% [markdown]
# Variants: correct answers written differently from the solution.

# %% variant="batches_shuffle_in_place" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Correct: shuffles np.arange(n) in place (the same stream), a while
    loop over the starts."""
    if not (n >= 1 and batch_size >= 1):
        raise ValueError("need n >= 1 and batch_size >= 1")
    order = np.arange(n)
    np.random.default_rng(seed).shuffle(order)
    batches, start = [], 0
    while start < n:
        batches.append(order[start:start + batch_size])
        start += batch_size
    return batches

# %% variant="batches_split_lists" question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Correct: np.split at multiples of batch_size, batches as lists."""
    if n <= 0:
        raise ValueError("no samples")
    if batch_size <= 0:
        raise ValueError("a batch needs at least one sample")
    order = np.random.default_rng(seed).permutation(n)
    return [part.tolist()
            for part in np.split(order, range(batch_size, n, batch_size))]

# %% variant="sgd_augmented_inline_shuffle" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Correct: theta = (w, b) with a column of ones, its own shuffle,
    b returned as a numpy scalar."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or 0 in X.shape or len(y) != len(X) or y.ndim != 1:
        raise ValueError("X must be (n, d) with one target per row")
    if batch_size < 1 or n_epochs < 0:
        raise ValueError("batch_size >= 1 and n_epochs >= 0 please")
    n = len(y)
    A = np.hstack([X, np.ones((n, 1))])
    theta = np.zeros(A.shape[1])
    for epoch in range(n_epochs):
        order = np.random.default_rng(seed + epoch).permutation(n)
        for start in range(0, n, batch_size):
            rows = order[start:start + batch_size]
            theta = theta - lr * 2 * A[rows].T @ (A[rows] @ theta - y[rows]) \
                / len(rows)
    return theta[:-1], theta[-1]

# %% variant="sgd_sample_loop" question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """Correct: accumulates each batch's gradient sample by sample, with
    the notebook's minibatches; w returned as a list."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("bad X")
    if len(y) != X.shape[0] or np.ndim(y) != 1:
        raise ValueError("bad y")
    if n_epochs < 0:
        raise ValueError("bad n_epochs")
    w = np.zeros(X.shape[1])
    b = 0.0
    for epoch in range(n_epochs):
        for batch in minibatches(X.shape[0], batch_size, seed + epoch):
            grad_w = np.zeros_like(w)
            grad_b = 0.0
            for i in batch:
                r = float(np.sum(X[i] * w)) + b - float(y[i])
                grad_w += 2 * r * X[i]
                grad_b += 2 * r
            w = w - lr * grad_w / len(batch)
            b = b - lr * grad_b / len(batch)
    return w.tolist(), b

# %% variant="adam_kingma_efficient_form" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Correct: the paper's equivalent form, the corrections folded into
    the step size and eps (lr_t = lr sqrt(1 - b2^t) / (1 - b1^t))."""
    theta = np.array(theta, dtype=float)
    g = np.array(grad, dtype=float)
    if theta.size == 0 or g.shape != theta.shape:
        raise ValueError("theta must be non-empty and grad shaped like it")
    old = dict(state) if state else {"m": 0.0 * theta, "v": 0.0 * theta,
                                     "t": 0}
    m, v = np.asarray(old["m"], float), np.asarray(old["v"], float)
    if m.shape != theta.shape or v.shape != theta.shape:
        raise ValueError("state does not match theta")
    t = old["t"] + 1
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    eps_t = eps * np.sqrt(1 - beta2**t)
    return theta - lr_t * m / (np.sqrt(v) + eps_t), {"m": m, "v": v, "t": t}

# %% variant="adam_elementwise_lists" question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """Correct: a loop over the flattened entries with math.sqrt; the new
    theta and moments returned as nested lists, t as a numpy integer."""
    import math

    shape = np.shape(theta)
    flat_theta = np.ravel(np.asarray(theta, dtype=float)).tolist()
    flat_grad = np.ravel(np.asarray(grad, dtype=float)).tolist()
    if not flat_theta or np.shape(grad) != shape:
        raise ValueError("bad theta or grad")
    if state is None or len(state) == 0:
        flat_m = [0.0] * len(flat_theta)
        flat_v = [0.0] * len(flat_theta)
        t = np.int64(0)
    else:
        if np.shape(state["m"]) != shape or np.shape(state["v"]) != shape:
            raise ValueError("bad state")
        flat_m = np.ravel(state["m"]).tolist()
        flat_v = np.ravel(state["v"]).tolist()
        t = np.int64(state["t"])
    t = t + 1
    new_theta, new_m, new_v = [], [], []
    for th, g, m, v in zip(flat_theta, flat_grad, flat_m, flat_v):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**int(t))
        v_hat = v / (1 - beta2**int(t))
        new_theta.append(th - lr * m_hat / (math.sqrt(v_hat) + eps))
        new_m.append(m)
        new_v.append(v)

    def shaped(values):
        return np.reshape(values, shape).tolist()

    return shaped(new_theta), {"m": shaped(new_m), "v": shaped(new_v),
                               "t": t}

# %% variant="ridge_augmented_unpenalised_bias" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Correct: a column of ones with a zero penalty on its coefficient,
    no centring; b returned as a numpy scalar."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != X.shape[:1]:
        raise ValueError("X (n, d) and y (n,) needed")
    if lam < 0:
        raise ValueError("lam must be non-negative")
    n, d = X.shape
    A = np.column_stack([X, np.ones(n)])
    if lam == 0 and np.linalg.matrix_rank(A) <= d:
        raise ValueError("singular system: dependent features")
    penalty = np.diag(np.r_[np.full(d, float(lam)), 0.0])
    coef = np.linalg.solve(A.T @ A / n + penalty, A.T @ y / n)
    return coef[:d], coef[d]

# %% variant="ridge_lstsq_extra_rows" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Correct: least squares on [Xc; sqrt(n lam) I] with targets
    [yc; 0], the notebook's other route."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.shape[0] * X.shape[1] == 0 or len(y) != len(X):
        raise ValueError("shapes")
    if lam < 0:
        raise ValueError("negative lam")
    n, d = X.shape
    Xc = X - X.mean(axis=0)
    if lam == 0 and np.linalg.matrix_rank(Xc) < d:
        raise ValueError("dependent columns and no penalty")
    A = np.vstack([Xc, np.sqrt(n * lam) * np.eye(d)])
    target = np.concatenate([y - y.mean(), np.zeros(d)])
    w = np.linalg.lstsq(A, target, rcond=None)[0]
    return w, float(y.mean() - np.sum(X.mean(axis=0) * w))

# %% variant="ridge_inverse_matrix" question="ridge_regression"
def ridge_regression(X, y, lam):
    """Correct: np.linalg.inv of the regularised matrix, sums for means."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or lam < 0:
        raise ValueError("invalid input")
    n, d = X.shape
    x_bar = X.sum(axis=0) / n
    y_bar = y.sum() / n
    Xc, yc = X - x_bar, y - y_bar
    if lam == 0 and np.linalg.matrix_rank(Xc) < d:
        raise ValueError("singular")
    w = np.linalg.inv(Xc.T @ Xc / n + lam * np.identity(d)) @ (Xc.T @ yc / n)
    return w, float(y_bar - x_bar @ w)

# %% variant="cv_boolean_masks" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Correct: boolean masks for the folds, a numpy scalar returned."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("X and y do not fit")
    n = len(y)
    if k < 2 or k > n:
        raise ValueError("k out of range")
    folds = np.array_split(np.random.default_rng(seed).permutation(n), k)
    total = 0.0
    for fold in folds:
        held = np.zeros(n, dtype=bool)
        held[fold] = True
        w, b = ridge_regression(X[~held], y[~held], lam)
        pred = X[held] @ np.asarray(w) + b
        total += np.mean((pred - y[held]) ** 2)
    return total / k

# %% variant="cv_setdiff_sum_of_squares" question="cross_validation_error"
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Correct: np.setdiff1d for the training rows, each fold's error as
    a sum of squares over its size."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or 0 in X.shape or y.ndim != 1 or len(y) != len(X):
        raise ValueError("bad data")
    if not 2 <= k <= len(y):
        raise ValueError(f"need 2 <= k <= {len(y)}")
    everything = np.arange(len(y))
    order = np.random.default_rng(seed).permutation(len(y))
    fold_errors = []
    for fold in np.array_split(order, k):
        rows = np.setdiff1d(everything, fold)
        w, b = ridge_regression(X[rows], y[rows], lam)
        r = X[fold] @ np.asarray(w, dtype=float) + b - y[fold]
        fold_errors.append(float(np.sum(r * r)) / len(fold))
    return sum(fold_errors) / len(fold_errors)
