"""What the commands share: the usage error, the formats, standard input's name."""

from __future__ import annotations

FORMATS = ("json", "jsonl", "csv", "parquet")
STDIN = "-"


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


def plural(n: int, noun: str) -> str:
    """``"1 letter"``, ``"2 letters"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
