"""Preloaded once in the fork server, before any test or answer exists: what sandboxes share."""

import os

# Set before numpy and matplotlib load: one BLAS thread, off-screen figures.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
os.environ["MPLBACKEND"] = "Agg"

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import IPython.core.inputtransformer2  # noqa: E402,F401
import matplotlib.pyplot  # noqa: E402
import numpy  # noqa: E402,F401

import course.engine.child  # noqa: E402

# Draw one throw-away figure now, so that matplotlib's lazy start-up (font cache, text layout,
# the Agg canvas, tick locators) is paid once here instead of in every student's notebook.
_fig, _ax = matplotlib.pyplot.subplots()
_ax.plot([0.0, 1.0], [0.0, 1.0], label="warm-up")
_ax.set(title="warm-up $x^2$", xlabel="x", ylabel="y")
_ax.legend()
_fig.canvas.draw()
matplotlib.pyplot.close(_fig)
del _fig, _ax

import course.engine.sandbox  # noqa: E402,F401  (each sandbox unpickles its entry point from it)
from course.engine import confine  # noqa: E402

# Last: from here on this process (and every sandbox forked from it) sees only the view the
# grader handed over; everything above was loaded from the real filesystem.
confine.reap_orphans()
_view = confine.view_from_environment()
if _view is not None:
    confine.build_root(_view)
