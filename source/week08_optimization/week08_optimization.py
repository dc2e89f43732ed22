# %% [markdown]
# # Week 8 — Gradient descent: walking downhill
#
# **Why this week matters.** Almost every model you will train — linear
# regression, logistic regression, a transformer with billions of weights —
# is fitted by the same few lines: compute the gradient of the loss, take a
# small step *against* it, repeat. Last week showed that the gradient points
# straight uphill; so minus the gradient points straight downhill, and
# **gradient descent** is a walk down the loss landscape:
#
# $$x_{k+1} = x_k - \text{lr} \cdot \nabla f(x_k).$$
#
# The one number you must choose is the **learning rate** `lr`, the step
# size. Too small and training crawls; too large and it *diverges* — the
# loss explodes to `inf` or `nan`, a sight every practitioner knows. This
# week you will see exactly where the border lies (it is set by the
# curvature of the loss, week 6's second derivative), how **momentum**
# speeds up the walk, and you will train your first model, a linear
# regression, from scratch.
#
# Notation: `x0` is the starting point, `lr` the learning rate, `n_steps`
# the number of steps; a **trajectory** is the array of all visited points,
# one per row.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Gradient descent on a bowl
#
# The simplest landscape with something to learn from is a quadratic bowl,
#
# $$f(x) = \tfrac12 x^\top H x, \qquad \nabla f(x) = Hx,$$
#
# with a symmetric positive definite matrix $H$ (its **Hessian**, the matrix
# of second derivatives). Its contour lines are ellipses around the minimum
# at $0$. Near any minimum, every smooth loss looks like such a bowl, so what
# happens here is what happens at the end of every training run.
#
# Take $H = \operatorname{diag}(1, 10)$: the bowl is gentle along $x_1$ and
# ten times as steep along $x_2$ — a long, narrow valley. What does gradient
# descent do there with different learning rates? And what does momentum
# (section 3) do?

# %% grading="skip"
H_demo = np.array([[1.0, 0.0], [0.0, 10.0]])
start = np.array([-9.0, 2.5])


def walk(lr, n_steps, beta=0.0):
    """Heavy-ball descent on the demo bowl (beta = 0: plain descent)."""
    x, v, path = start.copy(), np.zeros(2), [start.copy()]
    for _ in range(n_steps):
        v = beta * v + H_demo @ x
        x = x - lr * v
        path.append(x)
    return np.array(path)


runs = [("lr = 0.02: safe but slow", walk(0.02, 40)),
        ("lr = 0.18: zigzags across the valley", walk(0.18, 40)),
        ("lr = 0.21 > 2/10: diverges", walk(0.21, 12)),
        ("momentum: lr = 0.02, beta = 0.8", walk(0.02, 40, beta=0.8))]

grid = np.linspace(-10, 10, 200)
G1, G2 = np.meshgrid(grid, np.linspace(-4.5, 4.5, 200))
bowl = 0.5 * (G1**2 + 10 * G2**2)
fig, axes = plt.subplots(2, 2, figsize=(10, 6.5), sharex=True, sharey=True)
for ax, (title, path) in zip(axes.ravel(), runs):
    ax.contour(G1, G2, bowl, levels=np.geomspace(0.5, 200, 12),
               colors="gray", linewidths=0.7)
    ax.plot(path[:, 0], path[:, 1], "o-", color="C3", ms=3, lw=1)
    ax.plot(*start, "ks", label="x0")
    ax.plot(0, 0, "k*", ms=10, label="minimum")
    ax.set(xlim=(-10, 10), ylim=(-4.5, 4.5), title=title,
           xlabel="x1 (curvature 1)", ylabel="x2 (curvature 10)")
axes[0, 0].legend(loc="lower right")
fig.suptitle("Descent on the bowl f = (x1² + 10 x2²) / 2 from the same start")
fig.tight_layout()
plt.show()

# %% [markdown]
# Four different walks from the same start:
#
# - a **small** learning rate heads down smoothly, but 40 steps are not
#   enough to get along the flat valley floor;
# - a **larger** one crosses the steep direction too far and **zigzags**,
#   yet still converges — and moves faster along the valley;
# - slightly larger still, the zigzag grows with every step: **divergence**;
# - **momentum**, with the same small learning rate as the first walk,
#   builds up speed along the valley floor and reaches the minimum.
#
# **Worked example.** For $f(x) = x^2$ (one dimension, $\nabla f = 2x$) from
# $x_0 = 1$ with $\text{lr} = 0.25$: each step is $x \leftarrow x - 0.25
# \cdot 2x = x / 2$, so the trajectory is $1, 0.5, 0.25, 0.125, \dots$

# %% grading="skip"
x = 1.0
trajectory = [x]
for _ in range(3):
    x = x - 0.25 * (2 * x)
    trajectory.append(x)
print(trajectory)

# %% [markdown]
# ### Exercise 1: `gradient_descent(grad, x0, lr, n_steps)`
#
# `grad` is a function that takes a point (a float array) and returns the
# gradient there, as an array, a list or a tuple of `d` numbers. Starting
# from `x0` (a list or 1-D array of `d` numbers, integers allowed), take
# `n_steps` steps $x \leftarrow x - \text{lr}\,\nabla f(x)$ and return the
# **whole trajectory**: a float array of shape `(n_steps + 1, d)` whose
# first row is `x0` and whose row $k$ is the point after $k$ steps. Raise
# `ValueError` if `x0` is empty or not a 1-D vector (a number, or a matrix),
# or if `n_steps` is negative, and do not change `x0`. Every row must be a
# point of its own: updating `x` in place (`x -= ...`) after storing it
# changes the stored rows too.

# %% question="gradient_descent"
def gradient_descent(grad, x0, lr, n_steps):
    """Trajectory of x <- x - lr * grad(x): shape (n_steps + 1, d), row 0 x0.

    x0: list or 1-D array (ints allowed); grad may return a list or array.
    ValueError if x0 is empty or not a 1-D vector, or n_steps is negative.
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be a non-empty 1-D vector")
    if n_steps < 0:
        raise ValueError(f"n_steps must be at least 0, got {n_steps}")
    trajectory = np.empty((n_steps + 1, x.size))
    trajectory[0] = x
    for k in range(n_steps):
        g = np.asarray(grad(x.copy()), dtype=float).ravel()
        if g.shape != x.shape:
            raise ValueError("grad must return one entry per coordinate")
        x = x - lr * g
        trajectory[k + 1] = x
    return trajectory
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Start with `x = np.array(x0, dtype=float)` and a list `[x]`. In a loop of
# `n_steps` iterations, compute `x = x - lr * np.asarray(grad(x))` — a new
# array each time, not `x -= ...`, which would change the rows you already
# stored — and append it. Finish with `np.array(list_of_points)`: that gives
# `n_steps + 1` rows.
# </details>

# %% tests="gradient_descent"
import numpy as np


@test_case(hidden=False)
def test_gd_halving(gradient_descent):
    got = np.asarray(gradient_descent(lambda x: 2 * x, [1.0], 0.25, 3))
    assert got.shape == (4, 1), (
        "3 steps in 1 dimension give a trajectory of shape (4, 1): x0 and "
        "the 3 points after it"
    )
    assert np.allclose(got[:, 0], [1.0, 0.5, 0.25, 0.125]), (
        "for f = x**2 (gradient 2x) from 1 with lr = 0.25 every step halves "
        "x: 1, 0.5, 0.25, 0.125"
    )


@test_case(hidden=False)
def test_gd_shape_and_start(gradient_descent):
    got = np.asarray(gradient_descent(lambda x: x, [3.0, -1.0], 0.1, 5))
    assert got.shape == (6, 2), (
        "the trajectory has shape (n_steps + 1, d)"
    )
    assert np.allclose(got[0], [3.0, -1.0]), "the first row is x0"


@test_case(hidden=True)
def test_gd_matches_reference(gradient_descent):
    rng = np.random.default_rng(601)
    M = rng.normal(size=(4, 4))
    H = M @ M.T / 4 + np.eye(4)
    c = rng.normal(size=4)
    x0 = rng.normal(size=4)
    lr = 0.9 / np.max(np.linalg.eigvalsh(H))
    want = [x0]
    for _ in range(10):
        want.append(want[-1] - lr * (H @ want[-1] - c))
    got = np.asarray(gradient_descent(lambda x: H @ x - c, x0, lr, 10))
    assert got.shape == (11, 4), "the trajectory should have n_steps + 1 rows"
    assert np.allclose(got, np.array(want), rtol=1e-12, atol=1e-12), (
        "the trajectory is not x_{k+1} = x_k - lr * grad(x_k)"
    )


@test_case(hidden=True)
def test_gd_critical_rate(gradient_descent):
    # On f = x^T H x / 2 gradient descent converges for lr < 2 / lambda_max
    # and diverges above it.
    rng = np.random.default_rng(602)
    Q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    H = Q @ np.diag([0.5, 2.0, 8.0]) @ Q.T
    H = (H + H.T) / 2
    x0 = rng.normal(size=3)
    below = np.asarray(gradient_descent(lambda x: H @ x, x0, 0.24, 300))
    above = np.asarray(gradient_descent(lambda x: H @ x, x0, 0.26, 300))
    assert np.linalg.norm(below[-1]) < 1e-6, (
        "just below the critical learning rate descent should converge"
    )
    assert np.linalg.norm(above[-1]) > 1e3, (
        "just above the critical learning rate descent should diverge"
    )


@test_case(hidden=True)
def test_gd_zero_steps(gradient_descent):
    got = np.asarray(gradient_descent(lambda x: 2 * x, [1.5, -2.0], 0.1, 0))
    assert got.shape == (1, 2) and np.allclose(got, [[1.5, -2.0]]), (
        "with n_steps = 0 the trajectory is just x0, as one row"
    )


@test_case(hidden=False)
def test_gd_rows_are_separate_points(gradient_descent):
    got = np.asarray(gradient_descent(lambda x: x, [4.0, -2.0], 0.5, 3))
    assert not np.allclose(got[0], got[-1]), (
        "every row of the trajectory is the same array: copy x before "
        "updating it (x = x - lr * g makes a new array, x -= lr * g changes "
        "the rows already stored)"
    )


@test_case(hidden=True)
def test_gd_list_gradient(gradient_descent):
    try:
        got = gradient_descent(lambda x: [2 * x[0], 4 * x[1]],
                               np.array([2.0, 1.0]), 0.1, 2)
    except TypeError:
        raise AssertionError(
            "gradient_descent raised TypeError for a gradient returned as "
            "a list: turn it into an array, np.asarray(grad(x), dtype=float)"
        ) from None
    want = [[2.0, 1.0], [1.6, 0.6], [1.28, 0.36]]
    assert np.allclose(np.asarray(got, dtype=float), want), (
        "gradient_descent should treat a gradient returned as a list like "
        "the same gradient as an array"
    )


@test_case(hidden=True)
def test_gd_int_start(gradient_descent):
    try:
        got = gradient_descent(lambda x: np.array([2.0, 4.0]) * x,
                               [2, 1], 0.1, 2)
    except TypeError:
        raise AssertionError(
            "gradient_descent raised TypeError for an integer x0: make a "
            "float copy first, np.array(x0, dtype=float)"
        ) from None
    want = [[2.0, 1.0], [1.6, 0.6], [1.28, 0.36]]
    assert np.allclose(np.asarray(got, dtype=float), want), (
        "gradient_descent should treat an integer x0 like the same floats: "
        "the points in between are not integers"
    )


@test_case(hidden=True)
def test_gd_keeps_start(gradient_descent):
    x0 = np.array([4.0, -2.0])
    got = np.asarray(gradient_descent(lambda x: x, x0, 0.5, 3))
    assert np.allclose(got[:, 0], [4.0, 2.0, 1.0, 0.5]), (
        "each step should move to x - lr * grad(x), and earlier rows must "
        "keep their values"
    )
    assert np.array_equal(x0, [4.0, -2.0]), (
        "gradient_descent must not change x0"
    )


@test_case(hidden=True)
def test_gd_empty(gradient_descent):
    try:
        gradient_descent(lambda x: x, [], 0.1, 3)
    except ValueError:
        return
    raise AssertionError("an empty x0 should raise ValueError")


@test_case(hidden=True)
def test_gd_rejects_x0_not_a_vector(gradient_descent):
    for bad in ([[1.0, 2.0], [3.0, 4.0]], 1.5):
        try:
            gradient_descent(lambda x: x, bad, 0.1, 3)
        except ValueError:
            continue
        raise AssertionError(
            "gradient_descent should raise ValueError for an x0 that is not "
            "a 1-D vector (a matrix or a single number)"
        )


@test_case(hidden=True)
def test_gd_rejects_negative_steps(gradient_descent):
    try:
        gradient_descent(lambda x: x, [1.0, 2.0], 0.1, -1)
    except ValueError:
        return
    raise AssertionError(
        "gradient_descent should raise ValueError for a negative n_steps"
    )

# %% [markdown]
# ## 2. How large may a step be? The critical learning rate
#
# Why did 0.18 converge but 0.21 diverge on $\operatorname{diag}(1, 10)$?
# On the bowl, one step is
#
# $$x \leftarrow x - \text{lr}\,Hx = (I - \text{lr}\,H)\,x.$$
#
# Along an eigenvector of $H$ with eigenvalue $\lambda$ (a direction of
# curvature $\lambda$ — the second derivative of $f$ along it), that matrix
# just multiplies by the number $1 - \text{lr}\,\lambda$. So after $k$ steps
# the component along that direction is $(1 - \text{lr}\,\lambda)^k$ times
# what it was. It shrinks if $|1 - \text{lr}\,\lambda| < 1$, that is
# $0 < \text{lr} < 2/\lambda$, and it **explodes** otherwise. Every
# direction must shrink, and the steepest one is the strictest:
#
# $$\text{lr} < \frac{2}{\lambda_{\max}}.$$
#
# Between $1/\lambda$ and $2/\lambda$ the factor is negative: the walk
# overshoots and lands on the other side each time — the zigzag. The
# curvature of the steepest direction caps the step size, while the flattest
# direction ($\lambda_{\min}$) decides how slowly the walk crawls; their
# ratio, the **condition number**, is why narrow valleys are hard.
#
# The picture: the distance from the minimum after 30 steps, for many
# learning rates, on the demo bowl ($\lambda_{\max} = 10$).

# %% grading="skip"
lrs = np.linspace(0.005, 0.25, 300)
final = [np.linalg.norm(walk(lr, 30)[-1]) for lr in lrs]

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.semilogy(lrs, final, "C0", lw=2)
ax.axvline(2 / 10, color="C3", ls="--", label="2 / λ_max = 0.2")
ax.axhline(np.linalg.norm(start), color="gray", ls=":",
           label="distance at the start")
ax.set(title="Distance to the minimum after 30 steps of descent",
       xlabel="learning rate", ylabel="|x_30| (log scale)")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# Left of the red line the walk gets closer (fastest somewhere in between);
# right of it the distance explodes. For a real network $H$ is the Hessian of
# the loss, too large to compute, but the lesson carries over: the sharpest
# curvature of the landscape sets the largest usable learning rate.
#
# **Worked example.** $H = \operatorname{diag}(1, 4)$ has eigenvalues 1 and
# 4, so the critical learning rate is $2/4 = 0.5$. For a non-diagonal
# symmetric $H$, `np.linalg.eigvalsh(H)` returns its eigenvalues in
# increasing order.

# %% grading="skip"
print(np.linalg.eigvalsh(np.array([[1.0, 0.0], [0.0, 4.0]])))
print(np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]])))

# %% [markdown]
# ### Exercise 2: `critical_learning_rate(H)`
#
# For $f(x) = \frac12 x^\top H x$ return $2 / \lambda_{\max}(H)$ as a float.
# This only makes sense for a bowl: raise `ValueError` unless `H` is a
# non-empty square, **symmetric**, **positive definite** matrix (all
# eigenvalues $> 0$). `np.linalg.eigvalsh` is allowed (it assumes symmetry —
# so check symmetry yourself first).

# %% question="critical_learning_rate"
def critical_learning_rate(H):
    """2 / (largest eigenvalue of H), for symmetric positive definite H.

    ValueError unless H is a non-empty, square, symmetric positive definite
    matrix.
    """
    # BEGIN SOLUTION
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError("H must be a non-empty square matrix")
    scale = np.max(np.abs(H))
    if not np.allclose(H, H.T, rtol=1e-10, atol=1e-12 * scale):
        raise ValueError("H must be symmetric")
    eigenvalues = np.linalg.eigvalsh(H)
    if not eigenvalues[0] > 0:
        raise ValueError("H must be positive definite (all eigenvalues > 0)")
    return float(2.0 / eigenvalues[-1])
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the shape, then symmetry with `np.allclose(H, H.T)`. The eigenvalues
# from `np.linalg.eigvalsh(H)` come sorted: the first is the smallest (it
# must be `> 0`), the last the largest.
# </details>

# %% tests="critical_learning_rate"
import numpy as np


@test_case(hidden=False)
def test_critical_diagonal(critical_learning_rate):
    assert np.isclose(critical_learning_rate([[1.0, 0.0], [0.0, 4.0]]), 0.5), (
        "for H = diag(1, 4) the largest eigenvalue is 4, so the critical "
        "learning rate is 2 / 4 = 0.5"
    )


@test_case(hidden=False)
def test_critical_not_a_bowl(critical_learning_rate):
    try:
        critical_learning_rate([[1.0, 2.0], [2.0, 1.0]])
    except ValueError:
        return
    raise AssertionError(
        "[[1, 2], [2, 1]] has a negative eigenvalue (it is a saddle, not a "
        "bowl): critical_learning_rate should raise ValueError"
    )


@test_case(hidden=True)
def test_critical_random_spd(critical_learning_rate):
    # eigvalsh is exact to ~1e-15; rtol 1e-7 also admits careful iterative
    # methods (power iteration).
    rng = np.random.default_rng(611)
    for n in (1, 3, 6):
        M = rng.normal(size=(n, n))
        H = M @ M.T + 0.5 * np.eye(n)
        H = (H + H.T) / 2
        want = 2.0 / np.max(np.linalg.eigvalsh(H))
        assert np.isclose(critical_learning_rate(H), want, rtol=1e-7), (
            "critical_learning_rate is wrong for a random symmetric positive "
            "definite matrix"
        )


@test_case(hidden=True)
def test_critical_rotated_bowl(critical_learning_rate):
    rng = np.random.default_rng(612)
    Q, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    H = Q @ np.diag([0.1, 1.0, 2.5, 5.0]) @ Q.T
    H = (H + H.T) / 2
    got = critical_learning_rate(H)
    assert np.isclose(got, 2.0 / 5.0, rtol=1e-7), (
        "the critical rate is 2 / (largest eigenvalue), whatever the "
        "orientation of the bowl"
    )
    assert np.isclose(critical_learning_rate(10 * H), got / 10, rtol=1e-7), (
        "a bowl 10 times steeper allows a 10 times smaller learning rate"
    )


@test_case(hidden=True)
def test_critical_is_the_border(critical_learning_rate):
    H = np.array([[3.0, 1.0, 0.0], [1.0, 2.0, 0.5], [0.0, 0.5, 4.0]])
    rate = float(critical_learning_rate(H))
    for factor, converges in ((0.98, True), (1.02, False)):
        x = np.ones(3)
        for _ in range(2000):
            x = x - factor * rate * (H @ x)
        assert (np.linalg.norm(x) < 1e-3) == converges, (
            "descent should converge just below the returned rate and "
            "diverge just above it"
        )


@test_case(hidden=True)
def test_critical_requires_symmetry(critical_learning_rate):
    try:
        critical_learning_rate([[2.0, 1.0], [0.0, 3.0]])
    except ValueError:
        return
    raise AssertionError(
        "a non-symmetric matrix is not the Hessian of x^T H x / 2 in this "
        "form: critical_learning_rate should raise ValueError"
    )


@test_case(hidden=True)
def test_critical_requires_positive_definite(critical_learning_rate):
    for bad in ([[2.0, 0.0], [0.0, 0.0]], [[-2.0, 0.0], [0.0, -1.0]],
                [[1.0, 2.0], [2.0, 1.0]], [[-1.0]]):
        try:
            critical_learning_rate(bad)
        except ValueError:
            continue
        raise AssertionError(
            "critical_learning_rate should raise ValueError unless all "
            "eigenvalues are positive"
        )


@test_case(hidden=True)
def test_critical_shapes(critical_learning_rate):
    assert np.isclose(critical_learning_rate([[4]]), 0.5), (
        "critical_learning_rate is wrong for a 1x1 matrix"
    )
    for bad in ([], [[]], [1.0, 2.0], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]):
        try:
            critical_learning_rate(bad)
        except ValueError:
            continue
        raise AssertionError(
            "critical_learning_rate should raise ValueError unless H is a "
            "non-empty square matrix"
        )


@test_case(hidden=True)
def test_critical_keeps_input(critical_learning_rate):
    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    assert np.isclose(critical_learning_rate(H), 2.0 / 3.0), (
        "critical_learning_rate is wrong for a 2x2 symmetric matrix"
    )
    assert np.array_equal(H, [[2.0, 1.0], [1.0, 2.0]]), (
        "critical_learning_rate must not change H"
    )

# %% [markdown]
# ## 3. Momentum: a heavy ball rolling down
#
# In a narrow valley plain descent wastes its effort: the gradient points
# mostly *across* the valley, so the walk zigzags from wall to wall and
# creeps along the floor. **Momentum** gives the walker inertia. It keeps a
# velocity $v$, a running sum of past gradients in which older ones fade by
# a factor $\beta$ (typically 0.9) each step:
#
# $$v_0 = 0, \qquad v \leftarrow \beta v + \nabla f(x), \qquad
#   x \leftarrow x - \text{lr}\,v.$$
#
# (This is the form used by common frameworks' "SGD with momentum".) Across
# the valley the gradients alternate in sign and cancel in $v$; along the
# valley they agree and add up, so the ball picks up speed — up to
# $1/(1-\beta)$ times the plain step when the slope is constant. The first
# figure showed the path; here is the loss along such walks, on the same
# bowl.
#
# With the same learning rate, momentum is far faster. It also wins against
# the *best* plain learning rate when both are tuned: on a bowl, plain
# descent shrinks the error by at best a factor about $(\kappa - 1)/(\kappa +
# 1)$ per step, where $\kappa = \lambda_{\max}/\lambda_{\min}$ is the
# condition number, while well-tuned momentum achieves $(\sqrt\kappa - 1)/
# (\sqrt\kappa + 1)$ — here $0.82$ against $0.52$.

# %% grading="skip"
def bowl_loss(path):
    return 0.5 * (path[:, 0] ** 2 + 10 * path[:, 1] ** 2)


fig, ax = plt.subplots(figsize=(7, 4.5))
for lr, beta, label in [
        (0.02, 0.0, "plain, lr = 0.02"),
        (0.02, 0.8, "momentum, lr = 0.02, beta = 0.8"),
        (0.18, 0.0, "plain, lr = 0.18 (best for plain descent)"),
        (0.23, 0.27, "momentum, lr = 0.23, beta = 0.27 (tuned)")]:
    ax.semilogy(bowl_loss(walk(lr, 100, beta)), label=label)
ax.set(title="Loss during descent on the narrow bowl",
       xlabel="step", ylabel="loss f(x) (log scale)")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# **Worked example.** $f(x) = x^2$, $x_0 = 1$, $\text{lr} = 0.1$,
# $\beta = 0.5$. Step 1: $v = 0.5 \cdot 0 + 2 = 2$, $x = 1 - 0.2 = 0.8$.
# Step 2: $v = 0.5 \cdot 2 + 1.6 = 2.6$, $x = 0.8 - 0.26 = 0.54$. (Plain
# descent would be at $0.8 \cdot 0.8 = 0.64$.)

# %% grading="skip"
x, v = 1.0, 0.0
for step in (1, 2):
    v = 0.5 * v + 2 * x
    x = x - 0.1 * v
    print(f"step {step}: v = {v:.2f}, x = {x:.2f}")

# %% [markdown]
# ### Exercise 3: `momentum_descent(grad, x0, lr, beta, n_steps)`
#
# Heavy-ball momentum exactly as above ($v_0 = 0$; first update $v$, then
# $x$). Return the trajectory, shape `(n_steps + 1, d)`, first row `x0`.
# As in `gradient_descent`: `x0` may be a list or array of integers or
# floats, `grad` may return a list, a tuple or an array; raise `ValueError`
# if `x0` is empty or not a 1-D vector, or if `n_steps` is negative; do not
# change `x0`, and keep every row a point of its own.

# %% question="momentum_descent"
def momentum_descent(grad, x0, lr, beta, n_steps):
    """Trajectory of v <- beta v + grad(x); x <- x - lr v, from v = 0.

    Shape (n_steps + 1, d), first row x0.
    x0: list or 1-D array (ints allowed); grad may return a list or array.
    ValueError if x0 is empty or not a 1-D vector, or n_steps is negative.
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be a non-empty 1-D vector")
    if n_steps < 0:
        raise ValueError(f"n_steps must be at least 0, got {n_steps}")
    velocity = np.zeros_like(x)
    trajectory = [x]
    for _ in range(n_steps):
        g = np.asarray(grad(x.copy()), dtype=float).ravel()
        if g.shape != x.shape:
            raise ValueError("grad must return one entry per coordinate")
        velocity = beta * velocity + g
        x = x - lr * velocity
        trajectory.append(x)
    return np.array(trajectory)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Same loop as `gradient_descent`, with one more variable:
# `v = np.zeros_like(x)` before the loop; inside, first
# `v = beta * v + g`, then `x = x - lr * v`. Note the **plus** sign in the
# velocity update — the minus comes in the position update.
# </details>

# %% tests="momentum_descent"
import numpy as np


@test_case(hidden=False)
def test_momentum_by_hand(momentum_descent):
    got = np.asarray(momentum_descent(lambda x: 2 * x, [1.0], 0.1, 0.5, 2))
    assert got.shape == (3, 1), "2 steps give 3 rows: x0 and two points"
    assert np.allclose(got[:, 0], [1.0, 0.8, 0.54]), (
        "for f = x**2 from 1 with lr = 0.1, beta = 0.5: v = 2, x = 0.8; "
        "then v = 0.5 * 2 + 1.6 = 2.6, x = 0.8 - 0.26 = 0.54"
    )


@test_case(hidden=False)
def test_momentum_shape_and_start(momentum_descent):
    got = np.asarray(momentum_descent(lambda x: x, [3.0, -1.0], 0.1, 0.9, 4))
    assert got.shape == (5, 2), "the trajectory has shape (n_steps + 1, d)"
    assert np.allclose(got[0], [3.0, -1.0]), "the first row is x0"


@test_case(hidden=True)
def test_momentum_matches_reference(momentum_descent):
    rng = np.random.default_rng(621)
    M = rng.normal(size=(3, 3))
    H = M @ M.T / 3 + 0.2 * np.eye(3)
    c = rng.normal(size=3)
    x0 = rng.normal(size=3)
    lr, beta = 0.3 / np.max(np.linalg.eigvalsh(H)), 0.9
    x, v, want = x0.copy(), np.zeros(3), [x0.copy()]
    for _ in range(15):
        v = beta * v + (H @ x - c)
        x = x - lr * v
        want.append(x)
    got = np.asarray(momentum_descent(lambda z: H @ z - c, x0, lr, beta, 15))
    assert got.shape == (16, 3), "the trajectory should have n_steps + 1 rows"
    assert np.allclose(got, np.array(want), rtol=1e-12, atol=1e-12), (
        "the trajectory does not follow v <- beta v + grad(x), "
        "x <- x - lr v with v = 0 at the start"
    )


@test_case(hidden=True)
def test_momentum_beta_zero_is_plain_descent(momentum_descent):
    rng = np.random.default_rng(622)
    x0 = rng.normal(size=4)
    scales = np.array([1.0, 2.0, 3.0, 4.0])
    want = [x0]
    for _ in range(6):
        want.append(want[-1] - 0.1 * scales * want[-1])
    got = np.asarray(momentum_descent(lambda z: scales * z, x0, 0.1, 0.0, 6))
    assert np.allclose(got, np.array(want), rtol=1e-12, atol=1e-14), (
        "with beta = 0 momentum descent should be plain gradient descent"
    )


@test_case(hidden=True)
def test_momentum_faster_in_a_valley(momentum_descent):
    H = np.diag([0.05, 1.0])
    x0 = [10.0, 1.0]
    plain = np.asarray(momentum_descent(lambda z: H @ z, x0, 0.5, 0.0, 100))
    heavy = np.asarray(momentum_descent(lambda z: H @ z, x0, 0.5, 0.8, 100))
    assert np.linalg.norm(heavy[-1]) < 0.01 * np.linalg.norm(plain[-1]), (
        "with beta = 0.8 momentum should get much closer to the minimum of "
        "a narrow valley than plain descent"
    )


@test_case(hidden=True)
def test_momentum_zero_steps(momentum_descent):
    got = np.asarray(momentum_descent(lambda x: x, [2.0, 5.0], 0.1, 0.9, 0))
    assert got.shape == (1, 2) and np.allclose(got, [[2.0, 5.0]]), (
        "with n_steps = 0 the trajectory is just x0, as one row"
    )


@test_case(hidden=True)
def test_momentum_keeps_start(momentum_descent):
    x0 = np.array([1.0, -1.0])
    got = np.asarray(momentum_descent(lambda x: 2 * x, x0, 0.1, 0.5, 2))
    assert np.allclose(got, [[1.0, -1.0], [0.8, -0.8], [0.54, -0.54]]), (
        "wrong trajectory (earlier rows must keep their values)"
    )
    assert np.array_equal(x0, [1.0, -1.0]), (
        "momentum_descent must not change x0"
    )


@test_case(hidden=False)
def test_momentum_rows_are_separate_points(momentum_descent):
    got = np.asarray(momentum_descent(lambda x: x, [4.0, -2.0], 0.5, 0.5, 3))
    assert not np.allclose(got[0], got[-1]), (
        "every row of the trajectory is the same array: copy x before "
        "updating it (x = x - lr * v makes a new array, x -= lr * v changes "
        "the rows already stored)"
    )


@test_case(hidden=True)
def test_momentum_empty(momentum_descent):
    try:
        momentum_descent(lambda x: x, [], 0.1, 0.9, 3)
    except ValueError:
        return
    raise AssertionError("an empty x0 should raise ValueError")


@test_case(hidden=True)
def test_momentum_list_gradient(momentum_descent):
    try:
        got = momentum_descent(lambda x: [2 * x[0], 2 * x[1]],
                               np.array([1.0, -1.0]), 0.1, 0.5, 2)
    except TypeError:
        raise AssertionError(
            "momentum_descent raised TypeError for a gradient returned as "
            "a list: turn it into an array, np.asarray(grad(x), dtype=float)"
        ) from None
    want = [[1.0, -1.0], [0.8, -0.8], [0.54, -0.54]]
    assert np.allclose(np.asarray(got, dtype=float), want), (
        "momentum_descent should treat a gradient returned as a list like "
        "the same gradient as an array"
    )


@test_case(hidden=True)
def test_momentum_int_start(momentum_descent):
    try:
        got = momentum_descent(lambda x: 2.0 * x, [1, -1], 0.1, 0.5, 2)
    except TypeError:
        raise AssertionError(
            "momentum_descent raised TypeError for an integer x0: make a "
            "float copy first, np.array(x0, dtype=float)"
        ) from None
    want = [[1.0, -1.0], [0.8, -0.8], [0.54, -0.54]]
    assert np.allclose(np.asarray(got, dtype=float), want), (
        "momentum_descent should treat an integer x0 like the same floats: "
        "the points in between are not integers"
    )


@test_case(hidden=True)
def test_momentum_rejects_x0_not_a_vector(momentum_descent):
    for bad in ([[1.0, 2.0], [3.0, 4.0]], 1.5):
        try:
            momentum_descent(lambda x: x, bad, 0.1, 0.9, 3)
        except ValueError:
            continue
        raise AssertionError(
            "momentum_descent should raise ValueError for an x0 that is not "
            "a 1-D vector (a matrix or a single number)"
        )


@test_case(hidden=True)
def test_momentum_rejects_negative_steps(momentum_descent):
    try:
        momentum_descent(lambda x: x, [1.0, 2.0], 0.1, 0.9, -1)
    except ValueError:
        return
    raise AssertionError(
        "momentum_descent should raise ValueError for a negative n_steps"
    )

# %% [markdown]
# ## 4. Training a model: linear regression by gradient descent
#
# Now a real learning problem. Data: $N$ samples, the rows of $X$ ($N \times
# d$), with targets $y$. Model: $\hat y = Xw + b$, a weight vector $w$ and a
# bias $b$. Loss: the **mean squared error**
#
# $$L(w, b) = \frac1N \sum_{i=1}^N (x_i \cdot w + b - y_i)^2
#   = \frac1N \|Xw + b - y\|^2.$$
#
# With the residuals $r = Xw + b - y$, the chain rule gives the gradient
# (each square contributes $2 r_i$ times the derivative of $r_i$):
#
# $$\nabla_w L = \frac2N X^\top r, \qquad
#   \frac{\partial L}{\partial b} = \frac2N \sum_i r_i.$$
#
# Don't drop the 2! (Some books put a $\frac12$ in front of the loss to cancel
# it; we don't, so here it stays.) Gradient descent from $w = 0$, $b = 0$
# updates **both** $w$ and $b$ with these gradients, computed at the same
# point. The loss is a quadratic bowl in $(w, b)$, so everything from
# sections 1–2 applies, and for a small enough learning rate it walks to the
# least-squares solution.
#
# The picture: a line fitted to noisy data, after a few steps and after
# many.

# %% grading="skip"
rng = np.random.default_rng(6)
x_data = rng.uniform(-2, 3, size=40)
y_data = 1.5 * x_data + 2.0 + rng.normal(scale=0.8, size=40)


def mse_steps(lr, n_steps):
    w, b, losses, lines = 0.0, 0.0, [], []
    for _ in range(n_steps):
        r = w * x_data + b - y_data
        losses.append(np.mean(r**2))
        lines.append((w, b))
        w, b = w - lr * 2 * np.mean(r * x_data), b - lr * 2 * np.mean(r)
    return losses, lines


losses, lines = mse_steps(0.05, 200)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.3))
ax1.scatter(x_data, y_data, s=12, color="gray", label="data")
xs = np.linspace(-2, 3, 2)
for step in (1, 5, 20, 199):
    w, b = lines[step]
    ax1.plot(xs, w * xs + b,
             label=f"after {step} step" + ("s" if step > 1 else ""))
ax1.set(title="The fitted line during training", xlabel="feature x",
        ylabel="target y")
ax1.legend(fontsize=8)
ax2.semilogy(losses, "C0")
ax2.set(title="Mean squared error during training", xlabel="step",
        ylabel="loss (log scale)")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# **Worked example.** $X = \begin{pmatrix}1\\2\\3\end{pmatrix}$,
# $y = (2, 4, 6)$, $\text{lr} = 0.01$, one step from $w = 0, b = 0$. The
# residuals are $r = -y = (-2, -4, -6)$, so $\nabla_w L = \frac23(1 \cdot
# (-2) + 2 \cdot (-4) + 3 \cdot (-6)) = -\frac{56}{3}$ and $\partial L /
# \partial b = \frac23(-12) = -8$. After the step, $w = 0.1867$ and
# $b = 0.08$.

# %% grading="skip"
X_small = np.array([[1.0], [2.0], [3.0]])
y_small = np.array([2.0, 4.0, 6.0])
r = X_small @ np.zeros(1) + 0.0 - y_small
print("w:", 0 - 0.01 * 2 * X_small.T @ r / 3, " b:", 0 - 0.01 * 2 * np.mean(r))

# %% [markdown]
# ### Exercise 4: `fit_linear_regression(X, y, lr, n_steps)`
#
# Start at $w = 0$ (a vector of length $d$) and $b = 0$, take `n_steps`
# plain gradient descent steps on the mean squared error above (no
# $\frac12$), updating $w$ and $b$ together, and return the tuple `(w, b)`:
# `w` a float array of shape `(d,)`, `b` a float. Raise `ValueError` if `X`
# is not a non-empty 2-D array or `y` does not have one entry per row of
# `X`. Do not change `X` or `y`.

# %% question="fit_linear_regression"
def fit_linear_regression(X, y, lr, n_steps):
    """(w, b) after n_steps of gradient descent on mean((X w + b - y)**2).

    Starts at w = 0, b = 0. ValueError for an empty or non-2-D X, or a y
    whose length differs from the number of rows of X.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (N, d) matrix")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} entries, one per row")
    n_samples = X.shape[0]
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_steps):
        residual = X @ w + b - y
        grad_w = 2.0 * (X.T @ residual) / n_samples
        grad_b = 2.0 * np.mean(residual)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# In each step compute the residuals `r = X @ w + b - y` **once**, then both
# gradients `2 * X.T @ r / N` and `2 * np.mean(r)` from the same `r`, then
# update `w` and `b`. Return `w, float(b)`.
# </details>

# %% tests="fit_linear_regression"
import numpy as np


@test_case(hidden=False)
def test_linreg_one_step(fit_linear_regression):
    w, b = fit_linear_regression([[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0],
                                 0.01, 1)
    w = np.asarray(w, dtype=float)
    assert w.shape == (1,), "w has one entry per column of X"
    assert np.allclose(w, [0.56 / 3]) and np.isclose(b, 0.08), (
        "one step from w = 0, b = 0 with lr = 0.01 gives w = 0.01 * 56/3 and "
        "b = 0.01 * 8 (gradients 2/N X^T r and 2 mean(r), r = Xw + b - y)"
    )


@test_case(hidden=False)
def test_linreg_recovers_a_line(fit_linear_regression):
    X = [[0.0], [1.0], [2.0], [3.0]]
    y = [1.0, 3.0, 5.0, 7.0]  # y = 2x + 1 exactly
    w, b = fit_linear_regression(X, y, 0.05, 1000)
    assert np.allclose(np.asarray(w, dtype=float), [2.0], atol=1e-4), (
        "after 1000 steps the slope should be close to 2"
    )
    assert np.isclose(b, 1.0, atol=1e-4), (
        "after 1000 steps the intercept should be close to 1"
    )


@test_case(hidden=True)
def test_linreg_matches_reference_steps(fit_linear_regression):
    # An exact trajectory check: a gradient missing the factor 2, a sum
    # instead of a mean, or a bias left alone all end elsewhere.
    rng = np.random.default_rng(631)
    X = rng.normal(size=(20, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 3.0 + rng.normal(size=20)
    for n_steps in (1, 2, 5):
        w, b = np.zeros(3), 0.0
        for _ in range(n_steps):
            r = X @ w + b - y
            w, b = w - 0.05 * 2 * X.T @ r / 20, b - 0.05 * 2 * np.mean(r)
        got_w, got_b = fit_linear_regression(X, y, 0.05, n_steps)
        assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-10,
                           atol=1e-12), (
            "w after a few steps does not match gradient descent on the "
            "mean squared error (no 1/2)"
        )
        assert np.isclose(got_b, b, rtol=1e-10, atol=1e-12), (
            "b after a few steps does not match gradient descent on the "
            "mean squared error (no 1/2)"
        )


@test_case(hidden=True)
def test_linreg_converges_to_least_squares(fit_linear_regression):
    rng = np.random.default_rng(632)
    X = rng.normal(size=(60, 3))
    y = X @ np.array([0.5, 1.5, -1.0]) - 2.0 + 0.3 * rng.normal(size=60)
    A = np.hstack([X, np.ones((60, 1))])
    lr = 1.0 / np.max(np.linalg.eigvalsh(2 * A.T @ A / 60))
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    w, b = fit_linear_regression(X, y, lr, 500)
    assert np.allclose(np.asarray(w, dtype=float), coef[:3], atol=1e-6), (
        "after many steps w should match the least-squares solution"
    )
    assert np.isclose(b, coef[3], atol=1e-6), (
        "after many steps b should match the least-squares intercept"
    )


@test_case(hidden=True)
def test_linreg_zero_steps(fit_linear_regression):
    w, b = fit_linear_regression([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0], 0.1, 0)
    assert np.allclose(np.asarray(w, dtype=float), [0.0, 0.0]), (
        "with n_steps = 0 the weights stay at their start, w = 0"
    )
    assert np.isclose(b, 0.0), "with n_steps = 0 the bias stays at 0"
    assert np.ndim(b) == 0, "b should be a single number"


@test_case(hidden=True)
def test_linreg_bias_only_data(fit_linear_regression):
    # A constant target with an uninformative feature: all the work is in b.
    X = [[1.0], [-1.0], [1.0], [-1.0]]
    w, b = fit_linear_regression(X, [5.0, 5.0, 5.0, 5.0], 0.1, 200)
    assert np.isclose(b, 5.0, atol=1e-6), (
        "the bias must be learned too: with a useless feature the best fit "
        "is a constant"
    )
    assert np.allclose(np.asarray(w, dtype=float), [0.0], atol=1e-6), (
        "the feature is useless here: its weight should stay at 0"
    )


@test_case(hidden=True)
def test_linreg_keeps_inputs(fit_linear_regression):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    w, b = fit_linear_regression(X, y, 0.1, 3)
    assert np.asarray(w).shape == (2,) and np.all(np.isfinite(w)), (
        "w should be a vector with one entry per feature"
    )
    assert np.array_equal(X, [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), (
        "fit_linear_regression must not change X"
    )
    assert np.array_equal(y, [1.0, 2.0, 3.0]), (
        "fit_linear_regression must not change y"
    )


@test_case(hidden=True)
def test_linreg_invalid(fit_linear_regression):
    for X, y in (([[1.0], [2.0]], [1.0, 2.0, 3.0]), ([], []),
                 ([[1.0, 2.0]], [1.0, 2.0]), ([[1.0], [2.0], [3.0]], [2.0])):
        try:
            fit_linear_regression(X, y, 0.1, 5)
        except ValueError:
            continue
        raise AssertionError(
            "fit_linear_regression should raise ValueError for an empty X or "
            "a y whose length differs from the number of rows of X"
        )

# %% [markdown]
# ## Summary
#
# - **Gradient descent** walks against the gradient:
#   $x \leftarrow x - \text{lr}\,\nabla f(x)$.
# - On a quadratic bowl each eigen-direction shrinks by $1 - \text{lr}\,
#   \lambda$ per step: descent converges exactly when
#   $\text{lr} < 2/\lambda_{\max}$. The sharpest curvature caps the
#   learning rate; the flattest sets the pace.
# - **Momentum** accumulates gradients: zigzags cancel, consistent slopes
#   add up, and narrow valleys are crossed much faster.
# - **Training** a linear regression is gradient descent on the mean squared
#   error; its gradient is $\frac2N X^\top r$ — with the 2.
#
# Next week: probability. Where do losses like the mean squared error come
# from? From maximum likelihood — and for that we need random variables and
# expectations.
