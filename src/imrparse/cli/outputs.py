"""The command's outputs: JSON, JSON lines, CSV or Parquet, written one letter at a time,
so that an interrupted run leaves whole records."""

from __future__ import annotations

import csv
import importlib
import io
import json
import sys
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from typing import IO, Any

from ..convert import to_dict
from ..records import Letter
from ..table import COLUMNS, letter_rows
from .common import STDIN, UsageError

__all__ = ["WRITERS", "open_output", "require_pyarrow"]


def open_output(stack: ExitStack, name: str | None, *, binary: bool) -> IO[Any]:
    if name is None or name == STDIN:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        if binary:
            return stack.enter_context(open(name, "wb"))
        return stack.enter_context(open(name, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None


def write_json(letters: Iterable[Letter], out: IO[str]) -> None:
    out.write("[")
    try:
        for n, letter in enumerate(letters):
            record = json.dumps(to_dict(letter), indent=2, ensure_ascii=False)
            out.write((",\n" if n else "\n") + record)
    finally:  # an interrupted run still leaves a whole JSON array
        out.write("\n]\n")


def write_jsonl(letters: Iterable[Letter], out: IO[str]) -> None:
    for letter in letters:  # one write per letter: an interrupt leaves whole lines
        out.write(json.dumps(to_dict(letter), ensure_ascii=False) + "\n")


def write_csv(letters: Iterable[Letter], out: IO[str]) -> None:
    buffer = io.StringIO()
    rows = csv.writer(buffer)
    rows.writerow(COLUMNS)
    for index, letter in enumerate(letters):
        rows.writerows([row[name] for name in COLUMNS] for row in letter_rows(letter, index))
        out.write(buffer.getvalue())  # one write per letter: an interrupt leaves whole lines
        buffer.seek(0)
        buffer.truncate()
    out.write(buffer.getvalue())


def require_pyarrow() -> None:
    if not importable("pyarrow"):
        raise UsageError('parquet output needs pyarrow: pip install "imrparse[parquet]"')


def importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def write_parquet(letters: Iterable[Letter], out: IO[bytes]) -> None:
    from .._parquet import write_parquet

    write_parquet(letters, out)


WRITERS: dict[str, Callable[[Iterable[Letter], Any], None]] = {
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}
