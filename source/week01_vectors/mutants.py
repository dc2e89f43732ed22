# %%
import numpy as np

# %% mutant="dot_skips_last" question="dot"
def dot(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if u.size == 0 or u.shape != v.shape:
        raise ValueError("bad input")
    return float(sum(u[i] * v[i] for i in range(len(u) - 1)))

# %% mutant="dot_truncates_mismatch" question="dot"
def dot(u, v):
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    if not list(u):
        raise ValueError("empty")
    return float(total)

# %% mutant="dot_adds_instead" question="dot"
def dot(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if u.size == 0 or u.shape != v.shape:
        raise ValueError("bad input")
    return float(np.sum(u + v))

# %% mutant="norm_no_root" question="norm"
def norm(v, p=2):
    v = np.asarray(v, dtype=float)
    if v.size == 0 or (p != np.inf and p < 1):
        raise ValueError("bad input")
    if p == np.inf:
        return float(np.max(np.abs(v)))
    return float(np.sum(np.abs(v) ** p))

# %% mutant="norm_no_abs" question="norm"
def norm(v, p=2):
    v = np.asarray(v, dtype=float)
    if v.size == 0 or (p != np.inf and p < 1):
        raise ValueError("bad input")
    if p == np.inf:
        return float(np.max(np.abs(v)))
    return float(abs(np.sum(v**p)) ** (1 / p))

# %% mutant="norm_inf_without_abs" question="norm"
def norm(v, p=2):
    v = np.asarray(v, dtype=float)
    if v.size == 0 or (p != np.inf and p < 1):
        raise ValueError("bad input")
    if p == np.inf:
        return float(np.max(v))
    return float(np.sum(np.abs(v) ** p) ** (1 / p))

# %% mutant="norm_accepts_small_p" question="norm"
def norm(v, p=2):
    v = np.asarray(v, dtype=float)
    if v.size == 0:
        raise ValueError("empty")
    if p == np.inf:
        return float(np.max(np.abs(v)))
    return float(np.sum(np.abs(v) ** p) ** (1 / p))

# %% mutant="cosine_normalises_one" question="cosine_similarity"
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if np.all(u == 0) or np.all(v == 0):
        raise ValueError("zero vector")
    return float(np.sum(u * v) / np.sqrt(np.sum(u * u)))

# %% mutant="cosine_no_zero_check" question="cosine_similarity"
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    with np.errstate(all="ignore"):
        return float(np.sum(u * v) / np.sqrt(np.sum(u * u) * np.sum(v * v)))

# %% mutant="cosine_squared_lengths" question="cosine_similarity"
def cosine_similarity(u, v):
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if np.all(u == 0) or np.all(v == 0):
        raise ValueError("zero vector")
    return float(np.sum(u * v) / (np.sum(u * u) * np.sum(v * v)))

# %% mutant="project_unit_assumption" question="project"
def project(u, onto):
    u = np.asarray(u, dtype=float)
    w = np.asarray(onto, dtype=float)
    if np.all(w == 0):
        raise ValueError("zero")
    return np.sum(u * w) * w

# %% mutant="project_returns_coefficient" question="project"
def project(u, onto):
    u = np.asarray(u, dtype=float)
    w = np.asarray(onto, dtype=float)
    if np.all(w == 0):
        raise ValueError("zero")
    return float(np.sum(u * w) / np.sum(w * w))

# %% mutant="project_divides_by_length" question="project"
def project(u, onto):
    u = np.asarray(u, dtype=float)
    w = np.asarray(onto, dtype=float)
    if np.all(w == 0):
        raise ValueError("zero")
    return np.sum(u * w) / np.sqrt(np.sum(w * w)) * w

# %% mutant="project_no_zero_check" question="project"
def project(u, onto):
    u = np.asarray(u, dtype=float)
    w = np.asarray(onto, dtype=float)
    with np.errstate(all="ignore"):
        return np.sum(u * w) / np.sum(w * w) * w

# %% mutant="nn_euclidean" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if not 1 <= k <= len(X) or np.all(q == 0) or X.shape[1] != q.size:
        raise ValueError("bad input")
    distances = np.sqrt(np.sum((X - q) ** 2, axis=1))
    return np.argsort(distances, kind="stable")[:k]

# %% mutant="nn_ascending" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if not 1 <= k <= len(X) or np.all(q == 0) or X.shape[1] != q.size:
        raise ValueError("bad input")
    sims = X @ q / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))
    return np.argsort(sims, kind="stable")[:k]

# %% mutant="nn_ties_higher_index" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if not 1 <= k <= len(X) or np.all(q == 0) or X.shape[1] != q.size:
        raise ValueError("bad input")
    sims = X @ q / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))
    return np.argsort(sims, kind="stable")[::-1][:k]

# %% mutant="nn_dot_not_cosine" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if not 1 <= k <= len(X) or np.all(q == 0) or X.shape[1] != q.size:
        raise ValueError("bad input")
    return np.argsort(-(X @ q), kind="stable")[:k]

# %% mutant="nn_off_by_one_k" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if not 1 <= k <= len(X) or np.all(q == 0) or X.shape[1] != q.size:
        raise ValueError("bad input")
    sims = X @ q / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))
    return np.argsort(-sims, kind="stable")[: k + 1]
