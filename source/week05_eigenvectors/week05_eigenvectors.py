# %% [markdown]
# # Week 5 — Eigenvectors, PCA and PageRank
#
# **Why this week matters.** Week 2 showed that a matrix moves every point
# of space at once: the grid bends, turns and stretches. This week asks a
# question that sounds modest: **are there directions that the matrix does
# not turn at all — that it only stretches?** Those directions are the
# matrix's **eigenvectors**, and the stretch factors its **eigenvalues**.
# They are the matrix's own coordinate system, and ML practitioners use
# them every day:
#
# - **PCA (principal component analysis)** finds the directions in which a
#   data set varies most. They are the eigenvectors of its covariance
#   matrix. Keep the top few and you can compress images, plot 1000-feature
#   data in 2-D, or remove noise before fitting a model.
# - **PageRank**, the algorithm that made web search work, ranks pages by
#   the eigenvector of a random walk on the link graph. The same idea ranks
#   papers by citations and users in a recommendation graph.
# - **Training stability.** Near a minimum, a loss looks like a bowl with a
#   Hessian $H$; in week 8 you will see that gradient descent diverges
#   once the learning rate exceeds $2/\lambda_{\max}(H)$, the largest
#   eigenvalue. For a network, $H$ has billions of rows and nobody computes
#   all its eigenvalues: they use iterative methods such as the **power
#   iteration** you write today, which needs nothing but products $Hv$.
#
# As always: the picture first, the formulas after.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `power_iteration` | apply A again and again | λ_max of a Hessian |
# | `covariance_matrix` | how features vary together | the input of PCA |
# | `pca` | the axes of the data cloud | compression, visualisation |
# | `reconstruct` | drop the minor axes, rebuild | denoising, compression |
# | `pagerank` | where a random surfer spends time | ranking nodes of a graph |
#
# Notation as before: matrices upper case, vectors lower case; a data set
# `X` has one sample per **row** and one feature per column, shape
# `(n, d)`.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. The directions a matrix only stretches
#
# Take the unit circle — every vector of length 1 — and apply a matrix $A$
# to all of it. Week 2 said grid lines stay straight and evenly spaced; a
# circle becomes an **ellipse**. Most vectors on the circle are *turned* by
# $A$: the arrow $Ax$ points somewhere else than $x$. But watch the dashed
# lines in the figure. A vector on one of them is sent to a vector on the
# same line, only longer or shorter (or flipped through the origin, if the
# factor is negative). On week 2's bent grid these are the lines through
# the origin that the map leaves in place. Those are the eigenvectors:
#
# $$A v = \lambda v, \qquad v \ne 0 .$$
#
# The number $\lambda$ is the **eigenvalue**: how much $A$ stretches along
# $v$. Any multiple of an eigenvector is again one (the line stays the
# line), so we usually pick the **unit** eigenvector, and even then $-v$
# is as good as $v$; we will fix that sign by a rule later.

# %% grading="skip"
circle_t = np.linspace(0, 2 * np.pi, 200)
circle = np.vstack([np.cos(circle_t), np.sin(circle_t)])
examples = {
    "symmetric A = [[2, 1], [1, 2]]": np.array([[2.0, 1.0], [1.0, 2.0]]),
    "A = [[1.5, 1], [0, 0.5]]": np.array([[1.5, 1.0], [0.0, 0.5]]),
}
fig, axes = plt.subplots(1, 2, figsize=(12, 5.6), layout="constrained")
for ax, (name, M) in zip(axes, examples.items(), strict=True):
    values, vectors = np.linalg.eig(M)
    ax.plot(*circle, color="0.6", ls=":", label="unit circle")
    ax.plot(*(M @ circle), color="C0", lw=2, label="its image: an ellipse")
    for angle in np.linspace(0.3, 2.9, 5):  # ordinary vectors get turned
        x = np.array([np.cos(angle), np.sin(angle)])
        ax.annotate("", xy=M @ x, xytext=x, arrowprops={
            "arrowstyle": "->", "color": "0.55", "lw": 1})
    for i, color in ((0, "C3"), (1, "C2")):
        v, lam = vectors[:, i], values[i]
        ax.plot([-4 * v[0], 4 * v[0]], [-4 * v[1], 4 * v[1]], color=color,
                ls="--", lw=1)
        ax.annotate("", xy=lam * v, xytext=(0, 0), arrowprops={
            "arrowstyle": "->", "color": color, "lw": 2.5})
        ax.plot(*v, "o", color=color)
        ax.text(*(lam * v + 0.12), f"A v = {lam:g} v", color=color)
    ax.set(xlim=(-3.3, 3.3), ylim=(-3.3, 3.3), aspect="equal",
           xlabel="x1", ylabel="x2",
           title=f"{name}\ndet A = {np.prod(values):g} = product of the "
                 "eigenvalues")
    ax.legend(loc="lower right", fontsize=8)
fig.suptitle("Grey arrows x → Ax get turned; on the dashed lines A only "
             "stretches")
plt.show()

# %% [markdown]
# Three things to read off the picture.
#
# 1. **For a symmetric matrix** (left) the two eigenvector lines are
#    **perpendicular**, and they are the long and the short axis of the
#    ellipse. This is true in any dimension (the *spectral theorem*): a
#    symmetric $n \times n$ matrix has $n$ perpendicular eigenvectors with
#    real eigenvalues. Covariance matrices and Hessians are symmetric —
#    that is why this week works so well for ML.
# 2. **A non-symmetric matrix** (right) still has eigenvectors, but they
#    need not be perpendicular, and they are not the ellipse's axes.
# 3. **Week 3's determinant is the product of the eigenvalues.** Along the
#    eigenvectors the map just stretches by $\lambda_1$ and by $\lambda_2$,
#    so every area is multiplied by $|\lambda_1 \lambda_2|$ (and the sign
#    of $\lambda_1 \lambda_2$ says whether the orientation flips): the
#    ellipse has area $\pi |\lambda_1 \lambda_2| = \pi |\det A|$. A zero
#    eigenvalue means a direction squashed to nothing — $\det A = 0$ again.
#
# **Worked example.** $A = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$.
# Try $v = (1, 1)$: $Av = (3, 3) = 3v$, an eigenvector with $\lambda = 3$.
# Try $w = (1, -1)$: $Aw = (1, -1) = 1 \cdot w$, eigenvalue 1. And
# $\det A = 4 - 1 = 3 = 3 \cdot 1$. Numpy's `np.linalg.eigh` (for
# symmetric matrices) returns the eigenvalues in **increasing** order and
# the unit eigenvectors as the **columns** of a matrix:

# %% grading="skip"
A_sym = np.array([[2.0, 1.0], [1.0, 2.0]])
eigenvalues, eigenvectors = np.linalg.eigh(A_sym)
print("eigenvalues (increasing):", eigenvalues)
print("eigenvectors as columns:\n", eigenvectors)
print("A v - 3 v for v = column 1:", A_sym @ eigenvectors[:, 1]
      - 3 * eigenvectors[:, 1])
print("det A =", np.linalg.det(A_sym), "= 3 * 1")

# %% [markdown]
# ## 2. Finding the largest eigenvalue: power iteration
#
# How do you find an eigenvector without a formula? Apply $A$ over and
# over. Write a starting vector in the eigenvector coordinates,
# $x = c_1 v_1 + c_2 v_2 + \dots + c_n v_n$, with
# $|\lambda_1| > |\lambda_2| \ge \dots$. Each application of $A$ just
# multiplies each coordinate by its eigenvalue:
#
# $$A^k x = c_1 \lambda_1^k v_1 + c_2 \lambda_2^k v_2 + \dots
# = \lambda_1^k \Bigl(c_1 v_1 + c_2 \bigl(\tfrac{\lambda_2}{\lambda_1}
# \bigr)^k v_2 + \dots\Bigr).$$
#
# The largest eigenvalue wins: every other coordinate shrinks, relative to
# the first, by the factor $|\lambda_2 / \lambda_1|$ per step. So the
# direction of $A^k x$ turns towards $v_1$. To keep the numbers from
# overflowing, divide by the length after every step. That is the whole
# **power iteration**. The picture: the iterates on the unit circle
# (left), and how fast they close in (right).

# %% grading="skip"
def iterates(M, x, steps):
    """Unit vectors x, Mx, M^2 x, ... (each normalised), as rows."""
    out = [x / np.linalg.norm(x)]
    for _ in range(steps):
        y = M @ out[-1]
        out.append(y / np.linalg.norm(y))
    return np.array(out)


x_start = np.array([0.95, -0.3])
path = iterates(A_sym, x_start, 6)
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 5), layout="constrained")
ax.plot(*circle, color="0.7", ls=":")
ax.plot([-1.3, 1.3], [-1.3, 1.3], "C3--", lw=1, label="eigenvector line, λ=3")
for k, v in enumerate(path):
    ax.annotate("", xy=v, xytext=(0, 0), arrowprops={
        "arrowstyle": "->", "color": plt.cm.viridis(k / 6), "lw": 2})
    if k < 3 or k == 6:
        ax.text(*(1.08 * v), f"k={k}", fontsize=9)
ax.set(xlim=(-0.4, 1.4), ylim=(-0.7, 1.2), aspect="equal", xlabel="x1",
       ylabel="x2", title="Power iteration on [[2, 1], [1, 2]]: the "
                          "iterates turn onto the line")
ax.legend(loc="lower right")
rng_demo = np.random.default_rng(5)
Q_demo, _ = np.linalg.qr(rng_demo.normal(size=(6, 6)))
for ratio, color in ((0.5, "C0"), (0.9, "C1")):
    spectrum = np.array([1.0, ratio, 0.4 * ratio, 0.3, -0.2, 0.1])
    M = Q_demo @ np.diag(spectrum) @ Q_demo.T
    target = Q_demo[:, 0] * np.sign(Q_demo[:, 0] @ np.ones(6))
    walk = iterates(M, np.ones(6), 60)
    errors = np.linalg.norm(walk - target, axis=1)
    ax2.semilogy(errors, "o-", color=color, ms=3,
                 label=f"|λ2 / λ1| = {ratio}")
    ax2.semilogy(errors[0] * ratio ** np.arange(61), ":", color=color)
ax2.set(xlabel="step k", ylabel="distance to the eigenvector (log scale)",
        title="The error shrinks by |λ2 / λ1| per step (dotted lines)",
        ylim=(1e-16, 10))
ax2.legend()
ax2.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# A ratio of 0.5 gains one binary digit per step; a ratio of 0.9 needs
# about 22 steps per decimal digit. The iteration is slow when the top two
# eigenvalues are close — and it fails when they are equal in size.
#
# Two details turn this into a precise algorithm.
#
# **The sign.** If $\lambda_1$ is **negative**, every step flips the
# vector: $v, -v, v, -v, \dots$. The *line* converges, the vector never
# does, and "stop when two iterates agree" would never fire. The cure: after
# normalising, fix the sign of every iterate by a rule — make its entry of
# largest absolute value positive (the first such entry if there is a tie).
# Then the iterates converge for negative $\lambda_1$ too, and the answer
# is one definite vector.
#
# **The eigenvalue.** Once $v$ is (nearly) a unit eigenvector,
# $Av = \lambda v$ gives $v^\top A v = \lambda\, v^\top v = \lambda$. This
# **Rayleigh quotient** $v^\top A v$ keeps the sign of $\lambda$. (The
# tempting $\lVert Av \rVert$ only gives $|\lambda|$: it reports $3$ for an
# eigenvalue $-3$.)
#
# **Worked example.** $A = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$
# from $x = (1, 0)$: $Ax = (2, 1)$, normalised $(0.894, 0.447)$; then
# $A(0.894, 0.447) = (2.236, 1.789)$, normalised $(0.781, 0.625)$; the
# iterates approach $(0.707, 0.707) = (1, 1)/\sqrt 2$. The Rayleigh
# quotient of $(1, 1)/\sqrt2$ is $\frac12 (1, 1) A (1, 1)^\top
# = \frac12 \cdot 6 = 3$.

# %% grading="skip"
v_demo = np.array([1.0, 0.0])
for step in range(1, 6):
    v_demo = A_sym @ v_demo
    v_demo = v_demo / np.linalg.norm(v_demo)
    print(f"step {step}: v = {np.round(v_demo, 4)}, "
          f"v^T A v = {v_demo @ A_sym @ v_demo:.6f}")

# %% [markdown]
# ### Exercise 1: `power_iteration(A, n_iter=1000, tol=1e-10, seed=0)`
#
# Return `(eigenvalue, v)`: the eigenvalue of largest absolute value of the
# square matrix `A` (a list of rows or an array) as a float, and a unit
# eigenvector for it as a 1-D array. Follow this recipe exactly:
#
# 1. start from `np.random.default_rng(seed).normal(size=n)`, normalised
#    to length 1 and sign-fixed;
# 2. repeat at most `n_iter` times: multiply by `A`, normalise, **fix the
#    sign** (the entry of largest absolute value positive; the first such
#    entry on ties), and stop as soon as the new vector differs from the
#    previous one by less than `tol` in the 2-norm;
# 3. return the Rayleigh quotient $v^\top A v$ of the last vector, and the
#    vector.
#
# (If $Av$ is exactly the zero vector, $v$ is an eigenvector for the
# eigenvalue 0: stop and return it.) You may assume, as the tests do, that
# the dominant eigenvalue is unique in absolute value and well separated
# from the others; `A` need not be symmetric. Raise `ValueError` if `A` is
# empty or not a square matrix. The shortcuts `np.linalg.eig`,
# `np.linalg.eigh`, `np.linalg.eigvals`, `np.linalg.eigvalsh`,
# `np.linalg.svd` and `scipy.linalg` are not allowed.

# %% question="power_iteration" forbid=["np.linalg.eig", "np.linalg.eigh", "np.linalg.eigvals", "np.linalg.eigvalsh", "np.linalg.svd", "scipy.linalg"]
def power_iteration(A, n_iter=1000, tol=1e-10, seed=0):
    """(eigenvalue, v): the eigenvalue of largest absolute value of the
    square matrix A, as a float, and a unit eigenvector v for it.

    Starts from np.random.default_rng(seed).normal(size=n); normalises and
    sign-fixes every iterate (its entry of largest absolute value positive,
    the first on ties); stops when two successive iterates differ by less
    than tol in the 2-norm, or after n_iter steps. The eigenvalue is the
    Rayleigh quotient v^T A v.

    ValueError if A is empty or not square.
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError(f"need a non-empty square matrix, got {A.shape}")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v = v / np.linalg.norm(v)
    v = v * np.sign(v[np.argmax(np.abs(v))])
    for _ in range(n_iter):
        w = A @ v
        length = np.linalg.norm(w)
        if length == 0.0:
            break  # A v = 0: v is an eigenvector for the eigenvalue 0
        w = w / length
        w = w * np.sign(w[np.argmax(np.abs(w))])  # largest entry positive
        converged = np.linalg.norm(w - v) < tol
        v = w
        if converged:
            break
    return float(v @ A @ v), v
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `A = np.asarray(A, dtype=float)`, then check `A.ndim == 2`, that it is
# square and not empty. The sign fix is two lines:
# `i = np.argmax(np.abs(w))` (argmax returns the first maximum) and
# `w = w * np.sign(w[i])`. In the loop keep the previous vector: compute
# `w = A @ v`, normalise, fix the sign, compare `np.linalg.norm(w - v)`
# with `tol`, then set `v = w`. Return `float(v @ A @ v)` and `v`.
# </details>

# %% tests="power_iteration"
import numpy as np


def sign_fixed(v):
    """v with its entry of largest absolute value made positive."""
    v = np.asarray(v, dtype=float)
    return v * np.sign(v[np.argmax(np.abs(v))])


def call_power(power_iteration, *args, **kwargs):
    """Call power_iteration and check the form of its answer."""
    result = power_iteration(*args, **kwargs)
    assert len(result) == 2, (
        "power_iteration should return a pair (eigenvalue, eigenvector)"
    )
    value, vector = result
    assert np.ndim(value) == 0, "the eigenvalue should be a single number"
    vector = np.asarray(vector, dtype=float)
    assert vector.ndim == 1, "the eigenvector should be a 1-D array"
    return float(value), vector


@test_case(hidden=False)
def test_power_worked_example(power_iteration):
    value, v = call_power(power_iteration, [[2, 1], [1, 2]])
    assert np.isclose(value, 3.0, rtol=1e-9), (
        "the largest eigenvalue of [[2, 1], [1, 2]] is 3 (A (1, 1) = "
        "(3, 3)); return the Rayleigh quotient v^T A v"
    )
    assert np.allclose(v, [2**-0.5, 2**-0.5], atol=1e-8), (
        "the unit eigenvector for 3 is (1, 1) / sqrt(2), with its largest "
        "entry positive"
    )


@test_case(hidden=False)
def test_power_negative_eigenvalue_keeps_its_sign(power_iteration):
    value, v = call_power(power_iteration, [[-3.0, 0.0], [0.0, 1.0]])
    assert np.isclose(value, -3.0, rtol=1e-9), (
        "for [[-3, 0], [0, 1]] the eigenvalue of largest absolute value is "
        "-3, not 3: use the Rayleigh quotient v^T A v, which keeps the sign "
        "(the length |Av| does not)"
    )
    assert np.allclose(v, [1.0, 0.0], atol=1e-8), (
        "for [[-3, 0], [0, 1]] the eigenvector should be (1, 0): fix the "
        "sign of every iterate (largest entry positive), otherwise the "
        "iterates flip between v and -v"
    )


@test_case(hidden=False)
def test_power_rejects_a_non_square_matrix(power_iteration):
    try:
        power_iteration([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    except ValueError:
        return
    raise AssertionError(
        "power_iteration should raise ValueError for a 2 x 3 matrix: only "
        "a square matrix maps vectors back into its own space"
    )


@test_case(hidden=True)
def test_power_random_symmetric(power_iteration):
    # Spectra with |lambda_2 / lambda_1| <= 0.6: stopping when two iterates
    # differ by < tol = 1e-10 leaves an eigenvector error of at most
    # tol * r / (1 - r) <= 1.5e-10 (a geometric series), so 1e-8 is a safe
    # bound; the Rayleigh quotient's error is of the order of the square.
    rng = np.random.default_rng(5101)
    for n in (2, 3, 5, 8, 12):
        for top in (4.0, -4.0):
            Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
            rest = rng.uniform(-0.6, 0.6, size=n - 1) * abs(top)
            A = Q @ np.diag(np.concatenate([[top], rest])) @ Q.T
            A = (A + A.T) / 2
            value, v = call_power(power_iteration, A)
            assert np.isclose(value, top, rtol=1e-9), (
                "power_iteration finds the wrong eigenvalue of a random "
                "symmetric matrix"
            )
            assert np.allclose(v, sign_fixed(Q[:, 0]), atol=1e-8), (
                "power_iteration returns the wrong eigenvector of a random "
                "symmetric matrix (unit length, largest entry positive)"
            )


@test_case(hidden=True)
def test_power_non_symmetric(power_iteration):
    # A = S D S^-1 has eigenvalues D and eigenvectors the columns of S.
    # With r = |lambda_2 / lambda_1| <= 2/3 and cond(S) <= 13 here, the
    # vector error after the stop is at most about cond(S) tol r / (1 - r)
    # = 3e-9 < 1e-8; for a non-symmetric A the Rayleigh quotient's error is
    # first order, |A| cond(S) times that, well inside rtol 1e-7.
    rng = np.random.default_rng(5102)
    for n in (2, 4, 6):
        for top in (3.0, -3.0):
            S = np.eye(n) + 0.3 * rng.normal(size=(n, n))
            rest = rng.uniform(-2.0, 2.0, size=n - 1)
            A = S @ np.diag(np.concatenate([[top], rest])) @ np.linalg.inv(S)
            value, v = call_power(power_iteration, A)
            assert np.isclose(value, top, rtol=1e-7), (
                "power_iteration finds the wrong eigenvalue of a "
                "non-symmetric matrix"
            )
            want = sign_fixed(S[:, 0] / np.linalg.norm(S[:, 0]))
            assert np.allclose(v, want, atol=1e-8), (
                "power_iteration returns the wrong eigenvector of a "
                "non-symmetric matrix"
            )


@test_case(hidden=True)
def test_power_eigen_equation(power_iteration):
    rng = np.random.default_rng(5103)
    for n in (3, 7, 10):
        Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
        spectrum = np.concatenate([[-5.0], rng.uniform(-2, 2, size=n - 1)])
        A = Q @ np.diag(spectrum) @ Q.T
        value, v = call_power(power_iteration, A)
        assert np.isclose(np.linalg.norm(v), 1.0, atol=1e-12), (
            "the eigenvector should have length 1"
        )
        # |Av - lambda v| is about |A| times the vector error (< 1e-9).
        assert np.linalg.norm(A @ v - value * v) < 1e-8, (
            "the result should satisfy A v = lambda v"
        )
        assert v[np.argmax(np.abs(v))] > 0, (
            "the eigenvector's entry of largest absolute value should be "
            "positive"
        )


@test_case(hidden=True)
def test_power_follows_the_recipe(power_iteration):
    # With few steps or a loose tolerance the answer is still far from the
    # eigenvector, so it shows exactly which steps were taken.
    rng = np.random.default_rng(5104)
    A = rng.normal(size=(5, 5))
    A = A + A.T
    for seed, n_iter, tol in ((0, 1, 1e-10), (3, 2, 1e-10), (7, 3, 1e-10),
                              (11, 1000, 0.3), (12, 1000, 0.05)):
        v = sign_fixed(np.random.default_rng(seed).normal(size=5))
        v = v / np.linalg.norm(v)
        for _ in range(n_iter):
            w = sign_fixed(A @ v)
            w = w / np.linalg.norm(w)
            done = np.linalg.norm(w - v) < tol
            v = w
            if done:
                break
        value, got = call_power(power_iteration, A, n_iter=n_iter, tol=tol,
                                seed=seed)
        assert np.allclose(got, v, atol=1e-12), (
            "with a small n_iter or a loose tol the result should be the "
            "iterate the recipe stops at: start from "
            "default_rng(seed).normal(size=n), normalise and sign-fix every "
            "iterate, stop after n_iter steps or when two iterates differ "
            "by less than tol"
        )
        assert np.isclose(value, v @ A @ v, rtol=1e-12, atol=1e-12), (
            "the eigenvalue should be the Rayleigh quotient v^T A v of the "
            "returned vector"
        )


@test_case(hidden=True)
def test_power_converged_answer_does_not_depend_on_the_seed(power_iteration):
    rng = np.random.default_rng(5105)
    Q, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    A = Q @ np.diag([-6.0, 2.0, 1.5, 1.0, -0.5, 0.1]) @ Q.T
    first = call_power(power_iteration, A, seed=0)
    for seed in (1, 2, 42):
        other = call_power(power_iteration, A, seed=seed)
        assert np.isclose(other[0], first[0], rtol=1e-9), (
            "once converged, the eigenvalue should not depend on the seed"
        )
        assert np.allclose(other[1], first[1], atol=1e-8), (
            "once converged, the sign-fixed eigenvector should not depend "
            "on the seed"
        )


@test_case(hidden=True)
def test_power_small_cases_and_integers(power_iteration):
    value, v = call_power(power_iteration, [[-4]])
    assert np.isclose(value, -4.0) and np.allclose(v, [1.0]), (
        "a 1 x 1 matrix is its own eigenvalue (sign included), with the "
        "unit eigenvector [1]"
    )
    value, v = call_power(power_iteration, np.array([[5, 0], [0, 2]]))
    assert np.isclose(value, 5.0) and np.allclose(v, [1, 0], atol=1e-8), (
        "for an integer diagonal matrix the eigenvalue is the diagonal "
        "entry of largest absolute value and the eigenvector a standard "
        "basis vector (convert the input to floats)"
    )
    value, v = call_power(power_iteration, [[1, 1], [0, 0]])
    assert np.isclose(value, 1.0) and np.allclose(v, [1, 0], atol=1e-8), (
        "power_iteration is wrong on a small triangular matrix with a zero "
        "eigenvalue (the eigenvalues of a triangular matrix are on its "
        "diagonal)"
    )


@test_case(hidden=True)
def test_power_keeps_input(power_iteration):
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    rows = [[4.0, 1.0], [2.0, 3.0]]
    power_iteration(A)
    power_iteration(rows, n_iter=5)
    assert np.array_equal(A, [[2.0, 1.0], [1.0, 2.0]]) and rows == [
        [4.0, 1.0], [2.0, 3.0]], "power_iteration must not change its input"


@test_case(hidden=True)
def test_power_invalid(power_iteration):
    for bad in (np.ones((2, 3)), [], [[]], [1.0, 2.0], np.ones((2, 2, 2))):
        try:
            power_iteration(bad)
        except ValueError:
            continue
        raise AssertionError(
            "power_iteration should raise ValueError for an empty or "
            "non-square matrix"
        )

# %% [markdown]
# **Where you will meet it again.** In week 8, gradient descent on a bowl
# $f(x) = \frac12 x^\top H x$ diverges as soon as the learning rate exceeds
# $2/\lambda_{\max}(H)$ — the largest eigenvalue, exactly what
# `power_iteration` finds. For a network, $H$ is the Hessian of the loss,
# far too large to store, but a product $Hv$ can be computed about as
# cheaply as a gradient; so power iteration, which needs nothing else, is
# how the sharpest curvature of a real loss is measured.

# %% grading="skip"
H_bowl = np.array([[3.0, 1.0, 0.0], [1.0, 2.0, 0.5], [0.0, 0.5, 1.0]])
print("largest eigenvalue (numpy):", np.linalg.eigvalsh(H_bowl)[-1])
try:
    lam_max, _ = power_iteration(H_bowl)
    print("largest eigenvalue (your power_iteration):", lam_max)
    print("so gradient descent on this bowl needs lr <", 2 / lam_max)
except NotImplementedError:
    print("Write power_iteration to see it agree.")

# %% [markdown]
# ## 3. How features vary together: the covariance matrix
#
# Now the data. A data set is a cloud of $n$ points in $\mathbb{R}^d$, one
# row of `X` per point. Its **mean** $\bar x$ is the centre of the cloud.
# How spread out is the cloud, and in which directions? For one feature
# $j$ the answer is its variance; for two features $i$ and $j$ it is their
# **covariance** — positive when they tend to be above their means
# together, negative when one is high while the other is low:
#
# $$C_{ij} = \frac{1}{n-1} \sum_{s=1}^{n} (x_{si} - \bar x_i)
# (x_{sj} - \bar x_j), \qquad
# C = \frac{1}{n-1} (X - \bar x)^\top (X - \bar x).$$
#
# The diagonal holds the variances, the off-diagonal entries the
# covariances, and $C$ is a symmetric $d \times d$ matrix: features by
# features, **not** samples by samples. (The $n - 1$, not $n$, makes the
# estimate unbiased: the mean was fitted to the same points, so they sit a
# little closer to it than to the true centre.)
#
# Here is why $C$ matters this week. The variance of the data **along a
# unit direction $u$** — of the numbers $u^\top (x_s - \bar x)$ — is
#
# $$\frac{1}{n-1} \sum_s \bigl(u^\top (x_s - \bar x)\bigr)^2
# = u^\top C\, u .$$
#
# One matrix knows the spread in every direction. In the figure, three
# directions through the centre of a cloud (left) and the variance along
# every direction, as a function of its angle (right).

# %% grading="skip"
rng_cloud = np.random.default_rng(2)
cloud = rng_cloud.normal(size=(300, 2)) @ np.array([[2.0, 0.9],
                                                    [0.0, 0.7]]) + [3, 1]
C_cloud = np.cov(cloud, rowvar=False)
angles = np.linspace(0, np.pi, 181)
units = np.column_stack([np.cos(angles), np.sin(angles)])
spread = np.einsum("ti,ij,tj->t", units, C_cloud, units)  # u^T C u
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained")
ax.scatter(*cloud.T, s=8, alpha=0.4, color="0.5", label="data")
ax2.plot(np.degrees(angles), spread, "k", lw=2)
top_axis = np.linalg.eigh(C_cloud)[1][:, -1]
steepest = round(np.degrees(np.arctan2(top_axis[1], top_axis[0])) % 180)
for degrees, color in ((0, "C0"), (steepest, "C3"), (steepest + 90, "C2")):
    u = np.array([np.cos(np.radians(degrees)), np.sin(np.radians(degrees))])
    ends = cloud.mean(axis=0) + np.outer([-4, 4], u)
    variance = u @ C_cloud @ u
    ax.plot(*ends.T, color=color, lw=2,
            label=f"u at {degrees}°: variance {variance:.2f}")
    ax2.plot(degrees, variance, "o", color=color, ms=9)
ax.set(aspect="equal", xlabel="feature 1", ylabel="feature 2",
       title="Three directions u through the centre")
ax.legend(loc="upper left", fontsize=8)
ax2.set(xlabel="angle of the unit direction u (degrees)",
        ylabel="variance along u:  u^T C u",
        title="One direction has the largest variance, a perpendicular one "
              "the smallest")
ax2.grid(alpha=0.3)
plt.show()

# %% [markdown]
# **Worked example.** $X$ with rows $(1, 2), (3, 6), (5, 4)$. The mean is
# $(3, 4)$; the centred rows are $(-2, -2), (0, 2), (2, 0)$. Then
# $\sum (x_{s1} - 3)^2 = 8$, $\sum (x_{s2} - 4)^2 = 8$ and
# $\sum (x_{s1} - 3)(x_{s2} - 4) = 4$; divided by $n - 1 = 2$:
# $C = \begin{pmatrix} 4 & 2 \\ 2 & 4 \end{pmatrix}$.
#
# **A trap: centre first.** Expanding the product gives the "shortcut"
# $C = \frac{1}{n-1}\bigl(X^\top X - n\, \bar x \bar x^\top\bigr)$. It is
# the same in exact arithmetic and a disaster in floating point when the
# data sit far from the origin (timestamps, prices, GPS coordinates): two
# huge, nearly equal numbers are subtracted and the 16 digits of a double
# are gone.

# %% grading="skip"
X_small = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
print("worked example, np.cov:\n", np.cov(X_small, rowvar=False))
rng_far = np.random.default_rng(3)
X_far = 1e8 + rng_far.normal(size=(1000, 2))  # spread 1, offset 1e8
centred = X_far - X_far.mean(axis=0)
good = centred.T @ centred / 999
mean_far = X_far.mean(axis=0)
bad = (X_far.T @ X_far - 1000 * np.outer(mean_far, mean_far)) / 999
print("centred first:\n", good)
print("shortcut formula:\n", bad)

# %% [markdown]
# ### Exercise 2: `covariance_matrix(X)`
#
# Return the $(d, d)$ sample covariance matrix of the rows of `X` (shape
# `(n, d)`, a list of rows or an array) with the $n - 1$ denominator, as an
# array. Centre the data first: the result must stay accurate (to about
# $10^{-6}$ relative) for data whose offset from the origin is a million
# times their spread. Raise `ValueError` if `X` is not 2-D, has fewer than
# 2 rows, or has no columns. `np.cov` is not allowed.

# %% question="covariance_matrix" forbid=["np.cov"]
def covariance_matrix(X):
    """The (d, d) sample covariance of the rows of X (n, d), with the n - 1
    denominator: (X - mean)^T (X - mean) / (n - 1). Centred first, so it
    stays accurate for data far from the origin.

    ValueError if X is not 2-D, has fewer than 2 rows, or has no columns.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError(f"need an (n, d) array with n >= 2, got {X.shape}")
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `X = np.asarray(X, dtype=float)`; subtract the mean of the rows,
# `X.mean(axis=0)` (one number per feature), and return
# `centred.T @ centred / (n - 1)`. Check the shape: `(d, d)` comes from
# `centred.T @ centred`; `centred @ centred.T` would be `(n, n)`.
# </details>

# %% tests="covariance_matrix"
import numpy as np


@test_case(hidden=False)
def test_covariance_worked_example(covariance_matrix):
    C = np.asarray(covariance_matrix([[1, 2], [3, 6], [5, 4]]), dtype=float)
    assert C.shape == (2, 2), (
        "3 samples with 2 features give a 2 x 2 covariance matrix"
    )
    assert np.allclose(C, [[4, 2], [2, 4]]), (
        "the worked example [[1, 2], [3, 6], [5, 4]] has covariance "
        "[[4, 2], [2, 4]]: centre by the mean (3, 4), then divide the sums "
        "of products by n - 1 = 2"
    )


@test_case(hidden=False)
def test_covariance_is_features_by_features(covariance_matrix):
    X = np.arange(15.0).reshape(5, 3) ** 1.5
    C = np.asarray(covariance_matrix(X), dtype=float)
    assert C.shape == (3, 3), (
        "X of shape (5, 3) has 3 features: its covariance is 3 x 3 "
        "(features by features), not 5 x 5"
    )


@test_case(hidden=False)
def test_covariance_centres_first(covariance_matrix):
    X = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]]) + 1e8
    C = np.asarray(covariance_matrix(X), dtype=float)
    assert np.allclose(C, [[4, 2], [2, 4]], rtol=1e-6), (
        "moving the worked example 1e8 away from the origin should not "
        "change its covariance [[4, 2], [2, 4]]: subtract the mean first; "
        "the shortcut X^T X - n mean mean^T loses all its digits here"
    )


@test_case(hidden=False)
def test_covariance_needs_two_rows(covariance_matrix):
    try:
        covariance_matrix([[1.0, 2.0, 3.0]])
    except ValueError:
        return
    raise AssertionError(
        "covariance_matrix should raise ValueError for a single sample: "
        "with n - 1 = 0 there is no spread to estimate"
    )


@test_case(hidden=True)
def test_covariance_random(covariance_matrix):
    # Both sides sum n products of O(1) numbers: rounding ~ n eps.
    rng = np.random.default_rng(5201)
    for n, d in ((2, 1), (2, 3), (10, 4), (50, 1), (200, 6), (7, 12)):
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3, size=d) + 2.0
        C = np.asarray(covariance_matrix(X), dtype=float)
        assert C.shape == (d, d), (
            "covariance_matrix of an (n, d) array should have shape (d, d)"
        )
        assert np.allclose(C, np.cov(X, rowvar=False).reshape(d, d),
                           rtol=1e-10, atol=1e-12), (
            "covariance_matrix disagrees with the sample covariance (n - 1 "
            "denominator) on random data"
        )


@test_case(hidden=True)
def test_covariance_properties(covariance_matrix):
    # Entries are O(10); a shift of ~100 costs ~ eps * 100 * 40 after
    # centring, so rtol/atol 1e-9 leave a wide margin.
    rng = np.random.default_rng(5202)
    X = rng.normal(size=(40, 4)) @ rng.normal(size=(4, 4))
    C = np.asarray(covariance_matrix(X), dtype=float)
    assert np.allclose(C, C.T, rtol=1e-12, atol=1e-12), (
        "a covariance matrix is symmetric"
    )
    assert np.allclose(np.diag(C), X.var(axis=0, ddof=1), rtol=1e-10), (
        "the diagonal should hold each feature's variance (n - 1 "
        "denominator)"
    )
    assert np.linalg.eigvalsh(C)[0] > -1e-12 * np.abs(C).max(), (
        "a covariance matrix has no negative variance in any direction"
    )
    shift = rng.normal(size=4) * 100
    assert np.allclose(covariance_matrix(X + shift), C, rtol=1e-9,
                       atol=1e-9), (
        "moving the whole cloud should not change its covariance"
    )
    A = rng.normal(size=(2, 4))
    assert np.allclose(covariance_matrix(X @ A.T), A @ C @ A.T, rtol=1e-9,
                       atol=1e-9), (
        "mapping every point x to A x should give the covariance A C A^T"
    )


@test_case(hidden=True)
def test_covariance_denominator(covariance_matrix):
    X = np.array([[0.0], [2.0]])
    assert np.allclose(covariance_matrix(X), [[2.0]]), (
        "with two samples the sum of squared deviations should be divided "
        "by n - 1 = 1, not by n = 2"
    )


@test_case(hidden=True)
def test_covariance_far_from_the_origin(covariance_matrix):
    # Centring first loses about eps * offset / spread = 2e-10 relative;
    # the shortcut X^T X - n m m^T loses eps * (offset / spread)^2 = 2e-4.
    rng = np.random.default_rng(5203)
    Z = rng.normal(size=(500, 3)) @ np.array([[1.0, 0.5, 0.0],
                                               [0.0, 1.0, 0.3],
                                               [0.0, 0.0, 1.0]])
    want = np.cov(Z, rowvar=False)
    got = np.asarray(covariance_matrix(Z + 1e6), dtype=float)
    assert np.allclose(got, want, rtol=1e-6, atol=1e-6), (
        "for data a million units from the origin the covariance is "
        "inaccurate: subtract the mean before multiplying, instead of "
        "using X^T X - n mean mean^T"
    )


@test_case(hidden=True)
def test_covariance_integers_and_keeps_input(covariance_matrix):
    rows = [[1, 2], [3, 6], [5, 4]]
    C = np.asarray(covariance_matrix(rows), dtype=float)
    assert np.allclose(C, [[4, 2], [2, 4]]), (
        "integer input: the covariance of [[1, 2], [3, 6], [5, 4]] is "
        "[[4, 2], [2, 4]] (work in floats)"
    )
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
    covariance_matrix(X)
    assert rows == [[1, 2], [3, 6], [5, 4]] and np.array_equal(
        X, [[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]), (
        "covariance_matrix must not change its input (centre a copy)"
    )


@test_case(hidden=True)
def test_covariance_invalid(covariance_matrix):
    for bad in ([1.0, 2.0, 3.0], [[1.0, 2.0]], [], np.ones((0, 3)),
                np.ones((4, 0)), np.ones((3, 2, 2))):
        try:
            covariance_matrix(bad)
        except ValueError:
            continue
        raise AssertionError(
            "covariance_matrix should raise ValueError unless X is 2-D "
            "with at least 2 rows and 1 column"
        )

# %% [markdown]
# ## 4. The axes of the data cloud: PCA
#
# The variance along $u$ is $u^\top C u$, and $C$ is symmetric. Write $u$ in
# the coordinates of $C$'s perpendicular unit eigenvectors
# $q_1, q_2, \dots$ (eigenvalues $\lambda_1 \ge \lambda_2 \ge \dots \ge 0$):
# $u = \sum_i a_i q_i$ with $\sum_i a_i^2 = 1$, and
#
# $$u^\top C u = \sum_i \lambda_i a_i^2 \le \lambda_1 .$$
#
# The largest possible variance is $\lambda_1$, reached at $u = q_1$. Among
# the directions perpendicular to $q_1$ the best is $q_2$, with variance
# $\lambda_2$, and so on. These are the **principal components**: the
# eigenvectors of the covariance matrix, sorted by decreasing eigenvalue,
# and the eigenvalues **are** the variances along them: the peak and the
# bottom of the curve in the last figure. Drawn with lengths $\sqrt{\lambda_i}$
# (standard deviations), they sit on the cloud like this:

# %% grading="skip"
rng_axes = np.random.default_rng(2)
points = rng_axes.normal(size=(300, 2)) @ np.array([[2.0, 0.9],
                                                    [0.0, 0.7]]) + [3, 1]
centre = points.mean(axis=0)
variances_demo, axes_demo = np.linalg.eigh(np.cov(points, rowvar=False))
fig, ax = plt.subplots(figsize=(7.5, 5.5))
ax.scatter(*points.T, s=8, alpha=0.4, label="data")
for i, color in ((1, "C3"), (0, "C2")):
    tip = centre + 2 * np.sqrt(variances_demo[i]) * axes_demo[:, i]
    ax.annotate("", xy=tip, xytext=centre, arrowprops={
        "arrowstyle": "->", "color": color, "lw": 3})
    ax.text(*(tip + 0.2), f"2√λ = {2 * np.sqrt(variances_demo[i]):.2f}",
            color=color, fontsize=11)
ax.plot(*centre, "ko", label="mean")
ax.set(aspect="equal", xlabel="feature 1", ylabel="feature 2",
       title="Principal axes, drawn 2 standard deviations (2√variance) long")
ax.legend(loc="upper left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Two uses in one picture. **Compression**: most points lie close to the
# long axis, so one number per point — its coordinate along $q_1$ — keeps
# most of the information; section 5 measures how much. **Visualisation**:
# for data with 1000 features, the top two components give the 2-D view
# that shows the most spread.
#
# Since the components are perpendicular, the variances add up: the sum of
# **all** $d$ eigenvalues is the trace of $C$, the **total variance**
# $\sum_j \operatorname{var}(x_j)$. The fraction $\lambda_1 / \sum_i
# \lambda_i$ is what libraries call the "explained variance ratio" of the
# first component.
#
# Three practical details, each a classic bug:
#
# - `np.linalg.eigh` returns eigenvalues in **increasing** order: reverse
#   them for "largest first".
# - Its eigenvectors are the **columns** of the returned matrix, while PCA
#   returns them as **rows** `(k, d)`.
# - An eigenvector's sign is arbitrary, so two libraries can disagree.
#   Here we fix it as in `power_iteration`: the entry of largest absolute
#   value is positive.
#
# **Worked example.** Four points around the mean $(10, -5)$:
# $(10, -5) \pm (4, 3)$ and $(10, -5) \pm (-0.6, 0.8)$. The offsets are
# perpendicular, with lengths 5 and 1. So $C = \frac{1}{3}\bigl(2 \cdot 25\,
# u u^\top + 2 \cdot 1\, w w^\top\bigr)$ with $u = (0.8, 0.6)$ and
# $w = (-0.6, 0.8)$: the components are $u$ and $w$ (each already with its
# largest entry positive), with variances $50/3 \approx 16.67$ and
# $2/3 \approx 0.67$.

# %% grading="skip"
X_four = np.array([[14.0, -2.0], [6.0, -8.0], [9.4, -4.2], [10.6, -5.8]])
values_four, vectors_four = np.linalg.eigh(np.cov(X_four, rowvar=False))
print("eigh, increasing:", values_four)
print("eigenvectors as columns (signs as numpy chose them):\n",
      vectors_four)
print("mean:", X_four.mean(axis=0))

# %% [markdown]
# ### Exercise 3: `pca(X, k)`
#
# Return `(components, variances, mean)` for the data `X` (shape `(n, d)`,
# list of rows or array):
#
# - `components`: an array `(k, d)` whose rows are the top `k` principal
#   directions — orthonormal, sorted by decreasing variance, each with its
#   entry of largest absolute value positive (the first such entry on
#   ties);
# - `variances`: an array `(k,)`, the variance along each component: the
#   top `k` eigenvalues of the sample covariance matrix (with the $n - 1$
#   denominator);
# - `mean`: an array `(d,)`, the mean of the rows.
#
# Raise `ValueError` unless `X` is 2-D with at least 2 rows and
# $1 \le k \le d$. `np.linalg.eigh` and `np.linalg.svd` are allowed here;
# `sklearn` is not. The tests compare with an accurate eigensolver, to
# rounding error: use `eigh` or `svd` (an iterative method such as
# `power_iteration`, stopped at its `tol`, is not that accurate). They use
# data whose top variances are distinct, so the components are determined.

# %% question="pca" forbid=["sklearn"]
def pca(X, k):
    """(components, variances, mean) of the data X (n, d): the top k
    principal directions as orthonormal rows (k, d), sorted by decreasing
    variance, each with its entry of largest absolute value positive; the
    variance along each (k,) (n - 1 denominator); the mean of the rows (d,).

    ValueError unless X is 2-D with at least 2 rows and 1 <= k <= d.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] == 0:
        raise ValueError(f"need an (n, d) array with n >= 2, got {X.shape}")
    if not 1 <= k <= X.shape[1]:
        raise ValueError(f"need 1 <= k <= d = {X.shape[1]}, got k = {k}")
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    top = np.argsort(values)[::-1][:k]  # eigh sorts increasingly
    components = vectors[:, top].T  # eigenvectors are eigh's columns
    largest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(k), largest])
    return components * signs[:, None], values[top], mean
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Centre `X` by `mean = X.mean(axis=0)` and form the covariance matrix as
# in exercise 2. `values, vectors = np.linalg.eigh(C)`; the indices of the
# `k` largest values, largest first, are `np.argsort(values)[::-1][:k]`.
# Take those **columns** of `vectors` and transpose to get rows. For the
# signs: `i = np.argmax(np.abs(row))`, then multiply the row by
# `np.sign(row[i])` (a loop over the `k` rows is fine).
# </details>

# %% tests="pca"
import numpy as np


def unpack_pca(pca, X, k):
    """Call pca and return its three results as float arrays."""
    result = pca(X, k)
    assert len(result) == 3, (
        "pca should return a tuple (components, variances, mean)"
    )
    return tuple(np.asarray(r, dtype=float) for r in result)


def reference_pca(X):
    """Eigen-decomposition of numpy's covariance, largest first, signs
    fixed; also the smallest gap between the eigenvalues."""
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    values, vectors = values[::-1], vectors[:, ::-1].T
    rows = np.arange(len(vectors))
    signs = np.sign(vectors[rows, np.argmax(np.abs(vectors), axis=1)])
    gap = np.min(-np.diff(values)) if len(values) > 1 else 1.0
    return vectors * signs[:, None], values, gap


@test_case(hidden=False)
def test_pca_worked_example(pca):
    X = [[14, -2], [6, -8], [9.4, -4.2], [10.6, -5.8]]
    components, variances, mean = unpack_pca(pca, X, 2)
    assert np.allclose(mean, [10, -5]), (
        "the mean of the four points of the worked example is (10, -5)"
    )
    assert np.allclose(variances, [50 / 3, 2 / 3]), (
        "the variances should be the eigenvalues of the covariance, largest "
        "first: 50/3 and 2/3 (n - 1 = 3 in the denominator)"
    )
    assert np.allclose(components, [[0.8, 0.6], [-0.6, 0.8]]), (
        "the components should be the ROWS (0.8, 0.6) and (-0.6, 0.8): "
        "eigh returns eigenvectors as columns and in increasing order, and "
        "each row's entry of largest absolute value must be positive"
    )


@test_case(hidden=False)
def test_pca_shapes_for_k_1(pca):
    X = [[14, -2], [6, -8], [9.4, -4.2], [10.6, -5.8]]
    components, variances, mean = unpack_pca(pca, X, 1)
    assert components.shape == (1, 2) and variances.shape == (1,), (
        "with k = 1 the components have shape (1, d) and the variances "
        "shape (1,)"
    )
    assert mean.shape == (2,), "the mean has one entry per feature: (d,)"
    assert np.allclose(components, [[0.8, 0.6]]), (
        "with k = 1 only the direction of LARGEST variance, (0.8, 0.6), is "
        "kept"
    )


@test_case(hidden=False)
def test_pca_rejects_a_bad_k(pca):
    X = np.arange(12.0).reshape(4, 3) ** 2
    for k in (0, 4):
        try:
            pca(X, k)
        except ValueError:
            continue
        raise AssertionError(
            f"pca should raise ValueError for k = {k} when d = 3: k must "
            "satisfy 1 <= k <= d"
        )


@test_case(hidden=True)
def test_pca_random(pca):
    # The eigenvector of a symmetric matrix moves by about eps |C| / gap
    # under rounding (Davis-Kahan); with the gap at least 5% of |C| that
    # is ~1e-14, and every eigenvalue moves by ~ d eps |C|.
    # The data are whitened first, so that the sample variances are
    # exactly scales**2, at least 5% of the largest apart.
    rng = np.random.default_rng(5301)
    for n, d, k in ((30, 3, 2), (100, 5, 5), (60, 8, 3), (12, 4, 1)):
        Z = rng.normal(size=(n, d))
        Z = Z - Z.mean(axis=0)
        Z = Z @ np.linalg.inv(np.linalg.cholesky(Z.T @ Z / (n - 1))).T
        scales = np.sqrt(np.linspace(9.0, 0.5, d))
        Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
        X = (Z * scales) @ Q.T + rng.normal(size=d) * 4
        want_c, want_v, gap = reference_pca(X)
        components, variances, mean = unpack_pca(pca, X, k)
        assert components.shape == (k, d) and variances.shape == (k,), (
            "pca should return components (k, d) and variances (k,)"
        )
        assert np.allclose(mean, X.mean(axis=0), rtol=1e-12, atol=1e-12), (
            "the mean should be the mean of the rows of X"
        )
        tol = 1e3 * d * np.finfo(float).eps * want_v[0]
        assert np.allclose(variances, want_v[:k], rtol=0, atol=tol), (
            "the variances should be the k largest eigenvalues of the "
            "sample covariance matrix (n - 1 denominator), largest first"
        )
        assert np.allclose(components, want_c[:k], atol=tol / gap), (
            "the components should be the eigenvectors of the covariance "
            "matrix as rows, largest variance first, each with its entry "
            "of largest absolute value positive"
        )


@test_case(hidden=True)
def test_pca_variances_add_up(pca):
    # Sums of 80 products: rounding ~ n eps relative, far below 1e-9.
    rng = np.random.default_rng(5302)
    X = rng.normal(size=(80, 5)) @ rng.normal(size=(5, 5)) + 7.0
    components, variances, _ = unpack_pca(pca, X, 5)
    total = np.sum(np.var(X, axis=0, ddof=1))
    assert np.isclose(np.sum(variances), total, rtol=1e-10), (
        "with k = d the variances should add up to the total variance "
        "(the sum of the features' variances)"
    )
    assert np.all(np.diff(variances) <= 0), (
        "the variances should be sorted from largest to smallest"
    )
    assert np.allclose(components @ components.T, np.eye(5), atol=1e-10), (
        "the components should be orthonormal rows"
    )
    scores = (X - X.mean(axis=0)) @ components.T
    assert np.allclose(np.var(scores, axis=0, ddof=1), variances,
                       rtol=1e-9), (
        "the variance of the data along each component should equal its "
        "reported variance"
    )
    # Off-diagonal covariances of the scores vanish up to ~ n eps |C|.
    score_cov = np.cov(scores, rowvar=False)
    off = score_cov - np.diag(np.diag(score_cov))
    assert np.max(np.abs(off)) < 1e-9 * variances[0], (
        "the data's coordinates along different components should be "
        "uncorrelated"
    )


@test_case(hidden=True)
def test_pca_agrees_with_the_svd(pca):
    # The right singular vectors of the centred data are the eigenvectors
    # of its covariance; the squared singular values over n - 1 its
    # eigenvalues. The relative gap here is above 10%, so 1e-9 is ample.
    rng = np.random.default_rng(5303)
    X = rng.normal(size=(50, 4)) * [4.0, 2.5, 1.2, 0.3] + [1, -2, 3, 50]
    _, s, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    rows = np.arange(4)
    Vt = Vt * np.sign(Vt[rows, np.argmax(np.abs(Vt), axis=1)])[:, None]
    components, variances, _ = unpack_pca(pca, X, 3)
    assert np.allclose(variances, s[:3] ** 2 / 49, rtol=1e-9), (
        "the variances should be the squared singular values of the "
        "centred data divided by n - 1"
    )
    assert np.allclose(components, Vt[:3], atol=1e-9), (
        "the components should be the right singular vectors of the "
        "centred data (signs fixed)"
    )


@test_case(hidden=True)
def test_pca_sign_convention(pca):
    rng = np.random.default_rng(5304)
    for _ in range(5):
        X = rng.normal(size=(40, 6)) * np.linspace(3, 0.5, 6)
        X = X @ np.linalg.qr(rng.normal(size=(6, 6)))[0]
        components, _, _ = unpack_pca(pca, X, 6)
        for row in components:
            i = np.argmax(np.abs(row))
            assert row[i] > 0, (
                "each component's entry of largest absolute value should be "
                "positive"
            )


@test_case(hidden=True)
def test_pca_centres_the_data(pca):
    # Centring a shift of ~40 costs ~ eps * 40 in each entry, and the
    # variances (4, 1, 0.25) are well separated, so the eigenvectors move
    # by ~1e-14: the tolerances below leave orders of magnitude.
    rng = np.random.default_rng(5305)
    X = rng.normal(size=(60, 3)) * [2.0, 1.0, 0.5]
    base_c, base_v, base_m = unpack_pca(pca, X, 2)
    shift = np.array([30.0, -40.0, 25.0])
    components, variances, mean = unpack_pca(pca, X + shift, 2)
    assert np.allclose(mean, base_m + shift, atol=1e-10), (
        "moving the cloud should move the mean with it"
    )
    assert np.allclose(variances, base_v, rtol=1e-9), (
        "moving the cloud should not change the variances: centre the data "
        "on its mean before computing the covariance"
    )
    assert np.allclose(components, base_c, atol=1e-8), (
        "moving the cloud should not change the principal directions"
    )


@test_case(hidden=True)
def test_pca_integers_and_keeps_input(pca):
    rows = [[2, 0], [-2, 0], [0, 1], [0, -1]]
    components, variances, _ = unpack_pca(pca, rows, 2)
    assert np.allclose(variances, [8 / 3, 2 / 3]), (
        "pca gives wrong variances for integer input (convert to floats, "
        "divide by n - 1)"
    )
    assert np.allclose(np.abs(components), np.eye(2)), (
        "for integer points spread along the two coordinate axes the "
        "components should be those axes"
    )
    assert np.allclose(components, np.eye(2)), (
        "each component's entry of largest absolute value should be "
        "positive"
    )
    assert rows == [[2, 0], [-2, 0], [0, 1], [0, -1]], (
        "pca must not change its input"
    )
    X = np.array([[1.0, 2.0], [3.0, 1.0], [0.0, 0.0]])
    pca(X, 1)
    assert np.array_equal(X, [[1.0, 2.0], [3.0, 1.0], [0.0, 0.0]]), (
        "pca must not change its input (centre a copy)"
    )


@test_case(hidden=True)
def test_pca_invalid(pca):
    X = np.arange(12.0).reshape(4, 3) ** 2
    cases = [(X, 0), (X, 4), (X, -1), (X[:1], 1), ([1.0, 2.0, 3.0], 1),
             ([], 1)]
    for bad, k in cases:
        try:
            pca(bad, k)
        except ValueError:
            continue
        raise AssertionError(
            "pca should raise ValueError unless X is 2-D with at least 2 "
            "rows and 1 <= k <= d"
        )

# %% [markdown]
# ## 5. Compressing and rebuilding: reconstruction
#
# Keep only the top $k$ components, as the rows of a matrix $V_k$ (shape
# `(k, d)`). Each point $x$ is then described by $k$ numbers, its
# coordinates along the components:
#
# $$z = V_k (x - \bar x) \in \mathbb{R}^k .$$
#
# To rebuild a point, walk from the mean along each component by its
# coordinate: $\hat x = \bar x + V_k^\top z$. For all rows of `X` at once
# (rows are points, so the matrices appear transposed):
#
# $$\hat X = (X - \bar x)\, V_k^\top V_k + \bar x .$$
#
# Geometrically $\hat x$ is the **orthogonal projection** of $x$ onto the
# flat (a line, a plane, …) through $\bar x$ spanned by the components:
# the nearest point of that flat. What is lost is the part of $x - \bar x$
# along the dropped components, so for the data PCA was fitted on, the
# total squared error is
#
# $$\sum_s \lVert x_s - \hat x_s \rVert^2 = (n - 1) \sum_{i > k}
# \lambda_i ,$$
#
# the variance of the directions thrown away. With $k = d$ nothing is
# thrown away and the reconstruction is exact.
#
# **Worked example.** Back to the four points, keeping only $u = (0.8,
# 0.6)$. The point $(14, -2)$ has offset $(4, 3)$ from the mean and
# coordinate $z = 0.8 \cdot 4 + 0.6 \cdot 3 = 5$; it rebuilds as
# $(10, -5) + 5 \cdot (0.8, 0.6) = (14, -2)$, exactly — it lies on the
# line. The point $(9.4, -4.2)$ has offset $(-0.6, 0.8)$, perpendicular
# to $u$: $z = 0$, and it rebuilds as the mean $(10, -5)$. The squared
# error is $2 \cdot 1 = 2 = 3 \cdot \tfrac23$: $(n-1)$ times the dropped
# variance.

# %% grading="skip"
u_four = np.array([[0.8, 0.6]])
offsets = X_four - X_four.mean(axis=0)
rebuilt = offsets @ u_four.T @ u_four + X_four.mean(axis=0)
print("coordinates z:", (offsets @ u_four.T).ravel())
print("rebuilt points:\n", rebuilt)
print("squared error:", np.sum((X_four - rebuilt) ** 2))

# %% [markdown]
# ### Exercise 4: `reconstruct(X, components, mean)`
#
# Project every row of `X` (shape `(n, d)`) onto the flat through `mean`
# (shape `(d,)`) spanned by the rows of `components` (shape `(k, d)`, any
# $k \ge 1$, orthonormal rows as `pca` returns them), and return the
# $(n, d)$ array $(X - \bar x)\,V^\top V + \bar x$, where $V$ is
# `components` and $\bar x$ is `mean`. Inputs may be lists or
# arrays. Raise `ValueError` if `X` is not a non-empty 2-D array, if
# `components` is not 2-D with at least one row, or if the shapes disagree
# (`components` and `mean` must have `d` columns/entries).

# %% question="reconstruct"
def reconstruct(X, components, mean):
    """Each row of X (n, d) projected onto the flat through mean (d,)
    spanned by the orthonormal rows of components (k, d):
    (X - mean) V^T V + mean with V = components, an (n, d) array.

    ValueError if X is not a non-empty 2-D array, components is not 2-D
    with at least one row, or the shapes disagree.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    C = np.asarray(components, dtype=float)
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty (n, d) array, got {X.shape}")
    d = X.shape[1]
    if C.ndim != 2 or C.shape[0] == 0 or C.shape[1] != d:
        raise ValueError(f"components must be (k, {d}) with k >= 1")
    if mean.shape != (d,):
        raise ValueError(f"mean must have shape ({d},), got {mean.shape}")
    coordinates = (X - mean) @ C.T  # (n, k): each point's k numbers
    return coordinates @ C + mean
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert all three with `np.asarray(..., dtype=float)` and check the
# shapes first. Then it is one line: subtract `mean` from every row
# (broadcasting does it), multiply by `C.T` to get the `(n, k)`
# coordinates, multiply by `C` to get back to `(n, d)`, and add `mean`.
# </details>

# %% tests="reconstruct"
import numpy as np


def rebuilt(reconstruct, X, components, mean):
    """Call reconstruct and check the shape of the result."""
    out = np.asarray(reconstruct(X, components, mean), dtype=float)
    assert out.shape == np.shape(X), (
        "reconstruct should return an array of the same shape (n, d) as X"
    )
    return out


@test_case(hidden=False)
def test_reconstruct_worked_example(reconstruct):
    X = [[14, -2], [6, -8], [9.4, -4.2], [10.6, -5.8]]
    got = rebuilt(reconstruct, X, [[0.8, 0.6]], [10, -5])
    want = [[14, -2], [6, -8], [10, -5], [10, -5]]
    assert np.allclose(got, want), (
        "keeping only the component (0.8, 0.6) through the mean (10, -5): "
        "points on that line stay where they are, and points whose offset "
        "is perpendicular to it land on the mean. Subtract the mean, "
        "project, then add the mean back"
    )


@test_case(hidden=False)
def test_reconstruct_all_components_is_exact(reconstruct):
    c, s = np.cos(0.6), np.sin(0.6)
    X = [[1.0, 2.0], [-3.0, 0.5], [2.5, -1.0]]
    got = rebuilt(reconstruct, X, [[c, s], [-s, c]], [0.5, -0.5])
    assert np.allclose(got, X, atol=1e-12), (
        "with as many orthonormal components as features (k = d) nothing "
        "is thrown away: the reconstruction should equal X"
    )


@test_case(hidden=False)
def test_reconstruct_rejects_mismatched_shapes(reconstruct):
    X = [[1.0, 2.0], [3.0, 4.0]]
    try:
        reconstruct(X, [[0.6, 0.0, 0.8]], [0.0, 0.0])
    except ValueError:
        return
    raise AssertionError(
        "reconstruct should raise ValueError when the components have 3 "
        "entries but the points of X only 2: a direction must live in the "
        "same space as the points"
    )


@test_case(hidden=True)
def test_reconstruct_random(reconstruct):
    rng = np.random.default_rng(5401)
    for n, d, k in ((1, 3, 1), (10, 4, 2), (25, 6, 3), (8, 5, 5)):
        X = rng.normal(size=(n, d)) * 3 + 1
        C = np.linalg.qr(rng.normal(size=(d, k)))[0].T
        mean = rng.normal(size=d)
        want = (X - mean) @ C.T @ C + mean
        assert np.allclose(rebuilt(reconstruct, X, C, mean), want,
                           rtol=1e-12, atol=1e-12), (
            "reconstruct should return (X - mean) V^T V + mean, with V "
            "the components"
        )


@test_case(hidden=True)
def test_reconstruct_is_a_projection(reconstruct):
    # Orthonormal rows to rounding (~d eps): the projection identities hold
    # to ~ d eps |X| = 1e-14, far inside 1e-10.
    rng = np.random.default_rng(5402)
    X = rng.normal(size=(20, 5)) * 2
    C = np.linalg.qr(rng.normal(size=(5, 2)))[0].T
    mean = rng.normal(size=5)
    once = rebuilt(reconstruct, X, C, mean)
    twice = rebuilt(reconstruct, once, C, mean)
    assert np.allclose(twice, once, atol=1e-10), (
        "reconstructing a reconstruction should change nothing: the "
        "rebuilt points already lie on the flat"
    )
    assert np.allclose((X - once) @ C.T, 0.0, atol=1e-10), (
        "what is lost, X minus its reconstruction, should be perpendicular "
        "to every component"
    )
    on_flat = mean + rng.normal(size=(4, 2)) @ C
    assert np.allclose(rebuilt(reconstruct, on_flat, C, mean), on_flat,
                       atol=1e-10), (
        "a point of the flat through the mean spanned by the components "
        "should be reconstructed exactly"
    )


@test_case(hidden=True)
def test_reconstruct_error_is_the_dropped_variance(reconstruct):
    # The identity holds to ~ n d eps times the total variance.
    rng = np.random.default_rng(5403)
    X = rng.normal(size=(50, 4)) * [3.0, 2.0, 1.0, 0.5] + [5, -5, 2, 0]
    mean = X.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    for k in (1, 2, 3, 4):
        C = vectors[:, ::-1][:, :k].T
        error = np.sum((X - rebuilt(reconstruct, X, C, mean)) ** 2)
        dropped = 49 * np.sum(values[::-1][k:])
        assert np.isclose(error, dropped, rtol=1e-9, atol=1e-9), (
            "keeping the top k principal components, the squared error "
            "should be (n - 1) times the sum of the dropped variances"
        )


@test_case(hidden=True)
def test_reconstruct_uses_the_mean(reconstruct):
    X = np.array([[3.0, 4.0], [-1.0, 2.0]])
    got = rebuilt(reconstruct, X, [[1.0, 0.0]], [0.0, 1.0])
    assert np.allclose(got, [[3.0, 1.0], [-1.0, 1.0]]), (
        "the rebuilt points should lie on the line through the mean along "
        "the component: subtract the mean before projecting and add it "
        "back after"
    )


@test_case(hidden=True)
def test_reconstruct_lists_and_keeps_input(reconstruct):
    X = [[1, 2, 3], [4, 5, 6]]
    C = [[0, 0, 1]]
    mean = [1, 1, 1]
    got = rebuilt(reconstruct, X, C, mean)
    assert np.allclose(got, [[1, 1, 3], [1, 1, 6]]), (
        "reconstruct is wrong for integer lists (convert the inputs to "
        "float arrays)"
    )
    assert X == [[1, 2, 3], [4, 5, 6]] and C == [[0, 0, 1]] and mean == [
        1, 1, 1], "reconstruct must not change its inputs"
    Xa, Ca, ma = np.ones((3, 2)), np.array([[0.6, 0.8]]), np.zeros(2)
    reconstruct(Xa, Ca, ma)
    assert np.array_equal(Xa, np.ones((3, 2))) and np.array_equal(
        Ca, [[0.6, 0.8]]) and np.array_equal(ma, [0.0, 0.0]), (
        "reconstruct must not change its inputs"
    )


@test_case(hidden=True)
def test_reconstruct_invalid(reconstruct):
    X = np.ones((4, 3))
    cases = [
        (X, np.ones((1, 2)), np.zeros(3)),
        (X, np.ones((1, 3)), np.zeros(2)),
        (X, np.ones((0, 3)), np.zeros(3)),
        (np.ones((0, 3)), np.ones((1, 3)), np.zeros(3)),
        (X, np.ones((2, 4)), np.zeros(4)),
    ]
    for bad in cases:
        try:
            reconstruct(*bad)
        except ValueError:
            continue
        raise AssertionError(
            "reconstruct should raise ValueError for an empty X, no "
            "components, or components and mean whose length differs from "
            "the number of columns of X"
        )

# %% [markdown]
# **How many components do you need?** A test on something image-like. The
# course draws its own small "digits": the ten digits of a seven-segment
# display on a 12 × 8 pixel canvas, each written with a random stroke
# strength, shifted by up to a pixel, slightly blurred and noisy — 600
# images of 96 pixels. PCA treats each image as a point in
# $\mathbb{R}^{96}$. The figure shows how the reconstruction error falls
# as $k$ grows, and what the rebuilt images look like.

# %% grading="skip"
segments = {  # (row slice, column slice) of each segment on a 12 x 8 canvas
    "a": (slice(1, 2), slice(2, 6)), "b": (slice(2, 6), slice(6, 7)),
    "c": (slice(6, 10), slice(6, 7)), "d": (slice(10, 11), slice(2, 6)),
    "e": (slice(6, 10), slice(1, 2)), "f": (slice(2, 6), slice(1, 2)),
    "g": (slice(5, 6), slice(2, 6)),
}
lit = ["abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc",
       "abcdefg", "abcdfg"]
rng_digits = np.random.default_rng(7)
images = []
for label in rng_digits.integers(0, 10, size=600):
    canvas = np.zeros((12, 8))
    for name in lit[label]:
        canvas[segments[name]] = rng_digits.uniform(0.6, 1.0)
    canvas = np.roll(canvas, rng_digits.integers(-1, 2, size=2), axis=(0, 1))
    blurred = (2 * canvas + np.roll(canvas, 1, 0) + np.roll(canvas, -1, 0)
               + np.roll(canvas, 1, 1) + np.roll(canvas, -1, 1)) / 6
    images.append(blurred + 0.05 * rng_digits.normal(size=(12, 8)))
digits = np.array(images).reshape(600, 96)

digit_mean = digits.mean(axis=0)
_, singular, digit_axes = np.linalg.svd(digits - digit_mean,
                                        full_matrices=False)
digit_var = singular**2 / (len(digits) - 1)  # the eigenvalues of C
kept = np.concatenate([[0.0], np.cumsum(digit_var)]) / digit_var.sum()
error_fraction = 1 - kept  # dropped variance / total variance, k = 0..96

mosaic = np.full((4 * 13 - 1, 6 * 9 - 1), np.nan)  # 4 x 6, with gaps
for col in range(6):
    offsets = digits[col] - digit_mean
    versions = [digits[col]] + [
        offsets @ digit_axes[:k].T @ digit_axes[:k] + digit_mean
        for k in (3, 10, 30)]
    for row, picture in enumerate(versions):
        mosaic[13 * row:13 * row + 12, 9 * col:9 * col + 8] = (
            picture.reshape(12, 8))

fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 5.2), layout="constrained",
                              width_ratios=[1, 1.1])
ax.semilogy(np.arange(97), np.maximum(error_fraction, 1e-17), "C0-", lw=2)
for k in (3, 10, 30):
    ax.plot(k, error_fraction[k], "C3o")
    ax.text(k + 2, error_fraction[k], f"k = {k}: {error_fraction[k]:.1%}")
ax.set(xlabel="number of components k",
       ylabel="squared error / total variance (log scale)",
       title="Reconstruction error of the digits against k", ylim=(1e-4, 1.5))
ax.grid(alpha=0.3, which="both")
ax2.imshow(mosaic, cmap="gray_r", vmin=0, vmax=1)
ax2.set_facecolor("lightsteelblue")  # the gaps (NaN) between images
ax2.set_xticks(9 * np.arange(6) + 3.5, [f"image {i}" for i in range(6)])
ax2.set_yticks(13 * np.arange(4) + 5.5, ["original", "k = 3", "k = 10",
                                         "k = 30"])
ax2.set(xlabel="six digits of the data set",
        ylabel="original, then rebuilt from k components",
        title="Originals and their reconstructions")
plt.show()
for share in (0.5, 0.9, 0.99):
    needed = int(np.argmax(kept >= share))
    print(f"{share:.0%} of the variance needs k = {needed} of 96 components")

# %% [markdown]
# The numbers: 3 components leave 56.5% of the variance unexplained, and
# their reconstructions are blurry "8"s — the shape every seven-segment
# digit is part of. With 10 components (22.1% left) most digits can be read
# from 10 numbers instead of 96; with 30 (5.6% left) they are close to the
# originals. The curve then flattens: half of the variance needs only 4
# components and 90% needs 20, but 99% needs 76, because the last
# components mostly describe the pixel noise, which has no shape to
# compress. Dropping them is PCA **denoising**. The components are images
# too (the "eigendigits"); the first ones are whole strokes and blocks of
# the display:

# %% grading="skip"
fig, axes = plt.subplots(1, 8, figsize=(12, 2.6), layout="constrained")
for i, ax in enumerate(axes):
    picture = digit_axes[i].reshape(12, 8)
    top = np.abs(picture).max()
    ax.imshow(picture, cmap="RdBu_r", vmin=-top, vmax=top)
    ax.set(xticks=[], yticks=[], xlabel="pixel column",
           title=f"component {i + 1}")
axes[0].set_ylabel("pixel row")
fig.suptitle("The first eight principal components of the digits "
             "(red: positive, blue: negative)")
plt.show()

# %% [markdown]
# ## 6. Ranking by a random walk: PageRank
#
# How important is a web page? Counting the links pointing to it is easy to
# fool: make a thousand pages that all link to yours. PageRank's answer is
# recursive: **a page is important if important pages link to it.** Its
# picture is a random surfer. At every step she either follows a random
# link of the current page (probability $d$, the **damping**, usually
# 0.85; in this section $d$ is the damping, not a number of features) or,
# bored, jumps to a page chosen uniformly at random (probability $1 - d$).
# The PageRank of a page is the fraction of time she spends there in the
# long run.
#
# Put it in a matrix. Row $i$ of $M$ spreads page $i$'s rank equally over
# its links: $M_{ij} = 1/\text{(number of links of } i)$ if $i$ links to
# $j$, else 0. A page with **no** outgoing links (a "dangling" page, a PDF
# say) would swallow the surfer; the convention is that it links to every
# page, itself included. If $r$ holds the probabilities of being on each
# page now, one step later they are
#
# $$r \leftarrow \frac{1 - d}{N} + d\, M^\top r .$$
#
# The long-run $r$ is the fixed point: with the all-ones vector
# $\mathbf 1$, it satisfies $G r = r$ for the **Google matrix**
# $G = \frac{1 - d}{N} \mathbf 1 \mathbf 1^\top + d M^\top$, because
# $\mathbf 1^\top r = 1$. PageRank is an **eigenvector with eigenvalue 1**,
# and repeating the step is exactly the power iteration of section 2 (no
# normalising needed: each step keeps the total 1). The damping makes it
# converge fast: two rank vectors get closer by the factor $d$ every step
# (in the sum of absolute differences).
#
# **Worked example.** Two pages: page 0 links to page 1, page 1 has no
# links (so it links to both). $M = \begin{pmatrix} 0 & 1 \\ 1/2 & 1/2
# \end{pmatrix}$. With $d = 0.85$ the fixed point satisfies
# $r_0 = 0.075 + 0.85 \cdot \tfrac12 r_1$ and $r_0 + r_1 = 1$, so
# $r_0 = 0.075 + 0.425 (1 - r_0)$, $r_0 = 0.5 / 1.425 \approx 0.3509$ and
# $r_1 \approx 0.6491$. From the uniform start, one step gives
# $r = 0.075 + 0.85\,(0.25, 0.75) = (0.2875, 0.7125)$.

# %% grading="skip"
M_two = np.array([[0.0, 1.0], [0.5, 0.5]])
r_two = np.full(2, 0.5)
for step in range(1, 6):
    r_two = 0.15 / 2 + 0.85 * M_two.T @ r_two
    print(f"step {step}: r = {np.round(r_two, 4)}")
print("fixed point:", 0.5 / 1.425, 1 - 0.5 / 1.425)

# %% [markdown]
# ### Exercise 5: `pagerank(links, damping=0.85, tol=1e-12, max_iter=1000)`
#
# `links` is an $N \times N$ matrix (list of rows or array) with
# `links[i, j] != 0` when page `i` links to page `j`; the size of the entry
# does not matter (a link is a link). Return the PageRank vector, an array
# of shape `(N,)` that sums to 1:
#
# 1. build $M$: row `i` is 1/(number of links of `i`) at each page `i`
#    links to; a page with no links links to every page, itself included;
# 2. start from the uniform vector $r = (1/N, \dots, 1/N)$;
# 3. repeat at most `max_iter` times: $r_{\text{new}} = (1 - d)/N +
#    d\, M^\top r$; stop (keeping $r_{\text{new}}$) as soon as
#    $\sum_i |r_{\text{new},i} - r_i| <$ `tol`.
#
# Raise `ValueError` if `links` is empty or not square, or if `damping` is
# outside $[0, 1]$.

# %% question="pagerank"
def pagerank(links, damping=0.85, tol=1e-12, max_iter=1000):
    """The PageRank vector (N,) of the directed graph with links[i, j] != 0
    when page i links to page j; it sums to 1.

    A page without links links to every page (itself included). Iterates
    r <- (1 - damping) / N + damping M^T r from the uniform vector, where
    row i of M spreads page i's rank equally over its links; stops when
    the 1-norm change is below tol, or after max_iter steps.

    ValueError if links is empty or not square, or damping is outside
    [0, 1].
    """
    # BEGIN SOLUTION
    L = np.asarray(links)
    if L.ndim != 2 or L.shape[0] != L.shape[1] or L.size == 0:
        raise ValueError(f"need a non-empty square matrix, got {L.shape}")
    if not 0.0 <= damping <= 1.0:
        raise ValueError(f"damping must lie in [0, 1], got {damping}")
    n = L.shape[0]
    M = (L != 0).astype(float)
    M[M.sum(axis=1) == 0] = 1.0  # a dangling page links to every page
    M = M / M.sum(axis=1, keepdims=True)
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1.0 - damping) / n + damping * (M.T @ r)
        change = np.sum(np.abs(new - r))
        r = new
        if change < tol:
            break
    return r
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `A = (np.asarray(links) != 0).astype(float)` turns any entries into 0/1
# links. The dangling rows are those with `A.sum(axis=1) == 0`: set them to
# all ones. Then divide every row by its sum
# (`A / A.sum(axis=1, keepdims=True)`). In the loop, `M.T @ r` collects
# into each page the rank sent to it — `M @ r` would be the wrong way
# round.
# </details>

# %% tests="pagerank"
import numpy as np


def ranks(pagerank, *args, **kwargs):
    """Call pagerank and check the form of its answer."""
    r = np.asarray(pagerank(*args, **kwargs), dtype=float)
    n = len(np.asarray(args[0]))
    assert r.shape == (n,), "pagerank should return one number per page"
    return r


def google_fixed_point(links, damping):
    """The exact fixed point: solve (I - d M^T) r = (1 - d) / N."""
    A = (np.asarray(links) != 0).astype(float)
    A[A.sum(axis=1) == 0] = 1.0
    M = A / A.sum(axis=1, keepdims=True)
    n = len(A)
    return np.linalg.solve(np.eye(n) - damping * M.T,
                           np.full(n, (1 - damping) / n))


@test_case(hidden=False)
def test_pagerank_cycle_is_uniform(pagerank):
    r = ranks(pagerank, [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    assert np.allclose(r, [1 / 3, 1 / 3, 1 / 3]), (
        "on the cycle 0 -> 1 -> 2 -> 0 every page is equally important: "
        "each rank should be 1/3"
    )


@test_case(hidden=False)
def test_pagerank_worked_example(pagerank):
    r = ranks(pagerank, [[0, 1], [0, 0]])
    assert np.allclose(r, [0.5 / 1.425, 0.925 / 1.425], atol=1e-10), (
        "page 0 links to page 1 and page 1 has no links, so it links to "
        "BOTH pages (itself included): the ranks should be about "
        "(0.3509, 0.6491)"
    )


@test_case(hidden=False)
def test_pagerank_one_step(pagerank):
    r = ranks(pagerank, [[0, 1], [0, 0]], max_iter=1)
    assert np.allclose(r, [0.2875, 0.7125]), (
        "with max_iter=1, one step from the uniform vector (0.5, 0.5): "
        "r = (1 - d) / N + d M^T r = 0.075 + 0.85 (0.25, 0.75) "
        "= (0.2875, 0.7125)"
    )


@test_case(hidden=True)
def test_pagerank_random_graphs(pagerank):
    # The step is a contraction by d in the 1-norm, so stopping when a step
    # moves less than tol leaves an error of at most tol d / (1 - d); the
    # rounding of N-term sums adds ~ N eps.
    rng = np.random.default_rng(5501)
    for n, p, d in ((4, 0.5, 0.85), (10, 0.3, 0.85), (25, 0.15, 0.9),
                    (40, 0.1, 0.5), (7, 0.4, 0.95)):
        links = (rng.random((n, n)) < p).astype(int)
        links[rng.integers(n)] = 0  # at least one dangling page
        r = ranks(pagerank, links, damping=d)
        tol = 1e-12 * d / (1 - d) + 100 * n * np.finfo(float).eps
        assert np.allclose(r, google_fixed_point(links, d), rtol=0,
                           atol=tol), (
            "pagerank disagrees with the fixed point of r = (1 - d) / N "
            "+ d M^T r on a random graph with a dangling page"
        )


@test_case(hidden=True)
def test_pagerank_is_a_distribution(pagerank):
    rng = np.random.default_rng(5502)
    for n in (1, 3, 12, 30):
        links = (rng.random((n, n)) < 0.2).astype(float)
        r = ranks(pagerank, links)
        assert np.isclose(r.sum(), 1.0, rtol=0, atol=1e-12), (
            "the PageRank vector should sum to 1 (a dangling page must pass "
            "on its rank, to every page)"
        )
        assert np.all(r > 0), (
            "with damping < 1 every page has a positive rank"
        )


@test_case(hidden=True)
def test_pagerank_relabelling(pagerank):
    rng = np.random.default_rng(5503)
    links = (rng.random((9, 9)) < 0.3).astype(int)
    links[4] = 0
    r = ranks(pagerank, links)
    for _ in range(3):
        p = rng.permutation(9)
        relabelled = links[p][:, p]  # new page i is old page p[i]
        assert np.allclose(ranks(pagerank, relabelled), r[p], atol=1e-10), (
            "renumbering the pages should only renumber their ranks"
        )


@test_case(hidden=True)
def test_pagerank_a_link_is_a_link(pagerank):
    links = np.array([[0, 1, 1, 0], [0, 0, 1, 0], [1, 0, 0, 1],
                      [0, 0, 1, 0]])
    r = ranks(pagerank, links)
    weighted = links * np.array([[1, 5, 1, 1], [1, 1, 3, 1], [1, 1, 1, 9],
                                 [1, 1, 2, 1]])
    assert np.allclose(ranks(pagerank, weighted), r, atol=1e-12), (
        "the size of an entry does not matter: links[i, j] != 0 is a link, "
        "and a page's rank is split EQUALLY over its links"
    )
    assert np.allclose(ranks(pagerank, links.astype(bool)), r,
                       atol=1e-12), "a boolean link matrix works the same"
    assert np.allclose(ranks(pagerank, -links), r, atol=1e-12), (
        "any non-zero entry, negative too, is a link"
    )


@test_case(hidden=True)
def test_pagerank_damping_extremes(pagerank):
    links = np.array([[1, 1, 0, 0], [0, 1, 1, 1], [1, 0, 1, 0],
                      [1, 1, 1, 1]])
    assert np.allclose(ranks(pagerank, links, damping=0.0), 0.25), (
        "with damping = 0 the surfer always jumps at random: every rank "
        "is 1/N"
    )
    # damping = 1: the stationary distribution of the walk itself, the
    # eigenvector of M^T for the eigenvalue 1. The error left by the
    # stopping rule is tol * s / (1 - s) for the walk's second eigenvalue
    # s, which is below 0.5 here.
    M = links / links.sum(axis=1, keepdims=True)
    values, vectors = np.linalg.eig(M.T)
    order = np.argsort(-np.abs(values))
    s = np.abs(values[order[1]])
    assert s < 0.5, "test graph: the walk should mix fast"
    stationary = np.real(vectors[:, order[0]])
    stationary = stationary / stationary.sum()
    r = ranks(pagerank, links, damping=1.0)
    assert np.allclose(r, stationary, atol=1e-12 * s / (1 - s) + 1e-14), (
        "with damping = 1 the ranks should be the long-run distribution of "
        "the pure random walk along the links"
    )


@test_case(hidden=True)
def test_pagerank_follows_the_recipe(pagerank):
    # A few steps, or a loose tol, stop far from the fixed point: the
    # answer shows exactly which steps were taken.
    rng = np.random.default_rng(5504)
    links = (rng.random((6, 6)) < 0.35).astype(int)
    links[2] = 0
    A = (links != 0).astype(float)
    A[A.sum(axis=1) == 0] = 1.0
    M = A / A.sum(axis=1, keepdims=True)
    for d, max_iter, tol in ((0.85, 1, 1e-12), (0.85, 2, 1e-12),
                             (0.7, 3, 1e-12), (0.9, 1000, 1e-2),
                             (0.85, 1000, 1e-4)):
        r = np.full(6, 1 / 6)
        for _ in range(max_iter):
            new = (1 - d) / 6 + d * M.T @ r
            done = np.abs(new - r).sum() < tol
            r = new
            if done:
                break
        got = ranks(pagerank, links, damping=d, tol=tol, max_iter=max_iter)
        assert np.allclose(got, r, rtol=0, atol=1e-14), (
            "with few steps or a loose tol the result should be where the "
            "iteration stops: start from the uniform vector, apply "
            "r <- (1 - d) / N + d M^T r, stop after max_iter steps or when "
            "the sum of absolute changes is below tol"
        )


@test_case(hidden=True)
def test_pagerank_dangling_pages(pagerank):
    alone = ranks(pagerank, [[0]])
    assert np.allclose(alone, [1.0]), "a single page has all the rank"
    r = ranks(pagerank, np.zeros((5, 5)))
    assert np.allclose(r, 0.2), (
        "if no page has links, every page links to every page: all ranks "
        "are equal"
    )
    star = np.zeros((4, 4))
    star[1:, 0] = 1  # pages 1, 2, 3 link to page 0, which has no links
    r = ranks(pagerank, star)
    want = google_fixed_point(star, 0.85)
    assert np.allclose(r, want, atol=1e-10), (
        "a page without links passes its rank on to EVERY page, itself "
        "included"
    )


@test_case(hidden=True)
def test_pagerank_keeps_input(pagerank):
    rows = [[0, 1, 1], [0, 0, 0], [1, 0, 0]]
    arr = np.array([[0.0, 2.0], [0.0, 0.0]])
    pagerank(rows)
    pagerank(arr)
    assert rows == [[0, 1, 1], [0, 0, 0], [1, 0, 0]] and np.array_equal(
        arr, [[0.0, 2.0], [0.0, 0.0]]), "pagerank must not change its input"


@test_case(hidden=True)
def test_pagerank_invalid(pagerank):
    square = [[0, 1], [1, 0]]
    cases = [((np.ones((2, 3)),), {}), (([],), {}), (([1, 0, 1],), {}),
             ((square,), {"damping": -0.1}), ((square,), {"damping": 1.5})]
    for args, kwargs in cases:
        try:
            pagerank(*args, **kwargs)
        except ValueError:
            continue
        raise AssertionError(
            "pagerank should raise ValueError for an empty or non-square "
            "link matrix, and for a damping outside [0, 1]"
        )

# %% [markdown]
# **PageRank on a small web.** Eight pages; an arrow is a link, and the
# size of each page shows its rank (computed here as numpy's eigenvector of
# the Google matrix for the eigenvalue 1 — your `pagerank` reaches the same
# numbers by iterating).

# %% grading="skip"
web = {0: [1, 2], 1: [2], 2: [0], 3: [2, 4], 4: [5, 6], 5: [4], 6: [4, 7],
       7: []}
positions = np.array([[0, 2], [1.2, 2.8], [1.4, 1.3], [2.6, 0.6],
                      [3.8, 1.6], [5.0, 2.6], [4.6, 0.2], [6.0, 0.9]])
N_web = len(web)
link_matrix = np.zeros((N_web, N_web))
for page, targets in web.items():
    link_matrix[page, targets] = 1
walk_rows = link_matrix.copy()
walk_rows[walk_rows.sum(axis=1) == 0] = 1
walk_rows = walk_rows / walk_rows.sum(axis=1, keepdims=True)
G = 0.15 / N_web + 0.85 * walk_rows.T  # column j: where page j sends you
values_g, vectors_g = np.linalg.eig(G)
rank_web = np.real(vectors_g[:, np.argmin(np.abs(values_g - 1))])
rank_web = rank_web / rank_web.sum()

fig, ax = plt.subplots(figsize=(10, 5))
for page, targets in web.items():
    for target in targets:  # stop each arrow at the circle's edge
        ax.annotate("", xy=positions[target], xytext=positions[page],
                    arrowprops={"arrowstyle": "-|>", "color": "0.3",
                                "lw": 1.3, "mutation_scale": 15,
                                "shrinkA": np.sqrt(rank_web[page]) * 47 + 2,
                                "shrinkB": np.sqrt(rank_web[target]) * 47 + 3,
                                "connectionstyle": "arc3,rad=0.12"})
ax.scatter(*positions.T, s=rank_web * 9000, c=rank_web, cmap="viridis",
           edgecolors="k", zorder=3)
for page, (x, y) in enumerate(positions):
    inbound = int(link_matrix[:, page].sum())
    ax.text(x + 0.05, y - np.sqrt(rank_web[page]) * 0.9 - 0.08,
            f"page {page}\nrank {rank_web[page]:.3f}\nin-links: {inbound}",
            ha="center", va="top", fontsize=8)
ax.set(xlim=(-0.7, 6.7), ylim=(-1.0, 3.4), xlabel="x (layout only)",
       ylabel="y (layout only)",
       title="PageRank of a small web (circle area ∝ rank); page 7 has "
             "no links")
plt.show()
print("ranks:", np.round(rank_web, 4), " sum:", rank_web.sum())
try:
    print("your pagerank:", np.round(pagerank(link_matrix), 4))
except NotImplementedError:
    print("Write pagerank to compare.")

# %% [markdown]
# Page 2, with three in-links, ranks first (0.235). The surprise is
# page 0: it has a **single** in-link and still ranks second (0.225), far
# above page 4 (0.150), which has three. Page 0's one link comes from
# page 2, the most important page, which links nowhere else and so hands
# on all of its rank; page 4's links come from pages 3, 5 and 6, which
# have little rank to give (page 3, which nobody links to, lives on the
# random jumps and its share of dead-end page 7's rank: 0.025). Counting
# links misses this; the eigenvector does not. Page 7 passes its rank on to
# the whole web, itself included.
#
# ## Summary
#
# - An **eigenvector** of $A$ is a direction $A$ only stretches:
#   $Av = \lambda v$. The unit circle becomes an ellipse; for a
#   **symmetric** $A$ the eigenvectors are its perpendicular axes, and
#   $\det A$ is the product of the eigenvalues.
# - **Power iteration** applies $A$ again and again; the component along
#   the dominant eigenvector wins by the factor $|\lambda_2/\lambda_1|$ per
#   step. Fix the sign of each iterate; the Rayleigh quotient $v^\top A v$
#   gives $\lambda$ with its sign. It needs only products $Av$ — which is
#   how $\lambda_{\max}$ of a huge Hessian, and so the largest stable
#   learning rate $2/\lambda_{\max}$ of week 8, is found.
# - The **covariance matrix** $C = (X - \bar x)^\top (X - \bar x)/(n-1)$
#   gives the variance $u^\top C u$ in every direction. Centre first.
# - **PCA**: the eigenvectors of $C$, largest eigenvalue first, are the
#   directions of largest variance; the eigenvalues are those variances and
#   add up to the total variance.
# - **Reconstruction** from the top $k$ components is the projection onto
#   a flat through the mean; its squared error is $(n - 1)$ times the
#   dropped variance, and it is exact for $k = d$.
# - **PageRank** is the eigenvector for the eigenvalue 1 of the random
#   surfer's matrix, found by iterating $r \leftarrow (1-d)/N + d M^\top r$.
#
# Next week: from matrices to change. Near any point a smooth function
# looks linear, and its best linear approximation is the **derivative**.
