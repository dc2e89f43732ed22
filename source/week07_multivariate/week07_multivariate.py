# %% [markdown]
# # Week 7 — Gradients: the direction of steepest ascent
#
# **Why this week matters.** A neural network's loss is a function of *all*
# its weights at once — thousands or billions of numbers. Training asks one
# question over and over: *which way should I change all these weights so
# that the loss drops fastest?* The answer is an arrow in weight space, the
# **gradient**. Backpropagation is nothing but an efficient way to compute
# it, and gradient descent (next week) is nothing but walking against it.
#
# Picture the loss as a landscape: two weights are the map coordinates, the
# loss is the altitude. This week you will see that
#
# - a **partial derivative** is the slope of the landscape along one axis,
# - the **gradient** collects those slopes into one arrow that points
#   straight **uphill**, perpendicular to the contour lines,
# - the slope in *any* direction is a dot product with the gradient,
# - the **Jacobian** does the same for functions with many outputs (a layer
#   of a network), and
# - a **gradient check** catches the bugs of hand-written gradients.
#
# Notation: $x = (x_1, \dots, x_n)$ is a point (a vector of weights), and
# $f(x)$ a number (the loss). In code, coordinates are numbered from 0.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Partial derivatives: slopes along the axes
#
# Freeze every coordinate except one, $x_i$. What is left is an ordinary
# function of one variable — a slice through the landscape along the $i$-th
# axis — and its slope is the **partial derivative** $\partial f / \partial
# x_i$. Numerically it is last week's central difference, with the step
# taken along the $i$-th axis only. Writing $e_i$ for the vector with a 1 in
# position $i$ and 0 elsewhere,
#
# $$\frac{\partial f}{\partial x_i}(x) \approx
#   \frac{f(x + h e_i) - f(x - h e_i)}{2h}.$$
#
# **Worked example.** $f(x) = x_0^2 x_1$ at $x = (1, 2)$. Freezing $x_1 = 2$
# leaves $2 x_0^2$, with slope $4 x_0 = 4$; freezing $x_0 = 1$ leaves $x_1$,
# with slope $1$. Numerically:

# %% grading="skip"
def f_example(x):
    return x[0] ** 2 * x[1]


point = np.array([1.0, 2.0])
h = 1e-5
e0 = np.array([1.0, 0.0])
e1 = np.array([0.0, 1.0])
print("d f / d x0:", (f_example(point + h * e0)
                      - f_example(point - h * e0)) / (2 * h))
print("d f / d x1:", (f_example(point + h * e1)
                      - f_example(point - h * e1)) / (2 * h))

# %% [markdown]
# Note that we built **new** arrays `point + h * e0`. A tempting shortcut is
# to change the input in place, `x[i] += h`, evaluate, and change it back.
# That silently modifies the caller's array — in training code that is the
# model's weights! Our functions never mutate their inputs.
#
# ### Exercise 1: `partial_derivative(f, x, i, h=1e-5)`
#
# Return the central-difference estimate of $\partial f / \partial x_i$ at
# `x`, as a float. `f` takes a 1-D numpy array of floats and returns a number;
# `x` is a list or 1-D array (possibly of integers — convert to float); `i` is
# an index `0 <= i < len(x)`, otherwise raise `ValueError`.

# %% question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    """Central difference of f along coordinate i at x, as a float.

    ValueError unless x is a non-empty vector and 0 <= i < len(x).
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)  # a new float array: never touch the input
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty 1-D vector")
    if isinstance(i, bool) or not isinstance(i, (int, np.integer)):
        raise ValueError(f"i must be an integer index, got {i!r}")
    if not 0 <= i < x.size:
        raise ValueError(f"index {i} is out of range for {x.size} coordinates")
    step = np.zeros_like(x)
    step[i] = h
    return float((f(x + step) - f(x - step)) / (2 * h))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert `x` with `np.array(x, dtype=float)`, check `i`, then make a vector
# `step = np.zeros_like(x)` with `step[i] = h`. The answer is
# `(f(x + step) - f(x - step)) / (2 * h)`: `x + step` is a new array, so the
# input is never changed.
# </details>

# %% tests="partial_derivative"
import numpy as np


@test_case(hidden=False)
def test_partial_small(partial_derivative):
    def f(x):
        return x[0] ** 2 * x[1]

    assert np.isclose(partial_derivative(f, [1, 2], 0), 4.0, atol=1e-6), (
        "for f = x0**2 * x1 at (1, 2), d f / d x0 = 2 * x0 * x1 = 4"
    )
    assert np.isclose(partial_derivative(f, [1, 2], 1), 1.0, atol=1e-6), (
        "for f = x0**2 * x1 at (1, 2), d f / d x1 = x0**2 = 1"
    )


@test_case(hidden=False)
def test_partial_bad_index(partial_derivative):
    try:
        partial_derivative(lambda x: float(np.sum(x)), [1.0, 2.0], 2)
    except ValueError:
        return
    raise AssertionError(
        "index 2 does not exist for a 2-vector: partial_derivative should "
        "raise ValueError"
    )


@test_case(hidden=True)
def test_partial_random_quadratic(partial_derivative):
    # f = 1/2 x^T A x + b.x has gradient A x + b; central differences are
    # exact for quadratics up to rounding (~1e-10 here).
    rng = np.random.default_rng(501)
    M = rng.normal(size=(4, 4))
    A = (M + M.T) / 2
    b = rng.normal(size=4)

    def f(x):
        return 0.5 * x @ A @ x + b @ x

    x = rng.normal(size=4)
    want = A @ x + b
    for i in range(4):
        got = partial_derivative(f, x, i)
        assert np.isclose(got, want[i], rtol=0, atol=1e-6), (
            "partial_derivative is wrong on a random quadratic"
        )


@test_case(hidden=True)
def test_partial_only_moves_one_coordinate(partial_derivative):
    def f(x):
        return 3.0 * x[0] - 5.0 * x[1] + 7.0 * x[2]

    got = [partial_derivative(f, [0.5, -1.0, 2.0], i) for i in range(3)]
    assert np.allclose(got, [3.0, -5.0, 7.0], atol=1e-6), (
        "partial_derivative must change only coordinate i"
    )


@test_case(hidden=True)
def test_partial_is_central(partial_derivative):
    # Curvature 200 along coordinate 1: a one-sided difference is off by
    # about 1e-3, the central one only by rounding.
    def f(x):
        return 100.0 * x[1] ** 2 + x[0] * x[1]

    x = np.array([0.3, -0.7])
    got = partial_derivative(f, x, 1)
    assert np.isclose(got, 200.0 * x[1] + x[0], rtol=0, atol=1e-5), (
        "partial_derivative is inaccurate on a curved function: use the "
        "central difference"
    )


@test_case(hidden=True)
def test_partial_uses_h(partial_derivative):
    # Along x1, f = x1**3 * 2, so the central difference is 2 (3 x1**2 + h**2).
    def f(x):
        return 2.0 * x[1] ** 3 + x[0]

    got = partial_derivative(f, [1.0, 1.5], 1, h=0.1)
    assert np.isclose(got, 2 * (3 * 1.5**2 + 0.01), rtol=1e-9), (
        "partial_derivative ignores its h, or is not the central difference"
    )


@test_case(hidden=True)
def test_partial_keeps_input(partial_derivative):
    x = np.array([0.25, -1.5, 2.0])
    got = partial_derivative(lambda z: float(np.sum(np.sin(z))), x, 1)
    assert np.isclose(got, np.cos(-1.5), atol=1e-8), (
        "partial_derivative is wrong on a smooth function"
    )
    assert np.array_equal(x, [0.25, -1.5, 2.0]), (
        "partial_derivative must not change x (build new arrays x + h e_i)"
    )


@test_case(hidden=True)
def test_partial_invalid(partial_derivative):
    def f(x):
        return float(np.sum(x))

    for x, i in (([1.0, 2.0, 3.0], 3), ([1.0], 5), ([], 0)):
        try:
            partial_derivative(f, x, i)
        except ValueError:
            continue
        raise AssertionError(
            "partial_derivative should raise ValueError for an index out of "
            "range or an empty x"
        )

# %% [markdown]
# ## 2. The gradient points uphill
#
# Collect all partial derivatives into one vector, the **gradient**
#
# $$\nabla f(x) = \left(\frac{\partial f}{\partial x_1}(x), \dots,
#   \frac{\partial f}{\partial x_n}(x)\right).$$
#
# It is an arrow attached to every point of the landscape, and it has a
# striking geometric meaning: **it points in the direction of steepest
# ascent, and its length is the slope in that direction.** It is also
# perpendicular to the contour line through the point (along a contour the
# altitude does not change, so the slope there is zero).
#
# Does that hold on a real landscape? Here is a small, bumpy "loss" of two
# weights with its contour lines and the gradient arrows drawn on a grid.

# %% grading="skip"
def bumpy(x, y):
    return (0.5 * x**2 + y**2 + 0.8 * np.sin(2 * x) * np.cos(y))


def bumpy_grad(x, y):
    gx = x + 1.6 * np.cos(2 * x) * np.cos(y)
    gy = 2 * y - 0.8 * np.sin(2 * x) * np.sin(y)
    return gx, gy


grid_1d = np.linspace(-3, 3, 200)
X_grid, Y_grid = np.meshgrid(grid_1d, grid_1d)
Xq, Yq = np.meshgrid(np.linspace(-2.5, 2.5, 11), np.linspace(-2.5, 2.5, 11))
U, V = bumpy_grad(Xq, Yq)

fig, ax = plt.subplots(figsize=(6.5, 6))
filled = ax.contourf(X_grid, Y_grid, bumpy(X_grid, Y_grid), levels=18,
                     cmap="viridis", alpha=0.5)
ax.contour(X_grid, Y_grid, bumpy(X_grid, Y_grid), levels=18,
           colors="k", linewidths=0.5)
fig.colorbar(filled, ax=ax, label="loss f(w1, w2)")
ax.quiver(Xq, Yq, U, V, color="C3", angles="xy", scale_units="xy",
          scale=12, width=0.005)
ax.set(aspect="equal", title="Gradient arrows point uphill, across contours",
       xlabel="weight w1", ylabel="weight w2")
plt.show()

# %% [markdown]
# Every red arrow crosses the contour lines at a right angle and points
# towards higher loss; the arrows are long where the contours are packed
# tightly (steep ground) and short near the bottom of the valleys, where the
# gradient vanishes. Gradient descent will walk against these arrows.
#
# **Worked example.** For $f(x) = x_0^2 + x_1^2$ (a round bowl) the gradient
# is $(2x_0, 2x_1) = 2x$: it points straight away from the bottom, and is
# longer the higher up the bowl you are. At $(1, -2, 3)$ a 3-D bowl has
# gradient $(2, -4, 6)$.

# %% grading="skip"
x = np.array([1.0, -2.0, 3.0])
print("analytic gradient:", 2 * x)

# %% [markdown]
# ### Exercise 2: `numerical_gradient(f, x, h=1e-5)`
#
# Return the vector of all central-difference partial derivatives of `f` at
# `x`, as a float array of the same length as `x`. Raise `ValueError` for an
# empty `x`. Do not change `x`.

# %% question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    """The central-difference gradient of f at x: a float array, len(x).

    ValueError if x is empty or not a vector.
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty 1-D vector")
    grad = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# A loop over `i in range(len(x))`, each time doing what `partial_derivative`
# does, and storing the result in `grad[i]` of a float array
# `grad = np.zeros(len(x))`. You may call your `partial_derivative`.
# </details>

# %% tests="numerical_gradient"
import numpy as np


@test_case(hidden=False)
def test_gradient_bowl(numerical_gradient):
    got = np.asarray(numerical_gradient(lambda x: np.sum(x**2), [1, -2, 3]))
    assert got.shape == (3,), "the gradient of f: R^3 -> R has 3 entries"
    assert np.allclose(got, [2.0, -4.0, 6.0], atol=1e-6), (
        "the gradient of sum(x**2) at (1, -2, 3) is 2x = (2, -4, 6)"
    )


@test_case(hidden=False)
def test_gradient_product(numerical_gradient):
    got = np.asarray(numerical_gradient(lambda x: x[0] * x[1], [3.0, 5.0]))
    assert np.allclose(got, [5.0, 3.0], atol=1e-6), (
        "the gradient of x0 * x1 is (x1, x0)"
    )


@test_case(hidden=True)
def test_gradient_random_quadratic(numerical_gradient):
    rng = np.random.default_rng(511)
    for n in (1, 3, 6):
        M = rng.normal(size=(n, n))
        A = (M + M.T) / 2
        b = rng.normal(size=n)
        x = rng.normal(size=n)
        got = np.asarray(
            numerical_gradient(lambda z: 0.5 * z @ A @ z + b @ z, x))
        assert got.shape == (n,), "the gradient has one entry per coordinate"
        assert np.allclose(got, A @ x + b, rtol=0, atol=1e-6), (
            "numerical_gradient is wrong on a random quadratic"
        )


@test_case(hidden=True)
def test_gradient_nonlinear(numerical_gradient):
    # log-sum-exp has the softmax as its gradient.
    rng = np.random.default_rng(512)
    x = rng.normal(size=5)
    got = np.asarray(
        numerical_gradient(lambda z: np.log(np.sum(np.exp(z))), x))
    want = np.exp(x) / np.sum(np.exp(x))
    assert np.allclose(got, want, rtol=0, atol=1e-8), (
        "numerical_gradient is wrong on a smooth nonlinear function"
    )


@test_case(hidden=True)
def test_gradient_is_central(numerical_gradient):
    def f(x):
        return 100.0 * np.sum(x**2)

    x = np.array([0.4, -0.9, 1.3])
    got = np.asarray(numerical_gradient(f, x))
    assert np.allclose(got, 200.0 * x, rtol=0, atol=1e-5), (
        "numerical_gradient is inaccurate on a curved function: use central "
        "differences"
    )


@test_case(hidden=True)
def test_gradient_uses_h(numerical_gradient):
    # For sum(c * x**3) the central difference is c (3 x**2 + h**2).
    c = np.array([1.0, -2.0, 0.5])
    x = np.array([1.0, 0.5, -2.0])
    got = np.asarray(
        numerical_gradient(lambda z: np.sum(c * z**3), x, h=0.1))
    assert np.allclose(got, c * (3 * x**2 + 0.01), rtol=1e-9, atol=1e-12), (
        "numerical_gradient ignores its h, or is not the central difference"
    )


@test_case(hidden=True)
def test_gradient_keeps_input(numerical_gradient):
    x = np.array([0.5, -1.0, 2.0, 3.0])
    got = np.asarray(numerical_gradient(lambda z: np.sum(np.sin(z)), x))
    assert np.allclose(got, np.cos([0.5, -1.0, 2.0, 3.0]), atol=1e-8), (
        "numerical_gradient is wrong on a smooth function"
    )
    assert np.array_equal(x, [0.5, -1.0, 2.0, 3.0]), (
        "numerical_gradient must not change x"
    )


@test_case(hidden=True)
def test_gradient_integer_input(numerical_gradient):
    got = np.asarray(numerical_gradient(lambda z: np.sum(z**2) / 4, [1, 3]))
    assert np.allclose(got, [0.5, 1.5], atol=1e-7), (
        "for an integer x the gradient still has fractional entries: work "
        "with float arrays"
    )


@test_case(hidden=True)
def test_gradient_empty(numerical_gradient):
    try:
        numerical_gradient(lambda z: 0.0, [])
    except ValueError:
        return
    raise AssertionError("numerical_gradient of an empty x should raise "
                         "ValueError")

# %% [markdown]
# ## 3. Directional derivatives: slope = dot product with the gradient
#
# Standing at $x$ on the landscape, face a direction given by a **unit**
# vector $u$ and ask how steep the ground is in front of you. That slope is
# the **directional derivative**
#
# $$D_u f(x) \approx \frac{f(x + h u) - f(x - h u)}{2h}.$$
#
# For smooth $f$, walking a tiny step $h u$ changes $f$ by about
# $h\,(\nabla f \cdot u)$, one partial derivative per coordinate of the step.
# So
#
# $$D_u f(x) = \nabla f(x) \cdot u = \|\nabla f(x)\| \cos\theta,$$
#
# where $\theta$ is the angle between $u$ and the gradient (week 1). That one
# line proves the picture of section 2: the slope is largest, equal to
# $\|\nabla f\|$, when $\theta = 0$ — facing along the gradient; it is zero
# at $\theta = 90°$ — along the contour; and most negative facing against
# the gradient, which is why gradient descent goes that way.
#
# Why must $u$ have length 1? Because a slope is "change of height per unit
# of distance walked". A direction given as any non-zero vector $v$ is first
# turned into $u = v / \|v\|$; otherwise doubling $v$ would double the
# "slope". Let us check $D_u f = \|\nabla f\| \cos\theta$ on the bumpy
# landscape, turning around on the spot.

# %% grading="skip"
spot = np.array([1.0, 0.5])
g_spot = np.array(bumpy_grad(*spot))
phis = np.linspace(0, 2 * np.pi, 361)
step = 1e-5
slopes = []
for phi in phis:
    u = np.array([np.cos(phi), np.sin(phi)])
    plus, minus = spot + step * u, spot - step * u
    slopes.append((bumpy(*plus) - bumpy(*minus)) / (2 * step))
phi_grad = np.arctan2(g_spot[1], g_spot[0]) % (2 * np.pi)

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(np.degrees(phis), slopes, "C0", lw=3,
        label="numerical slope in direction φ")
ax.plot(np.degrees(phis),
        np.linalg.norm(g_spot) * np.cos(phis - phi_grad), "k--",
        label="|∇f| cos(φ − angle of ∇f)")
ax.axvline(np.degrees(phi_grad), color="C3", ls=":",
           label="direction of the gradient")
ax.axhline(0, color="gray", lw=0.8)
ax.set(title="Slope at (1, 0.5) in every direction: steepest along ∇f",
       xlabel="direction φ (degrees)", ylabel="directional derivative")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The two curves coincide: the slope is a cosine of the angle to the
# gradient, peaking at $\|\nabla f\|$ exactly in the gradient's direction.
#
# **Worked example.** $f(x) = x_0^2 + 3x_1$ at $x = (1, 1)$, direction
# $v = (3, 4)$. Then $\|v\| = 5$, $u = (0.6, 0.8)$, $\nabla f = (2x_0, 3) =
# (2, 3)$, and $D_u f = 2 \cdot 0.6 + 3 \cdot 0.8 = 3.6$. Forgetting to
# normalise would give $2 \cdot 3 + 3 \cdot 4 = 18$, five times too much.

# %% grading="skip"
v = np.array([3.0, 4.0])
u = v / np.sqrt(np.sum(v**2))
print("u =", u, " grad . u =", np.sum(np.array([2.0, 3.0]) * u))

# %% [markdown]
# ### Exercise 3: `directional_derivative(f, x, v, h=1e-5)`
#
# Return the central-difference slope of `f` at `x` along the unit vector
# $u = v / \|v\|$, as a float. Raise `ValueError` if `v` is the zero vector
# (it has no direction), if `x` is empty, or if `x` and `v` have different
# lengths. Change neither `x` nor `v`.

# %% question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    """Slope of f at x along u = v / |v|: (f(x + h u) - f(x - h u)) / (2 h).

    ValueError for a zero v, an empty x, or lengths that differ.
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.ndim != 1 or x.size == 0 or v.shape != x.shape:
        raise ValueError("x and v must be non-empty vectors of equal length")
    length = np.sqrt(np.sum(v * v))
    if length == 0:
        raise ValueError("the zero vector has no direction")
    u = v / length
    return float((f(x + h * u) - f(x - h * u)) / (2 * h))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Make float copies of `x` and `v`, check the lengths, compute
# `length = np.sqrt(np.sum(v**2))` and raise if it is 0. With `u = v / length`
# (a new array — do not write `v /= length`, that would change the caller's
# `v`), the answer is the central difference along `u`.
# </details>

# %% tests="directional_derivative"
import numpy as np


@test_case(hidden=False)
def test_directional_small(directional_derivative):
    got = directional_derivative(lambda x: x[0] ** 2 + 3 * x[1], [1, 1],
                                 [3, 4])
    assert np.isclose(got, 3.6, atol=1e-6), (
        "for f = x0**2 + 3 x1 at (1, 1) along v = (3, 4): u = (0.6, 0.8), "
        "grad f = (2, 3), slope 2*0.6 + 3*0.8 = 3.6 (did you normalise v?)"
    )


@test_case(hidden=False)
def test_directional_zero_v(directional_derivative):
    try:
        directional_derivative(lambda x: float(np.sum(x)), [1.0, 2.0],
                               [0.0, 0.0])
    except ValueError:
        return
    raise AssertionError(
        "the zero vector has no direction: directional_derivative should "
        "raise ValueError"
    )


@test_case(hidden=True)
def test_directional_random(directional_derivative):
    rng = np.random.default_rng(521)
    M = rng.normal(size=(4, 4))
    A = (M + M.T) / 2
    b = rng.normal(size=4)

    def f(z):
        return 0.5 * z @ A @ z + b @ z

    for _ in range(4):
        x, v = rng.normal(size=(2, 4)) * 2
        want = (A @ x + b) @ (v / np.linalg.norm(v))
        got = directional_derivative(f, x, v)
        assert np.isclose(got, want, rtol=0, atol=1e-6), (
            "directional_derivative is wrong on a random quadratic"
        )


@test_case(hidden=True)
def test_directional_scaling(directional_derivative):
    def f(z):
        return np.sin(z[0]) * np.exp(z[1]) + z[2] ** 2

    x = np.array([0.3, -0.2, 0.7])
    v = np.array([1.0, -2.0, 0.5])
    base = directional_derivative(f, x, v)
    for c in (10.0, 0.01):
        assert np.isclose(directional_derivative(f, x, c * v), base,
                          atol=1e-7), (
            "the slope must not depend on the length of v, only on its "
            "direction"
        )
    assert np.isclose(directional_derivative(f, x, -v), -base, atol=1e-7), (
        "walking the opposite way reverses the slope"
    )


@test_case(hidden=True)
def test_directional_steepest_is_gradient_norm(directional_derivative):
    def f(z):
        return z[0] ** 2 + 4 * z[1] ** 2 + z[0] * z[1]

    x = np.array([1.0, -0.5])
    grad = np.array([2 * x[0] + x[1], 8 * x[1] + x[0]])
    got = directional_derivative(f, x, grad)
    assert np.isclose(got, np.linalg.norm(grad), atol=1e-6), (
        "along the gradient the slope should equal the gradient's length"
    )


@test_case(hidden=True)
def test_directional_is_central_and_uses_h(directional_derivative):
    # Along v = (2, 0) the function is t**3 in x0: central difference
    # 3 t**2 + h**2; one-sided or a fixed step give something else.
    got = directional_derivative(lambda z: z[0] ** 3 + z[1], [1.0, 5.0],
                                 [2.0, 0.0], h=0.1)
    assert np.isclose(got, 3.01, rtol=1e-9), (
        "directional_derivative ignores its h, or is not the central "
        "difference along u"
    )


@test_case(hidden=True)
def test_directional_keeps_inputs(directional_derivative):
    x = np.array([1.0, 2.0])
    v = np.array([3.0, 4.0])
    got = directional_derivative(lambda z: z[0] * z[1], x, v)
    assert np.isclose(got, 2.0 * 0.6 + 1.0 * 0.8, atol=1e-6), (
        "directional_derivative returns a wrong slope"
    )
    assert np.array_equal(x, [1.0, 2.0]) and np.array_equal(v, [3.0, 4.0]), (
        "directional_derivative must change neither x nor v (normalise into "
        "a new array)"
    )


@test_case(hidden=True)
def test_directional_invalid(directional_derivative):
    def f(z):
        return float(np.sum(z))

    for x, v in (([1.0, 2.0, 3.0], [0.0, 0.0, 0.0]), ([1.0, 2.0], [1.0]),
                 ([1.0], [1.0, 1.0]), ([], [])):
        try:
            directional_derivative(f, x, v)
        except ValueError:
            continue
        raise AssertionError(
            "directional_derivative should raise ValueError for a zero v, "
            "mismatched lengths or empty vectors"
        )

# %% [markdown]
# ## 4. The Jacobian: the best linear approximation of a map
#
# A layer of a network is a function $F: \mathbb{R}^n \to \mathbb{R}^m$ — $n$
# numbers in, $m$ numbers out. Each output $F_k$ has its own gradient; stack
# them as the **rows** of an $m \times n$ matrix and you have the **Jacobian**
#
# $$J_F(x) = \begin{pmatrix}
#   \partial F_1/\partial x_1 & \cdots & \partial F_1/\partial x_n \\
#   \vdots & & \vdots \\
#   \partial F_m/\partial x_1 & \cdots & \partial F_m/\partial x_n
# \end{pmatrix}.$$
#
# Read by **columns**, it is even more natural: column $j$ is how the whole
# output moves when input $j$ is nudged, $(F(x + h e_j) - F(x - h e_j)) /
# 2h$. That is exactly week 2's rule "column $j$ of a matrix is the image of
# $e_j$". Geometrically, near $x$ the map $F$ acts like the linear map $J$:
# zoom in far enough and any smooth map is a matrix. For a linear layer
# $F(x) = Wx + b$ the Jacobian is $W$ itself; backpropagation multiplies
# such Jacobians together (the chain rule).
#
# The picture: the polar-coordinate map $F(r, \theta) = (r\cos\theta,
# r\sin\theta)$ bends a small square of $(r, \theta)$ values into a curved
# patch, and $J$ maps the square to a parallelogram that hugs that patch.

# %% grading="skip"
def polar(p):
    r, theta = p
    return np.array([r * np.cos(theta), r * np.sin(theta)])


p0 = np.array([2.0, 0.6])
J0 = np.array([[np.cos(p0[1]), -p0[0] * np.sin(p0[1])],
               [np.sin(p0[1]), p0[0] * np.cos(p0[1])]])
side = 0.2
t = np.linspace(0, 1, 50)
square = np.concatenate([
    np.stack([t, 0 * t]), np.stack([1 + 0 * t, t]),
    np.stack([1 - t, 1 + 0 * t]), np.stack([0 * t, 1 - t])], axis=1) * side
patch = np.array([polar(p0 + s) for s in square.T]).T
linear = polar(p0)[:, None] + J0 @ square

fig, ax = plt.subplots(figsize=(6, 5))
ax.plot(patch[0], patch[1], "C0", lw=3, label="F(small square): curved")
ax.plot(linear[0], linear[1], "C1--", lw=2,
        label="F(x) + J·(square): parallelogram")
ax.plot(*polar(p0), "ko", label="F(x) at r = 2, θ = 0.6")
ax.set(aspect="equal", title="Near a point, a smooth map acts like its "
       "Jacobian", xlabel="output 1: r cos θ", ylabel="output 2: r sin θ")
ax.legend(fontsize=8, loc="lower left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# (And $\det J = r$ here: the local area scaling of week 3. A small square in
# $(r, \theta)$ becomes $r$ times larger — which is why the patch is larger
# than the square, and larger still further out.)
#
# **Worked example.** $F(x) = Ax$ with
# $A = \begin{pmatrix} 1 & 2 & 0 \\ 0 & -1 & 3 \end{pmatrix}$ maps
# $\mathbb{R}^3 \to \mathbb{R}^2$, so $J$ is $2 \times 3$, and it equals $A$.

# %% grading="skip"
A_example = np.array([[1.0, 2.0, 0.0], [0.0, -1.0, 3.0]])
x_example = np.array([0.5, 1.0, -1.0])
columns = []
for j in range(3):
    e_j = np.zeros(3)
    e_j[j] = 1e-5
    columns.append((A_example @ (x_example + e_j)
                    - A_example @ (x_example - e_j)) / 2e-5)
print(np.round(np.stack(columns, axis=1), 6))

# %% [markdown]
# ### Exercise 4: `jacobian(F, x, h=1e-5)`
#
# `F` takes a float vector of length $n$ and returns an array-like of length
# $m$. Return the $m \times n$ central-difference Jacobian of `F` at `x`
# (rows: outputs, columns: inputs) as a float array. Raise `ValueError` for
# an empty `x`. Do not change `x`.

# %% question="jacobian"
def jacobian(F, x, h=1e-5):
    """The (m, n) central-difference Jacobian of F: R^n -> R^m at x.

    Entry [k, j] is the derivative of output k with respect to input j.
    ValueError if x is empty or not a vector.
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty 1-D vector")
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        plus = np.asarray(F(x + step), dtype=float).ravel()
        minus = np.asarray(F(x - step), dtype=float).ravel()
        columns.append((plus - minus) / (2 * h))
    return np.stack(columns, axis=1)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Build the Jacobian column by column: for each input `j`, the central
# difference of the whole output vector, `(F(x + step) - F(x - step)) /
# (2 * h)` (wrap `F(...)` in `np.asarray(..., dtype=float)`). Then
# `np.stack(columns, axis=1)` puts them side by side — `axis=0` would give
# the transpose, of shape (n, m).
# </details>

# %% tests="jacobian"
import numpy as np


@test_case(hidden=False)
def test_jacobian_linear(jacobian):
    A = np.array([[1.0, 2.0, 0.0], [0.0, -1.0, 3.0]])
    got = np.asarray(jacobian(lambda x: A @ x, [0.5, 1.0, -1.0]))
    assert got.shape == (2, 3), (
        "F maps R^3 to R^2, so its Jacobian has shape (2, 3): one row per "
        "output"
    )
    assert np.allclose(got, A, atol=1e-6), (
        "the Jacobian of x -> A x is A"
    )


@test_case(hidden=False)
def test_jacobian_polar(jacobian):
    def F(p):
        return np.array([p[0] * np.cos(p[1]), p[0] * np.sin(p[1])])

    r, t = 2.0, 0.6
    want = [[np.cos(t), -r * np.sin(t)], [np.sin(t), r * np.cos(t)]]
    assert np.allclose(np.asarray(jacobian(F, [r, t])), want, atol=1e-8), (
        "the Jacobian of (r, t) -> (r cos t, r sin t) is "
        "[[cos t, -r sin t], [sin t, r cos t]]"
    )


@test_case(hidden=True)
def test_jacobian_random_rectangular(jacobian):
    rng = np.random.default_rng(531)
    for m, n in ((4, 3), (1, 5), (3, 1)):
        A = rng.normal(size=(m, n))
        c = rng.normal(size=m)
        x = rng.normal(size=n)
        got = np.asarray(jacobian(lambda z: A @ z + c, x))
        assert got.shape == (m, n), (
            "the Jacobian of F: R^n -> R^m must have shape (m, n)"
        )
        assert np.allclose(got, A, atol=1e-8), (
            "jacobian is wrong for an affine map"
        )


@test_case(hidden=True)
def test_jacobian_square_not_transposed(jacobian):
    rng = np.random.default_rng(532)
    A = rng.normal(size=(4, 4))
    x = rng.normal(size=4)
    got = np.asarray(jacobian(lambda z: np.tanh(A @ z), x))
    want = (1 - np.tanh(A @ x) ** 2)[:, None] * A
    assert np.allclose(got, want, atol=1e-8), (
        "jacobian of tanh(A x) is wrong (rows are outputs, columns inputs)"
    )


@test_case(hidden=True)
def test_jacobian_is_central(jacobian):
    def F(z):
        return np.array([50.0 * z[0] ** 2, 50.0 * z[0] * z[1],
                         -80.0 * z[1] ** 2])

    x = np.array([0.7, -0.4])
    want = [[100 * x[0], 0.0], [50 * x[1], 50 * x[0]], [0.0, -160 * x[1]]]
    assert np.allclose(np.asarray(jacobian(F, x)), want, atol=1e-5), (
        "jacobian is inaccurate on a curved map: use central differences"
    )


@test_case(hidden=True)
def test_jacobian_list_output_and_h(jacobian):
    def F(z):
        return [z[0] ** 3, z[0] + z[1]]

    got = np.asarray(jacobian(F, [1.0, 2.0], h=0.1))
    assert np.allclose(got, [[3.01, 0.0], [1.0, 1.0]], rtol=1e-9,
                       atol=1e-12), (
        "jacobian should accept F returning a list, use its h, and use "
        "central differences"
    )


@test_case(hidden=True)
def test_jacobian_keeps_input(jacobian):
    x = np.array([0.5, -0.25, 1.0])
    got = np.asarray(jacobian(lambda z: np.array([np.sum(z**2)]), x))
    assert np.allclose(got, [2 * x], atol=1e-8), (
        "jacobian is wrong for a map with a single output"
    )
    assert np.array_equal(x, [0.5, -0.25, 1.0]), "jacobian must not change x"


@test_case(hidden=True)
def test_jacobian_empty(jacobian):
    try:
        jacobian(lambda z: np.zeros(2), [])
    except ValueError:
        return
    raise AssertionError("jacobian of an empty x should raise ValueError")

# %% [markdown]
# ## 5. Gradient checking: trust, but verify
#
# When you write a gradient by hand — a new loss, a custom layer — the most
# common result is a gradient that is *almost* right: a missing factor 2, a
# sign, a transposed matrix. Training with it still "works", only worse, and
# the bug can hide for weeks. The cure is a **gradient check**: compare the
# analytic gradient $a$ with the numerical one $n$, coordinate by coordinate,
# with a **relative** error
#
# $$\text{err}_i = \frac{|a_i - n_i|}{\max(|a_i| + |n_i|,\ 10^{-12})},$$
#
# and report the worst coordinate, $\max_i \text{err}_i$. Relative, because a
# gradient entry of size $10^6$ with an error of $10^{-3}$ is fine while an
# entry of size $10^{-6}$ with the same error is garbage. The floor
# $10^{-12}$ avoids $0/0$ where both are exactly zero. The **maximum**,
# because one wrong coordinate among a million is still a bug; an average
# would hide it. Rule of thumb: below $10^{-7}$ all is well; around
# $10^{-2}$ or more, something is wrong.
#
# **Worked example.** $f(x) = \sum_i x_i^2$ has gradient $2x$. A buggy
# gradient forgot the 2 and returns $x$. At any coordinate $x_i \ne 0$:
# $|x_i - 2x_i| / (|x_i| + |2x_i|) = 1/3$. A relative error of $1/3$ shouts
# "bug".

# %% grading="skip"
x = np.array([1.0, 2.0, 3.0])
analytic_buggy, numeric = x, 2 * x
print(np.max(np.abs(analytic_buggy - numeric)
             / np.maximum(np.abs(analytic_buggy) + np.abs(numeric), 1e-12)))

# %% [markdown]
# ### Exercise 5: `gradient_check(f, grad_f, x, h=1e-5)`
#
# `grad_f(x)` is a hand-written gradient (returns an array-like of length
# `len(x)`). Compute the numerical central-difference gradient of `f` at `x`
# with step `h`, then the elementwise relative error above, and return its
# maximum as a float. Raise `ValueError` for an empty `x`, or if `grad_f`
# returns the wrong number of entries. Do not change `x`.

# %% question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    """Max over coordinates of |a - n| / max(|a| + |n|, 1e-12), as a float.

    a = grad_f(x) is the analytic gradient, n the central-difference one.
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty 1-D vector")
    analytic = np.asarray(grad_f(x.copy()), dtype=float).ravel()
    if analytic.shape != x.shape:
        raise ValueError("grad_f must return one entry per coordinate of x")
    numeric = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        numeric[i] = (f(x + step) - f(x - step)) / (2 * h)
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), 1e-12)
    return float(np.max(np.abs(analytic - numeric) / scale))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Get `a = np.asarray(grad_f(x), dtype=float)` and the numerical gradient `n`
# (you may call your `numerical_gradient`). Then, elementwise,
# `np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-12)` — note
# `np.maximum` (elementwise), not `np.max` — and return the `np.max` of that.
# </details>

# %% tests="gradient_check"
import numpy as np


@test_case(hidden=False)
def test_check_correct_gradient(gradient_check):
    got = gradient_check(lambda x: np.sum(x**2), lambda x: 2 * x,
                         [1.0, -2.0, 3.0])
    assert got < 1e-7, (
        "for a correct gradient the relative error should be tiny (< 1e-7)"
    )


@test_case(hidden=False)
def test_check_missing_factor_two(gradient_check):
    got = gradient_check(lambda x: np.sum(x**2), lambda x: x, [1.0, 2.0, 3.0])
    assert np.isclose(got, 1 / 3, rtol=1e-6), (
        "a gradient that forgot the factor 2 has relative error "
        "|x - 2x| / (|x| + |2x|) = 1/3 in every coordinate"
    )


@test_case(hidden=True)
def test_check_reports_the_worst_coordinate(gradient_check):
    # Only coordinate 3 is wrong (half its true value): relative error 1/3
    # there, ~0 elsewhere. A mean or a norm-based error would hide it.
    def grad(x):
        g = 2 * np.asarray(x, dtype=float)
        g[3] = g[3] / 2
        return g

    x = np.array([0.5, 1.0, -1.5, 2.0, 2.5])
    got = gradient_check(lambda z: np.sum(z**2), grad, x)
    assert np.isclose(got, 1 / 3, rtol=1e-6), (
        "gradient_check should return the largest elementwise relative error"
    )


@test_case(hidden=True)
def test_check_is_relative(gradient_check):
    # Analytic gradient 1% too large on a steep function: |a - n| is large,
    # the relative error is 0.01 / 2.01 whatever the scale.
    for scale in (1e-3, 1.0, 1e4):
        got = gradient_check(lambda z: scale * np.sum(z**2),
                             lambda z: 1.01 * scale * 2 * z,
                             [1.0, -3.0, 2.0])
        assert np.isclose(got, 0.01 / 2.01, rtol=1e-4), (
            "gradient_check should measure the error relative to the size "
            "of the gradients"
        )


@test_case(hidden=True)
def test_check_zero_gradients(gradient_check):
    got = gradient_check(lambda z: np.sum(z**2), lambda z: 2 * z, [0.0, 0.0])
    assert np.isfinite(got) and got == 0.0, (
        "where both gradients are exactly 0 the error is 0 (the 1e-12 floor "
        "avoids 0/0)"
    )
    got = gradient_check(lambda z: np.sum(z**2),
                         lambda z: np.zeros(len(z)), [0.0, 1.0])
    assert np.isclose(got, 1.0), (
        "an analytic gradient of 0 where the true one is not has relative "
        "error 1"
    )


@test_case(hidden=True)
def test_check_uses_h_and_central(gradient_check):
    # f = sum(x**3): numerical entry 3x**2 + h**2, relative error
    # h**2 / (6 x**2 + h**2), largest at the smallest |x|.
    got = gradient_check(lambda z: np.sum(z**3), lambda z: 3 * z**2,
                         [1.0, 2.0, -3.0], h=0.1)
    assert np.isclose(got, 0.01 / 6.01, rtol=1e-6), (
        "gradient_check should use central differences with the given h"
    )


@test_case(hidden=True)
def test_check_random_softmax(gradient_check):
    rng = np.random.default_rng(541)
    for n in (2, 5, 10):
        x = rng.normal(size=n)
        got = gradient_check(lambda z: np.log(np.sum(np.exp(z))),
                             lambda z: np.exp(z) / np.sum(np.exp(z)), x)
        assert np.ndim(got) == 0, "gradient_check should return one number"
        assert got < 1e-7, (
            "a correct softmax gradient of log-sum-exp should pass the check"
        )


@test_case(hidden=True)
def test_check_keeps_input_and_validates(gradient_check):
    x = np.array([1.0, 2.0])
    got = gradient_check(lambda z: np.sum(z**2), lambda z: z, x)
    assert np.isclose(got, 1 / 3, rtol=1e-6), "wrong relative error"
    assert np.array_equal(x, [1.0, 2.0]), "gradient_check must not change x"
    try:
        gradient_check(lambda z: 0.0, lambda z: np.zeros(0), [])
    except ValueError:
        return
    raise AssertionError("gradient_check of an empty x should raise "
                         "ValueError")

# %% [markdown]
# ## Summary
#
# - A **partial derivative** is the slope along one axis: nudge one
#   coordinate, both ways, and never in place.
# - The **gradient** collects them. It points straight uphill, perpendicular
#   to the contour lines, and its length is the steepest slope.
# - The slope in any direction is a **dot product**: $D_u f = \nabla f \cdot
#   u$, for a unit vector $u$.
# - The **Jacobian** stacks the gradients of all outputs: it is the matrix
#   that a smooth map looks like up close.
# - A **gradient check** (max relative error) catches hand-written gradient
#   bugs before they cost you a training run.
#
# Next week: walk *against* the gradient. Gradient descent, how large a step
# may be, and how momentum speeds it up.
