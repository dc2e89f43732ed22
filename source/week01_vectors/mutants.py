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

# %% mutant="norm_max_scaled_zero_nan" question="norm"
def norm(v, p=2):
    a = np.abs(np.asarray(v, dtype=float))
    if a.size == 0 or (p != np.inf and p < 1):
        raise ValueError("bad input")
    m = np.max(a)
    if p == np.inf:
        return float(m)
    with np.errstate(all="ignore"):
        return float(m * np.sum((a / m) ** p) ** (1 / p))

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

# %% [markdown]
# ## Variants
#
# Correct answers written the way a student who never saw the solution might:
# each must score full marks (the tests check the contract, not habits).

# %% variant="dot_numpy_sum" question="dot"
def dot(u, v):
    """np.sum of the element-wise product: a numpy scalar, int for ints."""
    u, v = np.asarray(u), np.asarray(v)
    if u.size == 0 or u.shape != v.shape:
        raise ValueError("need two non-empty vectors of the same length")
    return np.sum(u * v)

# %% variant="dot_fsum_loop" question="dot"
import math


def dot(u, v):
    """Pure Python: a correctly rounded sum of the products (math.fsum)."""
    u, v = list(u), list(v)
    if not u:
        raise ValueError("empty vector")
    if len(u) != len(v):
        raise ValueError("vectors must have equal length")
    return math.fsum(a * b for a, b in zip(u, v))

# %% variant="dot_einsum" question="dot"
def dot(u, v):
    """np.einsum is not among the forbidden shortcuts; returns a float."""
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    if u.ndim != 1 or u.shape != v.shape or len(u) < 1:
        raise ValueError("bad shapes")
    return float(np.einsum("i,i->", u, v))

# %% variant="norm_max_scaled" question="norm"
def norm(v, p=2):
    """Overflow-safe: divide by the largest |v_i| first, multiply back."""
    a = np.abs(np.asarray(v, dtype=float))
    if a.size == 0:
        raise ValueError("empty")
    if np.isinf(p):
        return np.max(a)
    if p < 1:
        raise ValueError("p < 1 is not a norm")
    m = np.max(a)
    if m == 0:
        return 0.0
    return m * np.sum((a / m) ** p) ** (1 / p)

# %% variant="norm_python_loop" question="norm"
import math


def norm(v, p=2):
    """Loops over the entries; math.sqrt for p = 2; accepts any sequence."""
    values = [abs(float(t)) for t in v]
    if len(values) == 0:
        raise ValueError("norm of nothing")
    if p == float("inf"):
        return max(values)
    if not p >= 1:
        raise ValueError("need p >= 1")
    if p == 2:
        return math.sqrt(sum(t * t for t in values))
    return sum(t**p for t in values) ** (1.0 / p)

# %% variant="norm_via_numpy" question="norm"
def norm(v, p=2):
    """np.linalg.norm is allowed here (no shortcut is forbidden)."""
    v = np.asarray(v, dtype=float)
    if v.size == 0 or (p != np.inf and p < 1):
        raise ValueError(f"invalid input for norm: p={p}")
    return np.linalg.norm(v, ord=p)

# %% variant="cosine_normalise_first" question="cosine_similarity"
def cosine_similarity(u, v):
    """Normalise both vectors, then sum the products; clipped to [-1, 1]."""
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.shape != v.shape or u.size == 0:
        raise ValueError("shapes")
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        raise ValueError("zero vector")
    return np.clip(np.sum((u / nu) * (v / nv)), -1.0, 1.0)

# %% variant="cosine_python_loop" question="cosine_similarity"
import math


def cosine_similarity(u, v):
    """Pure Python, one pass over the pairs; accepts tuples."""
    if len(u) != len(v) or len(u) == 0:
        raise ValueError("lengths")
    uv = uu = vv = 0.0
    for a, b in zip(u, v):
        uv += a * b
        uu += a * a
        vv += b * b
    if uu == 0.0 or vv == 0.0:
        raise ValueError("a zero vector has no angle")
    return uv / math.sqrt(uu * vv)

# %% variant="cosine_scaled" question="cosine_similarity"
def cosine_similarity(u, v):
    """Scale each vector by its largest entry first (safe for huge entries)."""
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.size == 0 or u.shape != v.shape:
        raise ValueError("need equal non-empty vectors")
    mu, mv = np.max(np.abs(u)), np.max(np.abs(v))
    if mu == 0 or mv == 0:
        raise ValueError("zero vector")
    u, v = u / mu, v / mv
    uv = np.sum(u * v)
    return float(uv / np.sqrt(np.sum(u * u)) / np.sqrt(np.sum(v * v)))

# %% variant="project_list_output" question="project"
def project(u, onto):
    """Pure Python, returns a list; accepts tuples."""
    if len(u) != len(onto) or len(u) == 0:
        raise ValueError("lengths")
    ww = sum(b * b for b in onto)
    if ww == 0:
        raise ValueError("onto is zero")
    c = sum(a * b for a, b in zip(u, onto)) / ww
    return [c * b for b in onto]

# %% variant="project_unit_vector" question="project"
def project(u, onto):
    """Via the unit vector e = onto / |onto|: (u . e) e."""
    u, w = np.asarray(u), np.asarray(onto)
    if u.shape != w.shape or u.size == 0:
        raise ValueError("u and onto must match")
    length = np.linalg.norm(w)
    if length == 0:
        raise ValueError("zero vector spans no line")
    e = w / length
    return np.sum(u * e) * e

# %% variant="project_outer_matrix" question="project"
def project(u, onto):
    """The projection matrix w w^T / (w^T w) applied to u."""
    u = np.asarray(u, dtype=float)
    w = np.asarray(onto, dtype=float)
    if u.ndim != 1 or u.shape != w.shape or u.size == 0:
        raise ValueError("bad input")
    ww = np.sum(w**2)
    if not ww > 0:
        raise ValueError("onto must not be zero")
    P = np.outer(w, w) / ww
    return np.sum(P * u, axis=1)

# %% variant="nn_lexsort_list" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    """np.lexsort on (index, -similarity); returns a list of Python ints."""
    q = np.asarray(query, dtype=float)
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0 or X.shape[1] != len(q):
        raise ValueError("X must be (n, d) with d = len(query)")
    if not 1 <= k <= len(X):
        raise ValueError("k out of range")
    qn = np.linalg.norm(q)
    rn = np.linalg.norm(X, axis=1)
    if qn == 0 or np.any(rn == 0):
        raise ValueError("zero vector")
    sims = np.sum(X * q, axis=1) / rn / qn
    order = np.lexsort((np.arange(len(X)), -sims))
    return [int(i) for i in order[:k]]

# %% variant="nn_python_sorted" question="nearest_neighbors"
import math


def nearest_neighbors(query, X, k):
    """Plain loops and sorted() with the key (-similarity, index)."""
    rows = [list(map(float, r)) for r in X]
    q = [float(t) for t in query]
    if not rows or not q or any(len(r) != len(q) for r in rows):
        raise ValueError("shapes do not match")
    if k < 1 or k > len(rows):
        raise ValueError("bad k")
    qn = math.sqrt(sum(t * t for t in q))
    if qn == 0:
        raise ValueError("zero query")
    sims = []
    for r in rows:
        rn = math.sqrt(sum(t * t for t in r))
        if rn == 0:
            raise ValueError("zero row")
        sims.append(sum(a * b for a, b in zip(r, q)) / (rn * qn))
    best = sorted(range(len(rows)), key=lambda i: (-sims[i], i))
    return np.array(best[:k], dtype=np.int32)

# %% variant="nn_unit_rows_mergesort" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    """Normalise rows and query, round off noise below 1e-12, mergesort."""
    q = np.asarray(query, dtype=float).ravel()
    X = np.atleast_2d(np.asarray(X, dtype=float))
    if X.size == 0 or X.shape[1] != q.size:
        raise ValueError("empty X or wrong width")
    if int(k) != k or not 0 < k <= X.shape[0]:
        raise ValueError("k must be 1..n")
    if not np.any(q):
        raise ValueError("zero query")
    unit_rows = X / np.linalg.norm(X, axis=1, keepdims=True)
    sims = np.round(np.sum(unit_rows * (q / np.linalg.norm(q)), axis=1), 12)
    return np.argsort(-sims, kind="mergesort")[: int(k)]

# %% variant="cosine_from_dot_and_norm" question="cosine_similarity"
def cosine_similarity(u, v):
    """Built on the student's own dot and norm, as the exercise suggests."""
    if len(u) == 0 or len(u) != len(v):
        raise ValueError("need two vectors of the same non-zero length")
    nu, nv = norm(u), norm(v)
    if nu == 0 or nv == 0:
        raise ValueError("cosine similarity is undefined for a zero vector")
    return dot(u, v) / (nu * nv)

# %% variant="nn_calls_cosine_similarity" question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    """One cosine_similarity call per row (the student's own function)."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != len(query):
        raise ValueError("X must have one row per candidate, of len(query)")
    if not 1 <= k <= len(X):
        raise ValueError("k must lie between 1 and len(X)")
    scores = np.array([cosine_similarity(query, row) for row in X])
    return np.argsort(-scores, kind="stable")[:k]

# %%
# Mutants of `course strength` that are correct, and why.
EQUIVALENT = [
    ("nearest_neighbors:53ec54",
     "scales every similarity by the same positive number (|q| instead of "
     "its square root): the ranking is the same except on near-ties"),
    ("nearest_neighbors:305c92",
     "scales every similarity by the same positive number (mean instead of "
     "sum under the root): the ranking is the same except on near-ties"),
    ("nearest_neighbors:2fb077",
     "scales every similarity by the same positive number (/ |q| instead "
     "of * |q|): the ranking is the same except on near-ties"),
]
