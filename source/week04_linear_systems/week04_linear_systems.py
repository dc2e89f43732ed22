# %% [markdown]
# # Week 4 — Linear systems, orthogonality and least squares
#
# **Why this week matters.** Linear regression is the first model everyone
# fits, and it is the one model you can fit *without* any training loop.
# Each row of a data matrix $X$ is one example (a flat: its area, its
# distance to the centre, its age), $y$ holds the targets (the prices), and
# we look for weights $w$ with
#
# $$Xw \approx y .$$
#
# That is a **linear system**: unknowns $w$, one equation per example.
# This week answers three questions about it, each with a picture.
#
# - When there are exactly as many equations as unknowns, how do we
#   **solve** $Aw = b$? (Elimination, as in week 3, now carrying $b$
#   along.)
# - When does it fail? When a feature is a copy of others — the same area
#   in m² and in ft², or an intercept plus one indicator per category —
#   elimination runs out of pivots. The number of pivots is the **rank**:
#   the number of features that really carry information.
# - With more examples than unknowns there is usually no exact solution.
#   The best $w$ makes $Xw$ the point of the column space **closest** to
#   $y$: its **orthogonal projection**. Orthogonal directions make that
#   easy, and **Gram–Schmidt** and **QR** build them. We will also measure
#   why every numerical library fits regressions with QR rather than with
#   the textbook formula $(X^\top X)^{-1} X^\top y$.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `solve` | eliminate, then climb back up | square systems, Newton steps |
# | `rank` | count the pivots | redundant features |
# | `gram_schmidt` | remove the shadows on earlier directions | new axes |
# | `qr` | the same, keeping the shadows in R | stable regression |
# | `least_squares` | drop a perpendicular | regression, closed form |
#
# Notation as before: matrices upper case, vectors lower case, $X$ a data
# matrix with one example per **row**, so its **columns** are the
# features. $x \cdot y = x^\top y$ is the dot product of week 1 and
# $\|x\|$ the length.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. A square system: elimination and back substitution
#
# Start with the smallest case: three flats, three unknown weights. Each
# equation says "this combination of the unknowns equals this number". In
# two dimensions each equation is a line, and the solution is where the
# lines cross — unless the lines are parallel, which is where this week's
# trouble begins.

# %% grading="skip"
xs = np.linspace(-1, 4, 2)
fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), layout="constrained")
ax = axes[0]
ax.plot(xs, 3 - xs, label="x1 + x2 = 3")
ax.plot(xs, 2 * xs, label="2 x1 - x2 = 0")
ax.plot(1, 2, "ko")
ax.annotate("the solution (1, 2)", (1, 2), (1.5, 3.2),
            arrowprops={"arrowstyle": "->"})
ax.set(title="Two independent equations: one crossing point",
       xlabel="x1", ylabel="x2", xlim=(-1, 4), ylim=(-1.5, 5))
ax.legend(loc="lower right")
ax = axes[1]
ax.plot(xs, 3 - xs, label="x1 + x2 = 3")
ax.plot(xs, (4 - 2 * xs) / 2, label="2 x1 + 2 x2 = 4")
ax.set(title="Parallel lines: no solution (and a zero pivot)",
       xlabel="x1", ylabel="x2", xlim=(-1, 4), ylim=(-1.5, 5))
ax.legend(loc="lower right")
for ax in axes:
    ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# In week 3 you turned a matrix into an upper triangular $U$ with row
# operations: swap two rows, subtract a multiple of one row from another.
# Neither changes the **solutions** of $Ax = b$ — as long as we do the same
# operation to $b$. (Subtracting equation 1 from equation 2 gives an
# equation that the same $x$ satisfies.) So eliminate on $A$ and $b$
# together; at the end the system is triangular,
#
# $$\begin{pmatrix} u_{00} & u_{01} & u_{02} \\ 0 & u_{11} & u_{12} \\
# 0 & 0 & u_{22} \end{pmatrix} x = c ,$$
#
# and we **climb back up**: the last equation has one unknown,
# $x_2 = c_2 / u_{22}$; the one above then has one new unknown,
# $x_1 = (c_1 - u_{12} x_2) / u_{11}$; and so on:
#
# $$x_i = \Big(c_i - \sum_{j > i} u_{ij} x_j\Big) / u_{ii},
# \qquad i = n-1, \dots, 0 .$$
#
# This is **back substitution**. As in week 3 we pivot on the entry of
# largest absolute value in the column: a zero pivot cannot be divided by,
# and a tiny one multiplies rounding errors by huge factors. If even the
# best pivot is (nearly) zero, the columns do not span the space, the
# lines are parallel, and there is no unique solution: $A$ is
# **singular**.
#
# **Worked example.** $2x_0 + x_1 + x_2 = 5$, $4x_0 - 6x_1 = -2$,
# $-2x_0 + 7x_1 + 2x_2 = 9$. Column 0: the largest entry is the 4, so swap
# rows 0 and 1 (and the entries of $b$). Subtract $\frac12$ of the new row
# 0 from row 1 and $-\frac12$ of it from row 2; then one more step in
# column 1; then climb back up.

# %% grading="skip"
A_ex = np.array([[2.0, 1.0, 1.0], [4.0, -6.0, 0.0], [-2.0, 7.0, 2.0]])
b_ex = np.array([5.0, -2.0, 9.0])
M = np.column_stack([A_ex, b_ex])  # the "augmented" matrix [A | b]
for k in range(2):
    p = k + np.argmax(np.abs(M[k:, k]))
    M[[k, p]] = M[[p, k]]
    M[k + 1:] -= np.outer(M[k + 1:, k] / M[k, k], M[k])
    print(f"after column {k}:\n{M}")
x2 = M[2, 3] / M[2, 2]
x1 = (M[1, 3] - M[1, 2] * x2) / M[1, 1]
x0 = (M[0, 3] - M[0, 1] * x1 - M[0, 2] * x2) / M[0, 0]
print("back substitution: x =", (x0, x1, x2))

# %% [markdown]
# ### Exercise 1: `solve(A, b)`
#
# Return `x` with `A x = b`, by Gaussian elimination with partial pivoting
# on `A` and `b` together, then back substitution. `A` is a non-empty
# square `(n, n)` matrix (list of rows or array). `b` has shape `(n,)` —
# then return shape `(n,)` — or `(n, k)` with `k >= 1`, `k` right-hand
# sides at once —
# then return shape `(n, k)`, column `j` solving for column `j` of `b`.
# Return a float array; work on copies (do not change `A` or `b`).
#
# Raise `ValueError` if `A` is not a non-empty square matrix, if `b` is
# not 1-D or 2-D with `n` rows (first dimension), or if `A` is
# **singular**: when the best pivot of a column has
# $|\text{pivot}| \le 10^{-12} \cdot \max_{ij} |A_{ij}|$ (the largest
# entry of the original `A`; so the zero matrix is singular too). The
# threshold is relative: multiplying `A` by $10^{-20}$ does not make it
# singular.
#
# Not allowed: `np.linalg.solve`, `np.linalg.inv`, `np.linalg.lstsq`,
# `np.linalg.pinv` and anything from `scipy.linalg`.

# %% question="solve" forbid=["np.linalg.solve", "np.linalg.inv", "np.linalg.lstsq", "np.linalg.pinv", "scipy.linalg"]
def solve(A, b):
    """x with A x = b, by elimination with partial pivoting on A and b
    together, then back substitution. b is (n,) or (n, k); the result has
    b's shape.

    ValueError unless A is a non-empty square (n, n) matrix and b is 1-D
    or 2-D with n rows, and if A is singular: a best pivot with
    |pivot| <= 1e-12 * max|A| (the zero matrix included).
    """
    # BEGIN SOLUTION
    U = np.array(A, dtype=float)  # copies: elimination overwrites them
    c = np.array(b, dtype=float)
    if U.ndim != 2 or U.shape[0] != U.shape[1] or U.size == 0:
        raise ValueError(f"A must be a non-empty square matrix, got {U.shape}")
    n = U.shape[0]
    if c.ndim not in (1, 2) or c.shape[0] != n or c.size == 0:
        raise ValueError(f"b must have {n} rows, got shape {c.shape}")
    threshold = 1e-12 * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= threshold:
            raise ValueError("A is singular: no usable pivot in column "
                             f"{k}")
        if p != k:
            U[[k, p]] = U[[p, k]]
            c[[k, p]] = c[[p, k]]
        multipliers = U[k + 1:, k] / U[k, k]
        U[k + 1:, k:] -= np.multiply.outer(multipliers, U[k, k:])
        c[k + 1:] -= np.multiply.outer(multipliers, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Copy first: `U = np.array(A, dtype=float)`, `c = np.array(b,
# dtype=float)`. In the loop over columns `k`, find the pivot row
# `p = k + np.argmax(np.abs(U[k:, k]))`, compare `abs(U[p, k])` with
# `1e-12 * np.abs(A).max()`, swap rows `k` and `p` of **both** `U` and
# `c`, then for every row `i > k` subtract `U[i, k] / U[k, k]` times row
# `k` — again from `U` and from `c`. Writing `c[i] -= l * c[k]` works for
# a vector `c` and for a matrix of right-hand sides alike. Back
# substitution runs `i` from `n - 1` down to `0`.
# </details>

# %% tests="solve"
import numpy as np


def _raises_value_error(f, *args):
    """True when f(*args) raises ValueError (the tests' helper)."""
    try:
        f(*args)
    except ValueError:
        return True
    return False


@test_case(hidden=False)
def test_solve_worked_example(solve):
    A = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]
    x = np.asarray(solve(A, [5, -2, 9]), dtype=float)
    assert x.shape == (3,), "for b of shape (3,) solve returns shape (3,)"
    assert np.allclose(x, [1, 1, 2]), (
        "the worked example has the solution x = (1, 1, 2): check the "
        "elimination on b and the back substitution"
    )


@test_case(hidden=False)
def test_solve_zero_pivot_needs_a_swap(solve):
    x = np.asarray(solve([[0, 1], [1, 0]], [2, 3]), dtype=float)
    assert np.allclose(x, [3, 2]), (
        "[[0, 1], [1, 0]] x = (2, 3) has x = (3, 2): the first pivot is 0, "
        "so swap the rows of A and of b"
    )


@test_case(hidden=False)
def test_solve_singular_raises(solve):
    assert _raises_value_error(solve, [[1, 2], [2, 4]], [1, 2]), (
        "solve should raise ValueError for the singular matrix [[1, 2], "
        "[2, 4]] (its rows are parallel: no unique solution)"
    )


@test_case(hidden=True)
def test_solve_random(solve):
    # Backward-stable elimination: the relative error of x is at most a
    # modest multiple of cond(A) * n * machine epsilon.
    rng = np.random.default_rng(4101)
    for n in (1, 2, 3, 5, 8, 20):
        A = rng.normal(size=(n, n))
        b = rng.normal(size=n)
        want = np.linalg.solve(A, b)
        got = np.asarray(solve(A, b), dtype=float)
        assert got.shape == (n,), "for b of shape (n,) return shape (n,)"
        tol = 100 * n * np.linalg.cond(A) * np.finfo(float).eps
        err = np.linalg.norm(got - want) / np.linalg.norm(want)
        assert err <= tol, "solve is wrong on a random square system"


@test_case(hidden=True)
def test_solve_residual_is_zero(solve):
    # A x = b to rounding: |Ax - b| <= c n eps (|A| |x| + |b|).
    rng = np.random.default_rng(4102)
    for n in (4, 10, 30):
        A = rng.normal(size=(n, n)) * 10.0
        b = rng.normal(size=n)
        x = np.asarray(solve(A, b), dtype=float)
        scale = np.abs(A).sum(axis=1) * np.abs(x).max() + np.abs(b)
        bound = 100 * n * np.finfo(float).eps * scale
        assert np.all(np.abs(A @ x - b) <= bound), (
            "A @ solve(A, b) should give b back (to rounding)"
        )


@test_case(hidden=True)
def test_solve_several_right_hand_sides(solve):
    rng = np.random.default_rng(4103)
    A = rng.normal(size=(6, 6))
    B = rng.normal(size=(6, 3))
    X = np.asarray(solve(A, B), dtype=float)
    assert X.shape == (6, 3), "for b of shape (n, k) return shape (n, k)"
    tol = 100 * 6 * np.linalg.cond(A) * np.finfo(float).eps
    for j in range(3):
        want = np.linalg.solve(A, B[:, j])
        assert np.linalg.norm(X[:, j] - want) <= tol * np.linalg.norm(want), (
            "column j of solve(A, B) should solve A x = B[:, j]"
        )
    one = np.asarray(solve(A, B[:, :1]), dtype=float)
    assert one.shape == (6, 1), "b of shape (n, 1) gives shape (n, 1)"


@test_case(hidden=True)
def test_solve_pivots_on_largest_absolute_value(solve):
    x = np.asarray(solve([[1e-20, 1], [1, 1]], [1, 2]), dtype=float)
    assert np.allclose(x, [1, 1], rtol=1e-12), (
        "a tiny first pivot must be swapped away (partial pivoting), or "
        "rounding errors swamp the solution"
    )
    x = np.asarray(solve([[1e-20, 1], [-1, 1]], [1, 0]), dtype=float)
    assert np.allclose(x, [1, 1], rtol=1e-12), (
        "pivot on the largest ABSOLUTE value, also when it is negative"
    )
    A = [[1, 2, 3], [2, 4, 7], [1, 3, 5]]  # a zero pivot appears in step 2
    x = np.asarray(solve(A, [6, 13, 9]), dtype=float)
    assert np.allclose(x, [1, 1, 1]), (
        "a zero pivot can appear after the first step: swap again there"
    )


@test_case(hidden=True)
def test_solve_threshold_is_relative(solve):
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    b = np.array([3.0, 4.0])  # solution (1, 1)
    for s in (1e-20, 1e20):
        x = np.asarray(solve(s * A, b), dtype=float)
        assert np.allclose(x, [1 / s, 1 / s], rtol=1e-12), (
            "scaling A by s scales the solution by 1/s; the singularity "
            "test must be relative to the size of A's entries"
        )


@test_case(hidden=True)
def test_solve_singular_matrices(solve):
    rng = np.random.default_rng(4104)
    C = rng.normal(size=(5, 5))
    C[4] = C[1]  # two equal equations
    D = rng.normal(size=(4, 4))
    D[:, 2] = 0.0  # a feature that is always 0
    E = rng.integers(-5, 6, size=(4, 4)).astype(float)
    E[3] = E[0] + 2 * E[2]  # a combination of other rows
    nearly = [[1.0, 1.0], [1.0, 1.0 + 1e-14]]  # pivot 1e-14 << 1e-12
    for A in (C, D, E, np.zeros((3, 3)), nearly):
        n = len(A)
        assert _raises_value_error(solve, A, np.ones(n)), (
            "solve should raise ValueError for a singular matrix (a pivot "
            "<= 1e-12 times the largest entry, the zero matrix included)"
        )


@test_case(hidden=True)
def test_solve_bad_shapes(solve):
    bad = [(np.ones((2, 3)), np.ones(2)), ([1.0, 2.0], [1.0, 2.0]),
           ([], []), (np.eye(3), np.ones(2)), (np.eye(3), np.ones((2, 3))),
           (np.eye(2), np.ones((2, 2, 2)))]
    for A, b in bad:
        assert _raises_value_error(solve, A, b), (
            "solve should raise ValueError for a non-square or empty A, or "
            "a b without n rows"
        )


@test_case(hidden=True)
def test_solve_integers_and_1x1(solve):
    x = np.asarray(solve([[4]], [2]), dtype=float)
    assert x.shape == (1,) and np.isclose(x[0], 0.5), (
        "solve is wrong on a 1 x 1 integer system: convert to floats "
        "before dividing"
    )
    x = np.asarray(solve(np.array([[3, 1], [1, 2]]), np.array([9, 8])))
    assert np.allclose(x, [2, 3]), (
        "solve is wrong on an integer array input: convert to floats"
    )


@test_case(hidden=True)
def test_solve_keeps_input(solve):
    A = [[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]]
    b = [3.0, 2.0, 4.0]
    A_arr, b_arr = np.array(A), np.array(b)
    solve(A, b)
    solve(A_arr, b_arr)
    assert A == [[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]] and (
        b == [3.0, 2.0, 4.0]), "solve must not change its inputs"
    assert np.array_equal(A_arr, A) and np.array_equal(b_arr, b), (
        "solve must not change its input arrays (eliminate on copies)"
    )

# %% [markdown]
# ## 2. Running out of pivots: the rank
#
# Now a data matrix. Five flats, with an intercept column of ones, the area
# in m², and — because two data sources were merged — the area again in
# ft² (about 10.76 times larger):

# %% grading="skip"
area_m2 = np.array([50.0, 80.0, 65.0, 120.0, 42.0])
X_dup = np.column_stack([np.ones(5), area_m2, 10.76 * area_m2])
print(X_dup)
print("numpy's rank of this design:", np.linalg.matrix_rank(X_dup))

# %% [markdown]
# Eliminate. Column 0 gives a pivot, column 1 gives one, and then column 2
# is already zero below the pivots: the third feature is a combination of
# the first two and adds nothing. Elimination **ran out of pivots**. The
# number of pivots it finds is the **rank** of the matrix: the number of
# independent columns (and, remarkably, also of independent rows). Here the
# rank is 2, not 3.
#
# What does that mean for regression? $X w$ is a combination of the
# columns. If area in ft² is 10.76 × area in m², then raising $w_2$ by 1
# and lowering $w_1$ by 10.76 changes no prediction at all: infinitely many
# weight vectors fit equally well, and the "importance" of each copy is
# meaningless. The same happens with an intercept plus one indicator
# column per category (they add up to the intercept: the *dummy variable
# trap*). Checking the rank finds such redundancy before you fit.
#
# A non-square matrix works the same way: for an $(m, n)$ matrix, walk
# through the columns; in each one, look for a pivot among the rows **not
# yet used**. If there is none, move on to the next column and keep the
# same row. The rank is at most $\min(m, n)$.
#
# **How small is zero?** In floating point, a column that "should" be zero
# below the pivots usually holds leftovers like $10^{-16}$. So a pivot
# counts only when its absolute value exceeds a tolerance `tol`. The
# default scales with the matrix: $\text{tol} = \max(m, n) \cdot
# \varepsilon \cdot \max_{ij}|A_{ij}|$, where $\varepsilon \approx 2.2
# \cdot 10^{-16}$ is the machine epsilon (`np.finfo(float).eps`).
#
# **Worked example.** $\begin{pmatrix} 1 & 2 & 3 \\ 2 & 4 & 7 \end{pmatrix}$:
# column 0 — the best pivot is the 2 in row 1, swap it up; subtracting
# half of it from the other row gives $(0, 0, -0.5)$. Column 1 — in the
# unused row the entry is 0: no pivot, move on. Column 2 — the $-0.5$ is a
# pivot. Two pivots: rank 2.

# %% grading="skip"
W = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 7.0]])
W[[0, 1]] = W[[1, 0]]
W[1] -= (W[1, 0] / W[0, 0]) * W[0]
print(W)
print("numpy's rank (from the SVD):", np.linalg.matrix_rank(W))

# %% [markdown]
# ### Exercise 2: `rank(A, tol=None)`
#
# Return the rank of the `(m, n)` matrix `A` (any `m` and `n`) as an
# integer: the number of pivots found by elimination with partial
# pivoting, walking through the columns as described above. A pivot
# counts only when its absolute value is **strictly** greater than `tol`;
# when `tol` is `None` use $\max(m, n) \cdot \varepsilon \cdot
# \max_{ij}|A_{ij}|$ (so the zero matrix has rank 0). Do not change `A`.
# Raise `ValueError` if `A` is not 2-D (a 1-D vector included) or is
# empty.
#
# Not allowed: `np.linalg.matrix_rank`, `np.linalg.svd`, `np.linalg.qr`
# and anything from `scipy.linalg`.

# %% question="rank" forbid=["np.linalg.matrix_rank", "np.linalg.svd", "np.linalg.qr", "scipy.linalg"]
def rank(A, tol=None):
    """The number of pivots that elimination with partial pivoting finds
    in the (m, n) matrix A; a pivot counts when |pivot| > tol. tol=None
    means max(m, n) * machine epsilon * max|A|. Returns an int.

    ValueError if A is not 2-D or is empty.
    """
    # BEGIN SOLUTION
    U = np.array(A, dtype=float)
    if U.ndim != 2 or U.size == 0:
        raise ValueError(f"A must be a non-empty 2-D matrix, got {U.shape}")
    m, n = U.shape
    if tol is None:
        tol = max(m, n) * np.finfo(float).eps * np.abs(U).max()
    row = 0  # the next row that can take a pivot
    for k in range(n):
        if row == m:
            break
        p = row + int(np.argmax(np.abs(U[row:, k])))
        if abs(U[p, k]) <= tol:
            continue  # no pivot in this column: same row, next column
        U[[row, p]] = U[[p, row]]
        multipliers = U[row + 1:, k] / U[row, k]
        U[row + 1:, k:] -= np.multiply.outer(multipliers, U[row, k:])
        row += 1
    return row
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Keep a counter `row = 0`: the number of pivots so far, which is also the
# next row that can receive one. For each column `k`, stop if `row == m`;
# find `p = row + np.argmax(np.abs(U[row:, k]))`; if `abs(U[p, k]) <= tol`
# skip to the next column **without** moving `row`; otherwise swap rows
# `row` and `p`, eliminate below, and add 1 to `row`. Return `row`.
# </details>

# %% tests="rank"
import numpy as np


def _raises_value_error(f, *args):
    """True when f(*args) raises ValueError (the tests' helper)."""
    try:
        f(*args)
    except ValueError:
        return True
    return False


def _known_rank_integer_matrix(rng, m, n, r):
    """An (m, n) integer matrix of rank r: r independent rows and columns,
    the others zero or copies times +-1 or +-2. Elimination keeps copies
    exact copies (scaling by 2 is exact in floating point), so every
    leftover is exactly zero or a rounding residue far below the tol."""
    while True:
        K = rng.integers(-4, 5, size=(r, r))
        if abs(round(np.linalg.det(K))) >= 1:
            break
    row_src = np.concatenate([np.arange(r), rng.integers(-1, r, size=m - r)])
    col_src = np.concatenate([np.arange(r), rng.integers(-1, r, size=n - r)])
    factors = np.array([-2, -1, 1, 2])
    rf = np.where(np.arange(m) < r, 1, rng.choice(factors, size=m))
    cf = np.where(np.arange(n) < r, 1, rng.choice(factors, size=n))
    A = np.zeros((m, n), dtype=int)
    for i in range(m):
        for j in range(n):
            if row_src[i] >= 0 and col_src[j] >= 0:
                A[i, j] = rf[i] * cf[j] * K[row_src[i], col_src[j]]
    return A[rng.permutation(m)][:, rng.permutation(n)]


@test_case(hidden=False)
def test_rank_small(rank):
    assert rank(np.eye(3)) == 3, "the 3 x 3 identity has 3 pivots: rank 3"
    assert rank([[1, 2], [2, 4]]) == 1, (
        "[[1, 2], [2, 4]]: the second row is twice the first, so "
        "elimination finds one pivot: rank 1"
    )
    assert rank(np.zeros((2, 3))) == 0, "the zero matrix has rank 0"


@test_case(hidden=False)
def test_rank_worked_example(rank):
    assert rank([[1, 2, 3], [2, 4, 7]]) == 2, (
        "[[1, 2, 3], [2, 4, 7]] has rank 2: column 1 has no pivot, so move "
        "on to column 2 with the same row"
    )


@test_case(hidden=False)
def test_rank_duplicated_feature(rank):
    X = [[1, 50, 100], [1, 80, 160], [1, 65, 130], [1, 120, 240]]
    assert rank(X) == 2, (
        "a feature that is twice another adds no information: this 4 x 3 "
        "design has rank 2, not 3"
    )


@test_case(hidden=True)
def test_rank_random_full_rank(rank):
    rng = np.random.default_rng(4201)
    for m, n in ((1, 1), (3, 3), (6, 6), (10, 4), (4, 10), (15, 15)):
        got = rank(rng.normal(size=(m, n)))
        assert isinstance(got, (int, np.integer)), "rank returns an integer"
        assert got == min(m, n), (
            "a random matrix has full rank min(m, n); rank disagrees"
        )


@test_case(hidden=True)
def test_rank_known_rank_integer_matrices(rank):
    rng = np.random.default_rng(4202)
    for m, n, r in ((4, 4, 2), (5, 7, 3), (8, 3, 1), (6, 6, 5), (7, 9, 4),
                    (9, 5, 3), (3, 8, 2)):
        A = _known_rank_integer_matrix(rng, m, n, r)
        assert rank(A) == r, (
            "rank is wrong on an integer matrix built with repeated and "
            "zero rows and columns"
        )
        assert rank(A.T) == r, (
            "a matrix and its transpose have the same rank"
        )


@test_case(hidden=True)
def test_rank_of_products(rank):
    # With tol = 1e-9 * max|M|: elimination leaves rounding residues of
    # about n * eps * max|M| ~ 1e-14 * max|M| in the dependent part, while
    # the real pivots of products of random normals are far above 1e-9.
    rng = np.random.default_rng(4203)
    for m, r, n in ((6, 2, 5), (8, 3, 8), (5, 4, 9), (10, 1, 7)):
        A = rng.normal(size=(m, r))
        B = rng.normal(size=(r, n))
        M = A @ B
        got = rank(M, tol=1e-9 * np.abs(M).max())
        assert got == r, (
            "a product (m x r)(r x n) of random matrices has rank r"
        )
    A = rng.normal(size=(6, 6))
    B = np.diag([1.0, 2.0, 0.0, 3.0, 0.0, 1.0])
    AB = A @ B
    got = rank(AB, tol=1e-9 * np.abs(AB).max())
    assert got == 4, (
        "rank(AB) <= min(rank A, rank B): multiplying by a rank-4 matrix "
        "gives rank 4"
    )


@test_case(hidden=True)
def test_rank_needs_pivoting(rank):
    assert rank([[1e-20, 1], [1, 1]]) == 2, (
        "a tiny entry in the pivot position must be swapped away (partial "
        "pivoting), not taken as a missing pivot"
    )
    assert rank([[0, 1, 2], [0, 2, 4], [0, 3, 7]]) == 2, (
        "a column of zeros gives no pivot, but the later columns still can"
    )
    assert rank([[1, 1, 1], [1, 1, 2], [1, 1, 3], [2, 2, 2]]) == 2, (
        "when a column has no pivot, look for one in the next column, in "
        "the same row"
    )


@test_case(hidden=True)
def test_rank_tolerance(rank):
    D = np.diag([3.0, 2.0, 1.0])
    assert rank(D, tol=1.0) == 2, (
        "a pivot counts only when |pivot| > tol, strictly: a pivot equal to "
        "tol does not count"
    )
    assert rank(D, tol=0.5) == 3, "every pivot above tol counts"
    assert rank(np.diag([1.0, 1e-20])) == 1, (
        "a pivot far below the default tol, max(m, n) * eps * max|A|, is "
        "rounding noise and must not count"
    )
    assert rank(np.diag([1.0, 1e-10])) == 2, (
        "a small pivot that is still far above the default tol counts"
    )


@test_case(hidden=True)
def test_rank_scale_invariant(rank):
    A = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]
    for s in (1e-30, 1.0, 1e30):
        assert rank(s * np.array(A)) == 3, (
            "scaling a matrix does not change its rank: the default tol "
            "must scale with max|A|"
        )
    assert rank(1e-30 * np.array([[1.0, 2.0], [2.0, 4.0]])) == 1, (
        "scaling a rank-deficient matrix by a tiny factor keeps its rank"
    )


@test_case(hidden=True)
def test_rank_invalid(rank):
    for bad in ([1.0, 2.0, 3.0], [], np.zeros((0, 3)), np.ones((2, 2, 2))):
        assert _raises_value_error(rank, bad), (
            "rank should raise ValueError for an input that is not a "
            "non-empty 2-D matrix"
        )


@test_case(hidden=True)
def test_rank_keeps_input(rank):
    A = [[0.0, 2.0], [3.0, 1.0], [6.0, 2.0]]
    A_arr = np.array(A)
    rank(A)
    rank(A_arr)
    assert A == [[0.0, 2.0], [3.0, 1.0], [6.0, 2.0]] and np.array_equal(
        A_arr, A), "rank must not change its input (eliminate on a copy)"

# %% [markdown]
# ## 3. Orthogonal directions: Gram–Schmidt
#
# When there are more examples than unknowns we cannot hope for
# $Xw = y$ exactly; we want the combination of the columns **closest** to
# $y$. Closest-point questions are easy when the directions are
# **orthonormal** — unit length and perpendicular to each other. With an
# orthonormal $q_1, \dots, q_k$ the closest point to $y$ in their span is
# just the sum of the shadows of week 1,
#
# $$p = (q_1 \cdot y)\, q_1 + \dots + (q_k \cdot y)\, q_k ,$$
#
# one dot product per direction, no system to solve. Our features are
# never orthonormal, so we make them so, keeping the span. **Gram–Schmidt**
# goes through the columns left to right: take the next column, remove its
# shadow on every direction found so far, and what is left — the
# **remainder** — is perpendicular to all of them. Divide it by its length:
# a new direction.

# %% grading="skip"
v1, v2 = np.array([3.0, 1.0]), np.array([2.0, 2.5])
q1 = v1 / np.linalg.norm(v1)
shadow = (q1 @ v2) * q1
remainder = v2 - shadow
q2 = remainder / np.linalg.norm(remainder)

fig, ax = plt.subplots(figsize=(6.5, 5.5))
for vec, start, color, label in [
        (v1, (0, 0), "C0", "v1"), (v2, (0, 0), "C1", "v2"),
        (shadow, (0, 0), "0.5", "shadow of v2 on q1"),
        (remainder, shadow, "C3", "remainder v2 - shadow"),
        (q1, (0, 0), "C2", "q1"), (q2, (0, 0), "C4", "q2")]:
    ax.annotate("", xy=np.add(start, vec), xytext=start,
                arrowprops={"arrowstyle": "->", "color": color, "lw": 2.2})
    ax.plot([], [], color=color, lw=2.2, label=label)
ax.plot([shadow[0], v2[0]], [shadow[1], v2[1]], ":", color="C3")
ax.set(xlim=(-1.2, 3.5), ylim=(-0.5, 3.2), aspect="equal",
       title="Gram–Schmidt: remove the shadow, keep the perpendicular rest",
       xlabel="x1", ylabel="x2")
ax.legend(loc="upper left", fontsize=9)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# If the remainder is (nearly) zero, the column was already in the span of
# the earlier ones — a redundant feature, the same thing that cost a pivot
# in section 2. Gram–Schmidt then **skips** it: the basis it returns has
# as many vectors as the rank. "Nearly zero" is measured against the
# column itself: skip when $\|\text{remainder}\| \le 10^{-10} \cdot
# \|\text{column}\|$ (a zero column is always skipped).
#
# Two ways to remove the shadows give the same result in exact arithmetic:
# compute all the shadows of the original column (*classical*
# Gram–Schmidt), or remove them one at a time, each from what is left so
# far (*modified* Gram–Schmidt). The second loses less accuracy in
# floating point — keep that in mind for section 5. Both are accepted
# here.
#
# **Worked example.** $v_1 = (3, 4)$, $v_2 = (1, 2)$. $\|v_1\| = 5$, so
# $q_1 = (0.6, 0.8)$. The shadow of $v_2$: $q_1 \cdot v_2 = 0.6 + 1.6 =
# 2.2$; remainder $v_2 - 2.2\, q_1 = (1 - 1.32,\; 2 - 1.76) = (-0.32,\;
# 0.24)$, of length $0.4$; so $q_2 = (-0.8, 0.6)$. Check: $q_1 \cdot q_2 =
# -0.48 + 0.48 = 0$.

# %% grading="skip"
q1_ex = np.array([3.0, 4.0]) / 5.0
rest = np.array([1.0, 2.0]) - (q1_ex @ [1.0, 2.0]) * q1_ex
print("q1 =", q1_ex, " remainder =", rest,
      " q2 =", rest / np.linalg.norm(rest))

# %% [markdown]
# ### Exercise 3: `gram_schmidt(V)`
#
# `V` is an `(n, p)` matrix (list of rows or array). Return an orthonormal
# basis of the span of its columns, as the **columns** of a float array of
# shape `(n, r)`. Process the columns left to right; remove from each
# column its shadows on the basis vectors found so far (classical or
# modified Gram–Schmidt); **skip** the column when the norm of its
# remainder is $\le 10^{-10}$ times the norm of the original column (a
# zero column is always skipped); otherwise append remainder / its norm.
# So each basis vector points the same way as its remainder, and the first
# one is `V[:, 0] / ‖V[:, 0]‖` (when that column is not zero). An all-zero
# `V` gives shape `(n, 0)`. Do not change `V`. Raise `ValueError` if `V`
# is not 2-D or is empty.
#
# Not allowed: `np.linalg.qr`, `np.linalg.svd` and anything from
# `scipy.linalg`.

# %% question="gram_schmidt" forbid=["np.linalg.qr", "np.linalg.svd", "scipy.linalg"]
def gram_schmidt(V):
    """An orthonormal basis, as the columns of an (n, r) array, of the
    span of the columns of V (n, p), built left to right. A column whose
    remainder has norm <= 1e-10 times the column's norm is skipped (a zero
    column always); an all-zero V gives shape (n, 0).

    ValueError if V is not 2-D or is empty.
    """
    # BEGIN SOLUTION
    V = np.array(V, dtype=float)
    if V.ndim != 2 or V.size == 0:
        raise ValueError(f"V must be a non-empty 2-D matrix, got {V.shape}")
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j].copy()
        for q in basis:  # modified Gram-Schmidt: one shadow at a time
            v -= (q @ v) * q
        length = np.linalg.norm(v)
        if length <= 1e-10 * np.linalg.norm(V[:, j]):
            continue  # already in the span of the earlier columns
        basis.append(v / length)
    if not basis:
        return np.zeros((V.shape[0], 0))
    return np.column_stack(basis)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Keep a Python list `basis` of the unit vectors found so far. For column
# `j`: `v = V[:, j].copy()`; for each `q` in `basis`, `v = v - (q @ v) *
# q`; then compare `np.linalg.norm(v)` with `1e-10 *
# np.linalg.norm(V[:, j])`. Append `v / np.linalg.norm(v)` only when it is
# larger. At the end `np.column_stack(basis)` — but mind the case where
# `basis` is empty: return `np.zeros((n, 0))`.
# </details>

# %% tests="gram_schmidt"
import numpy as np


def _raises_value_error(f, *args):
    """True when f(*args) raises ValueError (the tests' helper)."""
    try:
        f(*args)
    except ValueError:
        return True
    return False


def _reference_basis(V):
    """Orthonormal basis of a full-column-rank V, signs as Gram-Schmidt's."""
    Q, R = np.linalg.qr(V)
    return Q * np.sign(np.diag(R))


@test_case(hidden=False)
def test_gram_schmidt_worked_example(gram_schmidt):
    Q = np.asarray(gram_schmidt([[3, 1], [4, 2]]), dtype=float)
    assert Q.shape == (2, 2), "two independent columns give two vectors"
    assert np.allclose(Q[:, 0], [0.6, 0.8]), (
        "the first basis vector is the first column (3, 4) divided by its "
        "length 5: (0.6, 0.8)"
    )
    assert np.allclose(Q[:, 1], [-0.8, 0.6]), (
        "the second basis vector is the remainder of (1, 2) after removing "
        "its shadow on q1, (-0.32, 0.24), divided by its length 0.4"
    )


@test_case(hidden=False)
def test_gram_schmidt_skips_dependent_column(gram_schmidt):
    V = [[1, 2, 0], [0, 0, 1], [0, 0, 0]]
    Q = np.asarray(gram_schmidt(V), dtype=float)
    assert Q.shape == (3, 2), (
        "the second column (2, 0, 0) is twice the first: its remainder is 0 "
        "and it must be skipped, leaving a (3, 2) basis"
    )
    assert np.allclose(Q, [[1, 0], [0, 1], [0, 0]]), (
        "the basis of this V is e1, e2, as columns"
    )


@test_case(hidden=True)
def test_gram_schmidt_random_full_rank(gram_schmidt):
    # cond(V) < 3 for the tall random normal matrices here, < 30 for the
    # shifted square one; even classical Gram-Schmidt then loses
    # orthogonality only like cond^2 * n * eps ~ 3e-12: 1e-9 is safe.
    rng = np.random.default_rng(4301)
    for n, p in ((2, 1), (3, 3), (8, 3), (20, 6), (12, 12)):
        V = rng.normal(size=(n, p))
        if n == p:
            V = V + 4 * np.eye(n)  # keep the square one well conditioned
        Q = np.asarray(gram_schmidt(V), dtype=float)
        assert Q.shape == (n, p), "full-rank columns: the basis is (n, p)"
        assert np.allclose(Q.T @ Q, np.eye(p), atol=1e-9), (
            "the basis vectors should be orthonormal (Q.T @ Q = I)"
        )
        assert np.allclose(Q, _reference_basis(V), atol=1e-9), (
            "gram_schmidt is wrong on random independent columns (each "
            "vector should point the way of its remainder)"
        )


@test_case(hidden=True)
def test_gram_schmidt_spans_the_columns(gram_schmidt):
    # Dependent columns are exact combinations of the earlier ones (up to
    # rounding, relative 1e-16 << 1e-10), so r = 4 columns are kept.
    rng = np.random.default_rng(4302)
    B = rng.normal(size=(7, 4))
    V = np.column_stack([B[:, 0], B[:, 1], B[:, 0] - 2 * B[:, 1], B[:, 2],
                         0.5 * B[:, 2] + B[:, 0], B[:, 3]])
    Q = np.asarray(gram_schmidt(V), dtype=float)
    assert Q.shape == (7, 4), (
        "6 columns of which 2 are combinations of earlier ones span a "
        "4-dimensional space: the basis should be (7, 4)"
    )
    assert np.allclose(Q.T @ Q, np.eye(4), atol=1e-9), (
        "the basis vectors should be orthonormal"
    )
    assert np.allclose(Q @ (Q.T @ V), V, atol=1e-9), (
        "every column of V should lie in the span of the basis"
    )
    assert np.allclose(Q, _reference_basis(B), atol=1e-9), (
        "skipping the dependent columns should leave the basis of the "
        "independent ones, in order"
    )


@test_case(hidden=True)
def test_gram_schmidt_order_and_signs(gram_schmidt):
    Q = np.asarray(gram_schmidt([[0, 1], [1, 0]]), dtype=float)
    assert np.allclose(Q, [[0, 1], [1, 0]]), (
        "columns are processed left to right: the first basis vector is "
        "the first column, not sorted"
    )
    Q = np.asarray(gram_schmidt([[-2, 0], [0, -3]]), dtype=float)
    assert np.allclose(Q, [[-1, 0], [0, -1]]), (
        "each basis vector keeps the sign of its remainder (do not flip "
        "signs)"
    )
    rng = np.random.default_rng(4303)
    V = rng.normal(size=(5, 3))
    Q = np.asarray(gram_schmidt(V), dtype=float)
    assert np.allclose(Q[:, 0], V[:, 0] / np.linalg.norm(V[:, 0])), (
        "the first basis vector is V[:, 0] / |V[:, 0]|"
    )
    assert np.all(np.sum(Q * V, axis=0) > 0), (
        "each basis vector q_j should have a positive dot product with "
        "column j (it points the way of the remainder)"
    )


@test_case(hidden=True)
def test_gram_schmidt_zero_and_wide(gram_schmidt):
    Q = np.asarray(gram_schmidt(np.zeros((4, 3))), dtype=float)
    assert Q.shape == (4, 0), (
        "an all-zero V of shape (n, p) gives an empty basis of shape (n, 0)"
    )
    Q = np.asarray(gram_schmidt([[0, 1, 0], [0, 0, 0], [0, 0, 5]]))
    assert Q.shape == (3, 2) and np.allclose(Q, [[1, 0], [0, 0], [0, 1]]), (
        "a zero column is skipped"
    )
    rng = np.random.default_rng(4304)
    Q = np.asarray(gram_schmidt(rng.normal(size=(3, 6))), dtype=float)
    assert Q.shape == (3, 3), (
        "more columns than rows: the columns span at most n dimensions, "
        "so the basis has at most n vectors"
    )
    assert np.allclose(Q.T @ Q, np.eye(3), atol=1e-9), (
        "the basis vectors should be orthonormal"
    )


@test_case(hidden=True)
def test_gram_schmidt_threshold(gram_schmidt):
    # A remainder of relative size 1e-6 is far above the 1e-10 rule and
    # is kept; one of relative size 1e-14 is rounding-level and skipped.
    rng = np.random.default_rng(4305)
    B = np.linalg.qr(rng.normal(size=(6, 3)))[0]
    almost = B[:, 0] + B[:, 1] + 1e-6 * B[:, 2]
    Q = np.asarray(gram_schmidt(np.column_stack([B[:, :2], almost])))
    assert Q.shape == (6, 3), (
        "a column whose remainder is 1e-6 of its length is new: keep it"
    )
    assert np.allclose(np.abs(Q[:, 2] @ B[:, 2]), 1.0, atol=1e-6), (
        "the kept direction should be the remainder, normalised"
    )
    tiny = B[:, 0] + B[:, 1] + 1e-14 * B[:, 2]
    Q = np.asarray(gram_schmidt(np.column_stack([B[:, :2], tiny])))
    assert Q.shape == (6, 2), (
        "a remainder below 1e-10 times the column's length is skipped"
    )
    V = 1e-12 * rng.normal(size=(5, 3))
    Q = np.asarray(gram_schmidt(V), dtype=float)
    assert Q.shape == (5, 3) and np.allclose(Q.T @ Q, np.eye(3)), (
        "the skipping rule is relative to the column's norm: tiny but "
        "independent columns still give three orthonormal vectors"
    )


@test_case(hidden=True)
def test_gram_schmidt_invalid(gram_schmidt):
    for bad in ([1.0, 2.0, 3.0], [], np.zeros((0, 2)), np.ones((2, 2, 2))):
        assert _raises_value_error(gram_schmidt, bad), (
            "gram_schmidt should raise ValueError for an input that is not "
            "a non-empty 2-D matrix"
        )


@test_case(hidden=True)
def test_gram_schmidt_keeps_input(gram_schmidt):
    V = [[1, 1], [0, 1], [1, 0]]
    V_arr = np.array([[2.0, 1.0], [0.0, 3.0]])
    Q = np.asarray(gram_schmidt(V), dtype=float)
    gram_schmidt(V_arr)
    assert V == [[1, 1], [0, 1], [1, 0]] and np.array_equal(
        V_arr, [[2.0, 1.0], [0.0, 3.0]]), "gram_schmidt must not change V"
    assert np.allclose(Q[:, 0], np.array([1, 0, 1]) / np.sqrt(2)), (
        "gram_schmidt is wrong on integer input: convert to floats"
    )

# %% [markdown]
# ## 4. Keeping the shadows: the QR decomposition
#
# Gram–Schmidt throws away the shadows it removes. Keep them, and you get
# a factorisation. Write $r_{ij} = $ the coefficient of $q_i$ removed from
# column $j$ and $r_{jj} = $ the length of column $j$'s remainder. Then
# column $j$ is exactly its shadows plus its remainder:
#
# $$a_j = r_{0j}\, q_0 + r_{1j}\, q_1 + \dots + r_{jj}\, q_j .$$
#
# Column $j$ uses only $q_0, \dots, q_j$ — so collected in a matrix $R$
# the coefficients sit on and above the diagonal:
#
# $$A = QR, \qquad Q^\top Q = I, \qquad R \text{ upper triangular with }
# r_{jj} > 0 .$$
#
# This is the (reduced) **QR decomposition** of an $(m, n)$ matrix with
# $m \ge n$ and independent columns (full column rank): $Q$ is $(m, n)$
# with orthonormal columns, $R$ is $(n, n)$. $Q$ holds the directions, $R$
# says how to rebuild each column from them. If some column's remainder
# vanishes, $r_{jj} = 0$ and there is no such $R$ — the columns are
# dependent.
#
# **Worked example.** The matrix of section 3, $A = \begin{pmatrix} 3 & 1
# \\ 4 & 2 \end{pmatrix}$: $r_{00} = 5$, $q_0 = (0.6, 0.8)$; $r_{01} =
# q_0 \cdot a_1 = 2.2$; $r_{11} = 0.4$, $q_1 = (-0.8, 0.6)$.

# %% grading="skip"
Q_ex = np.array([[0.6, -0.8], [0.8, 0.6]])
R_ex = np.array([[5.0, 2.2], [0.0, 0.4]])
print("Q R =\n", Q_ex @ R_ex, "\nQ^T Q =\n", Q_ex.T @ Q_ex)

# %% [markdown]
# ### Exercise 4: `qr(A)`
#
# Return the reduced QR decomposition `(Q, R)` of the `(m, n)` matrix `A`
# (list of rows or array), as a tuple of two float arrays: `Q` of shape
# `(m, n)` with orthonormal columns, `R` of shape `(n, n)` upper
# triangular (zeros below the diagonal) with a **positive** diagonal, and
# `Q @ R == A` up to rounding. Use Gram–Schmidt (classical or modified)
# and record the coefficients. Do not change `A`.
#
# Raise `ValueError` if `A` is not 2-D or is empty, if $m < n$, or if a
# column depends on the earlier ones — the same rule as in
# `gram_schmidt`: the norm of its remainder is $\le 10^{-10}$ times the
# norm of the column (a zero column included).
#
# Not allowed: `np.linalg.qr`, `np.linalg.svd` and anything from
# `scipy.linalg`.

# %% question="qr" forbid=["np.linalg.qr", "np.linalg.svd", "scipy.linalg"]
def qr(A):
    """Reduced QR of the (m, n) matrix A, m >= n, by Gram-Schmidt: returns
    (Q, R) with Q (m, n) orthonormal columns, R (n, n) upper triangular
    with a positive diagonal, and A = Q R.

    ValueError if A is not 2-D or is empty, if m < n, or if a column's
    remainder has norm <= 1e-10 times the column's norm.
    """
    # BEGIN SOLUTION
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError(f"A must be a non-empty 2-D matrix, got {A.shape}")
    m, n = A.shape
    if m < n:
        raise ValueError(f"need m >= n for a reduced QR, got {A.shape}")
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):  # modified Gram-Schmidt
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(A[:, j]):
            raise ValueError(f"column {j} depends on the earlier columns")
        Q[:, j] = v / R[j, j]
    return Q, R
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# It is your `gram_schmidt` with two changes. Start with `Q =
# np.zeros((m, n))` and `R = np.zeros((n, n))`. When you remove the shadow
# of `Q[:, i]` from column `j`, store its coefficient in `R[i, j]`; store
# the length of the remainder in `R[j, j]`; and where `gram_schmidt` would
# skip a column, raise `ValueError` instead.
# </details>

# %% tests="qr"
import numpy as np


def _raises_value_error(f, *args):
    """True when f(*args) raises ValueError (the tests' helper)."""
    try:
        f(*args)
    except ValueError:
        return True
    return False


def _check_qr(qr, A, tol):
    """Shapes, orthonormal Q, upper triangular R with positive diagonal,
    and A = QR; returns (Q, R) as float arrays."""
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    result = qr(A)
    assert len(result) == 2, "qr should return a tuple (Q, R)"
    Q, R = (np.asarray(M, dtype=float) for M in result)
    assert Q.shape == (m, n) and R.shape == (n, n), (
        "for an (m, n) matrix Q is (m, n) and R is (n, n)"
    )
    assert np.allclose(Q.T @ Q, np.eye(n), atol=tol), (
        "the columns of Q should be orthonormal (Q.T @ Q = I)"
    )
    scale = np.abs(A).max()
    assert np.all(np.abs(np.tril(R, -1)) <= tol * scale), (
        "R should be upper triangular (zeros below the diagonal)"
    )
    assert np.all(np.diag(R) > 0), "the diagonal of R should be positive"
    assert np.allclose(Q @ R, A, atol=tol * scale), "Q @ R should equal A"
    return Q, R


@test_case(hidden=False)
def test_qr_worked_example(qr):
    Q, R = _check_qr(qr, [[3, 1], [4, 2]], 1e-12)
    assert np.allclose(Q, [[0.6, -0.8], [0.8, 0.6]]), (
        "Q should hold q0 = (0.6, 0.8) and q1 = (-0.8, 0.6) as columns"
    )
    assert np.allclose(R, [[5, 2.2], [0, 0.4]]), (
        "R should be [[5, 2.2], [0, 0.4]]: the length 5 of column 0, the "
        "shadow coefficient 2.2, the remainder's length 0.4"
    )


@test_case(hidden=False)
def test_qr_tall_matrix(qr):
    Q, R = _check_qr(qr, [[1, 1], [1, 0], [0, 1]], 1e-12)
    assert np.isclose(R[0, 0], np.sqrt(2)), (
        "R[0, 0] is the length of the first column (1, 1, 0): sqrt(2)"
    )


@test_case(hidden=False)
def test_qr_wide_matrix_raises(qr):
    assert _raises_value_error(qr, [[1, 2, 3], [4, 5, 6]]), (
        "qr should raise ValueError for a matrix with fewer rows than "
        "columns (3 columns in 2-D cannot be independent)"
    )


@test_case(hidden=True)
def test_qr_random(qr):
    # cond(A) < 3 for these tall normal matrices, < 30 for the shifted
    # square one: even classical Gram-Schmidt is accurate to about
    # cond^2 * m * eps ~ 3e-12, so 1e-9 is a safe bound.
    rng = np.random.default_rng(4401)
    for m, n in ((1, 1), (4, 1), (6, 3), (30, 8), (10, 10)):
        A = rng.normal(size=(m, n))
        if m == n:
            A = A + 4 * np.eye(n)
        Q, R = _check_qr(qr, A, 1e-9)
        Q_ref, R_ref = np.linalg.qr(A)
        signs = np.sign(np.diag(R_ref))
        assert np.allclose(Q, Q_ref * signs, atol=1e-9) and np.allclose(
            R, R_ref * signs[:, None], atol=1e-9 * np.abs(A).max()), (
            "qr is wrong on a random matrix (the QR with a positive "
            "diagonal is unique)"
        )


@test_case(hidden=True)
def test_qr_dependent_columns(qr):
    rng = np.random.default_rng(4402)
    B = rng.normal(size=(6, 3))
    bad = [np.column_stack([B, B[:, 1]]),
           np.column_stack([B[:, 0], 3 * B[:, 0], B[:, 2]]),
           np.column_stack([B, B[:, 0] - B[:, 2]]),
           np.column_stack([B[:, :2], np.zeros(6)]),
           np.zeros((3, 2))]
    for A in bad:
        assert _raises_value_error(qr, A), (
            "qr should raise ValueError when a column depends on earlier "
            "ones (remainder <= 1e-10 times its norm, a zero column "
            "included)"
        )


@test_case(hidden=True)
def test_qr_nearly_dependent_is_fine(qr):
    # Relative remainder 1e-6 is far above 1e-10: a valid input whose
    # condition number is about 1e6, so orthogonality holds to ~1e-10
    # (modified) or worse (classical); only A = QR and the shapes are
    # checked tightly here.
    rng = np.random.default_rng(4403)
    B = rng.normal(size=(8, 2))
    A = np.column_stack([B, B[:, 0] + 1e-6 * rng.normal(size=8)])
    Q, R = (np.asarray(M, dtype=float) for M in qr(A))
    assert Q.shape == (8, 3) and R.shape == (3, 3), (
        "a nearly dependent but independent column is still a column of Q"
    )
    assert np.allclose(Q @ R, A, atol=1e-12 * np.abs(A).max()), (
        "Q @ R should equal A"
    )
    assert np.all(np.diag(R) > 0), "the diagonal of R should be positive"


@test_case(hidden=True)
def test_qr_invalid(qr):
    for bad in ([1.0, 2.0], [], np.zeros((0, 0)), np.ones((2, 3)),
                np.ones((2, 2, 2))):
        assert _raises_value_error(qr, bad), (
            "qr should raise ValueError for an input that is not a "
            "non-empty 2-D matrix with m >= n"
        )


@test_case(hidden=True)
def test_qr_integers_and_keeps_input(qr):
    A = [[2, 0], [0, 3], [0, 0]]
    Q, R = _check_qr(qr, A, 1e-12)
    assert np.allclose(R, [[2, 0], [0, 3]]), (
        "qr is wrong on integer input: convert to floats"
    )
    assert A == [[2, 0], [0, 3], [0, 0]], "qr must not change its input"
    A_arr = np.array([[1.0, 2.0], [3.0, 4.0]])
    qr(A_arr)
    assert np.array_equal(A_arr, [[1.0, 2.0], [3.0, 4.0]]), (
        "qr must not change its input array"
    )

# %% [markdown]
# ## 5. Least squares: drop a perpendicular
#
# Back to regression with many examples. $Xw$ ranges over the **column
# space** of $X$: all combinations of the features. With $n$ examples and
# $d < n$ features that is a flat $d$-dimensional subspace of
# $\mathbb{R}^n$, and $y$ is almost never in it. The best we can do is the
# point $p = Xw$ of the column space closest to $y$. The picture says
# where it is: at the **foot of the perpendicular** from $y$. The residual
# $y - Xw$ sticks straight out of the column space.
#
# Here it is for three examples and two features, so that it fits in 3-D:
# an intercept and one feature $x = (0, 1, 2)$, targets $y = (1, 3, 2)$.
# The column space is a plane through the origin in $\mathbb{R}^3$ (one
# axis per **example**, not per feature).

# %% grading="skip"
X3 = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
y_fig = np.array([1.0, 3.0, 2.0])
w_fig = np.linalg.lstsq(X3, y_fig, rcond=None)[0]
p_fig = X3 @ w_fig
r_fig = y_fig - p_fig
s, t = np.meshgrid(np.linspace(-0.4, 1.8, 2), np.linspace(-0.6, 1.6, 2))
plane = s[..., None] * X3[:, 0] + t[..., None] * X3[:, 1]

fig = plt.figure(figsize=(8, 7))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(plane[..., 0], plane[..., 1], plane[..., 2], alpha=0.2,
                color="C0")
arrows = [(np.zeros(3), X3[:, 0], "C0", "feature 1 (the ones)"),
          (np.zeros(3), X3[:, 1], "C9", "feature 2"),
          (np.zeros(3), y_fig, "C1", "targets y"),
          (np.zeros(3), p_fig, "C2", "projection p = Xw"),
          (p_fig, r_fig, "C3", "residual y - Xw")]
for start, vec, color, label in arrows:
    ax.quiver(*start, *vec, color=color, lw=2.5, arrow_length_ratio=0.08,
              label=label)
up = 0.2 * r_fig / np.linalg.norm(r_fig)  # a right-angle mark at p
along = -0.2 * p_fig / np.linalg.norm(p_fig)
corner = np.column_stack([p_fig + up, p_fig + up + along, p_fig + along])
ax.plot(*corner, color="k", lw=1.2)
ax.set(xlabel="example 1", ylabel="example 2", zlabel="example 3",
       title="Least squares: y, its projection onto the column space,\n"
             "and the residual, perpendicular to the plane")
ax.view_init(elev=10, azim=-120)
ax.legend(loc="upper left", fontsize=9)
plt.show()
print("w =", w_fig, " residual =", r_fig)
print("residual . feature 1 =", r_fig @ X3[:, 0],
      "  residual . feature 2 =", r_fig @ X3[:, 1])

# %% [markdown]
# Perpendicular to the column space means perpendicular to every column:
# $X^\top (y - Xw) = 0$, that is
#
# $$X^\top X\, w = X^\top y ,$$
#
# the **normal equations**. Textbooks stop here: $w = (X^\top X)^{-1}
# X^\top y$. Numerical libraries do not, and section 6 shows why. With
# $X = QR$ the same condition reads $R^\top Q^\top (y - QRw) = 0$, and
# since $R$ is invertible and $Q^\top Q = I$:
#
# $$R\, w = Q^\top y .$$
#
# $Q^\top y$ are the coefficients of $y$'s shadows on the orthonormal
# directions — $QQ^\top y$ is the projection $p$ — and $R$ is triangular,
# so one back substitution finishes the job. No $X^\top X$ is ever formed.
#
# **One more thing about accuracy.** The coefficients $Q^\top y$ are best
# computed the way modified Gram–Schmidt treats a column: take the shadow
# on $q_0$ off $y$, then the shadow on $q_1$ off **what is left**, and so
# on; the coefficients are the shadows, and what is left at the end is the
# residual. (Think of $y$ as one more column, processed after the
# features.) Taking all the dot products `Q.T @ y` at once is the same in
# exact arithmetic, but when the features are nearly collinear, the
# computed $Q$ is not quite orthogonal, and `Q.T @ y` then brings back the
# error of the normal equations. Section 6 measures it.
#
# **Worked example.** Fit a line $y \approx w_0 + w_1 x$ through $(0, 1)$,
# $(1, 2)$, $(2, 4)$: $X$ has a column of ones and the column
# $x = (0, 1, 2)$. Normal equations: $\begin{pmatrix} 3 & 3 \\ 3 & 5
# \end{pmatrix} w = \begin{pmatrix} 7 \\ 10 \end{pmatrix}$, so $w =
# (5/6, 3/2)$. The residual $(1/6, -1/3, 1/6)$ sums to 0 and is
# perpendicular to $(0, 1, 2)$ as well.

# %% grading="skip"
y3 = np.array([1.0, 2.0, 4.0])
Q3, R3 = np.linalg.qr(X3)
coef = Q3.T @ y3
w_back = np.zeros(2)
w_back[1] = coef[1] / R3[1, 1]
w_back[0] = (coef[0] - R3[0, 1] * w_back[1]) / R3[0, 0]
print("w by QR:", w_back, " by the normal equations:",
      np.linalg.solve(X3.T @ X3, X3.T @ y3))

# %% [markdown]
# ### Exercise 5: `least_squares(X, y)`
#
# Return the weights `w` (float array of shape `(d,)`) minimising
# $\|Xw - y\|^2$, for a design `X` of shape `(n, d)` with $n \ge d$ and
# independent columns, and targets `y` of shape `(n,)`. Go **through
# QR**: orthonormalise the columns of `X` by Gram–Schmidt, get $Q^\top y$,
# and solve $Rw = Q^\top y$ by back substitution. You may call your `qr`
# (if it uses modified Gram–Schmidt — see the next paragraph). Do not
# change `X` or `y`.
#
# **Accuracy is part of the task.** On a design with nearly collinear
# features, with condition number about $10^6$, your weights must agree
# with the exact least-squares weights to a relative error below
# $10^{-6}$. The normal equations manage only about $10^{-4}$ there. Stable
# QR gets there when $Q$ comes from modified Gram–Schmidt **and**
# $Q^\top y$ is taken one shadow at a time, as explained above (or when
# $Q$ is orthonormal to machine precision, as with Householder
# reflections or Gram–Schmidt applied twice). `Q.T @ y` in one go with a
# Gram–Schmidt $Q$, classical or modified, does not get there.
#
# Raise `ValueError` if `X` is not 2-D or is empty, if `y` does not have
# `n` entries (the rows of `X` and `y` differ), if $n < d$, or if `X` lacks
# full column rank — the rule of `gram_schmidt` and `qr`: a column whose
# remainder has norm $\le 10^{-10}$ times its own norm.
#
# Not allowed: `np.linalg.lstsq`, `np.linalg.pinv`, `np.linalg.solve`,
# `np.linalg.inv`, `np.linalg.qr` and anything from `scipy.linalg`.

# %% question="least_squares" forbid=["np.linalg.lstsq", "np.linalg.pinv", "np.linalg.solve", "np.linalg.inv", "np.linalg.qr", "scipy.linalg"]
def least_squares(X, y):
    """The w minimising |X w - y|^2 for X (n, d) with n >= d and full
    column rank, through QR: modified Gram-Schmidt on the columns of X,
    with y carried along to get Q^T y, then back substitution in
    R w = Q^T y. Must stay accurate on nearly collinear designs: relative
    error below 1e-6 when cond(X) is about 1e6 (so no X^T X, and Q^T y
    taken one shadow at a time).

    ValueError if X is not 2-D or is empty, if y does not have n entries,
    if n < d, or if a column's remainder has norm <= 1e-10 times its norm.
    """
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    z = np.array(y, dtype=float)  # becomes the residual
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D matrix, got {X.shape}")
    n, d = X.shape
    if z.ndim == 0 or z.shape[0] != n:
        raise ValueError(f"y must have {n} entries, got shape {z.shape}")
    if n < d:
        raise ValueError(f"need at least as many rows as columns: {n} < {d}")
    Q = np.zeros((n, d))
    R = np.zeros((d, d))
    coef = np.zeros((d,) + z.shape[1:])  # Q^T y
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        if R[j, j] <= 1e-10 * np.linalg.norm(X[:, j]):
            raise ValueError(f"X lacks full column rank (column {j})")
        Q[:, j] = v / R[j, j]
        coef[j] = Q[:, j] @ z  # the shadow of what is left of y
        z -= np.multiply.outer(Q[:, j], coef[j])
    w = np.zeros_like(coef)
    for i in range(d - 1, -1, -1):
        w[i] = (coef[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the shapes first. Then run modified Gram–Schmidt over the columns
# of `X` as in `qr`, and keep a copy `z` of `y`: right after you find
# `Q[:, j]`, set `coef[j] = Q[:, j] @ z` and `z = z - coef[j] * Q[:, j]`.
# Finally back substitution, as in `solve`: `w[i] = (coef[i] - R[i, i+1:]
# @ w[i+1:]) / R[i, i]` for `i` from `d - 1` down to `0`.
# </details>

# %% tests="least_squares"
import numpy as np


def _raises_value_error(f, *args):
    """True when f(*args) raises ValueError (the tests' helper)."""
    try:
        f(*args)
    except ValueError:
        return True
    return False


def _nearly_collinear_design(rng, n, delta):
    """Intercept, a feature x, x again plus delta-sized noise, and three
    ordinary features: condition number about 1 / delta."""
    x = rng.normal(size=n)
    return np.column_stack([np.ones(n), x, x + delta * rng.normal(size=n),
                            rng.normal(size=(n, 3))])


@test_case(hidden=False)
def test_least_squares_line_fit(least_squares):
    X = [[1, 0], [1, 1], [1, 2]]
    w = np.asarray(least_squares(X, [1, 2, 4]), dtype=float)
    assert w.shape == (2,), "for X of shape (n, 2) return 2 weights"
    assert np.allclose(w, [5 / 6, 3 / 2]), (
        "the best line through (0, 1), (1, 2), (2, 4) is y = 5/6 + 3/2 x "
        "(the worked example)"
    )


@test_case(hidden=False)
def test_least_squares_exact_fit(least_squares):
    X = np.array([[1.0, 2.0], [1.0, -1.0], [1.0, 0.5], [1.0, 3.0]])
    y = X @ np.array([2.0, -1.0])
    w = np.asarray(least_squares(X, y), dtype=float)
    assert np.allclose(w, [2, -1]), (
        "when y = X w exactly (y lies in the column space), least_squares "
        "should return that w"
    )


@test_case(hidden=False)
def test_least_squares_dummy_variable_trap(least_squares):
    X = [[1, 1, 0], [1, 0, 1], [1, 1, 0], [1, 0, 1], [1, 1, 0]]
    assert _raises_value_error(least_squares, X, [3, 5, 4, 6, 2]), (
        "least_squares should raise ValueError: an intercept plus one "
        "indicator per category are dependent columns (the indicators add "
        "up to the intercept), so X lacks full column rank"
    )


@test_case(hidden=True)
def test_least_squares_random(least_squares):
    # Tall random normal designs have cond(X) < 3; any QR then gives
    # errors of order cond^2 * n * eps ~ 1e-13, so rtol 1e-9 is safe.
    rng = np.random.default_rng(4501)
    for n, d in ((1, 1), (5, 1), (8, 3), (40, 5), (100, 10)):
        X = rng.normal(size=(n, d))
        y = rng.normal(size=n)
        want = np.linalg.lstsq(X, y, rcond=None)[0]
        got = np.asarray(least_squares(X, y), dtype=float)
        assert got.shape == (d,), "least_squares returns d weights"
        assert np.allclose(got, want, rtol=1e-9, atol=1e-10), (
            "least_squares is wrong on a random design"
        )


@test_case(hidden=True)
def test_least_squares_residual_is_orthogonal(least_squares):
    # X^T r = 0 up to rounding, relative to |X| |y| (cond(X) < 10).
    rng = np.random.default_rng(4502)
    X = rng.normal(size=(30, 4)) + 2.0
    y = rng.normal(size=30) * 5
    r = y - X @ np.asarray(least_squares(X, y), dtype=float)
    scale = np.linalg.norm(X) * np.linalg.norm(y)
    assert np.all(np.abs(X.T @ r) <= 1e-10 * scale), (
        "the residual y - X w should be perpendicular to every column of X"
    )


@test_case(hidden=True)
def test_least_squares_agrees_with_normal_equations(least_squares):
    # Well conditioned (cond < 10): the normal equations lose only
    # cond^2 * eps ~ 1e-14, so both answers agree to 1e-9.
    rng = np.random.default_rng(4503)
    X = rng.normal(size=(50, 6))
    y = X @ rng.normal(size=6) + 0.1 * rng.normal(size=50)
    want = np.linalg.solve(X.T @ X, X.T @ y)
    got = np.asarray(least_squares(X, y), dtype=float)
    assert np.allclose(got, want, rtol=1e-9, atol=1e-10), (
        "on a well-conditioned design least_squares should agree with the "
        "normal equations X^T X w = X^T y"
    )


@test_case(hidden=True)
def test_least_squares_square_design_solves(least_squares):
    rng = np.random.default_rng(4504)
    X = rng.normal(size=(5, 5)) + 3 * np.eye(5)
    y = rng.normal(size=5)
    w = np.asarray(least_squares(X, y), dtype=float)
    assert np.allclose(X @ w, y, atol=1e-10), (
        "with as many examples as features (n = d) the fit is exact: X w = y"
    )


@test_case(hidden=True)
def test_least_squares_accurate_when_nearly_collinear(least_squares):
    # cond(X) ~ 1e6. Stable QR: relative error ~ cond * eps * (a small
    # factor) ~ 1e-9; the normal equations: ~ cond^2 * eps ~ 1e-4, and a
    # classical Gram-Schmidt Q with Q.T @ y is no better. The reference is
    # numpy's SVD-based lstsq, itself accurate to ~1e-10. y = X w_true
    # plus tiny noise, so the cond^2 * residual term stays below 1e-9.
    rng = np.random.default_rng(4505)
    for _ in range(3):
        X = _nearly_collinear_design(rng, 200, 1e-6)
        y = X @ rng.normal(size=6) + 1e-9 * rng.normal(size=200)
        want = np.linalg.lstsq(X, y, rcond=None)[0]
        got = np.asarray(least_squares(X, y), dtype=float)
        err = np.linalg.norm(got - want) / np.linalg.norm(want)
        assert err < 1e-6, (
            "least_squares loses accuracy on a design with nearly "
            "collinear features (condition number ~1e6): do not form X^T X, "
            "and compute Q^T y with modified Gram-Schmidt, one shadow at a "
            "time"
        )


@test_case(hidden=True)
def test_least_squares_invariances(least_squares):
    rng = np.random.default_rng(4506)
    X = rng.normal(size=(12, 3))
    y = rng.normal(size=12)
    w = np.asarray(least_squares(X, y), dtype=float)
    order = rng.permutation(12)
    w_perm = np.asarray(least_squares(X[order], y[order]), dtype=float)
    assert np.allclose(w_perm, w, rtol=1e-9, atol=1e-12), (
        "reordering the examples (rows of X and y together) does not "
        "change the fit"
    )
    units = np.array([1e-12, 10.0, -0.5])
    w_scaled = np.asarray(least_squares(X * units, y), dtype=float)
    assert np.allclose(w_scaled, w / units, rtol=1e-9, atol=1e-12), (
        "measuring a feature in other units (times c, also a tiny c) "
        "divides its weight by c; the rank rule is relative to each "
        "column's norm"
    )


@test_case(hidden=True)
def test_least_squares_rank_deficient(least_squares):
    rng = np.random.default_rng(4507)
    B = rng.normal(size=(10, 3))
    for X in (np.column_stack([B, 10.76 * B[:, 1]]),
              np.column_stack([B, B[:, 0] + B[:, 2]]),
              np.column_stack([B[:, :2], np.zeros(10)])):
        assert _raises_value_error(least_squares, X, np.ones(10)), (
            "least_squares should raise ValueError when X lacks full column "
            "rank (a copy or combination of other features, or a zero "
            "feature)"
        )


@test_case(hidden=True)
def test_least_squares_bad_shapes(least_squares):
    bad = [([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]), ([], []),
           (np.ones((4, 2)), np.ones(3)), (np.eye(3)[:2], np.ones(2)),
           (np.ones((2, 2, 2)), np.ones(2))]
    for X, y in bad:
        assert _raises_value_error(least_squares, X, y), (
            "least_squares should raise ValueError for an X that is not a "
            "non-empty 2-D matrix, a y without n entries, or n < d"
        )


@test_case(hidden=True)
def test_least_squares_integers_and_keeps_input(least_squares):
    X = [[1, 0], [1, 1], [1, 2], [1, 3]]
    y = [1, 3, 5, 7]
    w = np.asarray(least_squares(X, y), dtype=float)
    assert np.allclose(w, [1, 2]), (
        "integer input whose points lie exactly on a line: least_squares "
        "should return that line's intercept and slope"
    )
    assert X == [[1, 0], [1, 1], [1, 2], [1, 3]] and y == [1, 3, 5, 7], (
        "least_squares must not change its inputs"
    )
    X_arr = np.array(X, dtype=float)
    y_arr = np.array(y, dtype=float)
    least_squares(X_arr, y_arr)
    assert np.array_equal(X_arr, X) and np.array_equal(y_arr, y), (
        "least_squares must not change its input arrays"
    )

# %% [markdown]
# ## 6. Why QR beats the normal equations
#
# Both routes give the same $w$ in exact arithmetic. In floating point
# they do not, and the difference is governed by the **condition number**
# $\kappa(X)$: the ratio of the most to the least that $X$ stretches any
# direction. Nearly collinear features make $\kappa$ huge, because some
# combination of them is almost zero. A stable method loses about
# $\kappa \cdot \varepsilon$ in relative accuracy. Forming $X^\top X$
# squares the condition number, $\kappa(X^\top X) = \kappa(X)^2$, so the
# normal equations lose $\kappa^2 \varepsilon$ — with $\kappa = 10^6$
# that is $10^{12} \cdot 2 \cdot 10^{-16}$: three or four digits left
# of sixteen.
#
# Let us measure it. The design: an intercept, a feature $x$, the same
# feature again with noise of size $\delta$ added (think of a second,
# almost identical sensor), and three ordinary features. The smaller
# $\delta$, the more collinear. The reference answer is numpy's
# SVD-based `np.linalg.lstsq`.

# %% grading="skip"
def nearly_collinear(rng, n, delta):
    """Intercept, x, x plus delta-sized noise, three more features."""
    x = rng.normal(size=n)
    return np.column_stack([np.ones(n), x, x + delta * rng.normal(size=n),
                            rng.normal(size=(n, 3))])


def relative_error(w, w_ref):
    return np.linalg.norm(w - w_ref) / np.linalg.norm(w_ref)


rng = np.random.default_rng(4)
deltas = np.logspace(-1, -7, 13)
errors = {"normal equations": [], "QR (numpy's Householder)": [],
          "your least_squares": []}
conds = []
for delta in deltas:
    X = nearly_collinear(rng, 200, delta)
    y = X @ rng.normal(size=6) + 1e-9 * rng.normal(size=200)
    w_ref = np.linalg.lstsq(X, y, rcond=None)[0]
    conds.append(np.linalg.cond(X))
    w_normal = np.linalg.solve(X.T @ X, X.T @ y)
    Q_h, R_h = np.linalg.qr(X)
    w_qr = np.linalg.solve(R_h, Q_h.T @ y)
    errors["normal equations"].append(relative_error(w_normal, w_ref))
    errors["QR (numpy's Householder)"].append(relative_error(w_qr, w_ref))
    try:
        w_yours = np.asarray(least_squares(X, y), dtype=float)
        errors["your least_squares"].append(relative_error(w_yours, w_ref))
    except NotImplementedError:
        errors["your least_squares"].append(np.nan)

eps = np.finfo(float).eps
conds = np.array(conds)
fig, ax = plt.subplots(figsize=(8, 5.5))
for (label, errs), marker in zip(errors.items(), "osx"):
    ax.loglog(conds, errs, marker + "-", label=label)
ax.loglog(conds, conds * eps, "k:", label="κ · ε")
ax.loglog(conds, conds**2 * eps, "k--", label="κ² · ε")
ax.set(xlabel="condition number κ(X)",
       ylabel="relative error of the weights",
       title="Nearly collinear features: the normal equations lose twice "
             "the digits")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# The normal equations follow the dashed $\kappa^2 \varepsilon$ line, QR
# the dotted $\kappa \varepsilon$ line (or below it). Here are the numbers
# for the design with $\delta = 10^{-6}$:

# %% grading="skip"
rng = np.random.default_rng(46)
X_ill = nearly_collinear(rng, 200, 1e-6)
y_ill = X_ill @ rng.normal(size=6) + 1e-9 * rng.normal(size=200)
w_ref = np.linalg.lstsq(X_ill, y_ill, rcond=None)[0]
print(f"condition number of X:       {np.linalg.cond(X_ill):.2e}")
print(f"condition number of X^T X:   {np.linalg.cond(X_ill.T @ X_ill):.2e}")
w_normal = np.linalg.solve(X_ill.T @ X_ill, X_ill.T @ y_ill)
print("normal equations, error:    "
      f"{relative_error(w_normal, w_ref):.1e}")
Q_h, R_h = np.linalg.qr(X_ill)
print("numpy's QR, error:          "
      f"{relative_error(np.linalg.solve(R_h, Q_h.T @ y_ill), w_ref):.1e}")
try:
    w_yours = np.asarray(least_squares(X_ill, y_ill), dtype=float)
    print("your least_squares, error:  "
          f"{relative_error(w_yours, w_ref):.1e}")
except NotImplementedError:
    print("Write least_squares to add your own error to the comparison.")

# %% [markdown]
# And when the features are *exactly* collinear ($\delta = 0$) no method
# can tell their weights apart: `rank` finds one pivot too few,
# `least_squares` refuses, and the fix is a modelling decision — drop one
# of the copies, or add a penalty on the weights (ridge regression, in
# week 14).
#
# ## Summary
#
# - **Elimination with partial pivoting** solves a square system; do the
#   same row operations to $b$, then **back substitute** from the bottom
#   up. A (relatively) zero pivot means the matrix is singular.
# - The number of pivots is the **rank**: the number of independent
#   features. Duplicated or collinear features lower it; a pivot counts
#   only above a tolerance that scales with the matrix.
# - **Gram–Schmidt** removes from each column its shadows on the earlier
#   directions; **QR** keeps those shadows in a triangular $R$, so
#   $A = QR$ with orthonormal $Q$.
# - The least-squares fit $Xw$ is the **orthogonal projection** of $y$
#   onto the column space; the residual is perpendicular to every column.
#   Solve $Rw = Q^\top y$ rather than $X^\top X w = X^\top y$: the normal
#   equations square the condition number and lose twice the digits.
#
# Next week: the directions a matrix only stretches — **eigenvectors** —
# and what they say about data (PCA) and about the web (PageRank).
