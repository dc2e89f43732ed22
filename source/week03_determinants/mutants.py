# %%
import itertools

import numpy as np

# %% mutant="det2_plus" question="det2"
def det2(A):
    """ad + bc: the sign of the second product forgotten."""
    A = np.asarray(A, dtype=float)
    if A.shape != (2, 2):
        raise ValueError("need 2 x 2")
    return float(A[0, 0] * A[1, 1] + A[0, 1] * A[1, 0])

# %% mutant="det2_wrong_pairs" question="det2"
def det2(A):
    """ac - bd: multiplies along columns instead of the diagonals."""
    A = np.asarray(A, dtype=float)
    if A.shape != (2, 2):
        raise ValueError("need 2 x 2")
    return float(A[0, 0] * A[1, 0] - A[0, 1] * A[1, 1])

# %% mutant="det2_abs" question="det2"
def det2(A):
    """The unsigned area: the orientation is lost."""
    A = np.asarray(A, dtype=float)
    if A.shape != (2, 2):
        raise ValueError("need 2 x 2")
    return float(abs(A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]))

# %% mutant="det2_reversed" question="det2"
def det2(A):
    """bc - ad: the whole sign reversed."""
    A = np.asarray(A, dtype=float)
    if A.shape != (2, 2):
        raise ValueError("need 2 x 2")
    return float(A[0, 1] * A[1, 0] - A[0, 0] * A[1, 1])

# %% mutant="det2_no_shape_check" question="det2"
def det2(A):
    """Right on 2 x 2, silently uses the top-left corner of anything bigger."""
    A = np.asarray(A, dtype=float)
    return float(A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0])

# %% mutant="sign_counts_ordered_pairs" question="permutation_sign"
def permutation_sign(perm):
    """Counts the pairs in the RIGHT order instead of the inversions."""
    p = list(perm)
    if sorted(p) != list(range(len(p))):
        raise ValueError("not a permutation")
    count = sum(p[i] < p[j] for i in range(len(p))
                for j in range(i + 1, len(p)))
    return -1 if count % 2 else 1

# %% mutant="sign_cycles_parity" question="permutation_sign"
def permutation_sign(perm):
    """(-1) ** (number of cycles) instead of (-1) ** (n - cycles)."""
    p = list(perm)
    if sorted(p) != list(range(len(p))):
        raise ValueError("not a permutation")
    seen, cycles = set(), 0
    for start in range(len(p)):
        if start not in seen:
            cycles += 1
            k = start
            while k not in seen:
                seen.add(k)
                k = p[k]
    return -1 if cycles % 2 else 1

# %% mutant="sign_adjacent_only" question="permutation_sign"
def permutation_sign(perm):
    """Counts only neighbours out of order (descents), not all pairs."""
    p = list(perm)
    if sorted(p) != list(range(len(p))):
        raise ValueError("not a permutation")
    descents = sum(p[i] > p[i + 1] for i in range(len(p) - 1))
    return -1 if descents % 2 else 1

# %% mutant="sign_no_validation" question="permutation_sign"
def permutation_sign(perm):
    """Right for permutations, but accepts anything."""
    p = list(perm)
    count = sum(p[i] > p[j] for i in range(len(p))
                for j in range(i + 1, len(p)))
    return -1 if count % 2 else 1

# %% mutant="sign_returns_count" question="permutation_sign"
def permutation_sign(perm):
    """Returns the number of inversions itself."""
    p = list(perm)
    if sorted(p) != list(range(len(p))):
        raise ValueError("not a permutation")
    return sum(p[i] > p[j] for i in range(len(p))
               for j in range(i + 1, len(p)))

# %% mutant="sign_inner_loop_short" question="permutation_sign"
def permutation_sign(perm):
    """Off by one: the inner loop stops before the last position."""
    p = list(perm)
    if sorted(p) != list(range(len(p))):
        raise ValueError("not a permutation")
    count = sum(p[i] > p[j] for i in range(len(p))
                for j in range(i + 1, len(p) - 1))
    return -1 if count % 2 else 1

# %% mutant="leibniz_no_sign" question="det_leibniz"
def det_leibniz(A):
    """Adds every product with sign +1 (that is the permanent)."""
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    if A.ndim != 2 or A.shape != (n, n) or n == 0 or n > 7:
        raise ValueError("bad matrix")
    total = 0.0
    for sigma in itertools.permutations(range(n)):
        total += np.prod([A[sigma[j], j] for j in range(n)])
    return float(total)

# %% mutant="leibniz_wrong_sign" question="det_leibniz"
def det_leibniz(A):
    """Signs from the pairs in the right order instead of inversions."""
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    if A.ndim != 2 or A.shape != (n, n) or n == 0 or n > 7:
        raise ValueError("bad matrix")
    total = 0.0
    for sigma in itertools.permutations(range(n)):
        ordered = sum(sigma[i] < sigma[j] for i in range(n)
                      for j in range(i + 1, n))
        sign = -1.0 if ordered % 2 else 1.0
        total += sign * np.prod([A[sigma[j], j] for j in range(n)])
    return float(total)

# %% mutant="leibniz_short_product" question="det_leibniz"
def det_leibniz(A):
    """Off by one: each product skips the last column."""
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    if A.ndim != 2 or A.shape != (n, n) or n == 0 or n > 7:
        raise ValueError("bad matrix")
    total = 0.0
    for sigma in itertools.permutations(range(n)):
        inv = sum(sigma[i] > sigma[j] for i in range(n)
                  for j in range(i + 1, n))
        sign = -1.0 if inv % 2 else 1.0
        total += sign * np.prod([A[sigma[j], j] for j in range(n - 1)])
    return float(total)

# %% mutant="leibniz_no_size_limit" question="det_leibniz"
def det_leibniz(A):
    """Right, but never refuses n > 7."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("bad matrix")
    n = A.shape[0]
    total = 0.0
    for sigma in itertools.permutations(range(n)):
        inv = sum(sigma[i] > sigma[j] for i in range(n)
                  for j in range(i + 1, n))
        sign = -1.0 if inv % 2 else 1.0
        total += sign * np.prod([A[sigma[j], j] for j in range(n)])
    return float(total)

# %% mutant="leibniz_by_elimination" question="det_leibniz"
def det_leibniz(A):
    """Not the Leibniz formula at all: numpy's LU determinant."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not 1 <= len(A) <= 7:
        raise ValueError("bad matrix")
    return float(np.linalg.det(A))

# %% mutant="det_forgets_swap_sign" question="determinant"
def determinant(A):
    """Pivots, but never flips the sign on a row swap."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            return 0.0
        U[[k, p]] = U[[p, k]]
        det *= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_no_pivoting" question="determinant"
def determinant(A):
    """No pivoting: divides by whatever is on the diagonal."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    det = 1.0
    for k in range(len(U)):
        det *= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_pivots_only_on_zero" question="determinant"
def determinant(A):
    """Swaps only when the pivot is exactly 0: tiny pivots ruin it."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        if U[k, k] == 0:
            nonzero = np.nonzero(U[k:, k])[0]
            if nonzero.size == 0:
                return 0.0
            p = k + int(nonzero[0])
            U[[k, p]] = U[[p, k]]
            det = -det
        det *= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_normalised_rows" question="determinant"
def determinant(A):
    """Divides each pivot row by its pivot (Gauss-Jordan style) and then
    takes the product of the diagonal, which is all ones."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    sign = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            return 0.0
        if p != k:
            U[[k, p]] = U[[p, k]]
            sign = -sign
        U[k] = U[k] / U[k, k]
        U[k + 1:] -= np.outer(U[k + 1:, k], U[k])
    return float(sign * np.prod(np.diag(U)))

# %% mutant="det_divides_by_pivots" question="determinant"
def determinant(A):
    """Divides the running determinant by each pivot instead of
    multiplying."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            return 0.0
        if p != k:
            U[[k, p]] = U[[p, k]]
            det = -det
        det /= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_flips_every_step" question="determinant"
def determinant(A):
    """Flips the sign at every step, swap or not."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            return 0.0
        U[[k, p]] = U[[p, k]]
        det = -det * U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_signed_argmax" question="determinant"
def determinant(A):
    """Picks the largest entry, not the largest absolute value."""
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        p = k + int(np.argmax(U[k:, k]))
        if U[p, k] == 0:
            return 0.0
        if p != k:
            U[[k, p]] = U[[p, k]]
            det = -det
        det *= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_in_place" question="determinant"
def determinant(A):
    """Eliminates in the caller's own array (asarray does not copy)."""
    U = np.asarray(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    n = len(U)
    det = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if U[p, k] == 0:
            return 0.0
        if p != k:
            U[[k, p]] = U[[p, k]]
            det = -det
        det *= U[k, k]
        U[k + 1:, k:] -= np.outer(U[k + 1:, k] / U[k, k], U[k, k:])
    return float(det)

# %% mutant="det_diagonal_only" question="determinant"
def determinant(A):
    """Multiplies the diagonal without eliminating first."""
    U = np.asarray(A, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError("need a square matrix")
    return float(np.prod(np.diag(U)))

# %% mutant="det_cofactor_expansion" question="determinant"
def determinant(A):
    """Right on small matrices but n! work: expands along the first column,
    recursively, so n = 300 never finishes (the hidden test's time limit)."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("need a square matrix")

    def expand(M):
        if len(M) == 1:
            return M[0, 0]
        return sum(
            (-1) ** i * M[i, 0] * expand(np.delete(M[:, 1:], i, axis=0))
            for i in range(len(M))
        )

    return float(expand(A))

# %% mutant="area_abs" question="polygon_area"
def polygon_area(points):
    """Takes abs(): the orientation is lost."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2 or len(P) < 3:
        raise ValueError("need (n, 2) with n >= 3")
    x, y = P[:, 0], P[:, 1]
    return float(abs(0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)))

# %% mutant="area_no_wrap" question="polygon_area"
def polygon_area(points):
    """Forgets the edge from the last corner back to the first."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2 or len(P) < 3:
        raise ValueError("need (n, 2) with n >= 3")
    x, y = P[:, 0], P[:, 1]
    return float(0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))

# %% mutant="area_roll_wrong_way" question="polygon_area"
def polygon_area(points):
    """np.roll(.., 1) gives the previous corner: the sign is reversed."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2 or len(P) < 3:
        raise ValueError("need (n, 2) with n >= 3")
    x, y = P[:, 0], P[:, 1]
    return float(0.5 * np.sum(x * np.roll(y, 1) - np.roll(x, 1) * y))

# %% mutant="area_no_half" question="polygon_area"
def polygon_area(points):
    """Forgets the 1/2: parallelograms instead of triangles."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2 or len(P) < 3:
        raise ValueError("need (n, 2) with n >= 3")
    x, y = P[:, 0], P[:, 1]
    return float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))

# %% mutant="area_floor_division" question="polygon_area"
def polygon_area(points):
    """Halves with // and so rounds down."""
    P = np.asarray(points)
    if P.ndim != 2 or P.shape[1] != 2 or len(P) < 3:
        raise ValueError("need (n, 2) with n >= 3")
    x, y = P[:, 0], P[:, 1]
    return float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y) // 2)

# %% mutant="area_accepts_two_points" question="polygon_area"
def polygon_area(points):
    """No check on the number of corners."""
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    x, y = P[:, 0], P[:, 1]
    return float(0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))

# %% variant="det2_unpacked" question="det2"
def det2(A):
    """Correct: unpacks the four numbers, returns a numpy scalar."""
    M = np.asarray(A)
    if M.ndim != 2 or M.shape != (2, 2):
        raise ValueError("A has to be a 2 x 2 matrix")
    a, b, c, d = M.ravel()
    return a * d - b * c

# %% variant="det2_python_lists" question="det2"
def det2(A):
    """Correct: plain indexing of nested lists; ints stay ints."""
    try:
        rows = [list(r) for r in A]
    except TypeError:
        raise ValueError("A must be a list of two rows") from None
    if len(rows) != 2 or any(len(r) != 2 for r in rows):
        raise ValueError("not 2 x 2")
    return rows[0][0] * rows[1][1] - rows[0][1] * rows[1][0]

# %% variant="sign_by_cycles" question="permutation_sign"
def permutation_sign(perm):
    """Correct: n minus the number of cycles is the number of swaps."""
    p = [int(v) for v in perm]
    n = len(p)
    if sorted(p) != list(range(n)):
        raise ValueError("perm must contain 0..n-1 exactly once")
    visited = [False] * n
    swaps = 0
    for start in range(n):
        length = 0
        k = start
        while not visited[k]:
            visited[k] = True
            k = p[k]
            length += 1
        swaps += max(length - 1, 0)
    return (-1) ** swaps

# %% variant="sign_by_sorting" question="permutation_sign"
def permutation_sign(perm):
    """Correct: sorts by swaps and counts them; returns a numpy int."""
    p = np.array(perm, dtype=np.int64).ravel()
    if sorted(p.tolist()) != list(range(p.size)):
        raise ValueError("not a permutation")
    sign = np.int64(1)
    for i in range(p.size):
        while p[i] != i:
            j = p[i]
            p[i], p[j] = p[j], p[i]
            sign = -sign
    return sign

# %% variant="leibniz_with_own_sign" question="det_leibniz"
def det_leibniz(A):
    """Correct: reuses permutation_sign, math.prod over a list."""
    import math

    rows = np.asarray(A)
    if rows.ndim != 2 or rows.shape[0] != rows.shape[1] or rows.size == 0:
        raise ValueError("A must be a non-empty square matrix")
    n = len(rows)
    if n > 7:
        raise ValueError("too many permutations")
    return sum(
        permutation_sign(s) * math.prod(rows[s[j], j] for j in range(n))
        for s in itertools.permutations(range(n)))

# %% variant="leibniz_vectorised" question="det_leibniz"
def det_leibniz(A):
    """Correct: all permutations as one integer array, signs and products
    by fancy indexing."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not 0 < A.shape[0] < 8:
        raise ValueError("need a square matrix of size 1 to 7")
    n = A.shape[0]
    perms = np.array(list(itertools.permutations(range(n))))
    i, j = np.triu_indices(n, k=1)
    inversions = (perms[:, i] > perms[:, j]).sum(axis=1)
    signs = np.where(inversions % 2 == 0, 1.0, -1.0)
    products = A[perms, np.arange(n)].prod(axis=1)
    return float(np.sum(signs * products))

# %% variant="leibniz_laplace" question="det_leibniz"
def det_leibniz(A):
    """Correct: the same signed sum, grouped by the first column
    (Laplace expansion), recursively."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError("not a square matrix")
    if A.shape[0] > 7:
        raise ValueError("n > 7")

    def expand(M):
        if len(M) == 1:
            return M[0, 0]
        total = 0.0
        for i in range(len(M)):
            minor = np.delete(M[:, 1:], i, axis=0)
            total += (-1) ** i * M[i, 0] * expand(minor)
        return total

    return expand(A)

# %% variant="det_row_by_row" question="determinant"
def determinant(A):
    """Correct: one row operation per line, keeps a separate sign."""
    U = np.array(A, dtype=float)
    n = len(U)
    if U.ndim != 2 or n == 0 or any(len(row) != n for row in U):
        raise ValueError("determinant needs a non-empty square matrix")
    sign = 1
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(U[i, k]))
        if U[p, k] == 0:
            return 0.0
        if p != k:
            U[[k, p]] = U[[p, k]]
            sign = -sign
        for i in range(k + 1, n):
            U[i, k:] -= (U[i, k] / U[k, k]) * U[k, k:]
    return sign * float(np.prod(np.diag(U)))

# %% variant="det_log_space" question="determinant"
def determinant(A):
    """Correct: accumulates log|pivot| and the sign separately (column
    operations on the transpose, since det A^T = det A)."""
    U = np.array(A, dtype=np.float64).T.copy()
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.shape[0] == 0:
        raise ValueError("square matrix required")
    n = U.shape[0]
    log_abs, sign = 0.0, 1.0
    for k in range(n):
        column = np.abs(U[k:, k])
        p = k + column.argmax()
        if column[p - k] == 0:
            return 0.0
        if p != k:
            U[[k, p], :] = U[[p, k], :]
            sign *= -1.0
        pivot = U[k, k]
        sign *= np.sign(pivot)
        log_abs += np.log(abs(pivot))
        U[k + 1:, k + 1:] -= np.outer(U[k + 1:, k] / pivot, U[k, k + 1:])
    return sign * np.exp(log_abs)

# %% variant="area_fan_from_first_corner" question="polygon_area"
def polygon_area(points):
    """Correct: triangles from the first corner, in a Python loop."""
    try:
        pts = [tuple(map(float, p)) for p in points]
    except TypeError:
        raise ValueError("corners must be (x, y) pairs") from None
    if len(pts) < 3 or any(len(p) != 2 for p in pts):
        raise ValueError("a polygon needs at least 3 (x, y) corners")
    x0, y0 = pts[0]
    total = 0.0
    for (x1, y1), (x2, y2) in zip(pts[1:-1], pts[2:]):
        total += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    return total / 2

# %% variant="area_trapezoids" question="polygon_area"
def polygon_area(points):
    """Correct: signed trapezoids under each edge, as a numpy scalar."""
    P = np.array(points, dtype=float)
    if P.ndim != 2 or P.shape[1] != 2:
        raise ValueError("points must be (x, y) pairs")
    if P.shape[0] < 3:
        raise ValueError("at least three corners")
    closed = np.vstack([P, P[:1]])
    dx = np.diff(closed[:, 0])
    y_sum = closed[1:, 1] + closed[:-1, 1]
    return -0.5 * np.sum(dx * y_sum)
