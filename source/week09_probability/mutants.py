# %%
import numpy as np

# %% mutant="ev_plain_mean" question="expected_value"
def expected_value(values, probs):
    """Ignores the weights: the plain average of the values."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    return float(np.mean(x))

# %% mutant="ev_no_negative_check" question="expected_value"
def expected_value(values, probs):
    """Checks the total only: [1.5, -0.5] passes."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if abs(p.sum() - 1) > 1e-9:
        raise ValueError("probabilities must sum to 1")
    return float(np.sum(x * p))

# %% mutant="ev_no_total_check" question="expected_value"
def expected_value(values, probs):
    """Checks the signs only: any total passes."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0):
        raise ValueError("negative probability")
    return float(np.sum(x * p))

# %% mutant="ev_exact_total" question="expected_value"
def expected_value(values, probs):
    """Demands a total of exactly 1: rejects sum([0.1] * 10)."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or np.sum(p) != 1.0:
        raise ValueError("not a probability vector")
    return float(np.sum(x * p))

# %% mutant="ev_isclose_default_tolerance" question="expected_value"
def expected_value(values, probs):
    """np.isclose's default tolerance (1e-5 relative) is far above 1e-9."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or not np.isclose(np.sum(p), 1.0):
        raise ValueError("not a probability vector")
    return float(np.sum(x * p))

# %% mutant="ev_normalizes_silently" question="expected_value"
def expected_value(values, probs):
    """Rescales a bad probability vector instead of rejecting it."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0):
        raise ValueError("negative probability")
    p = p / np.sum(p)
    return float(np.sum(x * p))

# %% mutant="ev_zip_truncates" question="expected_value"
def expected_value(values, probs):
    """zip() silently drops the extra values when the lengths differ."""
    probs = [float(q) for q in probs]
    if not probs or any(q < 0 for q in probs):
        raise ValueError("bad probabilities")
    if abs(sum(probs) - 1) > 1e-9:
        raise ValueError("probabilities must sum to 1")
    return float(sum(x * q for x, q in zip(values, probs)))

# %% mutant="var_wrong_sign" question="variance"
def variance(values, probs):
    """E[X]^2 - E[X^2]: the shortcut with the sign flipped."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    mu = np.sum(x * p)
    return float(mu**2 - np.sum(x**2 * p))

# %% mutant="var_shortcut_cancels" question="variance"
def variance(values, probs):
    """E[X^2] - E[X]^2: right algebra, but cancellation for large values."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("values and probs do not match")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    mean = np.dot(x, p)
    return np.dot(x * x, p) - mean * mean

# %% mutant="var_only_rejects_total_above_one" question="variance"
def variance(values, probs):
    """abs() forgotten: a total below 1 slips through."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("values and probs do not match")
    if np.any(p < 0) or np.sum(p) - 1.0 > 1e-9:
        raise ValueError("not a probability vector")
    mu = np.sum(x * p)
    return float(np.sum((x - mu) ** 2 * p))

# %% mutant="bayes_rejects_likelihood_above_one" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Treats likelihoods as probabilities: rejects values above 1."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("shapes")
    if np.any(prior < 0) or np.any(likelihood < 0):
        raise ValueError("negative")
    if np.any(likelihood > 1):
        raise ValueError("a likelihood is a probability, at most 1")
    if not prior.sum() > 0:
        raise ValueError("prior total is 0")
    joint = prior * likelihood
    if not joint.sum() > 0:
        raise ValueError("zero evidence")
    return joint / joint.sum()

# %% mutant="bayes_rejects_zero_likelihood" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Demands positive likelihoods: a likelihood of 0 is rejected."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("shapes")
    if np.any(prior < 0) or np.any(likelihood <= 0):
        raise ValueError("priors non-negative, likelihoods positive")
    if not prior.sum() > 0:
        raise ValueError("prior total is 0")
    joint = prior * likelihood
    return joint / joint.sum()

# %% mutant="var_mean_not_squared" question="variance"
def variance(values, probs):
    """E[X^2] - E[X]: forgets to square the mean."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    return float(np.sum(x**2 * p) - np.sum(x * p))

# %% mutant="var_not_centred" question="variance"
def variance(values, probs):
    """E[X^2]: the squares are not taken around the mean."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    return float(np.sum(x**2 * p))

# %% mutant="var_deviation_not_squared" question="variance"
def variance(values, probs):
    """E[|X - mu|]: the mean absolute deviation, not the variance."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    mu = np.sum(x * p)
    return float(np.sum(np.abs(x - mu) * p))

# %% mutant="var_ignores_probs" question="variance"
def variance(values, probs):
    """np.var of the values: every value weighted 1/n."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    return float(np.var(x))

# %% mutant="var_returns_std" question="variance"
def variance(values, probs):
    """Returns the standard deviation (the square root)."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
        raise ValueError("not a probability vector")
    mu = np.sum(x * p)
    return float(np.sqrt(np.sum((x - mu) ** 2 * p)))

# %% mutant="var_no_validation" question="variance"
def variance(values, probs):
    """Trusts probs blindly."""
    x = np.asarray(values, dtype=float)
    p = np.asarray(probs, dtype=float)
    if x.size == 0 or x.shape != p.shape:
        raise ValueError("bad shapes")
    mu = np.sum(x * p)
    return float(np.sum((x - mu) ** 2 * p))

# %% mutant="bayes_not_normalized" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Forgets to divide by the evidence."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or prior.sum() <= 0:
        raise ValueError("bad prior or likelihood")
    if np.sum(prior * likelihood) <= 0:
        raise ValueError("zero evidence")
    return prior * likelihood

# %% mutant="bayes_likelihood_only" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Ignores the prior: the normalized likelihood."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or prior.sum() <= 0:
        raise ValueError("bad prior or likelihood")
    if np.sum(likelihood) <= 0:
        raise ValueError("zero evidence")
    return likelihood / np.sum(likelihood)

# %% mutant="bayes_divides_by_likelihood_total" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Divides by the total likelihood instead of the evidence."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or prior.sum() <= 0:
        raise ValueError("bad prior or likelihood")
    if np.sum(prior * likelihood) <= 0:
        raise ValueError("zero evidence")
    return prior * likelihood / np.sum(likelihood)

# %% mutant="bayes_adds_evidence" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Combines prior and likelihood by adding them."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or prior.sum() <= 0:
        raise ValueError("bad prior or likelihood")
    if np.sum(prior * likelihood) <= 0:
        raise ValueError("zero evidence")
    combined = prior / prior.sum() + likelihood
    return combined / combined.sum()

# %% mutant="bayes_demands_normalized_prior" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Rejects a prior given as counts."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0):
        raise ValueError("negative entries")
    if abs(prior.sum() - 1) > 1e-9:
        raise ValueError("the prior must sum to 1")
    joint = prior * likelihood
    if joint.sum() <= 0:
        raise ValueError("zero evidence")
    return joint / joint.sum()

# %% mutant="bayes_no_negative_check" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Accepts negative weights."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    joint = prior * likelihood
    if prior.sum() <= 0 or joint.sum() == 0:
        raise ValueError("nothing to normalize")
    return joint / joint.sum()

# %% mutant="bayes_no_zero_evidence_check" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Divides by a zero evidence (nan) instead of raising."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("bad shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or prior.sum() <= 0:
        raise ValueError("bad prior or likelihood")
    joint = prior * likelihood
    with np.errstate(invalid="ignore"):
        return joint / joint.sum()

# %% mutant="mc_ddof_zero" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Standard error from np.std's default ddof=0."""
    if len(samples) == 0:
        raise ValueError("no samples")
    values = np.array([f(s) for s in samples], dtype=float)
    return float(values.mean()), float(values.std() / np.sqrt(values.size))

# %% mutant="mc_divides_by_n" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Divides the standard deviation by n instead of sqrt(n)."""
    if len(samples) == 0:
        raise ValueError("no samples")
    values = np.array([f(s) for s in samples], dtype=float)
    return float(values.mean()), float(values.std(ddof=1) / values.size)

# %% mutant="mc_returns_std" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Returns the spread of one sample, not of the estimate."""
    if len(samples) == 0:
        raise ValueError("no samples")
    values = np.array([f(s) for s in samples], dtype=float)
    return float(values.mean()), float(values.std(ddof=1))

# %% mutant="mc_variance_not_std" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Variance / sqrt(n): forgets the square root of the variance."""
    if len(samples) == 0:
        raise ValueError("no samples")
    values = np.array([f(s) for s in samples], dtype=float)
    return (float(values.mean()),
            float(values.var(ddof=1) / np.sqrt(values.size)))

# %% mutant="mc_forgets_f" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Averages the samples themselves."""
    values = np.asarray(samples, dtype=float).ravel()
    if values.size == 0:
        raise ValueError("no samples")
    return (float(values.mean()),
            float(values.std(ddof=1) / np.sqrt(values.size)))

# %% mutant="mc_f_on_whole_array" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Calls f once on the whole array instead of on each sample."""
    samples = np.asarray(samples, dtype=float)
    if samples.size == 0:
        raise ValueError("no samples")
    values = np.asarray(f(samples.T), dtype=float).ravel()
    return (float(values.mean()),
            float(values.std(ddof=1) / np.sqrt(values.size)))

# %% mutant="mc_empty_gives_nan" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """No check for empty samples: returns nan instead of raising."""
    values = np.array([f(s) for s in samples], dtype=float)
    if values.size == 0:
        return float("nan"), float("nan")
    return (float(values.mean()),
            float(values.std(ddof=1) / np.sqrt(values.size)))

# %% variant="ev_python_loop" question="expected_value"
def expected_value(values, probs):
    """Correct: plain Python with math.fsum, another message wording."""
    import math

    values = [float(v) for v in values]
    probs = [float(q) for q in probs]
    if len(values) == 0 or len(values) != len(probs):
        raise ValueError("need equally many values and probabilities")
    if min(probs) < 0 or abs(math.fsum(probs) - 1.0) > 1e-9:
        raise ValueError("probs is not a probability vector")
    return math.fsum(v * q for v, q in zip(values, probs))

# %% variant="ev_numpy_average" question="expected_value"
def expected_value(values, probs):
    """Correct: np.average with weights, returned as a numpy scalar."""
    x = np.asarray(values)
    p = np.asarray(probs)
    if p.size == 0 or x.shape != p.shape:
        raise ValueError("shape mismatch")
    if (p < 0).any():
        raise ValueError("negative probability")
    if not np.isclose(p.sum(), 1.0, rtol=0.0, atol=1e-9):
        raise ValueError("total is not 1")
    return np.average(x, weights=p)

# %% variant="ev_dot" question="expected_value"
def expected_value(values, probs):
    """Correct: a dot product, validation in another order."""
    p = np.array(probs, dtype=np.float64)
    if np.any(p < 0):
        raise ValueError("probabilities must be >= 0")
    if not abs(p.sum() - 1) <= 1e-9:
        raise ValueError("probabilities must add up to 1")
    x = np.array(values, dtype=np.float64)
    if len(x) != len(p):
        raise ValueError("length mismatch")
    return x.dot(p)

# %% variant="var_via_expected_value" question="variance"
def variance(values, probs):
    """Correct: E[(X - mu)^2] with the student's own expected_value."""
    mu = expected_value(values, probs)
    deviations = np.asarray(values, dtype=float) - mu
    return expected_value(deviations**2, probs)

# %% variant="var_python_loop" question="variance"
def variance(values, probs):
    """Correct: a loop, the mean computed first with math.fsum."""
    import math

    values = [float(v) for v in values]
    probs = [float(q) for q in probs]
    if not values or len(values) != len(probs):
        raise ValueError("need equally many values and probabilities")
    if any(q < 0 for q in probs) or abs(math.fsum(probs) - 1) > 1e-9:
        raise ValueError("invalid probabilities")
    mu = math.fsum(v * q for v, q in zip(values, probs))
    total = 0.0
    for v, q in zip(values, probs):
        total += q * (v - mu) ** 2
    return total

# %% variant="bayes_python_list" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Correct: plain Python, returns a list."""
    prior = [float(a) for a in prior]
    likelihood = [float(b) for b in likelihood]
    if not prior or len(prior) != len(likelihood):
        raise ValueError("one likelihood per hypothesis, please")
    if min(prior) < 0 or min(likelihood) < 0:
        raise ValueError("negative weight")
    if sum(prior) == 0:
        raise ValueError("empty prior")
    joint = [a * b for a, b in zip(prior, likelihood)]
    evidence = sum(joint)
    if evidence == 0:
        raise ValueError("impossible data")
    return [j / evidence for j in joint]

# %% variant="bayes_normalize_prior_first" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Correct: normalizes the prior, then applies Bayes' rule."""
    prior = np.array(prior, dtype=float)
    likelihood = np.array(likelihood, dtype=float)
    if prior.shape != likelihood.shape or prior.size == 0:
        raise ValueError("mismatch")
    if (prior < 0).any() or (likelihood < 0).any():
        raise ValueError("negative")
    total = prior.sum()
    if total <= 0:
        raise ValueError("prior total is 0")
    prior /= total
    evidence = np.dot(prior, likelihood)
    if evidence == 0:
        raise ValueError("evidence is 0")
    return prior * likelihood / evidence

# %% variant="bayes_log_space" question="bayes_posterior"
def bayes_posterior(prior, likelihood):
    """Correct: in log space, normalized with a log-sum-exp."""
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.size == 0 or prior.shape != likelihood.shape:
        raise ValueError("shapes")
    if np.any(prior < 0) or np.any(likelihood < 0) or not prior.sum() > 0:
        raise ValueError("weights")
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihood)
    m = np.max(log_joint)
    if not np.isfinite(m):
        raise ValueError("zero evidence")
    return np.exp(log_joint - m - np.log(np.sum(np.exp(log_joint - m))))

# %% variant="mc_statistics_module" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Correct: the statistics module, a list of values from map()."""
    import math
    import statistics

    values = [float(v) for v in map(f, samples)]
    if not values:
        raise ValueError("no samples")
    n = len(values)
    if n == 1:
        return values[0], float("nan")
    return statistics.fmean(values), statistics.stdev(values) / math.sqrt(n)

# %% variant="mc_welford" question="monte_carlo_mean"
def monte_carlo_mean(f, samples):
    """Correct: Welford's running mean and variance, numpy scalars out."""
    n = 0
    mean = np.float64(0.0)
    m2 = np.float64(0.0)
    for sample in samples:
        value = np.float64(f(sample))
        n += 1
        delta = value - mean
        mean += delta / n
        m2 += delta * (value - mean)
    if n == 0:
        raise ValueError("samples is empty")
    if n < 2:
        return mean, np.float64(np.inf)
    return mean, np.sqrt(m2 / (n - 1)) / np.sqrt(n)
