"""The output formats and where they are written."""

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
from .arguments import STDIN, UsageError


def open_output(stack: ExitStack, name: str | None, *, binary: bool) -> IO[Any]:
    """The stream to write to: standard output for ``None`` or ``-``, else the file."""
    if name is None or name == STDIN:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        if binary:
            return stack.enter_context(open(name, "wb"))
        return stack.enter_context(open(name, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None


def _write_json(letters: Iterable[Letter], out: IO[str]) -> None:
    out.write("[")
    try:
        for n, letter in enumerate(letters):
            record = json.dumps(to_dict(letter), indent=2, ensure_ascii=False)
            out.write((",\n" if n else "\n") + record)
    finally:  # an interrupted run still leaves a whole JSON array
        out.write("\n]\n")


def _write_jsonl(letters: Iterable[Letter], out: IO[str]) -> None:
    for letter in letters:  # one write per letter: an interrupt leaves whole lines
        out.write(json.dumps(to_dict(letter), ensure_ascii=False) + "\n")


def _write_csv(letters: Iterable[Letter], out: IO[str]) -> None:
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
    """Refuse Parquet output, as a usage error, when pyarrow is missing."""
    if not _importable("pyarrow"):
        raise UsageError('parquet output needs pyarrow: pip install "imrparse[parquet]"')


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def _write_parquet(letters: Iterable[Letter], out: IO[bytes]) -> None:
    from .._parquet import write_parquet

    write_parquet(letters, out)


WRITERS: dict[str, Callable[[Iterable[Letter], Any], None]] = {
    "json": _write_json,
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}
