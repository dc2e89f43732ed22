# %%
import numpy as np

# %% mutant="power_no_sign_fix" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Never fixes the sign, so a negative eigenvalue makes the iterates
    flip forever and the vector's sign is arbitrary."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v

# %% mutant="power_length_as_eigenvalue" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Takes |Av| as the eigenvalue, which loses the sign of a negative
    eigenvalue."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        w = w * np.sign(w[np.argmax(np.abs(w))])
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(np.linalg.norm(A @ v)), v

# %% mutant="power_ones_start" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Starts from the all-ones vector instead of the seeded random one."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0])
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        w = w * np.sign(w[np.argmax(np.abs(w))])
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v

# %% mutant="power_one_step_too_many" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Off by one: takes n_iter + 1 steps."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    for _ in range(n_iter + 1):
        w = A @ v
        w = w / np.linalg.norm(w)
        w = w * np.sign(w[np.argmax(np.abs(w))])
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v

# %% mutant="power_ignores_tol" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Always runs all n_iter steps, whatever tol says."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        v = w * np.sign(w[np.argmax(np.abs(w))])
    return float(v @ A @ v), v

# %% mutant="power_stops_on_eigenvalue_change" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Stops when the Rayleigh quotient changes by less than tol, not when
    the vector does."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    value = v @ A @ v
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        v = w * np.sign(w[np.argmax(np.abs(w))])
        new = v @ A @ v
        if abs(new - value) < tol:
            value = new
            break
        value = new
    return float(value), v

# %% mutant="power_sign_of_first_entry" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Makes the first entry positive instead of the largest one."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[0])
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        w = w * (np.sign(w[0]) or 1.0)
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v

# %% mutant="power_returns_unnormalised" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Returns A v, the last product, instead of the unit vector."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a non-empty square matrix")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    for _ in range(n_iter):
        w = A @ v
        w = w / np.linalg.norm(w)
        w = w * np.sign(w[np.argmax(np.abs(w))])
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), A @ v

# %% mutant="cov_divides_by_n" question="covariance_matrix"
def covariance_matrix(X):
    """Divides by n instead of n - 1 (the maximum-likelihood estimate)."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    centred = X - X.mean(axis=0)
    return centred.T @ centred / X.shape[0]

# %% mutant="cov_not_centred" question="covariance_matrix"
def covariance_matrix(X):
    """Forgets to subtract the mean."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    return X.T @ X / (X.shape[0] - 1)

# %% mutant="cov_samples_by_samples" question="covariance_matrix"
def covariance_matrix(X):
    """Multiplies in the wrong order: an (n, n) matrix of samples."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    centred = X - X.mean(axis=0)
    return centred @ centred.T / (X.shape[0] - 1)

# %% mutant="cov_one_pass_formula" question="covariance_matrix"
def covariance_matrix(X):
    """The shortcut (X^T X - n m m^T) / (n - 1): cancels catastrophically
    for data far from the origin."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    n = X.shape[0]
    m = X.mean(axis=0)
    return (X.T @ X - n * np.outer(m, m)) / (n - 1)

# %% mutant="cov_row_means" question="covariance_matrix"
def covariance_matrix(X):
    """Centres each sample by its own mean (axis=1) instead of each
    feature."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    centred = X - X.mean(axis=1, keepdims=True)
    return centred.T @ centred / (X.shape[0] - 1)

# %% mutant="cov_accepts_one_row" question="covariance_matrix"
def covariance_matrix(X):
    """No check for a single sample: divides 0 by 0."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("need a 2-D array")
    centred = X - X.mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return centred.T @ centred / (X.shape[0] - 1)

# %% mutant="cov_correlation" question="covariance_matrix"
def covariance_matrix(X):
    """Returns the correlation matrix (divides by the standard
    deviations)."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError("need (n, d) with n >= 2")
    centred = X - X.mean(axis=0)
    C = centred.T @ centred / (X.shape[0] - 1)
    s = np.sqrt(np.diag(C))
    return C / np.outer(s, s)

# %% mutant="pca_smallest_first" question="pca"
def pca(X, k):
    """Forgets that eigh sorts increasingly: keeps the k smallest."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    components = vectors[:, :k].T
    idx = np.argmax(np.abs(components), axis=1)
    components = components * np.sign(components[np.arange(k), idx])[:, None]
    return components, values[:k], mean

# %% mutant="pca_rows_of_eigh" question="pca"
def pca(X, k):
    """Takes the ROWS of eigh's eigenvector matrix; the eigenvectors are
    its columns."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[top]
    idx = np.argmax(np.abs(components), axis=1)
    components = components * np.sign(components[np.arange(k), idx])[:, None]
    return components, values[top], mean

# %% mutant="pca_components_as_columns" question="pca"
def pca(X, k):
    """Returns the components as columns (d, k) instead of rows."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top]
    idx = np.argmax(np.abs(components), axis=0)
    components = components * np.sign(components[idx, np.arange(k)])
    return components, values[top], mean

# %% mutant="pca_no_sign_fix" question="pca"
def pca(X, k):
    """Keeps whatever signs eigh happened to return."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    return vectors[:, top].T, values[top], mean

# %% mutant="pca_variance_over_n" question="pca"
def pca(X, k):
    """Divides by n in the covariance, so every variance is too small."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / len(X))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top].T
    idx = np.argmax(np.abs(components), axis=1)
    components = components * np.sign(components[np.arange(k), idx])[:, None]
    return components, values[top], mean

# %% mutant="pca_standard_deviations" question="pca"
def pca(X, k):
    """Reports the standard deviations (square roots) instead of the
    variances."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top].T
    idx = np.argmax(np.abs(components), axis=1)
    components = components * np.sign(components[np.arange(k), idx])[:, None]
    return components, np.sqrt(np.maximum(values[top], 0)), mean

# %% mutant="pca_not_centred" question="pca"
def pca(X, k):
    """Decomposes X^T X / (n - 1) without centring: the mean leaks into the
    first component."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    values, vectors = np.linalg.eigh(X.T @ X / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top].T
    idx = np.argmax(np.abs(components), axis=1)
    components = components * np.sign(components[np.arange(k), idx])[:, None]
    return components, values[top], X.mean(axis=0)

# %% mutant="pca_sign_of_first_entry" question="pca"
def pca(X, k):
    """Makes each component's first entry positive instead of its
    largest."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top].T
    signs = np.where(components[:, 0] < 0, -1.0, 1.0)
    return components * signs[:, None], values[top], mean

# %% mutant="pca_no_k_check" question="pca"
def pca(X, k):
    """Lets slicing decide: k = 0 or k > d silently return fewer
    components."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]
    components = vectors[:, top].T
    idx = np.argmax(np.abs(components), axis=1)
    rows = np.arange(len(top))
    components = components * np.sign(components[rows, idx])[:, None]
    return components, values[top], mean

# %% mutant="rec_forgets_to_add_mean" question="reconstruct"
def reconstruct(X, components, mean):
    """Projects the centred data but never moves it back to the mean."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0 or C.ndim != 2 or C.shape[0] == 0:
        raise ValueError("bad shapes")
    if C.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return (X - mean) @ C.T @ C

# %% mutant="rec_ignores_mean" question="reconstruct"
def reconstruct(X, components, mean):
    """Projects onto the span through the origin, ignoring the mean."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0 or C.ndim != 2 or C.shape[0] == 0:
        raise ValueError("bad shapes")
    if C.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return X @ C.T @ C

# %% mutant="rec_adds_without_subtracting" question="reconstruct"
def reconstruct(X, components, mean):
    """Adds the mean back without having subtracted it first."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0 or C.ndim != 2 or C.shape[0] == 0:
        raise ValueError("bad shapes")
    if C.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return X @ C.T @ C + mean

# %% mutant="rec_returns_coordinates" question="reconstruct"
def reconstruct(X, components, mean):
    """Stops half-way: returns the (n, k) coordinates, not the points."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0 or C.ndim != 2 or C.shape[0] == 0:
        raise ValueError("bad shapes")
    if C.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return (X - mean) @ C.T

# %% mutant="rec_wrong_order" question="reconstruct"
def reconstruct(X, components, mean):
    """Multiplies by C C^T (k x k) where C^T C (d x d) belongs."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0 or C.ndim != 2 or C.shape[0] == 0:
        raise ValueError("bad shapes")
    if C.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    return (X - mean) @ C @ C.T + mean

# %% mutant="rec_no_checks" question="reconstruct"
def reconstruct(X, components, mean):
    """No shape checks: an empty X or no components slip through."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    return (X - mean) @ C.T @ C + mean

# %% mutant="pr_m_not_transposed" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Uses M r instead of M^T r: each page collects from the pages it
    links to, not from those linking to it."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_dangling_rank_lost" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Leaves dangling pages' rows at zero, so their rank leaks away and
    the total drops below 1."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    A = (L != 0).astype(float)
    out = A.sum(axis=1, keepdims=True)
    M = np.divide(A, out, out=np.zeros_like(A), where=out > 0)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_dangling_skips_itself" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """A dangling page links to every OTHER page, not to itself."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    for i in np.flatnonzero(M.sum(axis=1) == 0):
        M[i] = 1.0
        if n > 1:
            M[i, i] = 0.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_uses_weights" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Splits a page's rank in proportion to the entries instead of
    equally over its links."""
    L = np.abs(np.asarray(links, dtype=float))
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = L.copy()
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_damping_swapped" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Swaps the roles: follows a link with probability 1 - d and jumps
    with probability d."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = damping / n + (1 - damping) * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_teleport_not_divided" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Adds 1 - d to every page instead of (1 - d) / N."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_no_damping_check" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Accepts any damping, even one that is not a probability."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_starts_on_page_0" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Starts the surfer on page 0 instead of from the uniform vector."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.zeros(n)
    r[0] = 1.0
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_ignores_max_iter" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Iterates until tol is reached, however large or small max_iter
    is."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(100_000):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% mutant="pr_links_read_as_columns" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Reads links[i, j] as "j links to i"."""
    L = np.asarray(links).T
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError("need a non-empty square matrix")
    if not 0 <= damping <= 1:
        raise ValueError("damping must be in [0, 1]")
    n = len(L)
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1 / n)
    for _ in range(max_iter):
        new = (1 - damping) / n + damping * (M.T @ r)
        done = np.abs(new - r).sum() < tol
        r = new
        if done:
            break
    return r

# %% variant="power_python_lists" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """Plain Python loops over lists of floats; returns a numpy scalar and
    a list."""
    import math

    if np.ndim(A) != 2:
        raise ValueError("A must be a matrix")
    rows = [[float(a) for a in row] for row in np.asarray(A, dtype=float)]
    n = len(rows)
    if n == 0 or any(len(row) != n for row in rows):
        raise ValueError("A must be a non-empty n x n matrix")

    def unit_and_signed(x):
        length = math.sqrt(sum(t * t for t in x))
        biggest = max(range(len(x)), key=lambda i: (abs(x[i]), -i))
        sign = 1.0 if x[biggest] >= 0 else -1.0
        return [sign * t / length for t in x]

    v = unit_and_signed(list(np.random.default_rng(seed).normal(size=n)))
    for _ in range(n_iter):
        w = [sum(a * b for a, b in zip(row, v, strict=True)) for row in rows]
        if not any(w):
            break
        w = unit_and_signed(w)
        gap = math.sqrt(sum((a - b) ** 2 for a, b in zip(w, v, strict=True)))
        v = w
        if gap < tol:
            break
    Av = [sum(a * b for a, b in zip(row, v, strict=True)) for row in rows]
    return np.float64(sum(a * b for a, b in zip(v, Av, strict=True))), v

# %% variant="power_while_loop" question="power_iteration"
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """A while loop with an explicit step counter; the Rayleigh quotient
    written as (v . Av) / (v . v)."""
    M = np.array(A, dtype=np.float64)
    if M.ndim != 2 or 0 in M.shape or M.shape[0] != M.shape[1]:
        raise ValueError("power_iteration needs a square, non-empty matrix")

    def fix(x):
        x = x / np.sqrt(np.sum(x * x))
        return -x if x[np.argmax(np.abs(x))] < 0 else x

    v = fix(np.random.default_rng(seed).normal(size=len(M)))
    steps = 0
    while steps < n_iter:
        w = M.dot(v)
        if np.all(w == 0):
            break
        w = fix(w)
        steps += 1
        moved = np.sqrt(np.sum((w - v) ** 2))
        v = w
        if moved < tol:
            break
    Mv = M.dot(v)
    return float(np.sum(v * Mv) / np.sum(v * v)), v

# %% variant="cov_sum_of_outer_products" question="covariance_matrix"
def covariance_matrix(X):
    """Two passes with a loop: the mean, then the sum of outer products of
    the deviations; returns a list of lists."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array of samples")
    n, d = X.shape
    if n < 2 or d == 0:
        raise ValueError("need at least 2 samples and 1 feature")
    mean = sum(X) / n
    total = np.zeros((d, d))
    for row in X:
        deviation = row - mean
        total += np.outer(deviation, deviation)
    return (total / (n - 1)).tolist()

# %% variant="cov_einsum" question="covariance_matrix"
def covariance_matrix(X):
    """np.einsum over the samples, after centring."""
    X = np.array(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or X.shape[1] < 1:
        raise ValueError(f"bad shape {X.shape}")
    X -= X.mean(axis=0)  # X is a fresh copy here
    return np.einsum("si,sj->ij", X, X) / (len(X) - 1)

# %% variant="pca_by_svd" question="pca"
def pca(X, k):
    """The SVD of the centred data: right singular vectors and s^2/(n-1);
    the signs fixed row by row in a loop."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or X.shape[1] == 0:
        raise ValueError("X must be (n, d) with n >= 2")
    if k < 1 or k > X.shape[1]:
        raise ValueError("k out of range")
    mean = np.mean(X, axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    rows = []
    for row in Vt[:k]:
        i = int(np.argmax(np.abs(row)))
        rows.append(row if row[i] > 0 else -row)
    return np.array(rows), s[:k] ** 2 / (len(X) - 1), mean

# %% variant="pca_eigh_flip_lists" question="pca"
def pca(X, k):
    """eigh, then np.flip to put the largest first; returns lists."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least 2 rows")
    d = X.shape[1]
    if not (1 <= k <= d):
        raise ValueError("need 1 <= k <= d")
    mean = X.sum(axis=0) / len(X)
    D = X - mean
    values, vectors = np.linalg.eigh(D.T.dot(D) / (len(X) - 1))
    values, vectors = np.flip(values), np.flip(vectors, axis=1)
    components = []
    for j in range(k):
        v = vectors[:, j]
        components.append(list(v * np.sign(v[np.argmax(np.abs(v))])))
    return components, list(values[:k]), list(mean)

# %% variant="rec_row_by_row" question="reconstruct"
def reconstruct(X, components, mean):
    """A loop over points; each coordinate is a dot product with one
    component."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    m = np.asarray(mean, dtype=float)
    if X.ndim != 2 or len(X) == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (n, d) array")
    if C.ndim != 2 or len(C) == 0 or C.shape[1] != X.shape[1]:
        raise ValueError("components must be (k, d) with k >= 1")
    if m.ndim != 1 or len(m) != X.shape[1]:
        raise ValueError("mean must have d entries")
    out = []
    for x in X:
        offset = x - m
        point = m.copy()
        for c in C:
            point = point + np.sum(offset * c) * c
        out.append(point)
    return np.array(out)

# %% variant="rec_projection_matrix" question="reconstruct"
def reconstruct(X, components, mean):
    """Builds the d x d projection matrix P = C^T C first (with einsum)."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    m = np.asarray(mean, dtype=float)
    ok = (X.ndim == 2 and X.size > 0 and C.ndim == 2 and C.size > 0
          and C.shape[1] == X.shape[1] and m.shape == (X.shape[1],))
    if not ok:
        raise ValueError("shapes of X, components and mean disagree")
    P = np.einsum("ki,kj->ij", C, C)
    return np.einsum("ni,ij->nj", X - m, P) + m

# %% variant="pr_adjacency_lists" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Adjacency lists and Python loops: each page pushes its share of rank
    along its links."""
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.shape[0] == 0:
        raise ValueError("links must be a non-empty N x N matrix")
    if damping < 0 or damping > 1:
        raise ValueError("damping is a probability")
    n = len(L)
    out = [list(np.flatnonzero(L[i])) or list(range(n)) for i in range(n)]
    r = [1.0 / n] * n
    for _ in range(max_iter):
        new = [(1 - damping) / n] * n
        for i in range(n):
            share = damping * r[i] / len(out[i])
            for j in out[i]:
                new[j] += share
        change = sum(abs(a - b) for a, b in zip(new, r, strict=True))
        r = new
        if change < tol:
            break
    return np.array(r)

# %% variant="pr_google_matrix" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """The dense Google matrix G = (1 - d)/N 11^T + d M^T, then r <- G r
    (equal to the recipe because r sums to 1)."""
    L = np.asarray(links, dtype=bool)
    if L.ndim != 2 or L.size == 0 or L.shape[0] != L.shape[1]:
        raise ValueError("need a square link matrix")
    if not (0.0 <= damping <= 1.0):
        raise ValueError("damping must lie between 0 and 1")
    n = L.shape[0]
    A = np.where(L.any(axis=1, keepdims=True), L, True).astype(float)
    M = A / A.sum(axis=1)[:, None]
    G = (1 - damping) / n * np.ones((n, n)) + damping * M.T
    r = np.ones(n) / n
    for _ in range(max_iter):
        new = G.dot(r)
        if np.linalg.norm(new - r, 1) < tol:
            return new
        r = new
    return r

# %% variant="pr_renormalised_each_step" question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """Divides by the total after every step (harmless: it stays 1), and
    counts steps with a while loop."""
    L = np.asarray(links, dtype=float)
    if L.ndim != 2 or L.size == 0 or L.shape[0] != L.shape[1]:
        raise ValueError("need a square link matrix")
    if not (0.0 <= damping <= 1.0):
        raise ValueError("damping must lie between 0 and 1")
    n = L.shape[0]
    A = (L != 0) * 1.0
    dangling = A.sum(axis=1) == 0
    A[dangling, :] = 1.0
    M = A / A.sum(axis=1, keepdims=True)
    r = np.ones(n) / n
    steps = 0
    while steps < max_iter:
        new = (1 - damping) / n + damping * np.dot(M.T, r)
        new = new / new.sum()
        steps += 1
        delta = np.abs(new - r).sum()
        r = new
        if delta < tol:
            break
    return r
