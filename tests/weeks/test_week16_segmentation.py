"""The week 12 solution agrees with scipy (Dice dissimilarity, xlogy, numerical derivatives,
L-BFGS) and the capstone's measured story holds: on held-out synthetic seedlings the Dice-trained
model finds far more stem pixels than the BCE-trained one, and the gap closes with less
imbalance."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import differentiate, optimize, special
from scipy.spatial import distance

from course.solution_env import solution_namespace


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    return solution_namespace("week16_segmentation")


def _masks(seed: int, shape: tuple[int, ...], density: float) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a, b = rng.random(shape) < density, rng.random(shape) < density
    a.flat[0] = True  # never both empty
    return a, b


def test_dice_coefficient_is_one_minus_scipys_dice_dissimilarity(ns: dict[str, Any]) -> None:
    for seed, shape, density in (
        (12001, (30,), 0.3),
        (12002, (9, 11), 0.05),
        (12003, (4, 5, 6), 0.5),
    ):
        a, b = _masks(seed, shape, density)
        want = 1 - distance.dice(a.ravel(), b.ravel())
        assert np.isclose(ns["dice_coefficient"](a, b), want, rtol=1e-12)
        assert np.isclose(ns["dice_coefficient"](a * 255, b * 0.5), want, rtol=1e-12)
    assert ns["dice_coefficient"](np.zeros((3, 3)), np.zeros((3, 3))) == 1.0


def test_dice_is_the_harmonic_mean_of_precision_and_recall(ns: dict[str, Any]) -> None:
    a, b = _masks(12004, (40, 40), 0.1)
    precision, recall = np.sum(a & b) / a.sum(), np.sum(a & b) / b.sum()
    f1 = 2 * precision * recall / (precision + recall)
    assert np.isclose(ns["dice_coefficient"](a, b), f1, rtol=1e-12)


def test_soft_dice_loss_is_one_minus_hard_dice_on_binary_masks(ns: dict[str, Any]) -> None:
    a, b = _masks(12005, (20, 20), 0.2)
    want = distance.dice(a.ravel(), b.ravel())
    assert np.isclose(ns["soft_dice_loss"](a * 1.0, b * 1.0, eps=1e-12), want, rtol=1e-9)
    assert ns["soft_dice_loss"](np.zeros(7), np.zeros(7)) == 0.0


@pytest.mark.parametrize(("seed", "shape", "eps"), [(12006, (12,), 1.0), (12007, (3, 5), 0.1)])
def test_soft_dice_grad_is_scipys_numerical_gradient(
    ns: dict[str, Any], seed: int, shape: tuple[int, ...], eps: float
) -> None:
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.05, 0.95, size=shape)
    t = (rng.random(shape) < 0.3) * 1.0

    def loss(q: np.ndarray) -> np.ndarray:
        # scipy.differentiate hands over arrays of shape (p.size, ...): loss per column.
        flat = q.reshape(q.shape[0], -1)
        values = [
            ns["soft_dice_loss"](flat[:, j].reshape(shape), t, eps) for j in range(flat.shape[1])
        ]
        return np.asarray(values).reshape(q.shape[1:])

    numeric = differentiate.jacobian(loss, p.ravel()).df.reshape(shape)
    got = ns["soft_dice_grad"](p, t, eps)
    assert got.shape == shape
    assert np.allclose(got, numeric, rtol=1e-8, atol=1e-11)


def test_pixel_bce_matches_numpy_and_scipy_xlogy(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(12008)
    p = rng.uniform(0.001, 0.999, size=(16, 16))
    t = (rng.random((16, 16)) < 0.1) * 1.0
    numpy_ref = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    scipy_ref = -np.mean(special.xlogy(t, p) + special.xlogy(1 - t, 1 - p))
    assert np.isclose(ns["pixel_bce"](p, t), numpy_ref, rtol=1e-12)
    assert np.isclose(ns["pixel_bce"](p, t), scipy_ref, rtol=1e-12)
    q = np.clip(np.array([0.0, 1.0, 0.0, 1.0]), 1e-7, 1 - 1e-7)
    clipped = -np.mean(special.xlogy([1, 0, 0, 1], q) + special.xlogy([0, 1, 1, 0], 1 - q))
    assert np.isclose(ns["pixel_bce"]([0.0, 1.0, 0.0, 1.0], [1, 0, 0, 1]), clipped)


def test_bce_training_reaches_the_lbfgs_minimum(ns: dict[str, Any]) -> None:
    rng = np.random.default_rng(12009)
    x = np.column_stack([np.ones(400), rng.normal(size=(400, 2))])
    t = (rng.random(400) < special.expit(x @ [-1.0, 2.0, -1.0])) * 1.0

    def loss(w: np.ndarray) -> float:
        return float(ns["pixel_bce"](special.expit(x @ w), t))

    best = optimize.minimize(loss, np.zeros(3), method="L-BFGS-B", options={"gtol": 1e-10}).x
    w = ns["train_segmenter"](x, t, "bce", 2.0, 3000, 0)
    assert np.allclose(w, best, atol=1e-4)


def test_the_notebooks_bce_model_is_the_best_this_model_can_do(ns: dict[str, Any]) -> None:
    # "BCE did what it was asked": its 200-step fit is (almost) the L-BFGS optimum.
    x, _, _ = ns["design_matrix"]([image for image, _ in ns["train_set"]])
    t = np.concatenate([mask.ravel() for _, mask in ns["train_set"]]) * 1.0

    def loss(w: np.ndarray) -> float:
        return float(ns["pixel_bce"](special.expit(x @ w), t))

    best = optimize.minimize(loss, np.zeros(4), method="L-BFGS-B").fun
    assert ns["results"]["BCE"]["train_loss"] < best + 1e-3


def test_dice_model_beats_bce_model_on_held_out_recall(ns: dict[str, Any]) -> None:
    # The capstone's measured claims (section 9 of the notebook).
    results, t_test = ns["results"], ns["t_test"]
    assert 0.03 < t_test.mean() < 0.045
    bce, dice = results["BCE"], results["Dice"]
    assert bce["recall"] < 0.25 and bce["predicted"] < 0.5 * t_test.mean()
    assert dice["recall"] > 0.6 and dice["recall"] > bce["recall"] + 0.4
    assert dice["dice"] > 1.7 * bce["dice"]
    for r in (bce, dice):  # the scores agree with scipy's Dice dissimilarity
        found = r["p"] > 0.5
        assert np.isclose(r["dice"], 1 - distance.dice(found, t_test == 1))


def test_the_bce_model_is_calibrated_but_cautious(ns: dict[str, Any]) -> None:
    x, _, _ = ns["design_matrix"]([image for image, _ in ns["train_set"]])
    t = np.concatenate([mask.ravel() for _, mask in ns["train_set"]])
    p = special.expit(x @ ns["results"]["BCE"]["w"])
    assert np.isclose(p.mean(), t.mean(), atol=1e-3)  # logistic regression matches the rate
    middle = (p > 0.2) & (p < 0.4)
    assert middle.sum() > 200 and abs(t[middle].mean() - p[middle].mean()) < 0.1
    assert np.mean(p[t] > 0.5) < 0.25


def test_imbalance_is_the_cause(ns: dict[str, Any]) -> None:
    # Rows: foreground fraction, recall BCE, recall Dice, Dice BCE, Dice Dice.
    control = ns["control"]
    assert np.all(np.diff(control[:, 0]) > 0)
    assert control[-1, 1] > control[0, 1] + 0.4
    gaps = control[:, 4] - control[:, 3]
    assert gaps[0] > 0.2 and gaps[-1] < 0.1


def test_at_the_start_soil_outvotes_stems_only_under_bce(ns: dict[str, Any]) -> None:
    # Section 7: at w = 0 (p = 0.5) BCE's push on the logits comes ~96 % from soil; Dice's is
    # about even.
    t = np.concatenate([mask.ravel() for _, mask in ns["train_set"]]) * 1.0
    p0 = np.full(t.shape, 0.5)
    bce_push = np.abs(p0 - t)
    dice_push = np.abs(ns["soft_dice_grad"](p0, t) * p0 * (1 - p0))
    assert bce_push[t == 0].sum() / bce_push.sum() > 0.9
    assert 0.4 < dice_push[t == 0].sum() / dice_push.sum() < 0.6


def test_inputs_are_not_mutated(ns: dict[str, Any]) -> None:
    p = np.array([[0.0, 0.9], [0.2, 1.0]])
    t = np.array([[0, 1], [0, 1]])
    x = np.array([[1.0, 2.0], [1.0, 0.0], [1.0, -1.0], [1.0, 0.5]])
    p0, t0, x0 = p.copy(), t.copy(), x.copy()
    ns["dice_coefficient"](p, t)
    ns["soft_dice_loss"](p, t)
    ns["soft_dice_grad"](p, t)
    ns["pixel_bce"](p, t)
    for loss in ("bce", "dice"):
        ns["train_segmenter"](x, t.ravel(), loss, 0.5, 3, 0)
    assert np.array_equal(p, p0) and np.array_equal(t, t0) and np.array_equal(x, x0)
    with pytest.raises(ValueError):
        ns["train_segmenter"](x, t.ravel(), "focal", 0.5, 3, 0)
