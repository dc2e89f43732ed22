"""A small progress bar on stderr (a bar on a terminal, a few plain lines otherwise)."""

from __future__ import annotations

import sys
import time


class Progress:
    """Counts finished items and shows how many are left and how long it takes."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        self.total, self.label, self.done = total, label, 0
        self.enabled = enabled and total > 0
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self.last_line = -1.0

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        if self.tty:
            width = 30
            filled = int(width * self.done / self.total)
            bar = "█" * filled + "·" * (width - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {elapsed:5.1f}s")
            sys.stderr.flush()
        elif self.done == self.total or elapsed - self.last_line >= 10:
            self.last_line = elapsed
            print(f"{self.label}: {self.done}/{self.total} ({elapsed:.1f}s)", file=sys.stderr)

    def close(self) -> None:
        if self.enabled and self.tty:
            sys.stderr.write("\n")
