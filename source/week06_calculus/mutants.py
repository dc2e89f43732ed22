# %%
import numpy as np

# %% mutant="derivative_forward_difference" question="derivative"
def derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x)) / h)

# %% mutant="derivative_denominator_h" question="derivative"
def derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x - h)) / h)

# %% mutant="derivative_fixed_step" question="derivative"
def derivative(f, x, h=1e-5):
    step = 1e-5
    return float((f(x + step) - f(x - step)) / (2 * step))

# %% mutant="derivative_backward_difference" question="derivative"
def derivative(f, x, h=1e-5):
    return float((f(x) - f(x - h)) / h)

# %% mutant="derivative_no_step_check" question="derivative"
def derivative(f, x, h=1e-5):
    """Right formula, but h <= 0 is not rejected."""
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% mutant="derivative_only_rejects_zero_step" question="derivative"
def derivative(f, x, h=1e-5):
    """Rejects h = 0 only: a negative step slips through."""
    if h == 0:
        raise ValueError("h must not be zero")
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% mutant="second_derivative_no_step_check" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    """Right formula, but h <= 0 is not rejected."""
    return float((f(x + h) - 2 * f(x) + f(x - h)) / h**2)

# %% mutant="second_derivative_wrong_sign" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    return float((2 * f(x) - f(x + h) - f(x - h)) / h**2)

# %% mutant="second_derivative_2h2" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    return float((f(x + h) - 2 * f(x) + f(x - h)) / (2 * h**2))

# %% mutant="second_derivative_nested_central" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    def slope(t):
        return (f(t + h) - f(t - h)) / (2 * h)

    return float((slope(x + h) - slope(x - h)) / (2 * h))

# %% mutant="second_derivative_minus_sign_on_left" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    return float((f(x + h) - 2 * f(x) - f(x - h)) / h**2)

# %% mutant="newton_no_convergence_check" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    x = float(x0)
    for _ in range(max_iter):
        if abs(f(x)) < tol:
            break
        slope = df(x)
        if slope == 0:
            raise ValueError("flat tangent")
        x = x - f(x) / slope
    return float(x)

# %% mutant="newton_no_zero_derivative_check" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    x = float(x0)
    for _ in range(max_iter):
        fx = float(f(x))
        if abs(fx) < tol:
            return x
        step = fx / float(df(x))
        x = x - step
        if abs(step) < tol:
            return x
    raise ValueError("no convergence")

# %% mutant="newton_wrong_sign" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    x = float(x0)
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        slope = df(x)
        if slope == 0:
            raise ValueError("flat tangent")
        step = fx / slope
        x = x + step
        if abs(step) < tol:
            return x
    raise ValueError("no convergence")

# %% mutant="newton_ignores_max_iter" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    x = float(x0)
    for _ in range(1000):
        fx = f(x)
        if abs(fx) < tol:
            return x
        slope = df(x)
        if slope == 0:
            raise ValueError("flat tangent")
        step = fx / slope
        x = x - step
        if abs(step) < tol:
            return x
    raise ValueError("no convergence")

# %% mutant="lse_no_max_shift" question="log_sum_exp"
def log_sum_exp(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return float(np.log(np.sum(np.exp(z))))

# %% mutant="lse_forgets_to_add_max" question="log_sum_exp"
def log_sum_exp(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    m = np.max(z)
    return float(np.log(np.sum(np.exp(z - m))))

# %% mutant="lse_shift_by_first" question="log_sum_exp"
def log_sum_exp(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    m = z[0]
    return float(m + np.log(np.sum(np.exp(z - m))))

# %% mutant="lse_shift_by_max_abs" question="log_sum_exp"
def log_sum_exp(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    m = np.max(np.abs(z))
    return float(m + np.log(np.sum(np.exp(z - m))))

# %% mutant="lse_max_instead_of_smooth_max" question="log_sum_exp"
def log_sum_exp(z):
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return float(np.max(z))

# %% mutant="log_product_of_product" question="log_product"
def log_product(xs):
    xs = np.asarray(xs, dtype=float)
    if xs.size == 0 or np.any(xs <= 0):
        raise ValueError("positive numbers please")
    return float(np.log(np.prod(xs)))

# %% mutant="log_product_allows_zero" question="log_product"
def log_product(xs):
    xs = np.asarray(xs, dtype=float)
    if xs.size == 0 or np.any(xs < 0):
        raise ValueError("non-negative numbers please")
    return float(np.sum(np.log(xs)))

# %% mutant="log_product_no_checks" question="log_product"
def log_product(xs):
    return float(np.sum(np.log(np.abs(np.asarray(xs, dtype=float)))))

# %% mutant="log_product_log10" question="log_product"
def log_product(xs):
    xs = np.asarray(xs, dtype=float)
    if xs.size == 0 or np.any(xs <= 0):
        raise ValueError("positive numbers please")
    return float(np.sum(np.log10(xs)))

# %% mutant="log_product_empty_is_zero" question="log_product"
def log_product(xs):
    xs = np.asarray(xs, dtype=float)
    if np.any(xs <= 0):
        raise ValueError("positive numbers please")
    return float(np.sum(np.log(xs)))

# %% [markdown]
# ## Variants
#
# Correct answers written the way a student who never saw the solution might:
# each must score full marks (the tests check the contract, not habits).

# %% variant="derivative_half_slope" question="derivative"
def derivative(f, x, h=1e-5):
    """Half the slope over [x - h, x + h]; a numpy scalar, x left as given."""
    if not h > 0:
        raise ValueError("the step must be positive")
    return np.float64(0.5 * (f(x + h) - f(x - h)) / h)

# %% variant="derivative_exact_step" question="derivative"
def derivative(f, x, h=1e-5):
    """Divides by the step actually taken, (x + h) - (x - h), not 2h."""
    if h <= 0:
        raise ValueError("h > 0 please")
    right, left = x + h, x - h
    return float((f(right) - f(left)) / (right - left))

# %% variant="derivative_points_and_weights" question="derivative"
def derivative(f, x, h=1e-5):
    """A stencil: weights -1/2 and +1/2 at x - h and x + h, then / h."""
    if h < 0 or h == 0:
        raise ValueError(f"h = {h} is not a positive step")
    total = 0.0
    for offset, weight in ((-1, -0.5), (1, 0.5)):
        total += weight * f(x + offset * h)
    return total / h

# %% variant="second_derivative_slopes" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    """(slope on the right - slope on the left) / h, one f(x) evaluation."""
    if h <= 0:
        raise ValueError("h must be > 0")
    fx = f(x)
    right = (f(x + h) - fx) / h
    left = (fx - f(x - h)) / h
    return np.float64((right - left) / h)

# %% variant="second_derivative_stencil_loop" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    """The stencil 1, -2, 1 in a loop, divided by h twice."""
    if not h > 0:
        raise ValueError("second_derivative: the step h must be positive")
    x = float(x)
    total = 0.0
    for k, weight in ((-1, 1.0), (0, -2.0), (1, 1.0)):
        total += weight * f(x + k * h)
    return total / h / h

# %% variant="second_derivative_sum_first" question="second_derivative"
def second_derivative(f, x, h=1e-4):
    """Outer points summed first, then minus 2 f(x); numpy arithmetic."""
    if np.less_equal(h, 0):
        raise ValueError("need h > 0")
    outer = np.add(f(x + h), f(x - h))
    return (outer - 2 * f(x)) / np.square(h)

# %% variant="newton_while_loop" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    """A while loop counting steps; stops on a small step or a small f."""
    x = x0
    steps = 0
    fx = f(x)
    while abs(fx) >= tol:
        if steps == max_iter:
            raise ValueError("Newton's method did not converge")
        d = df(x)
        if d == 0:
            raise ValueError("flat tangent: cannot divide by f'(x) = 0")
        step = fx / d
        x = x - step
        steps += 1
        if abs(step) < tol:
            break
        fx = f(x)
    return x

# %% variant="newton_checks_after_last_step" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    """Takes up to max_iter steps and tests |f| after each, also the last."""
    x = float(x0)
    if abs(f(x)) < tol:
        return x
    for _ in range(max_iter):
        slope = df(x)
        if not slope:
            raise ValueError("zero derivative")
        new_x = x - f(x) / slope
        if abs(new_x - x) < tol or abs(f(new_x)) < tol:
            return np.float64(new_x)
        x = new_x
    raise ValueError("max_iter reached")

# %% variant="newton_gives_up_on_overflow" question="newton_root"
import math


def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    """Also raises as soon as the iterates stop being finite numbers."""
    x = float(x0)
    for i in range(max_iter):
        value = float(f(x))
        if abs(value) < tol:
            return x
        slope = float(df(x))
        if slope == 0.0:
            raise ValueError(f"f'({x}) = 0 at iteration {i}")
        step = value / slope
        x -= step
        if not math.isfinite(x):
            raise ValueError("the iterates diverged")
        if abs(step) < tol:
            return x
    raise ValueError("no root found")

# %% variant="newton_checks_slope_first" question="newton_root"
def newton_root(f, df, x0, tol=1e-10, max_iter=50):
    """Checks the tangent before the value; returns the point before a tiny
    step (it is within tol of the one after)."""
    x = float(x0)
    for _ in range(max_iter):
        slope = df(x)
        if slope == 0:
            raise ValueError("the tangent is horizontal")
        fx = f(x)
        if abs(fx) < tol:
            return x
        step = fx / slope
        if abs(step) < tol:
            return x
        x -= step
    raise ValueError("did not converge")

# %% variant="log_product_fsum" question="log_product"
import math


def log_product(xs):
    """Pure Python: math.log of each number, math.fsum; accepts tuples."""
    xs = list(xs)
    if not xs:
        raise ValueError("nothing to multiply")
    if min(xs) <= 0:
        raise ValueError("logarithms need positive numbers")
    return math.fsum(math.log(t) for t in xs)

# %% variant="log_product_mantissa_exponent" question="log_product"
def log_product(xs):
    """Keeps the product as mantissa * 2**exponent, renormalising each step."""
    xs = np.asarray(xs)
    if xs.size == 0 or np.any(xs <= 0):
        raise ValueError("need a non-empty list of positive numbers")
    mantissa, exponent = 1.0, 0
    for t in xs.ravel():
        m, e = np.frexp(mantissa * float(t))
        mantissa, exponent = m, exponent + int(e)
    return np.log(mantissa) + exponent * np.log(2.0)

# %% variant="log_product_numpy_scalar" question="log_product"
def log_product(xs):
    """np.log(xs).sum(), a numpy scalar; integers are not converted first."""
    xs = np.array(xs)
    if len(xs) == 0:
        raise ValueError("empty")
    if (xs <= 0).any():
        raise ValueError("non-positive entry")
    return np.log(xs).sum()

# %% variant="lse_logaddexp_reduce" question="log_sum_exp"
def log_sum_exp(z):
    """numpy's pairwise-stable logaddexp, folded over the entries."""
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("empty")
    return np.logaddexp.reduce(z)

# %% variant="lse_streaming" question="log_sum_exp"
import math


def log_sum_exp(z):
    """One pass keeping a running maximum m and s = sum exp(z_i - m)."""
    m, s = -math.inf, 0.0
    count = 0
    for t in z:
        t = float(t)
        count += 1
        if t > m:
            s = s * math.exp(m - t) + 1.0
            m = t
        else:
            s += math.exp(t - m)
    if count == 0:
        raise ValueError("log_sum_exp of nothing")
    return m + math.log(s)

# %% variant="lse_log1p_of_the_rest" question="log_sum_exp"
def log_sum_exp(z):
    """max + log1p(sum of the other exp(z_i - max)): accurate when one wins."""
    z = np.asarray(z, dtype=float).ravel()
    if not len(z):
        raise ValueError("z must not be empty")
    i = int(np.argmax(z))
    rest = np.delete(z, i)
    return float(z[i] + np.log1p(np.sum(np.exp(rest - z[i]))))
