"""The PATH arguments as letters: folders, glob patterns, files and standard input."""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .. import pdf
from ..batch import parse_many
from ..errors import ParseError
from ..paths import LETTER_SUFFIXES, NO_SUCH_PATH, PathProblem, scan_folder
from ..reading import failed_letter, parse_bytes_letters
from ..records import Letter, Severity
from .arguments import STDIN, UsageError, plural

SHOWN = 5
"""How many skipped files, and errors of one letter, standard error names before
"and N more"."""


@attrs.define
class Inputs:
    """The PATH arguments made into inputs, and the paths that were not."""

    items: list[str | Path] = attrs.Factory(list)
    """Letter files (:class:`~pathlib.Path`), and :data:`STDIN` where ``-`` was named."""
    problems: list[PathProblem] = attrs.Factory(list)
    """Paths that could not be read: missing, unreadable, of another type, empty."""
    skipped: list[PathProblem] = attrs.Factory(list)
    """Files of other types that a folder or pattern held, passed over."""

    def add_folder(self, folder: str) -> None:
        """The letter files of ``folder``; what it held that is not one."""
        found = scan_folder(folder)
        self.items += found.files
        self.problems += found.unreadable
        self.skipped += found.skipped
        if not found.files and not found.unreadable:
            self.problems.append(PathProblem(folder, "no .txt or .pdf file in this folder"))

    def add_file(self, name: str, *, named: bool) -> None:
        """One file: a letter file if it is one and can be read; else a problem when the
        user ``named`` it, a skipped file when a pattern found it."""
        if not name.lower().endswith(LETTER_SUFFIXES):
            where = self.problems if named else self.skipped
            where.append(PathProblem(name, "not a .txt or .pdf file"))
        elif not os.access(name, os.R_OK):
            self.problems.append(PathProblem(name, "cannot read the file: permission denied"))
        else:
            self.items.append(Path(name))


def expand_paths(paths: Iterable[str]) -> Inputs:
    """Turn PATH arguments into inputs (files, or STDIN), and the paths that name nothing
    readable, each with its cause."""
    inputs = Inputs()
    for arg in paths:
        if arg == STDIN:
            inputs.items.append(STDIN)
        elif os.path.isdir(arg):
            inputs.add_folder(arg)
        elif os.path.lexists(arg):
            inputs.add_file(arg, named=True)
        elif any(char in arg for char in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            for match in matches:
                if os.path.isdir(match):
                    inputs.add_folder(match)
                else:
                    inputs.add_file(match, named=False)
            if not matches:
                inputs.problems.append(PathProblem(arg, "no file matches this pattern"))
        else:
            inputs.problems.append(PathProblem(arg, NO_SUCH_PATH))
    return inputs


def require_pdf_extra(inputs: Inputs) -> None:
    """Refuse the run up front, once, when PDFs are named and the pdf extra is missing."""
    pdfs = any(isinstance(item, Path) and item.suffix.lower() == ".pdf" for item in inputs.items)
    if pdfs:
        try:
            pdf.require()
        except ParseError as exc:
            raise UsageError(exc.msg) from None


def read_letters(
    given: Inputs, args: argparse.Namespace, *, spans: bool = True
) -> Iterator[Letter]:
    """Parse the inputs in order: files through parse_many, standard input here; the
    values' spans only if ``spans``."""
    inputs = given.items
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    files = [item for item in inputs if isinstance(item, Path)]
    parsed = parse_many(files, workers=args.workers, progress=progress and bool(files), spans=spans)
    if len(files) == len(inputs):  # (no standard input among them: the usual case)
        yield from parsed
        return
    held: list[Letter] = []  # (one letter read ahead: the first of the next file)
    for item in inputs:
        if not isinstance(item, Path):
            yield from _read_stdin(spans)
            continue
        # A file gives one letter, or several when it holds several: the ones after its
        # first begin after line 1 of it (see imrparse.parse_letters).
        yield held.pop() if held else next(parsed)
        for letter in parsed:
            if letter.source_lines is None or letter.source_lines[0] == 1:
                held.append(letter)
                break
            yield letter


def _read_stdin(spans: bool) -> tuple[Letter, ...]:
    try:
        data = sys.stdin.buffer.read()
    except (AttributeError, OSError, ValueError) as exc:
        return (failed_letter("<stdin>", f"cannot read standard input: {exc}"),)
    try:
        # (a PDF is read as a PDF)
        return parse_bytes_letters(data, source="<stdin>", spans=spans)
    except ParseError as exc:
        if exc.code == "missing-extra":
            raise UsageError(f"standard input holds a PDF; {exc.msg}") from None
        return (failed_letter("<stdin>", exc.msg, code=exc.code or "read-error"),)


class ErrorLog:
    """The error lines of the letters that had errors, kept as text, not as letters.

    Standard error names each error once the run is over, after the paths not read; a
    batch of letters with errors should not hold every letter until then. The lines are
    held in memory up to a megabyte, then in a temporary file, so what a run keeps stays
    flat whatever the number of letters with errors.
    """

    def __init__(self) -> None:
        self.count = 0
        """How many letters had an error."""
        self._lines = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed by close())
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", errors="surrogateescape"
        )

    def add(self, letter: Letter) -> None:
        """Count ``letter`` as one with errors and keep the lines that name them."""
        self.count += 1
        self._lines.writelines(error_lines(letter))

    def lines(self) -> Iterator[str]:
        """The lines kept so far, in the order the letters came (each ends ``\\n``)."""
        self._lines.seek(0)
        yield from self._lines
        self._lines.seek(0, os.SEEK_END)

    def close(self) -> None:
        """Let go of the lines (and the temporary file, if any)."""
        self._lines.close()


_SPOOL_BYTES = 1 << 20


def error_lines(letter: Letter) -> list[str]:
    """The lines that name the errors of ``letter`` (the first few, then how many more)."""
    where = letter.source or "<text>"
    errors = [d for d in letter.diagnostics if d.severity is Severity.ERROR]
    lines = [
        f"{where}:{error.line}:{error.column}: error: {error.message} [{error.code}]\n"
        for error in errors[:SHOWN]
    ]
    if len(errors) > SHOWN:
        lines.append(f"{where}: and {plural(len(errors) - SHOWN, 'more error')}\n")
    return lines


def report_errors(inputs: Inputs, bad: Iterable[Letter] | ErrorLog) -> int:
    """Name each path not read, the files skipped (the first few), and each error of
    each bad letter (the first few of a letter) on standard error; return the exit code.

    ``bad`` is the letters with errors, or an :class:`ErrorLog` that kept their lines
    (closed once they are written)."""
    for problem in inputs.problems:
        print(f"{problem.path}: error: {problem.cause}", file=sys.stderr)
    for skipped in inputs.skipped[:SHOWN]:
        print(f"{skipped.path}: skipped: {skipped.cause}", file=sys.stderr)
    if len(inputs.skipped) > SHOWN:
        more = len(inputs.skipped) - SHOWN
        print(f"imrparse: and {plural(more, 'more file')} skipped", file=sys.stderr)
    any_bad = False
    if isinstance(bad, ErrorLog):
        any_bad = bad.count > 0
        for line in bad.lines():
            sys.stderr.write(line)
        bad.close()
    else:
        for letter in bad:
            any_bad = True
            for line in error_lines(letter):
                sys.stderr.write(line)
    return 1 if inputs.problems or any_bad else 0
