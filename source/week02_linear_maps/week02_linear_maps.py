# %% [markdown]
# # Week 2 — Matrices are linear transformations
#
# **Why this week matters.** Open any neural network and look at one fully
# connected ("dense") layer. It takes a feature vector $x$ and returns
#
# $$y = Wx + b,$$
#
# a matrix times a vector, plus a shift. A network is a stack of such
# layers with simple non-linear functions in between; it takes the data
# and *transforms* it, step by step, until the classes can be read off.
# So to understand what a layer does, you need to understand what a matrix
# does to the space of features.
#
# Last week a vector was an arrow. This week a matrix is a **machine that
# moves every arrow at once**, in a very disciplined way: it keeps straight
# lines straight and the origin in place. You will see that such a machine
# is completely described by where it sends a handful of arrows — the
# columns of its matrix — and that the famous rule for multiplying matrices
# is not a rule to memorise: it is what happens when you run one machine
# after another.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `matrix_of` | record where the basis arrows go | reading off a layer |
# | `apply` | mix the columns, weighted by x | one layer, one input |
# | `matmul` | one transformation after another | stacking layers, batches |
# | `rotation` | turn the plane, keep lengths | rotary embeddings |
# | `dense_layer` | a linear map plus a shift, per sample | every network |
#
# Notation: vectors lower case (`x`, `b`), matrices upper case (`A`, `W`),
# `X` a data matrix whose **rows** are samples. $e_1, e_2, \dots$ are the
# standard basis vectors: $e_j$ has a 1 in place $j$ and zeros elsewhere.
# (In code places count from 0, so $e_1$ is `np.eye(n)[0]`.)

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. What a linear transformation does to the plane
#
# A function $T$ that takes vectors to vectors is **linear** when it
# respects the two things you can do with arrows, adding and stretching:
#
# $$T(u + v) = T(u) + T(v), \qquad T(c\,u) = c\,T(u).$$
#
# What does that look like? Draw the plane as a grid of squares and apply
# $T$ to every point. A linear map may stretch, shear, turn or flip the
# grid, but grid lines stay **straight**, **parallel** and **evenly
# spaced**, and the origin stays where it is ($T(0) = T(0 \cdot u) =
# 0 \cdot T(u) = 0$).
#
# Here is the map $T(x_1, x_2) = (2x_1 - x_2,\; x_1 + x_2)$. Watch the two
# basis arrows $e_1 = (1, 0)$ and $e_2 = (0, 1)$, and one point,
# $x = (2, 1)$.

# %% grading="skip"
def draw_grid(ax, A, shift=(0.0, 0.0), lim=3, color="0.75"):
    """Draw the image of the grid lines x1 = k and x2 = k under Ax + shift.

    A linear map sends straight lines to straight lines, so the two end
    points of each line are enough.
    """
    A = np.asarray(A, dtype=float)
    shift = np.reshape(np.asarray(shift, dtype=float), (2, 1))
    ends = np.array([-lim, lim], dtype=float)
    for k in range(-lim, lim + 1):
        for line in (np.stack([ends, [k, k]]), np.stack([[k, k], ends])):
            image = A @ line + shift
            ax.plot(image[0], image[1], color=color, lw=0.8, zorder=1)


def draw_arrow(ax, vec, color, label, start=(0.0, 0.0), offset=(0.1, 0.1)):
    """An arrow from start to start + vec, labelled near its tip."""
    start = np.asarray(start, dtype=float)
    tip = start + np.asarray(vec, dtype=float)
    ax.annotate("", xy=tip, xytext=start, zorder=3,
                arrowprops={"arrowstyle": "->", "color": color, "lw": 2.2})
    ax.text(tip[0] + offset[0], tip[1] + offset[1], label, color=color,
            fontsize=11)


A_demo = np.array([[2.0, -1.0], [1.0, 1.0]])
square = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)
x_demo = np.array([2.0, 1.0])

fig, axes = plt.subplots(1, 2, figsize=(11, 5))
for ax, M, name in [(axes[0], np.eye(2), "before"),
                    (axes[1], A_demo, "after T")]:
    draw_grid(ax, M)
    ax.fill(*(M @ square), color="C2", alpha=0.3, label="unit square")
    draw_arrow(ax, M[:, 0], "C0", "T(e1)" if name != "before" else "e1")
    draw_arrow(ax, M[:, 1], "C1", "T(e2)" if name != "before" else "e2")
    ax.plot(*(M @ x_demo), "ko", zorder=4)
    ax.text(*(M @ x_demo + [0.15, -0.35]),
            "T(x)" if name != "before" else "x = (2, 1)")
    ax.set(xlim=(-4.5, 5.5), ylim=(-4.5, 5.5), aspect="equal",
           title=f"The grid {name}", xlabel="x1", ylabel="x2")
axes[0].legend(loc="lower right")
fig.suptitle("A linear map bends the grid, but its lines stay straight, "
             "parallel and evenly spaced")
fig.tight_layout()
plt.show()

# %% [markdown]
# Look at the point $x = (2, 1)$. Before, you reach it by walking 2 steps
# along $e_1$ and 1 step along $e_2$. After, it sits at the same corner of
# the *bent* grid: 2 steps along $T(e_1)$ and 1 step along $T(e_2)$. That is
# linearity at work:
#
# $$T(x) = T(x_1 e_1 + x_2 e_2) = x_1\, T(e_1) + x_2\, T(e_2).$$
#
# So **a linear map is completely known once you know where the basis
# vectors go.** Write those images side by side as columns, and you have its
# **matrix**:
#
# $$A = \Big[\; T(e_1) \;\Big|\; T(e_2) \;\Big|\; \cdots \;\Big|\;
# T(e_n) \;\Big].$$
#
# A map from $\mathbb{R}^n$ to $\mathbb{R}^m$ has $n$ basis vectors to send,
# each to a vector with $m$ entries: its matrix has $m$ rows and $n$
# columns, shape $(m, n)$ — "$m$ outputs, $n$ inputs".
#
# **Worked example.** For $T(x_1, x_2) = (2x_1 - x_2,\; x_1 + x_2)$:
# $T(e_1) = T(1, 0) = (2, 1)$ and $T(e_2) = T(0, 1) = (-1, 1)$. So
#
# $$A = \begin{pmatrix} 2 & -1 \\ 1 & 1 \end{pmatrix},$$
#
# and for $x = (2, 1)$: $T(x) = 2\,(2, 1) + 1\,(-1, 1) = (3, 3)$.

# %% grading="skip"
def T(x):
    """The example map, written as a formula."""
    return np.array([2 * x[0] - x[1], x[0] + x[1]])


print("T(e1) =", T(np.array([1.0, 0.0])),
      "  T(e2) =", T(np.array([0.0, 1.0])))
print("T(x)  =", T(x_demo), " and 2 T(e1) + 1 T(e2) =",
      2 * np.array([2.0, 1.0]) + 1 * np.array([-1.0, 1.0]))

# %% [markdown]
# Not every function is linear. A **shift**, $x \mapsto x + (1, 0)$, keeps
# lines straight but moves the origin, so it has no matrix; a dense layer,
# $Wx + b$, is a linear map *followed by* a shift (section 5). A squaring
# map, $x \mapsto (x_1^2, x_2)$, bends grid lines into curves.
#
# ### Exercise 1: `matrix_of(transform, n)`
#
# `transform` is a Python function that takes a vector of length `n` (a
# float numpy array) and returns a vector of some length `m` (a list or an
# array). Assuming it is linear, return its matrix: the float array of shape
# `(m, n)` whose column `j` is `transform(e_j)`. Raise `ValueError` if `n` is
# not a positive integer, or if the outputs are not vectors of one common,
# non-zero length.

# %% question="matrix_of"
def matrix_of(transform, n):
    """The (m, n) matrix whose column j is transform(e_j), e_j the j-th
    standard basis vector of R^n.

    ValueError if n is not a positive integer or the images are not
    non-empty vectors of one common length.
    """
    # BEGIN SOLUTION
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    columns = []
    for j in range(n):
        e_j = np.zeros(n)
        e_j[j] = 1.0
        image = np.atleast_1d(np.asarray(transform(e_j), dtype=float))
        if image.ndim != 1 or image.size == 0:
            raise ValueError("transform must return a non-empty vector")
        if columns and image.shape != columns[0].shape:
            raise ValueError("transform returned vectors of different lengths")
        columns.append(image)
    return np.stack(columns, axis=1)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Loop over `j` in `range(n)`. Build $e_j$ as a fresh array of zeros with a
# 1 in place `j` (or take row `j` of `np.eye(n)`), and compute
# `np.asarray(transform(e_j), dtype=float)`. Collect the images in a list.
# `np.array(list_of_images)` would put them in **rows**; you want columns —
# `np.stack(images, axis=1)` or `np.column_stack(images)` does that.
# </details>

# %% tests="matrix_of"
import numpy as np


@test_case(hidden=False)
def test_matrix_of_worked_example(matrix_of):
    got = np.asarray(matrix_of(lambda x: [2 * x[0] - x[1], x[0] + x[1]], 2))
    assert got.shape == (2, 2), "a map from R^2 to R^2 has a 2 x 2 matrix"
    assert np.allclose(got, [[2, -1], [1, 1]]), (
        "for T(x) = (2 x1 - x2, x1 + x2) the columns are T(e1) = (2, 1) and "
        "T(e2) = (-1, 1), so the matrix is [[2, -1], [1, 1]]"
    )


@test_case(hidden=False)
def test_matrix_of_shape(matrix_of):
    got = np.asarray(matrix_of(lambda x: [x[0] + x[1] + x[2], x[2]], 3))
    assert got.shape == (2, 3), (
        "a map from R^3 to R^2 has a matrix with 2 rows (outputs) and 3 "
        "columns (inputs)"
    )
    assert np.allclose(got, [[1, 1, 1], [0, 0, 1]]), (
        "T(x) = (x1 + x2 + x3, x3): the columns are T(e1) = (1, 0), "
        "T(e2) = (1, 0), T(e3) = (1, 1)"
    )


@test_case(hidden=True)
def test_matrix_of_recovers_a_matrix(matrix_of):
    rng = np.random.default_rng(2101)
    for m, n in ((1, 1), (2, 3), (4, 2), (5, 5), (1, 6)):
        M = rng.normal(size=(m, n))
        got = np.asarray(matrix_of(lambda x, M=M: M @ np.asarray(x), n))
        assert got.shape == (m, n), (
            "the matrix of a map from R^n to R^m has shape (m, n)"
        )
        assert np.allclose(got, M, rtol=1e-12, atol=1e-12), (
            "matrix_of(lambda x: M @ x, n) should give back M: column j is "
            "the image of e_j"
        )


@test_case(hidden=True)
def test_matrix_of_numpy_maps(matrix_of):
    got = np.asarray(matrix_of(np.cumsum, 4))
    assert np.allclose(got, np.tril(np.ones((4, 4)))), (
        "the running sum x -> cumsum(x) should give a lower-triangular "
        "matrix of ones"
    )
    got = np.asarray(matrix_of(lambda x: np.asarray(x)[::-1], 3))
    assert np.allclose(got, np.eye(3)[::-1]), (
        "reversing a vector of length 3 should give the anti-diagonal matrix"
    )
    got = np.asarray(matrix_of(np.diff, 5))
    want = np.diff(np.eye(5), axis=0)
    assert got.shape == (4, 5) and np.allclose(got, want), (
        "the differences x -> diff(x) map R^5 to R^4: a (4, 5) matrix"
    )


@test_case(hidden=True)
def test_matrix_of_identity_and_scaling(matrix_of):
    got = np.asarray(matrix_of(lambda x: np.asarray(x) * 1.0, 3))
    assert np.allclose(got, np.eye(3)), "the identity map has the matrix I"
    got = np.asarray(matrix_of(lambda x: [-2.5 * x[0]], 1))
    assert got.shape == (1, 1) and np.allclose(got, [[-2.5]]), (
        "x -> -2.5 x on R^1 has the 1 x 1 matrix [[-2.5]]"
    )


@test_case(hidden=True)
def test_matrix_of_invalid_n(matrix_of):
    for n in (0, -2, 2.5):
        try:
            matrix_of(lambda x: [1.0], n)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "matrix_of should raise ValueError (not another exception) when "
            "n is not a positive integer"
        )


@test_case(hidden=True)
def test_matrix_of_images_of_different_lengths(matrix_of):
    def uneven(x):
        # A length-2 image for e_1, length-1 images for the others.
        return np.ones(2) if x[0] == 1.0 else np.ones(1)

    try:
        matrix_of(uneven, 3)
    except ValueError:
        return
    except Exception:
        pass
    raise AssertionError(
        "matrix_of should raise ValueError (not another exception) when the "
        "images transform(e_j) do not all have the same length (do not "
        "broadcast or pad a short one)"
    )

# %% [markdown]
# ## 2. Applying a matrix: a mix of its columns
#
# Once the columns are known, the image of *any* $x$ follows from the
# formula of section 1: it is a mix of the columns, weighted by the
# coordinates of $x$,
#
# $$Ax = x_1 a_1 + x_2 a_2 + \dots + x_n a_n ,$$
#
# where $a_j$ is column $j$ of $A$. The picture: walk $x_1$ times along the
# first column, then $x_2$ times along the second, and so on, tip to tail.

# %% grading="skip"
a1, a2 = A_demo[:, 0], A_demo[:, 1]

fig, ax = plt.subplots(figsize=(6, 5))
draw_grid(ax, A_demo, color="0.85")
draw_arrow(ax, a1, "C0", "a1")
draw_arrow(ax, a2, "C1", "a2")
draw_arrow(ax, 2 * a1, "C0", "2 a1")
draw_arrow(ax, 1 * a2, "C1", "+ 1 a2", start=2 * a1, offset=(0.0, -0.6))
draw_arrow(ax, 2 * a1 + 1 * a2, "k", "Ax = (3, 3)", offset=(-1.0, 0.2))
ax.set(xlim=(-2.5, 5.5), ylim=(-1.5, 4.5), aspect="equal",
       title="Ax for x = (2, 1): 2 times column 1 plus 1 times column 2",
       xlabel="first output coordinate", ylabel="second output coordinate")
plt.show()

# %% [markdown]
# There is a second way to read the same sum. Entry $i$ of $Ax$ is
# $A_{i1}x_1 + \dots + A_{in}x_n$: the dot product of **row** $i$ with $x$
# (last week's `dot`). In a layer, each row of $W$ holds the weights of one
# output neuron, and that neuron computes a dot product with the input. The
# numbers are the same; the column picture shows what happens to the
# *space*, the row picture what each *output* computes.
#
# **Worked example.** $A = \begin{pmatrix} 2 & -1 \\ 1 & 1 \end{pmatrix}$,
# $x = (2, 1)$: by columns $2\,(2, 1) + 1\,(-1, 1) = (3, 3)$; by rows
# $(2 \cdot 2 - 1 \cdot 1,\; 1 \cdot 2 + 1 \cdot 1) = (3, 3)$.

# %% grading="skip"
print("by columns:", 2 * A_demo[:, 0] + 1 * A_demo[:, 1])
print("by rows:   ", [2 * 2 + (-1) * 1, 1 * 2 + 1 * 1])
print("numpy's A @ x:", A_demo @ x_demo)

# %% [markdown]
# ### Exercise 2: `apply(A, x)`
#
# Compute $Ax$ as the combination of the columns of `A` weighted by the
# entries of `x`. `A` has shape `(m, n)` (a list of rows or an array), `x`
# length `n`; return a float array of length `m`. Raise `ValueError` if `A`
# is not a non-empty 2-D matrix, `x` not a 1-D vector (a column of shape
# `(n, 1)` is a matrix, not a vector), or their sizes do not fit.
# The shortcuts `@`, `np.dot`, `np.matmul`, `np.einsum`, `np.tensordot` and
# `np.inner` are not allowed: the point is to build the product yourself.

# %% question="apply" forbid=["@", "np.dot", "np.matmul", "np.einsum", "np.tensordot", "np.inner"]
def apply(A, x):
    """A x, the columns of A weighted by the entries of x (shape (m,)).

    ValueError unless A is a non-empty 2-D (m, n) matrix and x is a 1-D
    vector of length n.
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("A must be a non-empty matrix")
    if x.ndim != 1 or x.shape[0] != A.shape[1]:
        raise ValueError(
            f"x must be a vector of length {A.shape[1]}, got shape {x.shape}")
    result = np.zeros(A.shape[0])
    for j in range(A.shape[1]):
        result = result + x[j] * A[:, j]
    return result
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert with `np.asarray(..., dtype=float)` and check `A.ndim == 2` and
# `A.shape[1] == len(x)`. Start from `np.zeros(A.shape[0])` and, for each
# `j`, add `x[j] * A[:, j]` — column `j`, stretched by `x[j]`. Make a new
# array rather than changing `A`.
# </details>

# %% tests="apply"
import numpy as np


@test_case(hidden=False)
def test_apply_worked_example(apply):
    got = np.asarray(apply([[2, -1], [1, 1]], [2, 1]))
    assert got.shape == (2,) and np.allclose(got, [3, 3]), (
        "apply([[2, -1], [1, 1]], [2, 1]) is 2 * (2, 1) + 1 * (-1, 1) = (3, 3)"
    )


@test_case(hidden=False)
def test_apply_picks_a_column(apply):
    A = [[1, 2, 3], [4, 5, 6]]
    assert np.allclose(apply(A, [0, 1, 0]), [2, 5]), (
        "A applied to e2 = (0, 1, 0) is the second column of A, (2, 5)"
    )


@test_case(hidden=False)
def test_apply_mismatch(apply):
    try:
        apply([[1, 2], [3, 4]], [1, 2, 3])
    except ValueError:
        return
    raise AssertionError(
        "a 2 x 2 matrix cannot be applied to a vector of length 3: raise "
        "ValueError"
    )


@test_case(hidden=True)
def test_apply_random(apply):
    rng = np.random.default_rng(2201)
    for m, n in ((1, 1), (3, 2), (2, 5), (6, 6), (1, 4), (4, 1)):
        A = rng.normal(size=(m, n))
        x = rng.normal(size=n)
        got = np.asarray(apply(A, x), dtype=float)
        assert got.shape == (m,), "A of shape (m, n) times x gives m numbers"
        assert np.allclose(got, A @ x, rtol=1e-12, atol=1e-12), (
            "apply is wrong on a random matrix and vector"
        )


@test_case(hidden=True)
def test_apply_columns_are_images_of_basis(apply):
    rng = np.random.default_rng(2202)
    A = rng.normal(size=(3, 4))
    for j in range(4):
        e = np.zeros(4)
        e[j] = 1.0
        assert np.allclose(apply(A, e), A[:, j]), (
            "A applied to e_j must be column j of A (not row j)"
        )


@test_case(hidden=True)
def test_apply_is_linear(apply):
    rng = np.random.default_rng(2203)
    A = rng.normal(size=(4, 4))
    u, v = rng.normal(size=(2, 4))
    left = np.asarray(apply(A, 2.0 * u - 3.0 * v))
    right = 2.0 * np.asarray(apply(A, u)) - 3.0 * np.asarray(apply(A, v))
    assert np.allclose(left, right), "A(2u - 3v) should equal 2 Au - 3 Av"


@test_case(hidden=True)
def test_apply_integer_matrix_float_vector(apply):
    got = np.asarray(apply([[1, 2], [3, 4]], [0.5, 0.25]))
    assert np.allclose(got, [1.0, 2.5]), (
        "an integer matrix applied to a float vector gives float results "
        "(do not round)"
    )
    got = np.asarray(apply([[1, 2, 3]], [1, 1, 1]))
    assert got.shape == (1,) and np.allclose(got, [6]), (
        "a 1 x 3 matrix times a vector of length 3 is a vector of length 1"
    )


@test_case(hidden=True)
def test_apply_invalid(apply):
    for A, x in (([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [1.0, 2.0]),
                 ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0, 3.0]),
                 ([[1.0, 2.0]], [1.0]),
                 ([], [])):
        try:
            apply(A, x)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "apply should raise ValueError (not another exception) when the "
            "sizes do not fit or the input is empty"
        )


@test_case(hidden=True)
def test_apply_rejects_non_matrix_and_non_vector(apply):
    for A, x in (([[1.0, 2.0], [3.0, 4.0]], [[1.0], [2.0]]),
                 ([1.0, 2.0], [1.0, 2.0])):
        try:
            apply(A, x)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "apply should raise ValueError (not another exception) when x is "
            "not a 1-D vector (a column (n, 1) is a matrix) or A is not a 2-D "
            "matrix"
        )


@test_case(hidden=True)
def test_apply_small_example(apply):
    got = np.asarray(apply(np.array([[1.0, 2.0], [3.0, 4.0]]),
                           np.array([2.0, -1.0])))
    assert np.allclose(got, [0.0, 2.0]), (
        "apply([[1, 2], [3, 4]], (2, -1)) should be 2 (1, 3) - (2, 4) = "
        "(0, 2)"
    )


@test_case(hidden=True)
def test_apply_keeps_inputs(apply):
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = np.array([2.0, -1.0])
    apply(A, x)
    assert np.array_equal(A, [[1.0, 2.0], [3.0, 4.0]]) and np.array_equal(
        x, [2.0, -1.0]), "apply must not change its inputs"

# %% [markdown]
# ## 3. One transformation after another: matrix multiplication
#
# A network applies one layer after another; a graphics program shears an
# image and then rotates it. What is the matrix of "first $B$, then $A$",
# the map $x \mapsto A(Bx)$?
#
# It is linear (a linear map of a linear map still respects sums and
# stretching), so by section 1 it has a matrix, and its column $j$ is
# wherever $e_j$ ends up. Follow $e_j$ through the two machines:
#
# - $B$ sends $e_j$ to $B e_j$, which is **column $j$ of $B$**, call it
#   $b_j$;
# - $A$ then sends $b_j$ to $A b_j$.
#
# So the matrix of the composition, written $AB$, is
#
# $$AB = \Big[\; A b_1 \;\Big|\; A b_2 \;\Big|\; \cdots \;\Big|\;
# A b_n \;\Big]: \qquad \text{column } j \text{ of } AB
# = A \text{ applied to column } j \text{ of } B.$$
#
# That is all of matrix multiplication. Write out entry $i$ of $A b_j$ (the
# row picture of section 2) and the textbook formula appears by itself:
#
# $$(AB)_{ij} = \sum_k A_{ik} B_{kj}.$$
#
# **Shapes.** If $B$ is $(k, n)$ — $n$ inputs, $k$ outputs — then the
# outputs of $B$ are the inputs of $A$, so $A$ must be $(m, k)$, and $AB$
# goes from $n$ inputs to $m$ outputs: shape $(m, n)$. The inner sizes must
# agree; otherwise the two machines do not fit together.
#
# **Order matters.** $AB$ means "$B$ first", read right to left, like
# $A(Bx)$. Shearing then rotating is not rotating then shearing:

# %% grading="skip"
S = np.array([[1.0, 1.0], [0.0, 1.0]])   # shear: e2 leans over to (1, 1)
R = np.array([[0.0, -1.0], [1.0, 0.0]])  # quarter turn counter-clockwise

fig, axes = plt.subplots(1, 4, figsize=(14, 3.9))
stages = [(np.eye(2), "start"), (S, "after the shear S"),
          (R @ S, "S, then R: the matrix R S"),
          (S @ R, "R, then S: the matrix S R")]
for ax, (M, title) in zip(axes, stages):
    draw_grid(ax, M, lim=2)
    ax.fill(*(M @ square), color="C2", alpha=0.35)
    draw_arrow(ax, M[:, 0], "C0", "e1")
    draw_arrow(ax, M[:, 1], "C1", "e2")
    ax.set(xlim=(-2.6, 2.6), ylim=(-2.6, 2.6), aspect="equal", title=title,
           xlabel="x1", ylabel="x2")
fig.suptitle("Composing transformations: the order changes the result "
             "(arrows show where e1 and e2 end up)")
fig.tight_layout()
plt.show()

# %% [markdown]
# **Worked example.** Compute $RS$ column by column. Column 1 of $S$ is
# $(1, 0)$ and $R(1, 0) = (0, 1)$; column 2 of $S$ is $(1, 1)$ and
# $R(1, 1) = 1\,(0, 1) + 1\,(-1, 0) = (-1, 1)$. So
#
# $$RS = \begin{pmatrix} 0 & -1 \\ 1 & 1 \end{pmatrix}, \qquad
# SR = \begin{pmatrix} 1 & -1 \\ 1 & 0 \end{pmatrix}.$$

# %% grading="skip"
col1 = 1 * R[:, 0] + 0 * R[:, 1]   # R applied to column 1 of S
col2 = 1 * R[:, 0] + 1 * R[:, 1]   # R applied to column 2 of S
print("by hand:\n", np.column_stack([col1, col2]))
print("numpy's R @ S:\n", R @ S)
print("numpy's S @ R (the other order):\n", S @ R)

# %% [markdown]
# Two more facts come free from the picture. **Associativity**:
# $(AB)C = A(BC)$, because both mean "$C$, then $B$, then $A$" — it is the
# same chain of machines, bracketed differently. And **batches**: put many
# inputs as the columns of $B$, and $AB$ holds all their images at once.
# That is why a GPU, which multiplies large matrices very fast, is the
# workhorse of deep learning. Multiplying an $(m, k)$ by a $(k, n)$ matrix
# costs $m \cdot k \cdot n$ multiplications.
#
# ### Exercise 3: `matmul(A, B)`
#
# Return the matrix of "first `B`, then `A`", column by column: column `j`
# of the result is `A` applied to column `j` of `B`. Inputs are lists of
# rows or arrays of shapes `(m, k)` and `(k, n)`; return a float array of
# shape `(m, n)`. Raise `ValueError` if either is not a non-empty matrix or
# the inner sizes differ. The same shortcuts as in `apply` are forbidden —
# but you may call your own `apply`.

# %% question="matmul" forbid=["@", "np.dot", "np.matmul", "np.einsum", "np.tensordot", "np.inner"]
def matmul(A, B):
    """The matrix AB of "first B, then A": column j is A times column j
    of B.

    ValueError unless A is (m, k) and B is (k, n), both non-empty.
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.size == 0 or B.size == 0:
        raise ValueError("matmul needs two non-empty matrices")
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"shapes {A.shape} and {B.shape} do not fit: A needs "
            f"{A.shape[1]} inputs, B gives {B.shape[0]} outputs")
    product = np.empty((A.shape[0], B.shape[1]))
    for j in range(B.shape[1]):
        # A applied to column j of B: the columns of A weighted by B[:, j].
        product[:, j] = (A * B[:, j]).sum(axis=1)
    return product
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the shapes first: `A.shape[1]` must equal `B.shape[0]`. Then make an
# empty result of shape `(A.shape[0], B.shape[1])` and fill it one column at
# a time: `result[:, j] = apply(A, B[:, j])`. (A column of `B` is
# `B[:, j]`, not `B[j]`, which is a row.)
# </details>

# %% tests="matmul"
import numpy as np


@test_case(hidden=False)
def test_matmul_worked_example(matmul):
    R = [[0, -1], [1, 0]]
    S = [[1, 1], [0, 1]]
    assert np.allclose(matmul(R, S), [[0, -1], [1, 1]]), (
        "matmul(R, S) (shear S first, then the quarter turn R) should be "
        "[[0, -1], [1, 1]]"
    )
    assert np.allclose(matmul(S, R), [[1, -1], [1, 0]]), (
        "matmul(S, R) (rotate first, then shear) should be [[1, -1], [1, 0]]"
    )


@test_case(hidden=False)
def test_matmul_shapes(matmul):
    got = np.asarray(matmul(np.ones((2, 3)), np.ones((3, 4))))
    assert got.shape == (2, 4), "(2, 3) times (3, 4) gives shape (2, 4)"
    assert np.allclose(got, 3.0), "each entry is a sum of 3 products 1 * 1"


@test_case(hidden=False)
def test_matmul_incompatible(matmul):
    try:
        matmul(np.ones((2, 3)), np.ones((2, 3)))
    except ValueError:
        return
    raise AssertionError(
        "a (2, 3) matrix needs 3 inputs but a (2, 3) matrix gives 2 outputs: "
        "raise ValueError"
    )


@test_case(hidden=True)
def test_matmul_random_shapes(matmul):
    rng = np.random.default_rng(2301)
    for m, k, n in ((1, 1, 1), (2, 3, 4), (4, 1, 3), (3, 5, 1), (6, 6, 6),
                    (1, 7, 1), (5, 2, 2)):
        A = rng.normal(size=(m, k))
        B = rng.normal(size=(k, n))
        got = np.asarray(matmul(A, B), dtype=float)
        assert got.shape == (m, n), (
            "an (m, k) matrix times a (k, n) matrix has shape (m, n)"
        )
        assert np.allclose(got, A @ B, rtol=1e-12, atol=1e-12), (
            "matmul disagrees with numpy's product on random matrices"
        )


@test_case(hidden=True)
def test_matmul_is_the_composition(matmul):
    rng = np.random.default_rng(2302)
    A = rng.normal(size=(3, 4))
    B = rng.normal(size=(4, 2))
    AB = np.asarray(matmul(A, B), dtype=float)
    for x in rng.normal(size=(5, 2)):
        assert np.allclose(AB @ x, A @ (B @ x)), (
            "matmul(A, B) applied to x must equal A applied to (B applied to "
            "x): first B, then A"
        )


@test_case(hidden=True)
def test_matmul_order_and_identity(matmul):
    rng = np.random.default_rng(2303)
    A = rng.normal(size=(3, 3))
    B = rng.normal(size=(3, 3))
    assert np.allclose(matmul(A, B), A @ B), "matmul(A, B) is A B, not B A"
    assert np.allclose(matmul(B, A), B @ A), "matmul(B, A) is B A"
    C = rng.normal(size=(2, 5))
    assert np.allclose(matmul(np.eye(2), C), C), "I C should be C"
    assert np.allclose(matmul(C, np.eye(5)), C), "C I should be C"


@test_case(hidden=True)
def test_matmul_associative(matmul):
    rng = np.random.default_rng(2304)
    A = rng.normal(size=(2, 3))
    B = rng.normal(size=(3, 4))
    C = rng.normal(size=(4, 2))
    left = matmul(matmul(A, B), C)
    right = matmul(A, matmul(B, C))
    assert np.allclose(left, right, rtol=1e-10, atol=1e-12), (
        "(AB)C should equal A(BC)"
    )


@test_case(hidden=True)
def test_matmul_outer_and_inner(matmul):
    u = np.array([[1.0], [2.0], [3.0]])
    v = np.array([[4.0, 5.0]])
    got = np.asarray(matmul(u, v))
    assert got.shape == (3, 2) and np.allclose(got, u * v), (
        "a (3, 1) column times a (1, 2) row is a (3, 2) table of products"
    )
    got = np.asarray(matmul([[1.0, 2.0, 3.0]], u))
    assert got.shape == (1, 1) and np.allclose(got, [[14.0]]), (
        "a (1, 3) row times a (3, 1) column is the (1, 1) dot product"
    )


@test_case(hidden=True)
def test_matmul_integer_and_float(matmul):
    got = np.asarray(matmul([[1, 2], [3, 4]], [[0.5, 0.0], [0.25, 1.5]]))
    assert np.allclose(got, [[1.0, 3.0], [2.5, 6.0]]), (
        "an integer matrix times a float matrix gives float entries (do not "
        "round)"
    )


@test_case(hidden=True)
def test_matmul_invalid(matmul):
    for A, B in ((np.ones((2, 3)), np.ones((2, 3))),
                 (np.ones((4, 1)), np.ones((2, 4))),
                 (np.ones((3, 2)), np.ones((3, 2))),
                 ([], [])):
        try:
            matmul(A, B)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "matmul should raise ValueError (not another exception) when the "
            "inner sizes differ or an input is empty"
        )


@test_case(hidden=True)
def test_matmul_swap_on_the_right(matmul):
    got = np.asarray(matmul(np.array([[1.0, 2.0], [3.0, 4.0]]),
                            np.array([[0.0, 1.0], [1.0, 0.0]])))
    assert np.allclose(got, [[2.0, 1.0], [4.0, 3.0]]), (
        "multiplying by the swap [[0, 1], [1, 0]] on the right swaps columns"
    )


@test_case(hidden=True)
def test_matmul_keeps_inputs(matmul):
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    B = np.array([[0.0, 1.0], [1.0, 0.0]])
    matmul(A, B)
    assert np.array_equal(A, [[1.0, 2.0], [3.0, 4.0]]) and np.array_equal(
        B, [[0.0, 1.0], [1.0, 0.0]]), "matmul must not change its inputs"

# %% [markdown]
# ## 4. Rotations
#
# Turning the plane about the origin keeps lines straight and the origin
# fixed, so it is linear and has a matrix. By section 1 we only need to
# know where $e_1$ and $e_2$ go when we turn by an angle $\theta$
# counter-clockwise:
#
# - $e_1 = (1, 0)$ moves along the unit circle to $(\cos\theta,
#   \sin\theta)$;
# - $e_2$ starts a quarter turn ahead of $e_1$ and stays a quarter turn
#   ahead: it lands at $(\cos(\theta + 90°), \sin(\theta + 90°)) =
#   (-\sin\theta, \cos\theta)$.
#
# Those are the columns:
#
# $$R(\theta) = \begin{pmatrix} \cos\theta & -\sin\theta \\
# \sin\theta & \cos\theta \end{pmatrix}.$$

# %% grading="skip"
letter_f = np.array([[0.0, 0.3, 0.3, 0.8, 0.8, 0.3, 0.3, 1.0, 1.0, 0.0],
                     [0.0, 0.0, 0.8, 0.8, 1.1, 1.1, 1.5, 1.5, 1.8, 1.8]])
letter_f = letter_f + np.array([[0.4], [0.2]])  # away from the origin

fig, ax = plt.subplots(figsize=(6, 6))
circle = np.linspace(0, 2 * np.pi, 200)
ax.plot(np.cos(circle), np.sin(circle), color="0.8", lw=1)
for k, degrees in enumerate([0, 60, 135, 230]):
    theta = np.deg2rad(degrees)
    c, s = np.cos(theta), np.sin(theta)
    R_theta = np.array([[c, -s], [s, c]])
    ax.fill(*(R_theta @ letter_f), color=f"C{k}", alpha=0.5,
            label=f"θ = {degrees}°")
    ax.plot(c, s, "o", color=f"C{k}")
    ax.annotate("", xy=(c, s), xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": f"C{k}"})
ax.plot(0, 0, "k+", ms=12)
ax.set(xlim=(-2.3, 2.3), ylim=(-2.3, 2.3), aspect="equal",
       title="R(θ) turns the plane counter-clockwise about the origin\n"
             "(the dots are R(θ) e1 = (cos θ, sin θ))",
       xlabel="x1", ylabel="x2")
ax.legend(loc="lower left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Rotations keep lengths and angles, so they keep every dot product:
# $(R u) \cdot (R v) = u \cdot v$. In matrix terms $R^\top R = I$ — the
# columns are perpendicular unit vectors — and such a matrix is called
# **orthogonal**. Turning by $\alpha$ and then by $\beta$ is turning by
# $\alpha + \beta$,
#
# $$R(\beta)\,R(\alpha) = R(\alpha + \beta),$$
#
# and if you multiply the left side out you get the angle-addition formulas
# of school trigonometry for free.
#
# *Where ML uses this:* many language models (LLaMA among them) encode the
# position of a word with **rotary embeddings**: pairs of coordinates of
# the query and key vectors are rotated by an angle proportional to the
# word's position $p$. Because $(R(p\theta)\,q) \cdot (R(p'\theta)\,k) =
# q \cdot R((p' - p)\theta)\,k$, the attention score depends only on how
# far apart the two words are.
#
# **Worked example.** $\theta = 90°$: $\cos\theta = 0$, $\sin\theta = 1$,
# so $R = \begin{pmatrix} 0 & -1 \\ 1 & 0 \end{pmatrix}$, the quarter turn
# of section 3; it sends $e_1$ to $(0, 1)$, straight up.

# %% grading="skip"
quarter = np.array([[np.cos(np.pi / 2), -np.sin(np.pi / 2)],
                    [np.sin(np.pi / 2), np.cos(np.pi / 2)]])
print(np.round(quarter, 12))
print("quarter turn of e1:", np.round(quarter @ [1.0, 0.0], 12))

# %% [markdown]
# ### Exercise 4: `rotation(theta)`
#
# Return the $2 \times 2$ float array that rotates the plane
# **counter-clockwise** by `theta` **radians** (numpy's `np.cos` and
# `np.sin` take radians; $90° = \pi/2$).

# %% question="rotation"
def rotation(theta):
    """The 2 x 2 matrix of the counter-clockwise rotation by theta radians."""
    # BEGIN SOLUTION
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]], dtype=float)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# The first column is where $e_1$ goes, $(\cos\theta, \sin\theta)$; the
# second is where $e_2$ goes, $(-\sin\theta, \cos\theta)$. Careful: numpy
# builds `np.array([[a, b], [c, d]])` from **rows**, so the first row is
# $(\cos\theta, -\sin\theta)$.
# </details>

# %% tests="rotation"
import numpy as np


@test_case(hidden=False)
def test_rotation_quarter_turn(rotation):
    R = np.asarray(rotation(np.pi / 2), dtype=float)
    assert R.shape == (2, 2), "rotation should return a 2 x 2 matrix"
    assert np.allclose(R @ [1, 0], [0, 1]), (
        "a quarter turn counter-clockwise sends e1 = (1, 0) to (0, 1)"
    )
    assert np.allclose(R @ [0, 1], [-1, 0]), (
        "a quarter turn counter-clockwise sends e2 = (0, 1) to (-1, 0)"
    )


@test_case(hidden=False)
def test_rotation_zero(rotation):
    assert np.allclose(rotation(0.0), np.eye(2)), (
        "turning by 0 changes nothing: rotation(0) is the identity"
    )


@test_case(hidden=True)
def test_rotation_random_angles(rotation):
    rng = np.random.default_rng(2401)
    for theta in rng.uniform(-7, 7, size=8):
        c, s = np.cos(theta), np.sin(theta)
        got = np.asarray(rotation(theta), dtype=float)
        assert got.shape == (2, 2), "rotation should return a 2 x 2 matrix"
        assert np.allclose(got, [[c, -s], [s, c]], atol=1e-12), (
            "rotation(theta) is wrong for some angle"
        )


@test_case(hidden=True)
def test_rotation_counter_clockwise(rotation):
    for theta in (0.3, 1.0, 2.5):
        image = np.asarray(rotation(theta), dtype=float) @ [1.0, 0.0]
        assert image[1] > 0, (
            "a positive angle turns e1 counter-clockwise, up into the upper "
            "half-plane"
        )


@test_case(hidden=True)
def test_rotation_is_orthogonal(rotation):
    rng = np.random.default_rng(2402)
    for theta in rng.uniform(-4, 4, size=5):
        R = np.asarray(rotation(theta), dtype=float)
        assert np.allclose(R.T @ R, np.eye(2), atol=1e-12), (
            "a rotation keeps lengths and angles: R^T R must be I"
        )
        assert np.isclose(np.linalg.det(R), 1.0), (
            "a rotation keeps areas and orientation: its determinant is 1"
        )


@test_case(hidden=True)
def test_rotation_angles_add(rotation):
    rng = np.random.default_rng(2403)
    a, b = rng.uniform(-3, 3, size=2)
    Ra = np.asarray(rotation(a), dtype=float)
    Rb = np.asarray(rotation(b), dtype=float)
    assert np.allclose(Rb @ Ra, rotation(a + b), atol=1e-12), (
        "turning by a and then by b should be turning by a + b"
    )
    assert np.allclose(rotation(-a), Ra.T, atol=1e-12), (
        "turning back by -a should undo the rotation by a"
    )


@test_case(hidden=True)
def test_rotation_radians(rotation):
    assert np.allclose(rotation(np.pi), -np.eye(2), atol=1e-12), (
        "theta is in radians: a half turn is pi and sends every x to -x"
    )
    assert np.allclose(rotation(2 * np.pi), np.eye(2), atol=1e-12), (
        "theta is in radians: a full turn is 2 pi"
    )
    assert np.allclose(rotation(1), [[np.cos(1), -np.sin(1)],
                                     [np.sin(1), np.cos(1)]]), (
        "rotation should accept an integer angle in radians"
    )

# %% [markdown]
# ## 5. A dense layer: a linear map plus a shift
#
# Back to the layer of the introduction. A dense layer with `d_in` inputs
# and `d_out` outputs has a weight matrix $W$ of shape `(d_out, d_in)` —
# one **row** of weights per output neuron — and a bias vector $b$ of
# length `d_out`. One input $x$ becomes
#
# $$y = Wx + b :$$
#
# each output is the dot product of a weight row with $x$, plus that
# neuron's bias. Geometrically, $W$ bends the feature space as in section 1
# and $b$ then slides all of it, so the origin lands on $b$. Below, two
# clusters of 2-feature samples go through a layer with $d_{in} = d_{out} =
# 2$; the grid shows what the layer does to the whole space.

# %% grading="skip"
rng = np.random.default_rng(2)
cluster_a = rng.normal(loc=(-1.0, 1.0), scale=0.35, size=(40, 2))
cluster_b = rng.normal(loc=(1.2, -0.3), scale=0.35, size=(40, 2))
W_demo = np.array([[1.2, -0.8], [0.6, 0.9]])
b_demo = np.array([1.5, -1.0])

fig, axes = plt.subplots(1, 2, figsize=(11, 5.3), layout="constrained")
for ax, (Wm, bm, title) in zip(axes, [
        (np.eye(2), np.zeros(2), "input features x"),
        (W_demo, b_demo, "layer outputs W x + b")]):
    draw_grid(ax, Wm, shift=bm, lim=3)
    for points, color, name in [(cluster_a, "C0", "class A"),
                                (cluster_b, "C3", "class B")]:
        image = np.array([Wm @ x + bm for x in points])  # x -> W x + b
        ax.scatter(image[:, 0], image[:, 1], s=14, color=color, label=name,
                   zorder=3)
    ax.plot(*bm, "k*", ms=14, zorder=4, label="image of the origin")
    ax.set(xlim=(-4, 6), ylim=(-4.5, 4.5), aspect="equal", title=title,
           xlabel="feature 1", ylabel="feature 2")
    ax.legend(loc="lower right", fontsize=8)
fig.suptitle("A dense layer moves the whole feature space: grid lines stay "
             "straight and parallel, the origin moves to b")
plt.show()

# %% [markdown]
# **A batch.** In practice a layer receives many samples at once, as the
# rows of a data matrix $X$ of shape `(N, d_in)`. Row $i$ of the output is
# $W x_i + b$, so the output has shape `(N, d_out)`: one row per sample, one
# column per neuron. Written with matrices that is $X W^\top + b$, with $b$
# added to every row. (This is exactly PyTorch's `nn.Linear`, whose weight
# has shape `(out_features, in_features)`. Week 15 stores the weights the
# other way round, `(d_in, d_out)`, and writes $XW + b$ — both conventions
# are common; always check the shapes.)
#
# **Why networks need non-linear activations.** Two dense layers in a row
# are still one dense layer:
#
# $$W_2 (W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2).$$
#
# Matrix multiplication composes the linear parts; the shifts combine too.
# However many linear layers you stack, straight lines stay straight. That
# is why a ReLU or a sigmoid sits between layers (week 15).
#
# **Worked example.** $W = \begin{pmatrix} 1 & 0 \\ 0 & 1 \\ 1 & 1
# \end{pmatrix}$ (outputs $x_1$, $x_2$ and $x_1 + x_2$), $b = (0, 10, -1)$.
# The sample $x = (1, 2)$ gives $Wx = (1, 2, 3)$ and $Wx + b = (1, 12, 2)$.

# %% grading="skip"
W_small = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
b_small = np.array([0.0, 10.0, -1.0])
X_small = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.0], [2.0, 2.0]])
print("one sample:", W_small @ X_small[0] + b_small)
print("X has shape", X_small.shape, "so the layer output has shape",
      (X_small.shape[0], W_small.shape[0]))

# %% [markdown]
# ### Exercise 5: `dense_layer(X, W, b)`
#
# `X` has shape `(N, d_in)` (one sample per row), `W` shape
# `(d_out, d_in)`, `b` shape `(d_out,)`. Return the float array of shape
# `(N, d_out)` whose row `i` is `W @ X[i] + b`. Here every numpy tool is
# allowed (`@` included): the exercise is about getting the shapes right.
# Raise `ValueError` if `X` is not a non-empty matrix or the shapes do not
# fit together.

# %% question="dense_layer"
def dense_layer(X, W, b):
    """A fully connected layer on a batch: row i of the result is
    W X[i] + b, shape (N, d_out).

    ValueError unless X is (N, d_in), W is (d_out, d_in), b is (d_out,).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be a non-empty (N, d_in) matrix")
    if W.ndim != 2 or W.shape[1] != X.shape[1]:
        raise ValueError(
            f"W must have shape (d_out, {X.shape[1]}), got {W.shape}")
    if b.shape != (W.shape[0],):
        raise ValueError(f"b must have shape ({W.shape[0]},), got {b.shape}")
    return X @ W.T + b
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the shapes first. Then either loop over the rows of `X` and stack
# `W @ x + b`, or do the whole batch at once: you need an `(N, d_out)`
# result from an `(N, d_in)` and a `(d_out, d_in)` matrix — which of them
# must be transposed so that the inner sizes meet? Adding a vector of shape
# `(d_out,)` to an `(N, d_out)` array adds it to every row.
# </details>

# %% tests="dense_layer"
import numpy as np


@test_case(hidden=False)
def test_dense_worked_example(dense_layer):
    X = [[1, 2], [0, -1], [3, 0], [2, 2]]
    W = [[1, 0], [0, 1], [1, 1]]
    b = [0, 10, -1]
    got = np.asarray(dense_layer(X, W, b), dtype=float)
    assert got.shape == (4, 3), (
        "4 samples through a layer with 3 outputs give shape (4, 3)"
    )
    assert np.allclose(got[0], [1, 12, 2]), (
        "the sample (1, 2) gives W x = (1, 2, 3) and W x + b = (1, 12, 2)"
    )
    want = [[1, 12, 2], [0, 9, -2], [3, 10, 2], [2, 12, 3]]
    assert np.allclose(got, want), (
        "row i of the output should be W @ X[i] + b"
    )


@test_case(hidden=False)
def test_dense_shape(dense_layer):
    got = np.asarray(dense_layer(np.ones((5, 4)), np.ones((2, 4)), [1, -1]))
    assert got.shape == (5, 2), (
        "X of shape (5, 4) and W of shape (2, 4) give an output of shape "
        "(5, 2)"
    )
    assert np.allclose(got, [[5, 3]] * 5), (
        "with all-ones X and W each output is 4 plus its bias"
    )


@test_case(hidden=True)
def test_dense_random(dense_layer):
    rng = np.random.default_rng(2501)
    for N, d_in, d_out in ((1, 1, 1), (7, 3, 2), (4, 5, 5), (2, 6, 9),
                           (3, 3, 3), (9, 2, 1)):
        X = rng.normal(size=(N, d_in))
        W = rng.normal(size=(d_out, d_in))
        b = rng.normal(size=d_out)
        want = np.array([W @ x + b for x in X])
        got = np.asarray(dense_layer(X, W, b), dtype=float)
        assert got.shape == (N, d_out), (
            "the output should have shape (N, d_out): one row per sample"
        )
        assert np.allclose(got, want, rtol=1e-12, atol=1e-12), (
            "dense_layer is wrong on random inputs: row i should be "
            "W @ X[i] + b"
        )


@test_case(hidden=True)
def test_dense_bias_goes_to_every_row(dense_layer):
    X = np.arange(12.0).reshape(4, 3)
    b = np.array([1.0, -2.0])
    got = np.asarray(dense_layer(X, np.zeros((2, 3)), b))
    assert np.allclose(got, np.tile(b, (4, 1))), (
        "with zero weights every row of the output is the bias b"
    )
    got = np.asarray(dense_layer(X[:1], np.zeros((2, 3)), b))
    assert got.shape == (1, 2) and np.allclose(got, [b]), (
        "a batch of one sample gives one row"
    )


@test_case(hidden=True)
def test_dense_no_activation(dense_layer):
    got = np.asarray(dense_layer([[1.0, -3.0]], [[1.0, 1.0]], [0.5]))
    assert np.allclose(got, [[-1.5]]), (
        "a dense layer is only W x + b: negative outputs stay negative (no "
        "activation)"
    )


@test_case(hidden=True)
def test_dense_layers_compose(dense_layer):
    rng = np.random.default_rng(2502)
    X = rng.normal(size=(6, 3))
    W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
    W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
    twice = dense_layer(dense_layer(X, W1, b1), W2, b2)
    once = dense_layer(X, W2 @ W1, W2 @ b1 + b2)
    assert np.allclose(twice, once, rtol=1e-10, atol=1e-12), (
        "two dense layers in a row should equal one layer with weights "
        "W2 W1 and bias W2 b1 + b2"
    )


@test_case(hidden=True)
def test_dense_invalid(dense_layer):
    X = np.ones((3, 2))
    for args in ((X, np.ones((4, 3)), np.ones(4)),
                 (X, np.ones((4, 2)), np.ones(2)),
                 (X, np.ones((4, 2)), np.ones(3)),
                 (X, np.ones((4, 2)), np.ones(1)),
                 ([], np.ones((4, 2)), np.ones(4))):
        try:
            dense_layer(*args)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "dense_layer should raise ValueError (not another exception) when "
            "X, W and b do not fit together or X is empty"
        )


@test_case(hidden=True)
def test_dense_one_sample(dense_layer):
    got = np.asarray(dense_layer(np.array([[1.0, 2.0]]),
                                 np.array([[1.0, 1.0], [2.0, 0.0]]),
                                 np.array([0.5, -0.5])))
    assert np.allclose(got, [[3.5, 1.5]]), (
        "one sample (1, 2) through the layer W = [[1, 1], [2, 0]], "
        "b = (0.5, -0.5) should give [[3.5, 1.5]]"
    )


@test_case(hidden=True)
def test_dense_keeps_inputs(dense_layer):
    X = np.array([[1.0, 2.0]])
    W = np.array([[1.0, 1.0], [2.0, 0.0]])
    b = np.array([0.5, -0.5])
    dense_layer(X, W, b)
    assert (np.array_equal(X, [[1.0, 2.0]])
            and np.array_equal(W, [[1.0, 1.0], [2.0, 0.0]])
            and np.array_equal(b, [0.5, -0.5])), (
        "dense_layer must not change its inputs"
    )

# %% [markdown]
# ## Summary
#
# - A **linear map** keeps grid lines straight, parallel and evenly spaced
#   and the origin fixed; it is known once you know where the basis vectors
#   go.
# - Its **matrix** stores those images as columns; **applying** it mixes
#   the columns, weighted by the coordinates of $x$.
# - **Matrix multiplication** is composition: column $j$ of $AB$ is $A$
#   applied to column $j$ of $B$. Order matters; brackets do not.
# - **Rotations** have columns $(\cos\theta, \sin\theta)$ and
#   $(-\sin\theta, \cos\theta)$; they keep lengths, and their angles add.
# - A **dense layer** is a linear map plus a shift, $XW^\top + b$ on a
#   batch; without activations, stacked layers collapse into one.
#
# Next week: how much does a transformation stretch or squash *areas*, and
# does it flip the plane over? One number answers both — the
# **determinant**.
