"""The course as data: title, weeks (with release and due dates), points and grading limits.

Read and validated by `course.config` (no logic here). Points are per question; a question's
tests share its points evenly.
"""

TITLE = "Mathematics of Machine Learning"

WEEKS = [
    {
        "id": "week01_vectors",
        "release": "2026-10-05",
        "due": "2026-10-12",
        "title": "Vectors, norms and inner products",
        "points": {
            "dot": 2,
            "norm": 2,
            "cosine_similarity": 2,
            "project": 2,
            "nearest_neighbors": 2,
        },
    },
    {
        "id": "week02_linear_maps",
        "release": "2026-10-12",
        "due": "2026-10-19",
        "title": "Matrices are linear transformations",
        "points": {"matrix_of": 2, "apply": 2, "matmul": 2, "rotation": 2, "dense_layer": 2},
    },
    {
        "id": "week03_determinants",
        "release": "2026-10-19",
        "due": "2026-10-26",
        "title": "Determinants: volume scaling and orientation",
        "points": {
            "det2": 2,
            "permutation_sign": 2,
            "det_leibniz": 2,
            "determinant": 2,
            "polygon_area": 2,
        },
    },
    {
        "id": "week04_linear_systems",
        "release": "2026-10-26",
        "due": "2026-11-02",
        "title": "Linear systems, orthogonality and least squares",
        "points": {
            "solve": 2,
            "rank": 2,
            "gram_schmidt": 2,
            "qr": 2,
            "least_squares": 2,
        },
    },
    {
        "id": "week05_eigenvectors",
        "release": "2026-11-02",
        "due": "2026-11-09",
        "title": "Eigenvectors, PCA and PageRank",
        "points": {
            "power_iteration": 2,
            "covariance_matrix": 2,
            "pca": 2,
            "reconstruct": 2,
            "pagerank": 2,
        },
    },
    {
        "id": "week06_calculus",
        "release": "2026-11-09",
        "due": "2026-11-16",
        "title": "Derivatives and logarithms",
        "points": {
            "derivative": 2,
            "second_derivative": 2,
            "newton_root": 2,
            "log_product": 2,
            "log_sum_exp": 2,
        },
    },
    {
        "id": "week07_multivariate",
        "release": "2026-11-16",
        "due": "2026-11-23",
        "title": "Gradients: the direction of steepest ascent",
        "points": {
            "partial_derivative": 2,
            "numerical_gradient": 2,
            "directional_derivative": 2,
            "jacobian": 2,
            "gradient_check": 2,
        },
    },
    {
        "id": "week08_optimization",
        "release": "2026-11-23",
        "due": "2026-11-30",
        "title": "Gradient descent",
        "points": {
            "gradient_descent": 2,
            "critical_learning_rate": 2,
            "momentum_descent": 2,
            "fit_linear_regression": 2,
        },
    },
    {
        "id": "week09_probability",
        "release": "2026-11-30",
        "due": "2026-12-07",
        "title": "Random variables and expectation",
        "points": {
            "expected_value": 2,
            "variance": 2,
            "bayes_posterior": 2,
            "monte_carlo_mean": 2,
        },
    },
    {
        "id": "week10_continuous",
        "release": "2026-12-07",
        "due": "2026-12-14",
        "title": "Continuous random variables and the Gaussian",
        "points": {
            "trapezoid": 2,
            "gaussian_pdf": 2,
            "kde": 2,
            "mvn_logpdf": 2,
            "sample_mvn": 2,
        },
    },
    {
        "id": "week11_entropy",
        "release": "2026-12-14",
        "due": "2026-12-21",
        "title": "Entropy, cross-entropy and KL divergence",
        "points": {
            "entropy": 2,
            "cross_entropy": 2,
            "kl_divergence": 2,
            "binary_cross_entropy": 2,
        },
    },
    {
        "id": "week12_softmax",
        "release": "2026-12-21",
        "due": "2026-12-28",
        "title": "Softmax and the cross-entropy loss",
        "points": {
            "softmax": 2,
            "log_softmax": 2,
            "one_hot": 2,
            "cross_entropy_loss": 2,
            "cross_entropy_grad": 2,
        },
    },
    {
        "id": "week13_statistics",
        "release": "2026-12-28",
        "due": "2027-01-04",
        "title": "Maximum likelihood and logistic regression",
        "points": {
            "gaussian_mle": 2,
            "sigmoid": 2,
            "logistic_loss": 2,
            "logistic_grad": 2,
            "fit_logistic_regression": 2,
        },
    },
    {
        "id": "week14_stochastic_optimization",
        "release": "2027-01-04",
        "due": "2027-01-11",
        "title": "Stochastic optimisation and regularisation",
        "points": {
            "minibatches": 2,
            "sgd_linear_regression": 2,
            "adam_step": 2,
            "ridge_regression": 2,
            "cross_validation_error": 2,
        },
    },
    {
        "id": "week15_neural_networks",
        "release": "2027-01-11",
        "due": "2027-01-18",
        "title": "A neural network from scratch",
        "points": {
            "relu": 1,
            "relu_grad": 1,
            "mlp_forward": 2,
            "mlp_backward": 3,
            "train_mlp": 3,
        },
    },
    {
        "id": "week16_segmentation",
        "release": "2027-01-18",
        "due": "2027-01-25",
        "title": "Capstone: thin objects, class imbalance and the Dice loss",
        "points": {
            "dice_coefficient": 2,
            "soft_dice_loss": 2,
            "soft_dice_grad": 2,
            "pixel_bce": 2,
            "train_segmenter": 2,
        },
    },
]

# Limits for grading one submission (seconds, MiB). Generous for honest work, fatal for loops.
GRADING = {
    "cell_timeout": 30,
    "notebook_timeout": 120,
    "test_timeout": 5,
    "memory_mb": 2048,
    "output_mb": 8,
}

# Running the term (read by `course collect` and `course gradebook`; validated by
# course.term.settings). Times are UTC. A late submission loses `penalty` of its score per
# started `window_hours` after the grace period, and scores 0 more than `cap_days` late.
TERM = {
    "deadline_time": "23:59",
    "grace_minutes": 15,
    "penalty": 0.1,
    "window_hours": 24,
    "cap_days": 5,
    "keep": "latest",
    "drop_lowest": 1,
    "weights": {},
}
