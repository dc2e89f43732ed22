# %% [markdown]
# # Week 15 — A neural network from scratch
#
# **Why this week matters.** Last week's logistic regression draws one
# straight line through the data and calls one side "yes". Many problems
# are not like that: the pixels of a digit, the words of a review, the
# points of the picture below. A **neural network** keeps the same final
# step, a linear model with a softmax, but first it *bends the space* with
# a layer of simple units, so that a straight cut in the bent space is a
# curved boundary in the original one.
#
# Everything you need is already in the course, and this week puts it
# together:
#
# | piece | where it comes from | this week |
# | --- | --- | --- |
# | a layer $XW + b$ | week 2, dense layers | `mlp_forward` |
# | a bend, $\max(z, 0)$ | new: the ReLU | `relu`, `relu_grad` |
# | softmax and cross-entropy | week 12 | the top of the network |
# | the chain rule | weeks 6 and 7 | `mlp_backward` (backpropagation) |
# | the gradient check | week 7 | testing `mlp_backward` |
# | gradient descent | week 8 | `train_mlp` |
#
# At the end you train a network of 16 hidden units on a problem that no
# linear model can solve, and you watch it draw a curved boundary.
#
# Notation: $X$ is the data, $N \times d$ (one sample per row), $y$ holds
# integer labels $0, \dots, C - 1$, $h$ is the number of hidden units. The
# network's weights live in a dictionary `params` with keys `"W1"`
# ($d \times h$), `"b1"` ($h$), `"W2"` ($h \times C$) and `"b2"` ($C$).

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. A problem a straight line cannot solve
#
# Three classes of points in the plane: a cloud in the middle, a ring
# around it, and a wider ring around that. This is the kind of data where
# the class depends on *how far* a point is from the centre, not on which
# side of some line it lies.

# %% grading="skip"
def make_rings(rng, n_per_class, noise=0.12):
    """Three classes: a centre cloud (0) and rings of radius 1 (1), 2 (2)."""
    points = [rng.normal(scale=0.35, size=(n_per_class, 2))]
    for radius in (1.0, 2.0):
        angle = rng.uniform(0, 2 * np.pi, n_per_class)
        r = radius + noise * rng.normal(size=n_per_class)
        points.append(np.column_stack([r * np.cos(angle),
                                       r * np.sin(angle)]))
    labels = np.repeat(np.arange(3), n_per_class)
    return np.vstack(points), labels


rng = np.random.default_rng(11)
X_rings, y_rings = make_rings(rng, 100)
print("X:", X_rings.shape, " y:", y_rings.shape,
      " classes:", np.unique(y_rings))

# %% [markdown]
# Can a linear model (week 12's softmax regression: logits $XW + b$, one
# column of $W$ per class) separate them? Here is one trained by plain
# gradient descent. It predicts, for each point, the class with the
# largest logit.

# %% grading="skip"
def softmax_rows(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


W_lin, b_lin = np.zeros((2, 3)), np.zeros(3)
targets = np.eye(3)[y_rings]
for _ in range(500):
    G = (softmax_rows(X_rings @ W_lin + b_lin) - targets) / len(y_rings)
    W_lin -= 0.5 * X_rings.T @ G
    b_lin -= 0.5 * G.sum(axis=0)
linear_accuracy = np.mean(np.argmax(X_rings @ W_lin + b_lin, axis=1)
                          == y_rings)

grid = np.linspace(-2.8, 2.8, 200)  # 200 x 200 points: smooth regions
G1, G2 = np.meshgrid(grid, grid)
grid_points = np.column_stack([G1.ravel(), G2.ravel()])
linear_regions = np.argmax(grid_points @ W_lin + b_lin, axis=1)

fig, ax = plt.subplots(figsize=(5.5, 5.2))
ax.contourf(G1, G2, linear_regions.reshape(G1.shape),
            levels=[-0.5, 0.5, 1.5, 2.5], colors=["C0", "C1", "C2"],
            alpha=0.2)
for c in range(3):
    ax.scatter(*X_rings[y_rings == c].T, s=10, color=f"C{c}",
               label=f"class {c}")
ax.set(title=f"A linear model on the rings: accuracy "
             f"{100 * linear_accuracy:.0f} %",
       xlabel="x1", ylabel="x2", aspect="equal")
ax.legend(loc="upper right", fontsize=8)
plt.show()

# %% [markdown]
# It fails, and no amount of training would help. The region where a
# linear model predicts class $c$ is where logit $c$ beats every other
# logit: an intersection of half-planes, each bounded by a straight line.
# An intersection of half-planes is always **convex**: a straight segment
# between two of its points stays inside it. The middle ring is not
# convex. Two points on opposite sides of it are joined by a segment
# through the centre cloud. So no linear model can paint the middle ring
# one colour.
#
# The fix is to let the model first transform the plane, then cut it with
# straight lines. The transformation needs a bend: a composition of linear
# maps is still linear (week 2), so stacking linear layers alone buys
# nothing.
#
# ## 2. The bend: ReLU
#
# The simplest useful bend is the **rectified linear unit**,
#
# $$\operatorname{relu}(z) = \max(z, 0),$$
#
# applied to every entry of an array separately. It leaves positive numbers
# alone and sets negative ones to zero. Its derivative is just as simple:
# $1$ where $z > 0$ and $0$ where $z < 0$. At $z = 0$ the graph has a
# corner and no true derivative. We need a number there anyway, so we use
# the convention of most frameworks and say $\operatorname{relu}'(0) = 0$.
#
# When we train, the derivative is what matters. A unit whose input is
# negative passes *no* gradient backwards, so it is switched off for that
# sample, and a positive one passes the gradient through unchanged.

# %% grading="skip"
z = np.linspace(-3, 3, 601)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
ax1.plot(z, np.maximum(z, 0), "C0", lw=2)
ax1.set(title="relu(z) = max(z, 0)", xlabel="z", ylabel="relu(z)")
ax2.plot(z[z < 0], np.zeros(np.sum(z < 0)), "C3", lw=2)
ax2.plot(z[z > 0], np.ones(np.sum(z > 0)), "C3", lw=2)
ax2.plot([0], [0], "o", color="C3", label="relu'(0) = 0 (our convention)")
ax2.plot([0], [1], "o", color="C3", mfc="white")
ax2.set(title="Its derivative: a step", xlabel="z", ylabel="relu'(z)",
        ylim=(-0.2, 1.2))
ax2.legend(loc="upper left", fontsize=8)
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# **Worked example.** For $z = (-2, -0.5, 0, 1.5, 3)$:
# $\operatorname{relu}(z) = (0, 0, 0, 1.5, 3)$ and
# $\operatorname{relu}'(z) = (0, 0, 0, 1, 1)$. Note the $0$ at $z = 0$.

# %% grading="skip"
z_example = np.array([-2.0, -0.5, 0.0, 1.5, 3.0])
print("relu: ", np.where(z_example > 0, z_example, 0.0))
print("relu':", np.where(z_example > 0, 1.0, 0.0))

# %% [markdown]
# ### Exercise 1: `relu(x)`
#
# Return $\max(x, 0)$ entry by entry, as a float array of the same shape
# as `x` (a number, a list or an array of any shape). Raise `ValueError`
# for an empty input. Do not change `x`: a network stores its
# pre-activations $Z_1$ for the backward pass, and an in-place ReLU would
# overwrite them.

# %% question="relu"
def relu(x):
    """Elementwise max(x, 0), as a float array of the shape of x.

    ValueError for an empty input.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("relu needs a non-empty input")
    return np.maximum(x, 0.0)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `np.maximum(a, b)` (elementwise, not `np.max`) compares two arrays, or an
# array and a number, entry by entry, and returns a new array. Convert with
# `np.asarray(x, dtype=float)` first.
# </details>

# %% tests="relu"
import numpy as np


@test_case(hidden=False)
def test_relu_worked_example(relu):
    got = np.asarray(relu([-2.0, -0.5, 0.0, 1.5, 3.0]), dtype=float)
    assert np.allclose(got, [0.0, 0.0, 0.0, 1.5, 3.0]), (
        "relu([-2, -0.5, 0, 1.5, 3]) should be [0, 0, 0, 1.5, 3]: negative "
        "entries become 0, the others stay"
    )


@test_case(hidden=False)
def test_relu_keeps_shape(relu):
    got = np.asarray(relu([[1.0, -1.0], [-2.0, 2.0]]), dtype=float)
    assert got.shape == (2, 2), "relu of a 2x2 matrix is a 2x2 matrix"
    assert np.allclose(got, [[1.0, 0.0], [0.0, 2.0]]), (
        "relu works entry by entry"
    )


@test_case(hidden=True)
def test_relu_random(relu):
    rng = np.random.default_rng(1101)
    for shape in ((7,), (4, 5), (2, 3, 4)):
        x = rng.normal(size=shape)
        got = np.asarray(relu(x), dtype=float)
        assert got.shape == shape, "relu should keep the shape of its input"
        assert np.array_equal(got, np.where(x > 0, x, 0.0)), (
            "relu is wrong on random arrays: max(x, 0) entry by entry"
        )


@test_case(hidden=True)
def test_relu_large_and_integer_inputs(relu):
    got = np.asarray(relu([-3, 0, 4]), dtype=float)
    assert np.array_equal(got, [0.0, 0.0, 4.0]), (
        "relu should accept integer inputs"
    )
    got = np.asarray(relu([1e300, -1e300, 1e-300, -1e-300]), dtype=float)
    assert np.array_equal(got, [1e300, 0.0, 1e-300, 0.0]), (
        "relu should keep positive values exactly, however large or small, "
        "and map every negative value to 0"
    )


@test_case(hidden=True)
def test_relu_scalar(relu):
    assert float(np.asarray(relu(-2.5))) == 0.0, "relu(-2.5) should be 0"
    assert float(np.asarray(relu(2.5))) == 2.5, "relu(2.5) should be 2.5"


@test_case(hidden=True)
def test_relu_keeps_input(relu):
    x = np.array([[-1.0, 2.0], [3.0, -4.0]])
    got = np.asarray(relu(x), dtype=float)
    assert np.array_equal(got, [[0.0, 2.0], [3.0, 0.0]]), (
        "relu is wrong on a 2x2 example"
    )
    assert np.array_equal(x, [[-1.0, 2.0], [3.0, -4.0]]), (
        "relu must not change its input (no in-place assignment)"
    )


@test_case(hidden=True)
def test_relu_empty(relu):
    try:
        relu([])
    except ValueError:
        return
    raise AssertionError("relu([]) should raise ValueError")

# %% [markdown]
# ### Exercise 2: `relu_grad(x)`
#
# Return the derivative of the ReLU at every entry of `x`: $1.0$ where
# $x > 0$, $0.0$ elsewhere, **including at $0$**. Same shape as `x`,
# `ValueError` for an empty input, and `x` is left unchanged.

# %% question="relu_grad"
def relu_grad(x):
    """Elementwise derivative of relu: 1.0 where x > 0, else 0.0.

    relu_grad(0) == 0. ValueError for an empty input.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("relu_grad needs a non-empty input")
    return (x > 0).astype(float)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# The comparison `x > 0` gives a boolean array of the shape of `x`;
# `.astype(float)` turns `True`/`False` into `1.0`/`0.0`. Make sure the
# comparison is strict: `>=` would give $1$ at $0$.
# </details>

# %% tests="relu_grad"
import numpy as np


@test_case(hidden=False)
def test_relu_grad_worked_example(relu_grad):
    got = np.asarray(relu_grad([-2.0, -0.5, 0.0, 1.5, 3.0]), dtype=float)
    assert np.array_equal(got, [0.0, 0.0, 0.0, 1.0, 1.0]), (
        "relu_grad([-2, -0.5, 0, 1.5, 3]) should be [0, 0, 0, 1, 1]: 1 where "
        "x > 0, 0 elsewhere"
    )


@test_case(hidden=False)
def test_relu_grad_at_zero(relu_grad):
    got = np.asarray(relu_grad([0.0]), dtype=float)
    assert np.array_equal(got, [0.0]), (
        "by our convention relu_grad(0) is 0 (use x > 0, not x >= 0)"
    )


@test_case(hidden=True)
def test_relu_grad_random(relu_grad):
    rng = np.random.default_rng(1111)
    for shape in ((9,), (5, 4), (3, 2, 2)):
        x = rng.normal(size=shape)
        x.flat[0] = 0.0
        got = np.asarray(relu_grad(x), dtype=float)
        assert got.shape == shape, (
            "relu_grad should keep the shape of its input"
        )
        assert np.array_equal(got, (x > 0) * 1.0), (
            "relu_grad is wrong on random arrays: 1 where x > 0, else 0"
        )


@test_case(hidden=True)
def test_relu_grad_zeros_and_extremes(relu_grad):
    got = np.asarray(relu_grad([0, 0.0, -0.0, 1e-300, -1e-300, 1e300, 7]),
                     dtype=float)
    assert np.array_equal(got, [0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0]), (
        "relu_grad should be 0 at every zero (also -0.0 and integer 0), 1 "
        "for any positive value however small or large, 0 for negatives"
    )


@test_case(hidden=True)
def test_relu_grad_is_the_slope(relu_grad):
    # Away from the corner the derivative equals a central difference.
    rng = np.random.default_rng(1112)
    x = rng.uniform(0.1, 3.0, size=20) * rng.choice([-1.0, 1.0], size=20)
    h = 1e-6
    slope = (np.maximum(x + h, 0) - np.maximum(x - h, 0)) / (2 * h)
    got = np.asarray(relu_grad(x), dtype=float)
    assert np.allclose(got, slope, atol=1e-6), (
        "relu_grad should be the slope of relu: 1 on the right, 0 on the "
        "left"
    )


@test_case(hidden=True)
def test_relu_grad_keeps_input(relu_grad):
    x = np.array([[-1.0, 2.0], [0.0, 5.0]])
    got = np.asarray(relu_grad(x), dtype=float)
    assert np.array_equal(got, [[0.0, 1.0], [0.0, 1.0]]), (
        "relu_grad is wrong on a 2x2 example"
    )
    assert np.array_equal(x, [[-1.0, 2.0], [0.0, 5.0]]), (
        "relu_grad must not change its input"
    )


@test_case(hidden=True)
def test_relu_grad_empty(relu_grad):
    try:
        relu_grad(np.zeros((0, 3)))
    except ValueError:
        return
    raise AssertionError("relu_grad of an empty array should raise "
                         "ValueError")

# %% [markdown]
# ## 3. The forward pass: two layers
#
# Our network has one hidden layer of $h$ units:
#
# $$Z_1 = X W_1 + b_1, \qquad A_1 = \operatorname{relu}(Z_1), \qquad
#   Z_2 = A_1 W_2 + b_2.$$
#
# Row $i$ of $X$ is one sample. It goes through a dense layer (week 2; here
# we store $W_1$ as $d \times h$ so that the sample is a row and the layer
# is $x W_1$), then the ReLU, then a second dense layer. The biases are
# added to every row (numpy broadcasting does that). $Z_2$ holds the
# **logits**, one row of $C$ numbers per sample. The predicted class is the
# largest logit, and the softmax of week 12 turns a row of logits into
# probabilities. That happens in the loss, so the forward pass stops at the
# logits.
#
# | array | shape | meaning |
# | --- | --- | --- |
# | $X$ | $N \times d$ | the inputs |
# | $Z_1 = XW_1 + b_1$ | $N \times h$ | pre-activations of the hidden units |
# | $A_1 = \operatorname{relu}(Z_1)$ | $N \times h$ | the hidden layer's output |
# | $Z_2 = A_1 W_2 + b_2$ | $N \times C$ | the logits |
#
# What does one hidden unit do to the plane? Unit $j$ computes
# $\operatorname{relu}(x \cdot w_j + b_j)$, where $w_j$ is column $j$ of
# $W_1$. That is zero on one side of the line $x \cdot w_j + b_j = 0$ and a
# ramp rising on the other side: a sheet of paper folded along a line. The
# second layer adds $h$ such folded sheets with weights, so every logit is
# a surface made of flat pieces, bent along $h$ lines. Enough bends and
# such a surface can rise around a ring and fall outside it.

# %% grading="skip"
rng = np.random.default_rng(3)
W_demo = rng.normal(size=(2, 3))
b_demo = rng.normal(size=3)
units = np.maximum(grid_points @ W_demo + b_demo, 0)
mix = units @ np.array([1.0, -1.5, 1.0])

fig, axes = plt.subplots(1, 4, figsize=(15, 3.8))
panels = [(units[:, j], f"unit {j} = relu(x·w{j} + b{j})")
          for j in range(3)]
panels.append((mix, "unit 0 − 1.5 · unit 1 + unit 2"))
for ax, (values, title) in zip(axes, panels):
    im = ax.contourf(G1, G2, values.reshape(G1.shape), levels=20,
                     cmap="viridis")
    ax.set(xlabel="x1", ylabel="x2", aspect="equal")
    ax.set_title(title, fontsize=10)
    fig.colorbar(im, ax=ax, shrink=0.8)
for j in range(3):  # the fold lines x·w_j + b_j = 0
    fold = (grid_points @ W_demo[:, j] + b_demo[j]).reshape(G1.shape)
    for ax in (axes[j], axes[3]):
        ax.contour(G1, G2, fold, levels=[0], colors="white",
                   linestyles="--", linewidths=1)
fig.suptitle("Each hidden unit folds the plane along a line; the next "
             "layer adds the folds")
fig.tight_layout()
plt.show()

# %% [markdown]
# **Worked example.** One sample $x = (1, 2)$, $h = 2$ hidden units and
# $C = 2$ classes:
#
# $$W_1 = \begin{pmatrix} 1 & -1 \\ 0 & 1 \end{pmatrix},\;
#   b_1 = (0, -3),\quad
#   W_2 = \begin{pmatrix} 1 & 0 \\ 2 & -1 \end{pmatrix},\;
#   b_2 = (0.5, 0).$$
#
# $Z_1 = (1 \cdot 1 + 2 \cdot 0,\; 1 \cdot (-1) + 2 \cdot 1) + (0, -3) =
# (1, -2)$, so $A_1 = (1, 0)$: the second unit is switched off. Then
# $Z_2 = (1 \cdot 1 + 0 \cdot 2,\; 1 \cdot 0 + 0 \cdot (-1)) + (0.5, 0) =
# (1.5, 0)$: the network prefers class 0.

# %% grading="skip"
x_one = np.array([[1.0, 2.0]])
W1_ex = np.array([[1.0, -1.0], [0.0, 1.0]])
b1_ex = np.array([0.0, -3.0])
W2_ex = np.array([[1.0, 0.0], [2.0, -1.0]])
b2_ex = np.array([0.5, 0.0])
Z1_ex = x_one @ W1_ex + b1_ex
print("Z1 =", Z1_ex, " A1 =", np.maximum(Z1_ex, 0))
print("Z2 =", np.maximum(Z1_ex, 0) @ W2_ex + b2_ex)

# %% [markdown]
# ### Exercise 3: `mlp_forward(params, X)`
#
# Compute the three equations above for a batch `X` (a list or array of
# shape $(N, d)$) and return the tuple `(logits, cache)`: `logits` is $Z_2$,
# a float array of shape $(N, C)$, and `cache` is a dictionary that holds
# at least `"X"` (the input as a float array), `"Z1"` (before the ReLU),
# `"A1"` (after it) and `"Z2"` (the logits). The backward pass needs these
# four. The values of `params` may be lists or arrays. Raise `ValueError`
# if `X` is not a non-empty 2-D array or its number of columns is not the
# number of rows of `W1`. Do not change `X` or `params`.

# %% question="mlp_forward"
def mlp_forward(params, X):
    """Logits Z2 = relu(X W1 + b1) W2 + b2 and a cache of the layers.

    Returns (logits, cache) with cache holding "X", "Z1", "A1", "Z2".
    ValueError if X is not a non-empty (N, d) array matching W1.
    """
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    W1 = np.asarray(params["W1"], dtype=float)
    b1 = np.asarray(params["b1"], dtype=float)
    W2 = np.asarray(params["W2"], dtype=float)
    b2 = np.asarray(params["b2"], dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty (N, d) array")
    if W1.ndim != 2 or X.shape[1] != W1.shape[0]:
        raise ValueError(
            f"X has {X.shape[1]} columns but W1 has shape {W1.shape}")
    Z1 = X @ W1 + b1
    A1 = relu(Z1)
    Z2 = A1 @ W2 + b2
    return Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert each of `params["W1"]`, ... with `np.asarray(..., dtype=float)`.
# Then it is three lines, one per equation, with `@` for the matrix
# products and `+ b1` for the bias (broadcast over the rows). Use your
# `relu`. Return `Z2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2}`.
# </details>

# %% tests="mlp_forward"
import numpy as np


def _example_params():
    return {"W1": [[1.0, -1.0], [0.0, 1.0]], "b1": [0.0, -3.0],
            "W2": [[1.0, 0.0], [2.0, -1.0]], "b2": [0.5, 0.0]}


@test_case(hidden=False)
def test_forward_worked_example(mlp_forward):
    logits, cache = mlp_forward(_example_params(), [[1.0, 2.0]])
    assert np.asarray(logits).shape == (1, 2), (
        "one sample and 2 classes give logits of shape (1, 2)"
    )
    assert np.allclose(np.asarray(cache["Z1"], dtype=float), [[1.0, -2.0]]), (
        "Z1 = X W1 + b1 should be [[1, -2]] in the worked example"
    )
    assert np.allclose(np.asarray(cache["A1"], dtype=float), [[1.0, 0.0]]), (
        "A1 = relu(Z1) should be [[1, 0]] in the worked example"
    )
    assert np.allclose(np.asarray(logits, dtype=float), [[1.5, 0.0]]), (
        "Z2 = A1 W2 + b2 should be [[1.5, 0]] in the worked example"
    )


@test_case(hidden=False)
def test_forward_shapes(mlp_forward):
    params = {"W1": np.ones((3, 4)), "b1": np.zeros(4),
              "W2": np.ones((4, 2)), "b2": np.zeros(2)}
    logits, cache = mlp_forward(params, np.ones((5, 3)))
    assert np.asarray(logits).shape == (5, 2), (
        "X of shape (5, 3) with h = 4 and C = 2 gives logits (5, 2)"
    )
    for key in ("X", "Z1", "A1", "Z2"):
        assert key in cache, "the cache should hold " + key


@test_case(hidden=True)
def test_forward_random(mlp_forward):
    rng = np.random.default_rng(1121)
    for n, d, h, c in ((6, 3, 5, 4), (1, 2, 7, 3), (20, 4, 4, 4)):
        p = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
             "W2": rng.normal(size=(h, c)), "b2": rng.normal(size=c)}
        X = rng.normal(size=(n, d))
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.where(z1 > 0, z1, 0.0)
        z2 = a1 @ p["W2"] + p["b2"]
        logits, cache = mlp_forward(p, X)
        assert np.asarray(logits).shape == (n, c), (
            "the logits should have shape (N, C)"
        )
        assert np.allclose(np.asarray(logits, dtype=float), z2, rtol=1e-12,
                           atol=1e-12), (
            "the logits are not relu(X W1 + b1) W2 + b2 on random inputs"
        )
        for key, want in (("X", X), ("Z1", z1), ("A1", a1), ("Z2", z2)):
            got = np.asarray(cache[key], dtype=float)
            assert got.shape == want.shape and np.allclose(
                got, want, rtol=1e-12, atol=1e-12), (
                "a cache entry (X, Z1, A1 or Z2) has the wrong value: Z1 is "
                "before the ReLU, A1 after it, Z2 the logits"
            )


@test_case(hidden=True)
def test_forward_biases_matter(mlp_forward):
    # With zero weights only the biases are left: Z1 = b1, Z2 = relu(b1)W2
    # + b2 for every row.
    p = {"W1": np.zeros((2, 3)), "b1": np.array([1.0, -1.0, 2.0]),
         "W2": np.array([[1.0, 0.0], [5.0, 5.0], [0.0, 1.0]]),
         "b2": np.array([-0.5, 0.25])}
    logits, cache = mlp_forward(p, np.ones((4, 2)))
    assert np.allclose(np.asarray(cache["Z1"], dtype=float),
                       np.tile([1.0, -1.0, 2.0], (4, 1))), (
        "with W1 = 0, Z1 should equal b1 in every row: is b1 added?"
    )
    assert np.allclose(np.asarray(logits, dtype=float),
                       np.tile([0.5, 2.25], (4, 1))), (
        "with W1 = 0 the logits should be relu(b1) W2 + b2 in every row: "
        "are the ReLU and b2 applied?"
    )


@test_case(hidden=True)
def test_forward_rows_are_independent(mlp_forward):
    rng = np.random.default_rng(1122)
    p = {"W1": rng.normal(size=(3, 6)), "b1": rng.normal(size=6),
         "W2": rng.normal(size=(6, 2)), "b2": rng.normal(size=2)}
    X = rng.normal(size=(8, 3))
    batch = np.asarray(mlp_forward(p, X)[0], dtype=float)
    for i in (0, 5):
        alone = np.asarray(mlp_forward(p, X[i:i + 1])[0], dtype=float)
        assert np.allclose(alone, batch[i:i + 1], rtol=1e-12, atol=1e-12), (
            "each sample should go through the network on its own: a row's "
            "logits must not depend on the other rows"
        )


@test_case(hidden=True)
def test_forward_lists_and_keeps_inputs(mlp_forward):
    p = {"W1": np.array([[1.0, -1.0], [0.0, 1.0]]), "b1": np.array([0., -3.]),
         "W2": np.array([[1.0, 0.0], [2.0, -1.0]]), "b2": np.array([.5, 0.])}
    saved = {k: v.copy() for k, v in p.items()}
    X = np.array([[1.0, 2.0], [-1.0, 4.0]])
    logits, _ = mlp_forward(p, X)
    assert np.allclose(np.asarray(logits, dtype=float),
                       [[1.5, 0.0], [4.5, -2.0]]), (
        "mlp_forward is wrong on a 2-sample example"
    )
    assert np.array_equal(X, [[1.0, 2.0], [-1.0, 4.0]]), (
        "mlp_forward must not change X"
    )
    assert all(np.array_equal(p[k], saved[k]) for k in saved), (
        "mlp_forward must not change params"
    )
    logits, _ = mlp_forward(_example_params(), [[1, 2], [-1, 4]])
    assert np.allclose(np.asarray(logits, dtype=float),
                       [[1.5, 0.0], [4.5, -2.0]]), (
        "mlp_forward should accept lists for params and an integer X"
    )


@test_case(hidden=True)
def test_forward_invalid(mlp_forward):
    p = {"W1": np.ones((3, 4)), "b1": np.zeros(4),
         "W2": np.ones((4, 2)), "b2": np.zeros(2)}
    for X in (np.ones((5, 2)), np.ones((0, 3)), np.ones(3), []):
        try:
            mlp_forward(p, X)
        except ValueError:
            continue
        raise AssertionError(
            "mlp_forward should raise ValueError unless X is a non-empty "
            "2-D array with one column per row of W1"
        )

# %% [markdown]
# ## 4. The backward pass: the chain rule, layer by layer
#
# To train, we need the gradient of the loss with respect to every weight.
# The loss is week 12's **mean** softmax cross-entropy over the batch,
#
# $$L = \frac1N \sum_{i=1}^N -\log \operatorname{softmax}(z_i)_{y_i},$$
#
# where $z_i$ is row $i$ of the logits $Z_2$. **Backpropagation** is the
# chain rule of week 7 applied from the top of the network down. Each layer
# receives "how the loss changes with my output" and turns it into "how the
# loss changes with my weights" and "with my input", which it passes to
# the layer below. Write $dM$ for the array of partial derivatives of $L$
# with respect to the entries of $M$; it always has the shape of $M$.
#
# | step | formula | shape |
# | --- | --- | --- |
# | logits (week 12) | $dZ_2 = (\operatorname{softmax}(Z_2) - \operatorname{onehot}(y)) / N$ | $N \times C$ |
# | second layer | $dW_2 = A_1^\top dZ_2$, $\; db_2 = \sum_{\text{rows}} dZ_2$ | $h \times C$, $C$ |
# | into the hidden layer | $dA_1 = dZ_2\, W_2^\top$ | $N \times h$ |
# | through the ReLU | $dZ_1 = dA_1 \odot \operatorname{relu}'(Z_1)$ | $N \times h$ |
# | first layer | $dW_1 = X^\top dZ_1$, $\; db_1 = \sum_{\text{rows}} dZ_1$ | $d \times h$, $h$ |
#
# ($\odot$ is the entrywise product, numpy's `*`.) Where do the transposes
# come from? Two ways to see it. By the chain rule, $W_2[k, c]$ touches the
# loss through the logit $Z_2[i, c]$ of every sample $i$, with slope
# $A_1[i, k]$, so $dW_2[k, c] = \sum_i A_1[i, k]\, dZ_2[i, c]$, which is
# exactly entry $(k, c)$ of $A_1^\top dZ_2$. And as a safety net, **the
# shapes leave no choice**: $dW_2$ must be $h \times C$, and the only way
# to multiply an $N \times h$ and an $N \times C$ array into $h \times C$
# is $A_1^\top dZ_2$. A bias is added to every row, so its gradient adds up
# the rows. The ReLU step switches off the gradient of every unit that was
# off in the forward pass ($Z_1 \le 0$). The $1/N$ comes from the *mean*:
# it appears once, at the top, and every array below inherits it.
#
# **Worked example.** The smallest network: one input $x = 2$ with label
# $y = 1$, one hidden unit ($w_1 = 0.5$, $b_1 = 0.5$), two classes
# ($W_2 = (1, -1)$, $b_2 = (0, 0)$). Forward: $z_1 = 1.5 = a_1$, logits
# $(1.5, -1.5)$, softmax $(0.953, 0.047)$, loss $-\log 0.047 = 3.049$.
# Backward, one scalar chain rule per line:
#
# - $dz_2 = (0.953 - 0,\; 0.047 - 1) = (0.953, -0.953)$;
# - $dW_2 = a_1\, dz_2 = (1.429, -1.429)$;
# - $da_1 = 0.953 \cdot 1 + (-0.953) \cdot (-1) = 1.905$;
# - $dz_1 = da_1 \cdot \operatorname{relu}'(1.5) = 1.905$, so
#   $dw_1 = x\, dz_1 = 3.810$ and $db_1 = 1.905$.
#
# A central difference (week 7) on $w_1$ confirms the last number.

# %% grading="skip"
def tiny_loss(w1, b1=0.5, W2=np.array([1.0, -1.0]), b2=np.zeros(2)):
    """Cross-entropy of label 1 for the one-unit network, at x = 2."""
    logits = max(w1 * 2.0 + b1, 0.0) * W2 + b2
    return -(logits[1] - np.log(np.sum(np.exp(logits))))


probs = np.exp([1.5, -1.5]) / np.sum(np.exp([1.5, -1.5]))
dz2 = probs - np.array([0.0, 1.0])
da1 = dz2 @ np.array([1.0, -1.0])
print("loss:", tiny_loss(0.5), " softmax:", probs)
print("dW2:", 1.5 * dz2, " da1:", da1, " dw1 by the chain rule:", 2.0 * da1)
print("dw1 by a central difference:",
      (tiny_loss(0.5 + 1e-5) - tiny_loss(0.5 - 1e-5)) / 2e-5)

# %% [markdown]
# ### Exercise 4: `mlp_backward(params, cache, y)`
#
# Return the gradients of the mean softmax cross-entropy as a dictionary
# with the keys of `params` — `"W1"`, `"b1"`, `"W2"`, `"b2"` — each a float
# array of the shape of the matching parameter. `cache` is what
# `mlp_forward` returned; use only its entries `"X"`, `"Z1"`, `"A1"` and
# `"Z2"` (the tests may hand you a cache with just those four). `y` holds
# $N$ integer labels in $0, \dots, C - 1$, where $C$ is the number of
# columns of the logits.
#
# - Compute the softmax **stably**, as in week 12 (subtract each row's
#   maximum before `np.exp`): the logits of a badly trained network can be
#   in the thousands, and the gradient must still be finite.
# - Raise `ValueError` if `y` does not have one label per row of the
#   logits, or if a label is outside $0, \dots, C - 1$ (careful: numpy
#   would quietly accept the index $-1$).
# - Do not change `params`, `cache` or `y`.

# %% question="mlp_backward"
def mlp_backward(params, cache, y):
    """Gradients of the mean softmax cross-entropy for every parameter.

    Returns {"W1", "b1", "W2", "b2"} with the shapes of params. ValueError
    if y does not hold one label in 0..C-1 per row of the logits.
    """
    # BEGIN SOLUTION
    W2 = np.asarray(params["W2"], dtype=float)
    X = np.asarray(cache["X"], dtype=float)
    Z1 = np.asarray(cache["Z1"], dtype=float)
    A1 = np.asarray(cache["A1"], dtype=float)
    Z2 = np.asarray(cache["Z2"], dtype=float)
    y = np.asarray(y)
    n_samples, n_classes = Z2.shape
    if y.shape != (n_samples,):
        raise ValueError(f"y must hold {n_samples} labels, one per row")
    if np.any(y < 0) or np.any(y >= n_classes) or np.any(y != y.astype(int)):
        raise ValueError(f"labels must be integers in 0..{n_classes - 1}")
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= probs.sum(axis=1, keepdims=True)
    dZ2 = probs.copy()
    dZ2[np.arange(n_samples), y.astype(int)] -= 1.0
    dZ2 /= n_samples
    dZ1 = (dZ2 @ W2.T) * relu_grad(Z1)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0),
            "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Follow the table from the top. Softmax: `E = np.exp(Z2 - Z2.max(axis=1,
# keepdims=True))`, then divide by `E.sum(axis=1, keepdims=True)`.
# Subtracting the one-hot labels means subtracting 1 at position
# `[i, y[i]]` of every row: `np.arange(N)` and `y` index those positions
# together (or build `np.eye(C)[y]`). Row sums are `.sum(axis=0)`. Check
# every result's shape against the parameter's shape.
# </details>

# %% tests="mlp_backward"
import numpy as np


@test_case(hidden=False)
def test_backward_one_unit_example(mlp_backward):
    # The worked example: x = 2, label 1, one hidden unit, two classes.
    params = {"W1": [[0.5]], "b1": [0.5], "W2": [[1.0, -1.0]],
              "b2": [0.0, 0.0]}
    cache = {"X": np.array([[2.0]]), "Z1": np.array([[1.5]]),
             "A1": np.array([[1.5]]), "Z2": np.array([[1.5, -1.5]])}
    g = mlp_backward(params, cache, [1])
    q = np.exp(1.5) / (np.exp(1.5) + np.exp(-1.5))  # softmax of class 0
    assert np.allclose(np.asarray(g["b2"], dtype=float), [q, -q]), (
        "for one sample db2 = softmax(z2) - onehot(y) = (0.953, -0.953)"
    )
    assert np.allclose(np.asarray(g["W2"], dtype=float),
                       [[1.5 * q, -1.5 * q]]), (
        "dW2 = A1^T dZ2 = 1.5 * (0.953, -0.953)"
    )
    assert np.allclose(np.asarray(g["W1"], dtype=float), [[4 * q]]), (
        "dW1 = x * dz1 = 2 * (0.953 + 0.953) = 3.81"
    )
    assert np.allclose(np.asarray(g["b1"], dtype=float), [2 * q]), (
        "db1 = dz1 = 0.953 * 1 + (-0.953) * (-1) = 1.905"
    )


@test_case(hidden=False)
def test_backward_shapes(mlp_backward):
    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(size=(3, 4)), "b1": np.zeros(4),
              "W2": rng.normal(size=(4, 2)), "b2": np.zeros(2)}
    X = rng.normal(size=(5, 3))
    Z1 = X @ params["W1"]
    A1 = np.maximum(Z1, 0)
    cache = {"X": X, "Z1": Z1, "A1": A1, "Z2": A1 @ params["W2"]}
    g = mlp_backward(params, cache, [0, 1, 1, 0, 1])
    assert set(g) == {"W1", "b1", "W2", "b2"}, (
        "the gradients should have the keys W1, b1, W2, b2"
    )
    for key in g:
        assert np.shape(g[key]) == np.shape(params[key]), (
            "each gradient should have the shape of its parameter, e.g. "
            "dW1 is (d, h) = (3, 4) and db1 is (h,) = (4,)"
        )


@test_case(hidden=True)
def test_backward_matches_numerical_gradient(mlp_backward):
    # Central differences of the mean loss, computed here from scratch. The
    # relative tolerance 1e-5 is far above the O(h^2) = 1e-10 truncation
    # error and far below any missing factor or wrong term.
    rng = np.random.default_rng(1131)

    def loss(p, X, y):
        z = np.maximum(X @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
        m = z.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
        return np.mean(lse - z[np.arange(len(y)), y])

    for n, d, h, c in ((7, 3, 5, 4), (4, 4, 4, 4), (1, 2, 3, 2)):
        p = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
             "W2": rng.normal(size=(h, c)), "b2": rng.normal(size=c)}
        X = rng.normal(size=(n, d))
        y = rng.integers(0, c, size=n)
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        cache = {"X": X, "Z1": z1, "A1": a1, "Z2": a1 @ p["W2"] + p["b2"]}
        g = mlp_backward(p, cache, y)
        for key in ("W1", "b1", "W2", "b2"):
            numeric = np.zeros_like(p[key])
            for idx in np.ndindex(p[key].shape):
                up = {k: v.copy() for k, v in p.items()}
                down = {k: v.copy() for k, v in p.items()}
                up[key][idx] += 1e-5
                down[key][idx] -= 1e-5
                numeric[idx] = (loss(up, X, y) - loss(down, X, y)) / 2e-5
            got = np.asarray(g[key], dtype=float)
            assert got.shape == numeric.shape, (
                "a gradient has the wrong shape: it must match its "
                "parameter"
            )
            assert np.allclose(got, numeric, rtol=1e-5, atol=1e-8), (
                "a gradient does not match the numerical gradient of the "
                "mean softmax cross-entropy"
            )


@test_case(hidden=True)
def test_backward_matches_reference(mlp_backward):
    rng = np.random.default_rng(1132)
    n, d, h, c = 40, 3, 6, 5
    p = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
         "W2": rng.normal(size=(h, c)), "b2": rng.normal(size=c)}
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    z1 = X @ p["W1"] + p["b1"]
    a1 = np.maximum(z1, 0)
    z2 = a1 @ p["W2"] + p["b2"]
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    dz2 = (e / e.sum(axis=1, keepdims=True) - np.eye(c)[y]) / n
    dz1 = dz2 @ p["W2"].T * (z1 > 0)
    want = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": a1.T @ dz2,
            "b2": dz2.sum(axis=0)}
    g = mlp_backward(p, {"X": X, "Z1": z1, "A1": a1, "Z2": z2}, list(y))
    assert set(g) == set(want), "the gradients should have the keys of params"
    for key in want:
        got = np.asarray(g[key], dtype=float)
        assert got.shape == want[key].shape, (
            "a gradient has the wrong shape: it must match its parameter"
        )
        assert np.allclose(got, want[key], rtol=1e-10, atol=1e-13), (
            "a gradient does not match backpropagation of the mean "
            "softmax cross-entropy on a random batch"
        )


@test_case(hidden=True)
def test_backward_dead_units_pass_nothing(mlp_backward):
    # Unit 1 is off for every sample (Z1 < 0): its weights get no gradient.
    # Unit 0 is on. A1 = relu(Z1) is 0 at Z1 = 0 exactly too (unit 2).
    X = np.array([[1.0, 2.0], [2.0, 1.0], [0.5, 0.5]])
    p = {"W1": np.array([[1.0, -1.0, 0.0], [1.0, -1.0, 0.0]]),
         "b1": np.array([0.0, -0.5, 0.0]),
         "W2": np.array([[1.0, -1.0], [2.0, 0.5], [-1.0, 3.0]]),
         "b2": np.array([0.0, 0.0])}
    z1 = X @ p["W1"] + p["b1"]
    a1 = np.maximum(z1, 0)
    cache = {"X": X, "Z1": z1, "A1": a1, "Z2": a1 @ p["W2"] + p["b2"]}
    g = mlp_backward(p, cache, [0, 1, 1])
    dW1 = np.asarray(g["W1"], dtype=float)
    db1 = np.asarray(g["b1"], dtype=float)
    assert np.allclose(dW1[:, 1:], 0.0) and np.allclose(db1[1:], 0.0), (
        "a hidden unit that is off (Z1 <= 0) for every sample must get a "
        "zero gradient: multiply by relu'(Z1)"
    )
    assert not np.allclose(dW1[:, 0], 0.0), (
        "an active hidden unit should get a non-zero gradient"
    )


@test_case(hidden=True)
def test_backward_huge_logits(mlp_backward):
    # Logits in the thousands: exp overflows unless the softmax is
    # stabilised (subtract each row's maximum).
    X = np.array([[1.0, 0.5], [0.5, 1.0], [2.0, 1.0]])
    p = {"W1": np.eye(2), "b1": np.zeros(2),
         "W2": np.array([[2000.0, -2000.0, 0.0], [-1000.0, 1500.0, 10.0]]),
         "b2": np.zeros(3)}
    y = np.array([1, 1, 2])
    z1 = X @ p["W1"]
    z2 = z1 @ p["W2"]
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    dz2 = (e / e.sum(axis=1, keepdims=True) - np.eye(3)[y]) / 3
    want = {"W1": X.T @ (dz2 @ p["W2"].T), "b1": (dz2 @ p["W2"].T).sum(0),
            "W2": z1.T @ dz2, "b2": dz2.sum(axis=0)}
    g = mlp_backward(p, {"X": X, "Z1": z1, "A1": z1, "Z2": z2}, y)
    for key in want:
        got = np.asarray(g[key], dtype=float)
        assert np.all(np.isfinite(got)), (
            "the gradients should stay finite for very large logits: "
            "compute the softmax stably"
        )
        assert np.allclose(got, want[key], rtol=1e-9, atol=1e-9), (
            "a gradient is wrong for very large logits"
        )


@test_case(hidden=True)
def test_backward_keeps_inputs(mlp_backward):
    rng = np.random.default_rng(1133)
    p = {"W1": rng.normal(size=(2, 3)), "b1": rng.normal(size=3),
         "W2": rng.normal(size=(3, 3)), "b2": rng.normal(size=3)}
    X = rng.normal(size=(4, 2))
    z1 = X @ p["W1"] + p["b1"]
    a1 = np.maximum(z1, 0)
    cache = {"X": X, "Z1": z1, "A1": a1, "Z2": a1 @ p["W2"] + p["b2"]}
    y = np.array([2, 0, 1, 2])
    saved = [{k: v.copy() for k, v in d.items()} for d in (p, cache)]
    g = mlp_backward(p, cache, y)
    assert np.allclose(np.sum(np.asarray(g["b2"], dtype=float)), 0.0), (
        "db2 should sum to 0 (each row of softmax - onehot sums to 0)"
    )
    for before, after in zip(saved, (p, cache)):
        assert all(np.array_equal(before[k], after[k]) for k in before), (
            "mlp_backward must not change params or cache"
        )
    assert np.array_equal(y, [2, 0, 1, 2]), "mlp_backward must not change y"


@test_case(hidden=False)
def test_backward_rejects_label_minus_one(mlp_backward):
    params = {"W1": [[0.5]], "b1": [0.5], "W2": [[1.0, -1.0]],
              "b2": [0.0, 0.0]}
    cache = {"X": np.array([[2.0], [1.0]]), "Z1": np.array([[1.5], [1.0]]),
             "A1": np.array([[1.5], [1.0]]),
             "Z2": np.array([[1.5, -1.5], [1.0, -1.0]])}
    try:
        mlp_backward(params, cache, [1, -1])
    except ValueError:
        return
    raise AssertionError(
        "with two classes the labels are 0 and 1: mlp_backward should raise "
        "ValueError for the label -1 (numpy would quietly read index -1 as "
        "the last class)"
    )


@test_case(hidden=True)
def test_backward_invalid_labels(mlp_backward):
    p = {"W1": np.eye(2), "b1": np.zeros(2), "W2": np.eye(2),
         "b2": np.zeros(2)}
    X = np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 1.0]])
    a1 = np.maximum(X, 0)
    cache = {"X": X, "Z1": X, "A1": a1, "Z2": a1}
    for y in ([0, 1], [0, 1, 1, 0], [0, 1, 2], [0, -1, 1]):
        try:
            mlp_backward(p, cache, y)
        except ValueError:
            continue
        raise AssertionError(
            "mlp_backward should raise ValueError unless y holds one label "
            "in 0..C-1 per sample (also for a label -1)"
        )

# %% [markdown]
# ### Checking the backward pass numerically
#
# A hand-written backward pass is the classic place for a silent bug: a
# missing $1/N$, a forgotten ReLU mask, or a sum over the wrong axis still
# gives arrays of plausible size, and training still sort of works. Week
# 5's remedy is to compare every entry with a central difference of the
# loss,
#
# $$\frac{\partial L}{\partial \theta} \approx
#   \frac{L(\theta + \epsilon) - L(\theta - \epsilon)}{2\epsilon},$$
#
# one parameter entry $\theta$ at a time, with the relative error
# $|a - n| / (|a| + |n|)$ of week 7's `gradient_check`. Below: a random
# network with $d = 2$, $h = 5$, $C = 3$ on 10 samples, every one of its
# 33 weights checked, using your `mlp_forward` and `mlp_backward`.

# %% grading="skip"
def mean_cross_entropy(logits, labels):
    """Week 12's mean softmax cross-entropy, stable."""
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(len(labels)), labels]))


def numerical_gradients(params, X, y, eps=1e-5):
    """Central differences of the loss, one parameter entry at a time."""
    grads = {}
    for key, value in params.items():
        grads[key] = np.zeros(np.shape(value))
        for idx in np.ndindex(grads[key].shape):
            shifted = []
            for sign in (1, -1):
                trial = {k: np.array(v, dtype=float)
                         for k, v in params.items()}
                trial[key][idx] += sign * eps
                shifted.append(mean_cross_entropy(mlp_forward(trial, X)[0], y))
            grads[key][idx] = (shifted[0] - shifted[1]) / (2 * eps)
    return grads


rng = np.random.default_rng(5)
check_params = {"W1": rng.normal(size=(2, 5)), "b1": rng.normal(size=5),
                "W2": rng.normal(size=(5, 3)), "b2": rng.normal(size=3)}
X_check = rng.normal(size=(10, 2))
y_check = rng.integers(0, 3, size=10)
try:
    analytic = mlp_backward(check_params,
                            mlp_forward(check_params, X_check)[1], y_check)
    numeric = numerical_gradients(check_params, X_check, y_check)
    for key in check_params:
        a, n = np.asarray(analytic[key]), numeric[key]
        error = np.max(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n),
                                                  1e-12))
        print(f"{key}: shape {a.shape}, max relative error {error:.1e}")
except NotImplementedError:
    print("Write relu, relu_grad, mlp_forward and mlp_backward first.")

# %% [markdown]
# Errors around $10^{-9}$ or smaller mean that the backward pass is right.
# A bug shows up as an error near $1$, or as $1/3$ for a gradient off by a
# factor of 2. (The exception: a hidden unit whose $Z_1$ is within
# $\epsilon$ of the corner at $0$ can disagree, because the central
# difference then straddles the kink. With random weights that is rare.)
#
# ## 5. Training: gradient descent on all the weights
#
# Training is week 8's gradient descent, applied to all four arrays at
# once. Forward, backward, and then a step against the gradient:
#
# $$W_1 \leftarrow W_1 - \text{lr}\, dW_1, \quad
#   b_1 \leftarrow b_1 - \text{lr}\, db_1, \quad
#   W_2 \leftarrow W_2 - \text{lr}\, dW_2, \quad
#   b_2 \leftarrow b_2 - \text{lr}\, db_2.$$
#
# One pass over the whole training set is an **epoch**. Here every epoch
# is one *full-batch* step: the gradient of the mean loss over all $N$
# samples. (Real training uses mini-batches, a random subset per step.
# That is the same idea with a noisier gradient.)
#
# **Where to start.** Not at zero! If every weight is $0$, every hidden
# unit computes the same thing. Every unit then receives the same
# gradient, and they stay identical forever: $h$ units act like one. Worse,
# with $W_1 = 0$ and $W_2 = 0$, every $Z_1$ is $0$, so $\operatorname{relu}'
# = 0$ switches off the gradient of $W_1$ entirely. So the weights start
# **random**, and small enough that the logits are moderate. A standard
# recipe for ReLU networks (He initialisation) draws every entry of a
# weight matrix from a normal distribution with mean 0 and variance
# $2 / \text{(number of inputs of the layer)}$. The biases start at 0.
#
# **Worked example.** The training loop in miniature: four epochs of the
# one-unit network of section 4 (its only sample is $x = 2$ with label 1),
# with $\text{lr} = 0.1$. The first step uses exactly the gradients
# computed there, for instance $w_1 \leftarrow 0.5 - 0.1 \cdot 3.810 =
# 0.119$. Watch $z_1$, the hidden unit's input.

# %% grading="skip"
w1, b1_tiny = 0.5, 0.5
W2_tiny, b2_tiny = np.array([1.0, -1.0]), np.zeros(2)
print(f"start:   loss {tiny_loss(w1, b1_tiny, W2_tiny, b2_tiny):.3f}")
for epoch in range(4):
    z1 = w1 * 2.0 + b1_tiny
    logits = max(z1, 0.0) * W2_tiny + b2_tiny
    dz2 = np.exp(logits) / np.sum(np.exp(logits)) - np.array([0.0, 1.0])
    dz1 = (dz2 @ W2_tiny) * (z1 > 0)
    w1, b1_tiny = w1 - 0.1 * 2.0 * dz1, b1_tiny - 0.1 * dz1
    W2_tiny = W2_tiny - 0.1 * max(z1, 0.0) * dz2
    b2_tiny = b2_tiny - 0.1 * dz2
    loss = tiny_loss(w1, b1_tiny, W2_tiny, b2_tiny)
    print(f"epoch {epoch + 1}: z1 was {z1:6.3f}, now w1 = {w1:6.3f}, "
          f"b1 = {b1_tiny:.3f}, loss {loss:.3f}")

# %% [markdown]
# The loss falls from 3.05 to 0.54 in two epochs. The quickest way down was
# to shrink the hidden unit, because its output was pushing towards the
# wrong class. After the second step, $z_1$ is negative. From then on
# $\operatorname{relu}'(z_1) = 0$, so $w_1$ and $b_1$ get no gradient and
# freeze, and only $b_2$ keeps learning. This is a **dead unit**: once a
# ReLU is off for every sample, gradient descent cannot switch it back on.
# It is one more reason to start from random weights and to use many
# units, so that some are always on.

# %% [markdown]
# ### Exercise 5: `train_mlp(X, y, hidden, lr, n_epochs, seed)`
#
# Train a network with `hidden` hidden units on `X` (shape $(N, d)$) and
# integer labels `y`, and return its parameters: a dictionary with keys
# `"W1"`, `"b1"`, `"W2"`, `"b2"` of shapes $(d, h)$, $(h,)$, $(h, C)$,
# $(C,)$, where $C$ is `max(y) + 1`. The contract:
#
# 1. `rng = np.random.default_rng(seed)`; draw `W1` from
#    `rng.normal(0, np.sqrt(2 / d), size=(d, hidden))`, **then** `W2` from
#    `rng.normal(0, np.sqrt(2 / hidden), size=(hidden, C))`; `b1` and `b2`
#    start at zeros.
# 2. Take exactly `n_epochs` full-batch gradient descent steps: each one
#    computes the gradient of the mean loss at the current parameters with
#    your `mlp_forward` and `mlp_backward`, then updates **all four**
#    arrays with learning rate `lr` (so `n_epochs = 0` returns the
#    initialisation).
# 3. The same `seed` gives the same result every time; different seeds
#    give different networks.
#
# Raise `ValueError` if `X` is not a non-empty 2-D array, if `y` does not
# hold one non-negative integer label per row, or if `hidden < 1`. Do not
# change `X` or `y`.
#
# (What the grader checks: that each epoch is exactly one such step and
# that `n_epochs = 0` takes none (`b2` is still zero), that training fits a
# small problem, determinism and the shapes. It does not
# compare your random numbers with ours, so another sensible random
# initialisation would also pass. Follow the recipe anyway: it works.)

# %% question="train_mlp"
def train_mlp(X, y, hidden, lr, n_epochs, seed):
    """Parameters of a one-hidden-layer ReLU network after n_epochs steps.

    He-initialised from np.random.default_rng(seed), biases at 0; each epoch
    is one full-batch gradient step on the mean softmax cross-entropy
    (n_epochs = 0 returns the initialisation). ValueError if X is not a
    non-empty 2-D array, y does not hold one non-negative integer label per
    row, or hidden < 1.
    """
    # BEGIN SOLUTION
    X = np.array(X, dtype=float)
    y = np.array(y)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (N, d) array")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must hold {X.shape[0]} labels, one per row")
    if np.any(y < 0) or np.any(y != np.round(y)):
        raise ValueError("labels must be non-negative integers")
    if hidden < 1:
        raise ValueError(f"hidden must be at least 1, got {hidden}")
    y = y.astype(int)
    d, n_classes = X.shape[1], int(y.max()) + 1
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(0.0, np.sqrt(2.0 / d), size=(d, hidden)),
        "b1": np.zeros(hidden),
        "W2": rng.normal(0.0, np.sqrt(2.0 / hidden),
                         size=(hidden, n_classes)),
        "b2": np.zeros(n_classes),
    }
    for _ in range(n_epochs):
        _, cache = mlp_forward(params, X)
        grads = mlp_backward(params, cache, y)
        params = {key: params[key] - lr * grads[key] for key in params}
    return params
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks: `C = int(y.max()) + 1`, then the `rng` and the four
# arrays. The loop body is three lines: `_, cache = mlp_forward(params,
# X)`, `grads = mlp_backward(params, cache, y)`, and a dictionary
# comprehension `{k: params[k] - lr * grads[k] for k in params}`. Build
# new arrays rather than updating in place; then nothing you returned
# earlier changes under your feet.
# </details>

# %% tests="train_mlp"
import numpy as np


def _xor_blobs(rng, n):
    """Four blobs at the corners of a square; the class is XOR of signs."""
    corners = rng.choice([-1.0, 1.0], size=(n, 2))
    X = corners + 0.3 * rng.normal(size=(n, 2))
    return X, (corners[:, 0] * corners[:, 1] > 0).astype(int)


@test_case(hidden=False)
def test_train_shapes_and_determinism(train_mlp):
    X, y = _xor_blobs(np.random.default_rng(0), 40)
    params = train_mlp(X, y, 5, 0.1, 3, seed=0)
    shapes = {"W1": (2, 5), "b1": (5,), "W2": (5, 2), "b2": (2,)}
    for key, shape in shapes.items():
        assert np.shape(params[key]) == shape, (
            "with d = 2, hidden = 5 and labels 0/1 the shapes are W1 (2, 5), "
            "b1 (5,), W2 (5, 2), b2 (2,)"
        )
    again = train_mlp(X, y, 5, 0.1, 3, seed=0)
    assert all(np.array_equal(params[k], again[k]) for k in shapes), (
        "the same seed should give exactly the same parameters"
    )


@test_case(hidden=False)
def test_train_learns_xor(train_mlp):
    X, y = _xor_blobs(np.random.default_rng(1), 120)
    params = train_mlp(X, y, 8, 0.5, 300, seed=0)
    W1, b1 = np.asarray(params["W1"]), np.asarray(params["b1"])
    W2, b2 = np.asarray(params["W2"]), np.asarray(params["b2"])
    logits = np.maximum(X @ W1 + b1, 0) @ W2 + b2
    accuracy = np.mean(np.argmax(logits, axis=1) == y)
    assert accuracy > 0.95, (
        "after 300 epochs with lr = 0.5 and 8 hidden units the network "
        "should classify more than 95 % of the XOR blobs correctly"
    )


@test_case(hidden=True)
def test_train_each_epoch_is_one_gradient_step(train_mlp):
    # Whatever the initialisation, the parameters after k + 1 epochs must be
    # one full-batch step of the mean-loss gradient from those after k.
    rng = np.random.default_rng(1141)
    X = rng.normal(size=(30, 3))
    y = rng.integers(0, 3, size=30)

    def grads(p):
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        z2 = a1 @ p["W2"] + p["b2"]
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        dz2 = (e / e.sum(axis=1, keepdims=True) - np.eye(3)[y]) / 30
        dz1 = dz2 @ p["W2"].T * (z1 > 0)
        return {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": a1.T @ dz2,
                "b2": dz2.sum(axis=0)}

    for k in (0, 4):
        before = {key: np.asarray(v, dtype=float)
                  for key, v in train_mlp(X, y, 6, 0.3, k, 5).items()}
        after = {key: np.asarray(v, dtype=float)
                 for key, v in train_mlp(X, y, 6, 0.3, k + 1, 5).items()}
        g = grads(before)
        for key in g:
            assert after[key].shape == g[key].shape, (
                "the parameters have the wrong shapes"
            )
            assert np.allclose(after[key], before[key] - 0.3 * g[key],
                               rtol=1e-9, atol=1e-12), (
                "one more epoch should be exactly one full-batch step "
                "params - lr * gradient of the mean loss, for all four "
                "arrays (W1, b1, W2, b2)"
            )


@test_case(hidden=True)
def test_train_zero_epochs_is_the_initialisation(train_mlp):
    # b2 starts at zero and its gradient (the mean of softmax minus
    # one-hot) is not zero here: any step taken would move b2.
    rng = np.random.default_rng(1145)
    X = rng.normal(size=(20, 3))
    y = np.array([0, 1, 1, 2] * 5)
    b2 = np.asarray(train_mlp(X, y, 4, 0.3, 0, 2)["b2"], dtype=float)
    assert b2.shape == (3,) and np.all(b2 == 0), (
        "with n_epochs = 0 train_mlp should take no step and return the "
        "initialisation (b2 still zero): take exactly n_epochs steps"
    )


@test_case(hidden=True)
def test_train_fits_and_lowers_the_loss(train_mlp):
    rng = np.random.default_rng(1142)
    corners = rng.choice([-1.0, 1.0], size=(160, 2))
    X = corners + 0.3 * rng.normal(size=(160, 2))
    y = (corners[:, 0] * corners[:, 1] > 0).astype(int)

    def loss_and_accuracy(p):
        z = (np.maximum(X @ np.asarray(p["W1"]) + np.asarray(p["b1"]), 0)
             @ np.asarray(p["W2"]) + np.asarray(p["b2"]))
        m = z.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
        loss = np.mean(lse - z[np.arange(len(y)), y])
        return loss, np.mean(np.argmax(z, axis=1) == y)

    for seed in (0, 1, 2):
        start, _ = loss_and_accuracy(train_mlp(X, y, 8, 0.5, 0, seed))
        loss, accuracy = loss_and_accuracy(train_mlp(X, y, 8, 0.5, 400, seed))
        assert loss < 0.1 * start and loss < 0.05, (
            "400 epochs on the XOR blobs should lower the mean loss by far "
            "more than a factor 10, to below 0.05"
        )
        assert accuracy > 0.97, (
            "400 epochs should classify more than 97 % of the XOR blobs "
            "correctly"
        )


@test_case(hidden=True)
def test_train_seeds(train_mlp):
    rng = np.random.default_rng(1143)
    X = rng.normal(size=(25, 4))
    y = rng.integers(0, 2, size=25)
    first = train_mlp(X, y, 7, 0.1, 5, 3)
    again = train_mlp(X, y, 7, 0.1, 5, 3)
    other = train_mlp(X, y, 7, 0.1, 5, 4)
    keys = ("W1", "b1", "W2", "b2")
    assert all(np.array_equal(first[k], again[k]) for k in keys), (
        "the same seed should give exactly the same parameters (use "
        "np.random.default_rng(seed))"
    )
    assert not np.allclose(np.asarray(first["W1"]),
                           np.asarray(other["W1"])), (
        "different seeds should give different networks"
    )
    start = train_mlp(X, y, 7, 0.1, 0, 3)
    W1 = np.asarray(start["W1"], dtype=float)
    assert np.all(np.isfinite(W1)) and np.std(W1) > 1e-3, (
        "the weights must start random, not at zero (zero weights keep all "
        "hidden units identical)"
    )
    assert np.unique(np.round(W1, 12), axis=1).shape[1] == 7, (
        "the hidden units should start different from each other"
    )


@test_case(hidden=True)
def test_train_classes_from_max_label(train_mlp):
    # Labels 0, 1 and 3 (class 2 absent): C = max(y) + 1 = 4 classes.
    rng = np.random.default_rng(1144)
    X = rng.normal(size=(12, 3))
    y = np.array([0, 1, 3] * 4)
    params = train_mlp(X, y, 4, 0.1, 2, 0)
    shapes = {"W1": (3, 4), "b1": (4,), "W2": (4, 4), "b2": (4,)}
    for key, shape in shapes.items():
        assert np.shape(params[key]) == shape, (
            "the network should have C = max(y) + 1 outputs, even when a "
            "class does not occur in y"
        )


@test_case(hidden=True)
def test_train_lists_and_keeps_inputs(train_mlp):
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    y = np.array([1, 1, 0, 0])
    params = train_mlp(X, y, 3, 0.5, 10, 0)
    assert np.array_equal(X, [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0],
                              [0.0, 0.0]]), "train_mlp must not change X"
    assert np.array_equal(y, [1, 1, 0, 0]), "train_mlp must not change y"
    from_lists = train_mlp(X.tolist(), y.tolist(), 3, 0.5, 10, 0)
    assert all(np.allclose(np.asarray(params[k], dtype=float),
                           np.asarray(from_lists[k], dtype=float))
               for k in ("W1", "b1", "W2", "b2")), (
        "train_mlp should accept lists and give the same result"
    )


@test_case(hidden=True)
def test_train_one_hidden_unit(train_mlp):
    rng = np.random.default_rng(1146)
    X = rng.normal(size=(10, 3))
    y = np.array([0, 1] * 5)
    params = train_mlp(X, y, 1, 0.1, 3, 0)
    shapes = {"W1": (3, 1), "b1": (1,), "W2": (1, 2), "b2": (2,)}
    for key, shape in shapes.items():
        assert np.shape(params[key]) == shape, (
            "hidden = 1 is allowed (only hidden < 1 is an error): one hidden "
            "unit gives W1 (d, 1), b1 (1,), W2 (1, C), b2 (C,)"
        )


@test_case(hidden=True)
def test_train_invalid(train_mlp):
    X = np.ones((4, 2))
    for args in ((X, [0, 1, 0], 3), (np.ones((0, 2)), [], 3),
                 (np.ones(4), [0, 1, 0, 1], 3), (X, [0, 1, 0, -1], 3),
                 (X, [0, 1, 0, 1], 0)):
        try:
            train_mlp(*args, 0.1, 2, 0)
        except ValueError:
            continue
        raise AssertionError(
            "train_mlp should raise ValueError for an empty or non-2-D X, "
            "a y without one non-negative label per row, or hidden < 1"
        )

# %% [markdown]
# ## 6. The rings, solved
#
# Now the problem of section 1: 300 points, 3 classes, a network with 16
# hidden units, $\text{lr} = 0.5$, 1000 epochs. That takes well under a
# second. How well does it do on the training points? And on 300 **new**
# points from the same distribution, which it never saw?

# %% grading="skip"
N_HIDDEN, LR, N_EPOCHS = 16, 0.5, 1000
X_new, y_new = make_rings(np.random.default_rng(12), 100)


def accuracy(params, X, y):
    return np.mean(np.argmax(mlp_forward(params, X)[0], axis=1) == y)


try:
    net = train_mlp(X_rings, y_rings, N_HIDDEN, LR, N_EPOCHS, seed=0)
    print(f"training accuracy {100 * accuracy(net, X_rings, y_rings):.1f} %,"
          f" on new points {100 * accuracy(net, X_new, y_new):.1f} %"
          f" (the linear model: {100 * linear_accuracy:.1f} %)")
except NotImplementedError:
    net = None
    print("Write the five functions above to train the network.")

# %% [markdown]
# Where does the network draw its boundaries? Colour every point of the
# plane by the class the network predicts there. The dashed lines are the
# 16 fold lines $x \cdot w_j + b_j = 0$ of the hidden units.

# %% grading="skip"
if net is not None:
    regions = np.argmax(mlp_forward(net, grid_points)[0], axis=1)
    fig, ax = plt.subplots(figsize=(6, 5.6))
    ax.contourf(G1, G2, regions.reshape(G1.shape),
                levels=[-0.5, 0.5, 1.5, 2.5], colors=["C0", "C1", "C2"],
                alpha=0.25)
    W1_net, b1_net = np.asarray(net["W1"]), np.asarray(net["b1"])
    for j in range(N_HIDDEN):
        fold = grid_points @ W1_net[:, j] + b1_net[j]
        ax.contour(G1, G2, fold.reshape(G1.shape), levels=[0],
                   colors="gray", linestyles="--", linewidths=0.6)
    for c in range(3):
        ax.scatter(*X_rings[y_rings == c].T, s=10, color=f"C{c}",
                   label=f"class {c}")
    ax.set(title=f"The network's decision regions ({N_HIDDEN} ReLU units)",
           xlabel="x1", ylabel="x2", aspect="equal", xlim=(-2.8, 2.8),
           ylim=(-2.8, 2.8))
    ax.legend(loc="upper right", fontsize=8)
    plt.show()

# %% [markdown]
# The rings are recovered as polygons. Every corner of a boundary lies on
# one of the dashed fold lines: between folds, the logits are flat pieces
# (linear functions of $x$), so the boundaries between classes are
# straight there. With more hidden units the polygons get more corners
# and look rounder.
#
# How did training get there? Since `train_mlp` starts from the same
# initialisation for the same seed, a run of 100 epochs is exactly the
# first 100 epochs of a run of 1000. So we can read off the loss curve by
# training for a growing number of epochs.

# %% grading="skip"
if net is not None:
    epochs = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    curve = []
    for n in epochs:
        params = train_mlp(X_rings, y_rings, N_HIDDEN, LR, n, seed=0)
        curve.append((mean_cross_entropy(mlp_forward(params, X_rings)[0],
                                         y_rings),
                      accuracy(params, X_rings, y_rings)))
    curve = np.array(curve)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    ax1.plot(epochs, curve[:, 0], "o-", color="C0")
    ax1.set(title="Training loss", xlabel="epoch",
            ylabel="mean cross-entropy (nats)", xscale="symlog",
            yscale="log")
    ax1.axhline(np.log(3), color="gray", ls=":",
                label="log 3: guessing uniformly")
    ax1.legend()
    ax2.plot(epochs, 100 * curve[:, 1], "o-", color="C1")
    ax2.set(title="Training accuracy", xlabel="epoch", ylabel="accuracy (%)",
            xscale="symlog", ylim=(0, 102))
    for ax in (ax1, ax2):
        ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    plt.show()

# %% [markdown]
# The random network starts out *worse* than guessing: its loss is above
# $\log 3 \approx 1.1$, the loss of a network that gives every class
# probability $1/3$, because its random logits are confidently wrong about
# many points. The first steps fix that. The loss then drops fast up to a
# hundred epochs or so, while the hidden units move their fold lines into
# place, and slowly after that, as the boundaries are fine-tuned. The accuracy stalls below
# 100 % because some points of the noisy rings lie on the wrong side of
# any sensible boundary. Pushing the training loss further would only fit
# that noise, and the accuracy on the new points would not follow.
#
# ## Summary
#
# - A **linear** model's class regions are convex: it cannot solve the
#   rings. A **hidden layer** of ReLU units folds the plane along lines,
#   and a linear model on top of the folds draws piecewise-linear curves.
# - **Forward:** $Z_1 = XW_1 + b_1$, $A_1 = \operatorname{relu}(Z_1)$,
#   $Z_2 = A_1W_2 + b_2$; keep $X, Z_1, A_1, Z_2$ for the way back.
# - **Backward** is the chain rule, top down: $dZ_2 = (\operatorname{softmax}
#   - \operatorname{onehot})/N$, then $dW = (\text{input})^\top dZ$, $db =$
#   the row sums, $dA_1 = dZ_2W_2^\top$, and $\operatorname{relu}'(Z_1)$
#   switches off the gradient of inactive units. The shapes tell you where
#   the transposes go; a **numerical gradient check** tells you that you got
#   it right.
# - **Training** is gradient descent on all the weights, from a *random*
#   start: identical units would stay identical.
#
# Next week, the capstone: a segmentation model for thin objects, where the
# loss you choose decides whether the model finds them at all.
