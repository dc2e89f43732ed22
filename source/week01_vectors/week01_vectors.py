# %% [markdown]
# # Week 1 — Vectors, norms and inner products
#
# **Why this week matters.** A modern ML system turns almost everything into a list of
# numbers: a word becomes a 300-dimensional *embedding*, an image becomes the 512 numbers
# a vision model produces for it, a customer becomes a row of features. Once things are
# vectors, the questions an ML practitioner asks — *which documents are about the same
# topic? which products are like this one? which training example is closest to this
# test example?* — become questions about **lengths** and **angles** of arrows.
#
# This week you build the small toolbox behind similarity search and nearest-neighbour
# retrieval, from scratch, and you will see each tool as a picture first:
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `dot` | how much two arrows point the same way, times their lengths | the core of every layer |
# | `norm` | the length of an arrow (in several senses) | regularisation, distances |
# | `cosine_similarity` | the angle between two arrows | comparing embeddings |
# | `project` | the shadow of one arrow on another | least squares, attention |
# | `nearest_neighbors` | the arrows closest in angle to a query | retrieval, k-NN |
#
# Notation for the whole course: vectors are lower case (`u`, `v`, `x`), matrices upper case,
# `X` is a data matrix whose **rows** are samples.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Vectors are arrows, and arrows are lists of numbers
#
# A vector $u = (u_1, \dots, u_n)$ is a point in $n$-dimensional space, or equivalently the
# arrow from the origin to that point. In two dimensions we can draw it; in 300 dimensions we
# cannot, but every idea below works the same way there — that is the whole trick of linear
# algebra: **reason in 2-D pictures, compute in n-D**.
#
# Adding vectors puts arrows tip to tail; multiplying by a number stretches an arrow.

# %% grading="skip"
u = np.array([3.0, 1.0])
v = np.array([1.0, 2.0])

fig, ax = plt.subplots(figsize=(5, 5))
for vec, name, color in [(u, "u", "C0"), (v, "v", "C1"),
                         (u + v, "u + v", "C2")]:
    ax.annotate("", xy=vec, xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": color, "lw": 2})
    ax.text(*(vec * 1.05), name, color=color, fontsize=12)
ax.plot([u[0], u[0] + v[0]], [u[1], u[1] + v[1]], "C1--", alpha=0.6)
ax.set(xlim=(-0.5, 5.2), ylim=(-0.5, 4), aspect="equal",
       title="Vectors are arrows: u + v puts them tip to tail",
       xlabel="first coordinate", ylabel="second coordinate")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## 2. The dot product: "how aligned, times how long"
#
# The **dot product** multiplies matching coordinates and adds them up:
#
# $$u \cdot v = u_1 v_1 + u_2 v_2 + \dots + u_n v_n.$$
#
# That formula hides a picture: $u \cdot v = \|u\|\,\|v\|\cos\theta$, where $\theta$ is the
# angle between the arrows. So the dot product is large and positive when the arrows point the
# same way, zero when they are perpendicular, and negative when they point apart. Every
# neuron in a network computes a dot product of its weights with its input: it fires when the
# input *points like* its weights.
#
# **Worked example.** $u = (3, 1)$, $v = (1, 2)$: $u \cdot v = 3\cdot 1 + 1 \cdot 2 = 5$.

# %% grading="skip"
print("3*1 + 1*2 =", 3 * 1 + 1 * 2)

# %% [markdown]
# ### Exercise 1: `dot(u, v)`
#
# Write the dot product yourself, from the definition: multiply matching coordinates and add.
# Inputs may be lists or numpy arrays; return a Python `float`. Raise a `ValueError` with a
# message if the vectors have different lengths or are empty. The shortcuts `np.dot`, `@`,
# `np.inner` and `np.vdot` are not allowed here (the grader checks) — the point is to see that
# there is no magic inside.

# %% question="dot" forbid=["np.dot", "@", "np.inner", "np.vdot"]
def dot(u, v):
    """Sum of products of matching coordinates of u and v, as a float.

    ValueError if the vectors are empty or of different lengths.
    """
    # BEGIN SOLUTION
    u = np.asarray(u, dtype=float).ravel()
    v = np.asarray(v, dtype=float).ravel()
    if u.size == 0 or v.size == 0:
        raise ValueError("dot needs non-empty vectors")
    if u.shape != v.shape:
        raise ValueError(f"lengths differ: {u.size} and {v.size}")
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    return float(total)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert both inputs with `np.asarray(..., dtype=float)`, check their lengths, then either
# loop with `zip` and accumulate, or multiply element-wise (`u * v`) and `np.sum` the result.
# Remember to return `float(...)`.
# </details>

# %% tests="dot"
import numpy as np


@test_case(hidden=False)
def test_dot_small(dot):
    assert np.isclose(dot([1, 2, 3], [4, 5, 6]), 32.0), (
        "dot([1, 2, 3], [4, 5, 6]) should be 1*4 + 2*5 + 3*6 = 32"
    )


@test_case(hidden=False)
def test_dot_perpendicular(dot):
    assert np.isclose(dot([1, 0], [0, 5]), 0.0), (
        "perpendicular vectors have dot product 0: dot([1, 0], [0, 5])"
    )


@test_case(hidden=False)
def test_dot_mismatch(dot):
    try:
        dot([1, 2], [1, 2, 3])
    except ValueError:
        return
    raise AssertionError(
        "dot([1, 2], [1, 2, 3]) should raise ValueError (lengths differ)")


@test_case(hidden=True)
def test_dot_random(dot):
    rng = np.random.default_rng(101)
    for n in (1, 2, 7, 50):
        u, v = rng.normal(size=n), rng.normal(size=n)
        assert np.isclose(dot(u, v), float(np.sum(u * v)), rtol=1e-9,
                          atol=1e-12), (
            "dot is wrong on random vectors"
        )


@test_case(hidden=True)
def test_dot_symmetric_and_linear(dot):
    rng = np.random.default_rng(102)
    u, v, w = rng.normal(size=(3, 9))
    assert np.isclose(dot(u, v), dot(v, u)), "dot(u, v) should equal dot(v, u)"
    assert np.isclose(dot(2.5 * u + w, v), 2.5 * dot(u, v) + dot(w, v)), (
        "dot should be linear in its first argument"
    )


@test_case(hidden=True)
def test_dot_returns_a_number_and_keeps_inputs(dot):
    u = np.array([1.0, -2.0, 3.0])
    v = [4, 5, 6]
    result = dot(u, v)
    assert np.ndim(result) == 0, "dot should return a single number"
    assert np.isclose(float(result), 12.0), (
        "dot([1, -2, 3], [4, 5, 6]) should be 12")
    assert np.array_equal(u, [1.0, -2.0, 3.0]) and v == [4, 5, 6], (
        "dot must not change its inputs"
    )


@test_case(hidden=True)
def test_dot_edge_cases(dot):
    for bad in (([], []), ([1.0], [1.0, 2.0]), ([1.0, 2.0, 3.0], [1.0, 2.0])):
        try:
            dot(*bad)
        except ValueError:
            continue
        raise AssertionError(
            "dot should raise ValueError for empty or mismatched vectors")
    assert np.isclose(dot([-3.0], [2.0]), -6.0), "dot of one-element vectors"

# %% [markdown]
# ## 3. Norms: how long is an arrow?
#
# The everyday length of $u$ is the Euclidean norm $\|u\|_2 = \sqrt{u \cdot u}$: Pythagoras in
# $n$ dimensions. But ML uses other ways of measuring size, the **p-norms**
#
# $$\|u\|_p = \Big(\sum_i |u_i|^p\Big)^{1/p} \quad (p \ge 1), \qquad
# \|u\|_\infty = \max_i |u_i|.$$
#
# $\|u\|_1$ is the "taxicab" length (the L1 penalty of the lasso, which pushes weights to
# exactly zero); $\|u\|_2$ gives weight decay; $\|u\|_\infty$ is the size of the largest
# coordinate (adversarial examples are often bounded in it). The picture that tells them
# apart: the set of all vectors of length 1 — the **unit ball** — has a different shape for
# each $p$.

# %% grading="skip"
angles = np.linspace(0, 2 * np.pi, 721)
directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)

fig, ax = plt.subplots(figsize=(5, 5))
for p, color in [(1, "C0"), (2, "C1"), (4, "C2"), (np.inf, "C3")]:
    if p == np.inf:
        lengths = np.max(np.abs(directions), axis=1)
    else:
        lengths = np.sum(np.abs(directions) ** p, axis=1) ** (1 / p)
    ball = directions / lengths[:, None]
    ax.plot(ball[:, 0], ball[:, 1], color=color, label=f"p = {p}")
ax.set(aspect="equal", title="Unit balls: all vectors with norm 1",
       xlabel="first coordinate", ylabel="second coordinate")
ax.legend(loc="upper right")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The L1 ball has corners on the axes. That is why an L1 penalty tends to produce *sparse*
# weights: growing the ball from the origin until it touches a set of good solutions, it
# usually touches at a corner, where some coordinates are exactly zero.
#
# **Worked example.** For $u = (3, -4)$: $\|u\|_1 = 3 + 4 = 7$,
# $\|u\|_2 = \sqrt{9 + 16} = 5$, $\|u\|_\infty = 4$.

# %% grading="skip"
w = np.array([3.0, -4.0])
print("L1:", np.sum(np.abs(w)), " L2:", np.sqrt(np.sum(w**2)),
      " Linf:", np.max(np.abs(w)))

# %% [markdown]
# ### Exercise 2: `norm(v, p=2)`
#
# Return the p-norm of `v` as a float, for any real `p >= 1` and for `p=np.inf`.
# Raise `ValueError` for an empty vector or for `p < 1`.

# %% question="norm"
def norm(v, p=2):
    """The p-norm of v (p >= 1, or np.inf for the largest absolute
    coordinate).

    ValueError for an empty vector or p < 1.
    """
    # BEGIN SOLUTION
    v = np.asarray(v, dtype=float).ravel()
    if v.size == 0:
        raise ValueError("norm needs a non-empty vector")
    if p == np.inf:
        return float(np.max(np.abs(v)))
    if not p >= 1:
        raise ValueError(f"p must be at least 1, got {p}")
    return float(np.sum(np.abs(v) ** p) ** (1.0 / p))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Treat `p == np.inf` first (`np.max(np.abs(v))`). Otherwise take absolute values *before*
# raising to the power `p` (what happens to $(-2)^3$?), sum, and take the `1/p`-th power.
# </details>

# %% tests="norm"
import numpy as np


@test_case(hidden=False)
def test_norm_euclidean(norm):
    assert np.isclose(norm([3, 4]), 5.0), (
        "norm([3, 4]) should be 5 (Pythagoras)")


@test_case(hidden=False)
def test_norm_one_and_inf(norm):
    assert np.isclose(norm([3, -4], p=1), 7.0), (
        "norm([3, -4], p=1) should be 3 + 4 = 7")
    assert np.isclose(norm([3, -4], p=np.inf), 4.0), (
        "norm([3, -4], p=np.inf) should be the largest absolute coordinate, 4"
    )


@test_case(hidden=True)
def test_norm_random_p(norm):
    rng = np.random.default_rng(201)
    for p in (1, 1.5, 2, 3, 7.5):
        v = rng.normal(size=11)
        expected = np.sum(np.abs(v) ** p) ** (1 / p)
        assert np.isclose(norm(v, p), expected, rtol=1e-9), (
            "norm is wrong for some p")
        assert np.isclose(norm(v, p=p), expected, rtol=1e-9), (
            "norm(v, p=...) is wrong")


@test_case(hidden=True)
def test_norm_odd_power_of_negatives(norm):
    v = np.array([-1.0, -2.0, 2.0])
    assert np.isclose(norm(v, 3), 17.0 ** (1 / 3)), (
        "a norm takes absolute values first: odd p must not cancel "
        "negative entries"
    )


@test_case(hidden=True)
def test_norm_inf_uses_absolute_values(norm):
    assert np.isclose(norm([-9.0, 2.0, 5.0], np.inf), 9.0), (
        "the infinity norm is the largest ABSOLUTE coordinate"
    )


@test_case(hidden=True)
def test_norm_properties(norm):
    rng = np.random.default_rng(202)
    u, v = rng.normal(size=(2, 6))
    for p in (1, 2, np.inf):
        assert np.isclose(norm(-3.0 * u, p), 3.0 * norm(u, p)), (
            "norm should scale: |c| |u|")
        assert norm(u + v, p) <= norm(u, p) + norm(v, p) + 1e-12, (
            "the triangle inequality fails"
        )
    assert np.isclose(norm(u), np.sqrt(np.sum(u * u))), "the default p is 2"


@test_case(hidden=True)
def test_norm_zero_vector(norm):
    for p in (1, 2, 3, np.inf):
        got = norm([0.0, 0.0, 0.0], p)
        assert np.isfinite(got) and np.isclose(got, 0.0), (
            "the zero vector has length 0 in every p-norm"
        )


@test_case(hidden=True)
def test_norm_invalid(norm):
    for args in (([],), ([1.0, 2.0], 0.5), ([1.0], 0)):
        try:
            norm(*args)
        except ValueError:
            continue
        raise AssertionError(
            "norm should raise ValueError for an empty vector or p < 1")


@test_case(hidden=True)
def test_norm_keeps_input(norm):
    v = np.array([-1.0, 2.0])
    assert np.isclose(norm(v, 1), 3.0), "norm([-1, 2], 1) should be 3"
    assert np.array_equal(v, [-1.0, 2.0]), "norm must not change its input"

# %% [markdown]
# ## 4. Cosine similarity: comparing directions, not lengths
#
# Two documents about the same topic have embeddings that point the same way, even when one
# is much longer (its vector has larger entries). So for similarity we throw the lengths away
# and keep only the angle:
#
# $$\cos\theta = \frac{u \cdot v}{\|u\|_2\,\|v\|_2} \in [-1, 1].$$
#
# $1$ means "same direction", $0$ "unrelated" (perpendicular), $-1$ "opposite". It is
# undefined for the zero vector, which has no direction at all.
#
# **Worked example.** $u = (1, 0)$ and $v = (1, 1)$ make a 45° angle:
# $\cos 45° = 1 / \sqrt 2 \approx 0.707$, and indeed
# $u \cdot v / (\|u\| \|v\|) = 1 / (1 \cdot \sqrt 2)$.

# %% [markdown]
# ### Exercise 3: `cosine_similarity(u, v)`
#
# Return $\cos\theta$ as a float. Raise `ValueError` if either vector is zero (or empty, or
# if the lengths differ). You may use your `dot` and `norm`.

# %% question="cosine_similarity"
def cosine_similarity(u, v):
    """Cosine of the angle between u and v.

    ValueError if either vector is zero or empty, or the lengths differ.
    """
    # BEGIN SOLUTION
    u = np.asarray(u, dtype=float).ravel()
    v = np.asarray(v, dtype=float).ravel()
    if u.size == 0 or u.shape != v.shape:
        raise ValueError(
            "cosine_similarity needs two non-empty vectors of equal length")
    length_u = np.sqrt(np.sum(u * u))
    length_v = np.sqrt(np.sum(v * v))
    if length_u == 0 or length_v == 0:
        raise ValueError("the zero vector has no direction")
    return float(np.sum(u * v) / (length_u * length_v))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Compute both lengths first and raise if one is 0; then divide the dot product by their
# product.
# </details>

# %% tests="cosine_similarity"
import numpy as np


@test_case(hidden=False)
def test_cosine_45_degrees(cosine_similarity):
    assert np.isclose(cosine_similarity([1, 0], [1, 1]), 1 / np.sqrt(2)), (
        "cosine_similarity([1, 0], [1, 1]) should be cos(45°) = 0.7071..."
    )


@test_case(hidden=False)
def test_cosine_ignores_length(cosine_similarity):
    assert np.isclose(cosine_similarity([1, 2], [10, 20]), 1.0), (
        "vectors pointing the same way have cosine similarity 1, whatever "
        "their lengths"
    )


@test_case(hidden=True)
def test_cosine_random(cosine_similarity):
    rng = np.random.default_rng(301)
    for n in (2, 5, 40):
        u, v = rng.normal(size=(2, n))
        expected = np.sum(u * v) / np.sqrt(np.sum(u * u) * np.sum(v * v))
        assert np.isclose(cosine_similarity(u, v), expected, rtol=1e-9), (
            "cosine_similarity is wrong on random vectors"
        )


@test_case(hidden=True)
def test_cosine_scale_invariance_and_range(cosine_similarity):
    rng = np.random.default_rng(302)
    u, v = rng.normal(size=(2, 8))
    base = cosine_similarity(u, v)
    assert np.isclose(cosine_similarity(7.0 * u, 0.1 * v), base), (
        "stretching either vector must not change the cosine similarity"
    )
    assert np.isclose(cosine_similarity(-u, v), -base), (
        "flipping a vector flips the sign")
    assert -1 - 1e-12 <= base <= 1 + 1e-12, "a cosine lies between -1 and 1"
    assert np.isclose(cosine_similarity(u, u), 1.0), (
        "a vector is fully similar to itself")


@test_case(hidden=True)
def test_cosine_unequal_lengths_matter(cosine_similarity):
    assert np.isclose(cosine_similarity([3.0, 0.0], [1.0, 1.0]),
                      1 / np.sqrt(2)), (
        "both vectors must be normalised, not just one of them"
    )


@test_case(hidden=True)
def test_cosine_zero_vector(cosine_similarity):
    for args in (([0, 0], [1, 2]), ([1, 2], [0.0, 0.0])):
        try:
            cosine_similarity(*args)
        except ValueError:
            continue
        raise AssertionError(
            "cosine_similarity should raise ValueError for a zero vector")


@test_case(hidden=True)
def test_cosine_keeps_inputs(cosine_similarity):
    u = np.array([2.0, 0.0])
    v = np.array([0.0, 3.0])
    assert np.isclose(cosine_similarity(u, v), 0.0), (
        "perpendicular vectors give 0")
    assert np.array_equal(u, [2.0, 0.0]) and np.array_equal(v, [0.0, 3.0]), (
        "cosine_similarity must not change its inputs"
    )

# %% [markdown]
# ## 5. Projection: the shadow of one arrow on another
#
# Shine a light perpendicular to the line through `onto`: the shadow that `u` casts on that
# line is its **orthogonal projection**,
#
# $$\operatorname{proj}_{w}(u) = \frac{u \cdot w}{w \cdot w}\, w .$$
#
# The coefficient $\frac{u \cdot w}{w \cdot w}$ says how many copies of $w$ fit in the shadow;
# what is left over, $u - \operatorname{proj}_w(u)$, is perpendicular to $w$. This is the
# smallest instance of *least squares*: among all multiples of $w$, the projection is the one
# closest to $u$. Linear regression is this same picture with more than one direction.

# %% grading="skip"
u = np.array([2.0, 3.0])
w = np.array([4.0, 1.0])
shadow = (np.sum(u * w) / np.sum(w * w)) * w

fig, ax = plt.subplots(figsize=(5.5, 4.5))
for vec, name, color in [(u, "u", "C0"), (w, "onto", "C1"),
                         (shadow, "projection", "C2")]:
    ax.annotate("", xy=vec, xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": color, "lw": 2})
    ax.text(*(vec + [0.05, 0.12]), name, color=color, fontsize=11)
ax.plot([u[0], shadow[0]], [u[1], shadow[1]], "k:",
        label="u − projection (⟂ onto)")
ax.set(xlim=(-0.3, 4.6), ylim=(-0.3, 3.5), aspect="equal",
       title="Projecting u onto a line: drop a perpendicular",
       xlabel="first coordinate", ylabel="second coordinate")
ax.legend(loc="upper right")
ax.grid(alpha=0.3)
plt.show()
print("residual · onto =", np.sum((u - shadow) * w), "(zero: perpendicular)")

# %% [markdown]
# **Worked example.** $u = (2, 3)$, $w = (4, 1)$: $u \cdot w = 11$, $w \cdot w = 17$, so the
# projection is $\frac{11}{17}(4, 1) \approx (2.588, 0.647)$.
#
# ### Exercise 4: `project(u, onto)`
#
# Return the projection of `u` onto the line spanned by `onto`, as a float numpy array of the
# same length. Raise `ValueError` if `onto` is the zero vector (it spans no line), or for
# empty or mismatched inputs.

# %% question="project"
def project(u, onto):
    """Orthogonal projection of u onto the line spanned by onto (a numpy
    array).

    ValueError if onto is the zero vector, or for empty or mismatched inputs.
    """
    # BEGIN SOLUTION
    u = np.asarray(u, dtype=float).ravel()
    w = np.asarray(onto, dtype=float).ravel()
    if u.size == 0 or u.shape != w.shape:
        raise ValueError("project needs two non-empty vectors of equal length")
    ww = np.sum(w * w)
    if ww == 0:
        raise ValueError("cannot project onto the zero vector")
    return (np.sum(u * w) / ww) * w
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# The coefficient is `dot(u, onto) / dot(onto, onto)` — note the *squared* length in the
# denominator; the result is that coefficient times the vector `onto`, not a number.
# </details>

# %% tests="project"
import numpy as np


@test_case(hidden=False)
def test_project_onto_axis(project):
    assert np.allclose(project([3, 4], [1, 0]), [3, 0]), (
        "the shadow of [3, 4] on the x-axis is [3, 0]"
    )


@test_case(hidden=False)
def test_project_worked_example(project):
    assert np.allclose(project([2, 3], [4, 1]), np.array([4, 1]) * 11 / 17), (
        "project([2, 3], [4, 1]) should be (11/17) * [4, 1]"
    )


@test_case(hidden=True)
def test_project_random(project):
    rng = np.random.default_rng(401)
    for n in (2, 3, 10):
        u, w = rng.normal(size=(2, n))
        expected = (np.sum(u * w) / np.sum(w * w)) * w
        assert np.allclose(project(u, w), expected, rtol=1e-9, atol=1e-12), (
            "project is wrong on random vectors"
        )


@test_case(hidden=True)
def test_project_residual_is_perpendicular(project):
    rng = np.random.default_rng(402)
    u = rng.normal(size=5)
    w = rng.normal(size=5) * 3.0
    p = np.asarray(project(u, w), dtype=float)
    assert p.shape == (5,), "project should return a vector of the same length"
    assert abs(np.sum((u - p) * w)) < 1e-9, (
        "u minus its projection must be perpendicular")


@test_case(hidden=True)
def test_project_long_onto_vector(project):
    assert np.allclose(project([1.0, 1.0], [10.0, 0.0]), [1.0, 0.0]), (
        "the length of onto must not change the projection (divide by its "
        "squared length)"
    )


@test_case(hidden=True)
def test_project_is_idempotent(project):
    rng = np.random.default_rng(403)
    u, w = rng.normal(size=(2, 4))
    once = np.asarray(project(u, w), dtype=float)
    assert np.allclose(project(once, w), once), (
        "projecting twice changes nothing")


@test_case(hidden=True)
def test_project_zero_onto(project):
    try:
        project([1.0, 2.0], [0.0, 0.0])
    except ValueError:
        return
    raise AssertionError(
        "project onto the zero vector should raise ValueError")


@test_case(hidden=True)
def test_project_keeps_inputs(project):
    u = np.array([1.0, 2.0])
    w = np.array([2.0, 0.0])
    assert np.allclose(project(u, w), [1.0, 0.0]), (
        "project([1, 2], [2, 0]) should be [1, 0]")
    assert np.array_equal(u, [1.0, 2.0]) and np.array_equal(w, [2.0, 0.0]), (
        "project must not change its inputs"
    )

# %% [markdown]
# ## 6. Nearest neighbours: retrieval by angle
#
# Put a set of embeddings in the rows of a matrix `X`. Given a `query` embedding, the
# **k nearest neighbours** by cosine similarity are the k rows whose directions are closest
# to the query's — this is how semantic search, recommendation ("more like this") and the
# k-NN classifier work. Below, 2-D stand-ins for embeddings of words from three topics; the
# query is highlighted with its three most similar neighbours.

# %% grading="skip"
rng = np.random.default_rng(0)
topic_angles = {"animals": 0.3, "food": 1.6, "sports": 3.6}
points, labels = [], []
for topic, angle in topic_angles.items():
    for _ in range(12):
        a = angle + rng.normal(scale=0.25)
        r = rng.uniform(0.5, 2.0)
        points.append([r * np.cos(a), r * np.sin(a)])
        labels.append(topic)
X_demo = np.array(points)
query = np.array([1.2, 0.6])
cosines = X_demo @ query / (np.linalg.norm(X_demo, axis=1)
                           * np.linalg.norm(query))
best = np.argsort(-cosines, kind="stable")[:3]

fig, ax = plt.subplots(figsize=(5.5, 5.5))
for topic, color in zip(topic_angles, ["C0", "C1", "C2"]):
    mask = np.array(labels) == topic
    ax.scatter(X_demo[mask, 0], X_demo[mask, 1], color=color, label=topic,
               alpha=0.7)
ax.scatter(*X_demo[best].T, s=160, facecolors="none", edgecolors="k",
           label="3 nearest (cosine)")
ax.annotate("", xy=query, xytext=(0, 0),
            arrowprops={"arrowstyle": "->", "color": "k", "lw": 2})
ax.text(*(query + 0.1), "query", fontsize=11)
ax.set(aspect="equal", title="Nearest neighbours by angle, not by distance",
       xlabel="embedding dimension 1", ylabel="embedding dimension 2")
ax.legend(loc="lower left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Notice that the chosen neighbours are not necessarily the *closest points*: a long vector
# far away in the same direction beats a short one nearby in a slightly different direction.
# That is exactly what we want when length carries no meaning (a longer document is not a
# different topic).
#
# ### Exercise 5: `nearest_neighbors(query, X, k)`
#
# Return a numpy array of the indices of the `k` rows of `X` most cosine-similar to `query`,
# most similar first; **ties are broken by the lower index**. Raise `ValueError` if `k` is not
# between 1 and the number of rows, if `X` is empty or its rows don't match the query's
# length, or if the query is the zero vector. (A zero row has no direction either: raising
# `ValueError` for it is a fine choice; the tests do not include one.)

# %% question="nearest_neighbors"
def nearest_neighbors(query, X, k):
    """Indices of the k rows of X most cosine-similar to query, best first.

    Ties are broken by the lower index. ValueError unless 1 <= k <= number
    of rows, or if X is empty, its rows do not match the query's length, or
    the query is the zero vector.
    """
    # BEGIN SOLUTION
    q = np.asarray(query, dtype=float).ravel()
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != q.size or q.size == 0:
        raise ValueError(
            "X must be a non-empty (n, d) matrix matching the query's "
            "length d")
    if not (isinstance(k, (int, np.integer)) and 1 <= k <= X.shape[0]):
        raise ValueError(
            f"k must be an integer from 1 to {X.shape[0]}, got {k}")
    q_length = np.sqrt(np.sum(q * q))
    row_lengths = np.sqrt(np.sum(X * X, axis=1))
    if q_length == 0 or np.any(row_lengths == 0):
        raise ValueError("zero vectors have no direction")
    similarity = (X * q).sum(axis=1) / (row_lengths * q_length)
    # stable: equal scores keep index order
    order = np.argsort(-similarity, kind="stable")
    return order[:k]
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Compute one cosine similarity per row (a loop over rows is fine), then sort the indices by
# *decreasing* similarity. `np.argsort` sorts increasingly; sorting `-similarity` with
# `kind="stable"` keeps equal scores in index order, which is the tie rule.
# </details>

# %% tests="nearest_neighbors"
import numpy as np


@test_case(hidden=False)
def test_nn_small(nearest_neighbors):
    X = [[1, 0], [0, 1], [1, 1], [-1, 0]]
    result = np.asarray(nearest_neighbors([1, 0.1], X, 2))
    assert result.tolist() == [0, 2], (
        "for query [1, 0.1] the most similar rows are 0 (almost same "
        "direction) then 2"
    )


@test_case(hidden=False)
def test_nn_angle_not_distance(nearest_neighbors):
    X = [[10, 0], [0.5, 0.5]]
    assert np.asarray(nearest_neighbors([1, 0], X, 1)).tolist() == [0], (
        "similarity is by angle: [10, 0] points exactly like [1, 0], even "
        "though it is far"
    )


@test_case(hidden=True)
def test_nn_random(nearest_neighbors):
    rng = np.random.default_rng(501)
    X = rng.normal(size=(30, 6))
    q = rng.normal(size=6)
    sims = X @ q / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))
    for k in (1, 5, 30):
        got = np.asarray(nearest_neighbors(q, X, k))
        assert got.tolist() == np.argsort(-sims, kind="stable")[:k].tolist(), (
            "nearest_neighbors returns the wrong rows or the wrong order"
        )


@test_case(hidden=True)
def test_nn_ties_lower_index_first(nearest_neighbors):
    X = np.array([[0.0, 1.0], [2.0, 0.0], [1.0, 0.0], [3.0, 0.0], [-1.0, 0.0]])
    got = np.asarray(nearest_neighbors([5.0, 0.0], X, 3)).tolist()
    assert got == [1, 2, 3], (
        "equally similar rows must come in increasing index order")


@test_case(hidden=True)
def test_nn_ties_with_duplicates(nearest_neighbors):
    rng = np.random.default_rng(502)
    base = rng.normal(size=(4, 3))
    X = np.concatenate([base, base * 2.0, base])
    q = base[1] + 0.01
    got = np.asarray(nearest_neighbors(q, X, 3)).tolist()
    assert got == [1, 5, 9], (
        "duplicated directions must be listed by increasing index")


@test_case(hidden=True)
def test_nn_returns_integers(nearest_neighbors):
    got = np.asarray(
        nearest_neighbors([1.0, 1.0], [[1.0, 0.0], [1.0, 1.0]], 2))
    assert got.dtype.kind in "iu", (
        "nearest_neighbors should return integer indices")
    assert got.tolist() == [1, 0], "most similar first"


@test_case(hidden=True)
def test_nn_invalid(nearest_neighbors):
    X = [[1.0, 0.0], [0.0, 1.0]]
    for args in (([1.0, 0.0], X, 0), ([1.0, 0.0], X, 3), ([0.0, 0.0], X, 1),
                 ([1.0, 0.0, 0.0], X, 1)):
        try:
            nearest_neighbors(*args)
        except ValueError:
            continue
        raise AssertionError(
            "nearest_neighbors should raise ValueError for a bad k, a zero "
            "query or "
            "mismatched lengths"
        )


@test_case(hidden=True)
def test_nn_keeps_inputs(nearest_neighbors):
    X = np.array([[1.0, 0.0], [0.0, 2.0]])
    q = np.array([0.0, 1.0])
    assert np.asarray(nearest_neighbors(q, X, 1)).tolist() == [1], (
        "query [0, 1] matches row 1")
    assert (np.array_equal(X, [[1.0, 0.0], [0.0, 2.0]])
            and np.array_equal(q, [0.0, 1.0])), (
        "nearest_neighbors must not change its inputs"
    )

# %% [markdown]
# ## Summary
#
# - A vector is an arrow; the **dot product** measures alignment times length.
# - **Norms** measure size; the shape of the unit ball explains why L1 makes weights sparse.
# - **Cosine similarity** keeps only the angle: the right way to compare embeddings.
# - **Projection** drops a perpendicular; it is least squares in its smallest form.
# - **Nearest neighbours** by cosine is retrieval: search, recommendation, k-NN.
#
# Next week: a matrix is a machine that moves every arrow at once — a *linear
# transformation* — and matrix multiplication is what happens when you run two such machines
# one after the other.
