# %% [markdown]
# # Week 14 — How networks are really trained: SGD, Adam and regularisation
#
# **Why this week matters.** Week 8's gradient descent computes the
# gradient of the loss over *all* the training data before it takes a
# single step. For a linear regression with 40 points that is nothing. For
# a network trained on a million images it means a million forward and
# backward passes per step — and a few thousand steps are needed. Nobody
# trains that way. What every framework really runs is
#
# - **stochastic gradient descent (SGD)**: estimate the gradient from a
#   small random **mini-batch** of examples, step, take the next batch;
# - with an **adaptive** step such as **Adam**, which gives every weight
#   its own step size;
# - and, because a model that fits its training data perfectly can still
#   be useless on new data, **regularisation** and **validation**: a
#   penalty that keeps the weights small (ridge), and held-out data that
#   tells you how strong that penalty should be (cross-validation).
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `minibatches` | a shuffled deck dealt in piles | one epoch of data |
# | `sgd_linear_regression` | a noisy, cheap walk downhill | training |
# | `adam_step` | steps of about lr in every coordinate | `optim.Adam` |
# | `ridge_regression` | a fit on a leash | weight decay |
# | `cross_validation_error` | every point is held out once | choosing λ |
#
# Notation, as in week 8: `X` is a data matrix of shape `(n, d)` (one
# sample per row), `y` the `n` targets, the model is $\hat y = Xw + b$ with
# weights `w` and a bias `b`, and the loss is the **mean squared error**
# $\frac1n\|Xw + b - y\|^2$ (no $\frac12$). An **epoch** is one pass over
# the training data; `lr` is the learning rate.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. The gradient is an average — so estimate it
#
# The mean squared error is an average over the samples, and so is its
# gradient:
#
# $$\nabla L = \frac1n \sum_{i=1}^n \nabla \ell_i, \qquad
#   \ell_i = (x_i \cdot w + b - y_i)^2 .$$
#
# An average can be *estimated* from a sample: the mean over a random
# mini-batch $B$ of, say, 20 examples points roughly the same way as the
# mean over all $n$, at a fraction of the cost. It is noisy — every batch
# gives a slightly different direction — but it is cheap, so for the same
# amount of work we can take many more steps.
#
# Let us compare on a budget. A linear regression with $n = 2000$ samples
# and 10 features; the work is counted in **per-sample gradient
# evaluations**, the same currency for both methods. Full-batch gradient
# descent spends $n$ of them per step; SGD with batches of 20 spends 20.
# Both get 10 epochs' worth, $20\,000$ evaluations, and the same learning
# rate. (For brevity, the demo folds the bias into the weights through a
# column of ones.)

# %% grading="skip"
rng = np.random.default_rng(14)
n_demo, d_demo = 2000, 10
X_demo = np.column_stack([np.ones(n_demo),
                          rng.normal(size=(n_demo, d_demo))])
w_true = rng.normal(size=d_demo + 1)
y_demo = X_demo @ w_true + 0.5 * rng.normal(size=n_demo)
w_best = np.linalg.lstsq(X_demo, y_demo, rcond=None)[0]
loss_best = np.mean((X_demo @ w_best - y_demo) ** 2)


def train(batch_size, lr, n_epochs, seed=0):
    """Mini-batch descent on the MSE; the loss after every step."""
    order_rng = np.random.default_rng(seed)
    w = np.zeros(d_demo + 1)
    used, evaluations, losses = 0, [0], [np.mean(y_demo**2)]
    for _ in range(n_epochs):
        order = order_rng.permutation(n_demo)
        for start in range(0, n_demo, batch_size):
            rows = order[start:start + batch_size]
            r = X_demo[rows] @ w - y_demo[rows]
            w = w - lr * 2 * X_demo[rows].T @ r / len(rows)
            used += len(rows)
            evaluations.append(used)
            losses.append(np.mean((X_demo @ w - y_demo) ** 2))
    return np.array(evaluations), np.array(losses)


budget = 10
gd_evals, gd_loss = train(n_demo, 0.05, budget)
sgd_evals, sgd_loss = train(20, 0.05, budget)

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.semilogy(sgd_evals, sgd_loss - loss_best, "C1", lw=1,
            label="SGD, batches of 20: 1000 steps")
ax.semilogy(gd_evals, gd_loss - loss_best, "C0o-", lw=2,
            label="full-batch GD: 10 steps")
ax.set(title="Same work, same learning rate (0.05): training loss",
       xlabel="per-sample gradient evaluations",
       ylabel="loss - best possible loss (log scale)")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()
print(f"after {budget * n_demo} gradient evaluations: "
      f"GD loss {gd_loss[-1]:.4f}, SGD loss {sgd_loss[-1]:.4f}, "
      f"best possible {loss_best:.4f}")

# %% [markdown]
# With the same work, full-batch descent has taken 10 careful steps and is
# still far from the bottom; SGD has taken 1000 noisy ones and is nearly
# there. The orange curve never settles exactly: near the minimum every
# batch pulls a little differently, so with a constant learning rate SGD
# **jitters around the minimum** at a distance set by the learning rate and
# the batch size. (That is why training schedules lower the learning rate
# towards the end; it is also harmless here — the jitter is far below the
# noise level of the data.)
#
# ### Dealing the deck: one epoch of mini-batches
#
# In practice one does not draw each batch independently. One epoch
# **shuffles** the indices $0, \dots, n-1$ and deals them out in order, in
# piles of `batch_size` — so every sample is used **exactly once per
# epoch**, and the last pile may be smaller. Why shuffle? If the data are
# stored sorted (all cats, then all dogs), unshuffled batches would each
# pull towards one class, and the walk would swing back and forth.
#
# **Worked example.** $n = 7$, batches of 3. This week the shuffle is
# `np.random.default_rng(seed).permutation(n)`, so that everybody gets the
# same batches for the same seed. With seed 0 the order is
# $2, 4, 3, 6, 5, 0, 1$, and the epoch's batches are $[2, 4, 3]$,
# $[6, 5, 0]$ and the remainder $[1]$:

# %% grading="skip"
deck_rng = np.random.default_rng(0)
order = deck_rng.permutation(7)
print("shuffled order:", order)
print("batches of 3:  ", [order[i:i + 3] for i in range(0, 7, 3)])

# %% [markdown]
# ### Exercise 1: `minibatches(n, batch_size, seed=0)`
#
# Return the index batches of one epoch as a **list of 1-D integer
# arrays**: the permutation `np.random.default_rng(seed).permutation(n)`
# split into consecutive pieces of `batch_size` indices; the last piece
# holds what is left (it may be smaller). If `batch_size >= n` there is a
# single batch with all `n` indices. `n` and `batch_size` are integers;
# raise `ValueError` if `n < 1` or `batch_size < 1`.

# %% question="minibatches"
def minibatches(n, batch_size, seed=0):
    """Index batches of one epoch: a seeded permutation of range(n) dealt
    into consecutive pieces of batch_size (the last may be smaller).

    n, batch_size: integers. Returns a list of 1-D integer arrays.
    ValueError if n < 1 or batch_size < 1.
    """
    # BEGIN SOLUTION
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    order = np.random.default_rng(seed).permutation(n)
    return [order[start:start + batch_size]
            for start in range(0, n, batch_size)]
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the two numbers first. Then
# `order = np.random.default_rng(seed).permutation(n)`, and a list
# comprehension over the starts `range(0, n, batch_size)` that slices
# `order[start:start + batch_size]`
# (a slice past the end simply stops at the end). Do not use
# `np.array_split(order, k)`: it makes `k` *nearly equal* pieces, not
# pieces of `batch_size`.
# </details>

# %% tests="minibatches"
import numpy as np


@test_case(hidden=False)
def test_minibatches_every_index_once(minibatches):
    batches = [np.asarray(b) for b in minibatches(10, 3)]
    sizes = [b.size for b in batches]
    assert sizes == [3, 3, 3, 1], (
        "10 indices in batches of 3 give 4 batches of sizes 3, 3, 3, 1 "
        f"(the last holds the rest), not sizes {sizes}"
    )
    assert np.array_equal(np.sort(np.concatenate(batches)), np.arange(10)), (
        "every index 0, ..., 9 must appear exactly once in one epoch"
    )


@test_case(hidden=False)
def test_minibatches_follow_the_seeded_shuffle(minibatches):
    order = np.random.default_rng(0).permutation(7)
    got = [np.asarray(b).tolist() for b in minibatches(7, 3)]
    want = [order[:3].tolist(), order[3:6].tolist(), order[6:].tolist()]
    assert got == want, (
        "the batches should be np.random.default_rng(seed).permutation(n) "
        f"cut into consecutive pieces: for n = 7, batch_size = 3, seed = 0 "
        f"that is {want}, not {got}"
    )


@test_case(hidden=True)
def test_minibatches_random_sizes_and_seeds(minibatches):
    rng = np.random.default_rng(1401)
    for _ in range(12):
        n = int(rng.integers(1, 60))
        batch_size = int(rng.integers(1, 25))
        seed = int(rng.integers(0, 1000))
        order = np.random.default_rng(seed).permutation(n)
        want = [order[i:i + batch_size] for i in range(0, n, batch_size)]
        got = [np.asarray(b) for b in minibatches(n, batch_size, seed)]
        assert len(got) == len(want), (
            "the number of batches should be ceil(n / batch_size)"
        )
        for g, w in zip(got, want):
            assert np.array_equal(g, w), (
                "the batches are not the seeded permutation "
                "np.random.default_rng(seed).permutation(n) cut into "
                "consecutive pieces of batch_size"
            )


@test_case(hidden=True)
def test_minibatches_each_epoch_covers_all(minibatches):
    for n, batch_size, seed in ((23, 5, 0), (16, 4, 7), (9, 2, 123)):
        batches = [np.asarray(b) for b in minibatches(n, batch_size, seed)]
        everything = np.concatenate(batches)
        assert np.array_equal(np.sort(everything), np.arange(n)), (
            "in one epoch every index must appear exactly once (no repeats, "
            "none missing)"
        )
        assert all(b.size == batch_size for b in batches[:-1]), (
            "every batch but the last should hold exactly batch_size indices"
        )
        assert 1 <= batches[-1].size <= batch_size, (
            "the last batch holds the remaining indices (at least one)"
        )


@test_case(hidden=True)
def test_minibatches_seed_changes_the_order(minibatches):
    first = np.concatenate([np.asarray(b) for b in minibatches(30, 7, 1)])
    second = np.concatenate([np.asarray(b) for b in minibatches(30, 7, 2)])
    again = np.concatenate([np.asarray(b) for b in minibatches(30, 7, 1)])
    assert np.array_equal(first, again), (
        "the same seed must give the same batches"
    )
    assert not np.array_equal(first, second), (
        "a different seed should give a different shuffle"
    )


@test_case(hidden=True)
def test_minibatches_one_big_batch(minibatches):
    for n, batch_size in ((5, 5), (5, 9), (1, 1), (1, 4)):
        batches = minibatches(n, batch_size, 3)
        assert len(batches) == 1, (
            "with batch_size >= n there is a single batch"
        )
        assert np.array_equal(
            np.asarray(batches[0]), np.random.default_rng(3).permutation(n)
        ), "the single batch should be the whole shuffled order"


@test_case(hidden=True)
def test_minibatches_singletons_are_indices(minibatches):
    batches = minibatches(6, 1, 5)
    order = np.random.default_rng(5).permutation(6)
    assert [np.asarray(b).tolist() for b in batches] == [
        [int(i)] for i in order
    ], "with batch_size = 1 every batch is one index, in shuffled order"
    data = np.arange(60.0).reshape(6, 10)
    for b in batches:
        b = np.asarray(b)
        assert b.dtype.kind in "iu", (
            "the batches should hold integers, so that X[batch] selects rows"
        )
        assert data[b].shape == (1, 10)


@test_case(hidden=True)
def test_minibatches_numpy_integers(minibatches):
    got = [np.asarray(b) for b in minibatches(np.int64(8), np.int32(3), 4)]
    order = np.random.default_rng(4).permutation(8)
    assert [b.tolist() for b in got] == [
        order[:3].tolist(), order[3:6].tolist(), order[6:].tolist()
    ], "minibatches should accept numpy integers for n and batch_size"


@test_case(hidden=True)
def test_minibatches_invalid(minibatches):
    for n, batch_size in ((0, 3), (-2, 3), (5, 0), (5, -1)):
        try:
            minibatches(n, batch_size)
        except ValueError:
            continue
        raise AssertionError(
            "minibatches should raise ValueError for n < 1 or batch_size < 1"
        )

# %% [markdown]
# ## 2. SGD for linear regression
#
# Now put the batches to work. Week 8's gradient of the mean squared error,
# with the residuals $r = Xw + b - y$, was
# $\nabla_w L = \frac2n X^\top r$ and $\partial L/\partial b =
# \frac2n\sum_i r_i$. SGD uses the **same formula on the batch only**: for
# a batch $B$ of $m$ indices, with $r_B = X_B w + b - y_B$,
#
# $$w \leftarrow w - \text{lr}\,\frac2m X_B^\top r_B, \qquad
#   b \leftarrow b - \text{lr}\,\frac2m \sum_{i \in B} r_i .$$
#
# Two details decide whether your numbers match everyone else's:
#
# - divide by the size $m$ of **this** batch (the last one may be
#   smaller), not by $n$ and not by `batch_size`;
# - **reshuffle every epoch**: epoch $e$ (counting from 0) uses
#   `minibatches(n, batch_size, seed + e)`. With the same order in every
#   epoch, the walk repeats the same pattern of pulls.
#
# With `batch_size = n` there is one batch per epoch, the whole data set,
# and SGD **is** full-batch gradient descent: `n_epochs` epochs are
# `n_epochs` steps of week 8's `fit_linear_regression`.
#
# **Worked example.** $X = (1, 2, 3)^\top$, $y = (2, 4, 6)$,
# $\text{lr} = 0.01$, one epoch with `batch_size = 3` — one step on all
# data: the residuals at $w = 0, b = 0$ are $(-2, -4, -6)$, so
# $w = 0.01 \cdot \frac23 \cdot 28 = 0.1867$ and
# $b = 0.01 \cdot \frac23 \cdot 12 = 0.08$. With `batch_size = 1` the same
# epoch is three steps, one per sample in shuffled order:

# %% grading="skip"
X_small = np.array([[1.0], [2.0], [3.0]])
y_small = np.array([2.0, 4.0, 6.0])
w_small, b_small = np.zeros(1), 0.0
epoch_rng = np.random.default_rng(0)  # epoch 0 with seed 0
for i in epoch_rng.permutation(3):
    r = X_small[[i]] @ w_small + b_small - y_small[[i]]
    w_small = w_small - 0.01 * 2 * X_small[[i]].T @ r / 1
    b_small = b_small - 0.01 * 2 * np.mean(r)
    print(f"sample {i}: w = {w_small[0]:.4f}, b = {b_small:.4f}")

# %% [markdown]
# ### Exercise 2: `sgd_linear_regression`
#
# `sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0)`:
# Start at $w = 0$ (length $d$) and $b = 0$. For each epoch
# $e = 0, 1, \dots, n_\text{epochs} - 1$ go through the batches of
# `minibatches(n, batch_size, seed + e)` in order, and for each batch
# update $w$ and $b$ **together** with the gradient of the mean over the
# batch of $(x_i \cdot w + b - y_i)^2$ (no $\frac12$). Return the tuple
# `(w, b)`: `w` a float array of shape `(d,)`, `b` a float;
# `n_epochs = 0` returns `(zeros, 0.0)`. Raise `ValueError` if `X` is not
# a non-empty 2-D array, `y` does not have one entry per row of `X`,
# `batch_size < 1` or `n_epochs < 0`. Do not change `X` or `y`.

# %% question="sgd_linear_regression"
def sgd_linear_regression(X, y, lr, batch_size, n_epochs, seed=0):
    """(w, b) by mini-batch SGD on mean((X w + b - y)**2), from w = 0, b = 0.

    X: (n, d) array-like, y: n targets. Epoch e uses minibatches(n,
    batch_size, seed + e); each batch takes one step with the gradient of
    the mean squared error over that batch. Returns w, a float array of
    shape (d,), and b, a float. ValueError if X is not a non-empty 2-D
    array, y has not one entry per row of X, batch_size < 1 or
    n_epochs < 0.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (n, d) matrix")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} entries, one per row")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if n_epochs < 0:
        raise ValueError(f"n_epochs must be at least 0, got {n_epochs}")
    n_samples = X.shape[0]
    w = np.zeros(X.shape[1])
    b = 0.0
    for epoch in range(n_epochs):
        for batch in minibatches(n_samples, batch_size, seed + epoch):
            X_batch, y_batch = X[batch], y[batch]
            residual = X_batch @ w + b - y_batch
            grad_w = 2.0 * (X_batch.T @ residual) / len(batch)
            grad_b = 2.0 * np.mean(residual)
            w = w - lr * grad_w
            b = b - lr * grad_b
    return w, float(b)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Two loops: `for epoch in range(n_epochs):` and inside it
# `for batch in minibatches(n, batch_size, seed + epoch):`. Select the
# batch with `X[batch]` and `y[batch]`, compute its residuals **once**,
# then `2 * Xb.T @ r / len(batch)` and `2 * np.mean(r)` from the same `r`,
# then update `w` and `b`. Return `w, float(b)`.
# </details>

# %% tests="sgd_linear_regression"
import numpy as np


@test_case(hidden=False)
def test_sgd_one_full_batch_is_one_gd_step(sgd_linear_regression):
    w, b = sgd_linear_regression([[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0],
                                 0.01, 3, 1)
    w = np.asarray(w, dtype=float)
    assert w.shape == (1,), "w has one entry per column of X"
    assert np.allclose(w, [0.56 / 3]) and np.isclose(b, 0.08), (
        "with batch_size = n one epoch is one gradient step on all the data: "
        "from w = 0, b = 0 with lr = 0.01 that gives w = 0.01 * 2/3 * 28 and "
        "b = 0.01 * 2/3 * 12 (gradients 2/m X^T r and 2 mean(r))"
    )


@test_case(hidden=False)
def test_sgd_zero_epochs(sgd_linear_regression):
    w, b = sgd_linear_regression([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0],
                                 0.1, 1, 0)
    assert np.allclose(np.asarray(w, dtype=float), [0.0, 0.0]), (
        "with n_epochs = 0 the weights stay at their start, w = 0"
    )
    assert np.ndim(b) == 0 and b == 0.0, (
        "with n_epochs = 0 the bias stays at 0.0, a single number"
    )


@test_case(hidden=False)
def test_sgd_finds_an_exact_line(sgd_linear_regression):
    X = [[0.0], [1.0], [2.0], [3.0], [4.0]]
    y = [1.0, 3.0, 5.0, 7.0, 9.0]  # y = 2x + 1 exactly
    w, b = sgd_linear_regression(X, y, 0.02, 1, 300)
    assert np.allclose(np.asarray(w, dtype=float), [2.0], atol=1e-6), (
        "on data lying exactly on y = 2x + 1, SGD with batches of one sample "
        "should find the slope 2: every sample agrees on the same line"
    )
    assert np.isclose(b, 1.0, atol=1e-6), (
        "on data lying exactly on y = 2x + 1, SGD should find the "
        "intercept 1"
    )


@test_case(hidden=False)
def test_sgd_last_batch_divides_by_its_size(sgd_linear_regression):
    # seed 0 shuffles 3 samples into the order 2, 0, 1: batches [2, 0], [1].
    w, b = sgd_linear_regression([[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0],
                                 0.01, 2, 1)
    assert np.allclose(np.asarray(w, dtype=float), [0.3408]) and (
        np.isclose(b, 0.1504)
    ), (
        "batches [2, 0] then [1]: the first step gives w = 0.2, b = 0.08; "
        "the second batch holds one sample, so its gradient divides by 1 "
        "(not by batch_size = 2 or n = 3), giving w = 0.3408, b = 0.1504"
    )


@test_case(hidden=True)
def test_sgd_matches_reference(sgd_linear_regression):
    # An exact replay of the updates. A few dozen well-conditioned steps
    # lose at most ~1e-14 relative, so rtol 1e-9 only absorbs rounding.
    rng = np.random.default_rng(1411)
    X = rng.normal(size=(23, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.7 + 0.3 * rng.normal(size=23)
    for batch_size, n_epochs, seed in ((5, 3, 0), (4, 2, 11), (7, 1, 3),
                                       (1, 2, 5)):
        w, b = np.zeros(3), 0.0
        for epoch in range(n_epochs):
            order = np.random.default_rng(seed + epoch).permutation(23)
            for start in range(0, 23, batch_size):
                rows = order[start:start + batch_size]
                r = X[rows] @ w + b - y[rows]
                w = w - 0.05 * 2 * X[rows].T @ r / len(rows)
                b = b - 0.05 * 2 * np.mean(r)
        got_w, got_b = sgd_linear_regression(X, y, 0.05, batch_size,
                                             n_epochs, seed)
        assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-9,
                           atol=1e-12), (
            "w does not match mini-batch SGD: each batch of minibatches(n, "
            "batch_size, seed + epoch) takes one step with 2/m X_B^T r_B"
        )
        assert np.isclose(got_b, b, rtol=1e-9, atol=1e-12), (
            "b does not match mini-batch SGD: each batch takes one step with "
            "2 mean(r_B)"
        )


@test_case(hidden=True)
def test_sgd_full_batch_is_gradient_descent(sgd_linear_regression):
    # batch_size >= n: one batch per epoch, i.e. plain gradient descent.
    rng = np.random.default_rng(1412)
    X = rng.normal(size=(30, 4))
    y = X @ rng.normal(size=4) - 1.0 + rng.normal(size=30)
    w, b = np.zeros(4), 0.0
    for _ in range(25):
        r = X @ w + b - y
        w, b = w - 0.1 * 2 * X.T @ r / 30, b - 0.1 * 2 * np.mean(r)
    for batch_size in (30, 45):
        got_w, got_b = sgd_linear_regression(X, y, 0.1, batch_size, 25, 9)
        assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-9,
                           atol=1e-12), (
            "with batch_size >= n every epoch is one step of full-batch "
            "gradient descent, so w should match it"
        )
        assert np.isclose(got_b, b, rtol=1e-9, atol=1e-12), (
            "with batch_size >= n every epoch is one step of full-batch "
            "gradient descent, so b should match it"
        )


@test_case(hidden=True)
def test_sgd_uneven_last_batch(sgd_linear_regression):
    # 7 samples in batches of 3: the last batch has 1 sample and its
    # gradient divides by 1.
    X = np.array([[1.0], [2.0], [-1.0], [0.5], [3.0], [-2.0], [1.5]])
    y = np.array([1.0, -1.0, 2.0, 0.0, 1.0, 3.0, -0.5])
    w, b = np.zeros(1), 0.0
    order = np.random.default_rng(2).permutation(7)
    for rows in (order[:3], order[3:6], order[6:]):
        r = X[rows] @ w + b - y[rows]
        w = w - 0.1 * 2 * X[rows].T @ r / len(rows)
        b = b - 0.1 * 2 * np.mean(r)
    got_w, got_b = sgd_linear_regression(X, y, 0.1, 3, 1, 2)
    assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-10), (
        "wrong w when the last batch is smaller: divide each batch's "
        "gradient by the size of that batch"
    )
    assert np.isclose(got_b, b, rtol=1e-10), (
        "wrong b when the last batch is smaller: divide each batch's "
        "gradient by the size of that batch"
    )


@test_case(hidden=True)
def test_sgd_reshuffles_every_epoch(sgd_linear_regression):
    # Two epochs with batches of one sample: the second epoch must use the
    # shuffle of seed + 1.
    X = np.array([[1.0], [-2.0], [0.5], [3.0]])
    y = np.array([2.0, 0.0, -1.0, 4.0])
    w, b = np.zeros(1), 0.0
    for epoch in range(2):
        for i in np.random.default_rng(6 + epoch).permutation(4):
            r = X[i] @ w + b - y[i]
            w, b = w - 0.05 * 2 * X[i] * r, b - 0.05 * 2 * r
    got_w, got_b = sgd_linear_regression(X, y, 0.05, 1, 2, 6)
    assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-10) and (
        np.isclose(got_b, b, rtol=1e-10)
    ), "epoch e should use the batches of minibatches(n, batch_size, seed + e)"


@test_case(hidden=True)
def test_sgd_interpolates_noiseless_data(sgd_linear_regression):
    # Every sample agrees on the same (w, b): SGD converges to it exactly.
    rng = np.random.default_rng(1413)
    X = rng.normal(size=(40, 3))
    w_true = np.array([0.5, -1.0, 2.0])
    y = X @ w_true + 1.5
    w, b = sgd_linear_regression(X, y, 0.05, 8, 300, 1)
    assert np.allclose(np.asarray(w, dtype=float), w_true, atol=1e-8), (
        "on noiseless linear data SGD should converge to the true weights"
    )
    assert np.isclose(b, 1.5, atol=1e-8), (
        "on noiseless linear data SGD should converge to the true bias"
    )


@test_case(hidden=True)
def test_sgd_zero_epochs_returns_floats(sgd_linear_regression):
    w, b = sgd_linear_regression([[1, 2, 3], [4, 5, 6]], [1, 2], 0.1, 1, 0)
    w = np.asarray(w)
    assert w.shape == (3,) and np.all(w == 0), (
        "with n_epochs = 0 w is a vector of zeros, one per column of X"
    )
    assert np.ndim(b) == 0 and b == 0, "with n_epochs = 0 b is the number 0"


@test_case(hidden=True)
def test_sgd_integer_inputs(sgd_linear_regression):
    w, b = sgd_linear_regression([[1], [2], [3]], [2, 4, 6], 0.01, 3, 1)
    assert np.allclose(np.asarray(w, dtype=float), [0.56 / 3]) and (
        np.isclose(b, 0.08)
    ), "sgd_linear_regression should accept integer lists"


@test_case(hidden=True)
def test_sgd_keeps_inputs(sgd_linear_regression):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    sgd_linear_regression(X, y, 0.1, 2, 3)
    assert np.array_equal(X, [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), (
        "sgd_linear_regression must not change X"
    )
    assert np.array_equal(y, [1.0, 2.0, 3.0]), (
        "sgd_linear_regression must not change y"
    )


@test_case(hidden=True)
def test_sgd_invalid(sgd_linear_regression):
    bad = (([1.0, 2.0], [1.0, 2.0], 1, 1), ([], [], 1, 1),
           ([[1.0], [2.0]], [1.0, 2.0, 3.0], 1, 1),
           ([[1.0], [2.0]], [1.0, 2.0], 0, 1),
           ([[1.0], [2.0]], [1.0, 2.0], 1, -1))
    for X, y, batch_size, n_epochs in bad:
        try:
            sgd_linear_regression(X, y, 0.1, batch_size, n_epochs)
        except ValueError:
            continue
        raise AssertionError(
            "sgd_linear_regression should raise ValueError for an X that is "
            "not a non-empty 2-D array, a y whose length differs from the "
            "number of rows, batch_size < 1 or n_epochs < 0"
        )

# %% [markdown]
# ## 3. Narrow valleys: momentum and Adam
#
# Week 8 found the speed limit of gradient descent on a bowl
# $f(x) = \frac12 x^\top H x$: along an eigenvector with eigenvalue
# (curvature) $\lambda$ one step multiplies the distance to the minimum by
# $1 - \text{lr}\,\lambda$, so the steepest direction caps the learning rate
# at the **critical** value $2/\lambda_{\max}$, and the flattest direction
# then creeps along by a factor $1 - \text{lr}\,\lambda_{\min}$ per step. The
# ratio $\lambda_{\max}/\lambda_{\min}$, the condition number, is the
# trouble. Loss landscapes of networks are full of such narrow valleys.
#
# Take $H = \operatorname{diag}(1, 100)$: the critical learning rate is
# $2/100 = 0.02$. Plain descent at $\text{lr} = 0.019$, just below it,
# shrinks the steep coordinate by $|1 - 1.9| = 0.9$ per step (a zigzag) and
# the flat one by only $1 - 0.019 = 0.981$: after 100 steps the flat
# coordinate still has $0.981^{100} \approx 15\%$ of its way to go. Two
# remedies:
#
# - **momentum** (week 8): the velocity $v \leftarrow \beta v + \nabla f$
#   adds up the consistent pull along the valley floor, while the zigzag
#   across it cancels;
# - **Adam** rescales **each coordinate** by a running estimate of the size
#   of its own gradient, so steep and flat directions take steps of about
#   the same length.
#
# The three walks, 100 steps each from the same start:

# %% grading="skip"
curvatures = np.array([1.0, 100.0])  # H = diag(1, 100)
valley_start = np.array([-8.0, 1.0])


def valley_walk(method, lr, n_steps=100, beta=0.8):
    """Paths of plain descent, heavy-ball momentum or Adam on the valley."""
    x, velocity = valley_start.copy(), np.zeros(2)
    m, v = np.zeros(2), np.zeros(2)
    path = [x]
    for t in range(1, n_steps + 1):
        g = curvatures * x
        if method == "plain":
            x = x - lr * g
        elif method == "momentum":
            velocity = beta * velocity + g
            x = x - lr * velocity
        else:  # Adam with the usual beta1 = 0.9, beta2 = 0.999
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g**2
            m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
            x = x - lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        path.append(x)
    path = np.array(path)
    return path, 0.5 * np.sum(curvatures * path**2, axis=1)


valley_runs = [("plain descent, lr = 0.019", valley_walk("plain", 0.019)),
               ("momentum, lr = 0.019, beta = 0.8",
                valley_walk("momentum", 0.019)),
               ("Adam, lr = 0.3", valley_walk("adam", 0.3))]

g1, g2 = np.meshgrid(np.linspace(-9, 3, 300), np.linspace(-1.3, 1.3, 200))
fig, axes = plt.subplots(2, 2, figsize=(11, 7))
for ax, (title, (path, _)) in zip(axes.ravel(), valley_runs):
    ax.contour(g1, g2, 0.5 * (g1**2 + 100 * g2**2),
               levels=np.geomspace(0.05, 100, 12), colors="gray",
               linewidths=0.7)
    ax.plot(path[:, 0], path[:, 1], "o-", color="C3", ms=2, lw=0.8)
    ax.plot(*valley_start, "ks")
    ax.plot(0, 0, "k*", ms=10)
    ax.set(title=title, xlabel="x1 (curvature 1)",
           ylabel="x2 (curvature 100)")
ax = axes[1, 1]
for title, (_, values) in valley_runs:
    ax.semilogy(values, label=title.split(",")[0])
ax.set(title="Loss along the three walks", xlabel="step",
       ylabel="f(x) (log scale)")
ax.legend()
ax.grid(alpha=0.3, which="both")
fig.suptitle("The valley f = (x1² + 100 x2²) / 2, 100 steps each")
fig.tight_layout()
plt.show()
for title, (path, values) in valley_runs:
    print(f"{title:34s} after 100 steps: f = {values[-1]:.1e}, "
          f"distance to the minimum {np.linalg.norm(path[-1]):.1e}")

# %% [markdown]
# Plain descent zigzags across the valley and is still far out on the flat
# floor. Momentum, **with the same learning rate**, builds up speed along
# the floor and arrives. Adam's first steps run diagonally — about the same
# length, `lr`, in *each* coordinate, whatever the curvature — and then
# settle. Neither trick breaks the speed limit of plain descent; they
# change the walk so that the limit matters less.
#
# ### Adam, step by step
#
# Adam keeps two running averages per coordinate, both started at 0: the
# **first moment** $m$ (the average gradient, like momentum's velocity)
# and the **second moment** $v$ (the average *squared* gradient, a
# measure of the gradient's size). With the gradient $g$ at step $t$:
#
# $$\begin{aligned}
# t &\leftarrow t + 1, \\
# m &\leftarrow \beta_1 m + (1 - \beta_1)\, g, \\
# v &\leftarrow \beta_2 v + (1 - \beta_2)\, g^2
#   \quad\text{(elementwise square)}, \\
# \hat m &= \frac{m}{1 - \beta_1^t}, \qquad
#   \hat v = \frac{v}{1 - \beta_2^t}, \\
# \theta &\leftarrow \theta - \text{lr}\,
#   \frac{\hat m}{\sqrt{\hat v} + \varepsilon}
#   \quad\text{(elementwise)}.
# \end{aligned}$$
#
# Why the hats? Both averages start at 0, so early on they are too small:
# after one step $m = (1 - \beta_1) g = 0.1\,g$. Dividing by
# $1 - \beta_1^t$ (here $1 - 0.9 = 0.1$) undoes exactly that start-up bias
# — the **bias correction**. Without it the two biases would not cancel:
# the first step would be $\text{lr}\cdot 0.1\,|g| / (\sqrt{0.001}\,|g|)
# \approx 3.2\,\text{lr}$ instead of $\text{lr}$.
#
# **Worked example.** The first step, $t = 1$: $\hat m = g$ and
# $\hat v = g^2$, so each coordinate moves by
# $\text{lr}\cdot g_i/(|g_i| + \varepsilon) \approx \text{lr}\cdot
# \operatorname{sign}(g_i)$. The first step of Adam has length `lr` **per
# coordinate**, whether the gradient there is $10^{-3}$ or $10^3$:

# %% grading="skip"
g = np.array([1e-3, -4.0, 1e3])
m_demo = (1 - 0.9) * g
v_demo = (1 - 0.999) * g**2
step = 0.1 * (m_demo / (1 - 0.9)) / (np.sqrt(v_demo / (1 - 0.999)) + 1e-8)
print("gradient:", g)
print("first Adam step with lr = 0.1:", step)

# %% [markdown]
# In a training loop the moments must survive from one step to the next.
# This week they live in a **state** dictionary with the keys `"m"`, `"v"`
# (arrays shaped like $\theta$) and `"t"` (the number of steps done); an
# empty dictionary `{}` or `None` means a fresh start, $m = v = 0$,
# $t = 0$. The function returns the new parameters **and a new state**,
# and changes neither the old parameters nor the old state — so that you
# can run two experiments from the same starting point, and so that a
# caller who kept the old state is not surprised.

# %% [markdown]
# ### Exercise 3: `adam_step`
#
# `adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
# eps=1e-8)`:
# Do one Adam update of the parameters `theta` (an array-like of any
# shape, for example a vector or a weight matrix) with the gradient `grad`
# (same shape), following the formulas above, with bias correction.
# `state` is `{}` or `None` for the first step, otherwise the state
# returned by the previous call. Return the tuple `(new_theta, new_state)`:
# `new_theta` a float array shaped like `theta`, `new_state` a **new**
# dictionary with `"m"` and `"v"` (float arrays shaped like `theta`) and
# `"t"` (an int, one more than before). Raise `ValueError` if `theta` is
# empty, or `grad`, `state["m"]` or `state["v"]` does not have the shape of
# `theta`. Do not change `theta`, `grad`, `state` or the arrays in it.

# %% question="adam_step"
def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999,
              eps=1e-8):
    """One Adam update with bias correction: (new_theta, new_state).

    theta, grad: array-likes of the same (any) shape. state is {} or None
    (m = v = 0, t = 0) or a dict with "m", "v" (shaped like theta) and "t"
    (steps done). Returns a float array shaped like theta and a new dict
    {"m", "v", "t"} with t one larger. Neither theta nor state is
    modified. ValueError if theta is empty or grad, state["m"] or
    state["v"] has another shape than theta.
    """
    # BEGIN SOLUTION
    theta = np.asarray(theta, dtype=float)
    grad = np.asarray(grad, dtype=float)
    if theta.size == 0:
        raise ValueError("theta must not be empty")
    if grad.shape != theta.shape:
        raise ValueError(
            f"grad has shape {grad.shape}, theta has shape {theta.shape}")
    if state:
        m = np.asarray(state["m"], dtype=float)
        v = np.asarray(state["v"], dtype=float)
        t = int(state["t"])
        if m.shape != theta.shape or v.shape != theta.shape:
            raise ValueError("the state's m and v must be shaped like theta")
    else:
        m = np.zeros_like(theta)
        v = np.zeros_like(theta)
        t = 0
    t = t + 1
    m = beta1 * m + (1.0 - beta1) * grad
    v = beta2 * v + (1.0 - beta2) * grad**2
    m_hat = m / (1.0 - beta1**t)
    v_hat = v / (1.0 - beta2**t)
    new_theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_theta, {"m": m, "v": v, "t": t}
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Read `m`, `v`, `t` from the state (or start from `np.zeros_like(theta)`
# and `t = 0`), then follow the formulas line by line, **creating new
# arrays** (`m = beta1 * m + ...`, never `m *= beta1` or
# `state["m"][...] = ...`, which would change the caller's arrays). Increase
# `t` *before* the bias correction, so that the first step divides by
# `1 - beta1**1`. Note where `eps` goes: outside the square root. Return
# `new_theta, {"m": m, "v": v, "t": t}`.
# </details>

# %% tests="adam_step"
import numpy as np


@test_case(hidden=False)
def test_adam_first_step_has_size_lr(adam_step):
    theta = [1.0, -2.0, 0.5, 3.0]
    grad = [0.3, -4.0, 1e-3, 250.0]
    new_theta, state = adam_step(theta, grad, {}, lr=0.1)
    # The first step is lr * g / (|g| + eps) = lr * sign(g) up to
    # lr * eps / |g| <= 0.1 * 1e-8 / 1e-3 = 1e-6; atol allows twice that.
    assert np.allclose(np.asarray(new_theta, dtype=float),
                       [0.9, -1.9, 0.4, 2.9], rtol=0, atol=2e-6), (
        "Adam's first step moves every coordinate by about lr against the "
        "sign of its gradient, whatever the gradient's size: with bias "
        "correction m_hat = g and v_hat = g**2 at t = 1"
    )
    assert state["t"] == 1, "after the first step the state's t is 1"
    assert np.allclose(np.asarray(state["m"], dtype=float),
                       [0.03, -0.4, 1e-4, 25.0]), (
        "after one step m = (1 - beta1) * g (the stored m is not corrected)"
    )
    assert np.allclose(np.asarray(state["v"], dtype=float),
                       0.001 * np.array(grad) ** 2), (
        "after one step v = (1 - beta2) * g**2 (the stored v is not "
        "corrected)"
    )


@test_case(hidden=False)
def test_adam_second_step(adam_step):
    theta, state = adam_step([0.0], [2.0], None, lr=0.1)
    theta, state = adam_step(theta, [1.0], state, lr=0.1)
    m = 0.9 * 0.2 + 0.1 * 1.0
    v = 0.999 * 0.004 + 0.001 * 1.0
    step = 0.1 * (m / (1 - 0.9**2)) / (np.sqrt(v / (1 - 0.999**2)) + 1e-8)
    assert state["t"] == 2, "after two steps the state's t is 2"
    assert np.allclose(np.asarray(theta, dtype=float), [-0.1 - step]), (
        "the second step continues from the returned state: m = 0.9 m + "
        "0.1 g, v = 0.999 v + 0.001 g**2, corrected by 1 - beta**2"
    )


@test_case(hidden=False)
def test_adam_keeps_theta_and_state(adam_step):
    theta = np.array([1.0, -1.0])
    state = {"m": np.array([0.1, 0.2]), "v": np.array([0.3, 0.4]), "t": 3}
    _, new_state = adam_step(theta, np.array([0.5, 2.0]), state)
    assert new_state is not state, (
        "adam_step should return a new state dictionary, not the old one"
    )
    assert np.array_equal(theta, [1.0, -1.0]), (
        "adam_step must not change theta: compute a new array"
    )
    assert state["t"] == 3 and np.array_equal(state["m"], [0.1, 0.2]) and (
        np.array_equal(state["v"], [0.3, 0.4])
    ), (
        "adam_step must not change the state it was given (m = beta1 * m + "
        "..., not m *= beta1)"
    )


@test_case(hidden=True)
def test_adam_matches_reference(adam_step):
    # Elementwise arithmetic only: agreement to rtol 1e-12 is rounding.
    rng = np.random.default_rng(1421)
    theta0 = rng.normal(size=5)
    grads = rng.normal(scale=3.0, size=(6, 5))
    m, v, want = np.zeros(5), np.zeros(5), theta0.copy()
    for t, g in enumerate(grads, start=1):
        m = 0.8 * m + 0.2 * g
        v = 0.99 * v + 0.01 * g**2
        want = want - 0.05 * (m / (1 - 0.8**t)) / (
            np.sqrt(v / (1 - 0.99**t)) + 1e-6)
    theta, state = theta0, None
    for g in grads:
        theta, state = adam_step(theta, g, state, lr=0.05, beta1=0.8,
                                 beta2=0.99, eps=1e-6)
    assert np.allclose(np.asarray(theta, dtype=float), want, rtol=1e-12,
                       atol=1e-14), (
        "six Adam steps do not match the update with bias correction (using "
        "the given lr, beta1, beta2 and eps)"
    )
    assert np.allclose(np.asarray(state["m"], dtype=float), m,
                       rtol=1e-12) and np.allclose(
        np.asarray(state["v"], dtype=float), v, rtol=1e-12
    ), "the state should hold the uncorrected running averages m and v"
    assert state["t"] == 6, "the state's t should count the steps done"


@test_case(hidden=True)
def test_adam_default_hyperparameters(adam_step):
    rng = np.random.default_rng(1422)
    theta0 = rng.normal(size=3)
    grads = rng.normal(size=(3, 3))
    m, v, want = np.zeros(3), np.zeros(3), theta0.copy()
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        want = want - 1e-3 * (m / (1 - 0.9**t)) / (
            np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    theta, state = theta0, {}
    for g in grads:
        theta, state = adam_step(theta, g, state)
    assert np.allclose(np.asarray(theta, dtype=float), want, rtol=1e-12,
                       atol=1e-15), (
        "with the default lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 "
        "three steps give the wrong parameters"
    )


@test_case(hidden=True)
def test_adam_continues_a_given_state(adam_step):
    rng = np.random.default_rng(1423)
    theta = rng.normal(size=4)
    g = rng.normal(size=4)
    m0 = rng.normal(size=4)
    v0 = rng.uniform(0.5, 2.0, size=4)
    state = {"m": m0, "v": v0, "t": 9}
    m = 0.9 * m0 + 0.1 * g
    v = 0.999 * v0 + 0.001 * g**2
    want = theta - 0.01 * (m / (1 - 0.9**10)) / (
        np.sqrt(v / (1 - 0.999**10)) + 1e-8)
    got, new_state = adam_step(theta, g, state, lr=0.01)
    assert np.allclose(np.asarray(got, dtype=float), want, rtol=1e-12), (
        "continuing from a state with t = 9 should use t = 10 in the bias "
        "correction"
    )
    assert new_state["t"] == 10, "t should go up by one per step"


@test_case(hidden=True)
def test_adam_tiny_gradients(adam_step):
    # eps belongs outside the square root: for |g| = 1e-6 the first step
    # is still lr * g / (|g| + eps) ~ 0.99 lr.
    theta, _ = adam_step([0.0, 0.0], [1e-6, -1e-6], {}, lr=0.1)
    want = 0.1 * 1e-6 / (1e-6 + 1e-8)
    assert np.allclose(np.asarray(theta, dtype=float), [-want, want],
                       rtol=1e-10), (
        "for tiny gradients the first step should still be about lr: add "
        "eps after taking the square root of v_hat"
    )


@test_case(hidden=True)
def test_adam_ignores_the_gradient_scale(adam_step):
    # Adam divides by the root of the squared gradient: scaling every
    # gradient by c > 0 changes the steps only through eps.
    rng = np.random.default_rng(1424)
    grads = rng.normal(size=(4, 3))
    results = []
    for scale in (1.0, 1000.0):
        theta, state = np.zeros(3), None
        for g in grads:
            theta, state = adam_step(theta, scale * g, state, lr=0.01)
        results.append(np.asarray(theta, dtype=float))
    assert np.allclose(results[0], results[1], rtol=1e-6, atol=1e-9), (
        "multiplying every gradient by 1000 should hardly change Adam's "
        "steps: m_hat / sqrt(v_hat) does not depend on the gradient's scale"
    )


@test_case(hidden=True)
def test_adam_zero_gradient_stays(adam_step):
    theta, state = adam_step([1.0, 2.0], [0.0, 0.0], {}, lr=0.5)
    assert np.allclose(np.asarray(theta, dtype=float), [1.0, 2.0]), (
        "a zero gradient on the first step should not move theta"
    )
    assert state["t"] == 1, "the step still counts: t becomes 1"


@test_case(hidden=True)
def test_adam_matrix_parameters(adam_step):
    rng = np.random.default_rng(1425)
    W = rng.normal(size=(3, 2))
    G = rng.normal(size=(3, 2))
    got, state = adam_step(W, G, None, lr=0.01)
    got = np.asarray(got, dtype=float)
    assert got.shape == (3, 2), "new_theta should have the shape of theta"
    assert np.asarray(state["m"]).shape == (3, 2) and (
        np.asarray(state["v"]).shape == (3, 2)
    ), "the state's m and v should have the shape of theta"
    want = W - 0.01 * G / (np.abs(G) + 1e-8)
    assert np.allclose(got, want, rtol=1e-12), (
        "Adam works elementwise on a weight matrix as on a vector"
    )


@test_case(hidden=True)
def test_adam_keeps_inputs(adam_step):
    theta = np.array([1.0, -1.0])
    grad = np.array([0.5, 2.0])
    m0, v0 = np.array([0.1, 0.2]), np.array([0.3, 0.4])
    state = {"m": m0, "v": v0, "t": 3}
    adam_step(theta, grad, state, lr=0.1)
    assert np.array_equal(theta, [1.0, -1.0]), (
        "adam_step must not change theta"
    )
    assert np.array_equal(grad, [0.5, 2.0]), "adam_step must not change grad"
    assert np.array_equal(m0, [0.1, 0.2]) and np.array_equal(v0, [0.3, 0.4]), (
        "adam_step must not change the arrays in the state it was given"
    )
    assert state["t"] == 3 and set(state) == {"m", "v", "t"}, (
        "adam_step must not change the state it was given: return a new one"
    )
    assert np.array_equal(state["m"], [0.1, 0.2]) and np.array_equal(
        state["v"], [0.3, 0.4]
    ), "adam_step must not change the arrays in the state it was given"


@test_case(hidden=True)
def test_adam_invalid(adam_step):
    bad = (([], [], {}), ([1.0, 2.0], [1.0], {}),
           ([1.0, 2.0], [[1.0, 2.0]], None),
           ([1.0, 2.0], [1.0, 1.0], {"m": [0.0], "v": [0.0, 0.0], "t": 1}),
           ([1.0, 2.0], [1.0, 1.0], {"m": [0.0, 0.0], "v": [0.0], "t": 1}))
    for theta, grad, state in bad:
        try:
            adam_step(theta, grad, state)
        except ValueError:
            continue
        raise AssertionError(
            "adam_step should raise ValueError for an empty theta, or a grad "
            "or state['m'] or state['v'] not shaped like theta"
        )

# %% [markdown]
# ## 4. Fitting the training data is not the goal
#
# A model is trained on some data and used on *other* data. Here is the
# classic way this goes wrong. Twenty measurements of a smooth curve with
# a little noise; we fit polynomials $b + w_1 x + w_2 x^2 + \dots +
# w_p x^p$ of degree $p$ by least squares — a linear regression whose
# features are the powers $x, x^2, \dots, x^p$. The error is measured on
# the 20 training points *and* on 400 new points from the same source.

# %% grading="skip"
rng = np.random.default_rng(4)


def truth(x):
    return np.sin(3 * x)


x_train = np.linspace(-1, 1, 20) + rng.uniform(-0.04, 0.04, size=20)
y_train = truth(x_train) + rng.normal(scale=0.2, size=20)
x_test = np.linspace(-1, 1, 400)
y_test = truth(x_test) + rng.normal(scale=0.2, size=400)


def powers(x, degree=15):
    """The features x, x**2, ..., x**degree as the columns of a matrix."""
    return np.column_stack([x**k for k in range(1, degree + 1)])


def fit_polynomial(degree):
    """Least squares (through np.linalg.lstsq) with an intercept."""
    A = np.column_stack([np.ones(20), powers(x_train, degree)])
    coef = np.linalg.lstsq(A, y_train, rcond=None)[0]
    return coef[1:], coef[0]


def mse(X, y, w, b):
    return np.mean((X @ w + b - y) ** 2)


fig, axes = plt.subplots(1, 3, figsize=(13, 4), sharey=True)
for ax, degree in zip(axes, (1, 3, 15)):
    w_poly, b_poly = fit_polynomial(degree)
    train_err = mse(powers(x_train, degree), y_train, w_poly, b_poly)
    test_err = mse(powers(x_test, degree), y_test, w_poly, b_poly)
    print(f"degree {degree:2d}: training MSE {train_err:.4f}, "
          f"MSE on new points {test_err:.4f}")
    ax.plot(x_test, truth(x_test), "k:", label="the true curve")
    ax.plot(x_test, powers(x_test, degree) @ w_poly + b_poly, "C3",
            label="fitted polynomial")
    ax.plot(x_train, y_train, "o", color="C0", ms=5, label="training data")
    ax.set(title=f"degree {degree}: train {train_err:.3f}, new {test_err:.3f}",
           xlabel="x", ylim=(-2, 2))
    ax.grid(alpha=0.3)
axes[0].set_ylabel("y")
axes[0].legend(fontsize=8, loc="lower right")
fig.suptitle("Polynomials of growing degree fitted to the same 20 points")
fig.tight_layout()
plt.show()

# %% [markdown]
# A straight line is too stiff (**underfitting**: large error everywhere).
# Degree 3 follows the curve, and its error on new points is close to the
# noise level $0.2^2 = 0.04$, the part of the error no model can remove.
# Degree 15 has the **smallest training error** of the three, because it
# has 16 parameters for 20 points and bends to pass near every noisy
# measurement; between the points it swings wildly, and on new points it is
# far worse than the cubic. That is **overfitting**: the model has learned
# the noise.
#
# Two lessons every practitioner lives by:
#
# 1. **The training error is not an estimate of the error on new data.**
#    Hold data back and measure there.
# 2. The wild curve has **huge weights** — large positive and negative
#    coefficients that nearly cancel on the training points. Keep the
#    weights small, and the curve cannot swing like that.

# %% grading="skip"
for degree in (3, 15):
    w_poly, _ = fit_polynomial(degree)
    largest = np.max(np.abs(w_poly))
    print(f"degree {degree:2d}: largest |weight| = {largest:.1f}")

# %% [markdown]
# ## 5. Ridge regression: a fit on a leash
#
# **Ridge regression** adds the second lesson to the loss: a penalty on the
# size of the weights,
#
# $$L_\lambda(w, b) = \frac1n \|Xw + b - y\|^2 + \lambda \|w\|^2 ,
#   \qquad \lambda \ge 0 .$$
#
# The larger $\lambda$, the shorter the leash. The bias $b$ is **not**
# penalised: shifting every target by 5 should shift the fit by 5, not pull
# it back towards 0. (In networks the same penalty is called **weight
# decay**: its gradient $2\lambda w$ shrinks every weight a little at each
# step.)
#
# No descent is needed — the minimiser has a closed form. Setting the
# derivative with respect to $b$ to zero gives
# $b = \bar y - \bar x \cdot w$ (the fit passes through the mean point
# $(\bar x, \bar y)$, where $\bar x$ is the mean of the rows of $X$).
# Putting that back, only the **centred** data $X_c = X - \bar x$,
# $y_c = y - \bar y$ remain, and setting the gradient with respect to $w$,
# $\frac2n X_c^\top(X_c w - y_c) + 2\lambda w$, to zero gives the linear
# system
#
# $$\Bigl(\tfrac1n X_c^\top X_c + \lambda I\Bigr)\, w
#   = \tfrac1n X_c^\top y_c , \qquad b = \bar y - \bar x \cdot w .$$
#
# For $\lambda = 0$ this is ordinary least squares with an intercept (week
# 4's normal equations), and it fails when the columns of $X_c$ are
# dependent — a repeated feature, a constant feature, or fewer samples than
# features. For $\lambda > 0$ the matrix is always invertible: $\lambda$
# lifts every eigenvalue of $\frac1n X_c^\top X_c \succeq 0$ by $\lambda$.
# That is ridge's second gift: it makes an ill-conditioned problem
# well-conditioned. (Twice these eigenvalues are the curvatures of the
# loss, the numbers behind section 3's critical learning rate and narrow
# valleys: the penalty also makes the valley less narrow.)
#
# Watch the degree-15 fit as the leash tightens. (The cell computes ridge
# another way: as ordinary least squares on extra rows — the $d$ rows of
# $\sqrt{n\lambda}\, I$ with target 0 add $n\lambda\|w\|^2$ to the sum of
# squares, which is $\lambda\|w\|^2$ once divided by $n$.)

# %% grading="skip"
def ridge_by_extra_rows(X, y, lam):
    """Ridge as least squares on [X_c; sqrt(n lam) I] (np.linalg.lstsq)."""
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    A = np.vstack([X - x_mean, np.sqrt(n * lam) * np.eye(d)])
    target = np.concatenate([y - y_mean, np.zeros(d)])
    w = np.linalg.lstsq(A, target, rcond=None)[0]
    return w, y_mean - x_mean @ w


P_train, P_test = powers(x_train), powers(x_test)
lams = np.logspace(-9, 1, 31)
ridge_fits = [ridge_by_extra_rows(P_train, y_train, lam) for lam in lams]
train_curve = [mse(P_train, y_train, w, b) for w, b in ridge_fits]
test_curve = [mse(P_test, y_test, w, b) for w, b in ridge_fits]
norm_curve = [np.linalg.norm(w) for w, _ in ridge_fits]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.3))
ax1.plot(x_test, truth(x_test), "k:", label="the true curve")
for lam, color in ((1e-9, "C3"), (1e-4, "C1"), (1e-2, "C2"), (1.0, "C4")):
    w, b = ridge_by_extra_rows(P_train, y_train, lam)
    ax1.plot(x_test, P_test @ w + b, color=color, label=f"λ = {lam:g}")
ax1.plot(x_train, y_train, "o", color="C0", ms=5, label="training data")
ax1.set(title="Degree 15 with a ridge penalty", xlabel="x", ylabel="y",
        ylim=(-2, 2))
ax1.legend(fontsize=8, loc="lower right")
ax2.loglog(lams, norm_curve, "C0", lw=2)
ax2.set(title="The weights shrink as λ grows", xlabel="λ (log scale)",
        ylabel="‖w‖ (log scale)")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3, which="both")
fig.tight_layout()
plt.show()

# %% [markdown]
# A tiny $\lambda$ leaves the wild curve; $\lambda$ around $10^{-4}$ to
# $10^{-2}$ follows the true curve; a large one flattens the fit towards
# the constant $\bar y$ (underfitting again). $\|w\|$ falls steadily as
# $\lambda$ grows.
#
# **Worked example.** $X = (0, 1, 2, 3)^\top$ and $y = (1, 3, 5, 7)$, which
# lie exactly on $y = 2x + 1$. Centred: $x_c = (-1.5, -0.5, 0.5, 1.5)$,
# $y_c = 2 x_c$, so $\frac1n x_c^\top x_c = 1.25$ and
# $\frac1n x_c^\top y_c = 2.5$. With $\lambda = 0$: $w = 2.5 / 1.25 = 2$,
# $b = 4 - 1.5 \cdot 2 = 1$ — the line itself. With $\lambda = 1$:
# $w = 2.5 / 2.25 = 1.111$ and $b = 4 - 1.5 \cdot 1.111 = 2.333$: a flatter
# line, still through the mean point $(1.5, 4)$.

# %% grading="skip"
X_line = np.array([[0.0], [1.0], [2.0], [3.0]])
y_line = np.array([1.0, 3.0, 5.0, 7.0])
for lam in (0.0, 1.0):
    w_line, b_line = ridge_by_extra_rows(X_line, y_line, lam)
    print(f"lam = {lam}: w = {w_line[0]:.4f}, b = {b_line:.4f}")

# %% [markdown]
# ### Exercise 4: `ridge_regression(X, y, lam)`
#
# Return the minimiser `(w, b)` of $\frac1n\|Xw + b - y\|^2 + \lambda
# \|w\|^2$ through the centred system above: `w` a float array of shape
# `(d,)`, `b` a float. `np.linalg.solve` is allowed (and the way to go);
# `sklearn` is not. Raise `ValueError` if `X` is not a non-empty 2-D array,
# `y` does not have one entry per row of `X`, `lam < 0`, or `lam == 0` and
# $X_c^\top X_c$ is singular — that is, the centred columns are linearly
# dependent: `np.linalg.matrix_rank(Xc) < d`, as for a repeated or constant
# column or when `n <= d`. Do not change `X` or `y`.

# %% question="ridge_regression" forbid=["sklearn"]
def ridge_regression(X, y, lam):
    """(w, b) minimising mean((X w + b - y)**2) + lam * |w|**2.

    X: (n, d) array-like, y: n targets, lam >= 0. The intercept b is not
    penalised. Returns w, a float array of shape (d,), and b, a float.
    ValueError if X is not a non-empty 2-D array, y has not one entry per
    row of X, lam < 0, or lam == 0 and the centred X has linearly
    dependent columns (np.linalg.matrix_rank(Xc) < d).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (n, d) matrix")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} entries, one per row")
    if lam < 0:
        raise ValueError(f"lam must be at least 0, got {lam}")
    n_samples, n_features = X.shape
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    yc = y - y_mean
    if lam == 0 and np.linalg.matrix_rank(Xc) < n_features:
        raise ValueError("with lam = 0 the centred columns of X must be "
                         "linearly independent")
    A = Xc.T @ Xc / n_samples + lam * np.eye(n_features)
    w = np.linalg.solve(A, Xc.T @ yc / n_samples)
    return w, float(y_mean - x_mean @ w)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks: `x_mean = X.mean(axis=0)`, `Xc = X - x_mean`,
# `yc = y - y.mean()`. For `lam == 0` test
# `np.linalg.matrix_rank(Xc) < d` before solving. Then
# `w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(d), Xc.T @ yc / n)` and
# `b = y.mean() - x_mean @ w`. Mind the two $\frac1n$: without them the
# penalty would be $n$ times weaker than the loss above says. And do not
# put a column of ones into $X$ and penalise it — the bias is free.
# </details>

# %% tests="ridge_regression"
import numpy as np


@test_case(hidden=False)
def test_ridge_worked_example(ridge_regression):
    X = [[0.0], [1.0], [2.0], [3.0]]
    y = [1.0, 3.0, 5.0, 7.0]
    w, b = ridge_regression(X, y, 0.0)
    w = np.asarray(w, dtype=float)
    assert w.shape == (1,), "w has one entry per column of X"
    assert np.allclose(w, [2.0]) and np.isclose(b, 1.0), (
        "with lam = 0 ridge is least squares: the points lie on y = 2x + 1, "
        "so w = 2 and b = 1"
    )
    w, b = ridge_regression(X, y, 1.0)
    assert np.allclose(np.asarray(w, dtype=float), [2.5 / 2.25]), (
        "with lam = 1: (Xc^T Xc / n + lam) w = Xc^T yc / n gives "
        "w = 2.5 / (1.25 + 1) = 1.111 (divide both sides by n)"
    )
    assert np.isclose(b, 4.0 - 1.5 * 2.5 / 2.25), (
        "the intercept is not penalised: b = mean(y) - mean(x) * w, so the "
        "line passes through the mean point (1.5, 4)"
    )


@test_case(hidden=False)
def test_ridge_negative_lambda(ridge_regression):
    try:
        ridge_regression([[0.0], [1.0], [2.0]], [1.0, 2.0, 4.0], -0.5)
    except ValueError:
        return
    raise AssertionError(
        "a negative lam would reward large weights: ridge_regression should "
        "raise ValueError for lam < 0"
    )


@test_case(hidden=True)
def test_ridge_random_matches_formula(ridge_regression):
    # Well-conditioned systems (condition number < 100): the solve is
    # accurate to ~1e-14, rtol 1e-9 leaves room for any stable method.
    rng = np.random.default_rng(1431)
    for n, d in ((30, 1), (40, 3), (25, 6)):
        X = rng.normal(loc=2.0, size=(n, d))
        y = X @ rng.normal(size=d) + 3.0 + rng.normal(size=n)
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        for lam in (0.01, 0.5, 3.0):
            w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(d), Xc.T @ yc / n)
            b = y.mean() - X.mean(axis=0) @ w
            got_w, got_b = ridge_regression(X, y, lam)
            assert np.allclose(np.asarray(got_w, dtype=float), w, rtol=1e-9,
                               atol=1e-12), (
                "w is not the minimiser of mean((Xw + b - y)**2) + lam |w|^2"
            )
            assert np.isclose(got_b, b, rtol=1e-9, atol=1e-12), (
                "b is not mean(y) - mean(X, axis=0) . w"
            )


@test_case(hidden=True)
def test_ridge_gradient_vanishes(ridge_regression):
    # At the minimiser the gradient of the loss as written is zero: this
    # checks the scaling of the penalty against the mean squared error.
    # Data and residuals are O(1) and the system's condition number is
    # below 10, so a correct w leaves a gradient of ~1e-15; a wrongly
    # scaled penalty leaves one of order lam |w| ~ 0.1.
    rng = np.random.default_rng(1432)
    X = rng.normal(size=(35, 4))
    y = X @ rng.normal(size=4) - 2.0 + 0.5 * rng.normal(size=35)
    for lam in (0.1, 2.0):
        w, b = ridge_regression(X, y, lam)
        w = np.asarray(w, dtype=float)
        r = X @ w + b - y
        grad_w = 2 * X.T @ r / 35 + 2 * lam * w
        grad_b = 2 * np.mean(r)
        assert np.allclose(grad_w, 0.0, atol=1e-10), (
            "the gradient of mean((Xw + b - y)**2) + lam |w|^2 with respect "
            "to w should vanish at the returned w"
        )
        assert abs(grad_b) < 1e-10, (
            "the gradient with respect to b should vanish: b is not "
            "penalised"
        )


@test_case(hidden=True)
def test_ridge_zero_lambda_is_least_squares(ridge_regression):
    rng = np.random.default_rng(1433)
    X = rng.normal(size=(50, 3))
    y = X @ np.array([1.0, -1.0, 0.5]) + 4.0 + 0.2 * rng.normal(size=50)
    A = np.column_stack([np.ones(50), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    w, b = ridge_regression(X, y, 0.0)
    assert np.allclose(np.asarray(w, dtype=float), coef[1:], rtol=1e-9), (
        "with lam = 0 ridge should be ordinary least squares with an "
        "intercept"
    )
    assert np.isclose(b, coef[0], rtol=1e-9), (
        "with lam = 0 the intercept should be the least-squares intercept"
    )
    # w(lam) - w(0) = O(lam * |w| / smallest eigenvalue of Xc^T Xc / n);
    # for lam = 1e-8 that is below 1e-7 here.
    w_small, _ = ridge_regression(X, y, 1e-8)
    assert np.allclose(np.asarray(w_small, dtype=float), coef[1:],
                       atol=1e-6), (
        "as lam goes to 0 ridge should approach least squares"
    )


@test_case(hidden=True)
def test_ridge_shrinks_weights(ridge_regression):
    rng = np.random.default_rng(1434)
    X = rng.normal(size=(30, 5))
    y = X @ rng.normal(size=5) + 1.0 + rng.normal(size=30)
    norms = [np.linalg.norm(np.asarray(ridge_regression(X, y, lam)[0],
                                       dtype=float))
             for lam in (0.0, 0.01, 0.1, 1.0, 10.0, 100.0)]
    assert all(a > b for a, b in zip(norms, norms[1:])), (
        "the norm of w should shrink as lam grows"
    )
    w, b = ridge_regression(X, y, 1e8)
    assert np.allclose(np.asarray(w, dtype=float), 0.0, atol=1e-6), (
        "for a huge lam every weight should be pushed to 0"
    )
    assert np.isclose(b, np.mean(y), atol=1e-5), (
        "for a huge lam the fit becomes the constant mean(y): the intercept "
        "is not penalised"
    )


@test_case(hidden=True)
def test_ridge_shifting_y_only_moves_b(ridge_regression):
    rng = np.random.default_rng(1435)
    X = rng.normal(loc=1.0, size=(20, 2))
    y = rng.normal(size=20)
    w1, b1 = ridge_regression(X, y, 0.7)
    w2, b2 = ridge_regression(X, y + 100.0, 0.7)
    assert np.allclose(np.asarray(w1, dtype=float),
                       np.asarray(w2, dtype=float), rtol=1e-8,
                       atol=1e-10), (
        "adding a constant to every target should not change w: the "
        "intercept, not the weights, absorbs it"
    )
    assert np.isclose(b2 - b1, 100.0, rtol=1e-9), (
        "adding 100 to every target should add 100 to b: do not penalise "
        "the intercept"
    )


@test_case(hidden=True)
def test_ridge_singular_without_penalty(ridge_regression):
    rng = np.random.default_rng(1436)
    base = rng.normal(size=(12, 2))
    cases = (np.column_stack([base, base[:, 0]]),  # a repeated column
             np.column_stack([base, np.full(12, 3.0)]),  # a constant column
             rng.normal(size=(3, 4)))  # fewer samples than features
    y = rng.normal(size=12)
    for X in cases:
        target = y[:X.shape[0]]
        try:
            ridge_regression(X, target, 0.0)
        except ValueError:
            pass
        else:
            raise AssertionError(
                "with lam = 0 ridge_regression should raise ValueError when "
                "the centred columns of X are linearly dependent"
            )
        w, b = ridge_regression(X, target, 0.1)
        assert np.all(np.isfinite(np.asarray(w, dtype=float))) and (
            np.isfinite(b)
        ), "with lam > 0 the system is always solvable, even for such an X"


@test_case(hidden=True)
def test_ridge_lists_and_integers(ridge_regression):
    w, b = ridge_regression([[0, 1], [1, 0], [2, 2], [3, 1]], [1, 2, 6, 5], 0)
    X = np.array([[0, 1], [1, 0], [2, 2], [3, 1]], dtype=float)
    coef = np.linalg.lstsq(np.column_stack([np.ones(4), X]),
                           np.array([1.0, 2.0, 6.0, 5.0]), rcond=None)[0]
    assert np.allclose(np.asarray(w, dtype=float), coef[1:]) and (
        np.isclose(b, coef[0])
    ), "ridge_regression should accept lists of integers and lam = 0"
    assert np.ndim(b) == 0, "b should be a single number"


@test_case(hidden=True)
def test_ridge_keeps_inputs(ridge_regression):
    X = np.array([[1.0, 2.0], [3.0, 5.0], [4.0, 4.0], [0.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0, 0.5])
    ridge_regression(X, y, 0.3)
    assert np.array_equal(
        X, [[1.0, 2.0], [3.0, 5.0], [4.0, 4.0], [0.0, 1.0]]
    ), "ridge_regression must not change X (centre a copy)"
    assert np.array_equal(y, [1.0, 2.0, 3.0, 0.5]), (
        "ridge_regression must not change y (centre a copy)"
    )


@test_case(hidden=True)
def test_ridge_invalid(ridge_regression):
    bad = (([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 0.1), ([], [], 0.1),
           ([[1.0], [2.0]], [1.0, 2.0, 3.0], 0.1),
           ([[1.0], [2.0], [4.0]], [1.0, 2.0, 3.0], -1e-3))
    for X, y, lam in bad:
        try:
            ridge_regression(X, y, lam)
        except ValueError:
            continue
        raise AssertionError(
            "ridge_regression should raise ValueError for an X that is not a "
            "non-empty 2-D array, a y whose length differs from the number "
            "of rows, or lam < 0"
        )

# %% [markdown]
# ## 6. Choosing λ: validation and cross-validation
#
# Which $\lambda$? Not the one with the smallest *training* error — that is
# always $\lambda = 0$, the wild curve. We need the error on data the fit
# has not seen. The test points of section 4 are a luxury we would not
# have in practice (and once we tune on them, they stop being new). So
# hold back part of the training data: fit on the rest, measure the
# **validation error** on the held-back part, and pick the $\lambda$ where
# it is smallest.
#
# One held-back set of 5 points is a small sample, though, and a different
# choice of 5 points gives a different curve — and a different "best"
# $\lambda$. (The dashed line, the error on the 400 new points, is what we
# would like to follow.)

# %% grading="skip"
fig, ax = plt.subplots(figsize=(8, 4.5))
for split_seed in range(4):
    split_rng = np.random.default_rng(split_seed)
    held = split_rng.permutation(20)
    val_rows, fit_rows = held[:5], held[5:]
    curve = []
    for lam in lams:
        w, b = ridge_by_extra_rows(P_train[fit_rows], y_train[fit_rows], lam)
        curve.append(mse(P_train[val_rows], y_train[val_rows], w, b))
    ax.loglog(lams, curve, lw=1.5, label=f"held-out split {split_seed}")
    print(f"split {split_seed}: best lambda {lams[np.argmin(curve)]:.1e}")
ax.loglog(lams, test_curve, "k--", lw=2, label="error on 400 new points")
ax.set(title="Validation error of degree-15 ridge on 5 held-out points",
       xlabel="λ (log scale)", ylabel="mean squared error (log scale)")
ax.legend(fontsize=8)
ax.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# The four splits disagree about the best $\lambda$ by more than two
# orders of magnitude, and their curves are far from the dashed one: five
# points are too few to judge by.
#
# **$k$-fold cross-validation** uses every point for validation exactly
# once. Shuffle the indices and cut them into $k$ **folds** of nearly
# equal size. For each fold in turn: fit on the other $k - 1$ folds,
# measure the mean squared error on this fold. The cross-validation error
# is the **mean of the $k$ fold errors**. Each fit sees a fraction
# $\frac{k-1}{k}$ of the data, and the $k$ validation errors average out
# much of the luck of a single split. With $k = n$ (each fold a single
# point) it is called **leave-one-out**.
#
# This week the folds are
# `np.array_split(np.random.default_rng(seed).permutation(n), k)`:
# `np.array_split` makes $k$ pieces whose sizes differ by at most one
# (unlike `minibatches`, which makes pieces of a given size).
#
# **Worked example.** $n = 7$, $k = 3$: the shuffled indices are cut into
# folds of 3, 2 and 2. Fold 0 is validated by a model fitted on the 4
# points of folds 1 and 2; and so on. The answer is
# $\frac13(e_0 + e_1 + e_2)$ — the plain mean of the three fold errors, even
# though the folds differ in size.

# %% grading="skip"
fold_rng = np.random.default_rng(0)
folds = np.array_split(fold_rng.permutation(7), 3)
for i, fold in enumerate(folds):
    rest = np.concatenate([f for j, f in enumerate(folds) if j != i])
    print(f"fold {i}: validate on {fold}, fit on {np.sort(rest)}")

# %% [markdown]
# ### Exercise 5: `cross_validation_error(X, y, lam, k=5, seed=0)`
#
# Return, as a float, the mean over the $k$ folds of the validation mean
# squared error of `ridge_regression` (your function from exercise 4)
# fitted with `lam` on the other folds. The folds are
# `np.array_split(np.random.default_rng(seed).permutation(n), k)`, and the
# mean is the plain mean of the $k$ fold errors. Raise `ValueError` if `X`
# is not a non-empty 2-D array, `y` does not have one entry per row of `X`,
# or unless `2 <= k <= n`; a `ValueError` from `ridge_regression` on a
# training part (for example `lam < 0`) is passed on. `sklearn` is not
# allowed. Do not change `X` or `y`.

# %% question="cross_validation_error" forbid=["sklearn"]
def cross_validation_error(X, y, lam, k=5, seed=0):
    """Mean over k folds of the validation MSE of ridge_regression(lam)
    fitted on the other folds, as a float.

    X: (n, d) array-like, y: n targets. Folds:
    np.array_split(np.random.default_rng(seed).permutation(n), k); the
    result is the plain mean of the k fold errors. ValueError if X is not
    a non-empty 2-D array, y has not one entry per row of X, or unless
    2 <= k <= n; a ValueError of ridge_regression (lam < 0) is passed on.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (n, d) matrix")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} entries, one per row")
    n_samples = X.shape[0]
    if not 2 <= k <= n_samples:
        raise ValueError(f"k must be between 2 and n = {n_samples}, got {k}")
    order = np.random.default_rng(seed).permutation(n_samples)
    folds = np.array_split(order, k)
    errors = []
    for i, fold in enumerate(folds):
        train = np.concatenate([f for j, f in enumerate(folds) if j != i])
        w, b = ridge_regression(X[train], y[train], lam)
        residual = X[fold] @ np.asarray(w, dtype=float) + b - y[fold]
        errors.append(np.mean(residual**2))
    return float(np.mean(errors))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Build `folds` as stated. Loop `for i, fold in enumerate(folds):`, gather
# the training indices with
# `np.concatenate([f for j, f in enumerate(folds) if j != i])`, fit
# `w, b = ridge_regression(X[train], y[train], lam)`, and append
# `np.mean((X[fold] @ w + b - y[fold]) ** 2)`. Return the mean of the list
# as a float. Never fit on the fold you validate on: the error would look
# as good as a training error.
# </details>

# %% tests="cross_validation_error"
import numpy as np


@test_case(hidden=False)
def test_cv_perfect_model_has_no_error(cross_validation_error):
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    y = [1.0, 3.0, 5.0, 7.0, 9.0, 11.0]  # exactly y = 2x + 1
    got = cross_validation_error(X, y, 0.0, k=3)
    assert np.ndim(got) == 0, "cross_validation_error returns one number"
    assert abs(got) < 1e-20, (
        "data exactly on a line are predicted exactly by least squares "
        "(lam = 0) fitted on any two folds: the validation error is 0"
    )


@test_case(hidden=False)
def test_cv_leave_one_out_by_hand(cross_validation_error):
    # Leave-one-out on 3 points: fitting a line to the other two and
    # predicting the third. With lam = 0 and the points (0, 0), (1, 1),
    # (2, 0): leaving out (0, 0) the line through (1, 1), (2, 0) predicts
    # 2 at x = 0; leaving out (1, 1) the line y = 0 predicts 0; leaving
    # out (2, 0) the line y = x predicts 2. Errors 4, 1, 4.
    got = cross_validation_error([[0.0], [1.0], [2.0]], [0.0, 1.0, 0.0],
                                 0.0, k=3)
    assert np.isclose(got, 3.0), (
        "with k = n every point is held out once: the errors of the three "
        "held-out points are 4, 1 and 4, and their mean is 3"
    )


@test_case(hidden=False)
def test_cv_needs_two_folds(cross_validation_error):
    try:
        cross_validation_error([[0.0], [1.0], [2.0]], [0.0, 1.0, 0.0], 0.1,
                               k=1)
    except ValueError:
        return
    raise AssertionError(
        "with k = 1 there is nothing left to fit on: cross_validation_error "
        "should raise ValueError unless 2 <= k <= n"
    )


@test_case(hidden=True)
def test_cv_matches_reference(cross_validation_error):
    # A reference with its own ridge solve. The errors are means of squares
    # of well-conditioned fits: rtol 1e-9 only absorbs rounding.
    rng = np.random.default_rng(1441)

    def reference(X, y, lam, k, seed):
        folds = np.array_split(
            np.random.default_rng(seed).permutation(len(y)), k)
        errors = []
        for i, fold in enumerate(folds):
            rows = np.concatenate([f for j, f in enumerate(folds) if j != i])
            Xt, yt = X[rows], y[rows]
            x_mean, y_mean = Xt.mean(axis=0), yt.mean()
            Xc = Xt - x_mean
            A = Xc.T @ Xc / len(rows) + lam * np.eye(X.shape[1])
            w = np.linalg.solve(A, Xc.T @ (yt - y_mean) / len(rows))
            b = y_mean - x_mean @ w
            errors.append(np.mean((X[fold] @ w + b - y[fold]) ** 2))
        return np.mean(errors)

    for n, d, lam, k, seed in ((23, 2, 0.1, 5, 0), (30, 3, 1.0, 4, 7),
                               (17, 1, 0.0, 3, 2), (40, 4, 0.05, 10, 11)):
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + 0.5 + rng.normal(size=n)
        got = cross_validation_error(X, y, lam, k=k, seed=seed)
        assert np.isclose(got, reference(X, y, lam, k, seed), rtol=1e-9), (
            "the cross-validation error is wrong: use the folds "
            "np.array_split(np.random.default_rng(seed).permutation(n), k), "
            "fit on the other folds, and average the k fold errors"
        )


@test_case(hidden=True)
def test_cv_leave_one_out(cross_validation_error):
    # k = n: every fold is one point, so the folds' order does not matter.
    # Well-conditioned ridge fits: rtol 1e-9 only absorbs rounding.
    rng = np.random.default_rng(1445)
    n, d, lam = 9, 2, 0.3
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + rng.normal(size=n)
    errors = []
    for i in range(n):
        rows = np.delete(np.arange(n), i)
        x_mean, y_mean = X[rows].mean(axis=0), y[rows].mean()
        Xc = X[rows] - x_mean
        A = Xc.T @ Xc / (n - 1) + lam * np.eye(d)
        w = np.linalg.solve(A, Xc.T @ (y[rows] - y_mean) / (n - 1))
        errors.append((X[i] @ w + y_mean - x_mean @ w - y[i]) ** 2)
    got = cross_validation_error(X, y, lam, k=n, seed=3)
    assert np.isclose(got, np.mean(errors), rtol=1e-9), (
        "with k = n (leave-one-out, allowed since 2 <= k <= n) every point "
        "is held out once on its own: the result is the mean of the n "
        "squared errors"
    )


@test_case(hidden=True)
def test_cv_default_folds_and_seed(cross_validation_error):
    rng = np.random.default_rng(1442)
    X = rng.normal(size=(12, 2))
    y = X @ np.array([1.0, -1.0]) + rng.normal(size=12)
    errors = []
    for fold in np.array_split(np.random.default_rng(0).permutation(12), 5):
        rows = np.setdiff1d(np.arange(12), fold)
        A = np.column_stack([np.ones(len(rows)), X[rows]])
        coef = np.linalg.lstsq(A, y[rows], rcond=None)[0]
        pred = coef[0] + X[fold] @ coef[1:]
        errors.append(np.mean((pred - y[fold]) ** 2))
    assert np.isclose(cross_validation_error(X, y, 0.0), np.mean(errors),
                      rtol=1e-9), (
        "by default k = 5 and seed = 0; with lam = 0 every fold's fit is "
        "least squares with an intercept"
    )


@test_case(hidden=True)
def test_cv_is_not_a_training_error(cross_validation_error):
    # With many features and few points the training error is tiny, but the
    # error on held-out folds is not.
    rng = np.random.default_rng(1443)
    X = rng.normal(size=(15, 8))
    y = rng.normal(size=15)
    cv = cross_validation_error(X, y, 1e-6, k=5, seed=1)
    A = np.column_stack([np.ones(15), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    train = np.mean((A @ coef - y) ** 2)
    assert cv > 2 * train, (
        "the cross-validation error should measure each fold with a model "
        "that never saw it: it cannot be as small as the training error"
    )


@test_case(hidden=True)
def test_cv_uses_the_seed(cross_validation_error):
    rng = np.random.default_rng(1444)
    X = rng.normal(size=(20, 2))
    y = rng.normal(size=20)
    a = cross_validation_error(X, y, 0.5, k=4, seed=1)
    b = cross_validation_error(X, y, 0.5, k=4, seed=2)
    c = cross_validation_error(X, y, 0.5, k=4, seed=1)
    assert a == c, "the same seed must give the same folds and error"
    assert a != b, "a different seed should give different folds"


@test_case(hidden=True)
def test_cv_returns_a_float(cross_validation_error):
    got = cross_validation_error([[1], [2], [3], [4]], [1, 3, 2, 4], 0, k=2)
    assert np.ndim(got) == 0 and np.isfinite(got) and got >= 0, (
        "cross_validation_error should accept integer lists and return one "
        "non-negative number"
    )


@test_case(hidden=True)
def test_cv_keeps_inputs(cross_validation_error):
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.5, 3.0]])
    y = np.array([1.0, 2.0, 3.0, 2.5, 0.0])
    cross_validation_error(X, y, 0.2, k=2)
    assert np.array_equal(X, [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0],
                              [2.0, 1.0], [0.5, 3.0]]), (
        "cross_validation_error must not change X"
    )
    assert np.array_equal(y, [1.0, 2.0, 3.0, 2.5, 0.0]), (
        "cross_validation_error must not change y"
    )


@test_case(hidden=True)
def test_cv_invalid(cross_validation_error):
    X = [[0.0], [1.0], [2.0], [3.0]]
    y = [0.0, 1.0, 0.0, 2.0]
    bad = ((X, y, 0.1, 1), (X, y, 0.1, 0), (X, y, 0.1, 5),
           ([0.0, 1.0, 2.0, 3.0], y, 0.1, 2), (X, y[:3], 0.1, 2),
           ([], [], 0.1, 2), (X, y, -1.0, 2))
    for X_bad, y_bad, lam, k in bad:
        try:
            cross_validation_error(X_bad, y_bad, lam, k=k)
        except ValueError:
            continue
        raise AssertionError(
            "cross_validation_error should raise ValueError unless "
            "2 <= k <= n, for an X that is not a non-empty 2-D array, a y "
            "whose length differs from the number of rows, or lam < 0"
        )

# %% [markdown]
# ## 7. Your functions at work: cross-validation picks λ
#
# Back to the twenty points and the degree-15 polynomial. Cross-validation
# uses only the training data; the 400 new points are consulted at the
# very end, once, to see how well the choice worked. (The cell needs
# exercises 4 and 5.)

# %% grading="skip"
try:
    cv_curve = [cross_validation_error(P_train, y_train, lam, k=5)
                for lam in lams]
except NotImplementedError:
    cv_curve = None
    print("Write ridge_regression and cross_validation_error first.")
if cv_curve is not None:
    best = int(np.argmin(cv_curve))
    w_cv, b_cv = ridge_regression(P_train, y_train, lams[best])
    print(f"lambda chosen by 5-fold cross-validation: {lams[best]:.1e}")
    print(f"  its cross-validation error:   {cv_curve[best]:.4f}")
    print(f"  its training error:           {train_curve[best]:.4f}")
    print(f"  its error on the 400 new points: "
          f"{mse(P_test, y_test, w_cv, b_cv):.4f}")
    print(f"the best lambda in hindsight (new points): "
          f"{lams[int(np.argmin(test_curve))]:.1e}, error "
          f"{min(test_curve):.4f}")
    print(f"least squares without penalty: error on new points "
          f"{mse(P_test, y_test, *fit_polynomial(15)):.4f}")

    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.loglog(lams, train_curve, "C0", lw=2, label="training error")
    ax.loglog(lams, cv_curve, "C1", lw=2, label="5-fold cross-validation")
    ax.loglog(lams, test_curve, "k--", lw=1.5,
              label="error on 400 new points")
    ax.axvline(lams[best], color="C1", ls=":",
               label=f"chosen λ = {lams[best]:.0e}")
    ax.set(title="Choosing λ for the degree-15 polynomial",
           xlabel="λ (log scale)", ylabel="mean squared error (log scale)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3, which="both")
    plt.show()

# %% [markdown]
# The training error only grows with $\lambda$, so it would always pick
# $\lambda \to 0$ and the wild curve. The cross-validation curve has the
# shape that matters — too little penalty overfits, too much underfits —
# and its minimum lands in the flat bottom of the error on new points,
# although it never saw them: the chosen $\lambda$ does almost as well on
# new points as the best $\lambda$ in hindsight, and dozens of times
# better than the unpenalised fit. (For tiny $\lambda$ the
# cross-validation error is even larger than the error on new points:
# each of its fits has only 16 points for 16 parameters.)
#
# ## Summary
#
# - **SGD** estimates the gradient, an average over the data, from a
#   shuffled **mini-batch**. Each step is noisy but cheap: on the same
#   budget of gradient evaluations it gets much further than full-batch
#   descent, and with `batch_size = n` it *is* full-batch descent.
# - In an **ill-conditioned valley** plain descent is capped by
#   $2/\lambda_{\max}$ and crawls along the flat direction; **momentum**
#   accumulates the consistent pull, and **Adam** scales every coordinate by
#   its own gradient size, with a bias correction for its zero start — its
#   first step has length `lr` in each coordinate.
# - A model can fit its training data and fail on new data
#   (**overfitting**). **Ridge** penalises $\lambda\|w\|^2$ (not the bias),
#   shrinks the weights, and makes the normal equations well-conditioned.
# - **Cross-validation** measures the error on data the fit has not seen,
#   fold by fold, and picks $\lambda$ without touching the test data.
#
# Next week: all of it at once. A neural network, trained by mini-batch
# descent on week 12's cross-entropy loss.
