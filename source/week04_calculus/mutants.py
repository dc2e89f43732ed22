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
