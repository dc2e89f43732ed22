# %% [markdown]
# # Week 12 — Softmax and the cross-entropy loss
#
# **Why this week matters.** Show an image classifier a photo and its last
# layer answers with one raw score per class: `cat 3.1, dog 1.2, fox -0.4`.
# These scores are called **logits**. They can be any real numbers, and they
# are not probabilities. Yet we want probabilities: to say "83 % cat", to
# decide when the model is unsure, and above all to *train* it, because
# training a classifier means making the probability of the correct class as
# large as possible.
#
# Two ideas do all the work, in every classifier from logistic regression to
# a large language model choosing its next word:
#
# - the **softmax** turns a vector of logits into a probability vector;
# - the **cross-entropy loss** scores those probabilities against the true
#   label: it is week 11's cross-entropy between the label and the model's
#   prediction, and it is also the negative log-likelihood of week 6.
#
# The gradient of the two together turns out to be the simplest formula of
# the whole course, "predicted minus true", and you will derive it, picture
# it and check it numerically. Along the way: how to compute all of this
# without overflow, with week 6's log-sum-exp trick.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `softmax` | a soft, differentiable argmax | logits to probabilities |
# | `log_softmax` | log-probabilities, safely | every classification loss |
# | `one_hot` | a label as a probability vector | targets |
# | `cross_entropy_loss` | surprise at the true class | training classifiers |
# | `cross_entropy_grad` | "predicted minus true" | backpropagation |
#
# Notation: `z` is a vector (or array) of logits; `logits` is a batch, an
# array of shape `(N, C)` with one row per sample and one column per class;
# `labels` holds one integer class index in `0 .. C-1` per sample.

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. From scores to probabilities: the softmax
#
# A probability vector has two properties: no entry is negative, and the
# entries add up to 1. Logits have neither. The softmax repairs both in two
# moves:
#
# 1. **exponentiate** every logit: $e^{z_i} > 0$ for any real $z_i$, and a
#    larger logit gives a larger number;
# 2. **normalize**: divide by the total, so that the entries add up to 1.
#
# $$\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{C} e^{z_j}}.$$
#
# Why the exponential and not, say, squaring? Because it turns
# *differences* of logits into *ratios* of probabilities:
#
# $$\frac{p_i}{p_j} = e^{z_i - z_j}.$$
#
# A logit one unit higher means $e \approx 2.7$ times more likely, whatever
# the other logits are. One consequence will save us in section 2: adding
# the same constant $c$ to every logit changes nothing, since $e^{z_i + c}
# = e^c e^{z_i}$ and the factor $e^c$ cancels in the fraction.
#
# **Why "soft argmax".** The hard decision of a classifier is the
# `argmax`: all the weight on the best class, a one-hot vector. Softmax is
# a smooth version of it. Divide the logits by a **temperature** $T$ before
# the softmax: a small $T$ magnifies the differences and the output
# approaches the argmax; a large $T$ flattens them and the output
# approaches the uniform distribution. (Language models expose exactly this
# knob: "temperature 0" means always the most likely word.) Does the
# picture agree?

# %% grading="skip"
classes = ["cat", "dog", "fox", "owl"]
scores = np.array([3.0, 1.5, 1.0, -0.5])


def softmax_demo(z):
    """Softmax of one vector, for the figures (your own comes below)."""
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


panels = [("argmax (T → 0)", np.eye(4)[np.argmax(scores)])]
panels += [(f"softmax(z / T), T = {t}", softmax_demo(scores / t))
           for t in (0.3, 1.0, 4.0)]
fig, axes = plt.subplots(1, 4, figsize=(12, 3.4), sharey=True)
for ax, (title, probs) in zip(axes, panels):
    ax.bar(classes, probs, color=["C3", "C0", "C0", "C0"])
    for k, p in enumerate(probs):
        ax.text(k, p + 0.02, f"{p:.2f}", ha="center", fontsize=8)
    ax.set(title=title, xlabel="class", ylim=(0, 1.1))
axes[0].set_ylabel("probability")
fig.suptitle("Logits z = (3, 1.5, 1, -0.5): softmax is a soft argmax")
fig.tight_layout()
plt.show()

# %% [markdown]
# At $T = 1$ (the plain softmax) the best class gets most, but not all, of
# the probability; the ranking of the classes never changes; and as $T$
# shrinks, the bars approach the one-hot vector of the argmax. Unlike the
# argmax, the softmax changes *smoothly* when a logit changes, and that is
# what makes it trainable by gradient descent.
#
# With two classes the softmax is an old friend in disguise: $p_1 =
# e^{z_1} / (e^{z_1} + e^{z_2}) = 1 / (1 + e^{-(z_1 - z_2)})$, the
# **sigmoid** of the difference of the two logits, which is the heart of
# logistic regression next week.
#
# **Worked example.** $z = (3, 1, 0)$: the exponentials are $e^3 \approx
# 20.09$, $e^1 \approx 2.72$ and $e^0 = 1$, with total $23.80$, so the
# probabilities are about $(0.844, 0.114, 0.042)$. They add up to 1.

# %% grading="skip"
z = np.array([3.0, 1.0, 0.0])
e = np.exp(z)
print("exponentials:", e, " total:", e.sum())
print("softmax:", e / e.sum(), " sum:", (e / e.sum()).sum())

# %% [markdown]
# ## 2. Overflow, and the shift that prevents it
#
# Logits of a few hundred or a thousand are not exotic: an untrained
# network with large weights, or a model that has become very confident,
# produces them. But $e^{710}$ is already larger than the largest double
# ($\approx 1.8 \cdot 10^{308}$), and the literal formula breaks. What does
# numpy do with $z = (1000, 999, 998)$?

# %% grading="skip"
z_big = np.array([1000.0, 999.0, 998.0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    naive = np.exp(z_big) / np.sum(np.exp(z_big))
print("literal softmax:", naive)
for w in caught:
    print("warning caught:", w.category.__name__, "-", w.message)

# %% [markdown]
# `exp(1000)` overflows to `inf`, and `inf / inf` is `nan`: the
# probabilities are gone, and in training the `nan` spreads through every
# weight within one step. The fix is the shift invariance of section 1.
# Subtract the **largest** logit $m = \max_j z_j$ from every logit first:
#
# $$\operatorname{softmax}(z)_i = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}.$$
#
# Now every exponent is $\le 0$, so nothing overflows, and the largest term
# is $e^0 = 1$, so the denominator is at least 1: no division by zero
# either. Tiny terms may still underflow to 0, but that is harmless: their
# true value is below $10^{-308}$ anyway. (It is the same trick as week 6's
# `log_sum_exp`, for the same reason.)

# %% grading="skip"
shifted = np.exp(z_big - np.max(z_big))
print("shifted softmax:", shifted / shifted.sum())

# %% [markdown]
# **A batch, and the `axis` argument.** A network classifies many samples
# at once, so its logits form an array of shape `(N, C)`: row $i$ holds the
# $C$ logits of sample $i$, and the softmax runs **along each row**
# separately (`axis=-1`, the last axis). Higher-dimensional arrays appear
# too: a language model produces logits of shape `(batch, positions,
# vocabulary)`, with a softmax over the vocabulary (the last axis again),
# and a segmentation network (the capstone of week 16) produces one score
# per class *per pixel*, shape `(C, H, W)`, with a softmax over `axis=0`.
#
# Two traps hide here:
#
# - the maximum must be taken **per row** (along `axis`, with
#   `keepdims=True` so that it broadcasts back). Shifting every row by the
#   maximum of the *whole* array breaks rows whose logits are much smaller
#   than the others': all their exponentials underflow to 0, and $0/0$ is
#   `nan`;
# - the sum must run along the **same axis** as the maximum: summing over
#   axis 0 normalizes each *class* across the batch, which is not a
#   probability vector for any sample.
#
# Look at a batch whose rows live on very different scales:

# %% grading="skip"
batch = np.array([[1.0, 2.0, 3.0],
                  [1001.0, 1002.0, 1003.0]])
per_row = np.exp(batch - np.max(batch, axis=-1, keepdims=True))
print("max per row:\n", per_row / per_row.sum(axis=-1, keepdims=True))
with np.errstate(invalid="ignore"):
    global_max = np.exp(batch - np.max(batch))
    print("max of the whole array:\n",
          global_max / global_max.sum(axis=-1, keepdims=True))

# %% [markdown]
# Both rows have the same *differences* between their logits, so both must
# get the same probabilities, $(0.090, 0.245, 0.665)$. The shift by the
# global maximum wipes out the first row.
#
# ### Exercise 1: `softmax(z, axis=-1)`
#
# Return the softmax of `z` along `axis` as a float array of the same shape
# as `z`: every slice along `axis` must be non-negative and add up to 1.
# `z` may have any number of dimensions (a single vector of logits, a batch
# `(N, C)`, or more), and `axis` is any valid axis, negative ones included.
# It must be **stable**: correct for logits of any magnitude (try 1000 and
# -1000), and for rows on very different scales. Raise `ValueError` for an
# empty `z` and for a 0-d `z` (a single number has no axis to normalise
# along). Do not change `z`.

# %% question="softmax"
def softmax(z, axis=-1):
    """Softmax of z along axis: same shape as z, each slice sums to 1.

    Stable for logits of any magnitude. ValueError if z is empty or 0-d.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    if z.ndim == 0 or z.size == 0:
        raise ValueError("softmax needs at least one axis of logits")
    shifted = z - np.max(z, axis=axis, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=axis, keepdims=True)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Three lines after the checks: `m = np.max(z, axis=axis, keepdims=True)`,
# then `e = np.exp(z - m)`, then divide `e` by
# `np.sum(e, axis=axis, keepdims=True)`. The `keepdims=True` keeps the
# reduced axis with length 1, so that it broadcasts against `z` whatever
# `axis` is. Convert `z` with `np.asarray(z, dtype=float)` first.
# </details>

# %% tests="softmax"
import numpy as np


@test_case(hidden=False)
def test_softmax_small(softmax):
    got = np.asarray(softmax([3.0, 1.0, 0.0]), dtype=float)
    e = np.exp([3.0, 1.0, 0.0])
    assert got.shape == (3,), "softmax of 3 logits gives 3 probabilities"
    assert np.allclose(got, e / e.sum(), rtol=1e-10), (
        "softmax([3, 1, 0]) should be exp(z) / sum(exp(z)), about "
        "(0.844, 0.114, 0.042)"
    )


@test_case(hidden=False)
def test_softmax_large_logits(softmax):
    got = np.asarray(softmax([1000.0, 1000.0]), dtype=float)
    assert np.all(np.isfinite(got)), (
        "softmax([1000, 1000]) contains inf or nan: exp(1000) overflows; "
        "subtract the maximum logit first"
    )
    assert np.allclose(got, [0.5, 0.5]), (
        "softmax([1000, 1000]) should be [0.5, 0.5]"
    )


@test_case(hidden=False)
def test_softmax_batch_rows(softmax):
    batch = [[3.0, 1.0, 0.0], [0.0, 0.0, 0.0]]
    got = np.asarray(softmax(batch), dtype=float)
    e = np.exp([3.0, 1.0, 0.0])
    assert got.shape == (2, 3), "the result has the shape of the input"
    assert np.allclose(got[0], e / e.sum()) and np.allclose(got[1], 1 / 3), (
        "for a batch of shape (N, C) the softmax runs along each row "
        "(axis=-1): row 2 has equal logits, so it is uniform"
    )


@test_case(hidden=True)
def test_softmax_random_default_axis(softmax):
    rng = np.random.default_rng(901)
    for shape in ((5,), (4, 3), (2, 3, 6), (1, 1)):
        z = rng.normal(scale=3.0, size=shape)
        e = np.exp(z)
        want = e / e.sum(axis=-1, keepdims=True)
        got = np.asarray(softmax(z), dtype=float)
        assert got.shape == z.shape, (
            "softmax should return an array of the same shape as z"
        )
        assert np.allclose(got, want, rtol=1e-10, atol=1e-15), (
            "softmax is wrong on random logits (default axis=-1, inputs "
            "with 1, 2 and 3 dimensions)"
        )


@test_case(hidden=True)
def test_softmax_axis_argument(softmax):
    # Non-square shapes, so that every axis has a different length.
    rng = np.random.default_rng(902)
    cases = [((4, 3), 0), ((4, 3), 1), ((4, 3), -2),
             ((2, 3, 5), 0), ((2, 3, 5), 1), ((2, 3, 5), -1),
             ((2, 3, 5), -3)]
    for shape, axis in cases:
        z = rng.normal(scale=2.0, size=shape)
        e = np.exp(z)
        want = e / e.sum(axis=axis, keepdims=True)
        got = np.asarray(softmax(z, axis=axis), dtype=float)
        assert got.shape == z.shape and np.allclose(
            got, want, rtol=1e-10, atol=1e-15), (
            "softmax(z, axis=...) is wrong: normalize along the axis you "
            "are given (negative axes included)"
        )


@test_case(hidden=True)
def test_softmax_square_batch(softmax):
    # A square batch: a maximum or a sum that broadcasts along the wrong
    # axis raises no error here, it just gives wrong numbers.
    rng = np.random.default_rng(903)
    z = rng.normal(scale=4.0, size=(4, 4))
    for axis in (-1, 0):
        e = np.exp(z)
        want = e / e.sum(axis=axis, keepdims=True)
        got = np.asarray(softmax(z, axis=axis), dtype=float)
        assert np.allclose(got, want, rtol=1e-10, atol=1e-15), (
            "softmax of a square batch is wrong: use keepdims=True so that "
            "the max and the sum broadcast along the right axis"
        )


@test_case(hidden=True)
def test_softmax_huge_logits(softmax):
    rng = np.random.default_rng(904)
    for scale in (1e3, 1e5):
        z = rng.normal(scale=scale, size=(3, 4))
        s = z - z.max(axis=1, keepdims=True)
        want = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        got = np.asarray(softmax(z), dtype=float)
        assert np.all(np.isfinite(got)), (
            "softmax returns inf or nan for large logits"
        )
        assert np.allclose(got, want, rtol=1e-9, atol=1e-15), (
            "softmax is wrong for logits of large magnitude"
        )
    got = np.asarray(softmax([-1000.0, -1001.0]), dtype=float)
    want = np.array([1.0, np.exp(-1.0)]) / (1.0 + np.exp(-1.0))
    assert np.allclose(got, want, rtol=1e-12), (
        "softmax is wrong for very negative logits"
    )


@test_case(hidden=True)
def test_softmax_rows_on_different_scales(softmax):
    # The same differences inside each row, on offsets 0, +2000, -3000:
    # every row has the same probabilities.
    base = np.array([0.5, 2.0, -1.0, 1.0])
    z = np.stack([base, base + 2000.0, base - 3000.0])
    e = np.exp(base - base.max())
    want = e / e.sum()
    got = np.asarray(softmax(z), dtype=float)
    assert np.all(np.isfinite(got)), (
        "softmax gives nan for rows whose logits are much smaller than the "
        "others': shift each row by its own maximum"
    )
    assert np.allclose(got, np.stack([want] * 3), rtol=1e-10), (
        "softmax is wrong for rows on very different scales"
    )
    got0 = np.asarray(softmax(z.T, axis=0), dtype=float)
    assert np.allclose(got0, np.stack([want] * 3).T, rtol=1e-10), (
        "softmax along axis 0 is wrong for columns on different scales"
    )


@test_case(hidden=True)
def test_softmax_properties(softmax):
    rng = np.random.default_rng(905)
    z = rng.normal(scale=3.0, size=(6, 5))
    got = np.asarray(softmax(z), dtype=float)
    assert np.all(got >= 0) and np.all(got <= 1), (
        "softmax outputs must lie between 0 and 1"
    )
    assert np.allclose(got.sum(axis=1), 1.0, rtol=0, atol=1e-12), (
        "each row of softmax must add up to 1"
    )
    assert np.array_equal(np.argsort(got, axis=1), np.argsort(z, axis=1)), (
        "softmax must keep the order of the logits in each row"
    )
    shifted = np.asarray(softmax(z + 700.0), dtype=float)
    assert np.allclose(shifted, got, rtol=1e-9, atol=1e-15), (
        "adding the same constant to every logit must not change softmax"
    )


@test_case(hidden=True)
def test_softmax_single_logit_and_ints(softmax):
    got = np.asarray(softmax([[7], [-2000]]), dtype=float)
    assert np.allclose(got, [[1.0], [1.0]]), (
        "with one class per row, softmax is 1 for every row"
    )
    got = np.asarray(softmax([1, 1, 1, 1]), dtype=float)
    assert np.allclose(got, 0.25), (
        "softmax should accept integer logits (equal logits: uniform)"
    )


@test_case(hidden=True)
def test_softmax_empty_or_0d(softmax):
    for bad in ([], np.zeros((2, 0)), 3.0):
        try:
            softmax(bad)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "softmax should raise ValueError (not another exception) for an "
            "empty input and for a 0-d input (a single number has no axis)"
        )


@test_case(hidden=True)
def test_softmax_small_batch(softmax):
    z = np.array([[1000.0, 0.0], [-5.0, -5.0]])
    got = np.asarray(softmax(z), dtype=float)
    assert np.allclose(got, [[1.0, 0.0], [0.5, 0.5]]), (
        "softmax is wrong for a small batch with one dominant logit and one "
        "tie"
    )


@test_case(hidden=True)
def test_softmax_keeps_input(softmax):
    z = np.array([[1000.0, 0.0], [-5.0, -5.0]])
    softmax(z)
    assert np.array_equal(z, [[1000.0, 0.0], [-5.0, -5.0]]), (
        "softmax must not change its input"
    )

# %% [markdown]
# ## 3. Log-probabilities: `log_softmax`
#
# Training never uses the probabilities themselves: the loss needs their
# **logarithms** (week 6: a likelihood is a product, its log a sum). The
# obvious route, `np.log(softmax(z))`, has a hole. When one logit is far
# below the maximum, its probability underflows to exactly 0 and its log is
# $-\infty$, although the true log-probability is an ordinary number. Take
# the logit of the second class $d$ below the first, $z = (0, -d)$: its
# log-probability is $-d - \log(1 + e^{-d}) \approx -d$, nothing
# dramatic even for $d = 1000$.
#
# Instead, take the log of the softmax formula by hand. The log of a
# quotient is a difference:
#
# $$\log \operatorname{softmax}(z)_i = z_i - \log \sum_j e^{z_j}
#   = z_i - \operatorname{LSE}(z),$$
#
# and $\operatorname{LSE}(z) = m + \log \sum_j e^{z_j - m}$ is week 6's
# `log_sum_exp`, computed with the same shift by the maximum $m$. No
# exponential of a large number, no log of 0: for finite logits every
# log-probability comes out finite. How far does the naive route get?

# %% grading="skip"
gaps = np.linspace(0, 1000, 1001)
exact = -gaps - np.log1p(np.exp(-gaps))
p_second = np.exp(-gaps) / (1.0 + np.exp(-gaps))  # softmax of (0, -d)
with np.errstate(divide="ignore"):
    naive_log = np.log(p_second)
broken = gaps[~np.isfinite(naive_log)][0]

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(gaps, exact, "C0", lw=3, label="z_i − LSE(z): log_softmax")
ax.plot(gaps, np.where(np.isfinite(naive_log), naive_log, np.nan), "C1--",
        lw=2, label="log(softmax(z)): becomes -inf")
ax.axvline(broken, color="C3", ls=":",
           label=f"probability underflows to 0 at gap {broken:.0f}")
ax.set(title="Log-probability of a class d below the best one",
       xlabel="gap d between the logits", ylabel="log-probability")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Past a gap of about 745, $e^{-d}$ is below the smallest positive double
# and `log(softmax)` returns $-\infty$. A loss of $+\infty$ for one sample
# makes the whole batch's loss infinite and its gradient `nan`. The
# log-sum-exp route keeps going in a straight line.
#
# **Worked example.** $z = (0, -1000)$: $m = 0$, $\operatorname{LSE}(z) =
# 0 + \log(e^0 + e^{-1000}) = \log 1 = 0$ (in floating point), so the
# log-probabilities are $(0, -1000)$. The class that is 1000 below is
# $e^{-1000}$ times as likely as the best one, and its log-probability says
# so exactly.

# %% grading="skip"
z = np.array([0.0, -1000.0])
m = np.max(z)
print("log_softmax:", z - (m + np.log(np.sum(np.exp(z - m)))))
with np.errstate(divide="ignore"):
    print("log(softmax):", np.log(np.exp(z - m) / np.sum(np.exp(z - m))))

# %% [markdown]
# ### Exercise 2: `log_softmax(z, axis=-1)`
#
# Return $\log \operatorname{softmax}(z)$ along `axis`, computed as
# $z - \operatorname{LSE}(z)$ with the shift by the maximum **per slice**
# (like `softmax`: any number of dimensions, any valid `axis`). For finite
# logits the result is never $-\infty$, however far apart they are. Raise
# `ValueError` for an empty or a 0-d `z`, and do not change `z`.

# %% question="log_softmax"
def log_softmax(z, axis=-1):
    """log(softmax(z)) along axis, as z - logsumexp(z): same shape as z.

    Finite for finite logits of any magnitude. ValueError if z is empty or
    0-d.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    if z.ndim == 0 or z.size == 0:
        raise ValueError("log_softmax needs at least one axis of logits")
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis,
                                   keepdims=True))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# With `s = z - np.max(z, axis=axis, keepdims=True)`, the answer is
# `s - np.log(np.sum(np.exp(s), axis=axis, keepdims=True))`. The `m` you
# subtracted cancels: $z - (m + \log \sum e^{z - m}) = s - \log \sum e^s$.
# Never take the log of a probability.
# </details>

# %% tests="log_softmax"
import numpy as np


@test_case(hidden=False)
def test_log_softmax_small(log_softmax):
    z = np.array([3.0, 1.0, 0.0])
    got = np.asarray(log_softmax(z), dtype=float)
    assert got.shape == (3,), "log_softmax has the shape of its input"
    assert np.allclose(got, z - np.log(np.sum(np.exp(z))), rtol=1e-10), (
        "log_softmax([3, 1, 0]) should be z - log(sum(exp(z)))"
    )


@test_case(hidden=False)
def test_log_softmax_far_apart(log_softmax):
    got = np.asarray(log_softmax([0.0, -1000.0]), dtype=float)
    assert np.all(np.isfinite(got)), (
        "log_softmax([0, -1000]) contains -inf: do not take the log of the "
        "softmax, use z - log_sum_exp(z)"
    )
    assert np.allclose(got, [0.0, -1000.0], rtol=1e-12, atol=1e-12), (
        "log_softmax([0, -1000]) should be [0, -1000]"
    )


@test_case(hidden=True)
def test_log_softmax_random(log_softmax):
    rng = np.random.default_rng(911)
    for shape in ((6,), (5, 3), (2, 4, 3), (1, 1)):
        z = rng.normal(scale=3.0, size=shape)
        want = z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
        got = np.asarray(log_softmax(z), dtype=float)
        assert got.shape == z.shape, (
            "log_softmax should return an array of the same shape as z"
        )
        assert np.allclose(got, want, rtol=1e-10, atol=1e-12), (
            "log_softmax is wrong on random logits (default axis=-1, "
            "inputs with 1, 2 and 3 dimensions)"
        )


@test_case(hidden=True)
def test_log_softmax_axis_argument(log_softmax):
    rng = np.random.default_rng(912)
    cases = [((4, 3), 0), ((4, 3), 1), ((4, 4), 0), ((4, 4), -1),
             ((2, 3, 5), 0), ((2, 3, 5), 1), ((2, 3, 5), -2)]
    for shape, axis in cases:
        z = rng.normal(scale=2.0, size=shape)
        want = z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))
        got = np.asarray(log_softmax(z, axis=axis), dtype=float)
        assert got.shape == z.shape and np.allclose(
            got, want, rtol=1e-10, atol=1e-12), (
            "log_softmax(z, axis=...) is wrong: reduce along the axis you "
            "are given, with keepdims=True"
        )


@test_case(hidden=True)
def test_log_softmax_large_gaps(log_softmax):
    # Gaps of thousands: exp of the gap underflows, its log must not.
    rng = np.random.default_rng(913)
    z = rng.normal(scale=2000.0, size=(4, 5))
    s = z - z.max(axis=1, keepdims=True)
    want = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    got = np.asarray(log_softmax(z), dtype=float)
    assert np.all(np.isfinite(got)), (
        "log_softmax returns -inf (or nan) for finite logits far apart"
    )
    assert np.allclose(got, want, rtol=1e-12, atol=1e-9), (
        "log_softmax is wrong for logits far apart"
    )
    got = np.asarray(log_softmax([5.0, -995.0, 4.0]), dtype=float)
    want = np.array([0.0, -1000.0, -1.0]) - np.log1p(np.exp(-1.0))
    assert np.allclose(got, want, rtol=1e-12, atol=1e-12), (
        "log_softmax([5, -995, 4]) is wrong"
    )


@test_case(hidden=True)
def test_log_softmax_huge_logits(log_softmax):
    got = np.asarray(log_softmax([[1000.0, 999.0], [-800.0, -801.0]]),
                     dtype=float)
    row = np.array([0.0, -1.0]) - np.log1p(np.exp(-1.0))
    assert np.all(np.isfinite(got)), (
        "log_softmax returns inf or nan for logits around +-1000"
    )
    assert np.allclose(got, np.stack([row, row]), rtol=1e-12), (
        "log_softmax is wrong for logits around +-1000, or the shift is "
        "not done per row"
    )


@test_case(hidden=True)
def test_log_softmax_rows_on_different_scales(log_softmax):
    base = np.array([1.0, -2.0, 0.0])
    z = np.stack([base, base + 5000.0, base - 5000.0])
    want = base - np.log(np.sum(np.exp(base)))
    got = np.asarray(log_softmax(z), dtype=float)
    assert np.all(np.isfinite(got)), (
        "log_softmax gives -inf or nan for rows much smaller than the "
        "others: shift each row by its own maximum"
    )
    assert np.allclose(got, np.stack([want] * 3), rtol=1e-9, atol=1e-9), (
        "log_softmax is wrong for rows on very different scales"
    )


@test_case(hidden=True)
def test_log_softmax_properties(log_softmax):
    rng = np.random.default_rng(914)
    z = rng.normal(scale=3.0, size=(5, 6))
    got = np.asarray(log_softmax(z), dtype=float)
    assert np.all(got <= 1e-12), "log-probabilities are never positive"
    assert np.allclose(np.exp(got).sum(axis=1), 1.0, atol=1e-12), (
        "exp(log_softmax(z)) should add up to 1 along each row"
    )
    shifted = np.asarray(log_softmax(z - 900.0), dtype=float)
    assert np.allclose(shifted, got, rtol=1e-9, atol=1e-10), (
        "adding the same constant to every logit must not change "
        "log_softmax"
    )


@test_case(hidden=True)
def test_log_softmax_empty_or_0d(log_softmax):
    for bad in ([], np.zeros((3, 0)), -2.0):
        try:
            log_softmax(bad)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "log_softmax should raise ValueError (not another exception) for "
            "an empty input and for a 0-d input (a single number has no axis)"
        )


@test_case(hidden=True)
def test_log_softmax_small_batch(log_softmax):
    z = np.array([[2.0, 2.0], [0.0, -2000.0]])
    got = np.asarray(log_softmax(z), dtype=float)
    assert np.allclose(got, [[-np.log(2.0), -np.log(2.0)], [0.0, -2000.0]]), (
        "log_softmax is wrong for a small batch with a tie and two logits "
        "far apart"
    )


@test_case(hidden=True)
def test_log_softmax_keeps_input(log_softmax):
    z = np.array([[2.0, 2.0], [0.0, -2000.0]])
    log_softmax(z)
    assert np.array_equal(z, [[2.0, 2.0], [0.0, -2000.0]]), (
        "log_softmax must not change its input"
    )

# %% [markdown]
# ## 4. Labels as probability vectors: `one_hot`
#
# A training example comes with its true class as an integer, say `2` for
# "fox" among `cat, dog, fox, owl`. To compare it with the model's
# probability vector, write the label as a probability vector too: all its
# mass on the true class,
#
# $$\operatorname{one\_hot}(2) = (0, 0, 1, 0).$$
#
# This is the **true distribution** $p$ of week 11: we are certain of the
# class, so $p$ has entropy 0. For a batch of $N$ labels, one row per
# sample gives an $N \times C$ matrix with a single 1 in every row. Two
# things to get right: the number of columns is `n_classes` (a batch of
# labels need not contain the last class), and a label outside
# `0 .. n_classes - 1` is an error, not something to wrap around.
#
# **Worked example.** Labels `[2, 0, 3]` with 4 classes: row $i$ is the
# row `labels[i]` of the $4 \times 4$ identity matrix.

# %% grading="skip"
labels_example = np.array([2, 0, 3])
print(np.eye(4)[labels_example])

# %% [markdown]
# ### Exercise 3: `one_hot(labels, n_classes)`
#
# `labels` is a 1-D list or array of `N` class numbers: integers, or
# floats with whole values such as `2.0`. Return an array of shape
# `(N, n_classes)`: row `i` is 1 in column `labels[i]` and 0 elsewhere.
# Any dtype that holds exactly 0 and 1 is fine (float, int or bool; a
# nested list of rows too). Raise `ValueError` if `labels` is empty, not
# 1-D, or holds a label that is fractional (`2.5`), negative, or not below
# `n_classes`. Do not change `labels`.

# %% question="one_hot"
def one_hot(labels, n_classes):
    """(N, n_classes) array: row i is 1 at column labels[i], 0 elsewhere.

    labels: 1-D, whole numbers (ints, or floats like 2.0). Any dtype that
    holds 0 and 1 exactly. ValueError if labels is empty or not 1-D, or a
    label is fractional or outside 0 .. n_classes-1.
    """
    # BEGIN SOLUTION
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError("labels must be a non-empty 1-D list of classes")
    as_int = labels.astype(int)
    if not np.array_equal(as_int, labels):
        raise ValueError("labels must be integers")
    if np.any(as_int < 0) or np.any(as_int >= n_classes):
        raise ValueError(f"labels must lie in 0 .. {n_classes - 1}")
    encoded = np.zeros((labels.size, int(n_classes)))
    encoded[np.arange(labels.size), as_int] = 1.0
    return encoded
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check the range first: numpy indexing would silently accept `-1` (the
# last column). Then start from `np.zeros((N, n_classes))` and set
# `out[np.arange(N), labels] = 1`: that pairs row `i` with column
# `labels[i]`. (`out[:, labels] = 1` would set whole columns instead.)
# </details>

# %% tests="one_hot"
import numpy as np


@test_case(hidden=False)
def test_one_hot_small(one_hot):
    got = np.asarray(one_hot([2, 0, 3], 4))
    want = [[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]]
    assert got.shape == (3, 4), "3 labels with 4 classes give shape (3, 4)"
    assert np.array_equal(got, want), (
        "one_hot([2, 0, 3], 4) should be the rows 2, 0 and 3 of the 4x4 "
        "identity matrix"
    )


@test_case(hidden=False)
def test_one_hot_out_of_range(one_hot):
    try:
        one_hot([0, 3], 3)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            "with 3 classes the labels are 0, 1, 2: one_hot([0, 3], 3) should "
            f"raise ValueError, not {type(error).__name__}"
        ) from None
    raise AssertionError(
        "with 3 classes the labels are 0, 1, 2: one_hot([0, 3], 3) should "
        "raise ValueError"
    )


@test_case(hidden=True)
def test_one_hot_random(one_hot):
    rng = np.random.default_rng(921)
    for n, n_classes in ((1, 1), (6, 3), (40, 10)):
        labels = rng.integers(0, n_classes, size=n)
        got = np.asarray(one_hot(labels, n_classes))
        assert got.shape == (n, n_classes), (
            "one_hot should return shape (N, n_classes)"
        )
        assert np.array_equal(got, np.eye(n_classes)[labels]), (
            "one_hot is wrong on random labels"
        )


@test_case(hidden=True)
def test_one_hot_unused_classes(one_hot):
    # The batch never contains the last classes: the width is n_classes.
    got = np.asarray(one_hot([1, 0, 1, 2], 7))
    assert got.shape == (4, 7), (
        "the number of columns is n_classes, not the largest label + 1"
    )
    assert np.array_equal(got, np.eye(7)[[1, 0, 1, 2]]), (
        "one_hot is wrong when some classes do not occur"
    )


@test_case(hidden=True)
def test_one_hot_exact_zeros_and_ones(one_hot):
    rng = np.random.default_rng(922)
    labels = rng.integers(0, 5, size=12)
    got = np.asarray(one_hot(labels, 5), dtype=float)
    assert np.all((got == 0.0) | (got == 1.0)), (
        "one_hot entries must be exactly 0 or 1 (no label smoothing)"
    )
    assert np.array_equal(got.sum(axis=1), np.ones(12)), (
        "every row of one_hot must contain exactly one 1"
    )
    assert np.array_equal(np.argmax(got, axis=1), labels), (
        "the 1 of row i must be in column labels[i]"
    )


@test_case(hidden=True)
def test_one_hot_invalid(one_hot):
    for labels, n_classes in (([0, -1], 3), ([5], 5), ([0, 1, 9], 4),
                              ([], 3), ([-3], 3)):
        try:
            one_hot(labels, n_classes)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "one_hot should raise ValueError (not another exception such as "
            "IndexError) for an empty list of labels, a negative label, or a "
            "label that is not below n_classes"
        )


@test_case(hidden=True)
def test_one_hot_float_labels(one_hot):
    got = np.asarray(one_hot(np.array([2.0, 0.0]), 3), dtype=float)
    assert np.array_equal(got, [[0, 0, 1], [1, 0, 0]]), (
        "labels that are floats with whole values (2.0) are classes too"
    )
    try:
        one_hot([0.0, 1.5], 3)
    except ValueError:
        return
    except Exception:
        pass
    raise AssertionError(
        "one_hot should raise ValueError for a fractional label (it is no "
        "class; do not round or truncate it)"
    )


@test_case(hidden=True)
def test_one_hot_repeated_labels(one_hot):
    got = np.asarray(one_hot(np.array([3, 1, 1]), 4))
    assert np.array_equal(got, [[0, 0, 0, 1], [0, 1, 0, 0], [0, 1, 0, 0]]), (
        "one_hot([3, 1, 1], 4) is wrong: a repeated label gives a repeated "
        "row"
    )


@test_case(hidden=True)
def test_one_hot_keeps_input(one_hot):
    labels = np.array([3, 1, 1])
    one_hot(labels, 4)
    assert np.array_equal(labels, [3, 1, 1]), (
        "one_hot must not change its input"
    )

# %% [markdown]
# ## 5. The cross-entropy loss
#
# How wrong is a predicted probability vector $q = \operatorname{softmax}
# (z)$ when the truth is the one-hot $p$? Week 11 has the answer: the
# **cross-entropy**
#
# $$H(p, q) = -\sum_{k} p_k \log q_k,$$
#
# the average surprise when outcomes follow $p$ but we expect $q$. With a
# one-hot $p$ only the true class $y$ survives in the sum:
#
# $$H(\operatorname{one\_hot}(y), \operatorname{softmax}(z))
#   = -\log \operatorname{softmax}(z)_y.$$
#
# That is the **negative log-likelihood** of the true class: the loss is 0
# when the model gives the true class probability 1, and grows without
# bound as that probability goes to 0. Over a batch we take the **mean**,
# so that the loss (and the learning rate that suits it) does not depend on
# the batch size:
#
# $$L = \frac1N \sum_{i=1}^N -\log \operatorname{softmax}(z_i)_{y_i}
#     = \frac1N \sum_{i=1}^N \bigl(\operatorname{LSE}(z_i) - z_{i,y_i}\bigr).$$
#
# Minimizing it is maximum likelihood (week 6): the mean of the
# log-probabilities is the log-likelihood of the labels divided by $N$. Two
# conventions differ from week 11: the loss uses the **natural** log (nats,
# not bits), and it is computed from the logits with `log_softmax`, never
# from rounded probabilities.
#
# How does the loss of one sample react to its logits? Below, a 3-class
# sample whose two wrong classes have logit 0, and whose true class has
# logit $t$.

# %% grading="skip"
t = np.linspace(-8, 8, 400)
p_true = np.exp(t) / (np.exp(t) + 2.0)
loss_t = np.logaddexp(t, np.log(2.0)) - t  # LSE(t, 0, 0) - t

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
ax1.plot(t, p_true, "C0", lw=2)
ax1.axhline(1 / 3, color="gray", ls=":", label="1/3: all logits equal")
ax1.set(title="Probability of the true class", xlabel="true-class logit t",
        ylabel="softmax(z)_y")
ax1.legend()
ax2.plot(t, loss_t, "C3", lw=2, label="-log softmax(z)_y")
ax2.plot(t, -t + np.log(2.0), "k:", label="the line log 2 − t")
ax2.plot(0, np.log(3.0), "ko", label="log 3 at t = 0")
ax2.set(title="Cross-entropy loss of the sample", ylim=(-0.5, 9),
        xlabel="true-class logit t", ylabel="loss (nats)")
ax2.legend()
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# A confident mistake (very negative $t$) costs a loss that grows like a
# straight line, $\log 2 - t$; a confident correct answer costs almost
# nothing. And when all logits are equal, as in a freshly initialized
# network, the loss is $\log C$: a 10-class model should start near
# $\log 10 \approx 2.30$. Practitioners check exactly this number before
# training; a very different value means a bug.
#
# **Worked example.** Two samples with 3 classes:
# `logits = [[2, 0, 0], [0, 1, 3]]`, `labels = [0, 1]`. Sample 1 picks its
# true class with logit 2: loss $\log(e^2 + 2) - 2 \approx 0.240$. Sample 2
# has true class 1 while class 2 is ahead: loss $\log(1 + e + e^3) - 1
# \approx 2.169$. The mean is about $1.205$.

# %% grading="skip"
logits_demo = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, 3.0]])
labels_demo = np.array([0, 1])
lse = np.log(np.sum(np.exp(logits_demo), axis=1))
per_sample = lse - logits_demo[np.arange(2), labels_demo]
print("per sample:", per_sample, " mean:", per_sample.mean())

# %% [markdown]
# Note the indexing: `logits[np.arange(N), labels]` picks one entry per
# row, the true class's. (`logits[:, labels]` would pick whole columns, an
# $N \times N$ matrix.)
#
# ### Exercise 4: `cross_entropy_loss(logits, labels)`
#
# `logits` has shape `(N, C)` and `labels` holds `N` classes (whole
# numbers, as for `one_hot`).
# Return the mean over the batch of $-\log \operatorname{softmax}(z_i)
# _{y_i}$, with the natural log, as a float. It must stay finite and
# correct for logits of any magnitude, including confident mistakes (use
# `log_softmax`, never the log of a probability). Raise `ValueError` if
# `logits` is not a non-empty 2-D array (a single vector of logits is not a
# batch), if the number of labels differs from the number of rows, or if a
# label is fractional or outside `0 .. C-1`. Do not change the inputs.

# %% question="cross_entropy_loss"
def cross_entropy_loss(logits, labels):
    """Mean of -log softmax(logits[i])[labels[i]] over the batch (nats).

    logits: (N, C); labels: N whole numbers in 0 .. C-1. ValueError for
    an empty or non-2-D logits array, a label count that differs from N, or
    a label that is fractional or out of range.
    """
    # BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim != 2 or logits.size == 0:
        raise ValueError("logits must be a non-empty (N, C) array")
    n_samples, n_classes = logits.shape
    if labels.shape != (n_samples,):
        raise ValueError(f"need {n_samples} labels, one per row of logits")
    as_int = labels.astype(int)
    if not np.array_equal(as_int, labels):
        raise ValueError("labels must be integers")
    if np.any(as_int < 0) or np.any(as_int >= n_classes):
        raise ValueError(f"labels must lie in 0 .. {n_classes - 1}")
    log_probs = log_softmax(logits, axis=1)
    return float(-np.mean(log_probs[np.arange(n_samples), as_int]))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks, one line does it: compute `log_softmax(logits, axis=1)`
# (your function from exercise 2), pick the true class of each row with
# `[np.arange(N), labels]`, and return minus the **mean** as a `float`.
# Check the label range yourself: a label `-1` would silently pick the
# last class.
# </details>

# %% tests="cross_entropy_loss"
import numpy as np


@test_case(hidden=False)
def test_ce_uniform_logits(cross_entropy_loss):
    got = cross_entropy_loss(np.zeros((4, 3)), [0, 1, 2, 1])
    assert np.ndim(got) == 0, "cross_entropy_loss returns one number"
    assert np.isclose(got, np.log(3.0), rtol=1e-10), (
        "with all logits equal every class has probability 1/3, so the loss "
        "is -log(1/3) = log 3 (natural log) for every sample"
    )


@test_case(hidden=False)
def test_ce_worked_example(cross_entropy_loss):
    got = cross_entropy_loss([[2.0, 0.0, 0.0], [0.0, 1.0, 3.0]], [0, 1])
    want = ((np.log(np.exp(2.0) + 2.0) - 2.0)
            + (np.log(1.0 + np.e + np.exp(3.0)) - 1.0)) / 2
    assert np.isclose(got, want, rtol=1e-10), (
        "the worked example: the mean of log(e^2 + 2) - 2 and "
        "log(1 + e + e^3) - 1, about 1.205"
    )


@test_case(hidden=True)
def test_ce_random(cross_entropy_loss):
    rng = np.random.default_rng(931)
    for n, c in ((1, 2), (5, 3), (50, 10)):
        logits = rng.normal(scale=2.0, size=(n, c))
        labels = rng.integers(0, c, size=n)
        lse = np.log(np.sum(np.exp(logits), axis=1))
        want = np.mean(lse - logits[np.arange(n), labels])
        got = cross_entropy_loss(logits, labels)
        assert np.ndim(got) == 0, "cross_entropy_loss returns one number"
        assert np.isclose(got, want, rtol=1e-10), (
            "cross_entropy_loss is wrong on random logits: the mean over "
            "samples of -log softmax at the true class, natural log"
        )


@test_case(hidden=True)
def test_ce_confident_mistakes(cross_entropy_loss):
    # The true class is 1000 below the predicted one: loss ~ 1000, finite.
    logits = np.array([[1000.0, 0.0], [0.0, 0.0], [-500.0, 500.0]])
    got = cross_entropy_loss(logits, [1, 0, 0])
    want = (1000.0 + np.log(2.0) + 1000.0) / 3
    assert np.isfinite(got), (
        "cross_entropy_loss is inf or nan for a confident mistake: compute "
        "it with log_softmax, not log(softmax)"
    )
    assert np.isclose(got, want, rtol=1e-12), (
        "cross_entropy_loss is wrong for confident mistakes"
    )


@test_case(hidden=True)
def test_ce_large_logits(cross_entropy_loss):
    rng = np.random.default_rng(932)
    logits = rng.normal(size=(6, 4)) + rng.choice([-1000.0, 1000.0],
                                                  size=(6, 1))
    labels = rng.integers(0, 4, size=6)
    s = logits - logits.max(axis=1, keepdims=True)
    lse = np.log(np.sum(np.exp(s), axis=1))
    want = np.mean(lse - s[np.arange(6), labels])
    got = cross_entropy_loss(logits, labels)
    assert np.isfinite(got) and np.isclose(got, want, rtol=1e-9), (
        "cross_entropy_loss is wrong for logits around +-1000"
    )


@test_case(hidden=True)
def test_ce_is_a_mean(cross_entropy_loss):
    rng = np.random.default_rng(933)
    logits = rng.normal(size=(5, 3))
    labels = rng.integers(0, 3, size=5)
    once = cross_entropy_loss(logits, labels)
    twice = cross_entropy_loss(np.vstack([logits, logits]),
                               np.concatenate([labels, labels]))
    assert np.isclose(once, twice, rtol=1e-12), (
        "repeating the batch must not change the loss: take the mean over "
        "samples, not the sum"
    )
    singles = [cross_entropy_loss(logits[i:i + 1], labels[i:i + 1])
               for i in range(5)]
    assert np.isclose(once, np.mean(singles), rtol=1e-12), (
        "the loss of a batch is the mean of the losses of its samples"
    )


@test_case(hidden=True)
def test_ce_perfect_and_shift(cross_entropy_loss):
    got = cross_entropy_loss([[50.0, 0.0, 0.0], [0.0, 0.0, 80.0]], [0, 2])
    assert abs(got) < 1e-12, (
        "a confident correct prediction has a loss close to 0"
    )
    rng = np.random.default_rng(934)
    logits = rng.normal(size=(4, 5))
    labels = rng.integers(0, 5, size=4)
    shift = rng.normal(scale=300.0, size=(4, 1))
    assert np.isclose(cross_entropy_loss(logits + shift, labels),
                      cross_entropy_loss(logits, labels), rtol=1e-8), (
        "adding a constant to all logits of a row must not change the loss"
    )


@test_case(hidden=True)
def test_ce_invalid(cross_entropy_loss):
    z = np.zeros((3, 4))
    for logits, labels in ((z, [0, 1]), (z, [0, 1, 2, 3]), (z, [0, 4, 1]),
                           (z, [0, -1, 1]), (np.zeros((0, 4)), [])):
        try:
            cross_entropy_loss(logits, labels)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "cross_entropy_loss should raise ValueError (not another "
            "exception such as IndexError) for an empty batch, a number of "
            "labels that differs from the number of rows, or a label outside "
            "0 .. C-1"
        )


@test_case(hidden=True)
def test_ce_invalid_label_types_and_shapes(cross_entropy_loss):
    for logits, labels in ((np.zeros((3, 4)), [0, 1.5, 2]),
                           (np.zeros(4), [0])):
        try:
            cross_entropy_loss(logits, labels)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "cross_entropy_loss should raise ValueError (not another "
            "exception) for a fractional label and for 1-D logits (a single "
            "vector is not an (N, C) batch)"
        )


@test_case(hidden=True)
def test_ce_small_batch(cross_entropy_loss):
    logits = np.array([[1.0, 2.0], [3.0, -1.0]])
    got = cross_entropy_loss(logits, np.array([1, 0]))
    want = np.mean([np.log1p(np.exp(-1.0)), np.log1p(np.exp(-4.0))])
    assert np.isclose(got, want, rtol=1e-10), (
        "cross_entropy_loss is wrong for a small batch of two classes"
    )


@test_case(hidden=True)
def test_ce_keeps_inputs(cross_entropy_loss):
    logits = np.array([[1.0, 2.0], [3.0, -1.0]])
    labels = np.array([1, 0])
    cross_entropy_loss(logits, labels)
    assert np.array_equal(logits, [[1.0, 2.0], [3.0, -1.0]]), (
        "cross_entropy_loss must not change the logits"
    )
    assert np.array_equal(labels, [1, 0]), (
        "cross_entropy_loss must not change the labels"
    )

# %% [markdown]
# ## 6. The gradient: predicted minus true
#
# To train, we need the gradient of the loss with respect to the logits
# (backpropagation then carries it further back into the weights: week 15).
# Take one sample with logits $z$ and true class $y$, and write its loss
# with week 6's log-sum-exp:
#
# $$\ell(z) = \operatorname{LSE}(z) - z_y.$$
#
# Differentiate each part with respect to one logit $z_k$:
#
# - $\operatorname{LSE}(z) = \log \sum_j e^{z_j}$: by the chain rule,
#   $\dfrac{\partial}{\partial z_k} \operatorname{LSE}(z) =
#   \dfrac{e^{z_k}}{\sum_j e^{z_j}} = \operatorname{softmax}(z)_k$.
#   The gradient of the smooth maximum is the soft argmax!
# - $z_y$: its derivative is 1 for $k = y$ and 0 otherwise, which is
#   exactly $\operatorname{one\_hot}(y)_k$.
#
# So $\nabla_z \ell = \operatorname{softmax}(z) - \operatorname{one\_hot}
# (y)$: **predicted minus true**. For the mean over a batch, each sample's
# loss carries a factor $\frac1N$, and the gradient with respect to the
# logit matrix is
#
# $$\nabla L = \frac1N\bigl(\operatorname{softmax}(Z) -
#   \operatorname{one\_hot}(y)\bigr) \qquad (N \times C,
#   \text{ softmax along each row}).$$
#
# **The picture.** Gradient descent moves the logits *against* the
# gradient. At the true class the entry is $p_y - 1 < 0$, so descent
# pushes the true logit **up**; at every other class it is $p_k > 0$, so
# descent pushes that logit **down**, the harder the more probability it
# currently steals. The entries of each row add up to $1 - 1 = 0$: the push
# only redistributes, it never lifts all logits together (which would not
# change the softmax anyway). Once the prediction is right and confident,
# $p \approx \operatorname{one\_hot}(y)$ and the gradient fades away.
#
# Below, one sample of class "cat" that the model thinks is a "dog", and
# what gradient descent on its four logits does.

# %% grading="skip"
z_cat = np.array([1.0, 2.0, 0.5, -1.0])  # true class 0, "cat"
target = np.eye(4)[0]
grad_cat = softmax_demo(z_cat) - target

history = [softmax_demo(z_cat)]
z_walk = z_cat.copy()
for _ in range(40):
    z_walk = z_walk - 0.5 * (softmax_demo(z_walk) - target)
    history.append(softmax_demo(z_walk))
history = np.array(history)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
positions = np.arange(4)
ax1.bar(positions - 0.27, softmax_demo(z_cat), 0.27, label="softmax p")
ax1.bar(positions, target, 0.27, label="one_hot(y)")
ax1.bar(positions + 0.27, grad_cat, 0.27, label="gradient p − y")
ax1.axhline(0, color="k", lw=0.8)
ax1.set(xticks=positions, xticklabels=classes, xlabel="class",
        ylabel="value", title="Gradient of the loss for a cat seen as a dog")
ax1.legend(fontsize=8)
for k, name in enumerate(classes):
    ax2.plot(history[:, k], lw=2, label=name)
ax2.set(title="Gradient descent on the logits (lr = 0.5)",
        xlabel="step", ylabel="predicted probability", ylim=(0, 1))
ax2.legend(fontsize=8)
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# The only negative bar is the true class: descent raises "cat". The
# largest positive bar is "dog", the class stealing the most probability,
# and it is pushed down the hardest. Step by step the probability of "cat"
# climbs towards 1 while the gradient shrinks.
#
# **Worked example, and a check with week 7.** For `[[2, 0, 0], [0, 1,
# 3]]` with labels `[0, 1]`, the formula gives $(\operatorname{softmax} -
# \operatorname{one\_hot}) / 2$. A formula derived by hand deserves a
# numerical check: nudge each logit by $\pm h$ and take the central
# difference of the loss, as `numerical_gradient` does in week 7.

# %% grading="skip"
def mean_loss(z, y):
    lse_rows = np.log(np.sum(np.exp(z), axis=1))
    return np.mean(lse_rows - z[np.arange(len(y)), y])


p_demo = np.exp(logits_demo)
p_demo = p_demo / p_demo.sum(axis=1, keepdims=True)
formula = (p_demo - np.eye(3)[labels_demo]) / 2
numeric = np.zeros_like(logits_demo)
h = 1e-5
for i in range(2):
    for k in range(3):
        step = np.zeros_like(logits_demo)
        step[i, k] = h
        up = mean_loss(logits_demo + step, labels_demo)
        down = mean_loss(logits_demo - step, labels_demo)
        numeric[i, k] = (up - down) / (2 * h)
print("formula:\n", formula.round(6))
print("largest difference from the numerical gradient:",
      np.max(np.abs(formula - numeric)))

# %% [markdown]
# The two agree to about ten digits: the derivation is right.
#
# ### Exercise 5: `cross_entropy_grad(logits, labels)`
#
# Return the gradient of `cross_entropy_loss(logits, labels)` (the mean)
# with respect to `logits`: the float array $(\operatorname{softmax}(Z) -
# \operatorname{one\_hot}(y)) / N$ of shape `(N, C)`, stable for logits of
# any magnitude. Raise `ValueError` for the same inputs as
# `cross_entropy_loss` (non-2-D or empty logits, a label count that differs
# from N, a fractional or out-of-range label), and do not change the
# inputs.

# %% question="cross_entropy_grad"
def cross_entropy_grad(logits, labels):
    """Gradient of the mean cross-entropy loss w.r.t. logits: (N, C).

    (softmax(logits) - one_hot(labels)) / N. ValueError for the same inputs
    as cross_entropy_loss.
    """
    # BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim != 2 or logits.size == 0:
        raise ValueError("logits must be a non-empty (N, C) array")
    n_samples, n_classes = logits.shape
    if labels.shape != (n_samples,):
        raise ValueError(f"need {n_samples} labels, one per row of logits")
    as_int = labels.astype(int)
    if not np.array_equal(as_int, labels):
        raise ValueError("labels must be integers")
    if np.any(as_int < 0) or np.any(as_int >= n_classes):
        raise ValueError(f"labels must lie in 0 .. {n_classes - 1}")
    probs = softmax(logits, axis=1)
    return (probs - one_hot(as_int, n_classes)) / n_samples
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Reuse your functions: the same checks as in `cross_entropy_loss`, then
# `(softmax(logits, axis=1) - one_hot(labels, C)) / N`. Divide by `N`, the
# number of samples (rows), not by `C` or by the number of entries.
# </details>

# %% tests="cross_entropy_grad"
import numpy as np


@test_case(hidden=False)
def test_ce_grad_one_sample(cross_entropy_grad):
    got = np.asarray(cross_entropy_grad([[0.0, 0.0]], [0]), dtype=float)
    assert got.shape == (1, 2), "the gradient has the shape of the logits"
    assert np.allclose(got, [[-0.5, 0.5]]), (
        "logits [0, 0] give p = [0.5, 0.5]; with label 0 the gradient is "
        "p - one_hot = [-0.5, 0.5]"
    )


@test_case(hidden=False)
def test_ce_grad_worked_example(cross_entropy_grad):
    logits = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, 3.0]])
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    want = (p - np.array([[1.0, 0, 0], [0, 1.0, 0]])) / 2
    got = np.asarray(cross_entropy_grad(logits, [0, 1]), dtype=float)
    assert np.allclose(got, want, rtol=1e-10), (
        "the gradient is (softmax(logits) - one_hot(labels)) / N, here "
        "with N = 2"
    )


@test_case(hidden=True)
def test_ce_grad_random(cross_entropy_grad):
    rng = np.random.default_rng(941)
    for n, c in ((1, 3), (4, 2), (30, 7)):
        logits = rng.normal(scale=2.0, size=(n, c))
        labels = rng.integers(0, c, size=n)
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        want = (p - np.eye(c)[labels]) / n
        got = np.asarray(cross_entropy_grad(logits, labels), dtype=float)
        assert got.shape == (n, c), (
            "cross_entropy_grad should return shape (N, C)"
        )
        assert np.allclose(got, want, rtol=1e-10, atol=1e-15), (
            "cross_entropy_grad is wrong on random logits"
        )


@test_case(hidden=True)
def test_ce_grad_matches_numerical_gradient(cross_entropy_grad):
    # Central differences of a reference loss (week 7): error ~ h**2.
    rng = np.random.default_rng(942)
    logits = rng.normal(size=(3, 4))
    labels = rng.integers(0, 4, size=3)

    def loss(z):
        lse = np.log(np.sum(np.exp(z), axis=1))
        return np.mean(lse - z[np.arange(3), labels])

    numeric = np.zeros_like(logits)
    h = 1e-5
    for i in range(3):
        for k in range(4):
            step = np.zeros_like(logits)
            step[i, k] = h
            numeric[i, k] = (loss(logits + step) - loss(logits - step)) / (
                2 * h)
    got = np.asarray(cross_entropy_grad(logits, labels), dtype=float)
    assert np.allclose(got, numeric, rtol=0, atol=1e-8), (
        "cross_entropy_grad does not match the numerical gradient of the "
        "mean loss"
    )


@test_case(hidden=True)
def test_ce_grad_pushes_true_class_up(cross_entropy_grad):
    rng = np.random.default_rng(943)
    logits = rng.normal(scale=2.0, size=(8, 5))
    labels = rng.integers(0, 5, size=8)
    got = np.asarray(cross_entropy_grad(logits, labels), dtype=float)
    true_entries = got[np.arange(8), labels]
    others = np.delete(got.ravel(), np.arange(8) * 5 + labels)
    assert np.all(true_entries < 0), (
        "the gradient at the true class must be negative (descent raises "
        "the true logit)"
    )
    assert np.all(others > 0), (
        "the gradient at the other classes must be positive (descent lowers "
        "them)"
    )
    assert np.allclose(got.sum(axis=1), 0.0, atol=1e-15), (
        "each row of the gradient must add up to 0"
    )


@test_case(hidden=True)
def test_ce_grad_scales_with_batch(cross_entropy_grad):
    rng = np.random.default_rng(944)
    logits = rng.normal(size=(3, 4))
    labels = rng.integers(0, 4, size=3)
    once = np.asarray(cross_entropy_grad(logits, labels), dtype=float)
    twice = np.asarray(cross_entropy_grad(np.vstack([logits, logits]),
                                          np.concatenate([labels, labels])),
                       dtype=float)
    assert np.allclose(twice, np.vstack([once, once]) / 2, rtol=1e-12), (
        "the gradient of the mean loss carries a factor 1/N: doubling the "
        "batch halves every entry"
    )


@test_case(hidden=True)
def test_ce_grad_large_logits(cross_entropy_grad):
    got = np.asarray(cross_entropy_grad([[1000.0, 0.0, -1000.0],
                                         [-800.0, -800.0, -800.0]], [2, 1]),
                     dtype=float)
    want = np.array([[1.0, 0.0, -1.0], [1 / 3, -2 / 3, 1 / 3]]) / 2
    assert np.all(np.isfinite(got)), (
        "cross_entropy_grad returns inf or nan for large logits"
    )
    assert np.allclose(got, want, rtol=1e-12, atol=1e-15), (
        "cross_entropy_grad is wrong for logits around +-1000"
    )


@test_case(hidden=True)
def test_ce_grad_invalid(cross_entropy_grad):
    z = np.zeros((2, 3))
    for logits, labels in ((z, [0]), (z, [0, 1, 2]), (z, [0, 3]),
                           (z, [-1, 0]), (np.zeros((0, 3)), [])):
        try:
            cross_entropy_grad(logits, labels)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "cross_entropy_grad should raise ValueError (not another "
            "exception such as IndexError) for an empty batch, a number of "
            "labels that differs from the number of rows, or a label outside "
            "0 .. C-1"
        )


@test_case(hidden=True)
def test_ce_grad_invalid_label_types_and_shapes(cross_entropy_grad):
    for logits, labels in ((np.zeros((2, 3)), [0.5, 0]),
                           (np.zeros(3), [0])):
        try:
            cross_entropy_grad(logits, labels)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "cross_entropy_grad should raise ValueError (not another "
            "exception) for a fractional label and for 1-D logits (a single "
            "vector is not an (N, C) batch)"
        )


@test_case(hidden=True)
def test_ce_grad_small_batch(cross_entropy_grad):
    logits = np.array([[0.0, 0.0], [5.0, 5.0]])
    got = np.asarray(cross_entropy_grad(logits, np.array([1, 0])),
                     dtype=float)
    assert np.allclose(got, [[0.25, -0.25], [-0.25, 0.25]]), (
        "cross_entropy_grad is wrong for a small batch of tied logits"
    )


@test_case(hidden=True)
def test_ce_grad_keeps_inputs(cross_entropy_grad):
    logits = np.array([[0.0, 0.0], [5.0, 5.0]])
    labels = np.array([1, 0])
    cross_entropy_grad(logits, labels)
    assert np.array_equal(logits, [[0.0, 0.0], [5.0, 5.0]]), (
        "cross_entropy_grad must not change the logits"
    )
    assert np.array_equal(labels, [1, 0]), (
        "cross_entropy_grad must not change the labels"
    )

# %% [markdown]
# ## Summary
#
# - **Softmax** turns logits into probabilities: exponentiate, normalize.
#   Only differences of logits matter, so shifting by the maximum (per row,
#   along `axis`) computes it without overflow. With a temperature it
#   slides between the uniform distribution and the hard argmax.
# - **log_softmax** $= z - \operatorname{LSE}(z)$ gives log-probabilities
#   that stay finite however far apart the logits are; `log(softmax)` does
#   not.
# - **one_hot** writes a label as the true distribution $p$.
# - The **cross-entropy loss** is week 11's $H(p, q)$ with $p$ one-hot and
#   $q$ the softmax: the mean negative log-likelihood of the true classes,
#   $\log C$ for a model that knows nothing.
# - Its **gradient** with respect to the logits is $(\operatorname{softmax}
#   - \operatorname{one\_hot}) / N$: push the true logit up, the others down
#   in proportion to the probability they take.
#
# Next week: where losses come from. Maximum likelihood turns "make the data
# least surprising" into a recipe, and with two classes the softmax becomes
# the sigmoid of logistic regression.
