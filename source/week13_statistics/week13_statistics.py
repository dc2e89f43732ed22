# %% [markdown]
# # Week 13 — Maximum likelihood and logistic regression
#
# **Why this week matters.** Where do loss functions come from? The mean
# squared error of week 8 and the cross-entropy of week 12 were handed to
# you; this week you will see that both fall out of one principle,
# **maximum likelihood**:
#
# > choose the parameters under which the data you observed is the least
# > surprising.
#
# "Surprise" is week 11's $-\log p$, so the principle says: minimize the
# total surprise $-\sum_i \log p_\theta(x_i)$, the **negative
# log-likelihood**. Every time you call `.fit()` on a probabilistic model,
# this is what runs underneath.
#
# You will apply it twice. First to the simplest model of all, a Gaussian
# bell curve, where the answer can be found with pen and paper (and holds a
# small surprise about dividing by $n$ or $n - 1$). Then to a classifier:
# **logistic regression**, a single neuron with a sigmoid, trained by
# week 8's gradient descent. It is the smallest neural network there is,
# and next week's network is several of them stacked.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `gaussian_mle` | the best-fitting bell curve | fitting distributions |
# | `sigmoid` | squashes a score into a probability | binary classifiers |
# | `logistic_loss` | mean surprise at the true labels | training |
# | `logistic_grad` | "predicted minus true", per feature | backpropagation |
# | `fit_logistic_regression` | downhill from w = 0 | a one-neuron net |
#
# Notation: `x` is a sample of numbers; `X` is a data matrix of shape
# `(N, d)` whose rows are samples and whose **first column is all ones**
# (the bias column, so the bias is simply `w[0]`); `y` holds labels in
# $\{0, 1\}$; `w` is the weight vector; `lr` and `n_steps` as in week 8.

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Likelihood: how surprising is the data?
#
# Suppose we measured the reaction times of 40 users (in tenths of a
# second) and want a model: a Gaussian bell curve with mean $\mu$ and
# variance $\sigma^2$,
#
# $$p(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}
#   \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr).$$
#
# Which $\mu$ and $\sigma^2$? Each candidate assigns a density to every
# observation. If the observations are independent, the **likelihood** of
# the whole sample is the product $\prod_i p(x_i \mid \mu, \sigma^2)$: high
# when the curve puts its mass where the data are, tiny when the data sit
# in its tails. Maximum likelihood picks the parameters that make it
# largest.
#
# As in week 6, we never compute the product itself (for a few thousand
# samples it underflows to 0). The logarithm turns it into a sum, and since
# $\log$ is increasing, the best parameters do not change:
#
# $$\log L(\mu, \sigma^2) = \sum_{i=1}^n \log p(x_i \mid \mu, \sigma^2)
#   = -\frac n2 \log(2\pi\sigma^2)
#     - \frac{1}{2\sigma^2}\sum_{i=1}^n (x_i - \mu)^2.$$
#
# Let us look at it as a function of $\mu$, with $\sigma$ held fixed. Which
# $\mu$ wins?

# %% grading="skip"
rng = np.random.default_rng(10)
times = rng.normal(loc=4.2, scale=1.3, size=40)
sigma_fixed = times.std()


def gauss_logpdf(x, mu, var):
    return -0.5 * np.log(2 * np.pi * var) - (x - mu) ** 2 / (2 * var)


mus = np.linspace(2.0, 6.5, 300)
log_lik = [np.sum(gauss_logpdf(times, mu, sigma_fixed**2)) for mu in mus]
grid = np.linspace(0, 8.5, 300)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.3))
ax1.hist(times, bins=12, density=True, color="lightgray", label="data")
ax1.plot(times, np.zeros_like(times), "k|", ms=12)
for mu, color in [(2.8, "C1"), (times.mean(), "C0"), (5.6, "C2")]:
    ax1.plot(grid, np.exp(gauss_logpdf(grid, mu, sigma_fixed**2)),
             color=color, lw=2, label=f"μ = {mu:.2f}")
ax1.set(title="Three candidate bell curves", xlabel="reaction time x",
        ylabel="density")
ax1.legend(fontsize=8)
ax2.plot(mus, log_lik, "C0", lw=2)
ax2.axvline(times.mean(), color="C3", ls="--",
            label=f"sample mean {times.mean():.2f}")
ax2.set(title="Log-likelihood of the 40 samples", xlabel="mean μ",
        ylabel="log L(μ)")
ax2.legend()
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# The log-likelihood is a downward parabola in $\mu$, and its peak sits
# exactly at the **sample mean**. The algebra agrees: only the last term of
# $\log L$ depends on $\mu$, and $\sum_i (x_i - \mu)^2$ is smallest where its
# derivative $-2\sum_i (x_i - \mu)$ vanishes, that is at
# $\hat\mu = \frac1n \sum_i x_i$. (Maximizing a Gaussian likelihood is
# minimizing a sum of squares: this is why week 8's mean squared error is
# the maximum-likelihood loss for measurements with Gaussian noise.)
#
# Setting the derivative with respect to $\sigma^2$ to zero as well,
# $-\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4}\sum_i (x_i - \hat\mu)^2 = 0$,
# gives the maximum-likelihood variance
#
# $$\hat\sigma^2 = \frac1n \sum_{i=1}^n (x_i - \hat\mu)^2.$$
#
# **Likelihood and cross-entropy.** Divide the negative log-likelihood by
# $n$: $-\frac1n \sum_i \log q_\theta(x_i)$ is the average surprise of the
# model $q_\theta$ on the data, which is week 11's cross-entropy
# $H(\hat p, q_\theta)$ between the *data's* distribution $\hat p$ (each
# observation with weight $1/n$) and the model. So maximum likelihood and
# "minimize the cross-entropy" are the same instruction, and week 12's loss
# was maximum likelihood all along.
#
# ## 2. Divide by $n$ or by $n - 1$?
#
# Statistics books often divide by $n - 1$ instead (the "sample variance";
# `ddof=1` in numpy, and the default of pandas' `.var()`). Both are
# reasonable, they answer different questions:
#
# - $\frac1n$ is the **maximum-likelihood** estimate: the variance of the
#   bell curve that makes *this* sample least surprising. It is also what
#   `np.var` computes by default.
# - $\frac{1}{n-1}$ is **unbiased**: averaged over many samples it hits the
#   true variance. The deviations $x_i - \hat\mu$ are measured from the
#   sample's own mean, which sits in the middle of those very points, so
#   they are a little smaller than the deviations from the true mean would
#   be. On average the ML estimate is too small by the factor
#   $\frac{n-1}{n}$.
#
# For large $n$ the two agree; for tiny samples the difference is visible.
# A simulation with samples of size 5 from a distribution of variance 1:

# %% grading="skip"
rng = np.random.default_rng(11)
samples = rng.normal(size=(20000, 5))
print("average ML variance (divide by n):    ",
      samples.var(axis=1, ddof=0).mean().round(3))
print("average sample variance (n - 1):      ",
      samples.var(axis=1, ddof=1).mean().round(3))
print("(n - 1) / n =", 4 / 5)

# %% [markdown]
# This week we want the maximum-likelihood estimate: divide by $n$.
#
# **Worked example.** $x = (1, 2, 6)$: the mean is $3$, the deviations are
# $(-2, -1, 3)$, their squares add up to $14$, so $\hat\sigma^2 = 14 / 3
# \approx 4.667$ (and the sample variance would be $14/2 = 7$).
#
# One numerical warning. The variance also equals "the mean of the squares
# minus the square of the mean", but do not compute it that way: when the
# data sit far from 0 (timestamps, prices in cents, sensor readings) both
# terms are huge and nearly equal, and their difference loses every digit.
# Subtract the mean first, then square.

# %% grading="skip"
x = np.array([1.0, 2.0, 6.0])
print("mean:", x.mean(), " ML variance:", np.mean((x - x.mean()) ** 2))
far = 1e9 + np.array([0.0, 1.0, 2.0])  # true ML variance 2/3
print("mean of squares - square of mean:", np.mean(far**2) - far.mean()**2)
print("deviations first:                ", np.mean((far - far.mean())**2))

# %% [markdown]
# ### Exercise 1: `gaussian_mle(x)`
#
# Return the maximum-likelihood estimates `(mean, variance)` of a Gaussian
# for the sample `x` (a non-empty list or 1-D array of numbers), as a tuple
# of two floats. The variance divides by $n$ and is computed from the
# deviations from the mean, so that it stays accurate for data far from 0.
# Raise `ValueError` for an empty `x`. Do not change `x`.

# %% question="gaussian_mle"
def gaussian_mle(x):
    """(mean, variance) of the Gaussian that maximizes the likelihood of x.

    The variance divides by n (not n - 1). ValueError if x is empty.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    if x.size == 0:
        raise ValueError("gaussian_mle needs at least one sample")
    mean = np.mean(x)
    variance = np.mean((x - mean) ** 2)
    return float(mean), float(variance)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Two lines: `mean = np.mean(x)`, then `np.mean((x - mean) ** 2)`, the mean
# of the squared deviations (that is the division by $n$). Return
# `float(mean), float(variance)`.
# </details>

# %% tests="gaussian_mle"
import numpy as np


@test_case(hidden=False)
def test_mle_worked_example(gaussian_mle):
    mean, variance = gaussian_mle([1.0, 2.0, 6.0])
    assert np.isclose(mean, 3.0), "the mean of 1, 2, 6 is 3"
    assert np.isclose(variance, 14.0 / 3.0), (
        "the ML variance of 1, 2, 6 is (4 + 1 + 9) / 3 = 14/3: divide by n, "
        "not n - 1 (which would give 7)"
    )


@test_case(hidden=False)
def test_mle_single_sample(gaussian_mle):
    mean, variance = gaussian_mle([2.5])
    assert np.isclose(mean, 2.5) and np.isclose(variance, 0.0), (
        "for one sample the best bell curve sits on it with variance 0"
    )


@test_case(hidden=True)
def test_mle_random(gaussian_mle):
    rng = np.random.default_rng(1001)
    for n in (2, 7, 100, 1000):
        x = rng.normal(loc=3.0, scale=2.0, size=n)
        mean, variance = gaussian_mle(x)
        assert np.isclose(mean, np.sum(x) / n, rtol=1e-12), (
            "the ML mean is the sample mean"
        )
        assert np.isclose(variance, np.sum((x - x.mean()) ** 2) / n,
                          rtol=1e-10), (
            "the ML variance is the mean squared deviation from the mean "
            "(divide by n)"
        )


@test_case(hidden=True)
def test_mle_two_points(gaussian_mle):
    mean, variance = gaussian_mle([-1.0, 3.0])
    assert np.isclose(mean, 1.0) and np.isclose(variance, 4.0), (
        "for the two samples -1 and 3 the ML variance is (4 + 4) / 2"
    )


@test_case(hidden=True)
def test_mle_far_from_zero(gaussian_mle):
    # Data around a million with spread 1: mean(x**2) - mean(x)**2 loses
    # about 4 digits here (relative error ~1e-4); the two-pass formula
    # keeps 10 or more.
    rng = np.random.default_rng(1002)
    x = 1e6 + rng.normal(size=300)
    mean, variance = gaussian_mle(x)
    want = np.mean((x - np.mean(x)) ** 2)
    assert np.isclose(mean, np.mean(x), rtol=1e-12), (
        "the mean is wrong for data far from 0"
    )
    assert np.isclose(variance, want, rtol=1e-8), (
        "the variance is inaccurate for data far from 0: subtract the mean "
        "before squaring"
    )


@test_case(hidden=True)
def test_mle_is_the_likelihood_peak(gaussian_mle):
    # Nudging either estimate must lower the Gaussian log-likelihood.
    rng = np.random.default_rng(1003)
    x = rng.exponential(scale=2.0, size=25)

    def log_lik(mu, var):
        return np.sum(-0.5 * np.log(2 * np.pi * var)
                      - (x - mu) ** 2 / (2 * var))

    mean, variance = gaussian_mle(x)
    best = log_lik(mean, variance)
    for dm, dv in ((0.05, 0), (-0.05, 0), (0, 0.05), (0, -0.05)):
        assert log_lik(mean + dm, variance * (1 + dv)) < best, (
            "gaussian_mle does not maximize the likelihood"
        )


@test_case(hidden=True)
def test_mle_returns_numbers(gaussian_mle):
    result = gaussian_mle([4, 4, 4, 8])
    assert len(result) == 2, "gaussian_mle returns a pair (mean, variance)"
    mean, variance = result
    assert np.ndim(mean) == 0 and np.ndim(variance) == 0, (
        "mean and variance are single numbers"
    )
    assert np.isclose(mean, 5.0) and np.isclose(variance, 3.0), (
        "gaussian_mle should accept a list of integers"
    )


@test_case(hidden=True)
def test_mle_empty(gaussian_mle):
    try:
        gaussian_mle([])
    except ValueError:
        return
    except Exception:
        pass
    raise AssertionError(
        "gaussian_mle([]) should raise ValueError (not another exception): "
        "an empty sample has no mean"
    )


@test_case(hidden=True)
def test_mle_three_points(gaussian_mle):
    mean, variance = gaussian_mle(np.array([3.0, 5.0, 10.0]))
    assert np.isclose(mean, 6.0) and np.isclose(variance, 26.0 / 3.0), (
        "gaussian_mle is wrong for 3, 5, 10: mean 6, variance 26/3 "
        "(divide by n)"
    )


@test_case(hidden=True)
def test_mle_keeps_input(gaussian_mle):
    x = np.array([3.0, 5.0, 10.0])
    gaussian_mle(x)
    assert np.array_equal(x, [3.0, 5.0, 10.0]), (
        "gaussian_mle must not change its input"
    )

# %% [markdown]
# ## 3. The sigmoid: a score becomes a probability
#
# Now a classifier with two classes, labels $y \in \{0, 1\}$ (spam or not,
# tumour or not). A linear model computes a score $z = w \cdot x$, any real
# number; we want $P(y = 1 \mid x)$. Week 12's softmax with two classes
# gave the answer already: give class 0 the logit 0 and class 1 the logit
# $z$, then
#
# $$P(y = 1) = \frac{e^{z}}{e^{0} + e^{z}} = \frac{1}{1 + e^{-z}}
#   = \sigma(z),$$
#
# the **sigmoid** (or logistic function). It squashes the real line into
# $(0, 1)$: $\sigma(0) = \frac12$, $\sigma(z) \to 1$ for large $z$ and
# $\to 0$ for very negative $z$, and it is symmetric,
# $\sigma(-z) = 1 - \sigma(z)$. Its slope is
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$, at most $\frac14$ (at $z = 0$).
#
# **Stability.** The formula $1/(1 + e^{-z})$ is fine for $z \ge 0$, but
# for $z = -1000$ it computes $e^{1000}$, which overflows. The other form,
# $e^{z}/(1 + e^{z})$ (multiply top and bottom by $e^z$), is fine for
# $z \le 0$ and overflows for large positive $z$. So use each where it is
# safe:
#
# $$\sigma(z) = \begin{cases} \dfrac{1}{1 + e^{-z}} & z \ge 0, \\[2ex]
#   \dfrac{e^{z}}{1 + e^{z}} & z < 0, \end{cases}$$
#
# which only ever exponentiates a number $\le 0$. (One way to write both
# cases at once: with $e = e^{-|z|}$, $\sigma(z) = 1/(1+e)$ for $z \ge 0$
# and $e/(1+e)$ for $z < 0$.) What does the naive formula do in the far
# negative tail?

# %% grading="skip"
z_tail = np.array([-30.0, -700.0, -720.0, -1000.0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    naive_tail = 1.0 / (1.0 + np.exp(-z_tail))
print("naive 1/(1 + exp(-z)):", naive_tail)
for warning in caught:
    print("warning caught:", warning.category.__name__, "-", warning.message)
print("stable exp(z)/(1 + exp(z)):", np.exp(z_tail) / (1.0 + np.exp(z_tail)))

# %% [markdown]
# The naive formula warns about an overflow, and below $z \approx -709$ it
# returns 0 where the true value, $e^{z}$, is still a (tiny) positive
# double: $\sigma(-720) \approx 2.03 \cdot 10^{-313}$. The stable form keeps
# it. In the picture: the sigmoid itself, and the logarithm of what each
# formula returns in the far tail (where a returned 0 has no logarithm, the
# curve stops).

# %% grading="skip"
zs = np.linspace(-8, 8, 400)
tail = np.linspace(-760, -680, 400)
with np.errstate(over="ignore"):
    tail_naive = 1.0 / (1.0 + np.exp(-tail))
tail_stable = np.exp(tail) / (1.0 + np.exp(tail))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
ax1.plot(zs, 1.0 / (1.0 + np.exp(-zs)), "C0", lw=2, label="σ(z)")
ax1.plot(zs, 0.5 + zs / 4, "k:", label="tangent at 0: slope 1/4")
ax1.axhline(0.5, color="gray", lw=0.8)
ax1.set(title="The sigmoid squashes scores into (0, 1)", xlabel="score z",
        ylabel="σ(z) = P(y = 1)", ylim=(-0.05, 1.05))
ax1.legend()
with np.errstate(divide="ignore"):  # log(0) = -inf marks a lost value
    log_stable, log_naive = np.log(tail_stable), np.log(tail_naive)
ax2.plot(tail, np.where(np.isfinite(log_stable), log_stable, np.nan), "C0",
         lw=3, label="stable: exp(z) / (1 + exp(z))")
ax2.plot(tail, np.where(np.isfinite(log_naive), log_naive, np.nan), "C1--",
         lw=2, label="naive 1 / (1 + exp(-z)): 0 below -709")
ax2.set(title="The far negative tail: log of the value returned",
        xlabel="score z", ylabel="log σ(z)")
ax2.legend(fontsize=8)
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Exercise 2: `sigmoid(z)`
#
# Return $\sigma(z)$ elementwise, as a float array of the same shape as `z`
# (a number, a list, or an array of any shape). It must be **stable**: no
# overflow for any finite `z` (try $\pm 1000$), and accurate in relative
# terms in the negative tail: $\sigma(-40) \approx 4.25 \cdot 10^{-18}$
# (not 0) and $\sigma(-720) \approx 2.03 \cdot 10^{-313}$ (not 0). Raise
# `ValueError` for an empty `z`. Do not change `z`.

# %% question="sigmoid"
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise and stable.

    Never exponentiates a positive number. ValueError if z is empty.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("sigmoid needs at least one number")
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Compute `e = np.exp(-np.abs(z))` once: it is $e^{-z}$ where $z \ge 0$
# and $e^{z}$ where $z < 0$, and never larger than 1. Then choose per
# entry with `np.where(z >= 0, 1 / (1 + e), e / (1 + e))`. (Careful:
# `np.where(z >= 0, 1 / (1 + np.exp(-z)), ...)` still computes the
# overflowing branch everywhere, and only then chooses.)
# </details>

# %% tests="sigmoid"
import numpy as np


@test_case(hidden=False)
def test_sigmoid_values(sigmoid):
    got = np.asarray(sigmoid([0.0, 2.0, -2.0]), dtype=float)
    want = [0.5, 1 / (1 + np.exp(-2.0)), 1 / (1 + np.exp(2.0))]
    assert got.shape == (3,), "sigmoid works elementwise: 3 in, 3 out"
    assert np.allclose(got, want, rtol=1e-12), (
        "sigmoid(0) = 0.5 and sigmoid(z) = 1 / (1 + exp(-z))"
    )


@test_case(hidden=False)
def test_sigmoid_extremes(sigmoid):
    got = np.asarray(sigmoid([-1000.0, 1000.0]), dtype=float)
    assert np.all(np.isfinite(got)) and np.allclose(got, [0.0, 1.0]), (
        "sigmoid(-1000) is 0 and sigmoid(1000) is 1 (as floats); neither "
        "may give nan"
    )


@test_case(hidden=False)
def test_sigmoid_tiny_tail(sigmoid):
    got = float(np.asarray(sigmoid([-720.0]), dtype=float)[0])
    assert got > 0 and np.isclose(got, np.exp(-720.0), rtol=1e-6), (
        "sigmoid(-720) = exp(-720) / (1 + exp(-720)), about 2.03e-313, is a "
        "positive float; 1 / (1 + exp(720)) overflows and gives 0. For "
        "z < 0 use exp(z) / (1 + exp(z))"
    )


@test_case(hidden=True)
def test_sigmoid_random(sigmoid):
    rng = np.random.default_rng(1011)
    for shape in ((8,), (3, 4), (2, 2, 3)):
        z = rng.normal(scale=6.0, size=shape)
        want = 1.0 / (1.0 + np.exp(-z))
        got = np.asarray(sigmoid(z), dtype=float)
        assert got.shape == z.shape, (
            "sigmoid should return an array of the same shape as z"
        )
        assert np.allclose(got, want, rtol=1e-12, atol=1e-300), (
            "sigmoid is wrong on random scores"
        )


@test_case(hidden=True)
def test_sigmoid_scalar_and_ints(sigmoid):
    assert np.allclose(np.asarray(sigmoid(0), dtype=float), 0.5), (
        "sigmoid(0) should be 0.5 (a single number in)"
    )
    got = np.asarray(sigmoid([1, -3]), dtype=float)
    assert np.allclose(got, 1.0 / (1.0 + np.exp([-1.0, 3.0])), rtol=1e-12), (
        "sigmoid should accept integers"
    )


@test_case(hidden=True)
def test_sigmoid_symmetry_and_order(sigmoid):
    z = np.linspace(-20.0, 20.0, 81)
    got = np.asarray(sigmoid(z), dtype=float)
    mirrored = np.asarray(sigmoid(-z), dtype=float)
    assert np.allclose(got + mirrored, 1.0, rtol=0, atol=1e-15), (
        "sigmoid(-z) must equal 1 - sigmoid(z)"
    )
    assert np.all(np.diff(got) > 0), "sigmoid must be increasing"


@test_case(hidden=True)
def test_sigmoid_relative_accuracy_negative_tail(sigmoid):
    # exp(z) / (1 + exp(z)) is exact to a few ulps here: 1e-12 is generous.
    z = -np.linspace(30.0, 700.0, 40)
    want = np.exp(z) / (1.0 + np.exp(z))
    got = np.asarray(sigmoid(z), dtype=float)
    assert np.all(got > 0) and np.allclose(got, want, rtol=1e-12, atol=0), (
        "sigmoid loses the small values of the negative tail (for example "
        "sigmoid(-40) is about 4.25e-18, not 0)"
    )


@test_case(hidden=True)
def test_sigmoid_no_overflow_in_the_far_tail(sigmoid):
    # Between -745 and -709 the value exp(z) is a subnormal double; an
    # implementation that computes exp(-z) there overflows and returns 0.
    # Subnormals near 1e-315 still carry ~8 digits, hence rtol 1e-6.
    z = np.array([-710.0, -715.0, -720.0, -725.0])
    got = np.asarray(sigmoid(z), dtype=float)
    assert np.all(got > 0), (
        "sigmoid returns 0 for very negative z where exp(z) is still a "
        "positive float: computing exp(-z) there overflows"
    )
    assert np.allclose(got, np.exp(z), rtol=1e-6, atol=0), (
        "sigmoid is wrong for very negative z"
    )


@test_case(hidden=True)
def test_sigmoid_saturates(sigmoid):
    big = np.array([40.0, 300.0, 710.0, 1000.0, 1e6])
    up = np.asarray(sigmoid(big), dtype=float)
    down = np.asarray(sigmoid(-big), dtype=float)
    assert np.all(np.isfinite(up)) and np.all(np.isfinite(down)), (
        "sigmoid returns inf or nan for large |z|"
    )
    assert np.allclose(up, 1.0, rtol=0, atol=1e-15), (
        "sigmoid of a large positive number is 1"
    )
    assert np.all(down >= 0) and np.all(down[1:] < 1e-100), (
        "sigmoid of a very negative number is (almost) 0"
    )


@test_case(hidden=True)
def test_sigmoid_empty(sigmoid):
    try:
        sigmoid([])
    except ValueError:
        return
    except Exception:
        pass
    raise AssertionError(
        "sigmoid([]) should raise ValueError (not another exception)"
    )


@test_case(hidden=True)
def test_sigmoid_small_2d_input(sigmoid):
    z = np.array([[-800.0, 0.0], [3.0, 800.0]])
    got = np.asarray(sigmoid(z), dtype=float)
    assert got.shape == (2, 2), "sigmoid should keep the shape of a 2-D z"
    assert np.allclose(got, [[0.0, 0.5], [1 / (1 + np.exp(-3.0)), 1.0]]), (
        "sigmoid is wrong for a small 2-D input with entries of +-800"
    )


@test_case(hidden=True)
def test_sigmoid_keeps_input(sigmoid):
    z = np.array([[-800.0, 0.0], [3.0, 800.0]])
    sigmoid(z)
    assert np.array_equal(z, [[-800.0, 0.0], [3.0, 800.0]]), (
        "sigmoid must not change its input"
    )

# %% [markdown]
# ## 4. Logistic regression: one neuron, and its loss
#
# The model: a data matrix $X$ whose rows are samples, with a leading column
# of ones so that the bias is the weight $w_0$; a score $z_i = x_i \cdot w$
# per sample (all at once: $z = Xw$); and the probability
# $p_i = \sigma(z_i)$ that sample $i$ has label 1. That is one neuron: a
# weighted sum followed by a squashing function.
#
# **The picture.** $p_i > \frac12$ exactly when $z_i > 0$, so the model
# predicts class 1 on one side of the line (in higher dimensions, the
# plane) $x \cdot w = 0$, the **decision boundary**, and class 0 on the
# other. By week 1, $x \cdot w$ measures how far along $w$ a point lies: $w$
# points across the boundary towards class 1, and the farther a point is
# from the boundary, the more confident the prediction.
#
# **The loss, from the likelihood.** The model gives label $y_i$ the
# probability $p_i$ if $y_i = 1$ and $1 - p_i$ if $y_i = 0$, in one formula
# $p_i^{y_i}(1 - p_i)^{1 - y_i}$. The negative log-likelihood per sample
# is therefore
#
# $$\ell_i = -y_i \log p_i - (1 - y_i) \log(1 - p_i),$$
#
# week 11's binary cross-entropy, and the loss is its **mean**
# $L(w) = \frac1N \sum_i \ell_i$. It is week 12's cross-entropy loss for the
# two logits $(0, z_i)$ of the classes 0 and 1.
#
# **Computing it safely.** With $\log \sigma(z) = -\log(1 + e^{-z})$ and
# $\log(1 - \sigma(z)) = \log \sigma(-z) = -\log(1 + e^{z})$, the loss of a
# sample simplifies to
#
# $$\ell_i = \log(1 + e^{z_i}) - y_i z_i,$$
#
# and $\log(1 + e^{z})$ (the "softplus") is week 6's log-sum-exp of the two
# numbers $0$ and $z$: `np.logaddexp(0, z)` computes it without overflow.
# Why bother? Take a confident mistake, $z = 40$ for a sample of class 0.
# Its true loss is $\log(1 + e^{40}) \approx 40$. The literal formula
# rounds $\sigma(40)$ to exactly 1.0 and returns $-\log 0 = \infty$ (one
# such sample makes the whole loss infinite); clipping the probability
# (week 11's `binary_cross_entropy` with `eps = 1e-12`) returns a finite but
# wrong $27.6$. Our contract is the exact value.

# %% grading="skip"
z_wrong, y_wrong = 40.0, 0.0
p_wrong = 1.0 / (1.0 + np.exp(-z_wrong))
with np.errstate(divide="ignore"):
    print("literal:", -y_wrong * np.log(p_wrong)
          - (1 - y_wrong) * np.log(1 - p_wrong))
p_clipped = np.clip(p_wrong, 1e-12, 1 - 1e-12)
print("clipped:", -(1 - y_wrong) * np.log(1 - p_clipped))
print("exact:  ", np.logaddexp(0.0, z_wrong) - y_wrong * z_wrong)

# %% [markdown]
# **Worked example.** $X = \begin{pmatrix}1 & 1\\1 & -2\end{pmatrix}$
# (bias column, then one feature), $y = (1, 0)$, $w = (0.5, 1)$. The
# scores are $z = (1.5, -1.5)$. Sample 1 (label 1): $\log(1 + e^{1.5})
# - 1.5 = \log(1 + e^{-1.5}) \approx 0.2014$. Sample 2 (label 0):
# $\log(1 + e^{-1.5}) \approx 0.2014$ as well. The mean loss is about
# $0.2014$. And at $w = 0$ every $p_i = \frac12$, so the loss is
# $\log 2 \approx 0.693$ whatever the data: a good first check.

# %% grading="skip"
X_small = np.array([[1.0, 1.0], [1.0, -2.0]])
y_small = np.array([1.0, 0.0])
z_small = X_small @ np.array([0.5, 1.0])
print("scores:", z_small)
print("loss:", np.mean(np.logaddexp(0.0, z_small) - y_small * z_small))

# %% [markdown]
# ### Exercise 3: `logistic_loss(w, X, y)`
#
# Return the mean negative log-likelihood $\frac1N \sum_i \bigl(\log(1 +
# e^{z_i}) - y_i z_i\bigr)$ with $z = Xw$, as a float. `X` is `(N, d)` and
# carries its own bias column (do not add one), `w` has `d` entries, `y`
# has `N` labels in $\{0, 1\}$. The result must be exact and finite for
# scores of any size (no clipping). Raise `ValueError` if `X` is not a
# non-empty 2-D array, if `w` or `y` has the wrong length, or if a label is
# not 0 or 1. Do not change the inputs.

# %% question="logistic_loss"
def logistic_loss(w, X, y):
    """Mean binary cross-entropy of labels y under p = sigmoid(X @ w).

    Stable for scores of any size. ValueError for an empty or non-2-D X,
    wrong lengths of w or y, or labels other than 0 and 1.
    """
    # BEGIN SOLUTION
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (N, d) matrix")
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have {X.shape[1]} entries, one per column")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} labels, one per row")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    z = X @ w
    return float(np.mean(np.logaddexp(0.0, z) - y * z))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks: `z = X @ w`, then
# `np.mean(np.logaddexp(0, z) - y * z)`. Do not compute `sigmoid(z)` and
# its log: the log of a probability that rounded to 0 or 1 is infinite.
# </details>

# %% tests="logistic_loss"
import numpy as np


@test_case(hidden=False)
def test_logistic_loss_at_zero(logistic_loss):
    X = [[1.0, 2.0], [1.0, -1.0], [1.0, 0.5]]
    got = logistic_loss([0.0, 0.0], X, [1, 0, 1])
    assert np.ndim(got) == 0, "logistic_loss returns one number"
    assert np.isclose(got, np.log(2.0), rtol=1e-12), (
        "at w = 0 every probability is 1/2, so the loss is log 2"
    )


@test_case(hidden=False)
def test_logistic_loss_worked_example(logistic_loss):
    got = logistic_loss([0.5, 1.0], [[1.0, 1.0], [1.0, -2.0]], [1, 0])
    assert np.isclose(got, np.log1p(np.exp(-1.5)), rtol=1e-12), (
        "the worked example: scores (1.5, -1.5), mean loss log(1 + e^-1.5), "
        "about 0.2014"
    )


@test_case(hidden=False)
def test_logistic_loss_confident_mistake(logistic_loss):
    got = logistic_loss([40.0], [[1.0]], [0])
    assert np.isfinite(got) and np.isclose(got, 40.0, rtol=1e-12), (
        "a score of 40 for a sample of class 0 has loss log(1 + e^40), "
        "about 40: not inf (log of a rounded probability) and not 27.6 "
        "(clipping)"
    )


@test_case(hidden=True)
def test_logistic_loss_random(logistic_loss):
    rng = np.random.default_rng(1021)
    for n, d in ((1, 1), (10, 3), (100, 5)):
        X = np.column_stack([np.ones(n), rng.normal(size=(n, d - 1))])
        w = rng.normal(size=d)
        y = rng.integers(0, 2, size=n)
        z = X @ w
        want = np.mean(np.log1p(np.exp(z)) - y * z)
        got = logistic_loss(w, X, y)
        assert np.ndim(got) == 0, "logistic_loss returns one number"
        assert np.isclose(got, want, rtol=1e-10), (
            "logistic_loss is wrong on random data"
        )


@test_case(hidden=True)
def test_logistic_loss_is_binary_cross_entropy(logistic_loss):
    rng = np.random.default_rng(1022)
    X = np.column_stack([np.ones(30), rng.normal(size=(30, 2))])
    w = rng.normal(size=3)
    y = rng.integers(0, 2, size=30)
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    want = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert np.isclose(logistic_loss(w, X, y), want, rtol=1e-10), (
        "logistic_loss should be the mean binary cross-entropy (natural log)"
    )


@test_case(hidden=True)
def test_logistic_loss_large_scores(logistic_loss):
    X = np.array([[1.0, 800.0], [1.0, -800.0], [1.0, 1.0], [1.0, -30.0]])
    y = np.array([0, 0, 1, 1])
    got = logistic_loss([0.0, 1.0], X, y)
    want = (800.0 + 0.0 + np.log1p(np.exp(-1.0)) + 30.0
            + np.log1p(np.exp(-30.0))) / 4
    assert np.isfinite(got), (
        "logistic_loss is inf or nan for large scores: use "
        "log(1 + e^z) - y z with np.logaddexp"
    )
    assert np.isclose(got, want, rtol=1e-12), (
        "logistic_loss is wrong for large scores (confident mistakes must "
        "cost their full, unclipped loss)"
    )


@test_case(hidden=True)
def test_logistic_loss_bias_only(logistic_loss):
    # With only the bias column, the best w0 is the log-odds of the labels
    # and the loss there is the entropy of the label frequency (in nats).
    y = np.array([1, 0, 0, 1, 0, 0, 0, 0, 1, 0])
    frac = y.mean()
    got = logistic_loss([np.log(frac / (1 - frac))], np.ones((10, 1)), y)
    want = -(frac * np.log(frac) + (1 - frac) * np.log(1 - frac))
    assert np.isclose(got, want, rtol=1e-12), (
        "logistic_loss is wrong for a model with only a bias"
    )


@test_case(hidden=True)
def test_logistic_loss_is_a_mean(logistic_loss):
    rng = np.random.default_rng(1023)
    X = np.column_stack([np.ones(6), rng.normal(size=(6, 2))])
    w = rng.normal(size=3)
    y = rng.integers(0, 2, size=6)
    once = logistic_loss(w, X, y)
    twice = logistic_loss(w, np.vstack([X, X]), np.concatenate([y, y]))
    assert np.isclose(once, twice, rtol=1e-12), (
        "repeating the data must not change the loss: take the mean, not "
        "the sum"
    )


@test_case(hidden=True)
def test_logistic_loss_invalid(logistic_loss):
    X = np.ones((3, 2))
    for w, Xb, y in (([0.0, 0.0, 0.0], X, [0, 1, 0]),
                     ([0.0, 0.0], X, [0, 1]),
                     ([0.0, 0.0], X, [0, 2, 1]),
                     ([0.0, 0.0], X, [0, -1, 1]),
                     ([0.0], [1.0, 2.0, 3.0], [0, 1, 0]),
                     ([0.0, 0.0], np.zeros((0, 2)), [])):
        try:
            logistic_loss(w, Xb, y)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "logistic_loss should raise ValueError (not another exception) "
            "for an empty or non-2-D X, a w or y of the wrong length, or "
            "labels other than 0 and 1"
        )


@test_case(hidden=True)
def test_logistic_loss_small_example(logistic_loss):
    got = logistic_loss(np.array([0.0, 2.0]),
                        np.array([[1.0, 0.5], [1.0, -0.5]]),
                        np.array([1.0, 0.0]))
    assert np.isclose(got, np.log1p(np.exp(-1.0)), rtol=1e-12), (
        "logistic_loss is wrong for a small example of two samples"
    )


@test_case(hidden=True)
def test_logistic_loss_keeps_inputs(logistic_loss):
    w = np.array([0.0, 2.0])
    X = np.array([[1.0, 0.5], [1.0, -0.5]])
    y = np.array([1.0, 0.0])
    logistic_loss(w, X, y)
    assert np.array_equal(w, [0.0, 2.0]), "logistic_loss must not change w"
    assert np.array_equal(X, [[1.0, 0.5], [1.0, -0.5]]), (
        "logistic_loss must not change X"
    )
    assert np.array_equal(y, [1.0, 0.0]), "logistic_loss must not change y"

# %% [markdown]
# ## 5. The gradient: predicted minus true, again
#
# Differentiate the loss of one sample with respect to its score:
#
# $$\frac{\partial \ell_i}{\partial z_i}
#   = \frac{e^{z_i}}{1 + e^{z_i}} - y_i = \sigma(z_i) - y_i = p_i - y_i.$$
#
# Predicted minus true, as in week 12, and for the same reason: the
# softplus is a log-sum-exp, and its derivative is a (two-class) softmax.
# The score depends on the weights through $z_i = x_i \cdot w$, so
# $\partial z_i / \partial w_j = x_{ij}$, and the chain rule collects,
# over the mean of all samples,
#
# $$\nabla_w L = \frac1N \sum_{i=1}^N (p_i - y_i)\, x_i
#   = \frac1N X^\top \bigl(\sigma(Xw) - y\bigr).$$
#
# Read it as a picture: each sample pulls on $w$ along its own feature
# vector $x_i$, with the strength of its error. A sample of class 1 whose
# $p_i$ is too small has $p_i - y_i < 0$, so a descent step adds a
# multiple of $x_i$ to $w$, turning $w$ towards it and raising its score.
# Samples that are already confidently right have $p_i - y_i \approx 0$ and
# hardly pull at all: the boundary is shaped by the points near it and by
# the mistakes.
#
# **Worked example and check.** For the small data set above, the formula
# and week 7's central differences agree:

# %% grading="skip"
w_small = np.array([0.5, 1.0])


def small_loss(w):
    z = X_small @ w
    return np.mean(np.logaddexp(0.0, z) - y_small * z)


p_small = 1.0 / (1.0 + np.exp(-(X_small @ w_small)))
formula = X_small.T @ (p_small - y_small) / len(y_small)
h = 1e-5
numeric = np.array([(small_loss(w_small + h * e) - small_loss(w_small - h * e))
                    / (2 * h) for e in np.eye(2)])
print("formula:", formula, " numerical:", numeric)

# %% [markdown]
# ### Exercise 4: `logistic_grad(w, X, y)`
#
# Return the gradient of `logistic_loss` with respect to `w`, the float
# array $X^\top(\sigma(Xw) - y)/N$ of shape `(d,)`. It must be finite and
# correct for scores of any size. Raise `ValueError` for the same inputs as
# `logistic_loss`, and do not change the inputs.

# %% question="logistic_grad"
def logistic_grad(w, X, y):
    """Gradient of logistic_loss w.r.t. w: X.T @ (sigmoid(X @ w) - y) / N.

    ValueError for the same inputs as logistic_loss.
    """
    # BEGIN SOLUTION
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (N, d) matrix")
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have {X.shape[1]} entries, one per column")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} labels, one per row")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    errors = sigmoid(X @ w) - y
    return X.T @ errors / X.shape[0]
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Reuse your stable `sigmoid`: `p = sigmoid(X @ w)`, then
# `X.T @ (p - y) / N`. Mind the order `p - y` (predicted minus true) and
# the division by the number of samples `N`.
# </details>

# %% tests="logistic_grad"
import numpy as np


@test_case(hidden=False)
def test_logistic_grad_at_zero(logistic_grad):
    got = np.asarray(logistic_grad([0.0, 0.0], [[1.0, 2.0], [1.0, -1.0]],
                                   [1, 0]), dtype=float)
    assert got.shape == (2,), "the gradient has one entry per weight"
    assert np.allclose(got, [0.0, -0.75]), (
        "at w = 0 every p is 1/2, so p - y = (-0.5, 0.5) and "
        "X.T @ (p - y) / 2 = (0, -0.75)"
    )


@test_case(hidden=False)
def test_logistic_grad_worked_example(logistic_grad):
    X = np.array([[1.0, 1.0], [1.0, -2.0]])
    y = np.array([1.0, 0.0])
    p = 1.0 / (1.0 + np.exp(-(X @ np.array([0.5, 1.0]))))
    got = np.asarray(logistic_grad([0.5, 1.0], X, y), dtype=float)
    assert np.allclose(got, X.T @ (p - y) / 2, rtol=1e-12), (
        "the gradient is X.T @ (sigmoid(X @ w) - y) / N"
    )


@test_case(hidden=True)
def test_logistic_grad_random(logistic_grad):
    rng = np.random.default_rng(1031)
    for n, d in ((1, 2), (12, 3), (80, 6)):
        X = np.column_stack([np.ones(n), rng.normal(size=(n, d - 1))])
        w = rng.normal(size=d)
        y = rng.integers(0, 2, size=n)
        want = X.T @ (1.0 / (1.0 + np.exp(-(X @ w))) - y) / n
        got = np.asarray(logistic_grad(w, X, y), dtype=float)
        assert got.shape == (d,), "logistic_grad should return shape (d,)"
        assert np.allclose(got, want, rtol=1e-10, atol=1e-14), (
            "logistic_grad is wrong on random data"
        )


@test_case(hidden=True)
def test_logistic_grad_matches_numerical_gradient(logistic_grad):
    # Central differences of a reference loss (week 7): error ~ h**2.
    rng = np.random.default_rng(1032)
    X = np.column_stack([np.ones(15), rng.normal(size=(15, 3))])
    w = rng.normal(size=4)
    y = rng.integers(0, 2, size=15)

    def loss(v):
        z = X @ v
        return np.mean(np.logaddexp(0.0, z) - y * z)

    h = 1e-5
    numeric = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h)
                        for e in np.eye(4)])
    got = np.asarray(logistic_grad(w, X, y), dtype=float)
    assert np.allclose(got, numeric, rtol=0, atol=1e-8), (
        "logistic_grad does not match the numerical gradient of the mean "
        "loss"
    )


@test_case(hidden=True)
def test_logistic_grad_descent_lowers_the_loss(logistic_grad):
    rng = np.random.default_rng(1033)
    X = np.column_stack([np.ones(20), rng.normal(size=(20, 2))])
    y = rng.integers(0, 2, size=20)

    def loss(v):
        z = X @ v
        return np.mean(np.logaddexp(0.0, z) - y * z)

    w = rng.normal(size=3)
    g = np.asarray(logistic_grad(w, X, y), dtype=float)
    assert loss(w - 0.01 * g) < loss(w), (
        "a small step against logistic_grad should lower the loss (check "
        "the sign: predicted minus true)"
    )


@test_case(hidden=True)
def test_logistic_grad_large_scores(logistic_grad):
    X = np.array([[1.0, 800.0], [1.0, -800.0], [1.0, 1000.0]])
    y = np.array([0, 1, 1])
    got = np.asarray(logistic_grad([0.0, 1.0], X, y), dtype=float)
    # p = (1, 0, 1): errors (1, -1, 0).
    assert np.all(np.isfinite(got)), (
        "logistic_grad returns inf or nan for large scores: use a stable "
        "sigmoid"
    )
    assert np.allclose(got, [0.0, 1600.0 / 3], rtol=1e-12, atol=1e-12), (
        "logistic_grad is wrong for large scores"
    )


@test_case(hidden=True)
def test_logistic_grad_is_a_mean(logistic_grad):
    rng = np.random.default_rng(1034)
    X = np.column_stack([np.ones(5), rng.normal(size=(5, 2))])
    w = rng.normal(size=3)
    y = rng.integers(0, 2, size=5)
    once = np.asarray(logistic_grad(w, X, y), dtype=float)
    twice = np.asarray(logistic_grad(w, np.vstack([X, X]),
                                     np.concatenate([y, y])), dtype=float)
    assert np.allclose(once, twice, rtol=1e-12), (
        "repeating the data must not change the gradient of the mean loss: "
        "divide by N"
    )


@test_case(hidden=True)
def test_logistic_grad_invalid(logistic_grad):
    X = np.ones((3, 2))
    for w, Xb, y in (([0.0, 0.0, 0.0], X, [0, 1, 0]),
                     ([0.0, 0.0], X, [0, 1, 1, 0]),
                     ([0.0, 0.0], X, [0, 1, 3]),
                     ([0.0], [1.0, 2.0, 3.0], [0, 1, 0]),
                     ([0.0, 0.0], np.zeros((0, 2)), [])):
        try:
            logistic_grad(w, Xb, y)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "logistic_grad should raise ValueError (not another exception) "
            "for an empty or non-2-D X, a w or y of the wrong length, or "
            "labels other than 0 and 1"
        )


@test_case(hidden=True)
def test_logistic_grad_integer_labels(logistic_grad):
    got = np.asarray(logistic_grad(np.array([0.0, 0.0]),
                                   np.array([[1.0, 3.0], [1.0, 1.0]]),
                                   np.array([0, 0])), dtype=float)
    assert np.allclose(got, [0.5, 1.0]), (
        "logistic_grad is wrong for a small example with integer labels"
    )


@test_case(hidden=True)
def test_logistic_grad_keeps_inputs(logistic_grad):
    w = np.array([0.0, 0.0])
    X = np.array([[1.0, 3.0], [1.0, 1.0]])
    y = np.array([0, 0])
    logistic_grad(w, X, y)
    assert np.array_equal(w, [0.0, 0.0]), "logistic_grad must not change w"
    assert np.array_equal(X, [[1.0, 3.0], [1.0, 1.0]]), (
        "logistic_grad must not change X"
    )
    assert np.array_equal(y, [0, 0]), "logistic_grad must not change y"

# %% [markdown]
# ## 6. Training: gradient descent from $w = 0$
#
# Everything is in place for week 8's loop: start at $w = 0$ (every
# probability $\frac12$, loss $\log 2$), and repeat
# $w \leftarrow w - \text{lr}\,\nabla_w L(w)$. The logistic loss is
# **convex**, a bowl without false valleys, so gradient descent with a
# small enough learning rate heads for the one best $w$. (If a line can
# separate the two classes perfectly, there is no best $w$: the loss keeps
# falling as $w$ grows, and the boundary gets sharper forever. That is one
# reason practitioners add regularization.)
#
# A two-feature data set: two overlapping clouds of points. The
# figures show where the learned boundary lies, how confident the model is
# around it, and how the loss falls during training.

# %% grading="skip"
rng = np.random.default_rng(12)
n_per_class = 60
cloud0 = rng.normal(loc=[-1.0, -0.5], scale=1.0, size=(n_per_class, 2))
cloud1 = rng.normal(loc=[1.2, 1.0], scale=1.0, size=(n_per_class, 2))
features = np.vstack([cloud0, cloud1])
labels = np.concatenate([np.zeros(n_per_class), np.ones(n_per_class)])
X_demo = np.column_stack([np.ones(len(labels)), features])  # bias column


def demo_descent(lr, n_steps):
    """Gradient descent on the logistic loss (for the figures)."""
    w, losses = np.zeros(3), []
    for _ in range(n_steps):
        z = X_demo @ w
        losses.append(np.mean(np.logaddexp(0.0, z) - labels * z))
        p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid(z), safely
        w = w - lr * X_demo.T @ (p - labels) / len(labels)
    return w, losses


w_demo, _ = demo_descent(0.5, 500)
g1, g2 = np.meshgrid(np.linspace(-4, 4.5, 200), np.linspace(-4, 4.5, 200))
prob = 1.0 / (1.0 + np.exp(-(w_demo[0] + w_demo[1] * g1 + w_demo[2] * g2)))

fig, ax = plt.subplots(figsize=(6.5, 5.5))
shade = ax.contourf(g1, g2, prob, levels=np.linspace(0, 1, 11),
                    cmap="coolwarm", alpha=0.35)
ax.contour(g1, g2, prob, levels=[0.5], colors="k", linewidths=2)
ax.scatter(*cloud0.T, s=14, color="C0", label="class 0")
ax.scatter(*cloud1.T, s=14, color="C3", label="class 1")
mid = -w_demo[0] * w_demo[1:] / np.sum(w_demo[1:] ** 2)
ax.annotate("", xy=mid + w_demo[1:] / np.linalg.norm(w_demo[1:]), xytext=mid,
            arrowprops={"arrowstyle": "->", "lw": 2})
ax.text(*(mid + 1.1 * w_demo[1:] / np.linalg.norm(w_demo[1:])), "w",
        fontsize=12)
fig.colorbar(shade, ax=ax, label="predicted P(y = 1)")
ax.set(title="Logistic regression: boundary σ(x·w) = 1/2",
       xlabel="feature 1", ylabel="feature 2", aspect="equal")
ax.legend(loc="upper left")
plt.show()
accuracy = np.mean((X_demo @ w_demo > 0) == (labels == 1))
print("weights (bias, w1, w2):", w_demo.round(3), " accuracy:", accuracy)

# %% [markdown]
# The black line is the decision boundary $x \cdot w = 0$; the arrow is
# the feature part of $w$, perpendicular to it and pointing towards class
# 1; the shading fades from confident to unsure across the boundary. The
# points on the wrong side are the overlap of the two clouds: no line can
# do better there.
#
# How fast does the loss fall, and how does the learning rate matter?

# %% grading="skip"
fig, ax = plt.subplots(figsize=(7, 4.3))
for lr in (0.05, 0.5, 3.0):
    ax.plot(demo_descent(lr, 300)[1], lw=2, label=f"lr = {lr}")
ax.axhline(np.log(2.0), color="gray", ls=":", label="log 2: the start w = 0")
ax.set(title="Logistic loss during gradient descent", xlabel="step",
       ylabel="mean loss (nats)")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Every run starts at $\log 2$. A tiny learning rate crawls; larger ones
# get to the bottom of the bowl in a few dozen steps. (As in week 8, the
# curvature caps the learning rate: the Hessian of the logistic loss is at
# most $X^\top X / (4N)$, because $\sigma' \le \frac14$.)
#
# **Worked example.** One step from $w = 0$ on $X = \begin{pmatrix}1 &
# 2\\1 & -1\end{pmatrix}$, $y = (1, 0)$ with $\text{lr} = 0.1$: the
# gradient at 0 is $(0, -0.75)$ (exercise 4's first check), so
# $w_1 = 0 - 0.1 \cdot (0, -0.75) = (0, 0.075)$.
#
# ### Exercise 5: `fit_logistic_regression(X, y, lr, n_steps)`
#
# Start at $w = 0$ (length $d$, the number of columns of `X`, bias column
# included), take exactly `n_steps` gradient descent steps
# $w \leftarrow w - \text{lr}\,\nabla_w L(w)$ on the mean logistic loss,
# and return the final `w` as a float array of shape `(d,)`. Raise
# `ValueError` for the same `X` and `y` as `logistic_loss`, or a negative
# `n_steps`. Do not change the inputs.

# %% question="fit_logistic_regression"
def fit_logistic_regression(X, y, lr, n_steps):
    """Weights after n_steps of gradient descent on logistic_loss from 0.

    ValueError for an empty or non-2-D X, a y of the wrong length or with
    labels other than 0 and 1, or a negative n_steps.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty (N, d) matrix")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have {X.shape[0]} labels, one per row")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if n_steps < 0:
        raise ValueError(f"n_steps must be at least 0, got {n_steps}")
    n_samples = X.shape[0]
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        errors = sigmoid(X @ w) - y
        w = w - lr * (X.T @ errors) / n_samples
    return w
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `w = np.zeros(X.shape[1])`, then a loop of `n_steps` iterations with
# `w = w - lr * logistic_grad(w, X, y)` (you may call your function from
# exercise 4). Return `w` after the loop: with `n_steps = 0` that is the
# zero vector.
# </details>

# %% tests="fit_logistic_regression"
import numpy as np


@test_case(hidden=False)
def test_fit_one_step(fit_logistic_regression):
    got = np.asarray(fit_logistic_regression([[1.0, 2.0], [1.0, -1.0]],
                                             [1, 0], 0.1, 1), dtype=float)
    assert got.shape == (2,), "w has one entry per column of X"
    assert np.allclose(got, [0.0, 0.075]), (
        "one step from w = 0 with lr = 0.1: the gradient at 0 is "
        "(0, -0.75), so w = (0, 0.075)"
    )


@test_case(hidden=False)
def test_fit_classifies_a_line(fit_logistic_regression):
    X = [[1.0, -2.0], [1.0, -1.0], [1.0, -0.2], [1.0, 0.5], [1.0, 1.0],
         [1.0, 3.0]]
    y = [0, 0, 1, 0, 1, 1]
    w = np.asarray(fit_logistic_regression(X, y, 1.0, 300), dtype=float)
    predicted = (np.asarray(X) @ w > 0).astype(int)
    assert np.sum(predicted == np.array(y)) >= 4 and w[1] > 0, (
        "after training, larger features should mean class 1 (w[1] > 0) "
        "and most samples should be classified correctly"
    )


@test_case(hidden=True)
def test_fit_matches_reference_steps(fit_logistic_regression):
    # An exact trajectory: a wrong start, a step too many or too few, a
    # sign error or a sum instead of a mean all end elsewhere.
    rng = np.random.default_rng(1041)
    X = np.column_stack([np.ones(25), rng.normal(size=(25, 2))])
    y = rng.integers(0, 2, size=25)
    for n_steps in (1, 2, 3, 8):
        w = np.zeros(3)
        for _ in range(n_steps):
            p = 1.0 / (1.0 + np.exp(-(X @ w)))
            w = w - 0.3 * X.T @ (p - y) / 25
        got = np.asarray(fit_logistic_regression(X, y, 0.3, n_steps),
                         dtype=float)
        assert got.shape == (3,), "fit_logistic_regression returns w, (d,)"
        assert np.allclose(got, w, rtol=1e-10, atol=1e-13), (
            "w after a few steps does not match gradient descent from w = 0 "
            "on the mean logistic loss"
        )


@test_case(hidden=True)
def test_fit_zero_steps(fit_logistic_regression):
    got = np.asarray(fit_logistic_regression(np.ones((4, 3)), [0, 1, 1, 0],
                                             0.5, 0), dtype=float)
    assert got.shape == (3,) and np.array_equal(got, np.zeros(3)), (
        "with n_steps = 0 the weights stay at their start, w = 0"
    )


@test_case(hidden=True)
def test_fit_converges_to_the_minimum(fit_logistic_regression):
    # A well-conditioned, non-separable problem; the reference minimum comes
    # from Newton's method, the learning rate from the curvature bound
    # X.T X / (4N).
    rng = np.random.default_rng(1042)
    n = 80
    X = np.column_stack([np.ones(n), rng.normal(size=(n, 2))])
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(X @ [0.3, 1.0, -0.8])))
         ).astype(int)
    w_star = np.zeros(3)
    for _ in range(30):
        p = 1 / (1 + np.exp(-(X @ w_star)))
        hessian = X.T @ (X * (p * (1 - p))[:, None]) / n
        w_star = w_star - np.linalg.solve(hessian, X.T @ (p - y) / n)
    lr = 4.0 / np.max(np.linalg.eigvalsh(X.T @ X / n))
    got = np.asarray(fit_logistic_regression(X, y, lr, 1500), dtype=float)
    assert np.allclose(got, w_star, atol=1e-6), (
        "after many steps fit_logistic_regression should reach the minimum "
        "of the logistic loss"
    )


@test_case(hidden=True)
def test_fit_lowers_the_loss_and_learns_the_bias(fit_logistic_regression):
    # Bias only: the best w0 is the log-odds of the labels.
    y = np.array([1, 1, 1, 0, 1, 1, 0, 1])
    got = np.asarray(fit_logistic_regression(np.ones((8, 1)), y, 2.0, 400),
                     dtype=float)
    assert np.allclose(got, [np.log(6 / 2)], atol=1e-6), (
        "with only the bias column the weight should reach the log-odds of "
        "the labels"
    )


@test_case(hidden=True)
def test_fit_invalid(fit_logistic_regression):
    for X, y, n_steps in ((np.ones((3, 2)), [0, 1], 5),
                          (np.ones((3, 2)), [0, 1, 2], 5),
                          ([1.0, 2.0, 3.0], [0, 1, 0], 5),
                          (np.zeros((0, 2)), [], 5),
                          (np.ones((3, 2)), [0, 1, 0], -1)):
        try:
            fit_logistic_regression(X, y, 0.1, n_steps)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "fit_logistic_regression should raise ValueError (not another "
            "exception) for an empty or non-2-D X, a y of the wrong length or "
            "with labels other than 0 and 1, or a negative n_steps"
        )


@test_case(hidden=True)
def test_fit_two_steps(fit_logistic_regression):
    X = np.array([[1.0, 2.0], [1.0, -1.0]])
    y = np.array([1, 0])
    got = np.asarray(fit_logistic_regression(X, y, 0.1, 2), dtype=float)
    w1 = np.array([0.0, 0.075])
    p = 1.0 / (1.0 + np.exp(-(X @ w1)))
    want = w1 - 0.1 * X.T @ (p - y) / 2
    assert np.allclose(got, want, rtol=1e-10), (
        "two steps from w = 0 give the wrong weights: each step is "
        "w - lr * X^T (sigmoid(X w) - y) / N"
    )


@test_case(hidden=True)
def test_fit_keeps_inputs(fit_logistic_regression):
    X = np.array([[1.0, 2.0], [1.0, -1.0]])
    y = np.array([1, 0])
    fit_logistic_regression(X, y, 0.1, 2)
    assert np.array_equal(X, [[1.0, 2.0], [1.0, -1.0]]), (
        "fit_logistic_regression must not change X"
    )
    assert np.array_equal(y, [1, 0]), (
        "fit_logistic_regression must not change y"
    )

# %% [markdown]
# ## Summary
#
# - **Maximum likelihood** picks the parameters under which the data is
#   least surprising. The log turns the likelihood's product into a sum;
#   the mean negative log-likelihood is the cross-entropy between the data
#   and the model.
# - For a **Gaussian**, the answer is the sample mean and the mean squared
#   deviation, dividing by $n$; the unbiased $n - 1$ answers a different
#   question.
# - The **sigmoid** turns a score into a probability; computed with only
#   non-positive exponents, it never overflows.
# - **Logistic regression** is one neuron: $p = \sigma(Xw)$, trained on the
#   mean binary cross-entropy $\log(1 + e^{z}) - yz$, whose gradient
#   $X^\top(p - y)/N$ is "predicted minus true" once more.
# - **Gradient descent** from $w = 0$ finds the weights, and the decision
#   boundary is the line $x \cdot w = 0$, perpendicular to $w$.
#
# Next week: stack such neurons into layers, replace the sigmoid inside by
# a ReLU, put week 12's softmax on top, and backpropagate "predicted minus
# true" through the whole network.
