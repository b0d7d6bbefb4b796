"""The output formats and where they are written."""

from __future__ import annotations

import contextlib
import csv
import importlib
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from typing import IO, Any

from ..convert import to_dict
from ..records import Letter
from ..table import COLUMNS, letter_rows
from .arguments import STDIN, UsageError

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
"""The output file's extension names its format."""

PARTIAL = ".partial"
"""What an interrupted run's output file name ends with (the complete name is not used)."""


def choose_format(given: str | None, output: str | None) -> str:
    """The format to write: the output file's extension says it, and ``-f`` may only agree.

    No output file (standard output), or a name without an extension: ``-f``, else json.
    An extension other than the four formats' needs ``-f``.
    """
    if output is None or output == STDIN:
        return given or "json"
    suffix = os.path.splitext(output)[1].lower()
    named = SUFFIXES.get(suffix)
    if named is not None and given is not None and given != named:
        raise UsageError(
            f"-f {given} disagrees with the output file {output} (a {suffix} file is {named}); "
            f"drop -f, or name the file {os.path.splitext(output)[0]}.{given}"
        )
    if named is None and suffix and given is None:
        raise UsageError(
            f"cannot tell the format of {output} from {suffix!r}: name it .csv, .json, .jsonl "
            "or .parquet, or choose one with -f"
        )
    return named or given or "json"


class OutputFile:
    """The file ``-o`` names, written beside it under a temporary name and renamed into
    place only when whole.

    An interrupted run keeps what it wrote as ``NAME.partial`` and leaves ``NAME``
    (perhaps a complete earlier output) as it was; a run that fails removes its file.
    """

    def __init__(self, name: str, *, binary: bool, encoding: str = "utf-8") -> None:
        self.name = name
        if os.path.isdir(name):
            raise UsageError(f"cannot write {name}: it is a folder; name a file in it")
        folder = os.path.dirname(os.path.abspath(name))
        try:
            descriptor, self.temporary = tempfile.mkstemp(
                dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp"
            )
        except OSError as exc:
            raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
        self.stream: IO[Any] = (
            os.fdopen(descriptor, "wb")
            if binary
            else os.fdopen(descriptor, "w", encoding=encoding, newline="")
        )

    def keep(self, *, whole: bool) -> str:
        """Close the file and give it its name: ``NAME`` when ``whole``, else
        ``NAME.partial``. Returns the name it now has."""
        self.stream.close()
        final = self.name if whole else self.name + PARTIAL
        _permit_as_a_new_file(self.temporary, like=self.name)
        try:
            os.replace(self.temporary, final)
        except OSError:
            self.discard()
            raise
        return final

    def discard(self) -> None:
        """Close the file and remove it (the run failed)."""
        self.stream.close()
        with contextlib.suppress(OSError):
            os.remove(self.temporary)


def _permit_as_a_new_file(path: str, *, like: str) -> None:
    """Give ``path`` the permissions of the file it replaces, or of a new file (a
    temporary file is readable by its owner only)."""
    try:
        mode = stat.S_IMODE(os.stat(like).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


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
