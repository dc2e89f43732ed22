# %%
import numpy as np

# %% mutant="dice_counts_background" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Counts agreeing pixels, background included: pixel accuracy."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    return float(np.mean(a == b))

# %% mutant="dice_mean_over_both_classes" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Averages the Dice of the foreground and of the background."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    scores = []
    for x, y in ((a, b), (~a, ~b)):
        total = x.sum() + y.sum()
        scores.append(1.0 if total == 0 else 2 * np.sum(x & y) / total)
    return float(np.mean(scores))

# %% mutant="dice_no_empty_case" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Forgets the 0/0 case: nan when both masks are empty."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    with np.errstate(invalid="ignore"):
        return float(np.float64(2 * np.sum(a & b)) / (a.sum() + b.sum()))

# %% mutant="dice_empty_is_zero" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Two empty masks score 0 instead of 1."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    total = a.sum() + b.sum()
    return 0.0 if total == 0 else float(2 * np.sum(a & b) / total)

# %% mutant="dice_iou" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Intersection over union instead of Dice."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    union = np.sum(a | b)
    return 1.0 if union == 0 else float(np.sum(a & b) / union)

# %% mutant="dice_raw_values" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Multiplies the raw values: a mask of 255s is not a set."""
    a = np.asarray(pred, dtype=float)
    b = np.asarray(target, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("bad masks")
    total = a.sum() + b.sum()
    return 1.0 if total == 0 else float(2 * np.sum(a * b) / total)

# %% mutant="dice_broadcasts" question="dice_coefficient"
def dice_coefficient(pred, target):
    """No shape check: numpy broadcasts a row against a matrix."""
    a, b = np.asarray(pred) != 0, np.asarray(target) != 0
    if a.size == 0 or b.size == 0:
        raise ValueError("empty")
    a, b = np.broadcast_arrays(a, b)
    total = a.sum() + b.sum()
    return 1.0 if total == 0 else float(2 * np.sum(a & b) / total)

# %% mutant="soft_dice_no_eps" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Drops the smoothing term: nan on empty masks."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    with np.errstate(invalid="ignore"):
        return float(1 - 2 * np.sum(p * t) / (np.sum(p) + np.sum(t)))

# %% mutant="soft_dice_eps_only_below" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Puts eps in the denominator only."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    return float(1 - 2 * np.sum(p * t) / (np.sum(p) + np.sum(t) + eps))

# %% mutant="soft_dice_means" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Means instead of sums: the background count sneaks back in."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    return float(1 - (2 * np.mean(p * t) + eps)
                 / (np.mean(p) + np.mean(t) + eps))

# %% mutant="soft_dice_without_two" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Forgets the factor 2 on the overlap."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    return float(1 - (np.sum(p * t) + eps) / (np.sum(p) + np.sum(t) + eps))

# %% mutant="soft_dice_returns_dice" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Returns the soft Dice coefficient, not the loss 1 - Dice."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    return float((2 * np.sum(p * t) + eps) / (np.sum(p) + np.sum(t) + eps))

# %% mutant="soft_dice_counts_background" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Averages the soft Dice losses of foreground and background."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    losses = [1 - (2 * np.sum(a * b) + eps) / (np.sum(a) + np.sum(b) + eps)
              for a, b in ((p, t), (1 - p, 1 - t))]
    return float(np.mean(losses))

# %% mutant="grad_sign_error" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """The gradient of the Dice coefficient: the sign is flipped."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    n = 2 * np.sum(p * t) + eps
    d = np.sum(p) + np.sum(t) + eps
    return (2 * t * d - n) / d**2

# %% mutant="grad_missing_quotient_term" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Differentiates only the numerator: -N'/D, background gets nothing."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    d = np.sum(p) + np.sum(t) + eps
    return -2 * t / d

# %% mutant="grad_without_two" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """dN/dp = t instead of 2t."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    n = 2 * np.sum(p * t) + eps
    d = np.sum(p) + np.sum(t) + eps
    return (n - t * d) / d**2

# %% mutant="grad_denominator_not_squared" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Quotient rule with D instead of D squared."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    n = 2 * np.sum(p * t) + eps
    d = np.sum(p) + np.sum(t) + eps
    return (n - 2 * t * d) / d

# %% mutant="grad_flattened" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Right numbers, but flattened: the shape of probs is lost."""
    p = np.asarray(probs, dtype=float).ravel()
    t = np.asarray(target, dtype=float).ravel()
    if np.shape(probs) != np.shape(target) or p.size == 0:
        raise ValueError("bad input")
    n = 2 * np.sum(p * t) + eps
    d = np.sum(p) + np.sum(t) + eps
    return (n - 2 * t * d) / d**2

# %% mutant="grad_eps_forgotten" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Leaves eps out of N and D (the loss keeps it): inf on empty masks."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    n = 2 * np.sum(p * t)
    d = np.sum(p) + np.sum(t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (n - 2 * t * d) / d**2

# %% mutant="bce_no_clipping" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Takes logs of 0: nan and inf for confident answers."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))

# %% mutant="bce_sum" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """The sum over pixels instead of the mean."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.sum(t * np.log(p) + (1 - t) * np.log(1 - p)))

# %% mutant="bce_log2" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Bits instead of nats."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(t * np.log2(p) + (1 - t) * np.log2(1 - p)))

# %% mutant="bce_foreground_term_only" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Forgets the background term (1 - t) log(1 - p)."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(t * np.log(p)))

# %% mutant="bce_fixed_eps" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Clips with a hard-coded 1e-7 and ignores the eps argument."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))

# %% mutant="bce_clips_in_place" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Clips the caller's array in place."""
    p, t = np.asarray(probs, dtype=float), np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    np.clip(p, eps, 1 - eps, out=p)
    return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))

# %% mutant="train_ignores_loss_name" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Always trains with BCE, whatever loss says."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        w = w - lr * X.T @ (p - t) / len(t)
    return w

# %% mutant="train_unknown_loss_is_bce" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Any loss name other than "dice" silently means BCE."""
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1.0) * p * (1 - p)
        else:
            g = (p - t) / len(t)
        w = w - lr * X.T @ g
    return w

# %% mutant="train_random_start" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Starts from small random weights instead of zeros."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.random.default_rng(seed).normal(scale=0.01, size=X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1.0) * p * (1 - p)
        else:
            g = (p - t) / len(t)
        w = w - lr * X.T @ g
    return w

# %% mutant="train_dice_without_sigmoid_derivative" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Uses dL/dp as if it were dL/dz: forgets p (1 - p) for Dice."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1.0)
        else:
            g = (p - t) / len(t)
        w = w - lr * X.T @ g
    return w

# %% mutant="train_bce_summed" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """The BCE gradient of the sum, not of the mean."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1.0) * p * (1 - p)
        else:
            g = p - t
        w = w - lr * X.T @ g
    return w

# %% mutant="train_ascent" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Steps up the gradient."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1.0) * p * (1 - p)
        else:
            g = (p - t) / len(t)
        w = w + lr * X.T @ g
    return w

# %% mutant="train_subsamples_pixels" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Uses a random half of the pixels in every step (stochastic)."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        rows = rng.random(len(t)) < 0.5
        Xs, ts = X[rows], t[rows]
        p = 1 / (1 + np.exp(-(Xs @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, ts, 1.0) * p * (1 - p)
        else:
            g = (p - ts) / max(len(ts), 1)
        w = w - lr * Xs.T @ g
    return w

# %% mutant="train_dice_tiny_eps" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Trains Dice with eps = 1e-6 instead of the contract's 1.0."""
    if loss not in ("bce", "dice"):
        raise ValueError("unknown loss")
    X, t = np.asarray(features, dtype=float), np.asarray(target, dtype=float)
    if X.ndim != 2 or X.size == 0 or t.shape != (len(X),):
        raise ValueError("bad shapes")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        if loss == "dice":
            g = soft_dice_grad(p, t, 1e-6) * p * (1 - p)
        else:
            g = (p - t) / len(t)
        w = w - lr * X.T @ g
    return w

# %% variant="dice_loop_numpy_scalar" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Correct: counts in a loop over the flattened masks; numpy float."""
    a, b = np.asarray(pred), np.asarray(target)
    if a.shape != b.shape:
        raise ValueError("the masks differ in shape")
    if a.size == 0:
        raise ValueError("no pixels")
    both = size_a = size_b = 0
    for x, y in zip(a.ravel(), b.ravel()):
        size_a += x != 0
        size_b += y != 0
        both += (x != 0) and (y != 0)
    if size_a + size_b == 0:
        return np.float64(1.0)
    return np.float64(2 * both) / (size_a + size_b)

# %% variant="dice_f1_of_counts" question="dice_coefficient"
def dice_coefficient(pred, target):
    """Correct: true/false positives and negatives, F1 = 2TP/(2TP+FP+FN)."""
    a = np.asarray(pred).astype(bool)
    b = np.asarray(target).astype(bool)
    if a.shape != b.shape or not a.size:
        raise ValueError("need two non-empty masks of one shape")
    tp = np.count_nonzero(a & b)
    fp = np.count_nonzero(a & ~b)
    fn = np.count_nonzero(~a & b)
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)

# %% variant="soft_dice_rearranged" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Correct: the same fraction rearranged, (S - 2I) / (S + eps)."""
    p = np.asarray(probs, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    if p.shape != t.shape:
        raise ValueError("shape mismatch")
    if p.size == 0:
        raise ValueError("empty arrays")
    overlap = np.dot(p.ravel(), t.ravel())
    total = p.sum() + t.sum()
    return (total - 2 * overlap) / (total + eps)

# %% variant="soft_dice_python_sums" question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """Correct: Python sums over flat lists."""
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("probs and target must match and be non-empty")
    ps, ts = p.ravel().tolist(), t.ravel().tolist()
    inter = sum(a * b for a, b in zip(ps, ts))
    return 1.0 - (2.0 * inter + eps) / (sum(ps) + sum(ts) + eps)

# %% variant="grad_quotient_rule_spelled_out" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Correct: -(N' D - N D') / D**2 term by term."""
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape:
        raise ValueError("shapes differ")
    if p.size == 0:
        raise ValueError("empty")
    N = 2.0 * (p * t).sum() + eps
    D = p.sum() + t.sum() + eps
    dN = 2.0 * t
    dD = np.ones_like(p)
    return -(dN * D - N * dD) / (D * D)

# %% variant="grad_loop_list" question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Correct: one entry at a time into a nested list of floats."""
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("need matching, non-empty arrays")
    n = 2 * float(np.sum(p * t)) + eps
    d = float(np.sum(p) + np.sum(t)) + eps
    out = np.empty(p.shape)
    for index in np.ndindex(p.shape):
        out[index] = (n - 2 * t[index] * d) / d**2
    return out.tolist()

# %% variant="bce_where_log1p" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Correct: log1p for the background term; numpy scalar result."""
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape:
        raise ValueError("shape mismatch")
    if p.size == 0:
        raise ValueError("no pixels")
    q = np.minimum(np.maximum(p, eps), 1 - eps)
    return -np.mean(t * np.log(q) + (1 - t) * np.log1p(-q))

# %% variant="bce_python_loop" question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Correct: a loop with math.log over flat lists."""
    import math

    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape or p.size == 0:
        raise ValueError("bad input")
    total = 0.0
    for pi, ti in zip(p.ravel().tolist(), t.ravel().tolist()):
        pi = min(max(pi, eps), 1 - eps)
        total -= ti * math.log(pi) + (1 - ti) * math.log(1 - pi)
    return total / p.size

# %% variant="train_chain_rule_in_full" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Correct: dL/dp for both losses, then times p (1 - p); list output;
    shapes checked before the loss name."""
    X = np.asarray(features, dtype=float)
    t = np.asarray(target, dtype=float)
    if X.ndim != 2 or 0 in X.shape:
        raise ValueError("features should be a non-empty matrix")
    if t.ndim != 1 or len(t) != len(X):
        raise ValueError("one target per row")
    if loss == "bce":
        def dloss_dp(p):
            q = np.clip(p, 1e-7, 1 - 1e-7)
            return (-t / q + (1 - t) / (1 - q)) / len(t)
    elif loss == "dice":
        def dloss_dp(p):
            return np.asarray(soft_dice_grad(p, t, eps=1.0))
    else:
        raise ValueError("loss should be 'bce' or 'dice', not " + str(loss))
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -500, 500)))
        w = w - lr * X.T @ (dloss_dp(p) * p * (1 - p))
    return list(w)

# %% variant="train_einsum_tanh" question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Correct: sigmoid via tanh, the Dice gradient written inline."""
    if loss != "bce" and loss != "dice":
        raise ValueError("unknown loss")
    X = np.array(features, dtype=float)
    t = np.array(target, dtype=float).reshape(-1)
    if X.ndim != 2 or X.shape[0] == 0 or np.ndim(target) != 1 \
            or t.size != X.shape[0]:
        raise ValueError("features (P, F) and target (P,) expected")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 0.5 * (1 + np.tanh(0.5 * np.einsum("pf,f->p", X, w)))
        if loss == "bce":
            gz = (p - t) / t.size
        else:
            n = 2 * np.dot(p, t) + 1.0
            d = p.sum() + t.sum() + 1.0
            gz = (n - 2 * t * d) / d**2 * p * (1 - p)
        w -= lr * np.einsum("pf,p->f", X, gz)
    return w
