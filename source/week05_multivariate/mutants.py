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
