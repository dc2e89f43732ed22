# %% [markdown]
# # Week 16 — Capstone: thin objects, class imbalance and the Dice loss
#
# **Why this week matters.** *Segmentation* means labelling every pixel of
# an image: this pixel is plant, that one is soil. Here is a true story. A
# bioimage analyst had to find plant seedlings in microscope images, pixel
# by pixel. The stems were very thin, one or two pixels wide. The analyst
# trained a segmentation network with the usual loss, pixel-wise
# cross-entropy, and got back an output with almost nothing in it. The
# network called nearly every pixel "background", and the seedlings were
# gone.
#
# The network was not the problem. The loss was. When 97 of every 100
# pixels are soil, answering "soil" everywhere already gives a small
# *average* cross-entropy, so the loss has little reason to find the thin
# stems. What was needed was a loss that measures *overlap*: of the pixels
# that are plant, how many did we find, and how many of our finds are
# right? That loss is the **Dice loss**, and with it the seedlings came
# back.
#
# This capstone rebuilds that story with tools from the whole course:
# overlap as a ratio (week 1's similarity in a new form), cross-entropy
# (week 11), the quotient rule and the chain rule (weeks 6–7), gradient
# descent (week 8) and logistic regression (week 13). At the end you train
# the *same* tiny model twice, once with each loss, on synthetic seedling
# images, and you measure the difference.
#
# | function | what it measures | ML use |
# | --- | --- | --- |
# | `dice_coefficient` | overlap of two masks | the score of a segmentation |
# | `soft_dice_loss` | overlap of probabilities with a mask | a loss for rare classes |
# | `soft_dice_grad` | how that loss changes with each pixel | training with it |
# | `pixel_bce` | average cross-entropy per pixel | the usual segmentation loss |
# | `train_segmenter` | a per-pixel logistic model | both losses, side by side |
#
# Notation: a **mask** is an image of 0s and 1s, where 1 means foreground
# (plant). `target` $t$ is the true mask; the model gives a probability
# $p_i$ of foreground for each pixel $i$. An image has $P$ pixels,
# $T = \sum_i t_i$ of them foreground, and $\pi = T/P$ is the **foreground
# fraction**.

# %%
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# ## 1. Thin objects on a busy background
#
# We can't ship microscope images, so we make our own: 48×48 "seedling"
# images. Three stems grow up from the bottom edge and bend as they go.
# Each is one pixel wide (a quarter of them two). Behind them is soil: a
# blotchy texture, a little pixel noise, and some sixty **grains of
# sand**, specks one to three pixels long that are exactly as bright as a
# stem. Your eye separates the two at once by their *shape*: a stem is a
# long line, a grain is a dot. A single pixel, or even a 3×3 window around
# it, often can't tell them apart. Everything is plain numpy with a fixed
# seed, so every run gives the same images.

# %% grading="skip"
SIZE = 48  # images are SIZE x SIZE pixels
GRAIN_DIRECTIONS = [(0, 1), (1, 0), (1, 1), (1, -1)]


def local_mean(image, r=1):
    """Mean over the (2r + 1) x (2r + 1) window around each pixel."""
    padded = np.pad(image, r, mode="reflect")
    out = np.zeros(image.shape)
    for dy in range(2 * r + 1):
        for dx in range(2 * r + 1):
            out += padded[dy:dy + image.shape[0], dx:dx + image.shape[1]]
    return out / (2 * r + 1) ** 2


def make_seedlings(rng, n_stems=3, n_grains=60):
    """One synthetic image and its boolean stem mask, both SIZE x SIZE."""
    mask = np.zeros((SIZE, SIZE), dtype=bool)
    for _ in range(n_stems):
        y, x = SIZE - 1.0, rng.uniform(5, SIZE - 5)  # start at the bottom
        angle = rng.uniform(-0.4, 0.4)  # 0 means straight up
        bend = rng.normal(0, 0.03)  # a steady curve ...
        wide = rng.random() < 0.25  # ... one or two pixels wide
        for _ in range(int(2 * rng.uniform(14, 30))):  # half-pixel steps
            angle += bend + rng.normal(0, 0.04)  # ... with some wobble
            y, x = y - 0.5 * np.cos(angle), x + 0.5 * np.sin(angle)
            i, j = int(round(y)), int(round(x))
            if 0 <= i < SIZE and 0 <= j < SIZE - 1:
                mask[i, j] = True
                mask[i, j + 1] |= wide
    grains = np.zeros((SIZE, SIZE), dtype=bool)
    for _ in range(n_grains):  # specks of 1 to 3 pixels in a row
        i, j = rng.integers(0, SIZE, size=2)
        di, dj = GRAIN_DIRECTIONS[rng.integers(4)]
        for k in range(rng.integers(1, 4)):
            if 0 <= i + k * di < SIZE and 0 <= j + k * dj < SIZE:
                grains[i + k * di, j + k * dj] = True
    soil = rng.normal(size=(SIZE, SIZE))
    for _ in range(3):  # blurring white noise makes blotches
        soil = local_mean(soil)
    soil /= soil.std()
    noise = rng.normal(size=(SIZE, SIZE))
    image = 0.5 * soil + 0.2 * noise + 1.2 * (mask | grains)
    return image, mask


rng = np.random.default_rng(12)
train_set = [make_seedlings(rng) for _ in range(8)]
test_set = [make_seedlings(rng) for _ in range(8)]
train_fraction = np.mean([mask.mean() for _, mask in train_set])
print(f"foreground fraction of the training pixels: "
      f"{100 * train_fraction:.1f} %")

fig, axes = plt.subplots(2, 3, figsize=(10, 7))
for k in range(3):
    image, mask = train_set[k]
    axes[0, k].imshow(image, cmap="gray")
    axes[0, k].set_title(f"training image {k}")
    axes[1, k].imshow(mask, cmap="Greens")
    axes[1, k].set_title(f"its mask: {100 * mask.mean():.1f} % stem")
    for ax in axes[:, k]:
        ax.set(xlabel="x (pixels)", ylabel="y (pixels)")
fig.suptitle("Synthetic seedlings: thin stems among grains of sand")
fig.tight_layout()
plt.show()

# %% [markdown]
# The stems are easy to see as *lines*, but they take up only a few
# percent of the pixels. That number, the foreground fraction $\pi$, is
# what the whole week is about.
#
# ## 2. What does a lazy model score?
#
# Before we train anything, look at a model that ignores the image: it
# predicts the same probability $c$ of "stem" for every pixel. What score
# does each loss give it?
#
# - **Pixel cross-entropy** (week 11) averages
#   $-[t_i \log p_i + (1 - t_i) \log (1 - p_i)]$ over the pixels. With
#   $p_i = c$ for every pixel this is
#   $-[\pi \log c + (1 - \pi) \log (1 - c)]$. It is smallest at $c = \pi$,
#   where it equals the entropy of the foreground fraction. For
#   $\pi \approx 3.7\,\%$ that is about $0.16$ nats, not far from a perfect
#   model's $0$. And $c = \pi$ is far below $0.5$, so after thresholding,
#   the lazy model's answer is "background" for every pixel.
# - The **Dice loss** (section 4) only looks at overlap with the stems. The
#   lazy model gets a loss near $1$, the worst possible, whatever $c$ is.
#   The background does not count as an achievement.

# %% grading="skip"
cs = np.linspace(0.001, 0.999, 500)
pi = train_fraction
n_pixels = 8 * SIZE * SIZE  # the whole training set
n_stem = pi * n_pixels
bce_lazy = -(pi * np.log(cs) + (1 - pi) * np.log(1 - cs))
dice_lazy = 1 - (2 * cs * n_stem + 1) / (cs * n_pixels + n_stem + 1)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
ax1.plot(cs, bce_lazy, "C0", lw=2)
ax1.plot(pi, bce_lazy.min(), "ko")
ax1.annotate(f"best lazy model: c = π ≈ {pi:.3f},\n"
             f"loss {bce_lazy.min():.2f}: everything is background",
             (pi, bce_lazy.min()), (0.2, 1.2),
             arrowprops={"arrowstyle": "->"})
ax1.axhline(0, color="gray", ls=":", label="a perfect model: 0")
ax1.set(title="Pixel cross-entropy of a constant prediction",
        xlabel="constant probability c of 'stem'", ylabel="mean BCE (nats)",
        ylim=(-0.1, 3))
ax1.legend()
ax2.plot(cs, dice_lazy, "C1", lw=2)
ax2.axhline(0, color="gray", ls=":", label="a perfect model: 0")
ax2.set(title="Soft Dice loss of a constant prediction",
        xlabel="constant probability c of 'stem'", ylabel="Dice loss",
        ylim=(-0.05, 1.05))
ax2.legend()
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# One loss says doing nothing is nearly good enough. The other says it is
# worthless. Keep this picture in mind: a model trained on the left-hand
# loss is drawn towards that comfortable dip, and only a few percent of
# the pixels pull it out again.
#
# ## 3. Measuring overlap: the Dice coefficient
#
# Think of two masks as two **sets of pixels**: $A$, the pixels we
# predicted as stem, and $B$, the true stem pixels. A good prediction
# makes the two sets overlap a lot. The **Dice coefficient** measures this
# overlap:
#
# $$\text{Dice}(A, B) = \frac{2\,|A \cap B|}{|A| + |B|}.$$
#
# Count the overlap twice, once for each set, and divide by the total
# size of both. Identical masks give $1$, masks that don't touch give $0$,
# and anything in between is a partial match. Look at what is **missing**
# from the formula: the background. A pixel that is background in both
# masks appears in neither the numerator nor the denominator, so a
# million correctly rejected soil pixels earn nothing. If you know
# precision and recall: Dice is exactly their harmonic mean, the
# $F_1$ score.
#
# When both masks are empty (no stem, none predicted), the formula reads
# $0/0$. The prediction is perfect, so we define Dice to be $1$ there.
#
# **Worked example.** Predicted pixels $A$ = 3 pixels, true pixels
# $B$ = 4 pixels, 2 of them shared: Dice $= 2 \cdot 2 / (3 + 4) = 4/7
# \approx 0.571$. Compare the *intersection over union* (IoU, another
# overlap score): $|A \cap B| / |A \cup B| = 2/5 = 0.4$. It is a different
# number, so don't mix the two up.

# %% grading="skip"
A = np.array([[0, 1, 1],
              [0, 1, 0],
              [0, 0, 0]])
B = np.array([[0, 0, 1],
              [0, 1, 0],
              [1, 1, 0]])
overlap = np.sum((A != 0) & (B != 0))
print("overlap:", overlap, " |A| =", np.sum(A != 0), " |B| =", np.sum(B != 0))
print("Dice =", 2 * overlap / (np.sum(A != 0) + np.sum(B != 0)))

# %% [markdown]
# Why not simply count the pixels we got right? Because for thin objects
# that number says almost nothing. Take the mask of training image 0 and
# slide a copy of it sideways, one pixel at a time. Each shift is a worse
# prediction, and after a few pixels it misses the stems entirely. What do
# pixel accuracy and Dice say?

# %% grading="skip"
truth = train_set[0][1]
shifts = np.arange(6)
accuracies, dices = [], []
for k in shifts:
    moved = np.roll(truth, k, axis=1)
    accuracies.append(np.mean(moved == truth))
    dices.append(2 * np.sum(moved & truth) / (moved.sum() + truth.sum()))
    print(f"shift {k}: accuracy {accuracies[-1]:.3f}, Dice {dices[-1]:.3f}")
print(f"no stem predicted at all: accuracy {1 - truth.mean():.3f}, Dice 0")

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(shifts, accuracies, "o-", color="C0", label="pixel accuracy")
ax.plot(shifts, dices, "s-", color="C1", label="Dice")
ax.axhline(1 - truth.mean(), color="C0", ls=":",
           label="accuracy of predicting no stem at all")
ax.set(title="A thin mask shifted sideways: accuracy barely notices",
       xlabel="shift of the predicted mask (pixels)", ylabel="score",
       ylim=(-0.05, 1.05))
ax.legend(loc="center right")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Pixel accuracy stays above 92 % whatever the shift, because almost
# every pixel is soil and soil is easy to get right. Worse, predicting no
# stem at all scores 96 %, *better* than a mask that is only one pixel
# off. Dice drops to about 0.3 after a one-pixel shift, reaches 0 once the
# masks stop touching, and gives the empty prediction 0. For thin
# objects, Dice measures what we care about.
#
# ### Exercise 1: `dice_coefficient(pred, target)`
#
# Return the Dice coefficient of two masks as a float. Masks are array-likes
# of the same shape, with any number of dimensions. **Any non-zero entry
# is foreground** (so masks of 0/255 or of `True`/`False` work too). Return
# `1.0` when both masks are empty. Raise `ValueError` if the shapes differ
# or the arrays have no entries. Do not change the inputs.

# %% question="dice_coefficient"
def dice_coefficient(pred, target):
    """Hard Dice 2|A & B| / (|A| + |B|) of two masks (non-zero = foreground).

    Returns 1.0 when both masks are empty. ValueError if the shapes differ
    or the masks have no entries.
    """
    # BEGIN SOLUTION
    pred = np.asarray(pred)
    target = np.asarray(target)
    if pred.shape != target.shape:
        raise ValueError(
            f"masks must have the same shape, got {pred.shape} and "
            f"{target.shape}")
    if pred.size == 0:
        raise ValueError("masks must not be empty arrays")
    a = pred != 0
    b = target != 0
    total = int(np.sum(a)) + int(np.sum(b))
    if total == 0:
        return 1.0  # nothing to find and nothing found: perfect
    return 2.0 * int(np.sum(a & b)) / total
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Turn both masks into booleans with `np.asarray(m) != 0`. Then `a & b` is
# the overlap, and `np.sum` counts `True` entries. Check the shapes
# *before* combining the masks: numpy would happily broadcast a `(3,)`
# mask against a `(2, 3)` one. Handle the "both empty" case before you
# divide.
# </details>

# %% tests="dice_coefficient"
import numpy as np


@test_case(hidden=False)
def test_dice_worked_example(dice_coefficient):
    A = [[0, 1, 1], [0, 1, 0], [0, 0, 0]]
    B = [[0, 0, 1], [0, 1, 0], [1, 1, 0]]
    assert np.isclose(dice_coefficient(A, B), 4 / 7), (
        "3 predicted pixels, 4 true pixels, 2 shared: Dice = 2*2/(3+4) = 4/7"
    )


@test_case(hidden=False)
def test_dice_identical_and_disjoint(dice_coefficient):
    mask = [1, 0, 1, 1, 0]
    assert np.isclose(dice_coefficient(mask, mask), 1.0), (
        "a mask compared with itself has Dice 1"
    )
    assert np.isclose(dice_coefficient([1, 1, 0, 0], [0, 0, 1, 1]), 0.0), (
        "masks with no common pixel have Dice 0"
    )


@test_case(hidden=True)
def test_dice_random_masks(dice_coefficient):
    rng = np.random.default_rng(1201)
    for shape, density in (((6, 7), 0.3), ((20, 20), 0.05), ((50,), 0.5),
                           ((3, 4, 5), 0.2)):
        a = rng.random(shape) < density
        b = rng.random(shape) < density
        a[0] = True  # never both empty here
        want = 2 * np.sum(a & b) / (np.sum(a) + np.sum(b))
        got = dice_coefficient(a.astype(int), b.astype(int))
        assert np.isclose(float(got), want, rtol=1e-12), (
            "dice_coefficient is wrong for random masks: it should be "
            "2 |A and B| / (|A| + |B|)"
        )


@test_case(hidden=True)
def test_dice_both_empty(dice_coefficient):
    for shape in ((4,), (3, 5)):
        got = dice_coefficient(np.zeros(shape), np.zeros(shape, dtype=int))
        assert np.isclose(float(got), 1.0), (
            "two empty masks (nothing to find, nothing found) have Dice 1.0"
        )
    got = dice_coefficient([0, 0, 0], [0, 1, 0])
    assert np.isclose(float(got), 0.0), (
        "an empty prediction against a non-empty mask has Dice 0"
    )


@test_case(hidden=True)
def test_dice_nonzero_is_foreground(dice_coefficient):
    pred = np.array([[0, 255, 255], [0, 255, 0]])
    target = np.array([[0.0, 0.3, 0.0], [-2.0, 7.0, 0.0]])
    # as sets: pred = {(0,1), (0,2), (1,1)}, target = {(0,1), (1,0), (1,1)}
    assert np.isclose(float(dice_coefficient(pred, target)), 2 * 2 / 6), (
        "any non-zero entry (255, 0.3, -2, ...) is foreground: the masks "
        "must be compared as sets of pixels, not as numbers"
    )
    got = dice_coefficient(pred > 0, target != 0)
    assert np.isclose(float(got), 2 * 2 / 6), (
        "boolean masks should work too"
    )


@test_case(hidden=True)
def test_dice_symmetric_and_bounded(dice_coefficient):
    rng = np.random.default_rng(1202)
    for _ in range(5):
        a = rng.random((8, 8)) < 0.2
        b = rng.random((8, 8)) < 0.4
        a[0, 0] = True
        ab = float(dice_coefficient(a, b))
        ba = float(dice_coefficient(b, a))
        assert np.isclose(ab, ba), "Dice should be symmetric in its masks"
        assert 0.0 <= ab <= 1.0, "Dice should lie between 0 and 1"


@test_case(hidden=True)
def test_dice_invalid(dice_coefficient):
    for pred, target in (([1, 0, 1], [[1, 0, 1], [0, 0, 1]]),
                         ([1, 0], [1, 0, 1]),
                         ([[1, 0]], [1, 0]),
                         ([], [])):
        try:
            dice_coefficient(pred, target)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "dice_coefficient should raise ValueError (not another "
            "exception) when the shapes differ (even if numpy could "
            "broadcast them) or the masks are empty arrays"
        )


@test_case(hidden=True)
def test_dice_small_2d_example(dice_coefficient):
    pred = np.array([[0, 2], [1, 0]])
    target = np.array([[0.0, 1.0], [0.0, 0.0]])
    got = dice_coefficient(pred, target)
    assert np.isclose(float(got), 2 / 3), (
        "dice_coefficient is wrong for a small 2x2 example with an integer "
        "and a float mask"
    )


@test_case(hidden=True)
def test_dice_keeps_inputs(dice_coefficient):
    pred = np.array([[0, 2], [1, 0]])
    target = np.array([[0.0, 1.0], [0.0, 0.0]])
    dice_coefficient(pred, target)
    assert np.array_equal(pred, [[0, 2], [1, 0]]), (
        "dice_coefficient must not change pred"
    )
    assert np.array_equal(target, [[0.0, 1.0], [0.0, 0.0]]), (
        "dice_coefficient must not change target"
    )

# %% [markdown]
# ## 4. A Dice we can differentiate: the soft Dice loss
#
# The hard Dice counts pixels, so it jumps from value to value. Its
# gradient is zero almost everywhere, which is useless for gradient
# descent. The fix is to let the model's **probabilities** stand in for
# the predicted set. Each set size becomes a sum:
#
# $$|A \cap B| \to \sum_i p_i t_i, \qquad |A| \to \sum_i p_i, \qquad
#   |B| \to \sum_i t_i.$$
#
# When the $p_i$ are exactly 0 or 1, these are the old counts. In between
# they change smoothly. The **soft Dice loss** is one minus this smooth
# overlap, with a small smoothing constant $\varepsilon$ (we use
# $\varepsilon = 1$):
#
# $$L_{\text{Dice}}(p, t) = 1 - \frac{2 \sum_i p_i t_i + \varepsilon}
#   {\sum_i p_i + \sum_i t_i + \varepsilon}.$$
#
# Why $\varepsilon$? On an image with no stems, predicting nothing is
# perfect, and $\varepsilon$ turns the $0/0$ into $\varepsilon/\varepsilon
# = 1$, so the loss is $0$. It also keeps the gradient finite. Compared
# with thousands of pixels, adding $1$ changes the value very little.
#
# **Worked example.** $p = (0.9, 0.6, 0.2, 0.1)$, $t = (1, 1, 0, 0)$:
# $\sum p t = 1.5$, $\sum p = 1.8$, $\sum t = 2$, so
# $L = 1 - (3 + 1)/(1.8 + 2 + 1) = 1 - 4/4.8 \approx 0.1667$.

# %% grading="skip"
p = np.array([0.9, 0.6, 0.2, 0.1])
t = np.array([1.0, 1.0, 0.0, 0.0])
print("sum p t =", np.sum(p * t), " sum p =", np.sum(p), " sum t =", np.sum(t))
print("loss =", 1 - (2 * 1.5 + 1) / (1.8 + 2 + 1))

# %% [markdown]
# ### Exercise 2: `soft_dice_loss(probs, target, eps=1.0)`
#
# Return $1 - (2\sum p t + \varepsilon)/(\sum p + \sum t + \varepsilon)$ as
# a float. The sums run over **all** entries, whatever the shape. `probs`
# and `target` are used as given (no clipping; in practice probabilities in
# $[0, 1]$ and a 0/1 target), and `eps` is positive: it keeps the loss
# defined, 0, when both are all zeros. Raise `ValueError` if the shapes
# differ or the arrays are empty. Do not change the inputs.

# %% question="soft_dice_loss"
def soft_dice_loss(probs, target, eps=1.0):
    """1 - (2 sum(p t) + eps) / (sum(p) + sum(t) + eps), over all entries.

    probs and target are used as given (no clipping); eps > 0. ValueError
    if the shapes differ or the arrays are empty.
    """
    # BEGIN SOLUTION
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape:
        raise ValueError(
            f"probs and target must have the same shape, got {p.shape} and "
            f"{t.shape}")
    if p.size == 0:
        raise ValueError("probs and target must not be empty")
    overlap = 2.0 * np.sum(p * t) + eps
    total = np.sum(p) + np.sum(t) + eps
    return float(1.0 - overlap / total)
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Convert with `np.asarray(..., dtype=float)` and compare `.shape`s first.
# Then it is one line: `np.sum(p * t)`, `np.sum(p)`, `np.sum(t)`. Mind
# where $\varepsilon$ goes: in the numerator **and** in the denominator.
# </details>

# %% tests="soft_dice_loss"
import numpy as np


@test_case(hidden=False)
def test_soft_dice_worked_example(soft_dice_loss):
    got = soft_dice_loss([0.9, 0.6, 0.2, 0.1], [1, 1, 0, 0])
    assert np.isclose(float(got), 1 - 4 / 4.8), (
        "sum(p t) = 1.5, sum(p) = 1.8, sum(t) = 2 and eps = 1 give "
        "1 - (2*1.5 + 1) / (1.8 + 2 + 1) = 1/6"
    )


@test_case(hidden=False)
def test_soft_dice_perfect_and_empty(soft_dice_loss):
    assert np.isclose(float(soft_dice_loss([1, 0, 1], [1, 0, 1])), 0.0), (
        "a prediction equal to a binary target has loss 0"
    )
    assert np.isclose(float(soft_dice_loss([0, 0], [0, 0])), 0.0), (
        "predicting nothing on an empty mask is perfect: with eps the loss "
        "is 1 - eps/eps = 0"
    )


@test_case(hidden=True)
def test_soft_dice_random(soft_dice_loss):
    rng = np.random.default_rng(1211)
    for shape, eps in (((10,), 1.0), ((6, 7), 1.0), ((4, 5), 0.5),
                       ((3, 4, 2), 1e-6)):
        p = rng.random(shape)
        t = (rng.random(shape) < 0.3).astype(float)
        want = 1 - (2 * np.sum(p * t) + eps) / (np.sum(p) + np.sum(t) + eps)
        got = soft_dice_loss(p, t, eps)
        assert np.isclose(float(got), want, rtol=1e-12, atol=1e-14), (
            "soft_dice_loss does not match "
            "1 - (2 sum(p t) + eps) / (sum(p) + sum(t) + eps)"
        )


@test_case(hidden=True)
def test_soft_dice_default_eps(soft_dice_loss):
    rng = np.random.default_rng(1212)
    p = rng.random((5, 5))
    t = (rng.random((5, 5)) < 0.2).astype(float)
    want = 1 - (2 * np.sum(p * t) + 1.0) / (np.sum(p) + np.sum(t) + 1.0)
    assert np.isclose(float(soft_dice_loss(p, t)), want, rtol=1e-12), (
        "the default eps should be 1.0"
    )


@test_case(hidden=True)
def test_soft_dice_hard_masks(soft_dice_loss):
    # For 0/1 probabilities and a tiny eps the loss is 1 - hard Dice.
    pred = np.array([[0, 1, 1], [0, 1, 0], [0, 0, 0]])
    target = np.array([[0, 0, 1], [0, 1, 0], [1, 1, 0]])
    got = soft_dice_loss(pred, target, 1e-9)
    assert np.isclose(float(got), 1 - 4 / 7, atol=1e-8), (
        "with 0/1 probabilities and a tiny eps the loss should be "
        "1 - (hard Dice)"
    )
    got = soft_dice_loss([0.0, 0.0, 0.0], [1.0, 1.0, 0.0])
    assert np.isclose(float(got), 1 - 1 / 3), (
        "predicting nothing against 2 foreground pixels should give "
        "1 - eps / (2 + eps)"
    )


@test_case(hidden=True)
def test_soft_dice_background_free(soft_dice_loss):
    # Extra background (p = 0, t = 0) changes nothing: only the overlap
    # and the foreground mass count.
    p = np.array([0.8, 0.4, 0.7])
    t = np.array([1.0, 0.0, 1.0])
    small = float(soft_dice_loss(p, t))
    big = float(soft_dice_loss(np.concatenate([p, np.zeros(500)]),
                               np.concatenate([t, np.zeros(500)])))
    assert np.isclose(small, big), (
        "pixels with p = 0 and t = 0 should not change the soft Dice loss "
        "(use sums, not means)"
    )
    assert np.isclose(small, 1 - 4 / 4.9), (
        "soft_dice_loss is wrong for a small example"
    )


@test_case(hidden=True)
def test_soft_dice_empty_masks(soft_dice_loss):
    # The smoothing eps is what makes an empty image well defined.
    for shape, eps in (((6,), 1.0), ((4, 4), 0.5), ((3, 2, 2), 1e-3)):
        got = float(soft_dice_loss(np.zeros(shape), np.zeros(shape), eps))
        assert np.isfinite(got) and np.isclose(got, 0.0), (
            "predicting nothing on an empty mask should give loss 0 (not "
            "nan): keep eps in the numerator and the denominator"
        )
    got = float(soft_dice_loss(np.full(5, 0.2), np.zeros(5), 1.0))
    assert np.isclose(got, 1 - 1 / 2), (
        "on an empty mask, predicting a total of 1 should give "
        "1 - eps / (1 + eps) = 0.5 with eps = 1"
    )


@test_case(hidden=True)
def test_soft_dice_invalid(soft_dice_loss):
    for p, t in (([0.5, 0.5], [1.0, 0.0, 1.0]), ([], []),
                 ([[0.5, 0.2]], [1.0, 0.0]),
                 ([0.2, 0.4, 0.1], [[1, 0, 1], [0, 0, 1]])):
        try:
            soft_dice_loss(p, t)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "soft_dice_loss should raise ValueError (not another exception) "
            "when the shapes differ (even if numpy could broadcast them) or "
            "the arrays are empty"
        )


@test_case(hidden=True)
def test_soft_dice_2d_example(soft_dice_loss):
    p = np.array([[0.9, 0.6], [0.2, 0.1]])
    got = soft_dice_loss(p, np.array([[1, 1], [0, 0]]))
    assert np.isclose(float(got), 1 - 4 / 4.8), (
        "soft_dice_loss is wrong for a 2x2 example: the sums run over all "
        "entries"
    )


@test_case(hidden=True)
def test_soft_dice_keeps_inputs(soft_dice_loss):
    p = np.array([[0.9, 0.6], [0.2, 0.1]])
    t = np.array([[1, 1], [0, 0]])
    soft_dice_loss(p, t)
    assert np.array_equal(p, [[0.9, 0.6], [0.2, 0.1]]), (
        "soft_dice_loss must not change probs"
    )
    assert np.array_equal(t, [[1, 1], [0, 0]]), (
        "soft_dice_loss must not change target"
    )

# %% [markdown]
# ## 5. The gradient of the soft Dice loss
#
# To train with the Dice loss we need $\partial L / \partial p_i$ for every
# pixel. Name the two parts of the fraction
#
# $$N = 2\sum_j p_j t_j + \varepsilon, \qquad
#   D = \sum_j p_j + \sum_j t_j + \varepsilon, \qquad L = 1 - \frac{N}{D}.$$
#
# Nudging one $p_i$ changes the numerator by $\partial N / \partial p_i =
# 2t_i$ and the denominator by $\partial D / \partial p_i = 1$. The
# **quotient rule** $(N/D)' = (N' D - N D')/D^2$ gives
#
# $$\frac{\partial L}{\partial p_i} = -\frac{2 t_i D - N}{D^2}
#   = \frac{N - 2 t_i D}{D^2}.$$
#
# Read it pixel by pixel. Gradient descent moves $p_i$ *against* the
# gradient.
#
# - A **background** pixel ($t_i = 0$) has gradient $+N/D^2$: it is pushed
#   down, and every background pixel gets the same small push.
# - A **foreground** pixel ($t_i = 1$) has gradient $(N - 2D)/D^2$. This is
#   negative, because $2\sum p t \le \sum p + \sum t$ makes $N \le D$. So
#   it is pulled up, with a force about $2D/N$ times as large as the push
#   on a background pixel.
#
# The second term of the quotient rule, $-N D'/D^2$, is the one that's
# easy to forget. It is the *only* thing acting on background pixels.
# Without it, nothing would stop the model from calling everything "stem".
#
# **Worked example.** $p = (0.5, 0.5)$, $t = (1, 0)$, $\varepsilon = 1$:
# $N = 2 \cdot 0.5 + 1 = 2$ and $D = 1 + 1 + 1 = 3$. The gradient is
# $((2 - 6)/9,\; 2/9) = (-4/9,\; 2/9)$. A central difference (week 7) on
# your `soft_dice_loss` confirms it.

# %% grading="skip"
N_ex, D_ex = 2 * 0.5 + 1, 1.0 + 1.0 + 1
print("gradient:", (N_ex - 2 * D_ex) / D_ex**2, N_ex / D_ex**2,
      " vs -4/9 =", -4 / 9, " 2/9 =", 2 / 9)

# %% [markdown]
# ### Exercise 3: `soft_dice_grad(probs, target, eps=1.0)`
#
# Return the gradient of `soft_dice_loss(probs, target, eps)` with respect
# to `probs`, as a float array of the **same shape** as `probs`. Raise
# `ValueError` if the shapes differ or the arrays are empty. Do not change
# the inputs.

# %% question="soft_dice_grad"
def soft_dice_grad(probs, target, eps=1.0):
    """Gradient of soft_dice_loss with respect to probs (same shape).

    dL/dp_i = (N - 2 t_i D) / D**2 with N = 2 sum(p t) + eps and
    D = sum(p) + sum(t) + eps. ValueError if the shapes differ or the arrays
    are empty.
    """
    # BEGIN SOLUTION
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape:
        raise ValueError(
            f"probs and target must have the same shape, got {p.shape} and "
            f"{t.shape}")
    if p.size == 0:
        raise ValueError("probs and target must not be empty")
    numerator = 2.0 * np.sum(p * t) + eps
    denominator = np.sum(p) + np.sum(t) + eps
    return (numerator - 2.0 * t * denominator) / denominator**2
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Compute the two numbers `N` and `D` once. Then the whole gradient is a
# single array expression in `t`, `(N - 2 * t * D) / D**2`, which has the
# shape of `t`, and so of `probs`. To test yourself, nudge one entry of
# `probs` by `h = 1e-6` in both directions and compare
# `(loss_plus - loss_minus) / (2 * h)` with that entry of your gradient.
# </details>

# %% tests="soft_dice_grad"
import numpy as np


def central_difference_grad(loss, p, h=1e-6):
    """Numerical gradient of loss at p by central differences."""
    p = np.array(p, dtype=float)
    grad = np.zeros_like(p)
    for index in np.ndindex(p.shape):
        step = np.zeros_like(p)
        step[index] = h
        grad[index] = (loss(p + step) - loss(p - step)) / (2 * h)
    return grad


@test_case(hidden=False)
def test_soft_dice_grad_worked_example(soft_dice_grad):
    got = np.asarray(soft_dice_grad([0.5, 0.5], [1, 0]), dtype=float)
    assert got.shape == (2,), "the gradient has one entry per pixel"
    assert np.allclose(got, [-4 / 9, 2 / 9]), (
        "for p = (0.5, 0.5), t = (1, 0), eps = 1: N = 2, D = 3 and the "
        "gradient is ((N - 2D)/D**2, N/D**2) = (-4/9, 2/9)"
    )


@test_case(hidden=False)
def test_soft_dice_grad_matches_central_difference(soft_dice_grad):
    p = np.array([0.9, 0.6, 0.2, 0.1])
    t = np.array([1.0, 1.0, 0.0, 0.0])

    def loss(q):
        return 1 - (2 * np.sum(q * t) + 1) / (np.sum(q) + np.sum(t) + 1)

    got = np.asarray(soft_dice_grad(p, t), dtype=float)
    assert np.allclose(got, central_difference_grad(loss, p), atol=1e-8), (
        "soft_dice_grad should agree with a central-difference gradient of "
        "the soft Dice loss"
    )


@test_case(hidden=True)
def test_soft_dice_grad_random(soft_dice_grad):
    # Central differences with h = 1e-6 on a smooth rational function are
    # accurate to about 1e-10, so atol = 1e-7 leaves a wide margin.
    rng = np.random.default_rng(1221)
    for shape, eps in (((7,), 1.0), ((3, 4), 1.0), ((5,), 0.3),
                       ((2, 3, 2), 1e-3)):
        p = rng.uniform(0.05, 0.95, size=shape)
        t = (rng.random(shape) < 0.4).astype(float)

        def loss(q, t=t, eps=eps):
            num = 2 * np.sum(q * t) + eps
            return 1 - num / (np.sum(q) + np.sum(t) + eps)

        got = np.asarray(soft_dice_grad(p, t, eps), dtype=float)
        assert got.shape == shape, (
            "the gradient should have the same shape as probs"
        )
        assert np.allclose(got, central_difference_grad(loss, p),
                           rtol=1e-6, atol=1e-7), (
            "soft_dice_grad does not match a numerical gradient of the "
            "soft Dice loss"
        )


@test_case(hidden=True)
def test_soft_dice_grad_default_eps_2d(soft_dice_grad):
    rng = np.random.default_rng(1222)
    p = rng.random((4, 6))
    t = (rng.random((4, 6)) < 0.25).astype(float)
    n = 2 * np.sum(p * t) + 1.0
    d = np.sum(p) + np.sum(t) + 1.0
    got = np.asarray(soft_dice_grad(p, t), dtype=float)
    assert got.shape == (4, 6), (
        "for a 2-D image the gradient should be a 2-D array of the same "
        "shape"
    )
    assert np.allclose(got, (n - 2 * t * d) / d**2, rtol=1e-10,
                       atol=1e-14), (
        "soft_dice_grad is wrong for a 2-D image with the default eps"
    )


@test_case(hidden=True)
def test_soft_dice_grad_signs(soft_dice_grad):
    rng = np.random.default_rng(1223)
    p = rng.uniform(0.1, 0.9, size=30)
    t = (rng.random(30) < 0.2).astype(float)
    t[0] = 1.0
    t[1] = 0.0
    got = np.asarray(soft_dice_grad(p, t), dtype=float)
    assert np.all(got[t == 1] < 0), (
        "raising the probability of a foreground pixel should lower the "
        "loss: its gradient entry should be negative"
    )
    assert np.all(got[t == 0] > 0), (
        "raising the probability of a background pixel should raise the "
        "loss: its gradient entry should be positive"
    )
    assert np.allclose(got[t == 0], got[t == 0][0]), (
        "every background pixel gets the same gradient"
    )


@test_case(hidden=True)
def test_soft_dice_grad_descent_step(soft_dice_grad):
    # A small step against the gradient lowers the loss.
    rng = np.random.default_rng(1224)
    p = rng.uniform(0.2, 0.8, size=(5, 5))
    t = (rng.random((5, 5)) < 0.3).astype(float)

    def loss(q):
        return 1 - (2 * np.sum(q * t) + 1) / (np.sum(q) + np.sum(t) + 1)

    g = np.asarray(soft_dice_grad(p, t), dtype=float)
    assert loss(p - 0.01 * g) < loss(p), (
        "a small step against the gradient should lower the soft Dice loss"
    )


@test_case(hidden=True)
def test_soft_dice_grad_empty_masks(soft_dice_grad):
    # At p = 0 on an empty mask: N = D = eps, so every entry is 1 / eps.
    for shape, eps in (((5,), 1.0), ((3, 3), 0.25)):
        got = np.asarray(soft_dice_grad(np.zeros(shape), np.zeros(shape),
                                        eps), dtype=float)
        assert got.shape == shape and np.all(np.isfinite(got)), (
            "on an empty mask the gradient should be finite, with the "
            "shape of probs"
        )
        assert np.allclose(got, 1 / eps), (
            "on an empty mask with p = 0 every entry should be "
            "N / D**2 = 1 / eps"
        )


@test_case(hidden=True)
def test_soft_dice_grad_invalid(soft_dice_grad):
    for p, t in (([0.5, 0.5], [1.0, 0.0, 1.0]), ([], []),
                 ([0.2, 0.4, 0.1], [[1, 0, 1], [0, 0, 1]])):
        try:
            soft_dice_grad(p, t)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "soft_dice_grad should raise ValueError (not another exception) "
            "when the shapes differ (even if numpy could broadcast them) or "
            "the arrays are empty"
        )


@test_case(hidden=True)
def test_soft_dice_grad_integer_target(soft_dice_grad):
    got = np.asarray(soft_dice_grad(np.array([0.5, 0.5]), np.array([1, 0])),
                     dtype=float)
    assert np.allclose(got, [-4 / 9, 2 / 9]), (
        "soft_dice_grad is wrong for a small example with an integer target"
    )


@test_case(hidden=True)
def test_soft_dice_grad_keeps_inputs(soft_dice_grad):
    p = np.array([0.5, 0.5])
    t = np.array([1, 0])
    soft_dice_grad(p, t)
    assert np.array_equal(p, [0.5, 0.5]), (
        "soft_dice_grad must not change probs"
    )
    assert np.array_equal(t, [1, 0]), "soft_dice_grad must not change target"

# %% [markdown]
# ## 6. Pixel cross-entropy, the loss that failed
#
# The usual segmentation loss treats every pixel as its own yes/no
# question and averages week 11's binary cross-entropy over all pixels:
#
# $$L_{\text{BCE}}(p, t) = -\frac1P \sum_{i=1}^{P}
#   \big[t_i \log p_i + (1 - t_i) \log(1 - p_i)\big].$$
#
# A stem pixel costs $-\log p_i$ and a soil pixel costs $-\log(1 - p_i)$.
# Every pixel gets the same weight $1/P$. That is fair to *pixels*, and
# unfair to the *stems*: with $\pi = 3.7\,\%$, soil provides 96.3 % of the
# terms. As in week 11, probabilities are **clipped** to
# $[\varepsilon, 1 - \varepsilon]$ first, so that a confident mistake
# ($p = 0$ on a stem) costs a large but finite $-\log \varepsilon$ instead
# of $\infty$. We use natural logarithms.
#
# **Worked example.** $p = (0.9, 0.2)$, $t = (1, 0)$: the costs are
# $-\log 0.9 \approx 0.105$ and $-\log 0.8 \approx 0.223$, and their mean
# is $0.164$.

# %% grading="skip"
print("costs:", -np.log(0.9), -np.log(1 - 0.2))
print("mean:", (-np.log(0.9) - np.log(0.8)) / 2)
print("a confident mistake, clipped at eps = 1e-7:", -np.log(1e-7))

# %% [markdown]
# ### Exercise 4: `pixel_bce(probs, target, eps=1e-7)`
#
# Return the **mean** binary cross-entropy over all entries, as a float,
# with natural logarithms and `probs` clipped to `[eps, 1 - eps]` (values
# outside $[0, 1]$, say from rounding, are clipped like the others).
# `target` holds 0s and 1s (ints, floats or booleans); `eps` is a small
# positive number below 0.5. Raise `ValueError` if the shapes differ or the
# arrays are empty. Do not change the inputs.

# %% question="pixel_bce"
def pixel_bce(probs, target, eps=1e-7):
    """Mean of -[t log p + (1 - t) log(1 - p)], p clipped to [eps, 1 - eps].

    Any p is clipped, also outside [0, 1]; 0 < eps < 0.5. ValueError if the
    shapes differ or the arrays are empty.
    """
    # BEGIN SOLUTION
    p = np.asarray(probs, dtype=float)
    t = np.asarray(target, dtype=float)
    if p.shape != t.shape:
        raise ValueError(
            f"probs and target must have the same shape, got {p.shape} and "
            f"{t.shape}")
    if p.size == 0:
        raise ValueError("probs and target must not be empty")
    p = np.clip(p, eps, 1.0 - eps)
    return float(-np.mean(t * np.log(p) + (1.0 - t) * np.log(1.0 - p)))
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# `np.clip(p, eps, 1 - eps)` returns a new array, so the input is not
# changed. Clip **before** taking logs. Without clipping, `0 * np.log(0)`
# is `nan`, not 0. Finish with `np.mean`, not `np.sum`.
# </details>

# %% tests="pixel_bce"
import numpy as np


@test_case(hidden=False)
def test_bce_worked_example(pixel_bce):
    got = pixel_bce([0.9, 0.2], [1, 0])
    assert np.isclose(float(got), -(np.log(0.9) + np.log(0.8)) / 2), (
        "for p = (0.9, 0.2), t = (1, 0) the mean cross-entropy is "
        "(-log 0.9 - log 0.8) / 2"
    )


@test_case(hidden=False)
def test_bce_clips_confident_mistakes(pixel_bce):
    got = float(pixel_bce([0.0, 1.0], [1, 0]))
    assert np.isfinite(got), (
        "p = 0 on a foreground pixel must not give inf: clip p to "
        "[eps, 1 - eps] before taking logs"
    )
    assert np.isclose(got, -np.log(1e-7)), (
        "each confident mistake should cost -log(eps) = -log(1e-7)"
    )


@test_case(hidden=True)
def test_bce_random(pixel_bce):
    rng = np.random.default_rng(1231)
    for shape in ((12,), (6, 8), (3, 4, 5)):
        p = rng.uniform(0.01, 0.99, size=shape)
        t = (rng.random(shape) < 0.3).astype(float)
        want = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
        got = pixel_bce(p, t)
        assert np.isclose(float(got), want, rtol=1e-12), (
            "pixel_bce does not match the mean binary cross-entropy "
            "(natural log)"
        )


@test_case(hidden=True)
def test_bce_clipping_both_ends(pixel_bce):
    p = np.array([0.0, 1.0, 0.0, 1.0])
    t = np.array([0.0, 1.0, 1.0, 0.0])
    got = float(pixel_bce(p, t))
    q = np.clip(p, 1e-7, 1 - 1e-7)
    want = -np.mean(t * np.log(q) + (1 - t) * np.log(1 - q))
    assert np.isfinite(got), (
        "probabilities of exactly 0 or 1 must not give nan or inf"
    )
    assert np.isclose(got, want, rtol=1e-9), (
        "probabilities should be clipped to [eps, 1 - eps] before the logs"
    )
    outside = float(pixel_bce([-0.2, 1.3], [1, 0]))
    assert np.isclose(outside, -np.log(1e-7), rtol=1e-9), (
        "probabilities outside [0, 1] should be clipped to [eps, 1 - eps] "
        "like the others"
    )
    right = float(pixel_bce([0.0, 1.0], [0, 1]))
    assert np.isfinite(right) and 0 <= right < 1e-6, (
        "confident correct answers (p = 0 on background, p = 1 on "
        "foreground) should cost almost nothing, not nan"
    )


@test_case(hidden=True)
def test_bce_eps_argument(pixel_bce):
    got = float(pixel_bce([0.0, 0.5], [1, 1], eps=0.01))
    assert np.isclose(got, (-np.log(0.01) - np.log(0.5)) / 2), (
        "pixel_bce should clip with the eps it is given"
    )


@test_case(hidden=True)
def test_bce_is_a_mean(pixel_bce):
    # Repeating the same pixels does not change a mean.
    p = np.array([0.7, 0.1, 0.4])
    t = np.array([1.0, 0.0, 1.0])
    one = float(pixel_bce(p, t))
    ten = float(pixel_bce(np.tile(p, 10), np.tile(t, 10)))
    assert np.isclose(one, ten), (
        "pixel_bce should be the mean over pixels, not the sum"
    )
    want = -(np.log(0.7) + np.log(0.9) + np.log(0.4)) / 3
    assert np.isclose(one, want), "pixel_bce is wrong for a small example"


@test_case(hidden=True)
def test_bce_background_only(pixel_bce):
    p = np.full((10, 10), 0.05)
    t = np.zeros((10, 10), dtype=int)
    assert np.isclose(float(pixel_bce(p, t)), -np.log(0.95)), (
        "on pure background each pixel costs -log(1 - p)"
    )


@test_case(hidden=True)
def test_bce_invalid(pixel_bce):
    for p, t in (([0.5, 0.5], [1.0, 0.0, 1.0]), ([], []),
                 ([0.2, 0.4, 0.1], [[1, 0, 1], [0, 0, 1]])):
        try:
            pixel_bce(p, t)
        except ValueError:
            continue
        except Exception:
            pass
        raise AssertionError(
            "pixel_bce should raise ValueError (not another exception) when "
            "the shapes differ (even if numpy could broadcast them) or the "
            "arrays are empty"
        )


@test_case(hidden=True)
def test_bce_integer_target(pixel_bce):
    got = float(pixel_bce(np.array([0.0, 0.9, 0.2]), np.array([0, 1, 0])))
    want = -(np.log(1 - 1e-7) + np.log(0.9) + np.log(0.8)) / 3
    assert np.isclose(got, want), (
        "pixel_bce is wrong for a small example with an integer target and "
        "a probability of exactly 0"
    )


@test_case(hidden=True)
def test_bce_keeps_inputs(pixel_bce):
    p = np.array([0.0, 0.9, 0.2])
    t = np.array([0, 1, 0])
    pixel_bce(p, t)
    assert np.array_equal(p, [0.0, 0.9, 0.2]), (
        "pixel_bce must not change probs (clip a copy)"
    )
    assert np.array_equal(t, [0, 1, 0]), "pixel_bce must not change target"

# %% [markdown]
# ## 7. Training a per-pixel model: the chain rule through the sigmoid
#
# Our segmenter is as simple as a segmenter can be: **logistic regression
# on every pixel** (week 13). Each pixel $i$ has a row of features $x_i$ (a
# bias 1, its brightness, and so on; section 8). The model is
#
# $$z_i = x_i \cdot w, \qquad p_i = \sigma(z_i) = \frac{1}{1 + e^{-z_i}},$$
#
# with one weight vector $w$ shared by all pixels. Stacking the rows gives
# the feature matrix $X$ of shape $(P, F)$ and $p = \sigma(Xw)$.
#
# Both losses depend on $w$ only through the $p_i$, so the **chain rule**
# runs $w \to z_i \to p_i \to L$. The sigmoid's derivative is
# $\sigma'(z) = \sigma(z)(1 - \sigma(z)) = p_i(1 - p_i)$, so
#
# $$\frac{\partial L}{\partial z_i} = \frac{\partial L}{\partial p_i}\,
#   p_i(1 - p_i), \qquad
#   \nabla_w L = \sum_i \frac{\partial L}{\partial z_i}\, x_i
#   = X^\top \frac{\partial L}{\partial z}.$$
#
# - For the **mean BCE**, $\partial L/\partial p_i = \frac1P \big(
#   -\frac{t_i}{p_i} + \frac{1 - t_i}{1 - p_i}\big)$. Times $p_i(1 - p_i)$
#   this simplifies to $\partial L/\partial z_i = (p_i - t_i)/P$, the
#   familiar week 13 gradient.
# - For the **Dice loss**, $\partial L/\partial p_i$ is your
#   `soft_dice_grad`, and $\partial L/\partial z_i$ is that times
#   $p_i(1 - p_i)$.
#
# **Who pushes harder?** Start where training starts: $w = 0$, so
# $p_i = 0.5$ for every pixel. Take one image, $P = 2304$ pixels with
# $T = 80$ stem pixels.
#
# - **BCE:** each soil pixel pushes its logit down by $0.5/P$, and each
#   stem pixel pulls up by $0.5/P$. There are $2224$ soil pixels against
#   $80$ stem pixels, so the total push towards "background" is **28
#   times** the pull towards "stem". The first steps of training do one
#   thing: lower every probability. Even at the minimum of the loss, a
#   stem pixel needs overwhelming evidence to get above $0.5$, since the
#   odds start at 80 to 2224.
# - **Dice:** $N = 2 \cdot 40 + 1 = 81$ and $D = 1152 + 80 + 1 = 1233$.
#   The soil pixels push with $2224 \cdot N/D^2$ and the stem pixels pull
#   with $80 \cdot (2D - N)/D^2$. In units of $1/D^2$ that is $180\,144$
#   against $190\,800$: **about even**. Dice gives each stem pixel about
#   $P/T$ times the weight of a soil pixel. Its numerator and denominator
#   count only the predicted and true *foreground* mass, so the sheer
#   number of soil pixels can't drown out the stems.
#
# **Worked example.** One gradient step for BCE from $w = 0$ with
# $\text{lr} = 1$, on three pixels with features $x = (1, 2), (1, 0),
# (1, -1)$ and $t = (1, 0, 0)$: $p = (0.5, 0.5, 0.5)$, $p - t = (-0.5, 0.5,
# 0.5)$, so $\nabla_w L = X^\top (p - t)/3 = (0.5/3, -1.5/3)$ and
# $w = (-1/6, 1/2)$.

# %% grading="skip"
X_ex = np.array([[1.0, 2.0], [1.0, 0.0], [1.0, -1.0]])
t_ex = np.array([1.0, 0.0, 0.0])
p_ex = np.full(3, 0.5)  # sigmoid(0) for every pixel
print("w after one step:", 0 - 1.0 * X_ex.T @ (p_ex - t_ex) / 3)

# %% [markdown]
# **A stable sigmoid.** The textbook formula $1/(1 + e^{-z})$ overflows in
# $e^{-z}$ for $z < -709$ and floods the output with warnings, although the
# answer (0) is fine. Week 13 wrote it stably; here it is, ready to use in
# exercise 5: $\sigma(z) = e^{-\log(1 + e^{-z})}$, with the log-sum-exp
# `np.logaddexp(0, -z)` $= \log(e^0 + e^{-z})$ computed without overflow.

# %%
def stable_sigmoid(z):
    """1 / (1 + exp(-z)) elementwise, without overflow for any z."""
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))


print(stable_sigmoid([-1000.0, 0.0, 1000.0]))

# %% [markdown]
# ### Exercise 5: `train_segmenter(features, target, loss, lr, n_steps, seed)`
#
# `features` is a $(P, F)$ array, one row per pixel, which already holds
# its own bias column (as in week 13). `target` holds $P$ labels in
# $\{0, 1\}$. Start at $w = 0$ and take `n_steps` full-batch gradient
# descent steps $w \leftarrow w - \text{lr}\,\nabla_w L$, where $L$ is
#
# - the mean `pixel_bce` of $p = \sigma(Xw)$ when `loss == "bce"`,
# - `soft_dice_loss` of $p$ with `eps = 1.0` when `loss == "dice"`.
#
# For BCE use the simplified gradient $\partial L/\partial z_i = (p_i -
# t_i)/P$ from above: the clipping inside `pixel_bce` only guards its
# logarithms, and the tests never push a probability that close to 0 or 1.
#
# Compute $p = \sigma(Xw)$ with the `stable_sigmoid` helper above (or your
# own stable version). Return $w$, a float array of shape $(F,)$. Raise
# `ValueError` for any other loss name, for a `features` that is not a
# non-empty 2-D array, or for a `target` without one entry per row. Do not
# change the inputs.
#
# `seed` is part of the contract so the signature matches the other
# trainers of the course. Training starts at zeros and uses every pixel in
# every step, so no randomness is involved and the seed does not change
# the result. Do not subsample pixels.

# %% question="train_segmenter"
def train_segmenter(features, target, loss, lr, n_steps, seed):
    """Weights (F,) of p = sigmoid(features @ w) after n_steps of descent.

    Starts at w = 0; full-batch gradient descent on the mean pixel_bce
    (loss == "bce") or on soft_dice_loss with eps = 1.0 (loss == "dice").
    seed is accepted for the common trainer signature; from zeros and with
    every pixel in every step the result does not depend on it.
    ValueError for another loss name or inconsistent shapes.
    """
    # BEGIN SOLUTION
    if loss not in ("bce", "dice"):
        raise ValueError(f"loss must be 'bce' or 'dice', got {loss!r}")
    X = np.asarray(features, dtype=float)
    t = np.asarray(target, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError("features must be a non-empty (P, F) array")
    if t.shape != (X.shape[0],):
        raise ValueError(f"target must have {X.shape[0]} entries, one per row")
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = np.exp(-np.logaddexp(0.0, -(X @ w)))  # a stable sigmoid
        if loss == "bce":
            grad_z = (p - t) / t.size  # dL/dp times p (1 - p), simplified
        else:
            grad_z = soft_dice_grad(p, t, 1.0) * p * (1.0 - p)
        w = w - lr * (X.T @ grad_z)
    return w
    # END SOLUTION

# %% [markdown]
# <details><summary>Hint</summary>
#
# Check `loss` first. In the loop: `p = stable_sigmoid(X @ w)` (the helper
# above; `1 / (1 + np.exp(-(X @ w)))` gives the same values but overflow
# warnings for very negative logits). Then the gradient with respect to the
# logits is `(p - t) / P` for BCE, or `soft_dice_grad(p, t, 1.0) * p *
# (1 - p)` for Dice. Finally `w = w - lr * X.T @ grad_z`. If BCE trains and
# Dice doesn't, check the factor `p * (1 - p)`: the Dice gradient is with
# respect to $p$, not $z$.
# </details>

# %% tests="train_segmenter"
import numpy as np


@test_case(hidden=False)
def test_train_one_bce_step_by_hand(train_segmenter):
    X = [[1.0, 2.0], [1.0, 0.0], [1.0, -1.0]]
    w = np.asarray(train_segmenter(X, [1, 0, 0], "bce", 1.0, 1, 0),
                   dtype=float)
    assert w.shape == (2,), "the weights have one entry per feature column"
    assert np.allclose(w, [-1 / 6, 1 / 2]), (
        "one BCE step from w = 0 with lr = 1: p = 0.5 everywhere, "
        "grad = X^T (p - t) / P = (1/6, -1/2), so w = (-1/6, 1/2)"
    )


@test_case(hidden=False)
def test_train_unknown_loss(train_segmenter):
    try:
        train_segmenter([[1.0, 0.5], [1.0, -0.5]], [1, 0], "mse", 0.1, 3, 0)
    except ValueError:
        return
    raise AssertionError(
        "train_segmenter should raise ValueError for a loss other than "
        "'bce' or 'dice'"
    )


@test_case(hidden=True)
def test_train_bce_matches_reference(train_segmenter):
    rng = np.random.default_rng(1241)
    X = np.column_stack([np.ones(40), rng.normal(size=(40, 2))])
    t = (rng.random(40) < 0.25).astype(float)
    w = np.zeros(3)
    for _ in range(6):
        p = 1 / (1 + np.exp(-(X @ w)))
        w = w - 0.8 * X.T @ (p - t) / 40
    got = np.asarray(train_segmenter(X, t, "bce", 0.8, 6, 3), dtype=float)
    assert got.shape == (3,), "the weights should have shape (F,)"
    assert np.allclose(got, w, rtol=1e-9, atol=1e-12), (
        "with loss='bce' the weights do not follow gradient descent on the "
        "mean BCE of p = sigmoid(X w), starting from w = 0"
    )


@test_case(hidden=True)
def test_train_dice_matches_reference(train_segmenter):
    rng = np.random.default_rng(1242)
    X = np.column_stack([np.ones(50), rng.normal(size=(50, 3))])
    t = (rng.random(50) < 0.2).astype(float)
    w = np.zeros(4)
    for _ in range(6):
        p = 1 / (1 + np.exp(-(X @ w)))
        n = 2 * np.sum(p * t) + 1.0
        d = np.sum(p) + np.sum(t) + 1.0
        grad_p = (n - 2 * t * d) / d**2
        w = w - 5.0 * X.T @ (grad_p * p * (1 - p))
    got = np.asarray(train_segmenter(X, t, "dice", 5.0, 6, 3), dtype=float)
    assert got.shape == (4,), "the weights should have shape (F,)"
    assert np.allclose(got, w, rtol=1e-9, atol=1e-12), (
        "with loss='dice' the weights do not follow gradient descent on the "
        "soft Dice loss (eps = 1) of p = sigmoid(X w), starting from w = 0; "
        "remember the chain rule through the sigmoid"
    )


@test_case(hidden=True)
def test_train_lowers_both_losses(train_segmenter):
    rng = np.random.default_rng(1243)
    n = 300
    t = (rng.random(n) < 0.1).astype(float)
    X = np.column_stack([np.ones(n), rng.normal(size=n) + 2 * t,
                         rng.normal(size=n)])

    def bce(w):
        p = np.clip(1 / (1 + np.exp(-(X @ w))), 1e-7, 1 - 1e-7)
        return -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))

    def dice(w):
        p = 1 / (1 + np.exp(-(X @ w)))
        return 1 - (2 * np.sum(p * t) + 1) / (np.sum(p) + np.sum(t) + 1)

    w_bce = np.asarray(train_segmenter(X, t, "bce", 0.5, 100, 0), dtype=float)
    assert bce(w_bce) < bce(np.zeros(3)) - 0.1, (
        "training with loss='bce' should clearly lower the mean BCE below "
        "its value at w = 0"
    )
    w_dice = np.asarray(train_segmenter(X, t, "dice", 2.0, 100, 0),
                        dtype=float)
    assert dice(w_dice) < dice(np.zeros(3)) - 0.1, (
        "training with loss='dice' should clearly lower the soft Dice loss "
        "below its value at w = 0"
    )


@test_case(hidden=True)
def test_train_deterministic_and_seed_free(train_segmenter):
    rng = np.random.default_rng(1244)
    X = np.column_stack([np.ones(30), rng.normal(size=(30, 2))])
    t = (rng.random(30) < 0.3).astype(float)
    for loss in ("bce", "dice"):
        first = np.asarray(train_segmenter(X, t, loss, 0.5, 20, 7),
                           dtype=float)
        again = np.asarray(train_segmenter(X, t, loss, 0.5, 20, 7),
                           dtype=float)
        other = np.asarray(train_segmenter(X, t, loss, 0.5, 20, 99),
                           dtype=float)
        assert np.array_equal(first, again), (
            "train_segmenter should give the same weights every time"
        )
        assert np.allclose(first, other, rtol=1e-12, atol=1e-15), (
            "training starts at w = 0 with full-batch steps, so the seed "
            "should not change the weights"
        )
    zero = np.asarray(train_segmenter(X, t, "dice", 0.5, 0, 0), dtype=float)
    assert zero.shape == (3,) and np.allclose(zero, 0.0), (
        "with n_steps = 0 the weights stay at w = 0"
    )


@test_case(hidden=True)
def test_train_dice_recovers_the_rare_class(train_segmenter):
    # The capstone in miniature: 3 % foreground with a weak signal. The
    # best BCE fit keeps almost every probability below 0.5; Dice does not.
    rng = np.random.default_rng(1245)
    n = 2000
    t = np.zeros(n)
    t[:60] = 1.0
    X = np.column_stack([np.ones(n), rng.normal(size=n) + 1.5 * t])
    w_bce = np.asarray(train_segmenter(X, t, "bce", 2.0, 300, 0), dtype=float)
    w_dice = np.asarray(train_segmenter(X, t, "dice", 50.0, 300, 0),
                        dtype=float)
    recall_bce = np.mean((X @ w_bce > 0)[t == 1])
    recall_dice = np.mean((X @ w_dice > 0)[t == 1])
    assert recall_dice > recall_bce + 0.2, (
        "on a problem with 3 % foreground the Dice-trained model should "
        "find clearly more foreground pixels than the BCE-trained one"
    )


@test_case(hidden=True)
def test_train_invalid_shapes(train_segmenter):
    for X, t in (([[1.0, 0.5], [1.0, -0.5]], [1, 0, 1]),
                 ([1.0, 0.5, -0.5], [1, 0, 1]),
                 ([], []),
                 ([[1.0, 0.5], [1.0, -0.5]], [[1, 0]])):
        try:
            train_segmenter(X, t, "bce", 0.1, 3, 0)
        except ValueError:
            continue
        raise AssertionError(
            "train_segmenter should raise ValueError unless features is a "
            "non-empty (P, F) array and target has P entries"
        )
    try:
        train_segmenter([[1.0, 0.5], [1.0, -0.5]], [1, 0], "Dice loss", 0.1,
                        3, 0)
    except ValueError:
        return
    raise AssertionError(
        "train_segmenter should raise ValueError for an unknown loss name"
    )


@test_case(hidden=True)
def test_train_keeps_inputs(train_segmenter):
    X = np.array([[1.0, 2.0], [1.0, 0.0], [1.0, -1.0]])
    t = np.array([1, 0, 0])
    train_segmenter(X, t, "bce", 1.0, 1, 0)
    assert np.array_equal(X, [[1.0, 2.0], [1.0, 0.0], [1.0, -1.0]]), (
        "train_segmenter must not change features"
    )
    assert np.array_equal(t, [1, 0, 0]), (
        "train_segmenter must not change target"
    )

# %% [markdown]
# ## 8. The capstone experiment: same model, two losses
#
# Now the story, measured. Each pixel gets four features, computed with
# plain numpy:
#
# 1. a **bias** 1;
# 2. its **brightness**;
# 3. the **3×3 local mean** of brightness, which averages away pixel noise
#    (and also the stem, a little);
# 4. a **ridge response**: the brightest of four 3-pixel segments through
#    the pixel (horizontal, vertical, two diagonals), minus the 5×5 local
#    mean. A thin bright line scores high along its own direction, and a
#    round soil blotch scores low. So does a grain of sand lying in a row,
#    which is the whole difficulty.
#
# The features (not the bias) are standardised with the mean and standard
# deviation of the training pixels. Then the per-pixel logistic model is
# trained twice, on the 8 training images (18 432 pixels):
#
# - the **same features, model, start ($w = 0$) and number of steps**
#   (200) for both;
# - the **same learning-rate search** for both. Try
#   $\text{lr} \in \{1, 3, 10, 30, 100, 300, 1000\}$ and keep, for each
#   loss, the rate that reaches the *lowest value of its own training
#   loss*. Each loss gets the learning rate that suits it best, and neither
#   is judged by the other's yardstick while training. (The Dice loss needs
#   much larger rates: its gradient has a factor $1/D$, and $D$ is in the
#   hundreds.)
#
# Then both are evaluated on the 8 **held-out** images: threshold the
# probabilities at $0.5$ and measure Dice and **recall**, the fraction of
# true stem pixels found (we also print precision, the fraction of
# predicted stem pixels that are right). These cells use your functions:
# they need all five exercises.

# %% grading="skip"
def design_matrix(images, mean=None, std=None):
    """Per-pixel rows [1, brightness, 3x3 mean, ridge] for a list of images.

    The last three columns are standardised with mean and std (computed
    from these images when not given); returns (X, mean, std).
    """
    rows = []
    for image in images:
        n = image.shape[0]
        padded = np.pad(image, 1, mode="reflect")

        def shifted(dy, dx):
            return padded[1 + dy:1 + dy + n, 1 + dx:1 + dx + n]

        segments = [(shifted(-dy, -dx) + image + shifted(dy, dx)) / 3
                    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1))]
        ridge = np.max(segments, axis=0) - local_mean(image, r=2)
        rows.append(np.column_stack([image.ravel(),
                                     local_mean(image).ravel(),
                                     ridge.ravel()]))
    F = np.vstack(rows)
    if mean is None:
        mean, std = F.mean(axis=0), F.std(axis=0)
    X = np.column_stack([np.ones(len(F)), (F - mean) / std])
    return X, mean, std


LEARNING_RATES = [1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0]
N_STEPS = 200


def probabilities(X, w):
    return 0.5 * (1.0 + np.tanh(0.5 * (X @ w)))  # the sigmoid, stably


def fit_both(train_set, test_set):
    """Train with each loss (best lr by its own training loss) and score
    the held-out images at threshold 0.5."""
    X_tr, mean, std = design_matrix([image for image, _ in train_set])
    X_te, _, _ = design_matrix([image for image, _ in test_set], mean, std)
    t_tr = np.concatenate([mask.ravel() for _, mask in train_set]) * 1.0
    t_te = np.concatenate([mask.ravel() for _, mask in test_set]) * 1.0
    results = {}
    for name, loss, loss_fn in (("BCE", "bce", pixel_bce),
                                ("Dice", "dice", soft_dice_loss)):
        runs = []
        for lr in LEARNING_RATES:
            w = train_segmenter(X_tr, t_tr, loss, lr, N_STEPS, seed=0)
            runs.append((loss_fn(probabilities(X_tr, w), t_tr), lr, w))
        train_loss, lr, w = min(runs, key=lambda run: run[0])
        p_te = probabilities(X_te, w)
        found = p_te > 0.5
        hits = np.sum(found & (t_te == 1))
        results[name] = {
            "lr": lr, "w": w, "p": p_te, "train_loss": train_loss,
            "dice": dice_coefficient(found, t_te),
            "recall": hits / np.sum(t_te),
            "precision": hits / max(np.sum(found), 1),
            "predicted": np.mean(found),
        }
    return results, t_te


try:
    results, t_test = fit_both(train_set, test_set)
except NotImplementedError:
    results = {}
    print("Finish the five exercises above to run the experiment.")

if results:
    print(f"held-out pixels: {t_test.size}, of which "
          f"{100 * t_test.mean():.1f} % are stem\n")
    print("model  best lr  train loss   Dice  recall  precision  "
          "predicted as stem")
    for name, r in results.items():
        print(f"{name:5s}  {r['lr']:7g}  {r['train_loss']:10.4f}  "
              f"{r['dice']:.3f}   {r['recall']:.3f}      "
              f"{r['precision']:.3f}             "
              f"{100 * r['predicted']:.1f} %")

# %% [markdown]
# The pictures: two held-out images with their true masks and what each
# model predicts. Which model found the stems?

# %% grading="skip"
if results:
    fig, axes = plt.subplots(2, 4, figsize=(13, 7))
    for row, k in enumerate((0, 1)):
        image, mask = test_set[k]
        pixels = slice(k * SIZE * SIZE, (k + 1) * SIZE * SIZE)
        panels = [(image, "gray", f"held-out image {k}"),
                  (mask, "Greens", "ground truth")]
        for name in ("BCE", "Dice"):
            pred = results[name]["p"][pixels].reshape(SIZE, SIZE) > 0.5
            score = dice_coefficient(pred, mask)
            panels.append((pred, "Greens",
                           f"trained with {name}: Dice {score:.2f}"))
        for ax, (picture, cmap, title) in zip(axes[row], panels):
            ax.imshow(picture, cmap=cmap, vmin=0 if cmap == "Greens" else None)
            ax.set(title=title, xlabel="x (pixels)", ylabel="y (pixels)")
    fig.suptitle("Same model, same features, same data: only the loss "
                 "differs")
    fig.tight_layout()
    plt.show()

# %% [markdown]
# ## 9. What happened, and why
#
# Read the printed numbers. (The seeds are fixed, so they come out the
# same on every run.) The BCE model marks only 1.4 % of the pixels as
# stem, where 3.7 % are, and finds fewer than a fifth of the stem pixels.
# Its masks are almost empty: that is the seedling story. The Dice model
# finds about three quarters of them, and its Dice score is about twice
# as high. Why?
#
# **BCE did what it was asked.** Its training loss is the lowest that this
# model can reach on the mean pixel cross-entropy, and its probabilities
# are *calibrated*: among the pixels to which it gives 0.3, about 30 % are
# stems. It has learned what a stem looks like. But to a 3×3 window a
# grain of sand looks the same, and there are more grain pixels than stem
# pixels: sixty grains of two pixels on average make about 110 per image,
# against about 85 stem pixels. So even on the most stem-like pixels the
# honest answer is "less than even odds", below the threshold 0.5. The more the background
# outnumbers the stems, the lower those odds. The picture below shows it:
# the BCE model's probabilities on true stems are clearly higher than on
# soil, yet mostly below 0.5.
#
# **Dice asks a different question.** Suppose a prediction has $I$ correct
# stem pixels and $S = |A| + |B|$ pixels in both masks together, so
# $\text{Dice} = 2I/S$. Add one more pixel that is a stem with probability
# $q$. On average the overlap grows by $q$, and $S$ grows by 1. The Dice
# score goes up when
#
# $$\frac{2(I + q)}{S + 1} > \frac{2I}{S}
#   \iff q > \frac{I}{S} = \frac{\text{Dice}}{2}.$$
#
# With a Dice score around 0.5, any pixel that is a stem with probability
# above about $0.25$ is worth marking, where cross-entropy with a 0.5
# threshold waits for $0.5$. That is why the Dice model marks every
# stem-like pixel, grains of sand included. It pays in precision and wins
# in recall. And the correctly rejected soil pixels don't appear in the
# rule at all.

# %% grading="skip"
if results:
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    bins = np.linspace(0, 1, 26)
    for ax, name in zip(axes, ("BCE", "Dice")):
        p_test = results[name]["p"]
        ax.hist(p_test[t_test == 0], bins=bins, density=True, alpha=0.6,
                color="C7", label="soil pixels")
        ax.hist(p_test[t_test == 1], bins=bins, density=True, alpha=0.6,
                color="C2", label="stem pixels")
        ax.axvline(0.5, color="k", ls="--", label="threshold 0.5")
        ax.set(title=f"Model trained with {name}",
               xlabel="predicted probability of stem",
               ylabel="density (log scale)", yscale="log")
        ax.legend()
    fig.suptitle("Where the two models put their probabilities "
                 "(held-out pixels)")
    fig.tight_layout()
    plt.show()
    for name, r in results.items():
        print(f"{name}: mean probability on stem pixels "
              f"{r['p'][t_test == 1].mean():.3f}, on soil pixels "
              f"{r['p'][t_test == 0].mean():.3f}")

# %% [markdown]
# **Is it really the imbalance?** A fair question: maybe our BCE setup is
# just bad. Test it. Keep *everything* as it is: the same brightness of
# stems and grains, the same sixty grains per image, the same features,
# the same training. Only grow more stems per image, so that the
# foreground fraction rises. If the imbalance is the cause, the BCE model
# should find more and more of the stems, and the gap to Dice should
# close. (The first row is the experiment above; each of the others
# trains on 4 new images and is scored on 4 more, to keep it quick.)

# %% grading="skip"
if results:
    STEM_COUNTS = (3, 6, 12, 24, 48)
    control = [(t_test.mean(), results["BCE"]["recall"],
                results["Dice"]["recall"], results["BCE"]["dice"],
                results["Dice"]["dice"])]  # 3 stems: the experiment above
    for n_stems in STEM_COUNTS[1:]:
        rng_control = np.random.default_rng(100 + n_stems)
        sets = [[make_seedlings(rng_control, n_stems=n_stems)
                 for _ in range(4)] for _ in range(2)]
        res, t_held_out = fit_both(*sets)
        control.append((t_held_out.mean(), res["BCE"]["recall"],
                        res["Dice"]["recall"], res["BCE"]["dice"],
                        res["Dice"]["dice"]))
    control = np.array(control)
    print("stems  foreground  recall BCE  recall Dice  Dice BCE  Dice Dice")
    for n_stems, row in zip(STEM_COUNTS, control):
        print(f"{n_stems:5d}  {100 * row[0]:8.1f} %  {row[1]:10.2f}  "
              f"{row[2]:11.2f}  {row[3]:8.2f}  {row[4]:9.2f}")

    fig, ax = plt.subplots(figsize=(7, 4.3))
    ax.plot(100 * control[:, 0], control[:, 1], "o-", color="C0",
            label="recall, trained with BCE")
    ax.plot(100 * control[:, 0], control[:, 2], "s-", color="C1",
            label="recall, trained with Dice")
    ax.plot(100 * control[:, 0], control[:, 3], "o:", color="C0",
            label="Dice score, trained with BCE")
    ax.plot(100 * control[:, 0], control[:, 4], "s:", color="C1",
            label="Dice score, trained with Dice")
    ax.set(title="More foreground, same everything else",
           xlabel="foreground fraction of the images (%)",
           ylabel="held-out score", ylim=(0, 1))
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(alpha=0.3)
    plt.show()

# %% [markdown]
# As the stems take up more of the image, from under 4 % to about a
# third, the BCE model's recall climbs steadily and the two models end up
# close together. Nothing about the BCE model was broken: with the classes
# balanced, mean cross-entropy is a fine loss. It fails on thin objects
# because it weights every pixel equally, so it follows the majority.
#
# Honesty check: the Dice model is far from perfect, either. A four-weight
# linear model with a 3×3 view can't tell a line from a grain of sand,
# and it pays for its recall with false alarms on the grains. A real
# network (a UNet) sees a much larger neighbourhood and learns far better
# features, so both losses do better with it. The *pressure* you saw here
# stays the same, though: with 96 % background, mean cross-entropy
# rewards caution and Dice rewards overlap. In practice people also
# weight the cross-entropy by class, use a *focal* loss, lower the
# threshold, or add Dice and cross-entropy together. All of these are
# ways of not letting the majority class outvote the thin objects.
#
# ## Summary
#
# - The **Dice coefficient** $2|A \cap B| / (|A| + |B|)$ measures overlap.
#   The background appears in neither the numerator nor the denominator,
#   which makes it the right score for thin objects, where pixel accuracy
#   says 96 % for an empty mask.
# - The **soft Dice loss** replaces the counts by sums of probabilities, so
#   it can be differentiated. Its gradient, from the quotient rule, is
#   $(N - 2t_iD)/D^2$: a small push down on background pixels, and a
#   large pull up on foreground pixels.
# - The **mean pixel cross-entropy** weights every pixel equally. Under
#   heavy class imbalance, its minimum keeps rare-class probabilities low,
#   and thin objects vanish at threshold 0.5. Dice marks a pixel as soon
#   as it is a foreground pixel with probability above Dice/2.
# - **Training** either loss is gradient descent with the chain rule
#   through the sigmoid: $\nabla_w L = X^\top(\partial L/\partial p \odot
#   p(1 - p))$.
#
# That is the whole course in one model: vectors and overlaps, matrices
# acting on features, derivatives and the chain rule, gradient descent,
# logarithms and cross-entropy, logistic regression. And now and then, as
# here, a bit of mathematical thinking saves a project.
