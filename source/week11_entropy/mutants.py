# %%
import numpy as np

# %% mutant="entropy_log_of_zero" question="entropy"
def entropy(p, base=2):
    """0 * log(0) is nan: no care for impossible outcomes."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * np.log(p)) / np.log(base))

# %% mutant="entropy_natural_log" question="entropy"
def entropy(p, base=2):
    """Always the natural log: nats although bits were asked for."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p[p > 0]
    return float(-np.sum(s * np.log(s)))

# %% mutant="entropy_ignores_base" question="entropy"
def entropy(p, base=2):
    """Always log2, whatever the base."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p[p > 0]
    return float(-np.sum(s * np.log2(s)))

# %% mutant="entropy_base_multiplied" question="entropy"
def entropy(p, base=2):
    """Change of base the wrong way round: multiplies by ln(base)."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p[p > 0]
    return float(-np.sum(s * np.log(s)) * np.log(base))

# %% mutant="entropy_no_minus" question="entropy"
def entropy(p, base=2):
    """Forgets the minus sign: a negative entropy."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p[p > 0]
    return float(np.sum(s * np.log(s)) / np.log(base))

# %% mutant="entropy_unweighted" question="entropy"
def entropy(p, base=2):
    """Sums the surprises without weighting them by p."""
    p = np.asarray(p, dtype=float)
    if p.size == 0 or np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p[p > 0]
    return float(-np.sum(np.log(s)) / np.log(base) / s.size)

# %% mutant="entropy_no_validation" question="entropy"
def entropy(p, base=2):
    """Trusts p blindly."""
    p = np.asarray(p, dtype=float)
    if p.size == 0:
        raise ValueError("empty")
    s = p[p > 0]
    return float(-np.sum(s * np.log(s)) / np.log(base))

# %% mutant="ce_arguments_swapped" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """-sum q log p: the roles of p and q swapped."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = q > 0
    if np.any(p[s] == 0):
        return float("inf")
    return float(-np.sum(q[s] * np.log(p[s])) / np.log(base))

# %% mutant="ce_log_of_zero" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """0 * log(0) is nan where p = q = 0."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * np.log(q)) / np.log(base))

# %% mutant="ce_clips_q" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Clips q like a loss function: finite where it must be inf."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    q = np.clip(q, 1e-12, 1.0)
    return float(-np.sum(p * np.log(q)) / np.log(base))

# %% mutant="ce_natural_log" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Natural log whatever the base."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(-np.sum(p[s] * np.log(q[s])))

# %% mutant="ce_returns_kl" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Returns the extra cost KL(p || q) instead of the whole cost."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(np.sum(p[s] * np.log(p[s] / q[s])) / np.log(base))

# %% mutant="ce_mean_over_outcomes" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """np.mean instead of np.sum over the outcomes."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    if np.any(q[p > 0] == 0):
        return float("inf")
    terms = np.where(p > 0, p * np.log(np.where(p > 0, q, 1.0)), 0.0)
    return float(-np.mean(terms) / np.log(base))

# %% mutant="ce_q_not_validated" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Validates p only."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    s = p > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p[s] * np.log(q[s])) / np.log(base))

# %% mutant="ce_only_rejects_total_above_one" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """abs() forgotten: a vector adding up to less than 1 slips through."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or v.sum() - 1 > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(-np.sum(p[s] * np.log(q[s])) / np.log(base))

# %% mutant="kl_only_rejects_total_above_one" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """abs() forgotten: a vector adding up to less than 1 slips through."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or v.sum() - 1 > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(np.sum(p[s] * np.log(p[s] / q[s])) / np.log(base))

# %% mutant="kl_wrong_sign" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """sum p log(q / p): the ratio upside down, a negative divergence."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(np.sum(p[s] * np.log(q[s] / p[s])) / np.log(base))

# %% mutant="kl_swapped" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """KL(q || p) instead of KL(p || q)."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = q > 0
    if np.any(p[s] == 0):
        return float("inf")
    return float(np.sum(q[s] * np.log(q[s] / p[s])) / np.log(base))

# %% mutant="kl_log_of_zero" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """0 * log(0 / q) is nan: no care for p = 0."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p * np.log(p / q)) / np.log(base))

# %% mutant="kl_natural_log" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """Natural log whatever the base."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    s = p > 0
    if np.any(q[s] == 0):
        return float("inf")
    return float(np.sum(p[s] * np.log(p[s] / q[s])))

# %% mutant="kl_symmetrized" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """The average of both directions, as if KL were a distance."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    if np.any((p > 0) != (q > 0)):
        return float("inf")
    s = p > 0
    both = np.sum((p[s] - q[s]) * np.log(p[s] / q[s]))
    return float(both / 2 / np.log(base))

# %% mutant="kl_entropy_difference" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """H(q) - H(p): the difference of the two entropies."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    for v in (p, q):
        if np.any(v < 0) or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    hp = -np.sum(p[p > 0] * np.log(p[p > 0]))
    hq = -np.sum(q[q > 0] * np.log(q[q > 0]))
    return float((hq - hp) / np.log(base))

# %% mutant="kl_no_validation" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """Trusts p and q blindly."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or p.shape != q.shape:
        raise ValueError("bad shapes")
    s = p > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p[s] * np.log(p[s] / q[s])) / np.log(base))

# %% mutant="bce_sum_not_mean" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Sums the losses instead of averaging them."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% mutant="bce_no_clipping" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """No clipping: inf or nan for probabilities of exactly 0 or 1."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% mutant="bce_clips_lower_end_only" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """np.maximum(p, eps): log(1 - p) still sees 1 - 1 = 0."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.maximum(p, eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% mutant="bce_fixed_eps" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Clips with a hard-coded 1e-7 instead of the eps argument."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% mutant="bce_log2" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Bits instead of nats: log base 2."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)))

# %% mutant="bce_positives_only" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Forgets the (1 - y) log(1 - p) term: negatives cost nothing."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p)))

# %% mutant="bce_no_minus" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Forgets the minus sign: the mean log-likelihood."""
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != p.shape:
        raise ValueError("bad shapes")
    p = np.clip(p, eps, 1 - eps)
    return float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% mutant="bce_no_shape_check" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Broadcasts mismatched shapes instead of raising."""
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(y_prob, dtype=float), eps, 1 - eps)
    with np.errstate(invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

# %% variant="entropy_nansum" question="entropy"
def entropy(p, base=2):
    """Correct: np.nansum drops the nan of 0 * log(0); change of base."""
    p = np.asarray(p)
    if p.size == 0:
        raise ValueError("empty distribution")
    if (p < 0).any() or not np.isclose(p.sum(), 1, rtol=0, atol=1e-9):
        raise ValueError("p is not a probability vector")
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log2(p)) / np.log2(base)

# %% variant="entropy_python_loop" question="entropy"
def entropy(p, base=2):
    """Correct: a loop with math.log(x, base), skipping zeros."""
    import math

    probs = [float(x) for x in p]
    if not probs or min(probs) < 0 or abs(math.fsum(probs) - 1) > 1e-9:
        raise ValueError("need a probability vector")
    return -sum(x * math.log(x, base) for x in probs if x > 0)

# %% variant="ce_where" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Correct: np.where masks, the inf arising from the log itself."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.shape != q.shape or p.size == 0:
        raise ValueError("p and q differ in length")
    if (p < 0).any() or (q < 0).any():
        raise ValueError("negative probability")
    if abs(p.sum() - 1) > 1e-9 or abs(q.sum() - 1) > 1e-9:
        raise ValueError("a total is not 1")
    with np.errstate(divide="ignore"):
        log_q = np.log(q) / np.log(base)
    terms = np.where(p > 0, -p * np.where(p > 0, log_q, 0.0), 0.0)
    return np.sum(terms)

# %% variant="ce_python_loop" question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Correct: a loop with math.log, returning math.inf."""
    import math

    p, q = [float(x) for x in p], [float(x) for x in q]
    if not p or len(p) != len(q):
        raise ValueError("need two vectors of one length")
    for v in (p, q):
        if min(v) < 0 or abs(math.fsum(v) - 1) > 1e-9:
            raise ValueError("not a probability vector")
    total = 0.0
    for pi, qi in zip(p, q):
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        total -= pi * math.log(qi) / math.log(base)
    return total

# %% variant="kl_as_difference" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """Correct: H(p, q) - H(p), with scipy-free xlogy-style masking."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.size == 0 or q.shape != p.shape:
        raise ValueError("shapes")
    if np.any(p < 0) or np.any(q < 0):
        raise ValueError("negative")
    if max(abs(p.sum() - 1), abs(q.sum() - 1)) > 1e-9:
        raise ValueError("totals")
    support = p > 0
    if not np.all(q[support] > 0):
        return np.inf
    cross = -np.sum(p[support] * np.log2(q[support]))
    own = -np.sum(p[support] * np.log2(p[support]))
    return (cross - own) * np.log(2) / np.log(base)

# %% variant="kl_python_loop" question="kl_divergence"
def kl_divergence(p, q, base=2):
    """Correct: a loop with math.log(p / q, base)."""
    import math

    p, q = [float(x) for x in p], [float(x) for x in q]
    if len(p) == 0 or len(p) != len(q):
        raise ValueError("bad lengths")
    if any(x < 0 for x in p + q):
        raise ValueError("negative entries")
    if abs(math.fsum(p) - 1) > 1e-9 or abs(math.fsum(q) - 1) > 1e-9:
        raise ValueError("not normalised")
    total = 0.0
    for pi, qi in zip(p, q):
        if pi > 0:
            if qi == 0:
                return float("inf")
            total += pi * math.log(pi / qi, base)
    return total

# %% variant="bce_where_labels" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Correct for 0/1 labels: pick log p or log(1 - p) with np.where."""
    y = np.asarray(y_true)
    p = np.asarray(y_prob, dtype=float)
    if p.size == 0 or y.shape != p.shape:
        raise ValueError("shape mismatch or empty")
    p = np.minimum(np.maximum(p, eps), 1 - eps)
    return -np.mean(np.where(y == 1, np.log(p), np.log1p(-p)))

# %% variant="bce_python_loop" question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Correct: a loop with math.log and min/max clipping."""
    import math

    y_true, y_prob = list(y_true), list(y_prob)
    if not y_true or len(y_true) != len(y_prob):
        raise ValueError("need as many labels as probabilities")
    total = 0.0
    for y, p in zip(y_true, y_prob):
        p = min(max(float(p), eps), 1 - eps)
        total += -(float(y) * math.log(p) + (1 - float(y)) * math.log(1 - p))
    return total / len(y_true)
