# %%
import numpy as np

# %% mutant="relu_in_place" question="relu"
def relu(x):
    """Clips in place: overwrites the caller's array (the stored Z1)."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    x[x < 0] = 0.0
    return x

# %% mutant="relu_abs" question="relu"
def relu(x):
    """Folds negatives up instead of cutting them off."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return np.abs(x)

# %% mutant="relu_leaky" question="relu"
def relu(x):
    """A leaky ReLU: not the function asked for."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return np.where(x > 0, x, 0.01 * x)

# %% mutant="relu_is_the_mask" question="relu"
def relu(x):
    """Returns the on/off mask (the derivative) instead of the value."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return (x > 0).astype(float)

# %% mutant="relu_flattens" question="relu"
def relu(x):
    """Loops over a flat copy and forgets the shape."""
    flat = np.asarray(x, dtype=float).ravel()
    if flat.size == 0:
        raise ValueError("empty")
    return np.array([max(v, 0.0) for v in flat])

# %% mutant="relu_grad_one_at_zero" question="relu_grad"
def relu_grad(x):
    """x >= 0: gives 1 at the corner, against the convention."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return (x >= 0).astype(float)

# %% mutant="relu_grad_is_relu" question="relu_grad"
def relu_grad(x):
    """Returns relu(x) instead of its derivative."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return np.maximum(x, 0.0)

# %% mutant="relu_grad_sign" question="relu_grad"
def relu_grad(x):
    """np.sign: -1 on the left instead of 0."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return np.sign(x)

# %% mutant="relu_grad_half_at_zero" question="relu_grad"
def relu_grad(x):
    """The Heaviside step with the value 1/2 at 0."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    return np.heaviside(x, 0.5)

# %% mutant="relu_grad_in_place" question="relu_grad"
def relu_grad(x):
    """Writes the mask into the caller's array."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    x[:] = x > 0
    return x

# %% mutant="forward_no_b1" question="mlp_forward"
def mlp_forward(params, X):
    """Forgets the first bias."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, W2, b2 = (np.asarray(params[k], dtype=float)
                  for k in ("W1", "W2", "b2"))
    Z1 = X @ W1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}

# %% mutant="forward_no_b2" question="mlp_forward"
def mlp_forward(params, X):
    """Forgets the second bias."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, b1, W2 = (np.asarray(params[k], dtype=float)
                  for k in ("W1", "b1", "W2"))
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}

# %% mutant="forward_no_relu" question="mlp_forward"
def mlp_forward(params, X):
    """Forgets the ReLU: the network is linear."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float)
                      for k in ("W1", "b1", "W2", "b2"))
    Z1 = X @ W1 + b1
    Z2 = Z1 @ W2 + b2
    return Z2, {"X": X, "Z1": Z1, "A1": Z1, "Z2": Z2}

# %% mutant="forward_relu_on_logits" question="mlp_forward"
def mlp_forward(params, X):
    """Applies a ReLU to the logits too."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float)
                      for k in ("W1", "b1", "W2", "b2"))
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = np.maximum(A1 @ W2 + b2, 0)
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}

# %% mutant="forward_returns_probabilities" question="mlp_forward"
def mlp_forward(params, X):
    """Returns softmax probabilities instead of logits."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float)
                      for k in ("W1", "b1", "W2", "b2"))
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    return P, {"X": X, "Z1": Z1, "A1": A1, "Z2": P}

# %% mutant="forward_in_place_relu" question="mlp_forward"
def mlp_forward(params, X):
    """Clips Z1 in place, so the cached Z1 is really A1."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("bad X")
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float)
                      for k in ("W1", "b1", "W2", "b2"))
    Z1 = X @ W1 + b1
    A1 = Z1
    A1[A1 < 0] = 0.0
    Z2 = A1 @ W2 + b2
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}

# %% mutant="forward_no_checks" question="mlp_forward"
def mlp_forward(params, X):
    """Correct values, but lets an empty batch or a single vector through."""
    X = np.asarray(X, dtype=float)
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float)
                      for k in ("W1", "b1", "W2", "b2"))
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ W2 + b2
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}

# %% mutant="backward_no_mean" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Forgets the 1/N: gradient of the summed loss."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_no_relu_mask" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Passes the gradient through the ReLU as if it were the identity."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, A1, Z2 = (np.asarray(cache[k], dtype=float) for k in ("X", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_mask_by_activation_values" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Multiplies by A1 itself instead of by the 0/1 derivative."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, A1, Z2 = (np.asarray(cache[k], dtype=float) for k in ("X", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * A1
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_W2_without_transpose" question="mlp_backward"
def mlp_backward(params, cache, y):
    """dW2 = A1 @ dZ2 (no transpose): fits only when the shapes allow it."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1 @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_hidden_without_transpose" question="mlp_backward"
def mlp_backward(params, cache, y):
    """dA1 = dZ2 @ W2 (no transpose): runs only when h == C, then wrong."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2 * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_bias_wrong_axis" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Sums the bias gradients over the units instead of the samples."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=1), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=1)}

# %% mutant="backward_sign_flipped" question="mlp_backward"
def mlp_backward(params, cache, y):
    """one_hot - softmax: the gradient of the negative loss."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (np.eye(c)[y] - E / E.sum(axis=1, keepdims=True)) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_unstable_softmax" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Softmax without subtracting the maximum: nan for large logits."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2)
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_first_layer_from_A1" question="mlp_backward"
def mlp_backward(params, cache, y):
    """dW1 from the hidden activations instead of the input X."""
    W2 = np.asarray(params["W2"], dtype=float)
    Z1, A1, Z2 = (np.asarray(cache[k], dtype=float) for k in ("Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= c):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": A1.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="backward_accepts_negative_labels" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Correct gradients, but np.eye(C)[-1] silently accepts label -1."""
    W2 = np.asarray(params["W2"], dtype=float)
    X, Z1, A1, Z2 = (np.asarray(cache[k], dtype=float)
                     for k in ("X", "Z1", "A1", "Z2"))
    y = np.asarray(y)
    n, c = Z2.shape
    if y.shape != (n,):
        raise ValueError("bad labels")
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    dZ2 = (E / E.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2,
            "b2": dZ2.sum(axis=0)}

# %% mutant="train_never_updates" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Computes the gradients but never applies them."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        mlp_backward(params, mlp_forward(params, X)[1], y)
    return params

# %% mutant="train_ascent" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Steps with + instead of -: climbs the loss."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] + lr * grads[k] for k in params}
    return params

# %% mutant="train_zero_init" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Starts every weight at zero: all hidden units stay identical."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    params = {"W1": np.zeros((d, hidden)), "b1": np.zeros(hidden),
              "W2": np.zeros((hidden, c)), "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_ignores_seed" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Always seeds with 0: every seed gives the same network."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_unseeded" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """np.random.default_rng() without the seed: not reproducible."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng()
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_weights_only" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Updates W1 and W2 but leaves the biases at zero."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params["W1"] = params["W1"] - lr * grads["W1"]
        params["W2"] = params["W2"] - lr * grads["W2"]
    return params

# %% mutant="train_one_epoch_short" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """range(n_epochs - 1): one step too few."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs - 1):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_one_epoch_too_many" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """range(n_epochs + 1): one step too many, even for n_epochs = 0."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs + 1):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_rejects_one_hidden_unit" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """hidden < 2 rejected: one hidden unit is a valid (tiny) network."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 2:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_stale_layers" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Updates W2 first, then recomputes the gradient for the first layer."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params["W2"] = params["W2"] - lr * grads["W2"]
        params["b2"] = params["b2"] - lr * grads["b2"]
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params["W1"] = params["W1"] - lr * grads["W1"]
        params["b1"] = params["b1"] - lr * grads["b1"]
    return params

# %% mutant="train_classes_from_unique" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """C = number of distinct labels, not max(y) + 1."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], len(np.unique(y))
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        grads = mlp_backward(params, mlp_forward(params, X)[1], y)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% mutant="train_per_sample_sgd" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """One step per sample (SGD) instead of one full-batch step per epoch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.size == 0 or y.shape != (len(X),) or hidden < 1:
        raise ValueError("bad input")
    if np.any(y < 0):
        raise ValueError("bad labels")
    d, c = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, np.sqrt(2 / d), size=(d, hidden)),
              "b1": np.zeros(hidden),
              "W2": rng.normal(0, np.sqrt(2 / hidden), size=(hidden, c)),
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        for i in range(len(X)):
            cache = mlp_forward(params, X[i:i + 1])[1]
            grads = mlp_backward(params, cache, y[i:i + 1])
            params = {k: params[k] - lr * grads[k] for k in params}
    return params

# %% variant="relu_where_int" question="relu"
def relu(x):
    """Correct: np.where keeps an integer dtype for integer input."""
    x = np.asarray(x)
    if x.size == 0:
        raise ValueError("relu of nothing")
    return np.where(x > 0, x, 0)

# %% variant="relu_masked_copy" question="relu"
def relu(x):
    """Correct: a copy with its negative entries set to 0."""
    out = np.array(x, dtype=np.float64)
    if not out.size:
        raise ValueError("empty input")
    out[out < 0] = 0
    return out

# %% variant="relu_clip" question="relu"
def relu(x):
    """Correct: np.clip with no upper bound."""
    arr = np.asarray(x, dtype=float)
    if arr.size == 0:
        raise ValueError("empty")
    return np.clip(arr, 0.0, None)

# %% variant="relu_grad_bool" question="relu_grad"
def relu_grad(x):
    """Correct: a boolean array holds the values 0 and 1."""
    x = np.asarray(x)
    if x.size == 0:
        raise ValueError("empty")
    return x > 0

# %% variant="relu_grad_heaviside" question="relu_grad"
def relu_grad(x):
    """Correct: the Heaviside step with value 0 at 0."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("no entries")
    return np.heaviside(x, 0.0)

# %% variant="relu_grad_where_int" question="relu_grad"
def relu_grad(x):
    """Correct: integer 0/1 output."""
    arr = np.array(x, dtype=float)
    if arr.size == 0:
        raise ValueError("empty")
    return np.where(arr > 0, 1, 0)

# %% variant="forward_loops_and_extra_cache" question="mlp_forward"
def mlp_forward(params, X):
    """Correct: explicit sums over samples and units; more in the cache."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("X should be a non-empty matrix")
    W1 = np.asarray(params["W1"], dtype=float)
    if W1.shape[0] != X.shape[1]:
        raise ValueError("W1 does not fit X")
    b1 = np.asarray(params["b1"], dtype=float)
    W2 = np.asarray(params["W2"], dtype=float)
    b2 = np.asarray(params["b2"], dtype=float)
    n, h, c = len(X), W1.shape[1], W2.shape[1]
    Z1 = np.zeros((n, h))
    for i in range(n):
        for j in range(h):
            Z1[i, j] = b1[j] + sum(X[i, k] * W1[k, j]
                                   for k in range(X.shape[1]))
    A1 = np.where(Z1 > 0, Z1, 0.0)
    Z2 = np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            Z2[i, j] = b2[j] + sum(A1[i, k] * W2[k, j] for k in range(h))
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2, "params": params,
             "mask": Z1 > 0}
    return Z2, cache

# %% variant="forward_einsum_lists" question="mlp_forward"
def mlp_forward(params, X):
    """Correct: einsum, and the cache holds nested lists."""
    X = np.array(X, dtype=float)
    W1 = np.array(params["W1"], dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] != W1.shape[0]:
        raise ValueError("X must be (N, d) with d = rows of W1")
    Z1 = np.einsum("nd,dh->nh", X, W1) + np.array(params["b1"], dtype=float)
    A1 = relu(Z1)
    Z2 = (np.einsum("nh,hc->nc", A1, np.array(params["W2"], dtype=float))
          + np.array(params["b2"], dtype=float))
    return Z2, {"X": X.tolist(), "Z1": Z1.tolist(), "A1": A1.tolist(),
                "Z2": Z2.tolist()}

# %% variant="backward_recomputes_with_log_softmax" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Correct: recomputes the forward pass from X; softmax via log-sum-exp;
    mask A1 > 0 (the same as Z1 > 0)."""
    X = np.asarray(cache["X"], dtype=float)
    W1 = np.asarray(params["W1"], dtype=float)
    b1 = np.asarray(params["b1"], dtype=float)
    W2 = np.asarray(params["W2"], dtype=float)
    b2 = np.asarray(params["b2"], dtype=float)
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ W2 + b2
    labels = np.asarray(y).astype(int)
    n, c = Z2.shape
    if labels.shape != (n,):
        raise ValueError("one label per sample, please")
    if labels.min() < 0 or labels.max() > c - 1:
        raise ValueError("label out of range")
    m = Z2.max(axis=1, keepdims=True)
    log_p = Z2 - m - np.log(np.exp(Z2 - m).sum(axis=1, keepdims=True))
    onehot = np.zeros((n, c))
    onehot[np.arange(n), labels] = 1.0
    dZ2 = (np.exp(log_p) - onehot) / n
    dA1 = dZ2 @ W2.T
    dZ1 = np.where(A1 > 0, dA1, 0.0)
    return {"W1": X.T @ dZ1, "b1": np.ones(n) @ dZ1, "W2": A1.T @ dZ2,
            "b2": np.ones(n) @ dZ2}

# %% variant="backward_sample_by_sample" question="mlp_backward"
def mlp_backward(params, cache, y):
    """Correct: accumulates one sample at a time with outer products."""
    W2 = np.asarray(params["W2"], dtype=float)
    X = np.asarray(cache["X"], dtype=float)
    Z1 = np.asarray(cache["Z1"], dtype=float)
    A1 = np.asarray(cache["A1"], dtype=float)
    Z2 = np.asarray(cache["Z2"], dtype=float)
    y = list(np.asarray(y).ravel())
    n, c = Z2.shape
    if len(y) != n or np.ndim(cache["Z2"]) != 2:
        raise ValueError("wrong number of labels")
    for label in y:
        if not 0 <= label < c:
            raise ValueError("label " + str(label) + " is not a class")
    grads = {"W1": np.zeros((X.shape[1], A1.shape[1])),
             "b1": np.zeros(A1.shape[1]), "W2": np.zeros(W2.shape),
             "b2": np.zeros(c)}
    for i in range(n):
        z = Z2[i] - np.max(Z2[i])
        dz2 = np.exp(z) / np.sum(np.exp(z))
        dz2[int(y[i])] -= 1.0
        dz1 = (W2 @ dz2) * (Z1[i] > 0)
        grads["W2"] += np.outer(A1[i], dz2) / n
        grads["b2"] += dz2 / n
        grads["W1"] += np.outer(X[i], dz1) / n
        grads["b1"] += dz1 / n
    return grads

# %% variant="train_xavier_uniform" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Correct under the tests: another sensible random start (uniform,
    W2 drawn first, small random biases), updates in a loop over keys."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=int)
    if X.ndim != 2 or not X.size:
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X) or y.ndim != 1 or (y < 0).any():
        raise ValueError("y must hold one non-negative label per row")
    if hidden < 1:
        raise ValueError("need at least one hidden unit")
    d, c = X.shape[1], y.max() + 1
    rng = np.random.default_rng(seed)
    W2 = rng.uniform(-1, 1, size=(hidden, c)) * np.sqrt(6 / (hidden + c))
    W1 = rng.uniform(-1, 1, size=(d, hidden)) * np.sqrt(6 / (d + hidden))
    params = {"W1": W1, "b1": rng.normal(0, 0.01, size=hidden), "W2": W2,
              "b2": np.zeros(c)}
    for _ in range(n_epochs):
        logits, cache = mlp_forward(params, X)
        grads = mlp_backward(params, cache, y)
        new = {}
        for key in params:
            new[key] = params[key] - lr * np.asarray(grads[key])
        params = new
    return params

# %% variant="train_inline_backprop_lists" question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Correct: the contract's initialisation, its own inline backprop with
    a one-hot matrix, parameters returned as nested lists."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] * X.shape[1] == 0:
        raise ValueError("bad X")
    if y.shape != (X.shape[0],) or np.any(y < 0) or hidden <= 0:
        raise ValueError("bad y or hidden")
    n, d = X.shape
    c = int(np.max(y)) + 1
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, np.sqrt(2.0 / d), size=(d, hidden))
    W2 = rng.normal(0.0, np.sqrt(2.0 / hidden), size=(hidden, c))
    b1, b2 = np.zeros(hidden), np.zeros(c)
    onehot = np.eye(c)[y.astype(int)]
    for _ in range(n_epochs):
        Z1 = X @ W1 + b1
        A1 = np.maximum(Z1, 0.0)
        Z2 = A1 @ W2 + b2
        P = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)
        dZ2 = (P - onehot) / n
        dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
        W1, b1, W2, b2 = (W1 - lr * X.T @ dZ1, b1 - lr * dZ1.sum(axis=0),
                          W2 - lr * A1.T @ dZ2, b2 - lr * dZ2.sum(axis=0))
    return {"W1": W1.tolist(), "b1": b1.tolist(), "W2": W2.tolist(),
            "b2": b2.tolist()}

# %%
# Mutants of `course strength` that are correct, and why.
EQUIVALENT = [
    ("train_mlp:951399", "the contract does not fix the initial weights' "
     "scale (W1: 2/d instead of sqrt(2/d))"),
    ("train_mlp:4d2c10", "the contract does not fix the initial weights' "
     "scale (W1: sqrt(2 d))"),
    ("train_mlp:246c09", "the contract does not fix the initial weights' "
     "scale (W1: sqrt(2))"),
    ("train_mlp:633310", "the contract does not fix the initial weights' "
     "scale (W1: sqrt(4 / d))"),
    ("train_mlp:2064e6", "the contract does not fix the initial weights' "
     "scale (W1: sqrt(1 / d))"),
    ("train_mlp:b09bf5", "the contract does not fix the initial weights' "
     "distribution (W2 drawn around 1 instead of 0)"),
    ("train_mlp:b7a712", "the contract does not fix the initial weights' "
     "scale (W2: 2/hidden instead of sqrt(2/hidden))"),
    ("train_mlp:2002ff", "the contract does not fix the initial weights' "
     "scale (W2: sqrt(2 hidden))"),
    ("train_mlp:305725", "the contract does not fix the initial weights' "
     "scale (W2: sqrt(2))"),
    ("train_mlp:bc9ca6", "the contract does not fix the initial weights' "
     "scale (W2: sqrt(4 / hidden))"),
    ("train_mlp:80c7d4", "the contract does not fix the initial weights' "
     "scale (W2: sqrt(1 / hidden))"),
]
