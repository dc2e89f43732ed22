"""Inside Gradescope: grade /autograder/submission with the engine, write results.json."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from course import grade


def main(autograder_root: Path, aid: str) -> int:
    """Grade the one notebook Gradescope put in submission/ and write results/results.json."""
    submission = autograder_root / "submission"
    results = autograder_root / "results" / "results.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(
        p for p in submission.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    if len(notebooks) != 1:
        found = ", ".join(p.name for p in notebooks) or "none"
        results.write_text(
            json.dumps(
                {"score": 0, "output": (f"Upload exactly one .ipynb notebook (found: {found}).")},
                indent=2,
            )
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        grade.main(aid, notebooks, out=out, root=Path.cwd(), quiet=True)
        shutil.copy(next(out.glob("*/results.json")), results)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
