# %% [markdown]
# # Week 10 — Continuous random variables and the Gaussian
#
# **Why this week matters.** Week 9's random variables took a handful of
# values: a rating from 1 to 5, a loss of 0 or 1. Most numbers a model
# meets are not like that. A pixel's brightness, the noise on a sensor, the
# weights of a freshly initialised network, the latent code of a variational
# autoencoder (VAE): each can be *any* real number, and the chance of
# hitting one exact value is zero. For them we need **densities** instead
# of probabilities, and **areas** instead of sums.
#
# One density dominates machine learning: the **Gaussian**, the bell curve.
# Regression assumes Gaussian noise (week 13 showed that this is where the
# squared error comes from), networks start from Gaussian weights, and a
# VAE draws Gaussian samples in a way that lets gradients flow through
# them. This week you build the whole toolkit from scratch.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `trapezoid` | the area under a curve, in strips | probabilities, means |
# | `gaussian_pdf` | the bell curve | noise models, initialisation |
# | `kde` | a small bell on every data point | smoothing, anomaly detection |
# | `mvn_logpdf` | elliptical contours in d dimensions | likelihoods, VAEs |
# | `sample_mvn` | a round cloud stretched into an ellipse | VAE sampling |
#
# Notation: $f$ is a function of one real variable; $[a, b]$ an interval;
# $\mu$ (`mu`) a mean and $\sigma$ (`sigma`) a standard deviation; in $d$
# dimensions, $\boldsymbol\mu$ (`mean`) is a vector of length $d$ and
# $\Sigma$ (`cov`) a $d \times d$ covariance matrix; samples are the rows of
# a matrix `X` of shape `(n, d)`.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Probability is an area
#
# Before densities, a tool: the area under a curve, $\int_a^b f(x)\,dx$.
# For a continuous random variable, every question "how likely is it that
# $X$ lands between $a$ and $b$?" will be answered by such an area, and so
# will every average ("what is the expected loss?"). For most curves of
# interest, including the bell curve, there is no formula for the area, so
# computers cut it into thin vertical strips and add them up.
#
# The simplest strip that follows the curve is a **trapezoid**: cut
# $[a, b]$ into $n$ equal pieces of width $h = (b - a)/n$, with grid points
# $x_k = a + kh$ for $k = 0, \dots, n$, and join neighbouring points of the
# curve by straight lines. The strip over $[x_k, x_{k+1}]$ has area
# $h \cdot \frac{f(x_k) + f(x_{k+1})}{2}$ (its width times its mean
# height). Adding the $n$ strips, every inner point is shared by two strips
# and the two end points belong to one each:
#
# $$T_n = h\Bigl(\tfrac12 f(x_0) + f(x_1) + \dots + f(x_{n-1})
#   + \tfrac12 f(x_n)\Bigr).$$
#
# How close does that get? Here is the curve $e^{-x^2/2}$, the shape of
# the bell we will meet in a moment, with 4 and with 8 strips.

# %% grading="skip"
grid = np.linspace(-3.5, 3.5, 400)
fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for ax, n_strips in zip(axes, (4, 8), strict=True):
    nodes = np.linspace(-3.0, 3.0, n_strips + 1)
    heights = np.exp(-(nodes**2) / 2)
    ax.fill_between(nodes, heights, color="C1", alpha=0.35,
                    label="trapezoids")
    ax.vlines(nodes, 0, heights, color="C1", lw=1)
    ax.plot(nodes, heights, "o-", color="C1", ms=4)
    ax.plot(grid, np.exp(-(grid**2) / 2), "C0", lw=2,
            label="f(x) = exp(-x²/2)")
    width = 6.0 / n_strips
    area = width * (heights.sum() - (heights[0] + heights[-1]) / 2)
    ax.set(title=f"{n_strips} trapezoids: area {area:.4f}",
           xlabel="x", ylabel="f(x)")
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# Where the curve bends downwards (near the top) the chords run below it
# and the trapezoids miss a sliver; where it bends upwards (in the tails)
# they overshoot. Doubling the number of strips shrinks the slivers a lot.
# How much? Let us measure it on a curve whose area we know,
# $\int_0^\pi \sin x \, dx = 2$, and plot the error against $n$ on
# logarithmic axes, where a power law $C/n^p$ becomes a straight line of
# slope $-p$.

# %% grading="skip"
ns_err = 2 ** np.arange(1, 11)
errors = []
for n_strips in ns_err:
    nodes = np.linspace(0.0, np.pi, n_strips + 1)
    values = np.sin(nodes)
    width = np.pi / n_strips
    area = width * (values.sum() - (values[0] + values[-1]) / 2)
    errors.append(abs(area - 2.0))
errors = np.array(errors)
slope, intercept = np.polyfit(np.log(ns_err), np.log(errors), 1)

fig, ax = plt.subplots(figsize=(6.5, 4.3))
ax.loglog(ns_err, errors, "o-", lw=2, label="|T_n - 2|")
ax.loglog(ns_err, np.pi**2 / (6 * ns_err**2), "k--", lw=1,
          label="π²/(6n²), the predicted error")
ax.set(title=f"Trapezoid error for ∫ sin on [0, π]: slope {slope:.3f}",
       xlabel="number of strips n", ylabel="absolute error")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()
print(f"measured slope of log(error) against log(n): {slope:.3f}")
print("error with n = 2, 4, 8:", errors[:3].round(5))
print(f"error with n = 1024: {errors[-1]:.2e}")

# %% [markdown]
# The points lie on a line of slope $-2.00$: **doubling $n$ divides the
# error by 4**, the error shrinks like $1/n^2$. The reason is the sliver
# between a chord and the curve: over a strip of width $h$ its area is
# about $\frac{h^3}{12}|f''|$ (the bending $f''$ decides how far the curve
# leaves the chord), and $n$ strips give a total of about
# $\frac{(b - a)h^2}{12}\,|f''|$, with $h = (b - a)/n$ and $|f''|$ the
# average bending over $[a, b]$. For $\sin$ on $[0, \pi]$ (average
# $|f''| = 2/\pi$) that is $\pi^2/(6n^2)$, the dashed line.
#
# Two consequences:
# - **A straight line is integrated exactly.** Its $f''$ is 0: the chords
#   *are* the curve. Trapezoids under $f(x) = 2x + 1$ on $[0, 3]$ with
#   $n = 3$ have heights $1, 3, 5, 7$, and
#   $T_3 = 1 \cdot (\frac12 + 3 + 5 + \frac72) = 12 = \int_0^3 (2x+1)\,dx$.
# - **A curve that bends is not.** For $x^2$ on $[0, 2]$ with $n = 2$
#   ($h = 1$, heights $0, 1, 4$): $T_2 = 0 + 1 + 2 = 3$, while the true
#   area is $\frac83$. The error $\frac13$ is exactly
#   $\frac{(b - a)h^2}{12} f'' = \frac{2 \cdot 1 \cdot 2}{12}$.
#
# If $a > b$, the same formula with $h = (b - a)/n < 0$ gives the
# *negative* of the area, which is what $\int_a^b = -\int_b^a$ says.
#
# ### Exercise 1: `trapezoid(f, a, b, n=1000)`
#
# Return the composite trapezoid rule $T_n$ for $\int_a^b f(x)\,dx$ with
# `n` equal sub-intervals, as a float. `f` is a function that takes a
# numpy array (call it **once**, on the array of the $n + 1$ grid points
# from `a` to `b`) and returns an array of the same shape. `a` and `b` are
# numbers; `a > b` gives the negative integral and `a == b` gives 0. Raise
# `ValueError` if `n < 1`. No shortcuts: `np.trapezoid`, `np.trapz` and
# `scipy.integrate` are not allowed.

# %% question="trapezoid" forbid=["np.trapezoid", "np.trapz", "scipy.integrate"]
def trapezoid(f, a, b, n=1000):
    """The composite trapezoid rule for the integral of f from a to b.

    f is called once, on the numpy array of the n + 1 equally spaced grid
    points from a to b, and returns an array of the same shape. Returns a
    float; a > b gives the negative integral. ValueError if n < 1.
    """
    # BEGIN SOLUTION
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    a, b = float(a), float(b)
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    h = (b - a) / n
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `x = np.linspace(a, b, n + 1)` gives the grid (both ends included),
# `y = f(x)` the heights and `h = (b - a) / n` the width. Then the sum of
# all heights counts each end point once too often by half:
# `h * (y.sum() - (y[0] + y[-1]) / 2)`. Check `n` before dividing by it.
# </details>

# %% tests="trapezoid"
import numpy as np


@test_case(hidden=False)
def test_trapezoid_exact_for_a_line(trapezoid):
    got = trapezoid(lambda x: 2 * x + 1, 0, 3, n=3)
    assert np.ndim(got) == 0, "trapezoid returns a single number"
    assert np.isclose(got, 12.0), (
        "the trapezoids under f(x) = 2x + 1 on [0, 3] with n = 3 have "
        "heights 1, 3, 5, 7 and area 1/2 + 3 + 5 + 7/2 = 12, the exact "
        "integral: the rule is exact for straight lines"
    )


@test_case(hidden=False)
def test_trapezoid_parabola_worked_example(trapezoid):
    got = trapezoid(lambda x: x**2, 0.0, 2.0, n=2)
    assert np.isclose(got, 3.0), (
        "for x**2 on [0, 2] with n = 2 the heights are 0, 1, 4 and the rule "
        "gives 1 * (0/2 + 1 + 4/2) = 3; the end points count half"
    )


@test_case(hidden=False)
def test_trapezoid_reversed_interval_is_negative(trapezoid):
    forward = trapezoid(lambda x: x**2, 0.0, 1.0, n=4)
    backward = trapezoid(lambda x: x**2, 1.0, 0.0, n=4)
    assert np.isclose(backward, -forward), (
        "integrating from 1 to 0 gives the negative of integrating from 0 "
        "to 1: h = (b - a) / n is negative, do not swap a and b"
    )


@test_case(hidden=True)
def test_trapezoid_random_functions(trapezoid):
    rng = np.random.default_rng(100)
    eps = np.finfo(float).eps
    for trial in range(6):
        a, b = np.sort(rng.uniform(-3, 3, size=2))
        if trial % 2:
            a, b = b, a  # every other interval runs backwards
        n = int(rng.integers(1, 60))
        c = rng.normal(size=3)

        def f(x, c=c):
            return c[0] * np.cos(c[1] * x) + c[2] * x**3

        x = np.linspace(a, b, n + 1)
        y = f(x)
        want = (b - a) / n * (np.sum(y[1:-1]) + (y[0] + y[-1]) / 2)
        # Summing n + 1 terms: rounding error at most a few (n + 1) * eps
        # times |b - a| max|f|.
        tol = 4 * (n + 1) * eps * abs(b - a) * np.max(np.abs(y))
        got = trapezoid(f, a, b, n)
        assert abs(got - want) <= tol, (
            "trapezoid does not match the composite trapezoid rule with n "
            "equal sub-intervals on random functions and intervals"
        )


@test_case(hidden=True)
def test_trapezoid_single_interval(trapezoid):
    got = trapezoid(lambda x: np.exp(x), -1.0, 2.0, n=1)
    want = 3.0 * (np.exp(-1.0) + np.exp(2.0)) / 2
    assert np.isclose(got, want, rtol=1e-12), (
        "with n = 1 the rule is one trapezoid: (b - a) (f(a) + f(b)) / 2"
    )


@test_case(hidden=True)
def test_trapezoid_error_shrinks_like_one_over_n_squared(trapezoid):
    # For exp on [0, 1] the error is (e - 1) h^2 / 12 - (e - 1) h^4 / 720
    # + ... (Euler-Maclaurin), so error * 12 n^2 / (e - 1) = 1 - h^2 / 60
    # + ...: within 2e-3 of 1 for n >= 8.
    exact = np.e - 1.0
    for n in (8, 16, 64):
        err = trapezoid(np.exp, 0.0, 1.0, n) - exact
        assert abs(err * 12 * n**2 / exact - 1.0) < 2e-3, (
            "the error of the trapezoid rule on a smooth curve should be "
            "(b - a) h^2 f'' / 12: too large or too small an error means "
            "the weights of the heights are wrong (the two ends count half)"
        )


@test_case(hidden=True)
def test_trapezoid_uses_the_grid_from_a_to_b(trapezoid):
    seen = []

    def f(x):
        seen.append(np.array(x, dtype=float, copy=True).ravel())
        return np.ones_like(x, dtype=float)

    got = trapezoid(f, -1.0, 2.0, n=6)
    points = np.sort(np.concatenate(seen)) if seen else np.zeros(0)
    assert points.shape == (7,) and np.allclose(
        points, np.linspace(-1.0, 2.0, 7), rtol=0, atol=1e-12
    ), (
        "trapezoid should evaluate f exactly at the n + 1 equally spaced "
        "points from a to b, both ends included"
    )
    assert np.isclose(got, 3.0), (
        "with f evaluated at the n + 1 grid points from a to b, the area "
        "under the constant 1 is b - a"
    )


@test_case(hidden=True)
def test_trapezoid_default_n(trapezoid):
    x = np.linspace(0.0, np.pi, 1001)
    y = np.sin(x)
    want = np.pi / 1000 * (np.sum(y) - (y[0] + y[-1]) / 2)
    got = trapezoid(np.sin, 0.0, np.pi)
    assert np.isclose(got, want, rtol=1e-12), (
        "by default trapezoid uses n = 1000 sub-intervals"
    )


@test_case(hidden=True)
def test_trapezoid_integer_limits_and_empty_interval(trapezoid):
    got = trapezoid(lambda x: x**2, 0, 3, 3)
    assert np.isclose(got, 9.5), (
        "trapezoid should accept integer limits a and b and compute in "
        "floating point"
    )
    assert np.isclose(trapezoid(np.cos, 1.5, 1.5, 10), 0.0), (
        "over an empty interval (a == b) the area is 0"
    )


@test_case(hidden=True)
def test_trapezoid_n_below_one_raises(trapezoid):
    for n in (0, -3):
        try:
            trapezoid(np.sin, 0.0, 1.0, n)
        except ValueError:
            continue
        raise AssertionError(
            "trapezoid should raise ValueError for n < 1 (no sub-intervals)"
        )

# %% [markdown]
# ## 2. Density: probability per unit length
#
# Ask a question about a continuous quantity, say the height of an adult,
# and "what is the probability of exactly 172.000… cm?" has the answer 0:
# there are infinitely many possible heights and none of them gets a
# positive share. Yet some heights are clearly more common than others.
# The way out is the picture of a histogram.
#
# Measure 20 000 heights and sort them into bins. With wide bins, each bin
# holds a good fraction of the people; halve the width and every fraction
# roughly halves too, and as the bins shrink all fractions go to 0 (left).
# But divide each fraction by the **bin width** and the bars settle onto one
# curve (right): the fraction of people **per centimetre**. That curve
# (dashed: the one these simulated heights were drawn from) is the
# **probability density** $p(x)$.

# %% grading="skip"
rng = np.random.default_rng(2)
heights = rng.normal(loc=172.0, scale=8.0, size=20000)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
for width, color in [(8.0, "C0"), (2.0, "C1"), (0.5, "C2")]:
    edges = np.arange(130.0, 214.0 + width, width)
    counts, _ = np.histogram(heights, bins=edges)
    fractions = counts / len(heights)
    ax1.stairs(fractions, edges, color=color, lw=1.5,
               label=f"bins of {width} cm")
    ax2.stairs(fractions / width, edges, color=color, lw=1.5,
               label=f"bins of {width} cm")
smooth = np.linspace(130.0, 214.0, 400)
ax2.plot(smooth, np.exp(-((smooth - 172.0) ** 2) / (2 * 8.0**2))
         / (8.0 * np.sqrt(2 * np.pi)), "k--", lw=1.5, label="the density")
ax1.set(title="Fraction of people per bin", xlabel="height (cm)",
        ylabel="fraction")
ax2.set(title="Fraction per bin / bin width", xlabel="height (cm)",
        ylabel="density (1 / cm)")
for ax in (ax1, ax2):
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# So a density is to probability what a mass density (kg per m³) is to
# mass: the probability of a small interval $[x, x + \Delta x]$ is about
# $p(x)\,\Delta x$, and the probability of any interval is the **area**
# under the density:
#
# $$P(a \le X \le b) = \int_a^b p(x)\,dx, \qquad
#   \int_{-\infty}^{\infty} p(x)\,dx = 1.$$
#
# Two consequences that surprise people. A density is not a probability,
# so it **can be larger than 1**: a quantity that always lies within a
# millimetre-wide window has a density around 1000 per metre. And its value
# depends on the unit: heights in metres have densities 100 times larger
# than heights in centimetres (the same probability on a 100 times shorter
# interval).
#
# ### The bell curve and its normaliser
#
# The bars on the right follow the famous bell shape, $e^{-x^2/2}$ after
# shifting and rescaling. On its own it is not a density: its area is not
# 1. The trapezoids of section 1 measure it:

# %% grading="skip"
nodes = np.linspace(-10.0, 10.0, 1001)
bell = np.exp(-(nodes**2) / 2)
area = (nodes[1] - nodes[0]) * (bell.sum() - (bell[0] + bell[-1]) / 2)
print(f"area under exp(-x²/2): {area:.12f}")
print(f"sqrt(2π):              {np.sqrt(2 * np.pi):.12f}")

# %% [markdown]
# The area is $\sqrt{2\pi} \approx 2.5066$. (There is a beautiful reason:
# the *square* of the area is the volume under $e^{-(x^2 + y^2)/2}$ over
# the plane, and in polar coordinates that volume is
# $\int_0^{2\pi}\!\int_0^\infty e^{-r^2/2}\,r\,dr\,d\theta = 2\pi \cdot 1$.
# The trapezoids are also unusually accurate here: the bell is so flat at
# both ends of $[-10, 10]$ that the $1/n^2$ errors of section 1 cancel.)
# Dividing by it gives the **standard normal density**
# $\varphi(x) = e^{-x^2/2}/\sqrt{2\pi}$, with area 1.
#
# Now shift and stretch: if $Z$ has density $\varphi$, then
# $X = \mu + \sigma Z$ has mean $\mu$ and standard deviation $\sigma$.
# Stretching the axis by $\sigma$ makes the bell $\sigma$ times wider, so to
# keep the area at 1 it must become $\sigma$ times lower:
#
# $$p(x \mid \mu, \sigma) = \frac{1}{\sigma}\,
#   \varphi\Bigl(\frac{x - \mu}{\sigma}\Bigr)
#   = \frac{1}{\sigma\sqrt{2\pi}}
#     \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr).$$
#
# This $1/\sigma$ is the one-dimensional version of week 3's determinant:
# a map that scales lengths by $\sigma$ divides densities by $\sigma$. It
# comes back in $d$ dimensions in section 4.
#
# **The 68–95–99.7 rule.** How much probability lies within one, two,
# three standard deviations of the mean? Areas under the bell, by
# trapezoids, and the fractions of the 20 000 heights above:

# %% grading="skip"
rng = np.random.default_rng(2)
heights = rng.normal(loc=172.0, scale=8.0, size=20000)
x = np.linspace(-4.5, 4.5, 600)
phi = np.exp(-(x**2) / 2) / np.sqrt(2 * np.pi)
fig, ax = plt.subplots(figsize=(8, 4.3))
ax.plot(x, phi, "k", lw=2)
for k, color in [(3, "#c7e9c0"), (2, "#fdd0a2"), (1, "#9ecae1")]:
    inside = np.abs(x) <= k
    nodes = np.linspace(-k, k, 1001)
    dens = np.exp(-(nodes**2) / 2) / np.sqrt(2 * np.pi)
    prob = (nodes[1] - nodes[0]) * (dens.sum() - (dens[0] + dens[-1]) / 2)
    frac = np.mean(np.abs(heights - 172.0) <= k * 8.0)
    ax.fill_between(x[inside], phi[inside], color=color,
                    label=f"|x - μ| ≤ {k}σ: area {prob:.4f}")
    print(f"within {k} sigma: area {prob:.4f}, "
          f"fraction of the heights {frac:.4f}")
ax.set(title="The 68–95–99.7 rule for the standard normal density",
       xlabel="(x - μ) / σ, in standard deviations", ylabel="density")
ax.legend(loc="upper right", fontsize=9)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# About **68 %** of the probability lies within one standard deviation,
# **95 %** within two and **99.7 %** within three; the heights agree to two
# or three digits. This is the ruler practitioners carry around: a
# measurement three standard deviations from the mean happens about 3 times
# in 1000, which is why "3 sigma" is a common threshold for outliers.
#
# **Worked example.** The peak of the standard bell is
# $\varphi(0) = 1/\sqrt{2\pi} \approx 0.39894$, and one standard deviation
# out it is $\varphi(1) = e^{-1/2}/\sqrt{2\pi} \approx 0.24197$. With
# $\sigma = 2$ the bell is twice as wide and half as tall: its peak is
# $0.19947$. With $\sigma = 0.1$ the peak is $3.98942$, a density above 1.
#
# ### Exercise 2: `gaussian_pdf(x, mu=0.0, sigma=1.0)`
#
# Return the normal density $p(x \mid \mu, \sigma)$ above. `x` is a number
# or an array-like of any shape (a list, a numpy array); for an array the
# density is computed **elementwise** and returned as a float array of the
# same shape, for a single number it is returned as a float. `mu` and
# `sigma` are numbers. Raise `ValueError` if `sigma <= 0` or if `x` is
# empty (as everywhere in the course, empty input is an error). Do not
# change `x`. No shortcut: `scipy.stats` is not allowed.

# %% question="gaussian_pdf" forbid=["scipy.stats"]
def gaussian_pdf(x, mu=0.0, sigma=1.0):
    """The normal density with mean mu and standard deviation sigma at x.

    Elementwise for an array-like x (a float array of the same shape), a
    float for a single number. ValueError if sigma <= 0 or x is empty.
    """
    # BEGIN SOLUTION
    if not sigma > 0:
        raise ValueError(f"sigma must be positive, got {sigma}")
    values = np.asarray(x, dtype=float)
    if values.size == 0:
        raise ValueError("x is empty")
    z = (values - mu) / sigma
    density = np.exp(-0.5 * z**2) / (sigma * np.sqrt(2 * np.pi))
    if density.ndim == 0:
        return float(density)
    return density
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert first, `values = np.asarray(x, dtype=float)`, and standardise,
# `z = (values - mu) / sigma`. The density is
# `np.exp(-z**2 / 2) / (sigma * np.sqrt(2 * np.pi))`: note the $\frac12$
# in the exponent and that the normaliser holds $\sigma$, not $\sigma^2$.
# For a single number (`density.ndim == 0`) return `float(density)`.
# </details>

# %% tests="gaussian_pdf"
import numpy as np


@test_case(hidden=False)
def test_gaussian_pdf_standard_values(gaussian_pdf):
    peak = gaussian_pdf(0.0)
    assert np.ndim(peak) == 0, "for a single number x return a float"
    assert np.isclose(peak, 1 / np.sqrt(2 * np.pi)), (
        "the peak of the standard normal density is 1/sqrt(2π) ≈ 0.39894: "
        "e^0 divided by the normaliser sqrt(2π)"
    )
    assert np.isclose(gaussian_pdf(1.0), np.exp(-0.5) / np.sqrt(2 * np.pi)), (
        "one standard deviation out, the density is e^(-1/2)/sqrt(2π) ≈ "
        "0.24197: the exponent is -(x - mu)**2 / (2 sigma**2)"
    )


@test_case(hidden=False)
def test_gaussian_pdf_wider_is_lower(gaussian_pdf):
    assert np.isclose(gaussian_pdf(3.0, mu=3.0, sigma=2.0),
                      0.5 / np.sqrt(2 * np.pi)), (
        "with sigma = 2 the bell is twice as wide and half as tall: its "
        "peak (at x = mu) is 1/(2 sqrt(2π)) ≈ 0.19947; the normaliser is "
        "sigma sqrt(2π), not sigma**2 sqrt(2π)"
    )
    assert np.isclose(gaussian_pdf(0.0, sigma=0.1), 10 / np.sqrt(2 * np.pi)), (
        "with sigma = 0.1 the peak is 3.98942: a density can be larger "
        "than 1, it is a probability per unit length"
    )


@test_case(hidden=False)
def test_gaussian_pdf_elementwise(gaussian_pdf):
    got = np.asarray(gaussian_pdf([-1.0, 0.0, 1.0]))
    assert got.shape == (3,), "for a list of 3 numbers return 3 densities"
    assert np.allclose(got, np.exp(-0.5 * np.array([1.0, 0.0, 1.0]))
                       / np.sqrt(2 * np.pi)), (
        "the densities at -1, 0, 1 are 0.24197, 0.39894, 0.24197"
    )


@test_case(hidden=True)
def test_gaussian_pdf_random(gaussian_pdf):
    # exp(-u) carries the rounding of u, about u * eps relative, with
    # u <= 18 here: rtol 1e-12 is generous.
    rng = np.random.default_rng(200)
    for shape in ((7,), (3, 4), (2, 2, 2)):
        mu = rng.normal(scale=3.0)
        sigma = rng.uniform(0.2, 5.0)
        x = mu + sigma * rng.uniform(-6, 6, size=shape)
        want = (np.exp(-((x - mu) ** 2) / (2 * sigma**2))
                / (sigma * np.sqrt(2 * np.pi)))
        got = np.asarray(gaussian_pdf(x, mu, sigma), dtype=float)
        assert got.shape == shape, (
            "gaussian_pdf should return an array shaped like x"
        )
        assert np.allclose(got, want, rtol=1e-12, atol=0), (
            "gaussian_pdf is wrong for random x, mu and sigma"
        )


@test_case(hidden=True)
def test_gaussian_pdf_integrates_to_one(gaussian_pdf):
    # Trapezoids on mu +- 12 sigma: the tails beyond hold ~1e-32, and the
    # rule is far more accurate than 1/n^2 for a bell that is flat at both
    # ends; what is left is rounding, about n * eps.
    for mu, sigma in ((0.0, 1.0), (5.0, 0.01), (-2.0, 30.0)):
        x = np.linspace(mu - 12 * sigma, mu + 12 * sigma, 2001)
        y = np.asarray(gaussian_pdf(x, mu, sigma), dtype=float)
        area = (x[1] - x[0]) * (np.sum(y) - (y[0] + y[-1]) / 2)
        assert abs(area - 1.0) < 1e-9, (
            "the area under gaussian_pdf should be 1 for every mu and "
            "sigma: check the normaliser 1 / (sigma sqrt(2π))"
        )


@test_case(hidden=True)
def test_gaussian_pdf_shift_and_scale(gaussian_pdf):
    rng = np.random.default_rng(201)
    z = rng.normal(size=9)
    for mu, sigma in ((1.5, 0.5), (-4.0, 3.0)):
        got = np.asarray(gaussian_pdf(mu + sigma * z, mu, sigma), dtype=float)
        base = np.asarray(gaussian_pdf(z), dtype=float)
        assert np.allclose(got, base / sigma, rtol=1e-12), (
            "p(mu + sigma z | mu, sigma) should be p(z | 0, 1) / sigma: "
            "shifting moves the bell, stretching by sigma lowers it by sigma"
        )
        sym = np.asarray(gaussian_pdf(mu - sigma * z, mu, sigma), dtype=float)
        assert np.allclose(got, sym, rtol=1e-12), (
            "the bell is symmetric around mu"
        )


@test_case(hidden=True)
def test_gaussian_pdf_far_tails(gaussian_pdf):
    got = np.asarray(gaussian_pdf([-40.0, 40.0, 1e6], 0.0, 1.0), dtype=float)
    assert np.all(np.isfinite(got)) and np.all(got >= 0), (
        "far in the tails the density is a tiny non-negative number, never "
        "nan or inf"
    )
    assert np.all(got < 1e-300), "far in the tails the density is about 0"


@test_case(hidden=True)
def test_gaussian_pdf_accepts_integers_and_keeps_input(gaussian_pdf):
    x = np.array([0, 1, 2, 3])
    got = np.asarray(gaussian_pdf(x, 1, 2), dtype=float)
    want = np.exp(-((x - 1.0) ** 2) / 8.0) / (2 * np.sqrt(2 * np.pi))
    assert np.allclose(got, want, rtol=1e-12), (
        "gaussian_pdf should work for integer x, mu and sigma (compute in "
        "floating point)"
    )
    assert np.array_equal(x, [0, 1, 2, 3]) and x.dtype.kind == "i", (
        "gaussian_pdf must not change x"
    )
    xf = np.array([0.5, -1.5])
    gaussian_pdf(xf, 0.3, 1.2)
    assert np.array_equal(xf, [0.5, -1.5]), "gaussian_pdf must not change x"


@test_case(hidden=True)
def test_gaussian_pdf_invalid_raises(gaussian_pdf):
    for x, sigma in ((1.0, 0.0), (1.0, -2.0), ([0.0, 1.0], 0), ([], 1.0)):
        try:
            gaussian_pdf(x, 0.0, sigma)
        except ValueError:
            continue
        raise AssertionError(
            "gaussian_pdf should raise ValueError for sigma <= 0 (a bell "
            "needs a positive width) or an empty x"
        )

# %% [markdown]
# ## 3. Kernel density estimates: a histogram without bins
#
# Real data rarely come with their density attached. Suppose we have 200
# response times of a web service and want the shape of their
# distribution: to see it, to flag unusually slow requests (low density
# means unusual, the idea behind density-based anomaly detection), or to
# draw new synthetic values. A histogram is a first answer, but it depends
# on where the bins start and its bars jump.
#
# A **kernel density estimate** (KDE) replaces every data point by a small
# bell centred on it, of width $h$ (the **bandwidth**), and averages the
# bells:
#
# $$\hat p(x) = \frac1n \sum_{i=1}^n p(x \mid d_i, h)
#   = \frac{1}{n}\sum_{i=1}^n \frac{1}{h\sqrt{2\pi}}
#     \exp\Bigl(-\frac{(x - d_i)^2}{2h^2}\Bigr).$$
#
# Each bell has area 1, so their mean has area 1: $\hat p$ is a density,
# smooth, and high wherever the data crowd together. (This is what
# seaborn's `kdeplot` draws.) The one choice left is $h$, and it matters a
# lot. The data below come from a known mixture of two bells, so we can
# compare each estimate with the truth:

# %% grading="skip"
rng = np.random.default_rng(3)
n_data = 200
left = rng.uniform(size=n_data) < 0.6
sample = np.where(left, rng.normal(2.0, 0.5, n_data),
                  rng.normal(4.5, 0.8, n_data))
xs = np.linspace(0.0, 7.0, 700)


def mixture_density(x):
    return (0.6 * np.exp(-((x - 2.0) ** 2) / (2 * 0.5**2)) / 0.5
            + 0.4 * np.exp(-((x - 4.5) ** 2) / (2 * 0.8**2)) / 0.8
            ) / np.sqrt(2 * np.pi)


def kde_demo(points, data, h):
    z = (points[:, None] - data[None, :]) / h
    return np.mean(np.exp(-(z**2) / 2), axis=1) / (h * np.sqrt(2 * np.pi))


fig, axes = plt.subplots(1, 3, figsize=(13, 3.8), sharey=True)
for ax, h in zip(axes, (0.05, 0.3, 1.5), strict=True):
    ax.plot(xs, mixture_density(xs), "k--", lw=1.5, label="true density")
    ax.plot(xs, kde_demo(xs, sample, h), "C0", lw=2, label="KDE")
    ax.plot(sample, np.zeros_like(sample) - 0.02, "|", color="C3", ms=8)
    ax.set(title=f"bandwidth h = {h}", xlabel="response time (s)")
    ax.grid(alpha=0.3)
axes[0].set_ylabel("density")
axes[0].legend(fontsize=8)
fig.suptitle("Kernel density estimates of the same 200 points")
fig.tight_layout()
plt.show()

# %% [markdown]
# - With a **tiny** bandwidth (left) every point keeps its own spike: the
#   estimate follows the accidents of this particular sample. Draw another
#   200 points and the spikes move. That is **variance**.
# - With a **huge** bandwidth (right) the two humps melt into one broad
#   hill: the estimate is stable but systematically wrong, too flat at the
#   peaks and too high in the valley. That is **bias**. (Each point's mass
#   is smeared over a width $h$; the estimate's variance is the data's
#   variance plus $h^2$.)
# - In between (middle), both errors are moderate.
#
# This **bias–variance trade-off** is the same one behind every model with
# a complexity knob, from the degree of a polynomial to the size of a
# network. We can measure it here because we know the truth: the
# integrated squared error $\int (\hat p - p)^2\,dx$, averaged over 30
# fresh samples of 200 points, for a range of bandwidths.

# %% grading="skip"
rng = np.random.default_rng(4)
bandwidths = np.geomspace(0.02, 2.0, 15)
ise = np.zeros((30, len(bandwidths)))
truth = mixture_density(xs)
dx = xs[1] - xs[0]
for rep in range(30):
    pick = rng.uniform(size=n_data) < 0.6
    fresh = np.where(pick, rng.normal(2.0, 0.5, n_data),
                     rng.normal(4.5, 0.8, n_data))
    for j, h in enumerate(bandwidths):
        ise[rep, j] = np.sum((kde_demo(xs, fresh, h) - truth) ** 2) * dx
mean_ise = ise.mean(axis=0)
best = bandwidths[np.argmin(mean_ise)]
fig, ax = plt.subplots(figsize=(6.5, 4.2))
ax.loglog(bandwidths, mean_ise, "o-", lw=2)
ax.axvline(best, color="C3", ls="--", label=f"best h ≈ {best:.2f}")
ax.set(title="Error of the KDE against its bandwidth",
       xlabel="bandwidth h", ylabel="mean integrated squared error")
ax.legend()
ax.grid(alpha=0.3, which="both")
plt.show()
for h in (0.05, 0.3, 1.5):
    j = np.argmin(np.abs(bandwidths - h))
    print(f"h = {bandwidths[j]:.3f}: mean integrated squared error "
          f"{mean_ise[j]:.4f}")
print(f"best bandwidth on the grid: {best:.3f}")
silverman = 1.06 * sample.std() * n_data ** (-1 / 5)
print(f"Silverman's rule of thumb for the sample above: {silverman:.3f}")

# %% [markdown]
# The error is a valley: large for tiny bandwidths (variance), large for
# huge ones (bias), smallest in between. The three bandwidths of the
# figure above score about 0.024 ($h \approx 0.05$), 0.007 ($h \approx
# 0.3$) and 0.077 ($h \approx 1.4$); the best on the grid is
# $h \approx 0.2$. In practice the truth is unknown,
# so $h$ is chosen by a rule of thumb (Silverman's
# $h = 1.06\,\hat\sigma\, n^{-1/5}$, which assumes a single bell and so
# oversmooths two humps: here it gives $h \approx 0.51$) or by
# cross-validation, the topic of week 14.
#
# **Worked example.** Data $\{0, 2\}$, bandwidth $h = 1$. At the point
# $x = 1$ both bells contribute $\varphi(1) \approx 0.24197$, so
# $\hat p(1) = 0.24197$. At $x = 0$ one bell contributes its peak
# $\varphi(0) \approx 0.39894$ and the other $\varphi(2) \approx 0.05399$:
# $\hat p(0) = (0.39894 + 0.05399)/2 \approx 0.22647$.
#
# ### Exercise 3: `kde(points, data, bandwidth)`
#
# Return the Gaussian kernel density estimate $\hat p$ at each of the
# `points`: the **mean** over the `data` of the normal density with mean
# $d_i$ and standard deviation `bandwidth`. `points` and `data` are
# non-empty 1-D array-likes (of any lengths, not necessarily equal);
# return a float array shaped like `points`. Raise `ValueError` if
# `bandwidth <= 0` or if `data` or `points` is empty. Do not change the
# inputs. No shortcuts: `scipy.stats` and `sklearn` are not allowed.

# %% question="kde" forbid=["scipy.stats", "sklearn"]
def kde(points, data, bandwidth):
    """The Gaussian kernel density estimate at each of the points.

    The mean over data of the normal density with mean data_i and standard
    deviation bandwidth; a float array shaped like points. ValueError if
    bandwidth <= 0, or data or points is empty.
    """
    # BEGIN SOLUTION
    if not bandwidth > 0:
        raise ValueError(f"bandwidth must be positive, got {bandwidth}")
    points = np.asarray(points, dtype=float)
    data = np.asarray(data, dtype=float)
    if data.size == 0 or points.size == 0:
        raise ValueError("points and data must be non-empty")
    z = (points[..., None] - data.ravel()) / bandwidth
    bells = np.exp(-0.5 * z**2) / (bandwidth * np.sqrt(2 * np.pi))
    return np.mean(bells, axis=-1)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Broadcasting builds the whole table of standardised distances at once:
# `z = (points[:, None] - data[None, :]) / bandwidth` has one row per
# point and one column per data value. Turn it into bells with the
# formula of exercise 2 (the normaliser uses `bandwidth`) and take the
# **mean** along the data axis, `axis=1`: a sum would give an area of $n$.
# </details>

# %% tests="kde"
import numpy as np


@test_case(hidden=False)
def test_kde_worked_example(kde):
    got = np.asarray(kde([0.0, 1.0], [0.0, 2.0], 1.0), dtype=float)
    phi = np.exp(-0.5 * np.array([0.0, 1.0, 4.0])) / np.sqrt(2 * np.pi)
    assert got.shape == (2,), "kde returns one density per point"
    assert np.allclose(got, [(phi[0] + phi[2]) / 2, phi[1]]), (
        "for data 0 and 2 with bandwidth 1: at x = 1 both bells give "
        "0.24197, at x = 0 the mean of 0.39894 and 0.05399 is 0.22647 "
        "(take the mean over the data, not the sum)"
    )


@test_case(hidden=False)
def test_kde_one_data_point_is_a_bell(kde):
    x = np.array([-1.0, 0.5, 2.0])
    got = np.asarray(kde(x, [0.5], 0.5), dtype=float)
    want = np.exp(-((x - 0.5) ** 2) / (2 * 0.25)) / (0.5 * np.sqrt(2 * np.pi))
    assert np.allclose(got, want), (
        "with a single data value the KDE is one bell centred on it whose "
        "standard deviation is the bandwidth (normaliser bandwidth "
        "sqrt(2π))"
    )


@test_case(hidden=True)
def test_kde_random(kde):
    # A mean of n positive terms: the rounding stays a few eps relative.
    rng = np.random.default_rng(300)
    for n_points, n_data in ((1, 1), (5, 40), (30, 7)):
        points = rng.normal(scale=2.0, size=n_points)
        data = rng.normal(scale=2.0, size=n_data)
        h = rng.uniform(0.1, 2.0)
        z = (points[:, None] - data[None, :]) / h
        want = np.mean(np.exp(-(z**2) / 2), axis=1) / (h * np.sqrt(2 * np.pi))
        got = np.asarray(kde(points, data, h), dtype=float)
        assert got.shape == (n_points,), (
            "kde should return one value per point, whatever the number of "
            "data values"
        )
        assert np.allclose(got, want, rtol=1e-10, atol=0), (
            "kde is wrong for random points, data and bandwidths"
        )


@test_case(hidden=True)
def test_kde_integrates_to_one(kde):
    # Trapezoids on a wide grid: the bells are flat at both ends, so what
    # is left is rounding (about n * eps).
    rng = np.random.default_rng(301)
    data = rng.exponential(size=25)
    for h in (0.05, 0.4, 3.0):
        x = np.linspace(data.min() - 12 * h, data.max() + 12 * h, 4001)
        y = np.asarray(kde(x, data, h), dtype=float)
        area = (x[1] - x[0]) * (np.sum(y) - (y[0] + y[-1]) / 2)
        assert abs(area - 1.0) < 1e-6, (
            "the KDE is a density: its area should be 1 for every "
            "bandwidth (a mean of bells of area 1)"
        )


@test_case(hidden=True)
def test_kde_bandwidth_adds_its_square_to_the_variance(kde):
    # The KDE is the density of d_I + h Z: variance var(data) + h^2.
    rng = np.random.default_rng(302)
    data = rng.normal(size=15)
    for h in (0.3, 2.0):
        x = np.linspace(-30.0, 30.0, 6001)
        y = np.asarray(kde(x, data, h), dtype=float)
        dx = x[1] - x[0]
        mean = np.sum(x * y) * dx
        var = np.sum((x - mean) ** 2 * y) * dx
        assert np.isclose(mean, np.mean(data), atol=1e-8), (
            "the KDE's mean should be the mean of the data"
        )
        assert np.isclose(var, np.var(data) + h**2, rtol=1e-7), (
            "the KDE's variance should be the data's variance plus "
            "bandwidth**2: is the bandwidth the standard deviation of "
            "each bell?"
        )


@test_case(hidden=True)
def test_kde_repeating_the_data_changes_nothing(kde):
    rng = np.random.default_rng(303)
    data = rng.normal(size=6)
    points = rng.normal(size=4)
    once = np.asarray(kde(points, data, 0.7), dtype=float)
    twice = np.asarray(kde(points, np.concatenate([data, data[::-1]]), 0.7),
                       dtype=float)
    assert np.allclose(once, twice, rtol=1e-12), (
        "listing every data value twice should not change the KDE: it is "
        "a mean over the data"
    )


@test_case(hidden=True)
def test_kde_invalid_raises(kde):
    for points, data, h in (([0.0], [1.0, 2.0], 0.0),
                            ([0.0], [1.0, 2.0], -1.0),
                            ([0.0, 1.0], [], 1.0),
                            ([], [1.0, 2.0], 1.0)):
        try:
            kde(points, data, h)
        except ValueError:
            continue
        raise AssertionError(
            "kde should raise ValueError for a bandwidth <= 0 or empty "
            "points or data"
        )


@test_case(hidden=True)
def test_kde_keeps_inputs(kde):
    points = np.array([2.0, 0.0, 1.0])
    data = np.array([3.0, -1.0, 1.0])
    kde(points, data, 2.0)
    assert np.array_equal(points, [2.0, 0.0, 1.0]), (
        "kde must not change points"
    )
    assert np.array_equal(data, [3.0, -1.0, 1.0]), "kde must not change data"

# %% [markdown]
# ## 4. The Gaussian in $d$ dimensions
#
# Data points in ML are vectors: an image of 28 × 28 pixels is a point in
# 784 dimensions, the latent code of a VAE a point in 16 or 128. The
# multivariate Gaussian $\mathcal N(\boldsymbol\mu, \Sigma)$ is the
# bell curve there. Its density is
#
# $$p(\mathbf x) = \frac{1}{(2\pi)^{d/2}\sqrt{\det\Sigma}}
#   \exp\Bigl(-\tfrac12 (\mathbf x - \boldsymbol\mu)^\top \Sigma^{-1}
#   (\mathbf x - \boldsymbol\mu)\Bigr).$$
#
# Read it piece by piece, with the one-dimensional formula in mind:
# - The exponent is a squared distance, measured in the matrix's own units
#   (the **Mahalanobis distance**): along a direction where the data vary a
#   lot, moving away from the mean costs little. Its level sets, the
#   **contours** of the density, are ellipses (ellipsoids) whose axes point
#   along the eigenvectors of $\Sigma$, with half-lengths proportional to
#   $\sqrt{\text{eigenvalue}}$. Section 5 draws them.
# - The normaliser is $(2\pi)^{d/2}$, one $\sqrt{2\pi}$ per dimension, times
#   $\sqrt{\det\Sigma}$, which replaces $\sigma$. Week 3 explains why: a
#   Gaussian vector is $\mathbf x = \boldsymbol\mu + L\mathbf z$ with $\mathbf
#   z$ a vector of independent standard normals and $LL^\top = \Sigma$.
#   The map $L$ scales every volume by $|\det L| = \sqrt{\det\Sigma}$, so it
#   divides the density by that much.
#
# ### Why through a Cholesky factor
#
# Written as above, the formula invites two detours. The explicit inverse
# $\Sigma^{-1}$ is more work and less accurate than solving a system (it
# still gives a usable answer). The determinant $\det\Sigma$ goes badly
# wrong in high dimension: it is a product of $d$ numbers, which overflows
# or underflows long before its logarithm is large.
# Let us try both on a Gaussian over 784 pixels with independent noise of
# variance 4, and of variance 0.25.

# %% grading="skip"
d_pix = 784
for var in (4.0, 0.25):
    cov_pix = var * np.eye(d_pix)
    with np.errstate(divide="ignore", over="ignore"):
        det = np.linalg.det(cov_pix)
        naive_logdet = np.log(det)
    chol = np.linalg.cholesky(cov_pix)
    print(f"variance {var}: det = {det}, log det via det = {naive_logdet}, "
          f"log det via Cholesky = {2 * np.sum(np.log(np.diag(chol))):.2f}")

# %% [markdown]
# $4^{784} \approx 10^{472}$ is larger than the largest double (about
# $10^{308}$), and $0.25^{784}$ is smaller than the smallest: the
# determinant comes out as `inf` or `0`, and the log-density as $-\infty$
# or $+\infty$ for *every* point. The logarithm itself, $784 \log 4 \approx
# 1086.85$, is a harmless number. In ML we always want the
# **log-density** anyway (the log-likelihood of week 13), so we never form
# the density or the determinant. The tool is the **Cholesky
# factorisation** $\Sigma = LL^\top$, with $L$ lower triangular with a
# positive diagonal. `np.linalg.cholesky` computes it, and fails with an
# error when the matrix is not positive definite; but it reads only the
# lower triangle, so it does *not* notice a matrix that is not symmetric:
# check that yourself. Then:
#
# 1. **The quadratic form without an inverse.** With
#    $\mathbf r = \mathbf x - \boldsymbol\mu$,
#    $\mathbf r^\top\Sigma^{-1}\mathbf r = \mathbf r^\top L^{-\top}L^{-1}
#    \mathbf r = \|L^{-1}\mathbf r\|^2$. So solve the triangular system
#    $L\mathbf y = \mathbf r$ (forward substitution: the first equation
#    gives $y_1$, the second then $y_2$, …) and take $\|\mathbf y\|^2$.
# 2. **The log-determinant without a determinant.** The determinant of a
#    triangular matrix is the product of its diagonal (week 3), so
#    $\det\Sigma = \det L\,\det L^\top = \prod_i L_{ii}^2$ and
#    $\log\det\Sigma = 2\sum_i \log L_{ii}$: a sum of logarithms, which
#    never overflows.
#
# Together:
#
# $$\log p(\mathbf x) = -\tfrac12\|\mathbf y\|^2 - \sum_{i=1}^d \log L_{ii}
#   - \tfrac d2 \log(2\pi), \qquad L\mathbf y = \mathbf x - \boldsymbol\mu.$$
#
# For a batch of points, the rows of $X$, solve for all residuals at once:
# $L Y^\top = (X - \boldsymbol\mu)^\top$.
#
# **Worked example.** $d = 2$, $\boldsymbol\mu = \mathbf 0$,
# $\Sigma = \operatorname{diag}(1, 4)$, so $L = \operatorname{diag}(1, 2)$.
# At $\mathbf x = (1, 2)$: $\mathbf y = (1, 1)$, $\|\mathbf y\|^2 = 2$,
# $\sum\log L_{ii} = \log 2$, and
# $\log p = -1 - \log 2 - \log(2\pi) \approx -3.53102$. Since $\Sigma$ is
# diagonal, this is also the sum of two one-dimensional log-densities:
# $\log\varphi(1) + \log\bigl(\varphi(1)/2\bigr)$.

# %% grading="skip"
cov_ex = np.array([[1.0, 0.0], [0.0, 4.0]])
L_ex = np.linalg.cholesky(cov_ex)
y_ex = np.linalg.solve(L_ex, np.array([1.0, 2.0]))
log_p = (-0.5 * y_ex @ y_ex - np.sum(np.log(np.diag(L_ex)))
         - np.log(2 * np.pi))
print("L =", L_ex.tolist(), " y =", y_ex, f" log p = {log_p:.5f}")
one_d = np.log(np.exp(-0.5) / np.sqrt(2 * np.pi))
print(f"sum of the 1-D log-densities: {one_d + one_d - np.log(2.0):.5f}")

# %% [markdown]
# ### Exercise 4: `mvn_logpdf(X, mean, cov)`
#
# Return the log-density of $\mathcal N(\texttt{mean}, \texttt{cov})$ at
# each row of `X`, computed through the Cholesky factor of `cov` as above.
# - `mean` has shape `(d,)` with $d \ge 1$ and `cov` shape `(d, d)`.
# - `X` is either one point of shape `(d,)`, then return a float, or a
#   matrix `(n, d)` with $n \ge 1$ rows, then return a float array of shape
#   `(n,)` (also when $n = 1$).
# - Raise `ValueError` if the shapes disagree (including an empty `mean` or
#   an `X` without rows), if `cov` is not symmetric, that is
#   $\max|\Sigma - \Sigma^\top| > 10^{-10}\max|\Sigma|$ (a tiny asymmetry
#   from rounding is fine), or if it is not positive definite.
#   (`np.linalg.cholesky` raises `np.linalg.LinAlgError` for a matrix that
#   is not positive definite; that error is a kind of `ValueError`, so you
#   may let it through.)
#
# It must work in high dimension (no determinant, no overflow), and must not
# change its inputs. No shortcut: `scipy.stats` is not allowed.

# %% question="mvn_logpdf" forbid=["scipy.stats"]
def mvn_logpdf(X, mean, cov):
    """Log-density of N(mean, cov) at each row of X, via cov's Cholesky factor.

    X is one point (d,), giving a float, or (n, d), giving an (n,) array.
    ValueError if shapes disagree, or cov is not symmetric (within 1e-10
    relative) positive definite.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if mean.ndim != 1 or mean.size == 0:
        raise ValueError("mean must be a non-empty vector")
    d = mean.size
    if cov.shape != (d, d):
        raise ValueError(f"cov must have shape ({d}, {d}), got {cov.shape}")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov must be symmetric")
    single = X.ndim == 1
    rows = X[None, :] if single else X
    if rows.ndim != 2 or rows.shape[1] != d or rows.shape[0] == 0:
        raise ValueError(f"X must have shape ({d},) or (n, {d}), n >= 1")
    L = np.linalg.cholesky(cov)  # LinAlgError (a ValueError) if not PD
    Y = np.linalg.solve(L, (rows - mean).T)  # L Y = residuals, as columns
    log_p = (-0.5 * np.sum(Y**2, axis=0) - np.sum(np.log(np.diag(L)))
             - 0.5 * d * np.log(2 * np.pi))
    return float(log_p[0]) if single else log_p
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# After the checks: `L = np.linalg.cholesky(cov)`; the residuals as
# columns, `R = (rows - mean).T` of shape `(d, n)`; then
# `Y = np.linalg.solve(L, R)` (or a forward-substitution loop: $L$ is
# triangular). The squared distances are `np.sum(Y**2, axis=0)`, and
# $\tfrac12\log\det\Sigma$ is `np.sum(np.log(np.diag(L)))` — a half, not
# the whole log-determinant. Handle a single point by turning it into a
# one-row matrix and returning `float(result[0])`.
# </details>

# %% tests="mvn_logpdf"
import numpy as np


@test_case(hidden=False)
def test_mvn_logpdf_worked_example(mvn_logpdf):
    got = mvn_logpdf([1.0, 2.0], [0.0, 0.0], [[1.0, 0.0], [0.0, 4.0]])
    assert np.ndim(got) == 0, "for one point (a vector) return a float"
    assert np.isclose(got, -1.0 - np.log(2.0) - np.log(2 * np.pi)), (
        "for mean 0, cov diag(1, 4) at x = (1, 2): y = (1, 1), so log p = "
        "-|y|²/2 - (log 1 + log 2) - (d/2) log(2π) ≈ -3.53102; the "
        "normaliser holds half the log-determinant"
    )


@test_case(hidden=False)
def test_mvn_logpdf_one_dimension_is_the_bell(mvn_logpdf):
    x = np.array([[-1.0], [0.5], [3.0]])
    got = np.asarray(mvn_logpdf(x, [0.5], [[4.0]]), dtype=float)
    want = -((x[:, 0] - 0.5) ** 2) / 8.0 - np.log(2.0 * np.sqrt(2 * np.pi))
    assert got.shape == (3,), "for X of shape (3, 1) return 3 log-densities"
    assert np.allclose(got, want), (
        "with d = 1 and cov [[sigma**2]] the result is the log of the bell "
        "of exercise 2 with standard deviation sigma = sqrt(cov)"
    )


@test_case(hidden=False)
def test_mvn_logpdf_one_row_gives_an_array(mvn_logpdf):
    got = mvn_logpdf([[0.0, 0.0]], [0.0, 0.0], np.eye(2))
    assert np.shape(got) == (1,), (
        "for X of shape (1, d) return an array of shape (1,); only a single "
        "vector of shape (d,) gives a float"
    )
    assert np.isclose(np.asarray(got)[0], -np.log(2 * np.pi)), (
        "the log-density of the standard 2-D Gaussian at its mean is "
        "-log(2π)"
    )


@test_case(hidden=False)
def test_mvn_logpdf_rejects_an_asymmetric_cov(mvn_logpdf):
    try:
        mvn_logpdf([0.0, 0.0], [0.0, 0.0], [[2.0, 1.5], [0.5, 1.0]])
    except ValueError:
        return
    raise AssertionError(
        "mvn_logpdf should raise ValueError for the covariance [[2, 1.5], "
        "[0.5, 1]]: it is not symmetric, although np.linalg.cholesky (which "
        "reads only the lower triangle) accepts it"
    )


@test_case(hidden=False)
def test_mvn_logpdf_no_overflow_in_high_dimension(mvn_logpdf):
    d = 600
    got = mvn_logpdf(np.zeros(d), np.zeros(d), 4.0 * np.eye(d))
    assert np.isfinite(got), (
        "in 600 dimensions det(4 I) = 4**600 overflows to inf: compute "
        "half the log-determinant as sum(log(diag(L))), never det(cov)"
    )
    assert np.isclose(got, -300 * np.log(4.0) - 300 * np.log(2 * np.pi)), (
        "at the mean of N(0, 4 I) in 600 dimensions the log-density is "
        "-(d/2) log 4 - (d/2) log(2π)"
    )


@test_case(hidden=True)
def test_mvn_logpdf_random_rows_and_single_points(mvn_logpdf):
    # Reference via slogdet and solve. Cholesky, triangular solves and the
    # reference are backward stable: the error is about d * cond(cov) * eps
    # times the size of the terms, with cond(cov) below ~100 here.
    rng = np.random.default_rng(400)
    eps = np.finfo(float).eps
    for d in (1, 2, 3, 5):
        A = rng.normal(size=(d, d))
        cov = A @ A.T + 0.5 * np.eye(d)
        cov = (cov + cov.T) / 2
        mean = rng.normal(size=d)
        X = mean + rng.normal(scale=2.0, size=(7, d))
        R = X - mean
        quad = np.sum(R * np.linalg.solve(cov, R.T).T, axis=1)
        logdet = np.linalg.slogdet(cov)[1]
        want = -0.5 * (quad + logdet + d * np.log(2 * np.pi))
        got = np.asarray(mvn_logpdf(X, mean, cov), dtype=float)
        tol = 100 * d * np.linalg.cond(cov) * eps * (1 + np.abs(quad)
                                                      + abs(logdet) + d)
        assert got.shape == (7,), "mvn_logpdf returns one value per row"
        assert np.all(np.abs(got - want) <= tol), (
            "mvn_logpdf does not match the Gaussian log-density for random "
            "means and covariances"
        )
        first = mvn_logpdf(X[:1], mean, cov)
        assert np.shape(first) == (1,), (
            "for X with a single row, shape (1, d), mvn_logpdf returns an "
            "array of shape (1,)"
        )
        point = mvn_logpdf(X[0], mean, cov)
        assert np.ndim(point) == 0 and abs(point - want[0]) <= tol[0], (
            "for a single point of shape (d,) mvn_logpdf returns its "
            "log-density as a float"
        )


@test_case(hidden=True)
def test_mvn_logpdf_diagonal_is_a_product(mvn_logpdf):
    rng = np.random.default_rng(401)
    sig = rng.uniform(0.5, 3.0, size=4)
    mean = rng.normal(size=4)
    X = rng.normal(size=(5, 4))
    one_d = (-((X - mean) ** 2) / (2 * sig**2)
             - np.log(sig * np.sqrt(2 * np.pi)))
    got = np.asarray(mvn_logpdf(X, mean, np.diag(sig**2)), dtype=float)
    assert np.allclose(got, one_d.sum(axis=1), rtol=1e-12), (
        "with a diagonal covariance the coordinates are independent: the "
        "log-density is the sum of the 1-D log-densities"
    )


@test_case(hidden=True)
def test_mvn_logpdf_high_dimension(mvn_logpdf):
    # d = 600: det(4 I) = 2**1200 overflows (the largest double is about
    # 2**1024) and det(0.25 I) = 2**-1200 underflows to 0, while the
    # log-density is an ordinary number.
    rng = np.random.default_rng(402)
    d = 600
    x = rng.normal(size=d)
    for var in (4.0, 0.25):
        got = mvn_logpdf(x, np.zeros(d), var * np.eye(d))
        want = (-0.5 * np.sum(x**2) / var - 0.5 * d * np.log(var)
                - 0.5 * d * np.log(2 * np.pi))
        assert np.isfinite(got), (
            "mvn_logpdf returns inf or nan in high dimension: use "
            "2 * sum(log(diag(L))) instead of the determinant, which "
            "overflows or underflows"
        )
        assert np.isclose(got, want, rtol=1e-10), (
            "mvn_logpdf is wrong in high dimension"
        )


@test_case(hidden=True)
def test_mvn_logpdf_affine_change_of_variables(mvn_logpdf):
    # x -> Ax + b maps N(mu, S) to N(A mu + b, A S A^T) and divides the
    # density by |det A| (week 3's volume factor).
    rng = np.random.default_rng(403)
    A = np.array([[2.0, 1.0, 0.0], [0.0, 1.0, -1.0], [1.0, 0.0, 3.0]])
    b = rng.normal(size=3)
    mu = rng.normal(size=3)
    S = np.array([[2.0, 0.3, 0.1], [0.3, 1.0, 0.2], [0.1, 0.2, 0.5]])
    X = rng.normal(size=(4, 3))
    before = np.asarray(mvn_logpdf(X, mu, S), dtype=float)
    after = np.asarray(mvn_logpdf(X @ A.T + b, A @ mu + b, A @ S @ A.T),
                       dtype=float)
    assert np.allclose(after, before - np.log(abs(np.linalg.det(A))),
                       rtol=1e-9), (
        "after a linear map A the log-density should drop by log|det A|: "
        "check the log-determinant and the quadratic form"
    )


@test_case(hidden=True)
def test_mvn_logpdf_symmetry_within_rounding(mvn_logpdf):
    cov = np.array([[2.0, 0.6], [0.6, 1.0]])
    nudged = cov + np.array([[0.0, 2e-12], [0.0, 0.0]])
    x = np.array([[0.3, -0.4], [1.0, 2.0]])
    want = np.asarray(mvn_logpdf(x, [0.0, 0.0], cov), dtype=float)
    try:
        got = np.asarray(mvn_logpdf(x, [0.0, 0.0], nudged), dtype=float)
    except ValueError:
        raise AssertionError(
            "a covariance that is symmetric up to rounding (relative "
            "asymmetry 1e-12, below 1e-10) should be accepted"
        ) from None
    assert np.allclose(got, want, rtol=1e-9), (
        "a rounding-size asymmetry should barely change the result"
    )


@test_case(hidden=True)
def test_mvn_logpdf_invalid_covariance_raises(mvn_logpdf):
    bad = (
        [[2.0, 0.5], [0.9, 1.0]],  # not symmetric (Cholesky reads one half)
        [[1.0, 2.0], [2.0, 1.0]],  # symmetric, indefinite
        [[1.0, 1.0], [1.0, 1.0]],  # singular
        [[-1.0, 0.0], [0.0, -2.0]],  # negative definite
    )
    for cov in bad:
        try:
            mvn_logpdf([0.0, 0.0], [0.0, 0.0], cov)
        except ValueError:
            continue
        raise AssertionError(
            "mvn_logpdf should raise ValueError for a covariance that is "
            "not symmetric positive definite"
        )


@test_case(hidden=True)
def test_mvn_logpdf_bad_shapes_raise(mvn_logpdf):
    eye = np.eye(2)
    cases = (
        (np.zeros((3, 2)), [0.0, 0.0, 0.0], eye),  # mean too long
        (np.zeros((3, 3)), [0.0, 0.0], eye),  # rows of the wrong length
        ([0.0, 0.0, 0.0], [0.0, 0.0], eye),  # one point of the wrong length
        (np.zeros((3, 2)), [0.0, 0.0], np.eye(3)),  # cov of the wrong size
        (np.zeros((3, 2)), [0.0, 0.0], np.ones(2)),  # cov not a matrix
        (np.zeros((2, 2, 2)), [0.0, 0.0], eye),  # X not a matrix
        (np.zeros((0, 2)), [0.0, 0.0], eye),  # X without rows
        (np.zeros((3, 0)), [], np.zeros((0, 0))),  # d = 0
    )
    for X, mean, cov in cases:
        try:
            mvn_logpdf(X, mean, cov)
        except ValueError:
            continue
        raise AssertionError(
            "mvn_logpdf should raise ValueError when the shapes of X, mean "
            "and cov disagree, or when X has no rows or mean is empty"
        )


@test_case(hidden=True)
def test_mvn_logpdf_keeps_inputs(mvn_logpdf):
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    mean = np.array([0.5, 0.5])
    cov = np.array([[2.0, 0.5], [0.5, 1.0]])
    mvn_logpdf(X, mean, cov)
    mvn_logpdf(X[0], mean, cov)
    assert np.array_equal(X, [[1.0, 2.0], [0.0, -1.0]]), (
        "mvn_logpdf must not change X"
    )
    assert np.array_equal(mean, [0.5, 0.5]), "mvn_logpdf must not change mean"
    assert np.array_equal(cov, [[2.0, 0.5], [0.5, 1.0]]), (
        "mvn_logpdf must not change cov"
    )

# %% [markdown]
# ## 5. Sampling: the reparameterisation trick
#
# The Cholesky factor also runs the other way: it turns round noise into
# correlated samples. If $\mathbf z$ has independent standard normal
# entries (covariance $I$), then $\mathbf x = \boldsymbol\mu + L\mathbf z$
# has mean $\boldsymbol\mu$ and covariance
# $\mathbb E[L\mathbf z\mathbf z^\top L^\top] = LIL^\top = \Sigma$. With the
# samples as the rows of a matrix (the ML convention), $n$ draws at once
# are
#
# $$X = \boldsymbol\mu + Z L^\top, \qquad Z \in \mathbb R^{n \times d}
#   \text{ with independent } \mathcal N(0, 1) \text{ entries}.$$
#
# This is the **reparameterisation trick** of variational autoencoders.
# The encoder of a VAE outputs a mean and a (Cholesky or diagonal) scale
# for each input, and the decoder needs a *sample* from that Gaussian.
# Drawing it "directly" would be a random step that backpropagation cannot
# differentiate. Writing it as mean $+$ (fixed noise) $\times$ scale moves
# the randomness into $Z$, which does not depend on any parameter, so the
# gradient flows through the mean and the scale like through any other
# layer.
#
# The picture: a covariance with correlation. The contours of its density
# are ellipses along the eigenvectors of $\Sigma$ (arrows of length
# $2\sqrt{\lambda}$, two standard deviations along each axis), and samples
# made by the recipe fill them as they should.

# %% grading="skip"
mean_2d = np.array([1.0, -0.5])
cov_2d = np.array([[2.0, 1.2], [1.2, 1.0]])
L_2d = np.linalg.cholesky(cov_2d)
rng = np.random.default_rng(5)
z_2d = rng.standard_normal((600, 2))
samples_2d = mean_2d + z_2d @ L_2d.T
g1, g2 = np.meshgrid(np.linspace(-3.5, 5.5, 300), np.linspace(-4, 3, 300))
R_grid = np.stack([g1 - mean_2d[0], g2 - mean_2d[1]])
Y_grid = np.linalg.solve(L_2d, R_grid.reshape(2, -1))
density = np.exp(-0.5 * np.sum(Y_grid**2, axis=0)).reshape(g1.shape)
density /= 2 * np.pi * np.prod(np.diag(L_2d))
eigvals, eigvecs = np.linalg.eigh(cov_2d)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5))
ax1.scatter(*z_2d.T, s=6, alpha=0.5, color="C7")
ax1.set(title="z: independent standard normals", xlabel="z₁", ylabel="z₂",
        aspect="equal", xlim=(-4, 4), ylim=(-4, 4))
ax2.scatter(*samples_2d.T, s=6, alpha=0.5, color="C7", label="μ + z Lᵀ")
ax2.contour(g1, g2, density, levels=6, cmap="viridis")
for lam, vec in zip(eigvals, eigvecs.T, strict=True):
    vec = vec if vec[0] > 0 else -vec  # point to the right, for the labels
    tip = mean_2d + 2 * np.sqrt(lam) * vec
    ax2.annotate("", xy=tip, xytext=mean_2d,
                 arrowprops={"arrowstyle": "->", "lw": 2, "color": "C3"})
    ax2.text(*(tip + 0.15), f"λ = {lam:.2f}", color="C3")
ax2.set(title="x = μ + L z: contours, eigenvectors, samples",
        xlabel="x₁", ylabel="x₂", aspect="equal")
ax2.legend(loc="lower right")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# The round cloud on the left becomes the tilted cloud on the right: $L$
# stretches and shears it, and the result lines up with the ellipses.
# How well do the samples reproduce $\boldsymbol\mu$ and $\Sigma$? Their
# mean and covariance approach the true ones at the Monte Carlo rate of
# week 9, $1/\sqrt n$ (errors averaged over 10 repetitions):

# %% grading="skip"
rng = np.random.default_rng(6)
for n_draws in (100, 1000, 10000, 100000):
    mean_errs, cov_errs = [], []
    for _ in range(10):
        z_draws = rng.standard_normal((n_draws, 2))
        draws = mean_2d + z_draws @ L_2d.T
        mean_errs.append(np.max(np.abs(draws.mean(axis=0) - mean_2d)))
        cov_errs.append(np.max(np.abs(np.cov(draws.T) - cov_2d)))
    cov_err = np.mean(cov_errs)
    print(f"n = {n_draws:6d}: mean error {np.mean(mean_errs):.4f}, "
          f"covariance error {cov_err:.4f}, "
          f"sqrt(n) * covariance error {np.sqrt(n_draws) * cov_err:.2f}")

# %% [markdown]
# Each tenfold increase of $n$ shrinks the errors by about
# $\sqrt{10} \approx 3.2$ (the last column stays roughly constant).
#
# **Worked example.** $\boldsymbol\mu = (1, -1)$ and
# $\Sigma = \begin{pmatrix}4 & 2\\ 2 & 2\end{pmatrix}$ have the Cholesky
# factor $L = \begin{pmatrix}2 & 0\\ 1 & 1\end{pmatrix}$ (check:
# $LL^\top = \Sigma$). The noise row $\mathbf z = (1, 0)$ becomes
# $\mathbf z L^\top = (2, 1)$, so the sample is $(3, 0)$; the noise row
# $(0, 1)$ becomes $(0, 1)$ and the sample $(1, 0)$.
#
# ### Exercise 5: `sample_mvn(mean, cov, n, seed=0)`
#
# Return `n` samples from $\mathcal N(\texttt{mean}, \texttt{cov})$ as the
# rows of a float array of shape `(n, d)`, made exactly by the recipe
# (so that everyone's samples are the same):
# `z = np.random.default_rng(seed).standard_normal((n, d))`,
# `L = np.linalg.cholesky(cov)`, and the result `mean + z @ L.T` (you may
# compute that product in any way you like). `mean` has shape `(d,)` with
# $d \ge 1$ and `cov` shape `(d, d)`. Raise `ValueError` as in
# `mvn_logpdf` (shapes that disagree, an empty `mean`, a `cov` that is not
# symmetric within $10^{-10}$ relative or not positive definite), or if
# `n < 1`. Do not change the inputs. No shortcuts: a generator's
# `multivariate_normal`, `np.random.multivariate_normal` and `scipy.stats`
# are not allowed (with their default settings they would also give other
# numbers).

# %% question="sample_mvn" forbid=["np.random.multivariate_normal", ".multivariate_normal", "scipy.stats"]
def sample_mvn(mean, cov, n, seed=0):
    """n samples (rows) from N(mean, cov): mean + z @ L.T, L = cholesky(cov).

    z = np.random.default_rng(seed).standard_normal((n, d)). ValueError if
    shapes disagree, cov is not symmetric (within 1e-10 relative) positive
    definite, or n < 1.
    """
    # BEGIN SOLUTION
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if mean.ndim != 1 or mean.size == 0:
        raise ValueError("mean must be a non-empty vector")
    d = mean.size
    if cov.shape != (d, d):
        raise ValueError(f"cov must have shape ({d}, {d}), got {cov.shape}")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov must be symmetric")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    L = np.linalg.cholesky(cov)  # LinAlgError (a ValueError) if not PD
    z = np.random.default_rng(seed).standard_normal((n, d))
    return mean + z @ L.T
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# The same checks as in `mvn_logpdf`, plus `n < 1`. Then three lines:
# `L = np.linalg.cholesky(cov)`, the noise
# `z = np.random.default_rng(seed).standard_normal((n, d))` (exactly this
# call and shape: `(d, n)` or another generator gives other numbers), and
# `mean + z @ L.T`. Note the transpose: row $i$ of the result is
# $\boldsymbol\mu + L\mathbf z_i$.
# </details>

# %% tests="sample_mvn"
import numpy as np


@test_case(hidden=False)
def test_sample_mvn_follows_the_recipe(sample_mvn):
    mean = np.array([1.0, -1.0])
    cov = np.array([[4.0, 2.0], [2.0, 2.0]])
    got = np.asarray(sample_mvn(mean, cov, 5, seed=0), dtype=float)
    z = np.random.default_rng(0).standard_normal((5, 2))
    L = np.array([[2.0, 0.0], [1.0, 1.0]])
    assert got.shape == (5, 2), "sample_mvn returns n rows of length d"
    assert np.allclose(got, mean + z @ L.T, rtol=1e-12, atol=1e-12), (
        "with z = default_rng(0).standard_normal((5, 2)) and L = [[2, 0], "
        "[1, 1]] the samples should be mean + z @ L.T (transposed: each "
        "row is mean + L z_i)"
    )


@test_case(hidden=False)
def test_sample_mvn_seed_decides(sample_mvn):
    cov = [[1.0, 0.5], [0.5, 1.0]]
    first = np.asarray(sample_mvn([0.0, 0.0], cov, 4, seed=7), dtype=float)
    again = np.asarray(sample_mvn([0.0, 0.0], cov, 4, seed=7), dtype=float)
    other = np.asarray(sample_mvn([0.0, 0.0], cov, 4, seed=8), dtype=float)
    assert np.array_equal(first, again), (
        "the same seed must give the same samples: draw z from "
        "np.random.default_rng(seed)"
    )
    assert not np.allclose(first, other), (
        "different seeds should give different samples"
    )


@test_case(hidden=True)
def test_sample_mvn_random_covariances(sample_mvn):
    # The only freedom is how z @ L.T is summed: each entry is a sum of d
    # products, so its rounding is at most ~d * eps * (|z| @ |L|.T), plus
    # eps * |mean| for the addition.
    rng = np.random.default_rng(500)
    eps = np.finfo(float).eps
    for d, n, seed in ((1, 3, 11), (2, 50, 12), (4, 20, 13), (6, 9, 14)):
        A = rng.normal(size=(d, d))
        cov = A @ A.T + 0.3 * np.eye(d)
        cov = (cov + cov.T) / 2
        mean = rng.normal(scale=3.0, size=d)
        z = np.random.default_rng(seed).standard_normal((n, d))
        L = np.linalg.cholesky(cov)
        want = mean + z @ L.T
        tol = 4 * (d + 1) * eps * (np.abs(mean) + np.abs(z) @ np.abs(L).T)
        got = np.asarray(sample_mvn(mean, cov, n, seed), dtype=float)
        assert got.shape == (n, d), "sample_mvn returns an (n, d) array"
        assert np.all(np.abs(got - want) <= tol), (
            "the samples do not follow the recipe mean + z @ L.T with "
            "z = default_rng(seed).standard_normal((n, d)) and "
            "L = np.linalg.cholesky(cov)"
        )


@test_case(hidden=True)
def test_sample_mvn_default_seed_is_zero(sample_mvn):
    got = np.asarray(sample_mvn([0.0, 2.0], [[1.0, 0.0], [0.0, 9.0]], 3),
                     dtype=float)
    z = np.random.default_rng(0).standard_normal((3, 2))
    assert np.allclose(got, [0.0, 2.0] + z * [1.0, 3.0], rtol=1e-12), (
        "without a seed argument sample_mvn uses seed = 0"
    )


@test_case(hidden=True)
def test_sample_mvn_mean_and_covariance_converge(sample_mvn):
    # n = 40000: the sample mean's standard error is sqrt(S_ii / n), that
    # of a sample covariance entry sqrt((S_ii S_jj + S_ij^2) / n); we allow
    # 5 standard errors.
    mean = np.array([2.0, -1.0, 0.5])
    cov = np.array([[3.0, 1.0, -0.5], [1.0, 2.0, 0.3], [-0.5, 0.3, 1.0]])
    n = 40000
    x = np.asarray(sample_mvn(mean, cov, n, seed=3), dtype=float)
    se_mean = np.sqrt(np.diag(cov) / n)
    assert np.all(np.abs(x.mean(axis=0) - mean) <= 5 * se_mean), (
        "the mean of many samples should approach mean"
    )
    v = np.diag(cov)
    se_cov = np.sqrt((np.outer(v, v) + cov**2) / n)
    assert np.all(np.abs(np.cov(x.T) - cov) <= 5 * se_cov), (
        "the covariance of many samples should approach cov: each row "
        "must be mean + L z_i with L L^T = cov"
    )


@test_case(hidden=True)
def test_sample_mvn_invalid_raises(sample_mvn):
    eye = np.eye(2)
    cases = (
        ([0.0, 0.0], eye, 0),
        ([0.0, 0.0], eye, -2),
        ([0.0, 0.0, 0.0], eye, 3),
        ([0.0, 0.0], np.eye(3), 3),
        ([], np.zeros((0, 0)), 3),
        ([0.0, 0.0], [[2.0, 0.5], [0.9, 1.0]], 3),
        ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], 3),
        ([0.0, 0.0], [[1.0, 1.0], [1.0, 1.0]], 3),
    )
    for mean, cov, n in cases:
        try:
            sample_mvn(mean, cov, n)
        except ValueError:
            continue
        raise AssertionError(
            "sample_mvn should raise ValueError for n < 1, shapes that "
            "disagree, an empty mean, or a cov that is not symmetric "
            "positive definite"
        )


@test_case(hidden=True)
def test_sample_mvn_accepts_rounding_asymmetry(sample_mvn):
    cov = np.array([[2.0, 0.6], [0.6 + 1e-12, 1.0]])
    try:
        sample_mvn([0.0, 0.0], cov, 4, seed=1)
    except ValueError:
        raise AssertionError(
            "a covariance that is symmetric up to rounding (relative "
            "asymmetry below 1e-10) should be accepted"
        ) from None


@test_case(hidden=True)
def test_sample_mvn_keeps_inputs(sample_mvn):
    mean = np.array([1.0, 2.0])
    cov = np.array([[1.0, 0.2], [0.2, 0.5]])
    sample_mvn(mean, cov, 3, seed=4)
    assert np.array_equal(mean, [1.0, 2.0]), "sample_mvn must not change mean"
    assert np.array_equal(cov, [[1.0, 0.2], [0.2, 0.5]]), (
        "sample_mvn must not change cov"
    )

# %% [markdown]
# ## 6. Why the Gaussian is everywhere
#
# Why should noise, measurement errors or a network's pre-activations be
# Gaussian at all? The **central limit theorem**: the mean of many
# independent random quantities is approximately Gaussian, *whatever* their
# own distribution (as long as its variance is finite). Sensor noise is the
# sum of many small disturbances; a neuron's pre-activation is a sum of
# many weighted inputs; a mini-batch gradient is a mean over examples.
#
# Take a very skewed distribution, the exponential with mean 1 and
# standard deviation 1 (waiting times), and average $k$ independent draws.
# The mean of $k$ draws has mean 1 and standard deviation $1/\sqrt k$, so
# we compare its histogram with the bell of exactly that mean and width:

# %% grading="skip"
rng = np.random.default_rng(7)
fig, axes = plt.subplots(1, 4, figsize=(14, 3.6))
for ax, k in zip(axes, (1, 2, 5, 30), strict=True):
    means = rng.exponential(size=(20000, k)).mean(axis=1)
    grid_k = np.linspace(0.0, 3.5, 300)
    sd = 1 / np.sqrt(k)
    bell_k = (np.exp(-((grid_k - 1) ** 2) / (2 * sd**2))
              / (sd * np.sqrt(2 * np.pi)))
    ax.hist(means, bins=60, range=(0, 3.5), density=True, color="lightgray")
    ax.plot(grid_k, bell_k, "C3", lw=2, label="N(1, 1/k)")
    skew = np.mean(((means - means.mean()) / means.std()) ** 3)
    within = np.mean(np.abs(means - 1) <= sd)
    ax.set(title=f"mean of k = {k}: skewness {skew:.2f}",
           xlabel="sample mean", ylabel="density")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    print(f"k = {k:2d}: skewness {skew:.3f} (theory {2 / np.sqrt(k):.3f}), "
          f"fraction within one sd of 1: {within:.3f}")
fig.suptitle("The central limit theorem: means of exponential draws")
fig.tight_layout()
plt.show()

# %% [markdown]
# One draw is nothing like a bell (skewness 2, the bell's is 0). The mean
# of two is still lopsided, of five much less, and the mean of thirty is
# close to the bell, with about 68 % of the means within one standard
# deviation, as section 2's rule says. (The skewness falls like
# $2/\sqrt k$: the approach is steady but not instant, which is why a
# single exponential is not a Gaussian and a mini-batch of 32 nearly is.)
#
# ## Summary
#
# - **Areas** answer questions about continuous quantities. The
#   **trapezoid rule** adds strips with straight tops; it is exact for
#   straight lines, and its error for smooth curves shrinks like $1/n^2$
#   (we measured a slope of $-2.00$).
# - A **density** is probability per unit length, the limit of a histogram
#   divided by its bin width. It can exceed 1; its area is 1.
# - The **Gaussian** $\frac{1}{\sigma\sqrt{2\pi}}e^{-(x-\mu)^2/2\sigma^2}$:
#   $\sqrt{2\pi}$ is the area of $e^{-x^2/2}$, and $1/\sigma$ keeps the area
#   at 1 when the bell is stretched. 68 %, 95 % and 99.7 % of its
#   probability lie within 1, 2 and 3 standard deviations.
# - A **kernel density estimate** averages one bell per data point; its
#   bandwidth trades variance (spiky, small $h$) for bias (flat, large $h$).
# - In $d$ dimensions, $\det\Sigma$ replaces $\sigma^2$ and the
#   **Cholesky factor** $L$ computes the log-density without an inverse or
#   a determinant: $-\frac12\|L^{-1}(\mathbf x - \boldsymbol\mu)\|^2
#   - \sum\log L_{ii} - \frac d2\log 2\pi$, finite even in 784 dimensions.
# - **Sampling** is $\boldsymbol\mu + ZL^\top$: the reparameterisation
#   trick that lets a VAE backpropagate through its random draws.
# - The **central limit theorem** is why the bell is everywhere.
#
# Next week: how surprised should a model be? Entropy, cross-entropy and
# the KL divergence, which for two Gaussians has a closed form built from
# exactly the pieces of this week.
