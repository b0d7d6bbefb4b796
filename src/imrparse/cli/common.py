"""What the command's parts share: the usage error, standard input's name, the formats."""

from __future__ import annotations

__all__ = ["FORMATS", "STDIN", "UsageError", "count"]

FORMATS = ("json", "jsonl", "csv", "parquet")
STDIN = "-"


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


def count(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is 1: ``1 letter``, ``2 letters``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
