"""A progress line for long batches, drawn on standard error without any dependency.

:func:`~imrparse.parse_many` draws it when ``progress=True``; the command line draws it
when standard error is a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

__all__ = ["Progress", "track"]

T = TypeVar("T")

_WIDTH = 24
_EVERY = 0.2  # seconds between redraws


class Progress:
    """Counts items and redraws one line (``\\r``) at most five times a second.

    >>> import io
    >>> out = io.StringIO()
    >>> bar = Progress(total=4, stream=out, unit="letter")
    >>> bar.update(4)
    >>> bar.close()
    >>> out.getvalue().splitlines()[-1].split("\\r")[-1].split("  ")[:2]
    ['[########################]', '4/4 letters']
    """

    def __init__(
        self, *, total: int | None, stream: IO[str] | None = None, unit: str = "letter"
    ) -> None:
        self.total = total
        self.count = 0
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items; redraw when the last drawing is old enough."""
        self.count += n
        now = time.monotonic()
        if now - self._drawn >= _EVERY:
            self._draw(now)

    def close(self) -> None:
        """Draw the final state and end the line."""
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()

    def _draw(self, now: float) -> None:
        self._drawn = now
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        units = f"{self.unit}s"
        if self.total:
            done = min(self.count, self.total)
            filled = _WIDTH * done // self.total
            bar = "[" + "#" * filled + "." * (_WIDTH - filled) + "]"
            left = (self.total - done) / rate if rate > 0 else 0.0
            line = f"{bar}  {done}/{self.total} {units}  {rate:.0f}/s  {_clock(left)} left"
        else:
            line = f"{self.count} {units}  {rate:.0f}/s  {_clock(elapsed)}"
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + pad)
        self.stream.flush()


def _clock(seconds: float) -> str:
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def track(items: Iterable[T], *, total: int | None, stream: IO[str] | None = None) -> Iterator[T]:
    """Yield ``items`` unchanged, drawing a :class:`Progress` line as they pass.

    The line is ended when the items run out, and also when the consumer stops early
    (an interrupt or an error), so the terminal is left tidy.

    >>> import io
    >>> out = io.StringIO()
    >>> list(track(range(3), total=3, stream=out))
    [0, 1, 2]
    >>> "3/3 letters" in out.getvalue()
    True
    """
    bar = Progress(total=total, stream=stream)
    try:
        for item in items:
            bar.update()
            yield item
    finally:
        bar.close()
