# %%
import numpy as np

# %% mutant="solve_no_pivoting" question="solve"
def solve(A, b):
    """No pivoting: divides by whatever is on the diagonal."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    if np.abs(U).max() == 0:
        raise ValueError("singular")
    for k in range(n):
        if U[k, k] == 0:
            raise ValueError("singular")
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_forgets_to_swap_b" question="solve"
def solve(A, b):
    """Swaps the rows of A but not the entries of b."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_signed_argmax" question="solve"
def solve(A, b):
    """Pivots on the largest entry, not the largest absolute value."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(U[k:, k]))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_absolute_threshold" question="solve"
def solve(A, b):
    """Calls a pivot singular when |pivot| <= 1e-12, not relative to A."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= 1e-12:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_only_exact_zero_is_singular" question="solve"
def solve(A, b):
    """Raises only for an exactly zero pivot: near-singular input gives
    garbage instead of ValueError."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_back_substitution_top_down" question="solve"
def solve(A, b):
    """Substitutes from the top row down, using unknowns not yet found."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_in_place" question="solve"
def solve(A, b):
    """Eliminates in the caller's arrays (np.asarray does not copy)."""
    U = np.asarray(A, dtype=float)
    c = np.asarray(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_one_right_hand_side" question="solve"
def solve(A, b):
    """Flattens b: only a single right-hand side is handled."""
    U = np.array(A, dtype=float)
    c = np.array(b, dtype=float).ravel()
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.shape[0] != n:
        raise ValueError("b must have n entries")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= m * c[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="solve_transposed" question="solve"
def solve(A, b):
    """Treats the rows of A as its columns: solves A^T x = b."""
    U = np.array(A, dtype=float).T.copy()
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("A must be square")
    n = len(U)
    if c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("b must have n rows")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("singular")
        U[[k, p]] = U[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(m, U[k, k:])
        c[k + 1:] -= np.multiply.outer(m, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x

# %% mutant="rank_no_pivoting" question="rank"
def rank(A, tol=None):
    """No row swaps: a small entry on the diagonal loses its column."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    row = 0
    for k in range(n):
        if row == m:
            break
        if abs(U[row, k]) <= tol:
            continue
        mult = U[row + 1:, k] / U[row, k]
        U[row + 1:, k:] -= np.multiply.outer(mult, U[row, k:])
        row += 1
    return row

# %% mutant="rank_counts_pivot_equal_to_tol" question="rank"
def rank(A, tol=None):
    """Counts a pivot when |pivot| >= tol instead of > tol."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    row = 0
    for k in range(n):
        if row == m:
            break
        p = row + int(np.argmax(np.abs(U[row:, k])))
        if abs(U[p, k]) < tol:
            continue
        U[[row, p]] = U[[p, row]]
        pivot = U[row, k] if U[row, k] else 1.0  # the zero matrix
        mult = U[row + 1:, k] / pivot
        U[row + 1:, k:] -= np.multiply.outer(mult, U[row, k:])
        row += 1
    return row

# %% mutant="rank_absolute_tolerance" question="rank"
def rank(A, tol=None):
    """The default tol forgets the factor max|A|: tiny matrices get rank 0."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps
    row = 0
    for k in range(n):
        if row == m:
            break
        p = row + int(np.argmax(np.abs(U[row:, k])))
        if abs(U[p, k]) <= tol:
            continue
        U[[row, p]] = U[[p, row]]
        mult = U[row + 1:, k] / U[row, k]
        U[row + 1:, k:] -= np.multiply.outer(mult, U[row, k:])
        row += 1
    return row

# %% mutant="rank_walks_the_diagonal" question="rank"
def rank(A, tol=None):
    """Pairs column k with row k: a column without a pivot uses up a row."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    count = 0
    for k in range(min(m, n)):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            continue
        U[[k, p]] = U[[p, k]]
        mult = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(mult, U[k, k:])
        count += 1
    return count

# %% mutant="rank_nonzero_rows" question="rank"
def rank(A, tol=None):
    """Counts the non-zero rows of A without eliminating."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    return int(np.sum(np.abs(U).max(axis=1) > tol))

# %% mutant="rank_in_place" question="rank"
def rank(A, tol=None):
    """Eliminates in the caller's array (np.asarray does not copy)."""
    U = np.asarray(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("need a 2-D matrix")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    row = 0
    for k in range(n):
        if row == m:
            break
        p = row + int(np.argmax(np.abs(U[row:, k])))
        if abs(U[p, k]) <= tol:
            continue
        U[[row, p]] = U[[p, row]]
        mult = U[row + 1:, k] / U[row, k]
        U[row + 1:, k:] -= np.multiply.outer(mult, U[row, k:])
        row += 1
    return row

# %% mutant="rank_of_a_vector_is_one" question="rank"
def rank(A, tol=None):
    """Treats a 1-D input as a one-row matrix instead of refusing it."""
    U = np.atleast_2d(np.array(A, dtype=float))
    if U.size == 0:
        raise ValueError("empty")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    row = 0
    for k in range(n):
        if row == m:
            break
        p = row + int(np.argmax(np.abs(U[row:, k])))
        if abs(U[p, k]) <= tol:
            continue
        U[[row, p]] = U[[p, row]]
        mult = U[row + 1:, k] / U[row, k]
        U[row + 1:, k:] -= np.multiply.outer(mult, U[row, k:])
        row += 1
    return row

# %% mutant="gs_not_normalised" question="gram_schmidt"
def gram_schmidt(V):
    """Keeps the remainders but never divides them by their length."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) / (q @ q) * q
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(V[:, j]):
            continue
        basis.append(v)
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_shadows_on_columns" question="gram_schmidt"
def gram_schmidt(V):
    """Removes the shadows on the earlier columns of V, not on the
    orthonormal directions found so far."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for i in range(j):
            u = V[:, i] / max(np.linalg.norm(V[:, i]), 1e-300)
            v -= (u @ V[:, j]) * u
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(V[:, j]):
            continue
        basis.append(v / np.linalg.norm(v))
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_absolute_threshold" question="gram_schmidt"
def gram_schmidt(V):
    """Skips a column when its remainder is below 1e-10 in absolute terms:
    small-scale data loses every column."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) <= 1e-10:
            continue
        basis.append(v / np.linalg.norm(v))
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_never_skips" question="gram_schmidt"
def gram_schmidt(V):
    """Skips only exactly zero remainders: rounding noise becomes a new
    direction."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) == 0:
            continue
        basis.append(v / np.linalg.norm(v))
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_right_to_left" question="gram_schmidt"
def gram_schmidt(V):
    """Processes the columns from the last to the first."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in reversed(range(V.shape[1])):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(V[:, j]):
            continue
        basis.append(v / np.linalg.norm(v))
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_positive_first_entry" question="gram_schmidt"
def gram_schmidt(V):
    """Flips each vector so that its first non-zero entry is positive,
    instead of keeping the sign of the remainder."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(V[:, j]):
            continue
        q = v / np.linalg.norm(v)
        first = q[np.flatnonzero(np.abs(q) > 1e-12)[0]]
        basis.append(q if first > 0 else -q)
    return np.column_stack(basis) if basis else np.zeros((len(V), 0))

# %% mutant="gs_empty_is_flat" question="gram_schmidt"
def gram_schmidt(V):
    """Returns np.array([]) (shape (0,)) when no column survives."""
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("need a 2-D matrix")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(V[:, j]):
            continue
        basis.append(v / np.linalg.norm(v))
    return np.column_stack(basis) if basis else np.array([])

# %% mutant="qr_R_transposed" question="qr"
def qr(A):
    """Stores the coefficient of q_i in column j at R[j, i]: R comes out
    lower triangular."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[j, i] = Q[:, i] @ v
            v -= R[j, i] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError("dependent columns")
        Q[:, j] = v / R[j, j]
    return Q, R

# %% mutant="qr_no_dependence_check" question="qr"
def qr(A):
    """Never checks the remainder: dependent columns give nan or noise."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        with np.errstate(all="ignore"):
            Q[:, j] = v / R[j, j]
    return Q, R

# %% mutant="qr_unit_diagonal" question="qr"
def qr(A):
    """Keeps the remainders unnormalised in Q and puts 1 on R's diagonal."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.eye(n)
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = (Q[:, i] @ v) / (Q[:, i] @ Q[:, i])
            v -= R[i, j] * Q[:, i]
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError("dependent columns")
        Q[:, j] = v
    return Q, R

# %% mutant="qr_first_entry_positive" question="qr"
def qr(A):
    """Makes the first entry of every column of Q positive (flipping the
    row of R too): A = QR still, but R's diagonal can be negative."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError("dependent columns")
        Q[:, j] = v / R[j, j]
    flip = np.where(Q[0] < 0, -1.0, 1.0)
    return Q * flip, R * flip[:, None]

# %% mutant="qr_normalises_in_place" question="qr"
def qr(A):
    """Works in the caller's array (np.asarray does not copy), so A is
    left holding Q."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    R = np.zeros((n, n))
    for j in range(n):
        norm_before = np.linalg.norm(A[:, j])
        for i in range(j):
            R[i, j] = A[:, i] @ A[:, j]
            A[:, j] -= R[i, j] * A[:, i]
        R[j, j] = np.linalg.norm(A[:, j])
        if R[j, j] <= 1e-10 * norm_before:
            raise ValueError("dependent columns")
        A[:, j] /= R[j, j]
    return A.copy(), R

# %% mutant="qr_returns_gram_schmidt_only" question="qr"
def qr(A):
    """Returns Q and Q^T Q (the identity) instead of the coefficients."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0 or A.shape[0] < A.shape[1]:
        raise ValueError("need a tall 2-D matrix")
    m, n = A.shape
    Q = np.zeros((m, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            v -= (Q[:, i] @ v) * Q[:, i]
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError("dependent columns")
        Q[:, j] = v / np.linalg.norm(v)
    return Q, Q.T @ Q

# %% mutant="ls_normal_equations" question="least_squares"
def least_squares(X, y):
    """Solves the normal equations X^T X w = X^T y by elimination: right
    in exact arithmetic, but it squares the condition number."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.ndim == 0 or len(y) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    basis = []  # the rank rule, by Gram-Schmidt
    for j in range(d):
        v = X[:, j].copy()
        for q in basis:
            v -= (q @ v) * q
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        basis.append(v / np.linalg.norm(v))
    M = X.T @ X
    c = X.T @ y
    for k in range(d):
        p = k + int(np.argmax(np.abs(M[k:, k])))
        M[[k, p]] = M[[p, k]]
        c[[k, p]] = c[[p, k]]
        m = M[k + 1:, k] / M[k, k]
        M[k + 1:, k:] -= np.outer(m, M[k, k:])
        c[k + 1:] -= m * c[k]
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (c[i] - M[i, i + 1:] @ w[i + 1:]) / M[i, i]
    return w

# %% mutant="ls_classical_gram_schmidt_Qt_y" question="least_squares"
def least_squares(X, y):
    """Classical Gram-Schmidt, then Q.T @ y all at once: fine on easy
    designs, as inaccurate as the normal equations on collinear ones."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.ndim == 0 or len(y) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q, R = np.zeros((n, d)), np.zeros((d, d))
    for j in range(d):
        R[:j, j] = Q[:, :j].T @ X[:, j]
        v = X[:, j] - Q[:, :j] @ R[:j, j]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        Q[:, j] = v / R[j, j]
    c = Q.T @ y
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (c[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w

# %% mutant="ls_modified_gram_schmidt_Qt_y" question="least_squares"
def least_squares(X, y):
    """Modified Gram-Schmidt for Q, but Q.T @ y at once with that slightly
    non-orthogonal Q: the accuracy of QR is lost again."""
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or y.ndim == 0 or len(y) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q, R = np.zeros((n, d)), np.zeros((d, d))
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        Q[:, j] = v / R[j, j]
    c = Q.T @ y
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (c[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w

# %% mutant="ls_substitutes_top_down" question="least_squares"
def least_squares(X, y):
    """Solves R w = Q^T y from the top row down, as if R were lower
    triangular."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim == 0 or len(z) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q, R, c = np.zeros((n, d)), np.zeros((d, d)), np.zeros(d)
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        Q[:, j] = v / R[j, j]
        c[j] = Q[:, j] @ z
        z -= c[j] * Q[:, j]
    w = np.zeros(d)
    for i in range(d):
        w[i] = (c[i] - R[i, :i] @ w[:i]) / R[i, i]
    return w

# %% mutant="ls_returns_fitted_values" question="least_squares"
def least_squares(X, y):
    """Returns the projection X w (the fitted targets), not the weights."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim == 0 or len(z) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q = np.zeros((n, d))
    fitted = np.zeros(n)
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            v -= (Q[:, i] @ v) * Q[:, i]
        if np.linalg.norm(v) <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        Q[:, j] = v / np.linalg.norm(v)
        shadow = (Q[:, j] @ z) * Q[:, j]
        fitted += shadow
        z -= shadow
    return fitted

# %% mutant="ls_no_rank_check" question="least_squares"
def least_squares(X, y):
    """Never checks for dependent columns: collinear features give
    huge or nan weights instead of ValueError."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim == 0 or len(z) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q, R, c = np.zeros((n, d)), np.zeros((d, d)), np.zeros(d)
    with np.errstate(all="ignore"):
        for j in range(d):
            v = X[:, j].copy()
            for i in range(j):
                R[i, j] = Q[:, i] @ v
                v -= R[i, j] * Q[:, i]
            R[j, j] = np.linalg.norm(v)
            Q[:, j] = v / R[j, j]
            c[j] = Q[:, j] @ z
            z -= c[j] * Q[:, j]
        w = np.zeros(d)
        for i in range(d - 1, -1, -1):
            w[i] = (c[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w

# %% mutant="ls_absolute_rank_threshold" question="least_squares"
def least_squares(X, y):
    """Calls a column dependent when its remainder is below 1e-10 in
    absolute terms: a feature measured in tiny units is refused."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim == 0 or len(z) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    Q, R, c = np.zeros((n, d)), np.zeros((d, d)), np.zeros(d)
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10:
            raise ValueError("rank deficient")
        Q[:, j] = v / R[j, j]
        c[j] = Q[:, j] @ z
        z -= c[j] * Q[:, j]
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (c[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w

# %% mutant="ls_first_d_rows" question="least_squares"
def least_squares(X, y):
    """Keeps only the first d examples and solves that square system
    exactly: the other examples are ignored."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim == 0 or len(z) != len(X):
        raise ValueError("bad shapes")
    n, d = X.shape
    if n < d:
        raise ValueError("n < d")
    X, z = X[:d], z[:d]
    Q, R, c = np.zeros((d, d)), np.zeros((d, d)), np.zeros(d)
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("rank deficient")
        Q[:, j] = v / R[j, j]
        c[j] = Q[:, j] @ z
        z -= c[j] * Q[:, j]
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (c[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w

# %% variant="solve_gauss_jordan_loops" question="solve"
def solve(A, b):
    """Correct: Gauss-Jordan in plain loops (each pivot row divided by its
    pivot, the column cleared above and below), one column of b at a
    time; another error message."""
    M = np.array(A, dtype=float)
    B = np.array(b, dtype=float)
    if M.ndim != 2 or M.shape[0] != M.shape[1] or M.shape[0] == 0:
        raise ValueError("solve needs a square, non-empty A")
    n = M.shape[0]
    if B.ndim == 0 or B.ndim > 2 or B.shape[0] != n or B.size == 0:
        raise ValueError("the right-hand side does not match A")
    columns = B.reshape(n, -1)
    big = np.abs(M).max()
    out = np.empty_like(columns)
    for col in range(columns.shape[1]):
        U = [list(row) + [columns[row_i, col]] for row_i, row in enumerate(M)]
        for k in range(n):
            p = max(range(k, n), key=lambda i: abs(U[i][k]))
            if abs(U[p][k]) <= 1e-12 * big:
                raise ValueError("matrix is singular to working precision")
            U[k], U[p] = U[p], U[k]
            pivot = U[k][k]
            U[k] = [v / pivot for v in U[k]]
            for i in range(n):
                if i != k and U[i][k] != 0:
                    f = U[i][k]
                    U[i] = [a - f * c for a, c in zip(U[i], U[k])]
        out[:, col] = [U[i][n] for i in range(n)]
    return out.reshape(B.shape)

# %% variant="solve_augmented_matrix" question="solve"
def solve(A, b):
    """Correct: eliminates on the augmented matrix [A | b] built with
    np.hstack, back substitution on whole rows."""
    A = np.asarray(A)
    b = np.asarray(b)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    n = A.shape[0]
    if b.ndim not in (1, 2) or b.shape[0] != n or b.size == 0:
        raise ValueError("b must have n rows")
    M = np.hstack([A.astype(np.float64), b.reshape(n, -1)])
    tiny = 1e-12 * np.max(np.abs(A))
    for k in range(n):
        p = k + np.argmax(np.abs(M[k:, k]))
        if not np.abs(M[p, k]) > tiny:
            raise ValueError("singular matrix")
        M[[k, p]] = M[[p, k]]
        M[k + 1:] -= M[k + 1:, k:k + 1] / M[k, k] * M[k]
    X = np.zeros((n, M.shape[1] - n))
    for i in reversed(range(n)):
        X[i] = (M[i, n:] - M[i, i + 1:n] @ X[i + 1:]) / M[i, i]
    return X.reshape(b.shape)

# %% variant="rank_row_loops_numpy_int" question="rank"
def rank(A, tol=None):
    """Correct: one row operation per line; returns a numpy integer."""
    U = np.array(A, dtype=np.float64)
    if U.ndim != 2 or 0 in U.shape:
        raise ValueError("rank needs a non-empty matrix")
    m, n = U.shape
    if tol is None:
        tol = np.finfo(np.float64).eps * max(m, n) * np.max(np.abs(U))
    pivots = np.int64(0)
    for k in range(n):
        if pivots == m:
            break
        r = int(pivots)
        best = max(range(r, m), key=lambda i: abs(U[i, k]))
        if not abs(U[best, k]) > tol:
            continue
        U[[r, best]] = U[[best, r]]
        for i in range(r + 1, m):
            U[i, k:] = U[i, k:] - (U[i, k] / U[r, k]) * U[r, k:]
        pivots += 1
    return pivots

# %% variant="rank_zeroes_the_column" question="rank"
def rank(A, tol=None):
    """Correct: eliminates with np.outer and sets the eliminated column to
    exact zeros."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError("A must be a 2-D, non-empty array")
    m, n = U.shape
    if tol is None:
        tol = max(U.shape) * np.finfo(float).eps * np.abs(U).max()
    r = 0
    for k in range(n):
        if r >= m:
            break
        column = np.abs(U[r:, k])
        p = r + int(column.argmax())
        if column.max() > tol:
            U[[r, p]] = U[[p, r]]
            factors = U[r + 1:, k] / U[r, k]
            U[r + 1:] -= np.outer(factors, U[r])
            U[r + 1:, k] = 0.0
            r += 1
    return r

# %% variant="gs_classical" question="gram_schmidt"
def gram_schmidt(V):
    """Correct: classical Gram-Schmidt, all shadows of the original column
    at once, with matrix products."""
    V = np.asarray(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError("V must be a non-empty matrix")
    n, p = V.shape
    Q = np.zeros((n, 0))
    for j in range(p):
        a = V[:, j]
        remainder = a - Q @ (Q.T @ a)
        size = np.sqrt(np.sum(remainder**2))
        if size > 1e-10 * np.sqrt(np.sum(a**2)):
            Q = np.column_stack([Q, remainder / size])
    return Q

# %% variant="gs_twice_is_enough" question="gram_schmidt"
def gram_schmidt(V):
    """Correct: classical Gram-Schmidt applied twice to each column
    (re-orthogonalisation), on Python lists of columns."""
    import math

    M = np.array(V, dtype=float)
    if M.ndim != 2 or M.size == 0:
        raise ValueError("expected a non-empty 2-D array")
    basis = []
    for column in M.T:
        rest = column.copy()
        for _ in range(2):
            shadows = [float(np.sum(q * rest)) for q in basis]
            for c, q in zip(shadows, basis):
                rest = rest - c * q
        length = math.sqrt(float(np.sum(rest * rest)))
        if length > 1e-10 * math.sqrt(float(np.sum(column * column))):
            basis.append(rest / length)
    if basis:
        return np.array(basis).T
    return np.empty((M.shape[0], 0))

# %% variant="qr_classical" question="qr"
def qr(A):
    """Correct: classical Gram-Schmidt, R's column j as Q^T a_j at once."""
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty 2-D array")
    m, n = A.shape
    if n > m:
        raise ValueError("more columns than rows")
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        R[:j, j] = Q[:, :j].T @ A[:, j]
        v = A[:, j] - Q[:, :j] @ R[:j, j]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError("A does not have full column rank")
        Q[:, j] = v / R[j, j]
    return Q, R

# %% variant="qr_from_gram_schmidt" question="qr"
def qr(A):
    """Correct: Q from gram_schmidt, R = Q^T A with the rounding below the
    diagonal cleared; returns a list [Q, R]."""
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be 2-D and non-empty")
    if A.shape[0] < A.shape[1]:
        raise ValueError("need m >= n")
    Q = gram_schmidt(A)
    if Q.shape[1] < A.shape[1]:
        raise ValueError("the columns of A are dependent")
    return [Q, np.triu(Q.T @ A)]

# %% variant="ls_via_own_qr" question="least_squares"
def least_squares(X, y):
    """Correct: calls qr, then takes y's shadows one at a time and back
    substitutes."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a matrix")
    if y.shape[:1] != X.shape[:1]:
        raise ValueError("X and y have different numbers of rows")
    if X.shape[0] < X.shape[1]:
        raise ValueError("fewer examples than features")
    Q, R = qr(X)
    rest = y.copy()
    coef = []
    for q in Q.T:
        coef.append(q @ rest)
        rest = rest - coef[-1] * q
    d = X.shape[1]
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (coef[i] - sum(R[i, k] * w[k] for k in range(i + 1, d)))
        w[i] /= R[i, i]
    return w

# %% variant="ls_householder" question="least_squares"
def least_squares(X, y):
    """Correct: Householder reflections written by hand (a QR whose Q is
    orthogonal to machine precision), the rank rule checked separately."""
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)
    if X.ndim != 2 or X.size == 0 or z.ndim != 1 or len(z) != len(X):
        raise ValueError("shapes of X and y do not fit")
    n, d = X.shape
    if n < d:
        raise ValueError("need n >= d")
    norms = np.linalg.norm(X, axis=0)
    R = X.copy()
    for k in range(d):
        x = R[k:, k]
        alpha = -np.copysign(np.linalg.norm(x), x[0])
        v = x.copy()
        v[0] -= alpha
        vv = v @ v
        # |alpha| is the norm of column k's remainder (the GS rule)
        if abs(alpha) <= 1e-10 * norms[k]:
            raise ValueError("X lacks full column rank")
        R[k:, k:] -= np.outer(v, 2 * (v @ R[k:, k:]) / vv)
        z[k:] -= v * (2 * (v @ z[k:]) / vv)
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (z[i] - R[i, i + 1:d] @ w[i + 1:]) / R[i, i]
    return w

# %% variant="ls_augmented_gram_schmidt" question="least_squares"
def least_squares(X, y):
    """Correct: modified Gram-Schmidt on [X | y] as one matrix; the last
    column's coefficients are Q^T y; returns a numpy array from a list."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if y.ndim != 1 or y.size != n:
        raise ValueError("y must be a vector with one entry per row of X")
    if n < d:
        raise ValueError("underdetermined: n < d")
    W = np.column_stack([X, y])
    R = np.zeros((d, d + 1))
    for j in range(d):
        length = np.linalg.norm(W[:, j])
        if length <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError("collinear columns")
        R[j, j] = length
        W[:, j] /= length
        R[j, j + 1:] = W[:, j] @ W[:, j + 1:]
        W[:, j + 1:] -= np.outer(W[:, j], R[j, j + 1:])
    w = [0.0] * d
    for i in reversed(range(d)):
        s = R[i, d] - sum(R[i, k] * w[k] for k in range(i + 1, d))
        w[i] = s / R[i, i]
    return np.array(w)
