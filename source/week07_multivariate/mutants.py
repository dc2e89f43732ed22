# %%
import numpy as np

# %% mutant="partial_one_sided" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    x = np.array(x, dtype=float)
    if not 0 <= i < x.size:
        raise ValueError("bad index")
    step = np.zeros_like(x)
    step[i] = h
    return float((f(x + step) - f(x)) / h)

# %% mutant="partial_perturbs_all_coordinates" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    x = np.array(x, dtype=float)
    if not 0 <= i < x.size:
        raise ValueError("bad index")
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% mutant="partial_mutates_x" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    x = np.asarray(x, dtype=float)
    if not 0 <= i < x.size:
        raise ValueError("bad index")
    x[i] += h
    plus = f(x)
    x[i] -= 2 * h
    minus = f(x)
    return float((plus - minus) / (2 * h))

# %% mutant="partial_denominator_h" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    x = np.array(x, dtype=float)
    if not 0 <= i < x.size:
        raise ValueError("bad index")
    step = np.zeros_like(x)
    step[i] = h
    return float((f(x + step) - f(x - step)) / h)

# %% mutant="partial_no_index_check" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    x = np.array(x, dtype=float)
    step = np.zeros_like(x)
    step[i % max(x.size, 1)] = h
    return float((f(x + step) - f(x - step)) / (2 * h))

# %% mutant="gradient_one_sided" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    grad = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x)) / h
    return grad

# %% mutant="gradient_mutates_x" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    grad = np.zeros_like(x)
    for i in range(x.size):
        x[i] += h
        plus = f(x)
        x[i] -= 2 * h
        minus = f(x)
        grad[i] = (plus - minus) / (2 * h)
    return grad

# %% mutant="gradient_same_step_everywhere" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    slope = (f(x + h) - f(x - h)) / (2 * h)
    return np.full(x.shape, slope)

# %% mutant="gradient_skips_last" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    grad = np.zeros_like(x)
    for i in range(x.size - 1):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad

# %% mutant="gradient_integer_array" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x)
    if x.size == 0:
        raise ValueError("empty")
    grad = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros(x.shape)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad

# %% mutant="directional_not_normalised" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.size == 0 or x.shape != v.shape or not np.any(v):
        raise ValueError("bad input")
    return float((f(x + h * v) - f(x - h * v)) / (2 * h))

# %% mutant="directional_over_length_sq" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.size == 0 or x.shape != v.shape or not np.any(v):
        raise ValueError("bad input")
    u = v / np.sum(v * v)
    return float((f(x + h * u) - f(x - h * u)) / (2 * h))

# %% mutant="directional_normalises_in_place" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    x = np.asarray(x, dtype=float)
    v = np.asarray(v, dtype=float)
    if x.size == 0 or x.shape != v.shape or not np.any(v):
        raise ValueError("bad input")
    v /= np.sqrt(np.sum(v * v))
    return float((f(x + h * v) - f(x - h * v)) / (2 * h))

# %% mutant="directional_one_sided" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.size == 0 or x.shape != v.shape or not np.any(v):
        raise ValueError("bad input")
    u = v / np.sqrt(np.sum(v * v))
    return float((f(x + h * u) - f(x)) / h)

# %% mutant="directional_no_zero_check" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.size == 0 or x.shape != v.shape:
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        u = v / np.sqrt(np.sum(v * v))
        return float((f(x + h * u) - f(x - h * u)) / (2 * h))

# %% mutant="jacobian_transposed" question="jacobian"
def jacobian(F, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    rows = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        plus = np.asarray(F(x + step), dtype=float)
        minus = np.asarray(F(x - step), dtype=float)
        rows.append((plus - minus) / (2 * h))
    return np.array(rows)

# %% mutant="jacobian_one_sided" question="jacobian"
def jacobian(F, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    base = np.asarray(F(x), dtype=float)
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        columns.append((np.asarray(F(x + step), dtype=float) - base) / h)
    return np.stack(columns, axis=1)

# %% mutant="jacobian_mutates_x" question="jacobian"
def jacobian(F, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    columns = []
    for j in range(x.size):
        x[j] += h
        plus = np.array(F(x), dtype=float)
        x[j] -= 2 * h
        minus = np.array(F(x), dtype=float)
        columns.append((plus - minus) / (2 * h))
    return np.stack(columns, axis=1)

# %% mutant="jacobian_denominator_h" question="jacobian"
def jacobian(F, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        plus = np.asarray(F(x + step), dtype=float)
        minus = np.asarray(F(x - step), dtype=float)
        columns.append((plus - minus) / h)
    return np.stack(columns, axis=1)

# %% mutant="check_mean_not_max" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x - step)) / (2 * h)
    return float(np.mean(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n),
                                                    1e-12)))

# %% mutant="check_absolute_error" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x - step)) / (2 * h)
    return float(np.max(np.abs(a - n)))

# %% mutant="check_norm_based" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x - step)) / (2 * h)
    diff = np.sqrt(np.sum((a - n) ** 2))
    size = np.sqrt(np.sum(a**2)) + np.sqrt(np.sum(n**2))
    return float(diff / max(size, 1e-12))

# %% mutant="check_no_floor" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x - step)) / (2 * h)
    with np.errstate(invalid="ignore"):
        return float(np.max(np.abs(a - n) / (np.abs(a) + np.abs(n))))

# %% mutant="check_max_denominator" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x - step)) / (2 * h)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-12)
    return float(np.max(np.abs(a - n) / scale))

# %% mutant="check_one_sided" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty")
    a = np.asarray(grad_f(x.copy()), dtype=float)
    n = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        n[i] = (f(x + step) - f(x)) / h
    scale = np.maximum(np.abs(a) + np.abs(n), 1e-12)
    return float(np.max(np.abs(a - n) / scale))

# %% [markdown]
# ## Variants
#
# Correct answers written the way a student who never saw the solution might:
# each must score full marks (the tests check the contract, not habits).

# %% variant="partial_unit_vector_from_eye" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    """The basis vector e_i as a row of np.eye; returns a numpy scalar."""
    x = np.asarray(x, dtype=float)
    n = len(x)
    if n == 0 or not 0 <= i < n:
        raise ValueError("bad index or empty x")
    e = np.eye(n)[i]
    return (f(x + h * e) - f(x - h * e)) / (2 * h)

# %% variant="partial_copy_and_nudge" question="partial_derivative"
def partial_derivative(f, x, i, h=1e-5):
    """Two float copies of x: coordinate i nudged up in one, down in the
    other."""
    base = np.array(x, dtype=np.float64)
    if base.ndim != 1 or len(base) < 1:
        raise ValueError("x must be a non-empty vector")
    if i < 0 or i >= len(base):
        raise ValueError("i out of range")
    up, down = base.copy(), base.copy()
    up[i] += h
    down[i] -= h
    return float(f(up) - f(down)) / (2.0 * h)

# %% variant="partial_operator_index" question="partial_derivative"
import operator


def partial_derivative(f, x, i, h=1e-5):
    """operator.index() accepts Python and numpy integers; tuples for x."""
    x = np.array(tuple(x), dtype=float)
    i = operator.index(i)
    if x.size == 0 or i not in range(x.size):
        raise ValueError(f"no coordinate {i} in a vector of length {x.size}")
    step = np.where(np.arange(x.size) == i, h, 0.0)
    return np.float64((f(x + step) - f(x - step)) / h / 2)

# %% variant="gradient_list_comprehension" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    """Rows of h * I as the steps; returns a plain list of floats."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not x.size:
        raise ValueError("x must be a non-empty vector")
    steps = h * np.eye(x.size)
    return [float((f(x + e) - f(x - e)) / (2 * h)) for e in steps]

# %% variant="gradient_one_working_copy" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    """One working copy, coordinate set and restored in place; np.empty."""
    work = np.array(x, dtype=float)
    if work.ndim != 1 or work.shape[0] == 0:
        raise ValueError("empty or not 1-D")
    grad = np.empty(work.shape[0])
    for i in range(work.shape[0]):
        old = work[i]
        work[i] = old + h
        f_plus = f(work)
        work[i] = old - h
        f_minus = f(work)
        work[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad

# %% variant="gradient_from_partials" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    """Builds on a helper for one partial derivative; np.fromiter."""
    x = np.array(x, dtype=float)
    if x.size == 0 or x.ndim != 1:
        raise ValueError("need a non-empty 1-D x")

    def one_partial(j):
        e = np.zeros(x.size)
        e[j] = 1.0
        return (f(x + h * e) - f(x - h * e)) / (h + h)

    return np.fromiter((one_partial(j) for j in range(x.size)), float)

# %% variant="directional_linalg_norm" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    """np.linalg.norm for |v|; a numpy scalar; tuples are fine."""
    x, v = np.asarray(x, dtype=float), np.asarray(v, dtype=float)
    if x.size == 0 or x.shape != v.shape:
        raise ValueError("x and v must have the same non-zero length")
    length = np.linalg.norm(v)
    if length == 0:
        raise ValueError("v = 0 has no direction")
    step = (h / length) * v
    return (f(x + step) - f(x - step)) / (2 * h)

# %% variant="directional_loops" question="directional_derivative"
import math


def directional_derivative(f, x, v, h=1e-5):
    """The unit vector and the two points computed coordinate by coordinate."""
    if len(x) == 0 or len(x) != len(v):
        raise ValueError("lengths")
    length = math.sqrt(sum(float(t) ** 2 for t in v))
    if length == 0:
        raise ValueError("zero direction")
    u = [float(t) / length for t in v]
    plus = np.array([float(a) + h * b for a, b in zip(x, u)])
    minus = np.array([float(a) - h * b for a, b in zip(x, u)])
    return float(f(plus) - f(minus)) / (2 * h)

# %% variant="directional_max_scaled" question="directional_derivative"
def directional_derivative(f, x, v, h=1e-5):
    """Divides v by its largest entry before normalising (no overflow)."""
    x = np.array(x, dtype=float)
    v = np.array(v, dtype=float)
    if x.ndim != 1 or v.ndim != 1 or x.size != v.size or x.size == 0:
        raise ValueError("x and v must be vectors of the same length")
    biggest = np.max(np.abs(v))
    if biggest == 0:
        raise ValueError("zero vector")
    v = v / biggest
    u = v / np.sqrt(np.sum(v**2))
    return float(f(x + h * u) - f(x - h * u)) / (2 * h)

# %% variant="jacobian_preallocated" question="jacobian"
def jacobian(F, x, h=1e-5):
    """Calls F(x) once to learn m, then fills an (m, n) array column by
    column."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty vector")
    m = np.atleast_1d(np.asarray(F(x.copy()), dtype=float)).size
    J = np.empty((m, x.size))
    for j in range(x.size):
        e = np.zeros(x.size)
        e[j] = h
        plus = np.asarray(F(x + e), dtype=float).reshape(m)
        minus = np.asarray(F(x - e), dtype=float).reshape(m)
        J[:, j] = (plus - minus) / (2 * h)
    return J

# %% variant="jacobian_nested_lists" question="jacobian"
def jacobian(F, x, h=1e-5):
    """Rows of the transpose first (one per input); returns nested lists."""
    x = np.array(x, dtype=float)
    if len(x) == 0:
        raise ValueError("empty x")
    columns = []
    for j in range(len(x)):
        up, down = x.copy(), x.copy()
        up[j] += h
        down[j] -= h
        fu, fd = list(F(up)), list(F(down))
        columns.append([(a - b) / (2 * h) for a, b in zip(fu, fd)])
    return [list(row) for row in zip(*columns)]

# %% variant="jacobian_column_stack" question="jacobian"
def jacobian(F, x, h=1e-5):
    """Differences for every step in h * I, stacked with np.column_stack."""
    x = np.asarray(x, dtype=float)
    if x.shape[0:1] == (0,) or x.ndim != 1:
        raise ValueError("need a non-empty 1-D x")
    diffs = [
        (np.ravel(F(x + e)) - np.ravel(F(x - e))) / (2 * h)
        for e in h * np.eye(len(x))
    ]
    return np.column_stack(diffs).astype(float)

# %% variant="check_python_max" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    """Loops over the coordinates and keeps the worst error with max()."""
    x = np.array(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty x")
    a = [float(t) for t in np.ravel(grad_f(x.copy()))]
    if len(a) != len(x):
        raise ValueError("grad_f has the wrong length")
    worst = 0.0
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = h
        n = (f(x + e) - f(x - e)) / (2 * h)
        worst = max(worst, abs(a[i] - n) / max(abs(a[i]) + abs(n), 1e-12))
    return worst

# %% variant="check_vectorised_fmax" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    """Numerical gradient from h * I, errors with np.fmax; a numpy scalar."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError("x must be a non-empty vector")
    analytic = np.asarray(grad_f(np.copy(x)), dtype=float)
    if analytic.shape != x.shape:
        raise ValueError("grad_f(x) must have len(x) entries")
    E = h * np.eye(len(x))
    numeric = np.array([f(x + e) - f(x - e) for e in E]) / (2 * h)
    denominator = np.fmax(np.abs(analytic) + np.abs(numeric), 1e-12)
    return (np.abs(analytic - numeric) / denominator).max()

# %% variant="check_numeric_first" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    """Numerical gradient computed before calling grad_f; np.where floor."""
    x = np.array(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("bad x")
    numeric = np.zeros(x.size)
    for i in range(x.size):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (f(up) - f(down)) / (2 * h)
    analytic = np.asarray(grad_f(x.copy()), dtype=float).reshape(-1)
    if analytic.size != x.size:
        raise ValueError("the analytic gradient has the wrong size")
    total = np.abs(analytic) + np.abs(numeric)
    total = np.where(total > 1e-12, total, 1e-12)
    return float(np.max(np.abs(analytic - numeric) / total))

# %% variant="gradient_calls_partial_derivative" question="numerical_gradient"
def numerical_gradient(f, x, h=1e-5):
    """One call of the student's own partial_derivative per coordinate."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x must be a non-empty vector")
    return np.array([partial_derivative(f, x, i, h) for i in range(x.size)])

# %% variant="check_calls_numerical_gradient" question="gradient_check"
def gradient_check(f, grad_f, x, h=1e-5):
    """Uses the student's own numerical_gradient, as the exercise suggests."""
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("empty x")
    a = np.ravel(np.asarray(grad_f(x.copy()), dtype=float))
    if a.shape != x.shape:
        raise ValueError("grad_f returned the wrong number of entries")
    n = np.asarray(numerical_gradient(f, x, h=h))
    return float(np.max(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n),
                                                   1e-12)))
