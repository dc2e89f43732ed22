# %%
import numpy as np

# %% mutant="softmax_no_max_shift" question="softmax"
def softmax(z, axis=-1):
    """Literal formula: exp(1000) overflows, inf / inf is nan."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)

# %% mutant="softmax_normalizes_axis_0" question="softmax"
def softmax(z, axis=-1):
    """Ignores axis: always normalizes over axis 0 (across the batch)."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)

# %% mutant="softmax_ignores_axis" question="softmax"
def softmax(z, axis=-1):
    """Always the last axis, whatever axis says."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)

# %% mutant="softmax_global_max" question="softmax"
def softmax(z, axis=-1):
    """Shifts by the maximum of the whole array: small rows become 0/0."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=axis, keepdims=True)

# %% mutant="softmax_no_keepdims" question="softmax"
def softmax(z, axis=-1):
    """Forgets keepdims: the row maxima broadcast along the wrong axis."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z, axis=axis))
    return e / np.sum(e, axis=axis, keepdims=True)

# %% mutant="softmax_sum_over_everything" question="softmax"
def softmax(z, axis=-1):
    """Normalizes by the total of the whole array, not per slice."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e)

# %% mutant="log_softmax_log_of_softmax" question="log_softmax"
def log_softmax(z, axis=-1):
    """log(softmax): -inf as soon as a probability underflows to 0."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return np.log(e / np.sum(e, axis=axis, keepdims=True))

# %% mutant="log_softmax_no_shift" question="log_softmax"
def log_softmax(z, axis=-1):
    """z - log(sum(exp(z))) without the shift: overflows at 1000."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))

# %% mutant="log_softmax_forgets_max" question="log_softmax"
def log_softmax(z, axis=-1):
    """Shifts inside the log but forgets to subtract m from z."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    m = np.max(z, axis=axis, keepdims=True)
    return z - np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))

# %% mutant="log_softmax_global_max" question="log_softmax"
def log_softmax(z, axis=-1):
    """Shift by the maximum of the whole array: log(0) for small rows."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    s = z - np.max(z)
    return s - np.log(np.sum(np.exp(s), axis=axis, keepdims=True))

# %% mutant="log_softmax_axis_0" question="log_softmax"
def log_softmax(z, axis=-1):
    """Reduces over axis 0 whatever axis says."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    s = z - np.max(z, axis=0, keepdims=True)
    return s - np.log(np.sum(np.exp(s), axis=0, keepdims=True))

# %% mutant="log_softmax_no_keepdims" question="log_softmax"
def log_softmax(z, axis=-1):
    """Reduces without keepdims: wrong broadcasting on square batches."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    s = z - np.max(z, axis=axis)
    return s - np.log(np.sum(np.exp(s), axis=axis))

# %% mutant="one_hot_one_based" question="one_hot"
def one_hot(labels, n_classes):
    """Off by one: treats the labels as 1-based (label k in column k-1)."""
    labels = np.asarray(labels, dtype=int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    out = np.zeros((labels.size, n_classes))
    out[np.arange(labels.size), labels - 1] = 1.0
    return out

# %% mutant="one_hot_width_from_labels" question="one_hot"
def one_hot(labels, n_classes):
    """Width max(labels) + 1 instead of n_classes."""
    labels = np.asarray(labels, dtype=int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    return np.eye(labels.max() + 1)[labels]

# %% mutant="one_hot_label_smoothing" question="one_hot"
def one_hot(labels, n_classes):
    """Label smoothing by accident: 0.9 on the true class, 0.1/C spread."""
    labels = np.asarray(labels, dtype=int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    return 0.9 * np.eye(n_classes)[labels] + 0.1 / n_classes

# %% mutant="one_hot_no_range_check" question="one_hot"
def one_hot(labels, n_classes):
    """No checks: -1 silently wraps to the last class."""
    labels = np.asarray(labels, dtype=int)
    return np.eye(n_classes)[labels]

# %% mutant="one_hot_truncates_labels" question="one_hot"
def one_hot(labels, n_classes):
    """Casts to int without a check: label 1.5 silently becomes class 1."""
    labels = np.asarray(labels).astype(int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    out = np.zeros((labels.size, n_classes))
    out[np.arange(labels.size), labels] = 1.0
    return out

# %% mutant="one_hot_sets_columns" question="one_hot"
def one_hot(labels, n_classes):
    """out[:, labels] = 1 sets whole columns, not one entry per row."""
    labels = np.asarray(labels, dtype=int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    out = np.zeros((labels.size, n_classes))
    out[:, labels] = 1.0
    return out

# %% mutant="one_hot_transposed" question="one_hot"
def one_hot(labels, n_classes):
    """Shape (n_classes, N) instead of (N, n_classes)."""
    labels = np.asarray(labels, dtype=int)
    if labels.size == 0 or np.any(labels < 0) or np.any(labels >= n_classes):
        raise ValueError("bad labels")
    return np.eye(n_classes)[labels].T

# %% mutant="ce_sum_not_mean" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """The sum over the batch instead of the mean."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    s = logits - logits.max(axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.sum(log_p[np.arange(n), labels]))

# %% mutant="ce_log_of_softmax" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """-log(softmax): inf for a confident mistake."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(n), labels])))

# %% mutant="ce_no_shift" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """Log-sum-exp without the shift: overflows for logits of 1000."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    lse = np.log(np.sum(np.exp(logits), axis=1))
    return float(np.mean(lse - logits[np.arange(n), labels]))

# %% mutant="ce_in_bits" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """Week 11's default base 2: the loss in bits instead of nats."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    s = logits - logits.max(axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(n), labels]) / np.log(2.0))

# %% mutant="ce_picks_columns" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """log_p[:, labels] is an N x N block, not one entry per row."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    s = logits - logits.max(axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(log_p[:, labels]))

# %% mutant="ce_no_label_checks" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """No checks: label -1 picks the last class, short labels drop rows."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    s = logits - logits.max(axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(labels.size), labels]))

# %% mutant="ce_grad_no_one_over_n" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """The gradient of the summed loss: forgets the 1/N."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True) - np.eye(c)[labels]

# %% mutant="ce_grad_wrong_sign" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """one_hot - softmax: the direction of ascent, not the gradient."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (np.eye(c)[labels] - e / e.sum(axis=1, keepdims=True)) / n

# %% mutant="ce_grad_no_shift" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Softmax without the shift: nan for logits of 1000."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits)
    return (e / e.sum(axis=1, keepdims=True) - np.eye(c)[labels]) / n

# %% mutant="ce_grad_true_class_only" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Only the true logit gets a gradient, p_y - 1; the others get 0."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    grad = np.zeros_like(p)
    rows = np.arange(n)
    grad[rows, labels] = (p[rows, labels] - 1.0) / n
    return grad

# %% mutant="ce_grad_divides_by_size" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Divides by N * C, as if the loss were a mean over all entries."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    if n == 0 or labels.shape != (n,) or np.any(labels < 0) or np.any(
            labels >= c):
        raise ValueError("bad input")
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True) - np.eye(c)[labels]) / (n * c)

# %% mutant="ce_grad_no_checks" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """No checks: label -1 wraps around, a short label list broadcasts."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n, c = logits.shape
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    with np.errstate(all="ignore"):
        return (e / e.sum(axis=1, keepdims=True) - np.eye(c)[labels]) / n

# %% variant="softmax_moveaxis_loop" question="softmax"
def softmax(z, axis=-1):
    """Correct: moves axis to the end and loops over the slices in Python."""
    arr = np.array(z, dtype=float)
    if arr.size == 0:
        raise ValueError("no logits given")
    moved = np.moveaxis(arr, axis, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    out = np.empty_like(flat)
    for i, row in enumerate(flat):
        top = max(row)
        exps = [np.exp(v - top) for v in row]
        total = sum(exps)
        out[i] = [v / total for v in exps]
    return np.moveaxis(out.reshape(moved.shape), -1, axis)

# %% variant="softmax_exp_of_log_softmax" question="softmax"
def softmax(z, axis=-1):
    """Correct: exp(z - logsumexp(z)), with np.logaddexp.reduce."""
    z = np.asarray(z)
    if z.size == 0 or z.ndim == 0:
        raise ValueError("softmax of nothing")
    lse = np.logaddexp.reduce(z.astype(float), axis=axis, keepdims=True)
    return np.exp(z - lse)

# %% variant="log_softmax_python_lse" question="log_softmax"
def log_softmax(z, axis=-1):
    """Correct: math.log / math.exp per slice, via apply_along_axis."""
    import math

    arr = np.asarray(z, dtype=float)
    if arr.size == 0:
        raise ValueError("log_softmax: empty input")

    def one(row):
        top = max(row)
        lse = top + math.log(sum(math.exp(v - top) for v in row))
        return [v - lse for v in row]

    return np.apply_along_axis(one, axis, arr)

# %% variant="log_softmax_logaddexp" question="log_softmax"
def log_softmax(z, axis=-1):
    """Correct: numpy's logaddexp.reduce as the log-sum-exp."""
    z = np.asarray(z, dtype=float)
    if not z.size or not z.ndim:
        raise ValueError("need a vector or batch of logits")
    return z - np.logaddexp.reduce(z, axis=axis, keepdims=True)

# %% variant="one_hot_list_of_lists" question="one_hot"
def one_hot(labels, n_classes):
    """Correct: a plain Python list of rows of ints."""
    labels = list(labels)
    if not labels:
        raise ValueError("no labels")
    rows = []
    for label in labels:
        if label != int(label) or not 0 <= label < n_classes:
            raise ValueError("label out of range")
        rows.append([1 if k == label else 0 for k in range(n_classes)])
    return rows

# %% variant="one_hot_comparison_bool" question="one_hot"
def one_hot(labels, n_classes):
    """Correct: broadcasting comparison, a boolean array."""
    labels = np.asarray(labels)
    if labels.size == 0:
        raise ValueError("empty labels")
    if np.any(labels % 1 != 0):
        raise ValueError("labels must be whole numbers")
    if labels.min() < 0 or labels.max() > n_classes - 1:
        raise ValueError("labels out of range")
    return labels[:, None] == np.arange(n_classes)[None, :]

# %% variant="one_hot_eye_int" question="one_hot"
def one_hot(labels, n_classes):
    """Correct: rows of an integer identity matrix."""
    if any(float(y) != int(y) for y in np.ravel(labels)):
        raise ValueError("fractional label")
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0 or (labels < 0).any() or (labels >= n_classes).any():
        raise ValueError("invalid labels")
    return np.eye(n_classes, dtype=np.int64)[labels]

# %% variant="ce_week8_form" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """Correct: week 11's -sum p log q with p = one_hot, a numpy scalar."""
    logits = np.asarray(logits, dtype=float)
    if logits.ndim != 2 or logits.shape[0] == 0 or logits.shape[1] == 0:
        raise ValueError("logits must be (N, C)")
    n, c = logits.shape
    if len(labels) != n:
        raise ValueError("one label per row")
    p = one_hot(labels, c)
    q_log = log_softmax(logits, axis=1)
    return -np.sum(np.asarray(p, dtype=float) * q_log) / n

# %% variant="ce_python_loop" question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """Correct: a loop over the samples, math.fsum, own messages."""
    import math

    if np.ndim(logits) != 2:
        raise ValueError("logits must be an (N, C) batch")
    rows = [list(map(float, row)) for row in np.asarray(logits)]
    if any(y != int(y) for y in labels):
        raise ValueError("labels must be whole numbers")
    labels = [int(y) for y in labels]
    if not rows or len(labels) != len(rows):
        raise ValueError("need one label per row of a non-empty batch")
    losses = []
    for row, y in zip(rows, labels):
        if not 0 <= y < len(row):
            raise ValueError("label out of range")
        top = max(row)
        lse = top + math.log(math.fsum(math.exp(v - top) for v in row))
        losses.append(lse - row[y])
    return math.fsum(losses) / len(losses)

# %% variant="ce_grad_loop" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Correct: one row at a time, with its own checks."""
    logits = np.array(logits, dtype=float)
    if logits.ndim != 2 or logits.size == 0:
        raise ValueError("logits must be a non-empty 2-D array")
    n, c = logits.shape
    labels = np.asarray(labels)
    if labels.shape != (n,):
        raise ValueError("one label per row")
    grad = np.empty_like(logits)
    for i in range(n):
        y = int(labels[i])
        if y != labels[i] or y < 0 or y >= c:
            raise ValueError("label out of range")
        e = np.exp(logits[i] - logits[i].max())
        grad[i] = e / e.sum()
        grad[i, y] -= 1.0
    return grad / n

# %% variant="ce_grad_exp_log_softmax" question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Correct: exp(log_softmax) minus a comparison mask, as a list."""
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim != 2 or 0 in logits.shape or len(labels) != len(logits):
        raise ValueError("bad shapes")
    if labels.min() < 0 or labels.max() >= logits.shape[1]:
        raise ValueError("bad labels")
    if not np.array_equal(labels, np.floor(labels)):
        raise ValueError("fractional labels")
    probs = np.exp(log_softmax(logits, axis=1))
    mask = labels[:, None] == np.arange(logits.shape[1])
    return ((probs - mask) / len(logits)).tolist()
