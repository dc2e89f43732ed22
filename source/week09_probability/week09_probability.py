# %% [markdown]
# # Week 9 — Random variables and expectation
#
# **Why this week matters.** A trained model never meets its training data
# again. It meets *new* examples, drawn at random from the world, and the
# loss it makes on the next one is a number nobody knows in advance. What we
# can know, and what training really tries to make small, is the loss **on
# average** over all the examples the world could send: the **expected
# loss**, also called the **risk**. Probability is the language for "a
# number decided by chance" and for its average.
#
# Four tools this week, each a few lines of code once you see the picture:
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `expected_value` | the balance point of a bar chart | risk, the best single prediction |
# | `variance` | how far the bars spread around it | uncertainty, irreducible error |
# | `bayes_posterior` | reweight the bars by the evidence | classifiers, spam filters |
# | `monte_carlo_mean` | average random samples, with an error bar | test-set scores, mini-batches |
#
# Notation: a random variable is a capital letter, $X$; its possible values
# are $x_1, \dots, x_n$ and their probabilities $p_1, \dots, p_n$, stored
# as two arrays `values` and `probs` of the same length. A **probability
# vector** has entries $p_i \ge 0$ that add up to 1.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. A random variable and its balance point
#
# A **random variable** is a number whose value is decided by chance. It is
# described completely by the values it can take and how probable each one
# is. In ML you meet them everywhere:
#
# - the **loss** of a classifier on the next example: 0 if it is right,
#   1 if it is wrong (the 0-1 loss);
# - the **prediction** of a model that outputs probabilities: a model that
#   predicts how many stars (1 to 5) a customer will give a product does not
#   output one number, it outputs five probabilities, one per rating;
# - the **cost** of a decision: a fraud detector that blocks a good payment
#   annoys a customer, one that lets a fraud through loses money.
#
# The **expected value** is the probability-weighted average of the values,
#
# $$\mathbb E[X] = \sum_{i=1}^n x_i\, p_i .$$
#
# It is what you get on average if you repeat the random experiment many
# times: a value with probability 0.4 turns up in about 40 % of the
# repetitions, so it carries 40 % of the weight. The picture is mechanical:
# draw the distribution as a bar chart, think of each bar as a weight of
# mass $p_i$ sitting at position $x_i$ on a ruler, and $\mathbb E[X]$ is the
# point where the ruler **balances**.
#
# Where does the ruler balance for the star-rating model below?

# %% grading="skip"
stars = np.array([1, 2, 3, 4, 5])
rating_probs = np.array([0.05, 0.10, 0.20, 0.40, 0.25])
rating_mean = np.sum(stars * rating_probs)

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.bar(stars, rating_probs, width=0.6, color="C0", alpha=0.8,
       label="probability of each rating")
ax.plot([0.5, 5.5], [0, 0], "k", lw=3)  # the ruler
ax.plot(rating_mean, -0.02, "^", color="C3", ms=18,
        label=f"balance point E[X] = {rating_mean:.2f}")
ax.set(title="The expected value balances the bar chart",
       xlabel="predicted rating x (stars)", ylabel="probability p(x)",
       ylim=(-0.05, 0.47), xticks=stars)
ax.legend(loc="upper left")
ax.grid(alpha=0.3, axis="y")
plt.show()

# %% [markdown]
# The tall bars at 4 and 5 pull the balance point up to 3.7 stars, and the
# small bars at 1 and 2 pull it back a little. Notice that 3.7 is not a
# rating anybody can give: the expected value need not be a possible value.
#
# **Worked example.** A fraud detector's cost per payment is 0 when it is
# right (probability 0.95), 1 when it blocks a good payment (probability
# 0.04), and 50 when it lets a fraud through (probability 0.01). Its
# expected cost is $0 \cdot 0.95 + 1 \cdot 0.04 + 50 \cdot 0.01 = 0.54$: the
# rare, expensive mistake dominates. This number is the detector's **risk**,
# and comparing the risks of two detectors tells you which one to deploy.

# %% grading="skip"
costs = np.array([0.0, 1.0, 50.0])
cost_probs = np.array([0.95, 0.04, 0.01])
print("expected cost:", np.sum(costs * cost_probs))
print("expected 0-1 loss of a 92 % accurate classifier:",
      np.sum(np.array([0.0, 1.0]) * np.array([0.92, 0.08])))

# %% [markdown]
# ### Exercise 1: `expected_value(values, probs)`
#
# Return $\sum_i x_i p_i$ as a float. `values` and `probs` are lists or 1-D
# arrays of the same length. Because a wrong probability vector silently
# gives a wrong average, **check it** and raise `ValueError` (with a message)
# if
#
# - `values` or `probs` is empty, or their lengths differ;
# - any probability is negative;
# - the probabilities do not add up to 1 within $10^{-9}$, that is
#   $|\sum_i p_i - 1| > 10^{-9}$.
#
# Why a tolerance? Floating-point sums are rarely exact: `sum([0.1] * 10)`
# is `0.9999999999999999`, and that is a perfectly good probability vector.
# (Careful: `np.isclose(total, 1)` uses a much looser tolerance by default,
# about $10^{-5}$.)

# %% question="expected_value"
def expected_value(values, probs):
    """E[X] = sum of values[i] * probs[i], as a float.

    ValueError if the inputs are empty or of different lengths, or probs is
    not a probability vector (an entry < 0, or a sum off 1 by more than
    1e-9).
    """
    # BEGIN SOLUTION
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.ndim != 1 or p.ndim != 1 or x.size == 0:
        raise ValueError("values and probs must be non-empty 1-D sequences")
    if x.shape != p.shape:
        raise ValueError(
            f"{x.size} values but {p.size} probabilities: lengths differ")
    if np.any(p < 0):
        raise ValueError("probabilities cannot be negative")
    if abs(np.sum(p) - 1.0) > 1e-9:
        raise ValueError(f"probabilities sum to {np.sum(p)}, not 1")
    return float(np.sum(x * p))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert both inputs with `np.asarray(..., dtype=float)`. Do the checks
# first, in the order of the list above; `np.any(p < 0)` finds a negative
# entry and `abs(np.sum(p) - 1) > 1e-9` a bad total. Then the answer is one
# line: `float(np.sum(x * p))`.
# </details>

# %% tests="expected_value"
import numpy as np


@test_case(hidden=False)
def test_ev_fair_die(expected_value):
    got = expected_value([1, 2, 3, 4, 5, 6], [1 / 6] * 6)
    assert np.isclose(got, 3.5), (
        "a fair die shows 3.5 on average: (1 + 2 + ... + 6) / 6"
    )


@test_case(hidden=False)
def test_ev_fraud_costs(expected_value):
    got = expected_value([0.0, 1.0, 50.0], [0.95, 0.04, 0.01])
    assert np.isclose(got, 0.54), (
        "the expected cost is 0 * 0.95 + 1 * 0.04 + 50 * 0.01 = 0.54"
    )


@test_case(hidden=False)
def test_ev_rejects_bad_total(expected_value):
    try:
        expected_value([1.0, 2.0, 3.0], [0.3, 0.3, 0.3])
    except ValueError:
        return
    raise AssertionError(
        "probabilities 0.3, 0.3, 0.3 add up to 0.9, not 1: expected_value "
        "should raise ValueError"
    )


@test_case(hidden=False)
def test_ev_rejects_total_off_by_a_millionth(expected_value):
    try:
        expected_value([1.0, 2.0], [0.5, 0.5 + 1e-6])
    except ValueError:
        return
    raise AssertionError(
        "probabilities 0.5 and 0.500001 add up to 1.000001, a thousand "
        "times the allowed 1e-9 off 1: expected_value should raise "
        "ValueError (np.isclose(total, 1) with its default tolerance "
        "would wrongly accept them)"
    )


@test_case(hidden=True)
def test_ev_random(expected_value):
    rng = np.random.default_rng(701)
    for n in (1, 2, 7, 50):
        x = rng.normal(scale=5.0, size=n)
        p = rng.uniform(0.0, 1.0, size=n)
        p = p / p.sum()
        want = float(np.dot(x, p))
        got = expected_value(x, p)
        assert np.isclose(got, want, rtol=1e-10, atol=1e-12), (
            "expected_value is wrong on random values and probabilities"
        )


@test_case(hidden=True)
def test_ev_uses_the_weights(expected_value):
    got = expected_value([0.0, 10.0], [0.9, 0.1])
    assert np.isclose(got, 1.0), (
        "each value must be weighted by its probability, not averaged "
        "plainly"
    )


@test_case(hidden=True)
def test_ev_point_mass_and_linearity(expected_value):
    rng = np.random.default_rng(702)
    x = rng.normal(size=5)
    got = expected_value(x, [0.0, 0.0, 1.0, 0.0, 0.0])
    assert np.isclose(got, x[2]), (
        "when one value has probability 1, the expected value is that value"
    )
    p = rng.dirichlet(np.ones(5))
    shifted = expected_value(3.0 * x - 2.0, p)
    assert np.isclose(shifted, 3.0 * expected_value(x, p) - 2.0), (
        "E[aX + b] should equal a E[X] + b"
    )


@test_case(hidden=True)
def test_ev_rounding_level_totals_are_fine(expected_value):
    # sum([0.1] * 10) is 0.9999999999999999: a valid probability vector.
    got = expected_value(list(range(10)), [0.1] * 10)
    assert np.isclose(got, 4.5), (
        "probabilities that add up to 1 up to rounding error (within 1e-9) "
        "must be accepted"
    )
    rng = np.random.default_rng(703)
    p = rng.dirichlet(np.ones(13))
    p[0] += 1e-12
    expected_value(np.arange(13.0), p)


@test_case(hidden=True)
def test_ev_rejects_negative_probability(expected_value):
    try:
        expected_value([1.0, 2.0], [1.5, -0.5])
    except ValueError:
        return
    raise AssertionError(
        "a negative probability must raise ValueError, even when the "
        "probabilities add up to 1"
    )


@test_case(hidden=True)
def test_ev_rejects_totals_off_one(expected_value):
    # 1e-6 is a thousand times the allowed 1e-9 (np.isclose's default
    # tolerance would wrongly accept it).
    for probs in ([0.5, 0.5 + 1e-6], [0.2, 0.2, 0.2], [0.7, 0.7],
                  [0.5, 0.5 - 1e-6]):
        try:
            expected_value(np.arange(len(probs), dtype=float), probs)
        except ValueError:
            continue
        raise AssertionError(
            "probabilities that do not add up to 1 (within 1e-9) must raise "
            "ValueError"
        )


@test_case(hidden=True)
def test_ev_rejects_bad_shapes(expected_value):
    for values, probs in (([], []), ([1.0, 2.0, 3.0], [0.5, 0.5]),
                          ([1.0], [0.5, 0.5])):
        try:
            expected_value(values, probs)
        except ValueError:
            continue
        raise AssertionError(
            "expected_value should raise ValueError for empty inputs or "
            "values and probs of different lengths"
        )


@test_case(hidden=True)
def test_ev_keeps_inputs_and_returns_a_number(expected_value):
    x = np.array([2, 4, 8])
    p = np.array([0.25, 0.25, 0.5])
    got = expected_value(x, p)
    assert np.ndim(got) == 0, "expected_value should return a single number"
    assert np.isclose(float(got), 5.5), (
        "expected_value is wrong for integer values"
    )
    assert np.array_equal(x, [2, 4, 8]) and np.array_equal(
        p, [0.25, 0.25, 0.5]), "expected_value must not change its inputs"

# %% [markdown]
# ## 2. Variance: how far the bars spread
#
# Two products both average 3.5 stars. Are they the same? Not at all if one
# gets steady 3s and 4s and the other splits its customers into fans (5
# stars) and haters (1 star). The expected value cannot tell them apart; the
# **variance** can. It is the expected squared distance from the balance
# point $\mu = \mathbb E[X]$,
#
# $$\operatorname{Var}(X) = \mathbb E\big[(X - \mu)^2\big]
#   = \sum_{i=1}^n (x_i - \mu)^2\, p_i ,$$
#
# and its square root, the **standard deviation** $\sigma$, is a spread in
# the units of $X$ (stars, not stars²). In the mechanical picture, variance
# is the *moment of inertia*: how hard the ruler is to spin about its
# balance point. Weights far from the balance point count a lot (squared
# distance), weights near it hardly at all.

# %% grading="skip"
steady = np.array([0.0, 0.1, 0.4, 0.4, 0.1])
split = np.array([0.3, 0.05, 0.05, 0.05, 0.55])

fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for ax, probs, name in ((axes[0], steady, "steady product"),
                        (axes[1], split, "divisive product")):
    mu = np.sum(stars * probs)
    sigma = np.sqrt(np.sum((stars - mu) ** 2 * probs))
    ax.bar(stars, probs, width=0.6, color="C0", alpha=0.8)
    ax.plot(mu, -0.02, "^", color="C3", ms=16, label=f"mean {mu:.2f}")
    ax.annotate("", xy=(mu - sigma, 0.63), xytext=(mu + sigma, 0.63),
                arrowprops={"arrowstyle": "<->", "color": "C2", "lw": 2})
    ax.text(mu, 0.66, f"mean ± σ, σ = {sigma:.2f}", color="C2",
            ha="center")
    ax.set(title=f"{name}: variance {sigma**2:.2f}",
           xlabel="rating x (stars)", xticks=stars, ylim=(-0.05, 0.75))
    ax.legend(loc="upper left")
    ax.grid(alpha=0.3, axis="y")
axes[0].set_ylabel("probability p(x)")
fig.suptitle("Same balance point, different spread")
fig.tight_layout()
plt.show()

# %% [markdown]
# **Why ML cares: the best constant prediction.** Suppose you must predict
# $X$ with one number $c$ and you pay the squared error $(X - c)^2$. Your
# expected loss is
#
# $$\mathbb E\big[(X - c)^2\big] = \operatorname{Var}(X) + (\mu - c)^2 ,$$
#
# (expand the square around $\mu$; the cross term averages to zero). Read
# it as a picture: a parabola in $c$ whose lowest point sits at $c = \mu$
# and whose height there is the variance. So the expected value is the best
# prediction under squared loss — this is why regression models predict a
# mean — and the variance is the loss that **no** constant prediction can
# avoid. Let us check the claim numerically on the divisive product.

# %% grading="skip"
cs = np.linspace(0.5, 5.5, 201)
mu_split = np.sum(stars * split)
var_split = np.sum((stars - mu_split) ** 2 * split)
expected_sq_loss = [np.sum((stars - c) ** 2 * split) for c in cs]

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(cs, expected_sq_loss, "C0", lw=2, label="E[(X - c)²]")
ax.plot(mu_split, var_split, "C3o", ms=8,
        label=f"minimum at c = E[X] = {mu_split:.2f}, height Var(X) = "
              f"{var_split:.2f}")
ax.axhline(var_split, color="gray", ls=":")
ax.set(title="Expected squared loss of predicting the constant c",
       xlabel="constant prediction c (stars)",
       ylabel="expected squared loss")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# **Worked example.** A fair die has $\mu = 3.5$ and
# $\operatorname{Var} = \frac16\big((2.5)^2 + (1.5)^2 + (0.5)^2 + (0.5)^2
# + (1.5)^2 + (2.5)^2\big) = 35/12 \approx 2.917$.
#
# Expanding the square also gives the popular shortcut
# $\operatorname{Var}(X) = \mathbb E[X^2] - \mu^2$. It is correct algebra,
# but on a computer it subtracts two huge, nearly equal numbers when the
# values are large compared with their spread, and the difference is mostly
# rounding noise: below, both values are about $10^9$ and one apart, so the
# true variance is exactly $0.25$. The centred formula is the safe one.

# %% grading="skip"
die = np.arange(1, 7)
mu_die = np.sum(die / 6)
print("die, centred:", np.sum((die - mu_die) ** 2 / 6), " 35/12 =", 35 / 12)

big = np.array([1e9, 1e9 + 1])
half = np.array([0.5, 0.5])
mu_big = np.sum(big * half)
print("centred: ", np.sum((big - mu_big) ** 2 * half))
print("shortcut:", np.sum(big**2 * half) - mu_big**2)

# %% [markdown]
# ### Exercise 2: `variance(values, probs)`
#
# Return $\sum_i (x_i - \mu)^2 p_i$ with $\mu = \sum_i x_i p_i$, as a float.
# Check the inputs exactly as in `expected_value` (same `ValueError`
# rules). You may call your own `expected_value` for $\mu$ — or compute it
# again, so that `variance` works on its own.

# %% question="variance"
def variance(values, probs):
    """Var(X) = sum of (values[i] - E[X])**2 * probs[i], as a float.

    Same ValueError rules as expected_value.
    """
    # BEGIN SOLUTION
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.ndim != 1 or p.ndim != 1 or x.size == 0:
        raise ValueError("values and probs must be non-empty 1-D sequences")
    if x.shape != p.shape:
        raise ValueError(
            f"{x.size} values but {p.size} probabilities: lengths differ")
    if np.any(p < 0):
        raise ValueError("probabilities cannot be negative")
    if abs(np.sum(p) - 1.0) > 1e-9:
        raise ValueError(f"probabilities sum to {np.sum(p)}, not 1")
    mu = np.sum(x * p)
    return float(np.sum((x - mu) ** 2 * p))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks: `mu = np.sum(x * p)`, then
# `float(np.sum((x - mu) ** 2 * p))`. Subtract the mean **before**
# squaring, and weight by `p` (not by `1 / n`).
# </details>

# %% tests="variance"
import numpy as np


@test_case(hidden=False)
def test_variance_fair_die(variance):
    got = variance([1, 2, 3, 4, 5, 6], [1 / 6] * 6)
    assert np.isclose(got, 35 / 12), (
        "a fair die has variance 35/12: the mean of the squared distances "
        "2.5², 1.5², 0.5², 0.5², 1.5², 2.5² from 3.5"
    )


@test_case(hidden=False)
def test_variance_coin(variance):
    got = variance([0, 1], [0.8, 0.2])
    assert np.isclose(got, 0.16), (
        "a 0/1 variable with P(1) = 0.2 has variance 0.2 * 0.8 = 0.16"
    )


@test_case(hidden=False)
def test_variance_no_cancellation(variance):
    # The centred formula is exact here: mu = 1e9 + 0.5 and every
    # (x - mu)**2 = 0.25 are doubles; E[X**2] - mu**2 returns 0.0.
    got = variance([1e9, 1e9 + 1], [0.5, 0.5])
    assert np.isclose(got, 0.25, rtol=1e-9, atol=0), (
        "values 1e9 and 1e9 + 1 with probability 1/2 each have variance "
        "0.25: the shortcut E[X**2] - mu**2 loses it to cancellation (two "
        "huge, nearly equal numbers subtracted); subtract the mean before "
        "squaring"
    )


@test_case(hidden=True)
def test_variance_far_from_zero(variance):
    # x = 1e7 + z: x - 1e7 is exact, so the reference is the centred
    # variance of z. The centred formula on x errs by about
    # n * 1e7 * eps ~ 1e-8 in mu, a relative 1e-7 at most on a variance of
    # order 1; E[X**2] - mu**2 loses about 1e14 * eps ~ 1e-2.
    rng = np.random.default_rng(714)
    z = rng.normal(size=6)
    p = rng.dirichlet(np.ones(6))
    x = 1e7 + z
    shift = x - 1e7
    want = np.sum(p * (shift - np.sum(p * shift)) ** 2)
    got = variance(x, p)
    assert np.isclose(got, want, rtol=1e-6, atol=0), (
        "variance loses its digits for values far from 0: E[X**2] - mu**2 "
        "suffers cancellation; subtract the mean before squaring"
    )


@test_case(hidden=True)
def test_variance_random(variance):
    rng = np.random.default_rng(711)
    for n in (1, 3, 8, 40):
        x = rng.normal(loc=2.0, scale=3.0, size=n)
        p = rng.dirichlet(np.ones(n))
        mu = np.sum(x * p)
        want = float(np.sum(p * (x - mu) ** 2))
        got = variance(x, p)
        assert np.isclose(got, want, rtol=1e-9, atol=1e-12), (
            "variance is wrong on random values and probabilities"
        )


@test_case(hidden=True)
def test_variance_rating_models(variance):
    steady = variance([1, 2, 3, 4, 5], [0.0, 0.1, 0.4, 0.4, 0.1])
    split = variance([1, 2, 3, 4, 5], [0.3, 0.05, 0.05, 0.05, 0.55])
    assert np.isclose(steady, 0.65) and np.isclose(split, 3.25), (
        "variance is wrong for the two rating distributions of the notebook"
    )


@test_case(hidden=True)
def test_variance_constant_is_zero(variance):
    got = variance([3.0, 3.0, 3.0], [0.2, 0.5, 0.3])
    assert np.isclose(got, 0.0, atol=1e-12), (
        "a variable that is always 3 does not spread: variance 0"
    )
    got = variance([-4.0, 7.0, 2.0], [0.0, 1.0, 0.0])
    assert np.isclose(got, 0.0, atol=1e-12), (
        "a value with probability 1 means no spread: variance 0"
    )


@test_case(hidden=True)
def test_variance_shift_and_scale(variance):
    rng = np.random.default_rng(712)
    x = rng.normal(size=6)
    p = rng.dirichlet(np.ones(6))
    base = variance(x, p)
    assert base > 0, "a variable taking different values has variance > 0"
    assert np.isclose(variance(x + 10.0, p), base, rtol=1e-9), (
        "shifting every value by a constant must not change the variance"
    )
    assert np.isclose(variance(-3.0 * x, p), 9.0 * base, rtol=1e-9), (
        "scaling the values by a multiplies the variance by a squared"
    )


@test_case(hidden=True)
def test_variance_best_constant_prediction(variance):
    # E[(X - c)^2] = Var(X) + (E[X] - c)^2 for every c.
    rng = np.random.default_rng(713)
    x = rng.uniform(-2.0, 5.0, size=5)
    p = rng.dirichlet(np.ones(5))
    mu = np.sum(x * p)
    for c in (mu, 0.0, 4.0):
        want = np.sum(p * (x - c) ** 2) - (mu - c) ** 2
        assert np.isclose(variance(x, p), want, rtol=1e-9), (
            "variance should be the expected squared distance from the mean"
        )


@test_case(hidden=True)
def test_variance_invalid(variance):
    for values, probs in (([1.0, 2.0], [1.5, -0.5]), ([1.0, 2.0], [0.6, 0.6]),
                          ([1.0, 2.0], [0.5, 0.5 + 1e-6]), ([], []),
                          ([1.0, 2.0, 3.0], [0.5, 0.5])):
        try:
            variance(values, probs)
        except ValueError:
            continue
        raise AssertionError(
            "variance should raise ValueError like expected_value: empty or "
            "mismatched inputs, negative probabilities, a total off 1"
        )


@test_case(hidden=True)
def test_variance_rejects_total_below_one(variance):
    # 1e-6 is a thousand times the allowed 1e-9.
    for probs in ([0.3, 0.3, 0.3], [0.5, 0.5 - 1e-6], [0.0, 0.0]):
        try:
            variance(np.arange(len(probs), dtype=float), probs)
        except ValueError:
            continue
        raise AssertionError(
            "variance should raise ValueError for probabilities that add "
            "up to less than 1 (by more than 1e-9), not only more than 1"
        )


@test_case(hidden=True)
def test_variance_keeps_inputs(variance):
    x = np.array([0.0, 2.0])
    p = np.array([0.5, 0.5])
    got = variance(x, p)
    assert np.ndim(got) == 0, "variance should return a single number"
    assert np.isclose(float(got), 1.0), "variance is wrong for 0 and 2"
    assert np.array_equal(x, [0.0, 2.0]) and np.array_equal(p, [0.5, 0.5]), (
        "variance must not change its inputs"
    )

# %% [markdown]
# ## 3. Bayes' rule: reweighting the bars with evidence
#
# An email arrives. Before reading it, your filter knows only the **prior**:
# from past mail, 60 % is work, 30 % promotions and 10 % spam. Then it sees
# the word "click". Some classes use that word much more than others; the
# **likelihood** $P(\text{word} \mid \text{class})$ says how often each class
# does. Bayes' rule combines the two into the **posterior**, the updated
# belief:
#
# $$P(\text{class} \mid \text{word}) =
#   \frac{P(\text{word} \mid \text{class})\, P(\text{class})}
#        {\sum_{c} P(\text{word} \mid c)\, P(c)} .$$
#
# As a picture it is two moves: **multiply** each prior bar by its
# likelihood (classes that explain the evidence well grow, the others
# shrink), then **rescale** all bars by the same factor so that they add up
# to 1 again. The denominator, the **evidence**, is only that rescaling
# factor. Two consequences you can see in the code: the prior may be given
# as raw counts (600, 300, 100 emails) — the rescaling takes care of it —
# and the likelihoods need not add up to 1 over the classes (they are
# probabilities of the *word*, one per class, not a distribution over
# classes). Only their ratios matter, so a likelihood can be any
# non-negative number: for a measurement such as a height it is a
# probability *density* (week 10), which can well be above 1.
#
# A naive Bayes spam filter treats the words of an email as independent
# pieces of evidence: after each word, the posterior becomes the prior for
# the next one. How do the bars move as an email's words come in?

# %% grading="skip"
classes = ["work", "promotion", "spam"]
prior_demo = np.array([0.6, 0.3, 0.1])
word_likelihood = {
    "offer": np.array([0.02, 0.30, 0.25]),
    "click": np.array([0.05, 0.40, 0.60]),
    "account": np.array([0.10, 0.05, 0.45]),
}

stages = [("prior", prior_demo)]
belief = prior_demo
for word, lik in word_likelihood.items():
    belief = belief * lik / np.sum(belief * lik)
    stages.append((f'after "{word}"', belief))

fig, axes = plt.subplots(1, len(stages), figsize=(12, 3.6), sharey=True)
for ax, (name, probs) in zip(axes, stages):
    ax.bar(classes, probs, color=["C0", "C1", "C3"])
    for i, prob in enumerate(probs):
        ax.text(i, prob + 0.02, f"{prob:.2f}", ha="center")
    ax.set(title=name, xlabel="class", ylim=(0, 1.05))
    ax.grid(alpha=0.3, axis="y")
axes[0].set_ylabel("probability")
fig.suptitle("Prior to posterior: the email's words reweight the classes")
fig.tight_layout()
plt.show()

# %% [markdown]
# Work was the best guess before reading and promotion after "offer". After
# "click" promotion still leads, but spam has grown from 0.20 to 0.29; only
# "account" puts spam on top. No single word decides; each one multiplies
# the odds.
#
# **Worked example: the base rate.** A fraud model flags 99 % of frauds and
# wrongly flags 2 % of honest payments, and 0.5 % of payments are frauds.
# A payment is flagged: how likely is it a fraud? The likelihood of "flagged"
# is 0.99 under fraud and 0.02 under honest, so the posterior of fraud is
# $\frac{0.005 \cdot 0.99}{0.005 \cdot 0.99 + 0.995 \cdot 0.02} \approx
# 0.20$. Only one flag in five is a real fraud: when a class is rare, even a
# good detector's alarms are mostly false. (Rare classes come back in the
# capstone, week 16.)

# %% grading="skip"
prior_fraud = np.array([0.005, 0.995])  # fraud, honest
likelihood_flag = np.array([0.99, 0.02])  # P(flagged | class)
unnormalized = prior_fraud * likelihood_flag
print("prior x likelihood:", unnormalized)
print("posterior:", unnormalized / np.sum(unnormalized))

# %% [markdown]
# ### Exercise 3: `bayes_posterior(prior, likelihood)`
#
# Return the posterior as a float array: `prior * likelihood`, rescaled to
# add up to 1. `prior` holds one non-negative weight per hypothesis (class);
# it need **not** add up to 1, only its total must be positive. `likelihood`
# holds one non-negative number per hypothesis: how likely the observed data
# are under it, a probability or a probability density, so any non-negative
# number (above 1 too; 0 means the data are impossible under that
# hypothesis). Raise `ValueError` if
#
# - the inputs are empty or of different lengths;
# - any entry of `prior` or `likelihood` is negative;
# - the prior's total is 0;
# - the evidence $\sum_c \text{prior}_c \cdot \text{likelihood}_c$ is 0
#   (the data are impossible under every hypothesis with prior weight, so
#   there is nothing to rescale).

# %% question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Posterior prior * likelihood / evidence, a float array summing to 1.

    prior: non-negative weights with a positive total (need not sum to 1).
    likelihood: any non-negative numbers (densities may exceed 1).
    ValueError for empty or mismatched inputs, negative entries, a prior
    whose total is 0, or zero evidence.
    """
    # BEGIN SOLUTION
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.ndim != 1 or prior.size == 0:
        raise ValueError("prior must be a non-empty 1-D sequence")
    if likelihood.shape != prior.shape:
        raise ValueError("prior and likelihood need one entry per hypothesis")
    if np.any(prior < 0) or np.any(likelihood < 0):
        raise ValueError("prior and likelihood cannot be negative")
    if not np.sum(prior) > 0:
        raise ValueError("the prior's total must be positive")
    joint = prior * likelihood
    evidence = np.sum(joint)
    if not evidence > 0:
        raise ValueError("the evidence is 0: the data are impossible")
    return joint / evidence
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks, two lines: `joint = prior * likelihood` (element by
# element), then `joint / np.sum(joint)`. There is no need to normalise the
# prior first: a constant factor in the prior cancels in the division.
# </details>

# %% tests="bayes_posterior"
import numpy as np


@test_case(hidden=False)
def test_bayes_base_rate(bayes_posterior):
    got = np.asarray(bayes_posterior([0.005, 0.995], [0.99, 0.02]),
                     dtype=float)
    want = np.array([0.00495, 0.0199]) / 0.02485
    assert got.shape == (2,), "one posterior probability per hypothesis"
    assert np.allclose(got, want), (
        "posterior = prior * likelihood / evidence: 0.00495 / 0.02485 for "
        "fraud and 0.0199 / 0.02485 for honest"
    )


@test_case(hidden=False)
def test_bayes_counts_as_prior(bayes_posterior):
    from_counts = bayes_posterior([600, 300, 100], [0.05, 0.40, 0.60])
    from_probs = bayes_posterior([0.6, 0.3, 0.1], [0.05, 0.40, 0.60])
    assert np.allclose(np.asarray(from_counts, dtype=float),
                       np.asarray(from_probs, dtype=float)), (
        "a prior given as counts (600, 300, 100) must give the same "
        "posterior as the probabilities (0.6, 0.3, 0.1)"
    )
    assert np.isclose(np.sum(np.asarray(from_counts, dtype=float)), 1.0), (
        "the posterior must add up to 1"
    )


@test_case(hidden=True)
def test_bayes_random(bayes_posterior):
    rng = np.random.default_rng(721)
    for n in (1, 2, 5, 30):
        prior = rng.uniform(0.0, 3.0, size=n)
        lik = rng.uniform(0.0, 1.0, size=n)
        want = prior * lik / np.sum(prior * lik)
        got = np.asarray(bayes_posterior(prior, lik), dtype=float)
        assert got.shape == (n,), "one posterior probability per hypothesis"
        assert np.allclose(got, want, rtol=1e-10, atol=1e-14), (
            "bayes_posterior is wrong on random priors and likelihoods"
        )


@test_case(hidden=True)
def test_bayes_normalized_and_scale_free(bayes_posterior):
    rng = np.random.default_rng(722)
    prior = rng.dirichlet(np.ones(4))
    lik = rng.uniform(0.01, 0.2, size=4)
    got = np.asarray(bayes_posterior(prior, lik), dtype=float)
    assert np.isclose(np.sum(got), 1.0, atol=1e-12), (
        "the posterior must add up to 1"
    )
    scaled = np.asarray(bayes_posterior(7.0 * prior, 30.0 * lik), dtype=float)
    assert np.allclose(scaled, got, rtol=1e-10), (
        "multiplying the prior or the likelihood by a constant must not "
        "change the posterior"
    )


@test_case(hidden=True)
def test_bayes_uses_both_prior_and_likelihood(bayes_posterior):
    got = np.asarray(bayes_posterior([0.9, 0.1], [0.5, 0.5]), dtype=float)
    assert np.allclose(got, [0.9, 0.1]), (
        "evidence that is equally likely under every hypothesis should leave "
        "the prior unchanged"
    )
    got = np.asarray(bayes_posterior([1.0, 1.0, 2.0], [0.2, 0.6, 0.2]),
                     dtype=float)
    assert np.allclose(got, np.array([0.2, 0.6, 0.4]) / 1.2), (
        "the posterior is proportional to prior times likelihood"
    )


@test_case(hidden=True)
def test_bayes_sequential_updates(bayes_posterior):
    # Two independent pieces of evidence, one after the other, are the same
    # as both at once.
    rng = np.random.default_rng(723)
    prior = rng.uniform(0.1, 1.0, size=5)
    lik1, lik2 = rng.uniform(0.01, 1.0, size=(2, 5))
    step = bayes_posterior(bayes_posterior(prior, lik1), lik2)
    joint = bayes_posterior(prior, lik1 * lik2)
    assert np.allclose(np.asarray(step, dtype=float),
                       np.asarray(joint, dtype=float), rtol=1e-10), (
        "updating on two pieces of evidence one after the other should "
        "match updating on both at once"
    )


@test_case(hidden=True)
def test_bayes_zero_prior_stays_zero(bayes_posterior):
    got = np.asarray(bayes_posterior([0.0, 0.5, 0.5], [1.0, 0.1, 0.3]),
                     dtype=float)
    assert np.allclose(got, [0.0, 0.25, 0.75]), (
        "a hypothesis with prior 0 keeps posterior 0, whatever the evidence"
    )


@test_case(hidden=True)
def test_bayes_likelihoods_above_one(bayes_posterior):
    # Densities: only their ratios matter, values above 1 are fine.
    got = np.asarray(bayes_posterior([0.5, 0.25, 0.25], [4.0, 2.0, 0.5]),
                     dtype=float)
    want = np.array([2.0, 0.5, 0.125]) / 2.625
    assert np.allclose(got, want, rtol=1e-10), (
        "likelihoods can be densities above 1: bayes_posterior should "
        "accept any non-negative likelihood and use it as it is"
    )


@test_case(hidden=True)
def test_bayes_zero_likelihood_is_allowed(bayes_posterior):
    got = np.asarray(bayes_posterior([0.2, 0.3, 0.5], [0.0, 0.4, 0.2]),
                     dtype=float)
    assert np.allclose(got, np.array([0.0, 0.12, 0.1]) / 0.22), (
        "a likelihood of 0 is allowed (the data are impossible under that "
        "hypothesis): its posterior is 0, the others are rescaled"
    )


@test_case(hidden=True)
def test_bayes_invalid(bayes_posterior):
    for prior, lik in (([], []), ([0.5, 0.5], [0.1, 0.2, 0.3]),
                       ([0.7, -0.2, 0.5], [0.1, 0.2, 0.3]),
                       ([0.5, 0.5], [0.3, -0.1]), ([0.0, 0.0], [0.4, 0.6])):
        try:
            bayes_posterior(prior, lik)
        except ValueError:
            continue
        raise AssertionError(
            "bayes_posterior should raise ValueError for empty or mismatched "
            "inputs, negative entries, or a prior whose total is 0"
        )


@test_case(hidden=True)
def test_bayes_zero_evidence(bayes_posterior):
    try:
        bayes_posterior([0.5, 0.5, 0.0], [0.0, 0.0, 0.9])
    except ValueError:
        return
    raise AssertionError(
        "when prior * likelihood is 0 for every hypothesis the evidence is "
        "0: bayes_posterior should raise ValueError"
    )


@test_case(hidden=True)
def test_bayes_keeps_inputs(bayes_posterior):
    prior = np.array([2.0, 1.0, 1.0])
    lik = np.array([0.1, 0.4, 0.4])
    got = np.asarray(bayes_posterior(prior, lik), dtype=float)
    assert np.allclose(got, [0.2, 0.4, 0.4]), "wrong posterior"
    assert np.array_equal(prior, [2.0, 1.0, 1.0]), (
        "bayes_posterior must not change the prior"
    )
    assert np.array_equal(lik, [0.1, 0.4, 0.4]), (
        "bayes_posterior must not change the likelihood"
    )

# %% [markdown]
# ## 4. Monte Carlo: estimating an expectation by sampling
#
# The risk of a model is its expected loss over **all** the examples the
# world could produce. With a handful of possible values we summed them;
# for real data (every possible image, every possible sentence) that sum is
# out of reach. But we can *draw* examples — that is what a test set is —
# and average the loss over them. The **law of large numbers** says this
# average approaches the expectation as the number of samples $n$ grows:
#
# $$\mathbb E[f(X)] \approx \bar f = \frac1n \sum_{k=1}^n f(x_k),
#   \qquad x_1, \dots, x_n \text{ drawn at random}.$$
#
# An estimate without an error bar is only half an answer. The average of
# $n$ independent samples has standard deviation $\sigma / \sqrt n$, where
# $\sigma$ is the spread of a single $f(x_k)$. We do not know $\sigma$, so
# we estimate it from the same samples with the **sample standard
# deviation** $s$ (dividing by $n - 1$, numpy's `ddof=1`, which corrects for
# measuring the spread around $\bar f$ instead of the unknown true mean).
# The **standard error** of the estimate is
#
# $$\text{SE} = \frac{s}{\sqrt n}, \qquad
#   s = \sqrt{\frac{1}{n-1} \sum_{k=1}^n \big(f(x_k) - \bar f\big)^2}.$$
#
# The interval $\bar f \pm 2\,\text{SE}$ contains the true expectation about
# 95 % of the time. Mind the square root: **four times** the data only
# **halves** the error bar. That is why a test set of 100 examples cannot
# tell a 90 % accurate model from a 93 % one, and why a mini-batch gradient
# (an average over a random batch) is noisy.
#
# The experiment: a model predicts $\hat y = 1.5\,x$ for data with
# $x$ uniform on $[0, 1]$ and $y = 2x + \varepsilon$, noise $\varepsilon$
# of standard deviation 0.5. Its risk under squared loss works out exactly
# to $0.5^2\,\mathbb E[x^2] + 0.5^2 = 1/12 + 1/4 = 1/3$. How quickly do
# averages over sampled data find it?

# %% grading="skip"
rng = np.random.default_rng(7)
n_max = 10_000
x_draw = rng.uniform(0.0, 1.0, size=n_max)
y_draw = 2.0 * x_draw + rng.normal(scale=0.5, size=n_max)
losses = (1.5 * x_draw - y_draw) ** 2
true_risk = 1 / 3

n = np.arange(1, n_max + 1)
running_mean = np.cumsum(losses) / n
running_sq = np.cumsum(losses**2)
with np.errstate(invalid="ignore", divide="ignore"):
    running_sd = np.sqrt((running_sq - n * running_mean**2) / (n - 1))
running_se = running_sd / np.sqrt(n)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.3))
keep = n >= 10
ax1.fill_between(n[keep], (running_mean - 2 * running_se)[keep],
                 (running_mean + 2 * running_se)[keep], color="C0",
                 alpha=0.25, label="estimate ± 2 SE")
ax1.plot(n[keep], running_mean[keep], "C0", label="running estimate")
ax1.axhline(true_risk, color="C3", ls="--", label="true risk 1/3")
ax1.set(xscale="log", ylim=(0.0, 0.8),
        title="Monte Carlo estimate of the risk",
        xlabel="number of samples n (log scale)",
        ylabel="average squared loss")
ax1.legend()
ax2.loglog(n[keep], running_se[keep], "C0", label="standard error s / √n")
ax2.loglog(n[keep], np.std(losses) / np.sqrt(n[keep]), "k:",
           label="slope −1/2: σ / √n")
ax2.set(title="The error bar shrinks like 1 / √n",
        xlabel="number of samples n (log scale)",
        ylabel="standard error (log scale)")
ax2.legend()
for ax in (ax1, ax2):
    ax.grid(alpha=0.3, which="both")
fig.tight_layout()
plt.show()

# %% [markdown]
# The band is wide and the estimate wanders for the first few dozen
# samples; by $n = 10\,000$ the band is a thin ribbon around $1/3$.
#
# Look closely and the band misses $1/3$ for hundreds of values of $n$ in
# this run (between about 150 and 3100). That does not contradict "about
# 95 % of the time": the 95 % is a statement about **one** $n$, over many
# repetitions of the experiment, not about the whole path. The estimates at
# neighbouring $n$ share almost all their samples, so they are not
# independent: when the first samples happen to pull the estimate off, the
# band stays off for a long stretch, until enough new samples wash that
# start out. On the
# log-log plot the standard error falls on a straight line of slope
# $-1/2$: ten times the samples, $\sqrt{10} \approx 3.2$ times smaller
# error.
#
# (The running standard deviation above uses the shortcut
# $\sum f^2 - n \bar f^2$ to update quickly; it is fine here because the
# losses are small numbers, the case where section 2's warning does not
# bite.)
#
# **Worked example.** $f(x) = x^2$ on the samples $1, 2, 3, 4$: the values
# are $1, 4, 9, 16$, their mean is $7.5$, their squared distances from it
# add up to $129$, so $s = \sqrt{129 / 3} = \sqrt{43} \approx 6.557$ and
# $\text{SE} = s / \sqrt 4 \approx 3.279$.

# %% grading="skip"
f_values = np.array([1.0, 2.0, 3.0, 4.0]) ** 2
s = np.std(f_values, ddof=1)
print("estimate:", np.mean(f_values), " s:", s, " SE:", s / np.sqrt(4))

# %% [markdown]
# ### Exercise 4: `monte_carlo_mean(f, samples)`
#
# Apply `f` to **every** sample — `samples` is a list or an array whose
# first axis runs over the samples; one sample may be a number or a whole
# row, such as an `(x, y)` pair — and return the tuple
# `(estimate, standard_error)`: the mean of the values $f(x_k)$ and their
# sample standard deviation (`ddof=1`) divided by $\sqrt n$. Raise
# `ValueError` for empty `samples`, and do not change `samples`.
#
# `f` is written for **one** sample (it may use `math.exp`, which fails on
# arrays), so call it once per sample rather than on the whole array. With a
# single sample the standard error is undefined (it divides by $n - 1 = 0$);
# the checks do not ask about that case.

# %% question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """(mean of f over the samples, its standard error std(ddof=1)/sqrt(n)).

    f is applied to each sample (each entry along the first axis).
    ValueError if samples is empty.
    """
    # BEGIN SOLUTION
    if len(samples) == 0:
        raise ValueError("monte_carlo_mean needs at least one sample")
    values = np.array([f(sample) for sample in samples], dtype=float)
    n = values.size
    if n < 2:
        raise ValueError("the standard error needs at least two samples")
    estimate = np.mean(values)
    standard_error = np.std(values, ddof=1) / np.sqrt(n)
    return float(estimate), float(standard_error)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Build the values with a list comprehension,
# `np.array([f(s) for s in samples], dtype=float)`. Then
# `np.mean(values)` and `np.std(values, ddof=1) / np.sqrt(n)` — the default
# `ddof=0` divides by $n$ instead of $n - 1$, and the standard error divides
# by $\sqrt n$, not by $n$.
# </details>

# %% tests="monte_carlo_mean"
import math

import numpy as np


@test_case(hidden=False)
def test_mc_worked_example(monte_carlo_mean):
    estimate, se = monte_carlo_mean(lambda x: x**2, [1.0, 2.0, 3.0, 4.0])
    assert np.isclose(estimate, 7.5), (
        "the estimate is the mean of f(x) = 1, 4, 9, 16, that is 7.5"
    )
    assert np.isclose(se, np.sqrt(43.0) / 2.0), (
        "the standard error is the sample standard deviation (ddof=1), "
        "sqrt(129 / 3), divided by sqrt(4)"
    )


@test_case(hidden=False)
def test_mc_constant_function(monte_carlo_mean):
    estimate, se = monte_carlo_mean(lambda x: 2.5, [0.1, 0.7, 0.3])
    assert np.isclose(estimate, 2.5) and np.isclose(se, 0.0, atol=1e-12), (
        "a constant function has that constant as its mean and no error"
    )


@test_case(hidden=True)
def test_mc_random_reference(monte_carlo_mean):
    rng = np.random.default_rng(731)
    for n in (2, 5, 37, 400):
        x = rng.normal(size=n)
        values = np.sin(3.0 * x) + x
        got = monte_carlo_mean(lambda t: np.sin(3.0 * t) + t, x)
        estimate, se = got
        assert np.isclose(estimate, np.mean(values), rtol=1e-10,
                          atol=1e-12), (
            "the estimate should be the mean of f over the samples"
        )
        want_se = np.std(values, ddof=1) / np.sqrt(n)
        assert np.isclose(se, want_se, rtol=1e-9), (
            "the standard error should be std(f values, ddof=1) / sqrt(n)"
        )


@test_case(hidden=True)
def test_mc_small_sample_standard_error(monte_carlo_mean):
    # With 3 samples ddof=1 and ddof=0 differ by a factor sqrt(3/2).
    _, se = monte_carlo_mean(lambda x: x, [0.0, 3.0, 6.0])
    assert np.isclose(se, np.sqrt(3.0)), (
        "the standard error of 0, 3, 6 is sqrt(9) / sqrt(3): the sample "
        "standard deviation divides by n - 1"
    )


@test_case(hidden=True)
def test_mc_rows_as_samples(monte_carlo_mean):
    # Each sample is an (x, y) pair; f is the squared loss of y_hat = 1.5 x.
    rng = np.random.default_rng(732)
    x = rng.uniform(0.0, 1.0, size=50)
    y = 2.0 * x + rng.normal(scale=0.5, size=50)
    data = np.column_stack([x, y])
    losses = (1.5 * x - y) ** 2
    estimate, se = monte_carlo_mean(lambda s: (1.5 * s[0] - s[1]) ** 2, data)
    assert np.isclose(estimate, np.mean(losses), rtol=1e-10), (
        "when samples is 2-D each row is one sample, and f gets the row"
    )
    assert np.isclose(se, np.std(losses, ddof=1) / np.sqrt(50), rtol=1e-9), (
        "wrong standard error when each row is one sample"
    )
    pairs = [(1.0, 2.0), (0.0, 1.0), (2.0, 2.0)]
    estimate, _ = monte_carlo_mean(lambda s: s[1] - s[0], pairs)
    assert np.isclose(estimate, 2.0 / 3.0), (
        "samples may be a list of tuples: f gets one tuple at a time"
    )


@test_case(hidden=True)
def test_mc_calls_f_on_single_samples(monte_carlo_mean):
    # math.exp accepts one number, not an array.
    samples = [0.0, 0.5, 1.0, 1.5]
    estimate, se = monte_carlo_mean(math.exp, samples)
    values = np.exp(samples)
    assert np.isclose(estimate, np.mean(values)), (
        "f must be applied to each sample on its own"
    )
    assert np.isclose(se, np.std(values, ddof=1) / 2.0), (
        "wrong standard error for f = math.exp"
    )


@test_case(hidden=True)
def test_mc_covers_the_truth(monte_carlo_mean):
    # The risk of y_hat = 1.5 x on y = 2x + noise (sd 0.5) is exactly 1/3.
    rng = np.random.default_rng(733)
    x = rng.uniform(0.0, 1.0, size=2000)
    y = 2.0 * x + rng.normal(scale=0.5, size=2000)
    estimate, se = monte_carlo_mean(
        lambda s: (1.5 * s[0] - s[1]) ** 2, np.column_stack([x, y]))
    assert 0.005 < se < 0.02, (
        "for 2000 samples the standard error should be about 0.01"
    )
    assert abs(estimate - 1.0 / 3.0) < 3 * se, (
        "the true risk 1/3 should lie within a few standard errors of the "
        "estimate"
    )


@test_case(hidden=True)
def test_mc_error_shrinks_like_root_n(monte_carlo_mean):
    # The same values repeated 100 times: s barely changes, so the error
    # bar should shrink by about sqrt(100) = 10.
    rng = np.random.default_rng(734)
    x = rng.normal(size=20)
    _, se_small = monte_carlo_mean(lambda t: t, x)
    _, se_large = monte_carlo_mean(lambda t: t, np.tile(x, 100))
    ratio = se_small / se_large
    assert 9.0 < ratio < 11.0, (
        "with 100 times the samples the standard error should be about ten "
        "times smaller"
    )


@test_case(hidden=True)
def test_mc_empty(monte_carlo_mean):
    try:
        monte_carlo_mean(lambda x: x, [])
    except ValueError:
        return
    raise AssertionError("monte_carlo_mean([]) should raise ValueError")


@test_case(hidden=True)
def test_mc_keeps_samples(monte_carlo_mean):
    samples = np.array([1.0, 2.0, 4.0])
    got = monte_carlo_mean(lambda x: 2 * x, samples)
    assert len(got) == 2, "return the pair (estimate, standard error)"
    assert np.ndim(got[0]) == 0 and np.ndim(got[1]) == 0, (
        "the estimate and the standard error are single numbers"
    )
    assert np.isclose(got[0], 14.0 / 3.0), "wrong estimate"
    assert np.array_equal(samples, [1.0, 2.0, 4.0]), (
        "monte_carlo_mean must not change the samples"
    )

# %% [markdown]
# ## Summary
#
# - A **random variable** is a number decided by chance: the loss on the
#   next example, a model's predicted rating, the cost of a decision.
# - The **expected value** $\sum_i x_i p_i$ is the balance point of its bar
#   chart; the expected loss is the model's **risk**, and the expected value
#   is the best constant prediction under squared loss.
# - The **variance** $\mathbb E[(X - \mu)^2]$ is the spread around it — the
#   loss no constant prediction can avoid. Compute it centred.
# - **Bayes' rule** multiplies the prior by the likelihood and rescales:
#   evidence reweights the hypotheses, and rare classes stay rare unless the
#   evidence is strong.
# - **Monte Carlo** replaces an expectation by an average over samples; its
#   standard error $s / \sqrt n$ shrinks only like $1/\sqrt n$.
#
# Next week: how surprised should a model be? The expected value of
# $-\log p$ — **entropy** — and its cousins cross-entropy and KL divergence,
# which become the loss functions of classification.
