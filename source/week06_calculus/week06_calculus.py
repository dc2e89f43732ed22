# %% [markdown]
# # Week 6 — Derivatives and logarithms
#
# **Why this week matters.** Training a model means changing its parameters a
# little at a time so that the loss goes down. To know *which way* to change a
# parameter, you need to know how fast the loss changes when you nudge it: that
# rate of change is the **derivative**. Every deep learning framework computes
# millions of derivatives per second; this week you compute them yourself,
# with nothing but the definition, and you learn how to check them.
#
# The second tool of the week is the **logarithm**. Models are trained by
# *maximum likelihood*: choose the parameters that make the observed data most
# probable. The probability of a whole data set is a product of many small
# numbers, and a computer cannot hold it — it rounds to zero. The logarithm
# turns that product into a sum, which a computer holds with no trouble. That
# is why every loss you will meet (cross-entropy, negative log-likelihood) has
# a $\log$ in it.
#
# | tool | the picture | ML use |
# | --- | --- | --- |
# | `derivative` | the slope of the tangent line | checking gradients |
# | `second_derivative` | how fast the slope turns: curvature | step sizes |
# | `newton_root` | slide down tangent lines to a zero | solvers |
# | `log_sum_exp` | a smooth maximum, computed safely | softmax, losses |
# | `log_product` | a product as a sum of logs | log-likelihood |

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. The derivative is the slope of the tangent
#
# Take a function $f$ and a point $x$. Walk a small step $h$ to the right and
# look at how much $f$ changed. The ratio
#
# $$\frac{f(x + h) - f(x)}{h}$$
#
# is the slope of the **secant**: the straight line through the two points
# $(x, f(x))$ and $(x + h, f(x + h))$ of the graph. Now let $h$ shrink. The
# second point slides along the curve towards the first, and the secant turns
# until it just touches the curve: it becomes the **tangent**. Its slope is
# the derivative,
#
# $$f'(x) = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}.$$
#
# What does "the secant turns into the tangent" look like? Here is
# $f(x) = x^3 - 3x + 1$ at $x = 0.5$, with secants for shrinking $h$.

# %% grading="skip"
def curve(x):
    return x**3 - 3 * x + 1


x0 = 0.5
slope_true = 3 * x0**2 - 3  # the derivative of x^3 - 3x + 1 is 3x^2 - 3
xs = np.linspace(-2.2, 2.4, 300)

fig, ax = plt.subplots(figsize=(7, 5))
ax.plot(xs, curve(xs), "k", lw=2, label="f(x) = x³ − 3x + 1")
for h, color in [(1.6, "C0"), (0.9, "C1"), (0.4, "C2")]:
    slope = (curve(x0 + h) - curve(x0)) / h
    ax.plot(xs, curve(x0) + slope * (xs - x0), color=color, lw=1,
            label=f"secant, h = {h}: slope {slope:.2f}")
    ax.plot(x0 + h, curve(x0 + h), "o", color=color)
ax.plot(xs, curve(x0) + slope_true * (xs - x0), "r--", lw=2,
        label=f"tangent: slope f'(0.5) = {slope_true:.2f}")
ax.plot(x0, curve(x0), "ko")
ax.set(ylim=(-4, 6), title="Secants turn into the tangent as h shrinks",
       xlabel="x", ylabel="f(x)")
ax.legend(loc="upper center", fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# A computer cannot take a limit, but it can take a *small* $h$. How small,
# and which formula? Two ideas matter.
#
# - **Step to both sides.** The *central difference*
#   $$f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}$$
#   uses the secant through the points $h$ to the left and $h$ to the right.
#   The bending of the curve pushes the one-sided secant off in one
#   direction; the two-sided secant is symmetric, so the errors cancel. Its
#   error shrinks like $h^2$ instead of $h$: with $h = 10^{-5}$ that is
#   about $10^{-10}$ instead of $10^{-5}$.
# - **Not too small.** Floating-point numbers carry about 16 significant
#   digits. When $h$ is tiny, $f(x+h)$ and $f(x-h)$ agree in almost all their
#   digits and the subtraction leaves mostly rounding noise, which is then
#   divided by the tiny $2h$. For the central difference $h \approx 10^{-5}$
#   is a good compromise.
#
# The plot below measures both effects for $f = \sin$ at $x = 1$ (true
# derivative $\cos 1$).

# %% grading="skip"
hs = np.logspace(-13, -1, 49)
x1 = 1.0
forward_err = np.abs((np.sin(x1 + hs) - np.sin(x1)) / hs - np.cos(x1))
central_err = np.abs(
    (np.sin(x1 + hs) - np.sin(x1 - hs)) / (2 * hs) - np.cos(x1))

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.loglog(hs, forward_err, "o-", ms=3, label="forward (f(x+h) − f(x)) / h")
ax.loglog(hs, central_err, "s-", ms=3,
          label="central (f(x+h) − f(x−h)) / 2h")
ax.axvline(1e-5, color="gray", ls=":", label="h = 1e-5")
ax.set(title="Error of a numerical derivative of sin at x = 1",
       xlabel="step h", ylabel="|estimate − cos(1)|")
ax.legend(fontsize=8)
ax.grid(alpha=0.3, which="both")
plt.show()

# %% [markdown]
# Read the plot from right to left: the error first falls as $h$ shrinks
# (the secant approaches the tangent), then rises again (rounding noise
# takes over). The central difference reaches a far smaller error.
#
# **Worked example.** For $f(x) = x^2$ at $x = 3$ with $h = 0.1$: the central
# difference is $(3.1^2 - 2.9^2) / 0.2 = (9.61 - 8.41) / 0.2 = 6$, exactly
# $f'(3) = 2 \cdot 3$. (For a parabola the central difference is exact, apart
# from rounding: the symmetric secant of a parabola is parallel to its
# tangent.) The forward difference gives $(9.61 - 9)/0.1 = 6.1$.

# %% grading="skip"
h = 0.1
print("central:", (3.1**2 - 2.9**2) / (2 * h))
print("forward:", (3.1**2 - 3.0**2) / h)

# %% [markdown]
# ### Exercise 1: `derivative(f, x, h=1e-5)`
#
# Return the central-difference estimate of $f'(x)$ as a Python `float`:
# $(f(x + h) - f(x - h)) / 2h$. Here `f` is any Python function of one number
# (for example `np.sin`, or a `lambda`), and `x` is a number. Use the `h` you
# are given. A step must be positive: raise `ValueError` if `h <= 0` (with
# `h = 0` the formula divides by zero, and a negative `h` only hides a bug in
# the caller).

# %% question="derivative"
def derivative(f, x, h=1e-5):
    """Central difference (f(x + h) - f(x - h)) / (2 h), as a float.

    f is a function of one number, x a number, h > 0 the step.
    ValueError if h <= 0.
    """
    # BEGIN SOLUTION
    if not h > 0:
        raise ValueError(f"the step h must be positive, got {h}")
    x = float(x)
    return float((f(x + h) - f(x - h)) / (2 * h))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# One line does it: evaluate `f` at `x + h` and at `x - h`, subtract, and
# divide by the distance between the two points, which is `2 * h` (not `h`).
# Wrap the result in `float(...)`.
# </details>

# %% tests="derivative"
import numpy as np


@test_case(hidden=False)
def test_derivative_square(derivative):
    got = derivative(lambda x: x**2, 3.0)
    assert np.isclose(got, 6.0, rtol=0, atol=1e-6), (
        "the derivative of x**2 at x = 3 is 2 * 3 = 6"
    )


@test_case(hidden=False)
def test_derivative_uses_h_central(derivative):
    # For x**3 the central difference is exactly 3x**2 + h**2.
    got = derivative(lambda x: x**3, 1.0, h=0.1)
    assert np.isclose(got, 3.01, rtol=1e-9), (
        "with h = 0.1 the central difference of x**3 at x = 1 is "
        "((1.1)**3 - (0.9)**3) / 0.2 = 3.01; use the h you are given and "
        "step to both sides"
    )


@test_case(hidden=True)
def test_derivative_sin_random(derivative):
    # Central difference error ~ h**2/6 + rounding 1e-16/h: below 1e-9.
    rng = np.random.default_rng(401)
    for x in rng.uniform(-4, 4, size=6):
        got = derivative(np.sin, float(x))
        assert np.isclose(got, np.cos(x), rtol=0, atol=1e-8), (
            "derivative(np.sin, x) should be close to cos(x)"
        )


@test_case(hidden=True)
def test_derivative_is_central_not_one_sided(derivative):
    # f'' = 200: a one-sided difference is off by about 100 * h = 1e-3,
    # the central difference of a parabola only by rounding (~1e-8).
    rng = np.random.default_rng(402)
    for x in rng.uniform(-2, 2, size=4):
        got = derivative(lambda t: 100.0 * t**2 - t, float(x))
        assert np.isclose(got, 200.0 * x - 1.0, rtol=0, atol=1e-5), (
            "derivative is not accurate for a strongly curved function: "
            "use the central difference"
        )


@test_case(hidden=True)
def test_derivative_exp_scale(derivative):
    rng = np.random.default_rng(403)
    for x in rng.uniform(-3, 3, size=4):
        got = derivative(np.exp, float(x))
        assert np.isclose(got, np.exp(x), rtol=1e-8), (
            "derivative(np.exp, x) should be close to exp(x)"
        )


@test_case(hidden=True)
def test_derivative_custom_h(derivative):
    rng = np.random.default_rng(404)
    for x, h in zip(rng.uniform(-2, 2, size=4), (0.5, 0.2, 0.05, 1e-3)):
        got = derivative(lambda t: t**3, float(x), h=h)
        assert np.isclose(got, 3 * x**2 + h**2, rtol=1e-9, atol=1e-9), (
            "derivative ignores its h, or is not the central difference"
        )


@test_case(hidden=False)
def test_derivative_rejects_zero_step(derivative):
    try:
        derivative(np.sin, 1.0, h=0.0)
    except ValueError:
        return
    raise AssertionError(
        "derivative should raise ValueError for the step h = 0: the central "
        "difference would divide by zero"
    )


@test_case(hidden=True)
def test_derivative_rejects_step_not_positive(derivative):
    for h in (0.0, -1e-5, -0.5, -1.0, -3.0):
        try:
            derivative(np.sin, 0.7, h=h)
        except ValueError:
            continue
        raise AssertionError(
            "derivative should raise ValueError for a step h that is not "
            "positive (zero or negative)"
        )


@test_case(hidden=True)
def test_derivative_returns_a_number(derivative):
    got = derivative(lambda x: 5 * x + 2, 1)
    assert np.ndim(got) == 0, "derivative should return a single number"
    assert np.isclose(float(got), 5.0, atol=1e-7), (
        "the derivative of a line is its slope, also for an integer x"
    )

# %% [markdown]
# ## 2. The second derivative: how fast the slope turns
#
# The derivative $f'(x)$ is itself a function, and its derivative $f''(x)$ says
# how fast the slope changes. Geometrically it is **curvature**: $f'' > 0$
# means the graph bends upwards like a bowl, $f'' < 0$ like a dome. For a loss
# function, the curvature decides how large a step downhill is safe: in a
# sharply curved valley a big step overshoots. (Week 8 turns this into an exact
# rule for the learning rate.)
#
# The central formula for it compares the two one-sided slopes:
#
# $$f''(x) \approx \frac{\frac{f(x+h) - f(x)}{h} - \frac{f(x) - f(x-h)}{h}}{h}
#   = \frac{f(x + h) - 2 f(x) + f(x - h)}{h^2}.$$
#
# Picture it: $\frac{f(x+h) + f(x-h)}{2}$ is the midpoint of the chord over
# $[x-h, x+h]$, and $f(x)$ is the curve under that midpoint. Their gap, divided
# by $h^2/2$, is the curvature: a bowl lies below its chords, a dome above.
#
# **Worked example.** $f(x) = x^3$ at $x = 1$ with $h = 0.1$:
# $(1.331 - 2 + 0.729) / 0.01 = 6$, and indeed $f''(x) = 6x = 6$.

# %% grading="skip"
h = 0.1
print((1.1**3 - 2 * 1.0**3 + 0.9**3) / h**2)

# %% [markdown]
# ### Exercise 2: `second_derivative(f, x, h=1e-4)`
#
# Return $(f(x + h) - 2 f(x) + f(x - h)) / h^2$ as a float. Note the larger
# default step: we now divide by $h^2$, so rounding noise is amplified much
# more, and $h = 10^{-4}$ balances it against the formula's own error. As in
# Exercise 1, raise `ValueError` if `h <= 0`.

# %% question="second_derivative"
def second_derivative(f, x, h=1e-4):
    """Central second difference (f(x + h) - 2 f(x) + f(x - h)) / h**2.

    f is a function of one number, x a number, h > 0 the step.
    ValueError if h <= 0.
    """
    # BEGIN SOLUTION
    if not h > 0:
        raise ValueError(f"the step h must be positive, got {h}")
    x = float(x)
    return float((f(x + h) - 2.0 * f(x) + f(x - h)) / (h * h))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Three evaluations of `f`: at `x + h`, `x` and `x - h`. The middle one has
# weight `-2`, and the denominator is `h ** 2` (not `2 * h ** 2`). A quick
# check: for `f(x) = x**2` the answer must be exactly `2` for any `x`.
# </details>

# %% tests="second_derivative"
import numpy as np


@test_case(hidden=False)
def test_second_derivative_parabola(second_derivative):
    got = second_derivative(lambda x: x**2, 1.5)
    assert np.isclose(got, 2.0, rtol=0, atol=1e-5), (
        "the second derivative of x**2 is 2 everywhere"
    )


@test_case(hidden=False)
def test_second_derivative_sign(second_derivative):
    got = second_derivative(lambda x: -(x**2), 0.0)
    assert np.isclose(got, -2.0, rtol=0, atol=1e-5), (
        "-x**2 is a dome: its second derivative is -2 (negative)"
    )


@test_case(hidden=True)
def test_second_derivative_sin_random(second_derivative):
    # Error ~ h**2/12 + 4e-16/h**2 ~ 1e-7 with h = 1e-4; 1e-5 leaves room.
    rng = np.random.default_rng(411)
    for x in rng.uniform(-4, 4, size=6):
        got = second_derivative(np.sin, float(x))
        assert np.isclose(got, -np.sin(x), rtol=0, atol=1e-5), (
            "second_derivative(np.sin, x) should be close to -sin(x)"
        )


@test_case(hidden=True)
def test_second_derivative_polynomial(second_derivative):
    rng = np.random.default_rng(412)
    a, b, c = rng.normal(size=3)
    for x in rng.uniform(-2, 2, size=4):
        got = second_derivative(
            lambda t: a * t**3 + b * t**2 + c * t, float(x))
        assert np.isclose(got, 6 * a * x + 2 * b, rtol=0, atol=1e-4), (
            "second_derivative is wrong on a cubic polynomial"
        )


@test_case(hidden=True)
def test_second_derivative_uses_h(second_derivative):
    # For x**4 the formula gives exactly 12 x**2 + 2 h**2.
    rng = np.random.default_rng(413)
    for x, h in zip(rng.uniform(-2, 2, size=3), (0.5, 0.1, 0.02)):
        got = second_derivative(lambda t: t**4, float(x), h=h)
        assert np.isclose(got, 12 * x**2 + 2 * h**2, rtol=1e-8, atol=1e-8), (
            "second_derivative ignores its h, or does not use the points "
            "x - h, x, x + h"
        )


@test_case(hidden=True)
def test_second_derivative_exp(second_derivative):
    rng = np.random.default_rng(414)
    for x in rng.uniform(-2, 2, size=4):
        got = second_derivative(np.exp, float(x))
        assert np.isclose(got, np.exp(x), rtol=1e-5), (
            "second_derivative(np.exp, x) should be close to exp(x)"
        )


@test_case(hidden=False)
def test_second_derivative_rejects_zero_step(second_derivative):
    try:
        second_derivative(np.sin, 1.0, h=0.0)
    except ValueError:
        return
    raise AssertionError(
        "second_derivative should raise ValueError for the step h = 0: the "
        "formula would divide by zero"
    )


@test_case(hidden=True)
def test_second_derivative_rejects_step_not_positive(second_derivative):
    for h in (0.0, -1e-4, -0.5, -1.0, -3.0):
        try:
            second_derivative(np.sin, 0.7, h=h)
        except ValueError:
            continue
        raise AssertionError(
            "second_derivative should raise ValueError for a step h that is "
            "not positive (zero or negative)"
        )


@test_case(hidden=True)
def test_second_derivative_of_a_line_is_zero(second_derivative):
    got = second_derivative(lambda t: 3.0 * t - 7.0, 2)
    assert np.ndim(got) == 0, "second_derivative should return one number"
    assert np.isclose(float(got), 0.0, atol=1e-5), (
        "a straight line has no curvature"
    )

# %% [markdown]
# ## 3. Newton's method: slide down the tangent to a zero
#
# Many problems in ML end with "solve $g(x) = 0$": the optimum of a smooth loss
# is where its derivative vanishes; an inverse function is a solution of an
# equation. Newton's idea is purely geometric. At the current guess $x$,
# replace the curve by its tangent line, and jump to where *the tangent*
# crosses zero:
#
# $$x_{\text{new}} = x - \frac{f(x)}{f'(x)}.$$
#
# Near a simple root this converges astonishingly fast: the number of correct
# digits roughly doubles with every step. Far from a root, or where the tangent
# is flat ($f'(x) = 0$, no crossing at all), it can fail — so a careful
# implementation stops when it has converged and **says so** when it has not.

# %% grading="skip"
def g(x):
    return x**2 - 2


def dg(x):
    return 2 * x


xs = np.linspace(0.8, 3.2, 200)
guess = 3.0
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(xs, g(xs), "k", lw=2, label="f(x) = x² − 2")
ax.axhline(0, color="gray", lw=0.8)
for step in range(3):
    nxt = guess - g(guess) / dg(guess)
    ax.plot([guess, guess], [0, g(guess)], "C0:", lw=1)
    ax.plot([guess, nxt], [g(guess), 0], "C1-", lw=1.5,
            label="tangent lines" if step == 0 else None)
    ax.plot(guess, g(guess), "C0o")
    ax.annotate(f"x{step}", (guess, 0), textcoords="offset points",
                xytext=(0, -14), ha="center")
    guess = nxt
ax.plot(np.sqrt(2), 0, "r*", ms=12, label="root √2")
ax.set(title="Newton's method: follow the tangent down to zero",
       xlabel="x", ylabel="f(x)")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# **Worked example.** For $f(x) = x^2 - 2$ from $x_0 = 3$: $x_1 = 3 - 7/6
# \approx 1.833$, $x_2 \approx 1.4621$, $x_3 \approx 1.41499$,
# $x_4 \approx 1.4142138$ — already $\sqrt 2 = 1.4142136\ldots$ to six
# decimals (an error of about $2 \cdot 10^{-7}$) — and $x_5$ has an error of
# about $2 \cdot 10^{-14}$: the error is roughly squared at every step.

# %% grading="skip"
x = 3.0
for k in range(1, 6):
    x = x - g(x) / dg(x)
    print(k, x, "error", abs(x - np.sqrt(2)))

# %% [markdown]
# ### Exercise 3: `newton_root(f, df, x0, tol=1e-10, max_iter=50)`
#
# Starting from `x0`, repeat Newton steps $x \leftarrow x - f(x)/f'(x)$, where
# `df` is the derivative of `f` (a function you are given). Return `x` as a
# float as soon as $|f(x)| <$ `tol` **or** the step just taken was smaller
# than `tol` in absolute value. Raise `ValueError` (with a message) if
# `df(x) == 0` at some iterate (the tangent is flat), or if there is no
# convergence within `max_iter` steps.

# %% question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    """A root of f by Newton's method from x0, as a float.

    Stops when |f(x)| < tol or the last step is smaller than tol.
    ValueError if df(x) == 0 or no convergence within max_iter steps.
    """
    # BEGIN SOLUTION
    x = float(x0)
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        slope = df(x)
        if slope == 0:
            raise ValueError(f"the derivative is zero at x = {x}")
        step = fx / slope
        x = float(x - step)
        if abs(step) < tol:
            return x
    raise ValueError(f"no convergence within {max_iter} iterations")
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# A `for _ in range(max_iter):` loop. Inside: if `abs(f(x)) < tol`, return
# `x`; compute the slope `df(x)` and raise if it is zero; take the step; if
# the step was tiny, return. If the loop ends without returning, the method
# did not converge: `raise ValueError(...)` after the loop.
# </details>

# %% tests="newton_root"
import numpy as np


@test_case(hidden=False)
def test_newton_sqrt2(newton_root):
    got = newton_root(lambda x: x**2 - 2, lambda x: 2 * x, 1.0)
    assert np.isclose(got, np.sqrt(2), rtol=0, atol=1e-9), (
        "the root of x**2 - 2 from x0 = 1 should be sqrt(2)"
    )


@test_case(hidden=False)
def test_newton_flat_tangent(newton_root):
    try:
        newton_root(lambda x: x**2 - 2, lambda x: 2 * x, 0.0)
    except ValueError:
        return
    raise AssertionError(
        "at x0 = 0 the derivative of x**2 - 2 is zero: newton_root should "
        "raise ValueError"
    )


@test_case(hidden=True)
def test_newton_cube_roots(newton_root):
    rng = np.random.default_rng(421)
    for a in rng.uniform(1, 20, size=5):
        got = newton_root(
            lambda x, a=a: x**3 - a, lambda x: 3 * x**2, float(a))
        assert np.isclose(got, np.cbrt(a), rtol=0, atol=1e-8), (
            "newton_root does not find the root of x**3 - a"
        )


@test_case(hidden=True)
def test_newton_transcendental(newton_root):
    # cos(x) = x has a single root near 0.739085.
    got = newton_root(lambda x: np.cos(x) - x, lambda x: -np.sin(x) - 1, 1.0)
    assert np.ndim(got) == 0, "newton_root should return a single number"
    got = float(got)
    assert abs(np.cos(got) - got) < 1e-9, (
        "newton_root should return a point where f is (almost) zero"
    )


@test_case(hidden=True)
def test_newton_no_real_root(newton_root):
    # x**2 + 1 has no real root: the iterates wander and never converge.
    try:
        newton_root(lambda x: x**2 + 1, lambda x: 2 * x, 0.5)
    except ValueError:
        return
    raise AssertionError(
        "for a function without a root newton_root should raise ValueError "
        "after max_iter steps"
    )


@test_case(hidden=True)
def test_newton_cycle(newton_root):
    # From 0, Newton on x**3 - 2x + 2 jumps 0 -> 1 -> 0 -> 1 ... forever.
    try:
        newton_root(lambda x: x**3 - 2 * x + 2, lambda x: 3 * x**2 - 2, 0.0)
    except ValueError:
        return
    raise AssertionError(
        "when the iterates cycle without converging newton_root should raise "
        "ValueError"
    )


@test_case(hidden=True)
def test_newton_respects_max_iter(newton_root):
    f, df = (lambda x: x**2 - 2), (lambda x: 2 * x)
    try:
        newton_root(f, df, 100.0, max_iter=3)
    except ValueError:
        pass
    else:
        raise AssertionError(
            "newton_root should raise ValueError when max_iter steps are "
            "not enough to converge"
        )
    got = newton_root(f, df, 100.0, max_iter=30)
    assert np.isclose(got, np.sqrt(2), atol=1e-9), (
        "with enough iterations newton_root should converge from far away"
    )


@test_case(hidden=True)
def test_newton_flat_tangents(newton_root):
    cases = [
        (np.cos, lambda x: -np.sin(x), 0.0),  # flat at the start
        (lambda x: (x - 2) ** 2 + 1, lambda x: 2 * (x - 2), 2.0),
        (lambda x: x**2 + 1, lambda x: 2 * x, 1.0),  # one step lands on 0
    ]
    for f, df, x0 in cases:
        try:
            newton_root(f, df, x0)
        except ValueError:
            continue
        raise AssertionError(
            "newton_root should raise ValueError when it meets a point where "
            "the derivative is zero"
        )


@test_case(hidden=True)
def test_newton_double_root(newton_root):
    # At a double root Newton is slower (linear), but |f| < tol is reached.
    got = newton_root(lambda x: (x - 1) ** 2, lambda x: 2 * (x - 1), 2.0)
    assert np.isclose(got, 1.0, atol=1e-4), (
        "newton_root should also converge at a double root (f and f' both 0)"
    )


@test_case(hidden=True)
def test_newton_negative_root_and_tol(newton_root):
    got = newton_root(lambda x: x**2 - 9, lambda x: 2 * x, -1.0, tol=1e-12)
    assert np.isclose(got, -3.0, rtol=0, atol=1e-10), (
        "started on the negative side, newton_root should find the negative "
        "root"
    )

# %% [markdown]
# ## 4. Logarithms turn products into sums
#
# The logarithm answers "which power?": $\log_a b$ is the $x$ with $a^x = b$.
# Because powers add when numbers multiply ($a^x a^y = a^{x+y}$), the logarithm
# turns multiplication into addition:
#
# $$\log(uv) = \log u + \log v, \qquad
#   \log \prod_{i=1}^n p_i = \sum_{i=1}^n \log p_i.$$
#
# (We use the natural logarithm, base $e$, as numpy's `np.log` does.)
#
# **Why ML cares: training is maximum likelihood.** A model with parameters
# $\theta$ assigns a probability $p_\theta(x_i)$ to each training example. If
# the examples are independent, the probability of the whole data set — the
# **likelihood** — is the product $\prod_i p_\theta(x_i)$, and training means
# choosing $\theta$ to make it as large as possible. But a product of
# thousands of numbers below 1 is astronomically small: a double-precision
# float cannot go below about $10^{-308}$ at full precision, and the product
# **underflows** to exactly 0. (Below $10^{-308}$ a double still has
# *subnormal* numbers, which trade digits of precision for range down to
# about $5 \cdot 10^{-324}$: that is why the figure shows the product
# reaching 0 only at $n = 324$, having lost its digits on the way.) Every
# model then looks equally bad. The **log-likelihood**
# $\sum_i \log p_\theta(x_i)$ is a perfectly ordinary number, and since
# $\log$ is increasing, maximising it maximises the likelihood. Minimising its
# negative is the "negative log-likelihood" loss.
#
# The picture: the likelihood of $n$ samples that each get probability 0.1,
# computed both ways.

# %% grading="skip"
n_samples = np.arange(1, 501)
probs = np.full(n_samples.size, 0.1)
with np.errstate(divide="ignore"):
    naive = np.log(np.cumprod(probs))  # log of the product: -inf after ~320
stable = np.cumsum(np.log(probs))  # sum of the logs

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(n_samples, stable, "C0", lw=3, label="sum of logs")
ax.plot(n_samples, np.where(np.isfinite(naive), naive, np.nan), "C1--", lw=2,
        label="log of the product (becomes -inf)")
underflow = n_samples[~np.isfinite(naive)][0]
ax.axvline(underflow, color="C3", ls=":",
           label=f"product underflows to 0 at n = {underflow}")
ax.set(title="Log-likelihood of n samples, each with probability 0.1",
       xlabel="number of samples n", ylabel="log-likelihood")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ### Exercise 4: `log_product(xs)`
#
# Return $\log \prod_i x_i$ for a non-empty list or array of **positive**
# numbers, as a float — correct even when the product itself underflows to 0
# (or overflows to infinity). Raise `ValueError` if `xs` is empty or any
# entry is not positive (the log of 0 or of a negative number is undefined).
#
# **Worked example.** $\log(2 \cdot 3 \cdot 4) = \log 2 + \log 3 + \log 4 =
# \log 24 \approx 3.178$; and 2000 samples of probability $10^{-3}$ have
# log-likelihood $2000 \log 10^{-3} \approx -13815.5$, while their product is
# 0.0 in floating point.

# %% grading="skip"
print(np.log(2) + np.log(3) + np.log(4), np.log(24))
print(np.prod(np.full(2000, 1e-3)), 2000 * np.log(1e-3))

# %% question="log_product"
def log_product(xs):
    """Natural log of the product of the positive numbers xs, as a float.

    ValueError if xs is empty or has an entry that is not positive.
    """
    # BEGIN SOLUTION
    xs = np.asarray(xs, dtype=float).ravel()
    if xs.size == 0:
        raise ValueError("log_product needs at least one number")
    if not np.all(xs > 0):
        raise ValueError("log_product needs positive numbers")
    return float(np.sum(np.log(xs)))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Never form the product. Check the input first (`xs.size`, `np.all(xs > 0)`),
# then add up `np.log(xs)`.
# </details>

# %% tests="log_product"
import numpy as np


@test_case(hidden=False)
def test_log_product_small(log_product):
    assert np.isclose(log_product([2, 3, 4]), np.log(24.0)), (
        "log_product([2, 3, 4]) should be log(24)"
    )


@test_case(hidden=False)
def test_log_product_underflow(log_product):
    got = log_product(np.full(2000, 1e-3))
    assert np.isfinite(got), (
        "the product of 2000 numbers 1e-3 underflows to 0, but its log is a "
        "finite number: do not compute the product"
    )
    assert np.isclose(got, 2000 * np.log(1e-3), rtol=1e-10), (
        "log_product of 2000 numbers 1e-3 should be 2000 * log(1e-3)"
    )


@test_case(hidden=True)
def test_log_product_random(log_product):
    rng = np.random.default_rng(431)
    for n in (1, 3, 40):
        xs = rng.uniform(0.01, 10, size=n)
        got = log_product(xs)
        assert np.isclose(got, np.sum(np.log(xs)), rtol=1e-10, atol=1e-12), (
            "log_product is wrong on random positive numbers"
        )


@test_case(hidden=True)
def test_log_product_extreme_values(log_product):
    # The product of the first two is 0.0 in floating point, of the last two
    # inf; the true product is exactly 1.
    got = log_product([1e-300, 1e-300, 1e300, 1e300])
    assert np.isclose(got, 0.0, atol=1e-9), (
        "log_product must stay correct when partial products underflow or "
        "overflow"
    )


@test_case(hidden=True)
def test_log_product_many_probabilities(log_product):
    rng = np.random.default_rng(432)
    p = rng.uniform(1e-4, 0.5, size=3000)
    got = log_product(p)
    assert np.isclose(got, np.sum(np.log(p)), rtol=1e-10), (
        "log_product is wrong for a long list of small probabilities"
    )


@test_case(hidden=True)
def test_log_product_sum_rule(log_product):
    rng = np.random.default_rng(433)
    a, b = rng.uniform(0.1, 5, size=(2, 7))
    joined = log_product(np.concatenate([a, b]))
    assert np.isclose(joined, log_product(a) + log_product(b), rtol=1e-10), (
        "log of a product should be the sum of the logs of its parts"
    )


@test_case(hidden=True)
def test_log_product_invalid(log_product):
    for bad in ([], [1.0, 0.0, 2.0], [3.0, -2.0], [-1.0, -1.0]):
        try:
            log_product(bad)
        except ValueError:
            continue
        raise AssertionError(
            "log_product should raise ValueError for an empty input or a "
            "number that is not positive"
        )


@test_case(hidden=True)
def test_log_product_keeps_input(log_product):
    xs = np.array([0.5, 4.0, 8.0])
    got = log_product(xs)
    assert np.isclose(got, np.log(16.0)), "log_product returns a wrong value"
    assert np.array_equal(xs, [0.5, 4.0, 8.0]), (
        "log_product must not change its input"
    )

# %% [markdown]
# ## 5. Log-sum-exp: adding numbers that live as logarithms
#
# Once probabilities are stored as logs, $z_i = \log p_i$, we sometimes need
# the log of their **sum** — for the total probability of several outcomes, or
# the normaliser of a softmax (week 12), where a model's raw scores $z_i$
# ("logits") become probabilities $e^{z_i} / \sum_j e^{z_j}$. That quantity is
#
# $$\operatorname{LSE}(z) = \log \sum_i e^{z_i}.$$
#
# Computed literally it breaks in both directions: $e^{1000}$ overflows to
# `inf`, and $e^{-1000}$ underflows to 0, giving $\log 0 = -\infty$. The fix
# is one line of algebra: pull the largest term $m = \max_i z_i$ out of the
# sum,
#
# $$\log \sum_i e^{z_i} = m + \log \sum_i e^{z_i - m}.$$
#
# Now every exponent is $\le 0$, so nothing overflows, and the largest term is
# $e^0 = 1$, so the sum is at least 1 and its log never becomes $-\infty$.
#
# The picture: LSE is a **smooth maximum**. For two numbers,
# $\operatorname{LSE}(a, b)$ is never below $\max(a, b)$ and never more than
# $\log 2$ above it.

# %% grading="skip"
a_values = np.linspace(-4, 4, 200)
b_value = 0.0
lse_curve = (np.maximum(a_values, b_value) + np.log1p(
    np.exp(-np.abs(a_values - b_value))))

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(a_values, np.maximum(a_values, b_value), "k--",
        label="max(a, 0)")
ax.plot(a_values, lse_curve, "C0", lw=2, label="LSE(a, 0) = log(eᵃ + e⁰)")
ax.plot(0, np.log(2), "C3o", label="gap log 2 where a = 0")
ax.set(title="Log-sum-exp is a smooth maximum",
       xlabel="a", ylabel="value")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# **Worked example.** $z = (1000, 1000)$: literally,
# $\log(e^{1000} + e^{1000}) = \log(\infty)$. With the shift, $m = 1000$ and
# $1000 + \log(e^0 + e^0) = 1000 + \log 2 \approx 1000.693$.

# %% grading="skip"
z = np.array([1000.0, 1000.0])
with np.errstate(over="ignore"):
    print("literal:", np.log(np.sum(np.exp(z))))
m = np.max(z)
print("shifted:", m + np.log(np.sum(np.exp(z - m))))

# %% [markdown]
# ### Exercise 5: `log_sum_exp(z)`
#
# Return $\log \sum_i e^{z_i}$ as a float, without overflow or underflow: it
# must work for entries around $1000$ and around $-1000$. Raise `ValueError`
# for an empty input.

# %% question="log_sum_exp"
def log_sum_exp(z):
    """log(sum(exp(z))) as a float, stable for large positive or negative z.

    ValueError if z is empty.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float).ravel()
    if z.size == 0:
        raise ValueError("log_sum_exp needs at least one number")
    m = np.max(z)
    return float(m + np.log(np.sum(np.exp(z - m))))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Shift by the **maximum** (not the first entry, not the mean): with
# `m = np.max(z)`, return `m + np.log(np.sum(np.exp(z - m)))`. Do not forget
# to add `m` back.
# </details>

# %% tests="log_sum_exp"
import numpy as np


@test_case(hidden=False)
def test_lse_small(log_sum_exp):
    assert np.isclose(log_sum_exp([0.0, 0.0]), np.log(2.0)), (
        "log_sum_exp([0, 0]) = log(1 + 1) = log 2"
    )
    assert np.isclose(log_sum_exp([1.0, 2.0, 3.0]),
                      np.log(np.e + np.e**2 + np.e**3)), (
        "log_sum_exp([1, 2, 3]) = log(e + e**2 + e**3)"
    )


@test_case(hidden=False)
def test_lse_large(log_sum_exp):
    got = log_sum_exp([1000.0, 1000.0])
    assert np.isfinite(got), (
        "exp(1000) overflows: shift by the maximum before exponentiating"
    )
    assert np.isclose(got, 1000.0 + np.log(2.0), rtol=1e-12), (
        "log_sum_exp([1000, 1000]) should be 1000 + log 2"
    )


@test_case(hidden=True)
def test_lse_very_negative(log_sum_exp):
    got = log_sum_exp([-1000.0, -1000.0, -1001.0])
    want = -1000.0 + np.log(2.0 + np.exp(-1.0))
    assert np.isfinite(got), (
        "exp(-1000) underflows: the result must stay finite"
    )
    assert np.isclose(got, want, rtol=1e-12), (
        "log_sum_exp is wrong for very negative inputs"
    )


@test_case(hidden=True)
def test_lse_random(log_sum_exp):
    rng = np.random.default_rng(441)
    for n in (1, 2, 10, 100):
        z = rng.normal(scale=3.0, size=n)
        want = np.log(np.sum(np.exp(z)))
        assert np.isclose(log_sum_exp(z), want, rtol=1e-10, atol=1e-12), (
            "log_sum_exp is wrong on moderate random inputs"
        )


@test_case(hidden=True)
def test_lse_mixed_scales(log_sum_exp):
    # One huge and one tiny logit: the tiny one must not cause trouble.
    got = log_sum_exp([-1000.0, 0.0])
    assert np.isfinite(got) and np.isclose(got, 0.0, atol=1e-12), (
        "log_sum_exp is wrong when the entries are far apart"
    )
    got = log_sum_exp([800.0, -800.0, 799.0])
    assert np.isclose(got, 800.0 + np.log1p(np.exp(-1.0)), rtol=1e-12), (
        "log_sum_exp is wrong when the entries are far apart"
    )


@test_case(hidden=True)
def test_lse_shift_and_bounds(log_sum_exp):
    rng = np.random.default_rng(442)
    z = rng.normal(size=8)
    for c in (-700.0, 3.5, 900.0):
        shifted = log_sum_exp(z + c)
        assert np.isclose(shifted, log_sum_exp(z) + c, rtol=1e-12), (
            "adding a constant c to every entry should add c to log_sum_exp"
        )
    got = log_sum_exp(z)
    assert np.max(z) <= got <= np.max(z) + np.log(z.size) + 1e-12, (
        "log_sum_exp(z) must lie between max(z) and max(z) + log(len(z))"
    )


@test_case(hidden=True)
def test_lse_single_and_empty(log_sum_exp):
    assert np.isclose(log_sum_exp([-1234.5]), -1234.5), (
        "the log-sum-exp of one number is that number"
    )
    try:
        log_sum_exp([])
    except ValueError:
        return
    raise AssertionError("log_sum_exp([]) should raise ValueError")


@test_case(hidden=True)
def test_lse_keeps_input(log_sum_exp):
    z = np.array([1000.0, 999.0, -5.0])
    got = log_sum_exp(z)
    want = 1000.0 + np.log1p(np.exp(-1.0) + np.exp(-1005.0))
    assert np.isclose(got, want), (
        "log_sum_exp is wrong for large inputs"
    )
    assert np.array_equal(z, [1000.0, 999.0, -5.0]), (
        "log_sum_exp must not change its input"
    )

# %% [markdown]
# ## Summary
#
# - The **derivative** is the slope of the tangent, the limit of secant
#   slopes. Numerically, the **central difference** with $h \approx 10^{-5}$
#   is accurate to about 10 digits; this is how gradient code is checked.
# - The **second derivative** is curvature: it tells how far a step can go
#   before the slope changes under your feet.
# - **Newton's method** follows tangent lines to a zero, doubling the correct
#   digits per step near a root — and must report failure honestly.
# - The **logarithm** turns products into sums. Training by maximum
#   likelihood works with the log-likelihood, because the likelihood of many
#   samples underflows to 0.
# - **Log-sum-exp**, shifted by the maximum, adds numbers that live as logs
#   without overflow or underflow. It is the heart of the softmax and the
#   cross-entropy loss of week 12.
#
# Next week: functions of many variables. A loss depends on millions of
# parameters; its derivatives form the **gradient**, an arrow that points
# straight uphill.
