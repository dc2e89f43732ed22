# %% [markdown]
# # Week 11 — Entropy, cross-entropy and KL divergence
#
# **Why this week matters.** A classifier does not just answer "spam" or
# "not spam": it says "spam, with probability 0.93". How do you score an
# answer like that? Not by whether it was right — a model that says 0.51
# and one that says 0.99 would score the same — but by **how surprised** the
# model was by what actually happened. That one idea, made precise, gives
# the loss function that trains almost every classifier in use today, from
# logistic regression to large language models: the **cross-entropy**.
#
# We build it in four steps, each the expected value of week 9 applied to
# one new quantity:
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | surprise $-\log p$ | rare events are surprising | the loss on one example |
# | `entropy` | the average surprise of the world | uncertainty of a prediction |
# | `cross_entropy` | average surprise when you believe q but the world is p | the classification loss |
# | `kl_divergence` | the extra surprise caused by the wrong belief | distance between distributions |
# | `binary_cross_entropy` | the mean surprise at the true labels | training a binary classifier |
#
# Notation: $p$ and $q$ are probability vectors over the same outcomes
# $1, \dots, n$ (non-negative, adding up to 1): $p$ is how the world
# behaves, $q$ what a model believes. Logarithms are base 2 (bits) unless
# we say otherwise.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Surprise: $-\log p$
#
# How surprising is an outcome of probability $p$? We want a number that is
#
# - **zero** for a certain event ($p = 1$: nothing to be surprised about),
# - **larger** the rarer the event,
# - **additive** for independent events: if a coin lands heads
#   (probability $\frac12$) and, independently, a die shows six
#   ($\frac16$), the pair has probability $\frac12 \cdot \frac16$, and the
#   surprise of the pair should be the sum of the two surprises.
#
# Probabilities multiply, surprises add: that is exactly what the logarithm
# does (week 6's `log_product` turned a product into a sum of logs). So the
# **surprise** of an outcome is
#
# $$s(p) = -\log_2 p = \log_2 \frac1p \quad \text{bits}.$$
#
# Why bits? An outcome of probability $\frac12$ carries 1 bit, $\frac14$
# two bits, $\frac18$ three: $-\log_2 p$ is the number of fair yes/no
# questions (coin flips) whose combined answer is as unlikely as the event.
# How fast does the surprise grow as events get rarer?

# %% grading="skip"
ps = np.linspace(0.005, 1.0, 400)
marks = [(1 / 8, "1/8", "3 bits"), (1 / 4, "1/4", "2 bits"),
         (1 / 2, "1/2", "1 bit"), (1.0, "1", "0 bits")]

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(ps, -np.log2(ps), "C0", lw=2, label="surprise −log₂ p")
for p_mark, name, bits in marks:
    ax.plot(p_mark, -np.log2(p_mark), "C3o")
    ax.annotate(f"p = {name}: {bits}", (p_mark, -np.log2(p_mark)),
                textcoords="offset points",
                xytext=(8, 6) if p_mark < 1 else (-80, 10))
ax.set(title="Surprise of an outcome of probability p",
       xlabel="probability p", ylabel="surprise (bits)", ylim=(-0.3, 8))
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The curve starts at 0 for a certain event and shoots up as $p \to 0$:
# every halving of the probability adds one bit, and an event of probability
# 0 would be **infinitely** surprising. Remember that for later — it is why
# a classifier must never say "impossible".
#
# **Worked example.** The coin-and-die pair: $-\log_2 \frac12 = 1$ bit,
# $-\log_2 \frac16 \approx 2.585$ bits, and the pair,
# $-\log_2 \frac1{12} \approx 3.585$ bits — the sum.

# %% grading="skip"
print(-np.log2(1 / 2), -np.log2(1 / 6), -np.log2(1 / 12))

# %% [markdown]
# ## 2. Entropy: the expected surprise
#
# A random outcome with distribution $p$ has a random surprise: $-\log p_i$
# with probability $p_i$. Its **expected value** (week 9's
# `expected_value(values, probs)` with values $-\log p_i$) is the
# **entropy**,
#
# $$H(p) = \sum_{i=1}^n p_i \,(-\log p_i) = -\sum_{i=1}^n p_i \log p_i .$$
#
# It measures how unpredictable the outcome is: 0 bits when one outcome is
# certain, $\log_2 n$ bits — the most possible — when all $n$ are equally
# likely. An outcome with $p_i = 0$ never happens, so it adds nothing: we
# use the convention $0 \cdot \log 0 = 0$ (it is also the limit of
# $p \log p$ as $p \to 0$). In code that needs care, because
# `0 * np.log(0)` is `nan`, not 0.
#
# **The coding picture.** No code for the outcomes can be shorter on
# average than the entropy, in bits, and a good code comes within a bit of
# it. If outcomes A, B, C, D have probabilities
# $\frac12, \frac14, \frac18, \frac18$, give the frequent ones short
# codewords: A = `0`, B = `10`, C = `110`, D = `111`. Every codeword has
# length exactly $-\log_2 p_i$, and the average length is
# $\frac12 \cdot 1 + \frac14 \cdot 2 + \frac18 \cdot 3 + \frac18 \cdot 3 =
# 1.75$ bits — the entropy, less than the 2 bits of the obvious fixed-length
# code.
#
# **Why ML cares.** The entropy of a model's prediction says how unsure the
# model is; active learning asks humans to label the examples whose
# predicted distribution has the highest entropy. Where is a yes/no
# prediction most uncertain?

# %% grading="skip"
qs = np.linspace(1e-6, 1 - 1e-6, 400)
coin_entropy = -(qs * np.log2(qs) + (1 - qs) * np.log2(1 - qs))

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(qs, coin_entropy, "C0", lw=2, label="H = −p log₂ p − (1−p) log₂ (1−p)")
ax.plot(0.5, 1.0, "C3o", ms=8, label="maximum: 1 bit at p = 1/2")
ax.set(title="Entropy of a coin that lands heads with probability p",
       xlabel="probability of heads p", ylabel="entropy (bits)",
       ylim=(0, 1.1))
ax.legend(loc="lower center")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# A fair coin is the least predictable coin: 1 bit per toss. A coin that
# always lands heads has entropy 0. The curve is symmetric: a coin with
# $p = 0.9$ is exactly as predictable as one with $p = 0.1$.
#
# **Worked example.** The entropy of $(\frac12, \frac14, \frac18, \frac18)$,
# written as the expected surprise, and the same distribution with an extra,
# impossible outcome (the 0 must not turn the answer into `nan`):

# %% grading="skip"
p_code = np.array([0.5, 0.25, 0.125, 0.125])
surprise = -np.log2(p_code)
print("surprises:", surprise, " entropy:", np.sum(p_code * surprise))

p_with_zero = np.array([0.5, 0.25, 0.125, 0.125, 0.0])
with np.errstate(divide="ignore", invalid="ignore"):
    print("naive:", -np.sum(p_with_zero * np.log2(p_with_zero)))
support = p_with_zero > 0
print("0 log 0 = 0:",
      -np.sum(p_with_zero[support] * np.log2(p_with_zero[support])))

# %% [markdown]
# Other bases just change the unit: with the natural logarithm (`np.log`)
# entropy is measured in **nats**, and
# $\log_b x = \ln x / \ln b$ converts any base. Machine learning libraries
# use nats; information theory uses bits.
#
# ### Exercise 1: `entropy(p, base=2)`
#
# Return $-\sum_i p_i \log_b p_i$ as a float, with $0 \cdot \log 0 = 0$.
# `p` must be a probability vector, as in week 9: raise `ValueError` if it
# is empty, has a negative entry, or does not add up to 1 within $10^{-9}$.

# %% question="entropy"
def entropy(p, base=2):
    """Entropy -sum p log_base p of the probability vector p, 0 log 0 = 0.

    ValueError if p is empty, has a negative entry, or does not sum to 1
    within 1e-9.
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("p must be a non-empty 1-D probability vector")
    if np.any(p < 0) or abs(np.sum(p) - 1.0) > 1e-9:
        raise ValueError("p must be non-negative and sum to 1")
    if not (base > 0 and base != 1):
        raise ValueError(f"the base must be positive and not 1, got {base}")
    support = p[p > 0]  # 0 log 0 = 0: impossible outcomes add nothing
    return float(-np.sum(support * np.log(support)) / np.log(base))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks, keep only the positive entries, `s = p[p > 0]`, so that
# no `log(0)` is ever taken. The natural log and a change of base give any
# base: `-np.sum(s * np.log(s)) / np.log(base)`.
# </details>

# %% tests="entropy"
import numpy as np


@test_case(hidden=False)
def test_entropy_fair_coin(entropy):
    assert np.isclose(entropy([0.5, 0.5]), 1.0), (
        "a fair coin has entropy 1 bit (the default base is 2)"
    )


@test_case(hidden=False)
def test_entropy_code_example(entropy):
    assert np.isclose(entropy([0.5, 0.25, 0.125, 0.125]), 1.75), (
        "the entropy of (1/2, 1/4, 1/8, 1/8) is 1.75 bits"
    )


@test_case(hidden=False)
def test_entropy_zero_probability(entropy):
    got = entropy([0.5, 0.5, 0.0])
    assert np.isfinite(got) and np.isclose(got, 1.0), (
        "an outcome of probability 0 adds nothing (0 log 0 = 0): entropy of "
        "(1/2, 1/2, 0) is 1 bit, not nan"
    )


@test_case(hidden=True)
def test_entropy_random(entropy):
    rng = np.random.default_rng(801)
    for n in (1, 2, 6, 40):
        p = rng.dirichlet(np.ones(n))
        want = float(-np.sum(p * np.log2(p)))
        got = entropy(p)
        assert np.isclose(got, want, rtol=1e-10, atol=1e-12), (
            "entropy is wrong on a random probability vector"
        )


@test_case(hidden=True)
def test_entropy_with_zeros(entropy):
    rng = np.random.default_rng(802)
    p = rng.dirichlet(np.ones(5))
    padded = np.zeros(9)
    padded[[0, 3, 4, 7, 8]] = p
    got = entropy(padded)
    assert np.isfinite(got), (
        "entropy must treat 0 log 0 as 0, not produce nan"
    )
    assert np.isclose(got, -np.sum(p * np.log2(p)), rtol=1e-10), (
        "outcomes of probability 0 must not change the entropy"
    )


@test_case(hidden=True)
def test_entropy_extremes(entropy):
    assert np.isclose(entropy([0.0, 1.0, 0.0]), 0.0, atol=1e-12), (
        "a certain outcome has entropy 0"
    )
    assert np.isclose(entropy([1]), 0.0, atol=1e-12), (
        "a single certain outcome has entropy 0"
    )
    for n in (3, 8, 50):
        assert np.isclose(entropy(np.full(n, 1.0 / n)), np.log2(n),
                          rtol=1e-10), (
            "n equally likely outcomes have entropy log2(n) bits"
        )


@test_case(hidden=True)
def test_entropy_bases(entropy):
    rng = np.random.default_rng(803)
    p = rng.dirichlet(np.ones(7))
    nats = float(-np.sum(p * np.log(p)))
    assert np.isclose(entropy(p, base=np.e), nats, rtol=1e-10), (
        "with base=np.e entropy is measured in nats (natural log)"
    )
    assert np.isclose(entropy(p, base=10), nats / np.log(10), rtol=1e-10), (
        "entropy ignores its base argument"
    )
    assert np.isclose(entropy(p, 2), nats / np.log(2), rtol=1e-10), (
        "entropy in base 2 is measured in bits"
    )


@test_case(hidden=True)
def test_entropy_independent_pairs_add(entropy):
    # Two independent outcomes: the joint distribution is the outer product,
    # and its entropy is the sum (the log turns the product into a sum).
    rng = np.random.default_rng(804)
    a, b = rng.dirichlet(np.ones(3)), rng.dirichlet(np.ones(4))
    joint = np.outer(a, b).ravel()
    assert np.isclose(entropy(joint), entropy(a) + entropy(b), rtol=1e-10), (
        "the entropy of two independent outcomes is the sum of their "
        "entropies"
    )


@test_case(hidden=True)
def test_entropy_invalid(entropy):
    for bad in ([], [0.5, 0.6], [1.2, -0.2], [0.3, 0.3, 0.3],
                [0.5, 0.5 + 1e-6]):
        try:
            entropy(bad)
        except ValueError:
            continue
        raise AssertionError(
            "entropy should raise ValueError unless p is a non-empty "
            "probability vector (entries >= 0, summing to 1 within 1e-9)"
        )


@test_case(hidden=True)
def test_entropy_keeps_input(entropy):
    p = np.array([0.25, 0.0, 0.75])
    got = entropy(p)
    assert np.ndim(got) == 0, "entropy should return a single number"
    want = -(0.25 * np.log2(0.25) + 0.75 * np.log2(0.75))
    assert np.isclose(float(got), want), "entropy is wrong"
    assert np.array_equal(p, [0.25, 0.0, 0.75]), (
        "entropy must not change its input"
    )

# %% [markdown]
# ## 3. Cross-entropy: believing q when the world is p
#
# Now the model enters. The world produces outcomes with probabilities $p$;
# the model believes they have probabilities $q$. When outcome $i$ happens,
# the **model's** surprise is $-\log q_i$ — it can only be surprised by its
# own beliefs — but outcome $i$ happens with the **world's** frequency
# $p_i$. The model's expected surprise is the **cross-entropy**
#
# $$H(p, q) = \sum_{i=1}^n p_i \,(-\log q_i)
#   = -\sum_{i=1}^n p_i \log q_i ,$$
#
# once more week 9's expected value: values $-\log q_i$, probabilities
# $p_i$. The two arguments play different roles, so their order matters:
# $p$ weighs, $q$ is surprised.
#
# **The coding picture.** A code designed for $q$ gives outcome $i$ a
# codeword of $-\log_2 q_i$ bits. Used on data that really come from $p$,
# its average length is $H(p, q)$ bits. The fixed 2-bit code for A, B, C, D
# is the code of the uniform belief $q = (\frac14, \frac14, \frac14,
# \frac14)$; on the distribution $(\frac12, \frac14, \frac18, \frac18)$ it
# costs $H(p, q) = 2$ bits per symbol instead of the 1.75 bits of the right
# code.
#
# Two edge cases follow from the formula:
#
# - $q_i = 0 < p_i$: the model called outcome $i$ **impossible**, and it
#   happens. Its surprise $-\log 0$ is infinite, and so is $H(p, q)$.
# - $p_i = 0$: outcome $i$ never happens, so the model's belief about it
#   costs nothing, even if $q_i = 0$ too ($0 \cdot \log 0 = 0$ again).
#
# **Which belief is best?** Fix a world, say a coin with $p = 0.3$ for
# heads, and try every belief $q$: which one has the smallest expected
# surprise?

# %% grading="skip"
p_heads = 0.3
h_p = -(p_heads * np.log2(p_heads) + (1 - p_heads) * np.log2(1 - p_heads))
qs = np.linspace(0.01, 0.99, 300)
h_pq = -(p_heads * np.log2(qs) + (1 - p_heads) * np.log2(1 - qs))
q_show = 0.7
h_show = -(p_heads * np.log2(q_show) + (1 - p_heads) * np.log2(1 - q_show))

fig, ax = plt.subplots(figsize=(7, 4.4))
ax.plot(qs, h_pq, "C0", lw=2, label="cross-entropy H(p, q)")
ax.axhline(h_p, color="gray", ls=":", label=f"entropy H(p) = {h_p:.3f}")
ax.plot(p_heads, h_p, "C3o", ms=8, label="minimum at q = p = 0.3")
ax.annotate("", xy=(q_show, h_p), xytext=(q_show, h_show),
            arrowprops={"arrowstyle": "<->", "color": "C2", "lw": 2})
ax.text(q_show + 0.02, (h_p + h_show) / 2,
        f"extra cost KL(p‖q)\n= {h_show - h_p:.3f} bits", color="C2")
ax.set(title="Expected surprise of a belief q about a coin with p = 0.3",
       xlabel="believed probability of heads q",
       ylabel="cross-entropy (bits)", ylim=(0, 4))
ax.legend(loc="upper center")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The curve is lowest exactly at $q = p$, where the cross-entropy equals the
# entropy: **no belief is less surprised on average than the truth**
# (Gibbs' inequality, $H(p, q) \ge H(p)$). That is why cross-entropy is a
# good training loss: minimising it pushes the model's $q$ towards the
# world's $p$. And it punishes overconfidence: as $q \to 0$ or $q \to 1$ the
# curve shoots up, because the model is then very surprised by the outcome
# it called unlikely.
#
# **The log turns the likelihood into a sum.** In practice we do not know
# $p$; we have data $x_1, \dots, x_N$ drawn from it. The likelihood of the
# data under the model is the product $\prod_k q_{x_k}$ — for thousands of
# examples it underflows to 0, as in week 6 — and its log is the sum
# $\sum_k \log q_{x_k}$. Divide by $-N$ and you get the model's **average
# surprise on the data**, a Monte Carlo estimate (week 9) of $H(p, q)$.
# Maximising the likelihood and minimising the cross-entropy are the same
# thing.

# %% grading="skip"
rng = np.random.default_rng(8)
p_world = np.array([0.5, 0.25, 0.125, 0.125])
q_model = np.array([0.4, 0.3, 0.2, 0.1])
data = rng.choice(4, size=5000, p=p_world)
print("likelihood as a product:", np.prod(q_model[data]))
log2_likelihood = np.sum(np.log2(q_model[data]))
print("average surprise on the data:", -log2_likelihood / data.size)
print("cross-entropy H(p, q):", -np.sum(p_world * np.log2(q_model)))

# %% [markdown]
# The product is 0.0 in floating point, useless; the sum of logs is fine,
# and the average surprise on 5000 examples matches $H(p, q)$ up to Monte
# Carlo error (week 9's $1/\sqrt n$).
#
# ### Exercise 2: `cross_entropy(p, q, base=2)`
#
# Return $-\sum_i p_i \log_b q_i$ as a float, where the terms with
# $p_i = 0$ count as 0, and return `inf` (`float("inf")`) when some
# $q_i = 0 < p_i$. Both `p` and `q` must be probability vectors of the same
# length: raise `ValueError` otherwise (same rules as `entropy`).

# %% question="cross_entropy"
def cross_entropy(p, q, base=2):
    """Cross-entropy -sum p log_base q; inf where q = 0 < p; 0 log 0 = 0.

    ValueError unless p and q are probability vectors of the same length.
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.ndim != 1 or p.size == 0 or q.shape != p.shape:
        raise ValueError("p and q must be non-empty vectors of one length")
    for name, v in (("p", p), ("q", q)):
        if np.any(v < 0) or abs(np.sum(v) - 1.0) > 1e-9:
            raise ValueError(f"{name} must be non-negative and sum to 1")
    if not (base > 0 and base != 1):
        raise ValueError(f"the base must be positive and not 1, got {base}")
    support = p > 0  # outcomes that happen; the others cost nothing
    if np.any(q[support] == 0):
        return float("inf")  # an outcome believed impossible happens
    return float(-np.sum(p[support] * np.log(q[support])) / np.log(base))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Work only on the outcomes that happen, `support = p > 0`. If any
# `q[support]` is 0, return `float("inf")`. Otherwise the answer is
# `-np.sum(p[support] * np.log(q[support])) / np.log(base)`. Mind the
# order: `p` weighs, `q` goes inside the log.
# </details>

# %% tests="cross_entropy"
import numpy as np


@test_case(hidden=False)
def test_cross_entropy_fixed_code(cross_entropy):
    got = cross_entropy([0.5, 0.25, 0.125, 0.125], [0.25] * 4)
    assert np.isclose(got, 2.0), (
        "the uniform belief costs 2 bits per symbol: H(p, q) = 2"
    )


@test_case(hidden=False)
def test_cross_entropy_of_the_truth_is_entropy(cross_entropy):
    got = cross_entropy([0.5, 0.25, 0.125, 0.125],
                        [0.5, 0.25, 0.125, 0.125])
    assert np.isclose(got, 1.75), "H(p, p) is the entropy H(p) = 1.75 bits"


@test_case(hidden=False)
def test_cross_entropy_impossible_outcome(cross_entropy):
    got = cross_entropy([0.5, 0.5], [1.0, 0.0])
    assert got == float("inf"), (
        "q says the second outcome is impossible but p says it happens: the "
        "cross-entropy is inf"
    )


@test_case(hidden=True)
def test_cross_entropy_random(cross_entropy):
    rng = np.random.default_rng(811)
    for n in (1, 2, 5, 30):
        p, q = rng.dirichlet(np.ones(n), size=2)
        want = float(-np.sum(p * np.log2(q)))
        got = cross_entropy(p, q)
        assert np.isclose(got, want, rtol=1e-10, atol=1e-12), (
            "cross_entropy is wrong on random probability vectors"
        )


@test_case(hidden=True)
def test_cross_entropy_argument_order(cross_entropy):
    p = np.array([0.9, 0.1])
    q = np.array([0.5, 0.5])
    assert np.isclose(cross_entropy(p, q), 1.0), (
        "H(p, q) = -sum p log q: with q = (1/2, 1/2) every outcome costs 1 "
        "bit"
    )
    want = -(0.5 * np.log2(0.9) + 0.5 * np.log2(0.1))
    assert np.isclose(cross_entropy(q, p), want), (
        "the first argument p weighs the outcomes, the second q is inside "
        "the log"
    )


@test_case(hidden=True)
def test_cross_entropy_zero_probabilities(cross_entropy):
    got = cross_entropy([0.0, 0.5, 0.5], [0.0, 0.25, 0.75])
    want = -(0.5 * np.log2(0.25) + 0.5 * np.log2(0.75))
    assert np.isfinite(got), (
        "an outcome with p = 0 costs nothing, even where q = 0 too "
        "(0 log 0 = 0)"
    )
    assert np.isclose(got, want), "cross_entropy is wrong where p has zeros"
    got = cross_entropy([0.0, 1.0], [0.6, 0.4])
    assert np.isclose(got, -np.log2(0.4)), (
        "an outcome that never happens costs nothing, whatever q says"
    )


@test_case(hidden=True)
def test_cross_entropy_infinite(cross_entropy):
    rng = np.random.default_rng(812)
    p = rng.dirichlet(np.ones(5))
    q = rng.dirichlet(np.ones(5))
    q[2] = 0.0
    q = q / q.sum()
    got = cross_entropy(p, q)
    assert got == float("inf"), (
        "where q = 0 < p the cross-entropy is inf (not a large finite number "
        "and not nan)"
    )


@test_case(hidden=True)
def test_cross_entropy_gibbs(cross_entropy):
    # H(p, q) >= H(p), with equality at q = p.
    rng = np.random.default_rng(813)
    p = rng.dirichlet(np.ones(6))
    h = -np.sum(p * np.log2(p))
    assert np.isclose(cross_entropy(p, p), h, rtol=1e-10), (
        "the cross-entropy of p with itself is the entropy of p"
    )
    for _ in range(5):
        q = rng.dirichlet(np.ones(6))
        assert cross_entropy(p, q) > h, (
            "a wrong belief q should always cost more than the entropy"
        )


@test_case(hidden=True)
def test_cross_entropy_bases(cross_entropy):
    rng = np.random.default_rng(814)
    p, q = rng.dirichlet(np.ones(4), size=2)
    nats = float(-np.sum(p * np.log(q)))
    assert np.isclose(cross_entropy(p, q, base=np.e), nats, rtol=1e-10), (
        "with base=np.e the cross-entropy is measured in nats"
    )
    assert np.isclose(cross_entropy(p, q, 10), nats / np.log(10),
                      rtol=1e-10), "cross_entropy ignores its base argument"


@test_case(hidden=True)
def test_cross_entropy_invalid(cross_entropy):
    for p, q in (([], []), ([0.5, 0.5], [0.2, 0.3, 0.5]),
                 ([0.5, 0.5], [0.5, 0.7]), ([0.6, 0.6], [0.5, 0.5]),
                 ([1.5, -0.5], [0.5, 0.5]), ([0.5, 0.5], [1.5, -0.5])):
        try:
            cross_entropy(p, q)
        except ValueError:
            continue
        raise AssertionError(
            "cross_entropy should raise ValueError unless p and q are "
            "probability vectors of the same length"
        )


@test_case(hidden=True)
def test_cross_entropy_rejects_total_below_one(cross_entropy):
    # 1e-6 is a thousand times the allowed 1e-9.
    for p, q in (([0.3, 0.3, 0.3], [0.2, 0.3, 0.5]),
                 ([0.2, 0.3, 0.5], [0.3, 0.3, 0.3]),
                 ([0.5, 0.5 - 1e-6], [0.5, 0.5]),
                 ([0.5, 0.5], [0.5 - 1e-6, 0.5])):
        try:
            cross_entropy(p, q)
        except ValueError:
            continue
        raise AssertionError(
            "cross_entropy should raise ValueError when p or q adds up to "
            "less than 1 (by more than 1e-9), not only to more than 1"
        )


@test_case(hidden=True)
def test_cross_entropy_keeps_inputs(cross_entropy):
    p = np.array([0.5, 0.5, 0.0])
    q = np.array([0.25, 0.5, 0.25])
    got = cross_entropy(p, q)
    assert np.ndim(got) == 0, "cross_entropy should return a single number"
    assert np.isclose(float(got), 1.5), "cross_entropy is wrong"
    assert np.array_equal(p, [0.5, 0.5, 0.0]) and np.array_equal(
        q, [0.25, 0.5, 0.25]), "cross_entropy must not change its inputs"

# %% [markdown]
# ## 4. KL divergence: the price of the wrong belief
#
# The figure above split the cross-entropy into two parts: the entropy
# $H(p)$, the surprise that even the perfect belief cannot avoid, and the
# gap above it, the **extra** surprise caused by believing $q$ instead of
# $p$. That gap is the **Kullback–Leibler divergence**:
#
# $$\operatorname{KL}(p \,\|\, q) = H(p, q) - H(p)
#   = \sum_{i=1}^n p_i \log \frac{p_i}{q_i} .$$
#
# In coding terms: the extra bits per symbol you pay for using the code of
# $q$ on data from $p$ — 2 − 1.75 = 0.25 bits for the fixed-length code
# above. Gibbs' inequality says $\operatorname{KL}(p \,\|\, q) \ge 0$, with
# 0 only for $q = p$. The same conventions apply: terms with $p_i = 0$ are
# 0, and $q_i = 0 < p_i$ makes it infinite.
#
# Since $H(p)$ does not depend on the model, minimising the cross-entropy
# over $q$ is the same as minimising the KL divergence: training a
# classifier pulls its beliefs towards the data's distribution in the KL
# sense. KL also appears by name in ML: in variational autoencoders, in
# knowledge distillation, and in keeping a fine-tuned language model close
# to the original.
#
# **It is not a distance.** KL measures from $p$'s point of view: it
# averages over outcomes weighted by $p$. Swap the roles and you get a
# different number. How different, for a coin?

# %% grading="skip"
def kl_coin(a, b):
    """KL(coin a || coin b) in bits, for probabilities of heads in (0, 1)."""
    return a * np.log2(a / b) + (1 - a) * np.log2((1 - a) / (1 - b))


p_coin = 0.1
qs = np.linspace(0.005, 0.995, 400)
fig, ax = plt.subplots(figsize=(7, 4.4))
ax.plot(qs, kl_coin(p_coin, qs), "C0", lw=2, label="KL(p ‖ q)")
ax.plot(qs, kl_coin(qs, p_coin), "C1--", lw=2, label="KL(q ‖ p)")
ax.axvline(p_coin, color="gray", ls=":", label="q = p = 0.1: both are 0")
ax.set(title="KL divergence is not symmetric (a coin with p = 0.1)",
       xlabel="believed probability of heads q",
       ylabel="KL divergence (bits)", ylim=(0, 4))
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Both curves touch 0 at $q = p$, and they disagree everywhere else. Near
# $q = 1$, $\operatorname{KL}(p \,\|\, q)$ explodes: the world produces
# tails 90 % of the time and the belief calls tails nearly impossible.
# $\operatorname{KL}(q \,\|\, p)$ stays finite there: measured from $q$'s
# point of view (always heads), the world's $p = 0.1$ for heads is unlikely
# but not impossible. In between, too, the two directions give different
# numbers. The direction $\operatorname{KL}(\text{data} \,\|\,
# \text{model})$, the one cross-entropy training minimises, punishes a model
# hardest for **missing** outcomes that really happen.
#
# **Worked example.** For $p = (0.8, 0.1, 0.1)$ and the uniform
# $u = (\frac13, \frac13, \frac13)$:
# $\operatorname{KL}(p \,\|\, u) = \log_2 3 - H(p) \approx 0.663$ bits, but
# $\operatorname{KL}(u \,\|\, p) \approx 0.737$ bits.

# %% grading="skip"
p_peak = np.array([0.8, 0.1, 0.1])
uniform = np.full(3, 1 / 3)
print("KL(p || u):", np.sum(p_peak * np.log2(p_peak / uniform)))
print("KL(u || p):", np.sum(uniform * np.log2(uniform / p_peak)))
print("H(p, u) - H(p):", np.log2(3) + np.sum(p_peak * np.log2(p_peak)))

# %% [markdown]
# ### Exercise 3: `kl_divergence(p, q, base=2)`
#
# Return $\sum_i p_i \log_b (p_i / q_i)$ as a float: terms with $p_i = 0$
# count as 0, and the result is `inf` when some $q_i = 0 < p_i$. Same
# `ValueError` rules as `cross_entropy`. (You may compute it directly, or as
# $H(p, q) - H(p)$.)

# %% question="kl_divergence"
def kl_divergence(p, q, base=2):
    """KL(p || q) = sum p log_base(p / q); inf where q = 0 < p; 0 log 0 = 0.

    ValueError unless p and q are probability vectors of the same length.
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.ndim != 1 or p.size == 0 or q.shape != p.shape:
        raise ValueError("p and q must be non-empty vectors of one length")
    for name, v in (("p", p), ("q", q)):
        if np.any(v < 0) or abs(np.sum(v) - 1.0) > 1e-9:
            raise ValueError(f"{name} must be non-negative and sum to 1")
    if not (base > 0 and base != 1):
        raise ValueError(f"the base must be positive and not 1, got {base}")
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    ratio = p[support] / q[support]
    return float(np.sum(p[support] * np.log(ratio)) / np.log(base))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# The same skeleton as `cross_entropy`: checks, `support = p > 0`, `inf`
# if `q[support]` has a zero. Then
# `np.sum(p[support] * np.log(p[support] / q[support])) / np.log(base)`.
# The ratio is $p/q$, not $q/p$: a wrong belief must cost **more**, so the
# result is never negative.
# </details>

# %% tests="kl_divergence"
import numpy as np


@test_case(hidden=False)
def test_kl_fixed_code(kl_divergence):
    got = kl_divergence([0.5, 0.25, 0.125, 0.125], [0.25] * 4)
    assert np.isclose(got, 0.25), (
        "the fixed 2-bit code costs 2 - 1.75 = 0.25 extra bits per symbol"
    )


@test_case(hidden=False)
def test_kl_of_the_truth_is_zero(kl_divergence):
    got = kl_divergence([0.8, 0.1, 0.1], [0.8, 0.1, 0.1])
    assert np.isclose(got, 0.0, atol=1e-12), "KL(p || p) = 0"


@test_case(hidden=True)
def test_kl_random(kl_divergence):
    rng = np.random.default_rng(821)
    for n in (1, 2, 5, 30):
        p, q = rng.dirichlet(np.ones(n), size=2)
        want = float(np.sum(p * np.log2(p / q)))
        got = kl_divergence(p, q)
        assert np.isclose(got, want, rtol=1e-9, atol=1e-12), (
            "kl_divergence is wrong on random probability vectors"
        )


@test_case(hidden=True)
def test_kl_asymmetric(kl_divergence):
    p = np.array([0.8, 0.1, 0.1])
    u = np.full(3, 1.0 / 3.0)
    forward = kl_divergence(p, u)
    backward = kl_divergence(u, p)
    assert np.isclose(forward, np.log2(3) + np.sum(p * np.log2(p))), (
        "KL(p || u) for the peaked p and the uniform u is wrong"
    )
    assert np.isclose(backward, np.sum(u * np.log2(u / p))), (
        "KL(u || p) is wrong: the first argument weighs the outcomes"
    )


@test_case(hidden=True)
def test_kl_non_negative_and_decomposition(kl_divergence):
    # KL(p || q) = H(p, q) - H(p) >= 0, zero only at q = p.
    rng = np.random.default_rng(822)
    for _ in range(6):
        p, q = rng.dirichlet(np.ones(5), size=2)
        got = kl_divergence(p, q)
        assert got > 0, "KL(p || q) is positive when q differs from p"
        gap = -np.sum(p * np.log2(q)) + np.sum(p * np.log2(p))
        assert np.isclose(got, gap, rtol=1e-9), (
            "KL(p || q) should equal the cross-entropy minus the entropy"
        )
    p = rng.dirichlet(np.ones(7))
    assert abs(kl_divergence(p, p)) < 1e-12, "KL(p || p) should be 0"


@test_case(hidden=True)
def test_kl_zero_probabilities(kl_divergence):
    got = kl_divergence([0.5, 0.5, 0.0], [0.25, 0.25, 0.5])
    assert np.isfinite(got) and np.isclose(got, 1.0), (
        "outcomes with p = 0 add nothing (0 log 0 = 0)"
    )
    got = kl_divergence([0.0, 0.5, 0.5], [0.0, 0.5, 0.5])
    assert np.isclose(got, 0.0, atol=1e-12), (
        "an outcome with p = q = 0 adds nothing: KL(p || p) = 0"
    )


@test_case(hidden=True)
def test_kl_infinite(kl_divergence):
    got = kl_divergence([0.3, 0.7], [1.0, 0.0])
    assert got == float("inf"), (
        "where q = 0 < p the KL divergence is inf"
    )
    got = kl_divergence([1.0, 0.0], [0.3, 0.7])
    assert np.isclose(got, -np.log2(0.3)), (
        "where p = 0 < q the term is 0, so the result is finite"
    )


@test_case(hidden=True)
def test_kl_bases(kl_divergence):
    rng = np.random.default_rng(823)
    p, q = rng.dirichlet(np.ones(4), size=2)
    nats = float(np.sum(p * np.log(p / q)))
    assert np.isclose(kl_divergence(p, q, base=np.e), nats, rtol=1e-9), (
        "with base=np.e the KL divergence is measured in nats"
    )
    assert np.isclose(kl_divergence(p, q, 10), nats / np.log(10),
                      rtol=1e-9), "kl_divergence ignores its base argument"


@test_case(hidden=True)
def test_kl_invalid(kl_divergence):
    for p, q in (([], []), ([0.5, 0.5], [0.2, 0.3, 0.5]),
                 ([0.5, 0.5], [0.5, 0.7]), ([0.6, 0.6], [0.5, 0.5]),
                 ([1.5, -0.5], [0.5, 0.5]), ([0.5, 0.5], [1.5, -0.5])):
        try:
            kl_divergence(p, q)
        except ValueError:
            continue
        raise AssertionError(
            "kl_divergence should raise ValueError unless p and q are "
            "probability vectors of the same length"
        )


@test_case(hidden=True)
def test_kl_rejects_total_below_one(kl_divergence):
    # 1e-6 is a thousand times the allowed 1e-9.
    for p, q in (([0.3, 0.3, 0.3], [0.2, 0.3, 0.5]),
                 ([0.2, 0.3, 0.5], [0.3, 0.3, 0.3]),
                 ([0.5, 0.5 - 1e-6], [0.5, 0.5]),
                 ([0.5, 0.5], [0.5 - 1e-6, 0.5])):
        try:
            kl_divergence(p, q)
        except ValueError:
            continue
        raise AssertionError(
            "kl_divergence should raise ValueError when p or q adds up to "
            "less than 1 (by more than 1e-9), not only to more than 1"
        )


@test_case(hidden=True)
def test_kl_keeps_inputs(kl_divergence):
    p = np.array([0.5, 0.5])
    q = np.array([0.25, 0.75])
    got = kl_divergence(p, q)
    assert np.ndim(got) == 0, "kl_divergence should return a single number"
    want = 0.5 * np.log2(2.0) + 0.5 * np.log2(0.5 / 0.75)
    assert np.isclose(float(got), want), "kl_divergence is wrong"
    assert np.array_equal(p, [0.5, 0.5]) and np.array_equal(
        q, [0.25, 0.75]), "kl_divergence must not change its inputs"

# %% [markdown]
# ## 5. Binary cross-entropy: the loss of a yes/no classifier
#
# A spam filter sees an email and outputs $\hat y$, its probability that the
# email is spam. The truth is a label $y \in \{0, 1\}$. For this one
# example, the world's distribution over (not spam, spam) is certain,
# $(1 - y, y)$, and the model's belief is $(1 - \hat y, \hat y)$. The
# cross-entropy between them has a single surviving term, the model's
# surprise at the true label:
#
# $$\ell(y, \hat y) = -\big(y \log \hat y + (1 - y) \log(1 - \hat y)\big)
#   = \begin{cases} -\log \hat y & y = 1,\\
#                   -\log(1 - \hat y) & y = 0. \end{cases}$$
#
# Averaged over a data set of $N$ examples, it is the **binary
# cross-entropy**, or **log loss**:
#
# $$\text{BCE} = \frac1N \sum_{k=1}^N \ell(y_k, \hat y_k) ,$$
#
# which is also the negative log-likelihood of the labels divided by $N$
# (section 3: the log turns the product over examples into this sum). ML
# libraries use the **natural** log here, so the loss is in nats, and they
# take the **mean**, not the sum, so the loss does not grow with the size of
# the data set and a learning rate works for any batch size.
#
# One practical detail. A model that outputs exactly $\hat y = 0$ for a
# spam email has infinite loss, and its gradient blows up to `inf` or
# `nan` — one such example ruins a whole training run. Libraries therefore **clip** the
# probabilities to $[\varepsilon, 1 - \varepsilon]$ before the log: the
# worst loss per example is then $-\log \varepsilon$, about 27.6 for
# $\varepsilon = 10^{-12}$. How does the loss of one example depend on the
# prediction?

# %% grading="skip"
y_hat = np.linspace(0.001, 0.999, 400)
fig, ax = plt.subplots(figsize=(7, 4.4))
ax.plot(y_hat, -np.log(y_hat), "C3", lw=2, label="true label y = 1: −ln ŷ")
ax.plot(y_hat, -np.log(1 - y_hat), "C0", lw=2,
        label="true label y = 0: −ln(1 − ŷ)")
ax.set(title="Binary cross-entropy of one example",
       xlabel="predicted probability of class 1, ŷ",
       ylabel="loss (nats)", ylim=(0, 5))
ax.legend(loc="upper center")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# A confident correct prediction costs almost nothing; a hesitant one
# ($\hat y = 0.5$) costs $\ln 2 \approx 0.69$ whatever the label; a
# confident **wrong** one costs a lot, and more without bound as the
# confidence grows. The loss does not just count mistakes: it asks the model
# to be honest about its uncertainty.
#
# **Worked example.** Labels $y = (1, 0, 1)$, predictions
# $\hat y = (0.9, 0.2, 0.6)$: the losses are $-\ln 0.9 \approx 0.105$,
# $-\ln 0.8 \approx 0.223$, $-\ln 0.6 \approx 0.511$, and their mean is
# about $0.280$. And a label 1 predicted as exactly 0, clipped to
# $\varepsilon = 10^{-12}$, costs $-\ln 10^{-12} \approx 27.63$.

# %% grading="skip"
y_true_demo = np.array([1, 0, 1])
y_prob_demo = np.array([0.9, 0.2, 0.6])
per_example = -(y_true_demo * np.log(y_prob_demo)
                + (1 - y_true_demo) * np.log(1 - y_prob_demo))
print("per example:", per_example, " mean:", per_example.mean())
print("clipped worst case:", -np.log(1e-12))

# %% [markdown]
# ### Exercise 4: `binary_cross_entropy(y_true, y_prob, eps=1e-12)`
#
# `y_true` holds labels 0 or 1, `y_prob` the predicted probabilities of
# label 1, one per example. Clip `y_prob` to $[\varepsilon, 1 -
# \varepsilon]$ with the `eps` you are given, then return the **mean** over
# the examples of $-\big(y \ln \hat y + (1 - y) \ln(1 - \hat y)\big)$, with
# the natural log, as a float. Raise `ValueError` if the inputs are empty or
# have different shapes, and do not change them.

# %% question="binary_cross_entropy"
def binary_cross_entropy(y_true, y_prob, eps=1e-12):
    """Mean over examples of -(y ln p + (1 - y) ln(1 - p)), as a float.

    p is y_prob clipped to [eps, 1 - eps]; natural log.

    ValueError if the inputs are empty or have different shapes.
    """
    # BEGIN SOLUTION
    y = np.asarray(y_true, dtype=float)
    prob = np.asarray(y_prob, dtype=float)
    if y.size == 0 or y.shape != prob.shape:
        raise ValueError("y_true and y_prob must be non-empty, same shape")
    prob = np.clip(prob, eps, 1.0 - eps)  # a new array: y_prob is kept
    losses = -(y * np.log(prob) + (1.0 - y) * np.log(1.0 - prob))
    return float(np.mean(losses))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `np.clip(prob, eps, 1 - eps)` clips both ends at once (and returns a new
# array). Then compute the per-example losses with `np.log` — the natural
# log — and return `float(np.mean(losses))`.
# </details>

# %% tests="binary_cross_entropy"
import numpy as np


@test_case(hidden=False)
def test_bce_worked_example(binary_cross_entropy):
    got = binary_cross_entropy([1, 0, 1], [0.9, 0.2, 0.6])
    want = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3
    assert np.isclose(got, want), (
        "the binary cross-entropy of this example is the mean of -ln 0.9, "
        "-ln 0.8 and -ln 0.6 (about 0.280; natural log, mean not sum)"
    )


@test_case(hidden=False)
def test_bce_clipped(binary_cross_entropy):
    got = binary_cross_entropy([1], [0.0])
    assert np.isfinite(got), (
        "y_prob = 0 for a label 1 must be clipped to eps before the log"
    )
    assert np.isclose(got, -np.log(1e-12), rtol=1e-6), (
        "clipped to eps = 1e-12 the loss is -ln(1e-12), about 27.63"
    )


@test_case(hidden=True)
def test_bce_random(binary_cross_entropy):
    rng = np.random.default_rng(831)
    for n in (1, 4, 100):
        y = rng.integers(0, 2, size=n)
        prob = rng.uniform(0.01, 0.99, size=n)
        want = float(-np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob)))
        got = binary_cross_entropy(y, prob)
        assert np.isclose(got, want, rtol=1e-10, atol=1e-12), (
            "binary_cross_entropy is wrong on random labels and "
            "probabilities"
        )


@test_case(hidden=True)
def test_bce_is_a_mean(binary_cross_entropy):
    rng = np.random.default_rng(832)
    y = rng.integers(0, 2, size=10)
    prob = rng.uniform(0.05, 0.95, size=10)
    once = binary_cross_entropy(y, prob)
    five_times = binary_cross_entropy(np.tile(y, 5), np.tile(prob, 5))
    assert np.isclose(once, five_times, rtol=1e-10), (
        "the loss is a mean over examples: repeating the data set must not "
        "change it"
    )


@test_case(hidden=True)
def test_bce_natural_log(binary_cross_entropy):
    got = binary_cross_entropy([1, 0], [0.5, 0.5])
    assert np.isclose(got, np.log(2.0)), (
        "a prediction of 0.5 costs ln 2 (natural log), whatever the label"
    )


@test_case(hidden=True)
def test_bce_both_labels_count(binary_cross_entropy):
    got = binary_cross_entropy([0, 0, 0], [0.1, 0.5, 0.9])
    want = -np.mean(np.log([0.9, 0.5, 0.1]))
    assert np.isclose(got, want, rtol=1e-10), (
        "for label 0 the loss is -ln(1 - y_prob)"
    )
    got = binary_cross_entropy([1, 1], [0.25, 0.8])
    assert np.isclose(got, -np.mean(np.log([0.25, 0.8])), rtol=1e-10), (
        "for label 1 the loss is -ln(y_prob)"
    )


@test_case(hidden=True)
def test_bce_clips_both_ends(binary_cross_entropy):
    # 1 - (1 - 1e-12) is not exactly 1e-12 in floating point: rtol 1e-4.
    got = binary_cross_entropy([1, 0], [0.0, 1.0])
    assert np.isfinite(got), (
        "probabilities of exactly 0 or 1 must be clipped (no inf, no nan)"
    )
    assert np.isclose(got, -np.log(1e-12), rtol=1e-4), (
        "confidently wrong predictions, clipped to [eps, 1 - eps], cost "
        "-ln(eps) each"
    )
    got = binary_cross_entropy([1, 0], [1.0, 0.0])
    assert np.isfinite(got) and 0 <= got < 1e-9, (
        "perfect predictions of exactly 1 and 0 cost (almost) nothing, and "
        "must not give nan"
    )


@test_case(hidden=True)
def test_bce_uses_eps(binary_cross_entropy):
    got = binary_cross_entropy([1, 0], [0.0, 1.0], eps=1e-3)
    assert np.isclose(got, -np.log(1e-3), rtol=1e-9), (
        "binary_cross_entropy should clip with the eps it is given"
    )
    got = binary_cross_entropy([0, 1], [0.0005, 0.9995], eps=1e-3)
    assert np.isclose(got, -np.log(1 - 1e-3), rtol=1e-9), (
        "clipping moves probabilities into [eps, 1 - eps] at both ends"
    )


@test_case(hidden=True)
def test_bce_label_types(binary_cross_entropy):
    want = -np.mean(np.log([0.7, 0.6, 0.8]))
    for labels in ([True, False, True], np.array([1.0, 0.0, 1.0]),
                   np.array([1, 0, 1], dtype=np.int8)):
        got = binary_cross_entropy(labels, np.array([0.7, 0.4, 0.8]))
        assert np.isclose(got, want, rtol=1e-10), (
            "labels given as booleans, floats or small integers must work"
        )


@test_case(hidden=True)
def test_bce_invalid(binary_cross_entropy):
    for y, prob in (([], []), ([1, 0], [0.5]), ([1], [0.2, 0.8])):
        try:
            binary_cross_entropy(y, prob)
        except ValueError:
            continue
        raise AssertionError(
            "binary_cross_entropy should raise ValueError for empty inputs or "
            "inputs of different shapes"
        )


@test_case(hidden=True)
def test_bce_keeps_inputs(binary_cross_entropy):
    y = np.array([1.0, 0.0])
    prob = np.array([1.0, 0.25])
    got = binary_cross_entropy(y, prob)
    assert np.ndim(got) == 0, "binary_cross_entropy returns a single number"
    assert np.isclose(float(got), -np.log(0.75) / 2, rtol=1e-6), (
        "binary_cross_entropy is wrong"
    )
    assert np.array_equal(prob, [1.0, 0.25]), (
        "binary_cross_entropy must not change y_prob (clip a copy)"
    )
    assert np.array_equal(y, [1.0, 0.0]), (
        "binary_cross_entropy must not change y_true"
    )

# %% [markdown]
# ## Summary
#
# - The **surprise** of an outcome of probability $p$ is $-\log p$: zero
#   for certain events, infinite for impossible ones, and additive because
#   the log turns products of probabilities into sums.
# - **Entropy** $H(p)$ is the expected surprise, the average number of bits
#   of the best code; it is largest for the uniform distribution.
# - **Cross-entropy** $H(p, q)$ is the expected surprise of a belief $q$ in
#   a world $p$. It is smallest, equal to $H(p)$, when $q = p$; on data it
#   is the average negative log-likelihood.
# - **KL divergence** $\operatorname{KL}(p \,\|\, q) = H(p, q) - H(p) \ge 0$
#   is the price of the wrong belief; it is not symmetric.
# - **Binary cross-entropy** is the mean surprise of a classifier at the
#   true labels, in nats, with clipping so that no example costs infinity.
#
# Next week: a classifier with many classes turns its raw scores into a
# probability vector $q$ with the **softmax**, and its loss is the
# cross-entropy between the one-hot label and $q$.
